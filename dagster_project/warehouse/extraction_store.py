"""Incremental extraction: only new or changed articles are extracted again.

An article's `extraction_key` hashes everything its extraction depends on (text, publication
date, country hint, outlet, and the extractor's fingerprint: its version and a hash of its
code and lexicons). Articles whose key is unchanged keep their
rows; changed and removed articles lose theirs; new and changed ones are extracted. The
result is the same as extracting everything, at the cost of the changes only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import polars as pl

from dagster_project.readers.base import QuarantineRecord
from dagster_project.warehouse.loader import polars_schema, table_columns
from dagster_project.warehouse.schema import UNINDEXED_TABLES

TABLES = ("article_event_reports", "article_claims", "article_indicator_mentions")
RESULT_ATTRS = ("reports", "claims", "mentions")  # the ExtractionResult lists that fill TABLES


@dataclass
class ExtractionStats:
    articles: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[QuarantineRecord] = field(default_factory=list)
    rows: dict = field(default_factory=dict)


def extraction_key(content_hash: str, published, country_hint, outlet) -> str:
    from dagster_project.extraction.fingerprint import extractor_fingerprint

    parts = [content_hash, str(published or ""), country_hint or "", outlet or "", extractor_fingerprint()]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


PARALLEL_MIN_ARTICLES = 400  # below this, starting worker processes costs more than it saves
CHUNK_ARTICLES = 200  # articles per worker task: small enough to keep both cores busy to the end
BATCH_ARTICLES = 2000  # articles read from raw.articles at once: memory stays flat as the corpus grows


@dataclass
class ChunkResult:
    """One chunk's extraction as ready-to-insert frames, plus the articles that failed."""

    frames: dict[str, pl.DataFrame]
    done_ids: list[str]
    failed: list[tuple[str, str]]  # (article_id, error message)


def result_frames(results: list) -> dict[str, pl.DataFrame]:
    """ExtractionResults → one frame per extraction table, built column by column."""
    out = {}
    for table, attr in zip(TABLES, RESULT_ATTRS):
        records = [x for r in results for x in getattr(r, attr)]
        schema = polars_schema(table)
        out[table] = pl.DataFrame({name: [getattr(x, name) for x in records] for name in schema}, schema=schema)
    return out


def _extract_chunk(chunk: list[tuple], extract: Callable | None = None) -> ChunkResult:
    """Extract a chunk of (article_id, text, published, hint, outlet, ...) rows. Runs in a
    worker process (or in-process); one failing article never fails the chunk."""
    if extract is None:
        from dagster_project.extraction import extract_article as extract
    results, failed = [], []
    for article_id, text, published, hint, outlet, *_ in chunk:
        try:
            result = extract(text, article_id=article_id, published=published, country_hint=hint, outlet=outlet)
            _check_ids(result)
            results.append(result)
        except Exception as exc:  # reported per article by the caller
            failed.append((article_id, f"{type(exc).__name__}: {exc}"))
    return ChunkResult(result_frames(results), [r.article_id for r in results], failed)


def _check_ids(result) -> None:
    """The extraction tables have no primary key (schema.UNINDEXED_TABLES): an article whose
    rows repeat an id is refused here, and quarantined, instead of being written twice."""
    for table, attr in zip(TABLES, RESULT_ATTRS):
        key = UNINDEXED_TABLES[table]
        ids = [getattr(x, key) for x in getattr(result, attr)]
        if len(set(ids)) != len(ids):
            repeated = sorted({i for i in ids if ids.count(i) > 1})
            raise ValueError(f"{key} {', '.join(map(str, repeated))} given to more than one row")


def _article_chunks(con, todo_ids: list[str]):
    """The articles to extract, read BATCH_ARTICLES at a time, in chunks of CHUNK_ARTICLES."""
    for start in range(0, len(todo_ids), BATCH_ARTICLES):
        batch = pl.DataFrame({"article_id": todo_ids[start:start + BATCH_ARTICLES]}, schema={"article_id": pl.Utf8})
        con.register("batch_articles", batch)
        rows = con.execute(
            "select article_id, text, published, country_hint, outlet, source_path, record_locator from raw.articles "
            "where article_id in (select article_id from batch_articles) order by article_id"
        ).fetchall()
        con.unregister("batch_articles")
        for i in range(0, len(rows), CHUNK_ARTICLES):
            yield rows[i:i + CHUNK_ARTICLES]


def _extracted_chunks(con, todo_ids: list[str], extract: Callable, workers: int):
    """(chunk, ChunkResult) in order. With workers, extraction runs in worker processes while
    this process writes the previous chunks' rows: a bounded number of chunks in flight."""
    from dagster_project.extraction import extract_article

    chunks = _article_chunks(con, todo_ids)
    if not (workers > 1 and len(todo_ids) >= PARALLEL_MIN_ARTICLES and extract is extract_article):
        for chunk in chunks:
            yield chunk, _extract_chunk(chunk, extract)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    in_flight: deque = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for chunk in chunks:
            in_flight.append((chunk, pool.submit(_extract_chunk, chunk)))
            if len(in_flight) > 2 * workers:
                done_chunk, future = in_flight.popleft()
                yield done_chunk, future.result()
        while in_flight:
            done_chunk, future = in_flight.popleft()
            yield done_chunk, future.result()


def _insert(con, table: str, frame: pl.DataFrame) -> None:
    if frame.height:
        columns = ", ".join(name for name, _ in table_columns(table))
        con.register("incoming_rows", frame)
        con.execute(f"insert into raw.{table} ({columns}) select {columns} from incoming_rows")
        con.unregister("incoming_rows")


def _in_transaction(con, work: Callable) -> None:
    con.execute("begin transaction")
    try:
        work()
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def _delete_articles(con, article_ids: list[str]) -> None:
    touched = pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.Utf8})
    con.register("touched_articles", touched)
    for table in (*TABLES, "article_extraction_state"):
        con.execute(f"delete from raw.{table} where article_id in (select article_id from touched_articles)")
    con.unregister("touched_articles")


def _write_chunk(con, result: ChunkResult, keys: dict[str, str], now: dt.datetime) -> None:
    for table in TABLES:
        _insert(con, table, result.frames[table])
    state = pl.DataFrame(
        {"article_id": result.done_ids, "extraction_key": [keys[a] for a in result.done_ids], "extracted_at": [now] * len(result.done_ids)},
        schema={"article_id": pl.Utf8, "extraction_key": pl.Utf8, "extracted_at": pl.Datetime("us")},
    )
    if state.height:
        con.register("incoming_state", state)
        con.execute("insert into raw.article_extraction_state select * from incoming_state")
        con.unregister("incoming_state")


def update_extractions(con, extract: Callable, now: dt.datetime | None = None, workers: int = 1,
                       source_paths: list[str] | None = None) -> ExtractionStats:
    """Bring the three extraction tables up to date with raw.articles.

    With `source_paths`, only the articles of those files are considered (one Dagster
    partition per file); extraction rows of articles no longer in raw.articles go either
    way. Articles are read and extracted in batches, so memory does not grow with the
    corpus. With `workers` > 1 and enough changed articles, extraction fans out over
    processes (the results are the same, in the same order)."""
    now = now or dt.datetime.now()
    scope = ""
    if source_paths is not None:
        con.register("scope_files", pl.DataFrame({"source_path": list(source_paths)}, schema={"source_path": pl.Utf8}))
        scope = "where source_path in (select source_path from scope_files)"
    articles = con.execute(
        f"select article_id, content_hash, published, country_hint, outlet from raw.articles {scope} order by article_id"
    ).fetchall()
    known = dict(con.execute(
        "select s.article_id, s.extraction_key from raw.article_extraction_state s "
        f"where s.article_id in (select article_id from raw.articles {scope})"
    ).fetchall())
    if scope:
        con.unregister("scope_files")
    stats = ExtractionStats(articles=len(articles))
    todo_ids, keys = [], {}
    for article_id, digest, published, hint, outlet in articles:
        key = extraction_key(digest, published, hint, outlet)
        if known.get(article_id) == key:
            stats.unchanged += 1
        else:
            todo_ids.append(article_id)
            keys[article_id] = key
    stale = [r[0] for r in con.execute(
        "select article_id from raw.article_extraction_state where article_id not in (select article_id from raw.articles)"
    ).fetchall()]
    stats.removed = len(stale)
    # Rows of changed and removed articles go first; then each chunk's rows are committed
    # with the extraction state that vouches for them. An interrupted update therefore
    # leaves every article either fully extracted or marked for extraction next time, and
    # DuckDB never holds the whole corpus's rows in one open transaction.
    _in_transaction(con, partial(_delete_articles, con, todo_ids + stale))
    for chunk, result in _extracted_chunks(con, todo_ids, extract, workers):
        if result.failed:
            where = {row[0]: (row[5], row[6], row[1]) for row in chunk}
            for article_id, message in result.failed:
                path, locator, text = where[article_id]
                stats.failed.append(QuarantineRecord(path, locator, f"extraction failed for article {article_id}: {message}", text))
        _in_transaction(con, partial(_write_chunk, con, result, keys, now))
        stats.extracted += len(result.done_ids)
    stats.rows = {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in TABLES}
    return stats
