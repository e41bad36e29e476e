"""The briefing of a storyline: merged timeline, quotes by speaker, red lines by holder,
actors, and what is new, each item traced to its article."""

from __future__ import annotations

from briefing.storylines import StorylineSummary, TimelineEntry
from briefing.storylines._briefing import Member, build_briefing
from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine

SUMMARY = StorylineSummary(
    id=1,
    label="Port strike",
    first_date="2026-10-01",
    last_date="2026-10-21",
    article_count=3,
    unread_count=3,
    outlets=("Harbor Ledger", "Continental Wire", "Market Signal"),
)

WIRE_TEXT = (
    "Dockworkers walked out in Rotterdam on Tuesday. "
    '"We will not accept any automated cranes at the terminals," said Marta Kowalczyk.'
)
LATER_TEXT = (
    "The strike reached Antwerp on Wednesday. "
    "The union said it would accept automated cranes only if no worker is laid off. "
    "Employers said the port council meeting is set for 30 October."
)


def _member(article_id: int, outlet: str, published: str, text: str, **kw) -> Member:
    return Member(
        article_id=article_id,
        title=f"Article {article_id}",
        url=f"https://example.org/{article_id}",
        outlet=outlet,
        published=published,
        fetched_at=kw.pop("fetched_at", f"{published}T09:00:00+00:00"),
        read=kw.pop("read", False),
        wire_of=kw.pop("wire_of", None),
        text=text,
    )


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _records(text: str, published_day: str, *, walkout_date: str) -> Analysis:
    walkout = "Dockworkers walked out in Rotterdam"
    quote = "We will not accept any automated cranes at the terminals"
    refusal = "will not accept any automated cranes at the terminals"
    return Analysis(
        language="en",
        actors=[
            Actor("Marta Kowalczyk", "person", roles=("general secretary",), mentions=2),
            Actor("European Dockworkers Alliance", "organization"),
        ],
        events=[Event(walkout_date, walkout, *_span(text, walkout))],
        quotes=[Quote(quote, *_span(text, quote), direct=True, speaker="Marta Kowalczyk")],
        red_lines=[RedLine("European Dockworkers Alliance", refusal, *_span(text, refusal))],
    )


def _later_records() -> Analysis:
    text = LATER_TEXT
    accept = "would accept automated cranes only if no worker is laid off"
    return Analysis(
        language="en",
        actors=[Actor("European Dockworkers Alliance", "organization", mentions=3)],
        events=[
            Event(
                "2026-10-14",
                "The strike reached Antwerp",
                *_span(text, "The strike reached Antwerp"),
            ),
            Event(
                "2026-10-30",
                "the port council meeting is set for 30 October",
                *_span(text, "the port council meeting is set for 30 October"),
                scheduled=True,
            ),
        ],
        red_lines=[RedLine("European Dockworkers Alliance", accept, *_span(text, accept))],
    )


def _briefing(last_opened: str | None = None, *, copy_date: str = "2026-10-06"):
    members = [
        _member(1, "Continental Wire", "2026-10-07", WIRE_TEXT),
        _member(2, "Harbor Ledger", "2026-10-07", WIRE_TEXT, wire_of=1),
        _member(
            3, "Market Signal", "2026-10-15", LATER_TEXT, fetched_at="2026-10-15T12:00:00+00:00"
        ),
    ]
    analyses = {
        1: _records(WIRE_TEXT, "2026-10-07", walkout_date="2026-10-06"),
        2: _records(WIRE_TEXT, "2026-10-07", walkout_date=copy_date),
        3: _later_records(),
    }
    return build_briefing(SUMMARY, members, analyses, last_opened=last_opened)


def test_wire_copies_are_one_story_with_both_outlets() -> None:
    briefing = _briefing()
    assert [a.article_id for a in briefing.articles] == [3, 1]
    wire = briefing.articles[1]
    assert wire.outlets == ("Continental Wire", "Harbor Ledger")
    quotes = [q for g in briefing.quotes for q in g.quotes]
    assert len(quotes) == 1, "the same quote in a wire copy is shown once"
    assert [c.outlet for c in (quotes[0].source, *quotes[0].also)] == [
        "Continental Wire",
        "Harbor Ledger",
    ]


def test_timeline_merges_reports_and_flags_conflicting_dates() -> None:
    agreed = _briefing()
    walkout = [e for e in agreed.timeline if "walked out" in e.text]
    assert len(walkout) == 1
    assert walkout[0].outlets == ("Continental Wire", "Harbor Ledger")
    assert not walkout[0].dates_conflict
    disputed = _briefing(copy_date="2026-10-05")
    entry = next(e for e in disputed.timeline if "walked out" in e.text)
    assert entry.dates_conflict
    assert {r.date for r in entry.reports} == {"2026-10-05", "2026-10-06"}
    # Entries in date order; a future meeting is kept as scheduled.
    dates = [e.date for e in disputed.timeline]
    assert dates == sorted(dates)
    assert disputed.timeline[-1].scheduled and disputed.timeline[-1].date == "2026-10-30"
    assert all(not e.dates_conflict for e in disputed.timeline if e is not entry)


def test_red_lines_by_holder_flag_a_changed_position() -> None:
    briefing = _briefing()
    (group,) = [g for g in briefing.red_lines if g.holder == "European Dockworkers Alliance"]
    assert [i.stated for i in group.items] == ["2026-10-07", "2026-10-15"]
    assert group.position_changed
    assert group.items[1].changed_from == group.items[0].text
    assert group.items[0].changed_from is None
    assert group.items[0].also and group.items[0].also[0].outlet == "Harbor Ledger"


def test_restating_a_red_line_is_no_change() -> None:
    members = [
        _member(1, "Continental Wire", "2026-10-07", WIRE_TEXT),
        _member(4, "Market Signal", "2026-10-09", WIRE_TEXT + " More talks are planned."),
    ]
    analyses = {
        1: _records(WIRE_TEXT, "2026-10-07", walkout_date="2026-10-06"),
        4: _records(members[1].text, "2026-10-09", walkout_date="2026-10-06"),
    }
    briefing = build_briefing(SUMMARY, members, analyses, last_opened=None)
    assert not any(g.position_changed for g in briefing.red_lines)


def test_actors_count_stories_not_copies() -> None:
    actors = {a.name: a for a in _briefing().actors}
    assert actors["European Dockworkers Alliance"].article_count == 2
    assert actors["Marta Kowalczyk"].article_count == 1
    assert actors["Marta Kowalczyk"].roles == ("general secretary",)
    assert list(actors)[0] == "European Dockworkers Alliance"


def test_new_since_last_opened_is_traced_to_its_articles() -> None:
    briefing = _briefing(last_opened="2026-10-10T00:00:00+00:00")
    change, lead = briefing.new_since_last_opened
    # The union's changed position comes first, then the new article's lead.
    assert change.text.startswith("European Dockworkers Alliance changed position: ")
    assert change.source.article_id == 3
    assert LATER_TEXT[change.source.start : change.source.end] in change.text
    assert lead.source.article_id == 3 and lead.text.startswith("Market Signal: ")
    assert (
        LATER_TEXT[lead.source.start : lead.source.end]
        == "The strike reached Antwerp on Wednesday."
    )
    assert _briefing(last_opened="2026-10-20T00:00:00+00:00").new_since_last_opened == ()
    # Never opened: the latest stories, newest first, the wire story once.
    first_time = [n for n in _briefing().new_since_last_opened if "changed position" not in n.text]
    assert [n.source.article_id for n in first_time] == [3, 1]


def test_every_item_points_into_its_article() -> None:
    briefing = _briefing()
    texts = {1: WIRE_TEXT, 2: WIRE_TEXT, 3: LATER_TEXT}
    items = [
        *(r for e in briefing.timeline for r in e.reports),
        *(q for g in briefing.quotes for q in g.quotes),
        *(r for g in briefing.red_lines for r in g.items),
    ]
    for item in items:
        src = item.source
        assert src.url == f"https://example.org/{src.article_id}" and src.title and src.outlet
        assert texts[src.article_id][src.start : src.end] == item.text
    data = briefing.to_dict()
    assert set(data) >= {"storyline", "actors", "timeline", "quotes", "red_lines"}
    assert data["timeline"][0]["reports"][0]["source"]["url"].startswith("https://")


def _two_reports(first: str, second: str, dates: tuple[str, str]) -> tuple[TimelineEntry, ...]:
    texts = [f"Opening line. {first}.", f"Opening line. {second}."]
    members = [
        _member(10, "Market Signal", "2026-09-15", texts[0]),
        _member(11, "Continental Wire", "2026-09-29", texts[1]),
    ]
    analyses = {
        10: Analysis("en", events=[Event(dates[0], first, *_span(texts[0], first))]),
        11: Analysis("en", events=[Event(dates[1], second, *_span(texts[1], second))]),
    }
    return build_briefing(SUMMARY, members, analyses, last_opened=None).timeline


def test_different_figures_or_ordinals_are_different_events() -> None:
    shares = _two_reports(
        "Oberon shares closed up 27 percent at 37.10 euros on Tuesday",
        "Oberon shares closed at 37.60 euros on Monday",
        ("2026-09-15", "2026-09-28"),
    )
    assert len(shares) == 2 and not any(e.dates_conflict for e in shares)
    debates = _two_reports(
        "The first televised debate between the party leaders is held on Thursday",
        "The second televised debate between the party leaders was held on Wednesday",
        ("2026-10-08", "2026-10-14"),
    )
    assert len(debates) == 2
    same = _two_reports(
        "The river broke through an embankment at Kettering Mill late on Sunday",
        "The river broke through the embankment at Kettering Mill early on Monday",
        ("2026-11-01", "2026-11-02"),
    )
    assert len(same) == 1 and same[0].dates_conflict


def test_an_unknown_holder_has_no_position_to_change() -> None:
    texts = ["Pupils may return only if vaccinated.", "Pupils will never be sent home again."]
    members = [
        _member(20, "Lab and Clinic", "2026-10-01", texts[0]),
        _member(21, "Northfield Courier", "2026-10-20", texts[1]),
    ]
    analyses = {
        20: Analysis("en", red_lines=[RedLine(None, texts[0][:-1], 0, len(texts[0]) - 1)]),
        21: Analysis("en", red_lines=[RedLine(None, texts[1][:-1], 0, len(texts[1]) - 1)]),
    }
    briefing = build_briefing(SUMMARY, members, analyses, last_opened=None)
    assert [g.holder for g in briefing.red_lines] == ["Unattributed"]
    assert not briefing.red_lines[0].position_changed


def test_a_person_keeps_the_side_most_articles_give() -> None:
    members = [
        _member(1, "Harbor Ledger", "2026-10-01", "one"),
        _member(2, "Continental Wire", "2026-10-02", "two"),
        _member(3, "Market Signal", "2026-10-03", "three"),
    ]
    peskov = Actor("Dmitry Peskov", "person", affiliation="Russia")
    analyses = {
        1: Analysis("en", actors=[peskov, Actor("Russia", "country")]),
        2: Analysis("en", actors=[peskov]),
        # "its spokesman Peskov" in a story about a ministry: the surname is the same person
        3: Analysis("en", actors=[Actor("Peskov", "person", affiliation="Foreign Ministry")]),
    }
    briefing = build_briefing(SUMMARY, members, analyses, last_opened=None)
    actors = {a.name: a for a in briefing.actors}
    assert set(actors) == {"Dmitry Peskov", "Russia"}
    assert actors["Dmitry Peskov"].affiliation == "Russia"
    assert actors["Russia"].affiliation is None


def test_a_month_without_a_day_sorts_after_the_days_of_that_month() -> None:
    first = "Ministers met in Brussels on 28 September"
    month = "Exports rose sharply in October"
    day = "Talks resumed in Geneva on 14 October"
    later = "The deal was signed on 2 November"
    text = f"{first}. {month}. {day}. {later}."
    dates = {first: "2026-09-28", month: "2026-10", day: "2026-10-14", later: "2026-11-02"}
    analyses = {5: Analysis("en", events=[Event(d, t, *_span(text, t)) for t, d in dates.items()])}
    members = [_member(5, "Market Signal", "2026-11-03", text)]
    timeline = build_briefing(SUMMARY, members, analyses, last_opened=None).timeline
    assert [e.date for e in timeline] == ["2026-09-28", "2026-10-14", "2026-10", "2026-11-02"]


def test_date_order_keeps_a_period_with_its_days_and_undated_last() -> None:
    from briefing.storylines import date_order

    values = ["", "2027", "2026-11-01", "2026-10", "2026", "2026-10-31", "2025-12", "soon"]
    assert sorted(values, key=date_order)[:6] == [
        "2025-12",
        "2026-10-31",
        "2026-10",
        "2026-11-01",
        "2026",
        "2027",
    ]
    assert {date_order(v) for v in ("", "soon")} == {date_order("")}


def test_the_briefing_lists_the_articles_not_read_yet() -> None:
    members = [
        _member(1, "Continental Wire", "2026-10-14", WIRE_TEXT, read=True),
        _member(2, "Harbor Ledger", "2026-10-14", WIRE_TEXT, wire_of=1),
        _member(3, "Market Signal", "2026-10-21", LATER_TEXT, read=True),
    ]
    briefing = build_briefing(SUMMARY, members, {}, last_opened=None)
    assert briefing.unread_articles == (2,)


def test_same_day_reports_give_the_same_rows_whatever_ids_the_feeds_gave_them() -> None:
    # Ids follow the order in which feeds answered; two same-day reports of one walkout must
    # give the same timeline row (its words and its first source) in every order.
    from briefing.understand import analyse

    texts = {
        "https://example.org/ledger/walkout": (
            "Harbor Ledger",
            "Dockworkers walked out at the Rotterdam container terminals on Tuesday morning.",
        ),
        "https://example.org/wire/walkout": (
            "Continental Wire",
            "Dockworkers at the Rotterdam container terminals walked out on Tuesday.",
        ),
    }
    seen = set()
    for ids in ((1, 2), (2, 1)):
        members = [
            Member(
                article_id=i,
                title=f"Walkout {i}",
                url=url,
                outlet=outlet,
                published="2026-10-07",
                fetched_at="2026-10-07T09:00:00+00:00",
                read=False,
                wire_of=None,
                text=text,
            )
            for i, (url, (outlet, text)) in zip(ids, texts.items(), strict=True)
        ]
        analyses = {m.article_id: analyse(m.text, m.published) for m in members}
        timeline = build_briefing(SUMMARY, members, analyses, last_opened=None).timeline
        assert len(timeline) == 1, [e.text for e in timeline]
        seen.add((timeline[0].text, timeline[0].reports[0].source.url))
    assert len(seen) == 1, seen


def test_one_plan_for_one_date_told_in_other_words_is_one_row() -> None:
    texts = [
        "Opening line. Velsing Space will launch its Halvard probe in November.",
        "Opening line. The first stage of Halvard is scheduled to lift off in November.",
    ]
    members = [
        _member(10, "Market Signal", "2026-09-15", texts[0]),
        _member(11, "Continental Wire", "2026-09-29", texts[1]),
    ]
    rows = [t.split(". ", 1)[1].rstrip(".") for t in texts]
    analyses = {
        i: Analysis("en", events=[Event("2026-11", row, *_span(t, row), scheduled=True)])
        for i, t, row in zip((10, 11), texts, rows, strict=True)
    }
    timeline = build_briefing(SUMMARY, members, analyses, last_opened=None).timeline
    assert len(timeline) == 1 and timeline[0].scheduled
    assert {r.source.outlet for r in timeline[0].reports} == {"Market Signal", "Continental Wire"}
    # A happening on another date, or not planned, stays its own row.
    analyses[11] = Analysis("en", events=[Event("2026-12", rows[1], *_span(texts[1], rows[1]))])
    assert len(build_briefing(SUMMARY, members, analyses, last_opened=None).timeline) == 2
