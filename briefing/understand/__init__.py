"""Text in, records out: actors, quotes, red lines and dated events. No SQL, no Textual."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine
from briefing.understand.version import ANALYSER_VERSION

if TYPE_CHECKING:
    from briefing.understand._analyse import analyse

__all__ = ["ANALYSER_VERSION", "Actor", "Analysis", "Event", "Quote", "RedLine", "analyse"]


def __getattr__(name: str) -> Any:
    # The analyser (its lexicons and alias tables) loads on first use, not when the store
    # imports the record types: the reader's start-up does not pay for it.
    if name == "analyse":
        from briefing.understand import _analyse

        return getattr(_analyse, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
