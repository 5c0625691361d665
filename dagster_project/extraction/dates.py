"""Date expressions resolved against the article's publication date.

Without a publication date only absolute expressions (with a year) resolve; relative ones
("last week", "on Friday") stay unresolved, never guessed from the load time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dagster_project.extraction.lexicon import family, has_matches, scan

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"

_PATTERNS = [
    ("iso", re.compile(rf"\b({_YEAR})-(\d\d)-(\d\d)\b")),
    ("month_day_year", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b")),
    ("day_month_year", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+({_YEAR})\b")),
    ("month_day", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*{_YEAR}|\s*(?:%|percent))")),
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b(?!,?\s+{_YEAR})")),
    ("month_year", re.compile(rf"\b({_MONTH})\s+(?:of\s+)?({_YEAR})\b")),
    ("weekday", re.compile(rf"\b(?:on\s+|last\s+)?({_WEEKDAY})\b")),
    # "used water cannon overnight" in the morning's paper: the night before (not "an overnight
    # curfew" or "its overnight policy rate", kinds of things, nor "overnight on Sunday", dated by
    # its day)
    ("yesterday", re.compile(r"\b(yesterday|last night|(?<!\ban )(?<!\bthe )(?<!\bits )(?<!\btheir )overnight(?!\s+(?:on|into|between|of|rates?|policy|curfews?|vigils?|stays?|shifts?|sit-ins?|camps?)\b))\b", re.I)),
    ("today", re.compile(r"\b(today|this morning|this afternoon|this evening|tonight)\b", re.I)),
    ("last_week", re.compile(r"\b(last week|past week|previous week)\b", re.I)),
    ("this_week", re.compile(r"\b(this week|earlier this week)\b", re.I)),
    ("last_month", re.compile(r"\b(last month|previous month)\b", re.I)),
    ("this_month", re.compile(r"\b(earlier this month|this month)\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|during|by|early|late|mid-?)\s+({_MONTH})\b(?!\s+\d)")),
    ("last_year", re.compile(r"\b(last year)\b", re.I)),
    ("years_ago", re.compile(r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years? ago\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|during|of|by)\s+({_YEAR})\b")),
]


# Where each kind of date expression can start: (prefixes of its first word, whole first words).
_DIGITS = tuple("0123456789")
_MONTH_WORDS = frozenset(MONTHS)
_STARTS = {
    "iso": (_DIGITS, ()), "month_day_year": ((), _MONTH_WORDS), "day_month_year": (_DIGITS, ()),
    "month_day": ((), _MONTH_WORDS), "day_month": (_DIGITS, ()), "month_year": ((), _MONTH_WORDS),
    "weekday": ((), {*WEEKDAYS, "on", "last"}), "yesterday": ((), {"yesterday", "last", "overnight"}),
    "today": ((), {"today", "this", "tonight"}), "last_week": ((), {"last", "past", "previous"}),
    "this_week": ((), {"this", "earlier"}), "last_month": ((), {"last", "previous"}),
    "this_month": ((), {"earlier", "this"}), "in_month": ((), {"in", "since", "during", "by", "early", "late", "mid"}),
    "last_year": ((), {"last"}),
    "years_ago": (_DIGITS, {"a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}),
    "year": ((), {"in", "since", "during", "of", "by"}),
}
_FAMILIES = {kind: family(pattern, *_STARTS[kind]) for kind, pattern in _PATTERNS}
_WEEKDAY_THEN_DATE = re.compile(r",?\s*(?:the\s+)?")  # between "Saturday" and "7 November 2026"


@dataclass
class DateMention:
    start: int
    end: int
    date: dt.date | None
    date_end: dt.date | None
    precision: str  # day, week, month, year, unknown
    relative: bool


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _latest_on_or_before(month: int, day: int, published: dt.date) -> dt.date | None:
    for year in (published.year, published.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if candidate <= published:
            return candidate
    return None


def _resolve(kind: str, m: re.Match, published: dt.date | None) -> DateMention | None:
    s, e = m.start(), m.end()
    g = m.groups()
    try:
        if kind == "iso":
            d = dt.date(int(g[0]), int(g[1]), int(g[2]))
            return DateMention(s, e, d, d, "day", False)
        if kind == "month_day_year":
            d = dt.date(int(g[2]), _month(g[0]), int(g[1]))
            return DateMention(s, e, d, d, "day", False)
        if kind == "day_month_year":
            d = dt.date(int(g[2]), _month(g[1]), int(g[0]))
            return DateMention(s, e, d, d, "day", False)
        if kind == "month_year":
            a, b = _month_span(int(g[1]), _month(g[0]))
            return DateMention(s, e, a, b, "month", False)
        if kind == "year":
            y = int(g[0])
            return DateMention(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", False)
    except ValueError:
        return None
    # Relative expressions need the publication date.
    if published is None:
        return DateMention(s, e, None, None, "unknown", True)
    if kind in ("month_day", "day_month"):
        month, day = (_month(g[0]), int(g[1])) if kind == "month_day" else (_month(g[1]), int(g[0]))
        d = _latest_on_or_before(month, day, published)
        return DateMention(s, e, d, d, "day", True) if d else None
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[g[0].lower()]) % 7
        if back == 0 and m.group(0).lower().startswith("last"):
            back = 7  # "last Friday" in Friday's paper is a week ago
        d = published - dt.timedelta(days=back)
        return DateMention(s, e, d, d, "day", True)
    if kind == "yesterday":
        d = published - dt.timedelta(days=1)
        return DateMention(s, e, d, d, "day", True)
    if kind == "today":
        return DateMention(s, e, published, published, "day", True)
    if kind == "last_week":
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return DateMention(s, e, monday, monday + dt.timedelta(days=6), "week", True)
    if kind == "this_week":
        monday = published - dt.timedelta(days=published.weekday())
        return DateMention(s, e, monday, published, "week", True)
    if kind == "last_month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        a, b = _month_span(first.year, first.month)
        return DateMention(s, e, a, b, "month", True)
    if kind == "this_month":
        return DateMention(s, e, published.replace(day=1), published, "month", True)
    if kind == "in_month":
        month = _month(g[0])
        year = published.year if month <= published.month else published.year - 1
        a, b = _month_span(year, month)
        return DateMention(s, e, a, min(b, published) if year == published.year and month == published.month else b, "month", True)
    if kind == "years_ago":
        words = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        n = int(g[0]) if g[0].isdigit() else max(1, words.index(g[0].lower()))
        y = published.year - n
        return DateMention(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True)
    if kind == "last_year":
        y = published.year - 1
        return DateMention(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True)
    return None


def find_dates(text: str, start: int, end: int, published: dt.date | None) -> list[DateMention]:
    """Date mentions in text[start:end], earliest first; overlapping weaker matches dropped."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    weekdays: set[int] = set()
    for kind, pattern in _PATTERNS:
        if not has_matches(pattern, text, _FAMILIES[kind]):
            continue
        for m in scan(pattern, text, start, end, _FAMILIES[kind]):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if kind == "in_month" and m.group(1).lower().rstrip(".") == "may" and not re.match(r"in\s", m.group(0), re.I):
                continue  # "may" is usually the verb
            if kind == "month_day" and m.group(1).lower() == "may":
                continue
            mention = _resolve(kind, m, published)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
                if kind == "weekday":
                    weekdays.add(id(mention))
    found.sort(key=lambda d: d.start)
    # "on Saturday, 7 November 2026": one date, the one the weekday names.
    return [d for d, after in zip(found, [*found[1:], None])
            if not (id(d) in weekdays and after is not None and after.precision == "day" and _WEEKDAY_THEN_DATE.fullmatch(text, d.end, after.start))]
