"""The extraction core: article text → event reports, claims and indicator mentions.

Pure Python (no Dagster, no DuckDB) so that tests, benchmarks and `unrest extract` call
it directly.
"""

from __future__ import annotations

import datetime as dt

from dagster_project.extraction.engine import extract_article
from dagster_project.extraction.model import Claim, EventReport, ExtractionResult, IndicatorMention

__all__ = ["Claim", "EventReport", "ExtractionResult", "IndicatorMention", "extract_article", "result_to_json"]


def _plain(row: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}


def result_to_json(result: ExtractionResult) -> dict:
    """A JSON-ready dict of one article's extraction (dates as ISO strings)."""
    return {
        "article_id": result.article_id,
        "reports": [_plain(r.as_row()) for r in result.reports],
        "claims": [_plain(c.as_row()) for c in result.claims],
        "mentions": [_plain(m.as_row()) for m in result.mentions],
    }
