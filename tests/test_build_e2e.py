"""End to end: `unrest build` into a temporary directory, then the contract tables.

The founding article's facts (issue 2) are asserted on the published marts.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import textwrap

import duckdb

from conftest import REPO, run_unrest

MARTS = [
    "fct_event_reports", "fct_events", "fct_claims", "fct_indicator_observations", "fct_sanctions",
    "fct_indicator_mentions", "country_month", "event_context", "dim_country",
]


def rows(con, sql, *params):
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_build_reports_progress_and_where_the_file_is(built_warehouse):
    err = built_warehouse["first_build"].stderr
    assert str(built_warehouse["warehouse"]) in err
    assert "unrest query" in err


def test_every_contract_table_is_in_marts(wh):
    tables = {r[0] for r in wh.execute("select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
    assert set(MARTS) <= tables
    schemas = {r[0] for r in wh.execute("select schema_name from information_schema.schemata").fetchall()}
    assert {"raw", "staging", "intermediate", "marts"} <= schemas


def test_same_text_is_kept_once_and_bad_files_are_quarantined(wh):
    assert wh.execute("select count(*) from raw.articles").fetchone()[0] == 1
    quarantined = rows(wh, "select source_path, reason from raw.quarantine order by source_path")
    paths = {q["source_path"] for q in quarantined}
    assert "articles/broken.md" in paths and "articles/noise.txt" in paths
    assert all(q["reason"] for q in quarantined)


def _founding_claims(wh):
    return rows(wh, "select * from marts.fct_claims where source_dataset = 'article' and quantity = 'deaths'")


def test_three_death_claims_with_claimants_and_relations(wh):
    claims = _founding_claims(wh)
    khamenei = [c for c in claims if c["claimant"] and "Khamenei" in c["claimant"] and c["qualifier"] != "relative"]
    assert len(khamenei) == 1, claims
    k = khamenei[0]
    assert (k["claimant_type"], k["stance"], k["value_low"], k["value_high"]) == ("state", "admits", 1000, 9999)
    assert "thousands" in k["value_text"].lower()
    lower = [c for c in claims if c["relation"] == "lower_than"]
    higher = [c for c in claims if c["relation"] == "higher_than"]
    assert len(lower) == 1 and len(higher) == 1
    assert lower[0]["qualifier"] == "relative" and lower[0]["claimant_type"] == "state"
    assert lower[0]["relative_to_claim_id"] == k["claim_id"]
    assert higher[0]["qualifier"] == "relative" and higher[0]["claimant_type"] == "ngo"
    assert higher[0]["relative_to_claim_id"] == k["claim_id"]
    assert lower[0]["value_low"] is None and higher[0]["value_high"] is None
    for c in claims:  # every claim rests on a sentence of the article, at its offsets
        assert c["evidence_text"] and c["evidence_end"] > c["evidence_start"]
        assert c["claimed_on"] is None  # the article has no publication date


def test_evidence_offsets_point_into_the_article(wh):
    text = wh.execute("select text from raw.articles").fetchone()[0]
    for r in rows(wh, "select evidence_text, evidence_start, evidence_end from marts.fct_event_reports where source_dataset = 'article'"):
        assert text[r["evidence_start"]:r["evidence_end"]] == r["evidence_text"]


def _reports(wh, event_type, mode=None):
    sql = "select * from marts.fct_event_reports where source_dataset = 'article' and event_type = ?"
    found = rows(wh, sql, event_type)
    return [r for r in found if mode is None or r["event_mode"] == mode]


def test_protest_with_participants_and_unknown_date(wh):
    protests = _reports(wh, "PROTEST", "demonstrate")
    assert protests
    assert all(p["date_precision"] == "unknown" and p["event_date"] is None for p in protests)
    named = [p for p in protests if p["participants"]]
    assert named, protests
    joined = " ".join(p["participants"].lower() for p in named)
    for group in ("students", "workers", "pensioners"):
        assert group in joined
    assert all(p["country_iso3"] == "IRN" for p in protests)


def test_arrests_and_live_ammunition_alleged_and_denied(wh):
    for event_type, mode in (("COERCE", "arrest"), ("ASSAULT", "firearms")):
        found = _reports(wh, event_type, mode)
        assert found, (event_type, mode)
        r = found[0]
        assert r["actor1_type"] == "security_forces"
        assert r["stance"] == "alleged"
    denials = rows(wh, "select stance from marts.fct_event_reports where source_dataset = 'article' and stance = 'denied' "
                       "union all select stance from marts.fct_claims where source_dataset = 'article' and stance = 'denies'")
    denial_events = _reports(wh, "REJECT")
    assert denials or denial_events


def test_accusation_threat_sanctions_and_strikes(wh):
    accuse = _reports(wh, "ACCUSE")
    assert any("Khamenei" in (r["actor1"] or "") and r["actor2_iso3"] == "USA" for r in accuse), accuse
    assert _reports(wh, "THREATEN")
    for mode in ("withdraw_agreement", "impose"):
        found = _reports(wh, "SANCTION", mode)
        assert found, mode
        assert all(r["actor1_iso3"] == "USA" and r["country_iso3"] == "IRN" for r in found)
    assert _reports(wh, "PROTEST", "strike")


def test_indicator_mentions(wh):
    got = {(r["indicator"], r["claim_direction"]) for r in rows(wh, "select indicator, claim_direction from marts.fct_indicator_mentions")}
    assert ("inflation_cpi_pct", "high") in got
    assert ("youth_unemployment_pct", "high") in got
    assert any(ind.startswith("fx_") and direction == "weak" for ind, direction in got)


def test_seeded_indicators_sanctions_and_waves(wh):
    value = wh.execute(
        "select value from marts.fct_indicator_observations where country_iso3 = 'IRN' "
        "and indicator = 'inflation_cpi_pct' and period_start = date '2019-01-01' and source_series_code = 'FP.CPI.TOTL.ZG' "
        "and source like 'World Bank WDI, %'"
    ).fetchone()[0]
    assert abs(value - 39.9073) < 1e-4
    assert wh.execute(
        "select count(*) from marts.fct_sanctions where sanctioning_party = 'USA' and action = 'withdraw_agreement' "
        "and effective_date = date '2018-05-08'"
    ).fetchone()[0] >= 1
    wave = rows(wh, "select * from marts.fct_events where event_id in (select event_id from marts.fct_event_reports "
                    "where source_dataset = 'seed' and event_date = date '2019-11-15')")
    assert len(wave) == 1
    assert wave[0]["deaths_max_claimed"] == 1500 and wave[0]["deaths_min_claimed"] == 106


def _snapshot(con):
    snap = {}
    for table in MARTS:
        data = con.execute(f"select * from marts.{table}").fetchall()
        snap[table] = sorted(map(repr, data))
    return snap


def test_building_twice_gives_the_same_rows(built_warehouse):
    con = duckdb.connect(str(built_warehouse["warehouse"]), read_only=True)
    before = _snapshot(con)
    con.close()
    run_unrest("build", "--raw-dir", str(built_warehouse["raw"]), "--warehouse", str(built_warehouse["warehouse"]), check=True)
    con = duckdb.connect(str(built_warehouse["warehouse"]), read_only=True)
    after = _snapshot(con)
    quarantine = con.execute("select count(*) from raw.quarantine").fetchone()[0]
    con.close()
    assert before == after
    assert quarantine == 2


READER = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute("select count(*) from raw.articles").fetchone()[0], flush=True)
    sys.stdin.readline()  # wait while the build runs
    print(con.execute("select count(*) from raw.articles").fetchone()[0], flush=True)
    print(con.execute("select count(*) from marts.fct_claims").fetchone()[0] > 0, flush=True)
    """
)


def test_open_reader_neither_blocks_a_build_nor_sees_it_half_done(built_warehouse, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(built_warehouse["raw"], raw)
    warehouse = tmp_path / "wh" / "unrest.duckdb"
    warehouse.parent.mkdir()
    shutil.copy(built_warehouse["warehouse"], warehouse)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(warehouse)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        (raw / "articles" / "second.md").write_text(
            "---\nid: second\npublished: 2026-01-10\n---\nPolice arrested 40 protesters in Tehran on Friday.\n", encoding="utf-8"
        )
        run_unrest("build", "--raw-dir", str(raw), "--warehouse", str(warehouse), check=True)
        reader.stdin.write("go\n")
        reader.stdin.flush()
        out, _ = reader.communicate(timeout=60)
    finally:
        reader.kill()
    assert out.split() == ["1", "True"]  # the old connection still reads the old, complete file
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select count(*) from raw.articles").fetchone()[0] == 2
    con.close()


def test_a_failed_build_leaves_the_published_file_unchanged(built_warehouse, tmp_path):
    project = tmp_path / "dbt"
    shutil.copytree(REPO / "dbt", project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    (tmp_path / "seeds").symlink_to(REPO / "seeds")
    (project / "tests").mkdir(exist_ok=True)
    (project / "tests" / "assert_always_fails.sql").write_text("select 1 as failing_row\n")
    warehouse = tmp_path / "wh" / "unrest.duckdb"
    warehouse.parent.mkdir()
    shutil.copy(built_warehouse["warehouse"], warehouse)
    digest = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    done = run_unrest("build", "--raw-dir", str(built_warehouse["raw"]), "--warehouse", str(warehouse),
                      env={"UNREST_DBT_PROJECT_DIR": str(project)})
    assert done.returncode == 1, done.stderr
    assert "left unchanged" in done.stderr
    assert "assert_always_fails" in done.stderr  # says why: the failing dbt test by name
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == digest


def test_bad_usage_exits_2(tmp_path):
    assert run_unrest("build", "--raw-dir", str(tmp_path / "missing")).returncode == 2
    assert run_unrest("frobnicate").returncode == 2


def test_query_formats(built_warehouse):
    wh = str(built_warehouse["warehouse"])
    csv_out = run_unrest("query", "select iso3, name from marts.dim_country where iso3 = 'IRN'", "--warehouse", wh, "--format", "csv", check=True)
    assert csv_out.stdout.splitlines()[0] == "iso3,name"
    assert csv_out.stdout.splitlines()[1].startswith("IRN,")
    json_out = run_unrest("query", "select 1 as one", "--warehouse", wh, "--format", "json", check=True)
    assert '"one": 1' in json_out.stdout
    bad = run_unrest("query", "select * from no_such_table", "--warehouse", wh)
    assert bad.returncode == 1 and "query failed" in bad.stderr
    write = run_unrest("query", "create table marts.x as select 1", "--warehouse", wh)
    assert write.returncode == 1  # read-only


def test_datasets_and_downloaded_indicators_land_in_the_marts(wh):
    acled = rows(wh, "select * from marts.fct_event_reports where source_dataset = 'acled' order by source_ref")
    assert [r["source_ref"] for r in acled] == ["IRN1001", "IRN1002"]
    assert acled[0]["event_type"] == "ASSAULT" and acled[0]["acled_sub_event_type"] == "Excessive force against protesters"
    deaths = rows(wh, "select * from marts.fct_claims where source_dataset = 'acled' and source_ref = 'IRN1001'")
    assert deaths[0]["value_low"] == 12 and deaths[0]["claimant"] == "ACLED"
    gdelt = rows(wh, "select * from marts.fct_event_reports where source_dataset = 'gdelt'")
    assert len(gdelt) == 1 and gdelt[0]["event_mode"] == "riot" and gdelt[0]["country_iso3"] == "IRN"
    month = rows(wh, "select * from marts.country_month where country_iso3 = 'IRN' and month = date '2019-11-01'")[0]
    assert month["protest_events"] >= 3  # the November 2019 wave, ACLED's peaceful protest and GDELT's riot
    assert month["repression_events"] >= 1 and month["deaths_max_claimed"] >= 1500
    assert month["inflation_cpi_pct"] == 18.0141 and month["inflation_cpi_period_end"].isoformat() == "2018-12-31"
    december = rows(wh, "select inflation_cpi_pct, fx_market_lcu_per_usd from marts.country_month where country_iso3 = 'IRN' and month = date '2019-12-01'")[0]
    # The analyst's own file (newest vintage, 40.1) wins over the embedded seed (39.9073).
    assert december["inflation_cpi_pct"] == 40.1 and december["fx_market_lcu_per_usd"] == 131310
    sources = {r[0] for r in wh.execute("select distinct source from marts.fct_indicator_observations where country_iso3 = 'IRN' and indicator = 'inflation_cpi_pct'").fetchall()}
    assert "World Bank WDI" in sources and len(sources) == 2
    newest = rows(wh, "select value, vintage from marts.fct_indicator_observations where country_iso3 = 'IRN' and source = 'World Bank WDI' "
                      "and indicator = 'inflation_cpi_pct' and period_start = date '2019-01-01'")
    assert newest == [{"value": 40.1, "vintage": "2026-07-01"}]  # the newer vintage replaced the older one


def test_parquet_export_is_hive_partitioned_and_complete(built_warehouse, tmp_path):
    out = tmp_path / "parquet"
    run_unrest("export", "--out", str(out), "--warehouse", str(built_warehouse["warehouse"]), check=True)
    assert (out / "marts" / "fct_claims" / "country_iso3=IRN").is_dir()
    con = duckdb.connect()
    parquet = con.execute(f"select count(*) from read_parquet('{out}/marts/fct_event_reports/**/*.parquet', hive_partitioning = true)").fetchone()[0]
    wh = duckdb.connect(str(built_warehouse["warehouse"]), read_only=True)
    assert parquet == wh.execute("select count(*) from marts.fct_event_reports").fetchone()[0]
    assert con.execute(f"select count(*) from read_parquet('{out}/marts/dim_country/*.parquet')").fetchone()[0] == \
        wh.execute("select count(*) from marts.dim_country").fetchone()[0]
    wh.close()


def test_select_builds_a_subset_and_bad_selections_are_usage_errors(built_warehouse, tmp_path):
    warehouse = tmp_path / "unrest.duckdb"
    shutil.copy(built_warehouse["warehouse"], warehouse)
    done = run_unrest("build", "--raw-dir", str(built_warehouse["raw"]), "--warehouse", str(warehouse), "--select", 'key:"raw/articles"')
    assert done.returncode == 0, done.stderr
    assert "unrest_dbt_models" not in done.stderr  # dbt did not run
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select count(*) from marts.fct_claims").fetchone()[0] > 0  # the rest is as published before
    con.close()
    bad = run_unrest("build", "--raw-dir", str(built_warehouse["raw"]), "--warehouse", str(warehouse), "--select", "key:(((")
    assert bad.returncode == 2 and "invalid --select" in bad.stderr
