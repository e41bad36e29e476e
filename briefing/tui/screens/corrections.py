"""The dialogs of the storyline corrections: a new label, and the articles to move or split."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from briefing.tui.corrections import StoryChoice
from briefing.tui.widgets.lists import NavList


def story_prompt(story: StoryChoice) -> Text:
    details = " · ".join(d for d in (story.date, ", ".join(story.outlets)) if d)
    return Text.assemble(Text(story.title or "(untitled)"), ("\n  " + details, "dim"))


class RenameDialog(ModalScreen[str | None]):
    """Enter keeps the label typed (empty: back to the automatic label); Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="rename-cancel"),
        Binding("q", "cancel", "Back", id="close", show=False),
    ]

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="rename-dialog", classes="dialog"):
            yield Label("Rename the storyline", classes="dialog-title")
            yield Label(
                Text(
                    "Enter keeps it · an empty label goes back to the automatic one"
                    " · Escape cancels",
                    style="dim",
                ),
                classes="dialog-help",
            )
            yield Input(value=self.label, id="rename-label")

    def on_mount(self) -> None:
        field = self.query_one("#rename-label", Input)
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        field.focus()

    @on(Input.Submitted, "#rename-label")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()))

    def action_cancel(self) -> None:
        self.dismiss(None)


class StoryPicker(ModalScreen[StoryChoice | None]):
    """One article of a storyline: j/k or arrows choose, Enter picks, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="story-cancel"),
        Binding("q", "cancel", "Back", id="close", show=False),
    ]

    def __init__(self, title: str, stories: Sequence[StoryChoice]) -> None:
        super().__init__()
        self.title_text = title
        self.stories = list(stories)

    def compose(self) -> ComposeResult:
        with Vertical(id="story-dialog", classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Label(
                Text("↑↓ or j/k choose · Enter picks · Escape cancels", style="dim"),
                classes="dialog-help",
            )
            yield NavList(
                *(Option(story_prompt(s), id=str(i)) for i, s in enumerate(self.stories)),
                id="story-list",
            )

    def on_mount(self) -> None:
        listing = self.query_one("#story-list", NavList)
        listing.highlighted = 0 if self.stories else None
        listing.focus()

    @on(NavList.OptionSelected, "#story-list")
    def _selected(self, event: NavList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.stories[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class SplitPicker(ModalScreen[list[StoryChoice] | None]):
    """The articles that leave for a new storyline: Space toggles, Enter splits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Split", id="split-apply", priority=True),
        Binding("escape", "cancel", "Cancel", id="split-cancel"),
        Binding("q", "cancel", "Back", id="close", show=False),
        Binding("j", "move(1)", "Down", id="vim-down", show=False),
        Binding("k", "move(-1)", "Up", id="vim-up", show=False),
        Binding("g", "end(False)", "First", id="first", show=False),
        Binding("G", "end(True)", "Last", id="last", show=False),
    ]

    def __init__(
        self, title: str, stories: Sequence[StoryChoice], chosen: Sequence[StoryChoice] = ()
    ) -> None:
        super().__init__()
        self.title_text = title
        self.stories = list(stories)
        self.chosen = list(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(id="split-dialog", classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Label(
                Text(
                    "Space marks an article to take out · Enter splits · Escape cancels",
                    style="dim",
                ),
                classes="dialog-help",
            )
            yield SelectionList[int](
                *(
                    Selection(story_prompt(s), i, s in self.chosen)
                    for i, s in enumerate(self.stories)
                ),
                id="split-list",
            )

    def on_mount(self) -> None:
        self.query_one("#split-list", SelectionList).focus()

    def action_apply(self) -> None:
        picked = sorted(self.query_one("#split-list", SelectionList).selected)
        if not picked:
            self.notify("Mark the articles to take out with Space first.", severity="warning")
            return
        if len(picked) == len(self.stories):
            self.notify("Leave at least one article in this storyline.", severity="warning")
            return
        self.dismiss([self.stories[i] for i in picked])

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_end(self, last: bool) -> None:
        listing = self.query_one("#split-list", SelectionList)
        if last:
            listing.action_last()
        else:
            listing.action_first()

    def action_move(self, step: int) -> None:
        listing = self.query_one("#split-list", SelectionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()
