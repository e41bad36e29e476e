"""The user's corrections (merge, move, split, rename) survive later refreshes, re-analysis
and edited articles."""

from __future__ import annotations

import pytest

from briefing.digest import digest
from briefing.storylines import (
    StorylineError,
    get_summary,
    list_storylines,
    merge_storylines,
    move_article,
    rename_storyline,
    split_storyline,
)
from tests.storylines._gold import load_gold
from tests.storylines.conftest import Shelf


@pytest.fixture(scope="module")
def gold_docs() -> list[dict]:
    docs = load_gold()
    stories = {d["storyline"] for d in docs}
    if not {"ukraine-peace-talks", "port-strike", "eu-us-trade-talks"} <= stories:
        pytest.skip("the demo library lacks the storylines these tests use")
    return docs


def _halves(docs: list[dict]) -> tuple[list[dict], list[dict]]:
    """The articles before and after 2026-10-15: two refreshes."""
    early = [d for d in docs if d["published"] < "2026-10-15"]
    return early, [d for d in docs if d["published"] >= "2026-10-15"]


def _of(docs: list[dict], storyline: str) -> list[dict]:
    return [d for d in docs if d["storyline"] == storyline]


def _reanalyse_everything(shelf: Shelf) -> None:
    """As after an analyser upgrade: every article's records are outdated."""
    with shelf.library.db.atomic():
        shelf.library.db.execute("UPDATE articles SET analysed_version = 'an-older-version'")
    report = digest(shelf.library)
    assert report.analysed == len(shelf.ids)


def _edit(shelf: Shelf, doc: dict) -> None:
    """The outlet corrects the article: same entry, new text (a refresh updates it in place)."""
    edited = dict(doc, text=doc["text"] + "\n\nThis article has been corrected.")
    shelf.add([edited], fetched_at="2026-11-26T08:00:00+00:00")


def test_rename_survives_refresh_and_reanalysis(shelf: Shelf, gold_docs: list[dict]) -> None:
    early, late = _halves(gold_docs)
    shelf.add(early)
    digest(shelf.library)
    peace = shelf.storyline_of(_of(early, "ukraine-peace-talks")[0]["id"])
    assert peace is not None
    rename_storyline(shelf.library, peace, "Talks on ending the war")
    shelf.add(late)
    digest(shelf.library)
    _reanalyse_everything(shelf)
    assert get_summary(shelf.library, peace).label == "Talks on ending the war"
    # Later articles of the story still join it, under the user's label.
    late_peace = _of(late, "ukraine-peace-talks")
    assert late_peace and all(shelf.storyline_of(d["id"]) == peace for d in late_peace)
    labels = [s.label for s in list_storylines(shelf.library)]
    assert labels.count("Talks on ending the war") == 1
    rename_storyline(shelf.library, peace, "")
    assert get_summary(shelf.library, peace).label not in ("", "Talks on ending the war")


def test_move_survives_refresh_reanalysis_and_edit(shelf: Shelf, gold_docs: list[dict]) -> None:
    early, late = _halves(gold_docs)
    shelf.add(early)
    digest(shelf.library)
    strike_doc = _of(early, "port-strike")[0]
    trade = shelf.storyline_of(_of(early, "eu-us-trade-talks")[0]["id"])
    assert trade is not None and shelf.storyline_of(strike_doc["id"]) != trade
    move_article(shelf.library, shelf.ids[strike_doc["id"]], trade)
    shelf.add(late)
    digest(shelf.library)
    _reanalyse_everything(shelf)
    _edit(shelf, strike_doc)
    digest(shelf.library)
    assert shelf.storyline_of(strike_doc["id"]) == trade
    # The rest of the strike stays together, apart from the trade talks.
    others = {shelf.storyline_of(d["id"]) for d in _of(gold_docs, "port-strike")[1:]}
    assert len(others) == 1 and trade not in others


def test_merge_survives_refresh_and_later_articles_follow(
    shelf: Shelf, gold_docs: list[dict]
) -> None:
    early, late = _halves(gold_docs)
    shelf.add(early)
    digest(shelf.library)
    peace = shelf.storyline_of(_of(early, "ukraine-peace-talks")[0]["id"])
    trade = shelf.storyline_of(_of(early, "eu-us-trade-talks")[0]["id"])
    assert peace is not None and trade is not None and peace != trade
    kept = merge_storylines(shelf.library, peace, trade)
    assert kept == trade
    assert peace not in {s.id for s in list_storylines(shelf.library)}
    assert get_summary(shelf.library, peace).id == trade  # the old id still leads there
    shelf.add(late)
    digest(shelf.library)
    _reanalyse_everything(shelf)
    both = _of(gold_docs, "ukraine-peace-talks") + _of(gold_docs, "eu-us-trade-talks")
    assert {shelf.storyline_of(d["id"]) for d in both} == {trade}
    with pytest.raises(StorylineError):
        merge_storylines(shelf.library, peace, trade)  # already one


def test_split_survives_refresh_and_reanalysis(shelf: Shelf, gold_docs: list[dict]) -> None:
    early, late = _halves(gold_docs)
    shelf.add(early)
    digest(shelf.library)
    peace_docs = _of(early, "ukraine-peace-talks")
    assert len(peace_docs) >= 3
    peace = shelf.storyline_of(peace_docs[0]["id"])
    assert peace is not None
    taken = [shelf.ids[peace_docs[-1]["id"]]]
    new_id = split_storyline(shelf.library, peace, taken)
    shelf.add(late)
    digest(shelf.library)
    _reanalyse_everything(shelf)
    _edit(shelf, peace_docs[-1])
    digest(shelf.library)
    assert shelf.storyline_of(peace_docs[-1]["id"]) == new_id
    assert all(shelf.storyline_of(d["id"]) == peace for d in peace_docs[:-1])
    listed = {s.id: s for s in list_storylines(shelf.library)}
    assert new_id in listed and peace in listed
    everything = [shelf.ids[d["id"]] for d in gold_docs if shelf.storyline_of(d["id"]) == peace]
    with pytest.raises(StorylineError):  # a split must leave something behind
        split_storyline(shelf.library, peace, everything)


def test_overrides_refuse_what_does_not_exist(shelf: Shelf, gold_docs: list[dict]) -> None:
    shelf.add(gold_docs[:5])
    digest(shelf.library)
    some = list_storylines(shelf.library)[0].id
    with pytest.raises(StorylineError):
        move_article(shelf.library, 10_000, some)
    with pytest.raises(StorylineError):
        rename_storyline(shelf.library, 10_000, "x")
    with pytest.raises(StorylineError):
        split_storyline(shelf.library, some, [10_000])


def test_a_correction_keeps_what_the_headlines_said(shelf: Shelf, gold_docs: list[dict]) -> None:
    """Later reports are matched against a storyline's headlines too: after a merge, the
    merged storyline knows both sides' headline words."""
    from briefing.store.storylines import get_storyline
    from briefing.storylines._text import content_terms

    shelf.add(gold_docs)
    digest(shelf.library)
    peace = shelf.storyline_of(_of(gold_docs, "ukraine-peace-talks")[0]["id"])
    trade = shelf.storyline_of(_of(gold_docs, "eu-us-trade-talks")[0]["id"])
    assert peace is not None and trade is not None
    kept = merge_storylines(shelf.library, peace, trade)
    row = get_storyline(shelf.library, kept)
    assert row is not None
    known = set(row.state["title_terms"])
    for doc in _of(gold_docs, "ukraine-peace-talks") + _of(gold_docs, "eu-us-trade-talks"):
        assert set(content_terms(doc["title"])) <= known, doc["title"]
