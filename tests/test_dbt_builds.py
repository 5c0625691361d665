"""When a build may update the incremental marts and when it must rebuild them from scratch."""

import datetime as dt

import duckdb

from dagster_project.warehouse.dbt_builds import mark_builds_unfinished, most_articles_changed, needs_full_refresh, record_model_builds
from dagster_project.warehouse.schema import ensure_raw_schema

MODELS = ["fct_claims", "fct_event_reports"]


def test_only_a_build_that_finished_with_the_same_project_allows_an_incremental_one():
    con = duckdb.connect()
    ensure_raw_schema(con)
    assert needs_full_refresh(con, MODELS, "p1")  # never built

    mark_builds_unfinished(con)
    record_model_builds(con, MODELS, dt.datetime(2026, 1, 1), "p1")
    assert not needs_full_refresh(con, MODELS, "p1")
    assert needs_full_refresh(con, MODELS, "p2")  # the dbt project changed

    mark_builds_unfinished(con)  # a build starts ... and fails: nothing recorded
    assert needs_full_refresh(con, MODELS, "p1")

    mark_builds_unfinished(con)  # a build that left one of the marts out
    record_model_builds(con, ["fct_claims"], dt.datetime(2026, 1, 2), "p1")
    assert needs_full_refresh(con, MODELS, "p1")


def test_a_build_that_extracted_most_articles_again_rebuilds_the_marts():
    con = duckdb.connect()
    ensure_raw_schema(con)
    record_model_builds(con, MODELS, dt.datetime(2026, 1, 2), "p1")
    con.execute("insert into raw.article_extraction_state select 'a' || i, 'k', timestamp '2026-01-01' from range(10) t(i)")
    assert not most_articles_changed(con, MODELS, at_least=0)
    con.execute("update raw.article_extraction_state set extracted_at = timestamp '2026-01-03' where article_id in ('a1', 'a2')")
    assert not most_articles_changed(con, MODELS, at_least=0)  # 2 of 10: incremental
    con.execute("update raw.article_extraction_state set extracted_at = timestamp '2026-01-03' where article_id = 'a3'")
    assert most_articles_changed(con, MODELS, at_least=0)  # 3 of 10 (a new extractor re-extracts everything): rebuild
    assert not most_articles_changed(con, MODELS)  # but 3 articles are few enough to take in incrementally
