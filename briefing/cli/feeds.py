"""Feed commands: add, remove, feeds, refresh."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from briefing.cli._group import Context, cli, fail, pass_context
from briefing.safetext import clean_line

if TYPE_CHECKING:
    from briefing.ingest.refresh import FeedResult, RefreshReport
    from briefing.store import Library
    from briefing.store.feeds import Feed


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _echo(text: str = "", *, err: bool = False) -> None:
    click.echo(text, err=err)


@cli.command("add")
@click.argument("url")
@click.option("--tag", "tags", multiple=True, help="Tag the feed (repeat for several).")
@click.option(
    "--pick",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="When the page offers several feeds: subscribe to the Nth (as listed without --pick).",
)
@click.option(
    "--all",
    "every",
    is_flag=True,
    help="When the page offers several feeds: subscribe to every one of them.",
)
@click.option(
    "--full-text/--no-full-text",
    default=True,
    show_default=True,
    help="Fetch article pages when the feed carries only summaries.",
)
@click.option(
    "--digest/--no-digest",
    "run_digest",
    default=True,
    show_default=True,
    help="Analyse the new articles and group them into storylines after the first refresh.",
)
@pass_context
def add_command(
    context: Context,
    url: str,
    tags: tuple[str, ...],
    pick: int | None,
    every: bool,
    full_text: bool,
    run_digest: bool,
) -> None:
    """Subscribe to URL: a feed, or a web page whose feed is found for you.

    A page that offers several feeds lists them; run again with --pick N for one, or --all.
    """
    from briefing.config import load_settings
    from briefing.ingest.refresh import refresh_feeds

    settings = load_settings()
    with context.open() as library:
        feeds = _subscribe(library, url, tags, full_text, pick, every)
        report = refresh_feeds(
            library,
            [feed.id for feed in feeds],
            full_text=settings.fetch_full_text,
            max_articles_per_feed=settings.max_articles_per_feed,
        )
        for result in report.results:
            if result.failed:
                _echo(f"First refresh failed: {clean_line(result.error)}", err=True)
        if not all(result.failed for result in report.results):
            _echo(f"{_count(report.new_articles, 'article')} stored.")
    if run_digest and report.new_articles:
        from briefing.cli.storylines import digest_library

        digest_library(context, quiet=False)


def _subscribe(
    library: Library,
    url: str,
    tags: tuple[str, ...],
    full_text: bool,
    pick: int | None,
    every: bool,
) -> list[Feed]:
    """The feeds subscribed for URL (one, or every one a page offers with --all)."""
    from briefing.ingest.subscribe import SeveralFeeds, SubscribeError, subscribe

    try:
        found = subscribe(library, url, tags=tags, full_text=full_text, pick=pick)
    except SeveralFeeds as several:
        if not every:
            _echo(f"briefing: {clean_line(str(several))}", err=True)
            for n, choice in enumerate(several.choices, start=1):
                title = clean_line(choice.title)
                _echo(f"  {n:>2}  {title}  <{clean_line(choice.url)}>", err=True)
            fail(
                f"subscribe to one with `briefing add {clean_line(url)} --pick N`, "
                "or to all of them with --all"
            )
        feeds = []
        for choice in several.choices:
            try:
                one = subscribe(library, choice.url, tags=tags, full_text=full_text)
            except SubscribeError as exc:
                _echo(f"  {clean_line(choice.url)}: {clean_line(str(exc))}", err=True)
                continue
            _echo(
                f"Subscribed to {_name(one.feed)} <{clean_line(one.feed.url)}> (id {one.feed.id})"
            )
            feeds.append(one.feed)
        return feeds
    if found.found_via:
        via = "a link on the page" if found.how == "link" else "a common feed path"
        _echo(f"Found the feed of {clean_line(found.found_via)} through {via}:")
    _echo(f"Subscribed to {_name(found.feed)} <{clean_line(found.feed.url)}> (id {found.feed.id})")
    return [found.feed]


def _name(feed: Feed) -> str:
    return clean_line(feed.title) or "(untitled)"


@cli.command("remove")
@click.argument("feed")
@pass_context
def remove_command(context: Context, feed: str) -> None:
    """Unsubscribe from FEED (its URL or id) and delete its articles."""
    from briefing.store.feeds import find_feed, remove_feed

    with context.open() as library:
        found = find_feed(library, feed)
        if found is None:
            fail(f"no such feed: {feed} (see `briefing feeds`)")
        remove_feed(library, found.id)
        name = clean_line(found.title) or clean_line(found.url)
        _echo(f"Removed {name} and its {_count(found.article_count, 'article')}.")


@cli.command("feeds")
@click.option("--json", "as_json", is_flag=True, help="Print the feeds as JSON.")
@pass_context
def feeds_command(context: Context, as_json: bool) -> None:
    """List your feeds: title, URL, tags, articles, last refresh, last error."""
    from briefing.store.feeds import list_feeds

    with context.open() as library:
        feeds = list_feeds(library)
    if as_json:
        keys = (
            "id",
            "title",
            "url",
            "site_url",
            "tags",
            "article_count",
            "last_refresh",
            "last_error",
            "disabled",
            "full_text",
            "retry_after",
        )
        rows = [{k: getattr(f, k) for k in keys} for f in feeds]
        _echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not feeds:
        _echo("No feeds yet. Add one with: briefing add URL")
        return
    width = len(str(max(f.id for f in feeds)))
    for f in feeds:
        title = clean_line(f.title) or "(untitled)"
        tags = f"  [{', '.join(clean_line(t) for t in f.tags)}]" if f.tags else ""
        refreshed = _when(f.last_refresh) if f.last_refresh else "never refreshed"
        state = "  (disabled)" if f.disabled else ""
        _echo(
            f"{f.id:>{width}}  {title}  ·  {_count(f.article_count, 'article')}  ·  "
            f"{refreshed}{tags}{state}"
        )
        pad = " " * (width + 2)
        _echo(f"{pad}{clean_line(f.url)}")
        if f.last_error:
            _echo(f"{pad}last error: {clean_line(f.last_error)}")


def _when(stamp: str) -> str:
    return "refreshed " + stamp.replace("T", " ")[:16] + " UTC"


@cli.command("refresh")
@click.argument("feeds", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@click.option(
    "--full-text/--no-full-text",
    default=None,
    help="Fetch article pages for summary-only feeds (default: the settings, on).",
)
@click.option(
    "--digest/--no-digest",
    "run_digest",
    default=True,
    help="Then analyse the new articles and group them into storylines (default: on).",
)
@pass_context
def refresh_command(
    context: Context,
    feeds: tuple[str, ...],
    as_json: bool,
    full_text: bool | None,
    run_digest: bool,
) -> None:
    """Fetch new articles from every feed (or only the FEEDS given, by URL or id)."""
    from briefing.config import load_settings
    from briefing.ingest.refresh import refresh_feeds

    settings = load_settings()
    if full_text is None:
        full_text = settings.fetch_full_text
    with context.open() as library:
        ids = _feed_ids(library, feeds)
        total = len(ids) if ids is not None else _feed_count(library)
        if total == 0 and not as_json:
            _echo("No feeds yet. Add one with: briefing add URL")
            return
        with _refresh_bar(total, shown=not as_json) as progress:
            try:
                report = refresh_feeds(
                    library,
                    ids,
                    progress=progress,
                    full_text=full_text,
                    max_articles_per_feed=settings.max_articles_per_feed,
                )
            except KeyboardInterrupt:
                # Every feed finished so far was committed on its own; nothing is half-written.
                fail("interrupted; feeds refreshed so far are saved", code=130)
    if as_json:
        _echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        _print_refresh(report)
    if run_digest:
        from briefing.cli.storylines import digest_library

        digest_library(context, quiet=as_json)


def _feed_ids(library: Library, names: tuple[str, ...]) -> list[int] | None:
    """The ids of the feeds named (by URL or id); None, meaning every feed, when none is."""
    from briefing.store.feeds import find_feed

    if not names:
        return None
    ids = []
    for name in names:
        found = find_feed(library, name)
        if found is None:
            fail(f"no such feed: {name} (see `briefing feeds`)")
        ids.append(found.id)
    return ids


def _feed_count(library: Library) -> int:
    from briefing.store.feeds import list_feeds

    return len(list_feeds(library))


@contextmanager
def _refresh_bar(total: int, *, shown: bool) -> Iterator[Callable[[int, int, FeedResult], None]]:
    """A progress callback for refresh_feeds, drawing a bar on a terminal for several feeds."""
    if not (shown and sys.stderr.isatty() and total > 1):
        yield _no_progress
        return
    bar = click.progressbar(
        length=total, label="Refreshing", file=sys.stderr, show_pos=True, width=30
    )
    with bar:

        def progress(done: int, total: int, result: FeedResult) -> None:
            bar.update(1)

        yield progress


def _no_progress(done: int, total: int, result: FeedResult) -> None:
    pass


def _print_refresh(report: RefreshReport) -> None:
    """Each failure and each move on its own line, then the totals."""
    for result in report.results:
        if result.failed:
            name = clean_line(result.title) or clean_line(result.url)
            _echo(f"  {name}: {clean_line(result.error)}", err=True)
        if result.moved_to:
            _echo(f"  {clean_line(result.url)} moved to {clean_line(result.moved_to)}")
    _echo("Refreshed " + report.summary())
