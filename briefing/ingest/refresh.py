"""Refreshing every feed at once: network work concurrent, database writes in one thread.

The event loop runs in the thread that opened the library; fetches overlap, parsing runs
in an executor, and each feed's results are written by the loop thread all or none (a
savepoint), so a failing feed leaves every other feed's last good state. The feeds written
within COMMIT_EVERY seconds of each other share one commit: a crash loses at most that much
work (feed and validators together, so the next refresh fetches those feeds again).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

from briefing.config import MAX_ARTICLES_PER_FEED
from briefing.ingest.fetch import MAX_RETRY_AFTER, Fetcher, FetchResult
from briefing.ingest.parse import NotAFeed, ParsedArticle, ParsedFeed, parse_feed
from briefing.safetext import clean_line, clean_text
from briefing.store import Library, storage_error
from briefing.store.articles import (
    catch_up_search_index,
    prune_articles,
    stored_hashes,
    upsert_articles,
)
from briefing.store.feeds import Feed, list_feeds, update_feed, utc_now

# From this many feeds on, parsing runs in worker processes (one per CPU): starting
# them costs a fraction of a second, parsing a thousand feeds in one costs many.
PROCESS_POOL_MIN_FEEDS = 40

# Feeds written within this many seconds share a commit, made this long after the first
# of them at the latest: a reader sees new articles this soon after they land, and a cold
# refresh of a thousand feeds makes fifty commits instead of a thousand (a commit per feed
# cost it a tenth of its time).
COMMIT_EVERY = 0.2

# At most this many article pages are fetched per feed and refresh (summary-only feeds).
MAX_FULL_TEXT_PER_FEED = 25

FeedStatus = Literal[
    "updated", "not_modified", "unchanged", "error", "gone", "retry_later", "skipped"
]


@dataclass
class FeedResult:
    """What refreshing one feed did."""

    feed_id: int
    url: str
    title: str
    status: FeedStatus
    new: int = 0
    updated: int = 0
    error: str | None = None
    moved_to: str | None = None
    full_text_pages: int = 0

    @property
    def failed(self) -> bool:
        return self.status in ("error", "gone", "retry_later")


@dataclass
class RefreshReport:
    """The outcome of a refresh: one result per feed and the totals a user wants."""

    results: list[FeedResult] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def feeds(self) -> int:
        return len(self.results)

    @property
    def new_articles(self) -> int:
        return sum(r.new for r in self.results)

    @property
    def updated_articles(self) -> int:
        return sum(r.updated for r in self.results)

    @property
    def not_modified(self) -> int:
        """Feeds with nothing new to parse: a 304, or a body identical to the last one."""
        return sum(r.status in ("not_modified", "unchanged") for r in self.results)

    @property
    def errors(self) -> int:
        return sum(r.failed for r in self.results)

    @property
    def skipped(self) -> int:
        return sum(r.status == "skipped" for r in self.results)

    def summary(self) -> str:
        """One line: feeds, new articles, not modified, errors."""
        parts = [
            f"{self.feeds} feed{'s' if self.feeds != 1 else ''}",
            f"{self.new_articles} new article{'s' if self.new_articles != 1 else ''}",
        ]
        if self.updated_articles:
            parts.append(f"{self.updated_articles} updated")
        parts.append(f"{self.not_modified} not modified")
        parts.append(f"{self.errors} error{'s' if self.errors != 1 else ''}")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        return ", ".join(parts) + f" ({self.elapsed:.1f} s)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "feeds": self.feeds,
            "new_articles": self.new_articles,
            "updated_articles": self.updated_articles,
            "not_modified": self.not_modified,
            "errors": self.errors,
            "skipped": self.skipped,
            "elapsed_seconds": round(self.elapsed, 3),
            "results": [asdict(r) for r in self.results],
        }


Progress = Callable[[int, int, FeedResult], None]


def refresh_feeds(
    library: Library,
    feed_ids: Iterable[int] | None = None,
    *,
    progress: Progress | None = None,
    full_text: bool = True,
    max_articles_per_feed: int = MAX_ARTICLES_PER_FEED,
    fetcher_options: dict[str, Any] | None = None,
    executor: Executor | None = None,
) -> RefreshReport:
    """Refresh the library's feeds (or those in `feed_ids`) and store what is new.

    Call from the thread that opened `library`, outside any running event loop.
    `progress(done, total, result)` is called as each feed finishes. `full_text=False`
    turns off fetching article pages for every feed (each feed has its own switch too).
    A feed keeps at most `max_articles_per_feed` articles (the user's setting of that
    name; callers pass it, this layer reads no settings file).
    """
    return asyncio.run(
        refresh_feeds_async(
            library,
            feed_ids,
            progress=progress,
            full_text=full_text,
            max_articles_per_feed=max_articles_per_feed,
            fetcher_options=fetcher_options,
            executor=executor,
        )
    )


async def refresh_feeds_async(
    library: Library,
    feed_ids: Iterable[int] | None = None,
    *,
    progress: Progress | None = None,
    full_text: bool = True,
    max_articles_per_feed: int = MAX_ARTICLES_PER_FEED,
    fetcher_options: dict[str, Any] | None = None,
    executor: Executor | None = None,
) -> RefreshReport:
    """`refresh_feeds` for a caller already in an event loop on the library's thread."""
    started = time.perf_counter()
    wanted = set(feed_ids) if feed_ids is not None else None
    feeds = [f for f in list_feeds(library) if wanted is None or f.id in wanted]
    report = RefreshReport()
    own_executor = executor is None
    pool = executor or default_executor(len(feeds))
    job = _Refresh(library, pool, full_text=full_text, max_articles=max_articles_per_feed)
    try:
        async with Fetcher(**(fetcher_options or {})) as fetcher, job.writes:
            job.fetcher = fetcher
            tasks = [asyncio.create_task(job.one(feed)) for feed in feeds]
            try:
                for done, task in enumerate(asyncio.as_completed(tasks), start=1):
                    result = await task
                    report.results.append(result)
                    if progress is not None:
                        progress(done, len(feeds), result)
            except BaseException:
                # A library that cannot be written stops every feed: settle them all.
                for pending in tasks:
                    pending.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise
    finally:
        if own_executor:
            pool.shutdown(wait=True, cancel_futures=True)
    if report.new_articles or report.updated_articles:
        catch_up_search_index(library)  # one pass for the whole refresh
    order = {feed.id: i for i, feed in enumerate(feeds)}
    report.results.sort(key=lambda r: order.get(r.feed_id, 0))
    report.elapsed = time.perf_counter() - started
    return report


def default_executor(feeds: int) -> Executor:
    """Where parsing runs: worker processes for a big refresh on several CPUs, else a thread.

    Processes are spawned, not forked: the parent has threads (and maybe a TUI) running.
    """
    cpus = os.cpu_count() or 1
    if feeds >= PROCESS_POOL_MIN_FEEDS and cpus > 1:
        return ProcessPoolExecutor(
            max_workers=min(cpus, 8), mp_context=multiprocessing.get_context("spawn")
        )
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-parse")


class _GroupCommit:
    """One transaction for the feeds written within COMMIT_EVERY seconds, each feed's writes
    all or none inside it; committed by a timer, so that it never stays open (holding the
    write lock) while the refresh waits for the network. Used as an async context manager
    around the refresh: what is written when it ends (or fails) is committed then."""

    def __init__(self, library: Library) -> None:
        self.db = library.db
        self.timer: asyncio.TimerHandle | None = None
        self.failure: BaseException | None = None  # a commit the timer could not make
        self.began = False  # the open transaction is ours (not a caller's)

    @contextmanager
    def feed(self) -> Iterator[None]:
        """One feed's writes: all or none, committed with its neighbours'."""
        if self.failure is not None:
            raise self.failure
        if not self.db.conn.in_transaction:
            self.db.conn.execute("BEGIN IMMEDIATE")
            self.began = True
            self.timer = asyncio.get_running_loop().call_later(COMMIT_EVERY, self._on_timer)
        with self.db.atomic():  # a savepoint inside the open transaction
            yield

    def commit(self) -> None:
        """Commit what is written so far (rolled back if the commit fails, then raised)."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if not (self.began and self.db.conn.in_transaction):
            return
        self.began = False
        try:
            self.db.conn.execute("COMMIT")
        except BaseException:
            self.db.rollback()
            raise

    def _on_timer(self) -> None:
        self.timer = None
        try:
            self.commit()
        except Exception as exc:  # told to the next feed written, which stops the refresh
            self.failure = exc

    async def __aenter__(self) -> _GroupCommit:
        return self

    async def __aexit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.commit()
            if self.failure is not None:
                raise self.failure
            return
        try:  # the feeds finished before the failure keep their work
            self.commit()
        except Exception:
            pass  # the failure on its way out says more


class _Refresh:
    def __init__(
        self, library: Library, executor: Executor, *, full_text: bool, max_articles: int
    ) -> None:
        self.library = library
        self.executor = executor
        self.full_text = full_text
        # A feed that invents new GUIDs on every refresh must not grow without bound.
        self.max_articles = max_articles
        self.fetcher: Fetcher | None = None
        self.writes = _GroupCommit(library)

    async def one(self, feed: Feed) -> FeedResult:
        """Refresh one feed; every failure becomes a recorded error, never an exception."""
        result = FeedResult(feed_id=feed.id, url=feed.url, title=feed.title, status="error")
        try:
            await self._refresh(feed, result)
        except Exception as exc:  # one bad feed must not stop the others
            trouble = storage_error(exc, self.library.path)
            if trouble is not None:
                raise trouble from exc  # ...but a full disk stops them all
            result.status = "error"
            result.error = f"internal error: {type(exc).__name__}: {clean_line(str(exc))[:200]}"
            try:
                with self.writes.feed():
                    update_feed(
                        self.library,
                        feed.id,
                        last_refresh=utc_now(),
                        last_error=result.error,
                    )
            except Exception:
                pass
        return result

    async def _refresh(self, feed: Feed, result: FeedResult) -> None:
        skip = _skip_reason(feed)
        if skip is not None:
            result.status = "skipped"
            result.error = skip
            return
        assert self.fetcher is not None
        fetched = await self.fetcher.fetch(
            feed.url,
            etag=feed.etag,
            last_modified=feed.last_modified,
            previous_hash=feed.body_hash,
        )
        now = utc_now()
        changes = _answer_changes(fetched, now)
        result.moved_to = changes.get("url")
        if fetched.kind != "ok":
            # Nothing to parse: a 304, the same body again, or a failure.
            result.status = _STATUS[fetched.kind]
            result.error = fetched.error
            changes.update(_no_body_changes(feed, fetched))
            with self.writes.feed():
                update_feed(self.library, feed.id, **changes)
            return
        parsed = await self._parse(feed, fetched, now, result)
        if parsed is not None:
            changes["body_hash"] = fetched.body_hash
            await self._store(feed, parsed, changes, now, result)

    async def _parse(
        self, feed: Feed, fetched: FetchResult, now: str, result: FeedResult
    ) -> ParsedFeed | None:
        """The fetched document as a feed, or None when it is not one (recorded as the
        feed's error)."""
        loop = asyncio.get_running_loop()
        try:
            parsed: ParsedFeed = await loop.run_in_executor(
                self.executor,
                parse_feed,
                fetched.body,
                fetched.final_url or feed.url,
                fetched.content_type,
            )
        except NotAFeed as exc:
            result.status = "error"
            result.error = str(exc)
            with self.writes.feed():
                # Validators and hash are not kept: the next refresh must look again.
                update_feed(self.library, feed.id, last_refresh=now, last_error=result.error)
            return None
        return parsed

    async def _store(
        self,
        feed: Feed,
        parsed: ParsedFeed,
        changes: dict[str, Any],
        now: str,
        result: FeedResult,
    ) -> None:
        """Write the feed's new and edited articles and what the refresh learned, in one
        transaction."""
        known = stored_hashes(self.library, feed.id)
        articles = parsed.articles
        if self.full_text and feed.full_text:
            articles, result.full_text_pages = await self._full_text(articles, known)
        if parsed.title and not feed.title:
            changes["title"] = result.title = parsed.title
        if parsed.site_url:
            changes["site_url"] = parsed.site_url
        empty = _empty_feed_error(parsed)
        if empty is not None:
            changes["last_error"] = result.error = empty
        with self.writes.feed():
            stored = upsert_articles(self.library, feed.id, articles, fetched_at=now, known=known)
            if stored.new:
                prune_articles(self.library, feed.id, keep=self.max_articles)
            update_feed(self.library, feed.id, **changes)
        result.status = "updated"
        result.new = stored.new
        result.updated = stored.updated

    async def _full_text(
        self, articles: list[ParsedArticle], known: dict[str, str]
    ) -> tuple[list[ParsedArticle], int]:
        """The articles with the summaries of new or edited entries replaced by the text of
        their pages, and how many were replaced."""
        wanted = [
            i
            for i, a in enumerate(articles)
            if a.summary_only and known.get(a.dedupe_key) != a.content_hash
        ][:MAX_FULL_TEXT_PER_FEED]
        if not wanted:
            return articles, 0
        assert self.fetcher is not None
        pages = await asyncio.gather(*(self.fetcher.fetch_page(articles[i].link) for i in wanted))
        completed = list(articles)
        count = 0
        for i, page in zip(wanted, pages, strict=True):
            text = await self._page_text(page)
            if text and len(text) > len(articles[i].text):
                # The content hash stays the feed's: it tells an edited entry from a repeat.
                completed[i] = replace(articles[i], text=text)
                count += 1
        return completed, count

    async def _page_text(self, page: FetchResult) -> str:
        """An article page's main text, or "" when there is none to read."""
        if page.kind != "ok" or not page.is_html:
            return ""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self.executor, _page_text, page)
        except Exception:  # a page the extractor cannot read keeps the summary
            return ""


def _skip_reason(feed: Feed) -> str | None:
    """Why the feed is not fetched this time (switched off, or its server asked to wait)."""
    if feed.disabled:
        return feed.last_error or "disabled"
    if feed.retry_after and _later_than_now(feed.retry_after):
        return f"server asked to wait until {feed.retry_after}"
    return None


def _answer_changes(fetched: FetchResult, now: str) -> dict[str, Any]:
    """What any answer tells about the feed: when it was refreshed and, when the server
    answered as it should, that the feed works, its validators and a permanent move."""
    changes: dict[str, Any] = {"last_refresh": now}
    if fetched.kind not in ("ok", "not_modified", "unchanged"):
        return changes
    changes.update(last_error=None, retry_after=None)
    if fetched.moved_to:
        changes["url"] = fetched.moved_to
    # A 304 may omit validators; keep the stored ones then.
    if fetched.etag or fetched.kind != "not_modified":
        changes["etag"] = fetched.etag
    if fetched.last_modified or fetched.kind != "not_modified":
        changes["last_modified"] = fetched.last_modified
    return changes


def _no_body_changes(feed: Feed, fetched: FetchResult) -> dict[str, Any]:
    """What an answer without a document to parse adds: the error, a feed that is gone
    switched off, and when to ask again."""
    changes: dict[str, Any] = {}
    if fetched.kind in ("error", "gone", "retry_later"):
        changes["last_error"] = fetched.error
    if fetched.kind == "gone":
        changes["disabled"] = True
    if fetched.retry_after is not None:
        when = _backed_off(feed, fetched.retry_after)
        changes["retry_after"] = when.isoformat(timespec="seconds")
    return changes


def _empty_feed_error(parsed: ParsedFeed) -> str | None:
    """The error to show for a feed document without a usable article, else None."""
    if parsed.articles:
        return None
    if not parsed.skipped:
        return "the feed lists no articles"
    return f"no usable articles ({parsed.skipped} without title, link or text)"


_STATUS: dict[str, FeedStatus] = {
    "not_modified": "not_modified",
    "unchanged": "unchanged",
    "gone": "gone",
    "retry_later": "retry_later",
    "error": "error",
}


def _backed_off(feed: Feed, asked: datetime) -> datetime:
    """The server's wait, or twice the previous one when the last refresh was also told
    to wait (a server that keeps answering 429 or 503 is asked less and less often)."""
    now = datetime.now(UTC)
    try:
        previous = datetime.fromisoformat(feed.retry_after or "") - datetime.fromisoformat(
            feed.last_refresh or ""
        )
    except (ValueError, TypeError):
        return asked
    if previous.total_seconds() > 0:
        asked = max(asked, now + 2 * previous)
    return min(asked, now + MAX_RETRY_AFTER)


def _later_than_now(stamp: str) -> bool:
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when > datetime.now(UTC)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_page(page: FetchResult) -> str:
    """An HTML page's bytes as text: the declared charset, else the meta tag, else UTF-8."""
    charset = ""
    match = re.search(r"charset=([A-Za-z0-9_.:-]+)", page.content_type)
    if match:
        charset = match.group(1)
    else:
        meta = _META_CHARSET.search(page.body[:4096])
        if meta:
            charset = meta.group(1).decode("ascii", "replace")
    try:
        return page.body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return page.body.decode("utf-8", errors="replace")


def _page_text(page: FetchResult) -> str:
    # Imported here: trafilatura is slow to import and most refreshes never need it.
    from briefing.ingest.fulltext import extract_main_text

    text = extract_main_text(decode_page(page), page.final_url or page.url)
    return clean_text(text) if text else ""
