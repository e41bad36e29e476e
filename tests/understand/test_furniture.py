"""Page furniture (captions, credits, datelines, prompts, playlists, headlines) is not the story.

Every sentence here is written for these tests; none comes from the corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.understand import analyse
from briefing.understand._furniture import blank_furniture, furniture_spans

DEMO_GOLD = Path(__file__).resolve().parents[2] / "data" / "demo" / "gold"


def blanked(text: str) -> list[str]:
    return [text[s:e] for s, e in furniture_spans(text)]


def kept(text: str) -> str:
    return " ".join(blank_furniture(text).split())


def names(text: str) -> set[str]:
    return {a.name for a in analyse(text, "2026-03-02").actors}


PAGE = "\n".join(
    [
        "Harbour Pilots Walk Out As Ferry Talks Collapse In Valletta",
        "VALLETTA (Reuters) - The pilots' union said on Monday it would stop all ferry traffic.",
        "Image copyright Getty Images Image caption Ferries waited outside the breakwater",
        '"We have run out of patience," said Marta Zammit, the union\'s secretary.',
        "Sign up for our morning newsletter",
        "JUST WATCHED Pilots strike Replay More Videos ... MUST WATCH Pilots strike 02:14",
        "STORM OVER THE HARBOUR",
        "The ministry said it would meet the union on Wednesday.",
        "(Reporting by Ann Example; Editing by Bo Sample)",
    ]
)


def test_offsets_and_lines_survive_blanking() -> None:
    body = blank_furniture(PAGE)
    assert len(body) == len(PAGE)
    assert [i for i, c in enumerate(body) if c == "\n"] == [
        i for i, c in enumerate(PAGE) if c == "\n"
    ]
    for (start, end), line in zip(furniture_spans(PAGE), blanked(PAGE), strict=True):
        assert body[start:end].strip() == ""
        assert PAGE[start:end] == line


def test_records_slice_the_original_text() -> None:
    result = analyse(PAGE, "2026-03-02")
    assert result.quotes and result.events
    for q in result.quotes:
        assert PAGE[q.start : q.end] == q.text
    for r in result.red_lines:
        assert PAGE[r.start : r.end] == r.text
    for e in result.events:
        assert PAGE[e.start : e.end] == e.text


def test_no_record_comes_from_furniture() -> None:
    result = analyse(PAGE, "2026-03-02")
    spans = furniture_spans(PAGE)
    starts = [(q.start, q.end) for q in result.quotes]
    starts += [(r.start, r.end) for r in result.red_lines]
    starts += [(e.start, e.end) for e in result.events]
    for a in result.actors:
        starts.extend(a.spans)
    for s, e in starts:
        assert not any(fs < e and s < fe for fs, fe in spans), PAGE[s:e]
    found = {a.name for a in result.actors}
    assert "Getty Images" not in found
    assert not any("Sign" in n or "Harbour Pilots" in n or "Ann Example" in n for n in found)


def test_a_dateline_goes_and_its_sentence_stays() -> None:
    text = "RAMALLAH, West Bank \u2014 The council met on Sunday.\nNEW YORK (AP) \u2014 Trains ran."
    assert blanked(text) == ["RAMALLAH, West Bank \u2014 ", "NEW YORK (AP) \u2014 "]
    assert kept(text) == "The council met on Sunday. Trains ran."
    assert kept("TOKYO/SEOUL (Reuters) - Markets fell.") == "Markets fell."
    assert kept("(Reuters) - Shares rose.") == "Shares rose."


@pytest.mark.parametrize(
    ("line", "left"),
    [
        ("Crowds gathered on the quay at dawn. REUTERS/Ann Example", "Crowds gathered"),
        ("The mayor cuts the ribbon. (Photo: Bo Sample/AP)", "The mayor cuts the ribbon."),
        ("Image copyright Getty Images Image caption The old bridge closed in 2019", "The old"),
        ("FILE - In this photo the minister waves to reporters.", "In this photo"),
        ("Reuters A man walks past the closed terminal", "A man walks"),
        ("Ann Example / Reuters Police guard the gate", "Police guard"),
        ("Facebook Twitter Pinterest The square at night. Photograph: Bo Sample", "The square"),
    ],
)
def test_a_caption_loses_its_credit_and_keeps_its_words(line: str, left: str) -> None:
    rest = kept(line)
    assert rest.startswith(left)
    assert not any(w in rest for w in ("Getty", "REUTERS", "Photo:", "Photograph", "Pinterest"))
    assert "Reuters" not in rest and "/AP" not in rest


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our morning newsletter",
        "You must select a newsletter to subscribe to.",
        "Advertisement Continue reading the main story",
        "Share CLOSE WHAT YOU NEED TO KNOW ABOUT THE FERRIES",
        "JUST WATCHED Pilots strike Replay More Videos ... MUST WATCH Pilots strike 02:14",
        "Related: Five ferries that changed the island",
        "Read or Share this story: https://example.invalid/abc",
        "Enlarge this image toggle caption Ann Example/AP Ann Example/AP",
        "Photo",
        "By Ann Example",
        "Additional reporting by Bo Sample; Editing by Ann Example",
        "Bo Sample contributed to this report.",
        "Follow Ann Example on Twitter: @annexample",
        "Copyright 2026 The Example Press. All rights reserved.",
        "Harbour Agency | Updated: 2026-03-02 17:52",
        "WORST STORM IN A DECADE",
        "Port Workers Reject New Offer As Talks Stall",
        "Pressure mounts",
    ],
)
def test_a_widget_credit_or_heading_line_goes_whole(line: str) -> None:
    assert kept(line) == ""


def test_an_embedded_post_keeps_its_words_not_its_signature() -> None:
    line = (
        "The ferry is late again. pic.twitter.com/AbC123 "
        "\u2014 Pia Example (@piaexample) March 3, 2026"
    )
    assert kept(line) == "The ferry is late again."


def test_a_shouted_box_title_goes_and_its_text_stays() -> None:
    box = "THE NEW FERRY Since 2024 the island has run a second boat to the mainland."
    assert kept(box) == "Since 2024 the island has run a second boat to the mainland."
    # a speaker's label in a transcript is no title
    assert kept("ANN EXAMPLE: Welcome back to the programme.") == (
        "ANN EXAMPLE: Welcome back to the programme."
    )


def test_lines_of_links_go() -> None:
    links = "\n".join(
        [
            "The ferries ran on time all week.",
            "Island ferry hits the pier",
            "Why the pilots are angry",
            "Five things to know about the port",
        ]
    )
    assert kept(links) == "The ferries ran on time all week."


@pytest.mark.parametrize(
    "text",
    [
        '"We will not move."',
        '"Never again"',
        "The council voted on Tuesday.",
        "Reuters first reported the talks on Sunday.",
        "A Harbour Post/Bloomberg poll found most pilots back the strike.",
        "Close to 200 ferries were delayed, the ministry said.",
        "The NATO summit opened in Vilnius.",
        "Sign-ups for the ferry pass doubled, the operator said.",
        "She said: \u00a9 marks belong to the owners, not the port.",
        "UPDATE: The ministry said talks would resume on Friday.",
    ],
)
def test_prose_is_never_blanked(text: str) -> None:
    assert furniture_spans(text) == []


def test_demo_gold_has_only_datelines() -> None:
    """The demo articles are clean prose: nothing but a dateline is furniture, and no gold
    quote, red line or event touches what is blanked."""
    for path in sorted(DEMO_GOLD.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text = doc["text"]
        spans = furniture_spans(text)
        for start, end in spans:
            assert start == 0 or text[start - 1] == "\n", (path.name, text[start:end])
            assert text[start:end].rstrip().endswith(("-", "\u2014", "\u2013")), path.name
        gold = doc["gold"]
        for item in gold["quotes"] + gold["red_lines"] + gold["events"]:
            at = text.find(item["text"])
            if at >= 0:
                end = at + len(item["text"])
                assert not any(s < end and at < e for s, e in spans), (path.name, item["text"])


def test_headline_words_are_no_actors() -> None:
    text = (
        "Red Lines and Rising Hopes: Islanders Weigh New Ferry Deal\n"
        "Marta Zammit said the union would strike on Friday."
    )
    found = names(text)
    assert "Marta Zammit" in found
    assert not any("Rising Hopes" in n or "Red Lines" in n for n in found)


def test_a_note_that_someone_did_not_answer_is_furniture() -> None:
    text = (
        "The ferry company cancelled the sailing. The Harbour Gazette's request for comment was "
        "not immediately returned. Passengers waited on the quay.\n"
        "A spokeswoman for the port did not immediately respond to an email on Sunday.\n"
        "Valletta did not respond to the offer."
    )
    assert blanked(text) == [
        "The Harbour Gazette's request for comment was not immediately returned.",
        "A spokeswoman for the port did not immediately respond to an email on Sunday.",
    ]
    assert [e.text for e in analyse(text, "2026-11-29").events] == []


def test_reading_prompts_and_player_notices_are_furniture() -> None:
    text = (
        "The island marks its centenary this year. Click to read today's story.\n"
        "Your browser does not support iframes.\n"
        "The council met on Monday."
    )
    assert blanked(text) == [
        "The island marks its centenary this year. Click to read today's story.",
        "Your browser does not support iframes.",
    ]


def test_a_list_of_other_stories_under_its_heading_is_furniture() -> None:
    text = (
        "The ferry reached the island on Monday.\n"
        "MOST READ IN NEWS HARBOUR HORROR Gulls steal a whole pie from a tourist on the pier "
        "SNOW JOKE Village cut off for a week after the storm on Monday\n"
        "The harbour master said the crossing was calm."
    )
    assert blanked(text) == [
        "MOST READ IN NEWS HARBOUR HORROR Gulls steal a whole pie from a tourist on the pier "
        "SNOW JOKE Village cut off for a week after the storm on Monday"
    ]


def test_a_note_that_comment_was_sought_is_furniture() -> None:
    text = (
        "The ferry company cancelled all crossings on Monday. The Courier sought comment from "
        "the company on Monday. Local paper staff reached out to the mayor for comment.\n"
    )
    assert blanked(text) == [
        "The Courier sought comment from the company on Monday.",
        "Local paper staff reached out to the mayor for comment.",
    ]


def test_a_sentence_that_goes_on_past_its_request_for_comment_is_prose() -> None:
    # the note ends the sentence: furniture; the sentence that goes on to tell what the body
    # did is the article's prose, and none of it is blanked (not half of it either)
    text = (
        "When the Gazette sought comment from Harwell this week, a spokeswoman first asked to "
        "read the letters sent by Harwell staff (unlike its rival, Harwell had never asked the "
        "council for them). Harwell later said it was investigating.\n"
        "The Gazette sought comment from the council on Friday.\n"
    )
    assert blanked(text) == ["The Gazette sought comment from the council on Friday."]
    actors = {a.name: a.kind for a in analyse(text, "2026-11-29").actors}
    assert actors.get("Harwell") == "organization"
