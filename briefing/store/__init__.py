"""The library: one SQLite file. This package is the only code that writes SQL."""

from briefing.store._library import Library, LibraryError, open_library, storage_error
from briefing.store._migrations import migrations

__all__ = ["Library", "LibraryError", "migrations", "open_library", "storage_error"]
