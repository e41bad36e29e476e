"""Who said what: each pattern from issue 4, as a reader would check it."""

from __future__ import annotations

from briefing.understand import Quote, analyse


def quotes(text: str, published: str | None = "2026-11-25") -> list[Quote]:
    return analyse(text, published).quotes


def only(text: str, published: str | None = "2026-11-25") -> Quote:
    found = quotes(text, published)
    assert len(found) == 1, found
    return found[0]


def test_speaker_via_an_outlet() -> None:
    text = (
        "Chancellor Friedrich Merz spoke in Berlin.\n\n"
        '"Europe will not be a bystander," Merz said, according to Frankfurter Allgemeine Zeitung.'
    )
    q = only(text)
    assert q.speaker == "Friedrich Merz"
    assert q.via == "Frankfurter Allgemeine Zeitung"
    assert q.direct
    assert q.text.strip('",') == "Europe will not be a bystander"


def test_inverted_cue_with_title_and_date() -> None:
    q = only('"The West is weak," said President of Russia Vladimir Putin on 21 November.')
    assert q.speaker == "Vladimir Putin"
    assert q.date == "2026-11-21"
    assert q.speaker_span is not None
    s, e = q.speaker_span
    assert "Putin" in analyse_text_slice(s, e)


def analyse_text_slice(s: int, e: int) -> str:
    return '"The West is weak," said President of Russia Vladimir Putin on 21 November.'[s:e]


def test_pronoun_resolves_to_the_person_the_passage_is_about() -> None:
    text = (
        "Marta Kowalczyk has led the dockworkers for a decade. She grew up in Gdansk.\n\n"
        '"We will stay out as long as it takes," she wrote.'
    )
    q = only(text)
    assert q.speaker == "Marta Kowalczyk"
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "she"  # type: ignore[index]


def test_he_wrote_after_a_full_name() -> None:
    text = 'Senator Ted Cruz posted a long letter. "I cannot support him," he wrote.'
    q = only(text)
    assert q.speaker == "Ted Cruz"
    assert q.cue == "wrote"


def test_split_quote_is_one_record() -> None:
    text = 'Anja Sorensen spoke last. "First part," she said, "second part."'
    q = only(text)
    assert q.speaker == "Anja Sorensen"
    assert "First part" in q.text and "second part" in q.text


def test_reported_speech_with_noted_that() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke to reporters. "
        "Peskov noted that discussing the document via media is inappropriate."
    )
    q = only(text)
    assert q.speaker == "Dmitry Peskov"
    assert not q.direct
    assert "discussing the document via media is inappropriate" in q.text


def test_the_minister_is_the_minister_named_earlier() -> None:
    text = (
        "Foreign Minister Annalena Baerbock arrived late in Brussels.\n\n"
        '"We are not naive about Moscow," the minister said.'
    )
    q = only(text)
    assert q.speaker == "Annalena Baerbock"


def test_the_chancellor_named_earlier_by_apposition() -> None:
    text = (
        "Friedrich Merz, the German chancellor, flew to Kyiv.\n\n"
        '"Ukraine can count on us," the chancellor said.'
    )
    assert only(text).speaker == "Friedrich Merz"


def test_curly_quotes_and_multi_paragraph_quote() -> None:
    text = (
        "Ruth Penhale said the village had waited long enough:\n\n"
        "\u201cThe water has been poisoned for twelve years.\n\n"
        "\u201cNobody in Alder Cross will forget it.\u201d"
    )
    found = [q for q in quotes(text) if q.direct]
    assert len(found) == 1
    assert "twelve years" in found[0].text and "forget it" in found[0].text
    assert found[0].speaker == "Ruth Penhale"


def test_according_to_a_person() -> None:
    q = only("According to Hendrik de Vries, the employers have raised their offer twice.")
    assert q.speaker == "Hendrik de Vries"
    assert q.text.startswith("the employers have raised")
    assert not q.direct


def test_organisation_as_speaker_and_alias() -> None:
    text = "The Kremlin said on Tuesday that the talks had been useful."
    q = only(text)
    assert q.speaker == "Russia"


def test_continuation_sentence_joins_the_quote() -> None:
    text = (
        '"This is not a take-it-or-leave-it document," Steve Witkoff said. '
        '"But it is the most serious offer either side has seen."'
    )
    q = only(text)
    assert q.speaker == "Steve Witkoff"
    assert q.text.endswith('seen."')


def test_transcript_turns() -> None:
    text = "WALLACE: Will she be there tomorrow?\n\nPENCE: She will not be attending the debate."
    found = quotes(text)
    assert [text[q.speaker_span[0] : q.speaker_span[1]] for q in found] == ["WALLACE", "PENCE"]  # type: ignore[index]


def test_scare_quotes_alone_are_not_statements() -> None:
    assert quotes('The so-called "peace plan" was published on Monday.') == []


def test_text_without_speech_has_no_quotes() -> None:
    assert quotes("Container traffic at Rotterdam came almost to a standstill.") == []


def test_said_colon_then_the_quotation() -> None:
    text = "Lars Holm, the chief executive, said:\n\n\u201cWe cannot absorb that cost.\u201d"
    q = only(text)
    assert q.speaker == "Lars Holm"
    assert q.direct and "absorb that cost" in q.text


def test_she_skips_a_place_named_like_a_person() -> None:
    text = (
        "Nadia Brook, the chief engineer, said the Kettering Mill embankment was due for repairs. "
        '"The river did not wait for the list," she said.'
    )
    assert [q.speaker for q in quotes(text)] == ["Nadia Brook", "Nadia Brook"]


def test_pronoun_gender_from_the_given_name() -> None:
    text = (
        "Peter Voss ran the site for a decade. Under cross-examination, Miriam Castell asked "
        'about his pension. "My pension has nothing to do with the tanks," he replied.'
    )
    q = [q for q in quotes(text) if q.direct][0]
    assert q.speaker == "Peter Voss"


def test_subject_before_an_object_as_the_antecedent() -> None:
    text = (
        "Volodymyr Zelensky said he had been briefed by Steve Witkoff by phone. "
        "Ukraine would accept a ceasefire, he added."
    )
    assert quotes(text)[-1].speaker == "Volodymyr Zelensky"


def test_british_single_quotation_marks() -> None:
    text = (
        "Keir Starmer visited the port. \u2018We will not stand by while jobs go,\u2019 "
        "Starmer said, \u2018and we will say so.\u2019"
    )
    q = only(text)
    assert q.speaker == "Keir Starmer"
    assert q.direct
    assert "stand by" in q.text and "say so" in q.text


def test_british_quotations_in_straight_single_marks() -> None:
    # a statement printed in straight single marks: two quotations, the speaker named between
    # them, each its own sentence; apostrophes ("riders'", "board's") open or close nothing
    text = (
        "The union released a statement on Monday: 'Our riders' patience has run out.' "
        "'Every rider must be able to travel safely,' said Jane Mole, the head of the Riders "
        "Union. 'We expect to meet the board's chairman this week. Until the faults are put "
        "right, our boycott will stand.'"
    )
    found = quotes(text)
    by_mole = [q for q in found if q.speaker == "Jane Mole"]
    assert any(q.text.startswith("'Every rider must") and q.direct for q in by_mole), found
    assert any("our boycott will stand" in q.text for q in by_mole), found
    lines = analyse(text, "2026-11-25").red_lines
    assert ("Jane Mole", "Until the faults are put right, our boycott will stand") in [
        (r.holder, r.text) for r in lines
    ]


def test_straight_apostrophes_are_not_quotation_marks() -> None:
    text = "Jane Mole said the riders' fares in the '90s were the council's 'fairest ever'."
    q = only(text)
    assert not q.direct
    assert q.text.startswith("the riders' fares")


def test_a_subheading_in_straight_single_marks_is_no_quote() -> None:
    text = (
        '"The trams will run again," said Jane Mole.\n\n'
        "'The Depot Is Not the Problem.'\n\n"
        "The depot opened in 1931."
    )
    assert [q.text for q in quotes(text)] == ['"The trams will run again,"']


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "The union\u2019s leader said the employers\u2019 offer wasn\u2019t enough."
    q = only(text)
    assert not q.direct
    assert q.text == "the employers\u2019 offer wasn\u2019t enough"


def test_chained_appositions_and_but_ends_the_content() -> None:
    text = (
        "Sen. Lindsey Graham, R-S.C., a longtime supporter of Ukraine, called the package "
        '"a good start" but warned that Republicans would block further funding.'
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["Lindsey Graham", "Lindsey Graham"]
    assert found[0].text == 'the package "a good start"'
    assert found[1].text == "that Republicans would block further funding"


def test_he_is_the_speaker_not_the_person_spoken_to() -> None:
    text = (
        '"We are with you," Blinken told President Volodymyr Zelenskyy. '
        "He added that Washington expected reforms."
    )
    assert [q.speaker for q in quotes(text)] == ["Blinken", "Blinken"]


def test_channel_after_reported_speech_is_via() -> None:
    text = (
        "The Prime Minister, Keir Starmer, said on Sunday that Britain would not rejoin the "
        "customs union, in an interview with the BBC."
    )
    q = only(text)
    assert q.speaker == "Keir Starmer"
    assert q.via == "BBC"
    assert q.text == "that Britain would not rejoin the customs union"


def test_speaking_to_an_outlet_is_via() -> None:
    text = (
        "Speaking to The Times, the shadow chancellor Mel Stride said the plan was a tax on jobs."
    )
    q = only(text)
    assert (q.speaker, q.via) == ("Mel Stride", "The Times")


def test_two_apostrophes_as_quotation_marks() -> None:
    text = "''Free trade really helps working people,'' Senator Ron Wyden said on Tuesday."
    q = only(text)
    assert q.speaker == "Ron Wyden"
    assert q.text == "''Free trade really helps working people,''"
    assert not q.direct  # as in PolNeAR's gold: no double quotation marks


def test_name_before_two_appositions() -> None:
    text = (
        "Mark Ellery, head teacher of St Aidan's Primary, one of the five schools, said "
        "attendance had fallen by a third."
    )
    q = only(text)
    assert q.speaker == "Mark Ellery"


def test_possessive_role_names_the_holder() -> None:
    text = (
        "Mayor Elena Brandt opened the session.\n\n"
        "Later, Northfield's mayor said she welcomed the audit."
    )
    assert only(text).speaker == "Elena Brandt"


def test_unknown_verb_after_a_quotation_with_its_comma_inside() -> None:
    q = only("\u201cI would say this,\u201d Trump answered. ")
    assert (q.speaker, q.cue) == ("Trump", "answered")


def test_tails_with_parentheses_and_subordinate_clauses() -> None:
    found = quotes(
        '"That is a problem for the party," said Rep. Jim Clyburn (D-S.C.), a party leader. '
        '"Safe abortion should be a right," Hillary Clinton tweeted shortly after the ruling. '
        '"I think Bernie Sanders is that candidate," Sanders said while campaigning in Iowa.'
    )
    assert [q.speaker for q in found] == ["Jim Clyburn", "Hillary Clinton", "Sanders"]


def test_a_town_that_speaks_is_not_the_he_of_the_next_sentence() -> None:
    text = (
        "Ole Brandt grew up in Lindmark. Lindmark said nothing on Monday. "
        "He said the town needed a new bridge."
    )
    found = quotes(text)
    assert found[-1].speaker == "Ole Brandt"
    assert "Lindmark" not in {a.name for a in analyse(text, "2026-11-25").actors}


def test_a_visited_town_is_a_place() -> None:
    text = "Vera Holt visited Torvik on Monday. Torvik said little. She said it was cold."
    assert quotes(text)[-1].speaker == "Vera Holt"


def test_the_role_with_its_modifier_picks_the_matching_holder() -> None:
    text = (
        "Finance minister Karin Moe met interior minister Jonas Falk on Monday. "
        '"We are ready," the finance minister said.'
    )
    assert only(text).speaker == "Karin Moe"
    text = (
        "Union leader Birte Sand met opposition leader Ruth Eng. "
        '"We will strike," the union leader said.'
    )
    assert only(text).speaker == "Birte Sand"


def test_the_president_is_not_the_vice_president() -> None:
    text = 'President Mira Stone met Vice President Ola Hegg. "We are ready," the president said.'
    assert only(text).speaker == "Mira Stone"
    text = (
        "Press secretary Eli Dunn spoke after Secretary of State Mark Ode. "
        '"No," the secretary said.'
    )
    assert only(text).speaker == "Mark Ode"


def test_councillor_is_a_title() -> None:
    text = 'Councillor Aino Rask opened the meeting. "We start now," the councillor said.'
    assert only(text).speaker == "Aino Rask"


def test_quotation_after_a_colon_belongs_to_the_clause_before_it() -> None:
    q = only('Transport minister Ruth Aal was blunt: "Fix the trains or lose the contract."')
    assert q.direct
    assert q.speaker == "Ruth Aal"
    assert q.text.strip('"') == "Fix the trains or lose the contract."


def test_colon_speaker_is_the_name_nearest_the_colon() -> None:
    text = 'The reply from Ole Nes, the port director: "We will not move an inch."'
    assert only(text).speaker == "Ole Nes"
    text = 'In a radio interview on Monday, Ida Berg went further: "We will not give in."'
    assert only(text).speaker == "Ida Berg"


def test_colon_after_a_possessive_is_the_person_before() -> None:
    text = 'Karin Moe read the plan twice. Her verdict on it: "The plan is dead."'
    assert quotes(text)[-1].speaker == "Karin Moe"


def test_a_sign_or_a_short_title_after_a_colon_is_no_statement() -> None:
    assert quotes('Ida Berg held up a banner with the slogan: "Hands off our port."') == []
    assert quotes('Ida Berg named her new book: "Harbour".') == []


def test_bylines_counts_and_name_lists_are_not_transcript_turns() -> None:
    text = (
        "Contributing: Nora Vik, Kelby Post\n\n"
        "Ostmark: 1,204\n\n"
        "Torvik: Anna Berg, Lars Holm, Per Dahl, Eva Lind\n\n"
        "Email: desk@example.org"
    )
    assert quotes(text) == []
    (turn,) = quotes("BERG: We will not give in, and the port stays shut.")
    assert turn.speaker == "BERG"


def test_whoever_issued_the_statement_speaks() -> None:
    text = "The Kelby Dockers Union issued a statement saying the strike would go on."
    q = only(text)
    assert q.speaker == "Kelby Dockers Union"
    assert q.text == "the strike would go on"


def test_said_of_and_said_about_after_a_quotation_are_no_content() -> None:
    q = only('"We got into a panic at first," Ivo Lamm said of the flood warning.')
    assert q.direct and q.speaker == "Ivo Lamm"
    assert q.text.strip('",') == "We got into a panic at first"
    q = only('"She promised to meet us," Ada Frost said about the mayor.')
    assert q.direct and q.text.strip('",') == "She promised to meet us"


def test_a_participle_after_the_quotation_ends_it() -> None:
    q = only('Ruth Aal joked, "You are all being ridiculous," drawing loud jeers.')
    assert q.speaker == "Ruth Aal"
    assert q.text.strip('",') == "You are all being ridiculous"


def test_a_straight_mark_closed_by_a_curly_one() -> None:
    text = '"The harbour will not close this winter,\u201d said Daniel Berg, who runs the port.'
    q = only(text)
    assert q.speaker == "Daniel Berg"
    assert q.direct
    assert q.text.startswith('"The harbour') and q.text.rstrip(",\u201d").endswith("winter")


def test_a_number_after_the_cue_is_when_not_what() -> None:
    q = only('"I cannot believe how calm it is," Ilse Varga said 30 minutes into the debate.')
    assert q.direct and q.speaker == "Ilse Varga"
    assert "30 minutes" not in q.text


def test_the_clause_nearest_the_colon_speaks() -> None:
    text = 'Ida Berg grew so upset that we changed our answer: "Of course we will stay."'
    q = only(text)
    assert q.speaker_span is not None
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "we"


def test_calling_someone_a_quoted_name_after_an_opening_phrase() -> None:
    text = (
        'Speaking at a rally in Torvik, Ida Berg went after Ole Nes, calling him "a total coward."'
    )
    q = only(text)
    assert q.speaker == "Ida Berg"
    assert q.direct and "a total coward" in q.text


def test_called_for_is_not_naming() -> None:
    assert [q.cue for q in quotes('Ida Berg called for a "full inquiry" into the port.')] == []


def test_according_to_after_a_conjunction_precedes_the_content() -> None:
    text = "Ida Berg skipped the vote because, according to Ole Nes, the count was rigged."
    q = only(text)
    assert q.speaker == "Ole Nes"
    assert q.text == "the count was rigged"
    assert not q.direct


def test_a_quoted_show_name_before_that_is_not_the_content() -> None:
    text = 'Ida Berg told Kelby Radio\'s "Morning Harbour Show" that the strike would go on.'
    q = only(text)
    assert q.speaker == "Ida Berg"
    assert q.text.removeprefix("that ") == "the strike would go on"


def test_who_leads_the_union_makes_the_union_leader() -> None:
    text = (
        "Birte Sand, who leads the Kelby dockers' union, met Ruth Eng, the opposition leader. "
        '"We will strike," the union leader said.'
    )
    assert only(text).speaker == "Birte Sand"


def test_a_share_of_those_asked_is_a_speaker() -> None:
    q = only("But six in 10 said they want the next mayor to keep those policies.")
    assert q.speaker == "six in 10"
    assert q.text.startswith("they want")


def test_content_first_after_an_opening_prepositional_phrase() -> None:
    text = "In that last step, officers can search social media, federal officials said."
    q = only(text)
    assert q.speaker_span is not None and text[q.speaker_span[0] : q.speaker_span[1]] in (
        "officials",
        "federal officials",
    )
    assert q.text.startswith("In that last step, officers can search")


def test_reported_clause_starts_at_its_own_subject_not_at_a_later_that() -> None:
    q = only("Ida Berg said she slowly came to see that the port had lied.")
    assert q.text == "she slowly came to see that the port had lied"


def test_here_or_there_between_subject_and_cue() -> None:
    q = only("Dock workers there said the cranes had stood idle since June.")
    assert q.speaker == "Dock workers"
    assert q.text == "the cranes had stood idle since June"


def test_a_question_put_by_someone_named_is_theirs() -> None:
    text = '"Absolutely," Ida Berg said when asked by a reporter if that was still her view.'
    found = quotes(text)
    assert [q.speaker for q in found] == ["Ida Berg", "a reporter"]
    assert found[1].text == "if that was still her view"
    assert not found[1].direct


def test_asked_about_a_topic_is_no_quotation_and_takes_no_continuation() -> None:
    text = (
        '"It has been seven years," Ole Nes said, asked about the delay. '
        '"Why should I be surprised?"'
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["Ole Nes"]
    assert found[0].text.endswith('surprised?"')


def test_an_unnamed_role_of_a_town_speaks_and_is_the_she_after_it() -> None:
    text = 'Northfield\'s mayor said the depot would open in spring. "It is overdue," she said.'
    found = quotes(text)
    assert [q.speaker for q in found] == ["Northfield's mayor", "Northfield's mayor"]
    assert "Northfield's mayor" not in {a.name for a in analyse(text, "2026-11-25").actors}


def test_says_she_thinks_is_one_statement_of_hers() -> None:
    text = "Stacy Berg of Torvik says she really thinks the ferry can be saved."
    q = only(text)
    assert q.speaker == "Stacy Berg"
    assert q.text == "she really thinks the ferry can be saved"


def test_the_outlet_a_speaker_told_or_spoke_to_is_the_via() -> None:
    cases = {
        '"We will not be hurried," Mayor Ylva Strand told the Lake Courier.': "Lake Courier",
        '"The depot stays," Oskar Brun told Harbour Beat on Friday.': "Harbour Beat",
        "In an interview with the Valley Ledger, Oskar Brun said the mill would close.": (
            "Valley Ledger"
        ),
        '"Nobody asked us," Oskar Brun said, speaking to Fjord radio.': "Fjord radio",
    }
    for text, via in cases.items():
        quotes = analyse(text, "2026-11-25").quotes
        assert [(q.speaker, q.via) for q in quotes] == [(quotes[0].speaker, via)], text
        assert quotes[0].speaker in ("Ylva Strand", "Oskar Brun")


def test_an_outlet_told_is_no_actor() -> None:
    found = analyse('"The depot stays," Oskar Brun told Harbour Beat.', "2026-11-25")
    assert [a.name for a in found.actors] == ["Oskar Brun"]


def test_telling_a_person_is_no_via() -> None:
    quotes = analyse('"The depot stays," Oskar Brun told Maria Lund.', "2026-11-25").quotes
    assert [(q.speaker, q.via) for q in quotes] == [("Oskar Brun", None)]


def test_a_forum_told_is_no_via() -> None:
    text = '"We were misled," Oskar Brun told the Varnholm District Court.'
    quotes = analyse(text, "2026-11-25").quotes
    assert [(q.speaker, q.via) for q in quotes] == [("Oskar Brun", None)]


def test_conceding_defeat_is_no_statement_but_conceding_a_clause_is() -> None:
    assert analyse("The challenger Rolf Imre conceded defeat on Sunday.", "2026-11-25").quotes == []
    quotes = analyse("Rolf Imre conceded the count had been slow.", "2026-11-25").quotes
    assert [(q.speaker, q.text) for q in quotes] == [("Rolf Imre", "the count had been slow")]


def test_an_accusation_is_credited_to_the_accuser() -> None:
    quotes = analyse("Minister Ines Obi accused the dock front of stalling.", "2026-11-25").quotes
    assert [q.speaker for q in quotes] == ["Ines Obi"]


def test_according_to_a_statement_from_someone_is_theirs() -> None:
    text = (
        "Lena Moor runs the fisheries portfolio. The quota deal is off, according to a "
        "statement from her ministry. The ferry will run, according to a letter from Jon Ekdal."
    )
    quotes = analyse(text, "2026-11-25").quotes
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Lena Moor", "The quota deal is off"),
        ("Jon Ekdal", "The ferry will run"),
    ]
    assert text[slice(*quotes[0].speaker_span)] == "her ministry"


def test_she_after_a_role_named_speaker_is_that_speaker() -> None:
    text = (
        "Ruth Amsel takes over the province in May. Anton Vos, the outgoing governor, left on "
        'Friday. The governor-designate said the ferry grant would stay. "We cannot keep '
        'cutting," she said.'
    )
    quotes = analyse(text, "2026-11-25").quotes
    assert [q.speaker for q in quotes] == ["The governor-designate"] * 2
    text = (
        "Governor Ruth Amsel toured the port. Anton Vos, the harbour master, joined her. The "
        'governor said the ferry grant would stay. "We cannot keep cutting," she said.'
    )
    assert [q.speaker for q in analyse(text, "2026-11-25").quotes] == ["Ruth Amsel"] * 2


def test_a_participle_after_the_main_verb_speaks_for_the_sentence_subject() -> None:
    text = (
        "Ola Brekk, who chairs the trawler association, rejected a draft accord late on "
        "Monday, saying it ignored the small boats."
    )
    quotes = analyse(text, "2026-11-25").quotes
    assert [(q.speaker, q.text) for q in quotes] == [("Ola Brekk", "it ignored the small boats")]


def test_they_after_a_plural_group_speaker_is_that_group() -> None:
    text = (
        'Relief agencies said the pass road was shut. "We need access now," they said. '
        '"The flour lasts a week," said relief agencies working in the valley.'
    )
    quotes = analyse(text, "2026-11-25").quotes
    assert [q.speaker for q in quotes] == ["Relief agencies", "Relief agencies", "relief agencies"]
