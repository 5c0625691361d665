"""World Bank API v2 JSON: `[ {page metadata}, [ {indicator, country, countryiso3code, date, value, ...} ] ]`.

Also the opt-in online fetch (`UNREST_ONLINE=1`), with paging and retries; tests replay
recorded responses through `session_get`, never the network.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from dagster_project.readers.base import QuarantineRecord, ReadResult
from dagster_project.readers.countries import to_iso3
from dagster_project.readers.periods import period_bounds
from dagster_project.readers.vocab import indicator_for

API = "https://api.worldbank.org/v2/country/{countries}/indicator/{indicator}?format=json&per_page=1000&page={page}"


class WorldBankOfflineError(RuntimeError):
    """The World Bank API could not be reached."""


def detect(head: str) -> bool:
    return head.lstrip().startswith("[") and ('"page"' in head or '"message"' in head)


def _period(date: str) -> tuple[str, object, object]:
    m = re.fullmatch(r"(\d{4})(?:([MQ])(\d{1,2}))?", date.strip())
    if not m:
        raise ValueError(f"unrecognised date {date!r}")
    year = int(m.group(1))
    if m.group(2):
        frequency, sub = m.group(2), int(m.group(3))
        return (frequency, *period_bounds(frequency, year, sub))
    return ("A", *period_bounds("A", year))


def parse_api_pages(pages: list, rel: str) -> ReadResult:
    """Observations from one or more decoded API answers (each `[meta, records]`)."""
    result = ReadResult()
    record_no = 0
    for page in pages:
        if not isinstance(page, list) or not page:
            result.quarantine.append(QuarantineRecord(rel, None, f"{rel}: not a World Bank API answer", json.dumps(page)[:2000]))
            continue
        meta = page[0] if isinstance(page[0], dict) else {}
        if "message" in meta or (len(page) == 1 and isinstance(page[0], dict) and "message" in page[0]):
            result.quarantine.append(QuarantineRecord(rel, None, f"{rel}: the API answered with an error: {json.dumps(meta.get('message'))}", json.dumps(page)[:2000]))
            continue
        vintage = meta.get("lastupdated")
        if len(page) < 2 or not isinstance(page[1], list):
            result.quarantine.append(QuarantineRecord(rel, None, f"{rel}: the API answer has no list of observations", json.dumps(page)[:2000]))
            continue
        for obs in page[1]:
            record_no += 1
            locator = f"record {record_no}"
            try:
                if obs.get("value") is None:
                    continue  # not an observation
                code = (obs.get("indicator") or {}).get("id")
                iso3 = to_iso3(obs.get("countryiso3code")) or to_iso3((obs.get("country") or {}).get("id"))
                if iso3 is None:
                    raise ValueError(f"unknown country {obs.get('countryiso3code')!r}")
                frequency, start, end = _period(str(obs.get("date")))
                indicator, unit = indicator_for(code)
                result.rows.append({
                    "country_iso3": iso3, "indicator": indicator, "frequency": frequency, "period_start": start,
                    "period_end": end, "value": float(obs["value"]), "unit": obs.get("unit") or unit,
                    "source": "World Bank WDI",
                    "source_series_code": code, "vintage": vintage, "source_path": rel, "record_locator": locator,
                })
            except (ValueError, TypeError, AttributeError) as exc:
                result.quarantine.append(QuarantineRecord(rel, locator, f"{rel} {locator}: {exc}", json.dumps(obs)[:2000]))
    return result


def read(path: Path, root: Path) -> ReadResult:
    rel = path.relative_to(root).as_posix()
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        return ReadResult(quarantine=[QuarantineRecord(rel, f"line {exc.lineno}", f"{rel}: invalid JSON: {exc.msg}", None)])
    return parse_api_pages([data], rel)


def fetch_indicators(countries: list[str], indicators: list[str], *, session_get: Callable[[str], object] | None = None,
                     retries: int = 3, backoff_s: float = 1.0) -> list:
    """Every page of every indicator for the countries, as decoded JSON answers.

    `session_get(url)` returns the decoded JSON (default: urllib). Network errors are
    retried with exponential backoff, then raised as WorldBankOfflineError.
    """
    if session_get is None:
        import urllib.request

        def session_get(url: str):
            with urllib.request.urlopen(url, timeout=30) as answer:
                return json.loads(answer.read().decode("utf-8"))

    pages = []
    for code in indicators:
        page, total = 1, 1
        while page <= total:
            url = API.format(countries=";".join(countries), indicator=code, page=page)
            for attempt in range(retries):
                try:
                    answer = session_get(url)
                    break
                except OSError as exc:
                    if attempt == retries - 1:
                        raise WorldBankOfflineError(f"cannot reach the World Bank API ({url}): {exc}") from exc
                    time.sleep(backoff_s * 2 ** attempt)
            pages.append(answer)
            meta = answer[0] if isinstance(answer, list) and answer and isinstance(answer[0], dict) else {}
            total = int(meta.get("pages") or 1)
            page += 1
    return pages


CONTRACT_SERIES = ("FP.CPI.TOTL.ZG", "PA.NUS.FCRF", "SL.UEM.1524.ZS")


def download_to_raw(raw_dir: Path, countries: list[str], indicators=CONTRACT_SERIES, **fetch_options) -> list[Path]:
    """Fetch the series and save each answer page under raw/indicators/world_bank_api/, where
    the ordinary reader picks them up; a later offline build reads the same files again."""
    target = raw_dir / "indicators" / "world_bank_api"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for code in indicators:
        for number, page in enumerate(fetch_indicators(countries, [code], **fetch_options), start=1):
            path = target / f"{code}_page{number}.json"
            path.write_text(json.dumps(page), encoding="utf-8")
            written.append(path)
    return written
