"""The pipeline after a refresh: analyse new, edited and outdated articles, then group them.

Resumable: each article's records and its place in a storyline are written in one
transaction, so an interrupted digest leaves every article either done or still pending,
and the next digest carries on where this one stopped.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from briefing.store import Library
from briefing.store import analysis as store_analysis
from briefing.store import storylines as store_storylines
from briefing.storylines._grouper import features
from briefing.storylines._library import LibraryGrouper, actor_pairs, since_day
from briefing.understand import ANALYSER_VERSION, analyse
from briefing.understand.records import Analysis

log = logging.getLogger(__name__)

BATCH_SIZE = 50
# A digest that has not been heard of for this long (it died) no longer holds the lock.
LOCK_STALE_SECONDS = 600

Progress = Callable[[int, int], None]  # (articles done, articles to do)


@dataclass
class DigestReport:
    """What a digest did."""

    analysed: int = 0
    grouped: int = 0
    new_storylines: int = 0
    wire_copies: int = 0
    failed: list[int] = field(default_factory=list)  # articles the analyser could not read
    remaining: int = 0  # left for the next digest when it was stopped
    stopped: bool = False
    busy: bool = False  # another digest was running: it does the work

    def summary(self) -> str:
        """One line for the command line."""
        text = (
            f"analysed {self.analysed} article(s), grouped {self.grouped} "
            f"({self.new_storylines} new storyline(s), {self.wire_copies} wire copy/copies)"
        )
        if self.failed:
            text += f", {len(self.failed)} could not be analysed"
        if self.stopped:
            text += f"; stopped with {self.remaining} left"
        if self.busy:
            text = "another digest is running; it takes up the new articles"
        return text


def digest(
    library: Library,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> DigestReport:
    """Analyse and group every article that needs it; returns what was done.

    One digest runs at a time per library: a second one (another process, another thread)
    returns at once with `busy` set, and the running one takes up the new articles.
    """
    report = DigestReport()
    total = store_analysis.count_pending(library, ANALYSER_VERSION)
    if total == 0:
        return report
    owner = f"{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}"
    if not store_storylines.take_digest_lock(library, owner, stale_after=LOCK_STALE_SECONDS):
        report.busy = True
        return report
    try:
        _run(library, report, total, progress, should_stop, batch_size, owner)
    finally:
        store_storylines.release_digest_lock(library, owner)
    return report


def _run(
    library: Library,
    report: DigestReport,
    total: int,
    progress: Progress | None,
    should_stop: Callable[[], bool] | None,
    batch_size: int,
    owner: str,
) -> None:
    done = 0
    grouper: LibraryGrouper | None = None
    after = 0
    while True:
        batch = store_analysis.pending_articles(
            library, ANALYSER_VERSION, limit=batch_size, after=after
        )
        if not batch:
            break
        after = batch[-1].id
        store_storylines.take_digest_lock(library, owner, stale_after=LOCK_STALE_SECONDS)
        if grouper is None:
            grouper = LibraryGrouper(library, since_day=since_day(a.published for a in batch))
        analyses: dict[int, Analysis | None] = {}
        for article in batch:
            if should_stop is not None and should_stop():
                break
            analyses[article.id] = None if article.analysed else _analyse(article, report)
        stored = store_analysis.load_analyses(
            library, [a.id for a in batch if a.id in analyses and analyses[a.id] is None]
        )
        reached = [a for a in batch if a.id in analyses]
        # What the grouper knows of each article: stored records stand in for fresh ones.
        records = {a.id: analyses[a.id] or stored.get(a.id) for a in reached}
        placed: dict[int, _Place] = {}
        for a in reached:
            place = _placement(library, a.id, a.content_hash)
            if place is not None:  # else deleted meanwhile
                placed[a.id] = place
        todo = [a for a in reached if a.id in placed]
        done += len(reached) - len(todo)
        feats = {a.id: features(a.title, a.text, actor_pairs(records[a.id])) for a in todo}
        grouper.fetch_df(feats.values())
        for a in todo:  # count every new article's words before placing any of them
            if placed[a.id].new:
                grouper.observe(feats[a.id])
        for article in sorted(todo, key=lambda a: (a.published or "", a.id)):
            with _write_transaction(library):
                if store_analysis.content_hash(library, article.id) != article.content_hash:
                    # Edited or deleted since it was read: the next digest takes it up.
                    done += 1
                    continue
                fresh = analyses[article.id]
                if fresh is not None:
                    store_analysis.save_analysis(library, article.id, fresh, ANALYSER_VERSION)
                    report.analysed += 1
                place = placed[article.id]
                if not place.keep:
                    result = grouper.place(
                        article.id,
                        feats[article.id],
                        article.published,
                        article.content_hash,
                        records[article.id],
                        pinned_to=place.pinned_to,
                        counted=not place.new,
                    )
                    report.grouped += 1
                    report.new_storylines += int(result.created)
                    report.wire_copies += int(result.wire_of not in (None, article.id))
            done += 1
            if progress is not None:
                progress(done, total)
        if len(reached) < len(batch):
            report.stopped = True
            break
    report.remaining = max(0, total - done) if report.stopped else 0


@contextmanager
def _write_transaction(library: Library) -> Iterator[None]:
    """One article's writes, all or nothing. IMMEDIATE takes the write lock before the first
    read, so a refresh committing meanwhile makes this wait instead of fail."""
    conn = library.db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk): a second
        # ROLLBACK would raise and hide the error that matters.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _analyse(article: store_analysis.PendingArticle, report: DigestReport) -> Analysis:
    try:
        return analyse(article.text, article.published, title=article.title, source=article.source)
    except Exception:  # one unreadable article must not stop the rest
        log.exception("analysing article %s failed", article.id)
        report.failed.append(article.id)
        return Analysis(language="")


@dataclass(frozen=True)
class _Place:
    new: bool  # never grouped: its words are not in the document frequencies yet
    keep: bool  # grouped with this very text: its place stands
    pinned_to: int | None  # the user put it there: it stays


def _placement(library: Library, article_id: int, content_hash: str) -> _Place | None:
    try:
        storyline_id, pinned = store_storylines.article_storyline(library, article_id)
    except KeyError:
        return None
    member_hash = store_storylines.member_hash(library, article_id)
    pinned_to = storyline_id if pinned else None
    keep = member_hash == content_hash and storyline_id is not None
    return _Place(new=member_hash is None, keep=keep, pinned_to=pinned_to)
