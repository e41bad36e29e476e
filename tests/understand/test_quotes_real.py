"""Quotes as real news writes them: what is a quote, and where its words begin and end."""

from __future__ import annotations

from briefing.understand import Quote, analyse


def quotes(text: str) -> list[Quote]:
    return analyse(text, "2026-03-02").quotes


def test_a_record_or_a_poll_is_no_speaker() -> None:
    text = (
        "The valley lost a third of its farms in ten years, according to census data.\n\n"
        "Rents rose faster than wages, according to federal statistics.\n\n"
        "The ferry made money only twice, according to documents seen by the Coast Herald."
    )
    assert quotes(text) == []


def test_the_author_of_a_book_speaks_for_it() -> None:
    text = (
        "Earlier talks failed over a ransom, according to a recently published biography "
        "of the governor by the historian Irena Vasko."
    )
    (q,) = quotes(text)
    assert q.speaker == "Irena Vasko"
    assert q.text == "Earlier talks failed over a ransom"


def test_a_statement_from_someone_is_still_theirs() -> None:
    (q,) = quotes("The mill will shut in June, according to a statement from the owners.")
    assert q.text == "The mill will shut in June"
    assert q.speaker is not None and "owners" in q.speaker


def test_a_quotation_in_the_next_paragraph_is_a_quote_of_its_own() -> None:
    text = (
        '"The bridge reopens in spring," Mayor Ines Duarte said.\n\n'
        '"We will not wait for the ministry."'
    )
    found = quotes(text)
    assert [q.text.strip("\u201c\u201d\"' .,") for q in found] == [
        "The bridge reopens in spring",
        "We will not wait for the ministry",
    ]
    assert {q.speaker for q in found} == {"Ines Duarte"}


def test_quotations_around_their_cue_in_one_paragraph_stay_one_quote() -> None:
    text = (
        'Harbour master Tomas Reyes spoke to the crew. "We sail at dawn," Reyes said. '
        '"The storm has passed."'
    )
    (q,) = quotes(text)
    assert "We sail at dawn" in q.text and "The storm has passed" in q.text


def test_an_appeal_to_someone_is_what_the_speaker_says() -> None:
    text = (
        "Prime Minister Olga Brandt called on the neighbouring states to reopen the border "
        "crossings, saying trade had suffered."
    )
    found = quotes(text)
    assert found[0].text == "the neighbouring states to reopen the border crossings"
    assert found[0].speaker == "Olga Brandt"
    (q,) = quotes("The union urged the port authority to delay the vote, but managers refused.")
    assert q.text == "the port authority to delay the vote"


def test_calling_something_is_no_appeal() -> None:
    assert quotes("The referee called the match off at half time.") == []


def test_a_document_speaks_for_whoever_owns_it() -> None:
    (q,) = quotes("The ministry's statement said the tunnel would open in April.")
    assert q.speaker is not None and "ministry" in q.speaker
    assert "statement" not in q.speaker
    assert q.text == "the tunnel would open in April"


def test_a_quotation_after_saying_and_a_colon_is_the_content() -> None:
    (q,) = quotes(
        "Asked about the payments, the coach replied to the club's letter by saying only: "
        '"The board knows my answer."'
    )
    assert q.text == '"The board knows my answer."'
    assert q.direct


def test_a_phrase_of_time_or_channel_after_the_cue_is_not_said() -> None:
    (q,) = quotes("The harbour master said on Monday the ferries would run again.")
    assert q.text == "the ferries would run again"
    (q,) = quotes("The bakery said in a statement its ovens were safe.")
    assert q.text == "its ovens were safe"


def test_a_topic_after_the_cue_is_no_quote() -> None:
    assert quotes("Several parents complained about the new timetable.") == []
    assert quotes("The coach reported on the injuries after the match.") == []


def test_a_middle_initial_does_not_end_the_sentence() -> None:
    text = '"The dam will hold," Marta J. Kowal, an engineer with the agency, said on the radio.'
    (q,) = quotes(text)
    assert q.text == '"The dam will hold,"'


def test_an_act_inside_reported_words_is_part_of_them() -> None:
    (q,) = quotes("The keeper said two visitors attacked him near the gate.")
    assert q.text == "two visitors attacked him near the gate"
    assert q.speaker is not None and "keeper" in q.speaker


def test_quoted_as_saying_is_the_quoted_persons_words() -> None:
    (q,) = quotes(
        "Nadia Petrova is quoted in a local paper on Sunday as saying the mayor ignored her."
    )
    assert q.speaker == "Nadia Petrova"
    assert q.text == "the mayor ignored her"


def test_a_long_role_between_commas_still_names_the_speaker() -> None:
    text = (
        "Tomas Varga, director of the Centre for Water Policy at the Danube Institute of "
        "Technology in Budapest, said the reservoirs were half empty."
    )
    (q,) = quotes(text)
    assert q.speaker == "Tomas Varga"
    assert q.text == "the reservoirs were half empty"


def test_a_role_after_a_party_and_state_still_names_the_speaker() -> None:
    (q,) = quotes(
        "Sen. Ada Pruitt (D-Ore.), chairwoman of the budget panel, said the bill would pass."
    )
    assert q.speaker is not None and "Ada Pruitt" in q.speaker
    assert q.text == "the bill would pass"


def test_an_aside_between_the_cue_and_the_second_part_keeps_one_quote() -> None:
    text = (
        '"Each time you repeat that," Senator Ilse Moreau said, pointing at the chart, '
        '"you hand your critics a gift."'
    )
    (q,) = quotes(text)
    assert "Each time you repeat that" in q.text and "you hand your critics a gift" in q.text


def test_one_of_a_group_is_an_apposition() -> None:
    text = (
        '"We expected a fair hearing," Paul Okafor, the county treasurer, one of the officials '
        "who signed the appeal, said on Friday."
    )
    (q,) = quotes(text)
    assert q.speaker == "Paul Okafor"


def test_a_relative_that_after_the_object_opens_no_content() -> None:
    text = "The insurer agreed to pay a large fine over a leak that exposed many files."
    assert quotes(text) == []
    (q,) = quotes("The minister told a press conference on Monday that prices would fall.")
    assert q.text.endswith("prices would fall")


def test_a_quotation_over_several_paragraphs_is_one_quote_per_paragraph() -> None:
    text = (
        'The skipper looked back on the season. He added: "We lost the first four races.\n'
        '"Then the crew found its rhythm and we never looked back.\n'
        '"I would not change a single one of them."'
    )
    found = quotes(text)
    assert [q.text.strip("\u201c\u201d\"' .,\n") for q in found] == [
        "We lost the first four races",
        "Then the crew found its rhythm and we never looked back",
        "I would not change a single one of them",
    ]
    assert all("\n" not in q.text for q in found)


def test_a_second_past_verb_of_the_reported_clause_stays_in_it() -> None:
    (q,) = quotes("Inspector Mara Lind says the driver braked late and swerved into the hedge.")
    assert q.text == "the driver braked late and swerved into the hedge"
    found = quotes("The farmer said he earns little and questioned the new levy.")
    assert found[0].text == "he earns little"


def test_by_saying_gives_the_words_to_the_subject() -> None:
    (q,) = quotes(
        "A lawyer for the dock workers, Ruth Amsel, answered every question from reporters by "
        'saying only: "We will see them in court."'
    )
    assert q.text == '"We will see them in court."'
    assert q.speaker is not None
    assert "lawyer" in q.speaker.lower() or q.speaker == "Ruth Amsel"


def test_a_cue_after_but_and_an_auxiliary_is_the_subjects() -> None:
    found = quotes(
        'Pieter Hals has apologised for the delays but has denied "any wrongdoing at all."'
    )
    assert [(q.speaker, q.text) for q in found] == [("Pieter Hals", '"any wrongdoing at all."')]


def test_the_object_of_a_verb_after_a_title_is_no_speaker() -> None:
    text = (
        'Vance, the producer of "Night Train," admitted making a "poor choice" on the set and '
        "defended his record."
    )
    assert all(q.speaker != "making a" for q in quotes(text))
    assert all("producer of" not in q.text for q in quotes(text))


def test_whoever_is_quoted_as_saying_speaks() -> None:
    found = quotes(
        "The harbour was closed for a week, the paper reported, quoting the harbour master Ivo "
        'Brun as saying, "Nobody sails until the wreck is gone."'
    )
    assert [q.speaker for q in found if "Nobody sails" in q.text] == ["Ivo Brun"]
    text = '"The test was a full success," the state agency quoted General Oren Tal as saying.'
    (q,) = quotes(text)
    assert q.speaker == "Oren Tal"
    assert q.text == '"The test was a full success,"'


def speaker_of(text: str) -> tuple[str | None, str]:
    """The speaker of the sentence's one quote, and the words of its speaker span."""
    (q,) = quotes(text)
    assert q.speaker_span is not None
    return q.speaker, text[q.speaker_span[0] : q.speaker_span[1]]


def test_a_time_phrase_is_never_the_speaker() -> None:
    speaker, span = speaker_of("Port regulators this week said the new berths were safe.")
    assert span == "Port regulators"
    text = "A few days after the vote, Mayor Ines Duarte changed course, saying she regretted it."
    speaker, span = speaker_of(text)
    assert speaker == "Ines Duarte"
    assert "vote" not in span


def test_the_object_inside_a_speakers_modifier_is_not_the_speaker() -> None:
    text = "An engineer who inspected the bridge after the flood said the pillars were cracked."
    assert speaker_of(text)[1] == "An engineer"
    text = "Shoppers interviewed by the Coast Herald at the weekend said prices were too high."
    assert speaker_of(text)[1] == "Shoppers"
    text = (
        "Lina Ortiz, a researcher at a policy institute in Lima told the radio that exports fell."
    )
    assert speaker_of(text) == ("Lina Ortiz", "Lina Ortiz")
    text = "Norway's ambassador to the United Nations, Eva Lund, told reporters the vote was close."
    (q,) = quotes(text)
    assert q.speaker == "Eva Lund"
    assert q.text == "the vote was close"


def test_a_clause_after_a_subordinator_keeps_its_own_subject() -> None:
    text = (
        "The fans cheered the players, who were sent off after a referee accused them of cheating."
    )
    assert all("players" not in (q.speaker or "") for q in quotes(text))


def test_a_speakers_name_after_a_descriptor_is_the_mention() -> None:
    assert speaker_of("Harbour Lions assistant coach Marek Dobos said the team was shaken.") == (
        "Marek Dobos",
        "Marek Dobos",
    )
    assert speaker_of("Oslo-based analyst Kari Vik said demand would recover.")[1] == "Kari Vik"
    # a name after a plain descriptor keeps it: the descriptor says what the name is
    assert speaker_of("The regional newspaper Kurier said the mayor had resigned.")[1] != "Kurier"


def test_the_one_who_issued_a_statement_speaks_it() -> None:
    text = (
        "A week after his first remarks, Tomas Brekk issued another statement saying that the "
        'union "must be heard".'
    )
    assert speaker_of(text) == ("Tomas Brekk", "Tomas Brekk")


def test_a_role_for_someone_and_a_noun_in_ly_stay_in_the_speaker() -> None:
    text = "A lawyer for the Berg family said the case was closed."
    assert speaker_of(text)[1] == "A lawyer for the Berg family"


def test_a_headline_verb_in_title_case_is_a_cue() -> None:
    text = "Mayor Ines Duarte Says Harbour Bridge Will Reopen Next Spring.\n\nThe works go on."
    (q,) = quotes(text)
    assert q.text == "Harbour Bridge Will Reopen Next Spring"
    assert q.speaker_span is not None
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "Mayor Ines Duarte"
    text = "Harbour Bridge Will Reopen Next Spring, Mayor Ines Duarte Says.\n\nThe works go on."
    assert [q.text for q in quotes(text)] == ["Harbour Bridge Will Reopen Next Spring"]
    # in running prose a capitalised cue still opens a sentence, not a statement
    assert quotes("Says who? Nobody in the village could tell.") == []


def test_a_poll_or_a_record_shows_what_it_reports() -> None:
    (q,) = quotes("A new poll shows the mayor leading the race by six points.")
    assert q.text == "the mayor leading the race by six points"
    (q,) = quotes("Court records showed payments to the firm in 2019.")
    assert q.text == "payments to the firm in 2019"
    assert quotes("The film shows the coast at dawn.") == []


def test_according_to_in_the_middle_of_a_clause_gives_the_whole_clause() -> None:
    (q,) = quotes("Her plan, according to two aides, was to resign in May.")
    assert q.text == "Her plan, according to two aides, was to resign in May"
    found = quotes(
        "The talks moved on, with both sides at the table, according to Ivo Brun, the envoy."
    )
    assert [q.text for q in found] == ["The talks moved on, with both sides at the table"]


def test_according_to_without_a_comma_at_the_end_of_a_sentence() -> None:
    (q,) = quotes("Ferry traffic fell by a third last year according to the port authority.")
    assert q.text == "Ferry traffic fell by a third last year"


def test_a_record_named_inside_a_source_does_not_make_it_a_record() -> None:
    text = "The network will spend more on the race, according to people familiar with its plans."
    (q,) = quotes(text)
    assert q.text == "The network will spend more on the race"


def test_a_weekday_or_a_capitalised_source_noun_before_the_cue() -> None:
    (q,) = quotes("A new survey released Friday shows that most tenants want the rent cap.")
    assert q.text == "that most tenants want the rent cap"
    assert q.speaker_span is not None
    (q,) = quotes("Sources say the ferry contract will be signed next week.")
    assert q.text == "the ferry contract will be signed next week"


def test_calling_something_a_name_without_quotation_marks() -> None:
    (q,) = quotes("The council called the new charges unfounded and unfair.")
    assert q.text == "the new charges unfounded and unfair"
    (q,) = quotes("The coach has called the referee a disgrace to the sport.")
    assert q.text == "the referee a disgrace to the sport"
    assert quotes("The mayor called the police on Tuesday.") == []
    assert quotes("The union called a meeting for Friday.") == []


def test_a_pronoun_and_is_before_the_cue_is_the_speaker() -> None:
    (q,) = quotes("Mayor Ines Duarte spoke first. She’s claiming that the bridge is safe.")
    assert q.text == "that the bridge is safe"
    assert q.speaker_span is not None


def test_knowing_that_something_is_so_is_a_claim() -> None:
    (q,) = quotes("The inspectors know from the logs that the valve failed twice.")
    assert q.text == "that the valve failed twice"
    assert quotes("Here is what most tenants don't know: the lease can be broken.") == []
    assert quotes("The families waited before they knew whether the crew was safe.") == []
    assert quotes("She knew him well.") == []


def test_the_question_someone_asked_is_what_they_said() -> None:
    (q,) = quotes("A reporter asked if the cuts meant that the ferry would stop.")
    assert q.text == "if the cuts meant that the ferry would stop"
    (q,) = quotes("The senator asked whether the agency could meet the target.")
    assert q.text == "whether the agency could meet the target"


def test_an_endorsement_backs_its_object() -> None:
    (q,) = quotes("Most of the county mayors have endorsed Mrs. Berg.")
    assert q.text == "Mrs. Berg"
    (q,) = quotes("The harbour paper endorsed her on Friday, breaking with tradition.")
    assert q.text == "her"
    assert quotes("A faction that has been endorsed by the council split off.") == []


def test_a_cue_in_ing_after_is_has_its_subject() -> None:
    (q,) = quotes("The harbour authority is saying that the berths will reopen.")
    assert q.text == "that the berths will reopen"
    assert q.speaker_span is not None


def test_a_phrase_set_off_by_commas_between_subject_and_cue() -> None:
    text = 'Mayor Ines Duarte, at a later briefing, said, "The bridge is safe."'
    (q,) = quotes(text)
    assert q.speaker == "Ines Duarte"
    assert q.text == '"The bridge is safe."'


def test_that_after_a_place_with_commas_still_opens_the_content() -> None:
    (q,) = quotes("Duarte says at a rally in Porto, Portugal, that the tolls will go.")
    assert q.text == "that the tolls will go"


def test_a_long_description_after_an_opening_name_is_an_apposition() -> None:
    text = (
        "Marta Lind, senior associate for tenant organizing at the Harbour Housing Institute, "
        "said rents had doubled."
    )
    (q,) = quotes(text)
    assert q.speaker == "Marta Lind"
    assert q.text == "rents had doubled"


def test_a_clause_between_commas_is_no_apposition() -> None:
    text = (
        "Fares would rise for most, but for some, the savings would outweigh the costs, said Ruiz."
    )
    (q,) = quotes(text)
    assert q.text.startswith("Fares would rise")
    assert q.speaker_span is not None
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "Ruiz"


def test_an_aside_between_dashes_after_the_name() -> None:
    text = "Ruiz -- author of a book on the port strikes -- said the union would win."
    (q,) = quotes(text)
    assert q.speaker == "Ruiz"
    assert q.text == "the union would win"


def test_a_time_after_the_cue_of_a_quotation_is_no_content() -> None:
    text = '"We never gave up," she said two weeks after the rescue, and the crowd cheered.'
    (q,) = quotes(text)
    assert q.text == '"We never gave up,"'


def test_set_phrases_and_nouns_that_look_like_cues_are_no_statements() -> None:
    assert quotes("It's worth noting that the ferry never ran on time.") == []
    assert quotes("Having said that, the council kept the old timetable.") == []
    assert quotes("The ruling sparked mass protests across the region.") == []


def test_tell_and_maintained_need_a_clause_of_their_own() -> None:
    assert quotes("The new museum will tell a story of hardship and hope.") == []
    assert quotes("The home side maintained a narrow lead until the break.") == []
    (q,) = quotes("Ola Brekk maintained that the vote had been fair.")
    assert q.text == "that the vote had been fair"


def test_a_quotation_right_after_the_cue_is_the_content() -> None:
    text = (
        'Asked about the strike, Mayor Ines Duarte simply said "we will talk", as she walked '
        "into the hall."
    )
    (q,) = quotes(text)
    assert q.text.rstrip(",") == '"we will talk"'


def test_a_relative_pronoun_speaker_has_nothing_said_before_it() -> None:
    text = (
        "Governor Ada Pruitt, who vowed to close the plant when she took office, said the "
        "deal was done."
    )
    assert all(q.text != "Governor Ada Pruitt" for q in quotes(text))


# ---------------------------------------------- words a reader cannot read as said (#13)


def _doubtful(text: str, words: str) -> bool:
    from briefing.understand.records import CONFIDENT

    found = [q for q in quotes(text) if words in q.text]
    return all(q.confidence < CONFIDENT for q in found)


def test_the_object_of_a_verb_that_takes_a_thing_is_no_statement() -> None:
    text = "The bank last year disclosed two separate breaches which exposed a million accounts."
    assert _doubtful(text, "two separate breaches")
    text = "On Friday, Ada Voss revealed the design in a slideshow posted to her page."
    assert _doubtful(text, "the design")
    # what is revealed may be a clause
    text = "Ada Voss revealed the company would move its offices to the coast."
    assert not _doubtful(text, "the company would move")


def test_a_quotation_that_runs_into_the_reporters_words_is_doubtful() -> None:
    text = (
        "Hours after Mr. Voss said that \u201cthe emergency cannot last for ever,\u201d a van "
        "drove into the crowd on the seafront."
    )
    assert _doubtful(text, "a van")
    text = (
        "The airline said at the time it does 'not tolerate unfair treatment,' but the "
        "association did cite several cases that suggest otherwise."
    )
    assert _doubtful(text, "association")


def test_words_cut_by_a_tag_inside_their_sentence_are_doubtful() -> None:
    text = (
        "It would also make sense, Pell Marsh says, for the firm to build its own chips. "
        "The firm declined to comment."
    )
    assert _doubtful(text, "make sense")


def test_what_a_host_believes_someone_said_is_hearsay() -> None:
    text = (
        "MARSH: I believe the mayor has said that the van was full of explosives. "
        "Can you tell us more?"
    )
    assert _doubtful(text, "the van was full")


def test_the_company_said_is_no_public_bodys_word() -> None:
    text = (
        "The rocket will lift off from the Lindmark Space Center on Tuesday. "
        "The company said it is open to ideas from the public on what to carry."
    )
    found = [q for q in quotes(text) if "open to ideas" in q.text]
    assert all(q.speaker != "Lindmark Space Center" or q.confidence < 0.5 for q in found)


def test_reported_words_about_they_or_a_persons_it_point_back_to_something_unnamed() -> None:
    text = (
        "Minister Ada Voss visited the girls in hospital. "
        "She said they would stay there for some time."
    )
    assert _doubtful(text, "would stay there")
    text = "The airline's spokesman Pell Marsh said it was trying to find out what happened."
    assert _doubtful(text, "trying to find out")
    # a body's "it" is the body itself; "it was hard to …" points back to nothing
    text = "Harwell Chemicals said it was trying to find out what happened."
    assert not _doubtful(text, "trying to find out")
    text = "Minister Ada Voss said it was necessary to close the bridge for a week."
    assert not _doubtful(text, "necessary to close")


def test_a_noun_phrase_with_well_being_in_it_is_still_no_clause() -> None:
    text = (
        "The association issued a statement announcing a travel advisory warning passengers "
        "about their safety and well being when flying with Skyhaven."
    )
    assert _doubtful(text, "a travel advisory")
