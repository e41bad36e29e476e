"""Dated events: relative dates resolved against the publication date."""

from __future__ import annotations

from briefing.understand import Event, analyse

PUBLISHED = "2026-11-25"  # a Wednesday


def events(text: str, published: str | None = PUBLISHED) -> list[Event]:
    return analyse(text, published).events


def test_weekday_in_the_past_tense_is_the_last_such_day() -> None:
    (e,) = events("The talks collapsed on Tuesday.")
    assert e.date == "2026-11-24"
    assert not e.scheduled


def test_next_monday_is_scheduled() -> None:
    (e,) = events("The delegations will meet in Istanbul next Monday.")
    assert e.date == "2026-11-30"
    assert e.scheduled


def test_day_and_month_without_a_year() -> None:
    (e,) = events("Voters go to the polls on 23 November.")
    assert e.date == "2026-11-23"


def test_future_day_and_month() -> None:
    (e,) = events("Closing arguments are scheduled for 3 December.")
    assert e.date == "2026-12-03"
    assert e.scheduled


def test_last_month_gives_a_month() -> None:
    (e,) = events("The wells were sealed by the water board last month.")
    assert e.date == "2026-10"


def test_month_and_year() -> None:
    (e,) = events("The river broke the previous record set in February 2020.")
    assert e.date == "2020-02"


def test_month_with_next_year() -> None:
    (e,) = events("Work on the new main must begin by 1 March next year.")
    assert e.date == "2027-03-01"


def test_event_text_is_the_clause_around_the_date() -> None:
    text = "Health officials declared a measles outbreak on Wednesday after confirming 37 cases."
    (e,) = events(text)
    assert e.date == "2026-11-25"
    assert text[e.start : e.end] == e.text
    assert "declared a measles outbreak on Wednesday" in e.text


def test_without_a_publication_date_only_absolute_dates() -> None:
    found = events("The talks collapsed on Tuesday and resumed on 3 March 2025.", None)
    assert [e.date for e in found] == ["2025-03-03"]


def test_today_inside_a_quotation_is_not_an_event() -> None:
    assert events('"We will not pay criminals, today or ever," she said.') == []


def test_a_bare_month_is_the_nearest_one_unless_the_verb_is_past() -> None:
    (soon,) = events("Both sides should settle before February.")
    assert soon.date == "2027-02"
    (past,) = events("The talks collapsed in January.", "2026-03-10")
    assert past.date == "2026-01"
    (earlier,) = events("The flat refusals he issued in September still stand.")
    assert earlier.date == "2026-09"


def test_since_a_month_is_a_stretch_not_an_event() -> None:
    assert events("The authority has counted 203 cases since August.") == []


def test_relative_dates_inside_quotations_are_skipped() -> None:
    assert events('"Two months ago she would not pay a cent," he said.') == []


def test_past_verb_a_few_words_before_the_month() -> None:
    (e,) = events("The European Commission proposed the new rules in April.")
    assert e.date == "2026-04"
    assert not e.scheduled


def test_dateline_with_agency_is_not_an_actor_or_event() -> None:
    result = analyse("BRUSSELS (Reuters) - Ministers failed on Tuesday to agree.", PUBLISHED)
    assert [a.name for a in result.actors] == []
    assert [e.date for e in result.events] == ["2026-11-24"]


def test_scheduled_is_future_though_it_ends_in_ed() -> None:
    (e,) = events("Talks are scheduled to resume on Thursday.", "2026-11-20")
    assert e.date == "2026-11-26"
    assert e.scheduled


def test_a_day_later_counts_from_the_last_date() -> None:
    found = events(
        "Steve Witkoff presented the document on Monday. He briefed Russian officials a day later."
    )
    assert [e.date for e in found] == ["2026-11-23", "2026-11-24"]


def test_two_dated_happenings_in_one_sentence_get_their_own_clauses() -> None:
    found = events("Witkoff presented the plan on Monday and briefed officials a day later.")
    assert [(e.date, e.text) for e in found] == [
        ("2026-11-23", "Witkoff presented the plan on Monday"),
        ("2026-11-24", "briefed officials a day later"),
    ]


def test_weekends() -> None:
    found = events("Protesters gathered last weekend. More talks are planned this weekend.")
    assert [e.date for e in found] == ["2026-11-21", "2026-11-28"]


def test_weekday_with_its_full_date_is_one_event() -> None:
    (e,) = events("Talks between the two ferry operators resume on Monday, 7 December.")
    assert e.date == "2026-12-07"
    (e,) = events("The Ostmark assembly sits again on Thursday 3 December.")
    assert e.date == "2026-12-03"


def test_a_timetable_in_the_present_tense_is_ahead() -> None:
    (e,) = events("The final vote on the harbour fees is on Friday.")
    assert e.date == "2026-11-27"
    assert e.scheduled


def test_in_two_weeks_with_a_future_verb_is_a_date() -> None:
    (e,) = events("The Kelby dockers will strike in two weeks unless wages rise.")
    assert e.date == "2026-12"
    assert e.scheduled


def test_in_six_weeks_as_a_length_of_time_is_no_event() -> None:
    assert events("Doctors confirmed 37 cases in six weeks across the region.") == []


def test_relative_phrases_from_the_brief() -> None:
    cases = {
        "The harbour board will vote on the new fees next week.": ("2026-12", "vote on"),
        "Union members will walk out this Friday, organisers said.": ("2026-11-27", "walk out"),
        "The ministry published its draft earlier this month.": ("2026-11", "published"),
        "The Lindmark parliament debated the bill in mid-October.": ("2026-10", "debated"),
        "The Lindmark parliament is due to debate it in mid-October.": ("2027-10", "debate"),
    }
    for text, (day, verb) in cases.items():
        (e,) = events(text)
        assert e.date == day, text
        assert verb in e.text, text


def _events(text: str, published: str) -> list[tuple[str, str]]:
    return [(e.date, e.text) for e in analyse(text, published).events]


def test_a_deadline_month_after_publication_is_next_year() -> None:
    assert _events("The abbey roof should be mended by March.", "2026-10-02") == [
        ("2027-03", "The abbey roof should be mended by March")
    ]
    assert _events("The co-op plans a ballot by February.", "2026-10-02")[0][0] == "2027-02"
    # a past month keeps this year
    assert _events("The ferry stopped running in May.", "2026-10-02")[0][0] == "2026-05"


def test_two_dated_clauses_in_one_sentence_get_their_own_spans() -> None:
    text = "The lido shut on 4 August and will reopen in May."
    assert _events(text, "2026-10-02") == [
        ("2026-08-04", "The lido shut on 4 August"),
        ("2027-05", "will reopen in May"),
    ]


def test_a_deadline_in_a_conditional_lies_ahead() -> None:
    text = (
        "Per Haugen said Oslo would take the quota row to arbitration if no deal was "
        "reached by March."
    )
    assert [d for d, _ in _events(text, "2026-10-02")] == ["2027-03"]
    assert [d for d, _ in _events("The ferry was repaired by March.", "2026-10-02")] == ["2026-03"]


# --- dates read from the clause, not only from the publication date (issue 13) -------------


def test_the_day_after_publication_in_a_story_of_the_evening() -> None:
    # a Monday-evening story of an event abroad early on Tuesday (a time zone ahead)
    (e,) = events("The ferry sank off the northern coast early on Tuesday.", "2026-11-23T21:10:00")
    assert e.date == "2026-11-24"
    # no time given: the story may be of the evening
    (e,) = events("The ferry sank off the northern coast early on Tuesday.", "2026-11-23")
    assert e.date == "2026-11-24"
    # a story datelined in a time zone ahead needs no hour of the day
    abroad = "MANILA (AP) \u2014 The ferry sank off the northern coast on Tuesday."
    (e,) = events(abroad, "2026-11-23T21:10:00")
    assert e.date == "2026-11-24"
    # "local time" says the same of any story
    (e,) = events("The ferry sank early on Tuesday local time.", "2026-11-23T21:10:00")
    assert e.date == "2026-11-24"
    # a Monday-morning story: the Tuesday before
    (e,) = events("The ferry sank off the northern coast early on Tuesday.", "2026-11-23T08:00:00")
    assert e.date == "2026-11-17"


def test_a_past_weekday_is_behind_without_a_time_zone_ahead() -> None:
    # a Sunday-evening story with no dateline abroad: "backed … Monday" is six days back, not
    # the day after publication
    (e,) = events("Two members backed the new sanctions against the regime Monday.", "2026-11-22")
    assert e.date == "2026-11-16"
    assert not e.scheduled


def test_a_month_later_in_the_year_in_a_past_clause_is_last_year() -> None:
    text = "The mayor recalled the floods in the valley in October that drowned the harvest."
    (e,) = events(text, "2026-07-10")
    assert e.date == "2025-10"
    (e,) = events("The storm was on 4 October.", "2026-07-10")
    assert e.date == "2025-10-04"


def test_a_timetable_with_an_adverb_lies_ahead() -> None:
    (e,) = events("The inquiry is currently set to open in March.", "2026-11-25")
    assert e.date == "2027-03"


def test_a_day_after_someone_said_is_not_dated_by_the_last_date() -> None:
    text = "The coach spoke on 2 November. The club sold him one day after the coach said he left."
    found = events(text)
    assert [e.date for e in found] == ["2026-11-02"]


def test_a_month_inside_a_name_is_no_date() -> None:
    assert events("The plan rests on the Great March 4 launcher, which is still being built.") == []


def test_a_weekday_before_its_date_in_brackets_is_one_date() -> None:
    (e,) = events("The probe that landed last Sunday (November 22) sent its first pictures.")
    assert e.date == "2026-11-22"


def test_by_a_weekday_in_a_past_clause_is_behind() -> None:
    (e,) = events("Another 20 inches of snow fell by Tuesday night.", "2026-11-25T09:00:00")
    assert (e.date, e.scheduled) == ("2026-11-24", False)
    (e,) = events("The ministry said it would decide by Friday.", "2026-11-25T09:00:00")
    assert (e.date, e.scheduled) == ("2026-11-27", True)


def test_a_date_with_last_year_after_it() -> None:
    (e,) = events("A gunman opened fire in a nightclub on June 12 last year.", "2026-11-25")
    assert e.date == "2025-06-12"


def test_the_day_after_publication_abroad_has_happened() -> None:
    (e,) = events("The ferry sank off the northern coast early on Tuesday.", "2026-11-23T21:10:00")
    assert not e.scheduled


def test_a_long_clause_ends_before_its_tail() -> None:
    text = (
        "Last week, the regional council of the northern islands unanimously adopted new fishing "
        "limits on the bay in response to the collapse of the cod stocks reported in the spring."
    )
    (e,) = events(text)
    assert e.text == (
        "Last week, the regional council of the northern islands unanimously adopted new fishing "
        "limits on the bay"
    )
    short = "In May, the council adopted limits in response to the collapse."
    (e,) = events(short)
    assert e.text.endswith("in response to the collapse")


def test_what_came_only_days_before_is_dated_to_its_month() -> None:
    text = (
        "The navy fired a missile over the strait on Friday, which came only days after the "
        "regional council voted to tighten the blockade."
    )
    found = events(text, "2026-11-27")
    assert [(e.date, e.text) for e in found] == [
        ("2026-11-27", "The navy fired a missile over the strait on Friday"),
        ("2026-11", "the regional council voted to tighten the blockade"),
    ]
    assert not found[1].scheduled


def test_days_named_not_numbered() -> None:
    (e,) = events("The ferry docked in Valletta at 10:15 a.m. on New Year's Eve.", "2027-01-02")
    assert e.date == "2026-12-31"
    (e,) = events(
        "The storm brought a metre of snow on Christmas Day, the agency said.", "2026-12-27"
    )
    assert e.date == "2026-12-25"


def test_earlier_in_the_day_is_the_day_of_the_last_date() -> None:
    text = "The girls were freed on Thursday. Earlier in the day, the minister denied a swap."
    found = events(text, "2026-11-27")
    assert [e.date for e in found] == ["2026-11-26", "2026-11-26"]


def test_a_far_date_with_no_tense_is_last_years_unless_something_looks_ahead() -> None:
    text = "Gunmen attacked a concert hall and several cafes on the 13th of November."
    (e,) = events("Mourners gathered. " + text, "2026-07-14")
    assert e.date == "2025-11-13"
    text = "The tour will begin on 16 May in Oslo, and includes two nights in Bergen on 22 May."
    assert [e.date for e in events(text, "2026-02-06")] == ["2026-05-16", "2026-05-22"]


def test_ahead_of_a_weekday_lies_ahead() -> None:
    (e,) = events("The island prepares to vote in Sunday's election.", "2026-11-25")
    assert e.date == "2026-11-29"


def test_a_weekday_named_with_the_next_days_hour_is_that_day_in_every_clause() -> None:
    # A story of Monday evening (UTC) about a launch abroad "early on Tuesday": its other
    # past-tense Tuesdays are the same day, not the Tuesday six days before.
    text = (
        "The rocket was fired early on Tuesday from a site near the coast. "
        "Two fighter jets bombed a firing range on Tuesday in reply."
    )
    found = events(text, "2026-11-23T21:10:00")
    assert [e.date for e in found] == ["2026-11-24", "2026-11-24"]
    # the day's date beside its name says the same
    text = (
        "The test came on Tuesday, November 24, in the morning there. "
        "The council condemned the test on Tuesday."
    )
    assert {e.date for e in events(text, "2026-11-23T21:10:00")} == {"2026-11-24"}
    # with no such mention, a past Tuesday in a Monday story is the one six days back
    (e,) = events("Two fighter jets bombed a firing range on Tuesday.", "2026-11-23T21:10:00")
    assert e.date == "2026-11-17"


def test_a_dateline_of_several_cities_one_of_them_ahead() -> None:
    abroad = "TOKYO/SEOUL (Reuters) - Two fighter jets bombed a firing range on Tuesday."
    (e,) = events(abroad, "2026-11-23T21:10:00")
    assert e.date == "2026-11-24"


def test_the_month_just_begun_is_no_past_month_of_a_past_clause() -> None:
    (e,) = events(
        "In January, the agency announced plans to send two probes to Mars.", "2027-01-01"
    )
    assert e.date == "2026-01"
    # looking ahead, it is the month just begun
    (e,) = events("In January, the agency will announce plans for two probes.", "2027-01-01")
    assert e.date == "2027-01"
    # later in the month a past clause may name it
    (e,) = events("In January, the agency announced plans to send two probes.", "2027-01-20")
    assert e.date == "2027-01"


def test_a_past_year_the_clause_names_dates_its_month() -> None:
    (e,) = events("The 1998 flood of the valley reached the town hall in April.", "2026-11-25")
    assert e.date == "1998-04"
    # a year told of something else in the sentence is not the month's
    (e,) = events("The mill, founded in 1998, closed its doors in April.", "2026-11-25")
    assert e.date == "2026-04"
    # nor is a past year before a month ahead
    (e,) = events("The 2024 champions will play again in March.", "2026-11-25")
    assert e.date == "2027-03"
