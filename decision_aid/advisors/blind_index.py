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
spaces do not matter.

Forgiving search (index_digests / query_groups): besides each whole word, a name stores keyed
hashes of
- each beginning of a word of 3 letters or more ("Jans" finds "Jansen"),
- the word with any one letter left out, and the word itself ("Bakkr", "Baker" and "Bakkar"
  find "Bakker": two words one edit apart share one of these; a symmetric-delete index),
- a Dutch sound key ("Meyer" = "Meijer", "Smid" = "Schmidt", "Janssen" = "Jansen").
Each kind has its own HMAC prefix, so a prefix hash never equals a word hash. What this
reveals more than whole words is in docs/decisions/0007-forgiving-name-search.md.

Pairs (pair_digests / query_pairs): two common words ("Anna Jansen") each match thousands of
names, so reading each word's cases costs what the caseload holds. A name also stores a keyed
hash of every pair of the rough forms (_rough_forms) of two of its words (a word with itself
too): the first four letters, also with one of the first five left out, and the first four
letters of the sound key. Any word a typed word finds shares one rough form with it, so the
pairs of two typed words find every case that has both, with a few more: the search then
checks each of these against the word hashes above.
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


#: At most this many words of a name (or of a search) count, the longest: real names have
#: fewer, and each pair of words is stored, so a 200-character name of 60 short words would
#: have cost some 16,000 index rows (and a search of 60 words 60 look-ups).
MAX_WORDS = 8


def words(name: str) -> list[str]:
    """The distinct words of a name that the index holds, in a fixed order."""
    distinct = set(normalise(name).split())
    return sorted(sorted(distinct, key=lambda word: (-len(word), word))[:MAX_WORDS])


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


PREFIX_MIN = 3  # letters: "Jan" finds "Jansen"; two letters would match half the caseload
NEAR_MIN = 4  # letters: one edit in a shorter word matches too many other words

# A Dutch sound key: spellings that sound alike become one. Order matters (longest first).
_SOUNDS = (
    ("sch", "s"),
    ("ch", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ij", "ei"),
    ("y", "ei"),
    ("ou", "au"),
    ("dt", "t"),
    ("ck", "k"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("v", "f"),
    ("w", "v"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")


def sound_key(word: str) -> str:
    """ "Meijer", "Meyer" -> "meier"; "Schmidt", "Smid" -> "smit"; "Janssen" -> "jansen"."""
    text = _SOFT_C.sub("s", word)
    for spelled, sound in _SOUNDS:
        text = text.replace(spelled, sound)
    if text.endswith("d"):
        text = text[:-1] + "t"
    out = []
    for ch in text:  # a doubled letter sounds as one ("kk", "ee", "ss")
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _one_left_out(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _terms(word: str, *, beginnings: set[str]) -> set[tuple[str, str]]:
    terms = {("word", word)} | {("prefix", b) for b in beginnings}
    if len(word) >= NEAR_MIN:
        terms |= {("near", v) for v in _one_left_out(word) | {word}}
    key = sound_key(word)
    if len(key) >= PREFIX_MIN:
        terms.add(("sound", key))
    return terms


def _stored_terms(word: str) -> set[tuple[str, str]]:
    """A stored word is found by each of its beginnings of three letters or more."""
    return _terms(word, beginnings={word[:k] for k in range(PREFIX_MIN, len(word))})


def _query_terms(word: str) -> set[tuple[str, str]]:
    """A typed word of three letters or more may be the beginning of a stored one."""
    return _terms(word, beginnings={word} if len(word) >= PREFIX_MIN else set())


def index_digests(name: str) -> list[str]:
    """Every hash a name is found by: its words, their beginnings, their one-letter-out forms
    and their sound keys (sorted, each once)."""
    terms = set().union(*(_stored_terms(word) for word in words(name))) if name else set()
    return sorted({_digest(kind, text) for kind, text in terms})


def query_groups(query: str) -> list[list[str]]:
    """Per typed word, the hashes any one of which finds it (a case must match every word)."""
    return [sorted({_digest(k, t) for k, t in _query_terms(word)}) for word in words(query)]


ROUGH = 4  # letters of a rough form: with 3, "Sanne" and "Anna" shared "ann" (found, checked)
_LETTERS = "0123456789abcdefghijklmnopqrstuvwxyz"  # what normalise leaves


def _rough_forms(word: str) -> set[str]:
    """What a stored word shares with every word that finds it (exactly, by its beginning, one
    letter off or by sound) and with few others: its first four letters, also with any one of
    its first five left out (one typo), and the first four letters of its sound key. A word
    shorter than four letters is found only whole or by sound."""
    if len(word) >= NEAR_MIN:
        forms = {variant[:ROUGH] for variant in _one_left_out(word) | {word}}
    else:
        forms = {word}
    key = sound_key(word)
    if len(key) >= PREFIX_MIN:
        # In the same space as the letters ("jans" either way): a few more cases to check,
        # fewer pairs to store.
        forms.add(key[:ROUGH])
    return forms


def _typed_rough_forms(word: str) -> set[str]:
    """The rough forms of a typed word: a beginning of three letters ("Jan") finds the longer
    words it begins, whose rough form is those three and one letter more ("jans")."""
    forms = _rough_forms(word)
    if len(word) == PREFIX_MIN:
        forms |= {word + letter for letter in _LETTERS}
    return forms


def _pair_digest(first: str, second: str) -> str:
    # Order-insensitive: "Anna Jansen" and "Jansen, Anna" store the same pairs.
    return _digest("pair", "|".join(sorted((first, second))))


def pair_digests(name: str) -> list[str]:
    """Every pair hash of a name: a rough form of one word with one of another word or of the
    same word (two typed words may both find one word: "Jan" and "Jansen" find "Jansen")."""
    forms = [_rough_forms(word) for word in words(name)]
    return sorted(
        {
            _pair_digest(a, b)
            for i, first in enumerate(forms)
            for second in forms[i:]
            for a in first
            for b in second
        }
    )


def query_pairs(query: str) -> list[str]:
    """The pair hashes of two typed words (the two longest, which match the fewest names), any
    one of which a case with both words has ([] for fewer than two words)."""
    typed = sorted(words(query), key=lambda word: (-len(word), word))[:2]
    if len(typed) < 2:
        return []
    first, second = (_typed_rough_forms(word) for word in typed)
    return sorted({_pair_digest(a, b) for a in first for b in second})
