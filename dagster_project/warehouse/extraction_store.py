"""Incremental extraction: only new or changed articles are extracted again.

An article's `extraction_key` hashes everything its extraction depends on (text, publication
date, country hint, outlet, extractor version). Articles whose key is unchanged keep their
rows; changed and removed articles lose theirs; new and changed ones are extracted. The
result is the same as extracting everything, at the cost of the changes only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from dagster_project.config import EXTRACTOR_VERSION
from dagster_project.readers.base import QuarantineRecord
from dagster_project.warehouse.loader import frame_for, table_columns

TABLES = ("article_event_reports", "article_claims", "article_indicator_mentions")


@dataclass
class ExtractionStats:
    articles: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[QuarantineRecord] = field(default_factory=list)
    rows: dict = field(default_factory=dict)


def extraction_key(content_hash: str, published, country_hint, outlet) -> str:
    parts = [content_hash, str(published or ""), country_hint or "", outlet or "", EXTRACTOR_VERSION]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


PARALLEL_MIN_ARTICLES = 400  # below this, starting worker processes costs more than it saves


def _extract_chunk(chunk: list[tuple]) -> list[tuple]:
    """Worker side: (article_id, result or error message) for each article of a chunk."""
    from dagster_project.extraction import extract_article

    out = []
    for article_id, text, published, hint, outlet, *_ in chunk:
        try:
            out.append((article_id, extract_article(text, article_id=article_id, published=published, country_hint=hint, outlet=outlet)))
        except Exception as exc:  # reported per article by the caller
            out.append((article_id, f"{type(exc).__name__}: {exc}"))
    return out


def _run_extraction(todo: list[tuple], extract: Callable, workers: int) -> list[tuple]:
    from dagster_project.extraction import extract_article

    if workers > 1 and len(todo) >= PARALLEL_MIN_ARTICLES and extract is extract_article:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        size = max(50, len(todo) // (workers * 8))
        chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [pair for part in pool.map(_extract_chunk, chunks) for pair in part]
    out = []
    for article_id, text, published, hint, outlet, *_ in todo:
        try:
            out.append((article_id, extract(text, article_id=article_id, published=published, country_hint=hint, outlet=outlet)))
        except Exception as exc:  # one bad article must not stop the batch
            out.append((article_id, f"{type(exc).__name__}: {exc}"))
    return out


BATCH_ARTICLES = 2000  # articles extracted and written per batch: memory stays flat as the corpus grows


def _insert(con, table: str, rows: list[dict]) -> None:
    frame = frame_for(table, rows)
    if frame.height:
        columns = ", ".join(name for name, _ in table_columns(table))
        con.register("incoming_rows", frame)
        con.execute(f"insert into raw.{table} ({columns}) select {columns} from incoming_rows")
        con.unregister("incoming_rows")


def update_extractions(con, extract: Callable, now: dt.datetime | None = None, workers: int = 1) -> ExtractionStats:
    """Bring the three extraction tables up to date with raw.articles, in one transaction.

    Articles are read and extracted in batches of BATCH_ARTICLES, so memory does not grow
    with the corpus. With `workers` > 1 and enough changed articles, extraction fans out
    over processes (the results are the same, in the same order)."""
    now = now or dt.datetime.now()
    articles = con.execute(
        "select article_id, content_hash, published, country_hint, outlet from raw.articles order by article_id"
    ).fetchall()
    known = dict(con.execute("select article_id, extraction_key from raw.article_extraction_state").fetchall())
    stats = ExtractionStats(articles=len(articles))
    current_ids, todo_ids, keys = set(), [], {}
    for article_id, digest, published, hint, outlet in articles:
        current_ids.add(article_id)
        key = extraction_key(digest, published, hint, outlet)
        if known.get(article_id) == key:
            stats.unchanged += 1
        else:
            todo_ids.append(article_id)
            keys[article_id] = key
    stale = [a for a in known if a not in current_ids]
    stats.removed = len(stale)
    con.execute("begin transaction")
    try:
        touched = pl.DataFrame({"article_id": todo_ids + stale}, schema={"article_id": pl.Utf8})
        con.register("touched_articles", touched)
        for table in (*TABLES, "article_extraction_state"):
            con.execute(f"delete from raw.{table} where article_id in (select article_id from touched_articles)")
        con.unregister("touched_articles")
        for start in range(0, len(todo_ids), BATCH_ARTICLES):
            batch = pl.DataFrame({"article_id": todo_ids[start:start + BATCH_ARTICLES]}, schema={"article_id": pl.Utf8})
            con.register("batch_articles", batch)
            todo = con.execute(
                "select article_id, text, published, country_hint, outlet, source_path, record_locator from raw.articles "
                "where article_id in (select article_id from batch_articles) order by article_id"
            ).fetchall()
            con.unregister("batch_articles")
            where = {row[0]: (row[5], row[6], row[1]) for row in todo}
            new_rows = {t: [] for t in TABLES}
            done_ids = []
            for article_id, result in _run_extraction(todo, extract, workers):
                if isinstance(result, str):
                    path, locator, text = where[article_id]
                    stats.failed.append(QuarantineRecord(path, locator, f"extraction failed for article {article_id}: {result}", text))
                    continue
                new_rows["article_event_reports"] += [r.as_row() for r in result.reports]
                new_rows["article_claims"] += [c.as_row() for c in result.claims]
                new_rows["article_indicator_mentions"] += [m.as_row() for m in result.mentions]
                done_ids.append(article_id)
            for table in TABLES:
                _insert(con, table, new_rows[table])
            state = pl.DataFrame(
                {"article_id": done_ids, "extraction_key": [keys[a] for a in done_ids], "extracted_at": [now] * len(done_ids)},
                schema={"article_id": pl.Utf8, "extraction_key": pl.Utf8, "extracted_at": pl.Datetime("us")},
            )
            if state.height:
                con.register("incoming_state", state)
                con.execute("insert into raw.article_extraction_state select * from incoming_state")
                con.unregister("incoming_state")
            stats.extracted += len(done_ids)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    stats.rows = {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in TABLES}
    return stats
