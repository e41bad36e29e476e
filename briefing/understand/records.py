"""What the analyser finds in an article. Offsets are Python str indices into the text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ActorKind = Literal["person", "organization", "country", "other"]


# Records whose confidence is below this are the doubtful ones: the analyser scores them
# (_confidence.py), and the reader shows them only on request.
CONFIDENT = 0.5


@dataclass(frozen=True)
class Actor:
    name: str  # canonical: "Friedrich Merz", "Russia"
    kind: ActorKind
    aliases: tuple[str, ...] = ()  # the other forms seen in the text
    roles: tuple[str, ...] = ()  # "Chancellor of Germany", "press secretary"
    mentions: int = 1
    spans: tuple[tuple[int, int], ...] = ()
    # the country or organisation the actor speaks for, as its role in the text says
    # ("Kremlin spokesman Dmitry Peskov" -> "Russia"); None when the text ties it to none
    affiliation: str | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None  # canonical name, None when unresolved
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    via: str | None = None
    date: str | None = None  # YYYY-MM-DD when the text dates the statement
    confidence: float = 1.0  # in [0, 1]: how likely the record is right (see _confidence.py)


@dataclass(frozen=True)
class RedLine:
    holder: str | None
    text: str
    start: int
    end: int
    kind: str = "condition"  # condition, demand, refusal, non-negotiable, term
    confidence: float = 1.0  # in [0, 1]: how likely the record is right (see _confidence.py)


@dataclass(frozen=True)
class Event:
    date: str  # YYYY-MM-DD or YYYY-MM
    text: str
    start: int
    end: int
    scheduled: bool = False  # a future event, announced but not yet happened
    confidence: float = 1.0  # in [0, 1]: how likely the record is right (see _confidence.py)


@dataclass
class Analysis:
    """Everything found in one article."""

    language: str
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    red_lines: list[RedLine] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_prediction(self, doc_id: str) -> dict[str, Any]:
        """The prediction form of ../shared/eval/FORMAT.md."""
        quotes = []
        for q in self.quotes:
            item = asdict(q)
            item["speaker_span"] = list(q.speaker_span) if q.speaker_span else None
            quotes.append(item)
        return {
            "id": doc_id,
            "actors": [
                {"name": a.name, "kind": a.kind, "aliases": list(a.aliases)} for a in self.actors
            ],
            "quotes": quotes,
            # one record per statement: a position two parties hold jointly ("Moscow and
            # Beijing insist on …") is one red line there, with the first party named
            "red_lines": [asdict(r) for r in _one_per_span(self.red_lines)],
            "events": [asdict(e) for e in self.events],
        }


def _one_per_span(red_lines: list[RedLine]) -> list[RedLine]:
    seen: set[tuple[int, int]] = set()
    out = []
    for r in red_lines:
        if (r.start, r.end) not in seen:
            seen.add((r.start, r.end))
            out.append(r)
    return out
