"""The main screen under Pilot: storylines left, three columns right, every key."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Label, OptionList

from briefing.tui.app import BriefingApp
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.panes import ItemColumn, StorylinePane


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their messages land."""
    app = pilot.app
    for _ in range(5):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


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


async def test_storylines_most_recent_first_with_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        labels = prompts(app, "#storylines")
        assert len(labels) == 3
        assert "Rotterdam port strike" in labels[0] and "2 new" in labels[0]
        assert "Geneva peace talks" in labels[1] and "●" not in labels[1]
        title = app.screen.query_one("#briefing-title", Label)
        assert str(title.render()) == "Rotterdam port strike"
        timeline = column_texts(app, "timeline")
        assert [t.split("\n")[0] for t in timeline] == ["2026-03-16", "2026-03-18"]
        quotes = column_texts(app, "quotes")
        assert any("We will not accept a pay freeze." in q for q in quotes)
        red = column_texts(app, "red-lines")
        assert any("only if the strike ended first" in r for r in red)
