"""The analyser's records per article: saving them (replacing older ones) and reading them back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from json.encoder import encode_basestring_ascii

from briefing.store._library import Library
from briefing.store._rows import named_row, named_rows
from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine

# Where a walk through the pending articles stands: the sort key of the last one seen.
PendingCursor = tuple[str, str, str, int]
START: PendingCursor = ("", "", "", 0)


@dataclass(frozen=True)
class PendingArticle:
    """An article the pipeline has to analyse or group, with what the analyser needs."""

    id: int
    title: str
    text: str
    published: str | None
    source: str  # the feed's title
    content_hash: str
    analysed: bool  # its records are current; only the grouping is missing
    cursor: PendingCursor = START  # its place in the order pending articles are taken in


def save_analysis(library: Library, article_id: int, analysis: Analysis, version: str) -> None:
    """Replace the article's records with `analysis` and mark it analysed by `version`."""
    conn = library.db.conn
    with library.db.atomic():
        for table in ("actors", "quotes", "red_lines", "events"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        actors = _merge_repeats(analysis.actors)
        conn.executemany(
            "INSERT INTO actors (article_id, name, kind, aliases, roles, mentions, affiliation)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    a.name,
                    a.kind,
                    _json_strings(a.aliases),
                    _json_strings(a.roles),
                    a.mentions,
                    a.affiliation,
                )
                for a in actors.values()
            ],
        )
        conn.executemany(
            'INSERT INTO quotes (article_id, text, start, "end", direct, speaker, speaker_start,'
            " speaker_end, cue, via, date, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    q.text,
                    q.start,
                    q.end,
                    int(q.direct),
                    q.speaker,
                    q.speaker_span[0] if q.speaker_span else None,
                    q.speaker_span[1] if q.speaker_span else None,
                    q.cue,
                    q.via,
                    q.date,
                    q.confidence,
                )
                for q in analysis.quotes
            ],
        )
        conn.executemany(
            'INSERT INTO red_lines (article_id, holder, text, start, "end", kind, confidence)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, r.holder, r.text, r.start, r.end, r.kind, r.confidence)
                for r in analysis.red_lines
            ],
        )
        conn.executemany(
            'INSERT INTO events (article_id, date, text, start, "end", scheduled, confidence)'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, e.date, e.text, e.start, e.end, int(e.scheduled), e.confidence)
                for e in analysis.events
            ],
        )
        conn.execute(
            "UPDATE articles SET language = ?, analysed_version = ? WHERE id = ?",
            [analysis.language, version, article_id],
        )


def _json_strings(items: Sequence[str]) -> str:
    """json.dumps(list(items)), made without a JSON encoder per call (a fifth of the
    digest's storing time went to making them)."""
    if all(type(item) is str for item in items):
        return "[" + ", ".join(map(encode_basestring_ascii, items)) + "]"
    return json.dumps(list(items))


def _merge_repeats(found: Iterable[Actor]) -> dict[str, Actor]:
    """One actor per name: the table's key is (article, name), so repeats are merged."""
    actors: dict[str, Actor] = {}
    for actor in found:
        seen = actors.get(actor.name)
        if seen is None:
            actors[actor.name] = actor
        else:
            actors[actor.name] = Actor(
                name=actor.name,
                kind=seen.kind,
                aliases=tuple(dict.fromkeys(seen.aliases + actor.aliases)),
                roles=tuple(dict.fromkeys(seen.roles + actor.roles)),
                mentions=seen.mentions + actor.mentions,
                affiliation=seen.affiliation or actor.affiliation,
            )
    return actors


# The pending articles' sort keys, in order, read in one pass: the rows sorted carry no text.
# (The columns read sit after the text in each row, so the pass walks every long text's
# overflow pages once: 13 ms on 6,000 full-length articles. An index covering them cost each
# refresh more than the digest saved: its key, led by the publication date, sent every
# article stored to a random page of it.)
_PENDING_KEYS = """
    SELECT a.id, COALESCE(a.published, '') AS order_published, a.dedupe_key,
           COALESCE(a.content_hash, '') AS order_hash
    FROM articles a
    LEFT JOIN storyline_members m ON m.article_id = a.id
    WHERE (COALESCE(a.published, ''), a.dedupe_key, COALESCE(a.content_hash, ''), a.id)
          > (:published, :dedupe_key, :content_hash, :id)
      AND (
        a.analysed_version IS NULL OR a.analysed_version != :version
        OR a.storyline_id IS NULL OR m.article_id IS NULL OR m.content_hash != a.content_hash
    )
    ORDER BY COALESCE(a.published, ''), a.dedupe_key, COALESCE(a.content_hash, ''), a.id
"""
_PENDING_ROWS = """
    SELECT a.id, a.title, a.text, a.published, COALESCE(f.title, '') AS source,
           a.content_hash, COALESCE(a.analysed_version = ?, 0) AS analysed
    FROM articles a
    LEFT JOIN feeds f ON f.id = a.feed_id
    WHERE a.id IN ({marks})
"""


def pending_keys(
    library: Library, version: str, *, after: PendingCursor = START
) -> list[PendingCursor]:
    """The sort key of every article whose analysis is missing or outdated, or that is not
    grouped yet, in the order they are taken: publication order, ties broken by what the feed
    says (guid or link) and the content, never by the order in which feeds happened to
    answer, so the same articles are grouped the same way whichever feed landed first."""
    params = dict(zip(("published", "dedupe_key", "content_hash", "id"), after, strict=True))
    rows = library.db.conn.execute(_PENDING_KEYS, {"version": version, **params}).fetchall()
    return [(published, key, digest, article_id) for article_id, published, key, digest in rows]


def load_pending(
    library: Library, version: str, keys: Sequence[PendingCursor]
) -> list[PendingArticle]:
    """The articles of `keys` (as `pending_keys` gave them), in that order; those deleted
    since are left out."""
    found: dict[int, PendingArticle] = {}
    for chunk in _chunks([k[3] for k in keys], 500):
        sql = _PENDING_ROWS.format(marks=", ".join("?" * len(chunk)))
        for r in named_rows(library, sql, [version, *chunk]):
            found[r["id"]] = PendingArticle(
                id=r["id"],
                title=r["title"] or "",
                text=r["text"] or "",
                published=r["published"],
                source=r["source"],
                content_hash=r["content_hash"] or "",
                analysed=bool(r["analysed"]),
            )
    return [replace(found[key[3]], cursor=key) for key in keys if key[3] in found]


def pending_articles(
    library: Library, version: str, *, limit: int = 100, after: PendingCursor = START
) -> list[PendingArticle]:
    """The first `limit` pending articles (see `pending_keys`) after `after`, the `cursor` of
    the last article of the previous page."""
    return load_pending(library, version, pending_keys(library, version, after=after)[:limit])


def count_pending(library: Library, version: str) -> int:
    """How many articles `pending_articles` would return in all."""
    sql = _PENDING_KEYS[: _PENDING_KEYS.index("ORDER BY")]
    params = dict(zip(("published", "dedupe_key", "content_hash", "id"), START, strict=True))
    row = named_row(
        library, f"SELECT count(*) AS pending FROM ({sql})", {"version": version, **params}
    )
    return int(row["pending"]) if row else 0


def content_hash(library: Library, article_id: int) -> str | None:
    """The article's content hash now (None if it is gone)."""
    found = named_row(library, "SELECT content_hash FROM articles WHERE id = ?", [article_id])
    return (found["content_hash"] or "") if found else None


def load_analyses(library: Library, article_ids: Iterable[int]) -> dict[int, Analysis]:
    """Stored records of the given articles: {article_id: Analysis}."""
    ids = sorted(set(article_ids))
    result: dict[int, Analysis] = {i: Analysis(language="") for i in ids}
    for chunk in _chunks(ids, 500):
        marks = ",".join("?" for _ in chunk)
        for row in named_rows(
            library,
            f"SELECT id, COALESCE(language, '') AS language FROM articles WHERE id IN ({marks})",
            chunk,
        ):
            result[row["id"]].language = row["language"]
        for row in named_rows(
            library,
            f"SELECT article_id, name, kind, aliases, roles, mentions, affiliation FROM actors"
            f" WHERE article_id IN ({marks})",
            chunk,
        ):
            result[row["article_id"]].actors.append(_actor(row))
        for row in named_rows(
            library,
            f'SELECT article_id, text, start, "end", direct, speaker, speaker_start, speaker_end,'
            f" cue, via, date, confidence FROM quotes WHERE article_id IN ({marks})"
            f" ORDER BY article_id, start",
            chunk,
        ):
            result[row["article_id"]].quotes.append(_quote(row))
        for row in named_rows(
            library,
            f'SELECT article_id, holder, text, start, "end", kind, confidence FROM red_lines'
            f" WHERE article_id IN ({marks}) ORDER BY article_id, start",
            chunk,
        ):
            result[row["article_id"]].red_lines.append(_red_line(row))
        for row in named_rows(
            library,
            f'SELECT article_id, date, text, start, "end", scheduled, confidence FROM events'
            f" WHERE article_id IN ({marks}) ORDER BY article_id, start",
            chunk,
        ):
            result[row["article_id"]].events.append(_event(row))
    return result


def _actor(row: sqlite3.Row) -> Actor:
    return Actor(
        name=row["name"],
        kind=row["kind"],
        aliases=tuple(_json_list(row["aliases"])),
        roles=tuple(_json_list(row["roles"])),
        mentions=row["mentions"],
        affiliation=row["affiliation"],
    )


def _quote(row: sqlite3.Row) -> Quote:
    start, end = row["speaker_start"], row["speaker_end"]
    return Quote(
        text=row["text"],
        start=row["start"],
        end=row["end"],
        direct=bool(row["direct"]),
        speaker=row["speaker"],
        speaker_span=(start, end) if start is not None and end is not None else None,
        cue=row["cue"],
        via=row["via"],
        date=row["date"],
        confidence=_confidence(row),
    )


def _red_line(row: sqlite3.Row) -> RedLine:
    return RedLine(
        holder=row["holder"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        kind=row["kind"],
        confidence=_confidence(row),
    )


def _event(row: sqlite3.Row) -> Event:
    return Event(
        date=row["date"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        scheduled=bool(row["scheduled"]),
        confidence=_confidence(row),
    )


def _confidence(row: sqlite3.Row) -> float:
    """A record stored before confidences were kept (NULL) reads as fully confident."""
    value = row["confidence"]
    return 1.0 if value is None else float(value)


def _json_list(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _chunks(items: Sequence[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])
