"""Text as people paste it, made fit to store and to print: characters XML 1.0 cannot hold
(control characters such as a form feed from a copied PDF, U+FFFE/U+FFFF, lone surrogates)
are removed. A .docx is XML: one such character in a name made every .docx of the case fail,
while the PDF (which drops them) worked. Tab, line feed and carriage return stay. No Django."""

from __future__ import annotations

import re

# Everything outside XML 1.0's Char production (#x9 | #xA | #xD | [#x20-#xD7FF] |
# [#xE000-#xFFFD] | [#x10000-#x10FFFF]).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document (a .docx) cannot hold."""
    return _NOT_XML.sub("", text)
