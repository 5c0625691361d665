"""Which of a sentence's dates dates an event, and which event: not the date of a statement
("said on Wednesday"), of a period's start, of the future or of another thing; the date that
goes with a trigger, dates told relative to another event ("a day after the rally") and the
story's news day.
"""

from __future__ import annotations

import datetime as dt
import re

from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.context import (
    _CLAUSE_PUNCT,
    SPEECH_ACTS,
    Sentence,
    _cued,
)
from dagster_project.extraction.dates import DateMention
from dagster_project.extraction.numbers import UNITS

_CUMULATIVE = re.compile(
    r"\bsince (?:the |its |their |this )?(?:[\w-]+ ){0,3}?(?:began|started|erupted|broke out|seized power|took power|took over)\b"
    r"(?: (?:in|on|last) (?:[\w-]+ ){0,2}?(?:\w+))?|\bsince (?:the start|the beginning|the outbreak|the coup|mid-|early |late )", re.I)
_SAID_KEYS = lx.saying_verbs("said_before")  # _SAID_BEFORE's verbs: one of them is in every match
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


_PRESENT_BEFORE = re.compile(r"\b(?:is|are)\s+(?:still\s+|again\s+)?$")  # "are protesting": happening as the story is told


_LIVE_TIMESTAMP = re.compile(r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?:GMT|UTC|CET|EST|local))?(?:\s*$|\s*[-–—:]\s)", re.M)


def _lead_date(text: str, sentences: list[Sentence], published: dt.date | None) -> tuple[DateMention | None, int]:
    """The news day and the sentence that gives it: the story's first date, or, when that
    sentence tells an event, the date that goes with the event ("Calm returned on Friday
    after troublemakers threw stones on Thursday": Thursday). A statement's date ("warned on
    Tuesday that officers would ...") dates an event when the statement is the event: a
    threat, accusation or rejection. An article without a publication date resolves no
    relative date: its news day is the story's first date when that is a full date ("the
    marches of Saturday, 7 November 2026"), and unknown when it is not ("the arrest on
    Tuesday"; an analysis opening "In October 2020"). A live blog's is its publication day."""
    if published is not None and len(_LIVE_TIMESTAMP.findall(text)) >= 2:
        # A live blog ("15:40" or "18:15 - " before each entry) tells the day it is published.
        return DateMention(0, 0, published, published, "day", True), 0
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
