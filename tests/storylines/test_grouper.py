"""The incremental grouper on its own: time, shared actors, wire copies, labels."""

from __future__ import annotations

import pytest

from briefing.storylines._grouper import Grouper, Storyline, features, group_all
from briefing.storylines._label import label_for
from tests.storylines._gold import day, load_gold


@pytest.fixture(scope="module")
def gold_docs() -> list[dict]:
    docs = load_gold()
    if not {"port-strike", "ukraine-peace-talks", "eu-us-trade-talks"} <= {
        d["storyline"] for d in docs
    }:
        pytest.skip("the demo library lacks the storylines these tests use")
    return docs


def _group(docs: list[dict], shift: dict[str, int] | None = None) -> dict[str, int]:
    shift = shift or {}
    items = [
        (d["id"], d["title"], d["text"], day(d["published"]) + shift.get(d["id"], 0), [])
        for d in docs
    ]
    return group_all(items)


def test_shared_actors_do_not_merge_different_subjects(gold_docs: list[dict]) -> None:
    groups = _group(gold_docs)
    peace = {groups[d["id"]] for d in gold_docs if d["storyline"] == "ukraine-peace-talks"}
    trade = {groups[d["id"]] for d in gold_docs if d["storyline"] == "eu-us-trade-talks"}
    assert len(peace) == 1 and len(trade) == 1 and peace != trade


def test_a_quiet_storyline_does_not_take_a_dispute_months_later(gold_docs: list[dict]) -> None:
    strike = [d for d in gold_docs if d["storyline"] == "port-strike"]
    late = {d["id"] for d in strike[len(strike) // 2 :]}
    # Weeks later the same story goes on; five months later it is a new storyline.
    weeks = _group(strike, {i: 21 for i in late})
    assert len(set(weeks.values())) == 1
    months = _group(strike, {i: 150 for i in late})
    early_ids = {months[d["id"]] for d in strike if d["id"] not in late}
    late_ids = {months[i] for i in late}
    assert early_ids.isdisjoint(late_ids)


def test_wire_copy_is_found_and_a_rewrite_is_not(gold_docs: list[dict]) -> None:
    original = next(d for d in gold_docs if d["storyline"] == "port-strike")
    counter = iter(range(1, 100))
    grouper = Grouper(new_id=lambda: next(counter))
    when = day(original["published"])

    def place(key: str, title: str, text: str) -> object:
        feats = features(title, text)
        grouper.observe(feats)
        return grouper.assign(key, feats, when)

    first = place("a", original["title"], original["text"])
    copy_text = original["text"] + "\n\nAdditional reporting by our correspondent."
    copy = place("b", original["title"], copy_text)
    assert copy.storyline_id == first.storyline_id and copy.wire_of == "a"
    paragraphs = original["text"].split("\n\n")
    rewrite = "\n\n".join(reversed(paragraphs[1:])) + "\n\nUnion members met again on Friday."
    other = place("c", "Dock strike goes on", rewrite)
    assert other.wire_of is None


def test_state_survives_a_round_trip() -> None:
    story = Storyline(id=7, centroid={"strike": 0.5, "port": 0.25}, norm2=0.3125, count=2)
    story.actors = {"Rotterdam": ["other", 2]}
    story.phrases = {"port strike": 3}
    again = Storyline.from_state(7, story.to_state())
    assert again.centroid == story.centroid and again.count == 2
    assert again.actors == story.actors and again.phrases == story.phrases
    assert abs(again.norm2 - story.norm2) < 1e-9


def _idf(term: str) -> float:
    return {"peace": 3.0, "talk": 2.0, "direct": 3.5, "strike": 2.5, "port": 2.0}.get(term, 1.0)


def test_label_names_parties_then_subject() -> None:
    story = Storyline(id=1, count=6)
    story.actors = {
        "Russia": ["country", 6],
        "Ukraine": ["country", 6],
        "Vladimir Putin": ["person", 6],
    }
    story.phrases = {"talks": 9, "peace": 6, "peace talks": 5, "direct talks": 2}
    assert label_for(story, _idf) == "Russia–Ukraine peace talks"


def test_label_joins_places_with_and() -> None:
    story = Storyline(id=2, count=5)
    story.names = {"Rotterdam": 5, "Antwerp": 5, "Marta Kowalczyk": 5, "Kowalczyk": 4}
    story.actors = {"Marta Kowalczyk": ["person", 5]}
    story.phrases = {"strike": 8, "port strike": 4, "port": 4}
    assert label_for(story, _idf) == "Antwerp and Rotterdam port strike"


def test_demo_labels_read_like_a_person_wrote_them(gold_docs: list[dict]) -> None:
    from briefing.understand import analyse

    counter = iter(range(1, 1000))
    grouper = Grouper(new_id=lambda: next(counter))
    first: dict[str, int] = {}
    for d in gold_docs:
        analysis = analyse(d["text"], d["published"], title=d["title"], source=d["source"])
        actors = [(a.name, a.kind) for a in analysis.actors]
        feats = features(d["title"], d["text"], actors)
        grouper.observe(feats)
        placed = grouper.assign(d["id"], feats, day(d["published"]), actors=actors)
        first.setdefault(d["storyline"], placed.storyline_id)
    labels = {k: label_for(grouper.storylines[v], grouper.idf) for k, v in first.items()}
    for storyline, label in labels.items():
        docs = [d for d in gold_docs if d["storyline"] == storyline]
        if len(docs) == 1:  # one article: its headline
            assert label == docs[0]["title"]
        else:  # not a bag of words, not a headline
            assert 0 < len(label.split()) <= 7 and label not in {d["title"] for d in docs}
    strike = labels["port-strike"]
    assert "Rotterdam" in strike and "Antwerp" in strike and "strike" in strike
    peace = labels["ukraine-peace-talks"]
    assert peace.startswith(("Russia–Ukraine ", "Ukraine–Russia ")), peace


def test_storylines_quiet_for_good_are_forgotten() -> None:
    counter = iter(range(1, 100))
    grouper = Grouper(new_id=lambda: next(counter))
    text = "Dockworkers in Rotterdam walked out over automated cranes and overtime pay."

    def place(key: str, when: int) -> int:
        feats = features("Port strike", text)
        grouper.observe(feats)
        return grouper.assign(key, feats, when).storyline_id

    old = place("a", 1000)
    assert place("b", 1010) == old
    new = place("c", 1400)  # the same words a year later: a new storyline
    assert new != old
    grouper.evict_quiet()
    assert old not in grouper.storylines and new in grouper.storylines
    assert all(old not in ids for ids in grouper._index.values())
