"""The pipeline: resumable, reports progress, survives odd articles."""

from __future__ import annotations

import pytest

from briefing.digest import digest
from briefing.storylines import build_briefing, list_articles, list_storylines, mark_opened
from briefing.understand import ANALYSER_VERSION
from tests.storylines._gold import load_gold
from tests.storylines.conftest import Shelf


@pytest.fixture(scope="module")
def gold_docs() -> list[dict]:
    docs = load_gold()
    if len(docs) < 10:
        pytest.skip("the demo library has too few articles yet")
    return docs


def _assignment(shelf: Shelf) -> dict[str, int | None]:
    return {doc_id: shelf.storyline_of(doc_id) for doc_id in shelf.ids}


def test_stopped_digest_resumes_where_it_left_off(shelf: Shelf, gold_docs: list[dict]) -> None:
    shelf.add(gold_docs)
    calls: list[tuple[int, int]] = []
    report = digest(
        shelf.library,
        progress=lambda done, total: calls.append((done, total)),
        should_stop=lambda: len(calls) >= 7,
        batch_size=5,
    )
    done = report.analysed
    assert report.stopped and 7 <= done < len(gold_docs)
    assert report.remaining == len(gold_docs) - done
    assert calls[-1] == (done, len(gold_docs))
    # Every article is either analysed and grouped, or untouched.
    half = _assignment(shelf)
    assert sum(v is not None for v in half.values()) == done
    rest = digest(shelf.library)
    assert not rest.stopped and rest.analysed == len(gold_docs) - done
    versions = shelf.library.db.execute("SELECT DISTINCT analysed_version FROM articles").fetchall()
    assert versions == [(ANALYSER_VERSION,)]
    assert all(v is not None for v in _assignment(shelf).values())
    assert digest(shelf.library).analysed == 0, "nothing left to do"


def test_odd_articles_are_grouped_without_crashing(shelf: Shelf) -> None:
    odd = [
        {"id": "empty", "title": "", "text": "", "published": "2026-10-01", "source": "A"},
        {"id": "dots", "title": "...", "text": "!!! ???", "published": "2026-10-01", "source": "A"},
        {
            "id": "foreign",
            "title": "Über die Straßenbahn",
            "text": "Der Stadtrat stritt über die Straßenbahn.",
            "published": "2026-10-02",
            "source": "B",
        },
        {
            "id": "controls",
            "title": "Port\x1b[31m strike",
            "text": "Workers \x07 walked out \u202e in Rotterdam.",
            "published": "2026-10-03",
            "source": "C",
        },
    ]
    shelf.add(odd)
    report = digest(shelf.library)
    assert report.grouped == len(odd)
    for summary in list_storylines(shelf.library):
        assert "\x1b" not in summary.label and summary.label
        briefing = build_briefing(shelf.library, summary.id)
        assert briefing.storyline.id == summary.id


def test_what_is_new_follows_mark_opened(shelf: Shelf, gold_docs: list[dict]) -> None:
    strike = [d for d in gold_docs if d["storyline"] == "port-strike"]
    if len(strike) < 3:
        pytest.skip("needs the port strike storyline")
    shelf.add(strike[:2], fetched_at="2026-09-20T08:00:00+00:00")
    digest(shelf.library)
    sid = shelf.storyline_of(strike[0]["id"])
    assert sid is not None
    assert build_briefing(shelf.library, sid).new_since_last_opened  # never opened
    mark_opened(shelf.library, sid)
    assert build_briefing(shelf.library, sid).new_since_last_opened == ()
    later = next(d for d in strike[2:] if d["text"] not in {e["text"] for e in strike[:2]})
    shelf.add([later], fetched_at="2099-01-01T08:00:00+00:00")  # fetched after opening
    digest(shelf.library)
    assert shelf.storyline_of(later["id"]) == sid
    new = build_briefing(shelf.library, sid).new_since_last_opened
    assert [n.source.article_id for n in new] == [shelf.ids[later["id"]]]
    assert new[0].source.start < new[0].source.end


def test_list_follows_articles_when_a_feed_is_removed(shelf: Shelf, gold_docs: list[dict]) -> None:
    from briefing.store.feeds import remove_feed

    shelf.add(gold_docs)
    digest(shelf.library)
    before = {s.id: s for s in list_storylines(shelf.library)}
    outlet = "Lab and Clinic" if any(d["source"] == "Lab and Clinic" for d in gold_docs) else None
    outlet = outlet or gold_docs[0]["source"]
    remove_feed(shelf.library, shelf.feed_id(outlet))
    after = {s.id: s for s in list_storylines(shelf.library)}
    assert all(outlet not in s.outlets for s in after.values())
    assert sum(s.article_count for s in after.values()) < sum(
        s.article_count for s in before.values()
    )
    for sid, summary in after.items():
        assert summary.article_count == len(list_articles(shelf.library, sid)) > 0


def test_a_copy_whose_original_moved_away_is_a_story_of_its_own(
    shelf: Shelf, gold_docs: list[dict]
) -> None:
    from briefing.storylines import move_article

    shelf.add(gold_docs)
    digest(shelf.library)
    pairs = [
        (a, b)
        for a in gold_docs
        for b in gold_docs
        if a["published"] <= b["published"] and a["id"] < b["id"] and a["text"] == b["text"]
    ]
    if not pairs:
        pytest.skip("the demo library has no wire copies")
    original, copy = pairs[0]
    home = shelf.storyline_of(copy["id"])
    elsewhere = next(s.id for s in list_storylines(shelf.library) if s.id != home)
    before = next(s for s in list_storylines(shelf.library) if s.id == home).article_count
    move_article(shelf.library, shelf.ids[original["id"]], elsewhere)
    stories = list_articles(shelf.library, home)
    assert shelf.ids[copy["id"]] in {s.article_id for s in stories}
    summary = next(s for s in list_storylines(shelf.library) if s.id == home)
    assert summary.article_count == len(stories) == before


def test_an_article_edited_during_analysis_is_analysed_again(
    shelf: Shelf, gold_docs: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefing.digest as pipeline

    doc = gold_docs[0]
    shelf.add([doc])
    real = pipeline.analyse
    edited = dict(doc, text=doc["text"] + "\n\nA correction was appended later.")
    texts: list[str] = []

    def analyse_while_the_outlet_edits(text: str, published: object, **kw: object):
        texts.append(text)
        if text == doc["text"]:
            shelf.add([edited], fetched_at="2026-11-26T08:00:00+00:00")
        return real(text, published, **kw)

    monkeypatch.setattr(pipeline, "analyse", analyse_while_the_outlet_edits)
    digest(shelf.library)  # read the old text; meanwhile the library got the new one
    digest(shelf.library)
    assert texts == [doc["text"], edited["text"]], "the stale analysis was not kept"
    row = shelf.library.db.execute(
        "SELECT a.analysed_version, a.content_hash = m.content_hash, a.storyline_id"
        " FROM articles a JOIN storyline_members m ON m.article_id = a.id WHERE a.id = ?",
        [shelf.ids[doc["id"]]],
    ).fetchone()
    assert row[0] == ANALYSER_VERSION and row[1] == 1 and row[2] is not None


def test_two_digests_at_once_group_everything_once(tmp_path, gold_docs: list[dict]) -> None:
    import threading

    from briefing.store import open_library

    path = tmp_path / "shared.db"
    setup = open_library(path)
    shelf = Shelf(setup)
    shelf.add(gold_docs)
    reports = []
    started = threading.Barrier(2)

    def run() -> None:
        library = open_library(path)  # each thread its own connection, as the TUI and CLI
        try:
            started.wait()
            reports.append(digest(library))
        finally:
            library.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(reports) == 2
    assert sum(r.grouped for r in reports) == len(gold_docs), "each article grouped once"
    assert any(r.busy for r in reports) or min(r.grouped for r in reports) == 0
    storylines = {shelf.storyline_of(d["id"]) for d in gold_docs}
    assert None not in storylines
    alone = Shelf(open_library(tmp_path / "alone.db"))
    alone.add(gold_docs)
    digest(alone.library)
    assert len(storylines) == len({alone.storyline_of(d["id"]) for d in gold_docs})
    alone.library.close()
    # The lock is gone once both are done: a later digest runs.
    shelf.add([dict(gold_docs[0], id="late-copy", source="Another Outlet")])
    assert not digest(setup).busy
    setup.close()


def _records(shelf: Shelf) -> list[tuple]:
    rows: list[tuple] = []
    for table in ("quotes", "red_lines", "events"):
        rows += shelf.library.db.execute(
            f"SELECT article_id, text, start, confidence FROM {table} ORDER BY article_id, start"
        ).fetchall()
    return rows


def test_analysing_in_worker_processes_gives_the_same_library(
    tmp_path, gold_docs: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import digest as pipeline
    from briefing.store import open_library

    shelves = []
    for name, smallest_pool in (("here", 10**9), ("pool", 1)):
        monkeypatch.setattr(pipeline, "POOL_MIN_ARTICLES", smallest_pool)
        shelf = Shelf(open_library(tmp_path / f"{name}.db"))
        shelf.add(gold_docs)
        report = digest(shelf.library, batch_size=7)
        assert report.analysed == len(gold_docs) and not report.failed
        shelves.append(shelf)
    here, pool = shelves
    try:
        assert _records(pool) == _records(here)
        assert _assignment(pool) == _assignment(here)
        assert [s.label for s in list_storylines(pool.library)] == [
            s.label for s in list_storylines(here.library)
        ]
    finally:
        here.library.close()
        pool.library.close()


def test_a_stop_reaches_the_worker_processes_too(
    shelf: Shelf, gold_docs: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import digest as pipeline

    monkeypatch.setattr(pipeline, "POOL_MIN_ARTICLES", 1)
    shelf.add(gold_docs)
    calls: list[tuple[int, int]] = []
    report = digest(
        shelf.library,
        progress=lambda done, total: calls.append((done, total)),
        should_stop=lambda: len(calls) >= 7,
        batch_size=5,
    )
    assert report.stopped and 7 <= report.analysed < len(gold_docs)
    assert report.remaining == len(gold_docs) - report.analysed
    again = digest(shelf.library)
    assert again.analysed == len(gold_docs) - report.analysed
