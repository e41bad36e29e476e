"""The reader's undo: the last few changes to the library, each with the write that reverses it.

One stack for the whole app, kept by `BriefingApp.undo_stack`. Code that changes the library
from a key (mark read, a storyline merge, ...) offers the reverse of what it did:

    def reverse(library: Library) -> None:
        data.set_read_many(library, ids, False)

    app.offer_undo("6 articles marked read", reverse)

`offer_undo` pushes it here and tells the user what happened and which key undoes it. The
undo key (`u`, `ctrl+z`, or the palette's "undo: …") pops the newest entry and runs its
`reverse` in a worker thread with a Library of that thread, then announces the change to
every screen (LibraryChanged), so a reverse needs no UI code of its own. The reverse should
restore what the change found (the ids it touched, the old label), not merely flip a state
again: by the time it runs, other writes (a refresh) may have happened.

The stack holds plain callables and strings; it knows nothing of Textual or SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.store import Library

# Changes remembered; older ones are forgotten first.
LIMIT = 20


@dataclass(frozen=True)
class Undoable:
    """A change the user may take back: what it was, in words, and how to reverse it."""

    description: str  # what was done, as the user would say it: "6 articles marked read"
    reverse: Callable[[Library], object]  # runs on a worker thread, with its own Library


class UndoStack:
    """The most recent changes, newest last; at most `limit` are kept."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._entries: list[Undoable] = []

    def push(self, description: str, reverse: Callable[[Library], object]) -> Undoable:
        """Remember a change and how to reverse it; returns the entry."""
        entry = Undoable(description, reverse)
        self._entries.append(entry)
        del self._entries[: -self.limit]
        return entry

    def pop(self) -> Undoable | None:
        """Take the newest change off the stack (None when there is none)."""
        return self._entries.pop() if self._entries else None

    def peek(self) -> Undoable | None:
        """The change the next undo would reverse, if any."""
        return self._entries[-1] if self._entries else None

    def clear(self) -> None:
        """Forget every change (their reverses no longer apply, e.g. another library)."""
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
