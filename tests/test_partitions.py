"""Article files are partitions; runs over different partitions at the same time queue on
the `duckdb_writer` pool (limit 1) and the working copy's writer lock instead of failing on
DuckDB's single-writer lock."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb

REPO = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).resolve().parent / "partition_run.py"


def write_feeds(raw: Path, files: int, per_file: int) -> int:
    sentences = [p.read_text(encoding="utf-8").split("---", 2)[-1].strip() for p in sorted((REPO / "tests" / "eval" / "corpus").glob("*.md"))]
    (raw / "articles").mkdir(parents=True)
    n = 0
    for f in range(files):
        with open(raw / "articles" / f"feed-{f}.jsonl", "w", encoding="utf-8") as handle:
            for i in range(per_file):
                text = f"Dispatch {f}-{i}. " + sentences[(f * per_file + i) % len(sentences)]
                handle.write(json.dumps({"id": f"f{f}-{i}", "published": "2026-01-15", "text": text}) + "\n")
                n += 1
    return n


def test_concurrent_partition_runs_queue_on_the_duckdb_pool(tmp_path):
    raw = tmp_path / "raw"
    total = write_feeds(raw, files=4, per_file=60)
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    warehouse = tmp_path / "wh" / "unrest.duckdb"
    env = {**os.environ, "DAGSTER_HOME": str(home), "UNREST_RAW_DIR": str(raw), "UNREST_WAREHOUSE": str(warehouse),
           "UNREST_EXTRACT_WORKERS": "1", "PYTHONWARNINGS": "ignore"}
    subprocess.run([sys.executable, str(RUNNER), "sync"], env=env, cwd=REPO, check=True, capture_output=True, timeout=300)

    ranges = [("articles/feed-0.jsonl", "articles/feed-1.jsonl"), ("articles/feed-2.jsonl", "articles/feed-3.jsonl")]
    procs = [subprocess.Popen([sys.executable, str(RUNNER), a, b], env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for a, b in ranges]
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    for p, out in zip(procs, outputs):
        assert p.returncode == 0, out[-3000:]
        assert "Could not set lock" not in out

    con = duckdb.connect(str(warehouse.parent / ".build" / warehouse.name), read_only=True)
    assert con.execute("select count(*) from raw.articles").fetchone()[0] == total
    assert con.execute("select count(distinct source_path) from raw.article_files").fetchone()[0] == 4
    assert con.execute("select count(*) from raw.article_extraction_state").fetchone()[0] == total
    con.close()

    # The two runs were concurrent, yet their writing steps never overlapped.
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        instance = dg.DagsterInstance.get()
        runs = instance.get_runs()
        assert len(runs) == 2 and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
        stats = [instance.get_run_stats(r.run_id) for r in runs]
        assert stats[0].start_time < stats[1].end_time and stats[1].start_time < stats[0].end_time, "runs did not overlap"
        steps = sorted((s.start_time, s.end_time) for r in runs for s in instance.get_run_step_stats(r.run_id))
        assert len(steps) >= 4
        for (_, end), (next_start, _) in zip(steps, steps[1:]):
            assert end <= next_start, f"two writing steps ran at once: {steps}"
        assert instance.get_dynamic_partitions("article_files") == [f"articles/feed-{i}.jsonl" for i in range(4)]
    finally:
        del os.environ["DAGSTER_HOME"]


def test_a_blocking_check_stops_publication_of_unextracted_articles(tmp_path):
    """A run that loads a new article file but skips its extraction (a partial
    materialisation) must not publish marts that silently lack that file's facts."""
    from dagster_project.config import Settings
    from dagster_project.definitions import ALL_ASSETS, ALL_CHECKS
    from dagster_project.defs.partitions import sync_article_partitions
    from dagster_project.defs.resources import build_resources
    from dagster_project.warehouse.publisher import prepare_working_copy

    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    shutil.copy(REPO / "raw" / "articles" / "founding-article.txt", raw / "articles" / "founding-article.txt")
    settings = Settings(raw_dir=raw, warehouse=tmp_path / "wh" / "unrest.duckdb")
    env_free = {"run_config": {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}}
    instance = dg.DagsterInstance.ephemeral()
    keys = sync_article_partitions(instance, raw)
    prepare_working_copy(settings.working_copy, settings.warehouse)
    first = dg.materialize([*ALL_ASSETS, *ALL_CHECKS], instance=instance, resources=build_resources(settings),
                           tags={"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]},
                           raise_on_error=False, **env_free)
    assert first.success
    published = settings.warehouse.read_bytes()

    (raw / "articles" / "new.md").write_text("---\nid: new\npublished: 2026-02-01\n---\nPolice arrested 300 protesters in Tabriz on Friday.\n")
    sync_article_partitions(instance, raw)
    without_extraction = (dg.AssetSelection.all() - dg.AssetSelection.assets(["raw", "article_event_reports"], ["raw", "article_claims"],
                                                                             ["raw", "article_indicator_mentions"]))
    prepare_working_copy(settings.working_copy, settings.warehouse)
    second = dg.materialize([*ALL_ASSETS, *ALL_CHECKS], instance=instance, resources=build_resources(settings),
                            selection=without_extraction, partition_key="articles/new.md", raise_on_error=False, **env_free)
    assert not second.success
    [check] = [e for e in second.get_asset_check_evaluations() if e.check_name == "articles_all_extracted"]
    assert not check.passed and check.metadata["articles_not_extracted"].value == 1
    assert "articles/new.md (1)" in check.metadata["files"].value
    assert not any(e.asset_key == dg.AssetKey(["published_warehouse"]) for e in second.get_asset_materialization_events())
    assert settings.warehouse.read_bytes() == published
