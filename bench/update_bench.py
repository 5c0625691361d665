"""Repeated incremental updates (+100 articles) against a kept warehouse.

    .venv/bin/python bench/build_bench.py --articles 100000 --keep DIR   # once, ~6 minutes
    .venv/bin/python bench/update_bench.py DIR/articles-100000 --snapshot SNAP --prepare
    .venv/bin/python bench/update_bench.py DIR/articles-100000 --snapshot SNAP --runs 5
    .venv/bin/python bench/update_bench.py DIR/articles-100000 --in-a-row 5

The kept folder holds `raw/` and `wh/` (the published warehouse and its working copy).
`--prepare` builds it once more with the code this script runs under (no new articles; a
full refresh of the incremental marts when the dbt project differs from the one that
built it) and saves `wh/` as SNAP. Each run then restores SNAP, adds 100 new articles
(`raw/articles/update.jsonl`, ids after every article already there) and times one
`unrest build`, printing the wall time, the CPU time of the build's processes (steadier
than the wall time on a shared machine), dbt's own time (`elapsed_time` of
run_results.json: models and tests) and the load average before the run.

Restoring copies the files, so the stamp that lets a build start from its untouched working
copy (`publisher.py`) is written again for the copies: a run measures a build that follows a
published one, as in normal use. Use a snapshot with the code that made it: dbt's saved parse
in `wh/.build/dbt_target` belongs to that dbt project folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import UNREST, dbt_elapsed, write_articles

from dagster_project.warehouse import publisher

UPDATE = "update.jsonl"


def cpu_seconds() -> float:
    """User and system time of the finished child processes (the build and its dbt, workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(raw: Path, warehouse: Path, log: Path | None = None) -> float:
    started = time.perf_counter()
    level = "DEBUG" if log else "WARNING"
    done = subprocess.run([UNREST, "build", "--raw-dir", str(raw), "--warehouse", str(warehouse / "unrest.duckdb"), "--log-level", level],
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if log:
        log.write_text(done.stderr)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return elapsed


def restore(snapshot: Path, wh: Path) -> None:
    shutil.rmtree(wh, ignore_errors=True)
    shutil.copytree(snapshot, wh)
    working, published = wh / ".build" / "unrest.duckdb", wh / "unrest.duckdb"
    # The stamp publishing writes (publisher.py's own format, also in older versions of it).
    publisher._published_stamp(working).write_text(json.dumps(publisher._stamps(working, published)))


def articles_in(raw: Path) -> int:
    return sum(sum(1 for _ in open(p, "rb")) for p in (raw / "articles").glob("*.jsonl") if p.name != UPDATE)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kept", type=Path, help="a folder kept by build_bench.py --keep (raw/ and wh/)")
    parser.add_argument("--snapshot", type=Path, help="the saved warehouse folder each run starts from (not with --in-a-row)")
    parser.add_argument("--prepare", action="store_true", help="build once with this code and save the snapshot")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--log", type=Path, help="write the last run's DEBUG log (Dagster's step events, dbt's) here")
    parser.add_argument("--in-a-row", type=int, default=0, metavar="N",
                        help="instead: N builds in a row on the kept folder itself, each adding 100 new articles to the "
                             "previous one's result, as in normal use (no snapshot restored; the folder keeps them)")
    args = parser.parse_args()
    raw, wh = args.kept / "raw", args.kept / "wh"
    if args.in_a_row:
        start = articles_in(raw)
        for i in range(args.in_a_row):
            write_articles(raw / "articles" / f"in-a-row-{start + 100 * i}.jsonl", start + 100 * i, 100)
            elapsed = build(raw, wh)
            print(f"+100 #{i + 1} at {start + 100 * i:,}: {elapsed:.1f} s (dbt models and tests {dbt_elapsed(wh / 'unrest.duckdb'):.1f} s)", flush=True)
        return
    if args.snapshot is None:
        parser.error("--snapshot is needed, except with --in-a-row")
    (raw / "articles" / UPDATE).unlink(missing_ok=True)
    if args.prepare:
        elapsed = build(raw, wh)
        shutil.rmtree(args.snapshot, ignore_errors=True)
        shutil.copytree(wh, args.snapshot)
        print(f"prepared {args.snapshot} in {elapsed:.1f} s (dbt {dbt_elapsed(wh / 'unrest.duckdb'):.1f} s)")
        return
    start = articles_in(raw)
    import dagster_project
    print(f"code: {Path(dagster_project.__file__).parent}; {start:,} articles + 100")
    print("| run | +100 articles (s) | CPU time (s) | dbt models and tests (s) | load average before |")
    print("|---|---|---|---|---|")
    for run in range(1, args.runs + 1):
        restore(args.snapshot, wh)
        write_articles(raw / "articles" / UPDATE, start, 100)
        load, cpu = os.getloadavg()[0], cpu_seconds()
        elapsed = build(raw, wh, args.log if run == args.runs else None)
        cpu = cpu_seconds() - cpu
        print(f"| {run} | {elapsed:.1f} | {cpu:.1f} | {dbt_elapsed(wh / 'unrest.duckdb'):.1f} | {load:.2f} |", flush=True)
        (raw / "articles" / UPDATE).unlink()


if __name__ == "__main__":
    main()
