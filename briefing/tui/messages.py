"""Messages that carry worker results and user choices back to the screens."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

from briefing.tui.data import (
    ArticleRow,
    ArticleView,
    BriefingView,
    FeedRow,
    RefreshSummary,
    Source,
    StorylineListRow,
)

if TYPE_CHECKING:
    from briefing.ingest.subscribe import FeedChoice


@dataclass
class StorylinesLoaded(Message):
    rows: list[StorylineListRow]
    complete: bool = True  # False: stored figures only, the live counts follow


@dataclass
class BriefingLoaded(Message):
    view: BriefingView
    prefetched: int | None = None  # the library generation a prefetch read, if it was one


@dataclass
class ArticleLoaded(Message):
    article: ArticleView | None
    source: Source | None


@dataclass
class NextUnread(Message):
    """The article `n` goes to next, or None when nothing is unread."""

    article_id: int | None


@dataclass
class ArticleChanged(Message):
    """An article's read or starred mark changed."""

    article: ArticleView | None


@dataclass
class ArticlesLoaded(Message):
    rows: list[ArticleRow]
    query: str
    unread_only: bool
    starred_only: bool = False


@dataclass
class FeedsLoaded(Message):
    rows: list[FeedRow]


@dataclass
class OpenSource(Message):
    """The user chose an item: open its article at the item's sentence."""

    source: Source


@dataclass
class RefreshProgress(Message):
    """A background refresh moved on: `done` of `total` steps, what it is doing now."""

    done: int
    total: int
    stage: str

    def can_replace(self, message: Message) -> bool:
        # Posted once per feed and per article, faster than the screen redraws. The app
        # keeps only the latest figures (`on_refresh_progress`), so a queued progress
        # report, of either stage, is superseded by the one posted after it.
        return isinstance(message, RefreshProgress)


@dataclass
class RefreshDone(Message):
    summary: RefreshSummary | None
    error: str = ""


class LibraryChanged(Message, bubble=False):
    """The library changed under the screens (refresh, add, remove, mark): reload.

    Workers post it to the app, which hands a copy to every open screen.
    """


@dataclass
class SubscribeDone(Message):
    """The add-feed dialog's subscription finished: a title, or an error line (and, for a
    page that offers several feeds, the feeds to choose from)."""

    title: str | None
    detail: str
    error: str
    choices: list[FeedChoice] = field(default_factory=list)


@dataclass
class ArticleStarred(Message):
    article_id: int
    starred: bool
