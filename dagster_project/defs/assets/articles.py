"""Article files under raw/articles → raw.articles, one partition per file (unreadable
records → raw.quarantine). Unchanged files are skipped without being parsed."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.partitions import ARTICLE_FILES, DUCKDB_POOL, SINGLE_RUN
from dagster_project.defs.resources import WarehouseSettings
from dagster_project.warehouse.article_store import load_article_files


@dg.asset(
    key=["raw", "articles"],
    group_name="raw",
    partitions_def=ARTICLE_FILES,
    backfill_policy=SINGLE_RUN,
    pool=DUCKDB_POOL,
    description="News articles read from the raw directory (.md/.txt with front matter, .jsonl), one row per distinct "
                "article; partitioned by input file.",
)
def raw_articles(context: dg.AssetExecutionContext, duckdb: DuckDBResource, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    settings = warehouse.settings()
    with duckdb.get_connection() as con:
        stats = load_article_files(con, settings.raw_dir, list(context.partition_keys))
    for q in stats.quarantined:
        context.log.warning(f"quarantined {q.source_path} ({q.record_locator or 'file'}): {q.reason}")
    context.log.info(
        f"articles: {len(stats.files_loaded)} files loaded ({stats.articles} articles, {stats.duplicates} duplicates, "
        f"{len(stats.quarantined)} quarantined), {len(stats.files_unchanged)} unchanged, {len(stats.files_removed)} removed"
    )
    return dg.MaterializeResult(metadata={
        "files_loaded": len(stats.files_loaded), "files_unchanged": len(stats.files_unchanged),
        "files_removed": len(stats.files_removed), "articles": stats.articles, "duplicates": stats.duplicates,
        "quarantined": len(stats.quarantined),
    })
