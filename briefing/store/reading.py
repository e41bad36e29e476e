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
