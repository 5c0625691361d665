"""Period labels → (frequency, period_start, period_end), shared by every indicator reader."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PATTERNS = [
    (re.compile(r"^(\d{4})$"), "A"),
    (re.compile(r"^(\d{4})-?[Qq]([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})(?:-|M)(\d{2})$"), "M"),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "D"),
]


def period_bounds(frequency: str, year: int, sub: int = 1, day: int = 1) -> tuple[dt.date, dt.date]:
    if frequency == "A":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if frequency == "Q":
        first = 3 * (sub - 1) + 1
        return dt.date(year, first, 1), dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    if frequency == "M":
        return dt.date(year, sub, 1), dt.date(year, sub, calendar.monthrange(year, sub)[1])
    d = dt.date(year, sub, day)
    return d, d


def parse_period(label: str) -> tuple[str, dt.date, dt.date]:
    """`2019` → A, `2019-Q3`/`2019Q3` → Q, `2019-07`/`2019M07` → M, `2019-07-15` → D."""
    text = str(label).strip()
    for pattern, frequency in _PATTERNS:
        m = pattern.match(text)
        if m:
            parts = [int(g) for g in m.groups()]
            if frequency == "M" and not 1 <= parts[1] <= 12:
                break
            start, end = period_bounds(frequency, *parts)
            return frequency, start, end
    raise ValueError(f"unrecognised period {label!r} (expected 2019, 2019-Q3, 2019-07 or 2019-07-15)")
