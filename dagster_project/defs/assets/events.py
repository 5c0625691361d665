"""Event datasets under raw/events (ACLED, GDELT) → raw.dataset_event_reports and raw.dataset_claims."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.resources import WarehouseSettings
from dagster_project.readers.discover import read_events
from dagster_project.warehouse.loader import record_quarantine, replace_rows
from dagster_project.warehouse.schema import ensure_raw_schema

TABLES = ("dataset_event_reports", "dataset_claims")


@dg.multi_asset(
    specs=[dg.AssetSpec(["raw", t], group_name="raw", description=f"Event dataset rows: {t.replace('_', ' ')} (ACLED, GDELT).") for t in TABLES],
)
def raw_dataset_events(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings):
    settings = warehouse.settings()
    result = read_events(settings.raw_dir / "events", root=settings.raw_dir)
    by_table = {t: [r for r in result.rows if r.get("_table") == t] for t in TABLES}
    with duckdb.get_connection() as con:
        ensure_raw_schema(con)
        for table, rows in by_table.items():
            replace_rows(con, table, rows)
        record_quarantine(con, result.quarantine, stage="events")
    for q in result.quarantine:
        context.log.warning(f"quarantined {q.source_path} ({q.record_locator or 'file'}): {q.reason}")
    context.log.info(
        f"event datasets: {len(by_table['dataset_event_reports'])} reports, {len(by_table['dataset_claims'])} claims, "
        f"{result.skipped} out-of-scope rows skipped, {len(result.quarantine)} quarantined"
    )
    for table in TABLES:
        yield dg.MaterializeResult(asset_key=["raw", table], metadata={"rows": len(by_table[table]), "quarantined": len(result.quarantine)})
