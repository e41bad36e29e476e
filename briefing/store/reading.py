"""Read-only queries the reader (TUI) needs and no other store module provides."""

from __future__ import annotations

from briefing.store._library import Library
from briefing.store._rows import named_row, named_rows


def storyline_article_ids(
    library: Library, storyline_id: int, *, unread_only: bool = False
) -> list[int]:
    """The ids of a storyline's articles (to mark them read together), or of its unread ones."""
    sql = "SELECT id FROM articles WHERE storyline_id = ?"
    if unread_only:
        sql += " AND read = 0"
    return [row["id"] for row in named_rows(library, sql, [storyline_id])]


def library_counts(library: Library) -> dict[str, int]:
    """How many feeds, articles and storylines the library holds."""
    row = named_row(
        library,
        """
        SELECT (SELECT COUNT(*) FROM feeds) AS feeds,
               (SELECT COUNT(*) FROM articles) AS articles,
               (SELECT COUNT(*) FROM storylines WHERE merged_into IS NULL) AS storylines
        """,
    )
    assert row is not None  # an aggregate always gives one row
    return {key: int(row[key]) for key in row.keys()}


def unread_article_ids(library: Library, *, feed_id: int | None = None) -> list[int]:
    """The ids of the unread articles of a feed, or of the whole library (to mark them read
    together and to undo that)."""
    if feed_id is None:
        rows = named_rows(library, "SELECT id FROM articles WHERE read = 0")
    else:
        rows = named_rows(
            library, "SELECT id FROM articles WHERE feed_id = ? AND read = 0", [feed_id]
        )
    return [row["id"] for row in rows]


def unread_among(library: Library, article_ids: list[int]) -> set[int]:
    """Which of these articles are unread."""
    found: set[int] = set()
    for start in range(0, len(article_ids), 500):  # SQLite's limit on bound parameters
        chunk = article_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = named_rows(
            library, f"SELECT id FROM articles WHERE read = 0 AND id IN ({marks})", chunk
        )
        found.update(row["id"] for row in rows)
    return found


def newest_unread(
    library: Library, *, storyline_id: int | None = None, exclude: int | None = None
) -> int | None:
    """The newest unread article (of a storyline, when given) other than `exclude`."""
    where = ["read = 0", "id != ?"]
    params: list[object] = [exclude if exclude is not None else -1]
    if storyline_id is not None:
        where.append("storyline_id = ?")
        params.append(storyline_id)
    row = named_row(
        library,
        f"SELECT id FROM articles WHERE {' AND '.join(where)} ORDER BY published DESC, id LIMIT 1",
        params,
    )
    return int(row["id"]) if row else None


def article_storyline(library: Library, article_id: int) -> int | None:
    """The storyline an article belongs to, if any."""
    row = named_row(library, "SELECT storyline_id FROM articles WHERE id = ?", [article_id])
    return int(row["storyline_id"]) if row and row["storyline_id"] is not None else None
