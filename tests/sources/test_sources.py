"""Readers of the real-world formats (CONTRACT 1.2, 1.3): happy paths, awkward parts, bad rows."""

import datetime as dt
import json
from pathlib import Path

import pytest

from dagster_project.readers import acled_csv, gdelt, worldbank_api
from dagster_project.readers.countries import fips_to_iso3, is_aggregate, to_iso3
from dagster_project.readers.discover import read_events, read_indicators

from fixtures import ACLED, API_ERROR, API_JSON, FRED, FRED_UNKNOWN, WDI_NO_PREAMBLE, WDI_WITH_PREAMBLE, gdelt_row

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def by_key(rows):
    return {(r["country_iso3"], r["indicator"], r["frequency"], r["period_start"]): r for r in rows}


def test_country_codes():
    assert to_iso3("364") == "IRN" and to_iso3("IR") == "IRN" and to_iso3("Iran, Islamic Rep.") == "IRN"
    assert to_iso3("Turkiye") == "TUR" and to_iso3("Venezuela, RB") == "VEN" and to_iso3("AFE") == "AFE"
    assert is_aggregate("AFE") and is_aggregate("WLD") and not is_aggregate("IRN")
    assert fips_to_iso3("IR") == "IRN" and fips_to_iso3("IZ") == "IRQ" and fips_to_iso3("CE") == "LKA" and fips_to_iso3("UK") == "GBR"
    assert to_iso3("Atlantis") is None


def test_wdi_with_preamble_bom_and_trailing_commas(tmp_path):
    write(tmp_path, "indicators/wdi.csv", WDI_WITH_PREAMBLE)
    result = read_indicators(tmp_path / "indicators", root=tmp_path)
    rows = by_key(result.rows)
    iran = rows[("IRN", "youth_unemployment_pct", "A", dt.date(2019, 1, 1))]
    assert iran["value"] == 25.948 and iran["vintage"] == "2025-07-01" and iran["period_end"] == dt.date(2019, 12, 31)
    assert ("IRN", "youth_unemployment_pct", "A", dt.date(2020, 1, 1)) not in rows  # empty = not published
    assert ("AFE", "youth_unemployment_pct", "A", dt.date(2020, 1, 1)) in rows  # aggregates kept
    reasons = {q.record_locator: q.reason for q in result.quarantine}
    assert "QQQ" in reasons["row 8"]
    assert "'n/a' is not a number" in reasons["row 9, column 2019"]
    assert ("TUR", "youth_unemployment_pct", "A", dt.date(2020, 1, 1)) in rows


def test_wdi_without_preamble(tmp_path):
    write(tmp_path, "indicators/x.csv", WDI_NO_PREAMBLE)
    rows = by_key(read_indicators(tmp_path / "indicators", root=tmp_path).rows)
    assert rows[("IRN", "inflation_cpi_pct", "A", dt.date(2019, 1, 1))]["vintage"] is None


def test_world_bank_api_json(tmp_path):
    write(tmp_path, "indicators/api.json", API_JSON)
    write(tmp_path, "indicators/error.json", API_ERROR)
    result = read_indicators(tmp_path / "indicators", root=tmp_path)
    rows = by_key(result.rows)
    assert rows[("IRN", "inflation_cpi_pct", "A", dt.date(2019, 1, 1))]["vintage"] == "2026-07-01"
    assert rows[("TUR", "fx_official_lcu_per_usd", "M", dt.date(2019, 7, 1))]["period_end"] == dt.date(2019, 7, 31)
    assert len(result.rows) == 2  # the null value is not an observation
    (error,) = result.quarantine
    assert error.source_path == "indicators/error.json" and "Invalid value" in error.reason


def test_online_fetch_pages_and_offline_error():
    calls = []
    page1 = [{"page": 1, "pages": "2", "per_page": "1", "total": 2, "lastupdated": "2026-07-01"},
             [{"indicator": {"id": "FP.CPI.TOTL.ZG"}, "country": {"id": "IR"}, "countryiso3code": "IRN", "date": "2019", "value": 39.9}]]
    page2 = [{"page": 2, "pages": "2", "per_page": "1", "total": 2, "lastupdated": "2026-07-01"},
             [{"indicator": {"id": "FP.CPI.TOTL.ZG"}, "country": {"id": "IR"}, "countryiso3code": "IRN", "date": "2020", "value": 30.6}]]

    def recorded(url):
        calls.append(url)
        return page1 if "page=1" in url else page2

    pages = worldbank_api.fetch_indicators(["IRN"], ["FP.CPI.TOTL.ZG"], session_get=recorded)
    assert len(calls) == 2 and "country/IRN/indicator/FP.CPI.TOTL.ZG" in calls[0]
    assert len(worldbank_api.parse_api_pages(pages, "online").rows) == 2

    def offline(url):
        raise OSError("Network is unreachable")

    with pytest.raises(worldbank_api.WorldBankOfflineError, match="cannot reach"):
        worldbank_api.fetch_indicators(["IRN"], ["FP.CPI.TOTL.ZG"], session_get=offline, backoff_s=0)


def test_fred_csv(tmp_path):
    write(tmp_path, "indicators/fred.csv", FRED)
    write(tmp_path, "indicators/unknown.csv", FRED_UNKNOWN)
    result = read_indicators(tmp_path / "indicators", root=tmp_path)
    rows = by_key(result.rows)
    assert rows[("IRN", "inflation_cpi_pct", "A", dt.date(2019, 1, 1))]["value"] == 39.9073
    assert len(result.rows) == 2  # "." is missing
    reasons = {(q.source_path, q.record_locator): q.reason for q in result.quarantine}
    assert "'abc' is not a number" in reasons[("indicators/fred.csv", "row 5")]
    assert "no known country" in reasons[("indicators/unknown.csv", None)]


def test_acled_export(tmp_path):
    write(tmp_path, "events/acled.csv", ACLED)
    result = read_events(tmp_path / "events", root=tmp_path)
    reports = {r["source_ref"]: r for r in result.rows if r["_table"] == "dataset_event_reports"}
    claims = {r["source_ref"]: r for r in result.rows if r["_table"] == "dataset_claims"}
    first = reports["IRN1001"]
    assert (first["event_type"], first["event_mode"], first["acled_sub_event_type"]) == ("ASSAULT", "firearms", "Excessive force against protesters")
    assert first["country_iso3"] == "IRN" and first["event_date"] == dt.date(2019, 11, 16) and first["date_precision"] == "day"
    assert first["actor1_type"] == "security_forces" and first["actor2_type"] == "protesters" and first["geo_precision"] == "point"
    assert reports["IRN1002"]["date_precision"] == "week"
    assert claims["IRN1001"]["value_low"] == 12 and claims["IRN1001"]["claimant"] == "ACLED" and claims["IRN1001"]["claimant_type"] == "ngo"
    assert claims["IRN1002"]["value_low"] == 0
    reasons = {q.record_locator: q.reason for q in result.quarantine}
    assert "not a date" in reasons["row 4"] and "unknown country" in reasons["row 5"]


def test_gdelt_export(tmp_path):
    lines = [gdelt_row(), gdelt_row(event_id="1000000002", code="0411"), gdelt_row(event_id="1000000003", code="163", actor1_country="USA",
             actor2_country="IRN", geo_country="US", geo_type="1", name="United States"), "too\tfew\tcolumns"]
    write(tmp_path, "events/20191116.export.CSV", "\n".join(lines) + "\n")
    result = read_events(tmp_path / "events", root=tmp_path)
    reports = {r["source_ref"]: r for r in result.rows}
    riot = reports["1000000001"]
    assert (riot["event_type"], riot["event_mode"], riot["country_iso3"], riot["geo_precision"]) == ("PROTEST", "riot", "IRN", "point")
    assert riot["event_date"] == dt.date(2019, 11, 16) and riot["location"] == "Tehran"
    sanction = reports["1000000003"]
    assert sanction["event_type"] == "SANCTION" and sanction["country_iso3"] == "IRN" and sanction["actor1_iso3"] == "USA"
    assert "1000000002" not in reports and result.skipped == 1  # consultation: out of scope
    assert [q.record_locator for q in result.quarantine] == ["row 4"]


def test_reading_twice_gives_identical_rows(tmp_path):
    write(tmp_path, "events/acled.csv", ACLED)
    write(tmp_path, "indicators/wdi.csv", WDI_WITH_PREAMBLE)
    assert read_events(tmp_path / "events", tmp_path).rows == read_events(tmp_path / "events", tmp_path).rows
    assert read_indicators(tmp_path / "indicators", tmp_path).rows == read_indicators(tmp_path / "indicators", tmp_path).rows


@pytest.mark.skipif(not (REFERENCE / "API_SL.UEM.1524.ZS_wdi_bulk.csv").exists(), reason="shared reference files absent")
def test_reference_world_bank_bulk_download():
    path = REFERENCE / "API_SL.UEM.1524.ZS_wdi_bulk.csv"
    from dagster_project.readers import wdi_csv

    result = wdi_csv.read(path, path.parent)
    rows = by_key(result.rows)
    assert abs(rows[("IRN", "youth_unemployment_pct", "A", dt.date(2019, 1, 1))]["value"] - 25.948) < 1e-3
    assert rows[("IRN", "youth_unemployment_pct", "A", dt.date(2019, 1, 1))]["vintage"] == "2025-07-01"
    assert ("AFE", "youth_unemployment_pct", "A", dt.date(2019, 1, 1)) in rows and is_aggregate("AFE")
    assert len({r["country_iso3"] for r in result.rows}) > 200


@pytest.mark.skipif(not (REFERENCE / "FP.CPI.TOTL.ZG_wide_no_preamble.csv").exists(), reason="shared reference files absent")
def test_reference_inflation_without_preamble():
    path = REFERENCE / "FP.CPI.TOTL.ZG_wide_no_preamble.csv"
    from dagster_project.readers import wdi_csv

    rows = by_key(wdi_csv.read(path, path.parent).rows)
    assert round(rows[("IRN", "inflation_cpi_pct", "A", dt.date(2019, 1, 1))]["value"], 4) == 39.9073


def test_online_download_lands_where_the_offline_reader_finds_it(tmp_path):
    answer = [{"page": 1, "pages": 1, "per_page": "1000", "total": 1, "lastupdated": "2026-07-01"},
              [{"indicator": {"id": "SL.UEM.1524.ZS"}, "country": {"id": "IR"}, "countryiso3code": "IRN", "date": "2019", "value": 25.948}]]
    files = worldbank_api.download_to_raw(tmp_path, ["IRN"], indicators=["SL.UEM.1524.ZS"], session_get=lambda url: answer)
    assert [f.name for f in files] == ["SL.UEM.1524.ZS_page1.json"]
    rows = read_indicators(tmp_path / "indicators", root=tmp_path).rows
    assert rows[0]["indicator"] == "youth_unemployment_pct" and rows[0]["value"] == 25.948


def test_the_online_asset_does_nothing_unless_asked(monkeypatch, tmp_path):
    import dagster as dg

    from dagster_project.defs.assets.online import world_bank_api_download
    from dagster_project.defs.resources import WarehouseSettings

    monkeypatch.delenv("UNREST_ONLINE", raising=False)
    result = dg.materialize([world_bank_api_download], resources={"warehouse": WarehouseSettings(raw_dir=str(tmp_path), warehouse=str(tmp_path / "w.duckdb"))})
    assert result.success and not (tmp_path / "indicators").exists()


def test_conflicting_duplicates_across_files_are_quarantined_and_identical_kept_once(tmp_path):
    write(tmp_path, "indicators/a.csv", WDI_NO_PREAMBLE)
    write(tmp_path, "indicators/b.csv", WDI_NO_PREAMBLE)  # the same download twice: kept once
    write(tmp_path, "indicators/c.csv", WDI_NO_PREAMBLE.replace("30.5941", "31"))  # disagrees for 2020
    result = read_indicators(tmp_path / "indicators", root=tmp_path)
    rows = by_key(result.rows)
    assert rows[("IRN", "inflation_cpi_pct", "A", dt.date(2019, 1, 1))]["value"] == 39.9073
    assert ("IRN", "inflation_cpi_pct", "A", dt.date(2020, 1, 1)) not in rows
    conflicts = [q for q in result.quarantine if "conflicting values" in q.reason]
    assert {q.source_path for q in conflicts} == {"indicators/a.csv", "indicators/b.csv", "indicators/c.csv"}
    assert all(q.record_locator == "row 2" for q in conflicts)


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", "Country Name,Country Code,Indicator Name,Indicator Code,2019\n\xe9t\xe9,IRN,x,y,1\n".encode("latin-1"),
                                     b'[{"page": 1}, "not a list"]', b"observation_date,X\n", b""])
def test_strange_files_are_quarantined_never_crash(tmp_path, content):
    (tmp_path / "indicators").mkdir()
    (tmp_path / "indicators" / "strange.csv").write_bytes(content)
    (tmp_path / "indicators" / "good.csv").write_text(WDI_NO_PREAMBLE)
    result = read_indicators(tmp_path / "indicators", root=tmp_path)
    assert any(r["source_path"] == "indicators/good.csv" for r in result.rows)
    assert result.quarantine and all(q.source_path == "indicators/strange.csv" for q in result.quarantine)
