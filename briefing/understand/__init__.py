"""Text in, records out: actors, quotes, red lines and dated events. No SQL, no Textual."""

from __future__ import annotations

from briefing.understand._analyse import ANALYSER_VERSION, analyse
from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine

__all__ = ["ANALYSER_VERSION", "Actor", "Analysis", "Event", "Quote", "RedLine", "analyse"]
