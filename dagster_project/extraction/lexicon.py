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
    word_starts: list | None = None
    spans: list | None = None  # the article's sentences, once known
    span_index: dict

    def __init__(self) -> None:
        self.text, self.found, self.word_starts, self.spans, self.span_index = None, {}, None, None, {}


_SCAN = _Scan()
_WORD_START = re.compile(r"(?<!\w)\w")
_META = set("()[]{}?*+|.\\^$")


def begin_article(text: str) -> None:
    _SCAN.text, _SCAN.found, _SCAN.word_starts, _SCAN.spans, _SCAN.span_index = text, {}, None, None, {}


def set_sentences(spans: list[tuple[int, int]]) -> None:
    """The current article's sentence spans: scans over exactly one sentence are then served
    from per-sentence buckets filled in one sweep, not a search per call."""
    _SCAN.spans = spans
    _SCAN.span_index = {span: i for i, span in enumerate(spans)}


def end_article() -> None:
    begin_article(None)


# ---- first-word keys: where a lexicon pattern can start --------------------------------
# Scanning a long alternation regex across a whole article is what costs time. Every
# lexicon pattern starts with a literal word, so the regex only needs trying where a word
# begins with one of those literals: `regex.match` at a handful of positions instead of
# `finditer` over every character. Patterns whose start is not a plain literal make the
# table fall back to the full scan.
Keys = tuple  # (first letters, first two letters, first three letters), lower-case


def _split_top(pattern: str) -> list[str]:
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str, open_at: int) -> int:
    depth, i, in_class = 0, open_at, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced pattern {pattern!r}")


def first_literals(pattern: str) -> set[str] | None:
    """Lower-case literal beginnings (up to 3 characters) of every way the pattern can start."""
    out: set[str] = set()
    for alt in _split_top(pattern):
        if alt.startswith("(?:") or alt.startswith("(?P<"):
            end = _group_end(alt, 0)
            if alt[end + 1:end + 2] in ("?", "*") or alt[end + 1:end + 3] == "{0":
                return None
            inner = first_literals(alt[3 if alt.startswith("(?:") else alt.index(">") + 1:end])
            if inner is None:
                return None
            out |= inner
            continue
        run = ""
        for c in alt:
            if c in _META:
                break
            run += c
        rest = alt[len(run):]
        if rest[:1] in ("?", "*") or rest[:2] == "{0":
            run = run[:-1]
        if not run or not run[0].isalnum():
            return None
        out.add(run[:3].lower())
    return out


def keys_of(literals: set[str] | None) -> Keys | None:
    if literals is None:
        return None
    keys = tuple(frozenset(k for k in literals if len(k) == n) for n in (1, 2, 3))
    _register(keys)
    return keys


# Every key set gets a slot; one pass over an article's word starts fills every slot's
# candidate list at once (a word's first three characters → the slots that want it,
# memoised across articles), instead of one union of index lists per key set.
_SLOT_OF: dict[Keys, int] = {}
_HEAD_SLOTS: dict[str, tuple[int, ...]] = {}


def _register(keys: Keys) -> int:
    slot = _SLOT_OF.get(keys)
    if slot is None:
        slot = _SLOT_OF[keys] = len(_SLOT_OF)
        _HEAD_SLOTS.clear()
    return slot


def _slots_for(head: str) -> tuple[int, ...]:
    low = head.lower()
    h1, h2, h3 = low[:1], low[:2] if len(low) > 1 else None, low if len(low) > 2 else None
    return tuple(slot for keys, slot in _SLOT_OF.items() if h1 in keys[0] or h2 in keys[1] or h3 in keys[2])


def _candidates(keys: Keys) -> list[int]:
    """Word starts of the current article whose first letters are among `keys`, in order."""
    slot = _register(keys)
    lists = _SCAN.word_starts
    if lists is None or slot >= len(lists):
        text = _SCAN.text
        lists = [[] for _ in _SLOT_OF]
        memo = _HEAD_SLOTS
        for m in _WORD_START.finditer(text):
            pos = m.start()
            head = text[pos:pos + 3]
            slots = memo.get(head)
            if slots is None:
                slots = memo[head] = _slots_for(head)
            for s in slots:
                lists[s].append(pos)
        _SCAN.word_starts = lists
    return lists[slot]


def _anchored(regex: re.Pattern, text: str, keys: Keys) -> list[re.Match]:
    out, last_end = [], -1
    for pos in _candidates(keys):
        if pos < last_end:
            continue
        m = regex.match(text, pos)
        if m is not None and m.end() > pos:
            out.append(m)
            last_end = m.end()
    return out


def _article_matches(regex: re.Pattern, keys: Keys | None) -> tuple[list[re.Match], list[int]]:
    found = _SCAN.found.get(id(regex))
    if found is None:
        text = _SCAN.text
        matches = _anchored(regex, text, keys) if keys is not None else list(regex.finditer(text))
        found = _SCAN.found[id(regex)] = (matches, [m.start() for m in matches])
    return found


def _sentence_buckets(regex: re.Pattern, keys: Keys | None) -> list[list[re.Match]]:
    """The article's matches grouped by the sentence that wholly holds them (one sweep)."""
    key = ("sentences", id(regex))
    buckets = _SCAN.found.get(key)
    if buckets is None:
        spans = _SCAN.spans
        buckets = [[] for _ in spans]
        i, n = 0, len(spans)
        for m in _article_matches(regex, keys)[0]:
            start = m.start()
            while i < n and spans[i][1] <= start:
                i += 1
            if i == n:
                break
            if start >= spans[i][0] and m.end() <= spans[i][1]:
                buckets[i].append(m)
        _SCAN.found[key] = buckets
    return buckets


def scan(regex: re.Pattern, text: str, pos: int = 0, endpos: int | None = None, keys: Keys | None = None):
    """regex.finditer(text, pos, endpos), served from the per-article cache when possible.

    The result is shared with the cache: iterate it, never change it."""
    endpos = len(text) if endpos is None else endpos
    if text is not _SCAN.text:
        return list(regex.finditer(text, pos, endpos))
    sentence = _SCAN.span_index.get((pos, endpos))
    if sentence is not None:
        return _sentence_buckets(regex, keys)[sentence]
    matches, starts = _article_matches(regex, keys)
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
    keys: Keys | None = None

    def any_in(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        return bool(scan(self.regex, text, pos, endpos, self.keys))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        for m in scan(self.regex, text, pos, endpos, self.keys):
            yield m, self.rows[int(m.lastgroup[1:])]


def compile_table(rows: list[dict], flags=re.IGNORECASE, boundary: bool = True) -> Table:
    parts = []
    for i, row in enumerate(rows):
        pattern = row["pattern"]
        parts.append(f"(?P<g{i}>{pattern})")
    body = "|".join(parts)
    regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w])" if boundary else body, flags)
    literals: set[str] | None = set()
    for row in rows:
        found = first_literals(row["pattern"])
        literals = None if found is None or literals is None else literals | found
    return Table(tuple(rows), regex, keys_of(literals) if boundary else None)


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
def actors() -> tuple[Table, Table, Table]:
    """Actor lexicon as three tables: proper names (case-sensitive), common words
    (case-insensitive), and the fallback for unknown organisation names ("X Watch",
    "Y Observatory"), whose start is any capitalised word."""
    rows = read_rows(LEXICON_DIR / "actors.csv")
    fallback = [r for r in rows if r["kind"] == "ngo_name"]
    proper = [r for r in rows if r["kind"] in {"person", "body", "ngo", "io", "media", "state_media"} and r["pattern"][:1].isupper()]
    common = [r for r in rows if r not in proper and r not in fallback]
    return compile_table(proper, flags=0), compile_table(common, flags=re.IGNORECASE), compile_table(fallback, flags=0)


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
def country_keys() -> Keys:
    return keys_of({n[:3].lower() for n in country_aliases() if len(n) > 1} | {"the"})


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
