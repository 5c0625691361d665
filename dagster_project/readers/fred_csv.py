"""FRED-style CSV: `observation_date` (or `DATE`) and one value column named by the series id."""

from __future__ import annotations

import csv
import datetime as dt
import io
from functools import cache
from pathlib import Path

from dagster_project.readers.base import QuarantineRecord, ReadResult
from dagster_project.readers.countries import to_iso3
from dagster_project.readers.periods import period_bounds
from dagster_project.readers.vocab import indicator_for

SERIES_FILE = Path(__file__).resolve().parent / "data" / "fred_series.csv"


def detect(head: str) -> bool:
    first = head.splitlines()[0].strip().lower() if head else ""
    columns = [c.strip().strip('"') for c in first.split(",")]
    return len(columns) == 2 and columns[0] in {"observation_date", "date"}


@cache
def series_map() -> dict[str, dict]:
    with open(SERIES_FILE, newline="", encoding="utf-8") as handle:
        return {r["series_id"]: r for r in csv.DictReader(line for line in handle if not line.startswith("#"))}


def _frequency(dates: list[dt.date]) -> str:
    if len(dates) < 2:
        return "D"
    gaps = sorted((b - a).days for a, b in zip(dates, dates[1:]))
    median = gaps[len(gaps) // 2]
    return "A" if median >= 360 else "Q" if median >= 85 else "M" if median >= 28 else "D"


def read(path: Path, root: Path) -> ReadResult:
    """Frequency is inferred from the spacing of the dates; `.` means missing.

    The series' country and indicator come from `data/fred_series.csv`; an unknown series
    keeps its id as the indicator and takes its country from a trailing ISO3 code in the id
    (FRED's `...IRN` convention); without one the file is quarantined: an observation
    needs a country.
    """
    rel = path.relative_to(root).as_posix()
    reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    header = next(reader)
    series = header[1].strip()
    known = series_map().get(series)
    if known:
        country, (indicator, unit) = known["country_iso3"], (known["indicator"], known["unit"] or None)
    else:
        country = to_iso3(series[-3:]) if len(series) > 3 and series[-3:].isalpha() and series[-3:].isupper() else None
        indicator, unit = indicator_for(series)
    result = ReadResult()
    if country is None:
        result.quarantine.append(QuarantineRecord(rel, None, f"{rel}: series {series!r} has no known country (add it to readers/data/fred_series.csv)", ",".join(header)))
        return result
    parsed = []
    for number, row in enumerate(reader, start=2):
        if not row:
            continue
        locator = f"row {number}"
        try:
            day = dt.date.fromisoformat(row[0].strip())
        except (ValueError, IndexError):
            result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: {row[0] if row else ''!r} is not a date", ",".join(row)))
            continue
        cell = row[1].strip() if len(row) > 1 else ""
        if cell in {"", "."}:
            continue
        try:
            parsed.append((day, float(cell), locator))
        except ValueError:
            result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: {cell!r} is not a number", ",".join(row)))
    frequency = _frequency([d for d, _, _ in parsed])
    for day, value, locator in parsed:
        sub = {"A": 1, "Q": (day.month - 1) // 3 + 1, "M": day.month, "D": day.month}[frequency]
        start, end = period_bounds(frequency, day.year, sub, day.day)
        result.rows.append({
            "country_iso3": country, "indicator": indicator, "frequency": frequency, "period_start": start, "period_end": end,
            "value": value, "unit": unit, "source": f"FRED series {series}", "source_series_code": series, "vintage": None,
            "source_path": rel, "record_locator": locator,
        })
    return result
