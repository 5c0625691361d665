"""Articles into raw.articles, one input file at a time (a file is one Dagster partition).

Each file's rows are owned by that file: loading it deletes what it loaded before and
inserts what it holds now, in one transaction, so loading twice changes nothing and a
failure changes nothing. A file whose bytes (and the reader version) are unchanged since
its last load is skipped without being parsed: that is what makes a build after adding a
few files cost the new files, not the corpus.

An article already loaded from another file (same id or same normalised text) is a
duplicate and is skipped; on a first build files are loaded in path order, so the first
file in path order wins, as `read_articles` does. When a file disappears, its rows go, and
files that had duplicates are loaded again so that their copies can take over.

Hashing a large file costs time too (0.5 s for the 334 MB of 100,000 articles), so a file
whose size and modification time (to the nanosecond) are those recorded at its last load
is taken as unchanged without being hashed, as make and rsync do; any write to a file
changes its modification time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from dagster_project.readers.articles import article_files, iter_article_file
from dagster_project.readers.base import QuarantineRecord
from dagster_project.warehouse.loader import polars_schema, table_columns
from dagster_project.warehouse.schema import ensure_raw_schema

READER_VERSION = "2"  # bump when the article reader changes what it makes of the same bytes
CHUNK_ROWS = 5_000  # rows inserted at once: memory stays flat however large a file is
ARTICLES_DIR = "articles"  # under the raw directory


@dataclass
class FileLoadStats:
    files_loaded: list[str] = field(default_factory=list)
    files_unchanged: list[str] = field(default_factory=list)
    files_removed: list[str] = field(default_factory=list)
    articles: int = 0  # rows inserted by the files loaded now
    duplicates: int = 0
    quarantined: list[QuarantineRecord] = field(default_factory=list)


def article_file_keys(raw_dir: Path) -> list[str]:
    """The article files under `raw_dir/articles` as source paths relative to `raw_dir`
    (the partition keys, and `raw.articles.source_path`), in path order."""
    return [p.relative_to(raw_dir).as_posix() for p in article_files(raw_dir / ARTICLES_DIR)]


def file_fingerprint(path: Path) -> str:
    digest = hashlib.sha256(READER_VERSION.encode())
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_stat(path: Path) -> str:
    """What identifies a file's bytes without reading them: reader version, size, mtime (ns)."""
    st = path.stat()
    return f"{READER_VERSION}:{st.st_size}:{st.st_mtime_ns}"


def _forget(con, source_path: str) -> None:
    con.execute("delete from raw.articles where source_path = ?", [source_path])
    con.execute("delete from raw.quarantine where stage = 'articles' and source_path = ?", [source_path])
    con.execute("delete from raw.article_files where source_path = ?", [source_path])


def _insert_chunk(con, rows: list[dict]) -> int:
    """Insert rows that no other file already holds (by id or text); returns how many."""
    if not rows:
        return 0
    frame = pl.DataFrame([{name: row.get(name) for name in polars_schema("articles")} for row in rows],
                         schema=polars_schema("articles"), orient="row")
    columns = ", ".join(name for name, _ in table_columns("articles"))
    before = con.execute("select count(*) from raw.articles").fetchall()[0][0]
    con.register("incoming_articles", frame)
    con.execute(
        f"insert into raw.articles ({columns}) select {columns} from incoming_articles "
        "where article_id not in (select article_id from raw.articles) "
        "and content_hash not in (select content_hash from raw.articles)"
    )
    con.unregister("incoming_articles")
    return con.execute("select count(*) from raw.articles").fetchall()[0][0] - before


def _insert_quarantine(con, records: list[QuarantineRecord], loaded_at: dt.datetime) -> None:
    if not records:
        return
    frame = pl.DataFrame(
        {"source_path": [r.source_path for r in records], "record_locator": [r.record_locator for r in records],
         "reason": [r.reason for r in records], "payload": [r.payload for r in records],
         "loaded_at": [loaded_at] * len(records), "stage": ["articles"] * len(records)},
        schema=polars_schema("quarantine"),
    )
    con.register("incoming_quarantine", frame)
    con.execute("insert into raw.quarantine select * from incoming_quarantine")
    con.unregister("incoming_quarantine")


def _load_file(con, raw_dir: Path, source_path: str, fingerprint: str, stat: str, loaded_at: dt.datetime, stats: FileLoadStats) -> None:
    seen_ids: set[str] = set()
    seen_hashes: set[str] = set()
    chunk: list[dict] = []
    quarantine: list[QuarantineRecord] = []
    read = inserted = 0
    con.execute("begin transaction")
    try:
        _forget(con, source_path)
        for record in iter_article_file(raw_dir / source_path, raw_dir, loaded_at):
            if isinstance(record, QuarantineRecord):
                quarantine.append(record)
                continue
            read += 1
            if record["article_id"] in seen_ids or record["content_hash"] in seen_hashes:
                continue
            seen_ids.add(record["article_id"])
            seen_hashes.add(record["content_hash"])
            chunk.append(record)
            if len(chunk) >= CHUNK_ROWS:
                inserted += _insert_chunk(con, chunk)
                chunk = []
        inserted += _insert_chunk(con, chunk)
        _insert_quarantine(con, quarantine, loaded_at)
        con.execute(
            "insert into raw.article_files (source_path, fingerprint, articles, duplicates, quarantined, loaded_at, file_stat) "
            "values (?, ?, ?, ?, ?, ?, ?)",
            [source_path, fingerprint, inserted, read - inserted, len(quarantine), loaded_at, stat],
        )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    stats.files_loaded.append(source_path)
    stats.articles += inserted
    stats.duplicates += read - inserted
    stats.quarantined += quarantine


def load_article_files(con, raw_dir: Path, source_paths: list[str] | None = None, loaded_at: dt.datetime | None = None) -> FileLoadStats:
    """Bring raw.articles up to date with the given article files (default: all of them).

    Changed and new files are loaded again, unchanged ones skipped, and rows of files that
    no longer exist are removed (whichever files were asked for)."""
    ensure_raw_schema(con)
    loaded_at = loaded_at or dt.datetime.now()
    stats = FileLoadStats()
    recorded = con.execute("select source_path, fingerprint, file_stat from raw.article_files").fetchall()
    known = {source_path: fingerprint for source_path, fingerprint, _ in recorded}
    known_stats = {source_path: stat for source_path, _, stat in recorded}
    loaded_sources = {r[0] for r in con.execute("select distinct source_path from raw.articles").fetchall()}
    on_disk = set(article_file_keys(raw_dir))
    gone = sorted((set(known) | loaded_sources) - on_disk)
    for source_path in gone:
        con.execute("begin transaction")
        _forget(con, source_path)
        con.execute("commit")
        stats.files_removed.append(source_path)
    wanted = sorted(on_disk if source_paths is None else set(source_paths) & on_disk)
    if gone:  # copies in other files may take over the removed files' articles
        wanted = sorted(set(wanted) | {r[0] for r in con.execute("select source_path from raw.article_files where duplicates > 0").fetchall()})
        known = {k: v for k, v in known.items() if k not in wanted}
    for source_path in wanted:
        stat = file_stat(raw_dir / source_path)
        if source_path in known and known_stats.get(source_path) == stat:
            stats.files_unchanged.append(source_path)
            continue
        fingerprint = file_fingerprint(raw_dir / source_path)
        if known.get(source_path) == fingerprint:  # same bytes, touched: remember the new stat
            con.execute("update raw.article_files set file_stat = ? where source_path = ?", [stat, source_path])
            stats.files_unchanged.append(source_path)
            continue
        _load_file(con, raw_dir, source_path, fingerprint, stat, loaded_at, stats)
    return stats


def forget_all_articles(database: Path, raw_dir: Path) -> None:
    """When no article file is left: remove what earlier files loaded, and their extractions."""
    import duckdb

    from dagster_project.warehouse.extraction_store import update_extractions

    con = duckdb.connect(str(database))
    try:
        load_article_files(con, raw_dir, [])
        update_extractions(con, lambda *a, **k: None, source_paths=[])
    finally:
        con.close()
