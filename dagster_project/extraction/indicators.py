"""Indicator mentions: an economic term and a direction in the same clause ("inflation
rose"), one per indicator and direction in an article.
"""

from __future__ import annotations

import re

from dagster_project.config import EXTRACTOR_VERSION
from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.context import Sentence, _id
from dagster_project.extraction.model import IndicatorMention

_ECON_CLAUSE_BREAK = re.compile(r",|;|\s+and\s+|\s+while\s+|\s+but\s+|\s+as\s+")
_ASIDE_WORDS = r"(?:at least|however|though|too|meanwhile|in turn|for now|so far|officially|by contrast|in contrast)"
_ECON_ASIDE = re.compile(rf"\s*{_ASIDE_WORDS}\s*,", re.I)  # ", at least," opening after a comma ...
_ECON_CHANGE = re.compile(r"\s*(?:down|up) from\b", re.I)
_ECON_ASIDE_END = re.compile(rf",\s*{_ASIDE_WORDS}\s*$", re.I)  # ... and closing before one


def _mentions(text: str, s: Sentence, ctx: dict) -> list[IndicatorMention]:
    out = []
    if not lx.table("indicators.csv").any_in(text, s.start, s.end):
        return out  # no economic term in the sentence, so none in any of its clauses
    last = s.start
    spans = []
    for m in _ECON_CLAUSE_BREAK.finditer(text, s.start, s.end):
        if m.group(0) == "," and (_ECON_ASIDE.match(text, m.end(), s.end) or _ECON_CHANGE.match(text, m.end(), s.end)):
            continue  # "Inflation, at least, has eased", "rose 5.4 percent, down from 7": one clause
        if m.group(0) == "," and _ECON_ASIDE_END.search(text, last, m.start()):
            continue
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, s.end))
    direction_rows = lx.table("directions.csv").rows
    for i, (a, b) in enumerate(spans):
        indicator = next(lx.table("indicators.csv").finditer(text, a, b), None)
        if indicator is None:
            continue
        directions = list(lx.table("directions.csv").finditer(text, a, b))
        # "inflation is running above 190 percent, among the highest": a level, then its direction.
        if not directions and re.search(r"\d", text[a:b]) and i + 1 < len(spans) and next(lx.table("indicators.csv").finditer(text, *spans[i + 1]), None) is None:
            directions = list(lx.table("directions.csv").finditer(text, *spans[i + 1]))
        if not directions:
            continue
        _, row = min(directions, key=lambda d: direction_rows.index(d[1]))
        out.append(IndicatorMention(
            mention_id=_id(ctx["article_id"], "mention", indicator[1]["indicator"], row["claim_direction"], a),
            article_id=ctx["article_id"],
            indicator=indicator[1]["indicator"],
            claim_direction=row["claim_direction"],
            country_iso3=ctx["main_country"],
            evidence_text=s.text,
            evidence_start=s.start,
            evidence_end=s.end,
            extractor_version=EXTRACTOR_VERSION,
        ))
    return out
