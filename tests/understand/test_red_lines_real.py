"""Red lines on real news: a frame (who holds what, in one sentence), never a keyword alone.

The sentences are written for these tests, after the shapes real articles use."""

from __future__ import annotations

from briefing.understand import RedLine, analyse


def red_lines(text: str) -> list[RedLine]:
    return analyse(text, "2026-11-25").red_lines


def texts(text: str) -> list[str]:
    return [r.text for r in red_lines(text)]


# ------------------------------------------------------------ keywords that hold no demand


def test_a_photo_call_is_no_call_for_anything() -> None:
    text = (
        "In this file photo, the singer Mara Lind poses during the photo call for the jury "
        "at the festival in Venice, northern Italy."
    )
    assert texts(text) == []


def test_wanting_to_do_something_is_a_wish_not_a_demand() -> None:
    assert texts("Petra Holm said little at first and wanted to wait until the trial ended.") == []
    assert texts("No matter how much the rival wants to win, the club will stay calm.") == []


def test_a_fear_that_people_may_never_come_back_is_no_refusal() -> None:
    assert texts("Most of the miners are still missing, and many may never return.") == []


def test_a_noun_refusing_to_act_is_no_red_line() -> None:
    text = "Profits fell, partly because of clients such as Verdal refusing to pay their bills."
    assert texts(text) == []


def test_something_demanded_by_others_is_no_red_line_of_the_subject() -> None:
    text = "The bank warned that asset sales demanded by regulators could prove costly."
    assert texts(text) == []


def test_a_must_watch_label_is_no_demand() -> None:
    assert texts("MUST WATCH Harbour cranes stand idle 02:14") == []


def test_receiving_a_proposal_and_weighing_it_is_no_term() -> None:
    text = "Norvik said it had received the proposal and would study it with its advisers."
    assert texts(text) == []


def test_a_past_did_not_is_no_standing_refusal() -> None:
    assert texts('"It was not as if we did not talk," the coach said.') == []


# ---------------------------------------------------------------- the whole demand, no more


def test_a_list_of_nouns_inside_one_demand_is_not_split() -> None:
    text = "The letter calls for a panel to ensure fairness and openness, the paper says."
    assert texts(text) == ["calls for a panel to ensure fairness and openness"]


def test_verbs_sharing_one_object_are_one_demand() -> None:
    text = 'Ana Vidal said the league "must hire, train and promote" women referees.'
    (found,) = red_lines(text)
    assert "hire, train and promote" in found.text and found.text.endswith("referees")


def test_two_conditions_joined_by_or_if_are_two_red_lines() -> None:
    text = (
        "Tessvik said it would withdraw its bid if Orlan delayed its vote from May 2, "
        "or if it sold its stake in the mine."
    )
    assert texts(text) == [
        "it would withdraw its bid if Orlan delayed its vote from May 2",
        "or if it sold its stake in the mine",
    ]


def test_a_demand_is_one_sentence_of_a_longer_quotation() -> None:
    text = (
        '"We are ready to talk if the shelling stops. We will not give up the valley," '
        "said Ivo Maric."
    )
    assert texts(text) == [
        "We are ready to talk if the shelling stops",
        "We will not give up the valley",
    ]


def test_a_reason_after_the_demand_is_no_part_of_it() -> None:
    text = (
        '"These drills near our coast must stop at once, because they only bring ruin," '
        "the admiral Oskar Brandt said."
    )
    assert texts(text) == ["These drills near our coast must stop at once"]


def test_a_clause_before_the_refusal_is_no_part_of_it() -> None:
    text = "Orlan reported a sharp fall in profit, as Verdal has refused to pay its royalties."
    (found,) = red_lines(text)
    assert found.text == "Verdal has refused to pay its royalties"
    assert found.holder == "Verdal"


def test_a_comment_in_apposition_is_no_part_of_the_demand() -> None:
    text = (
        "Olga Sand said any deal had to address the root of the dispute, "
        "a phrase Oslo uses for the fishing quotas."
    )
    assert texts(text) == ["any deal had to address the root of the dispute"]


def test_a_contrast_after_a_condition_is_no_part_of_it() -> None:
    text = (
        "Lena Dahl said the fund would sell only if the price rose above 40 euros, "
        "but she called the offer a fair start."
    )
    assert texts(text) == ["the fund would sell only if the price rose above 40 euros"]


# ------------------------------------------------------------------ frames beyond "must"


def test_rejecting_an_offer_is_a_red_line_of_the_one_who_rejects() -> None:
    (found,) = red_lines("So far, Orlan has rejected the merger outright.")
    assert found.text.endswith("Orlan has rejected the merger outright")
    assert found.holder == "Orlan"


def test_an_offer_rejected_by_others_or_earlier_is_no_fresh_red_line() -> None:
    assert texts("The bid, which the owners rejected, is now worth less.") == []
    assert texts("The plan was opposed by farmers across the region.") == []


def test_a_vow_in_a_relative_clause_is_the_vow_alone() -> None:
    text = (
        "Maren Vik, who has vowed not to let the mill close before spring, "
        "said the talks went well."
    )
    (found,) = red_lines(text)
    assert found.text == "vowed not to let the mill close before spring"
    assert found.holder == "Maren Vik"


def test_should_in_someones_words_is_a_demand_in_the_narrators_is_not() -> None:
    text = '"Any new levy should be agreed with the growers," Tove Lunde told reporters.'
    assert texts(text) == ["Any new levy should be agreed with the growers"]
    assert texts("Travellers should expect delays on the coast road this week.") == []


def test_a_threat_with_a_quoted_phrase_is_one_red_line() -> None:
    text = "Pavel Orr said the rebels would face “swift and hard” reprisals if they crossed it."
    assert texts(text) == ["the rebels would face “swift and hard” reprisals if they crossed it"]


# ------------------------------------------------------------------------------ the holder


def test_a_demand_reported_according_to_someone_is_its_subjects() -> None:
    text = (
        "Talks collapsed in March when Iceland demanded a fee of $9 million for the fishing "
        "rights, according to a new history of the port by the writer Jonas Brekke."
    )
    (found,) = red_lines(text)
    assert found.holder == "Iceland"


def test_a_pronoun_speaker_phrase_holds_as_the_person_it_stands_for() -> None:
    text = (
        "Arne Solberg faced anger over his remarks. A day after Solberg spoke, he issued "
        "another statement saying that the league “must listen to its players.”"
    )
    holders = [r.holder for r in red_lines(text)]
    assert holders and all(h == "Arne Solberg" for h in holders)


def test_a_call_after_said_and_is_the_speakers_not_the_nearest_name() -> None:
    text = (
        "In a statement, the 12-member panel said it was of “vital importance” that Russia "
        "withdraw its ships and called on all members to enforce the fishing ban."
    )
    found = [r for r in red_lines(text) if r.text.startswith("called on")]
    assert found and found[0].holder == "the 12-member panel"


def test_a_group_after_while_holds_its_own_call() -> None:
    text = (
        "The remarks drew criticism from singers like Lena Dahl, while a group of lawyers and "
        "agents called for the chairman's resignation."
    )
    (found,) = red_lines(text)
    assert found.holder == "lawyers and agents"


# ------------------------------------------------------------------------------ the content


def test_a_list_of_demanded_things_is_one_red_line_each() -> None:
    text = (
        "Siri Aas said she backed the deal only because the council accepted two conditions: "
        "a full review of the ferry contract, to be finished by May, and a freeze that stops "
        "any new fare rise without a vote."
    )
    assert texts(text) == [
        "a full review of the ferry contract, to be finished by May",
        "a freeze that stops any new fare rise without a vote",
    ]


def test_what_the_speaker_says_they_said_is_the_red_line_without_its_echo() -> None:
    text = '"Last spring we said the harbour was not for sale, and it was not," Ove Dahl said.'
    assert texts(text) == ["the harbour was not for sale"]


def test_a_non_negotiable_condition_is_what_the_colon_announces() -> None:
    text = (
        "Eva Lund, who leads the Farmers' Party, said her party's demand was non-negotiable: "
        "a guaranteed price for milk until 2030."
    )
    assert texts(text) == ["a guaranteed price for milk until 2030"]


def test_a_wish_compared_or_a_readiness_if_necessary_is_no_red_line() -> None:
    assert texts("The final levy was higher than Oslo had wanted, the minister admitted.") == []
    assert texts("Perhaps the mayor wants more than she will ever get from the port.") == []
    assert texts("Iceland was prepared to patrol the fishing grounds for years if necessary.") == []


def test_a_bare_that_is_non_negotiable_points_back_and_is_no_red_line_itself() -> None:
    text = '"The plant stays in Tromso. That is non-negotiable," Kari Lie said.'
    assert "is non-negotiable" not in texts(text)
    assert texts('"Job security is non-negotiable," Kari Lie said.') == [
        "Job security is non-negotiable"
    ]


def test_an_alternative_set_aside_is_not_part_of_the_demand() -> None:
    text = (
        'Rather than backing the levy that "hurts the farms of the north," Oslo should instead '
        "talk to the growers first, Eva Lund said."
    )
    assert texts(text) == ["Oslo should instead talk to the growers first"]


# ------------------------------------------------------------ who holds a plan or a request


def test_a_draft_plan_is_held_by_the_body_named_beside_it() -> None:
    text = (
        "Olga Brandt, who chairs the panel, spoke first.\n\n"
        "The IMO's safety board will discuss a new shipping code in March. The draft plan "
        "proposes that every tanker carry two pilots by 2029."
    )
    found = red_lines(text)
    assert [r.text for r in found] == ["every tanker carry two pilots by 2029"]
    assert found[0].holder not in (None, "Olga Brandt")


def test_a_rule_changed_by_a_body_is_that_body_s_rule() -> None:
    text = (
        "Drivers will be allowed back on the bridge from Monday after the city transport "
        "authority eased its weight rule.\n\n"
        "Under the new rule, lorries may cross only if they weigh less than 12 tonnes."
    )
    found = red_lines(text)
    assert found and found[-1].holder is not None
    assert "authority" in found[-1].holder.lower()


def test_a_region_that_asks_is_its_council() -> None:
    text = (
        "KARVIK (Wire Service) - The Karvik region asked the national government for emergency "
        "funds on Tuesday after a storm cut power to 4,000 homes.\n\n"
        '"We cannot wait for the insurers," said Nils Aune, who heads Karvik Regional Council.'
    )
    found = red_lines(text)
    assert [r.holder for r in found] == ["Karvik Regional Council"]


# ------------------------------------------------------------ the whole demand, and only it


def test_a_statement_before_and_that_is_not_part_of_the_refusal() -> None:
    text = (
        "A Kremlin aide, Pavel Orlov, said the Nordic states had no voice in the talks and that "
        "Moscow would not accept Nordic monitors on the border under any arrangement."
    )
    assert texts(text) == [
        "Moscow would not accept Nordic monitors on the border under any arrangement"
    ]


def test_a_demand_reported_twice_in_one_sentence_is_one_red_line() -> None:
    text = (
        "Mira Holt leads the drivers' union. "
        "On Friday she told the assembly that a pause in the strikes was something the union "
        "could accept, provided that no driver loses a shift."
    )
    found = texts(text)
    assert len(found) == 1
    assert not found[0].startswith("On Friday")


def test_a_plan_that_would_do_two_things_is_two_red_lines() -> None:
    text = (
        "The commission has sent both governments a new fishing plan that would let each fleet "
        "land up to 40,000 tonnes, up from 30,000 last year, and would close the northern bank "
        "for six months rather than for the whole year."
    )
    found = texts(text)
    assert len(found) == 2
    assert found[0].endswith("land up to 40,000 tonnes")
    assert "commission has sent" not in found[0]
    assert found[1].endswith("close the northern bank for six months")


def test_a_story_about_someone_s_red_line_is_not_a_red_line() -> None:
    assert texts('"Mrs Lunde\'s red line survived barely a week," the mayor told reporters.') == []
    assert texts("The minister was accused of abandoning his own red lines.") == []


def test_a_red_line_that_is_stated_still_counts() -> None:
    found = texts("The union's red line is that no driver loses a shift, its leader said.")
    assert found and "no driver loses a shift" in found[0]


def test_rejecting_a_demand_stated_before_is_no_new_red_line() -> None:
    text = (
        "The carrier asked the pilots to accept a two-year pay freeze. "
        "The pilots' union rejected that demand within hours."
    )
    found = texts(text)
    assert not any("rejected that demand" in t for t in found)


def test_a_refusal_in_a_relative_clause_on_an_object_keeps_who_refuses() -> None:
    text = (
        "The fund's founder, Ilse Varga, is now turning up the heat on Bruno Falk and his "
        "directors, who have so far refused to meet her."
    )
    found = red_lines(text)
    assert [r.text for r in found] == [
        "Bruno Falk and his directors, who have so far refused to meet her"
    ]
    assert found[0].holder == "Bruno Falk"


def test_a_vow_is_held_without_when_it_was_made() -> None:
    text = "The governor, Ama Owusu, vowed to clear the slums when she took office in May."
    assert [t.endswith("vowed to clear the slums") for t in texts(text)] == [True]


# ------------------------------------------------------------ an offer said to be the last


def test_a_best_and_final_offer_is_a_red_line_of_who_made_it() -> None:
    text = (
        'Torvik Group made a $9 billion "best and final offer" on Tuesday to buy Halden Foods, '
        "raising the pressure on its board."
    )
    found = red_lines(text)
    assert [r.text for r in found] == ['a $9 billion "best and final offer"']
    assert found[0].holder == "Torvik Group"


def test_an_offer_called_final_in_a_copula_clause_is_the_whole_clause() -> None:
    text = (
        "The new price of 41 euros a share will be Torvik\u2019s \u201cbest and final,\u201d "
        "according to a statement on Tuesday."
    )
    found = texts(text)
    assert len(found) == 1
    assert found[0].startswith("The new price of 41 euros a share will be")
    assert "according to" not in found[0]


def test_a_list_of_conditions_is_one_red_line_per_condition() -> None:
    text = (
        "\"We will back the merger only if the Lund mill stays open and Vik's pension fund keeps "
        'its board seat," the mayor, Siri Dahl, said.'
    )
    assert texts(text) == [
        "only if the Lund mill stays open",
        "Vik's pension fund keeps its board seat",
    ]


def test_a_single_condition_keeps_what_it_conditions() -> None:
    text = "The fund would tender its shares only if the price rose above 50 euros, Lea Moen said."
    assert texts(text) == ["The fund would tender its shares only if the price rose above 50 euros"]


# ------------------------------------------------------------ one red line per demand


def test_a_second_clause_with_its_own_subject_is_its_own_red_line() -> None:
    text = (
        "Under its terms Velta would pay the fine into a fund run by the regulator, would admit "
        "no wrongdoing, and the farmers would have to drop their claim for lost harvests."
    )
    assert texts(text) == [
        "Velta would pay the fine into a fund run by the regulator",
        "would admit no wrongdoing",
        "the farmers would have to drop their claim for lost harvests",
    ]


def test_a_demand_around_a_refusal_is_the_demand() -> None:
    text = (
        "Pavel Orlov, the Kremlin aide, said the president wanted written assurances that the "
        "alliance would not admit Moldova and that no troops would ever be stationed there."
    )
    found = texts(text)
    assert "the alliance would not admit Moldova" not in found
    assert any(
        t.endswith("written assurances that the alliance would not admit Moldova") for t in found
    )


def test_a_second_past_act_after_a_past_refusal_is_split() -> None:
    text = (
        "The farmers' union opposed any cut to the subsidy and renewed its demands for a "
        "fuel rebate before the spring sowing."
    )
    found = texts(text)
    assert len(found) == 2
    assert found[1].startswith("renewed its demands for a fuel rebate")


def test_renewed_calls_for_something_are_a_demand() -> None:
    text = "Teachers' unions renewed calls for smaller classes in all state schools on Monday."
    assert ["renewed calls for smaller classes in all state schools" in t for t in texts(text)] == [
        True
    ]


def test_what_its_lawyers_said_is_the_company_s_position() -> None:
    text = (
        "Velta Chemicals was sued by the farmers in May.\n\n"
        "Three weeks ago its lawyers told the court that the company would not pay any damages."
    )
    found = red_lines(text)
    assert [r.holder for r in found] == ["Velta Chemicals"]


def test_each_term_of_a_deal_is_held_by_the_party_it_binds() -> None:
    text = (
        "Ghana signed the accord with the Oslo Museum of Art on Friday.\n\n"
        "Under the agreement, the museum will pay for the shipping, and Ghana has offered to "
        "lend two of the masks back to Oslo for a show in 2029."
    )
    found = red_lines(text)
    assert [r.holder for r in found] == ["Oslo Museum of Art", "Ghana"]


def test_it_is_vital_that_states_a_demand() -> None:
    text = (
        "The Arctic Council said it was of \u201cvital importance\u201d that both navies take "
        "immediate, concrete steps to cut the risk of a collision, however, its statement named "
        "no deadline."
    )
    assert texts(text) == [
        "both navies take immediate, concrete steps to cut the risk of a collision"
    ]


def test_a_demand_printed_twice_is_shown_once() -> None:
    para = "The mayor said the state must repay the flood fund before the next budget.\n\n"
    assert len(texts(para + "Roads stayed closed on Monday.\n\n" + para)) == 1


def test_as_long_as_it_takes_is_no_condition() -> None:
    text = "We will stay with our partners and help them as long as it takes, the envoy said."
    assert [r.kind for r in red_lines(text) if r.kind == "condition"] == []


def test_that_as_a_subject_is_kept() -> None:
    text = (
        'Nora Falk said: "If the banks are too big to fail, that is a danger and they should '
        'not keep growing."'
    )
    assert not any(t.startswith("is a danger") for t in texts(text))


def test_a_wish_with_nothing_wanted_is_no_demand() -> None:
    text = "The farmers were angry at first, but in the end they got everything they wanted."
    assert texts(text) == []


def test_keyword_fired_non_demands_hold_no_one() -> None:
    assert texts("Villagers refused to leave their farms despite the order to go.") == []
    text = (
        "A senior aide, who spoke on the condition of anonymity to discuss the meeting, said "
        "the mood had been grim."
    )
    assert texts(text) == []


def test_a_condition_no_one_holds_is_a_rule_not_a_red_line() -> None:
    text = "Card holders face smaller losses as long as a theft is reported within two days."
    assert texts(text) == []


def test_a_right_to_refuse_is_a_position() -> None:
    text = (
        'The ferry line said it has "the right to refuse boarding to passengers without tickets."'
    )
    found = [t.rstrip('."') for t in texts(text)]
    assert [
        t.endswith("the right to refuse boarding to passengers without tickets") for t in found
    ] == [True]


def test_an_offer_premised_on_something_is_conditional() -> None:
    text = "Torvik said its new offer was premised on Halden dropping its own bid for Norfish."
    found = texts(text)
    assert len(found) == 1 and "premised on Halden dropping its own bid" in found[0]


def test_allowing_one_thing_but_not_another_is_one_whole_position() -> None:
    text = (
        "The club's dress rules allow jeans and trainers \u2014 which is why the boy got in "
        "\u2014 but don't allow sports shorts."
    )
    assert texts(text) == [
        "The club's dress rules allow jeans and trainers \u2014 which is why the boy got in "
        "\u2014 but don't allow sports shorts"
    ]


def test_ready_to_talk_but_not_to_negotiate_keeps_the_refusal_alone() -> None:
    text = "The ministry said it was ready to talk but would not negotiate under threat."
    assert texts(text) == ["would not negotiate under threat"]


def test_a_noun_before_a_comma_is_not_a_second_demand() -> None:
    text = (
        "The letter calls for a review panel to restore fairness and openness, and asks the "
        "board to publish its minutes."
    )
    assert not any(t.startswith("openness") for t in texts(text))
    assert all("fairness and openness" in t for t in texts(text)[:1])


def test_a_quotation_after_the_demand_is_not_part_of_it() -> None:
    text = (
        "The letter calls for a review panel to restore fairness and openness, and \u201cas "
        "long-serving members, we offer ourselves for that work.\u201d"
    )
    assert texts(text) == ["calls for a review panel to restore fairness and openness"]


def test_a_demand_someone_may_be_led_to_make_is_a_forecast() -> None:
    text = "But the higher bid may persuade investors to demand that the board open talks."
    assert texts(text) == []


def test_what_the_holder_says_of_its_claim_is_not_part_of_the_demand() -> None:
    text = (
        "The builder, Norrbygg, said it will stop work on 3 March unless it is paid 9 million "
        "euros it says it is owed for the bridge repairs."
    )
    found = texts(text)
    assert len(found) == 1
    assert found[0].endswith("unless it is paid 9 million euros")


def test_a_vow_in_a_relative_clause_starts_at_what_was_vowed() -> None:
    text = (
        "Ola Berg, the Green leader who vowed only a month ago never to sit with the Centre "
        "Party, met its chairman on Monday."
    )
    assert texts(text) == ["never to sit with the Centre Party"]


def test_a_vow_in_a_relative_clause_keeps_its_list() -> None:
    text = "Lena Roos, who vowed never to raise taxes, cut pensions or close schools, won easily."
    found = texts(text)
    assert found[0].endswith("never to raise taxes")
    assert found[-1].endswith("close schools")


def test_accepting_one_amount_but_not_another_is_a_red_line() -> None:
    text = (
        "The finance minister, Eva Lind, said Norway would accept a fishing quota of up to 2.5 "
        "million tonnes, but not the three million Brussels has asked for."
    )
    assert texts(text) == [
        "Norway would accept a fishing quota of up to 2.5 million tonnes, but not the three "
        "million Brussels has asked for"
    ]


def test_a_demand_keeps_when_it_is_to_be_met_but_not_when_it_was_made() -> None:
    lead = "Sara Nyg\u00e5rd urged the ministers to keep the unions in the room"
    text = lead + " when the law is redrafted."
    assert texts(text) == [
        "urged the ministers to keep the unions in the room when the law is redrafted"
    ]
    text = lead + " after the talks collapsed."
    assert texts(text) == ["urged the ministers to keep the unions in the room"]


def test_not_pretending_is_candour_not_a_refusal() -> None:
    assert texts('"I will not pretend this is a victory," the minister, Ada Holm, said.') == []


# ---------------------------------------- positions a reader would not call a red line (#13)


def _doubtful(text: str, words: str) -> bool:
    """Whether the red line holding `words` is below the display threshold (or not found)."""
    from briefing.understand.records import CONFIDENT

    found = [r for r in red_lines(text) if words in r.text]
    return all(r.confidence < CONFIDENT for r in found)


def test_condemning_an_act_already_done_is_no_demand() -> None:
    text = "Norvik on Friday said it opposes the missile launches by its neighbour."
    assert _doubtful(text, "launches")
    text = "The activist also opposed the general's rule before the coup."
    assert _doubtful(text, "rule")
    # opposing a plan still to be carried out is a position
    text = "Russia has firmly opposed installing the radar system near its border."
    assert not _doubtful(text, "radar")


def test_a_call_for_a_mood_for_oneself_or_for_a_person_is_no_demand() -> None:
    assert _doubtful("In her speech, Ada Voss called for calm in the capital.", "calm")
    text = "President Ada Voss has called for Norvik to become a great power at sea."
    assert _doubtful(text, "become")
    text = "In the ninth inning, coach Pell Marsh called for his reliever, Dana Holt."
    assert _doubtful(text, "reliever")
    text = "Ada Voss called for an independent inquiry into the contracts."
    assert not _doubtful(text, "inquiry")


def test_resignation_regret_and_an_offer_are_no_demands() -> None:
    text = '"Times have changed, and Norvik should learn to live with the floods," Voss said.'
    assert _doubtful(text, "learn to live")
    text = "Harwell said it was prepared to pay a large fee to Norvik if regulators block the deal."
    assert _doubtful(text, "fee")
    text = '"I wish I had been as clear as I should have been," Voss said.'
    assert _doubtful(text, "should have been")


def test_a_demand_of_parties_the_row_does_not_name_is_doubtful() -> None:
    text = (
        "Ada Voss noted that Norvik sells the fuel and Estoria hires the workers. "
        "She called on both countries to take direct action."
    )
    assert _doubtful(text, "both countries")


def test_a_second_passive_verb_without_its_subject_is_doubtful() -> None:
    text = (
        '"Any sanctions should be agreed at the council, and should be enforced by every '
        'member," Ada Voss told reporters.'
    )
    assert _doubtful(text, "enforced")
    assert not _doubtful(text, "agreed at the council")


def test_a_frame_word_inside_an_aside_frames_nothing() -> None:
    text = (
        'This bid, which is Harwell\'s final offer, "adds more shares for the owners," the '
        "chief executive Ada Voss wrote."
    )
    assert _doubtful(text, "adds more shares")


# --------------------------------------------------------------------- whose red line (#13)


def _holders(text: str) -> dict[str, str | None]:
    return {r.text: r.holder for r in red_lines(text)}


def test_a_should_in_someones_words_is_held_by_the_speaker_not_its_subject() -> None:
    text = (
        "Rather than backing the blockade, Estoria should answer the offers from the North, "
        "President Ada Voss said."
    )
    held = [h for t, h in _holders(text).items() if "answer the offers" in t]
    assert held == ["Ada Voss"]


def test_a_call_set_against_the_speakers_words_is_its_own_subjects() -> None:
    text = (
        "The two candidates reacted differently, with Pell Marsh saying he would ask for new "
        "powers while Voss called for more police on the streets."
    )
    held = [h for t, h in _holders(text).items() if "more police" in t]
    assert held and held[0] != "Pell Marsh"


# ------------------------------------------------------------------ where a red line ends (#13)


def test_words_left_out_then_a_new_sentence_are_two_demands() -> None:
    text = (
        'Voss said: "The region should unite to send a clear message \u2026 The new rules '
        'must be fully enforced."'
    )
    found = texts(text)
    assert any(t.endswith("send a clear message") for t in found), found
    assert any(t.startswith("The new rules must be fully enforced") for t in found), found


def test_two_verbs_sharing_the_object_after_them_are_one_demand() -> None:
    text = (
        '"We must look for ways to deter and effectively answer the threats from the North," '
        "Ada Voss said."
    )
    assert any("deter and effectively answer the threats" in t for t in texts(text))


def test_a_name_given_with_known_as_is_no_circumstance_that_ends_the_demand() -> None:
    text = (
        "Ada Voss ordered the army to install a new radar battery known as Skyguard near the "
        "border."
    )
    assert any("known as Skyguard" in t for t in texts(text)), texts(text)
