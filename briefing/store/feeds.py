"""Feeds: subscribing, listing with article counts, and what each refresh records."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from briefing.errors import BriefingError
from briefing.store._library import Library
from briefing.store._rows import named_row, named_rows


class FeedExists(BriefingError):
    """The library already has a feed with this URL."""

    def __init__(self, feed: Feed) -> None:
        super().__init__(f"already subscribed: {feed.url}")
        self.feed = feed


def utc_now() -> str:
    """The current time as ISO 8601 UTC, seconds precision (the library's timestamp form)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass
class Feed:
    """One subscription and what the last refresh found."""

    id: int
    url: str
    title: str = ""
    site_url: str = ""
    tags: list[str] = field(default_factory=list)
    added_at: str = ""
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_refresh: str | None = None
    last_error: str | None = None
    retry_after: str | None = None
    disabled: bool = False
    full_text: bool = True
    article_count: int = 0
    unread_count: int = 0
    newest: str | None = None  # the newest article's publication date (ISO 8601), if any

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_COLUMNS = (
    "id, url, title, site_url, tags, added_at, etag, last_modified, body_hash, "
    "last_refresh, last_error, retry_after, disabled, full_text"
)


def _feed(
    row: sqlite3.Row, article_count: int = 0, unread_count: int = 0, newest: str | None = None
) -> Feed:
    """A row with the `_COLUMNS` as a Feed."""
    try:
        tag_list = [str(t) for t in json.loads(row["tags"] or "[]")]
    except (ValueError, TypeError):
        tag_list = []
    return Feed(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        site_url=row["site_url"],
        tags=tag_list,
        added_at=row["added_at"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        body_hash=row["body_hash"],
        last_refresh=row["last_refresh"],
        last_error=row["last_error"],
        retry_after=row["retry_after"],
        disabled=bool(row["disabled"]),
        full_text=bool(row["full_text"]),
        article_count=article_count,
        unread_count=unread_count,
        newest=newest,
    )


def add_feed(
    library: Library,
    url: str,
    *,
    title: str = "",
    site_url: str = "",
    tags: Iterable[str] = (),
    full_text: bool = True,
) -> Feed:
    """Subscribe to `url`; raises FeedExists when it is already in the library."""
    existing = get_feed_by_url(library, url)
    if existing is not None:
        raise FeedExists(existing)
    tag_list = sorted({t.strip() for t in tags if t and t.strip()})
    with library.db.atomic():
        cursor = library.db.execute(
            "INSERT INTO feeds (url, title, site_url, tags, added_at, full_text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [url, title, site_url, json.dumps(tag_list), utc_now(), int(full_text)],
        )
    feed = get_feed(library, int(cursor.lastrowid or 0))
    assert feed is not None
    return feed


def get_feed(library: Library, feed_id: int) -> Feed | None:
    """The feed with this id, or None."""
    row = named_row(library, f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", [feed_id])
    return _feed(row, _count(library, feed_id)) if row else None


def get_feed_by_url(library: Library, url: str) -> Feed | None:
    """The feed subscribed at exactly this URL, or None."""
    row = named_row(library, f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", [url])
    return _feed(row, _count(library, row["id"])) if row else None


def find_feed(library: Library, url_or_id: str) -> Feed | None:
    """A feed named on the command line: its numeric id or its URL."""
    text = url_or_id.strip()
    if text.isdigit():
        feed = get_feed(library, int(text))
        if feed is not None:
            return feed
    return get_feed_by_url(library, text)


def _count(library: Library, feed_id: int) -> int:
    row = named_row(library, "SELECT count(*) AS n FROM articles WHERE feed_id = ?", [feed_id])
    assert row is not None  # an aggregate always gives one row
    return int(row["n"])


def list_feeds(library: Library, *, include_disabled: bool = True) -> list[Feed]:
    """Every feed, by title then URL, each with its article and unread counts and the date
    of its newest article."""
    where = "" if include_disabled else "WHERE f.disabled = 0"
    prefixed = ", ".join(f"f.{c.strip()}" for c in _COLUMNS.split(","))
    rows = named_rows(
        library,
        f"""
        SELECT {prefixed},
               (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS article_count,
               (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0)
                   AS unread_count,
               (SELECT max(a.published) FROM articles a WHERE a.feed_id = f.id) AS newest
        FROM feeds f {where}
        ORDER BY lower(f.title) = '', lower(f.title), f.url
        """,
    )
    return [
        _feed(row, int(row["article_count"]), int(row["unread_count"]), row["newest"])
        for row in rows
    ]


def add_feeds(library: Library, subscriptions: Iterable[Any]) -> tuple[int, int]:
    """Subscribe to each of a list's feeds (objects with url, title, site_url and tags);
    returns (added, already subscribed)."""
    added = existing = 0
    for sub in subscriptions:
        try:
            add_feed(library, sub.url, title=sub.title, site_url=sub.site_url, tags=sub.tags)
        except FeedExists:
            existing += 1
        else:
            added += 1
    return added, existing


def remove_feed(library: Library, feed_id: int) -> bool:
    """Unsubscribe and delete the feed's articles; False when there was no such feed."""
    with library.db.atomic():
        library.db.execute("DELETE FROM articles WHERE feed_id = ?", [feed_id])
        cursor = library.db.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
    return cursor.rowcount > 0


def set_tags(library: Library, feed_id: int, tags: Iterable[str]) -> None:
    """Replace a feed's tags."""
    tag_list = sorted({t.strip() for t in tags if t and t.strip()})
    with library.db.atomic():
        library.db.execute(
            "UPDATE feeds SET tags = ? WHERE id = ?", [json.dumps(tag_list), feed_id]
        )


def set_full_text(library: Library, feed_id: int, enabled: bool) -> None:
    """Switch fetching of article pages for this feed's summary-only entries."""
    with library.db.atomic():
        library.db.execute("UPDATE feeds SET full_text = ? WHERE id = ?", [int(enabled), feed_id])


def set_disabled(library: Library, feed_id: int, disabled: bool) -> None:
    """Stop (or resume) refreshing a feed without losing its articles."""
    with library.db.atomic():
        library.db.execute("UPDATE feeds SET disabled = ? WHERE id = ?", [int(disabled), feed_id])


# Columns a refresh may set on its feed; anything else is a programming error.
_REFRESH_FIELDS = frozenset(
    {
        "url",
        "title",
        "site_url",
        "etag",
        "last_modified",
        "body_hash",
        "last_refresh",
        "last_error",
        "retry_after",
        "disabled",
    }
)


def update_feed(library: Library, feed_id: int, **changes: Any) -> None:
    """Record what a refresh learned about a feed (call inside the feed's transaction).

    A new `url` that another subscription already uses is left unchanged rather than
    breaking the refresh.
    """
    unknown = set(changes) - _REFRESH_FIELDS
    if unknown:
        raise ValueError(f"not a refresh field: {sorted(unknown)}")
    if not changes:
        return
    if "url" in changes:
        clash = named_row(
            library, "SELECT 1 FROM feeds WHERE url = ? AND id != ?", [changes["url"], feed_id]
        )
        if clash:
            del changes["url"]
    if "disabled" in changes:
        changes["disabled"] = int(bool(changes["disabled"]))
    assignments = ", ".join(f"{name} = ?" for name in changes)
    try:
        library.db.execute(
            f"UPDATE feeds SET {assignments} WHERE id = ?", [*changes.values(), feed_id]
        )
    except sqlite3.IntegrityError:
        changes.pop("url", None)
        if changes:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            library.db.execute(
                f"UPDATE feeds SET {assignments} WHERE id = ?", [*changes.values(), feed_id]
            )
