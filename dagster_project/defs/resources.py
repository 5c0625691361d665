"""Resources: one DuckDB working copy, the dbt CLI, and the settings they come from."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource

from dagster_project.config import DBT_PROJECT_DIR, Settings, dbt_executable, duckdb_memory_limit, load_settings


class WarehouseSettings(dg.ConfigurableResource):
    """Where raw inputs are read from and where the published warehouse goes."""

    raw_dir: str
    warehouse: str

    def settings(self) -> Settings:
        from pathlib import Path

        return Settings(raw_dir=Path(self.raw_dir), warehouse=Path(self.warehouse))


def build_resources(settings: Settings | None = None) -> dict:
    """The resource dict shared by `dagster dev` and `unrest build`."""
    settings = settings or load_settings()
    settings.working_copy.parent.mkdir(parents=True, exist_ok=True)  # DuckDB creates the file, not its folder
    return {
        "duckdb": DuckDBResource(database=str(settings.working_copy), connection_config={"memory_limit": duckdb_memory_limit()}),
        "dbt": DbtCliResource(
            project_dir=str(DBT_PROJECT_DIR),
            profiles_dir=str(DBT_PROJECT_DIR),
            dbt_executable=dbt_executable(),
        ),
        "warehouse": WarehouseSettings(raw_dir=str(settings.raw_dir), warehouse=str(settings.warehouse)),
    }
