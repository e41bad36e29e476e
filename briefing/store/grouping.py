"""The grouper's state in the library: fingerprints, document frequencies, documents seen.

The storylines' own summaries live with their rows (`briefing.store.storylines`); what is
here is what the grouper knows of the library as a whole, and of each grouped article's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefing.store._library import Library
from briefing.store._rows import named_row, named_rows

# How many articles the document frequencies count.
_N_DOCS_KEY = "n_docs"
# Ids per query: well under SQLite's limit on bound parameters.
_CHUNK = 500


@dataclass(frozen=True)
class Fingerprint:
    article_id: int
    storyline_id: int
    simhash: int  # unsigned 64-bit
    published: str | None


def fingerprints(library: Library, storyline_ids: Sequence[int]) -> list[Fingerprint]:
    """Text fingerprints of the articles in these storylines (to spot wire copies)."""
    result: list[Fingerprint] = []
    ids = list(storyline_ids)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for r in named_rows(
            library,
            f"SELECT a.id, a.storyline_id, m.simhash, a.published FROM articles a"
            f" JOIN storyline_members m ON m.article_id = a.id"
            f" WHERE a.storyline_id IN ({marks})",
            chunk,
        ):
            result.append(
                Fingerprint(
                    article_id=r["id"],
                    storyline_id=r["storyline_id"],
                    simhash=r["simhash"] & 0xFFFFFFFFFFFFFFFF,
                    published=r["published"],
                )
            )
    return result


def document_frequencies(library: Library, terms: Iterable[str]) -> dict[str, int]:
    """How many grouped articles contain each term (terms never seen are left out)."""
    wanted = sorted(set(terms))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        sql = f"SELECT term, df FROM term_df WHERE term IN ({marks})"
        for r in named_rows(library, sql, chunk):
            found[r["term"]] = r["df"]
    return found


def add_document_counts(library: Library, counts: Mapping[str, int]) -> None:
    """Add to each term's document frequency (how many more articles contain it)."""
    library.db.conn.executemany(
        "INSERT INTO term_df (term, df) VALUES (?, ?)"
        " ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
        counts.items(),
    )


def document_count(library: Library) -> int:
    """How many articles the document frequencies count."""
    row = named_row(library, "SELECT value FROM grouper_meta WHERE key = ?", [_N_DOCS_KEY])
    return int(row["value"] or 0) if row else 0


def set_document_count(library: Library, count: int) -> None:
    library.db.conn.execute(
        "INSERT INTO grouper_meta (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [_N_DOCS_KEY, str(count)],
    )
