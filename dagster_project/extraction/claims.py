"""Claims: numbers next to a quantity word → figures (`_quantity`, `_claims`) with their
claimant and stance (from `speakers`), relative claims ("much lower") linked to the figure
they compare with, the merging of one figure told in several sentences, and the link from a
claim to the report it counts.
"""

from __future__ import annotations

import re

from dagster_project.config import EXTRACTOR_VERSION
from dagster_project.extraction import lexicon as lx
from dagster_project.extraction.context import (
    ClaimDraft,
    Sentence,
    _clause_of,
    _clauses,
    _id,
)
from dagster_project.extraction.model import Claim, EventReport
from dagster_project.extraction.numbers import find_numbers
from dagster_project.extraction.speakers import (
    _claim_stance,
    _claimant,
    _denied_reports,
)

QUANTITY_EVENT_TYPES = {
    "deaths": ("ASSAULT", "PROTEST", "COERCE"),
    "injuries": ("ASSAULT", "PROTEST"),
    "arrests": ("COERCE", "PROTEST"),
    "participants": ("PROTEST",),
    "executions": ("ASSAULT",),
}

_RELATIVE = re.compile(
    r"\b(?P<deg>much|far|significantly|considerably|substantially|even|slightly|a lot|well)?\s*"
    r"(?P<cmp>lower|higher|smaller|larger|greater|bigger)\b",
    re.I,
)
_FIGURE_NOUN_QUANTITY = {"turnout": "participants", "crowd": "participants", "crowds": "participants",
                         "attendance": "participants", "toll": "deaths", "tolls": "deaths"}
_COMPARATIVES = ("lower", "higher", "smaller", "larger", "greater", "bigger")  # _RELATIVE's words, for a quick test
_FIGURE_NOUN = re.compile(r"\b(?:estimates?|figures?|numbers?|tolls?|counts?|tally|tallies|turnout|crowds?|attendance)\b", re.I)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_BARE_FIGURE_END = re.compile(r"\s*[\"”]?\s*(?:[.,;:)]|$)")  # "Police put the figure at 11,000." (no noun of its own)
_COUNTED_SAYING = lx.saying_verbs("counted_before")  # _COUNTED_BEFORE's verbs of saying, not of counting
_COUNTED_BEFORE = re.compile(r"\b(?:count(?:s|ed)?|estimat(?:es|ed)|puts? (?:it |them |the (?:figure|number|total|count|turnout|crowd) )?at|tall(?:ied|ies)|"
                             rf"{lx.saying('counted_before')})\s+"
                             r"[\"“]?(?:only\s+|just\s+)?$", re.I)
_SUBSET_AFTER = re.compile(r"\s+of (?:them|whom)\b", re.I)
_AND_NEXT = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?and\s+")
_SUBSET = re.compile(r"\b(?:including|among them|of whom|of them|among whom)\s+$", re.I)
_SUBSET_ASIDE = re.compile(r",\s*(?:including|among them|among whom|(?:most|many|some|all|almost all|nearly all|half) of (?:them|whom)|mostly|mainly|largely)[^,;]*,")  # "215 people, including 27 children, have been killed"
_PHRASE_CUT = re.compile(r"\d|[;:()]|\s[-–]\s")
_SPEECH_IN_GAP = re.compile(rf"\b(?:{lx.saying('speech_in_gap')})\b", re.I)
_SHORT_GAP = re.compile(r"[\s\"“”]*(?:of\s+)?(?:[\w’'-]+[\"“”]?\s+[\"“]?){0,9}?")  # quotes allowed: "only a few" people
_SENTENCED = re.compile(r"\b(?:sentenc|condemn)\w*\s+(?:[\w-]+\s+){0,3}$", re.I)
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
