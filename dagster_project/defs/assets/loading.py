"""What every raw-loading asset does with a reader's result: replace its rows, record its
quarantine, log what was rejected."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.readers.base import ReadResult
from dagster_project.warehouse.loader import record_quarantine, replace_rows
from dagster_project.warehouse.schema import ensure_raw_schema


def load_raw(context: dg.AssetExecutionContext, duckdb: DuckDBResource, result: ReadResult, tables: dict[str, list[dict]], stage: str) -> None:
    with duckdb.get_connection() as con:
        ensure_raw_schema(con)
        for table, rows in tables.items():
            replace_rows(con, table, rows)
        record_quarantine(con, result.quarantine, stage=stage)
    for q in result.quarantine:
        context.log.warning(f"quarantined {q.source_path} ({q.record_locator or 'file'}): {q.reason}")
    counts = ", ".join(f"{len(rows)} {table}" for table, rows in tables.items())
    context.log.info(f"{stage}: {counts}; {len(result.quarantine)} quarantined, {result.duplicates} duplicates, {result.skipped} out of scope")
