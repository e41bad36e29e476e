"""A library filled with articles through the store, as a refresh would fill it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest.parse import ParsedArticle
from briefing.store import Library, open_library
from briefing.store.articles import upsert_articles
from briefing.store.feeds import add_feed, get_feed_by_url

FETCHED_AT = "2026-11-25T08:00:00+00:00"


class Shelf:
    """A library plus the outlets (feeds) the test articles come from."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.ids: dict[str, int] = {}  # test article id -> library article id

    def feed_id(self, outlet: str) -> int:
        url = f"https://{outlet.lower().replace(' ', '-')}.example/feed"
        feed = get_feed_by_url(self.library, url) or add_feed(self.library, url, title=outlet)
        return feed.id

    def add(self, docs: Iterable[dict[str, Any]], *, fetched_at: str = FETCHED_AT) -> None:
        """Store articles ({id, title, text, published, source, link?}) as a refresh would."""
        for doc in docs:
            feed_id = self.feed_id(doc.get("source") or "Test Outlet")
            text = doc["text"]
            entry = ParsedArticle(
                guid=doc["id"],
                link=doc.get("link") or f"https://example.org/{doc['id']}",
                title=doc["title"],
                author="",
                published=doc["published"][:10] + "T09:00:00+00:00",
                updated=None,
                categories=(),
                text=text,
                content_hash=hashlib.sha256((doc["title"] + text).encode()).hexdigest(),
                dedupe_key=doc["id"],
            )
            with self.library.db.atomic():
                result = upsert_articles(self.library, feed_id, [entry], fetched_at=fetched_at)
            if result.new_ids:
                self.ids[doc["id"]] = result.new_ids[0]

    def storyline_of(self, doc_id: str) -> int | None:
        row = self.library.db.execute(
            "SELECT storyline_id FROM articles WHERE id = ?", [self.ids[doc_id]]
        ).fetchone()
        return row[0]


@pytest.fixture
def shelf(tmp_path: Path) -> Iterator[Shelf]:
    library = open_library(tmp_path / "library.db")
    try:
        yield Shelf(library)
    finally:
        library.close()
