"""Crashes: `briefing refresh` killed with SIGKILL at random moments loses nothing and
leaves a sound library; a full disk and a read-only library give one clear error."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_support import HostileServer, run_briefing, subprocess_env

from briefing.cli import cli
from briefing.store import open_library
from briefing.store.articles import catch_up_search_index
from briefing.store.feeds import add_feed

FEEDS = 8  # below the count from which refresh parses in worker processes
ITEMS = 6
KILLS = 20


def _churning_feed(server: HostileServer, path: str, delay: float = 0.0) -> str:
    """A feed whose every fetch brings new items, answered after `delay` seconds."""
    state = {"generation": 0}

    def answer(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(delay)
        state["generation"] += 1
        g = state["generation"]
        items = "".join(
            f"<item><guid isPermaLink='false'>{path}-{g}-{i}</guid>"
            f"<title>Story {g}.{i} from {path}</title><link>http://example.org{path}/{g}/{i}</link>"
            f"<description>Officials in town {i} said on Monday that the {path[1:-4]} talks, "
            f"round {g}, would resume. {'Words of the story, told at length. ' * 10}"
            "</description></item>"
            for i in range(ITEMS)
        )
        body = (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Feed {path}</title><link>http://example.org/</link>{items}"
            "</channel></rss>"
        ).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return server.route(path, answer)


def _keys(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT dedupe_key FROM articles")}


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    # Articles stored by a refresh killed before its search-index pass are still pending:
    # catch up as the next refresh or search would, then the index must match the articles.
    with open_library(db) as library:
        catch_up_search_index(library)
    with sqlite3.connect(db) as conn:
        fts = conn.execute(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
        )
        del fts
    return "; ".join(str(r[0]) for r in rows)


def test_sigkill_at_random_moments_loses_nothing(server: HostileServer, tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with open_library(db) as library:
        for n in range(FEEDS):
            # Staggered answers spread the feeds' writes over the run, between the fetches.
            url = _churning_feed(server, f"/feed{n}.xml", delay=0.04 * n)
            add_feed(library, url, full_text=False)
    started = time.monotonic()
    # The whole command as cron runs it: fetch, store, then analyse and group (digest).
    first = run_briefing(["refresh", "--no-full-text"], db, tmp_path)
    # Each later refresh does the same work (every feed brings ITEMS new entries).
    duration = time.monotonic() - started
    assert first.returncode == 0, first.stderr
    known = _keys(db)
    assert len(known) == FEEDS * ITEMS

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    killed_while_running = partial = 0
    for kill in range(KILLS):
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "refresh", "--no-full-text"],
            env=subprocess_env(db, tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
        )
        # Anywhere from start-up through fetching and the per-feed writes.
        time.sleep(rng.uniform(0.05, 0.9) * duration)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed_while_running += 1
            process.communicate(timeout=30)
        else:  # it finished first: then it must have succeeded
            _, err = process.communicate(timeout=30)
            assert process.returncode == 0, f"kill {kill} (seed {seed}): {err.decode()}"
        assert _integrity(db) == "ok", f"kill {kill} (seed {seed})"
        now = _keys(db)
        lost = known - now
        assert not lost, f"kill {kill} (seed {seed}) lost {len(lost)} articles"
        # Some feeds written and not others: the kill landed between two feeds' writes.
        partial += 0 < len(now - known) < FEEDS * ITEMS
        known = now
    assert killed_while_running >= KILLS // 2, "most kills must land while refresh runs"
    print(f"seed {seed}: {killed_while_running} kills mid-refresh, {partial} between feeds")
    # And the library still works: a refresh to the end, then the listing.
    final = run_briefing(["refresh", "--no-full-text"], db, tmp_path)
    assert final.returncode == 0, final.stderr
    assert known <= _keys(db)
    # The digest carried on where each killed one stopped: every article has its place.
    with sqlite3.connect(db) as conn:
        ungrouped = conn.execute(
            "SELECT count(*) FROM articles WHERE storyline_id IS NULL"
        ).fetchone()[0]
    assert ungrouped == 0


# -- a full disk and a read-only library ---------------------------------------------------


def _one_clear_line(output: str) -> None:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    assert "Traceback" not in output, output
    assert lines and lines[-1].startswith("briefing: "), output


@pytest.fixture
def subscribed(server: HostileServer, tmp_path: Path) -> Path:
    db = tmp_path / "library.db"
    with open_library(db) as library:
        for n in range(3):
            add_feed(library, _churning_feed(server, f"/f{n}.xml"), full_text=False)
    return db


@pytest.mark.parametrize("command", [["refresh", "--no-full-text"], ["digest"]], ids=" ".join)
def test_full_disk_is_one_clear_error(
    subscribed: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """The library may not grow by a single page: SQLite reports the disk as full."""
    import briefing.store as store

    for _ in range(4):  # enough waiting for the digest that its records need new pages
        stored = CliRunner().invoke(
            cli, ["--db", str(subscribed), "refresh", "--no-full-text", "--no-digest"]
        )
        assert stored.exit_code == 0, stored.output

    real_open = store.open_library

    def open_full(path, **kwargs):  # type: ignore[no-untyped-def]
        library = real_open(path, **kwargs)
        library.db.execute("VACUUM")  # no free pages inside the file either
        pages = library.db.execute("PRAGMA page_count").fetchone()[0]
        library.db.execute(f"PRAGMA max_page_count = {pages}")
        return library

    monkeypatch.setattr(store, "open_library", open_full)
    before = _keys(subscribed)
    assert before
    result = CliRunner().invoke(cli, ["--db", str(subscribed), *command])
    assert result.exit_code != 0, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    _one_clear_line(result.output)
    assert "full" in result.output.lower(), result.output
    assert _integrity(subscribed) == "ok"
    assert before <= _keys(subscribed)


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv (util-linux)")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_library_is_one_clear_error(
    subscribed: Path, tmp_path: Path, what: str, server: HostileServer
) -> None:
    new_feed = _churning_feed(server, "/new.xml")
    run_briefing(["refresh", "--no-full-text", "--no-digest"], subscribed, tmp_path)
    before = _keys(subscribed)
    for extra in tmp_path.glob("library.db-*"):
        extra.unlink()
    os.chmod(subscribed, 0o444)
    if what == "folder":
        os.chmod(tmp_path, 0o555)
    # Root may write anything: the command runs without the capability that allows it.
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    try:
        for args in (["refresh", "--no-full-text"], ["add", new_feed]):
            done = subprocess.run(
                [*drop, sys.executable, "-m", "briefing", *args],
                env=subprocess_env(subscribed, tmp_path),
                capture_output=True,
                timeout=60,
                cwd="/",
            )
            output = (done.stdout + done.stderr).decode("utf-8", "replace")
            assert done.returncode != 0, output
            _one_clear_line(output)
            assert "library" in output and "readonly" in output.replace("-", ""), output
    finally:
        os.chmod(tmp_path, 0o755)
        os.chmod(subscribed, 0o644)
    assert _integrity(subscribed) == "ok"
    assert _keys(subscribed) == before


def test_a_killed_digest_does_not_block_the_next(subscribed: Path, tmp_path: Path) -> None:
    """The digest lock of a process that died is free at once, not after it goes stale."""
    from briefing.digest import digest

    stored = run_briefing(["refresh", "--no-full-text", "--no-digest"], subscribed, tmp_path)
    assert stored.returncode == 0, stored.stderr
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    dead_pid = int(gone.stdout)  # a process that has exited (and been reaped)
    with sqlite3.connect(subscribed) as conn:
        conn.execute(
            "INSERT INTO grouper_meta (key, value) VALUES ('digest_lock', ?)",
            [f"{time.time():.3f} {dead_pid}-1-1"],
        )
    with open_library(subscribed) as library:
        report = digest(library)
    assert not getattr(report, "busy", False)
    assert report.analysed > 0
