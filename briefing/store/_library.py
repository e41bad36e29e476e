"""Opening the library file: pragmas, migrations, and the shared connection rules."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator
from pathlib import Path

from sqlite_utils import Database

from briefing.errors import BriefingError
from briefing.store._migrations import migrations

BUSY_TIMEOUT_MS = 10_000


class _Database(Database):
    """sqlite-utils' Database whose transactions take the write lock as they begin.

    A deferred transaction that reads before it writes cannot wait for another process
    (the TUI, a cron refresh): once someone else has committed, SQLite answers "database
    is locked" at once instead of using the busy timeout. BEGIN IMMEDIATE waits its turn.
    """

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


class LibraryError(BriefingError):
    """The library file cannot be opened or written (read-only, disk full, corrupt)."""


# What SQLite says when the library file itself cannot take a write.
_STORAGE_TROUBLE = (
    "database or disk is full",
    "readonly database",
    "disk i/o error",
    "unable to open database file",
    "database is locked",
)


def storage_error(exc: BaseException, path: Path | None) -> LibraryError | None:
    """A LibraryError when `exc` means the library cannot be written (full disk, read-only
    file, I/O error, another writer holding it), else None."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    message = str(exc).lower()
    if not any(words in message for words in _STORAGE_TROUBLE):
        return None
    return LibraryError(f"cannot write the library {path or '(in memory)'}: {exc}")


class Library:
    """A briefing library: a sqlite-utils Database with the schema applied.

    A Library is used from the thread that opened it. Other threads open their own.
    """

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path

    def close(self) -> None:
        try:
            self.db.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_library(path: Path | str | None, *, migrate: bool = True) -> Library:
    """Open (creating if needed) the library at `path`; None gives an in-memory library."""
    try:
        if path is None:
            db = _Database(memory=True)
            file_path = None
        else:
            file_path = Path(path).expanduser()
            file_path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(file_path), timeout=BUSY_TIMEOUT_MS / 1000)
            db = _Database(conn)
            db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")
        if migrate:
            migrations.apply(db)
    except (sqlite3.Error, OSError) as exc:
        raise LibraryError(f"cannot open library {path}: {exc}") from exc
    return Library(db, file_path)
