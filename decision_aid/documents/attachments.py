"""The first opinion as it comes in (PDF, phone photo or typed text), checked and turned into
PDF pages we can append to a draft.

Every refusal is an ``AttachmentError`` with a message in the user's language; the web form
and the command line (``manage.py draft``) show the same message. Nothing here touches the
database: ``normalize_upload`` takes bytes and gives bytes.

- PDF: written once into a canonical form by qpdf (``canonical_pdf``: one value per key), then
  checked; that form is what is stored and merged. A PDF with scripts or embedded files is rebuilt
  from its pages only (scripts and files removed; the pages look the same) and the user is
  told. A PDF with only an owner password (no password to open it) is stored decrypted.
- Photo (JPEG, PNG, HEIC): turned upright (EXIF orientation), re-encoded without any metadata
  (no GPS, no camera data), scaled down and centred on an A4 page.
- Typed text: see ``render.render_typed_text_pdf``.
"""

from __future__ import annotations

import io
import logging
import warnings
import zlib
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils.translation import gettext_lazy as _

from decision_aid.cases.upload_limits import (
    MB,
    AttachmentError,
    Limits,
    Usage,
    ensure_room,
    too_many_pages,
)

logger = logging.getLogger(__name__)


# A4 in PDF points (1/72 inch), portrait.
A4 = (595.28, 841.89)
# White margin around a photo on its A4 page, in points (about 10 mm).
PHOTO_MARGIN = 28.35
# Longest side of a photo after scaling: about 200 dpi over the height of A4. Readable, small.
PHOTO_MAX_SIDE = 2339
PHOTO_JPEG_QUALITY = 82
# The object graph of a PDF is walked to find scripts; a file needing more is refused.
MAX_PDF_OBJECTS = 200_000
# The page tree is walked (before any other work) to count pages; a tree with more nodes than
# this is refused as damaged, whatever its pages.
MAX_PAGE_TREE_NODES = 10_000


@dataclass(frozen=True)
class Normalized:
    """One accepted piece of the first opinion, as PDF pages ready to append."""

    kind: str  # "pdf" | "image" | "text" (cases.models.Attachment.Kind)
    pdf: bytes
    page_count: int
    size: int  # bytes as received
    notices: tuple[str, ...] = field(default_factory=tuple)


# --- messages ---------------------------------------------------------------------------
def _too_large(limit: int) -> AttachmentError:
    return AttachmentError(
        _("This file is larger than %(mb)d MB. Choose a smaller file.") % {"mb": limit // MB},
        "too_large",
    )


def _empty() -> AttachmentError:
    return AttachmentError(_("This file is empty. Choose the file again."), "empty")


def _not_pdf() -> AttachmentError:
    return AttachmentError(
        _("This file is not a PDF. Choose a PDF file, or save the letter as PDF first."),
        "not_pdf",
    )


def _damaged() -> AttachmentError:
    return AttachmentError(
        _("This PDF is damaged and cannot be read. Try to save or download it again."),
        "damaged",
    )


def _unsupported() -> AttachmentError:
    return AttachmentError(
        _(
            "We cannot use this type of file. Choose a PDF, or a photo of the letter "
            "(JPEG, PNG or HEIC)."
        ),
        "unsupported",
    )


# --- sniffing ---------------------------------------------------------------------------
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def sniff(data: bytes, name: str = "") -> str:
    """What the bytes are (never trust the file name): pdf, jpeg, png, heic, svg or unknown."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-") or b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[4:8] == b"ftyp" and (
        head[8:12] in HEIF_BRANDS or any(b in head[8:64] for b in HEIF_BRANDS)
    ):
        return "heic"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in head.lower()):
        return "svg"
    if name.lower().endswith((".svg", ".svgz")):
        return "svg"
    return "unknown"


def read_limited(upload: IO[bytes], max_bytes: int) -> bytes:
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    return data


# --- the one entry point ----------------------------------------------------------------
def normalize_upload(
    data: bytes, *, name: str = "", limits: Limits | None = None, usage: Usage | None = None
) -> Normalized:
    """Check one uploaded file and turn it into PDF pages, or raise AttachmentError."""
    limits = limits or Limits.from_settings()
    usage = usage or Usage()
    kind = precheck(data, name=name, limits=limits, usage=usage)
    try:
        if kind == "pdf":
            item = _normalize_pdf(
                data, pages_left=limits.max_pages - usage.pages, page_limit=limits.max_pages
            )
        else:
            item = _normalize_image(data, limits)
    except AttachmentError:
        raise
    except Exception as exc:  # never a 500: anything unexpected is a file we cannot read
        logger.warning("Refused an upload we could not read: %s", type(exc).__name__)
        raise AttachmentError(
            _("We could not read this file. Try another file, or type the text of the advice."),
            "unreadable",
        ) from exc
    if usage.pages + item.page_count > limits.max_pages:
        raise too_many_pages(limits.max_pages)
    return item


def precheck(data: bytes, *, name: str = "", limits: Limits, usage: Usage) -> str:
    """The cheap checks, on the bytes as they are (no parsing): the case's room, the size and
    what the file is ("pdf", "jpeg", "png" or "heic"), or AttachmentError. Run in the web
    process before an upload takes a check slot (documents.sandbox), and again in the check."""
    if usage.files >= limits.max_files:
        ensure_room(limits, usage, size=0, pages=0)  # says "at most n files"
    if len(data) > limits.max_bytes:
        raise _too_large(limits.max_bytes)
    if not data:
        raise _empty()
    ensure_room(limits, usage, size=len(data), pages=0)
    kind = sniff(data, name)
    if kind == "svg":
        raise AttachmentError(
            _(
                "This is a drawing file (SVG), not a letter. Choose a PDF, or a photo "
                "(JPEG, PNG or HEIC)."
            ),
            "svg",
        )
    if kind == "unknown":
        raise _not_pdf() if name.lower().endswith(".pdf") else _unsupported()
    if kind == "pdf" and b"%%EOF" not in data[-2048:]:
        raise _damaged()  # cut off: a download or copy that did not finish
    return kind


# --- PDF --------------------------------------------------------------------------------
# Actions that run something.
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/GoToE", "/Rendition"}
# Annotations that carry files, media or form fields (never kept).
_DROPPED_ANNOTS = {"/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound", "/Widget"}


def _plain_action(action: Any) -> bool:
    """The only actions kept: a jump inside the document, or a plain https:// link."""
    from pypdf.generic import DictionaryObject

    action = action.get_object() if action is not None else None
    if not isinstance(action, DictionaryObject):
        return False
    kind = action.get("/S")
    if kind == "/GoTo" and "/Next" not in action:
        return True
    if kind == "/URI" and "/Next" not in action:
        uri = action.get("/URI")
        uri = uri.get_object() if uri is not None else None
        text = uri.decode("latin-1") if isinstance(uri, bytes) else str(uri or "")
        return text.lower().startswith("https://") and not any(ord(c) < 33 for c in text)
    return False


@dataclass
class _Findings:
    scripts: bool = False
    files: bool = False
    # Actions that reach outside the document: links to other files or network shares (GoToR),
    # an action on opening (/OpenAction), non-https links, XFA forms.
    actions: bool = False

    @property
    def any(self) -> bool:
        return self.scripts or self.files or self.actions


def _walk(root: Any, findings: _Findings) -> None:
    """Look through every object reachable from ``root`` for scripts, embedded files and
    actions other than an in-document jump or a plain https link."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack = [root]
    count = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        count += 1
        if count > MAX_PDF_OBJECTS:
            raise _damaged()
        if isinstance(obj, DictionaryObject):
            keys = set(obj.keys())
            if keys & {"/JS", "/AA"} or obj.get("/S") in _ACTIVE_ACTIONS:
                findings.scripts = True
            if keys & {"/EmbeddedFiles", "/EF"} or obj.get("/Subtype") in _DROPPED_ANNOTS:
                findings.files = True
            if "/OpenAction" in keys or "/XFA" in keys:
                findings.actions = True
            if "/S" in keys and not _plain_action(obj) and obj.get("/S") not in _ACTIVE_ACTIONS:
                findings.actions = True
            names = obj.get("/Names")
            names = names.get_object() if names is not None else None
            if isinstance(names, DictionaryObject):
                findings.scripts |= "/JavaScript" in names
                findings.files |= "/EmbeddedFiles" in names
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def _strip(writer: Any) -> None:
    """Remove scripts, actions (all but in-document jumps and plain https links), embedded
    files, media and form fields from a writer holding pages only."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen: set[int] = set()
    stack: list[Any] = [writer.root_object]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for key in ("/AA", "/JS", "/EmbeddedFiles", "/EF", "/OpenAction", "/AcroForm", "/XFA"):
                obj.pop(NameObject(key), None)
            action = obj.get("/A")
            if action is not None and not _plain_action(action):
                del obj[NameObject("/A")]
            if "/Annots" in obj:
                annots = obj["/Annots"].get_object()
                kept = ArrayObject(
                    a
                    for a in (annots if isinstance(annots, ArrayObject) else [])
                    if isinstance(a.get_object(), DictionaryObject)
                    and a.get_object().get("/Subtype") not in _DROPPED_ANNOTS
                    and (
                        a.get_object().get("/Subtype") != "/Link"
                        or _plain_action(a.get_object().get("/A"))
                        or ("/A" not in a.get_object() and "/Dest" in a.get_object())
                    )
                )
                obj[NameObject("/Annots")] = kept
            if "/Names" in obj and isinstance(obj["/Names"].get_object(), DictionaryObject):
                del obj[NameObject("/Names")]
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def _without_orphans(data: bytes) -> bytes:
    """The file written again by qpdf, which keeps only objects reachable from its catalog:
    what _strip cut loose (a removed action, a script stream) is not in the file at all."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _write(writer: Any) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def count_pages(reader: Any, *, stop_after: int) -> int:
    """The number of pages, counted from the page tree's leaves without loading any page, and
    stopping as soon as there are more than ``stop_after`` (the cheap check before any work:
    a 185 KB file can hold 20,000 pages). The tree's own /Count is not trusted."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    root = reader.trailer["/Root"].get_object()
    stack: list[Any] = [root["/Pages"]]
    seen: set[tuple[int, int]] = set()
    pages = nodes = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                raise _damaged()  # a page tree that loops back on itself
            seen.add(key)
            node = node.get_object()
        nodes += 1
        if nodes > MAX_PAGE_TREE_NODES or not isinstance(node, DictionaryObject):
            raise _damaged()
        kids = node.get("/Kids")
        if kids is None or node.get("/Type") == "/Page":
            pages += 1
            if pages > stop_after:
                return pages
            continue
        kids = kids.get_object()
        if not isinstance(kids, ArrayObject):
            raise _damaged()
        stack.extend(reversed(kids))
    return pages


def _normalize_pdf(
    data: bytes, *, pages_left: int = Limits.max_pages, page_limit: int = Limits.max_pages
) -> Normalized:
    from pikepdf import PdfError as QpdfError
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import FileNotDecryptedError, PdfReadError, PdfStreamError

    # A file cut off before its end (no %%EOF) was refused by precheck, before this.
    notices: list[str] = []
    size = len(data)  # as received
    try:
        with warnings.catch_warnings():
            # pypdf warns about small repairs; a file it cannot read raises below instead.
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                # An owner password only restricts printing or copying: anyone may open it.
                try:
                    opened = reader.decrypt("")
                except (FileNotDecryptedError, NotImplementedError):
                    opened = 0
                if not opened:
                    raise AttachmentError(
                        _(
                            "This PDF is protected with a password. Save it without a password "
                            "and try again."
                        ),
                        "encrypted",
                    )
                notices.append(
                    str(
                        _(
                            "This PDF had restrictions (for example on printing). We removed "
                            "them so it can be added to your letter. The pages are unchanged."
                        )
                    )
                )
            # Before any work: a file with more pages than may still be added is refused here.
            if count_pages(reader, stop_after=max(pages_left, 0)) > pages_left:
                raise too_many_pages(page_limit)
            # From here on everything reads the canonical file, which is also what is stored
            # and merged: what we check is what we ship.
            data = canonical_pdf(data)
            reader = PdfReader(io.BytesIO(data), strict=False)
            if count_pages(reader, stop_after=max(pages_left, 0)) > pages_left:
                raise too_many_pages(page_limit)
            pages = len(reader.pages)
            if pages == 0:
                raise AttachmentError(_("This PDF has no pages."), "no_pages")
            for page in reader.pages:
                page.mediabox  # noqa: B018 - touching each page proves it can be read
                page.get_contents()
            findings = _Findings()
            _walk(reader.trailer["/Root"], findings)
            if findings.any:
                writer = PdfWriter()
                for page in reader.pages:
                    writer.add_page(page)
                _strip(writer)
                cleaned = _without_orphans(_write(writer))
                check = _Findings()
                _walk(PdfReader(io.BytesIO(cleaned)).trailer["/Root"], check)
                if check.any:
                    raise AttachmentError(
                        _(
                            "This PDF contains scripts or files that we could not remove. "
                            "Print it to a new PDF, or take a photo of the letter."
                        ),
                        "active_content",
                    )
                what = (
                    _("scripts and embedded files")
                    if findings.scripts and findings.files
                    else _("scripts")
                    if findings.scripts
                    else _("embedded files")
                    if findings.files
                    else _("links or actions that open other files or websites")
                )
                notices.append(
                    str(
                        _(
                            "This PDF contained %(what)s. For your safety we removed them. "
                            "The pages look the same."
                        )
                        % {"what": what}
                    )
                )
                return Normalized("pdf", cleaned, pages, size, tuple(notices))
            # Prove it can be appended later the way render.py will do it.
            append_pdfs(None, [data])
    except AttachmentError:
        raise
    except (
        PdfReadError,
        PdfStreamError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        RecursionError,
        OSError,
        zlib.error,
        QpdfError,
    ) as exc:
        logger.info("Refused a damaged PDF upload: %s", type(exc).__name__)
        raise _damaged() from exc
    return Normalized("pdf", data, pages, size, tuple(notices))


def canonical_pdf(data: bytes) -> bytes:
    """The file as qpdf reads it, written again: one value per dictionary key, no encryption
    (an owner password only; a file that needs a password to open is refused before), only
    the objects its catalog reaches. A dictionary may name a key twice; pypdf (the check) read
    the first value and qpdf (the merge) kept the second, so a link whose first /A was a jump
    and second JavaScript passed the check and reached the letter. Streams are copied as they
    are (not decoded: a compressed bomb stays small here)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data), password="") as pdf:
        out = io.BytesIO()
        pdf.save(
            out,
            encryption=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            compress_streams=False,
            object_stream_mode=pikepdf.ObjectStreamMode.preserve,
        )
    return out.getvalue()


# --- photos -----------------------------------------------------------------------------
def _bytes_per_pixel(mode: str) -> int:
    """How many bytes Pillow holds per pixel in memory (RGB is padded to four)."""
    if mode in ("1", "L", "P"):
        return 1
    if mode.startswith("I;16"):
        return 2
    return 4


def _open_image(data: bytes, limits: Limits) -> Any:
    from PIL import Image, ImageOps, UnidentifiedImageError

    if data[4:8] == b"ftyp":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    too_big = AttachmentError(
        _(
            "This picture has too many pixels for us to open safely. Take the photo again at "
            "normal size, or send a smaller copy."
        ),
        "too_many_pixels",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > limits.max_pixels or width < 1 or height < 1:
                raise too_big
            if image.format == "JPEG":
                # Decode at a reduced scale straight away: fast and light on memory.
                image.draft("RGB", (PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
            # The memory the decoded picture will take, known from its header alone.
            width, height = image.size
            if width * height * _bytes_per_pixel(image.mode) > limits.max_decoded_bytes:
                raise too_big
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise too_big from exc
    except MemoryError as exc:
        raise too_big from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise AttachmentError(
            _("This photo is damaged and cannot be opened. Take or save the photo again."),
            "damaged_image",
        ) from exc
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    # Scale a large picture down by a whole factor first (a cheap box average) so the turning,
    # flattening and resampling below work on a small copy. The copy keeps the picture's
    # ``info`` (its EXIF), so it is still turned upright below.
    factor = max(image.size) // (2 * PHOTO_MAX_SIDE)
    if factor >= 2:
        image = image.reduce(factor)
    return ImageOps.exif_transpose(image)


def _flatten(image: Any) -> Any:
    """RGB or greyscale on white; alpha and palettes resolved."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, "white")
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    if image.mode in ("L", "RGB"):
        return image
    if image.mode in ("1", "I", "I;16", "F"):
        return image.convert("L")
    return image.convert("RGB")


def _normalize_image(data: bytes, limits: Limits) -> Normalized:
    from PIL import Image

    image = _flatten(_open_image(data, limits))
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE), Image.Resampling.LANCZOS)
    # A fresh JPEG: no EXIF, no GPS, no ICC or XMP, no comment. Pillow would copy a JPEG
    # comment (COM segment) or ICC profile from ``info`` into the new file: empty it first.
    image.info = {}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=PHOTO_JPEG_QUALITY, optimize=True)
    page = jpeg_page_pdf(out.getvalue(), image.size, grey=image.mode == "L")
    return Normalized("image", page, 1, len(data))


def jpeg_page_pdf(jpeg: bytes, size: tuple[int, int], *, grey: bool = False) -> bytes:
    """A one-page A4 PDF with the JPEG centred inside a margin; landscape photos get a
    landscape A4 page. Written by hand: nothing else in the file."""
    width, height = size
    page_w, page_h = A4 if height >= width else (A4[1], A4[0])
    scale = min((page_w - 2 * PHOTO_MARGIN) / width, (page_h - 2 * PHOTO_MARGIN) / height)
    draw_w, draw_h = width * scale, height * scale
    x, y = (page_w - draw_w) / 2, (page_h - draw_h) / 2
    content = f"q {draw_w:.2f} 0 0 {draw_h:.2f} {x:.2f} {y:.2f} cm /Im0 Do Q".encode()
    colour = "/DeviceGray" if grey else "/DeviceRGB"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w:.2f} {page_h:.2f}] "
            f"/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>"
        ).encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        (
            f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
            f"/ColorSpace {colour} /BitsPerComponent 8 /Filter /DCTDecode "
            f"/Length {len(jpeg)} >>\nstream\n"
        ).encode()
        + jpeg
        + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
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


# --- merging ----------------------------------------------------------------------------
def append_pdfs(draft: bytes | None, attachments: list[bytes]) -> bytes:
    """The draft followed by every attachment's pages, unchanged. The draft's catalog (its
    structure tree, title, language and XMP metadata) is kept. qpdf (pikepdf) does the work:
    several times faster than pure Python on photos."""
    import pikepdf

    sources = []
    with pikepdf.new() if draft is None else pikepdf.open(io.BytesIO(draft)) as merged:
        try:
            for attachment in attachments:
                source = pikepdf.open(io.BytesIO(attachment))
                sources.append(source)
                for page in source.pages:
                    merged.pages.append(page)
                    # Its structure entry pointed into its own file's tree, not the draft's.
                    appended = merged.pages[-1].obj
                    if "/StructParents" in appended:
                        del appended["/StructParents"]
            out = io.BytesIO()
            merged.save(out)
        finally:
            for source in sources:
                source.close()
    return out.getvalue()


# --- typed text -------------------------------------------------------------------------
def normalize_text(
    text: str, *, limits: Limits | None = None, usage: Usage | None = None, day: str = ""
) -> Normalized:
    """The typed text of the first opinion as an annex PDF, marked as typed by the requester."""
    from pypdf import PdfReader

    from decision_aid.documents.render import render_typed_text_pdf

    limits = limits or Limits.from_settings()
    usage = usage or Usage()
    text = text.replace("\x00", "").strip()
    if not text:
        raise AttachmentError(_("Type the text of the advice first."), "empty_text")
    if len(text) > limits.max_text_chars:
        raise AttachmentError(
            _("Use at most %(n)d characters (you used %(used)d).")
            % {"n": limits.max_text_chars, "used": len(text)},
            "text_too_long",
        )
    if usage.files >= limits.max_files:
        ensure_room(limits, usage, size=0, pages=0)  # says "at most n files"
    pdf = render_typed_text_pdf(text, day=day)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    if usage.pages + pages > limits.max_pages:
        raise too_many_pages(limits.max_pages)
    return Normalized("text", pdf, pages, len(text.encode()))
