"""The last look at a letter before it leaves: no scripts, no program launches, no embedded
files, no action on opening, in the bytes we send.

Every upload is checked in its canonical form (attachments.canonical_pdf), so this should find
nothing; it is the second line for what was stored before that (an upload whose dictionaries
named a key twice passed the old check with JavaScript in it) and for any gap in the first.
It reads the merged file with the same parser that wrote it (qpdf), so what it sees is what
the employer's or UWV's PDF reader gets. What it finds is removed and logged (no content).
"""

from __future__ import annotations

import io
import logging
from typing import Any

logger = logging.getLogger(__name__)

# Keys whose presence is active content, wherever they are.
ACTIVE_KEYS = ("/JS", "/AA", "/OpenAction", "/EmbeddedFiles", "/EF", "/XFA", "/RichMediaContent")
# Action types that run or fetch something.
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/ImportData",
    "/SubmitForm",
    "/ResetForm",
    "/GoToE",
    "/GoToR",
    "/Rendition",
    "/Movie",
    "/Sound",
    "/RichMediaExecute",
}


def _is_active_action(value: Any) -> bool:
    """An action dictionary (or a chain of them) that does more than jump inside the document
    or open an https:// link."""
    import pikepdf

    if not isinstance(value, pikepdf.Dictionary):
        return False
    kind = value.get("/S")
    if kind is not None and str(kind) in ACTIVE_ACTIONS:
        return True
    if kind is not None and str(kind) == "/URI":
        uri = value.get("/URI")
        text = bytes(uri).decode("latin-1") if isinstance(uri, pikepdf.String) else ""
        if not text.lower().startswith("https://") or any(ord(c) < 33 for c in text):
            return True
    nxt = value.get("/Next")
    if nxt is not None:
        chain = nxt if isinstance(nxt, pikepdf.Array) else [nxt]
        return any(_is_active_action(n) for n in chain)
    return False


def _clean(obj: Any, seen: set[tuple[int, int]]) -> int:
    """Remove active content from ``obj`` and what it holds directly; the number removed."""
    import pikepdf

    removed = 0
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Stream):
            item = item.stream_dict
        if isinstance(item, pikepdf.Dictionary):
            for key in ACTIVE_KEYS:
                if key in item:
                    del item[key]
                    removed += 1
            for key in ("/A", "/Next", "/PA"):
                if key in item and _is_active_action(item[key]):
                    del item[key]
                    removed += 1
            names = item.get("/Names")
            if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
                del names["/JavaScript"]
                removed += 1
            if str(item.get("/S", "")) in ACTIVE_ACTIONS:
                # An action met on its own (an annotation's /A kept above as indirect): make
                # it do nothing.
                item["/S"] = pikepdf.Name("/GoTo")
                item["/D"] = pikepdf.Array([])
                removed += 1
            children = list(item.values())
        else:  # an array: only dictionaries, arrays and streams are put on the stack
            children = list(item)
        for child in children:
            if isinstance(child, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream):
                if child.is_indirect:
                    if child.objgen in seen:
                        continue
                    seen.add(child.objgen)
                stack.append(child)
    return removed


def without_active_content(data: bytes) -> bytes:
    """The PDF unchanged when it carries no active content; else written again without it."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        seen: set[tuple[int, int]] = set()
        removed = _clean(pdf.trailer, seen)
        if not removed:
            return data
        logger.warning("Removed %d pieces of active content from a finished letter", removed)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
