"""python manage.py draft CASE.json --first-opinion FILE [--expert-opinion FILE] --out DIR

Writes every letter the advice names as a PDF (the attached files appended as numbered,
stamped enclosures), an editable .docx beside each PDF and the "how to send" sheet, with names
a person understands in the case's language, and prints their paths. Each attached file's role
is printed too ("Bijlage 1: …"). A first opinion may be a PDF, a photo (JPEG, PNG, HEIC) or a
.txt file with the typed text. A bad case file or a bad attachment exits with code 2 and the
same message the web page shows; never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone, translation

from decision_aid.documents.attachments import (
    AttachmentError,
    Limits,
    Normalized,
    Usage,
    normalize_text,
    normalize_upload,
)
from decision_aid.documents.docx import render_docx
from decision_aid.documents.management.commands.advise import read_case_file
from decision_aid.documents.presenter import AttachedPiece, build_document_context, documents_for
from decision_aid.documents.render import render_pdf, render_sheet_pdf
from decision_aid.routing.casefile import CaseFileError, load_case


def read_first_opinion(path: Path, *, limits: Limits, usage: Usage) -> Normalized:
    """One --first-opinion file, checked exactly as an upload on the web page."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise AttachmentError(f"cannot read {path}: {exc.strerror}", "unreadable") from exc
    if path.suffix.lower() == ".txt":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise AttachmentError("the text file is not UTF-8", "not_utf8") from exc
        return normalize_text(
            text, limits=limits, usage=usage, day=timezone.localdate().strftime("%d-%m-%Y")
        )
    return normalize_upload(data, name=path.name, limits=limits, usage=usage)


class Command(BaseCommand):
    help = "Write every draft the advice names, with the first opinion attached, as PDF files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("case_file")
        parser.add_argument(
            "--first-opinion",
            action="append",
            default=[],
            metavar="FILE",
            help="PDF, photo (JPEG/PNG/HEIC) or .txt with the typed text; may be repeated.",
        )
        parser.add_argument(
            "--expert-opinion",
            action="append",
            default=[],
            metavar="FILE",
            help="An expert opinion (deskundigenoordeel) already given; attached as such.",
        )
        parser.add_argument("--out", required=True, metavar="DIR")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            case_file = read_case_file(options["case_file"])
            case = load_case(case_file)
        except CaseFileError as exc:
            self.stderr.write(f"invalid case file: {exc}")
            sys.exit(2)
        with translation.override(str(case.language)):
            limits = Limits.from_settings()
            usage = Usage()
            pieces: list[Normalized] = []
            roles: list[str] = []
            named = [(n, "first_opinion") for n in options["first_opinion"]]
            named += [(n, "expert_opinion") for n in options["expert_opinion"]]
            for name, role in named:
                path = Path(name)
                try:
                    item = read_first_opinion(path, limits=limits, usage=usage)
                except AttachmentError as exc:
                    self.stderr.write(f"{path}: {exc.message}")
                    sys.exit(2)
                for notice in item.notices:
                    self.stderr.write(f"{path}: {notice}")
                pieces.append(item)
                roles.append(role)
                usage = usage.plus(item)
            out = Path(options["out"])
            out.mkdir(parents=True, exist_ok=True)
            attached = [
                AttachedPiece(p.kind, p.page_count, role)
                for p, role in zip(pieces, roles, strict=True)
            ]
            for doc in documents_for(case_file):
                context = build_document_context(case_file, doc, attached)
                path = out / context["file_name"]
                path.write_bytes(render_pdf(context, [p.pdf for p in pieces]))
                self.stdout.write(str(path))
                for enclosure in context["enclosures"]:
                    self.stdout.write(f"  {enclosure.stamp}")
                docx = out / context["docx_name"]
                docx.write_bytes(render_docx(context))
                self.stdout.write(str(docx))
                sheet = out / context["sheet_name"]
                sheet.write_bytes(render_sheet_pdf(context))
                self.stdout.write(str(sheet))
