"""Articles: storing a feed's entries (new or edited), listing, searching, read and starred."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from briefing.store._library import Library
from briefing.store._rows import named_row, named_rows


class ArticleEntry(Protocol):
    """What the library needs of a feed entry to store it (briefing.ingest.parse's
    ParsedArticle is one; the store does not import the ingest layer)."""

    @property
    def guid(self) -> str | None: ...
    @property
    def link(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def updated(self) -> str | None: ...
    @property
    def categories(self) -> Sequence[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def content_hash(self) -> str: ...
    @property
    def dedupe_key(self) -> str: ...


# The columns an entry fills, in the order `_row` gives their values.
ARTICLE_FIELDS = (
    "guid",
    "link",
    "title",
    "author",
    "published",
    "updated",
    "categories",
    "text",
    "content_hash",
    "dedupe_key",
)


@dataclass
class Article:
    """One stored article."""

    id: int
    feed_id: int
    title: str
    link: str
    author: str = ""
    published: str | None = None
    updated: str | None = None
    categories: list[str] = field(default_factory=list)
    text: str = ""
    guid: str | None = None
    read: bool = False
    starred: bool = False
    fetched_at: str = ""
    feed_title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class UpsertResult:
    """How a feed's entries changed the library."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    new_ids: list[int] = field(default_factory=list)


_SELECT = """
    SELECT a.id, a.feed_id, a.title, a.link, a.author, a.published, a.updated, a.categories,
           a.text, a.guid, a.read, a.starred, a.fetched_at, f.title AS feed_title
    FROM articles a JOIN feeds f ON f.id = a.feed_id
"""


def _article(row: sqlite3.Row) -> Article:
    """An `_SELECT` row as an Article."""
    try:
        categories = [str(c) for c in json.loads(row["categories"] or "[]")]
    except (ValueError, TypeError):
        categories = []
    return Article(
        id=row["id"],
        feed_id=row["feed_id"],
        title=row["title"],
        link=row["link"],
        author=row["author"],
        published=row["published"],
        updated=row["updated"],
        categories=categories,
        text=row["text"],
        guid=row["guid"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        fetched_at=row["fetched_at"],
        feed_title=row["feed_title"] or "",
    )


def stored_hashes(library: Library, feed_id: int) -> dict[str, str]:
    """dedupe_key -> content_hash for a feed's stored articles."""
    rows = named_rows(
        library, "SELECT dedupe_key, content_hash FROM articles WHERE feed_id = ?", [feed_id]
    )
    return {row["dedupe_key"]: row["content_hash"] for row in rows}


def upsert_articles(
    library: Library,
    feed_id: int,
    entries: Iterable[ArticleEntry],
    *,
    fetched_at: str,
    known: Mapping[str, str] | None = None,
) -> UpsertResult:
    """Insert new entries and update edited ones in place (same id, read/starred kept).

    Entries are matched on their dedupe key; an entry whose content hash is unchanged is
    not written. Call inside the feed's transaction. `known` is `stored_hashes` when the
    caller already has it.
    """
    if known is None:
        known = stored_hashes(library, feed_id)
    result = UpsertResult()
    seen: set[str] = set()
    conn = library.db.conn
    for entry in entries:
        key = entry.dedupe_key
        if key in seen:  # the same item twice in one document: the first one wins
            continue
        seen.add(key)
        stored = known.get(key)
        if stored == entry.content_hash:
            result.unchanged += 1
            continue
        values = _row(entry)
        if stored is None:
            cursor = conn.execute(_INSERT, (feed_id, fetched_at, *values))
            result.new += 1
            if cursor.lastrowid is not None:
                result.new_ids.append(cursor.lastrowid)
        else:
            conn.execute(_UPDATE, (*values, fetched_at, feed_id, key))
            result.updated += 1
    return result


_INSERT = (
    f"INSERT INTO articles (feed_id, fetched_at, {', '.join(ARTICLE_FIELDS)}) "
    f"VALUES (?, ?, {', '.join('?' for _ in ARTICLE_FIELDS)})"
)
_UPDATE = (
    f"UPDATE articles SET {', '.join(f'{name} = ?' for name in ARTICLE_FIELDS)}, "
    "fetched_at = ?, analysed_version = NULL WHERE feed_id = ? AND dedupe_key = ?"
)


def _row(entry: ArticleEntry) -> tuple[Any, ...]:
    """An entry's values in ARTICLE_FIELDS order, as the columns store them."""
    return (
        entry.guid,
        entry.link,
        entry.title,
        entry.author,
        entry.published,
        entry.updated,
        json.dumps(list(entry.categories)),
        entry.text,
        entry.content_hash,
        entry.dedupe_key,
    )


def prune_articles(library: Library, feed_id: int, *, keep: int) -> int:
    """Delete a feed's oldest articles beyond `keep`: read ones first, starred ones never.

    Call inside the feed's transaction. Returns how many articles were deleted.
    """
    if keep <= 0:
        return 0
    excess = count_articles(library, feed_id=feed_id) - keep
    if excess <= 0:
        return 0
    rows = list(
        named_rows(
            library,
            "SELECT id, storyline_id FROM articles WHERE feed_id = ? AND starred = 0 "
            "ORDER BY read DESC, coalesce(published, updated, fetched_at), id LIMIT ?",
            [feed_id, excess],
        )
    )
    library.db.conn.executemany("DELETE FROM articles WHERE id = ?", [(r["id"],) for r in rows])
    storylines = {r["storyline_id"] for r in rows if r["storyline_id"] is not None}
    if storylines:
        from briefing.store.storylines import recount

        recount(library, storylines)
    return len(rows)


def get_article(library: Library, article_id: int) -> Article | None:
    """One article by id, or None."""
    row = named_row(library, _SELECT + " WHERE a.id = ?", [article_id])
    return _article(row) if row else None


def list_articles(
    library: Library,
    *,
    feed_id: int | None = None,
    unread_only: bool = False,
    starred_only: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> list[Article]:
    """Articles newest first (by published date; undated ones last)."""
    where: list[str] = []
    params: list[Any] = []
    if feed_id is not None:
        where.append("a.feed_id = ?")
        params.append(feed_id)
    if unread_only:
        where.append("a.read = 0")
    if starred_only:
        where.append("a.starred = 1")
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?"
    return [_article(row) for row in named_rows(library, sql, [*params, limit, offset])]


def count_articles(library: Library, *, feed_id: int | None = None) -> int:
    """How many articles the library (or one feed) holds."""
    if feed_id is None:
        row = named_row(library, "SELECT count(*) AS n FROM articles")
    else:
        row = named_row(library, "SELECT count(*) AS n FROM articles WHERE feed_id = ?", [feed_id])
    assert row is not None  # an aggregate always gives one row
    return int(row["n"])


_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must match, as a prefix for the last.

    Quoting each word keeps FTS5 syntax (AND, NEAR, column filters, stray quotes) in
    the user's input from being interpreted or raising an error.
    """
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def catch_up_search_index(library: Library) -> int:
    """Tokenise the articles stored since the last catch-up, in one transaction; returns how
    many. (Inserting articles only notes them: see migration 0008.)"""
    conn = library.db.conn
    if conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone() is None:
        return 0
    with library.db.atomic():
        count = conn.execute(
            "INSERT INTO articles_fts (rowid, title, text) SELECT a.id, a.title, a.text"
            " FROM fts_pending p JOIN articles a ON a.id = p.article_id"
        ).rowcount
        conn.execute("DELETE FROM fts_pending")
    return count


def search_articles(
    library: Library, query: str, *, limit: int = 50, feed_id: int | None = None
) -> list[Article]:
    """Full-text search over titles and text, best matches first."""
    match = fts_query(query)
    if not match:
        return []
    catch_up_search_index(library)
    sql = (
        _SELECT
        + " JOIN articles_fts ON articles_fts.rowid = a.id WHERE articles_fts MATCH ?"
        + (" AND a.feed_id = ?" if feed_id is not None else "")
        + " ORDER BY articles_fts.rank LIMIT ?"
    )
    params: list[Any] = [match] + ([feed_id] if feed_id is not None else []) + [limit]
    return [_article(row) for row in named_rows(library, sql, params)]


def mark_read(library: Library, article_ids: Iterable[int], read: bool = True) -> None:
    """Mark articles read (or unread)."""
    ids = list(article_ids)
    with library.db.atomic():
        library.db.conn.executemany(
            "UPDATE articles SET read = ? WHERE id = ?", [(int(read), i) for i in ids]
        )


def set_starred(library: Library, article_id: int, starred: bool = True) -> None:
    """Star or unstar an article."""
    with library.db.atomic():
        library.db.execute(
            "UPDATE articles SET starred = ? WHERE id = ?", [int(starred), article_id]
        )
