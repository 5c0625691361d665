"""Dagster definitions: what `dagster dev` loads and what `unrest build` runs in-process.

DuckDB allows one writing process. Within a run, the in-process executor runs the steps
one after another against the same working copy; across runs (a backfill, the sensor and
the schedule at once), every writing step is in the `duckdb_writer` pool, which the
instance limits to one (`dagster_home/dagster.yaml`), and the `duckdb` resource holds the
working copy's writer lock while a run uses it (the guarantee: pool claims can race on
SQLite storage); `unrest build` also holds a file lock so that two builds never write the
same working copy at once.
"""

from __future__ import annotations

import dagster as dg

from dagster_project.defs.assets.articles import raw_articles
from dagster_project.defs.assets.dbt import unrest_dbt_models
from dagster_project.defs.assets.events import raw_dataset_events
from dagster_project.defs.assets.extraction import article_extractions
from dagster_project.defs.assets.indicators import raw_indicator_observations
from dagster_project.defs.assets.online import world_bank_api_download
from dagster_project.defs.assets.publish import published_warehouse
from dagster_project.defs.checks import ALL_CHECKS
from dagster_project.defs.jobs import article_files_job, build_warehouse_job
from dagster_project.defs.resources import build_resources
from dagster_project.defs.schedules import daily_build
from dagster_project.defs.sensors import raw_files_sensor

ALL_ASSETS = [
    world_bank_api_download, raw_articles, article_extractions, raw_indicator_observations, raw_dataset_events,
    unrest_dbt_models, published_warehouse,
]
PARTITIONED_KEYS = [*raw_articles.keys, *article_extractions.keys]  # one partition per article file


def build_definitions(settings=None) -> dg.Definitions:
    return dg.Definitions(
        assets=ALL_ASSETS,
        asset_checks=ALL_CHECKS,
        jobs=[build_warehouse_job, article_files_job],
        schedules=[daily_build],
        sensors=[raw_files_sensor],
        resources=build_resources(settings),
        executor=dg.in_process_executor,
    )


defs = build_definitions()
