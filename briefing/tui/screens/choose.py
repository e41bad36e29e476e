"""Small dialogs: pick one of a few rows, or type a file's path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label
from textual.widgets.option_list import Option

from briefing.tui.widgets.lists import NavList


class ChoiceScreen(ModalScreen[int | None]):
    """A titled list of rows: Enter picks one (its index), Escape picks none."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="choice-close"),
        Binding("q", "cancel", "Back", id="close", show=False),
    ]

    def __init__(
        self, title: Text, rows: Sequence[Text], *, footnote: Text | None = None, id: str = ""
    ) -> None:
        super().__init__(id=id or None)
        self.heading = title
        self.rows = list(rows)
        self.footnote = footnote

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog choice-dialog"):
            yield Label(self.heading, classes="dialog-title")
            options: list[Option | None] = []
            for index, row in enumerate(self.rows):
                if index:
                    options.append(None)
                options.append(Option(row, id=str(index)))
            yield NavList(*options, classes="choice-list")
            if self.footnote is not None:
                yield Label(self.footnote, classes="dialog-footnote")

    def on_mount(self) -> None:
        listing = self.query_one(NavList)
        listing.focus()
        if self.rows:
            listing.highlighted = 0

    @on(NavList.OptionSelected)
    def _chosen(self, event: NavList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathScreen(ModalScreen[None]):
    """Asks for a file's path; `act` (run in a worker thread) tries it and returns an error
    in words, or None when it is done (the dialog then closes). Errors stay in the dialog,
    for another try."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="path-cancel"),
        Binding("q", "cancel", "Back", id="close", show=False),
    ]

    def __init__(
        self, title: str, act: Callable[[str], str | None], *, value: str = "", hint: str = ""
    ) -> None:
        super().__init__(classes="path-screen")
        self.heading = title
        self.act = act
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.heading), classes="dialog-title")
            yield Input(value=self.value, placeholder="a file's path, ~ for your home folder")
            yield Label(Text(self.hint, style="dim"), classes="path-status")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        if not path:
            self._show("Type a file's path first.")
            return
        self.query_one(Input).disabled = True
        self.attempt(path)

    @work(thread=True, exclusive=True, group="path", exit_on_error=False)
    def attempt(self, path: str) -> None:
        try:
            error = self.act(path)
        except Exception as exc:  # shown in the dialog, in one line, rather than lost
            error = f"Something went wrong: {exc}"
        self.app.call_from_thread(self._attempted, error)

    def _attempted(self, error: str | None) -> None:
        if error is None:
            self.dismiss(None)
            return
        field = self.query_one(Input)
        field.disabled = False
        field.focus()
        self._show(error)

    def _show(self, message: str) -> None:
        self.query_one(".path-status", Label).update(Text(message, style="red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
