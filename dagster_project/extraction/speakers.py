"""Who says what: verbs of saying (`_REPORTING`), the attribution of a sentence's events, the
speaker of a verb of saying, the claimant of a figure and its stance, the pronoun or title that
refers to the last speaker, and quotations attributed in a later sentence.
"""

from __future__ import annotations

import re

from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.context import (
    _CLAUSE_PUNCT,
    _PRONOUN_SUBJECT,
    ACTOR_OF_CLAIMANT_TYPE,
    Mention,
    Sentence,
    _named_as_place,
)

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


def _attribution(text: str, s: Sentence, ctx: dict, first_trigger: int | None = None) -> tuple[str | None, str | None]:
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


def _pronoun_speaker(text: str, s: Sentence, verb: re.Match, ctx: dict) -> tuple[bool, Mention | None]:
    """Whether the verb of saying has a pronoun for its subject (", he said", ", it added"),
    and whom the pronoun stands for: the person (he, she) or the body (it, they) that spoke
    last before this sentence (for he or she, the body when no person has spoken), None when
    there is none."""
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


_TALLY_BY = re.compile(r"\b(?:tally|count|figures?|estimates?|data) (?:by|from|compiled by) (?:the )?$", re.I)
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,]*,\s*$")


def _claimant(text: str, s: Sentence, clause: tuple[int, int], position: int, ctx: dict,
              reported: re.Match | None = None) -> Mention | None:
    """Who states a figure: "according to X"; else the subject of a reporting verb before
    the figure ("X admitted that thousands died"); else a speaker after it ("..., X said");
    else the nearest possible speaker before it; else a pronoun subject's referent."""
    # A country named as a place ("marched in Paris") is where, not who.
    capable = [m for m in s.mentions if m.claimant_type
               and not (m.kind == "country" and _named_as_place(text, s, m))]
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
        # (unnamed: who made them is unknown)
        return named or Mention(reported.start(), reported.end(), reported.group(0).strip(), "unattributed reports", "unknown", None, "body")
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


_PROPER_NAME = re.compile(r"[A-Z]{2,8}|(?:[A-Z][a-z]+(?:\s+|$)){1,3}")  # an acronym, or a name of capitalised words
_NOT_A_NAME = frozenset({"The", "A", "An", "This", "That", "These", "Those", "It", "Its", "They", "Their", "He", "She", "His", "Her",
                         "We", "Our", "There", "Some", "Many", "Most", "All", "Both", "Each", "Such", "Other", "Others"})


_LEADING_DETERMINER = re.compile(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+")


def _keyword_types(phrase: str) -> list[str]:
    """The claimant types the words of a name suggest (`lexicon/speaker_keywords.csv`), in
    the order the words come."""
    return [row["claimant_type"] for _, row in lx.table("speaker_keywords.csv").finditer(phrase)]


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
    claimant_type = next(iter(_keyword_types(phrase)), None)
    name = _LEADING_DETERMINER.sub("", phrase)
    if claimant_type is None and _PROPER_NAME.fullmatch(name) and name.split()[0] not in _NOT_A_NAME:
        claimant_type = "unknown"  # "the CGT claims more than 1 million": someone named, of no known kind
    if claimant_type is None:
        return None
    actor_type = ACTOR_OF_CLAIMANT_TYPE[claimant_type]
    at = text.rfind(phrase, start, max(end, start + len(phrase)))
    at = at if at >= 0 else verb_start - len(phrase)
    return Mention(at, at + len(phrase), phrase, name, actor_type, None, "body")


# "The League called on the authorities ...": an organisation named in full earlier in the
# article ("the Algerian League for the Defence of Human Rights") and now by its head noun.
_DEFINITE_HEAD = re.compile(r"\s*[Tt]he\s+([A-Z][\w’'-]+)\s+(?:\w+ly\s+)?")
_NAME_WORD = r"[A-Z][\w’'-]*"


def _anaphoric_body(text: str, start: int, verb_start: int, before: int) -> Mention | None:
    """The organisation "The <Head>" (text[start:verb_start]) stands for: the first name in
    text[:before] that holds the head noun with more words around it, typed by the words of
    that full name (`lexicon/speaker_keywords.csv`, its last match); None when there is none
    or it is untyped."""
    m = _DEFINITE_HEAD.fullmatch(text, start, verb_start)
    if m is None:
        return None
    head = m.group(1)
    full = re.compile(rf"(?:{_NAME_WORD}\s+)*{re.escape(head)}\b(?:\s+(?:for|of|on)(?:\s+the)?(?:\s+{_NAME_WORD})+)*")
    name = next((n for n in full.finditer(text, 0, before) if len(n.group(0)) > len(head)), None)
    if name is None:
        return None
    # The last keyword of a long name types it: "League for the Defence of Human Rights" is a
    # rights group (not a defence body), "Bangladesh Workers' Rights Forum" too (not workers).
    types = _keyword_types(name.group(0))
    if not types:
        return None
    phrase = _LEADING_DETERMINER.sub("", name.group(0))
    return Mention(m.start(1), m.end(1), m.group(1), phrase, ACTOR_OF_CLAIMANT_TYPE[types[-1]], None, "body")


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
