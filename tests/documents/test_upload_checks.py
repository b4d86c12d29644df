"""More of what the upload check does with odd files, through its one entry point
(attachments.normalize_upload: the web page, the sandbox child and ``manage.py draft`` all
use it). A damaged page tree or a file that hides pages is refused with a clear Dutch message;
a full case refuses a photo or typed text with the limit in words; scans in unusual colour
modes and very large photos are accepted as readable, upright A4 pages."""

from __future__ import annotations

import gzip
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
from tests.documents.cases import case_file_for
from tests.hostile.corpus import _raw_pdf

DAMAGED = "Deze PDF is beschadigd en kan niet worden gelezen."
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def _refusal(data: bytes, name: str = "advies.pdf", **kwargs) -> AttachmentError:
    with pytest.raises(AttachmentError) as refused:
        normalize_upload(data, name=name, **kwargs)
    return refused.value


@pytest.mark.parametrize(
    ("pages_node", "extra"),
    [
        (b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", [b"<< /Type /Pages /Kids [2 0 R] >>"]),
        (b"<< /Type /Pages /Kids 5 /Count 1 >>", []),
        (b"<< /Type /Pages /Kids [7] /Count 1 >>", []),
    ],
    ids=["loops-back-on-itself", "kids-not-a-list", "kid-not-a-page"],
)
def test_a_pdf_with_a_broken_page_tree_is_refused_as_damaged(pages_node, extra):
    refused = _refusal(_raw_pdf([CATALOG, pages_node, *extra]))
    assert refused.code == "damaged"
    assert refused.message.startswith(DAMAGED)


def test_a_pdf_without_pages_is_refused_and_says_so():
    refused = _refusal(_raw_pdf([CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    assert (refused.code, refused.message) == ("no_pages", "Deze PDF heeft geen pagina's.")


def test_pages_hidden_behind_a_second_kids_key_are_counted():
    """The page list named twice: the first /Kids has one page (what pypdf reads), the second
    ten (what qpdf keeps, and so what the letter would get). Ten pages are counted."""
    ten = b" ".join(b"%d 0 R" % n for n in range(3, 13))
    pages = b"<< /Type /Pages /Kids [3 0 R] /Kids [" + ten + b"] /Count 1 >>"
    refused = _refusal(_raw_pdf([CATALOG, pages, *[PAGE] * 10]), limits=Limits(max_pages=6))
    assert refused.code == "too_many_pages"
    assert refused.message == (
        "Alle bestanden samen mogen maximaal 6 pagina's hebben. Haal eerst een bestand weg."
    )
    # the same file, with room for its ten pages, goes through with all ten
    assert normalize_upload(_raw_pdf([CATALOG, pages, *[PAGE] * 10])).page_count == 10


def test_a_compressed_drawing_is_refused_by_its_name():
    """An .svgz is gzip inside: its bytes say nothing, its name says drawing."""
    data = gzip.compress(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    refused = _refusal(data, name="tekening.svgz")
    assert refused.code == "svg"
    assert refused.message.startswith("Dit is een tekenbestand (SVG), geen brief.")


def _png(image, **kwargs) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **kwargs)
    return out.getvalue()


def test_a_photo_for_a_case_whose_pages_are_used_up_is_refused():
    from PIL import Image

    full = Usage(files=2, bytes=1000, pages=6)
    refused = _refusal(
        _png(Image.new("RGB", (30, 40))), name="foto.png", limits=Limits(max_pages=6), usage=full
    )
    assert refused.code == "too_many_pages"
    assert "maximaal 6 pagina's" in refused.message


@pytest.mark.parametrize(
    ("text", "limits", "usage", "code", "message"),
    [
        (" \x00 \n ", Limits(), Usage(), "empty_text", "Typ eerst de tekst van het advies."),
        (
            "Advies van de bedrijfsarts.",
            Limits(max_files=3),
            Usage(files=3, bytes=10, pages=3),
            "too_many_files",
            "U kunt maximaal 3 bestanden toevoegen. Haal eerst een bestand weg.",
        ),
        (
            "Advies van de bedrijfsarts.",
            Limits(max_pages=6),
            Usage(files=1, bytes=10, pages=6),
            "too_many_pages",
            "Alle bestanden samen mogen maximaal 6 pagina's hebben. Haal eerst een bestand weg.",
        ),
    ],
    ids=["only-blanks", "files-used-up", "pages-used-up"],
)
def test_typed_text_is_refused_when_empty_or_the_case_is_full(text, limits, usage, code, message):
    with pytest.raises(AttachmentError) as refused:
        normalize_text(text, limits=limits, usage=usage, day="30-11-2026")
    assert (refused.value.code, refused.value.message) == (code, message)


def _page_image(pdf: bytes):
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    return page, next(iter(page.images)).image


@pytest.mark.parametrize(
    ("mode", "colour", "expected"),
    [("1", 1, "L"), ("I;16", 3000, "L"), ("CMYK", (0, 60, 60, 0), "RGB")],
    ids=["black-and-white-scan", "16-bit-scan", "print-colours"],
)
def test_scans_in_other_colour_modes_become_a_grey_or_colour_page(mode, colour, expected):
    """A fax-like black-and-white scan and a 16-bit scan become grey pages; a CMYK picture
    (print colours) a colour page, so the PDF's colour space matches what is drawn."""
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, (300, 400), colour).save(out, "JPEG" if mode == "CMYK" else "PNG")
    item = normalize_upload(out.getvalue(), name="scan.jpg" if mode == "CMYK" else "scan.png")
    assert (item.kind, item.page_count) == ("image", 1)
    _page, image = _page_image(item.pdf)
    assert image.mode == expected and image.size == (300, 400)


def test_a_very_large_photo_is_scaled_down_and_still_turned_upright():
    """A panorama of 9,600 x 1,200 pixels, stored on its side (EXIF: turn 90°): it is first
    reduced by a whole factor, and that keeps its orientation, so the page is upright."""
    from PIL import Image

    photo = Image.new("L", (9600, 1200), 255)
    photo.paste(0, (0, 0, 4800, 1200))
    exif = Image.Exif()
    exif[0x0112] = 6
    item = normalize_upload(_png(photo, exif=exif.tobytes()), name="panorama.png")
    page, image = _page_image(item.pdf)
    width, height = image.size
    assert height == 2339 and width < height  # turned: standing up, at most 2,339 pixels
    assert float(page.mediabox.height) > float(page.mediabox.width)  # a portrait A4 page


@pytest.mark.django_db
def test_typed_text_for_a_full_case_stays_in_the_box_with_the_reason(client, owned_case, settings):
    settings.FIRST_OPINION_MAX_FILES = 1
    case = owned_case(case_file_for("expert_opinion"))
    page = f"/brief/{case.id}/bijlagen/"
    first = client.post(
        page,
        {
            "file": SimpleUploadedFile(
                "advies.pdf",
                _raw_pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE]),
            )
        },
    )
    assert first.status_code == 302 and case.attachments.count() == 1

    response = client.post(page, {"action": "text", "text": "De werknemer kan halve dagen werken."})

    assert response.status_code == 400
    html = response.content.decode()
    assert "U kunt maximaal 1 bestanden toevoegen. Haal eerst een bestand weg." in html
    assert "De werknemer kan halve dagen werken.</textarea>" in html  # nothing typed is lost
    assert case.attachments.count() == 1
