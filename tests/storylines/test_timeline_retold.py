"""One row per happening: the same happening told by several outlets in other words is one
timeline row listing every outlet; different happenings stay apart."""

from __future__ import annotations

from briefing.storylines import StorylineSummary, TimelineEntry
from briefing.storylines._briefing import Member, build_briefing
from briefing.understand.records import Analysis, Event

SUMMARY = StorylineSummary(
    id=1,
    label="Ferry disaster",
    first_date="2026-10-01",
    last_date="2026-10-21",
    article_count=3,
    unread_count=3,
    outlets=("Harbor Ledger", "Continental Wire", "Market Signal"),
)
OUTLETS = ("Harbor Ledger", "Continental Wire", "Market Signal", "Northfield Courier")


def _timeline(*reports: tuple[str, str, str]) -> list[TimelineEntry]:
    """Rows shown for (event text, its date, the article's date), one article per outlet."""
    members, analyses = [], {}
    for i, (event, when, published) in enumerate(reports):
        text = f"Opening line of the report. {event}. Closing line."
        start = text.index(event)
        members.append(
            Member(
                article_id=i + 1,
                title=f"Article {i + 1}",
                url=f"https://example.org/{i + 1}",
                outlet=OUTLETS[i],
                published=published,
                fetched_at=f"{published}T09:00:00+00:00",
                read=False,
                wire_of=None,
                text=text,
            )
        )
        analyses[i + 1] = Analysis("en", events=[Event(when, event, start, start + len(event))])
    timeline = build_briefing(SUMMARY, members, analyses, last_opened=None).timeline
    return [e for e in timeline if not e.uncertain]


def test_one_happening_told_by_three_outlets_in_other_words_is_one_row() -> None:
    rows = _timeline(
        (
            "Forty people were killed on Saturday when a ferry capsized off the Vento coast",
            "2026-10-10",
            "2026-10-10",
        ),
        (
            "At least 40 passengers drowned after an overcrowded ferry capsized near Vento on "
            "on Saturday",
            "2026-10-10",
            "2026-10-11",
        ),
        (
            "Dozens of people were killed when the Marlin, a ferry bound for Vento, overturned "
            "on Saturday",
            "2026-10-10",
            "2026-10-11",
        ),
    )
    assert len(rows) == 1
    assert set(rows[0].outlets) == set(OUTLETS[:3])
    assert rows[0].date == "2026-10-10" and not rows[0].dates_conflict


def test_an_outlet_whose_date_is_a_week_off_joins_the_row_of_the_others() -> None:
    # The third outlet's "Tuesday" was read against a publication date a week late.
    rows = _timeline(
        (
            "Engineers closed the Harbour Bridge to traffic at 06:15 on Tuesday",
            "2026-10-06",
            "2026-10-06",
        ),
        (
            "The Harbour Bridge was shut at 06:15 on Tuesday after cracks were found",
            "2026-10-06",
            "2026-10-07",
        ),
        ("Inspectors closed the Harbour Bridge at 06:15 on Tuesday", "2026-10-13", "2026-10-14"),
    )
    assert len(rows) == 1
    assert rows[0].date == "2026-10-06"  # the date most outlets give
    assert len(rows[0].outlets) == 3


def test_an_arrest_reported_by_day_and_by_week_is_one_row_with_dates_that_differ() -> None:
    rows = _timeline(
        (
            "A Dorset man was arrested over the lottery fraud, police announced on Thursday",
            "2027-01-28",
            "2027-01-29",
        ),
        (
            "Colin Marsh, 58, was arrested this week after a long inquiry by Dorset police",
            "2027-02",
            "2027-02-03",
        ),
    )
    assert len(rows) == 1 and len(rows[0].outlets) == 2
    assert rows[0].date == "2027-01-28" and rows[0].dates_conflict


def test_two_different_happenings_of_one_day_stay_two_rows() -> None:
    rows = _timeline(
        (
            "Rescuers pulled 30 survivors from the water off Vento on Saturday",
            "2026-10-10",
            "2026-10-10",
        ),
        ("Protesters blocked the ferry terminal in Vento on Saturday", "2026-10-10", "2026-10-11"),
    )
    assert len(rows) == 2


def test_one_deed_on_two_weekdays_is_two_happenings() -> None:
    rows = _timeline(
        (
            "Navy crews launched two reconnaissance drones over the Kessel strait from a frigate "
            "on Saturday",
            "2026-10-10",
            "2026-10-11",
        ),
        (
            "Fishermen near the Orla islands watched as a navy patrol boat launched another "
            "surveillance drone on Tuesday",
            "2026-10-13",
            "2026-10-14",
        ),
    )
    assert len(rows) == 2
    posts = _timeline(
        (
            "Mara Lind posted photos of the flooded harbour and the rescue boats on Instagram on "
            "Tuesday",
            "2026-10-06",
            "2026-10-06",
        ),
        (
            "Mara Lind posted a short video from her sold-out concert at the Velvet Hall in the "
            "capital on Instagram on Wednesday",
            "2026-10-07",
            "2026-10-08",
        ),
    )
    assert len(posts) == 2


def test_a_shared_word_that_only_ties_a_noun_or_might_have_been_joins_nothing() -> None:
    rows = _timeline(
        (
            "Gunmen linked to a smuggling ring killed 12 guards at the port in March",
            "2026-03",
            "2026-07-15",
        ),
        (
            "Two customs officers linked to the ring were sacked by the governor in March",
            "2026-03",
            "2026-07-16",
        ),
    )
    assert len(rows) == 2
    freed = _timeline(
        (
            "Four detained rebel commanders were freed from Kala prison on Wednesday night and "
            "driven to Banki",
            "2026-10-14",
            "2026-10-15",
        ),
        (
            "The information minister denied reports in the capital that rebel commanders might "
            "have been freed in a prisoner exchange",
            "2026-10-15",
            "2026-10-15",
        ),
    )
    assert len(freed) == 2


def test_one_deed_told_with_other_verbs_is_one_row() -> None:
    charged = _timeline(
        (
            "A regional court indicted the harbour master over the ferry disaster on Monday",
            "2026-10-12",
            "2026-10-12",
        ),
        (
            "Piet Olsen, the harbour master, was charged this week by the regional court",
            "2026-10",
            "2026-10-14",
        ),
    )
    assert len(charged) == 1 and len(charged[0].outlets) == 2
    bumped = _timeline(
        (
            "Two ferries collided in the Vento channel early on Wednesday",
            "2026-10-14",
            "2026-10-14",
        ),
        (
            'The port authority says the ferries "bumped into each other" in the channel on '
            "Wednesday",
            "2026-10-14",
            "2026-10-15",
        ),
    )
    assert len(bumped) == 1 and len(bumped[0].outlets) == 2


def test_a_deed_named_by_a_noun_joins_the_row_that_tells_it() -> None:
    rows = _timeline(
        (
            "The accident happened late on Tuesday in the Vento channel near the old lighthouse",
            "2026-10-13",
            "2026-10-16",
        ),
        (
            "A cargo ship crashed into a pier in the Vento channel, police said Wednesday",
            "2026-10-14",
            "2026-10-14",
        ),
    )
    assert len(rows) == 1 and len(rows[0].outlets) == 2
    # The day of the saying is no date of the crash, nor a disagreement about it.
    assert rows[0].date == "2026-10-13" and not rows[0].dates_conflict
    assert rows[0].text.startswith("The accident happened")


def test_a_saying_about_a_deed_and_two_deeds_of_one_kind_stay_apart() -> None:
    said = _timeline(
        (
            "Rebels released 12 hostages near Vento on Thursday after weeks of talks with church "
            "leaders",
            "2026-10-15",
            "2026-10-15",
        ),
        (
            "The interior minister said the release of the hostages near Vento was no exchange",
            "2026-10-15",
            "2026-10-16",
        ),
    )
    assert len(said) == 2
    two = _timeline(
        ("Police arrested a skipper in Vento on Monday", "2026-10-12", "2026-10-12"),
        ("Police arrested a deckhand in Orla on Thursday", "2026-10-15", "2026-10-15"),
    )
    assert len(two) == 2


def test_an_outlet_dated_weeks_after_the_others_gives_no_weekday_date() -> None:
    # The fourth outlet dates its article three weeks after everyone else: its "Wednesday" is
    # read against that date and lands weeks after the happening.
    rows = _timeline(
        ("Divers found the ferry's wreck off Vento on Sunday", "2026-10-11", "2026-10-12"),
        (
            "Rescuers pulled 30 survivors from the water off Vento on Saturday",
            "2026-10-10",
            "2026-10-11",
        ),
        ("The harbour master resigned over the Vento disaster", "2026-10-12", "2026-10-12"),
        (
            "Investigators on Wednesday published a report blaming the crew of the Vento ferry",
            "2026-11-04",
            "2026-11-05",
        ),
    )
    assert [r.date for r in rows] == ["2026-10-10", "2026-10-11", "2026-10-12"]
    dated = _timeline(
        ("Divers found the ferry's wreck off Vento on Sunday", "2026-10-11", "2026-10-12"),
        (
            "Investigators published a report blaming the crew of the Vento ferry on 21 October",
            "2026-10-21",
            "2026-11-05",
        ),
    )
    assert len(dated) == 2
    month = _timeline(
        ("Divers found the ferry's wreck off Vento on Sunday", "2026-10-11", "2026-10-12"),
        ("In May, inspectors fined the ferry's owner for overloading", "2026-05", "2026-11-05"),
    )
    assert len(month) == 1  # "May" of which year? The late date's guess.


def test_one_filing_late_one_night_and_early_the_next_morning_is_one_row() -> None:
    rows = _timeline(
        (
            "Northwind warned in its filing late Thursday that the charge could grow",
            "2026-10-15",
            "2026-10-16",
        ),
        (
            "The cost for Northwind was disclosed in a filing with regulators early on Friday",
            "2026-10-16",
            "2026-10-16",
        ),
    )
    assert len(rows) == 1 and len(rows[0].outlets) == 2
    # A night and the next day with no such words are two days.
    posts = _timeline(
        (
            "Four jailed rebel commanders were freed on Wednesday night in the border town of Orla",
            "2026-10-14",
            "2026-10-15",
        ),
        (
            "Militants freed 21 kidnapped fishermen near Orla to the army on Thursday after long "
            "talks with church elders",
            "2026-10-15",
            "2026-10-15",
        ),
    )
    assert len(posts) == 2


def _one_article(*parts: tuple[str, str]) -> list[TimelineEntry]:
    """Rows shown for the events (text, date) of one article."""
    text = " ".join(f"{p}." for p, _ in parts)
    events = [Event(when, p, text.index(p), text.index(p) + len(p)) for p, when in parts]
    member = Member(
        article_id=1,
        title="Article",
        url="https://example.org/1",
        outlet=OUTLETS[0],
        published="2026-10-13",
        fetched_at="2026-10-13T09:00:00+00:00",
        read=False,
        wire_of=None,
        text=text,
    )
    analyses = {1: Analysis("en", events=events)}
    briefing = build_briefing(SUMMARY, [member], analyses, last_opened=None)
    return [e for e in briefing.timeline if not e.uncertain]


def test_one_article_retelling_an_actors_day_in_other_words_is_one_row() -> None:
    rows = _one_article(
        ("Governor Ana Ruiz offered the strikers new talks on Monday", "2026-10-12"),
        ("Ruiz struck a softer tone in her weekly radio address", "2026-10-12"),
    )
    assert len(rows) == 1
    # Told by the lead of one article and in other words below it in another.
    told = _one_article(
        ("Northwind on Friday published the cost of the new tax rules", "2026-10-09"),
        ("The cost of the tax rules for Northwind was revealed in a filing Friday", "2026-10-09"),
    )
    assert len(told) == 1
    # One deed in other words, no actor in common.
    march = _one_article(
        ("Thousands of nurses marched through Vento on Monday", "2026-10-12"),
        ("The annual parade got under way on Monday by the harbour", "2026-10-12"),
    )
    assert len(march) == 1
    filed = _one_article(
        ("Northwind cautioned in its filing late Thursday that costs could rise", "2026-10-08"),
        ("It disclosed the new figures in filings with regulators on Thursday", "2026-10-08"),
    )
    assert len(filed) == 1
    two = _one_article(
        ("Governor Ana Ruiz spoke at the harbour on Monday", "2026-10-12"),
        ("The port union said on Monday that Ruiz had misled the strikers", "2026-10-12"),
    )
    assert len(two) == 2
