"""The labelled corpus is well-formed, the scorer's arithmetic is right, and the extractor
meets its targets on the team's corpus (event F1 and claim F1 at least 0.90)."""

from pathlib import Path

import pytest
import yaml

from dagster_project.evaluation import Score, claim_matches, evaluate, event_matches, match
from dagster_project.extraction.lexicon import event_vocab, vocab_codes
from dagster_project.readers.articles import read_article_file

HERE = Path(__file__).resolve().parent
GOLD = sorted((HERE / "gold").glob("*.yml"))


def test_corpus_has_forty_articles_with_gold():
    assert len(GOLD) >= 40
    for g in GOLD:
        assert (HERE / "corpus" / f"{g.stem}.md").exists()


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_uses_the_vocabulary(path):
    gold = yaml.safe_load(path.read_text())
    for e in gold["events"]:
        assert (e["event_type"], e["event_mode"]) in event_vocab()
        assert e["date_precision"] in vocab_codes("date_precision") and e["stance"] in vocab_codes("report_stance")
        assert e["actor1_type"] in vocab_codes("actor_type")
    for c in gold["claims"]:
        assert c["quantity"] in vocab_codes("quantity") and c["qualifier"] in vocab_codes("qualifier")
        assert c["claimant_type"] in vocab_codes("claimant_type")
    for m in gold["mentions"]:
        assert m["claim_direction"] in vocab_codes("claim_direction")
    article = read_article_file(HERE / "corpus" / f"{path.stem}.md", HERE / "corpus")
    assert article.rows and not article.quarantine


def test_score_arithmetic():
    s = Score(tp=8, fp=2, fn=4)
    assert s.precision == 0.8 and abs(s.recall - 8 / 12) < 1e-9
    assert abs(s.f1 - 2 * 0.8 * (8 / 12) / (0.8 + 8 / 12)) < 1e-9
    assert Score().f1 == 1.0  # nothing to find and nothing found: no errors


def test_matching_is_one_to_one_and_respects_dates():
    gold = [{"event_type": "PROTEST", "country_iso3": "IRN", "event_date": "2026-01-05", "date_precision": "week"}] * 2
    preds = [{"event_type": "PROTEST", "country_iso3": "IRN", "event_date": "2026-01-07"}]
    pairs, extra, missed = match(preds, gold, event_matches)
    assert len(pairs) == 1 and extra == [] and len(missed) == 1
    assert not event_matches({"event_type": "PROTEST", "country_iso3": "IRN", "event_date": "2026-01-12"}, gold[0])
    assert event_matches({"event_type": "PROTEST", "country_iso3": "IRN", "event_date": None},
                         {"event_type": "PROTEST", "country_iso3": "IRN", "event_date": None})
    assert claim_matches({"quantity": "deaths", "value_low": 5, "value_high": None, "claimant_type": "ngo"},
                         {"quantity": "deaths", "value_low": 5, "value_high": None, "claimant_type": "ngo"})
    assert not claim_matches({"quantity": "deaths", "value_low": 5, "value_high": 5, "claimant_type": "ngo"},
                             {"quantity": "deaths", "value_low": 5, "value_high": None, "claimant_type": "ngo"})


def test_a_fake_extractor_scores_zero(tmp_path):
    from dagster_project.extraction.model import ExtractionResult

    def nothing(text, **kwargs):
        return ExtractionResult(article_id=kwargs["article_id"])

    report = evaluate(extract=nothing)
    assert report.events.tp == 0 and report.events.fn > 80 and report.events.recall == 0.0


def test_extractor_meets_the_targets_on_the_team_corpus():
    report = evaluate()
    assert report.articles >= 40
    assert report.events.f1 >= 0.90, report.events.as_dict()
    assert report.claims.f1 >= 0.90, report.claims.as_dict()


@pytest.mark.parametrize(
    "name, articles, events, claims, mentions",
    [
        # Written without sight of the rules; first scored at event F1 0.60 / claim F1 0.52,
        # then used to find general fixes. The floors keep those fixes from regressing.
        ("blind", 24, 0.92, 0.93, 0.85),
        # Written blind; its error categories (first score 0.69 / 0.63) guided later fixes.
        ("holdout", 20, 0.84, 0.90, 0.90),
        # Written blind (scored first at 0.764 / 0.711); its errors informed the few rules listed
        # in final/NOTES.md, so it is no longer blind. Now 0.834 / 0.927 / 0.941.
        ("final", 16, 0.80, 0.88, 0.80),
        # Written blind (first score 0.677 / 0.653 / 0.880). Its odd-numbered articles guided
        # fixes; the even-numbered half's errors are not used (see fresh/NOTES.md). Now 0.776 / 0.796.
        ("fresh", 24, 0.70, 0.69, 0.80),
        # Written blind and scored once at 0.706 / 0.832 / 0.933 (now 0.734 / 0.832), errors never read: a loose
        # floor that catches a regression and keeps the set an honest measure.
        ("fresh2", 20, 0.65, 0.75, 0.80),
        # Written blind (first score 0.561 / 0.705 / 0.846), then a development set: its errors
        # guided the third and fourth sessions' rules. Now 0.817 / 0.910 / 1.000.
        ("fresh3", 22, 0.78, 0.88, 0.90),
    ],
)
def test_extractor_holds_its_scores_on_the_other_labelled_sets(name, articles, events, claims, mentions):
    folder = HERE / name
    report = evaluate(corpus_dir=folder / "corpus", gold_dir=folder / "gold")
    assert report.articles >= articles
    assert report.events.f1 >= events, report.events.as_dict()
    assert report.claims.f1 >= claims, report.claims.as_dict()
    assert report.mentions.f1 >= mentions, report.mentions.as_dict()
