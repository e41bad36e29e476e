"""What the screens show, loaded from the library by the layers below.

Every function here blocks (SQLite, analysis) and runs in a worker thread with a Library
the worker opened itself. Nothing here writes SQL: it calls briefing.store, briefing.ingest
and briefing.storylines, and turns their results into small, immutable view records.
Every string that came from a feed goes through briefing.safetext before it is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from briefing.demo import DEMO_SCHEME
from briefing.safetext import clean_line, strip_controls
from briefing.store import Library, reading
from briefing.store import articles as store_articles
from briefing.store import feeds as store_feeds
from briefing.store import storylines as store_storylines

if TYPE_CHECKING:
    from briefing import storylines


@dataclass(frozen=True)
class StorylineListRow:
    """One line of the storyline list."""

    id: int
    label: str
    articles: int
    last_date: str
    unread: int


@dataclass(frozen=True)
class Source:
    """Where an item was read: the article and the span of its text."""

    article_id: int
    url: str
    title: str
    outlet: str
    date: str
    start: int
    end: int


# A row's date as a sort key (year, month, day); see briefing.storylines.date_order.
DateKey = tuple[int, int, int]
UNDATED: DateKey = (10_000, 0, 0)


@dataclass(frozen=True)
class DateReport:
    """One outlet's report of a timeline event, with the date that outlet gives."""

    outlet: str
    date: str
    text: str
    source: Source


@dataclass(frozen=True)
class TimelineItem:
    date: str
    text: str
    outlets: tuple[str, ...]
    source: Source
    conflicting_dates: bool = False
    scheduled: bool = False
    uncertain: bool = False  # hidden unless the user shows uncertain rows
    reports: tuple[DateReport, ...] = ()  # each outlet's report, the shown one first
    new: bool = False  # an article reporting it is unread
    when: DateKey = UNDATED
    actor: str = ""  # the storyline's most prominent actor the text names
    actor_rank: int = 0  # that actor's place in the storyline (unnamed: after all)


@dataclass(frozen=True)
class QuoteView:
    """A quote as the briefing pane shows it: a storyline's QuoteItem, its strings cleaned."""

    speaker: str
    text: str
    date: str
    via: str
    source: Source
    direct: bool = True  # False: reported speech, not the speaker's own words
    outlets: tuple[str, ...] = ()  # every outlet that carried the words, the cited one first
    uncertain: bool = False  # hidden unless the user shows uncertain rows
    new: bool = False  # an article carrying the words is unread
    when: DateKey = UNDATED
    actor_rank: int = 0  # the speaker's place in the storyline's quotes


@dataclass(frozen=True)
class RedLineView:
    """A red line as the briefing pane shows it: a storyline's RedLineItem, strings cleaned."""

    holder: str
    text: str
    date: str
    source: Source
    changed: bool = False
    outlets: tuple[str, ...] = ()  # every outlet that reported it, the cited one first
    uncertain: bool = False  # hidden unless the user shows uncertain rows
    new: bool = False  # an article reporting it is unread
    when: DateKey = UNDATED
    actor_rank: int = 0  # the holder's place in the storyline's red lines


@dataclass(frozen=True)
class SummaryLine:
    """A sentence of the storyline's summary, as its article wrote it, and where."""

    text: str
    source: Source


@dataclass(frozen=True)
class ActorInfo:
    name: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    side: str | None = None  # the country or organisation the actor speaks for


@dataclass(frozen=True)
class BriefingView:
    """The right-hand side of the main screen for one storyline."""

    storyline_id: int
    label: str
    actors: tuple[ActorInfo, ...] = ()
    timeline: tuple[TimelineItem, ...] = ()
    quotes: tuple[QuoteView, ...] = ()
    red_lines: tuple[RedLineView, ...] = ()
    summary: tuple[SummaryLine, ...] = ()

    def names_for(self, actor: str) -> tuple[str, ...]:
        """The actor's name and aliases, for matching it in free text."""
        for info in self.actors:
            if info.name == actor:
                return (info.name, *info.aliases)
        return (actor,)

    def people_of(self, side: str) -> tuple[str, ...]:
        """The actors who speak for a country or an organisation ("Dmitry Peskov" for Russia)."""
        return tuple(info.name for info in self.actors if info.side == side and info.name != side)

    def with_people(self, chosen: Sequence[str]) -> set[str]:
        """The chosen actors and everyone who speaks for one of them."""
        return {who for actor in chosen for who in (actor, *self.people_of(actor))}


@dataclass(frozen=True)
class ArticleView:
    """An article as the reader shows it; `text` is as stored: paint it via `reader_text`."""

    id: int
    title: str
    outlet: str
    date: str
    url: str
    text: str
    read: bool
    starred: bool
    author: str = ""


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str
    outlet: str
    date: str
    read: bool
    starred: bool
    url: str = ""


@dataclass(frozen=True)
class FeedRow:
    id: int
    title: str
    url: str
    articles: int
    last_refresh: str
    error: str
    disabled: bool
    unread: int = 0
    newest: str = ""  # the date of the feed's newest article
    tags: tuple[str, ...] = ()
    site_url: str = ""

    @property
    def status(self) -> str:
        if self.url.startswith(DEMO_SCHEME):
            return "demo"  # built in: switched off on purpose, not broken
        if self.disabled:
            return "disabled"
        if self.error:
            return "error"
        if not self.last_refresh:
            return "new"
        return "ok"


@dataclass
class RefreshSummary:
    feeds: int = 0
    new_articles: int = 0
    errors: int = 0
    messages: list[str] = field(default_factory=list)


def short_date(value: str | None) -> str:
    """`2026-03-04T10:00:00+00:00` -> `2026-03-04`; the library stores ISO 8601 UTC."""
    return clean_line(value)[:10] if value else ""


def outlet_name(title: str | None, url: str | None) -> str:
    """A feed's title, or the host of its URL when it has none."""
    name = clean_line(title)
    if name:
        return name
    host = urlsplit(url or "").hostname or ""
    return clean_line(host.removeprefix("www."))


# -- storylines ---------------------------------------------------------------------------


def load_storylines(library: Library) -> list[StorylineListRow]:
    """The storyline list, most recent activity first."""
    from briefing import storylines  # the analysis layer loads in the worker, not at start-up

    return [
        StorylineListRow(
            id=summary.id,
            label=clean_line(summary.label) or f"Storyline {summary.id}",
            articles=summary.article_count,
            last_date=short_date(summary.last_date),
            unread=summary.unread_count,
        )
        for summary in storylines.list_storylines(library)
    ]


def quick_storylines(library: Library) -> list[StorylineListRow]:
    """The storyline list as last stored, without counting articles: for the first paint.

    Counts and dates may lag behind a change the grouper has not recorded yet, and unread
    counts are missing; `load_storylines` follows with the live figures.
    """
    stored = store_storylines.all_storylines(library)
    # The same order as the live list (most recent activity first), so the storyline
    # highlighted at the first paint is still the top one when the live figures land.
    stored.sort(key=lambda row: (row.last_date or "", row.id), reverse=True)
    return [
        StorylineListRow(
            id=row.id,
            label=clean_line(row.title) or f"Storyline {row.id}",
            articles=row.article_count,
            last_date=short_date(row.last_date),
            unread=0,
        )
        for row in stored
    ]


def load_briefing(library: Library, storyline_id: int, label: str = "") -> BriefingView:
    """The timeline, quotes and red lines of one storyline."""
    from briefing import storylines

    try:
        built = storylines.build_briefing(library, storyline_id)
    except storylines.StorylineError:
        return BriefingView(storyline_id, label)
    return _adapt_briefing(built)


def analysis_pending(library: Library) -> bool:
    """Whether some article waits for the current analyser (new, changed, after an upgrade, or
    after an edit of the user's alias table)."""
    from briefing.config import settings_path
    from briefing.store import analysis as store_analysis
    from briefing.understand import analyser_version, load_alias_table

    version = analyser_version(load_alias_table(settings_path().parent))
    return store_analysis.count_pending(library, version) > 0


def mark_storyline_read(library: Library, storyline_id: int) -> list[int]:
    """Mark every article of a storyline read and note that the user opened it.

    Returns the ids that were unread: marking them unread again undoes it.
    """
    unread = reading.storyline_article_ids(library, storyline_id, unread_only=True)
    store_articles.mark_read(library, unread)
    mark_opened(library, storyline_id)
    return unread


def set_read_many(library: Library, article_ids: Sequence[int], read: bool) -> None:
    """Mark these articles read (or unread)."""
    store_articles.mark_read(library, article_ids, read)


def mark_opened(library: Library, storyline_id: int) -> None:
    """Tell the storyline layer the user looked at this storyline now."""
    from briefing import storylines

    try:
        storylines.mark_opened(library, storyline_id)
    except storylines.StorylineError:
        pass  # merged or removed meanwhile


def _source(citation: storylines.Citation) -> Source:
    return Source(
        article_id=citation.article_id,
        url=clean_line(citation.url),
        title=clean_line(citation.title),
        outlet=clean_line(citation.outlet),
        date=short_date(citation.date),
        start=citation.start,
        end=citation.end,
    )


def _aliases(actor: storylines.ActorSummary) -> tuple[str, ...]:
    """Shorter forms a text uses for an actor: a person's surname."""
    name = clean_line(actor.name)
    words = name.split()
    if actor.kind == "person" and len(words) > 1:
        return (words[-1],)
    return ()


def _adapt_briefing(built: storylines.Briefing) -> BriefingView:
    """Turn the storyline layer's Briefing into the view records, every string cleaned."""
    from briefing.storylines import date_order

    unread = frozenset(built.unread_articles)
    actors = tuple(
        ActorInfo(
            clean_line(a.name),
            _aliases(a),
            a.mentions,
            clean_line(a.affiliation) if a.affiliation else None,
        )
        for a in built.actors
    )
    timeline = _timeline_items(built, unread, _actor_finder(actors))
    quotes = tuple(
        QuoteView(
            speaker=clean_line(group.speaker) or "Unattributed",
            text=clean_line(q.text),
            date=short_date(q.date or q.source.date),
            via=clean_line(q.via),
            source=_source(q.source),
            direct=q.direct,
            outlets=tuple(clean_line(o) for o in q.outlets),
            uncertain=q.uncertain,
            new=any(c.article_id in unread for c in (q.source, *q.also)),
            when=date_order(q.date or q.source.date),
            actor_rank=rank,
        )
        for rank, group in enumerate(built.quotes)
        for q in group.quotes
    )
    red_lines = tuple(
        RedLineView(
            holder=clean_line(group.holder) or "Unattributed",
            text=clean_line(r.text),
            date=short_date(r.stated or r.source.date),
            source=_source(r.source),
            changed=r.changed_from is not None,
            outlets=tuple(clean_line(o) for o in r.outlets),
            uncertain=r.uncertain,
            new=any(c.article_id in unread for c in (r.source, *r.also)),
            when=date_order(r.stated or r.source.date),
            actor_rank=rank,
        )
        for rank, group in enumerate(built.red_lines)
        for r in group.items
    )
    summary = tuple(SummaryLine(clean_line(s.text), _source(s.source)) for s in built.summary)
    label = clean_line(built.storyline.label) or f"Storyline {built.storyline.id}"
    return BriefingView(built.storyline.id, label, actors, timeline, quotes, red_lines, summary)


def _timeline_items(
    built: storylines.Briefing,
    unread: frozenset[int],
    named: Callable[[str], tuple[str, int]],
) -> tuple[TimelineItem, ...]:
    """The timeline's rows, each with its date key, the actor it names and its new mark."""
    from briefing.storylines import date_order

    timeline = []
    for entry in built.timeline:
        text = clean_line(entry.text)
        actor, rank = named(text)
        timeline.append(
            TimelineItem(
                date=clean_line(entry.date),
                text=text,
                outlets=tuple(clean_line(o) for o in entry.outlets),
                source=_source(entry.source),
                conflicting_dates=entry.dates_conflict,
                scheduled=entry.scheduled,
                uncertain=entry.uncertain,
                new=any(r.source.article_id in unread for r in entry.reports),
                when=date_order(entry.date),
                actor=actor,
                actor_rank=rank,
                reports=tuple(
                    DateReport(
                        outlet=clean_line(report.source.outlet),
                        date=clean_line(report.date),
                        text=clean_line(report.text),
                        source=_source(report.source),
                    )
                    for report in entry.reports
                ),
            )
        )
    return tuple(timeline)


def _actor_finder(actors: Sequence[ActorInfo]) -> Callable[[str], tuple[str, int]]:
    """A function giving the most prominent actor a text names (by name or alias, as whole
    words) and its place among the actors; ("", len(actors)) when it names none."""
    patterns = [
        re.compile(
            r"\b(?:" + "|".join(re.escape(n) for n in (a.name, *a.aliases) if n) + r")\b",
            re.IGNORECASE,
        )
        for a in actors
        if a.name
    ]
    names = [a.name for a in actors if a.name]

    def named(text: str) -> tuple[str, int]:
        for rank, pattern in enumerate(patterns):
            if pattern.search(text):
                return names[rank], rank
        return "", len(names)

    return named


# -- the order of a column's rows ---------------------------------------------------------

# The orders a column can show, in the order the sort key cycles through them.
ORDERS = ("date", "newest", "reported", "actor")
Row = TypeVar("Row", TimelineItem, QuoteView, RedLineView)


def ordered(rows: Sequence[Row], order: str) -> list[Row]:
    """Rows in one of ORDERS: by date (oldest first), newest first, most reported first (the
    newest first among equals), or by actor (the storyline's order of its actors, speakers or
    holders, and its order within one: a timeline's is by date). Undated rows come last in
    every order; ties keep the storyline's order."""
    index = {id(row): i for i, row in enumerate(rows)}

    def newest(row: Row) -> tuple[bool, int, int, int]:
        year, month, day = row.when
        return (row.when >= UNDATED, -year, -month, -day)

    if order == "newest":
        return sorted(rows, key=lambda r: (newest(r), index[id(r)]))
    if order == "reported":
        return sorted(rows, key=lambda r: (-len(r.outlets), newest(r), index[id(r)]))
    if order == "actor":
        return sorted(rows, key=lambda r: (r.actor_rank, index[id(r)]))
    return sorted(rows, key=lambda r: (r.when, index[id(r)]))


# -- articles -----------------------------------------------------------------------------


def load_article(library: Library, article_id: int) -> ArticleView | None:
    """One article for the reader, or None when it is gone."""
    article = store_articles.get_article(library, article_id)
    if article is None:
        return None
    return ArticleView(
        id=article.id,
        title=clean_line(article.title) or "(untitled)",
        outlet=outlet_name(article.feed_title, article.link),
        date=short_date(article.published or article.updated),
        url=clean_line(article.link),
        text=article.text or "",
        read=article.read,
        starred=article.starred,
        author=clean_line(article.author),
    )


def load_articles(
    library: Library,
    *,
    unread_only: bool = False,
    starred_only: bool = False,
    feed_id: int | None = None,
    query: str = "",
    limit: int = 500,
) -> list[ArticleRow]:
    """Articles newest first (of one feed, when given), or the best matches of a full-text
    search; only the unread or the starred ones when asked."""
    if query.strip():
        found = store_articles.search_articles(library, query, limit=limit, feed_id=feed_id)
        if unread_only:
            found = [a for a in found if not a.read]
        if starred_only:
            found = [a for a in found if a.starred]
    else:
        found = store_articles.list_articles(
            library,
            feed_id=feed_id,
            unread_only=unread_only,
            starred_only=starred_only,
            limit=limit,
        )
    return [
        ArticleRow(
            id=a.id,
            title=clean_line(a.title) or "(untitled)",
            outlet=outlet_name(a.feed_title, a.link),
            date=short_date(a.published or a.updated),
            read=a.read,
            starred=a.starred,
            url=clean_line(a.link),
        )
        for a in found
    ]


def set_read(library: Library, article_id: int, read: bool) -> None:
    store_articles.mark_read(library, [article_id], read)


def set_starred(library: Library, article_id: int, starred: bool) -> None:
    store_articles.set_starred(library, article_id, starred)


# -- feeds --------------------------------------------------------------------------------


def load_feeds(library: Library) -> list[FeedRow]:
    """Every subscription with its state."""
    return [
        FeedRow(
            id=f.id,
            title=outlet_name(f.title, f.url),
            url=clean_line(f.url),
            articles=f.article_count,
            last_refresh=clean_line(f.last_refresh).replace("T", " ")[:16],
            error=clean_line(f.last_error),
            disabled=f.disabled,
            unread=f.unread_count,
            newest=short_date(f.newest),
            tags=tuple(clean_line(t) for t in f.tags if clean_line(t)),
            site_url=clean_line(f.site_url),
        )
        for f in store_feeds.list_feeds(library)
    ]


def mark_all_read(library: Library, feed_id: int | None = None) -> list[int]:
    """Mark every unread article of a feed (or of the library) read; returns their ids, to
    undo it with `set_read_many`."""
    ids = reading.unread_article_ids(library, feed_id=feed_id)
    store_articles.mark_read(library, ids)
    return ids


def next_unread(library: Library, current: int, following: list[int]) -> int | None:
    """The article `n` opens after `current`: the first unread of `following` (the rest of
    the list the reader was opened from), else the newest unread of the current article's
    storyline, else the newest unread of the library."""
    unread = reading.unread_among(library, following)
    for article_id in following:
        if article_id in unread and article_id != current:
            return article_id
    storyline_id = reading.article_storyline(library, current)
    if storyline_id is not None:
        found = reading.newest_unread(library, storyline_id=storyline_id, exclude=current)
        if found is not None:
            return found
    return reading.newest_unread(library, exclude=current)


def import_subscriptions(library: Library, document: bytes) -> tuple[int, int, list[str]]:
    """Subscribe to the feeds of an OPML document or a newsboat urls file: (added, already
    subscribed, the entries skipped). Raises SubscriptionFileError when it is neither."""
    from briefing.ingest.opml import read_subscriptions

    skipped: list[str] = []
    subscriptions = read_subscriptions(document, skipped)
    added, existing = store_feeds.add_feeds(library, subscriptions)
    return added, existing, [clean_line(line) for line in skipped]


def export_subscriptions(library: Library) -> tuple[str, int]:
    """Every subscription as an OPML 2.0 document, and how many feeds it lists."""
    from briefing.ingest.opml import write_opml

    feeds = store_feeds.list_feeds(library)
    return write_opml(feeds), len(feeds)


def remove_feed(library: Library, feed_id: int) -> None:
    store_feeds.remove_feed(library, feed_id)


def library_is_empty(library: Library) -> bool:
    """True when the user has not subscribed to any feed yet."""
    return reading.library_counts(library)["feeds"] == 0


def toggle_starred(library: Library, article_id: int) -> bool:
    """Flip an article's star; returns the new state."""
    article = store_articles.get_article(library, article_id)
    if article is None:
        return False
    store_articles.set_starred(library, article_id, not article.starred)
    return not article.starred


def toggle_read(library: Library, article_id: int) -> bool:
    """Flip an article's read mark; returns the new state."""
    article = store_articles.get_article(library, article_id)
    if article is None:
        return False
    store_articles.mark_read(library, [article_id], not article.read)
    return not article.read


def reader_text(raw: str, start: int, end: int) -> tuple[str, int, int]:
    """Text safe to paint, with the span [start, end) moved to match it.

    Control characters are stripped piecewise (before, inside, after the span) so the
    analyser's offsets into the stored text still land on the same sentence.
    """
    start = max(0, min(start, len(raw)))
    end = max(start, min(end, len(raw)))
    before, inside, after = (strip_controls(p) for p in (raw[:start], raw[start:end], raw[end:]))
    return before + inside + after, len(before), len(before) + len(inside)
