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
    candidates: list | None = None  # per family: [(word start, regex to try there)]
    spans: list | None = None  # the article's sentences, once known
    span_index: dict

    def __init__(self) -> None:
        self.text, self.found, self.candidates, self.spans, self.span_index = None, {}, None, None, {}


_SCAN = _Scan()
_WORD = re.compile(r"\w+")
_META = set("()[]{}?*+|.\\^$")


def begin_article(text: str | None) -> None:
    _SCAN.text, _SCAN.found, _SCAN.candidates, _SCAN.spans, _SCAN.span_index = text, {}, None, None, {}


def set_sentences(spans: list[tuple[int, int]]) -> None:
    """The current article's sentence spans: scans over exactly one sentence are then served
    from per-sentence buckets filled in one sweep, not a search per call."""
    _SCAN.spans = spans
    _SCAN.span_index = {span: i for i, span in enumerate(spans)}


def end_article() -> None:
    begin_article(None)


# ---- where a pattern can start, and which rows can match there --------------------------
# Scanning long alternation regexes across a whole article is what costs time. Every
# lexicon pattern starts with a literal word, so a lexicon only needs trying where a word
# begins with one of those literals, and there only with the rows that can start with that
# word: one pass over the article's words finds, for every lexicon at once, the positions
# and the (smaller, memoised) regex to try at each. Rows keep their order and group names,
# so the first row that matches is the same one the whole lexicon's regex would find.
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
    """Lower-case literal beginnings of every way the pattern can start: the leading word
    characters of each alternative ("protests?" → "protest", "sit-ins?" → "sit"); None when
    some alternative does not start with a literal word character."""
    out: set[str] = set()
    for alt in _split_top(pattern):
        while alt.startswith(("(?<!", "(?<=", "(?!", "(?=", "\\b")):  # look-arounds and \b match no characters
            alt = alt[2:] if alt.startswith("\\b") else alt[_group_end(alt, 0) + 1:]
        case_pair = re.match(r"\[([A-Za-z])([A-Za-z])\]", alt)
        if case_pair and case_pair.group(1).lower() == case_pair.group(2).lower():
            alt = case_pair.group(1).lower() + alt[4:]  # "[Mm]inister" starts as "minister" does
        if alt.startswith("[A-Z]"):
            out.add(CAPITALIZED)  # any capitalised word
            continue
        if alt.startswith("(") and not alt.startswith("(?") or alt.startswith(("(?:", "(?P<", "(?-i:", "(?i:")):
            end = _group_end(alt, 0)
            opening = (1 if not alt.startswith("(?") else 3 if alt.startswith("(?:") else alt.index(":") + 1
                       if alt.startswith(("(?-i:", "(?i:")) else alt.index(">") + 1)
            inner = first_literals(alt[opening:end])
            if inner is None:
                return None
            out |= inner
            optional = re.match(r"(?:[?*]|\{0(?:,\d*)?\})\??", alt[end + 1:])
            if optional:  # "(?:people )?killed": it starts with either
                rest = first_literals(alt[end + 1 + optional.end():]) if alt[end + 1 + optional.end():] else None
                if rest is None:
                    return None
                out |= rest
            continue
        run = ""
        for c in alt:
            if c in _META or not (c.isalnum() or c == "_"):
                break
            run += c
        rest = alt[len(run):]
        if rest[:1] in ("?", "*") or rest[:2] == "{0":
            run = run[:-1]
        if not run:
            return None
        out.add(run.lower())
    return out


CAPITALIZED = "\x00capitalized"  # in a row's words: it can start at any capitalised word


class Family:
    """A regex split into rows, each with the words it can start with (lower-case prefixes,
    or whole words), so that at a given word only the rows that can match are tried."""

    def __init__(self, regex: re.Pattern, starts: list[tuple[tuple[str, ...], frozenset[str]]], build=None) -> None:
        self.regex, self.starts, self._build, self._subsets = regex, starts, build, {}
        self.slot = _register(self)

    def regex_at(self, word: str) -> re.Pattern | None:
        low = word.lower()
        if low[:1].isdecimal() and not low[:1].isascii():
            low = "0" + low[1:]  # "\d" matches every decimal digit ("𑣠", "٣"), not only 0-9
        rows = tuple(i for i, (prefixes, words) in enumerate(self.starts)
                     if low in words or low.startswith(prefixes) or (CAPITALIZED in words and word[:1].isupper()))
        if not rows:
            return None
        if len(rows) == len(self.starts) or self._build is None:
            return self.regex
        sub = self._subsets.get(rows)
        if sub is None:
            sub = self._subsets[rows] = self._build(rows)
        return sub


def family(regex: re.Pattern, prefixes=(), words=()) -> Family:
    """A one-row family: `regex` can start only with a word beginning with one of `prefixes`
    or equal to one of `words` (lower case)."""
    return Family(regex, [(tuple(prefixes), frozenset(words))])


_FAMILIES: list[Family] = []
_WORD_REGEXES: dict[str, tuple[tuple[int, re.Pattern], ...]] = {}
_WORD_MEMO_LIMIT = 200_000  # distinct words remembered; past it the memo starts afresh (memory stays flat)


def _register(fam: Family) -> int:
    _FAMILIES.append(fam)
    _WORD_REGEXES.clear()
    return len(_FAMILIES) - 1


def _regexes_at(word: str) -> tuple[tuple[int, re.Pattern], ...]:
    if len(_WORD_REGEXES) > _WORD_MEMO_LIMIT:
        _WORD_REGEXES.clear()
    found = tuple((f.slot, rx) for f in _FAMILIES if (rx := f.regex_at(word)) is not None)
    _WORD_REGEXES[word] = found
    return found


def _candidates(fam: Family) -> list[tuple[int, re.Pattern]]:
    """(word start, regex to try) for `fam` in the current article, in text order."""
    lists = _SCAN.candidates
    if lists is None or fam.slot >= len(lists):
        text = _SCAN.text
        lists = [[] for _ in _FAMILIES]
        memo = _WORD_REGEXES
        for m in _WORD.finditer(text):
            word = m.group()
            found = memo.get(word)
            if found is None:
                found = _regexes_at(word)
            if found:
                pos = m.start()
                for slot, rx in found:
                    lists[slot].append((pos, rx))
        _SCAN.candidates = lists
    return lists[fam.slot]


def _matches_at(text: str, candidates, endpos: int) -> list[re.Match]:
    """What finditer would find, trying only (position, regex) candidates in text order."""
    out, last_end = [], -1
    for pos, rx in candidates:
        if pos < last_end:
            continue
        m = rx.match(text, pos, endpos)
        if m is not None and m.end() > pos:
            out.append(m)
            last_end = m.end()
    return out


def _anchored(text: str, fam: Family) -> list[re.Match]:
    return _matches_at(text, _candidates(fam), len(text))


def _snippet_candidates(text: str, pos: int, endpos: int, fam: Family):
    """As `_candidates`, over any text (short snippets, not the current article)."""
    memo = _WORD_REGEXES
    for m in _WORD.finditer(text, pos, endpos):
        word = m.group()
        found = memo.get(word)
        if found is None:
            found = _regexes_at(word)
        rx = next((rx for slot, rx in found if slot == fam.slot), None)
        if rx is not None:
            yield m.start(), rx


def _anchored_in(text: str, pos: int, endpos: int, fam: Family) -> list[re.Match]:
    return _matches_at(text, _snippet_candidates(text, pos, endpos, fam), endpos)


def _article_matches(regex: re.Pattern, fam: Family | None) -> tuple[list[re.Match], list[int]]:
    found = _SCAN.found.get(id(regex))
    if found is None:
        text = _SCAN.text
        matches = _anchored(text, fam) if fam is not None else list(regex.finditer(text))
        found = _SCAN.found[id(regex)] = (matches, [m.start() for m in matches])
    return found


def _sentence_buckets(regex: re.Pattern, fam: Family | None) -> dict[int, list[re.Match]]:
    """The article's matches grouped by the sentence that wholly holds them (one sweep)."""
    key = ("sentences", id(regex))
    buckets = _SCAN.found.get(key)
    if buckets is None:
        spans = _SCAN.spans
        buckets = {}
        i, n = 0, len(spans)
        for m in _article_matches(regex, fam)[0]:
            start = m.start()
            while i < n and spans[i][1] <= start:
                i += 1
            if i == n:
                break
            if start >= spans[i][0] and m.end() <= spans[i][1]:
                bucket = buckets.get(i)
                if bucket is None:
                    buckets[i] = [m]
                else:
                    bucket.append(m)
        _SCAN.found[key] = buckets
    return buckets


def has_matches(regex: re.Pattern, text: str, fam: Family | None = None) -> bool:
    """False only when `text` is the current article and `regex` matches nowhere in it."""
    return text is not _SCAN.text or bool(_article_matches(regex, fam)[0])


def scan(regex: re.Pattern, text: str, pos: int = 0, endpos: int | None = None, fam: Family | None = None):
    """regex.finditer(text, pos, endpos), served from the per-article cache when possible.

    `fam` says where the regex can start (None: anywhere). The result is shared with the
    cache: iterate it, never change it."""
    endpos = len(text) if endpos is None else endpos
    if text is not _SCAN.text:
        return _anchored_in(text, pos, endpos, fam) if fam is not None else list(regex.finditer(text, pos, endpos))
    sentence = _SCAN.span_index.get((pos, endpos))
    if sentence is not None:
        return _sentence_buckets(regex, fam).get(sentence, ())
    matches, starts = _article_matches(regex, fam)
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
    family: Family | None = None

    def any_in(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        return bool(scan(self.regex, text, pos, endpos, self.family))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        for m in scan(self.regex, text, pos, endpos, self.family):
            yield m, self.rows[int(m.lastgroup[1:])]


def _rows_regex(patterns: list[str], rows: tuple[int, ...], flags) -> re.Pattern:
    body = "|".join(f"(?P<g{i}>{patterns[i]})" for i in rows)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)


def compile_table(rows: list[dict], flags=re.IGNORECASE, boundary: bool = True) -> Table:
    patterns = [row["pattern"] for row in rows]
    if not boundary:
        return Table(tuple(rows), re.compile("|".join(f"(?P<g{i}>{p})" for i, p in enumerate(patterns)), flags))
    regex = _rows_regex(patterns, tuple(range(len(patterns))), flags)
    starts = [first_literals(p) for p in patterns]
    if any(s is None for s in starts):
        return Table(tuple(rows), regex)  # some row can start anywhere: scan the whole text
    fam = Family(regex, [(tuple(sorted(s - {CAPITALIZED})), frozenset(s & {CAPITALIZED})) for s in starts],
                 build=lambda subset: _rows_regex(patterns, subset, flags))
    return Table(tuple(rows), regex, fam)


@cache
def table(name: str, case_sensitive: bool = False) -> Table:
    rows = read_rows(LEXICON_DIR / name)
    # Longer patterns first, so "tens of thousands" wins over "thousands".
    return compile_table(rows, flags=0 if case_sensitive else re.IGNORECASE)


@cache
def saying_verbs(role: str) -> tuple[str, ...]:
    """The verbs of saying one rule uses (`lexicon/saying_verbs.csv`): the forms whose `roles`
    name it, longest first (so that in an alternation no form stops short at another that
    begins it: "says" before "say"), else in the file's order."""
    forms = [row["form"] for row in read_rows(LEXICON_DIR / "saying_verbs.csv") if role in row["roles"].split()]
    if not forms:
        raise KeyError(f"saying_verbs.csv: no form has the role {role!r}")
    return tuple(sorted(forms, key=len, reverse=True))


def saying(role: str) -> str:
    """`saying_verbs(role)` as a regex alternation ("said|says|told"), to put inside "(?:...)"."""
    return "|".join(re.escape(form) for form in saying_verbs(role))


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
    fallback = [r for r in rows if r["name"] == "_surface"]
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


def _country_names_regex(names: list[str], rows) -> re.Pattern:
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(names[i]) for i in rows) + r")(?![\w-])")


@cache
def _country_names() -> list[str]:
    return sorted((n for n in country_aliases() if len(n) > 1), key=len, reverse=True)


@cache
def country_regex() -> re.Pattern:
    """Any country name, demonym or capital (group 1), longest first."""
    names = _country_names()
    return _country_names_regex(names, range(len(names)))


@cache
def country_family() -> Family:
    names = _country_names()
    starts = [((re.match(r"\w*", n).group().lower(),), frozenset()) for n in names]
    return Family(country_regex(), starts, build=lambda subset: _country_names_regex(names, subset))


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
