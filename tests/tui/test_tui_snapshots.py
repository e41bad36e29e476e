"""Snapshots of every screen at 80×24 and 160×48 on the fixed-date fixture library.

Update with `pytest tests/tui/test_tui_snapshots.py --snapshot-update` after reading the
diff report, never blindly.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from tui_helpers import settle

from briefing.tui.screens.reader import ReaderScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


def keys(*pressed: str) -> Callable[[Pilot[None]], object]:
    """Wait for the library to load, press keys one at a time, let each land."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        if isinstance(pilot.app.screen, ReaderScreen):
            while not pilot.app.screen.positioned:
                await pilot.pause(0.01)
        await pilot.pause(0.1)

    return run


SCREENS = {
    "main": keys(),
    "main_next_column": keys("right_square_bracket"),
    "main_next_new": keys("n", "n", "S"),
    "main_compare": keys("f", "space", "down", "space", "enter", "c"),
    # into the columns, on to the quotes (a tab on a narrow screen), open the first quote
    "reader": keys("enter", "right_square_bracket", "enter"),
    "articles": keys("2"),
    "articles_search": keys("2", "slash", "g", "e", "n", "e", "v", "a"),
    "feeds": keys("3"),
    "help": keys("question_mark"),
    "add_feed": keys("a", "n", "o", "t", "enter"),
    "filter": keys("slash", "n", "e", "v", "a"),
    "merge_picker": keys("M"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_screen_snapshot(snap_compare, make_app, screen: str, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=SCREENS[screen])
