"""Any text returns a result (possibly empty) or a clear ValueError, never a crash."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dagster_project.extraction import extract_article
from dagster_project.extraction.engine import MAX_TEXT_CHARS

NEWSY = st.lists(
    st.sampled_from([
        "Police arrested 40 protesters in Tehran on Friday.", "At least 12 people were killed, Amnesty said.",
        "The U.S. imposed sanctions on Iran.", "Inflation soared.", "thousands", "including 3 children", "much higher",
        "<p>html</p>", "\x00\x01", "Demonstrators marched.", "  ", "\n\n", "ß∂ƒ©", "2019", "between 5 and",
    ]),
    max_size=12,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=400), NEWSY), published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))))
def test_any_text_gives_a_result_with_valid_offsets(text, published):
    result = extract_article(text, article_id="x", published=published)
    for item in [*result.reports, *result.claims, *result.mentions]:
        assert text[item.evidence_start:item.evidence_end] == item.evidence_text
    for r in result.reports:
        if published is None and r.date_precision != "unknown":
            assert r.event_date is not None  # only absolute dates resolve without a publication date


def test_empty_html_and_other_languages():
    assert extract_article("", article_id="e").reports == []
    extract_article("<html><body><div>Protesters marched in Cairo.</div></body></html>", article_id="h")
    assert extract_article("Des milliers de manifestants ont défilé à Paris.", article_id="fr").claims == []


def test_long_text_is_handled_and_too_long_is_a_clear_error():
    chunk = "Police arrested 40 protesters in Tehran on Friday. "
    big = chunk * (2_000_000 // len(chunk))
    assert len(extract_article(big, article_id="big").reports) >= 1
    with pytest.raises(ValueError, match="more than one article"):
        extract_article("x" * (MAX_TEXT_CHARS + 1), article_id="huge")
    with pytest.raises(ValueError, match="must be str"):
        extract_article(b"bytes", article_id="b")


def _ids_unique(result):
    for items, field in ((result.reports, "report_id"), (result.claims, "claim_id"), (result.mentions, "mention_id")):
        ids = [getattr(x, field) for x in items]
        assert len(ids) == len(set(ids)), field


def test_ids_are_unique_within_long_mixed_articles():
    """Regression: two events of one kind in one sentence once shared a report_id, which
    broke the primary key of raw.article_event_reports for a whole batch."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from corpus import generate

    for article_id, text, published in generate(150):
        _ids_unique(extract_article(text, article_id=article_id, published=published))
