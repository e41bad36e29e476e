"""Feed errors in words, under Pilot against real servers on 127.0.0.1: the add dialog says
what went wrong and what to do, the Feeds screen says the same after a refresh, a host typed
without a scheme is tried as https then http, and a page with nine feeds offers a choice."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, OptionList
from tui_helpers import settle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from feed_server import FeedServer  # noqa: E402
from trouble_servers import (  # noqa: E402
    HOME_PAGE,
    closed_port,
    failing_addresses,
    page_with_nine_feeds,
    rss,
    running,
)

from briefing.config import Settings  # noqa: E402
from briefing.store import open_library  # noqa: E402
from briefing.store.feeds import add_feed, list_feeds  # noqa: E402
from briefing.tui.app import BriefingApp  # noqa: E402
from briefing.tui.screens.add_feed import AddFeedScreen  # noqa: E402
from briefing.tui.screens.feeds import FeedsScreen  # noqa: E402

# Short limits, so that the timeout case is quick; the others answer at once.
FETCHER = {"connect_timeout": 3.0, "read_timeout": 0.5, "deadline": 10.0}


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def servers() -> Iterator[tuple[FeedServer, FeedServer]]:
    with running() as plain, running(tls=True) as tls:
        yield plain, tls


def _app(db: Path) -> BriefingApp:
    return BriefingApp(db, settings=Settings(), cursor_blink=False, fetcher_options=FETCHER)


async def _submit(app: BriefingApp, pilot, url: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Type `url` into the add dialog, press Enter; the error and result lines."""
    app.screen.query_one("#feed-url", Input).value = url
    await pilot.press("enter")
    await settle(pilot, timeout=30)
    error = str(app.screen.query_one("#add-error", Label).render())
    result = str(app.screen.query_one("#add-result", Label).render())
    return error, result


def _cases(plain: FeedServer, tls: FeedServer) -> dict[str, tuple[str, str]]:
    cases = failing_addresses(plain, tls, closed_port())
    plain.set("/slow.xml", rss("Slow"), delay=3.0)
    cases["timeout"] = (
        plain.url("/slow.xml"),
        f"the server at 127.0.0.1:{plain.port} timed out (it stopped sending for 0.5 s): "
        "try again later",
    )
    cases["ftp"] = (
        "ftp://example.org/feed.xml",
        "only http and https feeds can be read, not ftp: ftp://example.org/feed.xml",
    )
    return cases


async def test_each_failure_reads_in_words_in_the_dialog_and_on_the_feeds_screen(
    tmp_path: Path, servers: tuple[FeedServer, FeedServer]
) -> None:
    plain, tls = servers
    cases = _cases(plain, tls)
    db = tmp_path / "library.db"
    with open_library(db) as library:
        add_feed(library, plain.set("/ok.xml", rss("Working")))
    app = _app(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddFeedScreen)
        for case, (url, message) in cases.items():
            error, _ = await _submit(app, pilot, url)
            assert error == message, case
            assert "Errno" not in error and "_ssl.c" not in error and "HTTP" not in error[:8]
    # The same addresses as subscriptions (as an import would leave them): after a refresh
    # the Feeds screen shows each failure in the same words.
    with open_library(db) as library:
        for case, (url, _) in cases.items():
            if url.startswith("http"):
                add_feed(library, url, title=case)
    app = _app(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot, timeout=60)
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        table = app.screen.query_one(DataTable)
        keys = [column.key.value for column in table.ordered_columns]
        rows = [
            {key: str(cell) for key, cell in zip(keys, table.get_row_at(i), strict=True)}
            for i in range(table.row_count)
        ]
        by_title = {row["title"]: row for row in rows}
        for case, (url, message) in cases.items():
            if not url.startswith("http"):
                continue
            row = by_title[case]
            expected = ("disabled" if case == "410" else "error", message)
            assert (row["status"], row["detail"]) == expected, case
        assert by_title["Working"]["status"] == "ok"


async def test_a_host_without_a_scheme_is_tried_as_https_then_http(
    tmp_path: Path, servers: tuple[FeedServer, FeedServer]
) -> None:
    plain, _ = servers
    plain.set("/feed.xml", rss("Plain Times"))
    app = _app(tmp_path / "library.db")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        error, result = await _submit(app, pilot, f"127.0.0.1:{plain.port}/feed.xml")
        assert error == ""
        assert result.startswith(
            f"Subscribed to Plain Times: http://127.0.0.1:{plain.port}/feed.xml"
        )
    with open_library(tmp_path / "library.db") as library:
        assert [f.url for f in list_feeds(library)] == [f"http://127.0.0.1:{plain.port}/feed.xml"]


async def test_a_page_with_nine_feeds_offers_a_choice(
    tmp_path: Path, servers: tuple[FeedServer, FeedServer]
) -> None:
    plain, _ = servers
    page = page_with_nine_feeds(plain)
    db = tmp_path / "library.db"
    app = _app(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        error, result = await _submit(app, pilot, page)
        assert error == ""
        assert result.startswith(f"the page at {page} offers 9 feeds: choose one")
        choices = app.screen.query_one("#add-choices", OptionList)
        assert choices.display and app.screen.focused is choices
        shown = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert [s.split()[:3] for s in shown] == [[str(n), "Desk", str(n)] for n in range(1, 10)]
        with open_library(db) as library:
            assert list_feeds(library) == []  # nothing subscribed before the choice
        await pilot.press("G")  # every list knows g and G (issue 15)
        assert choices.highlighted == 8
        await pilot.press("g")
        assert choices.highlighted == 0
        await pilot.press("down", "down", "enter")
        await settle(pilot, timeout=30)
        result = str(app.screen.query_one("#add-result", Label).render())
        assert result.startswith(f"Subscribed to Desk 3: {plain.url('/desk3.xml')}")
        await pilot.press("down", "enter")  # the list stays: a second pick
        await settle(pilot, timeout=30)
    with open_library(db) as library:
        assert sorted(f.title for f in list_feeds(library)) == ["Desk 3", "Desk 4"]


def test_the_home_page_hint_is_the_one_the_messages_use() -> None:
    from briefing.ingest.problems import HOME_PAGE_HINT

    assert HOME_PAGE == HOME_PAGE_HINT
