"""Subscribing: feeds, pages with and without a discoverable feed, and the CLI around it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from _feeds import LONG, rss
from click.testing import CliRunner
from feed_server import FeedServer

from briefing.cli import cli
from briefing.ingest.subscribe import SubscribeError, normalise_url, subscribe
from briefing.store import Library, open_library
from briefing.store.feeds import list_feeds

FEED = rss([{"guid": "1", "title": "Hello", "description": LONG}], title="Site News")
HTML = "text/html; charset=utf-8"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with open_library(tmp_path / "library.db") as lib:
        yield lib


def test_a_feed_url_is_subscribed(server: FeedServer, library: Library) -> None:
    url = server.set("/feed.xml", FEED)
    found = subscribe(library, url)
    assert found.feed.url == url and found.feed.title == "Site News"
    assert found.found_via is None
    assert [f.url for f in list_feeds(library)] == [url]


def test_a_page_with_rel_alternate(server: FeedServer, library: Library) -> None:
    feed_url = server.set("/news/rss", FEED)
    page = server.set(
        "/",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/news/rss">'
        "</head><body>Welcome</body></html>",
        content_type=HTML,
    )
    found = subscribe(library, page)
    assert found.feed.url == feed_url
    assert found.found_via == page and found.how == "link"


def test_a_page_without_links_falls_back_to_common_paths(
    server: FeedServer, library: Library
) -> None:
    feed_url = server.set("/feed.xml", FEED)
    page = server.set("/blog/", "<html><body>No feed advertised</body></html>", content_type=HTML)
    found = subscribe(library, page)
    assert found.feed.url == feed_url and found.how == "common path"


def test_a_page_without_any_feed(server: FeedServer, library: Library) -> None:
    page = server.set("/", "<html><body>Nothing here</body></html>", content_type=HTML)
    with pytest.raises(SubscribeError) as caught:
        subscribe(library, page)
    assert str(caught.value) == (
        f"no feed found on the page at {page}: it links to no feed, and none is at the usual "
        "places (/feed, /rss, /atom.xml, …); look on the site for an RSS or Atom link, and "
        "add that"
    )
    assert list_feeds(library) == []


def test_bad_input(server: FeedServer, library: Library) -> None:
    with pytest.raises(SubscribeError, match="^not a URL: not a url at all "):
        subscribe(library, "not a url at all")
    with pytest.raises(SubscribeError, match="^only http and https feeds can be read, not ftp"):
        subscribe(library, "ftp://example.org/feed")
    with pytest.raises(SubscribeError, match="^the server at 127.0.0.1:9 refused the connection"):
        subscribe(library, "http://127.0.0.1:9/feed", fetcher_options={"connect_timeout": 2})
    with pytest.raises(SubscribeError, match=r"^no feed at this address \(HTTP 404 Not Found\)"):
        subscribe(library, server.url("/missing"))
    url = server.set("/feed.xml", FEED)
    subscribe(library, url)
    with pytest.raises(SubscribeError, match="^already subscribed"):
        subscribe(library, url)
    page = server.set(
        "/", '<link rel="alternate" type="application/rss+xml" href="/feed.xml">', content_type=HTML
    )
    with pytest.raises(SubscribeError, match="^already subscribed"):
        subscribe(library, page)


def test_bare_host_gets_https() -> None:
    assert normalise_url("example.org/feed") == "https://example.org/feed"
    assert normalise_url(" http://example.org ") == "http://example.org"


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_add_feeds_refresh_remove(server: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    feed_url = server.set("/rss", FEED, etag='"a"')
    page = server.set(
        "/",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>',
        content_type=HTML,
    )
    code, out, err = run(db, "add", page, "--tag", "news")
    assert code == 0, err
    assert f"Found the feed of {page}" in out and f"Subscribed to Site News <{feed_url}>" in out
    assert "1 article stored." in out
    # The first refresh's articles are analysed and grouped at once: a storyline is waiting.
    code, out, _ = run(db, "storylines", "--json")
    assert code == 0 and len(json.loads(out)) == 1

    code, out, _ = run(db, "feeds")
    assert code == 0 and "Site News" in out and feed_url in out and "[news]" in out
    assert "1 articles" not in out and "1 article" in out
    code, out, _ = run(db, "feeds", "--json")
    (row,) = json.loads(out)
    assert row["url"] == feed_url and row["tags"] == ["news"] and row["article_count"] == 1

    code, out, _ = run(db, "refresh")
    assert code == 0
    assert out.strip().startswith("Refreshed 1 feed, 0 new articles, 1 not modified, 0 errors")
    code, out, _ = run(db, "refresh", "--json")
    data = json.loads(out)
    assert data["feeds"] == 1 and data["not_modified"] == 1 and data["errors"] == 0

    code, out, err = run(db, "add", feed_url)
    assert code == 1 and err.startswith("briefing: already subscribed")
    code, out, err = run(db, "add", "nonsense")
    assert code == 1 and err.strip() == (
        "briefing: not a URL: nonsense (type a feed's address, such as "
        "https://example.org/feed.xml)"
    )

    code, out, err = run(db, "remove", "99")
    assert code == 1 and "no such feed: 99" in err
    code, out, _ = run(db, "remove", feed_url)
    assert code == 0 and "Removed Site News and its 1 article." in out
    code, out, _ = run(db, "feeds", "--json")
    assert json.loads(out) == []


def test_cli_refresh_reports_errors(server: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    run(db, "add", server.set("/rss", FEED))
    del server.routes["/rss"]
    code, out, err = run(db, "refresh")
    assert code == 0
    assert "Site News: no feed at this address (HTTP 404 Not Found): check the URL" in err
    assert "1 feed, 0 new articles, 0 not modified, 1 error" in out
    code, out, _ = run(db, "feeds")
    assert "last error: no feed at this address (HTTP 404 Not Found): check the URL" in out


def test_cli_refresh_some_feeds_and_none(server: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    code, out, _ = run(db, "refresh", "--no-digest")
    assert code == 0 and out.strip() == "No feeds yet. Add one with: briefing add URL"
    first = server.set("/a", rss([{"guid": "a", "title": "A", "description": LONG}], "A"))
    second = server.set("/b", rss([{"guid": "b", "title": "B", "description": LONG}], "B"))
    run(db, "add", first)
    run(db, "add", second)
    code, out, _ = run(db, "refresh", "--json", "--no-digest", second)
    data = json.loads(out)
    assert code == 0 and [r["url"] for r in data["results"]] == [second]
    code, _, err = run(db, "refresh", "--no-digest", server.url("/unknown"))
    assert code == 1 and "no such feed" in err
