"""Storylines in the library: rows, article assignments, the grouper's state, user choices.

Each storyline row keeps the grouper's summary of it as JSON (`state`). An article the
user placed by hand is *pinned*: the pipeline never moves it again. A storyline merged
into another keeps its row with `merged_into` set, so old ids still resolve.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.store._library import Library


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


@dataclass(frozen=True)
class Fingerprint:
    article_id: int
    storyline_id: int
    simhash: int  # unsigned 64-bit
    published: str | None


_STORYLINE_COLUMNS = (
    "id, label, user_label, first_date, last_date, article_count, state, last_opened, merged_into"
)


def _storyline(row: Sequence[Any]) -> StorylineRow:
    try:
        state = json.loads(row[6] or "{}")
    except ValueError:
        state = {}
    return StorylineRow(
        id=row[0],
        label=row[1] or "",
        user_label=row[2],
        first_date=row[3],
        last_date=row[4],
        article_count=row[5] or 0,
        state=state if isinstance(state, dict) else {},
        last_opened=row[7],
        merged_into=row[8],
    )


def get_storyline(library: Library, storyline_id: int) -> StorylineRow | None:
    row = library.db.execute(
        f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE id = ?", [storyline_id]
    ).fetchone()
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
    return [_storyline(r) for r in library.db.execute(sql, params)]


def merged_storylines(library: Library) -> list[StorylineRow]:
    """Storylines the user merged into another (their summaries still attract articles)."""
    rows = library.db.execute(
        f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE merged_into IS NOT NULL"
    )
    return [_storyline(r) for r in rows]


def all_storylines(library: Library) -> list[StorylineRow]:
    """Every storyline not merged into another."""
    rows = library.db.execute(
        f"SELECT {_STORYLINE_COLUMNS} FROM storylines WHERE merged_into IS NULL"
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
    row = library.db.execute(
        "SELECT storyline_id, storyline_pinned FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        raise KeyError(article_id)
    return row[0], bool(row[1])


def member_hash(library: Library, article_id: int) -> str | None:
    """The content hash of the text the article was grouped with (None: never grouped)."""
    row = library.db.execute(
        "SELECT content_hash FROM storyline_members WHERE article_id = ?", [article_id]
    ).fetchone()
    return row[0] if row else None


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


def set_user_label(library: Library, storyline_id: int, label: str | None) -> None:
    library.db.conn.execute(
        "UPDATE storylines SET user_label = ? WHERE id = ?", [label, storyline_id]
    )


def set_last_opened(library: Library, storyline_id: int, when: str) -> None:
    library.db.conn.execute(
        "UPDATE storylines SET last_opened = ? WHERE id = ?", [when, storyline_id]
    )


_MEMBERS = """
    SELECT a.id, a.storyline_id, a.title, a.link, COALESCE(f.title, ''), a.published,
           a.fetched_at, a.read, a.storyline_pinned, m.wire_of, {text}
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
            article_id=r[0],
            storyline_id=r[1],
            title=r[2] or "",
            url=r[3] or "",
            outlet=r[4],
            published=r[5],
            fetched_at=r[6] or "",
            read=bool(r[7]),
            pinned=bool(r[8]),
            wire_of=r[9],
            text=r[10] or "",
        )
        for r in library.db.execute(sql, list(storyline_ids))
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
    rows = library.db.execute(
        f"""
        SELECT a.storyline_id, group_concat(DISTINCT f.title),
               sum(CASE WHEN {head} THEN 1 ELSE 0 END),
               sum(CASE WHEN a.read = 0 AND {head} THEN 1 ELSE 0 END),
               min(substr(a.published, 1, 10)), max(substr(a.published, 1, 10))
        FROM articles a
        LEFT JOIN feeds f ON f.id = a.feed_id
        LEFT JOIN storyline_members m ON m.article_id = a.id
        WHERE {where}
        GROUP BY a.storyline_id
        """,
        [storyline_id] if storyline_id is not None else [],
    )
    result = {}
    for sid, outlets, stories, unread, first, last in rows:
        names = tuple(sorted({o for o in (outlets or "").split(",") if o}))
        result[sid] = StorylineStats(names, int(stories or 0), int(unread or 0), first, last)
    return result


def fingerprints(library: Library, storyline_ids: Sequence[int]) -> list[Fingerprint]:
    """Text fingerprints of the articles in these storylines (to spot wire copies)."""
    result: list[Fingerprint] = []
    ids = list(storyline_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" for _ in chunk)
        for r in library.db.execute(
            f"SELECT a.id, a.storyline_id, m.simhash, a.published FROM articles a"
            f" JOIN storyline_members m ON m.article_id = a.id"
            f" WHERE a.storyline_id IN ({marks})",
            chunk,
        ):
            result.append(Fingerprint(r[0], r[1], r[2] & 0xFFFFFFFFFFFFFFFF, r[3]))
    return result


def document_frequencies(library: Library, terms: Iterable[str]) -> dict[str, int]:
    """How many grouped articles contain each term (terms never seen are left out)."""
    wanted = sorted(set(terms))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" for _ in chunk)
        for term, df in library.db.execute(
            f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk
        ):
            found[term] = df
    return found


def add_document_frequencies(library: Library, terms: Iterable[str], delta: int = 1) -> None:
    library.db.conn.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, ?)"
        " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        [(t, delta) for t in set(terms)],
    )


def _holder_died(value: str) -> bool:
    """Whether the process that wrote a lock value ("TIME PID-THREAD-NS") has died here."""
    try:
        pid = int(value.split(" ", 1)[1].split("-", 1)[0])
    except (IndexError, ValueError):
        return False
    if os.name != "posix" or pid == os.getpid():
        return False  # os.kill(pid, 0) only probes on POSIX
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def take_digest_lock(library: Library, owner: str, *, stale_after: float) -> bool:
    """Take (or renew) the one-digest-at-a-time lock; False if another live digest holds it."""
    now = time.time()
    with library.db.atomic():
        # A digest killed mid-way (SIGKILL, power cut) must not block the next ones until
        # the lock goes stale: a lock whose process is gone is free.
        held = library.db.execute(
            "SELECT value FROM grouper_meta WHERE key = 'digest_lock'"
        ).fetchone()
        if held and _holder_died(held[0]):
            library.db.conn.execute("DELETE FROM grouper_meta WHERE key = 'digest_lock'")
        library.db.conn.execute(
            "INSERT INTO grouper_meta (key, value) VALUES ('digest_lock', ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            " WHERE grouper_meta.value LIKE ? OR CAST(substr(grouper_meta.value, 1,"
            " instr(grouper_meta.value, ' ') - 1) AS REAL) < ?",
            [f"{now:.3f} {owner}", f"% {owner}", now - stale_after],
        )
        row = library.db.execute(
            "SELECT value FROM grouper_meta WHERE key = 'digest_lock'"
        ).fetchone()
    return bool(row) and row[0].endswith(f" {owner}")


def release_digest_lock(library: Library, owner: str) -> None:
    with library.db.atomic():
        library.db.conn.execute(
            "DELETE FROM grouper_meta WHERE key = 'digest_lock' AND value LIKE ?",
            [f"% {owner}"],
        )


def get_meta(library: Library, key: str, default: str | None = None) -> str | None:
    row = library.db.execute("SELECT value FROM grouper_meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(library: Library, key: str, value: str) -> None:
    library.db.conn.execute(
        "INSERT INTO grouper_meta (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def article_texts(
    library: Library, article_ids: Sequence[int]
) -> dict[int, tuple[str, str, str | None]]:
    """{article id: (title, text, published)}."""
    result: dict[int, tuple[str, str, str | None]] = {}
    ids = list(article_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" for _ in chunk)
        for r in library.db.execute(
            f"SELECT id, title, text, published FROM articles WHERE id IN ({marks})", chunk
        ):
            result[r[0]] = (r[1] or "", r[2] or "", r[3])
    return result


def _signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    value &= 0xFFFFFFFFFFFFFFFF
    return value - (1 << 64) if value >= 1 << 63 else value
