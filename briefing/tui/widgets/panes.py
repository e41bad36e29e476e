"""The panes of the main screen: the storyline list, the item columns, the actor bar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static
from textual.widgets.option_list import Option

from briefing.tui.data import Source, StorylineListRow, SummaryLine
from briefing.tui.messages import OpenSource
from briefing.tui.widgets.lists import NavList
from briefing.tui.widgets.render import storyline_prompt, summary_prompt

# How many storylines the list lays out at once (most recent first).
MAX_LISTED = 250


class StorylineList(NavList):
    """The storylines. Letters typed here are commands: filtering starts with `/` only, so a
    word typed at the list never half-filters it while its letters fire commands."""


class FilterInput(Input):
    """The storyline filter, reached with `/`: while it has focus every printable key is text.
    Down or Enter goes back to the list (the filter stays), Escape clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_list", "To list", show=False),
        Binding("escape", "clear", "Clear filter", id="clear-filter"),
    ]

    def action_to_list(self) -> None:
        self.screen.query_one(StorylineList).focus()

    def action_clear(self) -> None:
        self.value = ""
        self.action_to_list()


class StorylinePane(Vertical):
    """Storylines, most recent first, filtered by what the user types."""

    @dataclass
    class Highlighted(Message):
        row: StorylineListRow | None

    @dataclass
    class Chosen(Message):
        row: StorylineListRow

    def __init__(self, *, cursor_blink: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[StorylineListRow] = []
        self.shown: list[StorylineListRow] = []
        self._cursor_blink = cursor_blink
        self.wanted: int | None = None  # the storyline to highlight when the rows next change

    def compose(self) -> ComposeResult:
        yield Label("Storylines", id="storylines-title", classes="pane-title")
        yield FilterInput(placeholder="/ to filter", id="storyline-filter", compact=True)
        yield StorylineList(id="storylines")

    def on_mount(self) -> None:
        self.query_one(FilterInput).cursor_blink = self._cursor_blink
        self.query_one(StorylineList).loading = True

    @property
    def current(self) -> StorylineListRow | None:
        index = self.query_one(StorylineList).highlighted
        if index is None or index >= len(self.shown):
            return None
        return self.shown[index]

    def set_rows(self, rows: Sequence[StorylineListRow]) -> None:
        """Show new rows, keeping the highlighted storyline where it still exists."""
        self.rows = list(rows)
        self._apply_filter()

    @property
    def filter_text(self) -> str:
        """What the storyline list is filtered by ("" when it is not)."""
        return self.query_one(FilterInput).value.strip()

    def clear_filter(self) -> None:
        """Show every storyline again."""
        self.query_one(FilterInput).value = ""  # Input.Changed re-applies the (empty) filter

    def _apply_filter(self) -> None:
        keep = self.current.id if self.current else None
        if self.wanted is not None:
            keep, self.wanted = self.wanted, None
        words = self.query_one(FilterInput).value.casefold().split()
        matching = [r for r in self.rows if all(w in r.label.casefold() for w in words)]
        # Laying out every option costs time on a large library: the most recent ones are
        # listed, and the filter reaches all of them.
        self.shown = matching[:MAX_LISTED]
        options: list[Option] = [Option(storyline_prompt(r), id=str(r.id)) for r in self.shown]
        if len(matching) > len(self.shown):
            hidden = len(matching) - len(self.shown)
            options.append(
                Option(Text(f"… {hidden:,} older: filter to find them", style="dim"), disabled=True)
            )
        listing = self.query_one(StorylineList)
        listing.loading = False
        with self.app.batch_update():
            listing.set_options(options)
            index = next((i for i, r in enumerate(self.shown) if r.id == keep), 0)
            listing.highlighted = index if self.shown else None
        total = len(self.rows)
        title = f"Storylines ({len(matching)} of {total})" if words else f"Storylines ({total})"
        self.query_one("#storylines-title", Label).update(Text(title))
        if not self.shown:
            self.post_message(self.Highlighted(None))

    @on(Input.Changed, "#storyline-filter")
    def _filter_changed(self) -> None:
        self._apply_filter()

    @on(Input.Submitted, "#storyline-filter")
    def _filter_submitted(self) -> None:
        self.query_one(StorylineList).focus()

    @on(NavList.OptionHighlighted, "#storylines")
    def _highlighted(self, event: NavList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.current))

    @on(NavList.OptionSelected, "#storylines")
    def _selected(self, event: NavList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.Chosen(self.current))


class ItemList(NavList):
    """One column's items; Enter opens the item's article."""


class ItemColumn(Vertical):
    """A titled column of items (timeline entries, quotes or red lines)."""

    @dataclass
    class Retitled(Message):
        """The column's title changed (its count): a tab showing it follows."""

        column: ItemColumn

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="item-column")
        self.title = title
        self.sources: list[Source] = []
        self.new_rows: list[bool] = []  # per item: from an article the user has not read
        self._heading = title

    def compose(self) -> ComposeResult:
        yield Label(Text(self.title), classes="column-title")
        yield ItemList()

    @property
    def list(self) -> ItemList:
        return self.query_one(ItemList)

    def show(
        self,
        items: Sequence[tuple[Text, Source]],
        empty: str,
        *,
        new: Sequence[bool] = (),
        order: str = "",
    ) -> None:
        """Replace the column's items; `empty` is shown when there are none. `new` marks the
        items from unread articles (for n/N); `order` names their order in the title."""
        self.sources = [source for _, source in items]
        self.new_rows = [bool(flag) for flag in new] + [False] * (len(items) - len(new))
        listing = self.list
        listing.loading = False
        options: list[Option | None] = []
        for index, (prompt, _) in enumerate(items):
            if index:
                options.append(None)
            options.append(Option(prompt, id=str(index)))
        if not items:
            options.append(Option(Text(empty, style="dim italic"), disabled=True))
        listing.set_options(options)
        if items:
            listing.highlighted = 0
        self._heading = f"{self.title} ({len(items)})" if items else self.title
        title = self._heading + (f" · {order}" if order and len(items) > 1 else "")
        self.query_one(".column-title", Label).update(Text(title))
        self.post_message(self.Retitled(self))

    @property
    def heading(self) -> Text:
        """The column's title with its count (a tab's label: the order is left out for room)."""
        return Text(self._heading)

    @property
    def current(self) -> Source | None:
        index = self.current_index
        return None if index is None else self.sources[index]

    @property
    def current_index(self) -> int | None:
        """The highlighted item's place among the column's items."""
        option = self.list.highlighted_option
        if option is None or option.id is None:
            return None
        return int(option.id)

    def highlight_item(self, index: int) -> None:
        """Highlight the item at `index` (a place among the items, not the options)."""
        listing = self.list
        listing.highlighted = listing.get_option_index(str(index))

    def new_after(self, index: int | None, step: int) -> int | None:
        """The nearest new item after `index` going by `step` (+1 down, -1 up); from the
        column's first (or last) item when `index` is None."""
        count = len(self.new_rows)
        if index is None:
            index = -1 if step > 0 else count
        places = range(index + 1, count) if step > 0 else range(index - 1, -1, -1)
        return next((i for i in places if self.new_rows[i]), None)

    @on(ItemList.OptionSelected)
    def _selected(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(OpenSource(self.sources[int(event.option.id)]))


class SummaryList(NavList):
    """The storyline's summary above the columns: the whole sentences when they fit in a
    fifth of the screen, else a line each, cut to the width; whole, with their outlets,
    while it has focus. Enter opens the sentence's article."""

    # Lines the summary may take without focus: a fifth of the screen, and at least this.
    MIN_LINES = 4

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: list[SummaryLine] = []

    def show(self, lines: Sequence[SummaryLine]) -> None:
        self.lines = list(lines)
        self.display = bool(self.lines)
        self._fill()
        self._fit()

    def _fill(self) -> None:
        whole = self.screen.focused is self  # (has_focus changes after on_focus/on_blur)
        keep = self.highlighted
        self.set_options(
            Option(summary_prompt(line, whole=whole), id=str(i))
            for i, line in enumerate(self.lines)
        )
        # No cursor while the summary is only being glanced at.
        self.highlighted = (keep or 0) if whole and self.lines else None

    def _fit(self) -> None:
        """Whole sentences when they fit the lines a glance may take, else a line each."""
        width = self.size.width - self.styles.gutter.width
        budget = max(self.MIN_LINES, self.screen.size.height // 5)
        wrapped = (
            sum(len(Text(line.text).wrap(self.app.console, width)) for line in self.lines)
            if width > 0
            else budget + 1
        )
        self.set_class(wrapped <= budget, "-whole")

    def on_resize(self) -> None:
        self._fit()

    def on_focus(self) -> None:
        self._fill()

    def on_blur(self) -> None:
        self._fill()

    @property
    def current(self) -> Source | None:
        index = self.highlighted
        return self.lines[index].source if index is not None and index < len(self.lines) else None

    @on(NavList.OptionSelected)
    def _selected(self, event: NavList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(OpenSource(self.lines[int(event.option.id)].source))


class ActorBar(Static):
    """Which actors filter the columns, and whether compare mode is on."""

    def show(self, chosen: Sequence[str], available: int, compare: bool) -> None:
        text = Text()
        text.append("Actors: ", style="bold")
        if chosen:
            text.append(", ".join(chosen))
        else:
            text.append(f"all ({available})" if available else "none found", style="dim")
        if compare:
            text.append("  [compare]", style="bold")
        self.update(text)
