"""Subscribing to a URL: a feed directly, or the feed a web page leads to."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from briefing.errors import FeedError
from briefing.ingest.discover import common_feed_urls, feed_links, looks_like_feed
from briefing.ingest.fetch import Fetcher, FetchResult, NotHttpUrl, check_http_url
from briefing.ingest.parse import NotAFeed, ParsedFeed, parse_feed
from briefing.ingest.refresh import decode_page
from briefing.store import Library
from briefing.store.feeds import Feed, FeedExists, add_feed, get_feed_by_url

# Candidate links from a page tried before giving up on it (a page may list dozens).
MAX_CANDIDATES = 8


class SubscribeError(FeedError):
    """Why a URL could not be subscribed, in one line for the user."""


@dataclass
class Subscription:
    """A new subscription; `found_via` is the page it was discovered from, if any."""

    feed: Feed
    found_via: str | None = None
    how: str = "feed"  # "feed", "link" (rel=alternate or a feed link), "common path"


def normalise_url(text: str) -> str:
    """The user's input as an http(s) URL: a bare host name gets https://."""
    text = text.strip()
    if not text:
        raise SubscribeError("not a URL: (empty)")
    if "://" not in text and "." in text.split("/")[0] and " " not in text:
        text = "https://" + text
    try:
        return check_http_url(text)
    except NotHttpUrl as exc:
        raise SubscribeError(f"not a URL: {text}") from exc


def subscribe(
    library: Library,
    url: str,
    *,
    tags: tuple[str, ...] = (),
    full_text: bool = True,
    fetcher_options: dict[str, Any] | None = None,
) -> Subscription:
    """Subscribe to `url` (a feed, or a page whose feed is discovered); raises SubscribeError."""
    url = normalise_url(url)
    _not_yet_subscribed(library, url)
    found = asyncio.run(_find_feed(url, fetcher_options or {}))
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


async def _find_feed(url: str, options: dict[str, Any]) -> tuple[str, ParsedFeed, str | None, str]:
    async with Fetcher(**options) as fetcher:
        first = await fetcher.fetch(url)
        if first.kind != "ok":
            raise SubscribeError(f"unreachable: {url}: {first.error or first.kind}")
        as_feed = _as_feed(first)
        if as_feed is not None:
            # A permanent redirect already points at the feed's new home.
            return first.moved_to or url, as_feed, None, "feed"
        if not _is_page(first):
            raise SubscribeError(f"no feed found at {url} (neither a feed nor a web page)")
        page_url = first.final_url or url
        linked = feed_links(decode_page(first), page_url)[:MAX_CANDIDATES]
        for candidate in linked:
            fetched = await _try_fetch(fetcher, candidate)
            parsed = _as_feed(fetched) if fetched is not None else None
            if fetched is not None and parsed is not None:
                return fetched.moved_to or candidate, parsed, page_url, "link"
        # Common paths are tried concurrently; the first in COMMON_FEED_PATHS order wins.
        tried = set(linked)
        guesses = [u for u in common_feed_urls(page_url) if u not in tried]
        results = await asyncio.gather(*(_try_fetch(fetcher, u) for u in guesses))
        for guess, fetched in zip(guesses, results, strict=True):
            parsed = _as_feed(fetched) if fetched is not None else None
            if fetched is not None and parsed is not None:
                return fetched.moved_to or guess, parsed, page_url, "common path"
        raise SubscribeError(f"no feed found at {url}")


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
