"""The cross-process lock that lets one digest at a time work on a library.

The lock is one row of `grouper_meta` whose value is "TIME OWNER": the time it was taken
or last renewed, and who holds it ("PID-THREAD-NS"). A lock that has not been renewed for
`stale_after` seconds, or whose process has died on this machine, is free.
"""

from __future__ import annotations

import os
import time

from briefing.store._library import Library
from briefing.store._rows import named_row

_KEY = "digest_lock"


def take_digest_lock(library: Library, owner: str, *, stale_after: float) -> bool:
    """Take (or renew) the one-digest-at-a-time lock; False if another live digest holds it."""
    now = time.time()
    with library.db.atomic():
        # A digest killed mid-way (SIGKILL, power cut) must not block the next ones until
        # the lock goes stale: a lock whose process is gone is free.
        held = _lock_value(library)
        if held is not None and _holder_died(held):
            library.db.conn.execute("DELETE FROM grouper_meta WHERE key = ?", [_KEY])
        library.db.conn.execute(
            "INSERT INTO grouper_meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            " WHERE grouper_meta.value LIKE ? OR CAST(substr(grouper_meta.value, 1,"
            " instr(grouper_meta.value, ' ') - 1) AS REAL) < ?",
            [_KEY, f"{now:.3f} {owner}", f"% {owner}", now - stale_after],
        )
        value = _lock_value(library)
    return value is not None and value.endswith(f" {owner}")


def release_digest_lock(library: Library, owner: str) -> None:
    """Free the lock if `owner` holds it (a lock taken over meanwhile is left alone)."""
    with library.db.atomic():
        library.db.conn.execute(
            "DELETE FROM grouper_meta WHERE key = ? AND value LIKE ?", [_KEY, f"% {owner}"]
        )


def _lock_value(library: Library) -> str | None:
    row = named_row(library, "SELECT value FROM grouper_meta WHERE key = ?", [_KEY])
    return str(row["value"]) if row else None


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
