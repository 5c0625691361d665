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

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\nid: a\npublished: 2026-01-10\n---\nPolice arrested 40 protesters in Tehran on Friday.\n")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_raw_schema(con)
    load(con, folder)
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
