"""Event datasets under raw/events (ACLED, GDELT) → raw.dataset_event_reports and raw.dataset_claims."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.assets.loading import load_raw
from dagster_project.defs.partitions import DUCKDB_POOL
from dagster_project.defs.resources import WarehouseSettings
from dagster_project.readers.discover import read_events

TABLES = ("dataset_event_reports", "dataset_claims")


@dg.multi_asset(
    specs=[dg.AssetSpec(["raw", t], group_name="raw", description=f"Event dataset rows: {t.replace('_', ' ')} (ACLED, GDELT).") for t in TABLES],
    pool=DUCKDB_POOL,
)
def raw_dataset_events(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings):
    settings = warehouse.settings()
    result = read_events(settings.raw_dir / "events", root=settings.raw_dir)
    by_table = {t: [r for r in result.rows if r.get("_table") == t] for t in TABLES}
    load_raw(context, duckdb, result, by_table, stage="events")
    for table in TABLES:
        yield dg.MaterializeResult(asset_key=["raw", table], metadata={"rows": len(by_table[table]), "quarantined": len(result.quarantine)})
