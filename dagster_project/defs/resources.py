"""Resources: one DuckDB working copy, the dbt CLI, and the settings they come from."""

from __future__ import annotations

from contextlib import contextmanager
from importlib.metadata import version as installed_version
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource
from packaging.version import Version

from dagster_project.config import DBT_PROJECT_DIR, Settings, dbt_executable, duckdb_memory_limit, load_settings
from dagster_project.warehouse.publisher import writer_lock


class WarehouseSettings(dg.ConfigurableResource):
    """Where raw inputs are read from and where the published warehouse goes."""

    raw_dir: str
    warehouse: str

    def settings(self) -> Settings:
        return Settings(raw_dir=Path(self.raw_dir), warehouse=Path(self.warehouse))


class WorkingCopyDuckDB(DuckDBResource):
    """The working copy, with its writer lock held for as long as a run (or, under a
    multiprocess executor, a step) uses it: one writing process at a time, whatever the
    Dagster instance's storage (`warehouse.publisher.writer_lock`)."""

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext):
        on_wait = context.log.info if context.log else None
        with writer_lock(Path(self.database), on_wait=on_wait), super().yield_for_execution(context) as resource:
            yield resource


class UnrestDbtCliResource(DbtCliResource):
    """The dbt CLI without two start-up costs this project never uses (~3-4 s a build).

    `DbtCliResource` asks a `dbt --version` subprocess for the version and, before every
    command, loads the dbt project and its macros in-process to hold an adapter that only
    fetches row counts and column metadata (`fetch_row_counts`, `fetch_column_metadata`),
    which the assets here do not ask for. The version is the installed dbt-core's; no
    adapter is made (dagster-dbt supports running without one, as for dbt Fusion).
    `tests/test_definitions.py` fails if dagster-dbt stops calling these two hooks.
    """

    @property
    def _cli_version(self) -> Version:
        return Version(installed_version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


def build_resources(settings: Settings | None = None) -> dict:
    """The resource dict shared by `dagster dev` and `unrest build`."""
    settings = settings or load_settings()
    settings.working_copy.parent.mkdir(parents=True, exist_ok=True)  # DuckDB creates the file, not its folder
    return {
        "duckdb": WorkingCopyDuckDB(database=str(settings.working_copy), connection_config={"memory_limit": duckdb_memory_limit()}),
        "dbt": UnrestDbtCliResource(
            project_dir=str(DBT_PROJECT_DIR),
            profiles_dir=str(DBT_PROJECT_DIR),
            dbt_executable=dbt_executable(),
        ),
        "warehouse": WarehouseSettings(raw_dir=str(settings.raw_dir), warehouse=str(settings.warehouse)),
    }
