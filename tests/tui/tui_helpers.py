"""Helpers shared by the TUI tests."""

from __future__ import annotations

import asyncio

from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.worker import WorkerState

from briefing.tui.app import BriefingApp
from briefing.tui.widgets.panes import ItemColumn, StorylinePane


async def settle(pilot: Pilot[None], timeout: float = 10.0, ignore: tuple[str, ...] = ()) -> None:
    """Let workers finish and their messages land (workers of `ignore` groups may run on)."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    quiet = 0
    while quiet < 3 and loop.time() < deadline:
        await pilot.pause(0.01)
        busy = any(
            w.state in (WorkerState.PENDING, WorkerState.RUNNING) and w.group not in ignore
            for w in app.workers
        )
        quiet = 0 if busy else quiet + 1


def prompts(app: BriefingApp, selector: str) -> list[str]:
    listing = app.screen.query_one(selector, OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def column_texts(app: BriefingApp, column_id: str) -> list[str]:
    column = app.screen.query_one(f"#{column_id}", ItemColumn)
    listing = column.list
    return [
        str(listing.get_option_at_index(i).prompt)
        for i in range(listing.option_count)
        if listing.get_option_at_index(i).id is not None
    ]


def current_label(app: BriefingApp) -> str:
    row = app.screen.query_one(StorylinePane).current
    assert row is not None
    return row.label


def feed_table(app: BriefingApp) -> list[dict[str, str]]:
    """The Feeds screen's rows, each cell by its column's key (status, title, unread, …)."""
    from textual.widgets import DataTable

    table = app.screen.query_one("#feed-table", DataTable)
    keys = [str(column.key.value) for column in table.ordered_columns]
    return [
        dict(zip(keys, (str(cell) for cell in table.get_row_at(i)), strict=True))
        for i in range(table.row_count)
    ]
