"""The hostile corpus, generated on the fly (nothing binary in the repository).

Each maker is small and quick; the files are what the first hostile test used.
"""

from __future__ import annotations

import io
from functools import cache


def _raw_pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


@cache
def many_page_pdf(pages: int = 20_000) -> bytes:
    """A small PDF (about 185 KB for 20,000 pages) with every page in object streams."""
    import pikepdf

    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids),
        b"<< /Length 10 >>\nstream\nBT /F1 ET\nendstream",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    with pikepdf.open(io.BytesIO(_raw_pdf(objects))) as pdf:
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


@cache
def rgba_png(side: int = 7000) -> bytes:
    """A 7000 x 7000 RGBA PNG: 49 megapixels (under the 50 MP limit), about 200 KB on disk,
    196 MB once decoded."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (side, side), (200, 30, 30, 128)).save(out, "PNG", optimize=True)
    return out.getvalue()


def jpeg_with_comment(comment: bytes = b"Naam: Jan Jansen, BSN 123456782") -> bytes:
    """A phone-like JPEG carrying a comment segment (COM) with personal data."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (240, 240, 230)).save(out, "JPEG", comment=comment)
    return out.getvalue()


@cache
def bomb_pdf(decoded_mb: int = 2048, pages: int = 4) -> bytes:
    """A compression bomb: a few pages whose one content stream is ``decoded_mb`` MB of spaces
    squeezed twice with Flate (/Filter [/FlateDecode /FlateDecode]): a few KB on disk, gigabytes
    for a reader that decodes it."""
    import zlib

    chunk = b" " * (1 << 20)
    squeeze = zlib.compressobj(9)
    once = b"".join(squeeze.compress(chunk) for _ in range(decoded_mb)) + squeeze.flush()
    twice = zlib.compress(once, 9)
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids),
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(twice)
        + twice
        + b"\nendstream",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    return _raw_pdf(objects)
