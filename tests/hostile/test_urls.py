"""URLs: only http and https feeds are fetched, and opening an article only ever hands an
http(s) link to the browser."""

from __future__ import annotations

import asyncio
import shlex
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_support import HostileServer

from briefing.cli import cli
from briefing.ingest.discover import feed_links
from briefing.ingest.opml import read_subscriptions
from briefing.ingest.refresh import refresh_feeds
from briefing.store import open_library
from briefing.store.articles import list_articles
from briefing.store.feeds import add_feed, list_feeds

NOT_HTTP = [
    "file:///etc/passwd",
    "ftp://127.0.0.1/feed.xml",
    "javascript:alert(1)",
    "data:application/rss+xml,<rss version='2.0'/>",
    "gopher://127.0.0.1/",
    "/etc/passwd",
    "feed.xml",
]


@pytest.mark.parametrize("url", NOT_HTTP)
def test_add_refuses_anything_but_http(url: str, tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "add", url])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: "), result.output
    assert "Traceback" not in result.output and "root:" not in result.output
    with open_library(db) as library:
        assert list_feeds(library) == []


def test_add_through_a_redirect_to_javascript_is_one_clear_error(
    server: HostileServer, tmp_path: Path
) -> None:
    def answer(handler) -> None:  # type: ignore[no-untyped-def]
        handler.send_response(302)
        handler.send_header("Location", "javascript:alert(1)")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    url = server.route("/go", answer)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "library.db"), "add", url])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.output.strip() == (
        f"briefing: the server at 127.0.0.1:{server.port} redirects to an address that is not "
        "valid: check the URL"
    ), result.output


def test_a_stored_non_http_feed_is_never_read(tmp_path: Path) -> None:
    """A subscription that got into the library some other way is still not fetched."""
    secret = tmp_path / "secret.xml"
    secret.write_text(
        '<rss version="2.0"><channel><title>Local</title><item><guid>1</guid>'
        "<title>SECRET-LOCAL-FILE</title></item></channel></rss>",
        encoding="utf-8",
    )
    with open_library(tmp_path / "library.db") as library:
        for url in (secret.as_uri(), "ftp://127.0.0.1/x", "javascript:alert(1)"):
            add_feed(library, url)
        report = refresh_feeds(library, full_text=False)
        assert report.errors == 3
        assert [r.error for r in report.results] == [
            f"only http and https feeds can be read, not file: {secret.as_uri()}",
            "only http and https feeds can be read, not ftp: ftp://127.0.0.1/x",
            "only http and https feeds can be read, not javascript: javascript:alert(1)",
        ]
        assert list_articles(library) == []


def test_discovery_and_opml_keep_only_http_feeds() -> None:
    page = (
        "<html><head>"
        '<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        '<link rel="alternate" type="application/atom+xml" href="ftp://example.org/a.xml">'
        '<link rel="alternate" type="application/rss+xml" href="/real.xml">'
        "</head><body></body></html>"
    )
    assert feed_links(page, "https://example.org/") == ["https://example.org/real.xml"]
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><body>'
        b'<outline type="rss" text="a" xmlUrl="file:///etc/passwd"/>'
        b'<outline type="rss" text="b" xmlUrl="javascript:alert(1)"/>'
        b'<outline type="rss" text="c" xmlUrl="https://example.org/c.xml"/>'
        b"</body></opml>"
    )
    skipped: list[str] = []
    found = read_subscriptions(opml, skipped)
    assert [s.url for s in found] == ["https://example.org/c.xml"]
    assert len(skipped) == 2


# -- opening an article --------------------------------------------------------------------


def test_is_web_link() -> None:
    from briefing.tui.screens.reader import is_web_link

    assert is_web_link("https://example.org/story")
    assert is_web_link("http://example.org/")
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "ftp://example.org/",
        "http:/no-host",
        "https://",
        "",
        "//example.org/protocol-relative",
    ]:
        assert not is_web_link(url), url


def _library_with_links(path: Path, links: list[str]) -> Path:
    with open_library(path) as library:
        feed = add_feed(library, "https://example.org/feed.xml", title="Example")
    with sqlite3.connect(path) as conn:
        for i, link in enumerate(links):
            conn.execute(
                "INSERT INTO articles (feed_id, link, title, text, dedupe_key, fetched_at, "
                "published) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    feed.id,
                    link,
                    f"Article {i}",
                    f"Text of article {i}.",
                    f"k{i}",
                    "2026-03-01T00:00:00+00:00",
                    f"2026-03-{10 - i:02d}T00:00:00+00:00",
                ],
            )
    return path


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        await pilot.pause(0.02)
        if not any(w.is_running for w in pilot.app.workers):
            await pilot.pause(0.02)
            return


async def test_reader_opens_only_http_links(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from briefing.config import Settings
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.reader import ReaderScreen

    links = [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "https://example.org/real-story",
    ]
    db = _library_with_links(tmp_path / "library.db", links)
    # The browser: a real program that notes each link it is handed.
    log = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(
        f"import sys\nwith open({str(log)!r}, 'a') as f:\n    f.write(sys.argv[1] + '\\n')\n",
        encoding="utf-8",
    )
    browser = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} %u"
    app = BriefingApp(db, settings=Settings(browser=browser), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("2")
        await _settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(links)
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await pilot.press("enter")
            await _settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            # Both the key and the action itself (as the command palette would run it).
            await pilot.press("o")
            await app.screen.run_action("open_link")
            await _settle(pilot)
            await pilot.press("escape")
            await _settle(pilot)
        await asyncio.sleep(0)
    # The http link was opened (twice: key and action); nothing else ever was.
    opened = log.read_text().split("\n")[:-1] if log.exists() else []
    assert opened == ["https://example.org/real-story"] * 2, opened


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd"])
async def test_tui_add_feed_refuses_non_http(tmp_path: Path, url: str) -> None:
    from textual.widgets import Input, Label

    from briefing.config import Settings
    from briefing.tui.app import BriefingApp

    db = _library_with_links(tmp_path / "library.db", ["https://example.org/x"])
    app = BriefingApp(db, settings=Settings(), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("a")
        await _settle(pilot)
        field = app.screen.query_one("#feed-url", Input)
        field.value = url
        await pilot.press("enter")
        await _settle(pilot)
        error = str(app.screen.query_one("#add-error", Label).render())
        assert "not a URL" in error or "http" in error, error
        assert "root:" not in error
    with open_library(db) as library:
        assert [f.url for f in list_feeds(library)] == ["https://example.org/feed.xml"]
