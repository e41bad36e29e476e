"""Text in, records out: actors, quotes, red lines and dated events. No SQL, no Textual."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine
from briefing.understand.version import ANALYSER_VERSION, analyser_version

if TYPE_CHECKING:
    from briefing.understand._aliases import AliasTable, load_alias_table
    from briefing.understand._analyse import analyse

__all__ = [
    "ANALYSER_VERSION",
    "Actor",
    "AliasTable",
    "Analysis",
    "Event",
    "Quote",
    "RedLine",
    "analyse",
    "analyser_version",
    "load_alias_table",
]

# Loaded on first use, not when the store imports the record types: the reader's start-up
# does not pay for the analyser (its lexicons) or for the alias table's loader.
_LAZY = {
    "analyse": "briefing.understand._analyse",
    "AliasTable": "briefing.understand._aliases",
    "load_alias_table": "briefing.understand._aliases",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
