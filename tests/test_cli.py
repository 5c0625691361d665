"""`unrest extract` and `unrest query` as a user types them."""

import json

from conftest import FOUNDING, run_unrest


def test_extract_prints_reports_and_claims_without_a_warehouse(tmp_path):
    done = run_unrest("extract", str(FOUNDING), "--format", "json", check=True)
    out = json.loads(done.stdout)
    assert {r["event_type"] for r in out["reports"]} >= {"PROTEST", "SANCTION", "ACCUSE"}
    assert any(c["value_text"] == "thousands" and c["stance"] == "admits" for c in out["claims"])
    table = run_unrest("extract", str(FOUNDING), "--format", "table", env={"COLUMNS": "250"}, check=True).stdout
    assert "withdraw_agreement" in table and "Ali Khamenei" in table


def test_extract_resolves_dates_with_published_and_rejects_bad_usage(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Police arrested 40 protesters in Tehran on Friday.\n")
    out = json.loads(run_unrest("extract", str(article), "--published", "2026-01-10", check=True).stdout)
    assert out["reports"][0]["event_date"] == "2026-01-09"
    assert run_unrest("extract", str(tmp_path / "missing.md")).returncode == 2
    assert run_unrest("extract", str(article), "--published", "last week").returncode == 2
    broken = tmp_path / "b.md"
    broken.write_bytes(b"\x00\x01")
    bad = run_unrest("extract", str(broken))
    assert bad.returncode == 1 and "binary" in bad.stderr


def test_query_tables_fit_the_terminal(built_warehouse):
    done = run_unrest("query", "select claimant, evidence_text from marts.fct_claims where source_dataset = 'article'",
                      "--warehouse", str(built_warehouse["warehouse"]), env={"COLUMNS": "72"}, check=True)
    lines = done.stdout.splitlines()
    assert len(lines) >= 4 and all(len(line) <= 72 for line in lines)
    assert "…" in done.stdout  # long evidence cut, not wrapped
    missing = run_unrest("query", "select 1", "--warehouse", str(built_warehouse["root"] / "nope.duckdb"))
    assert missing.returncode == 1 and "run `unrest build` first" in missing.stderr
