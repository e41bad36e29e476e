"""The label builder: places or parties, then the kind of story, on small invented storylines."""

from __future__ import annotations

import re

import pytest

from briefing.storylines._grouper import Grouper, Storyline, add_label_evidence, features
from briefing.storylines._label import _GENERIC, _KINDS, label_for
from tests.storylines._gold import day, load_gold


def _idf(term: str) -> float:
    return {"company": 0.5, "river": 1.5}.get(term, 3.0)


def _story(n: int, **tables: dict) -> Storyline:
    story = Storyline(id=1, count=n)
    story.actors = tables.get("actors", {})
    story.names = tables.get("names", {})
    story.title_names = tables.get("title_names", {})
    story.phrases = tables.get("phrases", {})
    return story


def test_a_usual_modifier_near_the_kind_noun_names_the_talks() -> None:
    story = _story(
        5,
        actors={"Veldia": ["country", 5], "Ostara": ["country", 5], "Ana Mirk": ["person", 5]},
        phrases={"talks": 6, "peace": 4, "direct talks": 2, "envoy": 5, "front": 2},
        names={"Front": 2, "Veldia": 5},
    )
    assert label_for(story, _idf) == "Ostara–Veldia peace talks"


def test_a_generic_capitalised_word_is_no_party() -> None:
    story = _story(
        4,
        names={"Front": 4, "Merro": 4, "Liberal": 4},
        phrases={"ceasefire": 5, "front": 1, "guns": 2},
    )
    assert label_for(story, _idf) == "Merro ceasefire"


def test_a_topic_with_talks_reads_as_topic_talks_and_blocs_stand_beside_countries() -> None:
    story = _story(
        4,
        actors={
            "United States": ["country", 4],
            "European Union": ["organization", 4],
            "France": ["country", 2],
        },
        names={"Brussels": 4, "Washington": 3},
        phrases={"tariffs": 5, "tariff": 3, "steel tariff": 2, "talks": 3, "steel": 4},
    )
    assert label_for(story, _idf) == "EU–US steel tariff talks"


def test_a_name_inside_a_longer_one_is_not_a_party_of_its_own() -> None:
    story = _story(
        4,
        actors={"Homeland Party": ["organization", 4], "New Centre": ["organization", 4]},
        names={"Norrland": 4, "Homeland": 3, "Centre": 2, "Homeland Party": 4},
        phrases={"election": 4, "snap election": 1, "coalition": 5, "vote": 2},
    )
    assert label_for(story, _idf) == "Norrland snap election"


def test_a_topical_kind_takes_the_storyline_subject() -> None:
    story = _story(
        3,
        names={"Halvik": 3},
        title_names={"Halvik": 2},
        phrases={"referendum": 4, "stadium": 4, "company": 4, "loan": 2},
    )
    assert label_for(story, _idf) == "Halvik stadium referendum"


def test_company_stories_are_named_by_companies_with_short_names() -> None:
    story = _story(
        3,
        actors={
            "Varga Motors": ["person", 3],  # the analyser's slip: named "Varga" alone too
            "Pellam Group": ["organization", 3],
            "Ida Roth": ["person", 3],
        },
        names={"Varga": 3, "Pellam": 3, "Pellam Group": 3, "Varga Motors": 3, "Lyon": 3},
        title_names={"Pellam": 3, "Varga": 2},
        phrases={"bid": 4, "offer": 3, "board": 3},
    )
    assert label_for(story, _idf) == "Pellam–Varga takeover bid"


def test_headlines_decide_between_two_places() -> None:
    story = _story(
        2,
        names={"Ostmere": 2, "Birch Mill": 2},
        title_names={"Ostmere": 2, "Birch Mill": 1},
        phrases={"flooded": 2, "flood": 1, "river": 2, "homes": 2},
    )
    assert label_for(story, _idf) == "Ostmere flood"


def test_places_are_joined_with_and_in_a_fixed_order() -> None:
    tables = {
        "names": {"Zeebrugge": 4, "Hull": 4},
        "phrases": {"strike": 6, "port strike": 2, "general": 2, "general secretary": 2},
    }
    assert label_for(_story(4, **tables), _idf) == "Hull and Zeebrugge port strike"


def test_without_a_kind_noun_the_subject_phrase_is_used() -> None:
    story = _story(3, names={"Eastvale": 3}, phrases={"tram": 5, "tram line": 3, "line": 3})
    assert label_for(story, _idf) == "Eastvale tram line"


def test_an_actor_of_other_kind_reads_as_a_place() -> None:
    story = _story(
        3,
        actors={"Ostmere": ["other", 2], "Ostmere Water Board": ["organization", 1]},
        phrases={"drought": 4, "outbreak": 3, "cholera outbreak": 2},
    )
    assert label_for(story, _idf) == "Ostmere cholera outbreak"


def test_one_article_is_labelled_with_its_headline() -> None:
    story = _story(1, names={"Ostmere": 1}, phrases={"flood": 2})
    story.headline = "River  bursts its banks at Ostmere"
    assert label_for(story, _idf) == "River bursts its banks at Ostmere"


def test_a_headline_loses_the_outlet_name_a_feed_appends() -> None:
    story = _story(1)
    story.headline = "Ransomware attack halts check-in at Ostmere airport - Harbor Ledger"
    assert label_for(story, _idf) == "Ransomware attack halts check-in at Ostmere airport"
    story.headline = "Tram line - the case for"  # lower-case words: part of the headline
    assert label_for(story, _idf) == "Tram line - the case for"


_KIND_WORDS = {form for kind in _KINDS for form in (*kind.forms, kind.head)}


def test_demo_labels_have_a_kind_and_no_generic_only_words() -> None:
    docs = load_gold()
    if not docs:
        pytest.skip("no demo library")
    from briefing.understand import analyse

    counter = iter(range(1, 1000))
    grouper = Grouper(new_id=lambda: next(counter))
    first: dict[str, int] = {}
    for d in docs:
        analysis = analyse(d["text"], d["published"], title=d["title"], source=d["source"])
        actors = [(a.name, a.kind) for a in analysis.actors]
        feats = features(d["title"], d["text"], actors)
        grouper.observe(feats)
        placed = grouper.assign(d["id"], feats, day(d["published"]), actors=actors)
        first.setdefault(d["storyline"], placed.storyline_id)
    for storyline, sid in first.items():
        story = grouper.storylines[sid]
        label = label_for(story, grouper.idf)
        if story.count == 1:
            continue
        capitalised = [w for w in re.findall(r"[A-Z][\w'-]*", label) if w not in {"EU", "US"}]
        generic = [w for w in capitalised if w.lower() in _GENERIC and w not in story.actors]
        assert not generic, (storyline, label)
        text = " ".join(
            d["title"] + " " + d["text"][:400] for d in docs if d["storyline"] == storyline
        )
        has_kind = any(re.search(rf"\b{w}\b", text.lower()) for w in _KIND_WORDS)
        if has_kind:
            assert set(label.lower().split()) & _KIND_WORDS or label.endswith("line"), (
                storyline,
                label,
            )


# --- labels from the storyline's headlines --------------------------------------------------


def _grown(reports: list[tuple[str, str]]) -> Storyline:
    """A storyline that took these (headline, text) reports one by one, as the grouper does."""
    story = Storyline(id=1)
    for title, text in reports:
        story.count += 1
        if story.count == 1:
            story.headline = title
        add_label_evidence(story, features(title, text), ())
    return story


_TRAM = [
    (
        "Ostmere tram crash: seven dead after tram overturns at Halvik Bend",
        "Seven people died when a tram overturned in Ostmere on Wednesday morning.",
    ),
    (
        "Ostmere tram crash survivor describes the carnage",
        "A passenger who survived the Ostmere tram crash said the tram took the bend fast.",
    ),
    (
        "Tram derails in Ostmere, killing seven",
        "A tram derailed in Ostmere, killing seven passengers and injuring dozens.",
    ),
    (
        "Ostmere tram crash: police check the driver's phone records",
        "Police in Ostmere are checking whether the tram driver was using his phone.",
    ),
    (
        "Seven killed as tram derails on a sharp bend",
        "The Ostmere tram was going three times the speed limit, investigators said.",
    ),
]


def test_a_storyline_is_named_by_what_its_headlines_share() -> None:
    assert label_for(_grown(_TRAM), _idf) == "Ostmere tram crash"


def test_the_label_follows_the_storyline_as_it_grows() -> None:
    first = _grown(_TRAM[:1])
    assert label_for(first, _idf) == _TRAM[0][0]
    assert label_for(_grown(_TRAM), _idf) != _TRAM[0][0]


_SPLIT = [
    (
        "Lena Voss And Arto Lind Split After Four Years",
        "The actor Lena Voss and the singer Arto Lind have split after four years together.",
    ),
    (
        "Lena Voss, Arto Lind split after four years",
        "Lena Voss and Arto Lind have ended their relationship, a spokesman for Voss said.",
    ),
    (
        "Lena Voss and Arto Lind split",
        "Voss and Lind met on a film set in Halvik; they announced the split on Monday.",
    ),
    (
        "Arto Lind and Lena Voss joke about their split",
        "Lind joked that he and Voss had 'consciously uncoupled' when they announced the split.",
    ),
]


def test_the_people_and_what_happened_in_sentence_case_without_the_aside() -> None:
    label = label_for(_grown(_SPLIT), _idf)
    assert label in ("Lena Voss, Arto Lind split", "Lena Voss and Arto Lind split")


def test_a_label_is_whole_words_and_more_than_one_word() -> None:
    for reports in (_TRAM, _SPLIT, _TRAM[:2], _SPLIT[1:3]):
        story = _grown(reports)
        label = label_for(story, _idf)
        words = label.split()
        assert len(words) >= 2, label
        texts = " ".join(f"{t} {x}" for t, x in reports)
        # every word of the label is a whole word of its articles, in some case
        for word in words:
            bare = word.strip(",")
            assert re.search(rf"\b{re.escape(bare)}\b", texts, re.IGNORECASE), (label, word)
        assert words[-1].lower() not in {"the", "a", "of", "to", "in", "and", "after", "with"}


def test_the_kind_of_story_still_names_a_story_its_headlines_tell_in_many_ways() -> None:
    story = _grown(
        [
            (
                "Veldia and Ostara open talks in Halvik",
                "Envoys of Veldia and Ostara met in Halvik for the first peace talks in a year.",
            ),
            (
                "Ostara envoy leaves Halvik as the gap on borders remains",
                "The Ostara delegation left the peace talks with Veldia without a deal.",
            ),
            (
                "Veldia offers a ceasefire line to win back Ostara's trust",
                "Veldia proposed a ceasefire on the river as peace talks with Ostara resumed.",
            ),
        ]
    )
    story.actors = {"Veldia": ["country", 3], "Ostara": ["country", 3]}
    assert label_for(story, _idf) == "Ostara–Veldia peace talks"


def test_a_one_article_headline_loses_its_rubric_and_every_outlet_tail() -> None:
    story = _story(1)
    story.headline = "BREAKING NEWS: Rovers win the cup after a 40-year wait"
    assert label_for(story, _idf) == "Rovers win the cup after a 40-year wait"
    story.headline = "Ferry runs aground off Ostmere - Harbor News Now - KHVN and KOST"
    assert label_for(story, _idf) == "Ferry runs aground off Ostmere"
    story.headline = "Ferry runs aground off Ostmere | Reuters"
    assert label_for(story, _idf) == "Ferry runs aground off Ostmere"
    story.headline = "NASA: the moon mission slips to 2029"  # a name, no rubric
    assert label_for(story, _idf) == "NASA: the moon mission slips to 2029"
