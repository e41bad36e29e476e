"""Sides: choosing a country or an organisation includes the people who speak for it, in the
actor chooser (listed beneath it), the filtered columns and compare mode."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Label, SelectionList
from tui_helpers import current_label, prompts, settle

from briefing.demo import ensure_demo_library
from briefing.tui.app import BriefingApp
from briefing.tui.screens.actors import ActorChooser
from briefing.tui.widgets.panes import ItemColumn


def _options(app: BriefingApp) -> list[tuple[str, str]]:
    listing = app.screen.query_one("#actor-list", SelectionList)
    return [
        (str(listing.get_option_at_index(i).prompt), str(listing.get_option_at_index(i).value))
        for i in range(listing.option_count)
    ]


async def _choose(pilot, app: BriefingApp, name: str) -> None:  # type: ignore[no-untyped-def]
    """Search for the name, then move to it and toggle it."""
    await pilot.press(*name.lower())
    await pilot.pause()
    values = [value for _, value in _options(app)]
    listing = app.screen.query_one("#actor-list", SelectionList)
    listing.highlighted = values.index(name)
    await pilot.press("space")
    await pilot.press("escape")  # clears the search, keeps the choice
    await pilot.pause()


def _column(app: BriefingApp, title: str) -> list[str]:
    column = next(c for c in app.screen.query(ItemColumn) if c.title == title)
    listing = column.list
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def test_compare_ukraine_against_russia_on_the_demo(tmp_path: Path) -> None:
    # The demo is built through the real fetch and digest path, with its own event loop.
    path = tmp_path / "demo.db"
    ensure_demo_library(path)
    asyncio.run(_compare_sides(path, tmp_path / "mine.db"))


async def _compare_sides(path: Path, user: Path) -> None:
    app = BriefingApp(path, demo=True, user_db_path=user, cursor_blink=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, timeout=30)
        labels = prompts(app, "#storylines")
        target = next(i for i, label in enumerate(labels) if "Peskov" in label or "peace" in label)
        for _ in range(target):
            await pilot.press("down")
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ActorChooser)
        options = [prompt for prompt, _ in _options(app)]
        # the people who speak for Russia are listed beneath it, as such
        russia = next(i for i, p in enumerate(options) if p.startswith("Russia"))
        beneath = options[russia + 1 : russia + 4]
        assert any(p.startswith("  Dmitry Peskov (Russia)") for p in beneath), options
        assert any(p.startswith("  Vladimir Putin (Russia)") for p in options)
        assert not any(" 1 mentions" in p for p in options)
        await _choose(pilot, app, "Ukraine")
        await _choose(pilot, app, "Russia")
        chosen = str(app.screen.query_one("#actor-chosen", Label).render())
        assert "Ukraine" in chosen and "Russia" in chosen
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        titles = sorted(c.title for c in app.screen.query("#compare-columns ItemColumn"))
        assert titles == ["Russia", "Ukraine"], current_label(app)
        russia_rows = _column(app, "Russia")
        assert any(r.startswith("Dmitry Peskov") for r in russia_rows), russia_rows
        assert any(r.startswith("Vladimir Putin") for r in russia_rows), russia_rows
        ukraine_rows = _column(app, "Ukraine")
        assert any(r.startswith("Volodymyr Zelensky") for r in ukraine_rows), ukraine_rows
        assert not any(r.startswith(("Dmitry Peskov", "Vladimir Putin")) for r in ukraine_rows)


async def test_chooser_searches_as_you_type_and_chooses_none(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        everyone = _options(app)
        assert any("1 mention" in p for p, _ in everyone)
        assert not any("1 mentions" in p for p, _ in everyone)
        # letters that are keys elsewhere (r refreshes, s stars) only search here
        await pilot.press(*"vries")
        await pilot.pause()
        assert isinstance(app.screen, ActorChooser)
        assert "vries" in str(app.screen.query_one("#actor-search", Label).render())
        assert [v for _, v in _options(app)] == ["Anna de Vries"]
        await pilot.press("space")  # the first match is highlighted
        await pilot.pause()
        assert "Chosen: Anna de Vries" in str(app.screen.query_one("#actor-chosen").render())
        await pilot.press("escape")  # clears the search, keeps the choice
        await pilot.pause()
        assert isinstance(app.screen, ActorChooser) and len(_options(app)) == len(everyone)
        listing = app.screen.query_one("#actor-list", SelectionList)
        assert listing.selected == ["Anna de Vries"]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Chosen: none" in str(app.screen.query_one("#actor-chosen").render())
        assert listing.selected == []
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ActorChooser)
        assert "Anna de Vries" not in str(app.screen.query_one("#actor-bar").render())
