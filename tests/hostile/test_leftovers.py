"""No plaintext leftovers (session messages, expired sessions, access
logs, JPEG comments), a PDF cleaner that removes every action but plain https links, and
Cache-Control: no-store on every page with answers, codes or case lists."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from decision_aid.documents.attachments import normalize_upload
from tests.documents.cases import case_file_for
from tests.hostile import corpus
from tests.journey import step_url, walk

ROOT = Path(__file__).resolve().parents[2]


# --- item 12: plaintext leftovers ----------------------------------------------------------
@pytest.mark.django_db
def test_file_names_do_not_wait_in_the_session(client, owned_case):
    from django.contrib.sessions.models import Session

    case = owned_case(case_file_for("court"))
    upload = SimpleUploadedFile(
        "ontslag-jan-jansen.jpg", corpus.jpeg_with_comment(), content_type="image/jpeg"
    )
    response = client.post(f"/en/brief/{case.id}/bijlagen/", {"file": upload})
    assert response.status_code == 302  # the person closes the tab: the message is never shown
    stored = Session.objects.get(pk=client.session.session_key).get_decoded()
    assert "jansen" not in str(stored).lower()
    shown = client.get(f"/en/brief/{case.id}/bijlagen/").content.decode()
    assert "Added: Photo, 1 page" in shown


@pytest.mark.django_db
def test_purge_expired_also_clears_expired_sessions(client):
    from django.contrib.sessions.models import Session

    session = client.session
    session["cases"] = ["0c4d2e8e-0000-4000-8000-000000000000"]
    session.save()
    Session.objects.filter(pk=session.session_key).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    call_command("purge_expired", stdout=io.StringIO())
    assert not Session.objects.filter(pk=session.session_key).exists()


def _shipped_access_log_formats() -> list[str]:
    """The --access-logformat of every gunicorn command we ship (Dockerfile, compose)."""
    formats = []
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*?\])$", dockerfile, re.S | re.M).group(1)
    import json

    commands = [json.loads(cmd.replace("\\\n", ""))]
    for command in commands:
        assert "--access-logformat" in command, command
        formats.append(command[command.index("--access-logformat") + 1])
    compose = (ROOT / "docker-compose.yml").read_text()
    for match in re.finditer(r'"--access-logformat",\s*("(?:[^"\\]|\\.)*")', compose):
        formats.append(json.loads(match.group(1)))
    assert compose.count("gunicorn") - compose.count("# ") <= len(formats) + 1
    return formats


def test_access_logs_hold_no_resume_codes_searches_or_referrers():
    from types import SimpleNamespace

    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    formats = _shipped_access_log_formats()
    assert len(formats) >= 2  # the web service (Dockerfile) and the pdf service (compose)
    for fmt in formats:
        cfg = Config()
        cfg.set("access_log_format", fmt)
        logger = Logger(cfg)
        environ = {
            "REQUEST_METHOD": "GET",
            "RAW_URI": "/zaak/hervatten/?code=K7QM-4RTX-9ZPB",
            "PATH_INFO": "/zaak/hervatten/",
            "QUERY_STRING": "code=K7QM-4RTX-9ZPB",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "203.0.113.5",
            "HTTP_REFERER": "https://example.org/adviseur/?q=Jansen",
            "HTTP_USER_AGENT": "Mozilla/5.0",
        }
        request = SimpleNamespace(
            method="GET",
            uri=environ["RAW_URI"],
            path="/zaak/hervatten/",
            query="code=K7QM-4RTX-9ZPB",
            version=(1, 1),
            headers=[("REFERER", environ["HTTP_REFERER"])],
        )
        response = SimpleNamespace(status="200 OK", response_length=100, sent=100, headers=[])
        line = fmt % logger.atoms(response, request, environ, timedelta(seconds=0.01))
        assert "/zaak/hervatten/" in line
        assert "K7QM" not in line and "Jansen" not in line and "code=" not in line


def test_jpeg_comments_do_not_survive_the_photo_clean_up():
    item = normalize_upload(corpus.jpeg_with_comment(b"Naam: Jan Jansen"), name="foto.jpg")
    assert b"Jan Jansen" not in item.pdf
    jpeg = item.pdf[item.pdf.index(b"\xff\xd8\xff") :]
    assert b"\xff\xfe" not in jpeg[: jpeg.index(b"\xff\xda")]  # no COM segment before the scan


# --- item 13: the PDF cleaner ------------------------------------------------------------
def _pdf_with_actions() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]

    def link(action: pikepdf.Dictionary, y: int) -> pikepdf.Dictionary:
        return pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Link,
                Rect=[72, y, 300, y + 20],
                A=action,
            )
        )

    page.obj.Annots = pikepdf.Array(
        [
            link(
                pikepdf.Dictionary(
                    S=pikepdf.Name.GoToR,
                    F=pikepdf.String("\\\\fileserver\\share\\evil.pdf"),
                    D=pikepdf.Array([0, pikepdf.Name.Fit]),
                ),
                700,
            ),
            link(
                pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("http://evil.example/x")),
                650,
            ),
            link(
                pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://www.uwv.nl/")),
                600,
            ),
        ]
    )
    pdf.Root.OpenAction = pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("http://evil.example/open"))
    )
    xfa = pdf.make_stream(b"<xdp:xdp>evil-xfa</xdp:xdp>")
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([]), XFA=xfa)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _dictionaries(pdf) -> list:
    """Every dictionary in the file: each object, also one nothing points to, and the direct
    dictionaries inside it."""
    import pikepdf

    found, stack = [], list(pdf.objects)
    while stack:
        obj = stack.pop()
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            found.append(obj)
            stack.extend(v for v in obj.values() if not getattr(v, "is_indirect", True))
        elif isinstance(obj, pikepdf.Array):
            stack.extend(v for v in obj if not getattr(v, "is_indirect", True))
    return found


def test_the_pdf_cleaner_keeps_only_plain_https_links():
    import pikepdf

    item = normalize_upload(_pdf_with_actions(), name="advies.pdf")
    assert item.page_count == 1
    assert any("links" in n or "koppelingen" in n or "acties" in n for n in item.notices)
    with pikepdf.open(io.BytesIO(item.pdf)) as pdf:
        assert "/OpenAction" not in pdf.Root and "/AcroForm" not in pdf.Root
        texts = []
        for obj in _dictionaries(pdf):
            if isinstance(obj, pikepdf.Dictionary):
                assert obj.get("/S") not in (pikepdf.Name.GoToR, pikepdf.Name.Launch)
                assert "/XFA" not in obj
                if "/URI" in obj:
                    texts.append(str(obj.URI))
            if isinstance(obj, pikepdf.Stream):
                assert b"evil-xfa" not in obj.read_bytes()
        assert texts == ["https://www.uwv.nl/"]
    assert b"evil.example" not in item.pdf and b"fileserver" not in item.pdf


# --- item 14: Cache-Control: no-store ----------------------------------------------------
@pytest.mark.django_db
def test_every_page_with_answers_codes_or_cases_is_not_stored(client, typical_answers, settings):
    from tests.advisors.conftest import client_for, make_advisor

    page = walk(client, typical_answers)
    case_id = client.session["cases"][-1]
    urls = [
        step_url(client, "talked"),
        step_url(client, "review"),
        step_url(client, "advice"),
        page.request["PATH_INFO"],  # attachments
        f"/brief/{case_id}/",
        "/zaak/hervatten/",
        f"/zaak/{case_id}/verwijderen/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response.get("Cache-Control", ""), url
    settings.ADVISOR_REQUIRE_2FA = False
    advisor = client_for(make_advisor("cc", "FNV Utrecht"))
    response = advisor.get("/adviseur/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    static = client.get("/static/css/site.css")
    assert "no-store" not in static.get("Cache-Control", "")
    static.close()


@pytest.mark.django_db
def test_the_sick_date_does_not_follow_from_the_advisor_lists_plain_columns(settings):
    """The case list sorted on plain columns holding the exact next deadline and its milestone
    (week N of sickness): the sick date followed exactly. Now the plain column holds only the
    Monday of the deadline's week; the date and milestone are encrypted with the case's key,
    and the list still shows the exact date."""
    from datetime import date, datetime

    from decision_aid.advisors.models import AdvisorCase
    from decision_aid.routing import advise
    from decision_aid.routing.casefile import load_case
    from tests.advisors.conftest import INTAKE, client_for, make_advisor

    settings.ADVISOR_REQUIRE_2FA = False
    client = client_for(make_advisor("a1", "FNV Utrecht"))
    since = timezone.localdate() - timedelta(weeks=30)
    since -= timedelta(days=(since.weekday() - 3) % 7)  # a Thursday: deadlines fall on one too
    intake = {**INTAKE, "sick_since": since.strftime("%d-%m-%Y"), "save": "1"}
    assert client.post("/adviseur/nieuw/", intake).status_code == 302
    row = AdvisorCase.objects.get()
    html = client.get("/adviseur/").content.decode()
    shown = re.search(r"<td>(\d\d-\d\d-\d{4})", html)[1]
    exact = date(int(shown[6:]), int(shown[3:5]), int(shown[:2]))
    assert exact.weekday() == 3 and (exact - since).days % 7 == 0  # the real deadline is shown
    milestones = {m.key for m in advise(load_case(row.case.case_file)).timeline.milestones}
    plain = AdvisorCase.objects.filter(pk=row.pk).values().get()
    plain_dates = [v for v in plain.values() if isinstance(v, date) and not isinstance(v, datetime)]
    plain_texts = [v for v in plain.values() if isinstance(v, str)]
    assert exact not in plain_dates
    assert plain_dates == [exact - timedelta(days=3)]  # its week (the Monday), for the order
    assert not milestones & set(plain_texts)  # which milestone it is: encrypted
