"""A daily rebuild, for raw directories fed by a download job."""

import dagster as dg

from dagster_project.config import load_settings
from dagster_project.defs.jobs import build_warehouse_job
from dagster_project.defs.partitions import all_files_tags, sync_article_partitions


@dg.schedule(job=build_warehouse_job, cron_schedule="0 5 * * *", default_status=dg.DefaultScheduleStatus.STOPPED)
def daily_build(context: dg.ScheduleEvaluationContext):
    sync_article_partitions(context.instance, load_settings().raw_dir)
    return dg.RunRequest(tags=all_files_tags(context.instance))
