"""Python's full garbage collection, run while the user pauses rather than mid key press."""

from __future__ import annotations

import gc
import time

# A key pressed this recently (seconds) means the user is moving through the lists.
IDLE_AFTER = 1.0
# While the user pauses, a full collection runs at most this often (seconds) …
EVERY = 10.0
# … and whatever the user does, at least this often: the garbage a key press leaves is small.
AT_LEAST_EVERY = 60.0
# The automatic full collection never triggers with this threshold.
NEVER = 1_000_000_000


class IdleCollector:
    """Keeps the automatic collection of young objects and runs the full one when idle.

    The automatic full collection scans every live object; with a large library's storyline
    list and a few briefings painted (some 180,000 objects) it takes 0.1-0.3 s, and it came in
    the middle of key presses: the slow tail of bench/tui.py. Textual pauses the collector
    during smooth scrolling for the same reason (App.PAUSE_GC_ON_SCROLL).
    """

    def __init__(self) -> None:
        self._saved: tuple[int, int, int] | None = None
        self.last_input = 0.0
        self.last_collect = time.monotonic()

    def start(self) -> None:
        """Leave full collections to `tick` (until `stop`)."""
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Give the process its automatic full collections back."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def touch(self) -> None:
        """The user pressed a key or clicked."""
        self.last_input = time.monotonic()

    def tick(self) -> bool:
        """Run a full collection when it is due; whether one ran."""
        now = time.monotonic()
        since = now - self.last_collect
        idle = now - self.last_input >= IDLE_AFTER
        if self._saved is None or not ((idle and since >= EVERY) or since >= AT_LEAST_EVERY):
            return False
        gc.collect()
        self.last_collect = time.monotonic()
        return True
