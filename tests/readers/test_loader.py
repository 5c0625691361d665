"""Loading twice changes nothing; quarantine rows are replaced per stage, not doubled."""

import datetime as dt

import duckdb

from dagster_project.readers.articles import read_articles
from dagster_project.readers.base import QuarantineRecord
from dagster_project.warehouse.loader import record_quarantine, replace_rows
from dagster_project.warehouse.schema import ensure_raw_schema


def test_loading_twice_changes_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    tmp_path = tmp_path / "articles"
    tmp_path.mkdir()
    (tmp_path / "a.md").write_text("---\nid: a\npublished: 2026-01-02\n---\nText one.\n")
    (tmp_path / "b.jsonl").write_text('{"text": "Text two."}\n{bad\n')
    con = duckdb.connect(str(db))
    ensure_raw_schema(con)
    for _ in range(2):
        result = read_articles(tmp_path)
        replace_rows(con, "articles", result.rows)
        record_quarantine(con, result.quarantine, stage="articles")
    assert con.execute("select count(*) from raw.articles").fetchone()[0] == 2
    assert con.execute("select count(*), min(record_locator) from raw.quarantine").fetchone() == (1, "line 2")
    assert con.execute("select published from raw.articles where article_id = 'a'").fetchone()[0] == dt.date(2026, 1, 2)
    record_quarantine(con, [QuarantineRecord("x", None, "r", None)], stage="indicators")
    record_quarantine(con, [], stage="articles")
    assert con.execute("select stage from raw.quarantine").fetchall() == [("indicators",)]


def test_a_failed_load_leaves_the_table_as_it_was(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_raw_schema(con)
    tmp_path = tmp_path / "articles"
    tmp_path.mkdir()
    (tmp_path / "a.md").write_text("Text.")
    good = read_articles(tmp_path).rows
    replace_rows(con, "articles", good)
    broken = [dict(good[0], article_id=None)]  # violates NOT NULL
    try:
        replace_rows(con, "articles", broken)
    except duckdb.Error:
        pass
    assert con.execute("select count(*) from raw.articles").fetchone()[0] == 1
