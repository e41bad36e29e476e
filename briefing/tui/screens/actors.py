"""Choosing the actors that filter the columns (and that compare mode lays side by side)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from briefing.tui.data import ActorInfo


class ActorChooser(ModalScreen[list[str] | None]):
    """Space toggles an actor; Enter applies the choice; Escape leaves it unchanged."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply", id="actors-apply", priority=True),
        Binding("escape", "cancel", "Cancel", id="actors-cancel"),
        Binding("j", "move(1)", "Down", id="vim-down", show=False),
        Binding("k", "move(-1)", "Up", id="vim-up", show=False),
    ]

    def __init__(
        self,
        actors: Sequence[ActorInfo],
        chosen: Sequence[str],
        statements: dict[str, int] | None = None,
    ) -> None:
        super().__init__()
        self.statements = statements or {}
        # Actors with quotes or red lines first: those are the ones worth comparing.
        self.actors = sorted(
            actors, key=lambda a: (self.statements.get(a.name, 0) == 0, -a.mentions, a.name)
        )
        self.chosen = set(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(id="actor-dialog", classes="dialog"):
            yield Label("Choose actors", classes="dialog-title")
            yield Label(
                Text("Space toggles · Enter applies · Escape cancels", style="dim"),
                classes="dialog-help",
            )
            yield SelectionList[str](
                *(
                    Selection(
                        Text.assemble(a.name, (self._detail(a), "dim")),
                        a.name,
                        a.name in self.chosen,
                    )
                    for a in self.actors
                ),
                id="actor-list",
            )

    def _detail(self, actor: ActorInfo) -> str:
        said = self.statements.get(actor.name, 0)
        parts = [f"{actor.mentions} mentions"] if actor.mentions else []
        if said:
            parts.append(f"{said} quotes and red lines")
        return ("  " + " · ".join(parts)) if parts else ""

    def action_apply(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        listing = self.query_one(SelectionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()
