"""Opt-in refresh of the contract's indicators from the World Bank API (UNREST_ONLINE=1)."""

import dagster as dg

from dagster_project.config import load_settings
from dagster_project.defs.resources import WarehouseSettings
from dagster_project.readers.worldbank_api import download_to_raw


@dg.asset(
    key=["raw", "world_bank_api_download"],
    group_name="raw",
    description="Downloads the contract's World Bank series into raw/indicators/world_bank_api/ when UNREST_ONLINE=1; does nothing otherwise.",
)
def world_bank_api_download(context: dg.AssetExecutionContext, warehouse: WarehouseSettings) -> dg.MaterializeResult:
    settings = load_settings()
    if not settings.online:
        context.log.info("online refresh skipped: UNREST_ONLINE is not 1 (nothing needs the internet by default)")
        return dg.MaterializeResult(metadata={"downloaded_files": 0, "online": False})
    files = download_to_raw(warehouse.settings().raw_dir, list(settings.wb_countries))
    context.log.info(f"downloaded {len(files)} World Bank API pages for {', '.join(settings.wb_countries)}")
    return dg.MaterializeResult(metadata={"downloaded_files": len(files), "online": True})
