"""Red lines: conditions, demands, refusals and non-negotiables, one record per demand."""

from __future__ import annotations

from briefing.understand import RedLine, analyse


def red_lines(text: str) -> list[RedLine]:
    return analyse(text, "2026-11-25").red_lines


def test_three_coordinated_demands_are_three_red_lines() -> None:
    text = (
        "Ukraine must retain effective defense, receive security guarantees, and avoid "
        "unilateral territorial concessions, stated German Chancellor Friedrich Merz."
    )
    found = red_lines(text)
    assert [r.holder for r in found] == ["Friedrich Merz"] * 3
    assert "retain effective defense" in found[0].text
    assert found[1].text == "receive security guarantees"
    assert found[2].text == "avoid unilateral territorial concessions"


def test_a_plans_terms_are_held_by_its_author() -> None:
    text = (
        "The United States has drafted a 28-point plan to end the war.\n\n"
        "The plan proposed that Ukraine reduce its armed forces to 600,000."
    )
    found = red_lines(text)
    assert len(found) == 1
    assert found[0].holder == "United States"
    assert found[0].text == "Ukraine reduce its armed forces to 600,000"


def test_plan_terms_split_at_each_that() -> None:
    text = (
        "Steve Witkoff presented the framework in Geneva. The plan proposes that Ukraine cap its "
        "army at 600,000 troops, that it drop its bid to join NATO, and that Russia keep the land."
    )
    found = red_lines(text)
    assert [r.text for r in found] == [
        "Ukraine cap its army at 600,000 troops",
        "it drop its bid to join NATO",
        "Russia keep the land",
    ]
    assert {r.holder for r in found} == {"Steve Witkoff"}


def test_refusal_in_a_quotation_is_held_by_the_speaker() -> None:
    text = '"We will not accept a union veto over investment," said Hendrik de Vries.'
    found = red_lines(text)
    assert len(found) == 1
    assert found[0].holder == "Hendrik de Vries"
    assert found[0].kind == "refusal"


def test_only_if_condition() -> None:
    text = "Vidar Stam said his party would back a government only if it halved asylum grants."
    found = red_lines(text)
    assert len(found) == 1
    assert found[0].holder == "Vidar Stam"
    assert "only if it halved asylum grants" in found[0].text


def test_unless_condition() -> None:
    text = "The union said the strike would begin on Monday unless employers returned to the table."
    found = red_lines(text)
    assert found and "unless employers returned to the table" in found[0].text


def test_non_negotiable_and_under_no_circumstances() -> None:
    text = (
        'Amara Osei, the director of public health, spoke on Friday. "The exclusion period is '
        'non-negotiable," she said. "Under no circumstances will we reopen the schools early."'
    )
    found = red_lines(text)
    assert len(found) == 2
    assert {r.holder for r in found} == {"Amara Osei"}


def test_would_never_sign_and_red_line() -> None:
    text = (
        "Volodymyr Zelensky said Ukraine would never sign an agreement that rewards aggression. "
        "Giving up Donetsk is a red line for Kyiv, he added."
    )
    found = red_lines(text)
    assert len(found) == 2
    assert all(r.holder == "Volodymyr Zelensky" for r in found)


def test_plain_reporting_has_no_red_lines() -> None:
    text = "Container traffic at Rotterdam came almost to a standstill on Tuesday."
    assert red_lines(text) == []


def test_a_participle_clause_holder() -> None:
    text = (
        "Finance ministers failed to agree on Tuesday, with Germany insisting that deficits "
        "must stay below 3 percent."
    )
    (found,) = red_lines(text)
    assert found.holder == "Germany"
    assert found.text == "deficits must stay below 3 percent"


def test_demanded_that_a_and_that_b_are_two_red_lines() -> None:
    text = (
        "The Vestmark Nurses Union has demanded that overtime be paid at double rates and that "
        "agency staff be phased out by 2028."
    )
    found = red_lines(text)
    assert [r.text for r in found] == [
        "overtime be paid at double rates",
        "agency staff be phased out by 2028",
    ]
    assert {r.holder for r in found} == {"Vestmark Nurses Union"}


def test_conditional_on_a_and_on_b() -> None:
    text = (
        "Priya Raman said the offer was conditional on acceptances for at least 65 percent of "
        "the shares and on clearance from German and European regulators."
    )
    found = red_lines(text)
    assert len(found) == 2
    assert found[1].text == "clearance from German and European regulators"
    assert {r.holder for r in found} == {"Priya Raman"}


def test_asked_someone_to_is_a_demand_from_the_verb() -> None:
    text = "Councillor Aino Rask asked the water board to publish every inspection report."
    (found,) = red_lines(text)
    assert found.holder == "Aino Rask"
    assert found.text == "asked the water board to publish every inspection report"


def test_expected_an_institution_to_is_a_demand_but_a_forecast_is_not() -> None:
    (found,) = red_lines(
        "The Farmers Union of Kelby expected the ministry to withdraw the levy before spring."
    )
    assert found.holder == "Farmers Union of Kelby"
    assert "the ministry to withdraw the levy" in found.text
    assert red_lines("Traders at Sorvik expect the price to fall before spring.") == []
    assert red_lines("The ballot is expected to close on Friday.") == []


def test_insists_on_and_calls_for() -> None:
    found = red_lines(
        "Teodor Basu insists on a public inquiry into the tender. "
        "The Green Alliance calls for a ban on peat burning by 2030."
    )
    assert [(r.holder, r.text) for r in found] == [
        ("Teodor Basu", "insists on a public inquiry into the tender"),
        ("Green Alliance", "calls for a ban on peat burning by 2030"),
    ]


def test_asking_for_comment_is_not_a_demand() -> None:
    assert red_lines("The Port of Dalvik asked the ministry for comment on Sunday.") == []


def test_refuses_to_and_demands_that() -> None:
    found = red_lines(
        "The Harlow Pilots Association refuses to fly extra rotations over the holiday. "
        "Greta Holm demands that the city reopen the night shelter."
    )
    assert [r.kind for r in found] == ["refusal", "demand"]
    assert found[0].holder == "Harlow Pilots Association"
    assert (found[1].holder, found[1].text) == ("Greta Holm", "the city reopen the night shelter")


def test_condition_phrasings() -> None:
    for cue in ("on condition that", "as long as", "provided that", "so long as"):
        text = f"Mayor Ilse Varga will back the budget {cue} the library stays open."
        (found,) = red_lines(text)
        assert found.kind == "condition", cue
        assert found.holder == "Ilse Varga"
        assert found.text.endswith(f"{cue} the library stays open")


def test_provided_as_a_verb_is_no_condition() -> None:
    assert red_lines("The ministry provided the figures to Edda Lunde on Monday.") == []


def test_no_deal_without() -> None:
    (found,) = red_lines('"No deal without a wage floor," said union leader Petra Lund.')
    assert found.holder == "Petra Lund"
    assert found.text == "No deal without a wage floor"


def test_questions_and_hypotheses_hold_no_one_to_anything() -> None:
    assert red_lines("Did Minister Aron Pike demand that the port be sold?") == []
    assert red_lines('"Why must we accept a worse offer?" asked Lisa Dorn.') == []
    assert red_lines("If the talks fail, the company must decide whether to close the plant.") == []
    assert red_lines("Asked whether Dalby must pay more, Karl Odin said he did not know.") == []


def test_a_demand_ends_before_a_clause_that_only_says_when() -> None:
    text = (
        "The Kelby Regional Council asked the government for emergency funding on Wednesday "
        "after the river flooded two villages and forced 300 people from their homes."
    )
    (found,) = red_lines(text)
    assert found.text == "asked the government for emergency funding on Wednesday"
    assert found.holder == "Kelby Regional Council"


def test_a_negated_verb_with_an_object_noun_is_no_refusal() -> None:
    assert red_lines("Ostmark does not have trade agreements with Vesmark.") == []
    assert red_lines("By the end, Ida Berg never gave it back to the council.") == []
    (found,) = red_lines("Ida Berg will not simply accept the offer from the port.")
    assert found.kind == "refusal" and found.holder == "Ida Berg"
    (found,) = red_lines("Ole Nes said he would never be able to sign such a deal.")
    assert found.kind == "refusal" and found.holder == "Ole Nes"


def test_would_not_until_and_accept_no_are_refusals() -> None:
    text = (
        "The glassblowers' guild said it would not resume deliveries until the kiln levy was "
        "scrapped. Councillor Ottilie Brand said Varnholm will accept no further delay."
    )
    found = red_lines(text)
    assert [(r.kind, r.holder) for r in found] == [
        ("refusal", "The glassblowers' guild"),
        ("refusal", "Ottilie Brand"),
    ]
    assert "until the kiln levy was scrapped" in found[0].text
    assert found[1].text.endswith("will accept no further delay")


def test_a_conditional_threat_is_held_by_its_subject() -> None:
    found = red_lines("The ferry crews would walk out if the operator cut the winter bonus.")
    assert [r.holder for r in found] == ["The ferry crews"]
    assert found[0].text.endswith("if the operator cut the winter bonus")


def test_a_forecast_with_if_is_no_threat() -> None:
    assert red_lines("Bread prices would rise if the rye harvest failed again.") == []


def test_lower_case_and_the_x_organisations_hold_their_demands() -> None:
    text = (
        "The parish council demands that the gravel pit close by March. "
        "The tenants' front insists on a public count of the ballots. "
        "The sawmill cooperative refuses to sell the riverside plot."
    )
    found = red_lines(text)
    assert [r.holder for r in found] == [
        "The parish council",
        "The tenants' front",
        "The sawmill cooperative",
    ]
    assert found[0].text == "the gravel pit close by March"


def test_a_must_clause_does_not_make_its_subject_the_holder() -> None:
    found = red_lines("The old footbridge must reopen before the thaw.")
    assert [r.holder for r in found] == [None]


def test_a_proposals_terms_are_held_by_the_author_its_phrase_names() -> None:
    found = red_lines("Under the Swedish proposal's terms, Finland's catch would drop to 8%.")
    assert [(r.kind, r.holder, r.text) for r in found] == [
        ("term", "Sweden", "Finland's catch would drop to 8%")
    ]


def test_a_ministry_proposing_that_holds_the_term() -> None:
    found = red_lines("The transport ministry proposes that tolls be frozen for two years.")
    assert [(r.holder, r.text) for r in found] == [
        ("The transport ministry", "tolls be frozen for two years")
    ]


def test_pushing_for_something_is_no_red_line_nor_quote() -> None:
    found = analyse("Season-ticket holders pushed for a covered stand at Eskby Park.", "2026-11-25")
    assert found.red_lines == [] and found.quotes == []


def test_urging_someone_to_act_is_the_urgers_demand() -> None:
    found = red_lines("Councillor Ines Arvola urged the rowing club to seek a new boathouse.")
    assert [(r.holder, r.text) for r in found] == [
        ("Ines Arvola", "urged the rowing club to seek a new boathouse")
    ]


def test_insisting_on_something_is_a_red_line_not_a_quote() -> None:
    found = analyse("The tenants' front insists on a public count of the ballots.", "2026-11-25")
    assert found.quotes == []
    assert [(r.holder, r.text) for r in found.red_lines] == [
        ("The tenants' front", "insists on a public count of the ballots")
    ]


def test_each_clause_has_its_own_subject_as_holder() -> None:
    text = (
        "Quota talks between Norway and Iceland broke up on Thursday, after Reykjavik refused "
        "to accept a smaller herring share. Norway will not sign the accord, and Iceland "
        "refuses to budge. Per Haugen said Oslo would take the row to arbitration if no deal "
        "was reached."
    )
    found = red_lines(text)
    assert [(r.holder, r.text) for r in found] == [
        ("Iceland", "Reykjavik refused to accept a smaller herring share"),
        ("Norway", "Norway will not sign the accord"),
        ("Iceland", "Iceland refuses to budge"),
        ("Per Haugen", "Oslo would take the row to arbitration if no deal was reached"),
    ]


def test_the_word_before_a_plan_names_its_author() -> None:
    text = (
        "Herring talks resumed in Oslo. The Danish proposal would cut Iceland's share to a "
        "tenth. The ministry's draft proposes that boats under 12 metres be exempt."
    )
    found = red_lines(text)
    assert [(r.kind, r.holder) for r in found] == [("term", "Denmark"), ("term", "The ministry")]
    assert found[1].text == "boats under 12 metres be exempt"


def test_a_holder_after_a_place_or_time_lead() -> None:
    text = (
        "In Eskby, the parish council demands that the gravel pit close. "
        "On Monday the ferrymen's union refused to load the night boat."
    )
    assert [r.holder for r in red_lines(text)] == ["the parish council", "the ferrymen's union"]


def test_refusing_to_comment_is_no_red_line() -> None:
    assert red_lines("Yesterday the port authority refused to comment on the quay.") == []


# --- what is not a red line (issue 13) ---------------------------------------------------------


def test_advice_to_the_public_is_no_red_line() -> None:
    assert red_lines("Police urged residents of the coast to stay indoors overnight.") == []
    assert red_lines("Officials asked people to avoid the motorway until Friday.") == []
    # the same verb addressed to a party that can act is one
    (r,) = red_lines("The mayor urged the transport authority to reopen the bridge.")
    assert r.holder == "The mayor"
    assert r.text == "urged the transport authority to reopen the bridge"


def test_what_someone_had_to_do_is_narration() -> None:
    assert red_lines('"Then the crews had to pump the tunnel dry," the engineer said.') == []
    assert red_lines("Last winter the ferry had to turn back twice.") == []


def test_had_to_in_reported_speech_is_a_demand() -> None:
    (r,) = red_lines("Minister Ilse Vang said any agreement had to protect the fishing grounds.")
    assert "protect the fishing grounds" in r.text


def test_telling_someone_what_one_planned_is_no_order() -> None:
    assert red_lines("She told the conductor that she planned to write to the operator.") == []


def test_a_situation_that_demands_a_response_is_no_ones_demand() -> None:
    text = "The spill is a disaster for the bay, which demands a response from everyone."
    assert red_lines(text) == []


def test_demands_as_a_noun_before_its_verb_is_no_demand() -> None:
    assert red_lines("The union's demands reflected a growing anger on the docks.") == []


def test_a_must_of_what_is_surely_so_is_no_demand() -> None:
    assert red_lines('"The van must have broken through the fence," the guard said.') == []
    assert red_lines('"The wait must be awful for the families," the mayor said.') == []
    (r,) = red_lines('"The fence must be rebuilt by spring," the mayor said.')
    assert (r.holder, r.text) == ("the mayor", "The fence must be rebuilt by spring")


def test_a_crowd_demanding_something_told_in_passing_is_no_red_line() -> None:
    text = "The general took power in 2013 after mass protests demanding the president's exit."
    assert red_lines(text) == []


def test_and_inside_one_object_joins_no_two_demands() -> None:
    text = (
        "The island routinely says it will never give up its coastal fishing and offshore "
        "drilling rights, saying they are vital."
    )
    assert [r.text for r in red_lines(text)] == [
        "it will never give up its coastal fishing and offshore drilling rights"
    ]
    text = "The union demands the port suspend its automated and remote crane trials."
    assert [r.text for r in red_lines(text)] == [
        "The union demands the port suspend its automated and remote crane trials"
    ]


def test_should_before_its_subject_sets_a_condition_not_a_demand() -> None:
    text = "The navy is ready to act should these drills turn into a confrontation, analysts said."
    assert red_lines(text) == []


def test_what_will_be_happening_is_no_red_line() -> None:
    assert red_lines("The club said its manager will not be returning next season.") == []
    assert red_lines('"I thought the driver should be stopping by now," a witness said.') == []
    (r,) = red_lines("The club said its manager will not return until the debts are paid.")
    assert "will not return" in r.text


def test_what_someone_never_did_is_a_story_not_a_refusal() -> None:
    assert red_lines("The neighbours said the man never returned their greetings.") == []
    (r,) = red_lines("The island has never accepted the new border, its premier said.")
    assert "never accepted the new border" in r.text


def test_should_with_a_bare_noun_before_its_verb_sets_a_condition() -> None:
    text = "The navy is trying to deter the rebels should war break out on the islands, he said."
    assert red_lines(text) == []
    assert red_lines('"Her patience must be wearing thin," the mayor said.') == []


def test_an_adverb_before_be_aware_is_still_advice() -> None:
    assert red_lines('"They should clearly be aware that this is real," the mayor said.') == []


def test_a_call_whose_words_open_a_quotation_is_a_demand() -> None:
    text = (
        'The mayor of Eskby called on the port authority "to publish the audit, reopen the '
        'north gate and meet the dockers," her office said.'
    )
    (found,) = red_lines(text)
    assert found.kind == "demand" and "to publish the audit" in found.text


def test_an_appositive_between_the_one_urged_and_to_keeps_the_demand() -> None:
    text = "Eskby's mayor urged its two neighbours, Norvik and Harwell, to share the ferry costs."
    (found,) = red_lines(text)
    assert "to share the ferry costs" in found.text


def test_a_warning_that_sets_a_condition_is_the_warners() -> None:
    text = (
        "Later, Ines Carvalho met the chairman and warned him: \u201cIf you cut the night "
        "shifts, the whole depot will walk out.\u201d"
    )
    found = analyse(text, "2026-11-25")
    (red,) = found.red_lines
    assert red.kind == "condition" and red.holder == "Ines Carvalho"
    assert "If you cut the night shifts" in red.text


def test_a_subjunctive_after_insisted_is_a_demand_a_claim_is_not() -> None:
    (found,) = red_lines("Lund insisted Harwell apologise to the crews before any talks.")
    assert "Harwell apologise to the crews" in found.text
    assert red_lines("Lund insisted Harwell was wrong about the crews.") == []


def test_a_demand_in_a_clause_of_circumstance_starts_at_its_holder() -> None:
    text = "Talks collapsed in March when Norvik Ferries demanded a fee of 2 million crowns."
    (found,) = red_lines(text)
    assert found.text.startswith("Norvik Ferries demanded a fee")


def test_the_shareholders_of_a_named_company_hold_their_own_demand() -> None:
    text = (
        "Harwell shareholders have bought into the stock, arguing Norvik's offer of 40 crowns "
        "must be raised."
    )
    found = analyse(text, "2026-11-25").red_lines
    assert [r.holder for r in found] == ["Harwell shareholders"]


def test_a_refusal_held_on_a_condition_and_a_right_reserved() -> None:
    (refusal,) = red_lines(
        "The minister said Oslo could not sign the accord 'if the quotas are not cut first'."
    )
    assert refusal.kind == "refusal"
    assert red_lines("I could not believe it, even if I tried.") == []
    (right,) = red_lines("The navy says it reserves the right to sail through the strait.")
    assert right.kind == "non-negotiable"


def test_a_demand_made_beside_a_condemnation_is_confident() -> None:
    text = (
        "The Eskby Council condemned the rebels' firing of rockets at the port, demanding that "
        "the group halts its attacks."
    )
    found = analyse(text, "2026-11-25").red_lines
    assert found and all(r.confidence >= 0.5 for r in found)


def test_a_threat_whose_condition_comes_first_is_a_condition() -> None:
    text = (
        "Eskby's council met on Monday. \u201cIf the ferry company keeps cutting crossings, the "
        "council will respond strongly with a boycott of its new terminal,\u201d its leader, "
        "Aino Rask, said."
    )
    (found,) = red_lines(text)
    assert found.kind == "condition" and found.holder == "Aino Rask"
    assert found.text.startswith("If the ferry company keeps cutting crossings")
    # a forecast with a condition first holds no one to anything
    assert red_lines("If the weather holds, the ferry will sail on time, Aino Rask said.") == []


def test_a_strong_response_promised_on_a_condition_is_one_red_line() -> None:
    text = (
        "\u201cWe will respond strongly together with our partners if Norvik continues toll "
        "and fee increases,\u201d the council of Eskby said in a statement."
    )
    (found,) = red_lines(text)
    assert found.text.endswith("if Norvik continues toll and fee increases")
    # a condition that names two acts is still two demands
    two = red_lines("Rask said talks were possible only if Norvik lifts tolls and pays the crew.")
    assert len(two) == 2


def test_a_country_named_by_its_compass_word_is_the_country() -> None:
    text = (
        "North Vestland tested a rocket on Monday, and South Vestland protested. The North "
        "routinely says it will never give up its rocket programme."
    )
    (found,) = red_lines(text)
    assert found.holder == "North Vestland"
    # without the full name in the text, the word stays as written
    (alone,) = red_lines("The North routinely says it will never give up its rocket programme.")
    assert alone.holder == "North"


def test_a_measure_kept_until_something_is_done_is_a_condition() -> None:
    text = (
        "\u201cUntil the airline answers these complaints, our travel warning will stand,\u201d "
        "said Mira Holt, who leads the passengers' association."
    )
    (found,) = red_lines(text)
    assert found.kind == "condition" and found.holder == "Mira Holt"
    # a date until which something ran is no condition
    assert red_lines("The bridge stayed closed until Friday, when the repairs ended.") == []


def test_two_parties_named_as_one_subject_each_hold_the_position() -> None:
    text = (
        "Norway and Sweden met in Oslo on Monday. While criticising the plan, Norway and Sweden "
        "continue to insist on a cap on fishing quotas in the northern sea."
    )
    found = red_lines(text)
    assert sorted(r.holder or "" for r in found) == ["Norway", "Sweden"]
    assert found[0].text == found[1].text
    # the evaluation format holds one record per statement
    prediction = analyse(text, "2026-11-25").to_prediction("x")
    assert len(prediction["red_lines"]) == 1


def test_one_party_named_beside_another_holds_it_alone() -> None:
    text = "Norway said on Monday that Sweden and its allies must lift the cap on fishing quotas."
    found = red_lines(text)
    assert [r.holder for r in found] == ["Norway"]


def test_a_pronoun_after_saying_is_the_subject_the_sentence_opens_with() -> None:
    text = (
        "Jonas Ek spent six years with the Hawks, leaving in a dispute with owner Lars Berg, "
        "saying he would resign if he was not sold."
    )
    (found,) = red_lines(text)
    assert found.holder == "Jonas Ek" and found.text.startswith("he would resign if")


def test_words_asked_for_in_quotation_marks_after_to_are_the_demand() -> None:
    text = 'Aino Rask spoke warmly of the talks, urging Norvik to "share the costs" by May.'
    (found,) = red_lines(text)
    assert found.text.startswith('urging Norvik to "share the costs"')
    # a verb that is a forecast when unquoted ("expects the talks to come …") is the words
    # asked for inside quotation marks
    text = 'Rask struck a softer tone, urging Norvik to "come back to the table" soon.'
    (found,) = red_lines(text)
    assert found.text.startswith('urging Norvik to "come back to the table"')


def test_a_vow_after_another_act_of_its_subject_is_the_vow_alone() -> None:
    (found,) = red_lines("Later Aino Rask met the ferry owners and vowed to block the new tolls.")
    assert found.holder == "Aino Rask" and found.text == "vowed to block the new tolls"


def test_a_position_in_a_clause_of_which_says_is_what_it_says() -> None:
    text = (
        "The plan, however, was turned down by Norvik, which says it reserves the right to "
        "run its ferries wherever it pleases."
    )
    (found,) = red_lines(text)
    assert found.holder == "Norvik"
    assert found.text == "it reserves the right to run its ferries wherever it pleases"


def test_what_a_named_party_has_to_do_in_someones_words_is_a_demand() -> None:
    text = "\u201cNorvik has to lift the toll before the summer,\u201d Aino Rask told local radio."
    (found,) = red_lines(text)
    assert (
        found.holder == "Aino Rask"
        and found.text == "Norvik has to lift the toll before the summer"
    )
    # an estimate of what a party must do to succeed, or no party named, is no demand
    assert red_lines("\u201cNorvik has to place its ferries well to win,\u201d Rask said.") == []
    assert red_lines("\u201cThe company just has to pay its bills,\u201d Rask said.") == []


def test_a_company_rule_passed_on_in_a_statement_is_the_companys() -> None:
    text = (
        "Aino Rask, who leads the union, read out the staff handbook: \u201cIt is against "
        "Harwell\u2019s policy for any employee to accept gifts from suppliers.\u201d"
    )
    (rule,) = red_lines(text)
    assert rule.holder == "Harwell" and rule.confidence >= 0.5
    assert rule.text.startswith("It is against Harwell\u2019s policy for any employee")
    text = (
        "Harwell said in a statement: \u201cWhen Harwell suspects that an employee has taken a "
        "gift, the company will immediately investigate and take appropriate action.\u201d"
    )
    (found,) = red_lines(text)
    assert found.holder == "Harwell" and found.text.startswith("When Harwell suspects")
    assert found.text.endswith("investigate and take appropriate action")
    # a story told with "when", and nobody's sanction in it, is no condition
    assert red_lines("When the ferry docked, the crew will take a short break, Rask said.") == []


def test_a_duty_laid_on_staff_is_a_demand_of_the_one_who_lays_it() -> None:
    text = (
        "\u201cNorvik makes it clear to its crews they have a responsibility to report every "
        "fault,\u201d a Norvik spokeswoman said."
    )
    (found,) = red_lines(text)
    assert found.holder == "Norvik" and "responsibility to report every fault" in found.text


def test_nouns_listed_after_one_preposition_are_one_demand() -> None:
    found = red_lines(
        "Jane Mole said every rider must be able to travel without fear of threat, abuse or "
        "harm. She urged the council to cut fares, restore night buses and refund season tickets."
    )
    assert [r.text for r in found] == [
        "every rider must be able to travel without fear of threat, abuse or harm",
        "urged the council to cut fares",
        "restore night buses",
        "refund season tickets",
    ]
