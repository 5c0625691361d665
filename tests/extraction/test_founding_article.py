"""The founding article's facts, straight from the extraction core (no warehouse)."""

from pathlib import Path

import pytest

from dagster_project.extraction import extract_article

TEXT = (Path(__file__).resolve().parents[2] / "raw" / "articles" / "founding-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def result():
    return extract_article(TEXT, article_id="founding")


def test_offsets(result):
    for item in [*result.reports, *result.claims, *result.mentions]:
        assert TEXT[item.evidence_start:item.evidence_end] == item.evidence_text


def test_death_claims(result):
    deaths = [c for c in result.claims if c.quantity == "deaths"]
    admitted = [c for c in deaths if c.stance == "admits"]
    assert len(admitted) == 1
    k = admitted[0]
    assert (k.claimant, k.claimant_type, k.value_low, k.value_high, k.qualifier) == ("Ali Khamenei", "state", 1000, 9999, "range")
    relative = {c.relation: c for c in deaths if c.qualifier == "relative"}
    assert relative["lower_than"].claimant_type == "state" and relative["lower_than"].relative_to_claim_id == k.claim_id
    assert relative["higher_than"].claimant_type == "ngo" and relative["higher_than"].relative_to_claim_id == k.claim_id


def test_events(result):
    got = {(r.event_type, r.event_mode) for r in result.reports}
    assert {("PROTEST", "demonstrate"), ("PROTEST", "strike"), ("COERCE", "arrest"), ("ASSAULT", "firearms"),
            ("ACCUSE", "blame"), ("THREATEN", "violence"), ("REJECT", "deny"),
            ("SANCTION", "impose"), ("SANCTION", "withdraw_agreement")} <= got
    assert all(r.date_precision == "unknown" and r.event_date is None for r in result.reports)
    protest = next(r for r in result.reports if r.event_mode == "demonstrate")
    assert protest.participants == "students; workers; pensioners"
    for mode in ("arrest", "firearms"):
        r = next(r for r in result.reports if r.event_mode == mode)
        assert r.stance == "alleged" and r.actor1_type == "security_forces" and "eyewitness" in r.attributed_to
    accuse = next(r for r in result.reports if r.event_type == "ACCUSE")
    assert accuse.actor1 == "Ali Khamenei" and accuse.actor2_iso3 == "USA"
    for r in result.reports:
        if r.event_type == "SANCTION":
            assert r.actor1_iso3 == "USA" and r.country_iso3 == "IRN"


def test_nothing_invented(result):
    # No SANCTION other than the two measures the article names, no figure from a non-figure.
    assert sorted(r.event_mode for r in result.reports if r.event_type == "SANCTION") == ["impose", "withdraw_agreement"]
    assert {c.quantity for c in result.claims} <= {"deaths", "arrests"}
    assert not [r for r in result.reports if r.event_type == "PROTEST" and r.event_mode == "riot"]


def test_indicator_mentions(result):
    assert {(m.indicator, m.claim_direction) for m in result.mentions} == {
        ("inflation_cpi_pct", "high"), ("fx_market_lcu_per_usd", "weak"), ("youth_unemployment_pct", "high")}


def test_the_claim_that_the_us_urged_violence_is_khameneis_allegation(result):
    (allegation,) = [r for r in result.reports if (r.event_type, r.event_mode) == ("ACCUSE", "allege")]
    assert (allegation.actor1, allegation.actor2_iso3, allegation.actor2_type) == ("Ali Khamenei", "USA", "foreign_state")
    assert "urged the protesters to use violence" in allegation.evidence_text
