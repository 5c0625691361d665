"""The raw and mart layers as hive-partitioned Parquet, for engines beyond one machine.

Spark, Trino and DuckDB read the result unchanged: `<out>/<schema>/<table>/country_iso3=IRN/
data_0.parquet` for tables with a country column, one file per table otherwise.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

LAYERS = ("raw", "marts")
PARTITION_COLUMNS = ("country_iso3", "target_iso3")


def export_parquet(warehouse: Path, out_dir: Path) -> dict[str, int]:
    """Write every table of the raw and marts schemas; returns rows written per table."""
    con = duckdb.connect(str(warehouse), read_only=True)
    written: dict[str, int] = {}
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_schema in {LAYERS} and table_type = 'BASE TABLE' order by 1, 2"
        ).fetchall()
        for schema, table in tables:
            columns = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ?", [schema, table]
            ).fetchall()]
            target = out_dir / schema / table
            if target.exists():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            partition = next((c for c in PARTITION_COLUMNS if c in columns), None)
            if partition:
                # Null keys would become a "__HIVE_DEFAULT_PARTITION__" folder; spell them out.
                select = ", ".join(f"coalesce({c}, 'unknown') as {c}" if c == partition else f'"{c}"' for c in columns)
                con.execute(f"copy (select {select} from {schema}.{table}) to '{target}' (format parquet, partition_by ({partition}))")
            else:
                target.mkdir()
                con.execute(f"copy {schema}.{table} to '{target / 'data_0.parquet'}' (format parquet)")
            written[f"{schema}.{table}"] = con.execute(f"select count(*) from {schema}.{table}").fetchone()[0]
    finally:
        con.close()
    return written
