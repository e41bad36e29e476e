"""`briefing` with no arguments: the user's library, or the demo until there is a feed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_helpers import prompts, settle

from briefing.config import demo_library_path
from briefing.store import open_library
from briefing.store.feeds import add_feed
from briefing.tui.app import BriefingApp, library_to_open
from briefing.tui.screens.add_feed import AddFeedScreen


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path


def test_explicit_or_non_empty_library_is_opened_as_is(data_home: Path) -> None:
    empty = data_home / "empty.db"
    assert library_to_open(empty, explicit_db=True) == (empty, False)
    mine = data_home / "mine.db"
    with open_library(mine) as library:
        add_feed(library, "https://example.org/feed.xml")
    assert library_to_open(mine, explicit_db=False) == (mine, False)
    assert not demo_library_path().exists()


def test_no_feeds_opens_the_demo_with_an_invitation(data_home: Path, slow_feeds) -> None:
    # Building the demo runs its own event loop (the real subscribe and refresh path),
    # so this test is synchronous and drives the app with asyncio.run.
    user = data_home / "user.db"
    path, demo = library_to_open(user, explicit_db=False)
    assert demo and path == demo_library_path() and path != user
    with open_library(user) as library:  # nothing of the demo leaks into the user's library
        assert library.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    slow_feeds.delay = 0
    feed_url = slow_feeds.url(next(iter(slow_feeds.documents)))
    asyncio.run(_demo_app_invites_to_add_a_feed(path, user, feed_url))


async def _demo_app_invites_to_add_a_feed(path: Path, user: Path, feed_url: str) -> None:
    app = BriefingApp(path, demo=True, user_db_path=user, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, timeout=30)
        banner = app.screen.query_one("DemoBanner")
        assert banner.display and "add your first real feed" in str(banner.render())
        assert len(prompts(app, "#storylines")) >= 8
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddFeedScreen)
        assert app.screen.db_path == user  # a feed added from the demo goes to the user's library
        app.screen.query_one("#feed-url", Input).value = feed_url
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")  # the first real feed: the reader moves to the user's library
        await settle(pilot, timeout=60)
        assert app.db_path == user and not app.demo
        assert not app.screen.query_one("DemoBanner").display
        storylines = prompts(app, "#storylines")
        assert storylines, "the new feed's articles were fetched and grouped"
    with open_library(user) as library:
        assert library.db.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    with open_library(path) as library:  # and nothing of it went into the demo library
        urls = [r[0] for r in library.db.execute("SELECT url FROM feeds")]
    assert feed_url not in urls
