"""The footer: the keys that matter first, and only those that fit whole."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

# Below this width the keys are drawn compact (one space less around each).
COMPACT_BELOW = 100
# The command palette's key, docked right: "^p palette" with its border and padding.
PALETTE_WIDTH = {False: 14, True: 12}  # by compactness


class KeyFooter(Footer):
    """A Footer that shows the screen's keys in the order its FOOTER_ORDER (binding ids)
    gives, the rest after them in binding order, and leaves out the keys that would not fit
    whole rather than cutting the line in the middle of one (the `?` screen lists them all)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._laid_out_for = 0
        self._shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        # The screen asks after every move (the shown keys may depend on the row); composing
        # the keys anew lays out the whole screen again: only when what they show changed.
        if screen is self.screen and self._bindings_ready and screen.app.app_focus:
            shown = tuple(
                (key, active.binding.description, active.binding.key_display, active.enabled)
                for key, active in screen.active_bindings.items()
                if active.binding.show
            )
            if shown == self._shown:
                return
            self._shown = shown
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        width = self.size.width or self.app.size.width
        self._laid_out_for = width
        self.compact = width < COMPACT_BELOW
        widgets = list(super().compose())
        if not widgets:
            return  # the bindings are not ready yet
        keys = [w for w in widgets if hasattr(w, "key_display") and not _is_palette(w)]
        others = [w for w in widgets if w not in keys]
        palette = any(_is_palette(w) for w in others)
        room = width - (PALETTE_WIDTH[self.compact] if palette else 0)
        yield from self._fitting(self._ordered(keys), room)
        yield from others

    def _ordered(self, keys: list[Widget]) -> list[Widget]:
        order: Iterable[str] = getattr(self.screen, "FOOTER_ORDER", ())
        rank = {binding_id: index for index, binding_id in enumerate(order)}
        active = self.screen.active_bindings
        last = len(rank)

        def place(position: int) -> tuple[int, int]:
            shown = active.get(getattr(keys[position], "key", ""))
            binding_id = shown.binding.id if shown is not None else None
            return (rank.get(binding_id or "", last), position)

        return [keys[i] for i in sorted(range(len(keys)), key=place)]

    def _fitting(self, keys: list[Widget], room: int) -> list[Widget]:
        """The first keys that fit whole in `room` cells."""
        shown: list[Widget] = []
        used = 0
        for key in keys:
            # compact: "k desc" and a margin; else " k desc " with the key padded.
            label = getattr(key, "key_display", "") + getattr(key, "description", "")
            width = cell_len(label) + 2 + (not self.compact)
            if used + width > room:
                break  # strictly by importance: no lesser key in the place of this one
            used += width
            shown.append(key)
        return shown

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_for:
            self.refresh(recompose=True)


def _is_palette(widget: Widget) -> bool:
    return widget.has_class("-command-palette")
