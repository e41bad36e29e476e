"""Timeline rows that read as statements but tell no happening on the date they show are
doubted (hidden by default): sub-clauses, epithet subjects, states and comments, tense against
date, dates of a sub-clause, rows cut short."""

from __future__ import annotations

import pytest

from briefing.storylines._happening import another_year, cut_mid_list, doubtful_happening

# (row, words before it in its sentence, date shown, article's date, scheduled)
DOUBTFUL = [
    ("the new bridge opens to traffic on March 3", "Shops hope to recover before ", "2025-02-20"),
    ("a bus skidded off the road on Tuesday", "Five people were hurt when ", "2025-02-18"),
    ("a ferry operator owned by the Larsen family today", "It is also home to Brenner - ", ""),
    ("The actress thanked her fans on Instagram on Tuesday", "", ""),
    ("The chipmaker raised its forecast on Tuesday", "", ""),
    ("Steel shares were trading at $41.20 on Tuesday afternoon", "", ""),
    ("On Tuesday, the flooding demonstrated how fragile the levees are", "", ""),
    ("In a further message on Tuesday, Okafor said he had told the police", "", ""),
    ("The minister said on Tuesday the sale depends on either the board approving it", "", ""),
    ("Ruiz landed in Lima on Tuesday and prior to her talks with the president", "", ""),
    ("The union spokesman rejects a newspaper report published Tuesday", "", ""),
    ("The regional council approved the budget on 4 March", "", ""),
    ("The Emmy-winning presenter announced her departure on Tuesday", "", ""),
    ("The incident was reported to the police on Tuesday", "", ""),
    ("Every supporter knows how the 1987 final ended", "", ""),
    ("Lena Falk, pictured in 2019, launched her campaign on Tuesday", "", ""),
    ("According to a lawsuit filed on Tuesday, the bank hid the losses", "", ""),
    ("Prime Minister Lena Falk today said", "", ""),
    ("The union's weekly bulletin on Tuesday made no mention of the strike", "", ""),
    ("Hours after the vote, some senior analysts said the plan was doomed", "", ""),
    ("March 3rd, 2025, and will reopen in May", "", "2025-03-03"),
    ("On Tuesday, Mayor Lena Falk rejected the proposal", "", ""),
    ("Tuesday's vote follows the release of a report on Monday", "", ""),
    ("The council opened the depot it had bought in September", "", "2025-01"),
    ("The two-hour delay meant the ferry sailed on Tuesday", "", ""),
    ('The audit found that "payments were made between March 3, 2024 and May 1"', "", "2024-03-03"),
    ("The vote drew protests as it was announced the council would meet again today", "", ""),
    ("The Courier reported Tuesday that the club is building just such a stadium", "", ""),
    ('Okafor told reporters on Tuesday that the fire was "a disgrace', "", ""),
    ("On Tuesday, Mayor Falk warned that the cuts could bring \u201ca crisis for the town", "", ""),
    ("The strikes on Tuesday came during talks that the two sides began a week ago", "", ""),
    ("The outage at the plant followed a failed upgrade in January", "", "2025-01"),
    ("Northwind\u2019s March 3 bid followed a visit by its chairman to the ministry", "", ""),
    ("Few passengers seemed worried on Tuesday when the ferry left port", "", ""),
    ("On Tuesday, the hotel said that she left her job years ago", "", ""),
    ("the broadcaster Radio Sud reported on Tuesday that he was a local farmer", "; ", ""),
    ("Ana Ruiz, a lawyer for some of the dockers who got the letter this week", "", ""),
    ("Lisbon, where on Tuesday the trams stood still", "He lived in ", ""),
    ("The rebels fired rockets at the port in August and September", "", "2025-08"),
    ("Tuesday's quake was the strongest in the region for a decade", "", ""),
    ("The government agreed to build a new runway", "", "2025-02"),
    ("Crowds had gathered on the quay to greet the ship", "", ""),
    ("Northwind unveiled a folding phone, confirming last week's leaks", "", "2025-02"),
    ("The budget passed by parliament this month shifts money to the regions", "", "2025-02"),
    ("The trial has been postponed again and is now set for May", "", "2025-05"),
    ("The Cape Town lender on Tuesday cut its dividend", "", ""),
    ("The city woke up on Tuesday to news of the biggest flood in a century", "", ""),
    ("The club broke that record in March when it sold 40,000 tickets", "", "2025-03"),
    ("A retired general said Tuesday that the country is closer to war than ever", "", ""),
    ("Norway on Tuesday said it opposes the whaling quotas set by the commission", "", ""),
    ("At a briefing on Tuesday, the ministry reiterated its call for calm", "", ""),
    ("In a statement on Tuesday, the airline did not apologise for the delays", "", ""),
    ("Bergen and Trondheim had closed their ports in July", "Oslo, ", "2025-07"),
    ("Images released on Tuesday by the state agency show the leader at a rally", "", ""),
    ("Northwind did more than raise its bid on Tuesday", "", ""),
    ('On Tuesday, Falk said the outlook was "getting darker by the week"', "", ""),
    ("The suspect last appeared in court just two months ago", "", "2024-12"),
    ("The council had asked to see the documents in January", "", "2025-01"),
    ("The Courier sought comment from Northwind on Tuesday", "", ""),
    ("Northwind did not immediately respond to a request for comment on Tuesday", "", ""),
    ("The Courier first reported the takeover talks on Tuesday", "", ""),
    ("A local radio station broke the news of the merger on Tuesday", "", ""),
]


@pytest.mark.parametrize(("text", "before", "shown"), DOUBTFUL)
def test_doubtful_rows(text: str, before: str, shown: str) -> None:
    assert doubtful_happening(text, before, shown or "2025-02-18", "2025-02-18", False)


def test_a_plan_is_a_happening_only_when_marked_scheduled() -> None:
    plan = "Northwind promises to ship the update later this week"
    assert doubtful_happening(plan, "", "2025-02", "2025-02-18", False)
    told = "The airline's new route is scheduled to open in May"
    assert doubtful_happening(told, "", "2025-05", "2025-02-18", False)
    launch = "The probe will launch in June"
    assert not doubtful_happening(launch, "", "2025-06", "2025-02-18", True)


def test_a_past_tense_is_not_dated_after_the_article() -> None:
    text = "Mayor Okafor announced the closure late Friday"
    assert doubtful_happening(text, "", "2025-02-21", "2025-02-18", True)
    assert doubtful_happening(text, "", "2025-02-21", "2025-02-18", False)
    # A day later is a time zone: the article's evening is the next morning elsewhere.
    fired = "North Korea fired a missile early on Wednesday"
    assert not doubtful_happening(fired, "", "2025-02-19", "2025-02-18", False)


def test_a_present_tense_retelling_an_earlier_month_needs_its_year() -> None:
    text = "A gunman opens fire in a school in Ohio in April"
    assert doubtful_happening(text, "", "2025-04", "2025-10-02", False)
    dated = "A gunman opens fire in a school in Ohio in April 2009"
    assert not doubtful_happening(dated, "", "2009-04", "2025-10-02", False)


KEPT = [
    ("Northwind reported a first-quarter loss on Tuesday", "", "2025-02-18"),
    ("Police arrested two men in Leeds on Tuesday", "", "2025-02-18"),
    ("the council voted to close the depot on Tuesday", "But ", "2025-02-18"),
    ("The state-run Orbita company said Tuesday it had regained contact", "", "2025-02-18"),
    ("The flight departed Heathrow at 9:10 on Tuesday", "", "2025-02-18"),
    ("The council approved the budget on 18 February", "", "2025-02-18"),
    ("Mayor Okafor said on Tuesday the depot will close in May", "", "2025-02-18"),
    ('Okafor told reporters on Tuesday that he had "no choice" but to resign', "", "2025-02-18"),
    ("The ferry which sank on Tuesday was raised from the harbour", "", "2025-02-18"),
    ("Mayor Okafor, who took office in May, resigned on Tuesday", "", "2025-02-18"),
    ("The police followed up on the tip on Tuesday", "", "2025-02-18"),
    ("Okafor said on Tuesday that he had resigned", "", "2025-02-18"),
    ("The rebels had fired rockets at the port on Tuesday", "", "2025-02-18"),
    ("The probe entered orbit after Tuesday's launch from the Kourou pad", "", "2025-02-18"),
    ("The Nigerian government agreed to build a new runway on Tuesday", "", "2025-02-18"),
    ("The Orbita company on Tuesday cut its dividend", "", "2025-02-18"),
    ("Bergen closed its port on Tuesday", "Meanwhile, ", "2025-02-18"),
    ("Reuters released images of the rally on Tuesday", "", "2025-02-18"),
    (
        "The ministry said on Tuesday that the United Nations had approved the budget",
        "",
        "2025-02-18",
    ),
    ("The port said Tuesday that a tanker ran aground but did not spill oil", "", "2025-02-18"),
    ("The club announced that tickets had sold out on Tuesday", "", "2025-02-18"),
    ("Rebels attacked the town that night, police said on Tuesday", "", "2025-02-18"),
]


@pytest.mark.parametrize(("text", "before", "shown"), KEPT)
def test_happenings_kept(text: str, before: str, shown: str) -> None:
    assert not doubtful_happening(text, before, shown, "2025-02-18", False)


def test_today_in_an_article_written_the_morning_after_is_no_sure_day() -> None:
    text = "The mayor today ordered flags to fly at half-mast"
    assert not doubtful_happening(text, "", "2025-02-18", "2025-02-18", False)
    assert doubtful_happening(text, "", "2025-02-18", "2025-02-18", False, written_overnight=True)


@pytest.mark.parametrize(
    "row, doubted",
    [
        ('the harbour must reopen," the mayor told reporters on Friday', True),
        ("the harbour must reopen\u201d, the mayor told reporters on Friday", True),
        ('The mayor told reporters on Friday: "the harbour must reopen"', False),
        ("The mayor reopened the harbour on Friday", False),
    ],
)
def test_a_row_that_starts_inside_a_quotation_is_doubted(row: str, doubted: bool) -> None:
    # Its first words are the end of someone's sentence: the reader cannot tell what came
    # before them or who began it.
    assert doubtful_happening(row, "", "2026-11-20", "2026-11-23", False) is doubted


def test_a_plan_for_the_day_a_noun_names_is_scheduled() -> None:
    vote = "Portugal prepares to vote in Sunday's general election"
    assert not doubtful_happening(vote, "", "2025-02-23", "2025-02-18", True)


def test_a_month_without_its_year_after_another_year_is_doubted() -> None:
    before = "Fans still speak of the club's 1987 season. "
    assert another_year("On May 2, the team lost the derby", "2025-05-02", before)
    assert not another_year("On May 2, 1987, the team lost the derby", "1987-05-02", before)
    assert not another_year("On Tuesday, the team lost the derby", "2025-02-18", before)
    assert not another_year("On May 2, the team lost the derby", "2025-05-02", "The 2025 season. ")


def test_a_weekday_read_six_days_back_is_doubted() -> None:
    # An article dated Saturday 2025-02-22 that tells of "Sunday".
    sunday = "On Sunday, two patrol boats sailed from the naval base to the strait"
    assert doubtful_happening(sunday, "", "2025-02-16", "2025-02-22", False)
    assert not doubtful_happening(sunday, "", "2025-02-16", "2025-02-21", False)
    last = "Last Sunday, two patrol boats sailed from the naval base to the strait"
    assert not doubtful_happening(last, "", "2025-02-16", "2025-02-22", False)


def test_a_row_cut_on_the_first_item_of_a_list_is_doubted() -> None:
    row = "The club won the cup here on Sunday for the young"
    assert cut_mid_list(row, ", the old and the long gone. Fans")
    assert not cut_mid_list("The ferry sailed for Sioux Falls", ", South Dakota, and on")
    assert not cut_mid_list("The club won the cup on Sunday", ". Fans cheered")
