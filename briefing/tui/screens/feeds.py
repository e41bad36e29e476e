"""The subscriptions: status, unread and article counts, tags, last refresh, errors; sorting
and a tag filter; Enter lists a feed's articles; add, remove, refresh one, mark one read."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label
from textual.worker import get_current_worker

from briefing.tui import data
from briefing.tui.data import FeedRow
from briefing.tui.messages import FeedsLoaded, LibraryChanged
from briefing.tui.screens.choose import ChoiceScreen
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


# The orders `s` goes through: (name, as the title says it).
SORTS: tuple[tuple[str, str], ...] = (
    ("title", "by title"),
    ("unread", "most unread first"),
    ("updated", "last updated first"),
)
TAGS_MAX_WIDTH = 20


def sort_feeds(rows: list[FeedRow], order: str) -> list[FeedRow]:
    """The feeds in one of the SORTS orders; ties (and the title order) by title."""
    by_title = sorted(rows, key=lambda r: (r.title.casefold(), r.url))
    if order == "unread":
        return sorted(by_title, key=lambda r: -r.unread)
    if order == "updated":
        return sorted(by_title, key=lambda r: r.newest or "", reverse=True)
    return by_title


def tags_text(row: FeedRow) -> str:
    return ", ".join(row.tags)


def feed_cells(row: FeedRow) -> tuple[Text, ...]:
    return (
        Text(row.status, style=STATUS_STYLE.get(row.status, "")),
        Text(row.title, overflow="ellipsis", no_wrap=True),
        Text(str(row.unread) if row.unread else "", justify="right", style="bold"),
        Text(str(row.articles), justify="right"),
        Text(row.newest or "", style="dim" if not row.newest else ""),
        Text(row.last_refresh or "never", style="" if row.last_refresh else "dim"),
        Text(tags_text(row), style="cyan", overflow="ellipsis", no_wrap=True),
        Text(row.error or row.url, style="red" if row.error else "dim", overflow="ellipsis"),
    )


class FeedsScreen(Screen[None]):
    """Every subscription and how its last refresh went."""

    AUTO_FOCUS = None  # on_mount focuses the table

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_feed", "Articles", id="open-feed", show=False),
        Binding("s", "sort", "Sort", id="sort-feeds"),
        Binding("T", "filter_tag", "Tag", id="filter-tag"),
        Binding("A", "mark_feed_read", "Mark feed read", id="mark-feed-read"),
        Binding("R", "refresh_one", "Refresh feed", id="refresh-feed"),
        Binding("d,delete", "remove", "Remove", id="remove-feed"),
        Binding("o", "open_link", "Open site", id="open-link", show=False),
        Binding("y", "copy_link", "Copy feed URL", id="copy-link", show=False),
        # Escape takes off the tag filter first, then leaves; q leaves.
        Binding("escape", "back", "Back", id="back"),
        Binding("q", "close", "Back", id="close", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="feeds")
        self.rows: list[FeedRow] = []  # as shown: filtered by tag and sorted
        self.loaded: list[FeedRow] = []  # every feed
        self.order = SORTS[0][0]
        self.tag: str | None = None  # only the feeds with this tag, when set

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
        table.add_column("Unread", key="unread", width=6)
        table.add_column("Articles", key="articles", width=8)
        table.add_column("Updated", key="updated", width=10)
        table.add_column("Last refresh", key="refresh", width=16)
        table.add_column("Tags", key="tags", width=4)
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
        self.loaded = message.rows
        if self.tag is not None and not any(self.tag in r.tags for r in self.loaded):
            self.tag = None  # the tag's last feed is gone
        self._show_rows()

    def _show_rows(self) -> None:
        """Fill the table from the loaded feeds, filtered by tag and sorted."""
        table = self.query_one(NavTable)
        keep = self.current.id if self.current else None
        shown = [r for r in self.loaded if self.tag is None or self.tag in r.tags]
        self.rows = sort_feeds(shown, self.order)
        with self.app.batch_update():
            table.clear()
            tags = table.columns.get("tags")  # type: ignore[call-overload]
            if tags is not None:
                widest = max((cell_len(tags_text(r)) for r in self.rows), default=0)
                tags.width = max(4, min(TAGS_MAX_WIDTH, widest))
            for row in self.rows:
                table.add_row(*feed_cells(row), key=str(row.id))
            index = next((i for i, r in enumerate(self.rows) if r.id == keep), 0)
            if self.rows:
                table.move_cursor(row=index)
        self.query_one("#feeds-title", Label).update(Text(self._title()))
        self._show_detail()
        self.refresh_bindings()

    def _title(self) -> str:
        if not self.loaded:
            return f"Feeds: none yet. Press {self.briefing_app.key_for('add-feed')} to add one."
        errors = sum(1 for r in self.rows if r.error)
        unread = sum(r.unread for r in self.rows)
        count = f"{len(self.rows)} of {len(self.loaded)}" if self.tag else str(len(self.rows))
        title = f"Feeds tagged “{self.tag}”" if self.tag else "Feeds"
        title += f" ({count}, {unread} unread" + (f", {errors} with errors)" if errors else ")")
        return f"{title}, {dict(SORTS)[self.order]}"

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
        if action in ("refresh_one", "remove", "open_feed", "open_link", "copy_link"):
            if self.current is None:
                return None
        if action == "mark_feed_read":
            return True if self.current is not None and self.current.unread else None
        if action == "filter_tag":
            return True if any(r.tags for r in self.loaded) else None
        return True

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_feed()

    def action_open_feed(self) -> None:
        """List the highlighted feed's articles (Escape comes back here)."""
        from briefing.tui.screens.articles import ArticlesScreen

        if self.current is not None:
            self.app.push_screen(ArticlesScreen(feed=self.current))

    def action_sort(self) -> None:
        names = [name for name, _ in SORTS]
        self.order = names[(names.index(self.order) + 1) % len(names)]
        self._show_rows()
        self.notify(f"Feeds sorted: {dict(SORTS)[self.order]}", timeout=2)

    def action_filter_tag(self) -> None:
        """Choose a tag: only its feeds are listed (or all feeds again)."""
        counts: dict[str, int] = {}
        for row in self.loaded:
            for tag in row.tags:
                counts[tag] = counts.get(tag, 0) + 1
        tags = sorted(counts, key=str.casefold)
        choices = [Text.assemble(("All feeds", "bold"), (f"  {len(self.loaded)}", "dim"))]
        choices += [Text.assemble((tag, "cyan"), (f"  {counts[tag]}", "dim")) for tag in tags]

        def chosen(index: int | None) -> None:
            if index is None:
                return
            self.tag = None if index == 0 else tags[index - 1]
            self._show_rows()

        self.app.push_screen(ChoiceScreen(Text("Show the feeds tagged"), choices), chosen)

    def action_mark_feed_read(self) -> None:
        row = self.current
        if row is None:
            return
        count = f"{row.unread} unread article" + ("" if row.unread == 1 else "s")
        question = Text.assemble(f"Mark the {count} of ", (row.title, "bold"), " read?")
        self.briefing_app.mark_read_asking(question, row.id, f"of {row.title}")

    def action_open_link(self) -> None:
        row = self.current
        if row is not None:
            self.briefing_app.open_link(row.site_url or row.url)

    def action_copy_link(self) -> None:
        if self.current is not None:
            self.briefing_app.copy_link(self.current.url)

    def action_back(self) -> None:
        if self.tag is not None:
            self.tag = None
            self._show_rows()
        else:
            self.action_close()

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
