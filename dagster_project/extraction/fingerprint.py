"""What an extraction depends on besides the article: the extractor's code and vocabularies.

A warehouse keeps an article's extracted rows until the article changes or this fingerprint
does, so changing a rule or a lexicon row re-extracts every article on the next build
instead of leaving rows from the old rules beside rows from the new.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from dagster_project.config import EXTRACTOR_VERSION, VOCAB_DIR

EXTRACTION_DIR = Path(__file__).resolve().parent


def extractor_files() -> list[Path]:
    """The extractor's source and lexicon files, and the shared vocabularies it reads."""
    own = [p for p in EXTRACTION_DIR.rglob("*") if p.suffix in {".py", ".csv"} and "__pycache__" not in p.parts]
    return sorted(own) + sorted(VOCAB_DIR.glob("*.csv"))


@cache
def extractor_fingerprint() -> str:
    """EXTRACTOR_VERSION plus a hash of every file in `extractor_files()` (path and bytes)."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for path in extractor_files():
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:12]}"
