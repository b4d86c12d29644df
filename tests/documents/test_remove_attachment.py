"""Removing one file from the attachments page: that file is gone (row, stored bytes and its
data key), the others and every answer stay, and a number that is not in the person's own list
removes nothing and says so."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from decision_aid.cases.models import DataKey
from tests.documents import files
from tests.documents.cases import case_file_for

pytestmark = pytest.mark.django_db


def _page(case) -> str:
    return f"/en/brief/{case.id}/bijlagen/"


def _add(client, case, name: str, pages: int):
    response = client.post(_page(case), {"file": SimpleUploadedFile(name, files.pdf(pages))})
    assert response.status_code == 302
    return case.attachments.order_by("pk").last()


def test_remove_takes_away_the_file_its_bytes_and_its_key(client, owned_case):
    case = owned_case(case_file_for("expert_opinion"))
    first = _add(client, case, "advies.pdf", 2)
    second = _add(client, case, "brief.pdf", 1)
    storage, name = first.file.storage, first.file.name
    assert storage.exists(name)

    page = client.post(_page(case), {"remove": str(first.pk)}, follow=True)

    assert page.status_code == 200
    assert list(case.attachments.values_list("pk", flat=True)) == [second.pk]
    assert not storage.exists(name)  # the encrypted bytes are gone from the disk
    assert not DataKey.objects.filter(attachment_id=first.pk).exists()
    assert DataKey.objects.filter(attachment_id=second.pk).exists()
    case.refresh_from_db()
    assert case.case_file == case_file_for("expert_opinion")  # every answer stays


@pytest.mark.parametrize("made_up", ["999999", "abc", "9" * 40, ""])
def test_a_number_not_in_the_list_removes_nothing_and_says_so(client, owned_case, made_up):
    case = owned_case(case_file_for("talk"))
    kept = _add(client, case, "advies.pdf", 1)
    page = client.post(_page(case), {"remove": made_up}, follow=True)
    assert page.status_code == 200
    assert "This file is not in your list. Nothing was removed." in page.content.decode()
    assert list(case.attachments.values_list("pk", flat=True)) == [kept.pk]


def test_another_persons_file_cannot_be_removed_through_my_case(client, owned_case):
    mine = owned_case(case_file_for("talk"))
    theirs = owned_case(case_file_for("talk"))
    their_file = _add(client, theirs, "advies.pdf", 1)
    page = client.post(_page(mine), {"remove": str(their_file.pk)}, follow=True)
    assert "Nothing was removed." in page.content.decode()
    assert theirs.attachments.filter(pk=their_file.pk).exists()
