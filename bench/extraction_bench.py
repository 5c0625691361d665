"""Extraction throughput and memory, against a single-regex floor.

    .venv/bin/python bench/extraction_bench.py --articles 10000

Prints articles/second for `extract_article` alone, for one regular-expression pass over
the same texts (the floor), and for the lexical layer alone (sentences plus every lexicon
scanned, no rules: what the rules cost is the difference), the ratio to the floor, and peak
RSS at checkpoints so a growing memory footprint shows. Results go to bench/RESULTS.md by hand, with the command.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate  # noqa: E402

from dagster_project.extraction import extract_article  # noqa: E402
from dagster_project.extraction import lexicon as lx  # noqa: E402
from dagster_project.extraction.engine import scanned_patterns  # noqa: E402
from dagster_project.extraction.sentences import split_sentences  # noqa: E402

FLOOR = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|strike\w*|arrest\w*|detain\w*|kill\w*|dead|died|deaths?|wounded|injured|"
    r"sanction\w*|accus\w*|inflation|currency|unemployment|\d[\d,]*)\b",
    re.IGNORECASE,
)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args()

    corpus = list(generate(args.articles, args.words))  # materialised once so both passes see the same text
    words = sum(len(t.split()) for _, t, _ in corpus)
    print(f"corpus: {len(corpus)} articles, {words / len(corpus):.0f} words on average; peak RSS {peak_rss_mb():.0f} MB")

    started = time.perf_counter()
    hits = sum(1 for _, text, _ in corpus for _ in FLOOR.finditer(text))
    floor_s = time.perf_counter() - started
    print(f"floor (one regex pass): {len(corpus) / floor_s:,.0f} articles/s ({hits} hits)")

    extract_article(corpus[0][1], article_id="warm-up", published=corpus[0][2])
    # The lexical layer alone: sentences and every lexicon scanned over each article, no rules.
    patterns = scanned_patterns()
    started = time.perf_counter()
    for _, text, _ in corpus:
        lx.begin_article(text)
        lx.set_sentences(split_sentences(text))
        for _, regex, fam in patterns:
            lx.scan(regex, text, 0, len(text), fam)
    lx.end_article()
    lexical_s = time.perf_counter() - started
    print(f"lexical layer alone (sentences + {len(patterns)} lexicon scans): {len(corpus) / lexical_s:,.0f} articles/s")

    checkpoints = {len(corpus) // 10, len(corpus) // 2, len(corpus)}
    started = time.perf_counter()
    reports = claims = 0
    for i, (article_id, text, published) in enumerate(corpus, start=1):
        result = extract_article(text, article_id=article_id, published=published)
        reports += len(result.reports)
        claims += len(result.claims)
        if i in checkpoints:
            print(f"  after {i:>7} articles: peak RSS {peak_rss_mb():.0f} MB")
    extract_s = time.perf_counter() - started
    rate = len(corpus) / extract_s
    print(f"extraction: {rate:,.0f} articles/s ({reports} reports, {claims} claims)")
    print(f"extraction / floor time ratio: {extract_s / floor_s:.1f}x")


if __name__ == "__main__":
    main()
