"""The demo library: what `r` says there, how its feeds read; the palette lists each action once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual.widgets import DataTable
from tui_helpers import settle

from briefing.config import Settings
from briefing.demo import DEMO_SCHEME
from briefing.store import open_library
from briefing.store.feeds import list_feeds, set_disabled, update_feed
from briefing.tui.app import BriefingApp
from briefing.tui.screens.feeds import FeedsScreen


def _as_demo(library_path: Path) -> Path:
    """The test library with its feeds stored as the demo stores its own: demo://, switched off."""
    with open_library(library_path) as library:
        for n, feed in enumerate(list_feeds(library)):
            with library.db.atomic():
                update_feed(library, feed.id, url=f"{DEMO_SCHEME}outlet-{n}", last_error=None)
            set_disabled(library, feed.id, True)
    return library_path


def _notices(app: BriefingApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_r_in_the_demo_says_what_it_does(library_path: Path, tmp_path: Path) -> None:
    app = BriefingApp(
        _as_demo(library_path),
        settings=Settings(),
        demo=True,
        user_db_path=tmp_path / "mine.db",
        cursor_blink=False,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert app.refresh_state is None  # nothing was fetched
        (notice,) = _notices(app)
        assert "demo's feeds are built into briefing" in notice
        assert "Press a to add a real feed" in notice and "briefing add URL" in notice
        # The Feeds screen: every demo feed reads "demo", none "disabled"; u explains too.
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        table = app.screen.query_one(DataTable)
        statuses = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert statuses and set(statuses) == {"demo"}
        await pilot.press("u")
        await settle(pilot)
        assert len(_notices(app)) == 2 and app.refresh_state is None


async def test_a_switched_off_real_feed_still_reads_disabled(make_app, library_path) -> None:
    with open_library(library_path) as library:
        first = list_feeds(library)[0]
        set_disabled(library, first.id, True)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        statuses = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert "disabled" in statuses and "demo" not in statuses


async def test_the_palette_lists_each_action_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert [t for t, n in Counter(titles).items() if n > 1] == []
        # The app's own quit, theme switch and help stand; Textual's equivalents are gone.
        assert "app: quit" in titles and "theme: switch dark/light" in titles
        assert "help: keys" in titles
        assert not {"Quit", "Theme", "Keys"} & set(titles)
        lowered = [t.lower() for t in titles]
        assert sum("quit" in t for t in lowered) == 1
        assert sum("theme" in t for t in lowered) == 1
