"""ACLED CSV exports → event reports (PLOVER codes beside ACLED's own) and fatality claims."""

from __future__ import annotations

import csv
import datetime as dt
import io
from functools import cache
from pathlib import Path

from dagster_project.readers.base import QuarantineRecord, ReadResult
from dagster_project.readers.countries import to_iso3

CODES = Path(__file__).resolve().parent / "data" / "acled_event_types.csv"
INTER_TYPES = {"1": "security_forces", "2": "opposition", "3": "opposition", "4": "opposition", "5": "rioters",
               "6": "protesters", "7": "civilians", "8": "foreign_state"}
TIME_PRECISION = {"1": "day", "2": "week", "3": "month"}
GEO_PRECISION = {"1": "point", "2": "point", "3": "admin1"}


def detect(head: str) -> bool:
    first = head.splitlines()[0].lower() if head else ""
    return "event_id_cnty" in first and "event_date" in first


@cache
def event_codes() -> dict[tuple[str, str], tuple[str, str]]:
    with open(CODES, newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {(r["acled_event_type"], r["acled_sub_event_type"]): (r["event_type"], r["event_mode"]) for r in rows}


def _date(text: str) -> dt.date:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"event_date {text!r} is not a date")


def read(path: Path, root: Path) -> ReadResult:
    """Rows tagged `_table` = dataset_event_reports or dataset_claims.

    Fatalities become a deaths claim by ACLED (claimant_type ngo), 0 included: ACLED
    coding no deaths is information. claimed_on is the row's upload `timestamp` date.
    """
    rel = path.relative_to(root).as_posix()
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    result = ReadResult()
    for number, row in enumerate(reader, start=2):
        locator = f"row {number}"
        try:
            event_id = (row.get("event_id_cnty") or "").strip()
            if not event_id:
                raise ValueError("missing event_id_cnty")
            when = _date(row.get("event_date") or "")
            acled_type, acled_sub = (row.get("event_type") or "").strip(), (row.get("sub_event_type") or "").strip()
            code = event_codes().get((acled_type, acled_sub))
            if code is None:
                raise ValueError(f"ACLED type {acled_type!r} / {acled_sub!r} has no PLOVER mapping in readers/data/acled_event_types.csv")
            iso3 = to_iso3(row.get("iso")) or to_iso3(row.get("country"))
            if iso3 is None:
                raise ValueError(f"unknown country iso {row.get('iso')!r} / {row.get('country')!r}")
            lat = float(row["latitude"]) if (row.get("latitude") or "").strip() else None
            lon = float(row["longitude"]) if (row.get("longitude") or "").strip() else None
            fatalities = (row.get("fatalities") or "").strip()
            deaths = int(fatalities) if fatalities else None
        except (ValueError, KeyError) as exc:
            result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: {exc}", ",".join(str(v) for v in row.values())))
            continue
        report_id = f"acled:{event_id}"
        result.rows.append({
            "_table": "dataset_event_reports", "report_id": report_id, "source_dataset": "acled", "source_ref": event_id,
            "event_type": code[0], "event_mode": code[1], "acled_event_type": acled_type, "acled_sub_event_type": acled_sub,
            "actor1": row.get("actor1") or None, "actor1_type": INTER_TYPES.get((row.get("inter1") or "").strip(), "unknown"), "actor1_iso3": iso3,
            "actor2": row.get("actor2") or None, "actor2_type": INTER_TYPES.get((row.get("inter2") or "").strip()) if row.get("actor2") else None,
            "actor2_iso3": iso3 if row.get("actor2") else None, "country_iso3": iso3,
            "location": row.get("location") or None, "admin1": row.get("admin1") or None, "latitude": lat, "longitude": lon,
            "geo_precision": GEO_PRECISION.get((row.get("geo_precision") or "").strip(), "unknown"),
            "event_date": when, "event_date_end": when,
            "date_precision": TIME_PRECISION.get((row.get("time_precision") or "").strip(), "day"),
            "stance": "asserted", "evidence_text": row.get("notes") or None, "confidence": 1.0,
            "source_path": rel, "record_locator": locator,
        })
        if deaths is not None:
            stamp = (row.get("timestamp") or "").strip()
            result.rows.append({
                "_table": "dataset_claims", "claim_id": f"acled:{event_id}:deaths", "source_dataset": "acled", "source_ref": event_id,
                "report_id": report_id, "claimed_on": dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date() if stamp.isdigit() else None,
                "quantity": "deaths", "value_low": deaths, "value_high": deaths, "value_text": fatalities, "qualifier": "exact",
                "claimant": "ACLED", "claimant_type": "ngo", "stance": "asserts", "country_iso3": iso3,
            })
    return result
