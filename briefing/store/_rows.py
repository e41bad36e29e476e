"""Reading query results by column name, never by position."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from briefing.store._library import Library

Params = Iterable[Any] | Mapping[str, Any]


def named_rows(library: Library, sql: str, params: Params = ()) -> Iterator[sqlite3.Row]:
    """The rows of a query, each read by the names its SELECT gives the columns.

    The row factory is set on this cursor only: the connection is shared with code that
    still reads plain tuples.
    """
    cursor = library.db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params if isinstance(params, Mapping) else list(params))


def named_row(library: Library, sql: str, params: Params = ()) -> sqlite3.Row | None:
    """The first row of a query (None when there is none), read by column name."""
    row: sqlite3.Row | None = next(named_rows(library, sql, params), None)
    return row
