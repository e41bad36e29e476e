"""The pipeline after a refresh: analyse new, edited and outdated articles, then group them.

Resumable: each article's records and its place in a storyline are written in one
transaction (its batch's), so an interrupted digest leaves every article either done or
still pending, and the next digest carries on where this one stopped.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field

from briefing.config import settings_path
from briefing.store import Library, locks
from briefing.store import analysis as store_analysis
from briefing.storylines import (
    ArticleToPlace,
    Features,
    PlacementCounts,
    StorylinePlacer,
    article_features,
)
from briefing.understand import AliasTable, analyse, analyser_version, load_alias_table
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

    def add(self, counts: PlacementCounts) -> None:
        """Count what a batch did to the storylines."""
        self.grouped += counts.grouped
        self.new_storylines += counts.new_storylines
        self.wire_copies += counts.wire_copies


def digest(
    library: Library,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
    aliases: AliasTable | None = None,
) -> DigestReport:
    """Analyse and group every article that needs it; returns what was done.

    One digest runs at a time per library: a second one (another process, another thread)
    returns at once with `busy` set, and the running one takes up the new articles.
    Articles are analysed with the alias table given, else the user's (beside settings.toml);
    those analysed with another table are pending.
    """
    report = DigestReport()
    table = aliases if aliases is not None else load_alias_table(settings_path().parent)
    analyser = _Analyser(table, analyser_version(table))
    total = store_analysis.count_pending(library, analyser.version)
    if total == 0:
        return report
    owner = f"{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}"
    if not locks.take_digest_lock(library, owner, stale_after=LOCK_STALE_SECONDS):
        report.busy = True
        return report
    tally = _Tally(total, progress)
    try:
        _run(library, report, tally, should_stop, batch_size, owner, analyser)
    finally:
        locks.release_digest_lock(library, owner)
    report.remaining = max(0, total - tally.done) if report.stopped else 0
    return report


@dataclass(frozen=True)
class _Analyser:
    """The alias table articles are analysed with, and the version their records get."""

    aliases: AliasTable
    version: str


@dataclass
class _Tally:
    """Articles done so far, told to the caller's progress callback."""

    total: int
    progress: Progress | None
    done: int = 0

    def settled(self, article: ArticleToPlace, placed: bool) -> None:
        """One more article done; the callback hears of those whose place was committed."""
        self.done += 1
        if placed and self.progress is not None:
            self.progress(self.done, self.total)


def _run(
    library: Library,
    report: DigestReport,
    tally: _Tally,
    should_stop: Callable[[], bool] | None,
    batch_size: int,
    owner: str,
    analyser: _Analyser,
) -> None:
    """Analyse and place the pending articles batch by batch, until none is left or told to stop.

    With a pool of analyser processes, the next batch is being analysed while this one is
    placed: the analyser is pure Python, so only processes put the other cores to work.
    """
    placer: StorylinePlacer | None = None
    queue = _Pending(library, analyser.version)
    with _pool_for(tally.total, analyser) as pool:
        batch = queue.take(batch_size)
        analysing = _start(pool, batch)
        while batch:
            following = queue.take(batch_size)
            upcoming = _start(pool, following)  # analysed while this batch is placed
            locks.take_digest_lock(library, owner, stale_after=LOCK_STALE_SECONDS)
            if placer is None:
                placer = StorylinePlacer(library, published=[a.published for a in batch])
            worked_out: dict[int, Features] = {}  # features the workers gave with the records
            fresh = _analysed(analysing, batch, report, should_stop, analyser, worked_out)
            placing = _to_place(library, batch, fresh, worked_out)
            if not _place_batch(library, placer, placing, fresh, report, tally, analyser):
                report.stopped = True
                break
            batch, analysing = following, upcoming


class _Pending:
    """The pending articles, page by page, in the order they are taken.

    Their order is read once, not once a page (each read walks every article's row), and read
    again when it runs out: articles stored while the digest ran are taken up then, those
    already taken left out.
    """

    def __init__(self, library: Library, version: str) -> None:
        self.library = library
        self.version = version
        self.keys: list[store_analysis.PendingCursor] = []
        self.taken: set[int] = set()

    def take(self, count: int) -> list[store_analysis.PendingArticle]:
        """The next `count` pending articles (fewer at the end; none when all are taken)."""
        while True:
            if not self.keys:
                found = store_analysis.pending_keys(self.library, self.version)
                self.keys = [key for key in found if key[3] not in self.taken]
                if not self.keys:
                    return []
            page, self.keys = self.keys[:count], self.keys[count:]
            self.taken.update(key[3] for key in page)
            articles = store_analysis.load_pending(self.library, self.version, page)
            if articles:  # (unless all of them were deleted since)
                return articles


def _place_batch(
    library: Library,
    placer: StorylinePlacer,
    placing: tuple[int, list[ArticleToPlace]],
    fresh: dict[int, Analysis | None],
    report: DigestReport,
    tally: _Tally,
    analyser: _Analyser,
) -> bool:
    """Place an analysed batch; False when the analysis stopped before its end."""
    batch_size, reached = placing

    def write_with(article: ArticleToPlace) -> None:
        # The records go in with the article's place: both or neither.
        analysis = fresh[article.id]
        if analysis is not None:
            store_analysis.save_analysis(library, article.id, analysis, analyser.version)
            report.analysed += 1

    counts = placer.place_batch(reached, write_with=write_with, settled=tally.settled)
    report.add(counts)
    return len(reached) == batch_size


# --- analysing in other processes ---------------------------------------------------------

# Below this many pending articles, starting the processes costs more than it saves.
POOL_MIN_ARTICLES = 200
_CHUNK = 10  # articles sent to a worker at a time

_Job = tuple[int, str, str | None, str, str]  # id, text, published, title, source
# An article's records (None: the analyser failed on it) and what the grouper reads of it.
_Outcome = tuple[int, Analysis | None, Features | None]


@contextmanager
def _pool_for(pending: int, analyser: _Analyser) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes (one per core) when there is enough to analyse and cores to spare."""
    cores = os.cpu_count() or 1
    if pending < POOL_MIN_ARTICLES or cores < 2:
        yield None
        return
    # Spawned, not forked: the reader runs the digest in a thread of a threaded app. (Not a
    # fork server either: its workers outlive a digest that is killed.)
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=cores,
        mp_context=context,
        initializer=_worker_init,
        initargs=(analyser.aliases, os.getpid()),
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_worker_aliases: AliasTable | None = None


def _worker_init(aliases: AliasTable, parent: int) -> None:
    global _worker_aliases
    _worker_aliases = aliases
    # A worker waits for work on a pipe it holds both ends of: if the digest is killed, it
    # would wait for ever (and keep the terminal's output open). It leaves with its parent,
    # named by the parent itself: one killed while the worker was starting is gone already.
    threading.Thread(target=_leave_with, args=(parent,), daemon=True).start()


def _leave_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _analyse_jobs(jobs: Sequence[_Job]) -> list[_Outcome]:
    """In a worker: analyse each article; an unreadable one gives None, not an exception."""
    out: list[_Outcome] = []
    for article_id, text, published, title, source in jobs:
        try:
            found = analyse(text, published, title=title, source=source, aliases=_worker_aliases)
        except Exception:  # one unreadable article must not stop the rest
            log.exception("analysing article %s failed", article_id)
            out.append((article_id, None, None))
            continue
        out.append((article_id, found, article_features(title, text, found)))
    return out


def _start(
    pool: ProcessPoolExecutor | None, batch: Sequence[store_analysis.PendingArticle]
) -> list[Future[list[_Outcome]]]:
    """Send the batch's articles that need analysing to the workers (none without a pool)."""
    if pool is None:
        return []
    jobs = [(a.id, a.text, a.published, a.title, a.source) for a in batch if not a.analysed]
    return [pool.submit(_analyse_jobs, jobs[i : i + _CHUNK]) for i in range(0, len(jobs), _CHUNK)]


def _analysed(
    futures: Sequence[Future[list[_Outcome]]],
    batch: Sequence[store_analysis.PendingArticle],
    report: DigestReport,
    should_stop: Callable[[], bool] | None,
    analyser: _Analyser,
    worked_out: dict[int, Features],
) -> dict[int, Analysis | None]:
    """The batch's fresh records: from the workers (with the features they worked out,
    into `worked_out`), or analysed here without a pool."""
    if not futures:
        return _analyse_batch(batch, report, should_stop, analyser)
    found: dict[int, Analysis] = {}
    for future in futures:
        if should_stop is not None and should_stop():
            for rest in futures:
                rest.cancel()
            break
        try:
            outcomes = future.result()
        except BrokenProcessPool:  # a worker died (killed, out of memory): carry on here
            log.warning("an analyser process died; analysing in this process instead")
            return _analyse_batch(batch, report, should_stop, analyser)
        for article_id, analysis, feats in outcomes:
            if analysis is None:
                report.failed.append(article_id)
                analysis = Analysis(language="")
            elif feats is not None:
                worked_out[article_id] = feats
            found[article_id] = analysis
    fresh: dict[int, Analysis | None] = {}
    for article in batch:  # in order, up to the first one not reached
        if article.analysed:
            fresh[article.id] = None
        elif article.id in found:
            fresh[article.id] = found[article.id]
        else:
            break
    return fresh


def _analyse_batch(
    batch: Sequence[store_analysis.PendingArticle],
    report: DigestReport,
    should_stop: Callable[[], bool] | None,
    analyser: _Analyser,
) -> dict[int, Analysis | None]:
    """Fresh records of each article reached before a stop (None: its stored ones are current)."""
    analyses: dict[int, Analysis | None] = {}
    for article in batch:
        if should_stop is not None and should_stop():
            break
        analyses[article.id] = None if article.analysed else _analyse(article, report, analyser)
    return analyses


def _to_place(
    library: Library,
    batch: Sequence[store_analysis.PendingArticle],
    fresh: dict[int, Analysis | None],
    worked_out: dict[int, Features],
) -> tuple[int, list[ArticleToPlace]]:
    """The batch's size, and its articles reached as the placer reads them (stored records
    stand in for fresh ones)."""
    reached = [a for a in batch if a.id in fresh]
    stored = store_analysis.load_analyses(library, [a.id for a in reached if fresh[a.id] is None])
    return len(batch), [
        ArticleToPlace(
            id=a.id,
            title=a.title,
            text=a.text,
            published=a.published,
            content_hash=a.content_hash,
            analysis=fresh[a.id] or stored.get(a.id),
            features=worked_out.get(a.id),
        )
        for a in reached
    ]


def _analyse(
    article: store_analysis.PendingArticle, report: DigestReport, analyser: _Analyser
) -> Analysis:
    try:
        return analyse(
            article.text,
            article.published,
            title=article.title,
            source=article.source,
            aliases=analyser.aliases,
        )
    except Exception:  # one unreadable article must not stop the rest
        log.exception("analysing article %s failed", article.id)
        report.failed.append(article.id)
        return Analysis(language="")
