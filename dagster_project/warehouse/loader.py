"""Writing reader output into the raw tables, idempotently.

Each asset owns its rows: a load deletes what the same owner wrote before and inserts the
new rows in one transaction, so loading twice changes nothing and a failure changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache

import polars as pl

from dagster_project.readers.base import QuarantineRecord
from dagster_project.warehouse.schema import RAW_TABLES

_COLUMN = re.compile(r"^\s*([a-z_0-9]+)\s+[a-z]", re.IGNORECASE)
_POLARS_TYPES = {
    "varchar": pl.Utf8, "date": pl.Date, "timestamp": pl.Datetime("us"), "double": pl.Float64,
    "bigint": pl.Int64, "integer": pl.Int32,
}


@cache
def table_columns(table: str) -> list[tuple[str, str]]:
    """(name, type) of a raw table, read from its DDL."""
    columns = []
    for piece in RAW_TABLES[table].replace("\n", ",").split(","):
        m = _COLUMN.match(piece)
        if m:
            name, rest = m.group(1), piece.strip().split()[1].lower()
            columns.append((name, rest))
    return columns


def polars_schema(table: str) -> dict[str, pl.DataType]:
    """Column name → polars type of a raw table, in table order."""
    return {name: _POLARS_TYPES[kind] for name, kind in table_columns(table)}


def frame_for(table: str, rows: list[dict]) -> pl.DataFrame:
    cols = table_columns(table)
    schema = polars_schema(table)
    return pl.DataFrame([{name: row.get(name) for name, _ in cols} for row in rows], schema=schema, orient="row")


def replace_rows(con, table: str, rows: list[dict], scope_sql: str | None = None) -> int:
    """Replace the rows of `raw.<table>` (all of them, or those matching `scope_sql`)."""
    frame = frame_for(table, rows)
    columns = ", ".join(name for name, _ in table_columns(table))
    con.execute("begin transaction")
    try:
        con.execute(f"delete from raw.{table}" + (f" where {scope_sql}" if scope_sql else ""))
        if frame.height:
            con.register("incoming_rows", frame)
            con.execute(f"insert into raw.{table} ({columns}) select {columns} from incoming_rows")
            con.unregister("incoming_rows")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return frame.height


def record_quarantine(con, records: Iterable[QuarantineRecord], stage: str, loaded_at: dt.datetime | None = None,
                      source_paths: list[str] | None = None) -> int:
    """Replace the quarantine rows of one stage (articles, indicators, events, extraction),
    or with `source_paths` only that stage's rows for those files."""
    loaded_at = loaded_at or dt.datetime.now()
    if source_paths is not None:
        quoted = ", ".join("'" + p.replace("'", "''") + "'" for p in source_paths) or "null"
        scope = f"stage = '{stage}' and source_path in ({quoted})"
    else:
        scope = f"stage = '{stage}'"
    rows = [
        {"source_path": r.source_path, "record_locator": r.record_locator, "reason": r.reason,
         "payload": r.payload, "loaded_at": loaded_at, "stage": stage}
        for r in records
    ]
    return replace_rows(con, "quarantine", rows, scope_sql=scope)
