"""Indicator files under raw/indicators → raw.indicator_observations (format found by content)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.assets.loading import load_raw
from dagster_project.defs.partitions import DUCKDB_POOL
from dagster_project.defs.resources import WarehouseSettings
from dagster_project.readers.discover import read_indicators


@dg.asset(
    key=["raw", "indicator_observations"],
    group_name="raw",
    deps=[["raw", "world_bank_api_download"]],
    pool=DUCKDB_POOL,
    description="Economic indicator observations from user files (World Bank, FRED, long CSV); the embedded seeds join them in dbt.",
)
def raw_indicator_observations(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    settings = warehouse.settings()
    result = read_indicators(settings.raw_dir / "indicators", root=settings.raw_dir)
    load_raw(context, duckdb, result, {"indicator_observations": result.rows}, stage="indicators")
    return dg.MaterializeResult(metadata={"observations": len(result.rows), "quarantined": len(result.quarantine)})
