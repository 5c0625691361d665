"""A sensor that notices new or changed files under the raw directory and requests a build."""


import hashlib
from pathlib import Path

import dagster as dg

from dagster_project.config import load_settings
from dagster_project.defs.jobs import build_warehouse_job
from dagster_project.defs.partitions import all_files_tags, sync_article_partitions


def raw_fingerprint(raw_dir: Path) -> str:
    """A digest of every input file's path, size and modification time (cheap; no reads)."""
    digest = hashlib.sha256()
    if raw_dir.is_dir():
        for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.relative_to(raw_dir).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(job=build_warehouse_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def raw_files_sensor(context: dg.SensorEvaluationContext):
    """One run over every article-file partition when anything under raw/ changed: the run
    skips unchanged files without parsing them, so its cost follows what changed."""
    raw_dir = load_settings().raw_dir
    fingerprint = raw_fingerprint(raw_dir)
    if fingerprint == context.cursor:
        return dg.SkipReason("no new or changed files under the raw directory")
    sync_article_partitions(context.instance, raw_dir)
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint, tags=all_files_tags(context.instance))
