"""A blind index for member names: search in SQL without storing or decrypting any name.

The name itself is encrypted (crypto.encrypt). Beside it we store keyed hashes (HMAC-SHA256
with a key of its own, settings.SEARCH_INDEX_KEY, truncated to 128 bits):
- of the normalised whole name (AdvisorCase.member_name_digest),
- of each word of it (MemberNameWord rows).
A search hashes the typed words with the same key and looks the hashes up. The database (or a
dump of it) shows which cases carry an equal name or share a word, never the name itself:
docs/decisions/0006-blind-index-for-member-names.md says why that is acceptable.

Normalising makes the hash forgiving for the way names are typed on the phone: case, accents
("Zoë" = "Zoe", "Yılmaz" = "Yilmaz"), hyphens and apostrophes ("'t Hart" = "t Hart") and extra
spaces do not matter. Whole words only: "Fat" does not find "Fatma" (a prefix index would
reveal much more; see the decision record).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

from django.conf import settings

# Letters NFKD does not take apart into a base letter and an accent.
_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th"})
_NOT_WORD = re.compile(r"[^0-9a-z]+")
DIGEST_LENGTH = 32  # hex characters: 128 bits


def normalise(name: str) -> str:
    """ "  Zoë  van  ’t Hart-Yılmaz " -> "zoe van t hart yilmaz"."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text.translate(_FOLD)).split())


def words(name: str) -> list[str]:
    return sorted(set(normalise(name).split()))


def _digest(kind: str, text: str) -> str:
    key = settings.SEARCH_INDEX_KEY.encode()
    # The kind prefix keeps a one-word name's whole-name hash apart from its word hash.
    return hmac.new(key, f"{kind}:{text}".encode(), hashlib.sha256).hexdigest()[:DIGEST_LENGTH]


def name_digest(name: str) -> str:
    """The hash of the whole normalised name ("" for an empty name: nothing to find)."""
    normal = normalise(name)
    return _digest("name", normal) if normal else ""


def word_digests(name: str) -> list[str]:
    return [_digest("word", word) for word in words(name)]
