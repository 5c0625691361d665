"""Numbers as news text writes them: digits, words, qualifiers, ranges and vague quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dagster_project.extraction.lexicon import Family, family, scan, vague_numbers

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
DOZEN = 12  # "two dozen" = 24, "a dozen" = 12; plural "dozens" is a vague quantity

QUALIFIERS = {
    "at least": "at_least", "more than": "at_least", "over": "at_least", "upwards of": "at_least",
    "in excess of": "at_least", "no fewer than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "nearly": "about", "almost": "about", "close to": "about", "about": "about", "around": "about",
    "approximately": "about", "roughly": "about", "some": "about", "an estimated": "about", "estimated": "about",
    "as many as": "at_most", "up to": "at_most", "fewer than": "at_most", "less than": "at_most",
    "at most": "at_most", "no more than": "at_most",
}

_WORD_ATOM = "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True))
# "a hundred", "a dozen", "half a million": the article stands for one of the scale.
_WORDS = rf"(?:(?:{_WORD_ATOM})|(?:half\s+)?a\s+(?:dozen|hundred|thousand|million)\b)(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_WORD_ATOM}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:thousand|million|billion))?"
_ONE = rf"(?:(?:{_DIGITS}){_SCALE}|{_WORDS})"
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))


@dataclass
class NumberMention:
    start: int
    end: int
    text: str
    value_low: int | None
    value_high: int | None
    qualifier: str
    is_year_like: bool = False
    followed_by_unit: bool = False


def words_to_int(text: str) -> int | None:
    total, current = 0, 0
    tokens = re.split(r"[\s-]+", text.lower())
    if tokens[:2] == ["half", "a"] and len(tokens) == 3:
        whole = words_to_int("one " + tokens[2])
        return whole // 2 if whole else None
    if tokens[:1] == ["a"] and len(tokens) > 1:
        tokens[0] = "one"
    for token in tokens:
        if token == "and" or not token:
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token == "dozen":
            current = max(current, 1) * DOZEN
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0
        else:
            return None
    return total + current


def parse_number(text: str) -> int | None:
    t = text.strip().lower()
    m = re.fullmatch(rf"({_DIGITS})\s*(thousand|million|billion)?", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= SCALES[m.group(2)]
        return int(round(value))
    return words_to_int(t)


@cache
def _family() -> Family:
    """Where a number can start: a digit or a number word (prefixes: "twenty-one", "hundreds"),
    or the first word of a qualifier, "between" or a vague quantity."""
    prefixes = [*UNITS, *TENS, *SCALES, "dozen", "half", *"0123456789"]
    words = [q.split()[0] for q in QUALIFIERS] + ["between"]
    for v in vague_numbers():
        first = v["words"].split()[0]
        (words if " " in v["words"] else prefixes).append(first)
    return family(_pattern(), prefixes, words)


@cache
def _pattern() -> re.Pattern:
    vague = "|".join(re.escape(v["words"]) for v in vague_numbers())
    return re.compile(
        rf"(?<![\w.,])(?:(?P<qual>{_QUAL})\s+)?"
        rf"(?:between\s+(?P<lo>{_ONE})\s+and\s+(?P<hi>{_ONE})"
        rf"|(?P<from>(?:{_DIGITS}){_SCALE})\s*(?:-|–|to)\s*(?P<to>(?:{_DIGITS}){_SCALE})(?=\s+[a-z])"
        rf"|(?P<vague>{vague})(?:\s+(?P<vscale>hundred|thousand|million)(?!s))?"
        rf"|(?P<num>{_ONE}))"
        rf"(?![\w])",
        re.IGNORECASE,
    )


_UNIT_AFTER = re.compile(
    r"\s*-?\s*(?:%|percent|per cent|percentage|dollars?|\$|euros?|pounds?|rials?|tomans?|lira|liras|bolivars?|rupees?|"
    r"barrels?|tons?|tonnes?|km|kilomet|miles?|years?|year-old|months?|days?|weeks?|hours?|minutes?|am\b|pm\b|a\.m|p\.m|"
    r"billion|points?|times|fold)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_NO_BEFORE = re.compile(r"\b(?:no|not)\s+$", re.I)
_ONE_OF = re.compile(r"\s+(?:of|another|day|side|time)\b", re.I)
_MONEY_BEFORE = re.compile(r"(?:\$|US\$|€|£|USD|EUR)\s*$")


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every number-like mention between `start` and `end` (absolute offsets)."""
    end = len(text) if end is None else end
    found: list[NumberMention] = []
    for m in scan(_pattern(), text, start, end, _family()):
        qual = QUALIFIERS.get((m.group("qual") or "").lower())
        if m.group("vague"):
            words = m.group("vague").lower()
            row = next(v for v in vague_numbers() if v["words"] == words)
            if words in {"many", "several", "a few", "numerous", "countless"} and re.search(r"\bhow\s+$", text[max(0, m.start() - 5):m.start()], re.I):
                continue  # "how many died" asks, it does not claim
            low = int(row["value_low"]) if row["value_low"] else None
            high = int(row["value_high"]) if row["value_high"] else None
            qualifier = row["qualifier"]
            if m.group("vscale"):  # "several thousand" = several × 1,000: 3,000-9,000
                if low is None or high is None:
                    continue  # "many thousand": no bounds to scale
                low, high = low * SCALES[m.group("vscale").lower()], high * SCALES[m.group("vscale").lower()]
            if qual == "at_least" and low is not None:
                qualifier, high = "at_least", None
        elif m.group("lo") or m.group("from"):
            low = parse_number(m.group("lo") or m.group("from"))
            high = parse_number(m.group("hi") or m.group("to"))
            if low is None or high is None or low > high:
                continue
            qualifier = "range"
        else:
            value = parse_number(m.group("num"))
            if value is None:
                continue
            low, high = value, value
            qualifier = qual or "exact"
            if qualifier == "at_least":
                high = None
            elif qualifier == "at_most":
                low = None
        raw = m.group(0)
        number_text = m.group("num") or ""
        year_like = bool(_YEAR.fullmatch(number_text.strip()))
        unit = bool(_UNIT_AFTER.match(text, m.end())) or bool(_MONEY_BEFORE.search(text[max(0, m.start() - 5):m.start()]))
        if number_text.strip().lower() == "one" and _NO_BEFORE.search(text[max(0, m.start() - 4):m.start()]):
            continue  # "no one was killed" is not a figure of one
        if number_text.strip().lower() in {"one"} and not qual:
            unit = unit or bool(_ONE_OF.match(text[m.end():m.end() + 10]))
        found.append(NumberMention(m.start(), m.end(), raw, low, high, qualifier, year_like, unit))
    return found
