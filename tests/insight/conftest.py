from __future__ import annotations

import pytest

from tests.advisors.conftest import advisors, no_2fa  # noqa: F401 - fixtures used here too


@pytest.fixture
def staff_client(client, django_user_model, settings):
    """A signed-in staff member (the admin without the second factor, as in development)."""
    settings.ADVISOR_REQUIRE_2FA = False
    user = django_user_model.objects.create_user(
        "beheer", password="a long passphrase 42", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client
