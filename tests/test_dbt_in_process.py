"""dbt in this process (the default) and as a subprocess give the same warehouse and outcome."""

from __future__ import annotations

import duckdb
from conftest import run_unrest
from test_build_e2e import _snapshot


def test_a_subprocess_dbt_build_gives_the_same_marts_as_the_in_process_one(built_warehouse, tmp_path):
    warehouse = tmp_path / "wh" / "unrest.duckdb"
    done = run_unrest("build", "--raw-dir", str(built_warehouse["raw"]), "--warehouse", str(warehouse),
                      "--log-level", "INFO", env={"UNREST_DBT_SUBPROCESS": "1"}, check=True)
    assert "Running with dbt=" in done.stderr + done.stdout  # dbt's own log lines came through either way
    marts = []
    for path in (built_warehouse["warehouse"], warehouse):
        con = duckdb.connect(str(path), read_only=True)
        marts.append(_snapshot(con))
        con.close()
    assert marts[0] == marts[1] and marts[0]["fct_claims"]


def test_in_process_dbt_streams_its_events_and_exit_code(tmp_path):
    """The stand-in for the dbt subprocess: JSON event lines, then the exit code."""
    import json
    import os

    from dagster_project.config import DBT_PROJECT_DIR
    from dagster_project.defs.dbt_in_process import InProcessDbt

    env = {**os.environ, "DBT_PROJECT_DIR": str(DBT_PROJECT_DIR), "DBT_PROFILES_DIR": str(DBT_PROJECT_DIR),
           "DBT_TARGET_PATH": str(tmp_path / "target"), "DBT_LOG_PATH": str(tmp_path / "target"),
           "UNREST_DBT_DUCKDB_PATH": str(tmp_path / "w.duckdb")}
    ok = InProcessDbt(["dbt", "parse"], env=env)
    events = [json.loads(line) for line in ok.stdout]
    assert ok.wait() == 0 and ok.stdout.closed
    assert any(e["info"]["name"] == "MainReportVersion" for e in events)
    assert (tmp_path / "target" / "manifest.json").exists()
    bad = InProcessDbt(["dbt", "build", "--select", "no_such_model", "--no-such-flag"], env=env)
    lines = list(bad.stdout)
    assert bad.wait() == 2 and any(b"no-such-flag" in line or b"No such option" in line for line in lines)
    assert os.environ.get("UNREST_DBT_DUCKDB_PATH") != str(tmp_path / "w.duckdb")  # the environment is restored
