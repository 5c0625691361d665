"""Article text → event reports, claims and indicator mentions.

General rules over the lexicons in `lexicon/` and the shared vocabularies in `seeds/vocab/`;
nothing here knows any particular article. The pipeline, per article:

1. split sentences (offsets kept), find actors, countries, places and dates in each;
2. event triggers → candidate reports, with actors, place, date and stance from the sentence;
3. numbers next to a quantity word → claims, with claimant and stance from the clause;
   relative claims ("much lower") are linked to the claim they compare with;
4. economic terms with a direction in the same clause → indicator mentions;
5. reports of the same event, and claims of the same figure, merge within the article,
   keeping the best evidence.

The rules live in one module per concern: `context` (the working types and shared helpers),
`speakers` (who says what), `event_dates` (which date dates an event), `events`, `claims` and
`indicators`. This module reads the article sentence by sentence and puts them together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.claims import _claims, _link_claim, _merge_claims
from dagster_project.extraction.context import (
    _PRONOUN_SUBJECT,
    CLAIMANT_TYPE_OF_ACTOR,
    Candidate,
    ClaimDraft,
    Sentence,
    _find_mentions,
    _named_as_place,
)
from dagster_project.extraction.dates import find_dates
from dagster_project.extraction.event_dates import _lead_date
from dagster_project.extraction.events import _event_candidates, _merge_reports
from dagster_project.extraction.indicators import _mentions
from dagster_project.extraction.model import ExtractionResult, IndicatorMention
from dagster_project.extraction.places import find_places
from dagster_project.extraction.sentences import split_sentences
from dagster_project.extraction.speakers import (
    _IT_SUBJECT,
    _REPORTING,
    _REPORTING_FAMILY,
    _mark_quotations,
    _speaking_body,
    _titled_speaker,
)

MAX_TEXT_CHARS = 5_000_000


def _main_country(sentences: list[Sentence], hint: str | None) -> str | None:
    if hint:
        return hint
    votes: Counter = Counter()
    first_seen: dict[str, int] = {}
    for s in sentences:
        for m in s.mentions:
            if m.iso3 and m.kind in {"country", "role", "body"}:
                votes[m.iso3] += 1
                first_seen.setdefault(m.iso3, m.start)
        for _, _, place in s.places:
            votes[place.iso3] += 1
            first_seen.setdefault(place.iso3, 0)
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], -first_seen[k]))


# A dateline ("NAIROBI, June 26 (AFP) -") gives the filing date, not an event's.
_DATELINE = re.compile(r"\A\s*(?:[A-Z][A-Z .'’/-]+(?:,\s*[A-Z][\w .]+?)?,\s*[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?"
                       r"|[A-Z][\w .'’/-]{1,40}?,\s*\d{1,2} [A-Z][a-z]+ \d{4})\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—]|\.\s)")  # "Bangkok, 27 August 2026 -", "YEREVAN, June 5."


def scanned_patterns() -> list[tuple[str, re.Pattern, lx.Family | None]]:
    """(name, regex, family) of every lexicon and pattern scanned over a whole article: the
    lexical layer that tests compare with a full scan and the benchmark times alone."""
    from dagster_project.extraction import dates, numbers, places

    out = [(name, lx.table(name).regex, lx.table(name).family)
           for name in ("events.csv", "sanctions.csv", "attribution.csv", "indicators.csv", "directions.csv")]
    out += [(f"actors[{i}]", t.regex, t.family) for i, t in enumerate(lx.actors())]
    out += [(f"quantities[{i}]", t.regex, t.family) for i, t in enumerate(lx.quantity_tables())]
    out += [("countries", lx.country_regex(), lx.country_family()), ("numbers", numbers._pattern(), numbers._family()),
            ("places", places._LOCATIVE, places._LOCATIVE_FAMILY), ("reporting", _REPORTING, _REPORTING_FAMILY)]
    out += [(f"dates.{kind}", pattern, dates._FAMILIES[kind]) for kind, pattern in dates._PATTERNS]
    return out


def extract_article(
    text: str,
    *,
    article_id: str,
    published: dt.date | None = None,
    country_hint: str | None = None,
    outlet: str | None = None,
) -> ExtractionResult:
    """Event reports, claims and indicator mentions of one article.

    `published` anchors relative dates; without it they stay unresolved. Raises
    ValueError for input that is not text or is too long to be one article.
    """
    if not isinstance(text, str):
        raise ValueError(f"article {article_id}: text must be str, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"article {article_id}: {len(text):,} characters is more than one article ({MAX_TEXT_CHARS:,} at most)")
    if isinstance(published, dt.datetime):
        published = published.date()
    lx.begin_article(text)
    try:
        return _extract(text, article_id, published, country_hint, outlet)
    finally:
        lx.end_article()


def _extract(text: str, article_id: str, published, country_hint, outlet) -> ExtractionResult:
    result = ExtractionResult(article_id=article_id)
    sentences: list[Sentence] = []
    spans = split_sentences(text)
    lx.set_sentences(spans)
    dateline = _DATELINE.match(text)
    for i, (a, b) in enumerate(spans):
        mentions = _find_mentions(text, a, b)
        exclude = {m.text for m in mentions if m.kind not in {"country"}}
        dates = find_dates(text, a, b, published)
        if i == 0 and dateline is not None:
            dates = [d for d in dates if d.start >= dateline.end()]
        sentences.append(Sentence(i, a, b, text[a:b], mentions, [], dates))
        sentences[-1].places = [p for p in find_places(text, a, b, prefer_iso3=country_hint, exclude=exclude)
                                if not _SEAT_OF_A_SPEAKER.search(text, max(a, p[0] - 40), p[0])]
    _mark_quotations(text, sentences)
    ctx = {
        "article_id": article_id, "published": published, "outlet": outlet, "outlet_type": outlet_type(outlet, text),
        "main_country": _main_country(sentences, country_hint),
        "last_person": None, "last_body": None, "claimed": set(), "lead_date": None, "anchor": None, "anchor_sentence": None, "dated": {}, "place_before": None, "anchors": {},
        "day_before": None,  # (sentence index, its last day): "by the next morning" in the sentence after
    }
    candidates: list[Candidate] = []
    drafts: list[ClaimDraft] = []
    mentions: list[IndicatorMention] = []
    # The news day: the first date in the story that dates an event (undated sentences, even
    # those before it, "AAPP strongly condemns ...", share it).
    ctx["lead_date"], ctx["lead_sentence"] = _lead_date(text, sentences, published)
    for s in sentences:
        if s.index and "\n\n" in text[sentences[s.index - 1].end:s.start]:
            ctx["place_before"] = None  # a new paragraph starts afresh
        candidates += _event_candidates(text, s, ctx)
        drafts += _claims(text, s, ctx)
        mentions += _mentions(text, s, ctx)
        located_here = [m for m in s.mentions if m.kind == "country" and _named_as_place(text, s, m)]
        if s.places or located_here:
            ctx["place_before"] = (s.places[0][2], s.places[0][2].iso3) if s.places else (None, located_here[0].iso3)
        days = [d for d in s.dates if d.date and d.precision == "day"]
        if days:
            ctx["day_before"] = (s.index, days[-1].date)  # for "by the next morning" in the next sentence
        persons = [m for m in s.mentions if m.kind == "person"]
        if persons:
            ctx["last_person"] = persons[0] if s.text.startswith(persons[0].text) else persons[-1]
        elif not _PRONOUN_SUBJECT.match(s.text):
            titled = _titled_speaker(text, s, ctx)
            if titled is not None:
                ctx["last_person"] = titled  # "The police commander said ... He said 31 were arrested"
        if not _IT_SUBJECT.match(s.text):
            body = _speaking_body(text, s)
            if body is not None:
                ctx["last_body"] = body  # "The Interior Ministry said ... It said 17 officers were injured"
    reports, by_sentence = _merge_reports(candidates)
    has_intervention = {r.country_iso3 for r in reports if r.event_type in {"ASSAULT", "COERCE"}}
    for r in reports:
        if r.event_type == "PROTEST" and r.event_mode == "demonstrate" and r.country_iso3 in has_intervention:
            r.acled_sub_event_type = "Protest with intervention"
    claims = []
    for d in _merge_claims(drafts):
        d.claim.report_id = _link_claim(d, by_sentence, reports)
        claims.append(d.claim)
    seen = set()
    for m in mentions:
        key = (m.indicator, m.claim_direction)
        if key not in seen:
            seen.add(key)
            result.mentions.append(m)
    result.reports = reports
    result.claims = claims
    return result


# "The UN human rights office in Geneva says ...": where a speaker sits, not where anything happened.
_SEAT_OF_A_SPEAKER = re.compile(r"\b(?:office|offices|headquarters|headquartered|based|bureau|mission|embassy|consulate|secretariat|"
                                r"spokes(?:man|woman|person)|correspondent)\s+(?:in|at)\s+$", re.I)


def outlet_type(outlet: str | None, text: str = "") -> str:
    """The claimant type of figures an article states in its own voice: an NGO's press
    release ("Human Rights Watch", "... Association for Political Prisoners") speaks as an
    NGO, state media as state media; any other outlet is media."""
    if not outlet:
        return "unknown"
    # A press release speaks in its publisher's voice: "Odhikar is gravely concerned", "AAPP condemns".
    if text and re.search(rf"\b{re.escape(outlet)}\s+(?:\([A-Z]{{2,8}}\)\s+)?(?:is\s+(?:deeply\s+|gravely\s+|seriously\s+)?(?:concerned|alarmed)|"
                          r"(?:strongly\s+)?(?:condemns|calls\s+on|demands|urges|deplores))\b", text):
        return "ngo"
    for table in lx.actors():
        for m, row in table.finditer(outlet):
            claimant = CLAIMANT_TYPE_OF_ACTOR.get(row["actor_type"])
            if claimant and (m.start() == 0 or m.end() - m.start() >= len(outlet.strip()) // 2):
                return claimant
    return "media"
