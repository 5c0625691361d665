"""The dbt project as Dagster assets; dbt tests become asset checks.

The manifest is prepared here with `dbt parse` whenever it is missing or older than the
project's files, so neither `dagster dev` nor `unrest build` needs a manual step. The
incremental marts are told what they have already taken in (`warehouse/dbt_builds.py`).
"""


import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from dagster_duckdb import DuckDBResource

from dagster_project.config import DBT_PROJECT_DIR, SEEDS_DIR, dbt_executable
from dagster_project.defs.dbt_in_process import in_process_dbt
from dagster_project.defs.partitions import DUCKDB_POOL
from dagster_project.warehouse.dbt_builds import (
    incremental_models, load_manifest, mark_builds_unfinished, models_built, most_articles_changed, needs_full_refresh,
    project_fingerprint, record_model_builds, skip_unchanged_seeds_and_views,
)
from dagster_project.warehouse.schema import ensure_raw_schema

DUCKDB_PATH_ENV = "UNREST_DBT_DUCKDB_PATH"  # read by dbt/profiles.yml

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _newest_source_mtime() -> float:
    newest = 0.0
    for folder in (DBT_PROJECT_DIR, SEEDS_DIR):
        for parent, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if d not in ("target", "logs")]  # dbt's output, not its sources
            for name in files:
                if Path(name).suffix in {".sql", ".yml", ".yaml", ".csv"}:
                    newest = max(newest, os.stat(os.path.join(parent, name)).st_mtime)
    return newest


@cache
def prepared_manifest() -> Path:
    """`dbt parse` if the manifest is missing or stale; returns the manifest path."""
    manifest = dbt_project.manifest_path
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_mtime():
        env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
        done = subprocess.run(
            [dbt_executable(), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR),
             "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(dbt_project.target_path)],
            cwd=DBT_PROJECT_DIR, env=env, capture_output=True, text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"dbt parse failed:\n{done.stdout}\n{done.stderr}")
    return manifest


class UnrestDbtTranslator(DagsterDbtTranslator):
    """dbt nodes keyed by schema and name (`marts/fct_claims`), matching the raw assets' keys."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])
        schema = dbt_resource_props.get("config", {}).get("schema") or dbt_resource_props.get("schema")
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "seeds"
        return dbt_resource_props.get("config", {}).get("schema") or "dbt"


@contextmanager
def _duckdb_path_for_dbt(path: str):
    previous = os.environ.get(DUCKDB_PATH_ENV)
    os.environ[DUCKDB_PATH_ENV] = path
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(DUCKDB_PATH_ENV, None)
        else:
            os.environ[DUCKDB_PATH_ENV] = previous


@dbt_assets(manifest=prepared_manifest(), dagster_dbt_translator=UnrestDbtTranslator(), pool=DUCKDB_POOL)
def unrest_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, duckdb: DuckDBResource):
    """Seeds, staging, intermediate and marts, built and tested by `dbt build` (a full
    refresh of the incremental marts when the dbt project changed since they were built;
    otherwise the seeds and views, which only a project change can change, are left as
    they are)."""
    Path(duckdb.database).parent.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(prepared_manifest())
    fingerprint = project_fingerprint(manifest, DBT_PROJECT_DIR)
    started_at = dt.datetime.now()  # every extraction already written is older
    incremental = incremental_models(manifest)
    with duckdb.get_connection() as con:
        ensure_raw_schema(con)
        full_refresh = needs_full_refresh(con, incremental, fingerprint) or most_articles_changed(con, incremental)
        skipped = skip_unchanged_seeds_and_views(con, manifest, full_refresh)
        mark_builds_unfinished(con)
    # One dbt target folder per working copy, kept between builds: dbt's partial parsing
    # (its saved parse depends on the profile, which names the working copy) then spares a
    # full parse of the project each build, and builds do not leave a folder each behind.
    target_path = Path(duckdb.database).parent / "dbt_target"
    with _duckdb_path_for_dbt(duckdb.database), in_process_dbt():
        invocation = dbt.cli(["build", "--full-refresh"] if full_refresh else ["build", *skipped], context=context, target_path=target_path)
        yield from invocation.stream()
    with duckdb.get_connection() as con:
        built = models_built(invocation.get_artifact("run_results.json"))
        record_model_builds(con, [m for m in built if m in incremental], started_at, fingerprint)
