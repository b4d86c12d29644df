from __future__ import annotations

import io
import os
from collections.abc import Callable

import pytest

from tests.journey import TYPICAL_EMPLOYEE


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    """Every test writes uploads into its own folder; passwords hash fast in tests; counts are
    written at once."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.KEK_DIR = str(tmp_path / "keys")  # key-encryption keys (cases.crypto)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Counts written by the request that made them, so a test reads them at once (production
    # holds them up to 10 s: tests/insight/test_counts.py::test_counts_are_held_then_written).
    settings.INSIGHT_FLUSH_SECONDS = 0


@pytest.fixture(autouse=True)
def _default_language():
    """A request to /en/ leaves English active in this thread; each test starts in Dutch."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.deactivate()


@pytest.fixture
def make_pdf() -> Callable[..., bytes]:
    """A real PDF of `pages` pages, each saying its marker text, made with WeasyPrint."""

    def make(pages: int = 2, marker: str = "EERSTE OORDEEL") -> bytes:
        from weasyprint import HTML

        body = "".join(
            f'<p style="page-break-after: always">{marker} pagina {n}</p>'
            for n in range(1, pages + 1)
        )
        return HTML(string=f"<html><body>{body}</body></html>").write_pdf()

    return make


@pytest.fixture
def typical_answers() -> dict[str, dict[str, str]]:
    return {step: dict(data) for step, data in TYPICAL_EMPLOYEE.items()}


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def skip_or_fail_in_ci(reason: str) -> None:
    """Skip a test whose tool or file is missing here; under CI=true (where `.ci/run` installs
    everything) the same absence is a failure, so a skip never hides a broken set-up."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)
