"""Indicator files under raw/indicators → raw.indicator_observations (format found by content)."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.resources import WarehouseSettings
from dagster_project.readers.discover import read_indicators
from dagster_project.warehouse.loader import record_quarantine, replace_rows
from dagster_project.warehouse.schema import ensure_raw_schema


@dg.asset(
    key=["raw", "indicator_observations"],
    group_name="raw",
    description="Economic indicator observations from user files (World Bank, FRED, long CSV); the embedded seeds join them in dbt.",
)
def raw_indicator_observations(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    settings = warehouse.settings()
    result = read_indicators(settings.raw_dir / "indicators", root=settings.raw_dir)
    with duckdb.get_connection() as con:
        ensure_raw_schema(con)
        replace_rows(con, "indicator_observations", result.rows)
        record_quarantine(con, result.quarantine, stage="indicators")
    for q in result.quarantine:
        context.log.warning(f"quarantined {q.source_path} ({q.record_locator or 'file'}): {q.reason}")
    context.log.info(f"indicators: {len(result.rows)} observations, {len(result.quarantine)} quarantined")
    return dg.MaterializeResult(metadata={"observations": len(result.rows), "quarantined": len(result.quarantine)})
