"""The SQL for feeds and articles: subscriptions, upserts, search, reading state, plans."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest.parse import ParsedArticle
from briefing.store import Library, open_library
from briefing.store.articles import (
    count_articles,
    fts_query,
    get_article,
    list_articles,
    mark_read,
    search_articles,
    set_starred,
    stored_hashes,
    upsert_articles,
)
from briefing.store.feeds import (
    FeedExists,
    add_feed,
    find_feed,
    list_feeds,
    remove_feed,
    update_feed,
)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with open_library(tmp_path / "library.db") as lib:
        yield lib


def entry(
    key: str, title: str, text: str, published: str | None, digest: str = ""
) -> ParsedArticle:
    return ParsedArticle(
        guid=key,
        link=f"https://example.org/{key}",
        title=title,
        author="",
        published=published,
        updated=None,
        categories=("World",),
        text=text,
        content_hash=digest or f"{title}|{text}",
        dedupe_key=f"guid:{key}",
    )


def test_feeds_add_find_list_remove(library: Library) -> None:
    a = add_feed(library, "https://a.example/feed", title="Alpha", tags=["news", " news", "eu"])
    b = add_feed(library, "https://b.example/feed")
    assert a.tags == ["eu", "news"] and a.full_text and not a.disabled
    with pytest.raises(FeedExists):
        add_feed(library, "https://a.example/feed")
    assert find_feed(library, str(b.id)) == b
    assert find_feed(library, "https://a.example/feed") == a
    assert find_feed(library, "https://nowhere.example/") is None
    with library.db.atomic():
        upsert_articles(library, a.id, [entry("1", "One", "x", None)], fetched_at="2026-11-26")
    listed = list_feeds(library)
    assert [(f.title, f.article_count) for f in listed] == [("Alpha", 1), ("", 0)]
    assert remove_feed(library, a.id)
    assert count_articles(library) == 0 and search_articles(library, "One") == []
    assert not remove_feed(library, a.id)


def test_redirect_onto_another_subscription_keeps_the_url(library: Library) -> None:
    a = add_feed(library, "https://a.example/feed")
    add_feed(library, "https://b.example/feed")
    with library.db.atomic():
        update_feed(library, a.id, url="https://b.example/feed", last_error=None)
    assert find_feed(library, str(a.id)).url == "https://a.example/feed"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        update_feed(library, a.id, tags="[]")


def test_upsert_new_edited_unchanged(library: Library) -> None:
    feed = add_feed(library, "https://a.example/feed")
    first = [entry("1", "One", "text one", "2026-11-01T00:00:00+00:00"),
             entry("2", "Two", "text two", "2026-11-02T00:00:00+00:00")]  # fmt: skip
    with library.db.atomic():
        result = upsert_articles(library, feed.id, first, fetched_at="t1")
    assert (result.new, result.updated, result.unchanged) == (2, 0, 0)
    ids = {a.title: a.id for a in list_articles(library)}
    second = [entry("1", "One", "text one", "2026-11-01T00:00:00+00:00"),
              entry("2", "Two, edited", "new text", "2026-11-02T00:00:00+00:00")]  # fmt: skip
    with library.db.atomic():
        result = upsert_articles(library, feed.id, second, fetched_at="t2")
    assert (result.new, result.updated, result.unchanged) == (0, 1, 1)
    edited = get_article(library, ids["Two"])
    assert edited is not None and edited.title == "Two, edited" and edited.text == "new text"
    assert [a.title for a in search_articles(library, "new")] == ["Two, edited"]
    assert search_articles(library, "two") == [edited]


def test_list_newest_first_with_undated_last(library: Library) -> None:
    feed = add_feed(library, "https://a.example/feed")
    rows = [entry("old", "Old", "", "2026-01-01T00:00:00+00:00"),
            entry("none", "Undated", "", None),
            entry("new", "New", "", "2026-11-01T00:00:00+00:00")]  # fmt: skip
    with library.db.atomic():
        upsert_articles(library, feed.id, rows, fetched_at="t")
    assert [a.title for a in list_articles(library)] == ["New", "Old", "Undated"]
    assert [a.title for a in list_articles(library, limit=1, offset=1)] == ["Old"]


def test_search_is_safe_with_any_input(library: Library) -> None:
    feed = add_feed(library, "https://a.example/feed")
    rows = [entry("1", "Ceasefire talks", "Negotiators met in Geneva on Tuesday.", None),
            entry("2", "Port strike", "Dockers walked out over pay.", None)]  # fmt: skip
    with library.db.atomic():
        upsert_articles(library, feed.id, rows, fetched_at="t")
    assert [a.title for a in search_articles(library, "genev")] == ["Ceasefire talks"]
    assert [a.title for a in search_articles(library, "negotiate")] == ["Ceasefire talks"]
    assert [a.title for a in search_articles(library, "port pay")] == ["Port strike"]
    for hostile in ['"', "AND OR NOT", "title:x", "*", "(", "NEAR(a b)", ""]:
        search_articles(library, hostile)  # never an FTS5 syntax error
    assert fts_query('say "hi" OR') == '"say" "hi" "OR"*'


def test_read_and_starred(library: Library) -> None:
    feed = add_feed(library, "https://a.example/feed")
    with library.db.atomic():
        upsert_articles(library, feed.id, [entry("1", "A", "", None), entry("2", "B", "", None)],
                        fetched_at="t")  # fmt: skip
    a, b = sorted(list_articles(library), key=lambda x: x.title)
    mark_read(library, [a.id])
    set_starred(library, b.id)
    assert [x.title for x in list_articles(library, unread_only=True)] == ["B"]
    assert [x.title for x in list_articles(library, starred_only=True)] == ["B"]
    mark_read(library, [a.id], read=False)
    assert len(list_articles(library, unread_only=True)) == 2


def plans_of(library: Library, call: Any) -> list[str]:
    """The query plan of every SELECT that `call` runs."""
    statements: list[str] = []
    library.db.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        library.db.conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            rows = library.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
            plans.append(" | ".join(str(r[-1]) for r in rows))
    return plans


def test_query_plans_use_indexes(library: Library) -> None:
    feed = add_feed(library, "https://a.example/feed")
    with library.db.atomic():
        upsert_articles(library, feed.id, [entry("1", "A", "", None)], fetched_at="t")
    (newest,) = plans_of(library, lambda: list_articles(library, limit=50))
    assert "USING INDEX idx_articles_published" in newest and "TEMP B-TREE" not in newest
    (by_feed,) = plans_of(library, lambda: list_articles(library, feed_id=feed.id))
    assert "INDEX idx_articles_feed_published (feed_id=?)" in by_feed
    assert "TEMP B-TREE" not in by_feed
    (by_url,) = plans_of(library, lambda: find_feed(library, "https://a.example/feed"))[:1]
    assert "INDEX sqlite_autoindex_feeds_1 (url=?)" in by_url
    (known,) = plans_of(library, lambda: stored_hashes(library, feed.id))
    assert known.startswith("SEARCH articles USING") and "(feed_id=?)" in known


def _index_is_consistent(library: Library) -> bool:
    """FTS5's own check that its index holds exactly the articles' words."""
    try:
        library.db.execute(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
        )
    except Exception:
        return False
    return True


def test_search_index_is_fed_in_bulk_and_never_goes_wrong(library: Library) -> None:
    """Stored articles wait for one indexing pass; every path in between keeps the index true."""
    feed = add_feed(library, "https://a.example/feed")
    with library.db.atomic():
        upsert_articles(
            library,
            feed.id,
            [entry("1", "Harbour strike", "dockers walk out", "2026-11-01T00:00:00+00:00"),
             entry("2", "Tram fares", "fares rise in spring", "2026-11-02T00:00:00+00:00"),
             entry("3", "Flood warning", "river rises", "2026-11-03T00:00:00+00:00")],
            fetched_at="t1",
        )  # fmt: skip
    pending = library.db.execute("SELECT count(*) FROM fts_pending").fetchone()[0]
    assert pending == 3  # noted, not tokenised one by one
    # Edited and deleted before the indexing pass: nothing of theirs reaches the index twice.
    with library.db.atomic():
        upsert_articles(
            library,
            feed.id,
            [entry("2", "Tram fares", "fares frozen until summer", "2026-11-02T00:00:00+00:00")],
            fetched_at="t2",
        )
        library.db.execute("DELETE FROM articles WHERE guid = '3'")
    assert [a.title for a in search_articles(library, "frozen")] == ["Tram fares"]  # caught up
    assert search_articles(library, "spring") == [] and search_articles(library, "river") == []
    assert _index_is_consistent(library)
    # Reading an article does not touch the index; editing one indexed already does.
    mark_read(library, [a.id for a in list_articles(library)])
    assert library.db.execute("SELECT count(*) FROM fts_pending").fetchone()[0] == 0
    with library.db.atomic():
        upsert_articles(
            library,
            feed.id,
            [entry("1", "Harbour strike ends", "dockers return", "2026-11-01T00:00:00+00:00")],
            fetched_at="t3",
        )
    assert [a.title for a in search_articles(library, "return")] == ["Harbour strike ends"]
    assert search_articles(library, "walk") == []
    assert _index_is_consistent(library)
