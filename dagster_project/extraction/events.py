"""Event reports: triggers → candidate reports (with the cues that a trigger tells no event
that happened: plans, past events named by their date, reasons, negations), each report's
actors, place, date and stance (`_build_report`), and the merging of reports of one event
within an article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from dagster_project.config import EXTRACTOR_VERSION
from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.context import (
    _CLAUSE_PUNCT,
    _PRONOUN_SUBJECT,
    ACTOR_OF_CLAIMANT_TYPE,
    SPEECH_ACTS,
    Candidate,
    Mention,
    Sentence,
    _clause_start,
    _cued,
    _first,
    _id,
    _named_as_place,
)
from dagster_project.extraction.dates import DateMention
from dagster_project.extraction.event_dates import (
    _CUMULATIVE,
    _antecedent_year,
    _days_after,
    _nearest_date,
    event_dates,
)
from dagster_project.extraction.model import EventReport
from dagster_project.extraction.places import Place
from dagster_project.extraction.speakers import (
    _anaphoric_body,
    _attribution,
    _reporting,
    _speaker_of,
)

PHYSICAL_EVENTS = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})
ROLE_ACTOR_TYPES = {"state", "security_forces"}

_HYPOTHETICAL = re.compile(r"\b(?:any|future|possible|potential|planned|avoid|prevent|another|fear of|threat of|ban on|banned)\s+(?:\w+\s+)?$", re.I)
_BACKGROUND = re.compile(r"\b(?:(?:during|since|in connection with|after|before|over) the|during|in connection with)\s+(?:\w+\s+)?$", re.I)
_PERIOD_OF = re.compile(r"\b(?:after|following|amid|despite)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+"
                        r"(?:days?|weeks?|months?|years?|nights?)\s+of\s+(?:[\w-]+\s+)?$"
                        r"|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+(?:months?|years?)\s+of\s+(?:[\w-]+\s+)?$", re.I)
# Not an event that happened: a plan or promise ("will begin an indefinite strike", "promised
# further demonstrations"), ...
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|could|might|plans? to|planned to|planning to|promised|promising|vowed to|vows to|threaten(?:ed|s)? to|announced|"
    r"set to|intends? to|intended to|called for (?:further|more|new|fresh)|urged (?:\w+ ){0,3}to (?:keep|continue)|"
    r"called on (?:\w+ ){0,3}to (?:keep|continue)|ahead of)\b[^,;.:!?]{0,50}$|\b(?:further|more|fresh|new) $"
    r"|\b(?:urged|urging|called on|calling on|asked|asking|told|telling|encouraged) (?:\w+ ){0,3}to\s+$"
    r"|\bcall(?:ed|s|ing)? (?:for )?(?:an?|another) [\"“]?(?:[\w-]+ ){0,2}$"  # "called a general strike for Monday", 'for a "million-person march"'
    r"|\bthreaten(?:ed|s|ing)? (?:an?|another|further|more|fresh|new) (?:[\w-]+ ){0,2}$"  # "threatened a nationwide strike"
    r"|\bwhether (?:or not )?to\b[^,;.:!?]{0,50}$|\b(?:new|fresh|further|another) (?:day|days|round|wave|week) of $", re.I)  # "decide whether to call a new day of strikes"
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
_FUTURE_KEYS = ("will", "would", "shall", "could", "might", "announced", "plan", "promis", "vow", "threaten", "set to", "intend", "call",
                "urg", "ahead of", "further", "more", "fresh", "new", "ask", "told", "telling", "encouraged", "whether", "another")
_DATED_NOUN_KEYS = ("19", "20", "january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "last year", "previous", "earlier", "past", "former", "anniversary")
_MOTIVE_KEYS = ("accus", "for", "remain", "still", "kept", "role in", "overs", "involve", "complicit", "ordered",
                "convict", "sentenc", "charged", "tried", "jailed")
# Words that imply a protest without stating one ("protesters", "farmers gathered"): the
# article's protest when it names none.
_IMPLYING_WORDS = frozenset({"protesters", "demonstrators", "gathered", "assembled", "converged"})
_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts)\s+$")
_REFERRING = re.compile(r"\bsuch\s+$|\b(?:number|total|count|tally) of\s+$"  # "the second such protest": always an earlier one
                        # ", in the biggest education walkout in three years": what the event just told was
                        r"|,\s+in\s+(?:the|its|their|what\s+(?:was|is)\s+(?:the|its|their))\s+(?:[\w-]+est|first|latest|second|third|fourth|fifth)\s+(?:[\w-]+\s+){0,2}$")
_MILITARY_STRIKE = re.compile(r"\b(?:air|drone|missile|military|rocket|artillery|pre-emptive|retaliatory)\s*$", re.I)
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
_IN_BEFORE = re.compile(r"\bin\s+$")

# Whom a sanction targets: the object of a preposition or of a designating verb, after a count
# of whom at most ("on 12 Iranian officials", "added four Russian banks to its list").
_TARGET_PREP = re.compile(r"\b(?:against|on|targeting|to punish|over|added|designated|sanctioned|blacklisted)\s+"
                          r"(?:(?:more than|at least|another|a further)\s+)?(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten"
                          r"|eleven|twelve|several|dozens of|scores of|hundreds of)\s+)?(?:more\s+)?$", re.I)
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")
_OBJECT_BEFORE = re.compile(r"\b(?:reaching|reach|towards?|into|at|outside|near|from|against|on|of)\s+(?:the\s+)?$", re.I)


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
    stance_here, attributed_to = _attribution(text, s, ctx, min(f[0] for f in found))
    if stance_here is None and s.quoted_by is not None:
        # '"No one was killed by the security forces. They did not use a single live bullet,"
        # he told state television': the quotation's speaker speaks in its first sentences too.
        stance_here, attributed_to = _attribution(text, s.quoted_by, ctx)
    denial = next((m for m, row in lx.table("attribution.csv").finditer(text, s.start, s.end) if row["stance"] == "denies"), None)
    for position, event_type, mode, m in found:
        before = text[max(s.start, position - 30):position]
        negated = event_type not in SPEECH_ACTS and bool(_NEGATED.search(_CLAUSE_PUNCT.split(before)[-1]))
        if negated and _UNCONFIRMED.search(before):
            continue  # "Police have not confirmed any arrests": neither told nor denied
        if event_type == "ACCUSE" and _WHO_HAD_BEFORE.search(before):
            continue  # "Two journalists who had criticised the government were seized": who they are, not news
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


_NEXT_DAY = re.compile(r"\b(?:the\s+)?(?:next|following)\s+(?:morning|day|evening|night)\b|\bthe\s+day\s+after\b(?!\s+(?:the|a|an|his|her|their|its)\b)", re.I)
_WHO_HAD_BEFORE = re.compile(r"\b(?:who|which)\s+(?:had|has|have)\s+(?:long\s+|often\s+|repeatedly\s+|openly\s+|publicly\s+)?$", re.I)
_FIRST_PERSON = re.compile(r"\s*(?:[Ww]e|[Oo]ur (?:\w+ ){0,2}?(?:organi[sz]ation|network|office|group|forum|league|association|union))\s+(?:\w+ly\s+|also\s+|again\s+)?")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:(?:\w+ly|also|later|then|all)\s+)?$", re.I)
_BY_AGENT = re.compile(r"\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+|a\s+)?")
_QUOTE_THEN_HE_SAID = re.compile(rf'["”]\s*,?\s*(?:he|she)\s+(?:{lx.saying("quote_then_he_said")})\b')


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
                        and not _named_as_place(text, s, m)
                        and not _OBJECT_BEFORE.search(text, max(s.start, m.start - 20), m.start)), None)  # ("reaching parliament")
        actor1 = subject or _first(mentions, lambda m: m.actor_type == "security_forces") or _first(mentions, lambda m: m.actor_type == "state" and m.kind != "country")
        if _PASSIVE_BEFORE.search(text, max(s.start, position - 30), position):
            # "The interior ministry says 37 people were detained": a passive names its doer
            # only after "by"; who is named before it (here who speaks) did not do it. Without
            # an agent the actor is unknown (codebook), unless a clause after the verb names
            # security forces ("were killed when police opened fire").
            actor1 = next((m for m in mentions if m.start >= trigger_end and _BY_AGENT.fullmatch(text, trigger_end, m.start)), None) \
                or _first(mentions, lambda m: m.actor_type == "security_forces", start=trigger_end)
        actor2 = _first(mentions, lambda m: m.actor_type in {"protesters", "civilians", "opposition", "media"} or m.kind == "group")
    elif event_type == "SANCTION":
        def targeted(m: Mention) -> bool:
            return _TARGET_PREP.search(text[max(s.start, m.start - 40):m.start]) is not None

        actor1 = _first(mentions, lambda m: (m.iso3 or m.kind == "io") and m.actor_type in {"state", "international_org"} and not targeted(m))
        target = _first(mentions, lambda m: m.iso3 and targeted(m) and m.kind in {"country", "role"})
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
        if actor1 is None and outlet and (opener or _names_the_outlet(text[clause_start:position], outlet)
                                          or _FIRST_PERSON.fullmatch(text, clause_start, position)):  # "We strongly condemn ..."
            # A press release's publisher speaking: "Odhikar demands the immediate release ..."
            # (a UN office's release speaks as an international organisation, a ministry's as the state)
            actor_type = ACTOR_OF_CLAIMANT_TYPE.get(ctx["outlet_type"], "media") if ctx["outlet_type"] != "unknown" else "media"
            kind = {"international_org": "io", "state": "body"}.get(actor_type, actor_type)
            actor1 = Mention(clause_start, clause_start + len(outlet), outlet, outlet, actor_type, None, kind)
        if actor1 is None:
            actor1 = _anaphoric_body(text, clause_start, position, s.start)
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
        # "went on strike across Morocco on Wednesday, and several thousand of them marched in
        # Rabat, Casablanca and Fes": a country named as the place right after the trigger is
        # its place, not the places of a later event's verb.
        nationwide = _first(mentions, lambda m: m.kind == "country" and _named_as_place(text, s, m), start=trigger_end) if places else None
        if nationwide is not None and nationwide.start - trigger_end < 30 and all(p[0] > nationwide.start for p in places) \
                and lx.table("events.csv").any_in(text, nationwide.end, min(p[0] for p in places)):
            places = []  # (but "rallied across Israel, including in Jerusalem and Haifa": its places)
        if places:
            place = min(places, key=lambda p: abs(p[0] - position))[2]
            country = place.iso3
        else:
            located = _first(mentions, lambda m: m.kind == "country" and _named_as_place(text, s, m))
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
    date = date or _nearest_date(s, position, text, physical, ongoing=event_type == "PROTEST" or mode in {"censor", "curfew"})
    if date is None and physical and ctx["day_before"] and ctx["day_before"][0] == s.index - 1 \
            and _NEXT_DAY.search(text, s.start, position):
        # "On 6 July 2018, the government announced ... By the next morning, crowds had set up
        # burning barricades": the day after the last sentence's day.
        day = ctx["day_before"][1] + dt.timedelta(days=1)
        date = DateMention(position, position, day, day, "day", True)
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
