"""The extraction core's parts on short texts from many countries (not the founding article)."""

import datetime as dt

import pytest

from dagster_project.extraction import extract_article
from dagster_project.extraction.dates import find_dates
from dagster_project.extraction.lexicon import event_vocab, vocab_codes
from dagster_project.extraction.numbers import find_numbers
from dagster_project.extraction.places import find_places
from dagster_project.extraction.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_survive_abbreviations_and_keep_offsets():
    text = 'The U.S. Treasury acted on Oct. 3. Gen. Smith said "we will respond." Police arrested J. Doe in Cairo.'
    assert sentences(text) == ["The U.S. Treasury acted on Oct. 3.", 'Gen. Smith said "we will respond."', "Police arrested J. Doe in Cairo."]


@pytest.mark.parametrize(
    "text, low, high, qualifier",
    [
        ("at least 106 people", 106, None, "at_least"),
        ("more than 4,000 detained", 4000, None, "at_least"),
        ("nearly 10,000 marched", 10000, 10000, "about"),
        ("twenty-one people", 21, 21, "exact"),
        ("between 200 and 300 protesters", 200, 300, "range"),
        ("up to 300 wounded", None, 300, "at_most"),
        ("thousands of people", 1000, 9999, "range"),
        ("tens of thousands of people", 10000, 99999, "range"),
        ("dozens of people", 12, 99, "range"),
        ("mass arrests", None, None, "vague"),
        ("1.5 million people", 1500000, 1500000, "exact"),
        ("two dozen protesters", 24, 24, "exact"),
        ("a dozen students", 12, 12, "exact"),
        ("half a dozen students", 6, 6, "exact"),
        ("more than a hundred people", 100, None, "at_least"),
        ("a hundred and fifty people", 150, 150, "exact"),
        ("half a million people", 500000, 500000, "exact"),
        ("a handful of rioters", 3, 9, "range"),
    ],
)
def test_numbers(text, low, high, qualifier):
    n = find_numbers(text)[0]
    assert (n.value_low, n.value_high, n.qualifier) == (low, high, qualifier)


def test_dates_resolve_against_publication_and_stay_unknown_without_it():
    published = dt.date(2026, 1, 10)  # a Saturday
    text = "Police fired on Friday; last week rallies; the protests of November 2019; on September 16."
    got = [(d.date, d.precision) for d in find_dates(text, 0, len(text), published)]
    assert (dt.date(2026, 1, 9), "day") in got
    assert (dt.date(2025, 12, 29), "week") in got
    assert (dt.date(2019, 11, 1), "month") in got
    assert (dt.date(2025, 9, 16), "day") in got
    without = [(d.date, d.precision) for d in find_dates(text, 0, len(text), None)]
    assert (None, "unknown") in without and (dt.date(2019, 11, 1), "month") in without


def test_gazetteer_places():
    text = "Protests spread to Mashhad."
    (_, _, place), = find_places(text, 0, len(text))
    assert place.iso3 == "IRN" and place.admin1 == "Razavi Khorasan" and place.precision == "point"
    assert 36 < place.latitude < 37
    assert find_places("He was in Police custody.", 0, 25) == []


def test_arrests_with_claimant_place_and_date():
    text = "Police arrested at least 40 protesters in Tehran on Friday, the rights group HRANA said."
    result = extract_article(text, article_id="t1", published=dt.date(2026, 1, 10))
    (report,) = [r for r in result.reports if r.event_type == "COERCE"]
    assert report.event_mode == "arrest" and report.actor1_type == "security_forces"
    assert report.location == "Tehran" and report.country_iso3 == "IRN" and report.geo_precision == "point"
    assert report.event_date == dt.date(2026, 1, 9) and report.date_precision == "day"
    assert report.stance == "alleged"
    (claim,) = result.claims
    assert (claim.quantity, claim.value_low, claim.value_high, claim.qualifier) == ("arrests", 40, None, "at_least")
    assert claim.claimant == "HRANA" and claim.claimant_type == "ngo"
    assert claim.claimed_on == dt.date(2026, 1, 10) and claim.report_id == report.report_id


def test_subset_and_denial():
    text = ("Security forces killed 32 people in Beirut, including 19 members of the security forces, the health ministry said. "
            "The interior ministry denied that police opened fire on protesters.")
    result = extract_article(text, article_id="t2", published=dt.date(2020, 8, 9))
    total = next(c for c in result.claims if c.value_low == 32)
    part = next(c for c in result.claims if c.value_low == 19)
    assert total.quantity == part.quantity == "deaths"
    assert part.part_of_claim_id == total.claim_id and "security forces" in part.victim_group
    assert total.claimant_type == "state"
    denied = [r for r in result.reports if r.stance == "denied"]
    assert denied and denied[0].event_type == "ASSAULT" and denied[0].event_mode == "firearms"


def test_sanctions_and_money_are_not_casualty_claims():
    text = ("The European Union imposed sanctions on Iran's oil sector on Monday, listing 700 individuals and entities. "
            "The rial lost 20 percent of its value and inflation soared to 40 percent.")
    result = extract_article(text, article_id="t3", published=dt.date(2019, 5, 8))
    sanction = next(r for r in result.reports if r.event_type == "SANCTION")
    assert sanction.event_mode == "impose" and sanction.country_iso3 == "IRN" and sanction.actor1 == "European Union"
    assert result.claims == []
    directions = {(m.indicator, m.claim_direction) for m in result.mentions}
    assert ("inflation_cpi_pct", "rising") in directions and ("fx_market_lcu_per_usd", "falling") in directions


def test_air_strikes_and_hypothetical_protests_are_not_protests():
    text = "Air strikes hit the town. Officials warned that any future protests would be crushed."
    result = extract_article(text, article_id="t4")
    assert not [r for r in result.reports if r.event_type == "PROTEST"]


def test_every_code_is_in_the_shared_vocabulary():
    text = ("Tens of thousands of workers went on strike in Colombo on Tuesday while police fired tear gas at students. "
            "Amnesty International said at least 12 people were killed and 300 were detained. "
            "The government denied the figures, which it said were much higher than its own count. "
            "Washington imposed new sanctions on Venezuela's oil exports.")
    result = extract_article(text, article_id="t5", published=dt.date(2022, 4, 20))
    assert result.reports and result.claims
    pairs = event_vocab()
    for r in result.reports:
        assert (r.event_type, r.event_mode) in pairs
        assert r.actor1_type in vocab_codes("actor_type") | {None}
        assert r.stance in vocab_codes("report_stance") and r.date_precision in vocab_codes("date_precision")
        assert r.geo_precision in vocab_codes("geo_precision")
    for c in result.claims:
        assert c.quantity in vocab_codes("quantity") and c.qualifier in vocab_codes("qualifier")
        assert c.claimant_type in vocab_codes("claimant_type") and c.stance in vocab_codes("claim_stance")
    for m in result.mentions:
        assert m.claim_direction in vocab_codes("claim_direction")


def test_every_lexicon_file_parses_with_its_columns_and_every_pattern_compiles():
    """A comma inside an unquoted `{n,m}` splits a CSV field: caught here, not in production."""
    import csv
    import re

    from dagster_project.extraction.lexicon import LEXICON_DIR

    for path in sorted(LEXICON_DIR.glob("*.csv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
        rows = list(csv.reader(lines))
        width = len(rows[0])
        for number, row in enumerate(rows[1:], start=2):
            assert len(row) == width, f"{path.name}: row {number} has {len(row)} fields, expected {width}"
            if rows[0][0] == "pattern":
                re.compile(row[0])


def test_every_verb_of_saying_is_one_word_whose_roles_are_rules_that_read_them():
    """`lexicon/saying_verbs.csv`: one row per word form, and every role a row names is a rule
    that builds its regex from the lexicon (a misspelt role would drop the form silently)."""
    import re

    from dagster_project.extraction import lexicon as lx
    from dagster_project.extraction import speakers

    rows = lx.read_rows(lx.LEXICON_DIR / "saying_verbs.csv")
    forms = [row["form"] for row in rows]
    assert len(forms) == len(set(forms)) and all(re.fullmatch(r"[a-z]+", form) for form in forms)
    named = {role for row in rows for role in row["roles"].split()}
    rules = "".join(path.read_text(encoding="utf-8") for path in sorted(lx.LEXICON_DIR.parent.glob("*.py")))  # every rule module
    read = set(re.findall(r"""lx\.saying(?:_verbs)?\(["'](\w+)["']\)""", rules))
    assert named == read
    assert "says" in lx.saying_verbs("reporting") and speakers._REPORTING.fullmatch("Says")
    in_gap = lx.saying_verbs("speech_in_gap")  # longest first: "says" is tried before "say"
    assert in_gap.index("says") < in_gap.index("say") and in_gap.index("claims") < in_gap.index("claim")


@pytest.mark.parametrize(
    "text, expected",
    [
        # The outlet says it did not happen: nothing is coded.
        ("The government has not imposed new sanctions on Iran.", set()),
        ("Police have not yet arrested the suspects.", set()),
        # A source says it did not happen: the event is kept as denied, and the saying is a denial (REJECT).
        ("Security forces never arrested anyone in Shiraz on Friday, officials said.",
         {("COERCE", "arrest", "denied"), ("REJECT", "deny", "asserted")}),
        ("No one was killed in the clashes in Mashhad, police said.",
         {("ASSAULT", "kill", "denied"), ("PROTEST", "riot", "alleged"), ("REJECT", "deny", "asserted")}),
        # Not a negation of the event: it happened.
        ("Police arrested 40 protesters in Tehran, and no one was released.", {("COERCE", "arrest", "asserted"), ("PROTEST", "demonstrate", "asserted")}),
    ],
)
def test_negated_events_are_not_coded_as_happening(text, expected):
    result = extract_article(text, article_id="neg", published=dt.date(2026, 1, 10))
    assert {(r.event_type, r.event_mode, r.stance) for r in result.reports} == expected


def test_no_one_is_not_a_figure_of_one():
    result = extract_article("No one was killed in the protests in Mashhad, police said.", article_id="n", published=dt.date(2026, 1, 10))
    assert result.claims == []
    assert [n.value_low for n in find_numbers("One protester was killed and no one else was hurt.")] == [1]


def test_a_country_named_as_the_place_is_not_the_claimant():
    text = "At least 1.5 million people marched in Paris last week, unions said."
    (claim,) = extract_article(text, article_id="u", published=dt.date(2026, 3, 5)).claims
    assert (claim.quantity, claim.value_low, claim.claimant, claim.claimant_type) == ("participants", 1500000, "unions", "unknown")


def reports_of(text, published):
    result = extract_article(text, article_id="d", published=published)
    return {(r.event_type, r.event_mode): (r.event_date, r.date_precision) for r in result.reports}


def test_last_weekday_in_that_weekdays_paper_is_a_week_ago():
    friday = dt.date(2025, 10, 3)
    (d,) = find_dates("They gathered last Friday.", 0, 26, friday)
    assert d.date == dt.date(2025, 9, 26)
    (d,) = find_dates("They gathered on Friday.", 0, 24, friday)
    assert d.date == friday


@pytest.mark.parametrize(
    "text, published, event, expected",
    [
        # The "after" clause's event is the day before the main clause's date.
        ("Ruto withdrew the bill on Wednesday, a day after police shot dead 20 protesters.", dt.date(2024, 6, 27),
         ("ASSAULT", "firearms"), (dt.date(2024, 6, 25), "day")),
        # "A day after the rally" dates by the article's rally.
        ("Farmers rallied in Isfahan on Friday. A day after the rally, police detained eight farmers.", dt.date(2025, 10, 3),
         ("COERCE", "arrest"), (dt.date(2025, 10, 4), "day")),
        # A dateline is the filing date, not the event's.
        ("NAIROBI, June 26 (AFP) - Police fired tear gas at protesters in Nairobi on Wednesday.", dt.date(2025, 6, 26),
         ("ASSAULT", "crowd_control"), (dt.date(2025, 6, 25), "day")),
        # A cumulative count is undated; an ongoing protest takes its start.
        ("The junta has arrested more than 29,000 people since the coup of 1 February 2021.", dt.date(2025, 7, 30),
         ("COERCE", "arrest"), (None, "unknown")),
        ("The demonstrations have drawn tens of thousands of people since early October.", dt.date(2020, 10, 21),
         ("PROTEST", "demonstrate"), (dt.date(2020, 10, 1), "month")),
        # A date right after a verb of saying dates the statement.
        ("The minister told France Inter radio on Tuesday that 14 protesters had been detained.", dt.date(2025, 3, 26),
         ("COERCE", "arrest"), (None, "unknown")),
    ],
)
def test_dates_relative_to_other_events_and_periods(text, published, event, expected):
    assert reports_of(text, published)[event] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Transport unions say they will begin an indefinite strike on Monday.",
        "Organisers have promised further demonstrations next month.",
        "Trade unions call for a general strike in Nairobi on Monday.",  # (the cue's quick test once missed "call")
        "The opposition calls for a national strike in Nairobi.",
        "Unions will meet on Monday to decide whether to call a new day of strikes on Oct. 15.",
        "Nobody has forgotten the 2019 fuel protests.",
        "Britain imposed sanctions on five police commanders over the brutal repression of peaceful protesters.",
    ],
)
def test_plans_past_events_and_reasons_are_not_events(text):
    result = extract_article(text, article_id="n", published=dt.date(2025, 4, 8))
    assert not [r for r in result.reports if r.event_type in {"PROTEST", "COERCE", "ASSAULT"}]


def test_the_rally_without_a_date_is_the_articles_rally():
    text = "Thousands rallied in Belgrade on Saturday. The rally passed largely peacefully."
    protests = [r for r in extract_article(text, article_id="a", published=dt.date(2025, 3, 16)).reports if r.event_type == "PROTEST"]
    assert [(p.event_date, p.evidence_start) for p in protests] == [(dt.date(2025, 3, 15), 0)]


@pytest.mark.parametrize(
    "text, event",
    [
        ("Amnesty International condemned the executions.", ("ACCUSE", "criticize")),
        ("The opposition called on the United Nations to intervene.", ("REQUEST", "demand")),
        ("Students rejected the accusation.", ("REJECT", "deny")),
        ("The president said he would not step down.", ("REJECT", "refuse")),
        ("Workers walked out at more than 60 factories in Dhaka.", ("PROTEST", "strike")),
        ("Youths ransacked two factory offices in Dhaka.", ("PROTEST", "riot")),
    ],
)
def test_statements_and_more_protest_verbs(text, event):
    result = extract_article(text, article_id="s", published=dt.date(2025, 4, 8))
    assert event in {(r.event_type, r.event_mode) for r in result.reports}


@pytest.mark.parametrize(
    "text, names",
    [
        ("Marches were held in Buenos Aires, Cordoba and Rosario.", ["Buenos Aires", "Córdoba", "Rosario"]),
        ("In the capital Abuja, a crowd of 200 marched.", ["Abuja"]),
        ("Tehran's Enghelab Square was packed.", ["Tehran"]),
        ("Iran's leaders met in Tehran.", ["Tehran"]),  # the country's possessive is not a place
    ],
)
def test_places_in_lists_after_capital_and_as_owners(text, names):
    assert [p.name for _, _, p in find_places(text, 0, len(text))] == names


def test_a_list_of_places_is_one_event_per_place():
    text = "Soldiers opened fire on protesters in Yangon and Mandalay on Saturday."
    firearms = [r for r in extract_article(text, article_id="l", published=dt.date(2021, 3, 28)).reports if r.event_mode == "firearms"]
    assert sorted(r.location for r in firearms) == ["Mandalay", "Yangon"]


def test_a_denied_event_already_reported_is_that_event_not_a_new_one():
    text = ("Police detained eight farmers in Isfahan on Saturday. "
            "On Wednesday, the provincial governor denied that anyone had been detained for protesting.")
    reports = extract_article(text, article_id="g", published=dt.date(2025, 10, 3)).reports
    arrests = [r for r in reports if r.event_type == "COERCE"]
    assert [(r.event_date, r.stance) for r in arrests] == [(dt.date(2025, 9, 27), "asserted")]
    assert any(r.event_type == "REJECT" for r in reports)
    assert not any(r.event_type == "PROTEST" for r in reports)  # "for protesting" is the reason given


def test_a_press_release_publisher_speaks_for_itself():
    text = "Odhikar demands the immediate release of the fourteen activists."
    result = extract_article(text, article_id="o", published=dt.date(2025, 3, 5), outlet="Odhikar")
    (request,) = [r for r in result.reports if r.event_type == "REQUEST"]
    assert (request.actor1, request.actor1_type) == ("Odhikar", "ngo")  # "Odhikar demands": an advocacy voice


@pytest.mark.parametrize(
    "text, claimant, claimant_type",
    [
        ("The Front said 212 of its supporters had been arrested since Monday.", "Front", "opposition"),
        ("The Cali health secretariat tells us 27 people were treated in hospital.", "Cali health secretariat", "state"),
        ("The death toll has risen to 19, the Prosecutor General's Office said on Friday.", "Prosecutor General's Office", "state"),
    ],
)
def test_a_speaker_the_lexicons_do_not_know_is_typed_by_its_name(text, claimant, claimant_type):
    (claim,) = extract_article(text, article_id="k", published=dt.date(2025, 9, 20), outlet="Wire").claims
    assert (claim.claimant, claim.claimant_type) == (claimant, claimant_type)


def test_the_story_stays_where_the_paragraph_is_and_a_march_that_turns_violent_is_a_riot():
    text = ("Thousands marched in Tel Aviv on Tuesday. In Istanbul, police fired tear gas at people who tried to march "
            "to the consulate on Tuesday. The governor's office said 37 people were detained.\n\n"
            "On Wednesday, strikers marched on the district administration in Aktau; some of them broke into the building.")
    reports = extract_article(text, article_id="p", published=dt.date(2026, 6, 24), country_hint="ISR").reports
    arrest = next(r for r in reports if r.event_type == "COERCE")
    assert arrest.country_iso3 == "TUR"
    kulsary = [r.event_mode for r in reports if r.event_type == "PROTEST" and r.country_iso3 == "KAZ"]
    assert kulsary == ["riot"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The death toll from Wednesday's unrest in the oil town has risen to 19, the prosecutors said.", [("deaths", 19)]),
        ("The prosecutors said that 164 people had sought medical help.", [("injuries", 164)]),
        ("Police put the number of arrests at 74.", [("arrests", 74)]),
        ("The rector said 37 students had been detained and 15 injured, five of them seriously.",
         [("arrests", 37), ("injuries", 15), ("injuries", 5)]),
        ("The Red Cross said it had treated three bank employees and two protesters for smoke inhalation.",
         [("injuries", 3), ("injuries", 2)]),
        ("Rights groups say at least 18 people have been sentenced to death.", []),
    ],
)
def test_more_ways_of_stating_a_figure(text, expected):
    claims = extract_article(text, article_id="f", published=dt.date(2026, 1, 9)).claims
    assert [(c.quantity, c.value_low) for c in claims] == expected


@pytest.mark.parametrize(
    "text",
    [
        "A 19-year-old protester was killed in the clashes.",  # an age, not a toll
        "Two residents said police had killed him.",  # the two are speakers, not the dead
    ],
)
def test_no_figure_is_invented(text):
    assert extract_article(text, article_id="i", published=dt.date(2026, 1, 9)).claims == []


def test_he_said_refers_to_the_official_who_spoke_before():
    text = "The police commander said officers had used only tear gas. He said 31 people were arrested."
    (claim,) = extract_article(text, article_id="h", published=dt.date(2026, 1, 9), outlet="Wire").claims
    assert (claim.value_low, claim.claimant, claim.claimant_type) == (31, "police commander", "state")


def test_the_gazetteer_is_cached_between_processes_and_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    from dagster_project.extraction import places

    monkeypatch.setenv("UNREST_CACHE_DIR", str(tmp_path))
    fresh = places._build_gazetteer()
    places.gazetteer.cache_clear()
    try:
        assert places.gazetteer() == fresh  # built and written
        (cached,) = tmp_path.glob("gazetteer-*.pickle")
        places.gazetteer.cache_clear()
        assert places.gazetteer() == fresh  # read back
        cached.write_bytes(b"not a pickle")
        places.gazetteer.cache_clear()
        assert places.gazetteer() == fresh  # rebuilt, never trusted
        assert cached.read_bytes() != b"not a pickle"
    finally:
        places.gazetteer.cache_clear()


def test_farmers_gathered_implies_the_protest_only_when_none_is_stated():
    alone = extract_article("Farmers gathered in Isfahan last Friday.", article_id="g1", published=dt.date(2025, 10, 3)).reports
    assert [(r.event_type, r.event_date) for r in alone] == [("PROTEST", dt.date(2025, 9, 26))]
    stated = extract_article("Farmers gathered in Isfahan last Friday. They marched to the governor's office on Saturday.",
                             article_id="g2", published=dt.date(2025, 10, 3)).reports
    assert [r.event_date for r in stated if r.event_type == "PROTEST"] == [dt.date(2025, 9, 27)]


@pytest.mark.parametrize("verb", ["rejects", "refuted", "dismisses all", "rejected"])
def test_rejecting_reports_is_a_rejection_and_denies_the_event(verb):
    text = f"The army {verb} reports that soldiers had fired on the crowd."
    reports = extract_article(text, article_id="r", published=dt.date(2025, 3, 5)).reports
    assert {(r.event_type, r.stance) for r in reports} == {("REJECT", "asserted"), ("ASSAULT", "denied")}


def test_a_speakers_own_figure_after_a_denial_is_asserted():
    text = "The interior minister dismissed claims that 40 people had been killed, saying only three had died."
    claims = extract_article(text, article_id="s", published=dt.date(2025, 3, 5)).claims
    # The 40 are the dismissed claims' figure, whoever made them (codebook, added 2026-11-25).
    assert [(c.value_low, c.claimant_type, c.stance) for c in claims] == [(40, "unknown", "asserts"), (3, "state", "asserts")]


def test_a_un_press_release_speaks_as_an_international_organisation():
    text = "UN Human Rights Office demands the immediate release of the fourteen activists."
    result = extract_article(text, article_id="u", published=dt.date(2025, 3, 5), outlet="UN Human Rights Office")
    (request,) = [r for r in result.reports if r.event_type == "REQUEST"]
    assert request.actor1_type == "international_org"


@pytest.mark.parametrize(
    "sentence, protest",
    [
        ("Hundreds of truck drivers blocked highways across the country.", True),
        ("Farmers set up roadblocks on the Pan-American Highway.", True),
        ("Police blocked roads leading to the capital.", False),  # a security measure
        ("Shipping containers blocked the main roads into the capital.", False),  # no one protesting
    ],
)
def test_road_blockades_by_protesting_groups_are_protests(sentence, protest):
    reports = extract_article("Anger is growing in Peru. " + sentence, article_id="b", published=dt.date(2025, 3, 5)).reports
    assert any(r.event_type == "PROTEST" for r in reports) is protest


def test_a_blockade_in_one_city_and_a_riot_in_another_stay_two_events():
    text = ("PARIS - Farmers blocked several motorways around Paris with tractors on Monday, and in Toulouse a group of "
            "protesters set fire to hay bales outside the prefecture.")
    reports = extract_article(text, article_id="t", published=dt.date(2025, 3, 25)).reports
    assert {(r.event_mode, r.location) for r in reports if r.event_type == "PROTEST"} == {("demonstrate", "Paris"), ("riot", "Toulouse")}


def test_a_death_sentence_is_no_death_toll():
    text = "Unrest continues in Iran. The court sentenced five protesters to death on Tuesday."
    assert extract_article(text, article_id="d", published=dt.date(2025, 3, 5)).claims == []


def test_a_strike_called_for_a_coming_day_is_not_yet_a_strike():
    text = "Unrest continues in Bangladesh. The opposition called a general strike for Monday."
    reports = extract_article(text, article_id="c", published=dt.date(2025, 3, 5)).reports
    assert not any(r.event_type == "PROTEST" for r in reports)


def test_medical_and_hospital_sources_keep_their_own_name():
    text = "Clashes erupted in Dhaka. Medics said more than 300 people were hurt."
    (claim,) = extract_article(text, article_id="m", published=dt.date(2025, 3, 5)).claims
    assert (claim.claimant, claim.claimant_type, claim.value_low) == ("medics", "witness", 300)


def test_the_news_day_is_the_date_of_the_first_sentences_event():
    text = ("LOME - Calm returned on Friday to the Be neighbourhood after troublemakers threw stones at passing "
            "vehicles on Thursday. The minister said 27 people had been arrested.")
    reports = extract_article(text, article_id="l", published=dt.date(2026, 6, 27)).reports
    (arrest,) = [r for r in reports if r.event_type == "COERCE"]
    assert arrest.event_date == dt.date(2026, 6, 25)  # Thursday: the unrest, not the calm after it


def test_an_aside_about_the_crowd_does_not_hide_its_size():
    text = "Several thousand people, most of them students, gathered on Sukhbaatar Square in Ulaanbaatar on Tuesday."
    (claim,) = extract_article(text, article_id="a", published=dt.date(2025, 3, 5)).claims
    assert (claim.quantity, claim.value_low, claim.value_high) == ("participants", 3000, 9000)


def test_a_place_in_the_reason_given_is_not_where_it_happened():
    text = ("Thousands of students gathered in Ulaanbaatar on Tuesday to demand the prime minister's resignation, "
            "after reports that his family had bought property in Seoul and Dubai.")
    reports = extract_article(text, article_id="p", published=dt.date(2025, 3, 5), country_hint="MNG").reports
    assert {r.country_iso3 for r in reports if r.event_type == "PROTEST"} == {"MNG"}


@pytest.mark.parametrize(
    "text, claimant, claimant_type",
    [
        ("The Public Defender, Levan Ioseliani, said his staff had found 23 detainees with visible injuries.", "Public Defender", "state"),
        ("A doctor at Josina Machel Hospital, who asked not to be named, said the hospital had received 30 bodies.",
         "doctor at Josina Machel Hospital", "witness"),
        ("The Public Assembly Archive, an independent group that counts crowds, estimated that about 58,000 people took part.",
         "Public Assembly Archive", "ngo"),
    ],
)
def test_a_speaker_is_found_behind_a_name_or_an_aside(text, claimant, claimant_type):
    (claim,) = extract_article(text, article_id="n", published=dt.date(2025, 3, 5), outlet="Wire").claims
    assert (claim.claimant, claim.claimant_type) == (claimant, claimant_type)


def test_detainees_with_injuries_are_an_injury_count():
    text = "The ombudsman said his staff had found 23 detainees with visible injuries."
    (claim,) = extract_article(text, article_id="i", published=dt.date(2025, 3, 5)).claims
    assert (claim.quantity, claim.value_low) == ("injuries", 23)


def test_a_counter_figure_in_the_next_sentence_counts_the_same_thing():
    text = ("The CGT union says 85,000 people are marching in Marseille. Police put the figure at 11,000. "
            "The opposition party, which organised the rally to demand the government's resignation, put the number at 20,000.")
    claims = extract_article(text, article_id="c", published=dt.date(2025, 3, 5)).claims
    assert [(c.quantity, c.value_low, c.claimant_type) for c in claims] == [
        ("participants", 85000, "unknown"), ("participants", 11000, "state"), ("participants", 20000, "opposition")]


@pytest.mark.parametrize("sentence", [
    "Belgrade police said the march had passed without incident and that no one there had been detained.",
    "Police in Lima said no protesters were detained.",
])
def test_no_one_detained_is_a_denial_not_an_arrest(sentence):
    reports = extract_article(sentence, article_id="n", published=dt.date(2025, 3, 5)).reports
    assert {(r.event_type, r.stance) for r in reports if r.event_type in {"COERCE", "REJECT"}} == {("COERCE", "denied"), ("REJECT", "asserted")}


@pytest.mark.parametrize(
    "sentence, low, high",
    [
        ("Tens of thousands of teachers, parents and students formed a human chain in Budapest on Tuesday.", 10000, 99999),
        ("Some 4,000 workers at the state textile mills in Mahalla al-Kubra stopped work for nine days.", 4000, 4000),
        ("In Novi Sad, several thousand people blocked the Liberty Bridge for three hours.", 3000, 9000),
    ],
)
def test_a_crowd_keeps_its_size_behind_a_long_name_or_a_list(sentence, low, high):
    (claim,) = extract_article(sentence, article_id="p", published=dt.date(2025, 3, 5)).claims
    assert (claim.quantity, claim.value_low, claim.value_high) == ("participants", low, high)


def test_a_death_far_behind_a_figure_is_not_its_count():
    text = ("The European Union imposed sanctions on Monday on Iran's morality police and on 11 individuals over the "
            "crackdown on protests that followed the death of Mahsa Amini in custody.")
    assert extract_article(text, article_id="e", published=dt.date(2022, 10, 17)).claims == []


@pytest.mark.parametrize(
    "sentence, event_type",
    [
        ('"Not a single person was beaten," police spokesman Aram Petrosyan told reporters on Wednesday.', "ASSAULT"),
        ("The Aurora Police Department said its own officers had not used any chemical agents.", "ASSAULT"),
    ],
)
def test_denials_of_force_are_denials(sentence, event_type):
    reports = extract_article(sentence, article_id="d", published=dt.date(2025, 3, 5)).reports
    assert {(r.event_type, r.stance) for r in reports} == {(event_type, "denied"), ("REJECT", "asserted")}


def test_not_confirming_is_neither_telling_nor_denying():
    assert extract_article("Police have not confirmed any arrests.", article_id="c", published=dt.date(2025, 3, 5)).reports == []


@pytest.mark.parametrize("sentence", [
    "Messages circulating on social media claiming that police killed three people are false.",
    'The movement claimed that dozens of people had been arrested, a figure the ministry described as "pure fabrication".',
])
def test_an_event_called_false_is_denied(sentence):
    reports = extract_article(sentence, article_id="f", published=dt.date(2025, 3, 5)).reports
    assert [r.stance for r in reports] == ["denied"]


@pytest.mark.parametrize(
    "sentence, refusal",
    [
        ("President Dragan Milic said he would not call early elections.", True),
        ("Prime Minister Etienne Marchal said that he would not withdraw the budget.", True),
        ("Police said they would not hold back.", False),  # a warning, not a refusal
        ("Unions say they will begin an indefinite strike on Monday if the government does not resign.", False),  # a condition
    ],
)
def test_refusals_in_the_future_tense(sentence, refusal):
    reports = extract_article(sentence, article_id="r", published=dt.date(2025, 3, 5)).reports
    assert any((r.event_type, r.event_mode) == ("REJECT", "refuse") for r in reports) is refusal


def test_an_event_in_a_relative_clause_takes_the_year_of_its_antecedent():
    text = ("Treasury said the commanders oversaw units responsible for abuses during the 2019 fuel protests, in which "
            "Amnesty International says security forces killed at least 304 people, and again during the uprising of 2022.")
    reports = extract_article(text, article_id="y", published=dt.date(2025, 3, 5), country_hint="IRN").reports
    (killing,) = [r for r in reports if r.event_type == "ASSAULT"]
    assert (killing.event_date, killing.date_precision) == (dt.date(2019, 1, 1), "year")


def test_it_said_is_the_organisation_that_spoke_before():
    text = "The Interior Ministry said its forces had fired only into the air. It said 17 members of the security forces had been injured."
    (claim,) = extract_article(text, article_id="i", published=dt.date(2025, 8, 6)).claims
    assert (claim.quantity, claim.value_low, claim.claimant_type) == ("injuries", 17, "state")


def test_a_quoted_counter_figure_counts_the_same_thing():
    text = ("The rector said 15 students were injured. The student committee put the number of injured at \"more than 40\". "
            "Police arrested hundreds. The minister put the number at \"around 300\", saying those held had planned violence.")
    claims = extract_article(text, article_id="q", published=dt.date(2025, 9, 18)).claims
    assert [(c.quantity, c.value_low, c.qualifier) for c in claims] == [
        ("injuries", 15, "exact"), ("injuries", 40, "at_least"), ("arrests", 100, "range"), ("arrests", 300, "about")]


def test_a_figure_named_again_with_the_is_not_a_new_claim():
    text = "Cambodian police arrested 11 union activists in Phnom Penh on Monday. A government spokesman said the 11 had been detained for incitement."
    claims = extract_article(text, article_id="t", published=dt.date(2025, 9, 1)).claims
    assert [(c.quantity, c.value_low) for c in claims] == [("arrests", 11)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Soldiers deployed as thousands of supporters of the opposition People's Renewal Front took to the streets.",
         [("participants", 1000)]),
        ("Some 150 students walked out of classes at three Denver high schools in solidarity with the protesters.",
         [("participants", 150)]),  # not three: the schools are not a crowd
    ],
)
def test_long_crowd_names_but_not_across_a_preposition(sentence, expected):
    claims = extract_article(sentence, article_id="l", published=dt.date(2025, 9, 1)).claims
    assert [(c.quantity, c.value_low) for c in claims] == expected


def test_a_live_blog_entry_keeps_its_speaker_for_he_says():
    text = ("15:20 - Paris police prefect Marc Delaunay says 43 people have been arrested in the capital. "
            "He says two officers were slightly injured.")
    claims = extract_article(text, article_id="b", published=dt.date(2025, 10, 2), outlet="Eurowire Live").claims
    assert [(c.quantity, c.value_low, c.claimant_type) for c in claims] == [("arrests", 43, "state"), ("injuries", 2, "state")]
    assert claims[1].claimant == "Paris police prefect Marc Delaunay"


def test_a_killing_dated_to_a_past_month_is_not_merged_into_todays_shooting():
    text = ("On Tuesday, troops moved into the town of Khorog in Tajikistan, and witnesses said they opened fire on the crowd. "
            "In May 2022, security forces killed dozens of people in a similar operation in the region, according to rights groups.")
    reports = extract_article(text, article_id="k", published=None).reports
    assert {(r.event_mode, r.event_date) for r in reports if r.event_type == "ASSAULT"} == {
        ("firearms", None), ("kill", dt.date(2022, 5, 1))}


@pytest.mark.parametrize(
    "sentence, event",
    [
        ("On Tuesday, troops and special forces moved into the town.", ("MOBILIZE", "security_forces")),
        ("Mobile internet and landline connections to the region were cut on Monday evening.", ("COERCE", "censor")),
    ],
)
def test_troops_moving_in_and_cut_connections(sentence, event):
    reports = extract_article("Unrest in Tajikistan. " + sentence, article_id="m", published=dt.date(2025, 3, 5)).reports
    assert event in {(r.event_type, r.event_mode) for r in reports}


@pytest.mark.parametrize(
    "sentence, concedes",
    [
        ("Enkhbat announced his resignation on Thursday in a televised address.", True),
        ("President Ruto withdrew the finance bill after deadly protests.", True),
        ("Police released 40 detained protesters on Friday.", True),
        ("The ministry released a statement on Friday.", False),
        ("The government offered talks with the unions.", False),  # an offer is not giving in
    ],
)
def test_giving_in_to_protesters_is_a_concession(sentence, concedes):
    reports = extract_article("Protests continued in Kenya. " + sentence, article_id="c", published=dt.date(2025, 3, 5)).reports
    assert any((r.event_type, r.event_mode) == ("CONCEDE", "accede") for r in reports) is concedes


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Inflation, at least, has eased.", [("inflation_cpi_pct", "falling")]),
        ("Consumer prices rose 5.4 percent in the year to June, down from 7 percent a year earlier.", [("inflation_cpi_pct", "falling")]),
        ("Inflation rose to 12 percent in May, up from 9 percent in April.", [("inflation_cpi_pct", "rising")]),
        ("Food inflation hit a record 41.2 percent, the office said.", []),  # not consumer-price inflation
    ],
)
def test_economic_directions_through_asides_and_comparisons(sentence, expected):
    mentions = extract_article(sentence, article_id="e", published=dt.date(2025, 7, 5)).mentions
    assert [(m.indicator, m.claim_direction) for m in mentions] == expected


@pytest.mark.parametrize(
    "sentence, accusation",
    [
        ('Protest organisers said about 400 people had taken part and accused the agents of using "grossly excessive force".', True),
        ("Protesters accused the government of corruption as they marched through the capital.", False),  # the protest's message
    ],
)
def test_protesters_who_speak_accuse_and_protesters_who_march_protest(sentence, accusation):
    reports = extract_article("US protests. " + sentence, article_id="a", published=dt.date(2026, 8, 12)).reports
    assert any(r.event_type == "ACCUSE" for r in reports) is accusation


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Over 1,000 police officers were deployed in the capital as thousands marched.", [("participants", 1000, 9999)]),
        ("Two police vans were set on fire by protesters.", []),
        ("At least 5 police officers were injured and 2 police stations torched.", [("injuries", 5, None)]),
        ("The Red Cross said it had treated three bank employees and two protesters.", [("injuries", 3, 3), ("injuries", 2, 2)]),
        ("Police fired tear gas at several hundred people who tried to march to the consulate.", [("participants", 300, 900)]),
    ],
)
def test_police_and_things_are_not_crowds(sentence, expected):
    claims = extract_article("Protests in Kenya. " + sentence, article_id="t", published=dt.date(2025, 3, 5)).claims
    assert [(c.quantity, c.value_low, c.value_high) for c in claims] == expected


@pytest.mark.parametrize(
    "sentence, protest",
    [
        ("The Malawi Congress of Trade Unions has threatened a nationwide strike if the government does not act.", False),
        ("Iran executed two men who had been convicted of killing a militiaman during protests in Isfahan in 2022.", False),
        ("Workers went on a nationwide strike on Monday.", True),
    ],
)
def test_threatened_strikes_and_protests_named_in_a_conviction_are_not_events(sentence, protest):
    reports = extract_article(sentence, article_id="p", published=dt.date(2026, 1, 22), country_hint="MWI").reports
    assert any(r.event_type == "PROTEST" for r in reports) is protest


def test_dates_of_other_clauses_and_of_the_future_do_not_date_an_event():
    text = ("HARARE - Police on Saturday detained five women who tried to lay wreaths outside parliament. "
            "Five years ago, on 2 August 2021, soldiers opened fire on vendors protesting against their eviction. "
            "Among those detained on Saturday was Chipo Marufu, whose son was killed in the shooting. "
            "A police spokesman said the women had been arrested and would appear in court on Monday.")
    reports = extract_article(text, article_id="z", published=dt.date(2026, 8, 3), country_hint="ZWE").reports
    assert sorted((r.event_type, str(r.event_date)) for r in reports if r.event_type in {"ASSAULT", "COERCE"}) == [
        ("ASSAULT", "2021-08-02"), ("COERCE", "2026-08-01")]


def test_a_period_of_protest_before_the_news_is_no_event_of_its_own():
    def protests(sentence):
        reports = extract_article(sentence, article_id="w", published=dt.date(2026, 3, 23), country_hint="PAN").reports
        return [r for r in reports if r.event_type == "PROTEST"], reports

    clashes, reports = protests("The government suspended constitutional guarantees on Sunday after a week of clashes between police and miners.")
    assert clashes == [] and ("COERCE", "curfew") in {(r.event_type, r.event_mode) for r in reports}
    march, _ = protests("Students marched in Belgrade on Sunday, the largest turnout in four months of protests.")
    assert len(march) == 1  # the march, not the four months
    iraq, _ = protests("More than 100 people have been killed in six days of protests across Iraq, the ministry said.")
    assert len(iraq) == 1  # the news itself


def test_the_us_treasury_and_ofac_designate_and_crowds_forcing_their_way_in_riot():
    text = ("At the same time, Treasury's Office of Foreign Assets Control added four officers of Venezuela's SEBIN "
            "intelligence service to its list of Specially Designated Nationals.")
    (sanction,) = extract_article(text, article_id="s", published=dt.date(2025, 5, 21)).reports
    assert (sanction.event_type, sanction.actor1_iso3, sanction.country_iso3) == ("SANCTION", "USA", "VEN")
    text = "Crowds angry over a coal-theft scandal tried to force their way into the State Palace in Ulaanbaatar."
    reports = extract_article(text, article_id="r", published=dt.date(2022, 12, 5)).reports
    assert ("PROTEST", "riot") in {(r.event_type, r.event_mode) for r in reports}


def test_a_date_that_starts_a_period_after_a_clause_dates_nothing():
    text = ("Thousands of protesters marched in Lome on Thursday. The demonstrations were called by a coalition of civil "
            "society groups who have used social media to organise since the new constitution was adopted last year.")
    reports = extract_article(text, article_id="p", published=dt.date(2025, 6, 13), country_hint="TGO").reports
    assert [(r.event_type, str(r.event_date)) for r in reports if r.event_type == "PROTEST"] == [("PROTEST", "2025-06-12")]


def test_a_quotation_attributed_at_its_end_speaks_in_its_first_sentence_too():
    text = ('Government spokesman Yawa Kouigan denied reports that soldiers had opened fire in Lome. '
            '"No one was killed by the security forces. They did not use a single live bullet," he told state television.')
    reports = extract_article(text, article_id="q", published=dt.date(2025, 6, 13), country_hint="TGO").reports
    assert ("ASSAULT", "kill", "denied") in {(r.event_type, r.event_mode, r.stance) for r in reports}


def test_place_names_with_particles_and_troops_being_sent_and_strike_leaders_refusing():
    text = ("The defence minister announced that 1,200 additional troops are being sent to Valle del Cauca. "
            "Strike leaders say they will not lift the blockades until the price increase is reversed.")
    reports = extract_article(text, article_id="c", published=dt.date(2025, 11, 21), country_hint="COL").reports
    found = {(r.event_type, r.country_iso3, r.location) for r in reports}
    assert ("MOBILIZE", "COL", "Valle Del Cauca") in found  # not Valle in Honduras
    assert any(r.event_type == "REJECT" and r.actor1_type == "protesters" for r in reports)


@pytest.mark.parametrize(
    "text, claimant_type",
    [
        ("A doctor at Woldia General Hospital, who asked not to be named, said 23 wounded people had been brought in.", "witness"),
        ("The director of the regional hospital in Curuguaty said one man died of a gunshot wound.", "state"),
        ("Kisumu County Referral Hospital told us it treated scores of people for injuries.", "state"),
        ("Hospital officials said 12 people were killed.", "state"),
        ("Medics at the scene said 12 people were killed.", "witness"),
    ],
)
def test_a_public_hospital_speaks_as_a_state_body_and_its_doctors_as_witnesses(text, claimant_type):
    claims = extract_article(text, article_id="t", published=dt.date(2026, 11, 3)).claims
    assert [c.claimant_type for c in claims] == [claimant_type]
    assert "General Hospital" not in {r.actor1 for r in extract_article(text, article_id="t").reports}


def test_a_subset_without_a_speaker_of_its_own_is_the_totals_speakers():
    text = "12:55 - The National Hospital says 14 people have been admitted with injuries, two of them police officers."
    total, subset = extract_article(text, article_id="t", published=dt.date(2026, 9, 17), outlet="Island Live Desk").claims
    assert (total.value_low, subset.value_low, subset.part_of_claim_id) == (14, 2, total.claim_id)
    assert (subset.claimant, subset.claimant_type) == (total.claimant, total.claimant_type) == ("National Hospital", "state")


@pytest.mark.parametrize(
    "text",
    [
        "The interior ministry said reports that police killed three protesters in Nador were false.",
        "Reports that police killed three protesters in Nador are false, the interior ministry said.",
    ],
)
def test_calling_a_report_false_is_the_speakers_denial(text):
    reports = extract_article(text, article_id="t", published=dt.date(2026, 10, 19)).reports
    killing = next(r for r in reports if r.event_type == "ASSAULT")
    assert (killing.stance, killing.attributed_to) == ("denied", "government")
    assert [(r.actor1, r.actor1_type) for r in reports if r.event_type == "REJECT"] == [("government", "state")]


def test_saying_what_police_did_not_do_is_the_speakers_denial_not_the_polices():
    reports = extract_article("No one was arrested by police in Nador, the interior ministry said.", article_id="t").reports
    assert [(r.actor1, r.actor1_type) for r in reports if r.event_type == "REJECT"] == [("government", "state")]


def test_a_falsehood_with_no_one_saying_so_is_no_rejection():
    reports = extract_article("Messages claiming that police killed three people in Nador are false.", article_id="t").reports
    assert [r.event_type for r in reports] == ["ASSAULT"] and reports[0].stance == "denied"


def test_deaths_told_without_a_date_of_their_own_are_the_earlier_shootings():
    text = ("ADDIS ABABA, Nov 3 - Ethiopia's government on Monday denied that soldiers had killed civilians in Woldia. "
            "Residents said soldiers opened fire on Saturday on hundreds of people protesting in Woldia. "
            "Two residents said at least seven people were killed.")
    result = extract_article(text, article_id="t", published=dt.date(2026, 11, 3))
    assaults = [r for r in result.reports if r.event_type == "ASSAULT" and r.stance != "denied"]
    assert [(r.event_mode, str(r.event_date)) for r in assaults] == [("firearms", "2026-10-31")]
    deaths = next(c for c in result.claims if c.quantity == "deaths")
    assert (deaths.value_low, deaths.report_id) == (7, assaults[0].report_id)


def test_a_threat_or_denial_dates_the_news_day_when_the_lead_is_a_plan():
    text = ("DAR ES SALAAM, Sept 17 - Tanzania's main opposition party said on Wednesday it would hold rallies next week. "
            "Police spokesman Joseph Mwakyusa warned on Tuesday that officers would use \"any means necessary\" to stop the rallies. "
            "The party's chairman was arrested on 3 September after addressing a rally in Mbeya. "
            "Police said no tear gas was used.")
    reports = extract_article(text, article_id="t", published=dt.date(2025, 9, 17)).reports
    assert ("THREATEN", "violence", "2025-09-16") in {(r.event_type, r.event_mode, str(r.event_date)) for r in reports}
    assert [str(r.event_date) for r in reports if r.event_type == "REJECT"] == ["2025-09-16"]


def test_a_weekday_followed_by_its_date_is_one_date():
    text = "during the marches of Saturday, 7 November 2026, in Omdurman"
    assert [(text[d.start:d.end], d.date) for d in find_dates(text, 0, len(text), None)] == [("7 November 2026", dt.date(2026, 11, 7))]


@pytest.mark.parametrize(
    "opening, date",
    [
        ("Sixteen protesters were shot by security forces during the marches of Saturday, 7 November 2026, in Omdurman.", "2026-11-07"),
        ("Sixteen protesters were shot by security forces in Omdurman on Saturday.", "None"),  # unresolvable: no news day
        ("In October 2020, crowds stormed parliament in Bishkek. On 5 October 2020 police fired on them.", "None"),
    ],
)
def test_an_article_without_a_publication_date_takes_its_first_full_date_as_news_day(opening, date):
    text = opening + " At least 200 people were arrested in Omdurman, the doctors said."
    arrests = [r for r in extract_article(text, article_id="t").reports if r.event_type == "COERCE"]
    assert [str(r.event_date) for r in arrests] == [date]


def test_people_who_were_shot_were_fired_on():
    reports = extract_article("Two students were shot by police in Dhaka on Monday.", article_id="t", published=dt.date(2026, 9, 16)).reports
    assert [(r.event_type, r.event_mode, str(r.event_date)) for r in reports] == [("ASSAULT", "firearms", "2026-09-14")]


def test_a_story_told_in_the_present_happens_on_its_publication_day_not_on_an_elections_day():
    text = ("Thousands of people are protesting in Tbilisi for a second night against the results of Saturday's parliamentary election.\n\n"
            "22:40\nThe interior ministry says 37 people were detained during the evening.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 11, 2)).reports
    assert {(r.event_type, str(r.event_date)) for r in reports} == {("PROTEST", "2026-11-02"), ("COERCE", "2026-11-02")}


def test_a_possessive_date_of_an_event_still_dates_it():
    text = "The death toll from Wednesday's unrest in Kulsary has risen to 19, prosecutors said on Friday. Troops fired live rounds into the crowd."
    reports = extract_article(text, article_id="t", published=dt.date(2026, 1, 9)).reports
    assert [str(r.event_date) for r in reports if r.event_type == "ASSAULT"] == ["2026-01-07"]


def test_a_date_between_subject_and_verb_is_the_verbs():
    text = "The United States on Tuesday imposed sanctions on Zimbabwe's vice-president over the suppression of protests in Harare in March."
    reports = extract_article(text, article_id="t", published=dt.date(2026, 7, 8)).reports
    assert [str(r.event_date) for r in reports if r.event_type == "SANCTION"] == ["2026-07-07"]


@pytest.mark.parametrize(
    "text, claimant, claimant_type",
    [
        ("Police detained dozens of lawyers in Lahore on Tuesday as thousands marched against an amendment that critics say "
         "strips the courts of their independence.", "Meridian Wire", "media"),
        ("Nine teachers were taken to hospital, the coordination said.", "coordination", "unknown"),
        ("At least 200 people were arrested in Omdurman, according to the Emergency Lawyers group, a legal aid organisation.",
         "Emergency Lawyers group", "ngo"),
    ],
)
def test_who_states_a_figure_is_its_speaker_not_its_victims(text, claimant, claimant_type):
    claims = extract_article(text, article_id="t", published=dt.date(2026, 10, 14), outlet="Meridian Wire").claims
    assert {(c.claimant, c.claimant_type) for c in claims} == {(claimant, claimant_type)}


def test_a_press_release_with_its_acronym_speaks_as_an_ngo():
    text = ("Bangkok, 27 August 2026 - Lawyers for Rights and Liberty Thailand (LRLT) is gravely concerned by the arrest of "
            "17 activists, who were detained by police at a vigil in Bangkok on Tuesday 25 August.")
    claims = extract_article(text, article_id="t", published=dt.date(2026, 8, 27), outlet="Lawyers for Rights and Liberty Thailand").claims
    assert [(c.value_low, c.claimant_type) for c in claims] == [(17, "ngo")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The interior ministry put turnout at 412,000 nationwide, including 38,000 in Paris.",
         [("participants", 412000, "state"), ("participants", 38000, "state")]),
        ("The platform, known as Observatorio Eleitoral, said five of the dead had been killed in Maputo.", [("deaths", 5, "ngo")]),
        ("The hospital director said it had received 31 people with gunshot wounds and that four of them had died.",
         [("injuries", 31, "state"), ("deaths", 4, "state")]),
    ],
)
def test_counting_verbs_appositions_and_deaths_among_the_wounded(text, expected):
    claims = extract_article(text, article_id="t", published=dt.date(2026, 10, 28)).claims
    assert [(c.quantity, c.value_low, c.claimant_type) for c in claims] == expected
    assert all(c.part_of_claim_id is None for c in claims if c.quantity == "deaths")


def test_a_press_releases_today_is_not_the_news_day():
    text = ("Dhaka, 18 September 2026 - The Bangladesh Workers' Rights Forum (BWRF) today condemned the killing of garment workers "
            "by police, who opened fire on demonstrations in Gazipur on Tuesday 15 September. "
            "The Forum has received reports that detainees were beaten in custody.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 9, 18), outlet="Bangladesh Workers Rights Forum").reports
    dates = {(r.event_type, str(r.event_date)) for r in reports}
    assert ("ACCUSE", "2026-09-18") in dates and ("ASSAULT", "2026-09-15") in dates
    assert [str(r.event_date) for r in reports if r.event_mode == "beat"] == ["2026-09-15"]


def test_the_last_name_of_a_place_list_is_a_place_even_outside_the_gazetteer():
    text = "Police opened fire on demonstrations by garment workers in Gazipur and Ashulia on Tuesday."
    reports = extract_article(text, article_id="t", published=dt.date(2026, 9, 18)).reports
    protests = sorted((r.location, r.country_iso3, r.geo_precision, r.latitude) for r in reports if r.event_type == "PROTEST")
    assert protests == [("Ashulia", "BGD", "country", None), ("Gazipur", "BGD", "point", protests[1][3])] and protests[1][3]
    assert find_places("marched in Paris and President Macron said", 0, 42) and len(find_places("marched in Paris and President Macron said", 0, 42)) == 1


def test_a_verb_of_saying_in_a_relative_clause_vouches_only_for_that_clause():
    lead = ("LAHORE, Oct 14 - Police fired tear gas and detained dozens of lawyers in Lahore on Tuesday as thousands marched "
            "against a constitutional amendment that critics say strips the courts of their independence.")
    result = extract_article(lead, article_id="t", published=dt.date(2026, 10, 14), outlet="Meridian Wire")
    assert {r.stance for r in result.reports} == {"asserted"}
    kenya = ("The march marked the anniversary of last year's protests against tax rises, in which rights groups say "
             "around 60 people were killed by police.")
    assert [(c.value_low, c.claimant_type) for c in extract_article(kenya, article_id="t", published=dt.date(2025, 6, 25)).claims] == [(60, "ngo")]


def test_a_date_in_a_relative_clause_and_a_passive_refusal():
    text = ("LAHORE, Oct 14 - Police detained dozens of lawyers in Lahore on Tuesday. "
            "Provincial information minister Sadia Malik accused the lawyers of taking the law into their own hands and said the "
            "amendment, which the National Assembly passed on Oct 8 with 224 votes, would not be withdrawn.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 10, 14)).reports
    speech = {(r.event_type, r.event_mode, str(r.event_date)) for r in reports if r.event_type != "COERCE"}
    assert speech == {("ACCUSE", "allege", "2026-10-13"), ("REJECT", "refuse", "2026-10-13")}


@pytest.mark.parametrize(
    "text, mode, date",
    [
        ("Britain lifted an asset freeze on a state-owned mining company on Tuesday.", "lift", "2026-07-07"),
        ("The company, whose assets Britain froze in March 2019, exports lithium.", "impose", "2019-03-01"),
        ("The State Department said on Tuesday it was also extending visa restrictions to 11 further officials.", "tighten", "2026-07-07"),
    ],
)
def test_sanction_verbs_on_asset_freezes_and_visa_restrictions(text, mode, date):
    reports = extract_article(text, article_id="t", published=dt.date(2026, 7, 8), country_hint="ZWE").reports
    assert [(r.event_mode, str(r.event_date)) for r in reports if r.event_type == "SANCTION"] == [(mode, date)]


def test_a_date_before_a_while_clause_is_not_its_events():
    text = ("The United States on Tuesday imposed sanctions on three police commanders over the suppression of protests in Harare "
            "in March, while Britain lifted an asset freeze on a state-owned mining company.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 7, 8)).reports
    assert [str(r.event_date) for r in reports if r.event_mode == "lift"] == ["2026-07-07"]


def test_a_protest_and_a_riot_at_one_place_on_one_day_are_one_riot_across_sentences():
    text = ("SANTIAGO, May 8 - Riot police fired water cannon at secondary school students who occupied the Alameda avenue "
            "in Santiago on Thursday, in the largest of a series of protests. Some of the students threw stones at officers in Santiago.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 5, 8)).reports
    assert [(r.event_mode, str(r.event_date)) for r in reports if r.event_type == "PROTEST"] == [("riot", "2026-05-07")]


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment among Tunisians aged 15 to 24 rose to 38.2 percent in the second quarter.",
        "Unemployment among 15-to-24-year-olds remains stubbornly high at about 32 percent.",
    ],
)
def test_unemployment_of_an_age_group_is_youth_unemployment(text):
    mentions = extract_article(text, article_id="t", published=dt.date(2026, 8, 1)).mentions
    assert [m.indicator for m in mentions] == ["youth_unemployment_pct"]


def test_where_a_speaker_sits_is_not_where_it_happened():
    text = ("Day 12 of the protests over water cuts in Madagascar.\n\n18:20\nThe UN human rights office in Geneva says at least 22 people "
            "have been killed in the unrest. Some of the victims were killed by members of the security forces, a spokeswoman said.")
    result = extract_article(text, article_id="t", published=dt.date(2026, 10, 6), country_hint="MDG")
    assert {r.country_iso3 for r in result.reports} == {"MDG"} and "Geneva" not in {r.location for r in result.reports}


def test_releases_ordered_walkoffs_and_arrests_during_protests():
    text = ("PANAMA CITY, March 4 - Panama's government on Tuesday ordered the release of everyone detained during protests "
            "in Bocas del Toro. Banana workers in Changuinola walked off the plantations on February 16.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 3, 4)).reports
    assert sorted((r.event_type, r.event_mode, str(r.event_date)) for r in reports) == [
        ("CONCEDE", "accede", "2026-03-03"), ("PROTEST", "strike", "2026-02-16")]


def test_threats_of_punishment_and_a_denials_date_before_its_verb():
    text = ("Lome, 16 July 2026 - Groups of young people threw stones at the security forces on Tuesday in Lome. "
            "The Minister on Wednesday firmly denied reports that two young people had been killed by gunfire in Lome. "
            "The Government reminds citizens that organisers and participants will answer for their actions before the courts.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 7, 16)).reports
    found = {(r.event_type, r.event_mode, r.stance, str(r.event_date)) for r in reports}
    assert ("THREATEN", "general", "asserted", "2026-07-14") in found
    assert ("REJECT", "deny", "asserted", "2026-07-15") in found
    assert [str(r.event_date) for r in reports if r.event_type == "ASSAULT"] == ["2026-07-14"]


def test_a_crowd_that_gathered_is_the_protest_when_the_others_are_references_plans_or_strikes():
    text = ("ULAANBAATAR, June 24 - Mongolia's prime minister resigned on Wednesday. "
            "Several thousand people gathered on Sukhbaatar Square on Tuesday evening for the seventh day running. "
            "The protests were sparked by documents, published on June 17 by an investigative news website. "
            "Protest organisers said they would return to the square on Saturday. "
            "Some 150 students walked out of classes on Wednesday.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 6, 24)).reports
    protests = sorted((r.event_mode, str(r.event_date)) for r in reports if r.event_type == "PROTEST")
    assert protests == [("demonstrate", "2026-06-23"), ("strike", "2026-06-24")]


def test_a_press_release_dateline_dates_nothing():
    text = ("Bangkok, 27 August 2026 - Lawyers for Rights and Liberty Thailand (LRLT) is gravely concerned by the arrest of "
            "17 activists, who were detained by police at a vigil in Bangkok on Tuesday 25 August.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 8, 27)).reports
    assert [str(r.event_date) for r in reports if r.event_type == "COERCE"] == ["2026-08-25"]


def test_a_nationwide_march_joins_its_cities_and_a_minister_speaks_inside_his_quote():
    text = ("PARIS, Oct 2 - Hundreds of thousands of people marched across France on Thursday against a pension freeze. "
            "The largest marches were in Paris and Marseille. "
            'Prime Minister Claire Dautel said on Thursday evening that the pension freeze was "not negotiable". '
            'Interior Minister Marc Lefort said violent individuals had infiltrated the marches. '
            '"Any violence will be met with the greatest firmness," he said.')
    reports = extract_article(text, article_id="t", published=dt.date(2026, 10, 2)).reports
    assert sorted(r.location for r in reports if r.event_type == "PROTEST") == ["Marseille", "Paris"]
    speech = {(r.event_type, r.event_mode, r.actor1) for r in reports if r.event_type in {"REJECT", "THREATEN"}}
    assert speech == {("REJECT", "refuse", "Prime Minister Claire Dautel"), ("THREATEN", "violence", "Interior Minister Marc Lefort")}


@pytest.mark.parametrize(
    "text",
    [
        "The UGTT trade union federation has warned that it could call a general strike in Tunisia.",
        "Garment unions in Dhaka have announced a day of mourning and a sit-in outside the labour ministry.",
        'Resistance committees in Khartoum have called for a "million-person march" next Thursday.',
    ],
)
def test_protests_that_could_be_announced_or_called_for_are_plans(text):
    assert [r for r in extract_article(text, article_id="t", published=dt.date(2026, 9, 18)).reports if r.event_type == "PROTEST"] == []


def test_a_press_release_speaks_through_its_initials_and_one_appeal_has_many_addressees():
    outlet = "Bangladesh Workers Rights Forum"
    text = ("Dhaka, 18 September 2026 - Police opened fire on striking workers in Gazipur on Tuesday 15 September. "
            "The BWRF calls on the government to order an independent judicial inquiry into the shootings, to release all "
            "detained workers and to pay every worker what they are owed, and urges buyers to suspend orders.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 9, 18), outlet=outlet).reports
    assert [(r.actor1, r.actor1_type) for r in reports if r.event_type == "REQUEST"] == [(outlet, "ngo")]
    assert not [r for r in reports if r.event_type == "COERCE"]


def test_a_dateline_ending_in_a_full_stop_and_rioters_throwing_bottles():
    text = ("YEREVAN, June 5. Police detained 58 participants of an unauthorised rally in central Yerevan on Thursday after some "
            "of them threw bottles at officers and tried to break through a cordon, the Ministry of Internal Affairs reported. "
            "Reports on social media that police used stun grenades against the crowd are false, the ministry's press service stressed.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 6, 5)).reports
    found = {(r.event_type, r.event_mode, str(r.event_date)) for r in reports}
    assert {("PROTEST", "riot", "2026-06-04"), ("COERCE", "arrest", "2026-06-04"), ("REJECT", "deny", "2026-06-04")} <= found


def test_police_put_it_at_and_a_speaker_after_according_to_that_the_lexicons_do_not_know():
    text = ("The Archive of Public Gatherings estimated the crowd in Belgrade at between 275,000 and 325,000. Police put it at 107,000. "
            "Two days later, masked men attacked students in Novi Sad with baseball bats, injuring at least 11, according to the university's rector.")
    claims = extract_article(text, article_id="t", published=dt.date(2026, 3, 20)).claims
    assert [(c.quantity, c.value_low, c.claimant_type) for c in claims] == [
        ("participants", 275000, "ngo"), ("participants", 107000, "state"), ("injuries", 11, "state")]
    office = "More than 120 people were injured, according to information gathered by our Office."
    assert [c.claimant_type for c in extract_article(office, article_id="t", outlet="OHCHR").claims] == ["international_org"]


def test_the_body_a_crowd_tried_to_reach_is_not_who_beat_it():
    text = "In Rabat, police blocked the marchers from reaching parliament and used batons to push them back."
    reports = extract_article(text, article_id="t", published=dt.date(2026, 3, 19)).reports
    assert {(r.event_type, r.actor1_type) for r in reports if r.event_type == "ASSAULT"} == {("ASSAULT", "security_forces")}


def test_people_who_sat_down_in_protest_are_participants():
    claims = extract_article("On 12 March 2025, a few hundred students sat down across Kralja Milana street in Belgrade.", article_id="t").claims
    assert [(c.quantity, c.value_low, c.value_high) for c in claims] == [("participants", 300, 900)]


@pytest.mark.parametrize(
    "text, low, claimant_type",
    [
        ("Organisers said 20,000 had come to Sukhbaatar Square.", 20000, "unknown"),
        ("The rally, organised by the opposition Homeland Front movement, gathered about 1,500 people, the ministry said.", 1500, "state"),
    ],
)
def test_crowds_that_came_or_that_a_rally_gathered(text, low, claimant_type):
    claims = extract_article(text, article_id="t", published=dt.date(2026, 6, 24)).claims
    assert [(c.quantity, c.value_low, c.claimant_type) for c in claims] == [("participants", low, claimant_type)]


def test_according_to_at_the_end_vouches_for_its_own_conjunct_and_a_correspondent_reports():
    text = ("On the night of 28 June 2025, police used tear gas to clear tens of thousands of protesters from Slavija square, "
            "and 79 people were detained, according to the interior ministry.")
    claims = extract_article(text, article_id="t", outlet="Balkan Review").claims
    assert [(c.value_low, c.claimant_type) for c in claims] == [(10000, "media"), (79, "state")]
    blog = ("In Toamasina, police fired tear gas at hundreds of protesters who tried to march on the regional prefecture, "
            "our correspondent reports.")
    assert [c.claimant_type for c in extract_article(blog, article_id="t", outlet="Indian Ocean Live").claims] == ["media"]


@pytest.mark.parametrize(
    "text, claimant, claimant_type",
    [
        ("The Minister on Wednesday firmly denied reports relayed by certain foreign media that two young people had been killed by gunfire in Lome.",
         "certain foreign media", "media"),
        ("The ministry denied reports that two people were killed in Lome.", "unattributed reports", "unknown"),
    ],
)
def test_a_figure_in_denied_reports_is_the_reports_claim(text, claimant, claimant_type):
    result = extract_article(text, article_id="t", published=dt.date(2026, 7, 16))
    assert [(c.value_low, c.claimant, c.claimant_type, c.stance) for c in result.claims] == [(2, claimant, claimant_type, "asserts")]
    assert {r.event_type: r.stance for r in result.reports}["REJECT"] == "asserted"


@pytest.mark.parametrize(
    "text, claimant, claimant_type",
    [
        ("Amnesty International said on Monday that the crackdown was brutal. "
         "Security forces killed 12 protesters in Shiraz on Sunday, it said.", "Amnesty International", "ngo"),
        ("Ali Rezaei, a spokesman for Amnesty International, said on Monday that the crackdown was brutal. "
         "Security forces killed 12 protesters in Shiraz on Sunday, he said.", "Amnesty International", "ngo"),
        ("The interior ministry said on Monday that calm had returned. "
         "Police arrested 40 people in Shiraz on Sunday, it added.", "government", "state"),  # (as "..., the interior ministry said")
        ("Security forces killed 12 protesters in Shiraz on Sunday, he said.", None, "unknown"),
    ],
)
def test_a_pronoun_that_says_it_stands_for_the_last_speaker_not_a_name_in_what_is_said(text, claimant, claimant_type):
    result = extract_article(text, article_id="t", published=dt.date(2026, 11, 20), country_hint="IRN")
    assert [(c.claimant, c.claimant_type) for c in result.claims] == [(claimant, claimant_type)]
    physical = [r for r in result.reports if r.event_type in {"ASSAULT", "COERCE"}]
    assert physical and all((r.stance, r.attributed_to) == ("alleged", claimant) for r in physical)


@pytest.mark.parametrize(
    "text, target",
    [
        ("The US Treasury added 12 Iranian officials to its sanctions list on Monday.", "IRN"),
        ("The US Treasury imposed sanctions on 12 Iranian officials on Monday.", "IRN"),
        ("The EU imposed sanctions on more than 20 Russian banks on Friday.", "RUS"),
    ],
)
def test_a_sanction_targets_the_counted_nationals_it_names(text, target):
    reports = extract_article(text, article_id="t", published=dt.date(2026, 11, 20)).reports
    assert [(r.event_type, r.country_iso3) for r in reports] == [("SANCTION", target)]
    sanction = reports[0]
    assert sanction.actor2_iso3 == target and sanction.actor1_iso3 != target


@pytest.mark.parametrize(
    "text, actor1_type",
    [
        ("Police said the driver had been arrested in Belgrade on Friday.", "unknown"),
        ("The interior ministry says 37 people were detained in Tbilisi on Monday.", "unknown"),
        ("Three protesters were shot dead by police in Lagos on Monday.", "security_forces"),
        ("Three protesters were killed in Lagos on Monday when police opened fire.", "security_forces"),
        ("Police arrested 40 protesters in Tehran on Friday.", "security_forces"),
    ],
)
def test_a_passive_names_its_doer_only_after_by(text, actor1_type):
    """Codebook, actors: a passive sentence that names no one is `unknown`; a speaker is not the doer."""
    reports = extract_article(text, article_id="t", published=dt.date(2026, 11, 20)).reports
    assert [r.actor1_type for r in reports if r.event_type in {"ASSAULT", "COERCE"}] == [actor1_type]


@pytest.mark.parametrize(
    "text, mode, date",
    [
        ("Mobile internet has been cut in the town since Tuesday, residents said.", "censor", "2026-05-19"),
        ("A curfew has been in force in Birgunj since Sunday.", "curfew", "2026-05-17"),
        ("Police have detained 40 people since Tuesday.", "arrest", "None"),  # a tally over a period: no day
    ],
)
def test_a_cut_or_a_curfew_in_force_since_a_day_began_that_day(text, mode, date):
    reports = extract_article(text, article_id="t", published=dt.date(2026, 5, 21)).reports
    assert [(r.event_mode, str(r.event_date)) for r in reports if r.event_type == "COERCE"] == [(mode, date)]


@pytest.mark.parametrize(
    "text, claims",
    [
        ("The crowd on Rustaveli Avenue has grown to tens of thousands, according to our reporters on the ground. "
         "Organisers put it at 150,000.", [("participants", 10000, "media"), ("participants", 150000, "unknown")]),
        ("The crowd on the avenue swelled to about 20,000.", [("participants", 20000, "media")]),
        ("The crowds grew as the death toll rose to 12.", [("deaths", 12, "media")]),  # not the crowd's figure
    ],
)
def test_a_crowd_that_grew_to_a_figure(text, claims):
    result = extract_article(text, article_id="t", published=dt.date(2026, 11, 2), outlet="Caucasus Live Desk")
    assert [(c.quantity, c.value_low, c.claimant_type) for c in result.claims] == claims


@pytest.mark.parametrize(
    "text, actor, actor_type",
    [
        ("The Algerian League for the Defence of Human Rights said 23 people had been arrested on Monday. "
         "The League called on the authorities to allow an independent post-mortem examination.",
         "Algerian League for the Defence of Human Rights", "ngo"),
        ("The Bangladesh Workers Rights Forum counted the dead on Monday. The Forum condemned the shootings.",
         "Bangladesh Workers Rights Forum", "ngo"),
    ],
)
def test_an_organisation_named_in_full_speaks_later_by_its_head_noun(text, actor, actor_type):
    reports = extract_article(text, article_id="t", published=dt.date(2026, 5, 21)).reports
    speech = [(r.actor1, r.actor1_type) for r in reports if r.event_type in {"REQUEST", "ACCUSE"}]
    assert speech == [(actor, actor_type)]
    # Unnamed before: "The League" alone (the Arab League? the Awami League?) is no one the text names.
    assert not [r for r in extract_article(text.split(". ", 1)[1], article_id="t").reports if r.event_type in {"REQUEST", "ACCUSE"}]


def test_a_press_release_speaks_in_the_first_person_as_its_publisher():
    reports = extract_article("We strongly condemn the killing of protesters in Omdurman.", article_id="t",
                              published=dt.date(2026, 11, 8), outlet="Sudan Doctors Network").reports
    assert [(r.event_type, r.actor1, r.actor1_type) for r in reports if r.event_type == "ACCUSE"] == [
        ("ACCUSE", "Sudan Doctors Network", "ngo")]


@pytest.mark.parametrize(
    "text, events",
    [
        ("Two journalists who had criticised the government on the station were seized from their homes on Monday.",
         [("COERCE", "arrest")]),  # who they are is no accusation; being seized from home is an arrest
        ("The opposition leader, who has repeatedly accused the army of fraud, was arrested on Monday.", [("COERCE", "arrest")]),
        ("The opposition accused the army of killing protesters on Monday.", [("ACCUSE", "blame")]),
    ],
)
def test_what_a_relative_clause_says_someone_had_said_is_no_statement(text, events):
    reports = extract_article(text, article_id="t", published=dt.date(2026, 5, 14)).reports
    assert [(r.event_type, r.event_mode) for r in reports] == events


@pytest.mark.parametrize(
    "text, dates",
    [
        ("Riot police used water cannon overnight to clear the avenue.", [dt.date(2025, 12, 2)]),
        ("Police detained 23 workers overnight, the federation said.", [dt.date(2025, 12, 2)]),
        ("Authorities imposed an overnight curfew.", []),  # a kind of curfew
        ("The central bank kept its overnight policy rate at 7.75 percent.", []),
        ("Police raided homes overnight on Sunday.", [dt.date(2025, 11, 30)]),  # dated by its day
    ],
)
def test_overnight_in_a_dated_story_is_the_night_before(text, dates):
    assert [d.date for d in find_dates(text, 0, len(text), dt.date(2025, 12, 3))] == dates


@pytest.mark.parametrize(
    "text, claimant, claimant_type",
    [
        ("Nationwide figures are in: the CGT claims more than 1 million marchers across France.", "CGT", "unknown"),
        ("Podemos said more than 300 of its members had been arrested.", "Podemos", "unknown"),
        ("Police arrested 40 people in Paris, Reuters said.", "Reuters", "media"),
    ],
)
def test_a_named_speaker_of_no_known_kind_is_unknown_not_the_outlet(text, claimant, claimant_type):
    claims = extract_article(text, article_id="t", published=dt.date(2025, 10, 2), outlet="Eurowire Live").claims
    assert [(c.claimant, c.claimant_type) for c in claims] == [(claimant, claimant_type)]


@pytest.mark.parametrize(
    "text, protests",
    [
        ("Teachers went on strike across Morocco on Wednesday, and several thousand of them marched in Rabat and Fes, "
         "in the biggest education walkout in three years.",
         [("demonstrate", "Rabat"), ("demonstrate", "Fes"), ("strike", None)]),  # one strike, nationwide
        ("Organisers said more than 100,000 people had rallied across Israel on Saturday, including in Jerusalem and Haifa.",
         [("demonstrate", "Jerusalem"), ("demonstrate", "Haifa")]),
        ("The largest protest in a decade took place in Tehran on Friday.", [("demonstrate", "Tehran")]),
    ],
)
def test_a_nationwide_strike_keeps_its_own_place_and_a_superlative_aside_is_the_same_event(text, protests):
    reports = extract_article(text, article_id="t", published=dt.date(2026, 3, 19)).reports
    assert sorted(((r.event_mode, r.location) for r in reports if r.event_type == "PROTEST"), key=str) == sorted(protests, key=str)


def test_a_live_blog_tells_the_day_it_is_published():
    text = ("Day 12 of the protests. Here are the latest developments, newest first.\n\n15:40\nIn Toamasina, police fired tear gas "
            "at hundreds of protesters who tried to march on the prefecture, our correspondent reports.\n\n"
            "12:30\nMobile internet has been restored in the capital after a five-day shutdown.")
    reports = extract_article(text, article_id="t", published=dt.date(2026, 10, 6), country_hint="MDG").reports
    assert {(r.event_type, str(r.event_date)) for r in reports if r.event_type in {"ASSAULT", "PROTEST"}} == {
        ("ASSAULT", "2026-10-06"), ("PROTEST", "2026-10-06")}
    # Without its time stamps the same story has no news day to give an undated event.
    plain = extract_article(text.replace("15:40\n", "").replace("12:30\n", ""), article_id="t", published=dt.date(2026, 10, 6), country_hint="MDG")
    assert {str(r.event_date) for r in plain.reports if r.event_type == "ASSAULT"} == {"None"}


@pytest.mark.parametrize(
    "text, events",
    [
        ("The opposition has threatened to boycott the election if its chairman is not freed.", []),  # a plan, no violence
        ("Unions threatened to strike on Monday.", []),
        ("The interior minister threatened to arrest anyone who joined the march.", [("THREATEN", "violence")]),
    ],
)
def test_threatening_to_boycott_or_strike_is_a_plan_not_a_threat_of_force(text, events):
    reports = extract_article(text, article_id="t", published=dt.date(2025, 9, 16), country_hint="TZA").reports
    assert [(r.event_type, r.event_mode) for r in reports] == events


@pytest.mark.parametrize(
    "text, published, events",
    [
        ("On 6 July 2018, the government announced fuel price increases of up to 51 percent. By the next morning, "
         "crowds had set up burning barricades and looted hotels across the capital.", None, [("PROTEST", "2018-07-07")]),
        ("Police arrested 40 people in Tehran on Friday. The next day, thousands marched in Tehran.",
         dt.date(2026, 1, 12), [("COERCE", "2026-01-09"), ("PROTEST", "2026-01-10")]),
    ],
)
def test_the_next_morning_is_the_day_after_the_last_sentences_day(text, published, events):
    reports = extract_article(text, article_id="t", published=published, country_hint="HTI").reports
    assert sorted((r.event_type, str(r.event_date)) for r in reports) == events


@pytest.mark.parametrize(
    "text, figures",
    [
        ("Since the start of the year, at least 64 people have been charged under Section 112, including nine minors.",
         [("arrests", 64), ("arrests", 9)]),
        ("Among those arrested were two students aged 17 and a well-known rapper.", [("arrests", 2)]),
        ("Riot police charged 300 protesters with batons.", [("participants", 300)]),  # a charge of police, no one held
    ],
)
def test_people_charged_and_those_arrested_are_arrest_figures(text, figures):
    claims = extract_article(text, article_id="t", published=dt.date(2026, 8, 27)).claims
    assert [(c.quantity, c.value_low) for c in claims] == figures


def test_a_sentence_opening_the_is_no_speaker_named_the():
    text = ("Fourteen people were arrested in El Alto. The figure of more than 60 detainees published by the Permanent "
            "Assembly of Human Rights is exaggerated.")
    claims = extract_article(text, article_id="t", published=dt.date(2026, 3, 4), outlet="Ministry of Government (press office)").claims
    assert "The" not in {c.claimant for c in claims}
