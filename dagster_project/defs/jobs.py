"""The one job: everything, ending with publication."""

import dagster as dg

build_warehouse_job = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Read raw/, extract, run dbt with its tests, and publish the checked warehouse.",
)
