"""What the storyline list and a storyline's briefing hold (plain data, no SQL, no Textual)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any


@dataclass(frozen=True)
class Citation:
    """Where an item was found: the article, its outlet, and the span of text it came from.

    `start`/`end` are character offsets into the article's stored text (Python str indices),
    so a reader can open the article scrolled to the sentence.
    """

    article_id: int
    url: str
    title: str
    outlet: str
    date: str | None  # the article's publication date, YYYY-MM-DD
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class StorylineArticle:
    """One story in a storyline. Wire copies of it in other feeds are listed in `copies`."""

    article_id: int
    url: str
    title: str
    outlet: str
    date: str | None
    read: bool
    copies: tuple[Citation, ...] = ()

    @property
    def outlets(self) -> tuple[str, ...]:
        """Every outlet that carried this story, the first one first."""
        return _unique((self.outlet, *(c.outlet for c in self.copies)))


@dataclass(frozen=True)
class StorylineSummary:
    """A storyline as the list shows it."""

    id: int
    label: str
    first_date: str | None
    last_date: str | None
    article_count: int  # stories, wire copies counted once
    unread_count: int
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class ActorSummary:
    """An actor of a storyline: roles seen in any article, and how often it appears."""

    name: str
    kind: str
    roles: tuple[str, ...]
    article_count: int
    mentions: int
    # the country or organisation it speaks for (its name as the storyline shows it), read
    # from the roles the articles give it; None for a side itself or someone tied to none
    affiliation: str | None = None


@dataclass(frozen=True)
class EventReport:
    """One outlet's report of an event, with the date that outlet gives for it."""

    date: str
    text: str
    source: Citation


@dataclass(frozen=True)
class TimelineEntry:
    """One event, merged across the articles that report it: the report whose words are shown
    first, then the others, earliest first. `text` is the statement as shown."""

    date: str
    text: str
    scheduled: bool
    reports: tuple[EventReport, ...]
    dates_conflict: bool  # outlets give different dates for this event
    # Hidden by default: no report of it is a complete statement, or it is doubtful.
    uncertain: bool = False

    @property
    def outlets(self) -> tuple[str, ...]:
        return _unique(r.source.outlet for r in self.reports)

    @property
    def source(self) -> Citation:
        return self.reports[0].source


@dataclass(frozen=True)
class QuoteItem:
    """A quote, direct or reported. `also` lists the other articles carrying the same words.

    `text` is the quote as shown (a reported clause without its leading "that"); `source`
    keeps the span the words were read from.
    """

    text: str
    direct: bool
    date: str | None  # when it was said, if the text says; else the article's date
    cue: str | None
    via: str | None
    source: Citation
    also: tuple[Citation, ...] = ()
    confidence: float = 1.0  # the most confident copy's
    # Hidden by default: no speaker the reader knows, a fragment, or doubtful.
    uncertain: bool = False

    @property
    def outlets(self) -> tuple[str, ...]:
        """Every outlet that carried these words, the one shown first."""
        return _unique(c.outlet for c in (self.source, *self.also))


@dataclass(frozen=True)
class QuoteGroup:
    speaker: str  # canonical name, or "Unattributed"
    quotes: tuple[QuoteItem, ...]  # shown ones first, the most reported first

    @property
    def uncertain(self) -> bool:
        """Every quote of the speaker is hidden by default."""
        return all(q.uncertain for q in self.quotes)


@dataclass(frozen=True)
class RedLineItem:
    """A demand, condition or refusal, with the date it was stated."""

    text: str
    kind: str
    stated: str | None
    source: Citation
    also: tuple[Citation, ...] = ()  # each with the date its outlet reported it
    changed_from: str | None = None  # the earlier position this one departs from
    confidence: float = 1.0  # the most confident copy's
    # Hidden by default: no holder the reader knows, no demand in the words, or doubtful.
    uncertain: bool = False

    @property
    def outlets(self) -> tuple[str, ...]:
        """Every outlet that reported this position, the one shown first."""
        return _unique(c.outlet for c in (self.source, *self.also))


@dataclass(frozen=True)
class RedLineGroup:
    holder: str
    items: tuple[RedLineItem, ...]  # shown ones first, oldest first
    position_changed: bool

    @property
    def uncertain(self) -> bool:
        """Every red line of the holder is hidden by default."""
        return all(i.uncertain for i in self.items)


@dataclass(frozen=True)
class NewItem:
    """One sentence of "what is new since you last opened it", traced to its article."""

    text: str
    source: Citation


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of a storyline's summary, in its article's own words.

    The source's `start`/`end` are the sentence's offsets in the article text.
    """

    text: str
    source: Citation


@dataclass(frozen=True)
class Briefing:
    """Everything the reader shows for one storyline."""

    storyline: StorylineSummary
    articles: tuple[StorylineArticle, ...]  # newest first
    actors: tuple[ActorSummary, ...]
    timeline: tuple[TimelineEntry, ...]
    quotes: tuple[QuoteGroup, ...]
    red_lines: tuple[RedLineGroup, ...]
    new_since_last_opened: tuple[NewItem, ...]
    last_opened: str | None = None
    # What the story is, then what happened most recently: two or three sentences.
    summary: tuple[SummarySentence, ...] = ()
    # The storyline's articles the user has not read (wire copies each on their own): a row
    # citing any of them is new to the user.
    unread_articles: tuple[int, ...] = ()

    def shown(self) -> Briefing:
        """The briefing as the reader shows it by default: uncertain rows left out (a speaker
        or holder with none left goes too)."""
        quotes = tuple(
            replace(g, quotes=tuple(q for q in g.quotes if not q.uncertain))
            for g in self.quotes
            if not g.uncertain
        )
        red_lines = tuple(
            replace(g, items=tuple(i for i in g.items if not i.uncertain))
            for g in self.red_lines
            if not g.uncertain
        )
        return replace(
            self,
            timeline=tuple(e for e in self.timeline if not e.uncertain),
            quotes=quotes,
            red_lines=red_lines,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the `briefing brief --format json` export)."""
        data = asdict(self)
        data["articles"] = [{**asdict(a), "outlets": list(a.outlets)} for a in self.articles]
        data["timeline"] = [{**asdict(e), "outlets": list(e.outlets)} for e in self.timeline]
        # The summary comes first after the storyline, as it does on screen and in Markdown.
        return {"storyline": data.pop("storyline"), "summary": data.pop("summary"), **data}


def date_order(value: str | None) -> tuple[int, int, int]:
    """A sort key that keeps a date with its period: "2026-10" (some day of October) after
    the days of October, "2026" after the months of 2026; an unreadable date after all."""
    parts = (value or "")[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return (UNDATED, 0, 0)
    if not 1 <= len(numbers) <= 3:
        return (UNDATED, 0, 0)
    # A missing month or day comes after every month or day of its period.
    year, month, day = [*numbers, *(13, 32)[len(numbers) - 1 :]]
    return (year, month, day)


# Past every readable year: undated rows come last.
UNDATED = 10_000


def _unique(items: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return tuple(seen)
