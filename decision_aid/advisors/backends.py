"""Sign-in backend: Django's ModelBackend, but the signed-in user is read together with their
advisor record and its organisation, in one query (a LEFT JOIN: a user who is no advisor reads
the same). Every advisor page needs all three; before, they were two queries on every request
(docs/benchmarks-log.md, caseload third round)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AdvisorBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("advisor__organisation").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


def axes_username(request: Any, credentials: dict[str, Any] | None = None) -> str | None:
    """The user name django-axes counts a failed sign-in under (AXES_USERNAME_CALLABLE): as
    typed, without NUL characters and cut to 150 characters, the longest a user name can be.
    Axes stored it whole in a column of 255 characters: a longer one was a 500."""
    if credentials:
        name = credentials.get("username")
    else:
        name = getattr(request, "POST", {}).get("username")
    if not isinstance(name, str):
        return name
    return name.replace("\x00", "")[: get_user_model().username.field.max_length]
