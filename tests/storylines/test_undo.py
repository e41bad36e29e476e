"""Undoing a correction puts the storylines back exactly: articles, labels, pins, summaries;
and a refresh after the undo (or after the correction) keeps what the user left."""

from __future__ import annotations

from typing import Any

import pytest

from briefing.digest import digest
from briefing.store import Library
from briefing.storylines import (
    StorylineError,
    list_articles,
    list_storylines,
    merge_correction,
    move_correction,
    rename_correction,
    split_correction,
    undo_correction,
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


def _of(docs: list[dict], storyline: str) -> list[dict]:
    return [d for d in docs if d["storyline"] == storyline]


def _state(library: Library) -> dict[str, Any]:
    """Everything a correction may change: the listed storylines with their articles, every
    storyline row (labels, the grouper's summary, merges) and every article's place and pin."""
    listed = {
        s.id: (s, [(a.article_id, a.copies) for a in list_articles(library, s.id)])
        for s in list_storylines(library)
    }
    rows = library.db.execute("SELECT * FROM storylines ORDER BY id").fetchall()
    places = library.db.execute(
        "SELECT id, storyline_id, storyline_pinned FROM articles ORDER BY id"
    ).fetchall()
    return {"listed": listed, "rows": rows, "places": places}


@pytest.fixture
def grouped(shelf: Shelf, gold_docs: list[dict]) -> Shelf:
    shelf.add(gold_docs)
    digest(shelf.library)
    return shelf


def _storyline(shelf: Shelf, docs: list[dict], name: str) -> int:
    found = shelf.storyline_of(_of(docs, name)[0]["id"])
    assert found is not None
    return found


def test_merge_then_undo_restores_both_storylines(grouped: Shelf, gold_docs: list[dict]) -> None:
    library = grouped.library
    peace = _storyline(grouped, gold_docs, "ukraine-peace-talks")
    trade = _storyline(grouped, gold_docs, "eu-us-trade-talks")
    # A pin the user made before the merge must come back as it was, not be dropped.
    strike = _storyline(grouped, gold_docs, "port-strike")
    move_correction(library, [grouped.ids[_of(gold_docs, "port-strike")[0]["id"]]], peace)
    before = _state(library)
    labels = {s.id: s.label for s in list_storylines(library)}
    merged = merge_correction(library, peace, trade)
    assert merged.storyline_id == trade
    assert peace not in {s.id for s in list_storylines(library)}
    assert labels[peace] in merged.done and labels[trade] in merged.done
    undo_correction(library, merged)
    after = _state(library)
    assert after == before
    assert {s.id: s.label for s in list_storylines(library)} == labels
    assert strike in labels  # the rest of the strike is still its own storyline


def test_split_then_undo_removes_the_new_storyline(grouped: Shelf, gold_docs: list[dict]) -> None:
    library = grouped.library
    peace = _storyline(grouped, gold_docs, "ukraine-peace-talks")
    stories = list_articles(library, peace)
    assert len(stories) >= 3
    before = _state(library)
    split = split_correction(library, peace, [stories[0].article_id])
    assert split.storyline_id in {s.id for s in list_storylines(library)}
    undo_correction(library, split)
    assert _state(library) == before
    assert library.db.execute(
        "SELECT count(*) FROM storylines WHERE id = ?", [split.storyline_id]
    ).fetchone() == (0,)


def test_move_to_a_new_storyline_then_undo(grouped: Shelf, gold_docs: list[dict]) -> None:
    library = grouped.library
    peace = _storyline(grouped, gold_docs, "ukraine-peace-talks")
    story = list_articles(library, peace)[-1]
    moved_ids = [story.article_id, *(c.article_id for c in story.copies)]
    before = _state(library)
    moved = move_correction(library, moved_ids, None)
    assert moved.storyline_id != peace
    assert [a.article_id for a in list_articles(library, moved.storyline_id)] == [moved_ids[0]]
    assert "new storyline" in moved.done
    undo_correction(library, moved)
    assert _state(library) == before


def test_move_then_undo_and_the_refresh_after(grouped: Shelf, gold_docs: list[dict]) -> None:
    library = grouped.library
    peace = _storyline(grouped, gold_docs, "ukraine-peace-talks")
    trade = _storyline(grouped, gold_docs, "eu-us-trade-talks")
    article = grouped.ids[_of(gold_docs, "ukraine-peace-talks")[0]["id"]]
    before = _state(library)
    moved = move_correction(library, [article], trade)
    assert moved.storyline_id == trade
    with pytest.raises(StorylineError, match="already in"):
        move_correction(library, [article], trade)
    undo_correction(library, moved)
    assert _state(library) == before
    # Re-analysed and regrouped from scratch, the article is still where the grouper put it.
    _reanalyse(grouped)
    assert grouped.library.db.execute(
        "SELECT storyline_id FROM articles WHERE id = ?", [article]
    ).fetchone() == (peace,)


def test_rename_then_undo_restores_the_label(grouped: Shelf, gold_docs: list[dict]) -> None:
    library = grouped.library
    peace = _storyline(grouped, gold_docs, "ukraine-peace-talks")
    before = _state(library)
    renamed = rename_correction(library, peace, "  Talks on   the war ")
    assert {s.id: s.label for s in list_storylines(library)}[peace] == "Talks on the war"
    assert renamed.done == "Renamed to “Talks on the war”"
    undo_correction(library, renamed)
    assert _state(library) == before


def test_a_correction_survives_a_regroup(grouped: Shelf, gold_docs: list[dict]) -> None:
    library = grouped.library
    peace = _storyline(grouped, gold_docs, "ukraine-peace-talks")
    trade = _storyline(grouped, gold_docs, "eu-us-trade-talks")
    merge_correction(library, peace, trade)
    merged = {a.article_id for a in list_articles(library, trade)}
    _reanalyse(grouped)
    assert peace not in {s.id for s in list_storylines(library)}
    assert merged <= {a.article_id for a in list_articles(library, trade)}


def _reanalyse(shelf: Shelf) -> None:
    """As after an analyser upgrade: every article is read and placed again."""
    with shelf.library.db.atomic():
        shelf.library.db.execute("UPDATE articles SET analysed_version = 'an-older-version'")
    digest(shelf.library)
