"""PDFs whose dictionaries name a key twice: a harmless value first, an active one second.
pypdf (the check) reads the first, qpdf (the merge) keeps the second. Made on the fly."""

from __future__ import annotations

from tests.hostile.corpus import _raw_pdf

GOTO = b"<< /S /GoTo /D [5 0 R /Fit] >>"
JS = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
LAUNCH = b"<< /S /Launch /F (C:\\\\Windows\\\\System32\\\\calc.exe) /NewWindow true >>"


def _pdf(*, annot: bytes, catalog: bytes = b"") -> bytes:
    content = b"BT /F1 24 Tf 72 720 Td (Advies van de bedrijfsarts) Tj ET"
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R%s "
        b"/Resources << /Font << /F1 7 0 R >> >> >>"
    )
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
            b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
            page % b" /Annots [6 0 R]",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            page % b"",
            b"<< /Type /Annot /Subtype /Link /Rect [72 700 400 750] /Border [0 0 0] "
            + annot
            + b" >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


HOSTILE = {
    "a-javascript": _pdf(annot=b"/A " + GOTO + b" /A " + JS),
    "a-launch": _pdf(annot=b"/A " + GOTO + b" /A " + LAUNCH),
    "s-inside-action": _pdf(
        annot=b"/A << /S /GoTo /D [5 0 R /Fit] /S /JavaScript /JS (app.alert\\(2\\)) >>"
    ),
    "uri-file": _pdf(annot=b"/A << /S /URI /URI (https://example.org/) /URI (file://x/s/a.exe) >>"),
    "openaction": _pdf(annot=b"/A " + GOTO, catalog=b"/OpenAction [3 0 R /Fit] /OpenAction " + JS),
    "aa": _pdf(annot=b"/A " + GOTO + b" /AA << >> /AA << /E " + JS + b" >>"),
}
