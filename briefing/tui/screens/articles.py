"""Every article, newest first; unread only; full-text search of the library."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label
from textual.worker import get_current_worker

from briefing.tui import data
from briefing.tui.data import ArticleRow
from briefing.tui.messages import ArticlesLoaded, LibraryChanged
from briefing.tui.screens.reader import offer_read_undo
from briefing.tui.widgets.lists import NavTable
from briefing.tui.widgets.render import article_cells
from briefing.tui.widgets.status import DemoBanner, RefreshBar

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

# The list shows this many articles; search narrows a larger library down.
PAGE = 500


class SearchInput(Input):
    """The search field: Down or Enter goes to the results, Escape clears the search."""

    AUTO_FOCUS = None  # on_mount chooses: the table, or the search field

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_results", "To results", show=False),
        Binding("escape", "clear", "Clear search", id="clear-search"),
    ]

    def action_to_results(self) -> None:
        self.screen.query_one(NavTable).focus()

    def action_clear(self) -> None:
        self.value = ""
        self.action_to_results()


class ArticlesScreen(Screen[None]):
    """All articles of the library."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search"),
        # u is undo (app-wide), as after m.
        Binding("U", "unread_only", "Unread only", id="unread-only"),
        Binding("m", "toggle_read", "Read/unread", id="mark-read"),
        Binding("s", "star", "Star", id="star"),
        Binding("escape", "close", "Back", id="back"),
    ]

    def __init__(self, *, search: bool = False) -> None:
        super().__init__(id="articles")
        self.unread_only = False
        self.rows: list[ArticleRow] = []
        self._focus_search = search

    @property
    def briefing_app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def compose(self) -> ComposeResult:
        yield DemoBanner()
        yield Label("Articles", id="articles-title", classes="pane-title")
        yield SearchInput(placeholder="/ to search the library", id="search", compact=True)
        yield NavTable(id="article-table")
        yield RefreshBar()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SearchInput).cursor_blink = self.briefing_app.cursor_blink
        table = self.query_one(NavTable)
        table.add_column("", key="marks", width=2)
        table.add_column("Date", key="date", width=10)
        table.add_column("Outlet", key="outlet", width=16)
        table.add_column("Title", key="title")
        (self.query_one(SearchInput) if self._focus_search else table).focus()
        self.load_articles()

    def on_resize(self) -> None:
        self._fit_title_column()

    def _fit_title_column(self) -> None:
        table = self.query_one(NavTable)
        column = table.columns.get("title")  # type: ignore[call-overload]
        if column is not None:
            column.auto_width = False
            column.width = max(10, self.size.width - 2 - 10 - 16 - 8)
            table.refresh()

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def load_articles(self) -> None:
        query = self.query_one(SearchInput).value
        unread_only = self.unread_only
        with self.briefing_app.open_library() as library:
            rows = data.load_articles(library, unread_only=unread_only, query=query, limit=PAGE)
        if not get_current_worker().is_cancelled:
            self.post_message(ArticlesLoaded(rows, query, unread_only))

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        table = self.query_one(NavTable)
        keep = self.current.id if self.current else None
        self.rows = message.rows
        with self.app.batch_update():
            table.clear()
            for row in message.rows:
                table.add_row(*article_cells(row), key=str(row.id))
            self._fit_title_column()
            index = next((i for i, r in enumerate(self.rows) if r.id == keep), 0)
            if self.rows:
                table.move_cursor(row=index)
        what = "Unread articles" if message.unread_only else "Articles"
        if message.query.strip():
            title = f"{what} matching “{message.query.strip()}” ({len(message.rows)})"
        else:
            title = f"{what}, newest first ({len(message.rows)})"
        self.query_one("#articles-title", Label).update(Text(title))
        self.refresh_bindings()

    @property
    def current(self) -> ArticleRow | None:
        return self.query_one(NavTable).pick(self.rows)

    def on_library_changed(self, message: LibraryChanged) -> None:
        self.load_articles()

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        self.load_articles()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one(NavTable).focus()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        if self.current is not None:
            self.briefing_app.open_reader(None, self.current.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_read", "star"):
            return True if self.current is not None else None
        return True

    def action_search(self) -> None:
        self.query_one(SearchInput).focus()

    def action_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.load_articles()

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_toggle_read(self) -> None:
        if self.current is not None:
            self.change_mark(self.current.id, "read")

    def action_star(self) -> None:
        if self.current is not None:
            self.change_mark(self.current.id, "star")

    @work(thread=True, group="write", exit_on_error=False)
    def change_mark(self, article_id: int, which: str) -> None:
        with self.briefing_app.open_library() as library:
            if which == "read":
                read = data.toggle_read(library, article_id)
            else:
                data.toggle_starred(library, article_id)
        self.app.post_message(LibraryChanged())
        if which == "read":
            self.app.call_from_thread(offer_read_undo, self.briefing_app, article_id, read)
