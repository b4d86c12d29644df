"""The legal and practical passages the routing rules cite, as data (no Django).

``sources.json`` holds one entry per source id (scheme: ``docs/routing.md``):

- seeds ``000``-``004``: ``"<seed> <anchor>"``, e.g. ``"001 tip 4"``, ``"004 §10"``; the Dutch
  passage is copied verbatim from the seed text (several quotes joined by " … ");
- laws: ``"BW 7:629a lid 1"``, ``"Arbobesluit 2.14d"``: a faithful Dutch summary from domain.md;
- web sources named in domain.md: ``"domain §<section> [<key>]"``, e.g. ``"domain §4 [AP]"``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SOURCES_PATH = Path(__file__).with_name("sources.json")


@dataclass(frozen=True)
class Source:
    id: str
    kind: str  # "seed" | "law" | "web"
    seed: str | None  # "000".."004" for seeds
    title_nl: str
    title_en: str
    passage_nl: str
    passage_en: str
    url: str | None

    @property
    def quotes_nl(self) -> tuple[str, ...]:
        """For seeds: the verbatim quotes that make up ``passage_nl``."""
        return tuple(self.passage_nl.split(" … "))


@cache
def _load() -> dict[str, Source]:
    data = json.loads(SOURCES_PATH.read_text(encoding="utf-8"))
    return {entry["id"]: Source(**entry) for entry in data["sources"]}


@cache
def sources_date() -> str:
    """The date (YYYY-MM-DD) the source passages were last updated; shown with every advice."""
    return str(json.loads(SOURCES_PATH.read_text(encoding="utf-8"))["sources_date"])


def get_source(source_id: str) -> Source:
    """The source with this id; ``KeyError`` naming the id when it is unknown."""
    try:
        return _load()[source_id]
    except KeyError:
        raise KeyError(f"unknown source id: {source_id!r}") from None


def all_sources() -> tuple[Source, ...]:
    return tuple(_load().values())


# Short names a person recognises, for citations in the advice ("UWV-beleidsregels, §10",
# "Burgerlijk Wetboek 7:629a lid 1"); the full title and passage are on the sources page.
_SEED_NAMES = {
    "000": ("Belangenorganisatie over het deskundigenoordeel", "Advocacy group on expert opinions"),
    "001": ("Welder, Steuntje in de rug", "Welder support sheet"),
    "002": ("Blog: als uw werkgever niet meewerkt", "Blog: when the employer does not cooperate"),
    "003": ("Aanbieder van second opinions", "Second-opinion provider"),
}


def citation_label(source_id: str, *, english: bool = False) -> str:
    """A short, readable name for a source id, e.g. ``"004 §10"`` -> ``"UWV-beleidsregels,
    §10"``, ``"BW 7:629a lid 1"`` -> ``"Burgerlijk Wetboek 7:629a lid 1"``."""
    source = get_source(source_id)
    if source.seed == "004":
        part = source_id.removeprefix("004 ")
        if english:
            part = part.replace("noot", "footnote")
            return f"UWV policy rules, {part}"
        return f"UWV-beleidsregels, {part}"
    if source.seed in _SEED_NAMES:
        # with the part of the page, so two passages of one page cited together do not read
        # as the same source twice ("Aanbieder van second opinions; Aanbieder van ...")
        nl, en = _SEED_NAMES[source.seed]
        title = source.title_en if english else source.title_nl
        part = title.rsplit(": ", 1)[1] if ": " in title else ""
        name = en if english else nl
        return f"{name}: {part}" if part else name
    if source_id.startswith("BW "):
        article = source_id.removeprefix("BW ")
        if english:
            return "Civil Code " + article.replace(" lid ", ", paragraph ")
        return f"Burgerlijk Wetboek {article}"
    if source_id.startswith("Arbobesluit "):
        article = source_id.removeprefix("Arbobesluit ")
        return f"Working Conditions Decree {article}" if english else source_id
    return source.title_en if english else source.title_nl
