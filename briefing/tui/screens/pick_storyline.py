"""Choosing a storyline by typing part of its label: the target of a merge or a move."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label
from textual.widgets.option_list import Option

from briefing.tui.data import StorylineListRow
from briefing.tui.widgets.lists import NavList

# The picker's answer for "a new storyline" (storyline ids start at 1).
NEW_STORYLINE = 0
# Options laid out at once; the search reaches every storyline.
MAX_SHOWN = 200


def _prompt(row: StorylineListRow) -> Text:
    """The label, and below it the article count and last update (as the storyline list)."""
    count = f"{row.articles} article" + ("" if row.articles == 1 else "s")
    details = count + (f" · {row.last_date}" if row.last_date else "")
    return Text.assemble(Text(row.label), ("\n  " + details, "dim"))


class PickerList(NavList):
    """The storylines to pick from; `/` goes back to the search."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="picker-search", show=False),
        Binding("enter", "select", "Pick", id="picker-pick", show=False),
    ]

    def action_search(self) -> None:
        self.screen.query_one("#picker-search", Input).focus()


class StorylinePicker(ModalScreen[int | None]):
    """Type to search the labels; Up/Down (or Tab, then j/k) choose; Enter picks; Escape
    clears the search, then cancels. Returns a storyline id, NEW_STORYLINE, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Clear search, then cancel", id="picker-cancel"),
        Binding("q", "close", "Back", id="close", show=False),  # typed text while searching
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(
        self,
        title: str,
        rows: Sequence[StorylineListRow],
        *,
        exclude: Sequence[int] = (),
        offer_new: bool = False,
        verb: str = "picks",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.rows = [r for r in rows if r.id not in set(exclude)]
        self.offer_new = offer_new
        self.verb = verb
        self.shown: list[int] = []  # the storyline id of each option

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Label(
                Text(
                    f"Type to search · ↑↓ choose · Enter {self.verb} · Escape cancels",
                    style="dim",
                ),
                classes="dialog-help",
            )
            yield Input(placeholder="part of a label", id="picker-search")
            yield PickerList(id="picker-list")

    def on_mount(self) -> None:
        field = self.query_one("#picker-search", Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()
        self._fill("")

    def _fill(self, query: str) -> None:
        words = query.casefold().split()
        matching = [r for r in self.rows if all(w in r.label.casefold() for w in words)]
        options: list[Option] = []
        self.shown = []
        if self.offer_new:
            options.append(Option(Text("+ a new storyline", style="italic"), id="new"))
            self.shown.append(NEW_STORYLINE)
        for row in matching[:MAX_SHOWN]:
            options.append(Option(_prompt(row), id=str(row.id)))
            self.shown.append(row.id)
        if len(matching) > MAX_SHOWN:
            more = len(matching) - MAX_SHOWN
            options.append(
                Option(Text(f"… {more:,} more: type to narrow", style="dim"), disabled=True)
            )
        if not matching:
            options.append(Option(Text("no storyline matches", style="dim italic"), disabled=True))
        listing = self.query_one(PickerList)
        listing.set_options(options)
        # With a search typed, the first match (not "a new storyline") is the likely choice.
        first = 1 if self.offer_new and words and matching else 0
        listing.highlighted = first if self.shown else None

    @property
    def choice(self) -> int | None:
        index = self.query_one(PickerList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    @on(Input.Changed, "#picker-search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-search")
    def _submitted(self) -> None:
        self._pick()

    @on(NavList.OptionSelected, "#picker-list")
    def _selected(self, event: NavList.OptionSelected) -> None:
        event.stop()
        self._pick()

    def _pick(self) -> None:
        choice = self.choice
        if choice is None:
            self.notify("No storyline chosen: type part of a label.", severity="warning")
            return
        self.dismiss(choice)

    def action_move(self, step: int) -> None:
        listing = self.query_one(PickerList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        field = self.query_one("#picker-search", Input)
        if field.value:
            field.value = ""
            field.focus()
            return
        self.dismiss(None)
