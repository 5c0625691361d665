"""Jobs: the whole build ending with publication, and the article files alone (backfills)."""

import dagster as dg

from dagster_project.warehouse.extraction_store import TABLES as EXTRACTION_TABLES

build_warehouse_job = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Read raw/, extract, run dbt with its tests, and publish the checked warehouse.",
)

article_files_job = dg.define_asset_job(
    "load_article_files",
    selection=dg.AssetSelection.assets(*(["raw", t] for t in ("articles", *EXTRACTION_TABLES))),
    description="Load and extract article files (one partition per file) into the working copy, without dbt or publishing.",
)
