"""r refreshes in a background worker against real feeds on 127.0.0.1 while the user works."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, ProgressBar
from textual.worker import WorkerState
from tui_helpers import column_texts, current_label, feed_table, prompts, settle

from briefing.store import open_library
from briefing.store.feeds import add_feed
from briefing.tui.widgets.status import RefreshBar


def refresh_running(app) -> bool:
    return any(
        w.group == "refresh" and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
        for w in app.workers
    )


async def test_refresh_runs_in_the_background_and_new_items_appear(
    make_app, library_path: Path, slow_feeds
) -> None:
    slow_feeds.delay = 4.0  # long enough to still be running after two moves on a loaded machine
    with open_library(library_path) as library:
        before = library.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        for outlet_id in list(slow_feeds.documents)[:3]:
            add_feed(library, slow_feeds.url(outlet_id), title="")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(prompts(app, "#storylines")) == 3
        await pilot.press("r")
        await pilot.pause()
        bar = app.screen.query_one(RefreshBar)
        assert bar.has_class("-running") and bar.display
        assert bar.query_one(ProgressBar).display
        # the user keeps reading while the feeds are fetched
        await pilot.press("j")
        await settle(pilot, ignore=("refresh",))
        assert refresh_running(app), "the refresh finished before the user could navigate"
        assert current_label(app) == "Geneva peace talks"
        assert column_texts(app, "quotes")[0].startswith("The envoy")
        await pilot.press("k")
        await settle(pilot, ignore=("refresh",))
        assert current_label(app) == "Rotterdam port strike"
        assert refresh_running(app)
        # progress moves on as feeds finish
        await settle(pilot, timeout=60)
        assert not refresh_running(app)
        assert not bar.has_class("-running")
        # new storylines appeared without a restart, the user's place kept
        assert len(prompts(app, "#storylines")) > 3
        assert current_label(app) == "Rotterdam port strike"
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#article-table", DataTable)
        assert table.row_count > before
    assert slow_feeds.requests, "the refresh went to the server"
    with open_library(library_path) as library:
        after = library.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert after > before


async def test_u_refreshes_only_the_chosen_feed(make_app, library_path: Path, slow_feeds) -> None:
    slow_feeds.delay = 0
    outlets = list(slow_feeds.documents)[:2]
    urls = [slow_feeds.url(o) for o in outlets]
    with open_library(library_path) as library:
        for url in urls:
            add_feed(library, url, title="")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#feed-table", DataTable)

        def row_for(url: str) -> dict[str, str]:
            return next(r for r in feed_table(app) if r["detail"] == url)

        assert row_for(urls[0])["status"] == "new" and row_for(urls[0])["articles"] == "0"
        index = [r["detail"] for r in feed_table(app)].index(urls[0])
        table.move_cursor(row=index)
        await pilot.press("R")
        await settle(pilot, timeout=60)
        assert row_for(urls[0])["status"] == "ok" and int(row_for(urls[0])["articles"]) > 0
        assert row_for(urls[1])["status"] == "new" and row_for(urls[1])["articles"] == "0"
        assert slow_feeds.requests == ["/" + outlets[0]]  # only the chosen feed was fetched
        await pilot.press("1")  # back to the storylines
        await settle(pilot)
        assert app.screen.id == "main"
