"""Subscribing to a URL: a feed directly, or the feed a web page leads to."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

from briefing.errors import FeedError
from briefing.ingest import problems
from briefing.ingest.discover import common_feed_urls, feed_links, looks_like_feed
from briefing.ingest.fetch import Fetcher, FetchResult, NotHttpUrl, check_http_url
from briefing.ingest.parse import NotAFeed, ParsedFeed, parse_feed
from briefing.ingest.refresh import decode_page
from briefing.safetext import clean_line
from briefing.store import Library
from briefing.store.feeds import Feed, FeedExists, add_feed, get_feed_by_url

# Feed links from a page looked at (a page may list dozens); several that work are offered.
MAX_CANDIDATES = 20

# A host typed without a scheme: "example.org/feed", "127.0.0.1:8766", "localhost:8080/rss".
_BARE_HOST = re.compile(r"^(?P<host>[A-Za-z0-9.-]+)(?P<port>:\d{1,5})?(?:[/?#]\S*)?$")


class SubscribeError(FeedError):
    """Why a URL could not be subscribed, in one line for the user."""


@dataclass(frozen=True)
class FeedChoice:
    """One of the feeds a page offers."""

    url: str
    title: str


class SeveralFeeds(SubscribeError):
    """The page offers more than one feed: the user chooses (nothing was subscribed)."""

    def __init__(self, page_url: str, choices: list[FeedChoice]) -> None:
        super().__init__(
            f"the page at {clean_line(page_url)} offers {len(choices)} feeds: choose one"
        )
        self.page_url = page_url
        self.choices = choices


@dataclass
class Subscription:
    """A new subscription; `found_via` is the page it was discovered from, if any."""

    feed: Feed
    found_via: str | None = None
    how: str = "feed"  # "feed", "link" (rel=alternate or a feed link), "common path"


def addresses(text: str) -> list[str]:
    """The URLs to try for what the user typed: itself when it has a scheme; for a bare host
    (`example.org/feed`, `127.0.0.1:8766`), https first and then http. Raises SubscribeError
    for anything else, worded by briefing.ingest.problems."""
    text = text.strip()
    bare = _BARE_HOST.match(text) if "://" not in text else None
    if bare and ("." in bare["host"] or bare["port"] or bare["host"].lower() == "localhost"):
        candidates = ["https://" + text, "http://" + text]
    else:
        candidates = [text]
    try:
        return [check_http_url(url) for url in candidates]
    except NotHttpUrl as exc:
        raise SubscribeError(str(exc)) from exc


def normalise_url(text: str) -> str:
    """The user's input as an http(s) URL: a bare host name gets https:// (tried first)."""
    return addresses(text)[0]


def subscribe(
    library: Library,
    url: str,
    *,
    tags: tuple[str, ...] = (),
    full_text: bool = True,
    fetcher_options: dict[str, Any] | None = None,
    pick: int | None = None,
) -> Subscription:
    """Subscribe to `url` (a feed, or a page whose feed is discovered); raises SubscribeError.

    A page that offers several feeds raises SeveralFeeds (with the choices) unless `pick`
    says which (1 for the first).
    """
    urls = addresses(url)
    _not_yet_subscribed(library, urls[0])
    found = asyncio.run(_find_feed(urls, fetcher_options or {}, pick))
    feed_url, parsed, found_via, how = found
    _not_yet_subscribed(library, feed_url)
    try:
        feed = add_feed(
            library,
            feed_url,
            title=parsed.title,
            site_url=parsed.site_url,
            tags=tags,
            full_text=full_text,
        )
    except FeedExists as exc:
        raise SubscribeError(f"already subscribed: {exc.feed.url}") from exc
    return Subscription(feed=feed, found_via=found_via, how=how)


def _not_yet_subscribed(library: Library, url: str) -> None:
    existing = get_feed_by_url(library, url)
    if existing is not None:
        label = f" ({existing.title})" if existing.title else ""
        raise SubscribeError(f"already subscribed: {existing.url}{label}")


Found = tuple[str, ParsedFeed, str | None, str]


async def _find_feed(urls: list[str], options: dict[str, Any], pick: int | None) -> Found:
    async with Fetcher(**options) as fetcher:
        url, first = await _first_answer(fetcher, urls)
        if first.kind != "ok":
            raise SubscribeError(first.error or first.kind)
        as_feed = _as_feed(first)
        if as_feed is not None:
            # A permanent redirect already points at the feed's new home.
            return first.moved_to or url, as_feed, None, "feed"
        if not _is_page(first):
            raise SubscribeError(problems.not_a_feed(first.content_type, first.body))
        page_url = first.final_url or url
        linked = feed_links(decode_page(first), page_url)[:MAX_CANDIDATES]
        offered = await _working_feeds(fetcher, linked)
        if offered:
            chosen = _choose(page_url, offered, pick)
            return chosen[0], chosen[1], page_url, "link"
        # Common paths are tried concurrently; the first in COMMON_FEED_PATHS order wins.
        tried = set(linked)
        guesses = [u for u in common_feed_urls(page_url) if u not in tried]
        results = await asyncio.gather(*(_try_fetch(fetcher, u) for u in guesses))
        for guess, fetched in zip(guesses, results, strict=True):
            parsed = _as_feed(fetched) if fetched is not None else None
            if fetched is not None and parsed is not None:
                return fetched.moved_to or guess, parsed, page_url, "common path"
        raise SubscribeError(
            f"no feed found on the page at {clean_line(page_url)}: it links to no feed, and "
            "none is at the usual places (/feed, /rss, /atom.xml, …); look on the site for "
            "an RSS or Atom link, and add that"
        )


async def _first_answer(fetcher: Fetcher, urls: list[str]) -> tuple[str, FetchResult]:
    """The first of `urls` whose server answered (https, then http for a bare host); when
    none did, the first one's failure."""
    first = await fetcher.fetch(urls[0])
    for other in urls[1:]:
        if first.kind != "error" or first.status is not None:
            break
        fetched = await fetcher.fetch(other)
        if fetched.kind != "error" or fetched.status is not None:
            return other, fetched
    return urls[0], first


async def _working_feeds(fetcher: Fetcher, urls: list[str]) -> list[tuple[str, ParsedFeed]]:
    """Those of `urls` that are feeds (fetched together), in the page's order."""
    results = await asyncio.gather(*(_try_fetch(fetcher, u) for u in urls))
    working = []
    for url, fetched in zip(urls, results, strict=True):
        parsed = _as_feed(fetched) if fetched is not None else None
        if fetched is not None and parsed is not None:
            working.append((fetched.moved_to or url, parsed))
    return working


def _choose(
    page_url: str, offered: list[tuple[str, ParsedFeed]], pick: int | None
) -> tuple[str, ParsedFeed]:
    if len(offered) == 1:
        return offered[0]
    if pick is None:
        choices = [FeedChoice(url, parsed.title or url) for url, parsed in offered]
        raise SeveralFeeds(page_url, choices)
    if not 1 <= pick <= len(offered):
        raise SubscribeError(
            f"the page at {clean_line(page_url)} offers {len(offered)} feeds: "
            f"pick a number from 1 to {len(offered)}"
        )
    return offered[pick - 1]


async def _try_fetch(fetcher: Fetcher, url: str) -> FetchResult | None:
    fetched = await fetcher.fetch(url)
    return fetched if fetched.kind == "ok" else None


def _is_page(fetched: FetchResult) -> bool:
    head = fetched.body[:1024].lstrip().lower()
    return fetched.is_html or head.startswith((b"<!doctype html", b"<html"))


def _as_feed(fetched: FetchResult) -> ParsedFeed | None:
    """The parsed feed when the response is one, else None."""
    if _is_page(fetched) and not looks_like_feed(fetched.body, fetched.content_type):
        return None
    try:
        return parse_feed(fetched.body, fetched.final_url or fetched.url, fetched.content_type)
    except NotAFeed:
        return None
