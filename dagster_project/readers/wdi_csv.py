"""World Bank WDI CSV as downloaded: optional 4-line preamble, wide by year, trailing commas."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from dagster_project.readers.base import QuarantineRecord, ReadResult
from dagster_project.readers.countries import to_iso3
from dagster_project.readers.periods import period_bounds
from dagster_project.readers.vocab import indicator_for

HEADER = ("Country Name", "Country Code", "Indicator Name", "Indicator Code")


def detect(head: str) -> bool:
    return bool(re.search(r'^"?Country Name"?,"?Country Code"?,"?Indicator Name"?,"?Indicator Code"?', head, re.M))


def read(path: Path, root: Path) -> ReadResult:
    """One observation per country, series and year with a value. `row N` is the file line."""
    rel = path.relative_to(root).as_posix()
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    result = ReadResult()
    vintage = None
    header_at = None
    for i, line in enumerate(lines):
        m = re.match(r'^"?Last Updated Date"?,"?(\d{4}-\d{2}-\d{2})', line)
        if m:
            vintage = m.group(1)
        if line.startswith(('"Country Name"', "Country Name")):
            header_at = i
            break
    if header_at is None:
        result.quarantine.append(QuarantineRecord(rel, None, f"{rel}: no 'Country Name,Country Code,...' header line", "\n".join(lines[:10])))
        return result
    reader = csv.reader(io.StringIO("\n".join(lines[header_at:])))
    header = next(reader)
    years = [(j, h.strip()) for j, h in enumerate(header) if re.fullmatch(r"\d{4}", h.strip())]
    source = "World Bank WDI"  # one publisher: a newer vintage of a series replaces an older one (dbt keeps the latest)
    for offset, row in enumerate(reader):
        number = header_at + 2 + offset
        locator = f"row {number}"
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < 4:
            result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: expected at least 4 columns, got {len(row)}", ",".join(row)))
            continue
        name, code, _, series = (c.strip() for c in row[:4])
        iso3 = to_iso3(code) or to_iso3(name)
        if iso3 is None:
            result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: unknown country code {code!r} ({name})", ",".join(row)))
            continue
        indicator, unit = indicator_for(series)
        for j, year in years:
            cell = row[j].strip() if j < len(row) else ""
            if cell == "":
                continue  # not published
            try:
                value = float(cell)
            except ValueError:
                result.quarantine.append(QuarantineRecord(rel, f"{locator}, column {year}", f"{rel} {locator} column {year}: {cell!r} is not a number", ",".join(row)))
                continue
            start, end = period_bounds("A", int(year))
            result.rows.append({
                "country_iso3": iso3, "indicator": indicator, "frequency": "A", "period_start": start, "period_end": end,
                "value": value, "unit": unit, "source": source, "source_series_code": series, "vintage": vintage,
                "source_path": rel, "record_locator": locator,
            })
    return result
