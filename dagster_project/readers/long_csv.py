"""Long indicator CSV: `country_iso3, indicator, period, value` (+ optional `unit, source`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pycountry

from dagster_project.readers.base import QuarantineRecord, ReadResult
from dagster_project.readers.periods import parse_period
from dagster_project.readers.vocab import indicator_for

REQUIRED = ("country_iso3", "indicator", "period", "value")


def detect(head: str) -> bool:
    first = head.splitlines()[0] if head else ""
    columns = {c.strip().strip('"').lower() for c in first.split(",")}
    return set(REQUIRED) <= columns


def _valid_iso3(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


def read(path: Path, root: Path, text: str | None = None) -> ReadResult:
    """Rows keyed by country, indicator, frequency, period and source.

    `row N` locators count file lines, the header being line 1. Empty values are not
    observations (not published) and are skipped; non-numeric values, bad countries or
    periods, and conflicting duplicates are quarantined.
    """
    rel = path.relative_to(root).as_posix()
    text = text if text is not None else path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    reader.fieldnames = [f.strip().lower() for f in reader.fieldnames or []]
    result = ReadResult()
    kept: dict[tuple, tuple[int, dict, str]] = {}
    conflicted: set[tuple] = set()
    for number, raw in enumerate(reader, start=2):
        locator = f"row {number}"
        line = ",".join("" if v is None else str(v) for v in raw.values())
        try:
            country = (raw.get("country_iso3") or "").strip().upper()
            if not _valid_iso3(country):
                raise ValueError(f"country_iso3 {country!r} is not an ISO 3166-1 alpha-3 code")
            value_text = (raw.get("value") or "").strip()
            if value_text == "":
                continue
            try:
                value = float(value_text)
            except ValueError:
                raise ValueError(f"value {value_text!r} is not a number") from None
            frequency, start, end = parse_period(raw.get("period") or "")
            code = (raw.get("indicator") or "").strip()
            if not code:
                raise ValueError("indicator is empty")
            indicator, unit = indicator_for(code)
            row = {
                "country_iso3": country, "indicator": indicator, "frequency": frequency,
                "period_start": start, "period_end": end, "value": value,
                "unit": (raw.get("unit") or "").strip() or unit,
                "source": (raw.get("source") or "").strip() or f"file:{rel}",
                "source_series_code": code, "vintage": None,
                "source_path": rel, "record_locator": locator,
            }
        except ValueError as exc:
            result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: {exc}", line))
            continue
        key = (row["country_iso3"], row["indicator"], row["frequency"], row["period_start"], row["source"])
        if key in kept:
            if kept[key][1]["value"] != value:
                conflicted.add(key)
                result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: conflicts with {kept[key][1]['record_locator']} (same country, indicator, period and source, different value)", line))
            continue
        kept[key] = (number, row, line)
    for key, (number, row, line) in kept.items():
        if key in conflicted:
            result.quarantine.append(QuarantineRecord(rel, row["record_locator"], f"{rel} {row['record_locator']}: conflicting duplicate (same country, indicator, period and source, different values)", line))
        else:
            result.rows.append(row)
    return result
