"""Every article (or one feed's), newest first; unread or starred only; full-text search."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label
from textual.worker import get_current_worker

from briefing.tui import data
from briefing.tui.data import ArticleRow, FeedRow
from briefing.tui.messages import ArticlesLoaded, LibraryChanged
from briefing.tui.screens.reader import offer_read_undo
from briefing.tui.widgets.lists import NavTable
from briefing.tui.widgets.render import article_cells
from briefing.tui.widgets.status import DemoBanner, RefreshBar

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

# The list shows this many articles; search narrows a larger library down.
PAGE = 500
# Widths of the fixed columns, and the outlet column's bounds: as wide as the longest outlet
# listed, at most a quarter of the screen.
MARKS_WIDTH = 2
DATE_WIDTH = 10
OUTLET_MIN = 6
CELL_PADDING = 2  # a DataTable pads each cell by one column on either side


def outlet_width(outlets: list[str], screen_width: int) -> int:
    """The outlet column's width: the longest outlet's, within a quarter of the screen."""
    widest = max((cell_len(o) for o in outlets), default=OUTLET_MIN)
    return max(OUTLET_MIN, min(widest, screen_width // 4))


def following_ids(rows: list[ArticleRow], index: int) -> list[int]:
    """The articles after row `index`, then those before it: where `n` looks next."""
    ids = [row.id for row in rows]
    return ids[index + 1 :] + ids[:index]


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
    """The articles of the library, or of one feed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "next_unread", "Next unread", id="next-unread"),
        # u is undo (app-wide), as after m.
        Binding("U", "unread_only", "Unread only", id="unread-only"),
        Binding("asterisk", "starred_only", "Starred", id="starred-only"),
        Binding("m", "toggle_read", "Read/unread", id="mark-read"),
        Binding("s", "star", "Star", id="star"),
        Binding("o", "open_link", "Open link", id="open-link"),
        Binding("y", "copy_link", "Copy link", id="copy-link", show=False),
        # Escape takes off the search first (wherever the focus is), then leaves; q leaves.
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "close", "Back", id="close", show=False),
    ]

    def __init__(
        self, *, search: bool = False, feed: FeedRow | None = None, starred: bool = False
    ) -> None:
        super().__init__(id="articles")
        self.unread_only = False
        self.starred_only = starred
        self.feed = feed  # only this feed's articles, when given
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
        table.add_column("", key="marks", width=MARKS_WIDTH)
        table.add_column("Date", key="date", width=DATE_WIDTH)
        table.add_column("Outlet", key="outlet", width=OUTLET_MIN)
        table.add_column("Title", key="title")
        (self.query_one(SearchInput) if self._focus_search else table).focus()
        self.load_articles()

    def on_resize(self) -> None:
        self._fit_columns()

    def on_screen_resume(self) -> None:
        # The reader may have moved on (n) to other articles: the cursor follows it.
        shown = self.briefing_app.last_article_shown
        index = next((i for i, r in enumerate(self.rows) if r.id == shown), None)
        if index is not None:
            self.query_one(NavTable).move_cursor(row=index)

    def _fit_columns(self) -> None:
        """The outlet column as wide as its longest name allows, the title the rest."""
        table = self.query_one(NavTable)
        outlet = table.columns.get("outlet")  # type: ignore[call-overload]
        title = table.columns.get("title")  # type: ignore[call-overload]
        if outlet is None or title is None:
            return
        outlet.auto_width = title.auto_width = False
        outlet.width = outlet_width([r.outlet for r in self.rows], self.size.width)
        fixed = MARKS_WIDTH + DATE_WIDTH + outlet.width + 4 * CELL_PADDING
        title.width = max(10, self.size.width - fixed)
        table.refresh()

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def load_articles(self) -> None:
        query = self.query_one(SearchInput).value
        unread_only, starred_only = self.unread_only, self.starred_only
        with self.briefing_app.open_library() as library:
            rows = data.load_articles(
                library,
                unread_only=unread_only,
                starred_only=starred_only,
                feed_id=self.feed.id if self.feed else None,
                query=query,
                limit=PAGE,
            )
        if not get_current_worker().is_cancelled:
            self.post_message(ArticlesLoaded(rows, query, unread_only, starred_only))

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        table = self.query_one(NavTable)
        keep = self.current.id if self.current else None
        self.rows = message.rows
        with self.app.batch_update():
            table.clear()
            for row in message.rows:
                table.add_row(*article_cells(row), key=str(row.id))
            self._fit_columns()
            index = next((i for i, r in enumerate(self.rows) if r.id == keep), 0)
            if self.rows:
                table.move_cursor(row=index)
        self.query_one("#articles-title", Label).update(Text(self._title(message)))
        self.refresh_bindings()

    def _title(self, message: ArticlesLoaded) -> str:
        """What the list shows: which articles, from where, in what order, how many."""
        what = "Articles"
        if message.starred_only:
            what = "Starred articles"
        if message.unread_only:
            what = "Unread " + what.lower()
        if self.feed is not None:
            what += f" from {self.feed.title}"
        if message.query.strip() and not message.rows:
            back = self.briefing_app.key_for("back")
            return f"Nothing matches “{message.query.strip()}”: {back} clears the search"
        if message.query.strip():
            return f"{what} matching “{message.query.strip()}” ({len(message.rows)})"
        if not message.rows:
            key = self.briefing_app.key_for
            if message.unread_only or message.starred_only:
                which = key("unread-only") if message.unread_only else key("starred-only")
                return f"{what}: none. {which} shows them all again."
            if self.feed is None:
                return f"No articles yet. Press {key('add-feed')} to add a feed."
        return f"{what}, newest first ({len(message.rows)})"

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
        current = self.current
        if current is not None:
            self.briefing_app.open_reader(
                None,
                current.id,
                search=self.query_one(SearchInput).value,
                following=following_ids(self.rows, self.query_one(NavTable).cursor_row),
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_read", "star"):
            return True if self.current is not None else None
        if action in ("open_link", "copy_link"):
            return True if self.current is not None and self.current.url else None
        if action == "next_unread":
            return True if self.rows else None
        return True

    def action_next_unread(self) -> None:
        """Move to the next unread article of the list (from the top again at the end)."""
        table = self.query_one(NavTable)
        count = len(self.rows)
        for step in range(1, count + 1):
            index = (table.cursor_row + step) % count
            if not self.rows[index].read:
                table.move_cursor(row=index)
                return
        self.notify("No unread articles in this list.")

    def action_starred_only(self) -> None:
        self.starred_only = not self.starred_only
        self.load_articles()

    def action_open_link(self) -> None:
        if self.current is not None:
            self.briefing_app.open_link(self.current.url)

    def action_copy_link(self) -> None:
        if self.current is not None:
            self.briefing_app.copy_link(self.current.url)

    def action_search(self) -> None:
        self.query_one(SearchInput).focus()

    def action_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.load_articles()

    def action_back(self) -> None:
        search = self.query_one(SearchInput)
        if search.value.strip():
            search.action_clear()
        else:
            self.action_close()

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
