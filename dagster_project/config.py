"""The one place where paths and environment variables are read.

Everything else (CLI, Dagster definitions, dbt profile, tests) asks this module, so a
path is never computed twice in two different ways.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Overridable so that a team can point the pipeline at an extended copy of the dbt project.
DBT_PROJECT_DIR = Path(os.environ.get("UNREST_DBT_PROJECT_DIR") or PROJECT_ROOT / "dbt").resolve()
SEEDS_DIR = PROJECT_ROOT / "seeds"
VOCAB_DIR = SEEDS_DIR / "vocab"

EXTRACTOR_VERSION = "0.1.0"

ENV_WAREHOUSE = "UNREST_WAREHOUSE"
ENV_RAW_DIR = "UNREST_RAW_DIR"
ENV_ONLINE = "UNREST_ONLINE"
ENV_WB_COUNTRIES = "UNREST_WB_COUNTRIES"
ENV_EXTRACT_WORKERS = "UNREST_EXTRACT_WORKERS"
ENV_DBT_SUBPROCESS = "UNREST_DBT_SUBPROCESS"  # "1": dbt as a subprocess, as dagster-dbt runs it (default: in-process)
# Read by the build's DuckDB connections and by dbt/profiles.yml (same default in both).
ENV_CACHE_DIR = "UNREST_CACHE_DIR"  # derived data kept between runs (the gazetteer index); "off" disables it
ENV_DUCKDB_MEMORY_LIMIT = "UNREST_DUCKDB_MEMORY_LIMIT"
DEFAULT_DUCKDB_MEMORY_LIMIT = "1GB"


def duckdb_memory_limit() -> str:
    """DuckDB's memory limit for builds: past it, joins and sorts spill to disk instead of
    growing with the corpus (DuckDB's own default is 80% of the machine's memory)."""
    return os.environ.get(ENV_DUCKDB_MEMORY_LIMIT) or DEFAULT_DUCKDB_MEMORY_LIMIT


def cache_dir() -> Path | None:
    """Where derived, rebuildable data is cached (`UNREST_CACHE_DIR`, default ~/.cache/unrest)."""
    value = os.environ.get(ENV_CACHE_DIR)
    if value == "off":
        return None
    return Path(value).expanduser() if value else Path.home() / ".cache" / "unrest"


def extract_workers() -> int:
    """Processes for extraction of large batches (default: the machine's cores)."""
    value = os.environ.get(ENV_EXTRACT_WORKERS)
    return max(1, int(value)) if value else (os.cpu_count() or 1)
# Countries the opt-in World Bank refresh asks for: those the embedded seeds cover.
DEFAULT_WB_COUNTRIES = ("EGY", "IRN", "LBN", "LKA", "TUR", "VEN")


def dbt_in_process() -> bool:
    """Whether dbt commands run in the build's own process (`defs/dbt_in_process.py`)."""
    return os.environ.get(ENV_DBT_SUBPROCESS) != "1"


def dbt_executable() -> str:
    """The `dbt` next to the running interpreter, so `.venv/bin/unrest` works unactivated."""
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


@dataclass(frozen=True)
class Settings:
    """Resolved locations for one build.

    `warehouse` is the published file analysts open. Builds write to `working_copy`
    and publish it atomically once dbt and its tests have passed.
    """

    raw_dir: Path
    warehouse: Path
    online: bool = False
    wb_countries: tuple[str, ...] = DEFAULT_WB_COUNTRIES

    @property
    def working_copy(self) -> Path:
        return self.warehouse.parent / ".build" / self.warehouse.name

    def with_overrides(self, raw_dir: str | Path | None = None, warehouse: str | Path | None = None) -> "Settings":
        return replace(
            self,
            raw_dir=_absolute(raw_dir) if raw_dir else self.raw_dir,
            warehouse=_absolute(warehouse) if warehouse else self.warehouse,
        )


def _absolute(path: str | Path) -> Path:
    p = Path(path).expanduser()
    return p if p.is_absolute() else (Path.cwd() / p).resolve()


def load_settings() -> Settings:
    """Settings from the environment; relative paths are taken from the current directory,
    falling back to the project root for the defaults so `dagster dev` finds them too."""
    raw = os.environ.get(ENV_RAW_DIR)
    wh = os.environ.get(ENV_WAREHOUSE)
    return Settings(
        raw_dir=_absolute(raw) if raw else PROJECT_ROOT / "raw",
        warehouse=_absolute(wh) if wh else PROJECT_ROOT / "warehouse" / "unrest.duckdb",
        online=os.environ.get(ENV_ONLINE, "") == "1",
        wb_countries=tuple(c.strip().upper() for c in os.environ[ENV_WB_COUNTRIES].split(",") if c.strip())
        if os.environ.get(ENV_WB_COUNTRIES) else DEFAULT_WB_COUNTRIES,
    )
