"""What we check is what we ship: PDFs whose link annotation (or action, or catalog) names a
key twice, a harmless value first and JavaScript, a program launch or a file link second.
The check (pypdf) read the first value, the merge (qpdf) kept the second: four such files
reached the finished letter with /S /JavaScript or /S /Launch. Now every upload is rewritten
once into a canonical form and checked in that form, and the finished letter is checked too.
The final bytes are read back three ways: pypdf, qpdf's uncompressed QDF form scanned byte by
byte, and the raw file."""

from __future__ import annotations

import logging
import re
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from decision_aid.documents.attachments import normalize_upload
from tests.documents.cases import case_file_for
from tests.hostile.duplicate_keys import HOSTILE

ACTIVE = re.compile(rb"/(JavaScript|Launch|JS|OpenAction|AA|EmbeddedFiles)\b|file:|calc\.exe")


def _qdf(pdf: bytes, tmp_path) -> bytes:
    """The file as qpdf reads it, every object written out uncompressed, one per line."""
    source, out = tmp_path / "in.pdf", tmp_path / "out.qdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["qpdf", "--qdf", "--object-streams=disable", str(source), str(out)],
        check=False,  # qpdf exits 3 on warnings
        capture_output=True,
    )
    return out.read_bytes()


def _pypdf_actions(pdf: bytes) -> set[str]:
    """Every action type and active key pypdf finds in the file."""
    import io

    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    found: set[str] = set()
    seen: set[int] = set()
    stack = [PdfReader(io.BytesIO(pdf)).trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            if obj.get("/S") in ("/JavaScript", "/Launch", "/URI"):
                found.add(str(obj["/S"]) + str(obj.get("/URI", "")))
            found |= {k for k in obj if k in ("/JS", "/AA", "/OpenAction")}
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return {f for f in found if not f.startswith("/URIhttps://")}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_upload_as_stored_carries_no_active_content(name, tmp_path):
    item = normalize_upload(HOSTILE[name], name=f"{name}.pdf")
    assert item.page_count == 2
    assert not ACTIVE.search(_qdf(item.pdf, tmp_path)), name
    assert not _pypdf_actions(item.pdf), name


@pytest.mark.django_db
def test_the_finished_letters_carry_no_active_content(client, owned_case, tmp_path, caplog):
    case = owned_case(case_file_for("expert_opinion"))
    for name, data in sorted(HOSTILE.items()):
        response = client.post(
            f"/brief/{case.id}/bijlagen/", {"file": SimpleUploadedFile(f"{name}.pdf", data)}
        )
        assert response.status_code == 302, name
    assert case.attachments.count() == len(HOSTILE)
    html = client.get(f"/brief/{case.id}/").content.decode()
    slugs = sorted(set(re.findall(rf"/brief/{case.id}/pdf/([\w-]+)/", html)))
    assert slugs
    caplog.set_level(logging.WARNING)
    checked = 0
    for slug in slugs:
        pdf = client.get(f"/brief/{case.id}/pdf/{slug}/").content
        assert pdf.startswith(b"%PDF"), slug
        if b"Advies van de bedrijfsarts" not in _qdf(pdf, tmp_path):
            continue  # a letter without the enclosures
        checked += 1
        assert not ACTIVE.search(_qdf(pdf, tmp_path)), slug
        assert not ACTIVE.search(pdf), slug
        assert not _pypdf_actions(pdf), slug
    assert checked, "no letter carried the uploaded pages"
    # The uploads were cleaned when checked: the last look found nothing left to remove.
    assert "active content from a finished letter" not in caplog.text


def test_the_last_look_removes_what_an_older_stored_upload_still_carries(tmp_path):
    """A file stored before the canonical check (as it was uploaded) is cleaned when merged."""
    from decision_aid.documents.render import pdf_from_html

    html = "<html lang='nl'><head><title>Brief</title></head><body><p>Brief</p></body></html>"
    for name in ("a-javascript", "a-launch", "uri-file"):
        pdf = pdf_from_html(html, [HOSTILE[name]], ["Bijlage 1"])
        assert not ACTIVE.search(_qdf(pdf, tmp_path)), name
