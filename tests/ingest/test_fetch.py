"""The fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from _feeds import rss
from feed_server import FeedServer

from briefing import __version__
from briefing.ingest.fetch import USER_AGENT, Fetcher, body_hash, parse_retry_after

DOC = rss([{"title": "One", "guid": "1"}])
LAST_MODIFIED = "Tue, 24 Nov 2026 10:00:00 GMT"


async def test_conditional_get_sends_validators_and_gets_304(server: FeedServer) -> None:
    url = server.set("/feed", DOC, etag='"v1"', last_modified=LAST_MODIFIED)
    async with Fetcher() as fetcher:
        first = await fetcher.fetch(url)
        second = await fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert first.kind == "ok" and first.body == DOC.encode()
    assert (first.etag, first.last_modified) == ('"v1"', LAST_MODIFIED)
    assert second.kind == "not_modified" and second.body == b""
    sent = server.hits("/feed")[1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == LAST_MODIFIED
    assert "if-none-match" not in server.hits("/feed")[0].headers


async def test_identical_body_is_reported_unchanged(server: FeedServer) -> None:
    url = server.set("/feed", DOC, etag='"v1"', ignore_conditional=True)
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url, etag='"v1"', previous_hash=body_hash(DOC.encode()))
        changed = await fetcher.fetch(url, previous_hash=body_hash(b"something else"))
    assert result.kind == "unchanged"
    assert changed.kind == "ok" and changed.body_hash == body_hash(DOC.encode())


async def test_honest_user_agent(server: FeedServer) -> None:
    url = server.set("/feed", DOC)
    async with Fetcher() as fetcher:
        await fetcher.fetch(url)
    agent = server.hits("/feed")[0].headers["user-agent"]
    assert agent == USER_AGENT
    # Says which program and version is asking, so a server operator can tell who we are.
    assert agent.startswith(f"briefing/{__version__} (") and "feed reader" in agent


async def test_permanent_redirect_gives_new_url(server: FeedServer) -> None:
    new = server.set("/new", DOC)
    old = server.set("/old", status=301, headers={"Location": "/new"})
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(old)
    assert result.kind == "ok" and result.final_url == new
    assert result.moved_to == new


async def test_temporary_redirect_is_followed_but_not_remembered(server: FeedServer) -> None:
    new = server.set("/new", DOC)
    server.set("/tmp", status=302, headers={"Location": new})
    hop = server.set("/hop", status=301, headers={"Location": "/tmp"})
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(hop)
    assert result.kind == "ok" and result.final_url == new
    assert result.moved_to is None  # one hop was temporary


async def test_redirect_loop_and_non_http_target_are_errors(server: FeedServer) -> None:
    loop = server.set("/a", status=302, headers={"Location": "/b"})
    server.set("/b", status=302, headers={"Location": "/a"})
    ftp = server.set("/ftp", status=301, headers={"Location": "ftp://example.org/feed"})
    async with Fetcher() as fetcher:
        looped = await fetcher.fetch(loop)
        to_ftp = await fetcher.fetch(ftp)
        file_url = await fetcher.fetch("file:///etc/passwd")
    assert looped.kind == "error"
    assert looped.error == "the server redirects in a loop (more than 5 redirects): check the URL"
    assert to_ftp.kind == "error" and to_ftp.error == (
        "the server redirects to ftp://example.org/feed, which is not an http or https "
        "address: check the URL"
    )
    assert file_url.kind == "error" and file_url.error == (
        "only http and https feeds can be read, not file: file:///etc/passwd"
    )


async def test_http_errors(server: FeedServer) -> None:
    gone = server.set("/gone", status=410)
    async with Fetcher() as fetcher:
        missing = await fetcher.fetch(server.url("/missing"))
        removed = await fetcher.fetch(gone)
    assert missing.kind == "error" and missing.error == (
        "no feed at this address (HTTP 404 Not Found): check the URL, or add the site's "
        "home page to find its feed"
    )
    assert removed.kind == "gone" and removed.error == (
        "no feed at this address any more (HTTP 410 Gone: the site removed it): add the "
        "site's home page to find its new feed"
    )


async def test_429_and_503_retry_after(server: FeedServer) -> None:
    busy = server.set("/busy", status=429, headers={"Retry-After": "120"})
    when = datetime.now(UTC) + timedelta(hours=2)
    http_date = when.strftime("%a, %d %b %Y %H:%M:%S GMT")
    down = server.set("/down", status=503, headers={"Retry-After": http_date})
    plain_503 = server.set("/503", status=503)
    async with Fetcher() as fetcher:
        a = await fetcher.fetch(busy)
        b = await fetcher.fetch(down)
        c = await fetcher.fetch(plain_503)
    assert a.kind == "retry_later" and a.retry_after is not None
    assert abs((a.retry_after - datetime.now(UTC)).total_seconds() - 120) < 10
    assert b.kind == "retry_later" and b.retry_after is not None
    assert abs((b.retry_after - when).total_seconds()) < 2
    assert c.kind == "error" and c.retry_after is None


def test_retry_after_is_capped_and_tolerant() -> None:
    now = datetime(2026, 11, 26, tzinfo=UTC)
    assert parse_retry_after("99999999", now) == now + timedelta(days=7)
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("Wed, 01 Jan 2020 00:00:00 GMT", now) == now


async def test_read_timeout(server: FeedServer) -> None:
    slow = server.set("/slow", DOC, delay=2.0)
    async with Fetcher(read_timeout=0.3) as fetcher:
        result = await fetcher.fetch(slow)
    assert result.kind == "error" and "timed out" in (result.error or "")


async def test_total_deadline_stops_a_trickling_server(server: FeedServer) -> None:
    # Each piece arrives well within the read timeout, but the whole takes too long.
    drip = server.set("/drip", DOC * 10, trickle=20, trickle_interval=0.1)
    async with Fetcher(read_timeout=1.0, deadline=0.5) as fetcher:
        started = asyncio.get_running_loop().time()
        result = await fetcher.fetch(drip)
        took = asyncio.get_running_loop().time() - started
    assert result.kind == "error" and result.error == (
        f"the server at 127.0.0.1:{server.port} timed out (the feed took longer than 0.5 s "
        "to arrive): try again later"
    )
    assert took < 1.5


async def test_size_cap_with_and_without_content_length(server: FeedServer) -> None:
    big = b"<rss>" + b"x" * 300_000 + b"</rss>"
    declared = server.set("/declared", big)
    streamed = server.set("/streamed", big, send_length=False)
    small = server.set("/small", DOC)
    async with Fetcher(max_bytes=100_000) as fetcher:
        a = await fetcher.fetch(declared)
        b = await fetcher.fetch(streamed)
        c = await fetcher.fetch(small)
    assert a.kind == "error" and "larger than" in (a.error or "")
    assert b.kind == "error" and "larger than" in (b.error or "")
    assert c.kind == "ok"


async def test_unreachable_host() -> None:
    async with Fetcher(connect_timeout=2) as fetcher:
        # Port 9 (discard) on loopback: nothing listens there in a test environment.
        result = await fetcher.fetch("http://127.0.0.1:9/feed")
    assert result.kind == "error" and result.error


async def test_concurrency_is_bounded_per_host_and_overall(server: FeedServer) -> None:
    for i in range(8):
        server.set(f"/f{i}", DOC, delay=0.15)
    urls = [server.url(f"/f{i}") for i in range(8)]
    async with Fetcher(concurrency=8, per_host=2) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    assert all(r.kind == "ok" for r in results)
    assert server.max_in_flight == 2

    server.max_in_flight = 0
    # "localhost" is another host name for the same server: per-host gates do not
    # bound the pair, the overall limit does.
    both = urls + [u.replace("127.0.0.1", "localhost") for u in urls]
    async with Fetcher(concurrency=3, per_host=2) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(u) for u in both))
    assert all(r.kind == "ok" for r in results), [r.error for r in results]
    assert server.max_in_flight == 3


async def test_cookies_set_by_one_feed_are_never_sent_back(server: FeedServer) -> None:
    first = server.set("/a", DOC, headers={"Set-Cookie": "session=tracked; Path=/"})
    second = server.set("/b", DOC)
    async with Fetcher() as fetcher:
        await fetcher.fetch(first)
        await fetcher.fetch(second)
        await fetcher.fetch(first)
    assert all("cookie" not in hit.headers for hit in server.hits("/b") + server.hits("/a"))
