"""Concurrent use: the TUI open on a library while `briefing refresh` runs in another
process (as from cron). Both work, nobody sees "database is locked", and the TUI shows the
new articles once it reloads."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from hostile_support import HostileServer, subprocess_env

from briefing.config import Settings
from briefing.store import open_library
from briefing.store.feeds import add_feed

FEEDS = 4
ITEMS = 8
SLOW_REFRESH_S = 1.0


def _growing_feed(server: HostileServer, path: str) -> str:
    """Each fetch lists ITEMS more entries than the last (the old ones stay)."""
    state = {"generation": 0}

    def answer(handler: BaseHTTPRequestHandler) -> None:
        state["generation"] += 1
        if state["generation"] > 1:
            # Later refreshes (the cron job's) take a while, as over a real network: the
            # user's actions in the reader must interleave with a refresh still in flight.
            time.sleep(SLOW_REFRESH_S)
        total = ITEMS * state["generation"]
        items = "".join(
            f"<item><guid isPermaLink='false'>{path}-{i}</guid><title>Report {i} {path}</title>"
            f"<link>http://example.org{path}/{i}</link><pubDate>Mon, 02 Mar 2026 "
            f"{i % 24:02d}:00:00 GMT</pubDate><description>The minister said on Monday that "
            f"talks would resume. Report number {i}.</description></item>"
            for i in range(total)
        )
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Outlet {path}</title><link>http://example.org/</link>{items}</channel></rss>"
        ).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return server.route(path, answer)


@pytest.fixture
def library(server: HostileServer, tmp_path: Path) -> Path:
    db = tmp_path / "library.db"
    with open_library(db) as lib:
        for n in range(FEEDS):
            add_feed(lib, _growing_feed(server, f"/outlet{n}.xml"), full_text=False)
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "refresh", "--no-full-text", "--no-digest"],
        env=subprocess_env(db, tmp_path),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return db


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


async def _settle(pilot, timeout: float = 15.0, ignore: tuple[str, ...] = ()) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app's workers are done (those of the `ignore` groups may run on)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    quiet = 0
    while quiet < 3 and loop.time() < deadline:
        await pilot.pause(0.02)
        busy = any(w.is_running and w.group not in ignore for w in pilot.app.workers)
        quiet = 0 if busy else quiet + 1


async def _start_cron_refresh(library: Path, tmp_path: Path) -> asyncio.subprocess.Process:
    """`briefing refresh` in a process of its own, as cron would run it."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "briefing",
        "refresh",
        "--no-full-text",
        env=subprocess_env(library, tmp_path),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


def _record_errors(app) -> list[str]:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("severity") == "error":
            errors.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return errors


async def test_tui_and_cron_refresh_work_side_by_side(library: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from briefing.tui.app import BriefingApp

    before = _count(library)
    app = BriefingApp(library, settings=Settings(), cursor_blink=False)
    errors = _record_errors(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("2")
        await _settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == before
        cron = await _start_cron_refresh(library, tmp_path)
        # Meanwhile the user reads, stars and marks articles: reads and writes of its own.
        rounds = 0
        while cron.returncode is None:
            table.move_cursor(row=rounds % max(1, table.row_count))
            await pilot.press("s")
            await pilot.press("m")
            # The star and the mark land; the reader's background digest of the library
            # (group "refresh", started at launch) may go on meanwhile.
            await _settle(pilot, ignore=("refresh",))
            rounds += 1
            try:
                await asyncio.wait_for(cron.wait(), timeout=0.05)
            except TimeoutError:
                pass
        out, err = await cron.communicate()
        assert cron.returncode == 0, err.decode()
        assert b"locked" not in out + err
        assert rounds >= 2, "the TUI worked while the refresh ran"
        after = _count(library)
        assert after == before + FEEDS * ITEMS
        # Leaving and reopening the list (or any reload) shows what cron brought.
        await pilot.press("escape")
        await pilot.press("2")
        await _settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == after
    assert errors == [], errors


async def test_tui_refresh_while_cron_refresh_runs(
    library: Path, tmp_path: Path, server: HostileServer
) -> None:
    """Two writers at once: the TUI's own refresh and the cron job's."""
    from briefing.tui.app import BriefingApp

    before = _count(library)
    app = BriefingApp(
        library,
        settings=Settings(fetch_full_text=False),
        cursor_blink=False,
        fetcher_options={"connect_timeout": 5.0, "read_timeout": 5.0, "deadline": 20.0},
    )
    errors = _record_errors(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        cron = await _start_cron_refresh(library, tmp_path)
        await pilot.pause(0.3)
        await pilot.press("r")
        await _settle(pilot, timeout=60)
        out, err = await cron.communicate()
        assert cron.returncode == 0, err.decode()
        assert b"locked" not in out + err
        assert app.refresh_state is None and app.last_refresh is not None
        assert app.last_refresh.errors == 0, app.last_refresh.messages
    assert errors == [], errors
    # Each refresh fetched every feed once and each fetch lists ITEMS more entries.
    assert _count(library) == before + 2 * FEEDS * ITEMS
    assert server.count("/outlet0.xml") == 3


def test_a_transaction_that_reads_first_waits_for_another_writer(tmp_path: Path) -> None:
    """The store's transactions take the write lock at BEGIN: a transaction that reads,
    then writes, never finds the library 'locked' because another process wrote between."""
    import threading

    from briefing.store.feeds import get_feed, set_disabled

    db = tmp_path / "library.db"
    first = open_library(db)
    feed = add_feed(first, "https://example.org/feed.xml")
    other_done = threading.Event()
    failures: list[BaseException] = []

    def other_writer() -> None:
        try:
            with open_library(db) as other:
                set_disabled(other, feed.id, True)
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)
        other_done.set()

    try:
        with first.db.atomic():
            first.db.execute("SELECT count(*) FROM feeds").fetchone()
            writer = threading.Thread(target=other_writer)
            writer.start()
            # The other writer must wait for this transaction, not slip in before its write.
            assert not other_done.wait(0.5)
            first.db.execute("UPDATE feeds SET title = 'mine' WHERE id = ?", [feed.id])
        writer.join(timeout=15)
        assert other_done.is_set() and failures == [], failures
        final = get_feed(first, feed.id)
        assert final is not None and final.title == "mine" and final.disabled
    finally:
        first.close()


async def test_tui_notices_a_cron_refresh_by_itself(library: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from briefing.tui.app import BriefingApp

    before = _count(library)
    app = BriefingApp(library, settings=Settings(), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("2")
        await _settle(pilot)
        assert app.screen.query_one(DataTable).row_count == before
        cron = await _start_cron_refresh(library, tmp_path)
        await cron.communicate()
        assert cron.returncode == 0
        after = _count(library)
        assert after > before
        # No key pressed: within a few seconds the list shows what cron brought.
        for _ in range(50):
            await pilot.pause(0.1)
            if app.screen.query_one(DataTable).row_count == after:
                break
        assert app.screen.query_one(DataTable).row_count == after
