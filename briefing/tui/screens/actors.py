"""Choosing the actors that filter the columns (and that compare mode lays side by side).

A country or an organisation is listed with the people who speak for it indented beneath
("  Dmitry Peskov (Russia)"): choosing it includes them. Typing searches the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from briefing.tui.data import ActorInfo

HELP = (
    "Type to search · Space toggles · Ctrl+N chooses none · Enter applies · Escape clears the"
    " search, then cancels"
)


def plural(count: int, word: str) -> str:
    """ "1 mention", "2 mentions"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class ActorChooser(ModalScreen[list[str] | None]):
    """Space toggles an actor; Enter applies the choice; Escape leaves it unchanged."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply", id="actors-apply", priority=True),
        Binding("escape", "cancel", "Cancel", id="actors-cancel"),
        Binding("ctrl+n", "choose_none", "Choose none", id="actors-none"),
    ]

    def __init__(
        self,
        actors: Sequence[ActorInfo],
        chosen: Sequence[str],
        statements: dict[str, int] | None = None,
    ) -> None:
        super().__init__()
        self.statements = statements or {}
        self.actors = _grouped(actors, self.statements)
        self.chosen = set(chosen)
        self.search = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="actor-dialog", classes="dialog"):
            yield Label("Choose actors", classes="dialog-title")
            yield Label(Text(HELP, style="dim"), classes="dialog-help")
            yield Label("", id="actor-search")
            yield SelectionList[str](*self._options(), id="actor-list")
            yield Label("", id="actor-chosen")

    def on_mount(self) -> None:
        self._show_state()

    def _options(self) -> list[Selection[str]]:
        words = self.search.casefold().split()
        return [
            Selection(self._prompt(a, member), a.name, a.name in self.chosen)
            for a, member in self.actors
            if all(w in f"{a.name} {a.side or ''}".casefold() for w in words)
        ]

    def _prompt(self, actor: ActorInfo, member: bool) -> Text:
        text = Text("  " if member else "")
        text.append(actor.name)  # feed text: appended as plain text, never markup
        if actor.side:
            text.append(f" ({actor.side})", style="italic")
        return text.append(self._detail(actor), style="dim")

    def _detail(self, actor: ActorInfo) -> str:
        said = self.statements.get(actor.name, 0)
        parts = [plural(actor.mentions, "mention")] if actor.mentions else []
        if said:
            parts.append(f"{said} {'quote or red line' if said == 1 else 'quotes and red lines'}")
        return ("  " + " · ".join(parts)) if parts else ""

    def _show_state(self) -> None:
        search = Text("Search: ", style="dim").append(self.search or "type a name")
        self.query_one("#actor-search", Label).update(search)
        names = [a.name for a, _ in self.actors if a.name in self.chosen]
        chosen = Text("Chosen: ", style="dim")
        chosen.append(", ".join(names) if names else "none (all actors shown)", style="bold")
        self.query_one("#actor-chosen", Label).update(chosen)

    def _refill(self) -> None:
        listing = self.query_one(SelectionList)
        listing.clear_options()
        listing.add_options(self._options())
        if listing.option_count:
            listing.highlighted = 0  # Space takes the first match
        self._show_state()

    @on(SelectionList.SelectedChanged)
    def _selection_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        listing = event.selection_list
        shown = {listing.get_option_at_index(i).value for i in range(listing.option_count)}
        self.chosen = (self.chosen - shown) | set(listing.selected)
        self._show_state()

    def on_key(self, event: events.Key) -> None:
        if event.key == "backspace" and self.search:
            self.search = self.search[:-1]
        elif event.is_printable and event.character and event.character != " ":
            self.search += event.character
        else:
            return
        event.stop()
        event.prevent_default()
        self._refill()

    def action_apply(self) -> None:
        self.dismiss([a.name for a, _ in self.actors if a.name in self.chosen])

    def action_cancel(self) -> None:
        if self.search:
            self.search = ""
            self._refill()
            return
        self.dismiss(None)

    def action_choose_none(self) -> None:
        self.chosen = set()
        self._refill()


def _grouped(
    actors: Sequence[ActorInfo], statements: dict[str, int]
) -> list[tuple[ActorInfo, bool]]:
    """Actors with quotes or red lines first (those are worth comparing), each country or
    organisation followed by the people who speak for it (True: listed under their side)."""
    order = sorted(actors, key=lambda a: (statements.get(a.name, 0) == 0, -a.mentions, a.name))
    names = {a.name for a in order}
    out: list[tuple[ActorInfo, bool]] = []
    for actor in order:
        if actor.side in names and actor.side != actor.name:
            continue  # listed under its side
        out.append((actor, False))
        out.extend((a, True) for a in order if a.side == actor.name and a.name != actor.name)
    return out
