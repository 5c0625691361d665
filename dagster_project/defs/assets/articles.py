"""Articles under raw/articles → raw.articles (unreadable files → raw.quarantine)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.assets.loading import load_raw
from dagster_project.defs.resources import WarehouseSettings
from dagster_project.readers.articles import read_articles


@dg.asset(
    key=["raw", "articles"],
    group_name="raw",
    description="News articles read from the raw directory (.md/.txt with front matter, .jsonl), one row per distinct article.",
)
def raw_articles(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    settings = warehouse.settings()
    result = read_articles(settings.raw_dir / "articles", root=settings.raw_dir)
    load_raw(context, duckdb, result, {"articles": result.rows}, stage="articles")
    return dg.MaterializeResult(metadata={"articles": len(result.rows), "quarantined": len(result.quarantine), "duplicates": result.duplicates})
