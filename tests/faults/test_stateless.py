"""The web tier keeps no state of its own, so N web containers can share one PostgreSQL.

Sessions and the cache live in the database; uploads go through Django's storage API only, so
an S3-compatible store (django-storages) can replace the disk. Here an in-memory storage takes
the disk's place for a whole journey with an upload and the PDF, and nothing lands on disk.
"""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from decision_aid.cases.models import Attachment
from tests.journey import add_attachment, walk

pytestmark = pytest.mark.django_db


def test_sessions_and_cache_are_shared_not_per_process():
    assert django_settings.SESSION_ENGINE in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cache",
        "django.contrib.sessions.backends.cached_db",
    )
    backend = django_settings.CACHES["default"]["BACKEND"]
    assert "locmem" not in backend and "filebased" not in backend.lower()
    assert django_settings.MESSAGE_STORAGE.endswith("SessionStorage")


def test_uploads_only_through_the_storage_api(
    client, typical_answers, make_pdf, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "must-stay-empty"
    memory = "django.core.files.storage.InMemoryStorage"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": memory}}
    page = walk(client, typical_answers)
    upload = SimpleUploadedFile("advies.pdf", make_pdf(pages=2), content_type="application/pdf")
    add_attachment(client, page, upload)
    attachment = Attachment.objects.get()
    assert isinstance(attachment.file.storage._wrapped, InMemoryStorage)
    assert attachment.read_pdf().startswith(b"%PDF")
    # Another "web container" (a new client with the same session cookie) serves the PDF.
    other = Client()
    other.cookies = client.cookies
    draft = page.request["PATH_INFO"].replace("bijlagen/", "")
    pdf = other.get(draft + "pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert not (tmp_path / "must-stay-empty").exists()
