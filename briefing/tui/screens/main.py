"""The main screen: storylines on the left, the chosen storyline's briefing on the right."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label, Tab, Tabs
from textual.worker import get_current_worker

from briefing.tui import data
from briefing.tui.corrections import Corrector
from briefing.tui.data import BriefingView, Source, StorylineListRow, TimelineItem
from briefing.tui.messages import BriefingLoaded, LibraryChanged, OpenSource, StorylinesLoaded
from briefing.tui.screens.actors import ActorChooser
from briefing.tui.widgets.footer import KeyFooter
from briefing.tui.widgets.panes import (
    ActorBar,
    FilterInput,
    ItemColumn,
    ItemList,
    StorylineList,
    StorylinePane,
    SummaryList,
)
from briefing.tui.widgets.render import (
    UNCERTAIN_MARK,
    dated_report,
    new_badge,
    quote_prompt,
    red_line_prompt,
    timeline_prompt,
)
from briefing.tui.widgets.status import DemoBanner, RefreshBar

if TYPE_CHECKING:
    from briefing.store import Library
    from briefing.tui.app import BriefingApp


# Briefings kept for instant display: the current storyline and its recent neighbours.
CACHE_SIZE = 12
# Seconds a move waits for the prefetch building its storyline before loading it itself.
PREFETCH_WAIT = 0.3

# The three columns of a briefing, left to right (and their tabs on a narrow screen).
COLUMNS = (("timeline", "Timeline"), ("quotes", "Quotes"), ("red-lines", "Red lines"))

# Each column's order when the reader starts: the timeline by date, the others by who spoke.
DEFAULT_ORDERS = {"timeline": "date", "quotes": "actor", "red-lines": "actor"}
# How a column's title names its order.
ORDER_NAMES = {"date": "by date", "newest": "newest first", "reported": "most reported"}
ACTOR_ORDER_NAMES = {"timeline": "by actor", "quotes": "by speaker", "red-lines": "by holder"}


def mentions(text: str, names: Sequence[str]) -> bool:
    """Whether free text names an actor (by name or alias)."""
    folded = text.casefold()
    return any(name and name.casefold() in folded for name in names)


class MainScreen(Screen[None]):
    """Storylines and, for the highlighted one, its timeline, quotes and red lines."""

    AUTO_FOCUS = "#storylines"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", id="filter-storylines"),
        Binding("f", "choose_actors", "Actors", id="choose-actors"),
        Binding("c", "compare", "Compare", id="compare"),
        Binding("m", "mark_read", "Mark read", id="mark-read"),
        Binding("s", "star", "Star", id="star"),
        # u is undo (app-wide): showing doubtful rows is the less frequent, shifted key.
        Binding("U", "toggle_uncertain", "Uncertain", id="toggle-uncertain"),
        Binding("o", "open_link", "Open link", id="open-link", show=False),
        Binding("y", "copy_link", "Copy link", id="copy-link", show=False),
        Binding("n", "next_new(1)", "Next new", id="next-new"),
        Binding("N", "next_new(-1)", "Previous new", id="previous-new", show=False),
        Binding("S", "sort", "Sort", id="sort-column"),
        Binding("escape", "back", "Clear filter, else back", id="back", show=False),
        # Corrections of the grouping (briefing.tui.corrections); each undoable.
        Binding("M", "merge", "Merge into…", id="merge-storyline", show=False),
        Binding("V", "move_article", "Move article to…", id="move-article", show=False),
        Binding("X", "split", "Split off articles", id="split-storyline", show=False),
        Binding("R", "rename", "Rename storyline", id="rename-storyline", show=False),
        # The footer shows "[ ] Column"; the help screen lists each key with its tooltip.
        Binding(
            "right_square_bracket",
            "next_column",
            "Column",
            id="next-column",
            key_display="[ ]",
            tooltip="Next column (next tab when narrow)",
        ),
        Binding(
            "left_square_bracket",
            "previous_column",
            "Previous column",
            id="previous-column",
            show=False,
            tooltip="Previous column (previous tab when narrow)",
        ),
    ]

    # What the footer shows first; keys it has no room for are left out (`?` lists them all).
    FOOTER_ORDER: ClassVar[tuple[str, ...]] = (
        "help",
        "filter-storylines",
        "next-column",
        "choose-actors",
        "refresh",
        "quit",
        "add-feed",
        "compare",
        "mark-read",
        "star",
    )

    def __init__(self) -> None:
        super().__init__(id="main")
        self.view: BriefingView | None = None
        self._cache: OrderedDict[int, BriefingView] = OrderedDict()
        self._generation = 0
        self._loading: int | None = None  # the storyline a worker is loading now
        self._prefetching: int | None = None  # the storyline the prefetch worker is building
        self._direction = 1  # down the list (1) or up (-1), as the last move went
        self._last_index: int | None = None
        self._view_stale = False
        self._counting = False  # the storyline list's live counts are being loaded
        self.chosen_actors: list[str] = []
        self.compare = False
        # Rows a reader cannot follow alone (fragments, unknown speakers, doubtful records)
        # are hidden until the user asks for them; they come back marked uncertain.
        self.show_uncertain = False
        self.corrector = Corrector(self)
        # The column shown when the columns are tabs (and the one `[`/`]` moves from).
        self.active_column = COLUMNS[0][0]
        self.orders = dict(DEFAULT_ORDERS)  # column id -> one of data.ORDERS
        self._badges: dict[str, Style] = {}  # the new mark's style, by theme

    @property
    def briefing_app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def compose(self) -> ComposeResult:
        yield DemoBanner()
        with Horizontal(id="main-body"):
            yield StorylinePane(cursor_blink=self.briefing_app.cursor_blink, id="storyline-pane")
            with Vertical(id="briefing"):
                yield Label("", id="briefing-title")
                yield ActorBar(id="actor-bar")
                yield SummaryList(id="summary")
                yield Tabs(
                    *(Tab(title, id=f"tab-{column}") for column, title in COLUMNS),
                    id="column-tabs",
                )
                with Horizontal(id="columns"):
                    for column, title in COLUMNS:
                        yield ItemColumn(title, id=column)
                yield Horizontal(id="compare-columns")
        yield RefreshBar()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False  # `[`/`]` and the mouse switch tabs
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.query_one(
            FilterInput
        ).placeholder = f"{self.briefing_app.key_for('filter-storylines')} to filter"
        self.query_one(StorylineList).focus()
        for column in self.query(ItemColumn):
            column.list.loading = True
        self._lay_out_columns()
        self.load_storylines(quick_first=True)

    # -- layout -------------------------------------------------------------------------

    @property
    def tabbed(self) -> bool:
        """Whether the columns are shown as tabs, one at a time (a narrow screen)."""
        return self.app.size.width < self.briefing_app.settings.tabs_below_width

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out_columns()

    def _lay_out_columns(self) -> None:
        """Side by side on a wide screen; below the width set, tabs with one column shown."""
        tabbed = self.tabbed
        self.set_class(tabbed, "-tabbed")
        self.query_one(Tabs).display = tabbed and self.query_one("#columns").display
        for column in self.query(ItemColumn):
            column.set_class(column.id == self.active_column, "-active")

    def _show_column(self, column_id: str) -> None:
        """Make a column the active one (its tab, and focus if a column had it)."""
        in_column = self._focused_column() is not None
        self.active_column = column_id
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{column_id}":
            tabs.active = f"tab-{column_id}"
        self._lay_out_columns()
        if in_column or not self.tabbed:
            self.query_one(f"#{column_id}", ItemColumn).list.focus()

    def _focused_column(self) -> ItemColumn | None:
        focused = self.focused
        parent = focused.parent if focused is not None else None
        return parent if isinstance(parent, ItemColumn) and parent.id else None

    @on(Tabs.TabActivated, "#column-tabs")
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        column_id = (event.tab.id or "").removeprefix("tab-")
        if column_id and column_id != self.active_column:
            self._show_column(column_id)

    @on(ItemColumn.Retitled)
    def _column_retitled(self, event: ItemColumn.Retitled) -> None:
        if event.column.id:
            tab = self.query_one(Tabs).query(f"#tab-{event.column.id}")
            if tab:
                tab.first(Tab).label = event.column.heading

    def action_next_column(self) -> None:
        """The next column: its tab on a narrow screen, else focus moves to it."""
        self._step_column(1)

    def action_previous_column(self) -> None:
        self._step_column(-1)

    def _step_column(self, step: int) -> None:
        ids = [column for column, _ in COLUMNS]
        current = self._focused_column()
        if current is None and not self.tabbed:
            start = ids[0] if step > 0 else ids[-1]  # from the storylines: the first column
            self._show_column(start)
            return
        here = ids.index(current.id if current is not None and current.id else self.active_column)
        self._show_column(ids[(here + step) % len(ids)])

    # -- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="storylines", exit_on_error=False)
    def load_storylines(self, quick_first: bool = False) -> None:
        worker = get_current_worker()
        with self.briefing_app.open_library() as library:
            if quick_first:  # at start-up: paint the list before counting every article
                quick = data.quick_storylines(library)
                if not worker.is_cancelled:
                    self.post_message(StorylinesLoaded(quick, complete=False))
            rows = data.load_storylines(library)
        if not worker.is_cancelled:
            self.post_message(StorylinesLoaded(rows))

    def show_briefing(self, row: StorylineListRow) -> None:
        """Show a storyline's columns: at once when prefetched, else from a worker."""
        cached = self._cache.get(row.id)
        if cached is not None:
            self._cache.move_to_end(row.id)
            self.view = cached
            self._render_briefing()
            # After the paint: a prefetch worker building a briefing meanwhile would share
            # the interpreter with the paint and slow it down.
            self.call_after_refresh(self._prefetch_neighbours)
        elif self._prefetching == row.id:
            # The prefetch is building it: a second build alongside would halve the speed of
            # both. Its result is shown when it lands; a load starts if it does not.
            self._loading = row.id
            self.set_timer(PREFETCH_WAIT, partial(self._load_if_still_waiting, row))
        else:
            self._loading = row.id
            self.load_briefing(row)

    def _load_if_still_waiting(self, row: StorylineListRow) -> None:
        if self._loading == row.id and row.id not in self._cache:
            self.load_briefing(row)

    @work(thread=True, exclusive=True, group="briefing", exit_on_error=False)
    def load_briefing(self, row: StorylineListRow) -> None:
        with self.briefing_app.open_library() as library:
            view = data.load_briefing(library, row.id, row.label)
        if not get_current_worker().is_cancelled:
            self.post_message(BriefingLoaded(view))

    def _prefetch_neighbours(self) -> None:
        """Load the storylines above and below the current one while the user reads."""
        pane = self.query_one(StorylinePane)
        index = self.query_one(StorylineList).highlighted
        if index is None or self._counting:
            return  # the list's live counts come first; the next move will prefetch
        # Two ahead in the direction the user is moving: keys pressed back to back then find
        # the next storyline built while the current one was painting.
        ahead = self._direction
        wanted = [
            pane.shown[i]
            for i in (index + ahead, index + 2 * ahead, index - ahead)
            if 0 <= i < len(pane.shown) and pane.shown[i].id not in self._cache
        ]
        if wanted:
            self.prefetch(wanted, self._generation)

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def prefetch(self, rows: list[StorylineListRow], generation: int) -> None:
        worker = get_current_worker()
        with self.briefing_app.open_library() as library:
            for row in rows:
                if worker.is_cancelled:
                    return
                self._prefetching = row.id
                try:
                    view = data.load_briefing(library, row.id, row.label)
                finally:
                    if self._prefetching == row.id:
                        self._prefetching = None
                self.post_message(BriefingLoaded(view, prefetched=generation))

    def on_storylines_loaded(self, message: StorylinesLoaded) -> None:
        self._counting = not message.complete
        pane = self.query_one(StorylinePane)
        pane.set_rows(message.rows)
        if self.focused is None:  # a list cannot take focus while it shows it is loading
            self.query_one(StorylineList).focus()
        current = pane.current
        if current is not None:
            shown = self.view is not None and self.view.storyline_id == current.id
            if (not shown and self._loading != current.id) or self._view_stale:
                self._view_stale = False  # the library changed: the columns may too
                self.show_briefing(current)
            elif shown and message.complete:
                self._prefetch_neighbours()  # held back while the counts were loading
        if not message.rows:
            self._show_nothing()
        self.refresh_bindings()

    def on_library_changed(self, message: LibraryChanged) -> None:
        self._cache.clear()
        self._generation += 1  # prefetches started before the change are stale
        self._view_stale = True
        self.load_storylines()

    @on(StorylinePane.Highlighted)
    def _storyline_highlighted(self, message: StorylinePane.Highlighted) -> None:
        if message.row is None:
            self._show_nothing()
            return
        index = self.query_one(StorylineList).highlighted
        if index is not None and self._last_index is not None and index != self._last_index:
            self._direction = 1 if index > self._last_index else -1
        self._last_index = index
        if self.view is None or self.view.storyline_id != message.row.id:
            self.chosen_actors = []
            self.compare = False
        self.show_briefing(message.row)

    @on(StorylinePane.Chosen)
    def _storyline_chosen(self, message: StorylinePane.Chosen) -> None:
        # Into the column in view: on a narrow screen, the tab the user chose.
        into = self.active_column if self.tabbed else COLUMNS[0][0]
        self.query_one(f"#{into}", ItemColumn).list.focus()
        self.note_opened(message.row.id)

    @work(thread=True, group="opened", exit_on_error=False)
    def note_opened(self, storyline_id: int) -> None:
        """The user went into this storyline: its "new since last opened" starts from now."""
        with self.briefing_app.open_library() as library:
            data.mark_opened(library, storyline_id)

    def on_briefing_loaded(self, message: BriefingLoaded) -> None:
        if message.prefetched is not None and message.prefetched != self._generation:
            return  # loaded before the library changed
        if self._loading == message.view.storyline_id:
            self._loading = None  # (a prefetch may deliver what a key was waiting for)
        self._cache[message.view.storyline_id] = message.view
        self._cache.move_to_end(message.view.storyline_id)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        current = self.query_one(StorylinePane).current
        if current is None or current.id != message.view.storyline_id:
            return  # the user has moved on (or this was a neighbour, kept for later)
        if self.view is not None and self.view == message.view:
            return  # already on screen (a prefetch and a load can both deliver it)
        self.view = message.view
        self._render_briefing()
        self.call_after_refresh(self._prefetch_neighbours)

    def _show_nothing(self) -> None:
        self.view = None
        key = self.briefing_app.key_for
        searched = self.query_one(StorylinePane).filter_text
        if searched:
            message = Text.assemble(
                "No storyline matches “", searched, f"”. {key('back')} clears the filter."
            )
        else:
            message = Text(
                f"No storylines yet. Press {key('add-feed')} to add a feed, "
                f"{key('refresh')} to refresh."
            )
        message.stylize("dim")
        self.query_one("#briefing-title", Label).update(message)
        self.query_one(ActorBar).show([], 0, False)
        self.query_one(SummaryList).show([])
        for column in self.query(ItemColumn):
            column.show([], "nothing to show")

    def _render_briefing(self) -> None:
        view = self.view
        if view is None:
            return
        self.refresh_bindings()
        self.query_one("#briefing-title", Label).update(Text(view.label, style="bold"))
        self.query_one(ActorBar).show(self.chosen_actors, len(view.actors), self.compare)
        with self.app.batch_update():
            self.query_one(SummaryList).show(view.summary)
            for column_id in DEFAULT_ORDERS:
                self._render_column(column_id)
            self._render_compare()

    def _render_column(self, column_id: str) -> None:
        """Fill one of the three columns: the rows the actor filter and the uncertain toggle
        let through, in the column's order, new ones marked."""
        view = self.view
        if view is None:
            return
        chosen = view.with_people(self.chosen_actors)  # a country includes its people
        names = [n for actor in sorted(chosen) for n in view.names_for(actor)]
        shown = self.show_uncertain
        badge = self._new_badge()
        order = self.orders[column_id]
        rows: list[tuple[Text, Source]]
        if column_id == "timeline":
            timeline = [
                item
                for item in data.ordered(view.timeline, order)
                if (shown or not item.uncertain) and (not names or mentions(item.text, names))
            ]
            by_actor = order == "actor"
            rows = [
                (timeline_prompt(i, badge=badge, show_actor=by_actor), i.source) for i in timeline
            ]
            new, empty = [i.new for i in timeline], "no dated events"
        elif column_id == "quotes":
            quotes = [
                item
                for item in data.ordered(view.quotes, order)
                if (shown or not item.uncertain) and (not chosen or item.speaker in chosen)
            ]
            rows = [(quote_prompt(i, badge=badge), i.source) for i in quotes]
            new, empty = [i.new for i in quotes], "no quotes"
        else:
            red_lines = [
                item
                for item in data.ordered(view.red_lines, order)
                if (shown or not item.uncertain) and (not chosen or item.holder in chosen)
            ]
            rows = [(red_line_prompt(i, badge=badge), i.source) for i in red_lines]
            new, empty = [i.new for i in red_lines], "no red lines"
        column = self.query_one(f"#{column_id}", ItemColumn)
        column.show(rows, empty, new=new, order=self._order_name(column_id))

    def _order_name(self, column_id: str) -> str:
        order = self.orders[column_id]
        return ACTOR_ORDER_NAMES[column_id] if order == "actor" else ORDER_NAMES[order]

    def _new_badge(self) -> Style:
        """The new mark in the current theme's accent."""
        theme = self.app.current_theme
        badge = self._badges.get(theme.name)
        if badge is None:
            accent = Color.parse(theme.to_color_system().generate()["accent"])
            accent = accent if accent.a == 1 else Color.parse(theme.background or "#000") + accent
            badge = new_badge(accent.hex6, (accent + accent.get_contrast_text()).hex6)
            self._badges[theme.name] = badge
        return badge

    def _theme_changed(self) -> None:
        self._render_briefing()  # the new mark follows the theme's accent

    def _render_compare(self) -> None:
        holder = self.query_one("#compare-columns", Horizontal)
        on = self.compare and self.view is not None and len(self.chosen_actors) >= 2
        self.query_one("#columns").display = not on
        self.query_one(Tabs).display = self.tabbed and not on
        holder.display = on
        holder.remove_children()
        if not on or self.view is None:
            return
        columns = []
        badge = self._new_badge()
        for actor in self.chosen_actors:
            # a side's column holds its people's entries too, unless they have one of their own
            side = {actor, *self.view.people_of(actor)} - (set(self.chosen_actors) - {actor})
            items: list[tuple[Text, Source]] = []
            new: list[bool] = []
            for red in self.view.red_lines:
                if red.holder in side and (self.show_uncertain or not red.uncertain):
                    shown = red.holder != actor
                    prompt = red_line_prompt(red, show_holder=shown, badge=badge)
                    items.append((prompt, red.source))
                    new.append(red.new)
            for quote in self.view.quotes:
                if quote.speaker in side and (self.show_uncertain or not quote.uncertain):
                    prompt = quote_prompt(quote, show_speaker=quote.speaker != actor, badge=badge)
                    items.append((prompt, quote.source))
                    new.append(quote.new)
            column = ItemColumn(actor, id=None)
            columns.append((column, items, new))
        holder.mount_all(column for column, _, _ in columns)

        def fill() -> None:
            for column, items, new in columns:
                column.show(items, "no red lines or quotes", new=new)

        self.call_after_refresh(fill)

    # -- actions ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_column", "previous_column"):
            return self.query_one("#columns").display
        if action in ("choose_actors", "mark_read", "merge", "move_article", "split", "rename"):
            return True if self.query_one(StorylinePane).current is not None else None
        if action == "compare":
            return True if len(self.chosen_actors) >= 2 or self.compare else None
        if action in ("star", "open_link", "copy_link"):
            return True if self._focused_source() is not None else None
        if action == "next_new":
            return True if self.view is not None else None
        if action == "sort":
            return True if self._sortable_column() is not None else None
        return True

    def _focused_source(self) -> Source | None:
        focused = self.focused
        if isinstance(focused, ItemList) and isinstance(focused.parent, ItemColumn):
            return focused.parent.current
        if isinstance(focused, SummaryList):
            return focused.current
        return None

    def _column_with_focus(self) -> ItemColumn | None:
        """The column whose list has focus: one of the three or a compare column."""
        parent = self.focused.parent if self.focused is not None else None
        return parent if isinstance(parent, ItemColumn) else None

    def _sortable_column(self) -> ItemColumn | None:
        column = self._focused_column()
        return column if column is not None and column.id in DEFAULT_ORDERS else None

    def _columns_shown(self) -> list[ItemColumn]:
        """The item columns on screen, left to right: the three, or the compare columns."""
        holder = "#compare-columns" if self.query_one("#compare-columns").display else "#columns"
        return list(self.query_one(holder).query(ItemColumn))

    def action_next_new(self, step: int) -> None:
        """Highlight the next (step 1) or previous (-1) row from an unread article: in the
        focused column, then in the columns after (before) it, round to where it started."""
        columns = self._columns_shown()
        here = self._column_with_focus()
        if here in columns and here is not None:
            first, index = columns.index(here), here.current_index
        else:
            here, index = None, None
            first = 0 if step > 0 else len(columns) - 1
        turn = [columns[(first + step * k) % len(columns)] for k in range(len(columns))]
        for k, column in enumerate(turn):
            found = column.new_after(index if k == 0 else None, step)
            if found is not None:
                self._go_to_row(column, found)
                return
        if here is not None:  # round to the focused column's rows before the highlighted one
            found = here.new_after(None, step)
            if found is not None and found != index:
                self._go_to_row(here, found)
                return
        if any(any(c.new_rows) for c in columns):
            self.notify("No other new row in this storyline.", timeout=3)
        else:
            self.notify("Nothing new here: every article of these rows is read.", timeout=3)

    def _go_to_row(self, column: ItemColumn, index: int) -> None:
        if column.id in DEFAULT_ORDERS and column.id != self.active_column:
            self._show_column(column.id)  # on a narrow screen: its tab
        column.list.focus()
        column.highlight_item(index)

    def action_sort(self) -> None:
        """Show the focused column in its next order (by date, newest first, most reported,
        by actor), keeping the highlighted row."""
        column = self._sortable_column()
        if column is None or column.id is None:
            return
        orders = data.ORDERS
        self.orders[column.id] = orders[(orders.index(self.orders[column.id]) + 1) % len(orders)]
        kept = column.current
        self._render_column(column.id)
        if kept is not None and kept in column.sources:
            column.highlight_item(column.sources.index(kept))
        self.notify(f"{column.title}: {self._order_name(column.id)}", timeout=2)

    def on_descendant_focus(self) -> None:
        column = self._focused_column()
        if column is not None and column.id and column.id != self.active_column:
            self.active_column = column.id  # a narrow screen later shows where the user was
            self.query_one(Tabs).active = f"tab-{column.id}"
            self._lay_out_columns()
        self.refresh_bindings()

    def action_toggle_uncertain(self) -> None:
        """Show or hide the rows marked uncertain in the three columns."""
        self.show_uncertain = not self.show_uncertain
        self._render_briefing()
        state = f"shown, marked {UNCERTAIN_MARK!r}" if self.show_uncertain else "hidden"
        self.notify(f"Uncertain rows {state}", timeout=2)

    def action_filter(self) -> None:
        self.query_one(FilterInput).focus()

    def action_back(self) -> None:
        """One layer at a time: the storyline filter, then the chosen actors, then focus."""
        pane = self.query_one(StorylinePane)
        if pane.filter_text:
            pane.clear_filter()
            self.query_one(StorylineList).focus()
        elif self.chosen_actors or self.compare:
            self.chosen_actors = []
            self.compare = False
            self.refresh_bindings()
            self._render_briefing()
        elif not isinstance(self.focused, StorylineList):
            self.query_one(StorylineList).focus()

    def action_choose_actors(self) -> None:
        if self.view is None or not self.view.actors:
            self.notify("This storyline has no actors to choose from.", severity="warning")
            return

        def chosen(names: list[str] | None) -> None:
            if names is None:
                return
            self.chosen_actors = names
            if len(names) < 2:
                self.compare = False
            self.refresh_bindings()
            self._render_briefing()

        statements: dict[str, int] = {}
        for who in [q.speaker for q in self.view.quotes] + [r.holder for r in self.view.red_lines]:
            statements[who] = statements.get(who, 0) + 1
        self.app.push_screen(ActorChooser(self.view.actors, self.chosen_actors, statements), chosen)

    def action_compare(self) -> None:
        if not self.compare and len(self.chosen_actors) < 2:
            self.notify("Choose two or more actors with f to compare them.")
            return
        self.compare = not self.compare
        self._render_briefing()

    def action_mark_read(self) -> None:
        row = self.query_one(StorylinePane).current
        if row is not None:
            self.mark_storyline_read(row.id)

    def action_mark_read_asking(self) -> None:
        """The palette's way to mark the storyline read: it names what it will do and asks
        first (m acts at once and says what it did; both are undone alike)."""
        row = self.query_one(StorylinePane).current
        if row is not None:
            question = Text.assemble("Mark every article of “", row.label, "” read?")
            self.briefing_app.ask_before_undoable(
                question, lambda: self.mark_storyline_read(row.id)
            )

    @work(thread=True, exclusive=False, group="write", exit_on_error=False)
    def mark_storyline_read(self, storyline_id: int) -> None:
        with self.briefing_app.open_library() as library:
            marked = data.mark_storyline_read(library, storyline_id)
        self.app.post_message(LibraryChanged())
        self.app.call_from_thread(self._report_marked, marked)

    def _report_marked(self, marked: list[int]) -> None:
        """Say what m did and offer to undo it (only the articles it changed go back)."""
        if not marked:
            self.notify("Every article of this storyline was already read.", timeout=3)
            return
        count = len(marked)
        what = "1 article" if count == 1 else f"{count} articles"

        def reverse(library: Library) -> None:
            data.set_read_many(library, marked, False)

        self.briefing_app.offer_undo(f"{what} marked read", reverse)

    def action_star(self) -> None:
        source = self._focused_source()
        if source is not None:
            self.briefing_app.toggle_star(source.article_id)

    def action_open_link(self) -> None:
        source = self._focused_source()
        if source is not None:
            self.briefing_app.open_link(source.url)

    def action_copy_link(self) -> None:
        source = self._focused_source()
        if source is not None:
            self.briefing_app.copy_link(source.url)

    def on_open_source(self, message: OpenSource) -> None:
        if self.view is not None:
            self.note_opened(self.view.storyline_id)
        conflict = self._conflict_for(message.source)
        if conflict is not None:
            self._show_dates(conflict)
            return
        self.briefing_app.open_reader(message.source)

    def _conflict_for(self, source: Source) -> TimelineItem | None:
        """The timeline row chosen, when its outlets give different dates."""
        focused = self.focused
        if self.view is None or focused is None or getattr(focused.parent, "id", "") != "timeline":
            return None
        return next(
            (i for i in self.view.timeline if i.conflicting_dates and i.source == source), None
        )

    def _show_dates(self, item: TimelineItem) -> None:
        """Which outlet gave which date; Enter opens that outlet's article at the sentence."""
        from briefing.tui.screens.choose import ChoiceScreen

        reports = list(item.reports)

        def chosen(index: int | None) -> None:
            if index is not None:
                self.briefing_app.open_reader(reports[index].source)

        self.app.push_screen(
            ChoiceScreen(
                Text.assemble(("Outlets give different dates for: ", "bold"), item.text),
                [dated_report(report) for report in reports],
                footnote=Text("Enter opens the outlet's article at the sentence.", style="dim"),
                id="dates",
            ),
            chosen,
        )

    # -- corrections (the flows live in briefing.tui.corrections) --------------------------

    def action_merge(self) -> None:
        self.corrector.merge()

    def action_move_article(self) -> None:
        self.corrector.move(self._focused_source())

    def action_split(self) -> None:
        self.corrector.split(self._focused_source())

    def action_rename(self) -> None:
        self.corrector.rename()
