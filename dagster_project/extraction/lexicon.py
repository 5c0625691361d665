"""Loads the lexicons (data files under `lexicon/` and the shared `seeds/vocab/`) once.

Each lexicon becomes one compiled regular expression with a named group per row, so a
sentence is scanned once per lexicon and `match.lastgroup` says which row matched.
"""

from __future__ import annotations

import bisect
import csv
import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dagster_project.config import VOCAB_DIR

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"


def read_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


class _Scan(threading.local):
    """Matches of each regex over the whole current article, computed once.

    Rules ask for matches sentence by sentence; scanning the article once per regex and
    slicing by offsets gives the same matches (a match never spans two sentences in a way
    the rules use) for a fraction of the cost.
    """

    text: str | None = None
    found: dict

    def __init__(self) -> None:
        self.text, self.found = None, {}


_SCAN = _Scan()


def begin_article(text: str) -> None:
    _SCAN.text, _SCAN.found = text, {}


def end_article() -> None:
    _SCAN.text, _SCAN.found = None, {}


def scan(regex: re.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """regex.finditer(text, pos, endpos), served from the per-article cache when possible."""
    endpos = len(text) if endpos is None else endpos
    if text is not _SCAN.text:
        return list(regex.finditer(text, pos, endpos))
    found = _SCAN.found.get(id(regex))
    if found is None:
        matches = list(regex.finditer(text))
        found = _SCAN.found[id(regex)] = (matches, [m.start() for m in matches])
    matches, starts = found
    i = bisect.bisect_left(starts, pos)
    out = []
    while i < len(matches) and starts[i] < endpos:
        if matches[i].end() <= endpos:
            out.append(matches[i])
        i += 1
    return out


@dataclass(frozen=True)
class Table:
    """Rows of a lexicon and one regex matching any of their patterns (case-insensitive)."""

    rows: tuple[dict, ...]
    regex: re.Pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        for m in scan(self.regex, text, pos, endpos):
            yield m, self.rows[int(m.lastgroup[1:])]


def compile_table(rows: list[dict], flags=re.IGNORECASE, boundary: bool = True) -> Table:
    parts = []
    for i, row in enumerate(rows):
        pattern = row["pattern"]
        parts.append(f"(?P<g{i}>{pattern})")
    body = "|".join(parts)
    regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w])" if boundary else body, flags)
    return Table(tuple(rows), regex)


@cache
def table(name: str, case_sensitive: bool = False) -> Table:
    rows = read_rows(LEXICON_DIR / name)
    # Longer patterns first, so "tens of thousands" wins over "thousands".
    return compile_table(rows, flags=0 if case_sensitive else re.IGNORECASE)


@cache
def vocab_codes(domain: str) -> frozenset[str]:
    return frozenset(r["code"] for r in read_rows(VOCAB_DIR / "vocab_codes.csv") if r["domain"] == domain)


@cache
def event_vocab() -> dict[tuple[str, str], dict]:
    return {(r["event_type"], r["event_mode"]): r for r in read_rows(VOCAB_DIR / "vocab_event_types.csv")}


@cache
def vague_numbers() -> list[dict]:
    rows = read_rows(VOCAB_DIR / "vocab_vague_numbers.csv")
    return sorted(rows, key=lambda r: -len(r["words"]))


@cache
def actors() -> Table:
    """Actor lexicon; persons, bodies and organisations are case-sensitive proper names."""
    rows = read_rows(LEXICON_DIR / "actors.csv")
    proper = [r for r in rows if r["kind"] == "ngo_name" or (r["kind"] in {"person", "body", "ngo", "io", "media", "state_media"} and r["pattern"][:1].isupper())]
    common = [r for r in rows if r not in proper]
    return compile_table(proper, flags=0), compile_table(common, flags=re.IGNORECASE)


@cache
def country_aliases() -> dict[str, str | None]:
    """Country names, demonyms and capitals → ISO3 (pycountry names included)."""
    import pycountry

    names: dict[str, str | None] = {}
    for c in pycountry.countries:
        names[c.name] = c.alpha_3
        if getattr(c, "common_name", None):
            names[c.common_name] = c.alpha_3
    for row in read_rows(LEXICON_DIR / "country_aliases.csv"):
        names[row["alias"]] = row["iso3"] or None
    return names


@cache
def country_regex() -> re.Pattern:
    names = sorted((n for n in country_aliases() if len(n) > 1), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:the\s+)?(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@cache
def country_name(iso3: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return {"IRN": "Iran", "USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "SYR": "Syria",
            "VEN": "Venezuela", "TUR": "Turkey", "KOR": "South Korea", "PRK": "North Korea", "BOL": "Bolivia",
            "TZA": "Tanzania", "MDA": "Moldova", "VNM": "Vietnam", "LAO": "Laos"}.get(iso3, getattr(c, "common_name", None) or c.name)


@cache
def quantity_tables() -> tuple[Table, Table]:
    """Quantity words that follow a number ("12 were killed") and that precede it ("killing 12")."""
    rows = read_rows(LEXICON_DIR / "quantities.csv")
    return (compile_table([r for r in rows if r["side"] == "after"]),
            compile_table([r for r in rows if r["side"] == "before"]))
