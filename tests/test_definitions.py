"""The Dagster definitions: the asset graph as reviewed (a snapshot), jobs, schedule, sensor."""

import os
from pathlib import Path

import dagster as dg

from dagster_project.defs.sensors import raw_fingerprint

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "asset_graph.txt"


def graph_lines() -> list[str]:
    from dagster_project.definitions import defs

    graph = defs.resolve_asset_graph()
    lines = []
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        parents = sorted(p.to_user_string() for p in node.parent_keys)
        partitions = node.partitions_def
        by = f" [partitioned: {partitions.name}]" if partitions is not None else ""
        lines.append(f"{key.to_user_string()} <- {', '.join(parents)}{by}")
    return lines


def test_asset_graph_matches_the_reviewed_snapshot():
    """An accidental change to the asset graph shows here; regenerate with UNREST_UPDATE_SNAPSHOT=1."""
    lines = graph_lines()
    if os.environ.get("UNREST_UPDATE_SNAPSHOT") == "1":
        SNAPSHOT.write_text("\n".join(lines) + "\n")
    assert lines == SNAPSHOT.read_text().splitlines()


def test_jobs_schedules_sensors_and_checks_load():
    from dagster_project.definitions import defs

    assert defs.resolve_job_def("build_warehouse") is not None
    assert defs.resolve_schedule_def("daily_build").cron_schedule == "0 5 * * *"
    assert defs.resolve_sensor_def("raw_files_sensor") is not None
    check_keys = {k.name for k in defs.resolve_asset_graph().asset_check_keys}
    assert {"articles_quarantine_rate", "extraction_coverage", "indicator_freshness", "articles_all_extracted"} <= check_keys
    assert defs.resolve_job_def("load_article_files").partitions_def.name == "article_files"
    assert any(name.startswith("not_null") or name.startswith("unique") for name in check_keys)  # dbt tests as checks


def test_sensor_fingerprint_notices_new_files(tmp_path):
    (tmp_path / "articles").mkdir()
    before = raw_fingerprint(tmp_path)
    assert raw_fingerprint(tmp_path) == before
    (tmp_path / "articles" / "new.md").write_text("Protesters marched.")
    assert raw_fingerprint(tmp_path) != before


def test_sensor_requests_a_run_once_per_change(tmp_path, monkeypatch):
    from dagster_project.defs.sensors import raw_files_sensor

    monkeypatch.setenv("UNREST_RAW_DIR", str(tmp_path))
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text("x")
    (tmp_path / "articles" / "b.jsonl").write_text("")
    instance = dg.DagsterInstance.ephemeral()
    context = dg.build_sensor_context(instance=instance)
    first = raw_files_sensor(context)
    assert isinstance(first, dg.RunRequest)
    # One run over every article file: the partitions are the files, in path order.
    assert instance.get_dynamic_partitions("article_files") == ["articles/a.md", "articles/b.jsonl"]
    assert first.tags["dagster/asset_partition_range_start"] == "articles/a.md"
    assert first.tags["dagster/asset_partition_range_end"] == "articles/b.jsonl"
    assert isinstance(raw_files_sensor(dg.build_sensor_context(cursor=context.cursor, instance=instance)), dg.SkipReason)
    (tmp_path / "articles" / "b.jsonl").unlink()
    assert isinstance(raw_files_sensor(dg.build_sensor_context(cursor=context.cursor, instance=instance)), dg.RunRequest)
    assert instance.get_dynamic_partitions("article_files") == ["articles/a.md"]


def test_dagster_finds_the_definitions_with_no_flags():
    """What `dagster dev` does at start-up: load the code location named in pyproject.toml."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    done = subprocess.run([str(Path(sys.executable).parent / "dagster"), "definitions", "validate"],
                          cwd=repo, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Validation successful for code location unrest_warehouse" in done.stderr + done.stdout


def test_the_dbt_resource_skips_the_version_subprocess_and_the_adapter():
    """`UnrestDbtCliResource` overrides two dagster-dbt hooks; if dagster-dbt stops calling
    them, the overrides silently stop saving start-up time, so check they are still called."""
    import inspect
    from importlib.metadata import version

    from dagster_dbt import DbtCliResource

    from dagster_project.defs.resources import build_resources

    cli_source = inspect.getsource(DbtCliResource.cli)
    assert "self._initialize_dbt_core_adapter(" in cli_source and "self._cli_version" in cli_source
    dbt = build_resources()["dbt"]
    assert str(dbt._cli_version) == version("dbt-core")
    assert dbt._initialize_dbt_core_adapter(["build"]) is None
