"""Every query of the README's SQL cookbook gives, on the embedded data, the output printed there."""

import re

import pytest

from conftest import REPO, run_unrest

SECTION = re.compile(r"^### (?P<question>.+?)\n\n```sql\n(?P<sql>.+?)\n```\n\n```text\n(?P<output>.*?)\n```", re.S | re.M)
COOKBOOK = REPO.joinpath("README.md").read_text(encoding="utf-8").split("## SQL cookbook", 1)[1]
ENTRIES = list(SECTION.finditer(COOKBOOK))


def test_the_cookbook_has_at_least_six_questions():
    assert len(ENTRIES) >= 6


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda m: m.group("question")[:40])
def test_cookbook_output_matches_the_warehouse(entry, embedded_warehouse):
    done = run_unrest("query", entry.group("sql"), "--warehouse", str(embedded_warehouse), "--format", "csv", check=True)
    assert done.stdout.rstrip("\n") == entry.group("output")
