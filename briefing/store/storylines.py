"""Storylines in the library: their rows, the articles assigned to them, the user's choices.

Each storyline row keeps the grouper's summary of it as JSON (`state`); the rest of the
grouper's state is in `briefing.store.grouping`. An article the
user placed by hand is *pinned*: the pipeline never moves it again. A storyline merged
into another keeps its row with `merged_into` set, so old ids still resolve.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.store._library import Library
from briefing.store._rows import named_row, named_rows


@dataclass(frozen=True)
class StorylineRow:
    id: int
    label: str
    user_label: str | None
    first_date: str | None
    last_date: str | None
    article_count: int
    state: dict[str, Any]
    last_opened: str | None
    merged_into: int | None

    @property
    def title(self) -> str:
        """The label a user sees: their own if they renamed it."""
        return self.user_label or self.label


@dataclass(frozen=True)
class MemberRow:
    """An article of a storyline, with what the list and the briefing show of it."""

    article_id: int
    storyline_id: int
    title: str
    url: str
    outlet: str
    published: str | None
    fetched_at: str
    read: bool
    pinned: bool
    wire_of: int | None
    text: str


_STORYLINE_COLUMNS = (
    "id, label, user_label, first_date, last_date, article_count, state, last_opened, merged_into"
)


def _storyline(row: sqlite3.Row) -> StorylineRow:
    try:
        state = json.loads(row["state"] or "{}")
    except ValueError:
        state = {}
    return StorylineRow(
        id=row["id"],
        label=row["label"] or "",
        user_label=row["user_label"],
        first_date=row["first_date"],
        last_date=row["last_date"],
        article_count=row["article_count"] or 0,
        state=state if isinstance(state, dict) else {},
        last_opened=row["last_opened"],
        merged_into=row["merged_into"],
    )


def get_storyline(library: Library, storyline_id: int) -> StorylineRow | None:
    row = named_row(
        library, f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE id = ?", [storyline_id]
    )
    return _storyline(row) if row else None


def resolve_storyline(library: Library, storyline_id: int) -> StorylineRow | None:
    """The storyline with this id, following merges to the one that holds its articles now."""
    seen: set[int] = set()
    row = get_storyline(library, storyline_id)
    while row is not None and row.merged_into is not None and row.id not in seen:
        seen.add(row.id)
        row = get_storyline(library, row.merged_into)
    return row


def active_storylines(library: Library, since: str | None) -> list[StorylineRow]:
    """Storylines (not merged away) with an article on or after `since` (all if None)."""
    sql = f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE merged_into IS NULL"
    params: list[Any] = []
    if since is not None:
        sql += " AND last_date >= ?"
        params.append(since)
    return [_storyline(r) for r in named_rows(library, sql, params)]


def merged_storylines(library: Library) -> list[StorylineRow]:
    """Storylines the user merged into another (their summaries still attract articles)."""
    rows = named_rows(
        library, f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE merged_into IS NOT NULL"
    )
    return [_storyline(r) for r in rows]


def all_storylines(library: Library) -> list[StorylineRow]:
    """Every storyline not merged into another."""
    rows = named_rows(
        library, f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE merged_into IS NULL"
    )
    return [_storyline(r) for r in rows]


def create_storyline(
    library: Library, *, label: str = "", state: Mapping[str, Any] | None = None
) -> int:
    cursor = library.db.conn.execute(
        "INSERT INTO storylines (label, state) VALUES (?, ?)",
        [label, json.dumps(state or {}, separators=(",", ":"))],
    )
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def save_storyline(
    library: Library,
    storyline_id: int,
    *,
    label: str | None = None,
    state: Mapping[str, Any] | None = None,
) -> None:
    """Store the grouper's label and state; dates and counts are recounted from the articles."""
    sets = []
    params: list[Any] = []
    if label is not None:
        sets.append("label = ?")
        params.append(label)
    if state is not None:
        sets.append("state = ?")
        params.append(json.dumps(state, separators=(",", ":")))
    if sets:
        library.db.conn.execute(
            f"UPDATE storylines SET {', '.join(sets)} WHERE id = ?", [*params, storyline_id]
        )
    recount(library, [storyline_id])


def recount(library: Library, storyline_ids: Iterable[int]) -> None:
    """Refresh first/last date and the count of stories (wire copies once) from the articles."""
    for sid in set(storyline_ids):
        library.db.conn.execute(
            """
            UPDATE storylines SET
              first_date = (SELECT min(substr(published, 1, 10)) FROM articles
                            WHERE storyline_id = :id),
              last_date = (SELECT max(substr(published, 1, 10)) FROM articles
                           WHERE storyline_id = :id),
              article_count = (SELECT count(*) FROM articles a
                               LEFT JOIN storyline_members m ON m.article_id = a.id
                               WHERE a.storyline_id = :id AND m.wire_of IS NULL)
            WHERE id = :id
            """,
            {"id": sid},
        )


def assign_article(
    library: Library,
    article_id: int,
    storyline_id: int,
    *,
    content_hash: str,
    simhash: int,
    wire_of: int | None,
    assigned_at: str,
) -> None:
    """Put an article in a storyline (the pipeline's choice; pinned articles are left alone)."""
    library.db.conn.execute(
        "UPDATE articles SET storyline_id = ? WHERE id = ? AND storyline_pinned = 0",
        [storyline_id, article_id],
    )
    library.db.conn.execute(
        "INSERT INTO storyline_members (article_id, content_hash, simhash, wire_of, assigned_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET"
        " content_hash = excluded.content_hash, simhash = excluded.simhash,"
        " wire_of = excluded.wire_of, assigned_at = excluded.assigned_at",
        [article_id, content_hash, _signed(simhash), wire_of, assigned_at],
    )


def article_storyline(library: Library, article_id: int) -> tuple[int | None, bool]:
    """(storyline id, pinned) of an article; raises KeyError if there is no such article."""
    row = named_row(
        library, "SELECT storyline_id, storyline_pinned FROM articles WHERE id = ?", [article_id]
    )
    if row is None:
        raise KeyError(article_id)
    return row["storyline_id"], bool(row["storyline_pinned"])


def member_hash(library: Library, article_id: int) -> str | None:
    """The content hash of the text the article was grouped with (None: never grouped)."""
    row = named_row(
        library, "SELECT content_hash FROM storyline_members WHERE article_id = ?", [article_id]
    )
    return row["content_hash"] if row else None


def pin_articles(library: Library, article_ids: Iterable[int], storyline_id: int) -> None:
    """The user's placement: these articles belong to `storyline_id`, whatever the grouper says."""
    library.db.conn.executemany(
        "UPDATE articles SET storyline_id = ?, storyline_pinned = 1 WHERE id = ?",
        [(storyline_id, a) for a in article_ids],
    )


def set_merged(library: Library, source_id: int, target_id: int) -> None:
    library.db.conn.execute(
        "UPDATE storylines SET merged_into = ?, article_count = 0 WHERE id = ?",
        [target_id, source_id],
    )
    # Storylines merged into the source earlier now point straight at the target.
    library.db.conn.execute(
        "UPDATE storylines SET merged_into = ? WHERE merged_into = ?", [target_id, source_id]
    )


@dataclass(frozen=True)
class SavedStorylines:
    """Storylines and the places of their articles as they were: what an undo puts back."""

    rows: tuple[tuple[Any, ...], ...]  # the storylines' rows, columns as _STORYLINE_COLUMNS
    merged: tuple[tuple[int, int], ...]  # (id, merged_into) of storylines merged into them
    places: tuple[tuple[int, int, bool], ...]  # (article id, storyline id, pinned)

    @property
    def storyline_ids(self) -> tuple[int, ...]:
        return tuple(row[0] for row in self.rows)


def save_storylines(library: Library, storyline_ids: Iterable[int]) -> SavedStorylines:
    """Keep these storylines' rows and their articles' places (before a correction)."""
    ids = sorted(set(storyline_ids))
    marks = ",".join("?" for _ in ids)
    conn = library.db.conn
    rows = conn.execute(
        f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE id IN ({marks}) ORDER BY id", ids
    ).fetchall()
    merged = conn.execute(
        f"SELECT id, merged_into FROM storylines WHERE merged_into IN ({marks}) ORDER BY id", ids
    ).fetchall()
    places = conn.execute(
        f"SELECT id, storyline_id, storyline_pinned FROM articles"
        f" WHERE storyline_id IN ({marks}) ORDER BY id",
        ids,
    ).fetchall()
    return SavedStorylines(
        rows=tuple(tuple(r) for r in rows),
        merged=tuple((r[0], r[1]) for r in merged),
        places=tuple((r[0], r[1], bool(r[2])) for r in places),
    )


def restore_storylines(
    library: Library, saved: SavedStorylines, *, created: Iterable[int] = ()
) -> None:
    """Put saved storylines back as they were, and remove the storylines made since.

    An article placed in a removed storyline since (by a refresh) goes to the first saved
    storyline; articles placed in the saved storylines since stay where they are.
    Call inside a transaction.
    """
    conn = library.db.conn
    home = saved.storyline_ids[0]
    made = sorted(set(created) - set(saved.storyline_ids))
    if made:
        marks = ",".join("?" for _ in made)
        conn.execute(
            f"UPDATE articles SET storyline_id = ? WHERE storyline_id IN ({marks})", [home, *made]
        )
        conn.execute(
            f"UPDATE storylines SET merged_into = ? WHERE merged_into IN ({marks})", [home, *made]
        )
    conn.executemany(
        "UPDATE articles SET storyline_id = ?, storyline_pinned = ? WHERE id = ?",
        [(sid, int(pinned), aid) for aid, sid, pinned in saved.places],
    )
    columns = _STORYLINE_COLUMNS.split(", ")[1:]
    assignments = ", ".join(f"{c} = ?" for c in columns)
    conn.executemany(
        f"UPDATE storylines SET {assignments} WHERE id = ?",
        [(*row[1:], row[0]) for row in saved.rows],
    )
    conn.executemany(
        "UPDATE storylines SET merged_into = ? WHERE id = ?",
        [(target, sid) for sid, target in saved.merged],
    )
    if made:
        conn.execute(f"DELETE FROM storylines WHERE id IN ({marks})", made)
    recount(library, saved.storyline_ids)


def touched_by_user(library: Library, storyline_id: int) -> bool:
    """Whether the user renamed the storyline or placed any of its articles by hand."""
    row = library.db.conn.execute(
        "SELECT user_label IS NOT NULL OR EXISTS (SELECT 1 FROM articles"
        " WHERE storyline_id = :id AND storyline_pinned = 1) FROM storylines WHERE id = :id",
        {"id": storyline_id},
    ).fetchone()
    return bool(row and row[0])


def move_unpinned(library: Library, source_id: int, target_id: int) -> None:
    """The pipeline's articles of one storyline go to another (the user's stay where they are)."""
    library.db.conn.execute(
        "UPDATE articles SET storyline_id = ? WHERE storyline_id = ? AND storyline_pinned = 0",
        [target_id, source_id],
    )


def set_user_label(library: Library, storyline_id: int, label: str | None) -> None:
    library.db.conn.execute(
        "UPDATE storylines SET user_label = ? WHERE id = ?", [label, storyline_id]
    )


def set_last_opened(library: Library, storyline_id: int, when: str) -> None:
    library.db.conn.execute(
        "UPDATE storylines SET last_opened = ? WHERE id = ?", [when, storyline_id]
    )


_MEMBERS = """
    SELECT a.id AS article_id, a.storyline_id, a.title, a.link AS url,
           COALESCE(f.title, '') AS outlet, a.published, a.fetched_at, a.read,
           a.storyline_pinned AS pinned, m.wire_of, {text} AS text
    FROM articles a
    LEFT JOIN feeds f ON f.id = a.feed_id
    LEFT JOIN storyline_members m ON m.article_id = a.id
    WHERE a.storyline_id IN ({marks})
    ORDER BY a.published, a.id
"""


def storyline_members(
    library: Library, storyline_ids: Sequence[int], *, with_text: bool = False
) -> list[MemberRow]:
    """The articles of these storylines, oldest first."""
    if not storyline_ids:
        return []
    sql = _MEMBERS.format(
        text="a.text" if with_text else "''", marks=",".join("?" for _ in storyline_ids)
    )
    return [
        MemberRow(
            article_id=r["article_id"],
            storyline_id=r["storyline_id"],
            title=r["title"] or "",
            url=r["url"] or "",
            outlet=r["outlet"],
            published=r["published"],
            fetched_at=r["fetched_at"] or "",
            read=bool(r["read"]),
            pinned=bool(r["pinned"]),
            wire_of=r["wire_of"],
            text=r["text"] or "",
        )
        for r in named_rows(library, sql, storyline_ids)
    ]


# An article shown as a story of its own: no wire copy, or a copy whose original is gone
# from its storyline (deleted with its feed, or moved by the user).
_HEAD = (
    "(m.wire_of IS NULL OR NOT EXISTS (SELECT 1 FROM articles o"
    " WHERE o.id = m.wire_of AND o.storyline_id = a.storyline_id))"
)


@dataclass(frozen=True)
class StorylineStats:
    """What a storyline holds now, counted from its articles."""

    outlets: tuple[str, ...]
    stories: int  # wire copies counted once
    unread: int  # unread stories
    first_date: str | None
    last_date: str | None


def storyline_stats(library: Library, storyline_id: int | None = None) -> dict[int, StorylineStats]:
    """{storyline id: stats} for every storyline with articles (or just one)."""
    where = "a.storyline_id = ?" if storyline_id is not None else "a.storyline_id IS NOT NULL"
    head = _HEAD
    rows = named_rows(
        library,
        f"""
        SELECT a.storyline_id, group_concat(DISTINCT f.title) AS outlets,
               sum(CASE WHEN {head} THEN 1 ELSE 0 END) AS stories,
               sum(CASE WHEN a.read = 0 AND {head} THEN 1 ELSE 0 END) AS unread,
               min(substr(a.published, 1, 10)) AS first_date,
               max(substr(a.published, 1, 10)) AS last_date
        FROM articles a
        LEFT JOIN feeds f ON f.id = a.feed_id
        LEFT JOIN storyline_members m ON m.article_id = a.id
        WHERE {where}
        GROUP BY a.storyline_id
        """,
        [storyline_id] if storyline_id is not None else [],
    )
    result = {}
    for r in rows:
        names = tuple(sorted({o for o in (r["outlets"] or "").split(",") if o}))
        result[r["storyline_id"]] = StorylineStats(
            outlets=names,
            stories=int(r["stories"] or 0),
            unread=int(r["unread"] or 0),
            first_date=r["first_date"],
            last_date=r["last_date"],
        )
    return result


def _signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    value &= 0xFFFFFFFFFFFFFFFF
    return value - (1 << 64) if value >= 1 << 63 else value
