"""Partitions: one per article file under raw/articles.

Why files and not publication months: a file is the unit that arrives, changes and is
re-read (a wire feed's daily JSONL, a folder of Markdown), so a new or changed file maps to
exactly one partition to run, and an unchanged file is never parsed again. Months would
make every new file touch whichever months its articles fall in, and need every file read
to find out which. The key is the file's path relative to the raw directory, which is also
`raw.articles.source_path`.

Every asset that writes the DuckDB working copy runs in the `duckdb_writer` pool. DuckDB
allows one writing process, so the instance limits the pool to one step at a time
(`dagster_home/dagster.yaml`); a backfill of many partitions then queues instead of
failing with a lock error. The pool's slot claims can race on Dagster's default SQLite
storage, so the `duckdb` resource also holds a file lock for as long as a run writes
(`warehouse.publisher.writer_lock`): that lock is the guarantee, the pool the queue shown
in the UI.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from dagster_project.warehouse.article_store import article_file_keys

ARTICLE_FILES = dg.DynamicPartitionsDefinition(name="article_files")
DUCKDB_POOL = "duckdb_writer"
# A backfill of many files runs as one run that loops over its partitions: one process,
# one DuckDB connection, no per-partition start-up cost.
SINGLE_RUN = dg.BackfillPolicy.single_run()

RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"


def sync_article_partitions(instance: dg.DagsterInstance, raw_dir: Path) -> list[str]:
    """Make the instance's article-file partitions match the files on disk; returns the keys."""
    keys = article_file_keys(raw_dir)
    existing = set(instance.get_dynamic_partitions(ARTICLE_FILES.name))
    new = [k for k in keys if k not in existing]
    if new:
        instance.add_dynamic_partitions(ARTICLE_FILES.name, new)
    for gone in sorted(existing - set(keys)):
        instance.delete_dynamic_partition(ARTICLE_FILES.name, gone)
    return keys


def all_files_tags(instance: dg.DagsterInstance) -> dict[str, str]:
    """Run tags that target every article-file partition (in the instance's order) in one run."""
    keys = instance.get_dynamic_partitions(ARTICLE_FILES.name)
    return {RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]} if keys else {}
