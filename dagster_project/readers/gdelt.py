"""GDELT 2.0 event exports: tab-separated, no header, 61 columns."""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from pathlib import Path

from dagster_project.readers.base import QuarantineRecord, ReadResult
from dagster_project.readers.countries import fips_to_iso3, to_iso3

COLUMNS = 61
CODES = Path(__file__).resolve().parent / "data" / "cameo_plover.csv"
# Column positions (0-based) in the GDELT 2.0 event table.
EVENT_ID, DAY, ACTOR1_NAME, ACTOR1_COUNTRY, ACTOR2_NAME, ACTOR2_COUNTRY = 0, 1, 6, 7, 16, 17
EVENT_CODE, NUM_SOURCES, ACTION_GEO_TYPE, ACTION_GEO_NAME, ACTION_GEO_COUNTRY = 26, 32, 51, 52, 53
ACTION_GEO_ADM1, ACTION_GEO_LAT, ACTION_GEO_LONG, SOURCE_URL = 54, 56, 57, 60
GEO_PRECISION = {"1": "country", "2": "admin1", "3": "point", "4": "point", "5": "admin1"}


def detect(head: str) -> bool:
    first = head.splitlines()[0] if head else ""
    fields = first.split("\t")
    return len(fields) == COLUMNS and fields[0].isdigit() and len(fields[1]) == 8 and fields[1].isdigit()


@cache
def cameo_codes() -> dict[str, tuple[str, str]]:
    with open(CODES, newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {r["cameo"]: (r["event_type"], r["event_mode"]) for r in rows}


def plover_of(cameo: str) -> tuple[str, str] | None:
    codes = cameo_codes()
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in codes:
            return codes[cameo[:n]]
    return None


def read(path: Path, root: Path) -> ReadResult:
    """Rows for dataset_event_reports (`_table`); CAMEO roots outside the warehouse's
    scope (cooperation, consultation...) are skipped and counted in `skipped`."""
    rel = path.relative_to(root).as_posix()
    result = ReadResult()
    result.skipped = 0
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.rstrip("\r\n").split("\t")
            locator = f"row {number}"
            if len(fields) != COLUMNS:
                result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: expected {COLUMNS} tab-separated columns, got {len(fields)}", line[:2000]))
                continue
            try:
                when = dt.datetime.strptime(fields[DAY], "%Y%m%d").date()
            except ValueError:
                result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: Day {fields[DAY]!r} is not YYYYMMDD", line[:2000]))
                continue
            code = plover_of(fields[EVENT_CODE].strip())
            if code is None:
                result.skipped += 1
                continue
            country = fips_to_iso3(fields[ACTION_GEO_COUNTRY]) or to_iso3(fields[ACTOR1_COUNTRY])
            lat = float(fields[ACTION_GEO_LAT]) if fields[ACTION_GEO_LAT].strip() else None
            lon = float(fields[ACTION_GEO_LONG]) if fields[ACTION_GEO_LONG].strip() else None
            geo = GEO_PRECISION.get(fields[ACTION_GEO_TYPE].strip(), "unknown")
            target = to_iso3(fields[ACTOR2_COUNTRY])
            result.rows.append({
                "_table": "dataset_event_reports", "report_id": f"gdelt:{fields[EVENT_ID]}", "source_dataset": "gdelt",
                "source_ref": fields[EVENT_ID], "event_type": code[0], "event_mode": code[1],
                "acled_event_type": None, "acled_sub_event_type": None,
                "actor1": fields[ACTOR1_NAME] or None, "actor1_type": "unknown", "actor1_iso3": to_iso3(fields[ACTOR1_COUNTRY]),
                "actor2": fields[ACTOR2_NAME] or None, "actor2_type": "unknown" if fields[ACTOR2_NAME] else None, "actor2_iso3": target,
                "country_iso3": target if code[0] == "SANCTION" and target else country,
                "location": fields[ACTION_GEO_NAME].split(",")[0] or None if geo != "country" else None,
                "admin1": None, "latitude": lat, "longitude": lon, "geo_precision": geo,
                "event_date": when, "event_date_end": when, "date_precision": "day", "stance": "asserted",
                "evidence_text": fields[SOURCE_URL] or None, "confidence": None,
                "source_path": rel, "record_locator": locator,
            })
    return result
