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
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from dagster_project.config import EXTRACTOR_VERSION
from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.dates import DateMention, find_dates
from dagster_project.extraction.model import Claim, EventReport, ExtractionResult, IndicatorMention
from dagster_project.extraction.numbers import UNITS, find_numbers
from dagster_project.extraction.places import Place, find_places
from dagster_project.extraction.sentences import split_sentences

MAX_TEXT_CHARS = 5_000_000

CLAIMANT_TYPE_OF_ACTOR = {
    "protesters": "unknown",
    "state": "state", "security_forces": "state", "foreign_state": "state", "ngo": "ngo",
    "international_org": "international_org", "media": "media", "state_media": "state_media",
    "witness": "witness", "opposition": "opposition",
}
# The actor type a claimant type stands for (its first actor): "state" → state, "unknown" → protesters.
ACTOR_OF_CLAIMANT_TYPE: dict[str, str] = {}
for _actor, _claimant_type in CLAIMANT_TYPE_OF_ACTOR.items():
    ACTOR_OF_CLAIMANT_TYPE.setdefault(_claimant_type, _actor)
ROLE_ACTOR_TYPES = {"state", "security_forces"}

_CLAUSE_BREAK = re.compile(r"\s+(?:while|whereas|but|although|though)\s+|;\s*|\s+–\s+")
_CLAUSE_WORDS = ("while", "whereas", "but", "though")  # _CLAUSE_BREAK's words ("although" holds "though"), for a quick test
_ECON_CLAUSE_BREAK = re.compile(r",|;|\s+and\s+|\s+while\s+|\s+but\s+|\s+as\s+")
_ASIDE_WORDS = r"(?:at least|however|though|too|meanwhile|in turn|for now|so far|officially|by contrast|in contrast)"
_ECON_ASIDE = re.compile(rf"\s*{_ASIDE_WORDS}\s*,", re.I)  # ", at least," opening after a comma ...
_ECON_CHANGE = re.compile(r"\s*(?:down|up) from\b", re.I)
_ECON_ASIDE_END = re.compile(rf",\s*{_ASIDE_WORDS}\s*$", re.I)  # ... and closing before one
_ACCORDING = re.compile(r"\baccording to\b", re.I)
# Verbs of saying come from one lexicon, `lexicon/saying_verbs.csv`: `lx.saying(role)` is the
# alternation of the forms one rule uses (the role is the rule's name, lower case).
_REPORTING = re.compile(
    rf"\b(?:{lx.saying('reporting')})\b|\beyewitness|\bwitnesses\b"
    r"|\bput (?:the |their |its )?(?:crowd|number|figure|toll|death toll|turnout)\b|\bputs? (?:it|them) at\b"
    # "..., he added." and "added that": saying; not "Treasury added 12 entities to its list"
    r"|\badded(?=\s*(?:[.,;]|that\b))",
    re.I,
)
_REPORTING_FAMILY = lx.family(_REPORTING, prefixes=lx.first_literals(_REPORTING.pattern))
# "over reports that ...", "the claims of": nouns, not someone saying something.
_ALSO_A_NOUN = frozenset(lx.saying_verbs("also_a_noun"))
_NOUN_BEFORE = re.compile(r"\b(?:over|amid|after|following|despite|denied|dismissed|rejected|the|these|those|such|of|to|on)\s+$", re.I)


# "an amendment that critics say strips the courts of their independence": the verb of saying
# vouches for its relative clause only, not for the sentence's events and figures.
_EMBEDDED_SAYING = re.compile(r"\b(?:that|which|who)\s+(?:[\w’'-]+\s+){1,2}$", re.I)


def _reporting_all(text: str, start: int, end: int, embedded: bool = True) -> list[re.Match]:
    """Reporting verbs ("said", "according to" aside) in text[start:end]; without `embedded`,
    not those that vouch only for a relative clause after them (to look for who says what
    comes before the verb)."""
    return [m for m in lx.scan(_REPORTING, text, start, end, _REPORTING_FAMILY)
            if not (m.group(0).lower() in _ALSO_A_NOUN and (m.group(0)[0].isupper()  # "Reports that police ...": a noun
                                                            or _NOUN_BEFORE.search(text, max(0, m.start() - 12), m.start())))
            and (embedded or not _EMBEDDED_SAYING.search(text, max(start, m.start() - 30), m.start()))]


def _reporting(text: str, start: int, end: int, embedded: bool = True) -> re.Match | None:
    """The first reporting verb in text[start:end]."""
    found = _reporting_all(text, start, end, embedded)
    return found[0] if found else None


_HYPOTHETICAL = re.compile(r"\b(?:any|future|possible|potential|planned|avoid|prevent|another|fear of|threat of|ban on|banned)\s+(?:\w+\s+)?$", re.I)
_BACKGROUND = re.compile(r"\b(?:(?:during|since|in connection with|after|before|over) the|during|in connection with)\s+(?:\w+\s+)?$", re.I)
_PERIOD_OF = re.compile(r"\b(?:after|following|amid|despite)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+"
                        r"(?:days?|weeks?|months?|years?|nights?)\s+of\s+(?:[\w-]+\s+)?$"
                        r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+(?:months?|years?)\s+of\s+(?:[\w-]+\s+)?$", re.I)
_CUMULATIVE = re.compile(
    r"\bsince (?:the |its |their |this )?(?:[\w-]+ ){0,3}?(?:began|started|erupted|broke out|seized power|took power|took over)\b"
    r"(?: (?:in|on|last) (?:[\w-]+ ){0,2}?(?:\w+))?|\bsince (?:the start|the beginning|the outbreak|the coup|mid-|early |late )", re.I)
_TALLY_BY = re.compile(r"\b(?:tally|count|figures?|estimates?|data) (?:by|from|compiled by) (?:the )?$", re.I)
# Not an event that happened: a plan or promise ("will begin an indefinite strike", "promised
# further demonstrations"), ...
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|could|might|plans? to|planned to|planning to|promised|promising|vowed to|vows to|threaten(?:ed|s)? to|announced|"
    r"set to|intends? to|intended to|called for (?:further|more|new|fresh)|urged (?:\w+ ){0,3}to (?:keep|continue)|"
    r"called on (?:\w+ ){0,3}to (?:keep|continue)|ahead of)\b[^,;.:!?]{0,50}$|\b(?:further|more|fresh|new) $"
    r"|\b(?:urged|urging|called on|calling on|asked|asking|told|telling|encouraged) (?:\w+ ){0,3}to\s+$"
    r"|\bcall(?:ed|s|ing)? (?:for )?(?:an?|another) [\"“]?(?:[\w-]+ ){0,2}$"  # "called a general strike for Monday", 'for a "million-person march"'
    r"|\bthreaten(?:ed|s|ing)? (?:an?|another|further|more|fresh|new) (?:[\w-]+ ){0,2}$", re.I)  # "threatened a nationwide strike"
_FUTURE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:(?:are|is|were|was|have been|has been)\s+)?(?:planned|scheduled|expected|due|called|set)\s+(?:for|on|to)\b"
    r"|^\s*(?:[\w-]+\s+){0,2}?(?:are|is|were|was|have been|has been) (?:planned|scheduled|expected|due|called for)\b", re.I)
# ... a past event named by its date ("the 2019 fuel protests", "born in the November 2024
# protests", "last year's protests"), ...
_DATED_NOUN = re.compile(
    r"(?:\bthe\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"(?:19|20)\d\d|\bthe\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?|\b(?:19|20)\d\d[’']s|\blast year[’']s|\b(?:previous|earlier|past|former)|\banniversary of (?:the )?)\s+(?:[\w-]+\s+)?$",
    re.I)
# ... or a reason given for something else ("sanctions over the repression of protesters",
# "accusing them of overseeing the detention and torture", "responsible for the killing of").
_VICTIMS_OF = re.compile(  # "the repression of peaceful protesters": people, not a protest
    r"\b(?:repression|crackdown|suppression|abuse|mistreatment|violence|killing|killings|detention|torture)[’'\"”]? (?:of|against|on)\s+(?:[\w-]+\s+){0,2}$", re.I)
_MOTIVE_BEFORE = re.compile(
    r"\baccus(?:e|ed|es|ing) (?:[\w’'\"“”-]+ ){0,4}?of (?:[\w’'\"“”-]+\s+){0,6}$"
    r"|\bfor\s+[\"“]?$|\b(?:remain|remains|remained|still|kept)\s+(?:in\s+)?(?:pre-trial\s+)?$"
    r"|\b(?:responsible for|role in|oversaw|overseeing|oversee|involvement in|involved in|complicit in|ordered) (?:[\w-]+\s+){0,5}$"
    r"|\b(?:convicted|sentenced|charged|tried|jailed) (?:of |for )?(?:[\w’'-]+\s+){0,8}?(?:during|in connection with)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.I)
_DATED_AFTER = re.compile(  # "the finance bill protests of June 2024": a past protest named by its date
    r"\s+of\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b")
_FORCE_WORDS = re.compile(r"\b(?:force|crush|punish|harsh|decisive|severe|consequences|death penalty|firm response|no mercy|"
                          r"iron fist|met with|crack down|deal with|arrest|prosecut|toleran|tolerat|retaliat|respond|(?:any|all|every) (?:\w+ )?means)", re.I)
_CLAIM_THAT = re.compile(r"\b(?:claim(?:s|ed)?|alleg(?:ed|es|ation|ations)|insist(?:ed|s)?|charg(?:ed|es)|accus\w+ (?:\w+ ){0,4}?of) that\b"
                         r"|\baccus\w+ (?:\w+ ){0,4}?of\b", re.I)
# Words one of which every match of the cue above contains: a quick test before the search.
_HYPOTHETICAL_KEYS = ("any", "future", "possible", "potential", "planned", "avoid", "prevent", "another", "fear of", "threat of", "ban")
_FUTURE_KEYS = ("will", "would", "shall", "could", "might", "announced", "plan", "promis", "vow", "threaten", "set to", "intend", "called",
                "calling on", "urg", "ahead of", "further", "more", "fresh", "new", "ask", "told", "telling", "encouraged")
_DATED_NOUN_KEYS = ("19", "20", "january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "last year", "previous", "earlier", "past", "former", "anniversary")
_MOTIVE_KEYS = ("accus", "for", "remain", "still", "kept", "role in", "overs", "involve", "complicit", "ordered",
                "convict", "sentenc", "charged", "tried", "jailed")
_SAID_KEYS = lx.saying_verbs("said_before")  # _SAID_BEFORE's verbs: one of them is in every match


def _cued(regex: re.Pattern, keys: tuple[str, ...], text: str) -> bool:
    """regex.search(text), skipped when none of the words its matches all contain is there."""
    low = text.lower()
    return any(k in low for k in keys) and regex.search(text) is not None


# Words that imply a protest without stating one ("protesters", "farmers gathered"): the
# article's protest when it names none.
_IMPLYING_WORDS = frozenset({"protesters", "demonstrators", "gathered", "assembled", "converged"})
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts)\s+$")
_REFERRING = re.compile(r"\bsuch\s+$|\b(?:number|total|count|tally) of\s+$")  # "the second such protest": always an earlier one
_MILITARY_STRIKE = re.compile(r"\b(?:air|drone|missile|military|rocket|artillery|pre-emptive|retaliatory)\s*$", re.I)
_RELATIVE = re.compile(
    r"\b(?P<deg>much|far|significantly|considerably|substantially|even|slightly|a lot|well)?\s*"
    r"(?P<cmp>lower|higher|smaller|larger|greater|bigger)\b",
    re.I,
)
_FIGURE_NOUN_QUANTITY = {"turnout": "participants", "crowd": "participants", "crowds": "participants",
                         "attendance": "participants", "toll": "deaths", "tolls": "deaths"}
_COMPARATIVES = ("lower", "higher", "smaller", "larger", "greater", "bigger")  # _RELATIVE's words, for a quick test
_FIGURE_NOUN = re.compile(r"\b(?:estimates?|figures?|numbers?|tolls?|counts?|tally|tallies|turnout|crowds?|attendance)\b", re.I)
# A trigger its own clause says did not happen: "did not open fire", "never arrested",
# "no one was killed", "has not imposed". Only auxiliaries may stand between the negation
# and the trigger, so "did not hesitate to open fire" stays an event.
_AUX = (r"(?:(?:have|has|had|be|been|being|was|were|is|are|yet|ever|even|actually|directly|reportedly)\s+){0,3}"
        r"(?:(?:use|used|using|deploy|deployed|resort to|resorted to)\s+)?")  # "did not use tear gas"
_NEGATED = re.compile(
    rf"(?:\b(?:not|never|no\s+longer)\s+(?:[\w-]+\s+){{0,2}}?(?:a\s+single|any)\s+|\bno\s+(?=$)|\b(?:not|never|no\s+longer)\s+|n[’']t\s+|\b(?:no\s+one|nobody|none|not\s+one|no\s+[\w-]+)\s+(?=(?:was|were|has|have|had|is|are)\b)|\b(?:no\s+one|nobody|not\s+one|not\s+a\s+single\s+[\w-]+|no\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:(?:there|here|else|at\s+all)\s+)?(?=(?:was|were|has|have|had|is|are)\b|[\w-]+$)){_AUX}$",
    re.I,
)
_CALLED_FALSE = re.compile(r"\b(?:is|are|was|were)\s+(?:completely\s+|entirely\s+|totally\s+|simply\s+)?(?:false|untrue|baseless|unfounded|"
                           r"fabricated|fake|lies|a lie)\b|\b(?:described|dismissed|denounced|branded)\s+(?:[\w-]+\s+){0,3}?as\s+[\"“]?"
                           r"(?:pure\s+|a\s+|an?\s+outright\s+)?(?:fabrications?|lies?|false|fake|fiction)\b", re.I)
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|whether|until)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_UNCONFIRMED = re.compile(r"\b(?:not|never|n[’']t|declined to|refused to)\s+(?:yet\s+)?(?:confirm|comment|disclose|reveal|release|give|provide|say)\w*"
                          r"\s+(?:[\w-]+\s+){0,2}$", re.I)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_BARE_FIGURE_END = re.compile(r"\s*[\"”]?\s*(?:[.,;:)]|$)")  # "Police put the figure at 11,000." (no noun of its own)
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,]*,\s*$")
_COUNTED_SAYING = lx.saying_verbs("counted_before")  # _COUNTED_BEFORE's verbs of saying, not of counting
_COUNTED_BEFORE = re.compile(r"\b(?:count(?:s|ed)?|estimat(?:es|ed)|puts? (?:it |them |the (?:figure|number|total|count|turnout|crowd) )?at|tall(?:ied|ies)|"
                             rf"{lx.saying('counted_before')})\s+"
                             r"[\"“]?(?:only\s+|just\s+)?$", re.I)
_SUBSET_AFTER = re.compile(r"\s+of (?:them|whom)\b", re.I)
_AND_NEXT = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?and\s+")
_SUBSET = re.compile(r"\b(?:including|among them|of whom|of them|among whom)\s+$", re.I)
# Whom a sanction targets: the object of a preposition or of a designating verb, after a count
# of whom at most ("on 12 Iranian officials", "added four Russian banks to its list").
_TARGET_PREP = re.compile(r"\b(?:against|on|targeting|to punish|over|added|designated|sanctioned|blacklisted)\s+"
                          r"(?:(?:more than|at least|another|a further)\s+)?(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten"
                          r"|eleven|twelve|several|dozens of|scores of|hundreds of)\s+)?(?:more\s+)?$", re.I)
_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b")
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")
_LOCATIVE_COUNTRY = re.compile(r"\b(?:in|across|throughout|inside)\s+(?:the\s+)?$")

_CLAUSE_PUNCT = re.compile(r"[,;:]")
_IN_BEFORE = re.compile(r"\bin\s+$")
_SUBSET_ASIDE = re.compile(r",\s*(?:including|among them|among whom|(?:most|many|some|all|almost all|nearly all|half) of (?:them|whom)|mostly|mainly|largely)[^,;]*,")  # "215 people, including 27 children, have been killed"
_PHRASE_CUT = re.compile(r"\d|[;:()]|\s[-–]\s")
_SPEECH_IN_GAP = re.compile(rf"\b(?:{lx.saying('speech_in_gap')})\b", re.I)
_SHORT_GAP = re.compile(r"[\s\"“”]*(?:of\s+)?(?:[\w’'-]+[\"“”]?\s+[\"“]?){0,9}?")  # quotes allowed: "only a few" people
_SENTENCED = re.compile(r"\b(?:sentenc|condemn)\w*\s+(?:[\w-]+\s+){0,3}$", re.I)
_OBJECT_BEFORE = re.compile(r"\b(?:reaching|reach|towards?|into|at|outside|near|from|against|on|of)\s+(?:the\s+)?$", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|with|at|from|to|for|on|by|against|over|near|outside|inside|across|after|before|of)\s+$", re.I)
_CLAUSE_IN_GAP = re.compile(r"\b(?:were|was|are|is|had|have|has|been|as|while|when)\b", re.I)  # a verb of its own: not one noun phrase
_FORCES_FIRST = re.compile(r"\s*(?:[\w-]+\s+)?(?:police|officers|troops|soldiers|riot police|security forces|gendarmes|agents|guards)\b", re.I)
_THINGS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:vans?|cars?|vehicles?|buses|trucks?|stations?|buildings?|shops?|stores?|offices?|schools?|banks?|"
                           r"houses?|homes?|rounds?|canisters?|shells?|bullets?|districts?|counties|provinces?|regions?|cities|towns?|"
                           r"villages?|hospitals?|factories|universities|campuses|checkpoints?|roadblocks?|barricades?)\b"
                           r"(?!\s+(?:employees|workers|staff|officials|guards|officers|students|teachers|managers|clerks|drivers|owners|"
                           r"residents|patients|pupils|children))", re.I)
_LIST_IN_GAP = re.compile(r",\s+(?=(?:[\w’'-]+\s+){1,2}(?:and|or)\s)|,\s+(?=[\w’'-]+,)")
_ARTICLE_GAP = re.compile(r"\s*[\"“]?(?:the\s+|in\s+the\s+|a\s+)?")
_VICTIM_GROUP = re.compile(r"\s+((?:[\w’'-]+\s*){1,7}?)(?=[,.;)]|$|\s+(?:and|who|were|had)\b)")

PHYSICAL_EVENTS = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
SPEECH_ACTS = frozenset({"ACCUSE", "THREATEN", "REJECT", "CONCEDE", "REQUEST"})  # coded as said, never negated
QUANTITY_EVENT_TYPES = {
    "deaths": ("ASSAULT", "PROTEST", "COERCE"),
    "injuries": ("ASSAULT", "PROTEST"),
    "arrests": ("COERCE", "PROTEST"),
    "participants": ("PROTEST",),
    "executions": ("ASSAULT",),
}


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


# ----------------------------------------------------------------------------- helpers
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


_SAID_BEFORE = re.compile(
    rf"\b(?:{lx.saying('said_before')})\s+"
    r"(?:(?:[A-Z][\w-]*\s+){1,3}(?:radio|television|TV|newspaper|reporters|journalists)?\s*|reporters\s+|journalists\s+"
    r"|(?:in|at|on) (?:a |an |the )?(?:\w+ )?(?:statement|address|speech|news conference|press conference|briefing|interview|"
    r"television|TV|radio|social media|X|Twitter|Telegram)\s+)?(?:late\s+|early\s+)?$")
# A date in a clause about the future ("would appear in court on Monday") dates no past event.
_FUTURE_DATE_KEYS = ("will", "would", "shall", "due to", "scheduled", "expected", "set to", "plan")
_FUTURE_DATE_BEFORE = re.compile(r"\b(?:will|would|shall|due to|scheduled to|expected to|set to|plans? to|planned to)\b[^,;.]*$", re.I)
# A date that starts a period ("since July 2022", "since the coup of 1 February 2021") dates no event.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:of\s+)?$", re.I)
# A dateline ("NAIROBI, June 26 (AFP) -") gives the filing date, not an event's.
_DATELINE = re.compile(r"\A\s*(?:[A-Z][A-Z .'’/-]+(?:,\s*[A-Z][\w .]+?)?,\s*[A-Z][a-z]+\.? \d{1,2}(?:,? \d{4})?"
                       r"|[A-Z][\w .'’/-]{1,40}?,\s*\d{1,2} [A-Z][a-z]+ \d{4})\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—]|\.\s)")  # "Bangkok, 27 August 2026 -", "YEREVAN, June 5."


def event_dates(text: str, s: Sentence) -> list[DateMention]:
    """Dates that can date an event: not "said on Wednesday", which dates the statement."""
    if s.event_dates is None:
        cumulative = [(m.start(), m.end()) for m in _CUMULATIVE.finditer(text, s.start, s.end)] if "since" in s.text.lower() else []
        s.event_dates = [d for d in s.dates if not _cued(_SAID_BEFORE, _SAID_KEYS, text[max(s.start, d.start - 45):d.start])
                         and not _cued(_FUTURE_DATE_BEFORE, _FUTURE_DATE_KEYS, text[max(s.start, d.start - 50):d.start])
                         and not _DATE_OF_A_THING.match(text, d.end, s.end)
                         and not _SAYING_AFTER.match(text, d.end, s.end)  # "The Minister on Wednesday denied reports that ..."
                         and not _DATED_DEED_BEFORE.search(text, max(s.start, d.start - 25), d.start)]
        s.since_dates = [d for d in s.event_dates
                         if _SINCE_BEFORE.search(text[max(s.start, d.start - 40):d.start])
                         or text[d.start:d.start + 5].lower() == "since"
                         or any(a <= d.start <= b + 1 for a, b in cumulative)] if "since" in s.text.lower() else []
        if s.since_dates:
            s.event_dates = [d for d in s.event_dates if d not in s.since_dates]
    return s.event_dates


# "documents, published on June 17 by a news website": the date of that deed, no event's.
_DATED_DEED_BEFORE = re.compile(r"\b(?:published|signed|passed|adopted|approved|issued|filed|enacted|introduced|unveiled|leaked|posted|"
                                r"aired|broadcast|released|founded|elected|appointed)\s+(?:on\s+|in\s+)?$", re.I)
_SAYING_AFTER = re.compile(rf"\s+(?:\w+ly\s+)?(?:{lx.saying('saying_after')})\b", re.I)
# "Saturday's parliamentary election": a date owned by something that is no event of this
# warehouse dates that thing, not the sentence's events ("Wednesday's unrest" still dates).
_DATE_OF_A_THING = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:elections?|votes?|vote count|referendum|polls?|ballot|summit|meeting|talks|"
                              r"match|game|speech|address|ruling|verdict|decision|deadline|announcement|session|debate|budget|results?)\b", re.I)


_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose)\b[^,]*$")
_WHILE = re.compile(r"(?:,|;)\s*(?:while|whereas)\b")


def _relative_clause_start(text: str, s: Sentence, at: int) -> int | None:
    """Where the ", which ..." clause holding `at` starts (None: `at` is in no such clause)."""
    if "which" not in s.text and "who" not in s.text:
        return None
    m = _RELATIVE_CLAUSE.search(text, max(s.start, at - 200), at)
    return m.start() if m else None


def _nearest_date(s: Sentence, position: int, text: str = "", physical: bool = True, ongoing: bool = False) -> DateMention | None:
    """The date that goes with a trigger: English puts it after the verb phrase ("stormed
    the palace on Thursday"), so the first date after the trigger wins, else the nearest
    before. For physical events a date right after "said" dates the statement instead, and
    a period's start ("arrested 29,000 since the coup of 2021") dates no single event,
    except the start of an ongoing protest ("demonstrations since early October")."""
    dates = event_dates(text, s) if text and physical else s.dates
    if text and physical and ongoing and s.since_dates:
        dates = sorted(dates + s.since_dates, key=lambda d: d.start)
    if not dates:
        return None
    # "last year's protests", "Wednesday's unrest": a date in the possessive dates the noun after it.
    # Not a date inside a relative clause that does not hold the trigger: "accused the lawyers ...
    # and said the amendment, which the National Assembly passed on Oct 8, would not be withdrawn"
    # (a physical event may take one before it: the detention that continues from an arrest).
    if text:
        own = _relative_clause_start(text, s, position)
        dates = [d for d in dates if (physical and d.start < position)  # ("The economist, who was arrested in December, is held")
                 or _relative_clause_start(text, s, d.start) in (None, own)]
    after = [d for d in dates if d.start >= position and text[d.end:d.end + 2] not in ("'s", "’s")]
    # Not before a ", while" that starts the trigger's clause: "sanctions over protests in March,
    # while Britain lifted an asset freeze" (the lift is not in March).
    before = [d for d in dates if d.start < position and not (text and _WHILE.search(text, d.end, position))]
    # "The United States on Tuesday imposed sanctions ... over protests in March": a date
    # between the subject and its verb is the verb's.
    if before and text and not text[before[-1].end:position].strip():
        return before[-1]
    # A date after a comma belongs to the next clause ("marched on parliament, a year after
    # ... the protests of June 2024") when the trigger's own clause has one before it.
    if after and (not before or not _CLAUSE_PUNCT.search(text, position, after[0].start)):
        return after[0]
    if before:
        return max(before, key=lambda d: d.start)
    return after[0] if after else None


# "the 2019 fuel protests, in which security forces killed at least 304 people": the killing
# in the relative clause happened in the year that names its antecedent.
_ANTECEDENT_YEAR = re.compile(r"\bthe\s+((?:19|20)\d\d)\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:in|during)\s+which\b[^.;,]*$")


def _antecedent_year(text: str, s: Sentence, position: int) -> DateMention | None:
    if "which" not in s.text:
        return None
    m = _ANTECEDENT_YEAR.search(text, s.start, position)
    if m is None or any(m.end(1) <= d.start < position for d in s.dates):
        return None
    year = int(m.group(1))
    return DateMention(m.start(1), m.end(1), dt.date(year, 1, 1), dt.date(year, 12, 31), "year", False)


_DAYS_AFTER = re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|the) (?P<unit>day|days|week|weeks) (?P<dir>after|before)\b", re.I)
_EVENT_NOUNS = {"rally": "PROTEST", "rallies": "PROTEST", "protest": "PROTEST", "protests": "PROTEST", "march": "PROTEST",
                "demonstration": "PROTEST", "demonstrations": "PROTEST", "strike": "PROTEST", "sit-in": "PROTEST",
                "clashes": "PROTEST", "crackdown": "ASSAULT", "shooting": "ASSAULT", "killings": "ASSAULT",
                "arrests": "COERCE", "raid": "COERCE", "raids": "COERCE"}
_NAMED_EVENT = re.compile(r"\s+(?:the|that|this|[A-Z]\w+day[’']s|last\s+\w+[’']s)\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)\s*,", re.I)


def _days_after(text: str, s: Sentence, position: int, date: DateMention | None, ctx: dict) -> DateMention | None:
    """Dates told relative to another event. "X on Wednesday, a day after police shot dead
    20 protesters": the shooting is the day before Wednesday. "A day after the rally,
    police detained eight": the arrests are the day after the article's rally."""
    rel = None
    lowered = s.text.lower()
    if "after" not in lowered and "before" not in lowered:
        return None
    for m in _DAYS_AFTER.finditer(text, s.start, position):
        rel = m
    if rel is None:
        return None
    n = UNITS.get(rel.group("n").lower(), 1) * (7 if rel.group("unit").lower().startswith("week") else 1)
    sign = 1 if rel.group("dir").lower() == "after" else -1
    precision = "week" if rel.group("unit").lower().startswith("week") else "day"
    if any(rel.end() <= d.start < position for d in s.dates):
        return None  # a date of its own between the phrase and the trigger governs
    anchor = max((d for d in event_dates(text, s) if d.end <= rel.start() and d.date and d.precision == "day"),
                 key=lambda d: d.start, default=None)
    if anchor is not None:  # the main clause's date, the event in the "after" clause
        day = anchor.date - dt.timedelta(days=sign * n)
        return DateMention(rel.start(), rel.end(), day, day, precision, True)
    named = _NAMED_EVENT.match(text, rel.end(), s.end)
    event_type = _EVENT_NOUNS.get(named.group("noun").lower()) if named else None
    earlier = ctx["dated"].get(event_type)
    if earlier is not None and named.end() <= position:  # "A day after the rally, <event>"
        day = earlier + dt.timedelta(days=sign * n)
        return DateMention(rel.start(), rel.end(), day, day, precision, True)
    return None


def _attribution(text: str, s: Sentence, first_trigger: int | None = None, ctx: dict | None = None) -> tuple[str | None, str | None]:
    """(stance for reports made in this sentence, who it is attributed to). A verb of saying
    embedded in a relative clause after the sentence's first trigger vouches for nothing
    before it ("Police fired tear gas ... against an amendment that critics say ...")."""
    sent = s.text
    m = _ACCORDING.search(sent) if "ccording" in sent else None
    if m:
        tail = sent[m.end():].strip().rstrip(".").strip()
        tail = re.split(r",|\s+(?:which|who|that)\s+", tail)[0]
        return "alleged", tail or None
    m = _reporting(text, s.start, s.end)
    if m and first_trigger is not None and m.start() > first_trigger and _EMBEDDED_SAYING.search(text, max(s.start, m.start() - 30), m.start()):
        m = _reporting(text, s.start, s.end, embedded=False)
    if m:
        is_pronoun, referent = _pronoun_speaker(text, s, m, ctx)
        if is_pronoun:  # "..., he said": whom the pronoun stands for, not someone named in what he said
            return "alleged", referent.name if referent else None
        speaker = _speaker_of(s, m) or next((x for x in s.mentions if x.claimant_type), None)
        return "alleged", speaker.name if speaker else m.group(0)
    return None, None


_PRONOUN_BEFORE_VERB = re.compile(r"\b(?P<pronoun>he|she|it|they)\s+(?:\w+ly\s+)?$", re.I)


def _pronoun_speaker(text: str, s: Sentence, verb: re.Match, ctx: dict | None) -> tuple[bool, Mention | None]:
    """Whether the verb of saying has a pronoun for its subject (", he said", ", it added"),
    and whom the pronoun stands for: the person (he, she) or the body (it, they) that spoke
    last before this sentence (for he or she, the body when no person has spoken), None when
    there is none."""
    if ctx is None:
        return False, None
    m = _PRONOUN_BEFORE_VERB.search(text, max(s.start, verb.start() - 20), verb.start())
    if m is None:
        return False, None
    if m.group("pronoun").lower() in {"he", "she"}:
        return True, ctx["last_person"] or ctx["last_body"]  # (a spokesman of the body that spoke)
    return True, ctx["last_body"]


_LISTENER_AFTER = frozenset(lx.saying_verbs("listener_after"))


def _speaker_of(s: Sentence, verb: re.Match) -> Mention | None:
    """Who says it: the nearest possible speaker before the verb of saying, else one right
    after it ("..., said Amnesty"; not whom it was told to: "he told state television")."""
    before = next((x for x in reversed(s.mentions) if x.start < verb.start() and x.claimant_type), None)
    if before is not None or verb.group(0).lower() in _LISTENER_AFTER:
        return before
    return next((x for x in s.mentions if x.claimant_type and 0 <= x.start - verb.end() < 5), None)


def _saying_it_is_a_denial(text: str, s: Sentence, ctx: dict, denied: EventReport, out: list, denial: re.Match | None) -> None:
    """Saying that something did not happen is a denial in its own right ("No one was
    arrested, the police chief said"; "Reports that police killed three are false, the
    ministry said"): a REJECT/deny by the speaker, where the denied event was. Not when
    the sentence already has a verb of denial, or a rejection, of its own."""
    verb = _reporting(text, s.start, s.end)
    if verb is None or denial is not None or any(c.report.event_type == "REJECT" for c in out):
        return
    rejection = _build_report(text, s, ctx, "REJECT", "deny", verb.start(), verb.end(), speaker=_speaker_of(s, verb))
    if rejection is not None:
        rejection.confidence = 0.6
        rejection.country_iso3 = denied.country_iso3
        out.append(Candidate(rejection, s.index, 1.0))


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


# ----------------------------------------------------------------------------- events
def _event_candidates(text: str, s: Sentence, ctx: dict) -> list[Candidate]:
    found: list[tuple[int, str, str, re.Match]] = []
    for m, row in lx.table("events.csv").finditer(text, s.start, s.end):
        found.append((m.start(), row["event_type"], row["event_mode"], m))
    for m, row in lx.table("sanctions.csv").finditer(text, s.start, s.end):
        found.append((m.start(), "SANCTION", row["event_mode"], m))
    if not found:
        return []
    # "sanctioned"/"designated" count only with a sanctions context in the sentence.
    found = [f for f in found if not (f[1] == "SANCTION" and f[3].group(0).lower() in {"sanctioned", "designated", "blacklisted"}
                                      and not re.search(r"sanction|treasury|blacklist|asset freeze", s.text, re.I))]
    types_here = {(t, mode) for _, t, mode, _ in found}
    out: list[Candidate] = []
    stance_here, attributed_to = _attribution(text, s, min(f[0] for f in found), ctx)
    if stance_here is None and s.quoted_by is not None:
        # '"No one was killed by the security forces. They did not use a single live bullet,"
        # he told state television': the quotation's speaker speaks in its first sentences too.
        stance_here, attributed_to = _attribution(text, s.quoted_by, ctx=ctx)
    denial = next((m for m, row in lx.table("attribution.csv").finditer(text, s.start, s.end) if row["stance"] == "denies"), None)
    for position, event_type, mode, m in found:
        before = text[max(s.start, position - 30):position]
        negated = event_type not in SPEECH_ACTS and bool(_NEGATED.search(_CLAUSE_PUNCT.split(before)[-1]))
        if negated and _UNCONFIRMED.search(before):
            continue  # "Police have not confirmed any arrests": neither told nor denied
        if event_type in {"PROTEST", "ASSAULT", "COERCE"} and not negated and _cued(_HYPOTHETICAL, _HYPOTHETICAL_KEYS, before):
            continue  # ("had not used any chemical agents" is a denial, not a hypothetical)
        if negated and not stance_here:
            continue  # the outlet says it did not happen: nothing to code
        if event_type == "PROTEST" and mode == "strike" and _MILITARY_STRIKE.search(before):
            continue
        if event_type == "PROTEST" and mode == "demonstrate" and _IN_BEFORE.search(before) and m.group(0).lower() == "protest":
            continue
        if event_type == "COERCE" and _RELEASE_OF.search(before):
            continue  # "to release all detained workers": those held, not a new arrest
        if event_type == "PROTEST" and (_BACKGROUND.search(before) or _PERIOD_OF.search(before)):
            continue  # ("after a week of clashes", "four months of protests": a period, not an event of its own)
        if event_type == "PROTEST" and _BLOCKADE.match(m.group(0)) and not _blocked_by_protesters(s, position):
            continue  # "Police blocked roads", "Containers blocked the roads": a security measure, not a protest
        if event_type == "ASSAULT" and mode == "kill" and any(t == "ASSAULT" and md != "kill" for t, md in types_here):
            continue
        if event_type == "MOBILIZE" and not any(x.actor_type == "security_forces" for x in s.mentions):
            continue
        if event_type == "ACCUSE" and m.group(0).lower().startswith("accusing") and any(t == "SANCTION" for t, _ in types_here):
            continue  # "designated four officers, accusing them of ...": the sanction's reason
        trigger = m.group(0).lower()
        if event_type == "THREATEN" and mode == "violence" and trigger.startswith(("warn", "a warning")) \
                and not _FORCE_WORDS.search(text, position, s.end):
            continue  # "the IMF warned that youth unemployment remained high" threatens no one
        if event_type == "REJECT" and mode == "refuse" and _CONDITION_BEFORE.search(before):
            continue  # "a strike on Monday if the government does not resign": a condition, not a refusal
        if event_type == "REQUEST" and trigger.startswith("called for") and any(
                t == "PROTEST" and not m.end() <= p <= m.end() + 30 for p, t, _, _ in found):
            continue  # "some 400 people called for an investigation": the protest's aim (a call for a strike is a call)
        claim_that = _CLAIM_THAT.search(text, s.start, position) if event_type == "REQUEST" else None
        if claim_that:
            # "the government's claim that the US had urged protesters to use violence": an allegation
            event_type, mode = "ACCUSE", "allege"
        if event_type in PHYSICAL_EVENTS:
            # Both look back only within the phrase (no punctuation between cue and trigger).
            clause_before = _CLAUSE_PUNCT.split(text[max(s.start, position - 90):position])[-1]
            if (_cued(_FUTURE_BEFORE, _FUTURE_KEYS, clause_before) or _FUTURE_AFTER.match(text, m.end(), s.end)
                    or _cued(_DATED_NOUN, _DATED_NOUN_KEYS, before) or _cued(_MOTIVE_BEFORE, _MOTIVE_KEYS, clause_before)
                    or (event_type == "PROTEST" and _DATED_AFTER.match(text, m.end(), s.end))):
                continue
            if m.group(0).lower() in _IMPLYING_WORDS and _VICTIMS_OF.search(before):
                continue
        report = _build_report(text, s, ctx, event_type, mode, position, m.end())
        if report is None:
            continue
        if claim_that:
            _allegation_actors(report, s, ctx, claim_that.end(), position)
        if event_type in SPEECH_ACTS:
            report.stance = "asserted"
        elif negated:  # a source says it did not happen
            report.stance = "denied"
            report.attributed_to = attributed_to
            _saying_it_is_a_denial(text, s, ctx, report, out, denial)
        elif (called_false := _CALLED_FALSE.search(text, m.end(), s.end)) is not None and event_type not in SPEECH_ACTS:
            report.stance = "denied"  # "Messages claiming that police killed three people are false"
            # ... says the sentence's speaker ("the ministry said"), else whoever is named after the
            # words ("are false, according to ..."), else the outlet.
            report.attributed_to = (attributed_to if stance_here else None) \
                or next((x.name for x in s.mentions if x.start >= called_false.start()), None) or ctx["outlet"]
            _saying_it_is_a_denial(text, s, ctx, report, out, denial)
        elif denial is not None and denial.start() < position and m.group(0).lower() not in _IMPLYING_WORDS:
            report.stance = "denied"
            report.attributed_to = next((x.name for x in reversed(s.mentions) if x.start < denial.start()), None)
        elif stance_here:
            report.stance = stance_here
            report.attributed_to = attributed_to
        score = sum(1 for v in (report.actor1, report.actor2, report.participants, report.location, report.event_date) if v)
        score += {"asserted": 1.0, "alleged": 0.5, "denied": 0.0}[report.stance]
        report.confidence = round(min(0.95, 0.45 + 0.08 * score), 2)
        if report.event_date and report.date_precision == "day":
            ctx["dated"].setdefault(event_type, report.event_date)
        weak = event_type == "PROTEST" and m.group(0).lower() in _IMPLYING_WORDS
        own_date = dated_here = next((d for d in event_dates(text, s) if d.date), None) is not None
        if own_date and report.event_date is not None:  # "The arrests came after a sit-in on 3 March": the sit-in's date
            date_at = _date_start(s, report)  # (another trigger between the two: the date is that one's,
            own_date = not any(min(position, date_at) < p < max(position, date_at) for p, *_ in found)  # before or after)
        anaphoric = event_type in PHYSICAL_EVENTS and not weak and (
            (bool(_DEFINITE.search(before)) and not own_date) or report.stance == "denied" or bool(_REFERRING.search(before)))
        out.append(Candidate(report, s.index, score, weak=weak, anaphoric=anaphoric, dated_here=dated_here))
        # "Marches were held in Buenos Aires, Cordoba and Rosario": one event in each place.
        for place in _listed_with(text, s, report.location) if event_type in PHYSICAL_EVENTS else ():
            twin = dataclasses.replace(report, location=place.name, admin1=place.admin1, latitude=place.latitude,
                                       longitude=place.longitude, geo_precision=place.precision, country_iso3=place.iso3)
            out.append(Candidate(twin, s.index, score, weak=weak, anaphoric=anaphoric))
    return out


_REASON_CLAUSE = re.compile(r"\b(?:after|amid|over|following|despite) (?:the )?(?:reports?|claims?|allegations?|revelations?|news|rumou?rs?)"
                            r" (?:that|of)\b|\bbecause\b", re.I)
_RELEASE_OF = re.compile(r"\b(?:release|releasing|free|freeing|freedom of)\s+(?:of\s+)?(?:all\s+|the\s+|those\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$", re.I)
_BLOCKADE = re.compile(r"(?:blocked|set up|erected|barricaded)\b", re.I)


def _blocked_by_protesters(s: Sentence, position: int) -> bool:
    """Whether the subject of a blockade verb is a group that protests (farmers, truck
    drivers, protesters, the opposition), not the police or a thing."""
    clause_start = _clause_start(s, position)
    subject = next((m for m in reversed(s.mentions) if clause_start <= m.start and m.end <= position and m.kind != "country"), None)
    return subject is not None and subject.actor_type in {"protesters", "rioters", "opposition"}


_LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _names_the_outlet(phrase: str, outlet: str) -> bool:
    """Whether a clause opens with the outlet's name or its initials ("The BWRF calls on ..." in
    the Bangladesh Workers Rights Forum's release)."""
    phrase = re.sub(r"^\s*(?:[Tt]he\s+)?", "", phrase)
    if phrase.startswith(outlet):
        return True
    initials = "".join(w[0] for w in outlet.split() if w[:1].isupper())
    return len(initials) >= 2 and re.match(rf"{re.escape(initials)}\b", phrase) is not None


def _allegation_actors(report: EventReport, s: Sentence, ctx: dict, claim_end: int, position: int) -> None:
    """"He reiterated the government's claim that the United States had urged ...": he (the
    speaker) accuses the subject of the claimed deed."""
    if _PRONOUN_SUBJECT.match(s.text) and ctx["last_person"]:
        speaker = ctx["last_person"]
        report.actor1, report.actor1_type, report.actor1_iso3 = speaker.name, speaker.actor_type, speaker.iso3
    accused = next((m for m in s.mentions if claim_end <= m.start and m.end <= position and (m.iso3 or m.kind in {"person", "role"})), None)
    if accused is not None:
        report.actor2, report.actor2_iso3 = accused.name, accused.iso3
        report.actor2_type = "foreign_state" if accused.actor_type == "state" and accused.iso3 and accused.iso3 != report.country_iso3 else accused.actor_type


def _date_start(s: Sentence, report: EventReport) -> int:
    """Where in the sentence the report's date was written (the sentence's end if nowhere)."""
    return next((d.start for d in s.dates if d.date == report.event_date and d.date_end == report.event_date_end), s.end)


def _listed_with(text: str, s: Sentence, location: str | None) -> list[Place]:
    """The other places of the list that `location` is named in ("in A, B and C")."""
    if location is None or len(s.places) < 2:
        return []
    groups: list[list[tuple[int, int, Place]]] = []
    for item in s.places:
        if groups and _LIST_JOIN.fullmatch(text, groups[-1][-1][1], item[0]):
            groups[-1].append(item)
        else:
            groups.append([item])
    for group in groups:
        names = [p.name for _, _, p in group]
        if len(group) > 1 and location in names:
            return [p for _, _, p in group if p.name != location]
    return []


def _first(mentions, predicate, start=None, end=None):
    return next((m for m in mentions if predicate(m) and (start is None or m.start >= start) and (end is None or m.start < end)), None)


def _build_report(text: str, s: Sentence, ctx: dict, event_type: str, mode: str, position: int, trigger_end: int,
                  speaker: Mention | None = None) -> EventReport | None:
    mentions = [m for m in s.mentions if not (m.start <= position < m.end)]
    main = ctx["main_country"]
    actor1 = actor2 = None
    participants = None
    country = None
    if event_type == "PROTEST":
        groups = [m for m in mentions if m.kind == "group" and m.actor_type == "protesters" and m.name != "protesters"]
        participants = "; ".join(dict.fromkeys(g.name for g in groups)) or None
        rioters = _first(mentions, lambda m: m.actor_type == "rioters")
        actor1 = rioters if mode == "riot" and rioters else Mention(0, 0, "", "protesters", "protesters", None, "group")
    elif event_type in {"ASSAULT", "COERCE", "MOBILIZE"}:
        # The subject: the nearest state or security actor before the verb in its clause
        # ("Authorities suspended internet services and deployed troops": the authorities).
        clause_start = _clause_start(s, position)
        subject = next((m for m in reversed(mentions) if clause_start <= m.start and m.end <= position
                        and m.actor_type in {"security_forces", "state"}
                        and not _LOCATIVE_COUNTRY.search(text[max(s.start, m.start - 12):m.start])
                        and not _OBJECT_BEFORE.search(text, max(s.start, m.start - 20), m.start)), None)  # ("reaching parliament")
        actor1 = subject or _first(mentions, lambda m: m.actor_type == "security_forces") or _first(mentions, lambda m: m.actor_type == "state" and m.kind != "country")
        actor2 = _first(mentions, lambda m: m.actor_type in {"protesters", "civilians", "opposition", "media"} or m.kind == "group")
    elif event_type == "SANCTION":
        actor1 = _first(mentions, lambda m: (m.iso3 or m.kind == "io") and m.actor_type in {"state", "international_org"}
                        and not _TARGET_PREP.search(text[max(s.start, m.start - 40):m.start]))
        target = _first(mentions, lambda m: m.iso3 and _TARGET_PREP.search(text[max(s.start, m.start - 40):m.start]) and m.kind in {"country", "role"})
        if target is None:
            target = _first(mentions, lambda m: m.kind == "country" and actor1 is not None and m.iso3 != actor1.iso3)
        country = target.iso3 if target else (main if actor1 is None or main != actor1.iso3 else None)
        if country is None:
            return None
        actor2 = target or Mention(0, 0, "", lx.country_name(country), "state", country, "country")
    else:  # speech acts: ACCUSE, THREATEN, REJECT, CONCEDE
        clause_start = _clause_start(s, position)
        subject = next((m for m in mentions if clause_start <= m.start and m.end <= position), None)
        if subject is not None and subject.kind == "group" and event_type in {"ACCUSE", "THREATEN"} \
                and (event_type == "THREATEN" or _reporting(text, s.start, position) is None):
            return None  # protesters blaming someone is the protest's message, not a separate event
            # (unless they speak: "Protest organisers said ... and accused the agents of ..."; their
            # threats are plans of protest, never coded)
        outlet = ctx["outlet"]
        # "AAPP calls on the UN Security Council to ..., and urges ASEAN ...": both the publisher's.
        opener = bool(outlet) and _names_the_outlet(s.text, outlet) and not _first(mentions, lambda m: m.claimant_type is not None, end=s.start + 12)
        actor1 = speaker or (None if opener else _first(mentions, lambda m: m.claimant_type is not None, end=position))
        if actor1 is None and ctx["last_person"] and (_PRONOUN_SUBJECT.match(s.text) or _QUOTE_THEN_HE_SAID.search(text, position, s.end)):
            actor1 = ctx["last_person"]  # (said inside a quotation: '"Any violence will be met with firmness," he said')
        if actor1 is None and outlet and (opener or _names_the_outlet(text[clause_start:position], outlet)):
            # A press release's publisher speaking: "Odhikar demands the immediate release ..."
            # (a UN office's release speaks as an international organisation, a ministry's as the state)
            actor_type = ACTOR_OF_CLAIMANT_TYPE.get(ctx["outlet_type"], "media") if ctx["outlet_type"] != "unknown" else "media"
            kind = {"international_org": "io", "state": "body"}.get(actor_type, actor_type)
            actor1 = Mention(clause_start, clause_start + len(outlet), outlet, outlet, actor_type, None, kind)
        if event_type == "ACCUSE":
            actor2 = _first(mentions, lambda m: m.iso3 or m.kind in {"person", "group", "role"}, start=position + 1)
            pronoun = _OBJECT_PRONOUN.search(text, position, min(s.end, trigger_end + 5))
            if pronoun is not None and (actor2 is None or actor2.start > pronoun.start()):
                actor2 = next((m for m in reversed(mentions) if m.kind == "person" and m.end <= pronoun.start() and m is not actor1), actor2)
        if actor1 is None and event_type != "CONCEDE":
            return None  # (giving in is coded whoever gives in: "Enkhbat announced his resignation")
    # Where it happened.
    place = None
    if event_type in PHYSICAL_EVENTS:
        # Not a place named in the reason given after the event ("gathered on the square ...
        # after reports that his family had bought property in Seoul and Dubai").
        reason = _REASON_CLAUSE.search(text, trigger_end, s.end) if s.places else None
        places = [p for p in s.places if reason is None or p[0] < reason.start()]
        if places:
            place = min(places, key=lambda p: abs(p[0] - position))[2]
            country = place.iso3
        else:
            located = _first(mentions, lambda m: m.kind == "country" and _LOCATIVE_COUNTRY.search(text[max(s.start, m.start - 12):m.start]))
            country = located.iso3 if located else None
            previous = ctx["place_before"]
            if country is None and previous is not None and previous[1] != main:
                # The story goes on where the last sentence of the paragraph was ("In Istanbul, police
                # fired tear gas ... The governor's office said 37 people were detained").
                country = previous[1]
            country = country or main
    elif country is None and event_type in SPEECH_ACTS and main:
        # What a statement is about: "the US embassy called for the activists' release" in a
        # story from Cambodia is about Cambodia (as a sanction is coded by its target).
        country = main
    elif country is None:
        country = (actor1.iso3 if actor1 and actor1.iso3 else None) or main

    def iso_of(actor: Mention | None) -> str | None:
        if actor is None:
            return None
        if actor.iso3:
            return actor.iso3
        if actor.actor_type in ROLE_ACTOR_TYPES | {"protesters", "rioters", "opposition", "civilians", "state_media"}:
            return country
        return None

    def type_of(actor: Mention | None) -> str | None:
        if actor is None:
            return None
        if actor.actor_type == "state" and actor.iso3 and country and actor.iso3 != country:
            return "foreign_state"
        return {"state_media": "media"}.get(actor.actor_type, actor.actor_type)

    physical = event_type in PHYSICAL_EVENTS
    date = _antecedent_year(text, s, position) if physical else None
    date = date or _nearest_date(s, position, text, physical, ongoing=event_type == "PROTEST")
    shifted = _days_after(text, s, position, date, ctx) if physical or event_type == "SANCTION" else None
    if shifted is not None:
        date = shifted
    elif date is None and not _CUMULATIVE.search(s.text) and not s.since_dates and (not physical or s.index >= ctx["lead_sentence"]):
        # A wire story reports one news day: undated sentences share the lead's date (a summary
        # of physical events before the lead's date stays undated; a statement there does not).
        date = ctx["lead_date"]
    vocab = lx.event_vocab().get((event_type, mode), {})
    acled_type, acled_sub = vocab.get("acled_event_type") or None, vocab.get("acled_sub_event_type") or None
    if event_type == "ASSAULT" and actor2 is not None and actor2.actor_type == "protesters" and mode in {"firearms", "kill"}:
        acled_type, acled_sub = "Protests", "Excessive force against protesters"
    evidence = s.text
    return EventReport(
        report_id="",
        article_id=ctx["article_id"],
        event_type=event_type,
        event_mode=mode,
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        actor1=actor1.name if actor1 else None,
        actor1_type=type_of(actor1) if actor1 else "unknown",
        actor1_iso3=iso_of(actor1),
        actor2=actor2.name if actor2 else None,
        actor2_type=type_of(actor2),
        actor2_iso3=iso_of(actor2),
        participants=participants,
        country_iso3=country,
        location=place.name if place else None,
        admin1=place.admin1 if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.precision if place else ("country" if country else "unknown"),
        event_date=date.date if date else None,
        event_date_end=date.date_end if date else None,
        date_precision=date.precision if date and date.date else "unknown",
        evidence_text=evidence,
        evidence_start=s.start,
        evidence_end=s.end,
        extractor_version=EXTRACTOR_VERSION,
    )


def _merge_key(r: EventReport) -> tuple:
    date_key = (r.event_date, r.date_precision)
    if r.event_type in PHYSICAL_EVENTS:
        return (r.event_type, r.event_mode, r.country_iso3, r.location, date_key)
    if r.event_type == "SANCTION":
        return (r.event_type, r.event_mode, r.actor1_iso3, r.country_iso3, date_key)
    if r.event_type == "REQUEST":  # one appeal, whoever it is addressed to ("calls on the UN ... and on ASEAN ...")
        return (r.event_type, r.event_mode, r.actor1, None, date_key)
    return (r.event_type, r.event_mode, r.actor1, r.actor2_iso3 or r.actor2, date_key)


def _dated_past(a: tuple, b: tuple) -> bool:
    """Whether one of two merge keys carries a date of a year or month (a past episode told
    by its date, "In May 2022, security forces killed dozens") and the other none."""
    return any(k[4][0] is not None and k[4][1] in {"year", "month"} for k in (a, b))


def _merge_reports(candidates: list[Candidate]) -> tuple[list[EventReport], dict[int, dict[tuple, str]]]:
    """One report per event: the candidate with the best evidence wins; its stance is the
    strongest any sentence gives (asserted over alleged over denied)."""
    # A protest implied only by the word "protesters" is the article's protest when it
    # names one, and one protest (the first mention's) when it does not.
    # (a strike or hunger strike told elsewhere is not the crowd's protest)
    stated = {c.report.country_iso3 for c in candidates
              if c.report.event_type == "PROTEST" and c.report.event_mode in {"demonstrate", "riot"} and not c.weak and not c.anaphoric}
    implied: dict[str, Candidate] = {}
    for c in candidates:
        if c.weak and c.report.country_iso3 not in stated:
            implied.setdefault(c.report.country_iso3, c)
    candidates = [c for c in candidates if not c.weak or implied.get(c.report.country_iso3) is c]
    groups: dict[tuple, list[Candidate]] = {}
    referring = [c for c in candidates if c.anaphoric]
    # Those with a place first, so that a place-less telling ("marched across France") joins them.
    told = [c for c in candidates if not c.anaphoric]
    for c in [c for c in told if c.report.location is not None] + [c for c in told if c.report.location is None] + referring:
        # A place-less mention of the same event joins the one with a place; "the rally"
        # without a date of its own joins the article's rally, whatever its date.
        key = _merge_key(c.report)
        if c.anaphoric and key not in groups:
            same = [k for k in groups if k[:3] == key[:3]] or [k for k in groups if k[:2] == key[:2]]
            if same:
                groups[same[0]].append(c)
                continue
        if c.report.location is None:
            same = [k for k in groups if k[:3] == key[:3] and k[4] == key[4]]
            if same:
                key = same[0]
        groups.setdefault(key, []).append(c)
    # "strikers marched ...; some of them broke into the building": one protest, a riot.
    for key in [k for k in groups if k[:2] == ("PROTEST", "demonstrate")]:
        sentences = {c.sentence for c in groups[key] if not c.weak}
        riot = next((k for k in groups if k[:3] == ("PROTEST", "riot", key[2]) and k[4] == key[4]
                     and (k[3] == key[3] or None in (k[3], key[3]))  # not a blockade in Paris and a riot in Toulouse
                     and (sentences & {c.sentence for c in groups[k]} or k[3] == key[3])), None)  # (one place: across sentences)
        if riot is not None:
            groups[riot].extend(groups.pop(key))
    for key in [k for k in groups if k[0] == "ASSAULT" and k[1] == "kill"]:
        # Deaths told with no date of their own ("Two residents said at least seven people were
        # killed") are the deaths of the shooting told before them, whatever its day (a denial's
        # date is the denial's: "denied on Monday that soldiers had killed civilians").
        told = [c for c in groups[key] if c.report.stance != "denied"]
        undated_from = min(c.sentence for c in told) if told and not any(c.dated_here for c in told) else -1
        target = next((k for k in groups if k[0] == "ASSAULT" and k[1] != "kill" and k[2] == key[2]
                       and (k[4] == key[4] or None in (k[4][0], key[4][0]) and not _dated_past(key, k)  # not a killing of 2022 into today's shooting
                            or min(c.sentence for c in groups[k]) < undated_from and not _dated_past(key, k))
                       and any(c.report.stance != "denied" for c in groups[k])), None)
        if target is not None:
            groups[target].extend(groups.pop(key))
    reports: list[EventReport] = []
    used_ids: set[str] = set()
    by_sentence: dict[int, dict[tuple, str]] = {}
    for key, members in groups.items():
        best = max(members, key=lambda c: (not c.anaphoric, c.score, -c.sentence))
        report = best.report
        if key[:2] == ("PROTEST", "riot") and report.event_mode != "riot":
            # A protest joined by the riot it became: the best-told report, coded as the riot.
            riot = max((c.report for c in members if c.report.event_mode == "riot"), key=lambda r: r.confidence)
            report.event_mode, report.acled_event_type, report.acled_sub_event_type = riot.event_mode, riot.acled_event_type, riot.acled_sub_event_type
            report.actor1, report.actor1_type, report.actor1_iso3 = riot.actor1, riot.actor1_type, riot.actor1_iso3
        stances = {c.report.stance for c in members}
        if "asserted" in stances and report.stance != "asserted" and not all(c.anaphoric for c in members if c.report.stance == "asserted"):
            asserted = [c for c in members if c.report.stance == "asserted" and not c.anaphoric] \
                or [c for c in members if c.report.stance == "asserted"]
            best = max(asserted, key=lambda c: (not c.anaphoric, c.score, -c.sentence))
            report = best.report
        report.report_id = _id(report.article_id, "report", report.event_type, report.event_mode, report.evidence_start,
                               report.location, report.event_date, report.actor1, report.actor2_iso3)
        while report.report_id in used_ids:  # two events of one kind told in one sentence
            report.report_id = _id(report.report_id, "next")
        used_ids.add(report.report_id)
        reports.append(report)
        for c in members:
            by_sentence.setdefault(c.sentence, {})[(report.event_type, report.event_mode)] = report.report_id
    reports.sort(key=lambda r: (r.evidence_start, r.event_type, r.event_mode or ""))
    return reports, by_sentence


# ----------------------------------------------------------------------------- claims
def _quantity(text: str, s: Sentence, number) -> str | None:
    after = text[number.end:min(s.end, number.end + 110)]
    # "215 people, including 27 children, have been killed": the subset does not end the phrase.
    aside = _SUBSET_ASIDE.search(after)
    after = (_SUBSET_ASIDE.sub(" ", after) if aside else after)[:100]
    cut = _PHRASE_CUT.search(after)
    if cut:
        after = after[:cut.start()]
    best = None
    after_words, before_words = lx.quantity_tables()
    # Without an aside the phrase is a stretch of the article: its words come from the
    # article's one scan instead of a scan of a copy.
    object_of_preposition = bool(_PREPOSITION_BEFORE.search(text, max(s.start, number.start - 12), number.start))
    offset = 0 if aside else number.end
    found = after_words.finditer(after) if aside else after_words.finditer(text, offset, offset + len(after))
    for m, row in found:
        gap = after[:m.start() - offset]
        if "," in gap and _LIST_IN_GAP.search(gap):  # "thousands of teachers, parents and students formed"
            gap = _LIST_IN_GAP.sub(" ", gap)
        if not _SHORT_GAP.fullmatch(gap) or "," in gap or "." in gap or _SPEECH_IN_GAP.search(gap) \
                or (len(gap.split()) > 6 and (row["quantity"] != "participants" or object_of_preposition or _CLAUSE_IN_GAP.search(gap))) \
                or (row["quantity"] == "participants" and _FORCES_FIRST.match(gap)):
            # crowds have long names ("thousands of supporters of the opposition Front took to the
            # streets"); a figure after a preposition is no crowd ("at three high schools in
            # solidarity with the protesters")
            continue  # "Two residents said police had killed him": the two are speakers, not the dead
        if best is None or (best[1] == "participants" and row["quantity"] != "participants") \
                or (row["quantity"] == "injuries" and m.group(0).lower().startswith("with ")):  # "23 detainees with visible injuries"
            best = (m.start(), row["quantity"])
    before = text[max(s.start, number.start - 60):number.start]
    if best is not None and best[1] == "deaths" and _SENTENCED.search(before) and "to death" in after:
        return None  # "sentenced five protesters to death": a sentence passed, no one has died
    for m, row in before_words.finditer(before):
        if _ARTICLE_GAP.fullmatch(before[m.end():]):
            return row["quantity"]
    return best[1] if best else None


def _claimant(text: str, s: Sentence, clause: tuple[int, int], position: int, ctx: dict,
              reported: re.Match | None = None) -> Mention | None:
    """Who states a figure: "according to X"; else the subject of a reporting verb before
    the figure ("X admitted that thousands died"); else a speaker after it ("..., X said");
    else the nearest possible speaker before it; else a pronoun subject's referent."""
    # A country named as a place ("marched in Paris") is where, not who.
    capable = [m for m in s.mentions if m.claimant_type
               and not (m.kind == "country" and _LOCATIVE_COUNTRY.search(text[max(s.start, m.start - 12):m.start]))]
    according = _ACCORDING.search(s.text)
    # "... to clear tens of thousands of protesters, and 79 people were detained, according to
    # the ministry": the ministry vouches for the 79 only.
    according_elsewhere = bool(according) and _AND_THEN.search(text, position, s.start + according.start()) is not None
    if according_elsewhere:
        according = None
    if according:
        after = [m for m in capable if m.start >= s.start + according.end()]
        if after:
            return after[0]
        # "according to the university's rector": a speaker the lexicons do not know
        tail = _SPEAKER_PUNCT.split(text[s.start + according.end():s.end].rstrip(". "))[0]
        named = None if re.search(r"\b(?:our|we|us)\b", tail, re.I) else _named_speaker(text, s.start + according.end(), s.start + according.end() + len(tail), ctx["outlet"], ctx["outlet_type"])
        if named is not None:
            return named
    tally = next((m for m in capable if m.start < position and _TALLY_BY.search(text[max(s.start, m.start - 25):m.start])), None)
    if tally is not None:
        return tally
    in_clause = [m for m in capable if clause[0] <= m.start < clause[1]]
    # The first verb of saying before the figure: "X admitted that thousands died",
    # "Amnesty says security forces killed 304" (Amnesty, not the security forces).
    verbs = [m for m, _ in lx.table("attribution.csv").finditer(text, clause[0], position)]
    verbs += _reporting_all(text, clause[0], position)
    verb = max(verbs, key=lambda m: m.start()) if verbs else None  # the nearest: "Treasury said ... Amnesty says N"
    if reported is not None:  # (`_denied_reports`, found once by the caller, which also sets the stance)
        # "denied reports relayed by certain foreign media that two young people had been
        # killed": the figure is the reports' (and the denier disputes it).
        by = [m for m in capable if reported.start() <= m.start and m.end <= position]
        if by:
            return by[0]
        named = _named_speaker(text, reported.start("by"), reported.end("by"), ctx["outlet"], ctx["outlet_type"]) if reported.group("by") else None
        # (unnamed: who made them is unknown, which "protesters" stands for among claimant types)
        return named or Mention(reported.start(), reported.end(), reported.group(0).strip(), "unattributed reports", "protesters", None, "body")
    if verb is not None:
        # Not someone named inside an aside: "The opposition party, which demanded the
        # government's resignation, put the number at 20,000" (the party).
        aside = _RELATIVE_ASIDE.search(text, clause[0], verb.start())
        speakers = [m for m in in_clause if m.end <= verb.start() and not (aside and aside.start() < m.start < aside.end())]
        if speakers:
            return speakers[-1]
        named = _named_speaker(text, clause[0], verb.start(), ctx["outlet"], ctx["outlet_type"])
        if named is not None:
            return named  # "The Front said 212 of its supporters had been arrested"
    later_verb = _reporting(text, position, s.end, embedded=False)
    if later_verb is not None:
        is_pronoun, referent = _pronoun_speaker(text, s, later_verb, ctx)
        if is_pronoun:
            return referent  # "Security forces killed 12, he said": he, not the security forces
        # "..., the health ministry said": the speaker right before the verb, not a victim named
        # far from it ("detained dozens of lawyers ... against an amendment that critics say ...").
        between = [m for m in capable if position <= m.start and m.end <= later_verb.start() and later_verb.start() - m.end < 40
                   and not _CLAUSE_PUNCT.search(text, m.end, later_verb.start())]  # (", our correspondent reports": not the prefecture)
        if between:
            return between[-1]
        after = [m for m in capable if m.start >= later_verb.end() and m.start - later_verb.end() < 4]
        if after:
            return after[0]  # "..., said Amnesty"
        named = _named_speaker(text, position, later_verb.start(), ctx["outlet"], ctx["outlet_type"])
        if named is not None:
            return named  # "..., the Prosecutor General's Office said"
    if _reporting(text, s.start, position) is None and (according_elsewhere or not lx.table("attribution.csv").any_in(text, clause[0], clause[1])):
        return None  # no one is said to say it before the figure ("... an amendment that critics say ..." is about something else): the outlet states it
    before = [m for m in in_clause if m.end <= position]
    if before:
        return before[-1]
    if _PRONOUN_SUBJECT.match(s.text) and ctx["last_person"]:
        return ctx["last_person"]
    if _IT_SUBJECT.match(s.text) and ctx["last_body"]:
        return ctx["last_body"]
    return None


_AND_THEN = re.compile(r",\s+and\s+(?:[\w’'-]+\s+){0,3}?(?:were|was|had|have|has|are|is)\b")
# What a denial is of: "denied reports (relayed by certain foreign media) that ..."
_REPORTS_BY = re.compile(r"\s+(?:the\s+)?(?:reports?|rumou?rs?|claims?|allegations?)\b(?:\s+(?:[\w-]+\s+){0,3}?(?:by|from|in)\s+"
                         r"(?P<by>(?:[\w’'-]+\s+){0,4}?(?:media|press|outlets?|websites?|channels?|networks?|groups?|organi[sz]ations?)))?"
                         r"(?=[^.;]*\bthat\b)", re.I)
def _denied_reports(text: str, clause: tuple[int, int], position: int) -> re.Match | None:
    """The "reports (by X) that" a figure comes from, when a denial names them before it."""
    if _OWN_FIGURE.search(text, clause[0], position):
        return None  # "dismissed claims that 40 had been killed, saying only three had died": the three are the speaker's
    denials = [m for m, row in lx.table("attribution.csv").finditer(text, clause[0], position) if row["stance"] == "denies"]
    return _REPORTS_BY.match(text, denials[-1].end(), position) if denials else None


_SPEAKER_PUNCT = re.compile(r"[,;:(\"“”]")
_TIMESTAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?[-–—]\s*", re.I)  # a live blog's "15:20 - "
# What may stand between a speaker and the verb: a personal name ("Levan Ioseliani"), an aside
# ("who asked not to be named") or a description ("an independent group that counts crowds").
_APPOSITION = re.compile(r"^(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}|(?:who|which|known as|also known as|called)\b.*|(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:group|organi[sz]ation|body|outfit|monitor|watchdog|network|collective)\b.*)$")
_NOT_A_SPEAKER = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|these|those|who|which)$|\d", re.I)




def _named_speaker(text: str, start: int, verb_start: int, outlet: str | None = None, outlet_kind: str = "media") -> Mention | None:
    """The noun phrase right before a verb of saying, when the lexicons do not know it:
    "The Cali health secretariat tells us", "the university's rector said". Its claimant
    type comes from the words of its name (`lexicon/speaker_keywords.csv`)."""
    chunks = _SPEAKER_PUNCT.split(_TIMESTAMP.sub("", text[start:verb_start], count=1))
    phrase = chunks[-1].strip()
    if outlet and re.match(r"(?:our|we)\b", phrase, re.I):  # "our Office has documented": the publisher
        return Mention(verb_start - len(phrase), verb_start, phrase, outlet, ACTOR_OF_CLAIMANT_TYPE.get(outlet_kind, "media"), None, "body")
    # Back over appositions and asides to the subject: "The Public Defender, Levan Ioseliani,
    # said"; "A doctor at the hospital, who asked not to be named, said".
    end = verb_start
    for chunk in reversed(chunks):
        phrase = chunk.strip()
        if not phrase or _APPOSITION.match(phrase):
            end -= len(chunk) + 1
            continue
        break
    phrase = re.sub(r"^(?:and|but|while|as|then|also)\s+", "", phrase, flags=re.I)
    words = phrase.split()
    if not words or len(words) > 8 or _NOT_A_SPEAKER.search(phrase) or _NOT_A_SPEAKER.match(words[-1]):
        return None
    claimant_type = next((row["claimant_type"] for _, row in lx.table("speaker_keywords.csv").finditer(phrase)), None)
    if claimant_type is None:
        return None
    name = re.sub(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+", "", phrase)
    actor_type = ACTOR_OF_CLAIMANT_TYPE[claimant_type]
    at = text.rfind(phrase, start, max(end, start + len(phrase)))
    at = at if at >= 0 else verb_start - len(phrase)
    return Mention(at, at + len(phrase), phrase, name, actor_type, None, "body")


_SINGULAR_TITLE = re.compile(r"\b(?:spokes(?:man|woman|person)|minister|governor|mayor|commander|chief|commissioner|president|"
                             r"prosecutor|rector|secretary|general|director|head|leader|ombudsman|ambassador|prefect)"
                             r"(?:,?\s+(?-i:[A-Z][\w'’.-]+)){0,3}$", re.I)  # "the police prefect, Marc Delaunay"


def _speakers_before_saying(text: str, s: Sentence) -> tuple[re.Match, list[Mention]] | None:
    """The sentence's first verb of saying and the possible speakers named before it."""
    verb = _reporting(text, s.start, s.end)
    if verb is None:
        return None
    return verb, [m for m in s.mentions if m.end <= verb.start() and m.claimant_type]


def _titled_speaker(text: str, s: Sentence, ctx: dict) -> Mention | None:
    """A single official who speaks in the sentence ("The police commander said"): the one a
    following "He said" refers to."""
    said = _speakers_before_saying(text, s)
    if said is None:
        return None
    verb, before = said
    named = before[-1] if before and verb.start() - before[-1].end < 3 else _named_speaker(text, s.start, verb.start(), ctx["outlet"], ctx["outlet_type"])
    phrase = text[named.start:named.end].strip() if named is not None else ""
    return named if named is not None and _SINGULAR_TITLE.search(phrase) else None


_IT_SUBJECT = re.compile(rf"^It\s+(?:{lx.saying('it_subject')}|also)\b")


def _speaking_body(text: str, s: Sentence) -> Mention | None:
    """An organisation that speaks in the sentence ("The Interior Ministry said in a
    statement"): the one a following "It said" refers to."""
    said = _speakers_before_saying(text, s)
    if said is None:
        return None
    verb, before = said
    bodies = [m for m in before if m.kind not in {"person", "country"}]
    return bodies[-1] if bodies and verb.start() - bodies[-1].end < 30 else None


# ", saying only three had died": a speaker's own figure after the claim they reject.
_OWN_FIGURE = re.compile(rf",\s+(?:{lx.saying('own_figure')})\b[^,;]*$", re.I)


def _claim_stance(text: str, clause: tuple[int, int], s: Sentence, position: int | None = None) -> str:
    if position is not None and _OWN_FIGURE.search(text, clause[0], position):
        return "asserts"
    for span in (clause, (s.start, s.end)):
        for _, row in lx.table("attribution.csv").finditer(text, span[0], span[1]):
            return row["stance"]
    return "asserts"


def _claims(text: str, s: Sentence, ctx: dict) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    out: list[Claim] = []
    numbers = find_numbers(text, s.start, s.end)
    relative_possible = ctx["anchor"] is not None or bool(numbers)
    if relative_possible:
        lowered = s.text.lower()
        relative_possible = any(word in lowered for word in _COMPARATIVES)
    if not numbers and not relative_possible:
        return drafts
    clauses = _clauses(s)
    previous_end = None  # where the last claimed figure's words end
    for number in numbers:
        if number.followed_by_unit:
            continue
        quantity = _quantity(text, s, number)
        part_of = None
        victim_group = None
        subset_after = _SUBSET_AFTER.match(text, number.end, s.end)  # "15 injured, five of them seriously"
        if (_SUBSET.search(text[max(s.start, number.start - 25):number.start]) or subset_after) and out \
                and not (subset_after and quantity and quantity != out[-1].quantity):  # "31 with gunshot wounds ... four of them had died": deaths
            part_of = out[-1]
            quantity = part_of.quantity if subset_after else quantity or part_of.quantity
            tail = _VICTIM_GROUP.match(text, number.end, s.end)
            victim_group = tail.group(1).strip() if tail and not subset_after else None
        if (quantity in (None, "participants") and out and out[-1].quantity != "participants" and previous_end is not None
                and _AND_NEXT.fullmatch(text, previous_end, number.start)):
            quantity = out[-1].quantity  # "treated three bank employees and two protesters": both treated
        # The figure before, in this sentence or (with a verb of counting, not just "said") the last.
        counted = out[-1] if out else ctx["anchor"] if ctx["anchor_sentence"] == s.index - 1 else None
        cue = _COUNTED_BEFORE.search(text, max(s.start, number.start - 30), number.start)
        if quantity is None and counted is not None and cue and (out or (not cue.group(0).lower().startswith(_COUNTED_SAYING)
                                                                       and _BARE_FIGURE_END.match(text, number.end, s.end))):
            quantity = counted.quantity  # "8,000 farmers took part; the interior ministry counted 5,200"; "Police put the figure at 11,000"
        if quantity is None or (number.is_year_like and not part_of):
            continue
        if _THINGS_AFTER.match(text, number.end, s.end):
            continue  # "2 police stations torched", "200 rounds of tear gas": things, not people
        if _THE_BEFORE.search(text, max(s.start, number.start - 5), number.start) and (quantity, number.value_low) in ctx["claimed"]:
            continue  # "the 11 had been detained": the figure told before, named again
        previous_end = number.end
        clause = _clause_of(clauses, number.start)
        reported = _denied_reports(text, clause, number.start)
        who = _claimant(text, s, clause, number.start, ctx, reported)
        if who is not None:
            claimant, claimant_type = who.name, who.claimant_type
        elif part_of is not None:  # "14 people have been admitted, two of them police officers": the same speaker's
            claimant, claimant_type = part_of.claimant, part_of.claimant_type
        else:
            claimant, claimant_type = ctx["outlet"], ctx["outlet_type"]
        claim = Claim(
            claim_id=_id(ctx["article_id"], "claim", quantity, number.start),
            article_id=ctx["article_id"],
            quantity=quantity,
            claimed_on=ctx["published"],
            value_low=number.value_low,
            value_high=number.value_high,
            value_text=text[number.start:number.end],
            qualifier=number.qualifier,
            part_of_claim_id=part_of.claim_id if part_of else None,
            victim_group=victim_group,
            claimant=claimant,
            claimant_type=claimant_type,
            stance="asserts" if reported is not None else _claim_stance(text, clause, s, number.start),
            country_iso3=s.places[0][2].iso3 if s.places else ctx["main_country"],
            evidence_text=s.text,
            evidence_start=s.start,
            evidence_end=s.end,
            confidence=0.8 if who else 0.6,
            extractor_version=EXTRACTOR_VERSION,
        )
        drafts.append(ClaimDraft(claim, s.index, by_person=bool(who and who.kind == "person")))
        ctx["claimed"].add((quantity, number.value_low))
        out.append(claim)
        if not part_of:
            ctx["anchor"], ctx["anchor_sentence"] = claim, s.index
            ctx["anchors"][claim.quantity] = claim
    # Relative claims: "much lower", "far higher" than a figure stated earlier.
    for clause in clauses if relative_possible else ():
        m = _RELATIVE.search(text, clause[0], clause[1])
        anchor = ctx.get("anchor")
        noun = _FIGURE_NOUN.search(text, clause[0], clause[1])
        if not m or anchor is None or not noun:
            continue
        if any(m.end() <= n.start < clause[1] and any(ch.isdigit() for ch in n.text) for n in numbers):
            continue  # "a smaller crowd of about 200": a figure of its own, not a comparison
        # "the turnout had been much lower": compared with the last figure of that kind.
        anchor = ctx["anchors"].get(_FIGURE_NOUN_QUANTITY.get(noun.group(0).lower()), anchor)
        who = _claimant(text, s, clause, m.start(), ctx, _denied_reports(text, clause, m.start()))
        relation = "lower_than" if m.group("cmp").lower() in {"lower", "smaller"} else "higher_than"
        claim = Claim(
            claim_id=_id(ctx["article_id"], "claim", "relative", m.start()),
            article_id=ctx["article_id"],
            quantity=anchor.quantity,
            claimed_on=ctx["published"],
            value_text=m.group(0).strip(),
            qualifier="relative",
            relation=relation,
            relative_to_claim_id=anchor.claim_id,
            claimant=who.name if who else None,
            claimant_type=who.claimant_type if who else "unknown",
            stance=_claim_stance(text, clause, s),
            country_iso3=ctx["main_country"],
            evidence_text=s.text,
            evidence_start=s.start,
            evidence_end=s.end,
            confidence=0.7 if who else 0.5,
            extractor_version=EXTRACTOR_VERSION,
        )
        drafts.append(ClaimDraft(claim, s.index, anchor=anchor))
    return drafts


_STANCE_RANK = {"admits": 3, "denies": 2, "disputes": 2, "asserts": 1}


def _merge_claims(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """The same figure from the same kind of claimant, said in several sentences, is one
    claim: the named person beats a title ("Khamenei" over "Iran's top leader"), an
    admission beats a plain statement, and the evidence is the sentence that has both."""
    groups: dict[tuple, list[ClaimDraft]] = {}
    for d in drafts:
        c = d.claim
        if c.qualifier == "relative":
            key = ("relative", c.relation, c.claimant, id(d.anchor))
        elif c.part_of_claim_id:
            key = ("part", c.claim_id)
        else:
            key = (c.quantity, c.value_low, c.value_high, c.qualifier, c.claimant_type, c.value_low is None and c.claimant)
        groups.setdefault(key, []).append(d)
    survivors: dict[str, Claim] = {}
    merged: list[ClaimDraft] = []
    for members in groups.values():
        best = max(members, key=lambda d: (d.by_person, _STANCE_RANK.get(d.claim.stance, 0), -d.sentence))
        named = next((d for d in members if d.by_person), None)
        if named is not None:
            best.claim.claimant, best.claim.claimant_type = named.claim.claimant, named.claim.claimant_type
        best.claim.stance = max((d.claim.stance for d in members), key=lambda st: _STANCE_RANK.get(st, 0))
        best.sentences = sorted({d.sentence for d in members})
        for d in members:
            survivors[d.claim.claim_id] = best.claim
        merged.append(best)
    for d in merged:
        c = d.claim
        if c.relative_to_claim_id in survivors:
            c.relative_to_claim_id = survivors[c.relative_to_claim_id].claim_id
        if c.part_of_claim_id in survivors:
            c.part_of_claim_id = survivors[c.part_of_claim_id].claim_id
    return merged


# ----------------------------------------------------------------------------- indicators
def _mentions(text: str, s: Sentence, ctx: dict) -> list[IndicatorMention]:
    out = []
    if not lx.table("indicators.csv").any_in(text, s.start, s.end):
        return out  # no economic term in the sentence, so none in any of its clauses
    last = s.start
    spans = []
    for m in _ECON_CLAUSE_BREAK.finditer(text, s.start, s.end):
        if m.group(0) == "," and (_ECON_ASIDE.match(text, m.end(), s.end) or _ECON_CHANGE.match(text, m.end(), s.end)):
            continue  # "Inflation, at least, has eased", "rose 5.4 percent, down from 7": one clause
        if m.group(0) == "," and _ECON_ASIDE_END.search(text, last, m.start()):
            continue
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, s.end))
    direction_rows = lx.table("directions.csv").rows
    for i, (a, b) in enumerate(spans):
        indicator = next(lx.table("indicators.csv").finditer(text, a, b), None)
        if indicator is None:
            continue
        directions = list(lx.table("directions.csv").finditer(text, a, b))
        # "inflation is running above 190 percent, among the highest": a level, then its direction.
        if not directions and re.search(r"\d", text[a:b]) and i + 1 < len(spans) and next(lx.table("indicators.csv").finditer(text, *spans[i + 1]), None) is None:
            directions = list(lx.table("directions.csv").finditer(text, *spans[i + 1]))
        if not directions:
            continue
        _, row = min(directions, key=lambda d: direction_rows.index(d[1]))
        out.append(IndicatorMention(
            mention_id=_id(ctx["article_id"], "mention", indicator[1]["indicator"], row["claim_direction"], a),
            article_id=ctx["article_id"],
            indicator=indicator[1]["indicator"],
            claim_direction=row["claim_direction"],
            country_iso3=ctx["main_country"],
            evidence_text=s.text,
            evidence_start=s.start,
            evidence_end=s.end,
            extractor_version=EXTRACTOR_VERSION,
        ))
    return out


# ----------------------------------------------------------------------------- entry point
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
        located_here = [m for m in s.mentions if m.kind == "country" and _LOCATIVE_COUNTRY.search(text[max(s.start, m.start - 12):m.start])]
        if s.places or located_here:
            ctx["place_before"] = (s.places[0][2], s.places[0][2].iso3) if s.places else (None, located_here[0].iso3)
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
_QUOTE_THEN_HE_SAID = re.compile(rf'["”]\s*,?\s*(?:he|she)\s+(?:{lx.saying("quote_then_he_said")})\b')
_OPEN_QUOTE = re.compile(r'^\s*["“]')
_QUOTE_CLOSED_THEN_SAID = re.compile(rf'[,.!?]?["”]\s*,?\s*(?:[\w’\'-]+\s+){{0,6}}?(?:{lx.saying("quote_closed_then_said")})\b')


def _mark_quotations(text: str, sentences: list[Sentence]) -> None:
    """Sentences inside a quotation that opens in one sentence and closes, attributed, in one
    of the next two ('"No one was killed. They did not fire," he told state television')."""
    for i, s in enumerate(sentences):
        if not _OPEN_QUOTE.match(s.text) or s.text.count('"') + s.text.count("“") + s.text.count("”") != 1:
            continue  # not a quotation left open at the sentence's end
        for later in sentences[i + 1:i + 3]:
            if _QUOTE_CLOSED_THEN_SAID.search(later.text):
                for inside in sentences[i:later.index]:
                    inside.quoted_by = later
                break
            if '"' in later.text or "”" in later.text:
                break


_PRESENT_BEFORE = re.compile(r"\b(?:is|are)\s+(?:still\s+|again\s+)?$")  # "are protesting": happening as the story is told


def _lead_date(text: str, sentences: list[Sentence], published: dt.date | None) -> tuple[DateMention | None, int]:
    """The news day and the sentence that gives it: the story's first date, or, when that
    sentence tells an event, the date that goes with the event ("Calm returned on Friday
    after troublemakers threw stones on Thursday": Thursday). A statement's date ("warned on
    Tuesday that officers would ...") dates an event when the statement is the event: a
    threat, accusation or rejection. An article without a publication date resolves no
    relative date: its news day is the story's first date when that is a full date ("the
    marches of Saturday, 7 November 2026"), and unknown when it is not ("the arrest on
    Tuesday"; an analysis opening "In October 2020")."""
    for s in sentences:
        triggers = [(m.start(), row.get("event_type", "SANCTION")) for name in ("events.csv", "sanctions.csv")
                    for m, row in lx.table(name).finditer(text, s.start, s.end)]
        trigger, first_type = min(triggers, default=(None, None))
        candidates = event_dates(text, s)
        if first_type in SPEECH_ACTS:  # (but "today" is the publisher's own day: "BWRF today condemned the killing ... on Tuesday")
            candidates = [d for d in s.dates if not text[d.start:d.end].lower().startswith(("today", "this "))]
        if published is None:
            if not candidates:
                continue
            first = candidates[0]
            return (first, s.index) if first.date and first.precision == "day" else (None, len(sentences))
        dates = [d for d in candidates if d.date and d.relative]
        if s.index == 0 and trigger is not None and _PRESENT_BEFORE.search(text, max(s.start, trigger - 20), trigger) \
                and not dates:
            # "Thousands of people are protesting in Tbilisi": the story happens on its own day.
            return DateMention(trigger, trigger, published, published, "day", True), s.index
        if not dates:
            continue
        date = _nearest_date(s, trigger, text) if trigger is not None else None
        return (date if date in dates else dates[0]), s.index
    return None, len(sentences)


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


def _link_claim(draft: ClaimDraft, by_sentence: dict[int, dict[tuple, str]], reports: list[EventReport]) -> str | None:
    wanted = QUANTITY_EVENT_TYPES.get(draft.claim.quantity, ())
    for sentence in draft.sentences or [draft.sentence]:
        here = by_sentence.get(sentence, {})
        for event_type in wanted:
            for (t, _), report_id in here.items():
                if t == event_type:
                    return report_id
    # Otherwise the article's only report of a fitting type, if there is exactly one.
    for event_type in wanted:
        fitting = [r for r in reports if r.event_type == event_type]
        if event_type == "PROTEST":
            fitting = [r for r in fitting if r.event_mode == "demonstrate"]
        if len(fitting) == 1:
            return fitting[0].report_id
    return None
