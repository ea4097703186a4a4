"""Local authorities: the package's table (loaders/data/authorities.csv) and name resolution.

Reports, manifests and people write an authority's name many ways ("London Borough of Waltham Forest",
"Bristol City of", "Hull", "windsor & maidenhead"). Names are normalised (case, punctuation, '&', council-type
words) and looked up exactly among each authority's name and variants: no fuzzy matching, because "Bedford"
must never become "Central Bedfordshire".
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache
from pathlib import Path

from loaders.errors import UnknownName
from loaders.records import Authority

__all__ = [
    "AUTHORITIES_PATH",
    "all_authorities",
    "authority_by_gss",
    "authority_names",
    "find_authority",
    "find_authority_in",
    "normalise_name",
]

AUTHORITIES_PATH = Path(__file__).resolve().parent / "data" / "authorities.csv"

# Council-type words around a place name, stripped repeatedly: "London Borough of Merton Council" -> "merton".
_PREFIXES = (
    "the ",
    "london borough of ",
    "royal borough of ",
    "metropolitan borough of ",
    "borough of ",
    "city and county of ",
    "city of ",
    "county of ",
    "council of the ",
    "county ",
)
_SUFFIXES = (
    " metropolitan borough council",
    " metropolitan district council",
    " metropolitan council",
    " borough council",
    " city council",
    " county council",
    " district council",
    " unitary authority",
    " local authority",
    " council",
    " city of",
    " county of",
    " city",
    " corporation",
)
_NOT_NAMES = frozenset({"london", "", "council", "city", "county"})  # what stripping must never leave
_TITLE_END = re.compile(r"inspection dates?\b|report published", re.IGNORECASE)
_TITLE_CHARS = 1000  # the title (name, then "Inspection dates") sits in the first few hundred characters
_OPENING_CHARS = 2500  # fallback: reports without a title page name the authority in the first paragraphs
_OFSTED_ADDRESS = re.compile(r"Piccadilly Gate\W+Store Street\W+Manchester\W+M1 2WD", re.I)


def normalise_name(name: str) -> str:
    """Lower-case words of a name: '&' is 'and', punctuation and hyphens are spaces.

    >>> normalise_name("Southend-on-Sea  City Council")
    'southend on sea city council'
    >>> normalise_name("Bournemouth, Christchurch & Poole")
    'bournemouth christchurch and poole'
    """
    text = name.casefold().replace("&", " and ").replace("’", "'")
    text = re.sub(r"'s\b", "s", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def _strip_council_words(key: str) -> str:
    """The place name left once council-type words are taken off a normalised name."""
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix) and key[len(prefix) :] not in _NOT_NAMES:
                key, changed = key[len(prefix) :], True
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and key[: -len(suffix)] not in _NOT_NAMES:
                key, changed = key[: -len(suffix)], True
    return key


def _keys(name: str) -> set[str]:
    full = normalise_name(name)
    return {full, _strip_council_words(full)} - _NOT_NAMES


def _split(value: str, sep: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(sep) if part.strip())


@cache
def _table() -> tuple[tuple[Authority, tuple[str, ...]], ...]:
    """(authority, names it is written as) for every row of the authorities table."""
    rows = []
    with AUTHORITIES_PATH.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            authority = Authority(
                gss_code=row["gss_code"],
                name=row["name"],
                dfe_code=row["dfe_code"] or None,
                ofsted_urn=row["ofsted_urn"] or None,
                region=row["region"] or None,
                region_code=row["region_code"] or None,
                statistical_neighbours=_split(row["statistical_neighbours"], " "),
                successors=_split(row["successors"], " "),
                abolished=date.fromisoformat(row["abolished"]) if row["abolished"] else None,
            )
            rows.append((authority, (row["name"], *_split(row["variants"], "|"))))
    return tuple(rows)


@cache
def _index() -> dict[str, tuple[Authority, ...]]:
    """Normalised key -> authorities written that way (several only where an abolished body shares a name)."""
    index: dict[str, list[Authority]] = {}
    for authority, names in _table():
        for name in names:
            for key in _keys(name):
                if authority not in index.setdefault(key, []):
                    index[key].append(authority)
    return {key: tuple(found) for key, found in index.items()}


def _choose(candidates: tuple[Authority, ...], on: date | None) -> Authority:
    """The candidate that existed on a date: an abolished body before its abolition, else a current one."""
    if on is not None:
        for authority in candidates:
            if authority.abolished is not None and on < authority.abolished:
                return authority
    current = [authority for authority in candidates if authority.abolished is None]
    return (current or list(candidates))[0]


def all_authorities() -> list[Authority]:
    """Every authority in the table, current and abolished, ordered by GSS code."""
    return sorted((authority for authority, _ in _table()), key=lambda a: a.gss_code)


def authority_names(authority: Authority) -> tuple[str, ...]:
    """The canonical name and every variant the table lists for an authority."""
    for known, names in _table():
        if known.gss_code == authority.gss_code:
            return names
    raise UnknownName("authority", authority.gss_code, known=(a.gss_code for a, _ in _table()))


def authority_by_gss(code: str) -> Authority:
    """The authority with an ONS GSS code; raises UnknownName if the table does not have it."""
    for authority, _ in _table():
        if authority.gss_code == code.strip().upper():
            return authority
    raise UnknownName("authority GSS code", code, known=(a.gss_code for a, _ in _table()))


def find_authority(name: str, *, on: date | None = None) -> Authority | None:
    """The authority a name denotes, or None; `on` picks between bodies that shared a name over time.

    >>> find_authority("London Borough of Waltham Forest").gss_code
    'E09000031'
    >>> find_authority("Bedford") == find_authority("Central Bedfordshire")
    False
    """
    full = normalise_name(name)
    for key in (full, _strip_council_words(full)):
        if key in _index():
            return _choose(_index()[key], on)
    return None


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(key, regex finding it in running text) for every key, longest first."""
    sep = r"[\s,.'’\-]+"
    patterns = []
    for key in sorted(_index(), key=lambda k: (-len(k), k)):
        words = [r"(?:and|&)" if word == "and" else re.escape(word) for word in key.split()]
        patterns.append((key, re.compile(r"(?<!\w)" + sep.join(words) + r"(?!\w)", re.IGNORECASE)))
    return tuple(patterns)


def _first_named(text: str) -> str | None:
    """The key named earliest in text (the longest at that place), written with a capital as names are."""
    best: tuple[int, int, str] | None = None
    for key, pattern in _patterns():
        for match in pattern.finditer(text):
            if match.group()[0].isupper():
                candidate = (match.start(), -len(key), key)
                if best is None or candidate < best:
                    best = candidate
                break
    return best[2] if best else None


def find_authority_in(text: str, *, on: date | None = None) -> Authority | None:
    """The authority named in a report's first lines (its title), or in its opening paragraphs; else None."""
    text = _OFSTED_ADDRESS.sub(" ", text[:_OPENING_CHARS])  # a letter's heading names Ofsted's city, not the authority
    title_end = _TITLE_END.search(text, 0, _TITLE_CHARS)
    zones = [text[: title_end.start()]] if title_end else []
    zones.append(text[:_OPENING_CHARS])
    for zone in zones:
        key = _first_named(zone)
        if key is not None:
            return _choose(_index()[key], on)
    return None
