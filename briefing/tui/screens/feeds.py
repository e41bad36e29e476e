"""The subscriptions: status, last refresh, errors, article counts; add, remove, refresh one."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual.worker import get_current_worker

from briefing.tui import data
from briefing.tui.data import FeedRow
from briefing.tui.messages import FeedsLoaded, LibraryChanged
from briefing.tui.screens.confirm import ConfirmScreen
from briefing.tui.widgets.lists import NavTable
from briefing.tui.widgets.status import DemoBanner, RefreshBar

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

STATUS_STYLE = {
    "ok": "green",
    "error": "bold red",
    "disabled": "dim",
    "new": "yellow",
    "demo": "cyan",
}


def feed_cells(row: FeedRow) -> tuple[Text, ...]:
    return (
        Text(row.status, style=STATUS_STYLE.get(row.status, "")),
        Text(row.title, overflow="ellipsis", no_wrap=True),
        Text(str(row.articles), justify="right"),
        Text(row.last_refresh or "never", style="" if row.last_refresh else "dim"),
        Text(row.error or row.url, style="red" if row.error else "dim", overflow="ellipsis"),
    )


class FeedsScreen(Screen[None]):
    """Every subscription and how its last refresh went."""

    AUTO_FOCUS = None  # on_mount focuses the table

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "refresh_one", "Refresh feed", id="refresh-feed"),
        Binding("d,delete", "remove", "Remove", id="remove-feed"),
        Binding("escape", "close", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__(id="feeds")
        self.rows: list[FeedRow] = []

    @property
    def briefing_app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def compose(self) -> ComposeResult:
        yield DemoBanner()
        yield Label("Feeds", id="feeds-title", classes="pane-title")
        yield NavTable(id="feed-table")
        yield Label("", id="feed-detail")
        yield RefreshBar()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(NavTable)
        table.add_column("Status", key="status", width=8)
        table.add_column("Feed", key="title", width=24)
        table.add_column("Articles", key="articles", width=8)
        table.add_column("Last refresh", key="refresh", width=16)
        table.add_column("Error / URL", key="detail")
        table.focus()
        self.load_feeds()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def load_feeds(self) -> None:
        with self.briefing_app.open_library() as library:
            rows = data.load_feeds(library)
        if not get_current_worker().is_cancelled:
            self.post_message(FeedsLoaded(rows))

    def on_feeds_loaded(self, message: FeedsLoaded) -> None:
        table = self.query_one(NavTable)
        keep = self.current.id if self.current else None
        self.rows = message.rows
        with self.app.batch_update():
            table.clear()
            for row in message.rows:
                table.add_row(*feed_cells(row), key=str(row.id))
            index = next((i for i, r in enumerate(self.rows) if r.id == keep), 0)
            if self.rows:
                table.move_cursor(row=index)
        errors = sum(1 for r in self.rows if r.error)
        title = f"Feeds ({len(self.rows)}" + (f", {errors} with errors)" if errors else ")")
        if not self.rows:
            title = "Feeds: none yet. Press a to add one."
        self.query_one("#feeds-title", Label).update(Text(title))
        self._show_detail()
        self.refresh_bindings()

    def on_data_table_row_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.current
        detail = Text()
        if row is not None:
            detail.append(row.url, style="dim")
            if row.error:
                detail.append("\n")
                detail.append(row.error, style="red")
        self.query_one("#feed-detail", Label).update(detail)

    @property
    def current(self) -> FeedRow | None:
        return self.query_one(NavTable).pick(self.rows)

    def on_library_changed(self, message: LibraryChanged) -> None:
        self.load_feeds()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("refresh_one", "remove"):
            if self.current is None:
                return None
        return True

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_refresh_one(self) -> None:
        if self.current is not None:
            self.briefing_app.action_refresh((self.current.id,))

    def action_remove(self) -> None:
        row = self.current
        if row is None:
            return
        question = Text.assemble("Remove ", (row.title, "bold"), " and its articles?")

        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_feed(row.id)

        self.app.push_screen(ConfirmScreen(question), answered)

    @work(thread=True, group="write", exit_on_error=False)
    def remove_feed(self, feed_id: int) -> None:
        with self.briefing_app.open_library() as library:
            data.remove_feed(library, feed_id)
        self.app.post_message(LibraryChanged())
