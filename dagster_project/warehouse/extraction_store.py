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


def update_extractions(con, extract: Callable, now: dt.datetime | None = None) -> ExtractionStats:
    """Bring the three extraction tables up to date with raw.articles, in one transaction."""
    now = now or dt.datetime.now()
    articles = con.execute(
        "select article_id, text, published, country_hint, outlet, content_hash, source_path, record_locator "
        "from raw.articles order by article_id"
    ).fetchall()
    known = dict(con.execute("select article_id, extraction_key from raw.article_extraction_state").fetchall())
    stats = ExtractionStats(articles=len(articles))
    current_ids = set()
    todo, keys = [], {}
    for article_id, text, published, hint, outlet, digest, path, locator in articles:
        current_ids.add(article_id)
        key = extraction_key(digest, published, hint, outlet)
        if known.get(article_id) == key:
            stats.unchanged += 1
        else:
            todo.append((article_id, text, published, hint, outlet, path, locator))
            keys[article_id] = key
    stale = [a for a in known if a not in current_ids]
    stats.removed = len(stale)
    new_rows = {t: [] for t in TABLES}
    done_ids = []
    for article_id, text, published, hint, outlet, path, locator in todo:
        try:
            result = extract(text, article_id=article_id, published=published, country_hint=hint, outlet=outlet)
        except Exception as exc:  # one bad article must not stop the batch
            stats.failed.append(QuarantineRecord(path, locator, f"extraction failed for article {article_id}: {exc}", text))
            continue
        new_rows["article_event_reports"] += [r.as_row() for r in result.reports]
        new_rows["article_claims"] += [c.as_row() for c in result.claims]
        new_rows["article_indicator_mentions"] += [m.as_row() for m in result.mentions]
        done_ids.append(article_id)
    stats.extracted = len(done_ids)
    touched = pl.DataFrame({"article_id": [a for a, *_ in todo] + stale}, schema={"article_id": pl.Utf8})
    state = pl.DataFrame(
        {"article_id": done_ids, "extraction_key": [keys[a] for a in done_ids], "extracted_at": [now] * len(done_ids)},
        schema={"article_id": pl.Utf8, "extraction_key": pl.Utf8, "extracted_at": pl.Datetime("us")},
    )
    con.execute("begin transaction")
    try:
        con.register("touched_articles", touched)
        for table in (*TABLES, "article_extraction_state"):
            con.execute(f"delete from raw.{table} where article_id in (select article_id from touched_articles)")
        for table in TABLES:
            frame = frame_for(table, new_rows[table])
            if frame.height:
                columns = ", ".join(name for name, _ in table_columns(table))
                con.register("incoming_rows", frame)
                con.execute(f"insert into raw.{table} ({columns}) select {columns} from incoming_rows")
                con.unregister("incoming_rows")
        if state.height:
            con.register("incoming_state", state)
            con.execute("insert into raw.article_extraction_state select * from incoming_state")
            con.unregister("incoming_state")
        con.unregister("touched_articles")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    stats.rows = {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in TABLES}
    return stats
