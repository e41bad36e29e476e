"""Refreshing feeds from a real server into a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _feeds import LONG, rss
from feed_server import FeedServer

import briefing.ingest.refresh as refresh_module
from briefing.ingest.refresh import FeedResult, refresh_feeds
from briefing.store import Library, open_library
from briefing.store.articles import list_articles, mark_read, set_starred
from briefing.store.feeds import add_feed, get_feed

FAST = {"read_timeout": 2.0, "deadline": 5.0}


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with open_library(tmp_path / "library.db") as lib:
        yield lib


def items(n: int, prefix: str = "Story") -> list[dict[str, str]]:
    return [
        {
            "title": f"{prefix} {i}",
            "link": f"https://news.example/{prefix.lower()}/{i}",
            "guid": f"{prefix}-{i}",
            "date": f"Tue, {10 + i:02d} Nov 2026 10:00:00 GMT",
            "description": f"<p>{prefix} {i} body.</p><p>{LONG}</p>",
        }
        for i in range(n)
    ]


def refresh(library: Library, **kw: object) -> refresh_module.RefreshReport:
    return refresh_feeds(library, fetcher_options=FAST, **kw)  # type: ignore[arg-type]


def test_cold_refresh_then_304(server: FeedServer, library: Library) -> None:
    url = server.set("/feed", rss(items(3), title="Daily"), etag='"e1"')
    feed = add_feed(library, url)
    first = refresh(library)
    assert first.new_articles == 3 and first.errors == 0
    stored = list_articles(library, feed_id=feed.id)
    assert [a.title for a in stored] == ["Story 2", "Story 1", "Story 0"]  # newest first
    assert stored[0].text.startswith("Story 2 body.\n\nThis paragraph")
    assert get_feed(library, feed.id).title == "Daily"  # type: ignore[union-attr]

    second = refresh(library)
    assert second.not_modified == 1 and second.new_articles == 0
    assert second.results[0].status == "not_modified"
    assert server.hits("/feed")[1].headers["if-none-match"] == '"e1"'
    assert len(list_articles(library, feed_id=feed.id)) == 3


def test_unchanged_body_is_not_parsed_again(
    server: FeedServer, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.set("/feed", rss(items(2)), etag='"e1"', ignore_conditional=True)
    add_feed(library, url)
    refresh(library)
    calls: list[str] = []
    original = refresh_module.parse_feed
    monkeypatch.setattr(
        refresh_module, "parse_feed", lambda *a: calls.append("parse") or original(*a)
    )
    report = refresh(library)
    assert report.results[0].status == "unchanged"
    assert report.not_modified == 1
    assert calls == []


def test_edited_article_updates_in_place(server: FeedServer, library: Library) -> None:
    url = server.set("/feed", rss(items(2)))
    feed = add_feed(library, url)
    refresh(library)
    before = {a.title: a for a in list_articles(library, feed_id=feed.id)}
    mark_read(library, [before["Story 1"].id])
    set_starred(library, before["Story 1"].id)

    edited = items(2)
    edited[1]["title"] = "Story 1 (corrected)"
    edited[1]["description"] = "<p>Corrected body.</p>"
    server.set("/feed", rss(edited))
    report = refresh(library)
    assert report.new_articles == 0 and report.updated_articles == 1
    after = {a.id: a for a in list_articles(library, feed_id=feed.id)}
    assert len(after) == 2
    changed = after[before["Story 1"].id]
    assert changed.title == "Story 1 (corrected)" and changed.text == "Corrected body."
    assert changed.read and changed.starred  # the user's marks survive the edit
    assert after[before["Story 0"].id].title == "Story 0"


def test_dedupe_by_guid_link_and_title_date(server: FeedServer, library: Library) -> None:
    docs = [
        {"guid": "g1", "title": "By guid", "link": "https://x.example/1"},
        {"guid": "g1", "title": "By guid, repeated in the same document"},
        {"title": "By link", "link": "https://x.example/2"},
        {"title": "By title", "date": "Mon, 23 Nov 2026 08:00:00 GMT"},
        {"title": "By title", "date": "Tue, 24 Nov 2026 08:00:00 GMT"},
    ]
    url = server.set("/feed", rss(docs))
    feed = add_feed(library, url)
    assert refresh(library).new_articles == 4
    # Served again in another order, with the guid entry's link changed: still the same four.
    server.set("/feed", rss(list(reversed(docs[2:])) + [dict(docs[0], link="https://x.example/9")]))
    report = refresh(library)
    assert report.new_articles == 0
    titles = sorted(a.title for a in list_articles(library, feed_id=feed.id))
    assert titles == ["By guid", "By link", "By title", "By title"]


def test_failing_feed_never_stops_others_nor_loses_articles(
    server: FeedServer, library: Library
) -> None:
    good = add_feed(library, server.set("/good", rss(items(2, "Good"))))
    flaky_url = server.set("/flaky", rss(items(3, "Flaky")))
    flaky = add_feed(library, flaky_url)
    refresh(library)
    assert len(list_articles(library, feed_id=flaky.id)) == 3

    del server.routes["/flaky"]  # now a 404
    server.set("/good", rss(items(4, "Good")))
    report = refresh(library)
    by_id = {r.feed_id: r for r in report.results}
    assert by_id[good.id].new == 2
    assert by_id[flaky.id].status == "error" and by_id[flaky.id].error == NOT_FOUND
    assert report.errors == 1
    assert len(list_articles(library, feed_id=flaky.id)) == 3
    assert get_feed(library, flaky.id).last_error == NOT_FOUND  # type: ignore[union-attr]

    server.set("/flaky", rss(items(3, "Flaky")))
    refresh(library)
    assert get_feed(library, flaky.id).last_error is None  # type: ignore[union-attr]


NOT_FOUND = (
    "no feed at this address (HTTP 404 Not Found): check the URL, or add the site's home page "
    "to find its feed"
)


def test_not_a_feed_and_timeout_are_recorded(server: FeedServer, library: Library) -> None:
    page = add_feed(library, server.set("/page", "<html><body>hi</body></html>"))
    slow = add_feed(library, server.set("/slow", rss(items(1)), delay=3.0))
    report = refresh_feeds(library, fetcher_options={"read_timeout": 0.3})
    by_id = {r.feed_id: r for r in report.results}
    assert (by_id[page.id].error or "").startswith("not a feed")
    assert "timed out" in (by_id[slow.id].error or "")
    assert get_feed(library, slow.id).last_error == by_id[slow.id].error  # type: ignore[union-attr]


def test_gone_disables_the_feed(server: FeedServer, library: Library) -> None:
    feed = add_feed(library, server.set("/feed", rss(items(1))))
    refresh(library)
    server.set("/feed", status=410)
    assert refresh(library).results[0].status == "gone"
    stored = get_feed(library, feed.id)
    assert stored is not None and stored.disabled and "410" in (stored.last_error or "")
    report = refresh(library)
    assert report.results[0].status == "skipped"
    assert len(server.hits("/feed")) == 2  # not asked a third time
    assert len(list_articles(library, feed_id=feed.id)) == 1


def test_retry_after_is_stored_and_respected(server: FeedServer, library: Library) -> None:
    feed = add_feed(library, server.set("/feed", status=429, headers={"Retry-After": "3600"}))
    report = refresh(library)
    assert report.results[0].status == "retry_later"
    stored = get_feed(library, feed.id)
    assert stored is not None and stored.retry_after is not None
    assert refresh(library).results[0].status == "skipped"
    assert len(server.hits("/feed")) == 1


def test_permanent_redirect_updates_stored_url(server: FeedServer, library: Library) -> None:
    new = server.set("/new", rss(items(1)))
    moved = add_feed(library, server.set("/old", status=301, headers={"Location": "/new"}))
    temp_target = server.set("/elsewhere", rss(items(1, "Other")))
    temp = add_feed(library, server.set("/temp", status=307, headers={"Location": temp_target}))
    report = refresh(library)
    assert report.errors == 0
    assert get_feed(library, moved.id).url == new  # type: ignore[union-attr]
    assert get_feed(library, temp.id).url == server.url("/temp")  # type: ignore[union-attr]


def test_progress_is_reported_per_feed(server: FeedServer, library: Library) -> None:
    for i in range(3):
        add_feed(library, server.set(f"/f{i}", rss(items(1, f"F{i}"))))
    seen: list[tuple[int, int, FeedResult]] = []
    refresh(library, progress=lambda done, total, r: seen.append((done, total, r)))
    assert [(d, t) for d, t, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    assert {r.feed_id for _, _, r in seen} == {1, 2, 3}


def test_a_feed_write_is_one_transaction(
    server: FeedServer, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = add_feed(library, server.set("/feed", rss(items(3))))
    original = refresh_module.update_feed
    calls = {"n": 0}

    def crash_once(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 1:  # after the articles were written, before the feed row
            raise OSError("disk full")
        original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(refresh_module, "update_feed", crash_once)
    report = refresh(library)
    assert report.results[0].status == "error"
    assert "disk full" in (report.results[0].error or "")
    assert list_articles(library, feed_id=feed.id) == []  # rolled back with the feed row
    monkeypatch.setattr(refresh_module, "update_feed", original)
    assert refresh(library).new_articles == 3


def test_summary_only_entries_fetch_the_article_page(server: FeedServer, library: Library) -> None:
    page = f"""<html><head><title>Full story</title></head><body>
    <nav>Home | World | Sport</nav>
    <article><h1>Full story</h1><p>The whole first paragraph of the story. {LONG}</p>
    <p>A second paragraph with more detail about what happened.</p></article>
    <footer>Copyright</footer></body></html>"""
    server.set("/story", page, content_type="text/html; charset=utf-8")
    summary = [{"guid": "s1", "title": "Full story", "link": server.url("/story"),
                "description": "Teaser only."}]  # fmt: skip
    with_text = add_feed(library, server.set("/summaries", rss(summary)))
    without = add_feed(library, server.set("/summaries-off", rss(summary)), full_text=False)
    report = refresh(library)
    by_id = {r.feed_id: r for r in report.results}
    assert by_id[with_text.id].full_text_pages == 1
    (article,) = list_articles(library, feed_id=with_text.id)
    assert "The whole first paragraph of the story." in article.text
    assert "Copyright" not in article.text
    (teaser,) = list_articles(library, feed_id=without.id)
    assert teaser.text == "Teaser only."
    assert len(server.hits("/story")) == 1
    # Unchanged entries are not fetched again.
    refresh(library)
    assert len(server.hits("/story")) == 1


def test_big_refreshes_parse_in_processes_unless_run_as_python_m(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    monkeypatch.setattr(refresh_module.os, "cpu_count", lambda: 2)
    small = refresh_module.default_executor(3)
    big = refresh_module.default_executor(500)
    try:
        assert isinstance(small, ThreadPoolExecutor)
        assert isinstance(big, ProcessPoolExecutor)
    finally:
        small.shutdown()
        big.shutdown()


def test_stored_articles_are_seen_while_a_slow_feed_is_still_fetched(
    server: FeedServer, tmp_path: Path
) -> None:
    """Feeds' writes share commits, but none waits for the network: what one feed brought is
    visible to another reader (the TUI, a search) soon after it landed, and the write lock
    is free for others while the refresh waits on a slow server."""
    import sqlite3
    import threading
    import time

    db = tmp_path / "library.db"
    with open_library(db) as lib:
        add_feed(lib, server.set("/quick", rss(items(3, "Quick"))))
        add_feed(lib, server.set("/slow", rss(items(2, "Slow")), delay=6.0))
    done = threading.Event()

    def run() -> None:
        with open_library(db) as lib:
            refresh_feeds(lib, fetcher_options={"read_timeout": 12.0, "deadline": 15.0})
        done.set()

    worker = threading.Thread(target=run)
    worker.start()
    try:
        reader = sqlite3.connect(db, timeout=0.5)
        seen: list[str] = []
        deadline = time.monotonic() + 5.0  # a busy machine starts the refresh slowly
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
            seen = [r[0] for r in reader.execute("SELECT title FROM articles ORDER BY title")]
        assert seen == ["Quick 0", "Quick 1", "Quick 2"]
        assert not done.is_set()  # the slow feed is still on its way
        reader.execute("BEGIN IMMEDIATE")  # another writer is not kept waiting
        reader.execute("UPDATE articles SET starred = 1 WHERE title = 'Quick 1'")
        reader.execute("COMMIT")
        reader.close()
    finally:
        worker.join(timeout=25)
    with open_library(db) as lib:
        stored = {a.title: a.starred for a in list_articles(lib)}
    assert sorted(stored) == ["Quick 0", "Quick 1", "Quick 2", "Slow 0", "Slow 1"]
    assert stored["Quick 1"]


def test_a_failing_feed_rolls_back_alone_within_a_shared_commit(
    server: FeedServer, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = add_feed(library, server.set("/good", rss(items(2, "Good"))))
    bad = add_feed(library, server.set("/bad", rss(items(3, "Bad"))))
    original = refresh_module.update_feed

    def crash_for_bad(library: Library, feed_id: int, **changes: object) -> None:
        if feed_id == bad.id and "body_hash" in changes:  # after its articles were written
            raise OSError("disk trouble")
        original(library, feed_id, **changes)

    monkeypatch.setattr(refresh_module, "update_feed", crash_for_bad)
    report = refresh(library)
    assert {r.feed_id: r.status for r in report.results} == {good.id: "updated", bad.id: "error"}
    assert len(list_articles(library, feed_id=good.id)) == 2
    assert list_articles(library, feed_id=bad.id) == []
    assert not library.db.conn.in_transaction  # everything committed when the refresh ends
