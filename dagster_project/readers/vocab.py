"""The shared vocabularies in seeds/vocab, read once."""

from __future__ import annotations

import csv
from functools import cache

from dagster_project.config import VOCAB_DIR


def _rows(name: str) -> list[dict]:
    with open(VOCAB_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def indicator_series() -> dict[str, dict]:
    """source series code → {indicator, unit, description}."""
    return {r["source_series_code"]: r for r in _rows("vocab_indicator_series.csv")}


def indicator_for(code: str) -> tuple[str, str | None]:
    """(indicator name, unit) for a series code; an unknown code is kept as its own name."""
    known = indicator_series().get(code.strip())
    return (known["indicator"], known["unit"]) if known else (code.strip(), None)


@cache
def codes(domain: str) -> frozenset[str]:
    return frozenset(r["code"] for r in _rows("vocab_codes.csv") if r["domain"] == domain)
