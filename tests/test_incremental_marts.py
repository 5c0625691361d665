"""The incremental models (fct_event_reports, fct_claims, fct_events, fct_sanctions,
fct_indicator_mentions, int_sanctions, int_article_countries): a build after changes gives
the same rows, in every mart and intermediate table, as building everything from scratch on
the same inputs."""

import json

import duckdb

from conftest import run_unrest

ARTICLE = "---\nid: {id}\npublished: {published}\noutlet: {outlet}\ncountry: IRN\n---\n{text}\n"


def write(path, published, outlet, text):
    """An article with its file name as id, so that a changed text keeps its ids."""
    path.write_text(ARTICLE.format(id=path.stem, published=published, outlet=outlet, text=text), encoding="utf-8")


def marts(warehouse) -> dict[str, list]:
    """Every row of every mart and intermediate table (without the bookkeeping that compares a
    build with the one before by design: int_event_days.event_changed, int_events_touched)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = con.execute(
            "select table_schema || '.' || table_name, bool_or(column_name = 'event_changed') from information_schema.columns "
            "where table_schema in ('marts', 'intermediate') and (table_schema, table_name) in "
            "(select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE') "
            "and table_name <> 'int_events_touched' group by 1 order by 1").fetchall()
        return {t.removeprefix("marts."): sorted(map(repr, con.execute(f"select * {'exclude (event_changed)' if flag else ''} from {t}").fetchall()))
                for t, flag in tables}
    finally:
        con.close()


def dbt_nodes_run(warehouse) -> set[str]:
    """The resource types and materializations dbt ran in the last build (from run_results.json),
    and `full-refresh` when it was a full refresh."""
    target = warehouse.parent / ".build" / "dbt_target"
    manifest = json.loads((target / "manifest.json").read_text())["nodes"]
    run_results = json.loads((target / "run_results.json").read_text())
    ran = {f"{manifest[r['unique_id']]['resource_type']}:{manifest[r['unique_id']]['config'].get('materialized')}" for r in run_results["results"]}
    return ran | ({"full-refresh"} if run_results["args"].get("full_refresh") else set())


def event_of(warehouse, article_text_start: str) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(
            "select r.event_id from marts.fct_event_reports r join raw.articles a using (article_id) "
            "where a.text like ? || '%' and r.event_type = 'PROTEST'", [article_text_start]).fetchone()[0]
    finally:
        con.close()


def test_an_incremental_build_equals_a_full_build(tmp_path):
    raw = tmp_path / "raw"
    articles = raw / "articles"
    articles.mkdir(parents=True)
    write(articles / "tabriz.md", "2026-02-05", "AFP", "Thousands of protesters rallied in Tabriz on Thursday, witnesses said.")
    write(articles / "shiraz.md", "2026-02-10", "BBC", "Police arrested at least 40 protesters in Shiraz on Tuesday, a rights group said.")
    write(articles / "kerman.md", "2026-02-10", "BBC", "Protesters rallied in Kerman on Tuesday. Two people were killed, officials said.")
    write(articles / "bazaar.md", "2026-03-01", "IranWire",
          "The rial hit a record low against the dollar on Saturday and inflation is rising, shopkeepers said.")
    (articles / "feed.jsonl").write_text(
        '{"id": "feed-1", "published": "2026-03-01", "text": "Security forces killed 12 protesters in Mashhad on Saturday."}\n'
        '{"id": "feed-2", "published": "2026-03-02", "text": "The United States imposed new sanctions on Iran on Monday."}\n',
        encoding="utf-8")
    warehouse = tmp_path / "wh" / "unrest.duckdb"
    run_unrest("build", "--raw-dir", str(raw), "--warehouse", str(warehouse), check=True)
    tabriz_event = event_of(warehouse, "Thousands of protesters rallied in Tabriz")

    # A new article two days earlier in Tabriz merges with the existing event and becomes its
    # first report (the Tabriz report moves to another event_id); one article changes a
    # figure and its date (same id, same offsets: its report and claim ids stay, their
    # values change); one file goes; the rest is unchanged.
    write(articles / "tabriz-earlier.md", "2026-02-03", "Reuters", "Thousands of protesters rallied in Tabriz on Monday against rising prices.")
    write(articles / "shiraz.md", "2026-02-12", "BBC", "Police arrested at least 60 protesters in Shiraz on Tuesday, a rights group said.")
    (articles / "kerman.md").unlink()
    # A sanctions article comes; and a newer inflation figure, which changes what the data
    # said when the unchanged bazaar article was published.
    write(articles / "eu.md", "2026-02-20", "AFP", "The European Union imposed new sanctions on Iran on Thursday.")
    (raw / "indicators").mkdir()
    (raw / "indicators" / "irn-monthly.csv").write_text(
        "country_iso3,indicator,period,value,unit,source\nIRN,FP.CPI.TOTL.ZG,2026-01,48.5,percent,test\n", encoding="utf-8")
    run_unrest("build", "--raw-dir", str(raw), "--warehouse", str(warehouse), check=True)
    assert event_of(warehouse, "Thousands of protesters rallied in Tabriz on Thursday") != tabriz_event
    # The dbt project is unchanged, so its seeds and views are left as they are.
    ran = dbt_nodes_run(warehouse)
    assert {"model:incremental", "model:table", "test:test"} <= ran and not {"seed:seed", "model:view", "full-refresh"} & ran
    incremental = marts(warehouse)

    scratch = tmp_path / "scratch" / "unrest.duckdb"
    run_unrest("build", "--raw-dir", str(raw), "--warehouse", str(scratch), check=True)
    full = marts(scratch)
    assert incremental == full
    assert any("'at least 60'" in row and "2026, 2, 12" in row for row in full["fct_claims"])
    assert any("'inflation_cpi_pct'" in row and "48.5" in row for row in full["fct_indicator_mentions"])
    assert {"intermediate.int_sanctions", "intermediate.int_article_countries"} <= set(full)
    assert not any("Kerman" in row for row in full["fct_event_reports"])

    # A report on a new day inside that event: the event keeps its id and first report, so
    # only the new article's rows are written, and the event counts one report more.
    tabriz_now = event_of(warehouse, "Thousands of protesters rallied in Tabriz on Thursday")
    write(articles / "tabriz-middle.md", "2026-02-04", "IRNA", "Protesters rallied in Tabriz on Tuesday, state media said.")
    run_unrest("build", "--raw-dir", str(raw), "--warehouse", str(warehouse), check=True)
    assert event_of(warehouse, "Protesters rallied in Tabriz on Tuesday") == tabriz_now
    assert "full-refresh" not in dbt_nodes_run(warehouse)
    assert event_of(warehouse, "Thousands of protesters rallied in Tabriz on Thursday") == tabriz_now
    again = marts(warehouse)
    assert again != incremental
    scratch = tmp_path / "scratch-2" / "unrest.duckdb"
    run_unrest("build", "--raw-dir", str(raw), "--warehouse", str(scratch), check=True)
    assert again == marts(scratch)
    counts = [row for row in again["fct_events"] if repr(tabriz_now) in row]
    assert len(counts) == 1 and ", 3, 3, " in counts[0]  # report_count, source_count
