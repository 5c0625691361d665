"""Article files load one at a time (one partition each): unchanged files are skipped,
changed ones replaced, removed ones dropped, duplicates across files kept once."""

import duckdb

from dagster_project.warehouse import article_store
from dagster_project.warehouse.article_store import load_article_files


def articles(con):
    return sorted(con.execute("select article_id, source_path from raw.articles").fetchall())


def test_unchanged_files_are_skipped_and_changes_replace_only_that_file(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.jsonl").write_text('{"id": "a1", "text": "Police arrested 40 protesters in Tehran."}\n'
                                    '{"id": "a2", "text": "Workers went on strike in Tabriz."}\n')
    (folder / "b.md").write_text("---\nid: b1\n---\nThousands marched in Mashhad.\n")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = load_article_files(con, tmp_path)
    assert first.files_loaded == ["articles/a.jsonl", "articles/b.md"] and first.articles == 3
    assert articles(con) == [("a1", "articles/a.jsonl"), ("a2", "articles/a.jsonl"), ("b1", "articles/b.md")]

    again = load_article_files(con, tmp_path)
    assert again.files_loaded == [] and again.files_unchanged == ["articles/a.jsonl", "articles/b.md"]
    assert articles(con) == [("a1", "articles/a.jsonl"), ("a2", "articles/a.jsonl"), ("b1", "articles/b.md")]

    (folder / "a.jsonl").write_text('{"id": "a3", "text": "Riot police fired tear gas in Shiraz."}\n{broken\n')
    changed = load_article_files(con, tmp_path, ["articles/a.jsonl"])
    assert changed.files_loaded == ["articles/a.jsonl"]
    assert articles(con) == [("a3", "articles/a.jsonl"), ("b1", "articles/b.md")]
    assert con.execute("select source_path, record_locator from raw.quarantine where stage = 'articles'").fetchall() == [("articles/a.jsonl", "line 2")]

    (folder / "b.md").unlink()
    removed = load_article_files(con, tmp_path, [])
    assert removed.files_removed == ["articles/b.md"]
    assert articles(con) == [("a3", "articles/a.jsonl")]
    assert con.execute("select source_path from raw.article_files").fetchall() == [("articles/a.jsonl",)]


def test_a_duplicate_in_another_file_is_kept_once_and_takes_over_when_the_first_goes(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = "Security forces opened fire on protesters in Zahedan on Friday."
    (folder / "a.md").write_text(f"---\nid: same\n---\n{text}\n")
    (folder / "b.md").write_text(f"{text}\n")  # the same text, no id: a duplicate
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    stats = load_article_files(con, tmp_path)
    assert (stats.articles, stats.duplicates) == (1, 1)
    assert articles(con) == [("same", "articles/a.md")]
    (folder / "a.md").unlink()
    load_article_files(con, tmp_path, [])
    assert [source for _, source in articles(con)] == ["articles/b.md"]


def test_a_large_jsonl_file_loads_in_chunks_with_bad_lines_quarantined(tmp_path, monkeypatch):
    monkeypatch.setattr(article_store, "CHUNK_ROWS", 7)
    folder = tmp_path / "articles"
    folder.mkdir()
    lines = [f'{{"id": "n{i}", "text": "Protest number {i} in Tehran."}}' for i in range(50)]
    lines[10] = '{"id": "bad", "text": "caf\xe9"}'
    data = "\n".join(lines).encode("utf-8").replace("caf\xe9".encode("utf-8"), b"caf\xe9")  # a Latin-1 byte
    (folder / "feed.jsonl").write_bytes(data + b"\n")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    stats = load_article_files(con, tmp_path)
    assert stats.articles == 49
    [(locator, reason)] = con.execute("select record_locator, reason from raw.quarantine").fetchall()
    assert locator == "line 11" and "invalid UTF-8" in reason and "feed.jsonl" in reason


def test_a_file_is_hashed_only_when_its_size_or_modification_time_changed(tmp_path, monkeypatch):
    import os

    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "a.jsonl"
    path.write_text('{"id": "a1", "text": "Police arrested 40 protesters in Tehran."}\n')
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    load_article_files(con, tmp_path)
    hashed = []
    real_fingerprint = article_store.file_fingerprint
    monkeypatch.setattr(article_store, "file_fingerprint", lambda p: hashed.append(p.name) or real_fingerprint(p))

    assert load_article_files(con, tmp_path).files_unchanged == ["articles/a.jsonl"] and hashed == []

    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))  # touched, same bytes
    touched = load_article_files(con, tmp_path)
    assert touched.files_unchanged == ["articles/a.jsonl"] and hashed == ["a.jsonl"]
    assert load_article_files(con, tmp_path).files_unchanged == ["articles/a.jsonl"] and hashed == ["a.jsonl"]

    path.write_text('{"id": "a2", "text": "Police arrested 41 protesters in Tehran."}\n')  # same size, new bytes
    assert load_article_files(con, tmp_path).files_loaded == ["articles/a.jsonl"]
    assert articles(con) == [("a2", "articles/a.jsonl")]


def test_a_warehouse_from_before_file_stats_gains_the_column(tmp_path):
    from dagster_project.warehouse.schema import ensure_raw_schema

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema raw")
    con.execute("create table raw.article_files (source_path varchar primary key, fingerprint varchar not null, articles integer not null, "
                "duplicates integer not null, quarantined integer not null, loaded_at timestamp not null)")
    con.execute("insert into raw.article_files values ('articles/a.md', 'x', 1, 0, 0, now())")
    ensure_raw_schema(con)
    assert con.execute("select source_path, file_stat from raw.article_files").fetchall() == [("articles/a.md", None)]
