"""What the rules share while reading one article: the working types (`Mention`, `Sentence`,
`ClaimDraft`, `Candidate`), a sentence's actors and countries (`_find_mentions`) and clauses,
and the small helpers and cues that several of the rule modules use.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.dates import DateMention
from dagster_project.extraction.model import Claim, EventReport
from dagster_project.extraction.places import Place

CLAIMANT_TYPE_OF_ACTOR = {
    "unknown": "unknown", "protesters": "unknown",
    "state": "state", "security_forces": "state", "foreign_state": "state", "ngo": "ngo",
    "international_org": "international_org", "media": "media", "state_media": "state_media",
    "witness": "witness", "opposition": "opposition",
}
# The actor type a claimant type stands for (its first actor): "state" → state; a speaker of an
# unknown kind ("the organisers", "unattributed reports") is an actor of an unknown kind.
ACTOR_OF_CLAIMANT_TYPE: dict[str, str] = {}
for _actor, _claimant_type in CLAIMANT_TYPE_OF_ACTOR.items():
    ACTOR_OF_CLAIMANT_TYPE.setdefault(_claimant_type, _actor)
SPEECH_ACTS = frozenset({"ACCUSE", "THREATEN", "REJECT", "CONCEDE", "REQUEST"})  # coded as said, never negated

_CLAUSE_BREAK = re.compile(r"\s+(?:while|whereas|but|although|though)\s+|;\s*|\s+–\s+")
_CLAUSE_WORDS = ("while", "whereas", "but", "though")  # _CLAUSE_BREAK's words ("although" holds "though"), for a quick test
_CLAUSE_PUNCT = re.compile(r"[,;:]")
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b")
_LOCATIVE_COUNTRY = re.compile(r"\b(?:in|across|throughout|inside)\s+(?:the\s+)?$")


def _named_as_place(text: str, s: "Sentence", m: "Mention") -> bool:
    """Whether a mention is named as where something happens ("marched in Iran", "across the
    country"): the words right before it (at most 12 characters, within the sentence)."""
    return _LOCATIVE_COUNTRY.search(text[max(s.start, m.start - 12):m.start]) is not None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    name: str
    actor_type: str
    iso3: str | None
    kind: str  # person, body, role, group, ngo, io, media, state_media, witness, country, opposition

    @property
    def claimant_type(self) -> str | None:
        return CLAIMANT_TYPE_OF_ACTOR.get(self.actor_type)


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    mentions: list[Mention]
    places: list[tuple[int, int, Place]]
    dates: list[DateMention]
    event_dates: list[DateMention] | None = None  # the dates that can date an event, once asked for
    since_dates: list[DateMention] | None = None  # of those, the starts of periods ("since early October")
    clauses: list[tuple[int, int]] | None = None  # (start, end) of each clause, once asked for
    quoted_by: Sentence | None = None  # inside a quotation that a later sentence attributes ('"...," he said')


@dataclass
class ClaimDraft:
    """A claim while the article is being read: what merging and linking need to know."""

    claim: Claim
    sentence: int
    by_person: bool = False  # the claimant is a named person (beats a title when merging)
    anchor: Claim | None = None  # for relative claims: the claim compared with
    sentences: list[int] = field(default_factory=list)  # after merging: every sentence it came from


@dataclass
class Candidate:
    report: EventReport
    sentence: int
    score: float
    weak: bool = False  # implied by a noun ("protesters"), not stated by a verb or event noun
    anaphoric: bool = False  # "The rally passed peacefully": the article's earlier event, not a new one
    dated_here: bool = True  # its sentence gives a date (else the report took the article's news day)


def _id(*parts) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _cued(regex: re.Pattern, keys: tuple[str, ...], text: str) -> bool:
    """regex.search(text), skipped when none of the words its matches all contain is there."""
    low = text.lower()
    return any(k in low for k in keys) and regex.search(text) is not None


def _first(mentions, predicate, start=None, end=None):
    return next((m for m in mentions if predicate(m) and (start is None or m.start >= start) and (end is None or m.start < end)), None)


# ----------------------------------------------------------------------------- mentions
def _find_mentions(text: str, start: int, end: int) -> list[Mention]:
    raw: list[Mention] = []
    for tbl in lx.actors():
        for m, row in tbl.finditer(text, start, end):
            surface = m.group(0)
            name = row["name"]
            if name == "_group":
                name = surface.lower()
            elif name == "_surface":
                name = surface
            raw.append(Mention(m.start(), m.end(), surface, name, row["actor_type"], row["iso3"] or None, row["kind"]))
    aliases = lx.country_aliases()
    for m in lx.scan(lx.country_regex(), text, start, end, lx.country_family()):
        iso3 = aliases.get(m.group(1))
        if iso3:
            raw.append(Mention(m.start(1), m.end(1), m.group(1), lx.country_name(iso3), "state", iso3, "country"))
    # Longest first, then drop overlaps.
    raw.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for mention in raw:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return _merge_possessives(text, kept)


_JOIN = re.compile(r"^(?:[’']s)?\s+(?:(?:top|supreme|senior|interior|foreign|security|state|hardline|clerical|ruling|military|judicial|own)\s+)?$")


def _merge_possessives(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Iran's leadership", "Iranian government", "Trump's administration" → one mention
    whose type comes from the role and whose country comes from the owner."""
    out: list[Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            between = text[prev.end:m.start]
            if (
                prev.kind in {"country", "person"}
                and m.kind == "role"
                and _JOIN.match(between)
            ):
                surface = text[prev.start:m.end]
                out[-1] = Mention(prev.start, m.end, surface, surface, m.actor_type, prev.iso3, "role")
                continue
            if (prev.actor_type == m.actor_type and between.strip() == "" and m.text[:1].isupper()
                    and not prev.text[:1].isupper() and m.kind != "country"):
                # Apposition: "the rights group HRANA", "state media IRNA" → the proper name.
                out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], m.name, m.actor_type, m.iso3 or prev.iso3, m.kind)
                continue
            if prev.kind in {"ngo", "io", "media", "state_media", "ngo_name"} and m.kind == "country" and between.strip() == "":
                # "Amnesty International Kenya": the organisation's national section, not the state.
                out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], prev.name, prev.actor_type, m.iso3, prev.kind)
                continue
            if prev.kind == "country" and m.kind in {"group", "ngo", "witness", "opposition"} and between.strip() == "":
                out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], text[prev.start:m.end] if m.kind != "group" else m.name,
                                  m.actor_type, prev.iso3, m.kind)
                continue
        out.append(m)
    return out


# ----------------------------------------------------------------------------- clauses
def _clauses(s: Sentence) -> list[tuple[int, int]]:
    if s.clauses is not None:
        return s.clauses
    spans, last = [], s.start
    sent = s.text
    if ";" not in sent and "–" not in sent and not any(w in sent for w in _CLAUSE_WORDS):
        s.clauses = [(s.start, s.end)]
        return s.clauses
    for m in _CLAUSE_BREAK.finditer(sent):
        spans.append((last, s.start + m.start()))
        last = s.start + m.end()
    spans.append((last, s.end))
    s.clauses = spans
    return spans


def _clause_start(s: Sentence, position: int) -> int:
    """Where the clause holding `position` begins."""
    return max(start for start, _ in _clauses(s) if start <= position) if position >= s.start else s.start


def _clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    return next((c for c in clauses if c[0] <= position < c[1]), clauses[-1])
