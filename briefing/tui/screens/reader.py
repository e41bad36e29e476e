"""The reader: one article's clean text, scrolled to the chosen sentence and highlighted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static
from textual.worker import get_current_worker

from briefing.tui import data
from briefing.tui.data import ArticleView, Source
from briefing.tui.links import is_web_link
from briefing.tui.messages import ArticleChanged, ArticleLoaded, LibraryChanged, NextUnread
from briefing.tui.widgets.render import STAR_MARK
from briefing.tui.widgets.status import RefreshBar

if TYPE_CHECKING:
    from briefing.store import Library
    from briefing.tui.app import BriefingApp


def paragraphs(text: str, start: int, end: int) -> list[tuple[Text, bool]]:
    """The text as paragraphs, the span [start, end) highlighted; True marks the span's."""
    result: list[tuple[Text, bool]] = []
    offset = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        if not line.strip():
            continue
        paragraph = Text(line)
        hit = start < end and line_start < end and start < line_end
        if hit:
            paragraph.stylize(
                "reverse", max(start, line_start) - line_start, min(end, line_end) - line_start
            )
        result.append((paragraph, hit))
    return result


def offer_read_undo(app: BriefingApp, article_id: int, read: bool) -> None:
    """Say that one article's read mark changed, and offer to put it back."""

    def reverse(library: Library) -> None:
        data.set_read(library, article_id, not read)

    app.offer_undo("Marked read" if read else "Marked unread", reverse)


__all__ = ["BodyScroll", "Paragraph", "ReaderScreen", "is_web_link", "paragraphs"]

SEARCH_STYLE = "bold black on yellow"


def search_pattern(query: str) -> re.Pattern[str] | None:
    """The words of a search as the library matched them: whole words, the last as a prefix
    (see briefing.store.articles.fts_query), any case."""
    words = re.findall(r"\w+", query)
    if not words:
        return None
    parts = [re.escape(w) + r"\b" for w in words[:-1]] + [re.escape(words[-1]) + r"\w*"]
    return re.compile(r"\b(?:" + "|".join(parts) + ")", re.IGNORECASE)


def highlight_search(paragraphs: Sequence[Text], pattern: re.Pattern[str] | None) -> int:
    """Style the search's words in the paragraphs; returns the index of the first with one
    (-1 when none has)."""
    first = -1
    if pattern is None:
        return first
    for index, paragraph in enumerate(paragraphs):
        if paragraph.highlight_regex(pattern, SEARCH_STYLE) and first < 0:
            first = index
    return first


class Paragraph(Static):
    """One paragraph of the article."""

    def __init__(self, text: Text, *, classes: str = "") -> None:
        super().__init__(text, classes=classes)
        self.text = text


class BodyScroll(VerticalScroll):
    """The article body; j/k and g/G scroll it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", id="vim-down", show=False),
        Binding("k", "scroll_up", "Up", id="vim-up", show=False),
        Binding("g", "scroll_home", "Top", id="first", show=False),
        Binding("G", "scroll_end", "Bottom", id="last", show=False),
        Binding("space", "page_down", "Page down", id="page-down", show=False),
    ]


class ReaderScreen(Screen[None]):
    """An article, opened from an item (at its sentence) or from the articles list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="back"),
        Binding("n", "next_unread", "Next unread", id="next-unread"),
        Binding("q", "close", "Back", id="close", show=False),
        Binding("o", "open_link", "Open link", id="open-link"),
        Binding("y", "copy_link", "Copy link", id="copy-link", show=False),
        Binding("m", "toggle_read", "Read/unread", id="mark-read"),
        Binding("s", "star", "Star", id="star"),
    ]

    def __init__(
        self,
        article_id: int,
        source: Source | None = None,
        *,
        search: str = "",
        following: Sequence[int] = (),
    ) -> None:
        super().__init__(id="reader")
        self.article_id = article_id
        self.source = source
        self.article: ArticleView | None = None
        self.positioned = False  # the body shows the chosen sentence (or the top)
        # Opened from a search: its words are highlighted.
        self.search = search
        # The articles after this one in the list it was opened from: where n looks first.
        self.following = list(following)

    @property
    def briefing_app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def compose(self) -> ComposeResult:
        yield Label("", id="article-title")
        yield Label("", id="article-meta")
        yield BodyScroll(id="article-body")
        yield RefreshBar()
        yield Footer()

    def on_mount(self) -> None:
        body = self.query_one(BodyScroll)
        body.loading = True
        body.focus()
        self.load_article()

    @work(thread=True, exclusive=True, group="reader", exit_on_error=False)
    def load_article(self) -> None:
        with self.briefing_app.open_library() as library:
            article = data.load_article(library, self.article_id)
            if article is not None and not article.read:
                data.set_read(library, article.id, True)
                article = replace(article, read=True)
        if not get_current_worker().is_cancelled:
            self.post_message(ArticleLoaded(article, self.source))
            self.app.post_message(LibraryChanged())

    async def on_article_loaded(self, message: ArticleLoaded) -> None:
        body = self.query_one(BodyScroll)
        body.loading = False
        body.focus()  # it could not take focus while loading
        article = message.article
        if article is None:
            self.query_one("#article-title", Label).update(
                Text("This article is no longer in the library.")
            )
            return
        self.article = article
        self.briefing_app.last_article_shown = article.id
        self._show_header()
        self.refresh_bindings()  # o, m and s apply now
        span = (message.source.start, message.source.end) if message.source else (0, 0)
        text, start, end = data.reader_text(article.text, *span)
        target: Paragraph | None = None
        widgets = []
        shown = paragraphs(text, start, end)
        found = highlight_search([p for p, _ in shown], search_pattern(self.search))
        for index, (paragraph, hit) in enumerate(shown):
            widget = Paragraph(paragraph, classes="-highlight" if hit else "")
            widgets.append(widget)
            first_match = message.source is None and found > 0 and index == found
            if target is None and (hit or first_match):
                target = widget  # the item's sentence, or a search's first match below the top
        if not widgets:
            key = self.briefing_app.key_for("open-link")
            widgets.append(
                Paragraph(Text(f"(this article has no text; press {key} to open it)", style="dim"))
            )
        await body.mount_all(widgets)
        if target is not None:
            self.call_after_refresh(self._center_on, target, 5)
        else:
            self.positioned = True

    def _center_on(self, target: Paragraph, attempts: int) -> None:
        """Center the highlighted paragraph once layout has given it a place."""
        if target.region.height == 0 and attempts > 0:
            self.call_after_refresh(self._center_on, target, attempts - 1)
            return
        self.query_one(BodyScroll).scroll_to_center(target, animate=False, immediate=True)
        self.positioned = True

    def _show_header(self) -> None:
        article = self.article
        if article is None:
            return
        title = Text()
        if article.starred:
            title.append(f"{STAR_MARK} ", style="bold yellow")
        title.append(article.title, style="bold")
        self.query_one("#article-title", Label).update(title)
        meta = [part for part in (article.outlet, article.date, article.author) if part]
        line = Text(" · ".join(meta), style="dim")
        if not article.read:
            line.append("  unread", style="bold")
        if self.search.strip():
            line.append("  matches of “", style="dim")
            line.append(self.search.strip(), style=SEARCH_STYLE)
            line.append("” highlighted", style="dim")
        self.query_one("#article-meta", Label).update(line)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_link":
            return True if self.article and is_web_link(self.article.url) else None
        if action in ("toggle_read", "star", "copy_link"):
            return True if self.article and (action != "copy_link" or self.article.url) else None
        return True

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_open_link(self) -> None:
        if self.article is not None:
            self.briefing_app.open_link(self.article.url)

    def action_copy_link(self) -> None:
        if self.article is not None:
            self.briefing_app.copy_link(self.article.url)

    def action_next_unread(self) -> None:
        self.find_next_unread(self.article_id, tuple(self.following))

    @work(thread=True, exclusive=True, group="reader", exit_on_error=False)
    def find_next_unread(self, current: int, following: tuple[int, ...]) -> None:
        with self.briefing_app.open_library() as library:
            found = data.next_unread(library, current, list(following))
        if not get_current_worker().is_cancelled:
            self.post_message(NextUnread(found))

    async def on_next_unread(self, message: NextUnread) -> None:
        """Show the next unread article here; Escape still returns to the list."""
        if message.article_id is None:
            self.notify("No unread articles left.")
            return
        if message.article_id in self.following:
            self.following = self.following[self.following.index(message.article_id) + 1 :]
        self.article_id = message.article_id
        self.source = None
        self.article = None
        self.positioned = False
        body = self.query_one(BodyScroll)
        await body.remove_children()
        body.scroll_home(animate=False)
        body.loading = True
        self.refresh_bindings()
        self.load_article()

    def action_toggle_read(self) -> None:
        self.change_mark("read")

    def action_star(self) -> None:
        self.change_mark("star")

    @work(thread=True, exclusive=True, group="reader-mark", exit_on_error=False)
    def change_mark(self, which: str) -> None:
        article_id = self.article_id
        with self.briefing_app.open_library() as library:
            if which == "read":
                read = data.toggle_read(library, article_id)
            else:
                data.toggle_starred(library, article_id)
            article = data.load_article(library, article_id)
        self.post_message(ArticleChanged(article))
        self.app.post_message(LibraryChanged())
        if which == "read":
            self.app.call_from_thread(offer_read_undo, self.briefing_app, article_id, read)

    def on_library_changed(self, message: LibraryChanged) -> None:
        if self.article is not None:
            self.reload_marks()

    @work(thread=True, exclusive=True, group="reader-marks", exit_on_error=False)
    def reload_marks(self) -> None:
        """Read and starred may change from elsewhere (an undo): keep the header true."""
        with self.briefing_app.open_library() as library:
            article = data.load_article(library, self.article_id)
        if article is not None and not get_current_worker().is_cancelled:
            self.post_message(ArticleChanged(article))

    def on_article_changed(self, message: ArticleChanged) -> None:
        if message.article is not None and message.article != self.article:
            self.article = message.article
            self._show_header()
            self.refresh_bindings()
