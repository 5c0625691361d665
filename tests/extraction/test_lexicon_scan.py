"""The fast scan (lexicons tried only at words that can start them, with only the rows that
can start there) finds exactly what a full regular-expression scan finds."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dagster_project.extraction import dates
from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.engine import scanned_patterns

CORPUS = Path(__file__).resolve().parents[1] / "eval" / "corpus"


def families():
    return [f for f in scanned_patterns() if f[2] is not None]


def spans(matches) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


def assert_same_as_full_scan(text: str) -> None:
    lx.begin_article(text)
    try:
        for name, regex, fam in families():
            assert spans(lx.scan(regex, text, 0, len(text), fam)) == spans(regex.finditer(text)), name
            other = text + " "  # not the current article: the snippet path
            assert spans(lx.scan(regex, other, 0, len(other), fam)) == spans(regex.finditer(other)), name
    finally:
        lx.end_article()


def test_every_engine_regex_has_a_family():
    names = {name for name, _, _ in families()}
    assert {"events.csv", "sanctions.csv", "countries", "numbers", "places", "reporting", "quantities[0]"} <= names
    assert len([n for n in names if n.startswith("dates.")]) == len(dates._PATTERNS)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.md")), ids=lambda p: p.stem)
def test_labelled_articles_scan_as_a_full_scan_would(path):
    assert_same_as_full_scan(path.read_text(encoding="utf-8"))


WORDS = st.sampled_from([
    "Police", "police", "arrested", "killing", "killed", "at least", "two dozen", "a hundred", "thousands", "the",
    "Iran", "Iranian", "United States", "in", "Tehran", "on", "Friday", "May", "2019", "12", "1,200", "said", "according to",
    "Amnesty", "Human Rights Watch", "protesters", "protest", "sanctions", "imposed", "inflation", "rial", "fell",
    "record", "denied", "people were killed", "were arrested", "death toll of", "last week", "in March", "-", ",", ".",
    "anti-government", "co-ordinated", "Khamenei", "IRGC", "state media", "rights groups", "between", "and", "some",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=30).map(" ".join) | st.text(max_size=200))
def test_any_text_scans_as_a_full_scan_would(text):
    assert_same_as_full_scan(text)


@pytest.mark.parametrize("text", ["𑣠", "٣ people were killed", "On ٢٠ May police arrested ١٢ protesters"])
def test_digits_of_any_script_scan_as_a_full_scan_would(text):
    assert_same_as_full_scan(text)
