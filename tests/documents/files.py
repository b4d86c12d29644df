"""Uploads made in the tests: good ones (PDF, phone photos, HEIC) and every kind of bad one."""

from __future__ import annotations

import io
import struct
import zlib


def pdf(pages: int = 2, marker: str = "EERSTE OORDEEL") -> bytes:
    from weasyprint import HTML

    body = "".join(
        f'<p style="page-break-after: always">{marker} pagina {n}</p>' for n in range(1, pages + 1)
    )
    return HTML(string=f"<html><body>{body}</body></html>").write_pdf()


def _writer(data: bytes):
    from pypdf import PdfWriter

    return PdfWriter(clone_from=io.BytesIO(data))


def _out(writer) -> bytes:
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def encrypted(*, user_password: str) -> bytes:
    writer = _writer(pdf(1))
    writer.encrypt(user_password=user_password, owner_password="eigenaar", algorithm="AES-128")
    return _out(writer)


def with_javascript() -> bytes:
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = _writer(pdf(1, marker="MET SCRIPT"))
    action = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hallo');"),
        }
    )
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)
    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): writer._add_object(action.clone(writer))}
    )
    return _out(writer)


def with_embedded_file() -> bytes:
    writer = _writer(pdf(1, marker="MET BIJLAGE"))
    writer.add_attachment("geheim.exe", b"MZ not really a program")
    return _out(writer)


def truncated() -> bytes:
    data = pdf(3)
    return data[: len(data) // 2]


def corrupt() -> bytes:
    """Header, objects and %%EOF are there, but the cross-reference and objects are garbage."""
    data = pdf(2)
    middle = len(data) // 3
    return data[:20] + b"\x00garbage" * ((len(data) - 60) // 8) + data[-40:][: 40 - middle * 0]


def fake_pdf() -> bytes:
    return b"<html><body>Dit is geen PDF</body></html>"


def svg() -> bytes:
    return b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def jpeg_photo(
    size: tuple[int, int] = (600, 400), *, orientation: int = 6, gps: bool = True, quality: int = 90
) -> bytes:
    """A landscape-stored photo whose EXIF says 'rotate 90°' (as phones do), with a GPS tag.
    The left half is red, so the turned result can be checked."""
    from PIL import Image

    image = Image.new("RGB", size, "white")
    image.paste((220, 0, 0), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    if gps:
        exif[0x8825] = {1: "N", 2: (52.0, 5.0, 0.0)}
    buf = io.BytesIO()
    image.save(buf, "JPEG", exif=exif.tobytes(), quality=quality)
    return buf.getvalue()


def noisy_jpeg(target_bytes: int = 4 * 1024 * 1024) -> bytes:
    """A 12-megapixel phone-like photo of about ``target_bytes`` (noise compresses badly)."""
    import random

    from PIL import Image

    rng = random.Random(7)
    width, height = 4032, 3024
    tile = Image.frombytes("L", (504, 378), rng.randbytes(504 * 378)).convert("RGB")
    image = Image.new("RGB", (width, height), "white")
    for x in range(0, width, 504):
        for y in range(0, height, 378):
            image.paste(tile, (x, y))
    exif = Image.Exif()
    exif[0x0112] = 6
    for quality in (60, 70, 80, 85, 90, 95):
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=quality, exif=exif.tobytes())
        if buf.tell() >= target_bytes * 0.9:
            break
    return buf.getvalue()


def png_with_alpha(size: tuple[int, int] = (300, 500)) -> bytes:
    from PIL import Image

    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((0, 0, 200, 255), (0, 0, size[0], size[1] // 2))
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def heic_photo(size: tuple[int, int] = (320, 240), *, orientation: int = 6) -> bytes:
    from PIL import Image
    from pillow_heif import register_heif_opener

    register_heif_opener()
    image = Image.new("RGB", size, "white")
    image.paste((220, 0, 0), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    image.save(buf, "HEIF", exif=exif.tobytes(), quality=80)
    return buf.getvalue()


def png_bomb(side: int = 12_000) -> bytes:
    """A small PNG that claims side x side grey pixels (144 megapixels of zeros)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    compressor = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    parts = [compressor.compress(row) for _ in range(side)]
    parts.append(compressor.flush())
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", b"".join(parts))
        + chunk(b"IEND", b"")
    )
