"""Articles under raw/articles → raw.articles (unreadable files → raw.quarantine)."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.resources import WarehouseSettings
from dagster_project.readers.articles import read_articles
from dagster_project.warehouse.loader import record_quarantine, replace_rows
from dagster_project.warehouse.schema import ensure_raw_schema


@dg.asset(
    key=["raw", "articles"],
    group_name="raw",
    description="News articles read from the raw directory (.md/.txt with front matter, .jsonl), one row per distinct article.",
)
def raw_articles(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    settings = warehouse.settings()
    result = read_articles(settings.raw_dir / "articles", root=settings.raw_dir)
    with duckdb.get_connection() as con:
        ensure_raw_schema(con)
        replace_rows(con, "articles", result.rows)
        record_quarantine(con, result.quarantine, stage="articles")
    for q in result.quarantine:
        context.log.warning(f"quarantined {q.source_path} ({q.record_locator or 'file'}): {q.reason}")
    context.log.info(f"articles: {len(result.rows)} loaded, {len(result.quarantine)} quarantined")
    return dg.MaterializeResult(
        metadata={"articles": len(result.rows), "quarantined": len(result.quarantine)}
    )
