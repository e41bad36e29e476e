"""What reaches the reader's eyes (issue 13): complete statements only by default, one row per
happening across outlets, one actor per person. The sentences are our own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.store import open_library
from briefing.storylines import Briefing, StorylineSummary
from briefing.storylines._briefing import Member, build_briefing
from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine
from tests.storylines._gold import load_gold
from tests.storylines.conftest import Shelf

SUMMARY = StorylineSummary(
    id=1,
    label="Ferry strike",
    first_date="2026-05-04",
    last_date="2026-05-06",
    article_count=3,
    unread_count=3,
    outlets=("Harbor Ledger", "Continental Wire", "Market Signal"),
)
OUTLETS = ("Harbor Ledger", "Continental Wire", "Market Signal")


def _member(article_id: int, outlet: str, published: str, text: str) -> Member:
    return Member(
        article_id=article_id,
        title=f"Article {article_id}",
        url=f"https://example.org/{article_id}",
        outlet=outlet,
        published=published,
        fetched_at=f"{published}T09:00:00+00:00",
        read=False,
        wire_of=None,
        text=text,
    )


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _briefing(texts: list[str], analyses: list[Analysis], dates: list[str] | None = None):
    dates = dates or ["2026-05-04", "2026-05-05", "2026-05-06"][: len(texts)]
    members = [_member(i + 1, OUTLETS[i % 3], dates[i], text) for i, text in enumerate(texts)]
    return build_briefing(
        SUMMARY, members, {i + 1: a for i, a in enumerate(analyses)}, last_opened=None
    )


def _event(text: str, part: str, day: str, confidence: float = 1.0) -> Event:
    return Event(day, part, *_span(text, part), confidence=confidence)


# --- one row per happening -------------------------------------------------------------------


def test_one_happening_reported_by_three_outlets_is_one_row_with_three_outlets() -> None:
    texts = [
        "Ferry crews on the Solway line stopped work on Monday over rosters.",
        "The ferry crews of the Solway line stopped work on Monday in a dispute over rosters.",
        "Crews on Solway line ferries stopped work on Monday, the operator said.",
    ]
    parts = [
        "Ferry crews on the Solway line stopped work on Monday over rosters",
        "The ferry crews of the Solway line stopped work on Monday in a dispute over rosters",
        "Crews on Solway line ferries stopped work on Monday",
    ]
    analyses = [
        Analysis("en", events=[_event(t, p, "2026-05-04")])
        for t, p in zip(texts, parts, strict=True)
    ]
    timeline = _briefing(texts, analyses).timeline
    assert len(timeline) == 1
    assert timeline[0].outlets == OUTLETS
    assert not timeline[0].uncertain and not timeline[0].dates_conflict


def test_one_event_told_twice_in_one_article_is_one_row() -> None:
    text = (
        "Ferry crews on the Solway line stopped work on Monday over rosters. Later on, "
        "ferry crews on the Solway line stopped work on Monday over rosters, the union said."
    )
    first = "Ferry crews on the Solway line stopped work on Monday over rosters"
    second_start = text.index("ferry crews", 10)
    second = Event("2026-05-04", text[second_start : second_start + len(first)], second_start,
                   second_start + len(first))  # fmt: skip
    analysis = Analysis("en", events=[_event(text, first, "2026-05-04"), second])
    assert len(_briefing([text], [analysis]).timeline) == 1


def test_one_clause_read_under_two_dates_is_one_row_under_the_date_it_writes() -> None:
    text = "The union held its ballot last Sunday (3 May) at the harbour hall."
    part = "The union held its ballot last Sunday (3 May) at the harbour hall"
    analysis = Analysis(
        "en", events=[_event(text, part, "2026-04-26"), _event(text, part, "2026-05-03")]
    )
    timeline = _briefing([text], [analysis], ["2026-05-05"]).timeline
    assert [e.date for e in timeline] == ["2026-05-03"]


def test_a_weekday_read_against_two_publication_days_is_no_disagreement() -> None:
    texts = [
        "The ferry operator cancelled all Solway crossings on Tuesday.",
        "The ferry operator cancelled all Solway crossings on Tuesday, stranding lorries.",
    ]
    parts = [
        "The ferry operator cancelled all Solway crossings on Tuesday",
        "The ferry operator cancelled all Solway crossings on Tuesday",
    ]
    # One outlet publishes late on Monday (its Tuesday is the next day), the other after
    # midnight in another time zone and reads "Tuesday" a week back.
    analyses = [
        Analysis("en", events=[_event(texts[0], parts[0], "2026-05-05")]),
        Analysis("en", events=[_event(texts[1], parts[1], "2026-04-28")]),
    ]
    (entry,) = _briefing(texts, analyses, ["2026-05-04", "2026-05-05"]).timeline
    assert not entry.dates_conflict
    assert len(entry.outlets) == 2


def test_one_quote_carried_by_two_outlets_is_one_quote_with_both_sources() -> None:
    words = "We will keep the ferries in port until the rosters are withdrawn"
    texts = [
        f'"{words}," said Ines Carvalho, the union\'s general secretary.',
        f'"{words} in full," the union leader said on Tuesday.',
    ]
    actor = Actor("Ines Carvalho", "person", roles=("general secretary",))
    analyses = [
        Analysis(
            "en",
            actors=[actor],
            quotes=[Quote(words, *_span(texts[0], words), direct=True, speaker="Ines Carvalho")],
        ),
        Analysis(
            "en",
            quotes=[
                Quote(
                    f"{words} in full",
                    *_span(texts[1], f"{words} in full"),
                    direct=True,
                    speaker=None,
                    confidence=0.35,
                )
            ],
        ),
    ]
    quotes = _briefing(texts, analyses).quotes
    assert [g.speaker for g in quotes] == ["Ines Carvalho"]
    (item,) = quotes[0].quotes
    assert item.outlets == ("Harbor Ledger", "Continental Wire")
    assert not item.uncertain


def test_near_duplicate_red_lines_of_one_holder_merge_keeping_each_outlets_date() -> None:
    texts = [
        "The union will not accept the new rosters unless night shifts are paid double.",
        "The union said it will not accept the new rosters unless night shifts are paid double",
    ]
    part = "will not accept the new rosters unless night shifts are paid double"
    actor = Actor("Solway Seafarers Union", "organization", aliases=("The union",))
    analyses = [
        Analysis(
            "en",
            actors=[actor],
            red_lines=[RedLine("Solway Seafarers Union", part, *_span(t, part))],
        )
        for t in texts
    ]
    (group,) = _briefing(texts, analyses).red_lines
    (item,) = group.items
    assert [c.date for c in (item.source, *item.also)] == ["2026-05-04", "2026-05-05"]
    assert not item.uncertain


# --- one actor per person --------------------------------------------------------------------


def test_one_person_under_three_spellings_is_one_actor_and_one_heading() -> None:
    names = ["Francois Hollande", "François Hollande", "President François Hollande"]
    texts = [f'"France will not give in to terror," {n} said on television.' for n in names]
    words = "France will not give in to terror"
    analyses = [
        Analysis(
            "en",
            actors=[Actor(n, "person", mentions=2), Actor("France", "country")],
            quotes=[Quote(words, *_span(t, words), direct=True, speaker=n)],
        )
        for n, t in zip(names, texts, strict=True)
    ]
    briefing = _briefing(texts, analyses)
    people = [a for a in briefing.actors if a.kind == "person"]
    assert [a.name for a in people] == ["François Hollande"]
    assert people[0].article_count == 3
    assert [g.speaker for g in briefing.quotes] == ["François Hollande"]


def test_a_surname_alone_is_the_one_person_of_the_storyline_with_it() -> None:
    texts = [
        "Ines Carvalho said the union will not accept the new rosters at any price.",
        "Carvalho said the union will not accept the new rosters at any price.",
    ]
    words = "the union will not accept the new rosters at any price"
    analyses = [
        Analysis(
            "en",
            actors=[Actor(who, "person")],
            quotes=[Quote(words, *_span(t, words), direct=False, speaker=who)],
        )
        for who, t in zip(["Ines Carvalho", "Carvalho"], texts, strict=True)
    ]
    briefing = _briefing(texts, analyses)
    assert [g.speaker for g in briefing.quotes] == ["Ines Carvalho"]
    assert [a.name for a in briefing.actors] == ["Ines Carvalho"]


def test_the_actor_bar_lists_people_organisations_and_countries_only() -> None:
    text = "Ines Carvalho spoke in Solway Harbour for the Solway Seafarers Union and France."
    actors = [
        Actor("Ines Carvalho", "person"),
        Actor("Solway Harbour", "other"),
        Actor("Solway Seafarers Union", "organization"),
        Actor("France", "country"),
    ]
    briefing = _briefing([text], [Analysis("en", actors=actors)])
    assert {a.name for a in briefing.actors} == {
        "Ines Carvalho",
        "Solway Seafarers Union",
        "France",
    }


# --- the gate -----------------------------------------------------------------------------


def test_fragments_captions_and_doubtful_events_are_hidden_but_kept() -> None:
    text = (
        "The harbour master closed the port on Monday. The board met the union in Leith, "
        "which published its first offer on Tuesday. "
        "Pictured: pickets at the gate on Wednesday (Photo: Harbor Ledger). "
        "The operator hired agency crews on Thursday."
    )
    events = [
        _event(text, "The harbour master closed the port on Monday", "2026-05-04"),
        _event(text, "which published its first offer on Tuesday", "2026-05-05"),
        _event(
            text, "Pictured: pickets at the gate on Wednesday (Photo: Harbor Ledger)", "2026-05-06"
        ),  # fmt: skip
        _event(text, "The operator hired agency crews on Thursday", "2026-05-07", 0.3),
    ]
    timeline = _briefing([text], [Analysis("en", events=events)], ["2026-05-08"]).timeline
    assert len(timeline) == 4
    shown = [e.text for e in timeline if not e.uncertain]
    assert shown == ["The harbour master closed the port on Monday"]


def test_a_cut_clause_is_shown_as_its_sentence() -> None:
    text = "A crane collapsed onto the quay on Monday, injuring two dockers and a driver."
    part = "injuring two dockers and a driver"
    (entry,) = _briefing([text], [Analysis("en", events=[_event(text, part, "2026-05-04")])],
                         ["2026-05-05"]).timeline  # fmt: skip
    assert not entry.uncertain
    assert entry.text == text
    assert text[entry.source.start : entry.source.end] == entry.text


def test_a_red_line_says_who_demands_what() -> None:
    text = (
        "The union said it will not accept the new rosters. "
        "It called the offer an insult. "
        "Three weeks ago the union refused to meet the board."
    )
    actor = Actor("Solway Seafarers Union", "organization")
    parts = [
        "will not accept the new rosters",
        "called the offer an insult",
        "Three weeks ago the union refused to meet the board",
    ]
    analysis = Analysis(
        "en",
        actors=[actor],
        red_lines=[RedLine("Solway Seafarers Union", p, *_span(text, p)) for p in parts]
        + [RedLine(None, "will not accept the new rosters", *_span(text, parts[0]))],
    )
    red_lines = _briefing([text], [analysis]).red_lines
    shown = [(g.holder, i.text) for g in red_lines for i in g.items if not i.uncertain]
    assert shown == [("Solway Seafarers Union", "will not accept the new rosters")]


def test_a_reported_clause_is_shown_without_its_that_and_a_quote_needs_a_known_speaker() -> None:
    text = (
        "Ines Carvalho said that the ferries would stay in port. "
        "A passer-by said the strike was a disgrace."
    )
    first = "that the ferries would stay in port"
    second = "the strike was a disgrace"
    analysis = Analysis(
        "en",
        actors=[Actor("Ines Carvalho", "person")],
        quotes=[
            Quote(first, *_span(text, first), direct=False, speaker="Ines Carvalho"),
            Quote(second, *_span(text, second), direct=False, speaker="A passer-by"),
        ],
    )
    quotes = {g.speaker: g.quotes for g in _briefing([text], [analysis]).quotes}
    (said,) = quotes["Ines Carvalho"]
    assert said.text == "The ferries would stay in port" and not said.uncertain
    assert text[said.source.start : said.source.end] == first  # the record keeps its span
    assert all(q.uncertain for q in quotes["A passer-by"])


def test_the_most_reported_quote_comes_first() -> None:
    once = "The rosters were drawn up without asking a single crew member"
    twice = "We will keep the ferries in port until the rosters are withdrawn"
    texts = [f'"{once}," said Ines Carvalho. "{twice}," she said.', f'"{twice}," said Carvalho.']
    analyses = [
        Analysis(
            "en",
            actors=[Actor("Ines Carvalho", "person")],
            quotes=[
                Quote(once, *_span(texts[0], once), direct=True, speaker="Ines Carvalho"),
                Quote(twice, *_span(texts[0], twice), direct=True, speaker="Ines Carvalho"),
            ],
        ),
        Analysis(
            "en",
            actors=[Actor("Carvalho", "person")],
            quotes=[Quote(twice, *_span(texts[1], twice), direct=True, speaker="Carvalho")],
        ),
    ]
    (group,) = _briefing(texts, analyses).quotes
    assert [(q.text, len(q.outlets)) for q in group.quotes] == [(twice, 2), (once, 1)]


# --- on the demo ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_briefings(tmp_path_factory: pytest.TempPathFactory) -> list[Briefing]:
    """Every storyline's briefing of the demo articles, stored, analysed and grouped as a
    refresh does it."""
    from briefing.digest import digest
    from briefing.storylines import build_briefing as build
    from briefing.storylines import list_storylines

    docs = load_gold()
    if len(docs) < 10:
        pytest.skip("the demo library has too few articles yet")
    library = open_library(Path(tmp_path_factory.mktemp("demo")) / "library.db")
    try:
        Shelf(library).add(docs)
        digest(library)
        return [build(library, s.id) for s in list_storylines(library)]
    finally:
        library.close()


OPENERS = re.compile(
    r"^\W*(?:who|whom|whose|which|that|and|but|or|as|while|because|although|whereas|since"
    r"|to|of|with|for|from|by|in|on|at|after|before|during|following)\b",
    re.IGNORECASE,
)
DEMAND = re.compile(
    r"\b(?:must|should|shall|will not|won't|would not|cannot|can't|never|refus\w*|reject\w*"
    r"|demand\w*|insist\w*|call\w* (?:on|for)|urg\w*|requir\w*|unless|only if|if|until"
    r"|conditions?|provided|as long as|non-negotiable|red lines?|ultimatum|deadline"
    r"|wants?|wanted .* to|ask\w* .* to|threat\w*|warn\w*|vow\w*|oppos\w*|accept"
    r"|(?:ready|willing|prepared|open) to|propos\w*|^\W*no \w+, no"
    r"|no longer|not accept|under no circumstances|need\w* to|ha(?:s|ve) to)\b",
    re.IGNORECASE,
)


def _opens_with_fragment(text: str) -> bool:
    """A relative pronoun or a conjunction, or a preposition with no main clause after it."""
    if not OPENERS.match(text):
        return False
    first = text.split()[0].lower()
    prepositions = {"to", "of", "with", "for", "from", "by", "in", "on", "at", "after",
                    "before", "during", "following"}  # fmt: skip
    return first not in prepositions or ", " not in text


def test_on_the_demo_every_shown_row_is_a_statement(demo_briefings) -> None:
    for briefing in demo_briefings:
        for entry in briefing.timeline:
            if not entry.uncertain:
                assert not _opens_with_fragment(entry.text), entry.text
        for group in briefing.red_lines:
            for item in group.items:
                if not item.uncertain:
                    assert DEMAND.search(item.text), (group.holder, item.text)
                    assert group.holder != "Unattributed"


def test_the_eastside_tram_examples_are_gone_or_correct(demo_briefings) -> None:
    (tram,) = [b for b in demo_briefings if any("Eastside tram" in a.title for a in b.articles)]
    red_lines = [i.text for g in tram.red_lines for i in g.items if not i.uncertain]
    timeline = {e.text: e for e in tram.timeline if not e.uncertain}
    assert not any("calls it consistency" in t for t in red_lines)
    assert not any("would not pay a cent" in t for t in red_lines)
    assert not any(t.startswith("In a letter to the Northfield Transit Authority") and
                   "dated 16 October" in t and len(t) < 80 for t in timeline)  # fmt: skip
    assert not any(t.startswith("plans a protest") for t in timeline)
    for text, entry in timeline.items():
        if "takings on the street had fallen" in text:
            assert not entry.scheduled and not entry.date.startswith("2027")


def test_a_speaker_name_with_a_credit_glued_on_is_not_shown_as_a_name() -> None:
    from briefing.storylines._gate import garbled_name, red_line_statement

    assert garbled_name("Instagram Singer Mara")  # a caption's credit and a job title
    assert garbled_name("CNN Police")
    assert not garbled_name("Rex Halloran")
    assert not garbled_name("Mara Lind")
    # a sentence split at a title's full stop is cut short
    assert not red_line_statement("\u201cWe must close the port tonight,\u201d Mr.")
    assert red_line_statement("We must close the port tonight")


def test_a_described_body_holds_a_red_line_a_thing_does_not() -> None:
    from briefing.storylines._gate import described_body, garbled_name

    assert described_body("the Harwell administration")
    assert described_body("harbour pilots and ferry operators")
    assert described_body("Norvik shareholders")
    assert not described_body("a spokesman")  # one person, unnamed
    assert not described_body("the examples")
    assert not described_body("government")
    # a name with "of the" in it is a name
    assert not garbled_name("Government of the Republic of Estoria")
    text = "The Harwell administration insists the yard must close before any talks can start."
    part = "the yard must close before any talks can start"
    analysis = Analysis(
        "en", red_lines=[RedLine("The Harwell administration", part, *_span(text, part))]
    )
    shown = [
        (g.holder, i.text)
        for g in _briefing([text], [analysis]).red_lines
        for i in g.items
        if not i.uncertain
    ]
    assert shown == [("The Harwell administration", part)]


def test_an_order_a_final_offer_and_a_premise_are_positions_a_row_can_show() -> None:
    from briefing.storylines._gate import red_line_statement

    assert red_line_statement("ordered the army to install a radar battery near the border")
    assert red_line_statement("The new bid of $82 a share will be Harwell's best and final offer")
    assert red_line_statement("its offer was premised on Norvik selling the ferry arm first")
    assert red_line_statement("reiterated calls to halt the building of the radar site")


def test_a_that_which_is_the_subject_stays_and_a_word_after_a_closed_quotation_goes() -> None:
    from briefing.storylines._gate import shown_wording

    assert shown_wording("that the port will close") == "The port will close"
    assert shown_wording("\u201cthat was a trap I was in,\u201d").startswith(
        "\u201cthat was a trap"
    )
    closed = "\u201cThey were late. The note said, \u2018Well done.\u2019\u201d Then"
    assert shown_wording(closed) == closed.removesuffix(" Then")


def test_the_reporters_words_between_two_quoted_parts_are_not_shown() -> None:
    from briefing.storylines._gate import shown_wording

    two = "\u201cThe tunnel will open late,\u201d she said. \u201cNobody wanted that.\u201d"
    assert shown_wording(two) == "\u201cThe tunnel will open late \u2026 Nobody wanted that.\u201d"
    long_tag = (
        '"We lost the harvest," the farmer, 71, said from the porch of the house where he '
        'has dried apricots for forty years. "Next year may be worse."'
    )
    shown = shown_wording(long_tag)
    assert "porch" not in shown and "said" not in shown
    assert shown == '"We lost the harvest \u2026 Next year may be worse."'
    asked = "\u201cWho pays for it?\u201d he asked, \u201cnot the council.\u201d"
    assert shown_wording(asked) == "\u201cWho pays for it? \u2026 not the council.\u201d"
    # Reported speech around quoted phrases is the reporter's sentence: it stays whole.
    reported = 'the plan was "reckless," adding that the ministers "should resign."'
    assert shown_wording(reported) == reported
    # A phrase quoted inside the quotation is no second part.
    inner = '"They called it "a pause," and then they "left" for good."'
    assert shown_wording(inner) == inner


def _one_article_briefing(text: str):
    """The briefing of a storyline of one article, read by the real analyser."""
    from briefing.storylines import StorylineSummary
    from briefing.storylines._briefing import Member, build_briefing
    from briefing.understand import analyse

    day = "2026-11-25"
    member = Member(
        article_id=1,
        title="A story",
        url="https://example.org/1",
        outlet="Coast Daily",
        published=day,
        fetched_at=f"{day}T09:00:00+00:00",
        read=False,
        wire_of=None,
        text=text,
    )
    summary = StorylineSummary(
        id=1,
        label="A story",
        first_date=day,
        last_date=day,
        article_count=1,
        unread_count=1,
        outlets=("Coast Daily",),
    )
    return build_briefing(summary, [member], {1: analyse(text, day)}, last_opened=None)


def test_a_briefing_shows_a_quotation_without_the_tag_and_cites_all_of_it() -> None:
    text = (
        "The harbour master closed the northern quay on Monday.\n\n"
        "\u201cThe wall is cracked in three places,\u201d Ines Obradovic, the harbour master, "
        "said at the quay, where divers had worked through the night. \u201cWe will not open "
        "it until the engineers have signed it off.\u201d"
    )
    briefing = _one_article_briefing(text)
    (quote,) = [q for g in briefing.quotes for q in g.quotes]
    assert quote.text == (
        "\u201cThe wall is cracked in three places \u2026 We will not open it until the "
        "engineers have signed it off.\u201d"
    )
    cited = text[quote.source.start : quote.source.end]
    assert "Obradovic" in cited and cited.endswith("signed it off.\u201d")


def test_a_quotation_inside_a_part_or_after_reported_words_loses_its_tag_too() -> None:
    from briefing.storylines._gate import shown_wording

    nested = "\u201cShe told me, \u2018Go home,\u2019\u201d he recalls. \u201cSo I did.\u201d"
    assert shown_wording(nested) == "\u201cShe told me, \u2018Go home\u2019 \u2026 So I did.\u201d"
    opened = 'The bridge "was closed at noon," said the mayor, Ana Ruiz. "It stays shut."'
    assert shown_wording(opened) == 'The bridge "was closed at noon \u2026 It stays shut."'


def test_reported_words_are_a_quote_only_after_a_verb_of_saying() -> None:
    from briefing.storylines._gate import quote_statement, saying_cue

    words = "the new tariffs will push shipping lines to Hamburg"
    assert quote_statement(words, False, "said")
    assert quote_statement(words, False, "told")
    for cue in ("fears", "has indicated", "believes", "showed", "touted", "urging"):
        assert not saying_cue(cue), cue
        assert not quote_statement(words, False, cue), cue
    # In quotation marks the words are quoted whatever verb brings them in.
    assert quote_statement(
        "\u201cThe new tariffs will push shipping lines away.\u201d", True, "fears"
    )


def test_a_briefing_hides_the_reporters_account_of_what_a_body_intends() -> None:
    text = (
        "Its director, Ana Ruiz, said that two shipping lines had already asked about moving "
        "to Hamburg. The port authority has indicated it would seek talks with the carriers "
        "before the summer."
    )
    briefing = _one_article_briefing(text)
    shown = [q.text for g in briefing.quotes for q in g.quotes if not q.uncertain]
    hidden = [q.text for g in briefing.quotes for q in g.quotes if q.uncertain]
    assert shown == ["Two shipping lines had already asked about moving to Hamburg"]
    assert any("seek talks" in t for t in hidden)


def test_a_second_reported_clause_is_shown_without_its_that() -> None:
    from briefing.storylines._gate import shown_wording

    reported = "that the ferry was late, but that the crew had done nothing wrong"
    assert shown_wording(reported) == "The ferry was late, but the crew had done nothing wrong"
    # "that" as a pronoun after "and" stays
    kept = "that the pier was closed and that was the end of it"
    assert shown_wording(kept) == "The pier was closed and that was the end of it"


def test_words_cut_across_a_bracket_are_no_quote() -> None:
    from briefing.storylines._gate import quote_statement

    assert not quote_statement("the chip uses a tenth of the power of the old one) at idle", False)
    assert not quote_statement("the new model (the first of its kind", False, "said")
    assert quote_statement("the new model (the first of its kind) sold out in a day", False)


def test_a_photo_caption_is_recognised_by_its_opening_or_its_credit() -> None:
    from briefing.storylines._gate import caption_paragraph

    assert caption_paragraph(
        "FILE - In this 2019 file photo, the minister speaks in Oslo. She is quoted as saying "
        "the plan is dead."
    )
    assert caption_paragraph("The minister leaves the hall on Monday. (Kari Nord/Nordic Press)")
    assert caption_paragraph("In this photo taken on Monday, divers search the harbour.")
    assert not caption_paragraph(
        "The minister said the plan was dead (a view her party does not share)."
    )


def test_a_briefing_shows_no_words_read_from_a_photo_caption() -> None:
    text = (
        "The minister resigned on Monday.\n\n"
        "FILE - In this March 3 file photo, the minister speaks in Oslo. Eriksen is quoted in "
        "the Herald as saying the budget had been cut in secret. (Kari Nord/Nordic Press)"
    )
    briefing = _one_article_briefing(text)
    assert not [q for g in briefing.quotes for q in g.quotes if not q.uncertain]


def test_a_transcripts_speaker_in_capitals_is_the_person_of_that_surname() -> None:
    from briefing.storylines._cast import cast_of

    cast = cast_of(
        [
            Actor("Mira Kestrel", "person", mentions=1),
            Actor("KESTREL", "organization", mentions=4),
            Actor("NATO", "organization", mentions=3),
        ]
    )
    assert cast.name("KESTREL") == "Mira Kestrel"
    assert cast.kind("KESTREL") == "person"
    assert cast.name("NATO") == "NATO"  # an acronym no person of the story bears


def _shown_and_hidden(text: str, actors: list[Actor], quotes: list[Quote]):
    analysis = Analysis("en", actors=actors, quotes=quotes)
    briefing = _briefing([text], [analysis])
    rows = [(g.speaker, q.text, q.uncertain) for g in briefing.quotes for q in g.quotes]
    return [r[:2] for r in rows if not r[2]], [r[:2] for r in rows if r[2]]


def test_a_quote_whose_he_points_across_a_paragraph_or_at_a_name_inside_it_is_hidden() -> None:
    text = (
        "Harbour master Tomas Lindqvist said the port would reopen on Friday.\n\n"
        "A dock worker stood by the gates. "
        "\u201cWe have not been paid since March,\u201d he said.\n\n"
        "\u201cLindqvist has never set foot on this quay,\u201d he added.\n\n"
        "Lindqvist spoke again later. \u201cThe cranes will move by noon,\u201d he said."
    )
    unpaid = "\u201cWe have not been paid since March,\u201d"
    never = "\u201cLindqvist has never set foot on this quay,\u201d"
    noon = "\u201cThe cranes will move by noon,\u201d"

    def quote(part: str, nth: int) -> Quote:
        start, end = _span(text, part)
        at = [m.start() for m in re.finditer(r"\bhe (?:said|added)", text)][nth]
        return Quote(part, start, end, True, "Tomas Lindqvist", speaker_span=(at, at + 2))

    shown, hidden = _shown_and_hidden(
        text,
        [Actor("Tomas Lindqvist", "person")],
        [quote(unpaid, 0), quote(never, 1), quote(noon, 2)],
    )
    assert [t for _, t in shown] == ["\u201cThe cranes will move by noon.\u201d"]
    assert len(hidden) == 2  # the worker's words: kept, marked uncertain, not given to Lindqvist


def test_a_persons_reported_words_opening_on_it_are_hidden_a_bodys_are_shown() -> None:
    text = (
        "Mara Eklund said it would cost the town its summer trade. "
        "The ferry company said it had cancelled forty sailings."
    )
    first = "it would cost the town its summer trade"
    second = "it had cancelled forty sailings"
    shown, hidden = _shown_and_hidden(
        text,
        [Actor("Mara Eklund", "person"), Actor("The ferry company", "organization")],
        [
            Quote(first, *_span(text, first), direct=False, speaker="Mara Eklund", cue="said"),
            Quote(
                second, *_span(text, second), direct=False, speaker="The ferry company", cue="said"
            ),  # fmt: skip
        ],
    )
    assert [t for _, t in shown] == ["it had cancelled forty sailings"]  # "it": the company
    assert [t for _, t in hidden] == ["it would cost the town its summer trade"]  # what would?


def test_quoted_words_a_reporter_condemns_or_cannot_confirm_are_no_quote() -> None:
    from briefing.storylines._gate import quote_statement

    # the object of a verb that is no saying, though part of it is in quotation marks
    assert not quote_statement(
        "the blockade of the port as \u201creckless\u201d", True, "condemned"
    )
    # what the reporter could not learn, run into the reported words
    assert not quote_statement(
        "it was \u201cstill counting the damage\u201d but didn't immediately confirm how many "
        "boats sank",
        True,
        "said",
    )
    assert quote_statement(
        "it was \u201cstill counting the damage\u201d at the marina", True, "said"
    )


def test_a_spokespersons_words_are_not_shown_as_the_principals() -> None:
    text = (
        "Asked about the claims, a spokesperson said Petra Holm was saddened by them. "
        "Petra Holm said the yard would stay open."
    )
    first = "Petra Holm was saddened by them"
    second = "the yard would stay open"
    at = text.index("a spokesperson")
    own = text.index("Petra Holm said")
    shown, hidden = _shown_and_hidden(
        text,
        [Actor("Petra Holm", "person")],
        [
            Quote(first, *_span(text, first), False, "Petra Holm", (at, at + 14), cue="said"),
            Quote(second, *_span(text, second), False, "Petra Holm", (own, own + 10), cue="said"),
        ],
    )
    assert [t for _, t in shown] == ["the yard would stay open"]
    assert [t for _, t in hidden] == ["Petra Holm was saddened by them"]


def test_a_name_read_as_a_longer_name_or_as_the_object_of_a_verb_is_not_the_speaker() -> None:
    from briefing.storylines._gate import misnamed_speaker

    text = "A nurse leaving the Harbour Clinic told us the ward was full. Police said two died."
    clinic = text.index("the Harbour Clinic")
    police = text.index("Police")
    assert misnamed_speaker(
        text, (clinic, clinic + 18), "Harbour Clinic", person=False, direct=False
    )
    # a short name shown as a longer one that adds words (a credit glued on it)
    assert misnamed_speaker(
        text, (police, police + 6), "Pixel Wire Police", person=False, direct=False
    )
    # a company suffix is the same name
    text = "Vantor said it would raise its offer."
    assert not misnamed_speaker(text, (0, 6), "Vantor Ltd.", person=False, direct=False)
    # the reporter's "we" is no speaker
    text = "As we have reported, the union voted to strike."
    we = text.index("we")
    assert misnamed_speaker(text, (we, we + 2), "Dock Union", person=False, direct=False)


def test_reported_words_run_into_the_next_sentence_or_the_tag_are_no_quote() -> None:
    from briefing.storylines._gate import quote_statement

    assert not quote_statement(
        "the port would stay shut for the week. as he warned that more closures could follow",
        False,
        "said",
    )
    assert not quote_statement(
        "\u201cThe ward has been full since Tuesday,\u201d Mara Holt", True, "told"
    )


def test_a_representatives_words_a_station_and_a_glued_adjective_are_not_the_speaker() -> None:
    from briefing.storylines._gate import garbled_name, misnamed_speaker

    text = "A lawyer for Petra Holm said the claims were false."
    assert misnamed_speaker(text, (0, 26), "Petra Holm", person=True, direct=False)
    text = "Petra Holm, a lawyer for the union, said the claims were false."
    assert not misnamed_speaker(text, (0, 10), "Petra Holm", person=True, direct=False)
    text = "Harbour City radio station WHCR said the port had closed."
    assert misnamed_speaker(text, (0, 32), "Harbour City", person=False, direct=False)
    assert garbled_name("Heartened Mara")
    assert not garbled_name("Mara Eklund")


def test_a_tags_apposition_is_no_quote_and_a_second_that_goes() -> None:
    from briefing.storylines._gate import quote_statement, shown_wording

    assert not quote_statement(
        "the hull would have lasted another decade, a naval architect at the yard", False, "said"
    )
    assert (
        shown_wording("it had come close to a deal, but that the talks broke down")
        == "it had come close to a deal, but the talks broke down"
    )


def test_the_tag_inside_reported_words_and_a_bodys_it_far_from_its_name_are_hidden() -> None:
    from briefing.storylines._gate import shown_wording, tag_inside

    assert tag_inside(
        "the two ports had agreed to share tugs, the Harbour Board said in a statement, "
        "without giving details",
        "Harbour Board",
    )
    assert not tag_inside("the two ports had agreed to share tugs", "Harbour Board")
    assert (
        shown_wording("the ban would be extended by a month and that extra ferries would sail")
        == "the ban would be extended by a month and extra ferries would sail"
    )
    text = (
        "The council has long opposed building the second bridge over the estuary, arguing that "
        "it would flood the lower town. The ferry company said it would add sailings."
    )
    far = "it would flood the lower town"
    near = "it would add sailings"
    council, company = _span(text, "The council"), _span(text, "The ferry company")
    shown, hidden = _shown_and_hidden(
        text,
        [Actor("The council", "organization"), Actor("The ferry company", "organization")],
        [
            Quote(far, *_span(text, far), False, "The council", council, cue="arguing"),
            Quote(near, *_span(text, near), False, "The ferry company", company, cue="said"),
        ],
    )
    assert [t for _, t in shown] == [near]
    assert [t for _, t in hidden] == [far]


def test_one_body_or_person_under_two_names_of_one_storyline_is_one_actor() -> None:
    from briefing.storylines._cast import cast_of

    cast = cast_of(
        [
            Actor("Marine Safety Investigation Unit", "organization", mentions=3),
            Actor("MSIU", "organization", mentions=2),
            Actor("Vantor Ltd.", "organization", mentions=4),
            Actor("Vantor", "person", mentions=2),  # one article misread the company
            Actor("Vantor", "organization", mentions=3),
            Actor("Marietta Lund", "person", mentions=5),
            Actor("Marieta Lund", "person", mentions=1),  # a typo in one outlet
            Actor("Park Ji-won", "person", mentions=4),
            Actor("Park Ji Won", "person", mentions=1),
            Actor("Park", "person", mentions=2),
        ]
    )
    assert cast.name("MSIU") == cast.name("Marine Safety Investigation Unit")
    assert cast.name("Vantor") == cast.name("Vantor Ltd.")
    assert cast.name("Marieta Lund") == "Marietta Lund"
    assert cast.name("Park Ji Won") == cast.name("Park") == "Park Ji-won"


def test_a_surname_one_letter_off_and_a_given_name_cut_at_its_hyphen_join_the_person() -> None:
    from briefing.storylines._cast import cast_of

    cast = cast_of(
        [
            Actor("Tomas Verhaegen", "person", mentions=3),
            Actor("Verhagen", "person", mentions=2),  # one outlet drops a letter
            Actor("Lee Soo-bin", "person", mentions=3),
            Actor("Lee Soo", "person", mentions=1),  # the tagger stopped at the hyphen
            Actor("Anna Brandt", "person", mentions=2),
            Actor("Brant", "person", mentions=1),  # too short to call a misspelling
            Actor("Lee Soon", "person", mentions=1),  # another given name, not a cut one
        ]
    )
    assert cast.name("Verhagen") == "Tomas Verhaegen"
    assert cast.name("Lee Soo") == "Lee Soo-bin"
    assert cast.name("Brant") == "Brant"
    assert cast.name("Lee Soon") == "Lee Soon"


def test_two_people_of_one_family_name_or_two_names_far_apart_stay_two() -> None:
    from briefing.storylines._cast import cast_of

    cast = cast_of(
        [
            Actor("Park Ji-won", "person", mentions=4),
            Actor("Park Min-seo", "person", mentions=2),
            Actor("Park", "person", mentions=2),
            Actor("Mark Holt", "person", mentions=2),
            Actor("Mary Holt", "person", mentions=2),
            Actor("Theresa Lund", "person", mentions=2),
            Actor("Theresa", "person", mentions=1),
        ]
    )
    assert cast.name("Park") == "Park"  # which Park?
    assert cast.name("Mary Holt") != cast.name("Mark Holt")
    assert cast.name("Theresa") == "Theresa"  # a first name alone is no family name


def test_a_credit_caption_a_role_for_a_name_and_a_cut_quotation_are_not_shown() -> None:
    from briefing.storylines._gate import caption_paragraph, garbled_name, tag_inside

    assert caption_paragraph("AP:Associated Press The harbour was closed after the storm")
    assert caption_paragraph("Handout - Getty Two tugs towed the ferry back to port")
    assert not caption_paragraph("The harbour master said the port would reopen on Friday.")
    assert garbled_name("Harbour President")
    # another person's tag inside reported words: the row is the reporter's sentence
    assert tag_inside("Mara Eklund also said the strike was over", "Harbour Board")
    text = 'Ola Brandt said: "Now that the board has declared its intention to close the\n\nNext.'
    part = '"Now that the board has declared its intention to close the'
    shown, hidden = _shown_and_hidden(
        text,
        [Actor("Ola Brandt", "person")],
        [Quote(part, *_span(text, part), True, "Ola Brandt", (0, 10), cue="said")],
    )
    assert shown == [] and len(hidden) == 1


def test_a_reporters_account_and_a_group_without_a_name_are_no_quote() -> None:
    from briefing.storylines._gate import lone_group, quote_statement

    words_ = "the ferry's release has not been independently verified"
    assert not quote_statement(words_, False, "reports")
    assert quote_statement(words_, False, "said")
    assert lone_group("Diplomats") and lone_group("Officials")
    assert not lone_group("Harbour Board") and not lone_group("Ola Brandt")


def test_a_pages_prompt_under_a_label_is_no_quote() -> None:
    from briefing.storylines._gate import quote_statement

    assert not quote_statement("See the latest fares & which routes are running late", False, ":")
    assert quote_statement("\u201cSee you on the quay at noon,\u201d", True, "said")


def test_words_that_hold_no_position_toward_another_party_are_not_shown_as_red_lines() -> None:
    from briefing.storylines._gate import holds_no_position

    # what the speakers ask of themselves, or of everybody
    assert holds_no_position("we must double our efforts to catch those who did this")
    assert holds_no_position("Our industry must admit that young players face hurdles")
    assert holds_no_position("Ferry crews and dockers must work together to keep the port open")
    assert holds_no_position("People should not have to watch such things")
    assert holds_no_position("All parties concerned should stay calm and avoid any provocation")
    assert holds_no_position("All sides must show restraint in the coming days")
    assert holds_no_position("There should be no rush to blame the crew")
    assert holds_no_position("All ferry passengers must be guaranteed a safe crossing")
    # a warning of what to grasp, resolve with nothing refused, a plea for a general good
    assert holds_no_position("The council should clearly understand that the strike is legal")
    assert holds_no_position("We will never give in to these threats")
    assert holds_no_position("a city that will not allow itself to be intimidated")
    assert holds_no_position("called for an end to knife crime")
    # an offer, an order carried out, a ruling
    assert holds_no_position("Norvik and Harwell have proposed a joint pay-freeze plan")
    assert holds_no_position("ordered his ministers to cooperate with the inquiry")
    # what one party demands of, refuses or sets as a condition to another
    assert not holds_no_position("the board must open talks with the union by Friday")
    assert not holds_no_position("called on the mayor to publish the audit")
    assert not holds_no_position("we will not accept a pay cut unless the rosters change")
    assert not holds_no_position("we must have guarantees before the vote")
    assert not holds_no_position("called on the port to open talks on the proposal")
    assert not holds_no_position("Both sides must pull their troops back by Friday")
    assert not holds_no_position("the ferry company must refund all passengers by Friday")


def test_a_wire_dateline_and_a_name_ending_in_ed_do_not_hide_a_red_line() -> None:
    from briefing.storylines._gate import red_line_statement, without_dateline

    assert without_dateline("OSLO, May 4 (Reuters) - The union refused to sign.") == (
        "The union refused to sign."
    )
    assert red_line_statement("United has the right to refuse boarding to unruly passengers")


def test_investors_hold_a_condition_under_their_plural_alone() -> None:
    from briefing.storylines._gate import described_body, red_line_statement

    assert described_body("Investors")
    assert not described_body("Examples")
    assert red_line_statement("they would need more than 40 crowns a share to be persuaded to sell")


def test_a_warning_a_wish_an_opinion_on_a_solution_and_a_call_to_do_ones_bit_hold_none() -> None:
    from briefing.storylines._gate import holds_no_position

    # what will befall the one warned, with nothing the speakers will do
    assert holds_no_position("If you treat the crews that way again you will lose your licence")
    assert not holds_no_position("If you cut the night shifts, we will walk out")
    assert not holds_no_position("If Norvik raises the toll, our members will block the quay")
    # a wish for a thing, an opinion on how a problem is solved, doing one's bit
    assert holds_no_position("I always wanted it to be my own project")
    assert holds_no_position("the ferry dispute should only be settled through talks")
    assert holds_no_position("urged all councils to play their part in keeping fares down")
    assert not holds_no_position("urged all councils to freeze fares until March")
    assert not holds_no_position("the council must settle the dispute with the crews by Friday")


def test_a_red_line_about_what_only_the_article_names_or_under_a_photo_credit_is_hidden() -> None:
    from briefing.storylines._gate import after_credit, points_elsewhere

    assert points_elsewhere("the deal must either close at the current price or end")
    assert points_elsewhere("The idea, however, has been firmly rejected by Norvik")
    assert points_elsewhere("Harwell should instead answer the ferry owners' offer")
    assert not points_elsewhere("Harwell should answer the offer instead of the threat")
    assert not points_elsewhere("The new offer of 40 crowns a share is its best and final")
    assert after_credit("Ola Brandt / Reuters ")
    assert after_credit("Mira Holt / Getty Images ")
    assert not after_credit("On Monday, ")


def test_a_refusal_in_a_relative_clause_on_anothers_object_is_hidden_a_connective_dropped() -> None:
    text = (
        "Ferry chief Ola Brandt is now putting pressure on Bruno Falk and his directors, who "
        "have so far refused to negotiate. \u201cHowever, we will withdraw the offer unless the "
        "board agrees by Friday,\u201d Brandt wrote."
    )
    falk = "Bruno Falk and his directors, who have so far refused to negotiate"
    brandt = "However, we will withdraw the offer unless the board agrees by Friday"
    analysis = Analysis(
        "en",
        actors=[Actor("Bruno Falk", "person"), Actor("Ola Brandt", "person")],
        red_lines=[
            RedLine("Bruno Falk", falk, *_span(text, falk), kind="refusal"),
            RedLine("Ola Brandt", brandt, *_span(text, brandt), kind="condition"),
        ],
    )
    red_lines = _briefing([text], [analysis]).red_lines
    shown = [(g.holder, i.text) for g in red_lines for i in g.items if not i.uncertain]
    assert shown == [("Ola Brandt", "we will withdraw the offer unless the board agrees by Friday")]


def test_a_demand_followed_by_when_it_was_made_is_not_cut_short() -> None:
    from briefing.storylines._gate import cut_short

    assert not cut_short(" when he took office last year, said he welcomed the news")
    assert cut_short(" and nuclear weapons programs")
    assert cut_short(" until the strike ends")


def test_instead_after_the_alternative_it_sets_aside_is_shown_with_it() -> None:
    text = (
        "Rather than backing the new tolls, Harwell should instead answer the ferry owners' "
        "offer, Rask said. Norvik says it reserves the right to run its ferries as it pleases."
    )
    harwell = "Harwell should instead answer the ferry owners' offer"
    norvik = "it reserves the right to run its ferries as it pleases"
    analysis = Analysis(
        "en",
        actors=[Actor("Aino Rask", "person"), Actor("Norvik", "organization")],
        red_lines=[
            RedLine("Aino Rask", harwell, *_span(text, harwell)),
            RedLine("Norvik", norvik, *_span(text, norvik), kind="non-negotiable"),
        ],
    )
    red_lines = _briefing([text], [analysis]).red_lines
    shown = sorted((g.holder, i.text) for g in red_lines for i in g.items if not i.uncertain)
    assert shown == [
        (
            "Aino Rask",
            "Rather than backing the new tolls, Harwell should instead answer the ferry owners' "
            "offer",
        ),
        ("Norvik", "it reserves the right to run its ferries as it pleases"),
    ]


def test_a_call_told_of_two_parties_is_hidden_beside_their_own_words() -> None:
    text = (
        "Both Rask and Holt called for more pressure on Norvik over the tolls. \u201cWe call "
        "on every council to refuse Norvik's new fees,\u201d Rask said."
    )
    summary = "called for more pressure on Norvik over the tolls"
    own = "We call on every council to refuse Norvik's new fees"
    analysis = Analysis(
        "en",
        actors=[Actor("Aino Rask", "person"), Actor("Mira Holt", "person")],
        red_lines=[
            RedLine("Aino Rask", summary, *_span(text, summary)),
            RedLine("Mira Holt", summary, *_span(text, summary)),
            RedLine("Aino Rask", own, *_span(text, own)),
        ],
    )
    red_lines = _briefing([text], [analysis]).red_lines
    shown = sorted((g.holder, i.text) for g in red_lines for i in g.items if not i.uncertain)
    # Rask's own words say it; Holt has no words of her own, so the call stays hers
    assert shown == [("Aino Rask", own), ("Mira Holt", summary)]


def test_a_position_two_parties_hold_is_shown_under_each_without_their_they() -> None:
    text = "Norvik's and Harwell's owners said they opposed any new toll on the bridge."
    part = "they opposed any new toll on the bridge"
    analysis = Analysis(
        "en",
        actors=[Actor("Norvik", "organization"), Actor("Harwell", "organization")],
        red_lines=[
            RedLine(holder, part, *_span(text, part), kind="refusal")
            for holder in ("Norvik", "Harwell")
        ],
    )
    red_lines = _briefing([text], [analysis]).red_lines
    shown = sorted((g.holder, i.text) for g in red_lines for i in g.items if not i.uncertain)
    assert shown == [
        ("Harwell", "opposed any new toll on the bridge"),
        ("Norvik", "opposed any new toll on the bridge"),
    ]


def test_a_vow_to_strike_a_foe_holds_no_position_but_a_vow_of_refusal_does() -> None:
    from briefing.storylines._gate import holds_no_position

    assert holds_no_position("vowed to crush the smuggling gangs within a year")
    assert holds_no_position("pledged to hunt down those who planted the bomb")
    assert holds_no_position("to punish the junta", lead="The president vowed")
    # a vow that says what the speaker refuses, or what another must do, still holds one
    assert not holds_no_position("vowed not to let the port close while talks go on")
    assert not holds_no_position("vowed to block the merger unless the ferries stay public")


def test_words_a_book_holds_are_not_its_authors_but_a_report_by_a_body_is_shown() -> None:
    text = (
        "The mill closed in 1974 after its owners refused a union contract, according to a new "
        "history of the valley by the archivist Ada Marsh.\n\n"
        "The river flooded the lower town twice that decade, according to a report by the "
        "Valley Water Board."
    )
    mill = "The mill closed in 1974 after its owners refused a union contract"
    river = "The river flooded the lower town twice that decade"

    def quote(part: str, who: str) -> Quote:
        start, end = _span(text, part)
        at = text.index(who)
        span = (at, at + len(who))
        return Quote(part, start, end, False, who, cue="according to", speaker_span=span)

    shown, hidden = _shown_and_hidden(
        text,
        [Actor("Ada Marsh", "person"), Actor("Valley Water Board", "organization")],
        [quote(mill, "Ada Marsh"), quote(river, "Valley Water Board")],
    )
    assert [w for w, _ in shown] == ["Valley Water Board"]
    assert [w for w, _ in hidden] == ["Ada Marsh"]


def test_a_product_named_after_its_maker_is_no_person_a_persons_full_name_is() -> None:
    from briefing.storylines._gate import product_name

    text = (
        "Owners of the Vexa Tablet 4 and the Vexa Tablet Pro will get the patch first. "
        "Developers can call the new Vexa SDKs from any app. "
        "Vexa engineer Lina Moor said the patch took a year."
    )
    assert product_name(text, "Vexa Tablet")  # always followed by a model's name or number
    assert product_name(text, "Vexa SDKs")  # a plural acronym is no one's name
    assert not product_name(text, "Lina Moor")
    assert not product_name("Lina Moor Jr. and Lina Moor spoke.", "Lina Moor")


def test_a_quotation_opening_on_it_is_shown_only_when_its_sentence_says_what_it_is() -> None:
    from briefing.storylines._gate import quote_statement

    # "it" stands for something said before the quotation: the reader cannot tell what
    assert not quote_statement("\u201cIt is far rarer than the figures suggest.\u201d", True)
    assert not quote_statement('"It was a lot colder … we left the tents at dawn."', True)
    # "it" announces a clause of its own sentence, or a colon says what it is
    assert quote_statement("\u201cIt is likely that the harbour reopens in spring.\u201d", True)
    assert quote_statement('"It was a mistake to close the ferry route so early."', True)
    assert quote_statement('"It is done: the bridge carries its first trains today."', True)


def test_a_quotation_opening_on_a_reply_of_two_words_without_a_verb_is_hidden() -> None:
    from briefing.storylines._gate import quote_statement

    # the reply to a question the row does not show: too long for what?
    assert not quote_statement(
        '"Too long. I will not say how long … but we missed two trains."', True
    )
    assert not quote_statement("\u201cNot really. We mostly stayed on the ferry deck.\u201d", True)
    # a first sentence with a verb is a statement of its own
    assert quote_statement('"We paid too much. The fares doubled in one winter."', True)


def test_the_reporters_sentence_framing_a_quotation_is_not_the_speakers_statement() -> None:
    from briefing.storylines._gate import quote_statement

    framed = "The reason the night ferry survived is that \u201cpeople still need to cross.\u201d"
    assert not quote_statement(framed, True)
    # the speaker's own "the trouble is that …" inside the quotation stays
    own = "\u201cThe trouble is that the pier was never built for lorries this heavy.\u201d"
    assert quote_statement(own, True)


def test_reported_words_opening_on_the_country_do_not_say_which_country() -> None:
    from briefing.storylines._gate import quote_statement

    assert not quote_statement(
        "the country would keep its border posts closed until March", False, "said"
    )
    assert quote_statement("Norway would keep its border posts closed until March", False, "said")
    assert quote_statement("the country's border posts had been closed by a storm", False, "said")
