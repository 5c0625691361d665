"""End-to-end build time and memory as the corpus grows, and an incremental update.

    .venv/bin/python bench/build_bench.py --articles 1000 10000

For each size: writes that many generated articles (bench/corpus.py) as JSONL under a
temporary raw directory, runs `unrest build` (time, peak RSS of the build process), then
adds 100 new articles and builds again (the incremental update: only new articles are
extracted). Prints one table row per size for bench/RESULTS.md, with dbt's own time for the
update (`elapsed_time` in run_results.json: models and tests, without dbt's start-up).
`--keep DIR` keeps each size's raw directory and warehouse under DIR (for repeated updates).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

UNREST = str(Path(sys.executable).parent / "unrest")


def write_articles(path: Path, start: int, count: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for article_id, text, published in generate(start + count):
            if int(article_id.split("-")[1]) < start:
                continue
            handle.write(json.dumps({"id": article_id, "published": published.isoformat(), "text": text}) + "\n")


def timed_build(raw: Path, warehouse: Path) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([UNREST, "build", "--raw-dir", str(raw), "--warehouse", str(warehouse), "--log-level", "WARNING"],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return elapsed, peak


def dbt_elapsed(warehouse: Path) -> float:
    """dbt's own time for the last build (models and tests), from its run_results.json."""
    run_results = warehouse.parent / ".build" / "dbt_target" / "run_results.json"
    return json.loads(run_results.read_text())["elapsed_time"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", type=Path, help="keep each size's raw directory and warehouse under this folder")
    args = parser.parse_args()
    print("| articles | full build (s) | peak RSS (MB) | +100 articles (s) | of which dbt models and tests (s) |")
    print("|---|---|---|---|---|")
    for n in args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "raw"
            (raw / "articles").mkdir(parents=True)
            write_articles(raw / "articles" / "corpus.jsonl", 0, n)
            warehouse = Path(tmp) / "wh" / "unrest.duckdb"
            full, peak = timed_build(raw, warehouse)
            write_articles(raw / "articles" / "more.jsonl", n, 100)
            incremental, peak2 = timed_build(raw, warehouse)
            print(f"| {n:,} | {full:.1f} | {max(peak, peak2):.0f} | {incremental:.1f} | {dbt_elapsed(warehouse):.1f} |", flush=True)
            if args.keep:
                shutil.copytree(tmp, args.keep / f"articles-{n}", dirs_exist_ok=True)


if __name__ == "__main__":
    main()
