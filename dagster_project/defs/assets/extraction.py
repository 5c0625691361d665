"""raw.articles → event reports, claims and indicator mentions (the extraction core), one
partition per article file, extracting only new or changed articles."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.config import extract_workers
from dagster_project.defs.partitions import ARTICLE_FILES, DUCKDB_POOL, SINGLE_RUN
from dagster_project.extraction import extract_article
from dagster_project.warehouse.extraction_store import TABLES, update_extractions
from dagster_project.warehouse.loader import record_quarantine
from dagster_project.warehouse.schema import ensure_raw_schema


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", t], group_name="extraction", deps=[["raw", "articles"]],
                     partitions_def=ARTICLE_FILES, description=f"Extraction output: {t.replace('_', ' ')}.")
        for t in TABLES
    ],
    partitions_def=ARTICLE_FILES,
    backfill_policy=SINGLE_RUN,
    pool=DUCKDB_POOL,
)
def article_extractions(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    files = list(context.partition_keys)
    with duckdb.get_connection() as con:
        ensure_raw_schema(con)
        stats = update_extractions(con, extract_article, workers=extract_workers(), source_paths=files)
        record_quarantine(con, stats.failed, stage="extraction", source_paths=files)
    context.log.info(
        f"extraction over {len(files)} files: {stats.articles} articles, {stats.extracted} extracted, {stats.unchanged} unchanged, "
        f"{stats.removed} removed, {len(stats.failed)} failed; rows now {stats.rows}"
    )
    for table in TABLES:
        yield dg.MaterializeResult(
            asset_key=["raw", table],
            metadata={"rows": stats.rows[table], "articles_extracted": stats.extracted, "articles_unchanged": stats.unchanged},
        )
