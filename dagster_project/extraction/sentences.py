"""Sentence segmentation that keeps exact character offsets into the original text."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "adm", "gov", "sen", "rep", "st",
    "jr", "sr", "prof", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "inc", "co", "corp", "ltd", "no", "vs", "etc", "e.g", "i.e", "a.m", "p.m", "u.s",
    "u.k", "u.n", "e.u", "approx", "est", "dept", "univ", "ave", "mt", "ft", "fig",
}
# A candidate end: . ! ? (plus closing quotes/brackets), then space, then something that can start a sentence.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*\S)")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_OPENER = re.compile(r"(?:The|A|An|He|She|It|They|We|In|On|But|This|That|Meanwhile)\b")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # An initial ("J. Smith") or a dotted acronym ("U.S.", "D.C.")
    return len(word) == 1 and word.isalpha() or bool(_DOTTED.fullmatch(word))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence, whitespace trimmed; text[start:end] is the sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            # "U.S. sanctions" continues the sentence; "the U.S. The next" is ambiguous: keep
            # it joined unless the next word is a common sentence opener.
            following = text[m.end():m.end() + 12].lstrip()
            if not _OPENER.match(following):
                continue
        end = m.end() if text[m.start()] in ".!?" or text[m.start()] in "\"'”’)]" else m.start()
        _append(text, start, end, spans)
        start = m.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
