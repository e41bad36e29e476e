"""Events on real news: the clause that states the happening, with its subject, and its date."""

from __future__ import annotations

from briefing.understand import analyse

PUBLISHED = "2026-11-25"  # a Wednesday


def _events(text: str, published: str = PUBLISHED) -> list[tuple[str, str]]:
    return [(e.date, e.text) for e in analyse(text, published).events]


def test_a_leading_date_phrase_keeps_the_clause_it_heads() -> None:
    text = "In March, the ferry company sold its two oldest boats to a Greek operator."
    assert _events(text) == [
        ("2026-03", "In March, the ferry company sold its two oldest boats to a Greek operator")
    ]


def test_a_verb_after_an_apposition_takes_the_subject_before_it() -> None:
    text = (
        "Ilse Varga, the head of the regional water board, said on Tuesday that the pumps "
        "would be replaced."
    )
    ((day, clause),) = _events(text)
    assert day == "2026-11-24"
    assert clause.startswith("Ilse Varga, the head of the regional water board")
    assert clause.endswith("the pumps would be replaced")


def test_a_relative_clause_takes_its_antecedent() -> None:
    text = (
        "The lenders turned for help to Marlow Freight, which last week signed a new contract "
        "with the port of Gdansk and a smaller one with a Danish shipyard."
    )
    ((day, clause),) = _events(text)
    assert day == "2026-11"
    assert clause.startswith("Marlow Freight, which last week signed")


def test_a_date_in_a_clause_after_a_conjunction_is_that_clause() -> None:
    text = (
        "Ticket sales at the museum have slumped by a third this autumn, a fall that comes "
        "after the city council cut its opening hours last month."
    )
    assert ("2026-10", "the city council cut its opening hours last month") in _events(text)


def test_an_attribution_closing_the_sentence_dates_what_it_reports() -> None:
    text = (
        "A man from Leeds was charged over a string of burglaries across three northern "
        "counties, police announced Thursday."
    )
    ((day, clause),) = _events(text, "2026-11-28")
    assert day == "2026-11-26"
    assert clause.startswith("A man from Leeds was charged")


def test_a_past_month_after_the_publication_month_is_last_year() -> None:
    # published in November: a December in a past-tense clause is last December
    (day,) = [d for d, _ in _events("A court in Lyon threw out the claim in December.")]
    assert day == "2025-12"


def test_a_leading_month_written_with_a_capital() -> None:
    assert [d for d, _ in _events("In August, the airline cancelled its winter routes.")] == [
        "2026-08"
    ]


def test_a_caption_date_after_a_place_is_no_event() -> None:
    text = "Dock workers wait outside the gates of the port in Gdynia, Poland, November 20, 2026."
    assert _events(text) == []


def test_local_time_abroad_can_be_the_day_after_publication() -> None:
    text = "Officials in Seoul confirmed a new launch Thursday morning local time."
    assert [d for d, _ in _events(text)] == ["2026-11-26"]


def test_the_reported_clause_that_holds_the_date() -> None:
    text = "The operator has told the council that it will close the line on 2 December."
    assert _events(text) == [("2026-12-02", "it will close the line on 2 December")]


def test_a_weekday_and_its_full_date_stay_in_one_clause() -> None:
    text = (
        "The mayor is interviewed in the Harbour Gazette on Sunday, Nov. 22, 2026, as saying "
        "the ferry would never be sold to a private operator."
    )
    ((day, clause),) = _events(text)
    assert day == "2026-11-22"
    assert clause.startswith("The mayor is interviewed")
    assert "as saying the ferry would never be sold" in clause


def test_a_date_set_off_by_dashes_dates_the_whole_clause() -> None:
    text = "The last big storm on the coast — on Oct. 3 — was the worst to hit the bay in decades."
    ((day, clause),) = _events(text)
    assert day == "2026-10-03"
    assert clause.startswith("The last big storm on the coast")
    assert clause.endswith("in decades")


def test_a_month_of_that_year_is_no_fragment() -> None:
    text = "A filing from the auditors states that the losses began in late March of that year"
    ((_, clause),) = _events(text + ".")
    assert clause.endswith("of that year")


def test_a_lede_printed_twice_is_one_event() -> None:
    text = "The bridge reopened on Monday.\n\nThe bridge reopened on Monday."
    assert _events(text) == [("2026-11-23", "The bridge reopened on Monday")]


def test_a_clause_after_a_conjunction_mid_sentence_is_no_leading_date_phrase() -> None:
    text = (
        "The ferry service entered its third week of disruption after weekend talks broke "
        "down on Sunday, leaving hundreds of islanders without a crossing to the mainland."
    )
    assert _events(text) == [("2026-11-22", "weekend talks broke down on Sunday")]


def test_a_relative_after_its_preposition_stays_in_the_clause() -> None:
    text = (
        "The finance minister on Monday set out the terms under which the northern provinces "
        "would accept the new tax on fuel and heating oil."
    )
    ((_, clause),) = _events(text)
    assert clause.endswith("the new tax on fuel and heating oil")


def test_a_second_verb_with_its_own_object_ends_the_dated_clause() -> None:
    text = (
        "The city's new budget raises parking fees by a fifth from 1 January and pushes back "
        "the renovation of the two libraries by another year."
    )
    assert _events(text) == [
        ("2027-01-01", "The city's new budget raises parking fees by a fifth from 1 January")
    ]


def test_a_degree_adverb_is_no_verb_that_needs_a_subject() -> None:
    text = (
        "The lake rose to 3.1 metres on Monday evening, nearly a metre above the old mark "
        "reached in March 2019, the water authority said."
    )
    found = dict(_events(text))
    assert found["2019-03"].startswith("nearly a metre above the old mark")


def test_a_participle_after_a_noun_describes_that_noun() -> None:
    text = "Auditors said the inquiry, opened last Friday by the port authority, may take months."
    assert ("2026-11-20", "the inquiry, opened last Friday by the port authority") in _events(text)


def test_a_participle_after_an_apposition_is_the_sentence_verb() -> None:
    text = (
        "The old cable car, built in the hills above the harbour town, remained in service "
        "until April 2019, with two cabins running every half hour."
    )
    ((_, clause),) = _events(text)
    assert clause.startswith("The old cable car")
    assert clause.endswith("until April 2019")


def test_a_relative_that_after_a_dated_object_ends_the_clause() -> None:
    text = (
        "The two unions signed a framework deal in May 2024 that capped overtime at ten hours "
        "a week for all harbour pilots and their crews."
    )
    assert _events(text) == [("2024-05", "The two unions signed a framework deal in May 2024")]


def test_a_clause_after_since_is_its_own_event() -> None:
    text = (
        "Shopkeepers on the high street told the council that their takings had fallen by half "
        "since roadworks began in February."
    )
    assert [t for _, t in _events(text)] == ["roadworks began in February"]


def test_a_long_description_between_subject_and_verb_is_left_out() -> None:
    text = (
        "Per Lund, the harbour master who promised only a fortnight ago that the quay would "
        'never close to fishing boats, said on Tuesday that he would "talk to anyone who '
        'pays the berth fees" once the season ends.'
    )
    ((_, clause),) = _events(text)
    assert clause.startswith("said on Tuesday that he would")
    assert clause.endswith("once the season ends")  # no cut inside the quotation


def test_a_month_of_that_year_takes_the_year_named_before() -> None:
    text = (
        "The bank first noticed the fraud in 2023.\n\n"
        "A later audit found that the losses began in late March of that year."
    )
    assert [d for d, _ in _events(text)] == ["2023-03"]


def test_a_menu_of_months_is_no_event() -> None:
    text = "Archive Select Month October 2026 September 2026 August 2026 July 2026 June 2026"
    assert _events(text) == []


def test_a_gallery_caption_date_is_no_event() -> None:
    text = "Harbour news.\n3/12 14 November 2026 Fishermen mend their nets on the quay at dawn"
    assert _events(text) == []


def test_a_country_after_a_city_is_no_subject() -> None:
    text = (
        "The ferry from Tromso, Norway, left on 1 December with forty passengers aboard and "
        "a cargo of fresh fish for the markets of the south."
    )
    ((_, clause),) = _events(text)
    assert clause.startswith("The ferry from Tromso")


def test_a_relative_clause_after_a_clause_takes_the_noun_just_before_it() -> None:
    text = (
        "To put that in context, the storm cut power to a third of the county, whose "
        "population stood at 80,000 as of 1 January 2026 by the last official count."
    )
    ((_, clause),) = _events(text)
    assert clause.startswith("the county, whose population")
