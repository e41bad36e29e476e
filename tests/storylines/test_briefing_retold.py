"""One speaker's statement told by several outlets in other words is one row listing every
outlet; different statements of the speaker stay apart."""

from __future__ import annotations

from briefing.storylines._briefing import Member, build_briefing
from briefing.storylines._model import QuoteItem, RedLineItem, StorylineSummary
from briefing.understand.records import Actor, Analysis, Quote, RedLine

SUMMARY = StorylineSummary(
    id=7,
    label="Harbour bridge budget",
    first_date="2026-03-02",
    last_date="2026-03-05",
    article_count=3,
    unread_count=3,
    outlets=("Coastal Herald", "Valley Courier", "Morning Ledger"),
)
MAYOR = "Ines Calder"


def _member(article_id: int, outlet: str, published: str, text: str) -> Member:
    return Member(
        article_id=article_id,
        title=f"Story {article_id}",
        url=f"https://news.example/{article_id}",
        outlet=outlet,
        published=published,
        fetched_at=f"{published}T08:00:00+00:00",
        read=False,
        wire_of=None,
        text=text,
    )


def _quote(text: str, part: str, *, direct: bool) -> Quote:
    start = text.index(part)
    return Quote(part, start, start + len(part), direct=direct, speaker=MAYOR, cue="said")


def _red_line(text: str, part: str) -> RedLine:
    start = text.index(part)
    return RedLine(MAYOR, part, start, start + len(part), kind="condition")


def _briefing(texts: list[tuple[str, str, list[str], bool]], *, red: bool = False):
    """One article per (outlet, day, parts, direct): each part a quote (or a red line) of the
    mayor in that article's text."""
    members, analyses = [], {}
    for i, (outlet, day, parts, direct) in enumerate(texts, start=1):
        text = " ".join(parts)
        members.append(_member(i, outlet, day, text))
        analyses[i] = Analysis(
            language="en",
            actors=[Actor(MAYOR, "person", roles=("mayor",), mentions=3)],
            quotes=[] if red else [_quote(text, p, direct=direct) for p in parts],
            red_lines=[_red_line(text, p) for p in parts] if red else [],
        )
    return build_briefing(SUMMARY, members, analyses, last_opened=None)


def _quotes(briefing) -> list[QuoteItem]:
    return [q for g in briefing.quotes for q in g.quotes if not q.uncertain]


def _red_lines(briefing) -> list[RedLineItem]:
    return [r for g in briefing.red_lines for r in g.items if not r.uncertain]


def test_a_quote_and_its_quoted_fragment_in_another_outlet_are_one_quote() -> None:
    briefing = _briefing(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                ["We will pull the plug on the harbour bridge if the costs keep climbing."],
                True,
            ),
            (
                "Valley Courier",
                "2026-03-03",
                ['the town would "pull the plug" on the project if its costs went on rising'],
                False,
            ),
        ]
    )
    (quote,) = _quotes(briefing)
    assert set(quote.outlets) == {"Coastal Herald", "Valley Courier"}


def test_one_statement_told_three_ways_is_one_row_with_three_outlets() -> None:
    briefing = _briefing(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                ["the council will scrap parking fees for nurses"],
                False,
            ),
            (
                "Valley Courier",
                "2026-03-03",
                ["Calder's administration will scrap parking fees for nurses at every car park"],
                False,
            ),
            (
                "Morning Ledger",
                "2026-03-04",
                ["the town hall would scrap parking fees for nurses from April"],
                False,
            ),
        ]
    )
    (quote,) = _quotes(briefing)
    assert set(quote.outlets) == {"Coastal Herald", "Valley Courier", "Morning Ledger"}


def test_two_statements_of_one_speaker_on_one_subject_stay_two_rows() -> None:
    briefing = _briefing(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                ["the Harbour Bridge would reopen to lorries in May"],
                False,
            ),
            (
                "Valley Courier",
                "2026-03-03",
                ["the Harbour Bridge repairs had cost twice the sum the council set aside"],
                False,
            ),
        ]
    )
    assert len(_quotes(briefing)) == 2


def test_a_long_quote_holding_two_statements_does_not_join_their_rows() -> None:
    briefing = _briefing(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                [
                    "the ferry timetable was cut without warning and the operator must"
                    " send every commuter a written apology"
                ],
                False,
            ),
            (
                "Valley Courier",
                "2026-03-03",
                ["the ferry timetable was cut without any warning"],
                False,
            ),
            (
                "Morning Ledger",
                "2026-03-04",
                ["the ferry operator must send every commuter a written apology"],
                False,
            ),
        ]
    )
    rows = {q.text: set(q.outlets) for q in _quotes(briefing)}
    assert len(rows) == 2
    apology = next(
        outlets for text, outlets in rows.items() if "commuter" in text and "timetable" not in text
    )
    assert apology == {"Morning Ledger"}


def test_a_demand_reported_in_other_words_is_one_red_line_with_each_outlets_date() -> None:
    briefing = _briefing(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                ['Calder demanded "a full refund of the overrun" from the contractor.'],
                False,
            ),
            (
                "Valley Courier",
                "2026-03-04",
                ["Calder insisted the contractor must pay a full refund of the overrun."],
                False,
            ),
        ],
        red=True,
    )
    (item,) = _red_lines(briefing)
    cited = {c.outlet: c.date for c in (item.source, *item.also)}
    assert cited == {"Coastal Herald": "2026-03-02", "Valley Courier": "2026-03-04"}
    assert item.stated == "2026-03-02"


def _spoken(parts: list[tuple[str, str, str, str]]):
    """One article per (outlet, day, speaker, words); the speakers' kinds as the cast knows
    them."""
    actors = [
        Actor("Harbour Police", "organization", mentions=2),
        Actor("Ines Calder", "person", roles=("mayor",), mentions=2),
        Actor(
            "Tomas Berg",
            "person",
            roles=("police spokesman",),
            mentions=2,
            affiliation="Harbour Police",
        ),
    ]
    members, analyses = [], {}
    for i, (outlet, day, speaker, part) in enumerate(parts, start=1):
        members.append(_member(i, outlet, day, part))
        analyses[i] = Analysis(
            language="en",
            actors=actors,
            quotes=[
                Quote(part, 0, len(part), direct=False, speaker=speaker, cue="said"),
            ],
        )
    return build_briefing(SUMMARY, members, analyses, last_opened=None)


def _detained(first: str, second: str):
    return _spoken(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                first,
                "the crane operator was detained on suspicion of gross negligence and questioned",
            ),
            (
                "Valley Courier",
                "2026-03-03",
                second,
                "a crane operator was detained on suspicion of gross negligence, officers"
                " confirmed after the collapse",
            ),
        ]
    )


def test_a_body_and_the_person_speaking_for_it_telling_one_statement_are_one_quote() -> None:
    (quote,) = _quotes(_detained("Harbour Police", "Tomas Berg"))
    assert set(quote.outlets) == {"Coastal Herald", "Valley Courier"}


def test_two_speakers_saying_the_same_words_stay_two_quotes() -> None:
    assert len(_quotes(_detained("Tomas Berg", "Ines Calder"))) == 2
    # the mayor does not speak for the police
    assert len(_quotes(_detained("Harbour Police", "Ines Calder"))) == 2


def test_one_statement_cut_in_pieces_by_each_outlet_is_one_quote() -> None:
    briefing = _briefing(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                ['two ferries "scraped against each other" on Tuesday but neither was holed'],
                False,
            ),
            (
                "Valley Courier",
                "2026-03-03",
                ["the ferries 'scraped against each other' and neither was holed near the pier"],
                False,
            ),
        ]
    )
    (quote,) = _quotes(briefing)
    assert set(quote.outlets) == {"Coastal Herald", "Valley Courier"}


def test_a_bodys_row_retelling_what_its_spokesman_is_shown_saying_is_hidden() -> None:
    briefing = _spoken(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                "Tomas Berg",
                "the crane operator had been questioned for six hours and released on bail"
                " late on Monday",
            ),
            (
                "Valley Courier",
                "2026-03-03",
                "Harbour Police",
                "the operator of the crane was freed on bail after hours of questioning",
            ),
            (
                "Morning Ledger",
                "2026-03-04",
                "Harbour Police",
                "divers would search the basin for the missing counterweight on Thursday",
            ),
        ]
    )
    shown = {(g.speaker, q.text) for g in briefing.quotes for q in g.quotes if not q.uncertain}
    assert any(s == "Tomas Berg" and "bail" in t for s, t in shown)
    assert not any(s == "Harbour Police" and "bail" in t for s, t in shown)
    assert any(s == "Harbour Police" and "divers" in t for s, t in shown)
    # the mayor speaks for no one: her row and the police's stay apart
    kept = _spoken(
        [
            (
                "Coastal Herald",
                "2026-03-02",
                "Ines Calder",
                "the crane operator had been questioned for six hours and released on bail",
            ),
            (
                "Valley Courier",
                "2026-03-03",
                "Harbour Police",
                "the operator of the crane was freed on bail after hours of questioning",
            ),
        ]
    )
    assert len(_quotes(kept)) == 2


def test_a_countrys_row_retelling_a_persons_words_is_hidden() -> None:
    actors = [
        Actor("Norway", "country", mentions=3),
        Actor("Ines Calder", "person", roles=("mayor",), mentions=2),
    ]
    parts = [
        ("Norway", "the fishing fleet would stay in port until the storm had passed the coast"),
        ("Ines Calder", "the fleet will stay in port until the storm has passed the coast"),
        ("Norway", "the coastguard had sent two cutters to the northern banks"),
    ]
    members, analyses = [], {}
    for i, (speaker, part) in enumerate(parts, start=1):
        members.append(_member(i, "Coastal Herald", f"2026-03-0{i + 1}", part))
        analyses[i] = Analysis(
            language="en",
            actors=actors,
            quotes=[Quote(part, 0, len(part), direct=False, speaker=speaker, cue="said")],
        )
    briefing = build_briefing(SUMMARY, members, analyses, last_opened=None)
    shown = {(g.speaker, q.text) for g in briefing.quotes for q in g.quotes if not q.uncertain}
    assert any(s == "Ines Calder" and "storm" in t for s, t in shown)
    assert not any(s == "Norway" and "storm" in t for s, t in shown)
    assert any(s == "Norway" and "cutters" in t for s, t in shown)


def test_a_position_a_state_body_states_is_held_by_its_country() -> None:
    # one outlet names the country, another the foreign ministry that spoke for it: one
    # holder, the country (a ministry of no country the storyline names keeps its own name)
    first = "Valdoria said the strait must stay open to all shipping."
    second = (
        "The Valdorian Foreign Ministry said the blockade must end before any talks. "
        "The Harbour Ministry said ferries must carry fewer passengers."
    )
    members = [
        _member(1, "Coastal Herald", "2026-03-02", first),
        _member(2, "Valley Courier", "2026-03-03", second),
    ]

    def held(text: str, holder: str, part: str) -> RedLine:
        start = text.index(part)
        return RedLine(holder, part, start, start + len(part), kind="demand")

    ministry = "Valdorian Foreign Ministry"

    analyses = {
        1: Analysis(
            "en",
            actors=[Actor("Valdoria", "country", mentions=2)],
            red_lines=[held(first, "Valdoria", "the strait must stay open to all shipping")],
        ),
        2: Analysis(
            "en",
            actors=[
                Actor("Valdoria", "country", mentions=1),
                Actor(ministry, "organization", affiliation="Valdoria"),
                Actor("Harbour Ministry", "organization", mentions=1),
            ],
            red_lines=[
                held(second, ministry, "the blockade must end before any talks"),
                held(second, "Harbour Ministry", "ferries must carry fewer passengers"),
            ],
        ),
    }
    b = build_briefing(SUMMARY, members, analyses, last_opened=None)
    holders = {g.holder: [i.text for i in g.items] for g in b.red_lines}
    assert sorted(holders["Valdoria"]) == [
        "the blockade must end before any talks",
        "the strait must stay open to all shipping",
    ]
    assert "Valdorian Foreign Ministry" not in holders
    assert holders["Harbour Ministry"] == ["ferries must carry fewer passengers"]
