"""A library made by the first schema opens with today's code, data intact."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from briefing.store import migrations, open_library
from briefing.store.articles import list_articles, search_articles
from briefing.store.feeds import list_feeds


def first_schema_library(path: Path) -> None:
    """What briefing's first release wrote: migration 0001 only, a feed and two articles."""
    names = [m.name for m in migrations.pending(Database(memory=True))]
    assert names[0] == "0001_feeds_and_articles" and len(names) > 1
    db = Database(path)
    migrations.apply(db, stop_before=names[1])
    assert {m.name for m in migrations.applied(db)} == {"0001_feeds_and_articles"}
    db.execute(
        "INSERT INTO feeds (id, url, title, tags, added_at, etag, body_hash) "
        "VALUES (1, 'https://old.example/feed', 'Old Feed', '[\"news\"]', "
        "'2026-01-01T00:00:00+00:00', '\"v9\"', 'abc')"
    )
    for i, title in enumerate(["Harbour strike ends", "Budget vote delayed"], start=1):
        db.execute(
            "INSERT INTO articles (feed_id, guid, link, title, published, text, content_hash, "
            "dedupe_key, fetched_at, read) VALUES (1, ?, ?, ?, ?, ?, 'h', ?, '2026-01-02', ?)",
            [f"g{i}", f"https://old.example/{i}", title, f"2026-01-0{i}T00:00:00+00:00",
             f"{title}. Body of the article.", f"guid:g{i}", i % 2],
        )  # fmt: skip
    db.conn.commit()
    db.close()


def test_first_schema_upgrades_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first_schema_library(path)
    with open_library(path) as library:
        applied = [m.name for m in migrations.applied(library.db)]
        assert applied == [m.name for m in migrations._migrations]  # every migration, in order
        assert not migrations.pending(library.db)
        tables = set(library.db.table_names())
        assert {"actors", "quotes", "red_lines", "events", "storylines"} <= tables
        (feed,) = list_feeds(library)
        assert (feed.url, feed.title, feed.tags, feed.etag) == (
            "https://old.example/feed", "Old Feed", ["news"], '"v9"')  # fmt: skip
        assert feed.article_count == 2
        titles = [(a.title, a.read) for a in list_articles(library)]
        assert titles == [("Budget vote delayed", False), ("Harbour strike ends", True)]
        assert [a.title for a in search_articles(library, "harbour")] == ["Harbour strike ends"]
        columns = set(library.db["articles"].columns_dict)
        assert {"language", "analysed_version", "storyline_id"} <= columns
    # Opening again is a no-op.
    with open_library(path) as library:
        assert len(list_articles(library)) == 2
