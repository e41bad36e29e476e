"""Lists and tables driven from the keyboard, with vim-style keys as secondary bindings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable, OptionList

RowT = TypeVar("RowT")


class NavList(OptionList):
    """An OptionList that also answers j/k and g/G."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", id="vim-down", show=False),
        Binding("k", "cursor_up", "Up", id="vim-up", show=False),
        Binding("g", "first", "First", id="first", show=False),
        Binding("G", "last", "Last", id="last", show=False),
    ]


class NavTable(DataTable[object]):
    """A row-cursor DataTable that also answers j/k and g/G."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", id="vim-down", show=False),
        Binding("k", "cursor_up", "Up", id="vim-up", show=False),
        Binding("g", "first_row", "First", id="first", show=False),
        Binding("G", "last_row", "Last", id="last", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def pick(self, rows: Sequence[RowT]) -> RowT | None:
        """The item of `rows` (the table's rows, in order) under the cursor, if any."""
        if 0 <= self.cursor_row < min(len(rows), self.row_count):
            return rows[self.cursor_row]
        return None
