"""A daily rebuild, for raw directories fed by a download job."""

import dagster as dg

from dagster_project.defs.jobs import build_warehouse_job

daily_build = dg.ScheduleDefinition(
    name="daily_build",
    job=build_warehouse_job,
    cron_schedule="0 5 * * *",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)
