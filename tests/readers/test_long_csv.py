"""Long indicator CSV and the content-sniffing dispatcher."""

import datetime as dt

from dagster_project.readers.discover import read_indicators
from dagster_project.readers.periods import parse_period


def test_periods():
    assert parse_period("2019") == ("A", dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert parse_period("2019-Q3") == ("Q", dt.date(2019, 7, 1), dt.date(2019, 9, 30))
    assert parse_period("2019Q1") == ("Q", dt.date(2019, 1, 1), dt.date(2019, 3, 31))
    assert parse_period("2020-02") == ("M", dt.date(2020, 2, 1), dt.date(2020, 2, 29))
    assert parse_period("2019M07") == ("M", dt.date(2019, 7, 1), dt.date(2019, 7, 31))
    assert parse_period("2019-07-15") == ("D", dt.date(2019, 7, 15), dt.date(2019, 7, 15))


def test_long_csv_rows_codes_and_quarantine(tmp_path):
    folder = tmp_path / "indicators"
    folder.mkdir()
    (folder / "mine.csv").write_text(
        "\ufeffcountry_iso3,indicator,period,value,unit,source\n"
        "IRN,FP.CPI.TOTL.ZG,2019,39.9073,,World Bank\n"       # row 2: series code mapped
        "IRN,MY.OWN.CODE,2019-07,12,,\n"                      # row 3: unknown code kept
        "XXX,FP.CPI.TOTL.ZG,2019,1,,\n"                       # row 4: bad country
        "IRN,FP.CPI.TOTL.ZG,2018,n/a,,World Bank\n"           # row 5: not a number
        "IRN,FP.CPI.TOTL.ZG,2017,,,World Bank\n"              # row 6: empty = not published, skipped
        "TUR,inflation_cpi_pct,2020,12.3,,x\n"                # row 7 and 8 conflict
        "TUR,inflation_cpi_pct,2020,12.4,,x\n"
        "IRN,FP.CPI.TOTL.ZG,2019-13,1,,\n",                   # row 9: bad period
        encoding="utf-8",
    )
    (folder / "notes.txt").write_text("hello\n")
    result = read_indicators(folder, root=tmp_path)
    rows = {(r["country_iso3"], r["indicator"], r["period_start"]): r for r in result.rows}
    assert rows[("IRN", "inflation_cpi_pct", dt.date(2019, 1, 1))]["value"] == 39.9073
    assert rows[("IRN", "inflation_cpi_pct", dt.date(2019, 1, 1))]["source_series_code"] == "FP.CPI.TOTL.ZG"
    own = rows[("IRN", "MY.OWN.CODE", dt.date(2019, 7, 1))]
    assert own["frequency"] == "M" and own["source"] == "file:indicators/mine.csv"
    assert len(result.rows) == 2
    reasons = {(q.source_path, q.record_locator): q.reason for q in result.quarantine}
    assert "ISO 3166-1" in reasons[("indicators/mine.csv", "row 4")]
    assert "not a number" in reasons[("indicators/mine.csv", "row 5")]
    assert ("indicators/mine.csv", "row 7") in reasons and ("indicators/mine.csv", "row 8") in reasons
    assert "unrecognised period" in reasons[("indicators/mine.csv", "row 9")]
    assert "unrecognised indicator file format" in reasons[("indicators/notes.txt", None)]
