"""A documented generator of realistic article corpora for benchmarks.

Articles are assembled from the sentences of the labelled corpus (`tests/eval/corpus`) and
the founding article: each synthetic article takes sentences from several source articles
in a seeded random order until it reaches about `words` words, and gets a publication date
spread over 2009-2026. The generator is lazy, so a 100,000-article corpus never sits in
memory at once, and deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _strip_front_matter(text: str) -> str:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            return text[end + 4 :]
    return text


def source_sentences() -> list[str]:
    files = sorted((REPO / "tests" / "eval" / "corpus").glob("*.md")) + [REPO / "raw" / "articles" / "founding-article.txt"]
    sentences: list[str] = []
    for path in files:
        if path.exists():
            body = _strip_front_matter(path.read_text(encoding="utf-8"))
            sentences += [s.strip() for s in _SENTENCE_END.split(body) if len(s.split()) >= 4]
    return sentences


def generate(n: int, words: int = 500, seed: int = 7) -> Iterator[tuple[str, str, dt.date]]:
    """Yield `n` (article_id, text, published) triples of about `words` words each."""
    rng = random.Random(seed)
    pool = source_sentences()
    start = dt.date(2009, 1, 1).toordinal()
    span = dt.date(2026, 8, 31).toordinal() - start
    for i in range(n):
        chosen, count = [], 0
        while count < words:
            sentence = pool[rng.randrange(len(pool))]
            chosen.append(sentence)
            count += len(sentence.split())
        paragraphs = [" ".join(chosen[j : j + 4]) for j in range(0, len(chosen), 4)]
        yield f"bench-{i:06d}", "\n\n".join(paragraphs), dt.date.fromordinal(start + rng.randrange(span))
