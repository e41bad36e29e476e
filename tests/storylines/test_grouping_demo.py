"""The grouping against the storyline labels of the demo library (B-cubed), run through the
real pipeline: articles stored as a refresh stores them, analysed, then grouped."""

from __future__ import annotations

from itertools import groupby

import pytest

from briefing.digest import digest
from briefing.storylines import bcubed
from tests.storylines._gold import load_gold
from tests.storylines.conftest import Shelf

MIN_F1 = 0.95


@pytest.fixture(scope="module")
def gold_docs() -> list[dict]:
    docs = load_gold()
    if len(docs) < 10:
        pytest.skip("the demo library has too few articles yet")
    return docs


def _score(shelf: Shelf, docs: list[dict]) -> tuple[float, float, float]:
    predicted = {d["id"]: shelf.storyline_of(d["id"]) for d in docs}
    assert all(p is not None for p in predicted.values()), "every article is grouped"
    return bcubed(predicted, {d["id"]: d["storyline"] for d in docs})


def test_all_at_once(shelf: Shelf, gold_docs: list[dict]) -> None:
    shelf.add(gold_docs)
    digest(shelf.library)
    precision, recall, f1 = _score(shelf, gold_docs)
    print(f"all at once: B-cubed P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= MIN_F1, (precision, recall, f1)


def test_one_refresh_a_day_in_date_order(shelf: Shelf, gold_docs: list[dict]) -> None:
    for _day, docs in groupby(gold_docs, key=lambda d: d["published"]):
        shelf.add(list(docs))
        digest(shelf.library)
    precision, recall, f1 = _score(shelf, gold_docs)
    print(f"one refresh a day: B-cubed P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= MIN_F1, (precision, recall, f1)


def test_wire_copies_are_one_story_with_all_outlets(shelf: Shelf, gold_docs: list[dict]) -> None:
    from briefing.storylines import list_articles

    shelf.add(gold_docs)
    digest(shelf.library)
    copies = [
        (a, b)
        for a in gold_docs
        for b in gold_docs
        if a["id"] < b["id"] and a["text"] == b["text"] and a["source"] != b["source"]
    ]
    assert copies, "the demo library has wire copies"
    for a, b in copies:
        sid = shelf.storyline_of(a["id"])
        assert sid == shelf.storyline_of(b["id"])
        stories = list_articles(shelf.library, sid)
        pair = {shelf.ids[a["id"]], shelf.ids[b["id"]]}
        shown = [s for s in stories if pair & {s.article_id, *(c.article_id for c in s.copies)}]
        assert len(shown) == 1, "a wire story is listed once"
        assert {a["source"], b["source"]} <= set(shown[0].outlets)
