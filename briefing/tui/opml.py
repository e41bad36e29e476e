"""Importing and exporting the subscriptions from the reader (the palette's OPML commands).

Each function runs in the path dialog's worker thread and returns an error in words, or
None when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.safetext import clean_line
from briefing.store import open_library
from briefing.tui import data
from briefing.tui.messages import LibraryChanged

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

# Subscription lists are small; anything this large is the wrong file (as `briefing import`).
MAX_IMPORT_BYTES = 50 * 1024 * 1024
DEFAULT_EXPORT = "~/briefing-feeds.opml"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _os_error(verb: str, path: Path, exc: OSError) -> str:
    return f"Cannot {verb} {path}: {(exc.strerror or str(exc)).lower()}."


def read_list(path: Path) -> bytes | str:
    """The file's bytes, or why it cannot be read."""
    if not path.exists():
        return f"No file at {path}."
    if path.is_dir():
        return f"{path} is a folder; give the path of an OPML or urls file in it."
    try:
        with path.open("rb") as handle:
            document = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        return _os_error("read", path, exc)
    if len(document) > MAX_IMPORT_BYTES:
        return f"{path} is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB: not a feed list."
    return document


def import_file(app: BriefingApp, typed: str) -> str | None:
    """Subscribe to the feeds listed in an OPML or newsboat urls file."""
    from briefing.ingest.opml import SubscriptionFileError

    path = Path(typed).expanduser()
    document = read_list(path)
    if isinstance(document, str):
        return document
    # From the demo, feeds go into the user's own library (as the add dialog's do).
    target = app.user_db_path if app.demo else app.db_path
    try:
        with open_library(target) as library:
            added, existing, skipped = data.import_subscriptions(library, document)
    except SubscriptionFileError as exc:
        return f"{path} is not an OPML or newsboat urls file: {clean_line(str(exc))}."
    if not added and not existing:
        return f"No feeds found in {path} (expected OPML or a newsboat urls file)."
    message = f"Imported {_plural(added, 'feed')} from {path}"
    if existing:
        message += f" ({existing} already subscribed)"
    if skipped:
        message += f"; skipped {_plural(len(skipped), 'entry')} that are not web feeds"
    message += ". Press r to fetch their articles." if added else "."
    app.call_from_thread(_imported, app, clean_line(message), added)
    return None


def _imported(app: BriefingApp, message: str, added: int) -> None:
    if added and app.demo:  # the first real feeds: leave the demo for the user's library
        app.db_path = app.user_db_path
        app.demo = False
    app.notify(message, title="Import", markup=False, timeout=8)
    app.post_message(LibraryChanged())


def export_file(app: BriefingApp, typed: str, *, replace: bool) -> str | None:
    """Write every subscription to an OPML file; an existing file only when `replace`."""
    path = Path(typed).expanduser()
    if path.is_dir():
        return f"{path} is a folder; add a file name, such as {path / 'feeds.opml'}."
    if not path.parent.is_dir():
        return f"No folder {path.parent}: create it first, or choose another place."
    if path.exists() and not replace:
        return f"{path} exists. Press Enter again to replace it, or change the name."
    with app.open_library() as library:
        document, count = data.export_subscriptions(library)
    try:
        path.write_text(document, encoding="utf-8")
    except OSError as exc:
        return _os_error("write", path, exc)
    message = clean_line(f"Exported {_plural(count, 'feed')} to {path} (OPML 2.0).")
    app.call_from_thread(app.notify, message, title="Export", markup=False, timeout=8)
    return None


def exporter(app: BriefingApp) -> Callable[[str], str | None]:
    """The export dialog's action: a second Enter on a path that exists replaces the file."""
    warned: list[str] = []

    def act(typed: str) -> str | None:
        replace = bool(warned) and warned[-1] == typed
        error = export_file(app, typed, replace=replace)
        warned.append(typed)
        return error

    return act
