"""A small library for the TUI tests, built with the real store and fixed dates.

Storylines and analysis records are written as the pipeline would leave them; feed
texts carry markup-looking brackets, escape sequences, wide and right-to-left text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from briefing.ingest.parse import ParsedArticle
from briefing.store import Library, open_library
from briefing.store.analysis import save_analysis
from briefing.store.articles import upsert_articles
from briefing.store.feeds import add_feed, update_feed
from briefing.store.storylines import assign_article
from briefing.understand import ANALYSER_VERSION
from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine

FETCHED = "2026-03-20T08:00:00+00:00"


def _long_text(paragraphs: list[str], filler: int = 0) -> str:
    padding = [
        f"Background paragraph {i + 1} repeats what readers already know about the dispute "
        "so that the article is long enough to need scrolling in the reader."
        for i in range(filler)
    ]
    return "\n\n".join(paragraphs[:1] + padding + paragraphs[1:])


@dataclass
class StoryArticle:
    feed: str
    title: str
    published: str
    paragraphs: list[str]
    filler: int = 0
    quotes: list[tuple[str, str, str | None]] = field(default_factory=list)  # text, speaker, via
    red_lines: list[tuple[str, str]] = field(default_factory=list)  # text, holder
    events: list[tuple[str, str]] = field(default_factory=list)  # text, date
    actors: list[tuple[str, str]] = field(default_factory=list)  # name, kind
    read: bool = False


STORYLINES: list[tuple[str, list[StoryArticle]]] = [
    (
        "Rotterdam port strike",
        [
            StoryArticle(
                "Harbour Herald",
                "Dockers walk out at Rotterdam",
                "2026-03-18T09:00:00+00:00",
                [
                    "Dockworkers at Rotterdam stopped work on Monday.",
                    "Union leader Anna de Vries said: “We will not accept a pay freeze.”",
                    "The port authority said the strike began on 16 March.",
                ],
                filler=12,
                quotes=[("We will not accept a pay freeze.", "Anna de Vries", None)],
                red_lines=[("We will not accept a pay freeze.", "Anna de Vries")],
                events=[("Dockworkers at Rotterdam stopped work on Monday.", "2026-03-16")],
                actors=[("Anna de Vries", "person"), ("Port of Rotterdam", "organization")],
            ),
            StoryArticle(
                "Capital Wire",
                "Port employers offer talks",
                "2026-03-19T10:00:00+00:00",
                [
                    "Employers offered talks on Wednesday.",
                    "Mark Jansen, for the employers, said a deal was possible only if the "
                    "strike ended first.",
                    "De Vries later said the union could accept a phased raise.",
                ],
                quotes=[
                    ("a deal was possible only if the strike ended first", "Mark Jansen", None),
                    ("the union could accept a phased raise", "Anna de Vries", "Capital Wire"),
                ],
                red_lines=[
                    ("only if the strike ended first", "Mark Jansen"),
                    ("the union could accept a phased raise", "Anna de Vries"),
                ],
                events=[("Employers offered talks on Wednesday.", "2026-03-18")],
                actors=[("Mark Jansen", "person"), ("Anna de Vries", "person")],
            ),
        ],
    ),
    (
        "Geneva peace talks",
        [
            StoryArticle(
                "Northern Post",
                "Delegations meet in Geneva",
                "2026-03-12T07:30:00+00:00",
                [
                    "Delegations met in Geneva on Thursday for a first round.",
                    "The envoy said: “No ceasefire, no talks.”",
                ],
                quotes=[("No ceasefire, no talks.", "The envoy", None)],
                red_lines=[("No ceasefire, no talks.", "The envoy")],
                events=[("Delegations met in Geneva on Thursday for a first round.", "2026-03-12")],
                actors=[("The envoy", "person")],
                read=True,
            ),
        ],
    ),
    (
        "Tokyo 東京 summit and Cairo القاهرة meeting",
        [
            StoryArticle(
                "Northern Post",
                "Leaders gather in 東京 as القاهرة awaits",
                "2026-03-05T12:00:00+00:00",
                [
                    "Leaders gathered in 東京 on Tuesday; the talks in القاهرة follow next week.",
                    "A spokesperson said [bold]nothing[/bold] was agreed \x1b[31myet.",
                ],
                quotes=[("[bold]nothing[/bold] was agreed", "A spokesperson", None)],
                events=[("Leaders gathered in 東京 on Tuesday", "2026-03-03")],
                actors=[("A spokesperson", "person")],
            ),
        ],
    ),
]

FEEDS = {
    "Harbour Herald": "http://127.0.0.1:9/herald.xml",
    "Capital Wire": "http://127.0.0.1:9/wire.xml",
    "Northern Post": "http://127.0.0.1:9/post.xml",
}


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def build_library(
    path: Path, storylines: list[tuple[str, list[StoryArticle]]] | None = None
) -> Path:
    """Write the test library (or these storylines) to `path` (a fresh file); return the path."""
    with open_library(path) as library:
        fill(library, STORYLINES if storylines is None else storylines)
    return path


def fill(library: Library, storylines: list[tuple[str, list[StoryArticle]]]) -> None:
    feed_ids: dict[str, int] = {}
    for title, url in FEEDS.items():
        feed = add_feed(library, url, title=title)
        feed_ids[title] = feed.id
        with library.db.atomic():
            update_feed(library, feed.id, last_refresh=FETCHED)
    with library.db.atomic():
        update_feed(library, feed_ids["Capital Wire"], last_error="HTTP 503: try again later")
    for label, stories in storylines:
        ids = []
        for story in stories:
            text = _long_text(story.paragraphs, story.filler)
            key = hashlib.sha1(story.title.encode()).hexdigest()
            with library.db.atomic():
                result = upsert_articles(
                    library,
                    feed_ids[story.feed],
                    [
                        ParsedArticle(
                            guid=key,
                            link=f"https://news.example/{key[:8]}",
                            title=story.title,
                            author="",
                            published=story.published,
                            updated=None,
                            categories=(),
                            text=text,
                            content_hash=key,
                            dedupe_key=key,
                        )
                    ],
                    fetched_at=FETCHED,
                )
            article_id = result.new_ids[0]
            ids.append(article_id)
            analysis = Analysis(
                language="en",
                actors=[Actor(name, kind) for name, kind in story.actors],  # type: ignore[arg-type]
                quotes=[
                    Quote(q, *_span(text, q), direct=True, speaker=s, via=via)
                    for q, s, via in story.quotes
                ],
                red_lines=[RedLine(h, r, *_span(text, r)) for r, h in story.red_lines],
                events=[Event(d, e, *_span(text, e)) for e, d in story.events],
            )
            # The current analyser's version: a digest (after a refresh) leaves these alone.
            save_analysis(library, article_id, analysis, version=ANALYSER_VERSION)
            if story.read:
                library.db["articles"].update(article_id, {"read": 1})
        dates = [s.published for s in stories]
        storyline_id = (
            library.db["storylines"]
            .insert(
                {
                    "label": label,
                    "first_date": min(dates)[:10],
                    "last_date": max(dates)[:10],
                    "article_count": len(stories),
                }
            )
            .last_pk
        )
        with library.db.atomic():
            for article_id in ids:
                content_hash = library.db["articles"].get(article_id)["content_hash"]
                assign_article(
                    library,
                    article_id,
                    int(storyline_id or 0),
                    content_hash=content_hash,
                    simhash=0,
                    wire_of=None,
                    assigned_at=FETCHED,
                )
