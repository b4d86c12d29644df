"""Uploads of the first opinion: every bad file gets its own clear message (never a 500), and
every answer and earlier good upload stays. Good files: PDFs merged unchanged, phone photos
turned upright, stripped of metadata and fitted to A4, typed text as a marked annex page."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from decision_aid.documents.attachments import (
    AttachmentError,
    Limits,
    Usage,
    normalize_text,
    normalize_upload,
)
from tests.conftest import pdf_text
from tests.documents import files
from tests.documents.cases import case_file_for

MB = 1024 * 1024

# name, file name, bytes (a callable), code, English message start
BAD_UPLOADS = [
    (
        "encrypted_user",
        "advies.pdf",
        lambda: files.encrypted(user_password="geheim"),
        "encrypted",
        "This PDF is protected with a password",
    ),
    ("truncated", "advies.pdf", files.truncated, "damaged", "This PDF is damaged"),
    ("corrupt", "advies.pdf", files.corrupt, "damaged", "This PDF is damaged"),
    ("empty", "advies.pdf", lambda: b"", "empty", "This file is empty"),
    ("fake_pdf", "advies.pdf", files.fake_pdf, "not_pdf", "This file is not a PDF"),
    (
        "oversize",
        "groot.pdf",
        lambda: b"%PDF-1.7\n" + b"0" * (2 * MB),
        "too_large",
        "This file is larger than 1 MB",
    ),
    ("bomb", "bom.png", files.png_bomb, "too_many_pixels", "This picture has too many pixels"),
    ("svg", "tekening.svg", files.svg, "svg", "This is a drawing file (SVG)"),
    (
        "unknown",
        "brief.docx",
        lambda: b"PK\x03\x04 word document",
        "unsupported",
        "We cannot use this type of file",
    ),
    (
        "damaged_photo",
        "foto.jpg",
        lambda: files.jpeg_photo()[:300],
        "damaged_image",
        "This photo is damaged",
    ),
]

# Accepted, with a notice saying what we did.
CLEANED_UPLOADS = [
    ("encrypted_owner", lambda: files.encrypted(user_password=""), "had restrictions"),
    ("javascript", files.with_javascript, "contained scripts"),
    ("embedded_file", files.with_embedded_file, "contained embedded files"),
]

SMALL = Limits(max_bytes=1 * MB, max_total_bytes=3 * MB, max_files=3, max_pages=6)


@pytest.mark.parametrize(("name", "filename", "make", "code", "message"), BAD_UPLOADS)
def test_bad_upload_is_refused_with_its_own_message(name, filename, make, code, message):
    from django.utils import translation

    with translation.override("en"), pytest.raises(AttachmentError) as caught:
        normalize_upload(make(), name=filename, limits=SMALL)
    assert caught.value.code == code
    assert str(caught.value.message).startswith(message)


@pytest.mark.parametrize(("name", "make", "notice"), CLEANED_UPLOADS)
def test_active_content_and_restrictions_are_removed_and_said(name, make, notice):
    from django.utils import translation

    from decision_aid.documents.attachments import _Findings, _walk

    with translation.override("en"):
        item = normalize_upload(make(), name="advies.pdf")
    assert any(notice in n for n in item.notices)
    reader = _reader(item.pdf)
    assert not reader.is_encrypted
    findings = _Findings()
    _walk(reader.trailer["/Root"], findings)
    assert not findings.any
    assert len(reader.pages) == 1 and "MET" in pdf_text(item.pdf) or "EERSTE" in pdf_text(item.pdf)


def _reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def test_a_clean_pdf_is_kept_as_it_reads_in_its_canonical_form():
    """Written once by qpdf (what is checked is what is stored): same pages, same text."""
    data = files.pdf(3)
    item = normalize_upload(data, name="advies.pdf")
    assert item.page_count == 3 and item.kind == "pdf" and not item.notices
    assert item.size == len(data)
    assert pdf_text(item.pdf) == pdf_text(data)


def _page_image(pdf: bytes):
    from PIL import Image

    page = _reader(pdf).pages[0]
    xobject = page["/Resources"]["/XObject"]["/Im0"].get_object()
    return page, Image.open(io.BytesIO(xobject._data))


@pytest.mark.parametrize("maker", [files.jpeg_photo, files.heic_photo])
def test_phone_photo_is_turned_upright_stripped_and_fitted_to_a4(maker):
    item = normalize_upload(maker(), name="IMG_0001.HEIC")
    assert item.kind == "image" and item.page_count == 1
    page, image = _page_image(item.pdf)
    box = page.mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # portrait A4
    assert image.height > image.width  # EXIF orientation 6: stored landscape, shown portrait
    # turned clockwise: the red (left) half is now at the top
    top, bottom = (
        image.getpixel((image.width // 2, 5)),
        image.getpixel((image.width // 2, image.height - 5)),
    )
    assert top[0] > 150 and top[1] < 80 and bottom[1] > 200
    assert not image.info.get("exif") and "icc_profile" not in image.info
    assert b"PhoneMaker" not in item.pdf and b"Exif" not in item.pdf


def test_png_with_transparency_goes_on_white():
    item = normalize_upload(files.png_with_alpha(), name="scan.png")
    _, image = _page_image(item.pdf)
    assert image.getpixel((image.width // 2, image.height - 5))[:3] == (255, 255, 255) or (
        min(image.getpixel((image.width // 2, image.height - 5))) > 245
    )


def test_typed_text_becomes_a_marked_annex():
    from django.utils import translation

    with translation.override("en"):
        item = normalize_text("Advies: 4 uur per dag.\n<b>niet vet</b>", day="01-03-2026")
    text = pdf_text(item.pdf)
    assert item.kind == "text" and item.page_count == 1
    assert "Typed by the requester" in text and "<b>niet vet</b>" in text


def test_limits_on_files_total_size_and_pages():
    usage = Usage(files=3, bytes=0, pages=0)
    with pytest.raises(AttachmentError) as caught:
        normalize_upload(files.pdf(1), limits=SMALL, usage=usage)
    assert caught.value.code == "too_many_files"
    with pytest.raises(AttachmentError) as caught:
        normalize_upload(files.pdf(1), limits=SMALL, usage=Usage(1, int(2.999 * MB), 1))
    assert caught.value.code == "total_too_large"
    with pytest.raises(AttachmentError) as caught:
        normalize_upload(files.pdf(2), limits=SMALL, usage=Usage(1, 0, 5))
    assert caught.value.code == "too_many_pages"
    with pytest.raises(AttachmentError) as caught:
        normalize_text("x" * 30, limits=Limits(max_text_chars=20))
    assert caught.value.code == "text_too_long"


# --- through the web page -----------------------------------------------------------------
pytestmark_db = pytest.mark.django_db


def _page(case) -> str:
    return f"/en/brief/{case.id}/bijlagen/"


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "filename", "make", "code", "message"), BAD_UPLOADS)
def test_web_refuses_each_bad_upload_and_keeps_everything(
    client, owned_case, settings, name, filename, make, code, message
):
    settings.FIRST_OPINION_MAX_BYTES = 1 * MB
    case = owned_case(case_file_for("expert_opinion"))
    good = client.post(_page(case), {"file": SimpleUploadedFile("goed.pdf", files.pdf(1))})
    assert good.status_code == 302
    response = client.post(_page(case), {"file": SimpleUploadedFile(filename, make())})
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count(message) == 2  # in the error summary and next to the field
    assert f"{filename}: {message}" in html
    case.refresh_from_db()
    assert case.attachments.count() == 1  # the earlier good upload stays
    assert case.case_file == case_file_for("expert_opinion")  # every answer stays


@pytest.mark.django_db
def test_without_the_child_process_uploads_are_checked_the_same(client, owned_case, settings):
    """UPLOAD_WORKER_ISOLATED=0 (for a debugger): the check runs in the web process, with the
    same refusals and the same stored pages."""
    from decision_aid.documents import sandbox

    settings.UPLOAD_WORKER_ISOLATED = False
    case = owned_case(case_file_for("talk"))
    uploads = [SimpleUploadedFile("a.pdf", files.pdf(2)), SimpleUploadedFile("t.svg", files.svg())]
    with pytest.MonkeyPatch.context() as patch:  # no helper is asked
        patch.setattr(sandbox, "_exchange", lambda *a, **k: pytest.fail("sent to the helper"))
        response = client.post(_page(case), {"file": uploads})
    assert response.status_code == 400
    assert "t.svg: This is a drawing file (SVG)" in response.content.decode()
    assert [(a.kind, a.page_count) for a in case.attachments.all()] == [("pdf", 2)]


@pytest.mark.django_db
def test_web_takes_several_files_at_once_and_reports_each(client, owned_case):
    case = owned_case(case_file_for("talk"))
    uploads = [
        SimpleUploadedFile("a.pdf", files.pdf(2)),
        SimpleUploadedFile("IMG_1.HEIC", files.heic_photo()),
        SimpleUploadedFile("kapot.pdf", files.truncated()),
        SimpleUploadedFile("script.pdf", files.with_javascript()),
    ]
    response = client.post(_page(case), {"file": uploads}, follow=True)
    html = response.content.decode()
    assert response.status_code == 400
    assert "kapot.pdf: This PDF is damaged" in html
    assert "script.pdf: This PDF contained scripts" in html
    assert [a.kind for a in case.attachments.all()] == ["pdf", "image", "pdf"]
    assert sum(a.page_count for a in case.attachments.all()) == 4


@pytest.mark.django_db
def test_web_typed_text_is_added_and_a_too_long_text_stays_in_the_box(client, owned_case, settings):
    settings.FIRST_OPINION_MAX_TEXT_CHARS = 50
    case = owned_case(case_file_for("talk"))
    ok = client.post(_page(case), {"action": "text", "text": "Advies: halve dagen werken."})
    assert ok.status_code == 302
    assert case.attachments.get().kind == "text"
    long = "Lange tekst " * 10
    response = client.post(_page(case), {"action": "text", "text": long})
    assert response.status_code == 400
    assert "Use at most 50 characters" in response.content.decode()
    assert long.strip() in response.content.decode()


@pytest.mark.django_db
def test_the_page_states_the_limits(client, owned_case):
    case = owned_case(case_file_for("talk"))
    html = client.get(_page(case)).content.decode()
    assert "at most 10, 10 MB each and 20 MB together" in html
    assert "multiple" in html and "image/heic" in html


@pytest.mark.django_db
def test_make_my_letter_saves_what_is_filled_in_and_goes_on_only_when_all_is_well(
    client, owned_case, settings
):
    """'Maak mijn brief' is a submit button of the same form as the file field and the text
    box: a chosen file or typed text goes with it; a refused file keeps the person on the page
    with the reason; with nothing filled in it just goes on (and counts as no upload)."""
    case = owned_case(case_file_for("talk"))
    draft = f"/en/brief/{case.id}/"
    nothing = client.post(_page(case), {"action": "go"})
    assert nothing.status_code == 302 and nothing["Location"].endswith(draft)
    assert case.attachments.count() == 0

    bad = client.post(
        _page(case),
        {"action": "go", "file": SimpleUploadedFile("kapot.pdf", files.truncated())},
    )
    assert bad.status_code == 400  # stays on the page, says why
    assert "kapot.pdf: This PDF is damaged" in bad.content.decode()
    assert case.attachments.count() == 0

    both = client.post(
        _page(case),
        {
            "action": "go",
            "file": SimpleUploadedFile("goed.pdf", files.pdf(2)),
            "text": "Advies: halve dagen werken.",
        },
    )
    assert both.status_code == 302 and both["Location"].endswith(draft)
    assert sorted(a.kind for a in case.attachments.all()) == ["pdf", "text"]
    page = client.get(draft).content.decode()
    assert "(3 pages)" in page  # 2 PDF pages and the typed text's page
