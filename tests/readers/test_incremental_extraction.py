"""Only new or changed articles are extracted again; the result equals a full extraction."""

import datetime as dt

import duckdb

from dagster_project.extraction import extract_article
from dagster_project.readers.articles import read_articles
from dagster_project.warehouse.extraction_store import update_extractions
from dagster_project.warehouse.loader import replace_rows
from dagster_project.warehouse.schema import ensure_raw_schema


def load(con, folder):
    replace_rows(con, "articles", read_articles(folder).rows)


def loaded_store(tmp_path, articles: dict[str, str]):
    """A raw schema in a new DuckDB file, with `articles` (file name: text) loaded."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_raw_schema(con)
    load(con, folder)
    return folder, con


def snapshot(con):
    return {t: sorted(con.execute(f"select * from raw.{t}").fetchall()) for t in ("article_event_reports", "article_claims")}


def test_incremental_equals_full(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\nid: a\npublished: 2026-01-10\n---\nPolice arrested 40 protesters in Tehran on Friday.\n")
    (folder / "b.md").write_text("---\nid: b\npublished: 2026-01-10\n---\nAt least 12 people were killed in Mashhad, Amnesty said.\n")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_raw_schema(con)
    calls = []

    def counting(text, **kwargs):
        calls.append(kwargs["article_id"])
        return extract_article(text, **kwargs)

    load(con, folder)
    first = update_extractions(con, counting)
    assert (first.extracted, first.unchanged) == (2, 0) and sorted(calls) == ["a", "b"]
    calls.clear()
    again = update_extractions(con, counting)
    assert (again.extracted, again.unchanged) == (0, 2) and calls == []
    # Change one article's date, add one, remove one.
    (folder / "a.md").write_text("---\nid: a\npublished: 2026-01-17\n---\nPolice arrested 40 protesters in Tehran on Friday.\n")
    (folder / "b.md").unlink()
    (folder / "c.md").write_text("---\nid: c\n---\nWorkers went on strike in Tabriz.\n")
    load(con, folder)
    third = update_extractions(con, counting)
    assert sorted(calls) == ["a", "c"] and third.removed == 1
    assert con.execute("select event_date from raw.article_event_reports where article_id = 'a' and event_type = 'COERCE'").fetchone()[0] == dt.date(2026, 1, 16)
    assert con.execute("select count(*) from raw.article_claims where article_id = 'b'").fetchone()[0] == 0
    incremental = snapshot(con)
    full = duckdb.connect(str(tmp_path / "full.duckdb"))
    ensure_raw_schema(full)
    load(full, folder)
    update_extractions(full, extract_article)
    assert snapshot(full) == incremental


def test_parallel_extraction_gives_the_same_rows(tmp_path, monkeypatch):
    import dagster_project.warehouse.extraction_store as store

    monkeypatch.setattr(store, "PARALLEL_MIN_ARTICLES", 2)
    monkeypatch.setattr(store, "BATCH_ARTICLES", 3)  # several batches, too
    monkeypatch.setattr(store, "CHUNK_ARTICLES", 2)  # and several chunks in flight
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, city in enumerate(["Tehran", "Mashhad", "Tabriz", "Shiraz", "Isfahan"]):
        (folder / f"{i}.md").write_text(f"---\nid: p{i}\npublished: 2026-01-10\n---\nPolice arrested {10 + i} protesters in {city} on Friday, HRANA said.\n")
    results = []
    for workers in (1, 2):
        con = duckdb.connect(str(tmp_path / f"w{workers}.duckdb"))
        ensure_raw_schema(con)
        load(con, folder)
        stats = store.update_extractions(con, extract_article, workers=workers)
        assert stats.extracted == 5
        results.append(snapshot(con))
    assert results[0] == results[1] and len(results[0]["article_claims"]) == 5


def test_a_changed_extractor_re_extracts_every_article(tmp_path, monkeypatch):
    from dagster_project.extraction import fingerprint

    _, con = loaded_store(tmp_path, {"a.md": "---\nid: a\npublished: 2026-01-10\n---\nPolice arrested 40 protesters in Tehran on Friday.\n"})
    assert update_extractions(con, extract_article).extracted == 1
    assert update_extractions(con, extract_article).unchanged == 1
    # A lexicon row edited: the fingerprint (a hash of the extractor's files) changes ...
    lexicon = tmp_path / "events.csv"
    lexicon.write_text("pattern,event_type,event_mode\nrounded up,COERCE,arrest\n")
    monkeypatch.setattr(fingerprint, "extractor_files", lambda: [*fingerprint.EXTRACTION_DIR.glob("*.py"), lexicon])
    fingerprint.extractor_fingerprint.cache_clear()
    try:
        before = fingerprint.extractor_fingerprint()
        lexicon.write_text("pattern,event_type,event_mode\nrounded up|herded,COERCE,arrest\n")
        fingerprint.extractor_fingerprint.cache_clear()
        assert fingerprint.extractor_fingerprint() != before
        # ... and the article is extracted again, its rows replaced, not duplicated.
        again = update_extractions(con, extract_article)
        assert (again.extracted, again.unchanged) == (1, 0)
        assert con.execute("select count(*) from raw.article_event_reports where article_id = 'a' and event_type = 'COERCE'").fetchone()[0] == 1
    finally:
        fingerprint.extractor_fingerprint.cache_clear()


def test_an_article_whose_rows_repeat_an_id_is_quarantined_and_the_rest_load(tmp_path):
    import dataclasses

    _, con = loaded_store(tmp_path, {
        "a.md": "---\nid: a\npublished: 2026-01-10\n---\nPolice arrested 40 protesters in Tehran on Friday. Police killed 3 people in Mashhad on Friday.\n",
        "b.md": "---\nid: b\npublished: 2026-01-10\n---\nAt least 12 people were killed in Mashhad, Amnesty said.\n",
    })

    def repeating(text, **kwargs):  # an extractor bug: two of a's reports share an id
        result = extract_article(text, **kwargs)
        if kwargs["article_id"] == "a":
            result.reports = [dataclasses.replace(r, report_id="r_same") for r in result.reports]
        return result

    stats = update_extractions(con, repeating)
    assert stats.extracted == 1 and [f.reason for f in stats.failed] == [
        "extraction failed for article a: ValueError: report_id r_same given to more than one row"]
    assert con.execute("select distinct article_id from raw.article_event_reports").fetchall() == [("b",)]
    # Not marked as extracted: the next build tries it again.
    assert con.execute("select article_id from raw.article_extraction_state").fetchall() == [("b",)]


def test_extraction_tables_lose_an_old_primary_key_and_keep_their_rows(tmp_path):
    from dagster_project.warehouse.schema import RAW_TABLES, UNINDEXED_TABLES

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_raw_schema(con)
    # A warehouse of an older version: the report table with its primary key and a row.
    con.execute("drop table raw.article_event_reports")
    con.execute(f"create table raw.article_event_reports ({RAW_TABLES['article_event_reports'].replace('report_id varchar not null', 'report_id varchar primary key', 1)})")
    con.execute("insert into raw.article_event_reports (report_id, article_id, event_type) values ('r1', 'a', 'PROTEST')")
    keys = "select table_name from duckdb_constraints() where schema_name = 'raw' and constraint_type = 'PRIMARY KEY'"
    assert "article_event_reports" in {r[0] for r in con.execute(keys).fetchall()}
    ensure_raw_schema(con)
    assert not {r[0] for r in con.execute(keys).fetchall()} & set(UNINDEXED_TABLES)
    assert con.execute("select report_id, article_id, event_type from raw.article_event_reports").fetchall() == [("r1", "a", "PROTEST")]
    ensure_raw_schema(con)  # and once is enough
    assert con.execute("select count(*) from raw.article_event_reports").fetchone()[0] == 1
