"""Run the `load_article_files` job over a range of article-file partitions, as a backfill
launched from the Dagster UI would, against the instance in DAGSTER_HOME.

    python tests/partition_run.py sync            # register the article files as partitions
    python tests/partition_run.py FIRST_KEY LAST_KEY

Used by tests/test_partitions.py to start several runs at once in separate processes.
"""

import sys
import warnings

warnings.filterwarnings("ignore")

import dagster as dg  # noqa: E402


def load_article_files_job():
    from dagster_project.definitions import defs

    return defs.resolve_job_def("load_article_files")


def main() -> int:
    from dagster_project.config import load_settings
    from dagster_project.defs.partitions import RANGE_END_TAG, RANGE_START_TAG, sync_article_partitions

    instance = dg.DagsterInstance.get()
    if sys.argv[1] == "sync":
        print(sync_article_partitions(instance, load_settings().raw_dir))
        return 0
    result = dg.execute_job(
        dg.reconstructable(load_article_files_job), instance=instance,
        tags={RANGE_START_TAG: sys.argv[1], RANGE_END_TAG: sys.argv[2]}, raise_on_error=False,
    )
    print(f"run {result.run_id} success={result.success}")
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main())
