"""Publishing: the last asset. Runs only when every dbt model and test upstream passed."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.assets.dbt import unrest_dbt_models
from dagster_project.defs.partitions import DUCKDB_POOL
from dagster_project.defs.resources import WarehouseSettings
from dagster_project.warehouse.publisher import publish

PUBLISHED_KEY = dg.AssetKey(["published_warehouse"])


@dg.asset(
    key=PUBLISHED_KEY,
    group_name="publish",
    pool=DUCKDB_POOL,
    deps=[k for k in unrest_dbt_models.keys if k.path[0] == "marts"],
    description="The warehouse file analysts open, atomically replaced by the checked working copy.",
)
def published_warehouse(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    from pathlib import Path

    target = publish(Path(duckdb.database), warehouse.settings().warehouse)
    context.log.info(f"published {target}")
    return dg.MaterializeResult(metadata={"path": str(target), "bytes": target.stat().st_size})
