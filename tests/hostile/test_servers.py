"""Hostile servers: endless and slow bodies, redirect tricks, gzip bombs, lying headers,
broken encodings, rate limits, and a feed that invents new GUIDs on every refresh."""

from __future__ import annotations

import asyncio
import gzip
import resource
import sqlite3
import time
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from hostile_support import HostileServer
from payloads import forbidden

from briefing.config import load_settings
from briefing.ingest.fetch import Fetcher
from briefing.ingest.refresh import refresh_feeds
from briefing.store import open_library
from briefing.store.articles import list_articles, mark_read, set_starred
from briefing.store.feeds import add_feed, get_feed

SMALL = {"connect_timeout": 2.0, "read_timeout": 2.0, "deadline": 3.0, "max_bytes": 256 * 1024}


def rss(items: list[tuple[str, str]], title: str = "Feed") -> bytes:
    """An RSS document; items are (guid, title)."""
    body = "".join(
        f"<item><guid isPermaLink='false'>{g}</guid><title>{t}</title>"
        f"<link>http://example.org/{g}</link><description>About {t}.</description></item>"
        for g, t in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.org/</link>{body}</channel></rss>"
    ).encode()


def fetch(url: str, **options: object):  # type: ignore[no-untyped-def]
    async def go():  # type: ignore[no-untyped-def]
        async with Fetcher(**{**SMALL, **options}) as fetcher:  # type: ignore[arg-type]
            return await fetcher.fetch(url)

    return asyncio.run(go())


# -- size ----------------------------------------------------------------------------------


def test_endless_body_is_cut_at_the_size_cap(server: HostileServer) -> None:
    sent = [0]

    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.end_headers()
        chunk = b"<item><title>more</title></item>" * 1000
        while sent[0] < 50 * 1024 * 1024:  # a safety stop for the test, far past the cap
            handler.wfile.write(chunk)
            sent[0] += len(chunk)

    result = fetch(server.route("/endless.xml", endless))
    assert result.kind == "error" and "larger than" in (result.error or "")
    assert result.body == b""
    assert sent[0] < 10 * 1024 * 1024, "the fetcher stopped reading soon after the cap"


def test_declared_huge_length_is_refused_before_reading(server: HostileServer) -> None:
    def liar(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(10**12))
        handler.end_headers()
        handler.wfile.write(b"<rss/>")

    result = fetch(server.route("/liar.xml", liar))
    assert result.kind == "error" and "larger than" in (result.error or "")


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros, gzip-compressed to about 200 KB."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1024 * 1024)
    parts = [squeeze.compress(block) for _ in range(200)]
    parts.append(squeeze.flush())
    return b"".join(parts)


def test_gzip_bomb_is_capped_on_decoded_size(server: HostileServer, gzip_bomb: bytes) -> None:
    url = server.serve(
        "/bomb.xml", gzip_bomb, headers={"Content-Encoding": "gzip"}, content_type="text/xml"
    )
    tracemalloc.start()
    try:
        result = fetch(url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.kind == "error" and "larger than" in (result.error or "")
    assert peak < 64 * 1024 * 1024, f"decoding peaked at {peak / 1e6:.0f} MB"


def test_double_gzip_bomb_is_capped(server: HostileServer) -> None:
    """256 MB of zeros gzipped twice is under 1 KB on the wire."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1024 * 1024)
    inner = b"".join([squeeze.compress(block) for _ in range(256)] + [squeeze.flush()])
    outer = gzip.compress(inner, 9)
    url = server.serve("/bomb2.xml", outer, headers={"Content-Encoding": "gzip, gzip"})
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result = fetch(url)
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss_before
    assert result.kind == "error" and "larger than" in (result.error or "")
    assert growth < 64 * 1024 * 1024, f"resident memory grew by {growth / 1e6:.0f} MB"


def _raw_deflate(data: bytes) -> bytes:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -15)
    return squeeze.compress(data) + squeeze.flush()


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", lambda b: gzip.compress(b)),
        ("x-gzip", lambda b: gzip.compress(b)),
        ("deflate", lambda b: zlib.compress(b)),
        ("deflate", _raw_deflate),
        ("gzip, gzip", lambda b: gzip.compress(gzip.compress(b))),
        ("gzip", lambda b: gzip.compress(b[:100]) + gzip.compress(b[100:])),  # two members
        ("identity", lambda b: b),
    ],
)
def test_honest_compressed_feeds_still_decode(server: HostileServer, encoding, encode) -> None:  # type: ignore[no-untyped-def]
    body = rss([(f"g{i}", f"Story number {i}") for i in range(50)])
    url = server.serve("/z.xml", encode(body), headers={"Content-Encoding": encoding})
    result = fetch(url)
    assert result.kind == "ok", result.error
    assert result.body == body


def test_unknown_or_corrupt_encoding_is_a_clear_error(server: HostileServer) -> None:
    url = server.serve("/br.xml", b"\x1b\x00junk", headers={"Content-Encoding": "br"})
    result = fetch(url)
    assert result.kind == "error" and "Content-Encoding" in (result.error or "")
    url = server.serve("/bad.xml", b"\x1f\x8bnot gzip at all", headers={"Content-Encoding": "gzip"})
    result = fetch(url)
    assert result.kind == "error" and "gzip" in (result.error or "")


# -- time ----------------------------------------------------------------------------------


async def test_one_byte_per_interval_hits_the_total_deadline() -> None:
    """Each byte arrives well within the read timeout; only a total deadline stops it."""

    async def drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\r\n")
        try:
            for byte in b"<rss version='2.0'><channel>" + b" " * 10_000:
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(0.1)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(drip, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    started = time.monotonic()
    async with Fetcher(read_timeout=1.0, connect_timeout=1.0, deadline=1.5) as fetcher:
        result = await fetcher.fetch(f"http://127.0.0.1:{port}/drip.xml")
    elapsed = time.monotonic() - started
    server.close()
    await server.wait_closed()
    assert result.kind == "error" and "timed out" in (result.error or "")
    assert elapsed < 5, f"a 1.5 s deadline took {elapsed:.1f} s"


# -- redirects -----------------------------------------------------------------------------


def _redirect(to: str, status: int = 302):  # type: ignore[no-untyped-def]
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def test_redirect_loop_stops(server: HostileServer) -> None:
    server.route("/a", _redirect("/b"))
    server.route("/b", _redirect("/a", 301))
    result = fetch(server.url("/a"))
    assert result.kind == "error" and "redirect" in (result.error or "")
    assert len(server.hits) <= 10


@pytest.mark.parametrize(
    "target",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/feed.xml",
        "javascript:alert(1)",
        "data:application/rss+xml,<rss/>",
        "gopher://127.0.0.1:70/",
    ],
)
def test_redirect_to_a_non_http_scheme_is_refused(server: HostileServer, target: str) -> None:
    result = fetch(server.route("/r", _redirect(target)))
    assert result.kind == "error" and "redirect" in (result.error or "")
    assert result.body == b""
    assert "root:" not in (result.error or "")


# -- lying headers and broken encodings ----------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [None, "text/html", "application/octet-stream", "image/png", "text/plain; charset=utf-8"],
)
def test_wrong_or_absent_content_type_still_reads_the_feed(
    server: HostileServer, tmp_path: Path, content_type: str | None
) -> None:
    with open_library(tmp_path / "library.db") as library:
        body = rss([("g1", "Harbour reopens"), ("g2", "Talks resume")])
        add_feed(library, server.serve("/feed", body, content_type=content_type))
        report = refresh_feeds(library, full_text=False, fetcher_options=SMALL)
        assert report.errors == 0, report.results
        titles = sorted(a.title for a in list_articles(library))
        assert titles == ["Harbour reopens", "Talks resume"]


ENCODINGS = {
    # utf-8 declared, latin-1 bytes sent
    "latin1-labelled-utf8": (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
        "<item><guid>1</guid><title>Caf\xe9 cr\xe8me in M\xfcnchen</title></item>"
        "</channel></rss>"
    ).encode("latin-1"),
    # invalid UTF-8: a lone continuation byte, a truncated sequence, an overlong form
    "invalid-utf8": b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
    b"<title>F</title><item><guid>1</guid><title>Bad \x80 bytes \xe2\x82 and \xc0\xaf"
    b" here</title></item></channel></rss>",
    # declared windows-1252, sent as UTF-8 (mojibake is acceptable, a failure is not)
    "utf8-labelled-1252": (
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
        "<title>F</title><item><guid>1</guid><title>Quote “here” – and €</title></item>"
        "</channel></rss>"
    ).encode(),
    # UTF-16 with a declaration saying UTF-8
    "utf16-labelled-utf8": (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
        "<item><guid>1</guid><title>Sixteen bits wide</title></item></channel></rss>"
    ).encode("utf-16"),
    # an encoding nobody has heard of
    "unknown-charset": b'<?xml version="1.0" encoding="x-klingon"?><rss version="2.0">'
    b"<channel><title>F</title><item><guid>1</guid><title>Qapla here</title></item>"
    b"</channel></rss>",
}


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_broken_encodings_never_crash_and_store_clean_text(
    server: HostileServer, tmp_path: Path, name: str
) -> None:
    header = "application/rss+xml; charset=iso-8859-1" if "1252" in name else "text/xml"
    with open_library(tmp_path / "library.db") as library:
        add_feed(library, server.serve("/feed", ENCODINGS[name], content_type=header))
        report = refresh_feeds(library, full_text=False, fetcher_options=SMALL)
        result = report.results[0]
        assert not (result.error or "").startswith("internal error"), result.error
        articles = list_articles(library)
        assert len(articles) == 1, result
        title = articles[0].title
        assert not forbidden(title), title
        assert title.split()[0] in ("Caf\xe9", "Cafe", "Bad", "Quote", "Sixteen", "Qapla") or (
            "here" in title
        ), title


# -- rate limits ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_retry_after_is_respected(
    server: HostileServer, tmp_path: Path, status: int, form: str
) -> None:
    from email.utils import format_datetime

    wait = 3600
    if form == "seconds":
        value = str(wait)
    else:
        from datetime import UTC, datetime, timedelta

        value = format_datetime(datetime.now(UTC) + timedelta(seconds=wait), usegmt=True)
    url = server.serve("/busy", b"", status=status, headers={"Retry-After": value})
    with open_library(tmp_path / "library.db") as library:
        feed = add_feed(library, url)
        first = refresh_feeds(library, full_text=False, fetcher_options=SMALL)
        assert first.results[0].status == "retry_later"
        stored = get_feed(library, feed.id)
        assert stored is not None and stored.retry_after
        # The server is fine now, but asked us to stay away: no request before the time.
        server.serve("/busy", rss([("g1", "Back")]))
        for _ in range(3):
            again = refresh_feeds(library, full_text=False, fetcher_options=SMALL)
            assert again.results[0].status == "skipped"
        assert server.count("/busy") == 1
        # Once the time has passed, the feed is fetched again.
        library.db.execute(
            "UPDATE feeds SET retry_after = '2000-01-01T00:00:00+00:00' WHERE id = ?", [feed.id]
        )
        later = refresh_feeds(library, full_text=False, fetcher_options=SMALL)
        assert later.results[0].status == "updated"
        assert server.count("/busy") == 2


def test_retry_after_cannot_banish_a_feed_forever(server: HostileServer, tmp_path: Path) -> None:
    url = server.serve("/busy", b"", status=429, headers={"Retry-After": str(10**12)})
    with open_library(tmp_path / "library.db") as library:
        feed = add_feed(library, url)
        refresh_feeds(library, full_text=False, fetcher_options=SMALL)
        stored = get_feed(library, feed.id)
        assert stored is not None and stored.retry_after
        from datetime import UTC, datetime

        until = datetime.fromisoformat(stored.retry_after)
        assert (until - datetime.now(UTC)).days <= 7


def test_repeated_rate_limits_back_off(server: HostileServer, tmp_path: Path) -> None:
    """A server that keeps saying 429 is asked less and less often (each wait doubles)."""
    from datetime import datetime, timedelta

    url = server.serve("/busy", b"", status=429)  # no Retry-After: the default wait
    waits: list[float] = []
    with open_library(tmp_path / "library.db") as library:
        feed = add_feed(library, url)
        for _ in range(3):
            report = refresh_feeds(library, full_text=False, fetcher_options=SMALL)
            assert report.results[0].status == "retry_later"
            stored = get_feed(library, feed.id)
            assert stored is not None and stored.retry_after and stored.last_refresh
            until = datetime.fromisoformat(stored.retry_after)
            refreshed = datetime.fromisoformat(stored.last_refresh)
            waits.append((until - refreshed).total_seconds())
            # Let the wait pass: both stamps move into the past by the wait and a second.
            shift = timedelta(seconds=waits[-1] + 1)
            library.db.execute(
                "UPDATE feeds SET retry_after = ?, last_refresh = ? WHERE id = ?",
                [(until - shift).isoformat(), (refreshed - shift).isoformat(), feed.id],
            )
        assert server.count("/busy") == 3
    assert waits[0] >= 60, waits
    assert waits[1] >= 2 * waits[0] - 2 and waits[2] >= 2 * waits[1] - 2, waits


# -- a feed that never repeats a GUID ------------------------------------------------------


def test_changing_guids_are_bounded_by_the_per_feed_cap(
    server: HostileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text("max_articles_per_feed = 30\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_SETTINGS", str(settings))
    # What the CLI and the reader do: read the user's settings and pass the cap on.
    cap = load_settings().max_articles_per_feed
    generation = [0]

    def fresh(handler: BaseHTTPRequestHandler) -> None:
        generation[0] += 1
        n = generation[0]
        body = rss([(f"gen{n}-{i}", f"Story {n}.{i}") for i in range(20)])
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    url = server.route("/churn.xml", fresh)
    with open_library(tmp_path / "library.db") as library:
        feed = add_feed(library, url)
        refresh_feeds(library, full_text=False, max_articles_per_feed=cap, fetcher_options=SMALL)
        first = list_articles(library, limit=100)
        starred = first[-1].id  # one the user keeps
        set_starred(library, starred)
        mark_read(library, [a.id for a in first])
        for _ in range(5):
            refresh_feeds(
                library, full_text=False, max_articles_per_feed=cap, fetcher_options=SMALL
            )
        rows = library.db.execute(
            "SELECT id, read, starred FROM articles WHERE feed_id = ?", [feed.id]
        ).fetchall()
        assert len(rows) <= 30, len(rows)
        assert starred in {r[0] for r in rows}, "a starred article is never pruned"
        # What went first were the oldest read ones; the newest generation is all there.
        titles = {a.title for a in list_articles(library, limit=100)}
        assert all(f"Story 6.{i}" in titles for i in range(20))
    with sqlite3.connect(tmp_path / "library.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == len(rows), "the search index follows the pruning"


# -- article pages fetched for summary-only feeds ------------------------------------------


def test_hostile_article_pages_leave_clean_text_or_the_summary(
    server: HostileServer, tmp_path: Path, gzip_bomb: bytes
) -> None:
    from payloads import HOSTILE

    def page(body: str) -> bytes:
        return (
            f"<html><head><title>{HOSTILE}</title><script>alert(1)</script></head><body>"
            f"<article><h1>{HOSTILE}</h1>"
            + "".join(
                f"<p>Paragraph {i}: the minister said talks resume. {body}</p>" for i in range(12)
            )
            + "</article></body></html>"
        ).encode()

    server.serve("/a1", page(HOSTILE), content_type="text/html; charset=utf-8")
    server.serve("/a2", gzip_bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    server.route("/a3", _redirect("file:///etc/passwd"))
    items = "".join(
        f"<item><guid>{n}</guid><title>Item {n}</title><link>{server.url(f'/a{n}')}</link>"
        f"<description>Short summary {n}.</description></item>"
        for n in (1, 2, 3)
    )
    feed = f'<rss version="2.0"><channel><title>Summaries</title>{items}</channel></rss>'
    with open_library(tmp_path / "library.db") as library:
        add_feed(library, server.serve("/summaries.xml", feed))
        report = refresh_feeds(library, full_text=True, fetcher_options=SMALL)
        assert report.errors == 0
        texts = {a.title: a.text for a in list_articles(library)}
    assert "Paragraph 11" in texts["Item 1"], texts["Item 1"]
    assert "alert(1)" not in texts["Item 1"]
    for text in texts.values():
        assert not forbidden(text), text
        assert "root:" not in text
    assert texts["Item 2"] == "Short summary 2."
    assert texts["Item 3"] == "Short summary 3."


_FORMATS = {
    "rss": '<?xml version="1.0"?><rss version="2.0"><channel><title>R</title>'
    "<item><guid>1</guid><title>Hi</title></item></channel></rss>",
    "atom": '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
    "<entry><id>urn:1</id><title>Hi</title></entry></feed>",
    "json": '{"version": "https://jsonfeed.org/version/1.1", "title": "J",'
    ' "items": [{"id": "1", "title": "Hi", "content_text": "x"}]}',
}


@pytest.mark.parametrize("content_type", [None, "text/html", "image/png"])
@pytest.mark.parametrize("kind", list(_FORMATS))
def test_subscribing_sniffs_past_a_lying_content_type(
    server: HostileServer, tmp_path: Path, kind: str, content_type: str | None
) -> None:
    from briefing.ingest.subscribe import subscribe

    url = server.serve(f"/{kind}", _FORMATS[kind], content_type=content_type)
    with open_library(tmp_path / "library.db") as library:
        found = subscribe(library, url, fetcher_options=SMALL)
    assert found.feed.url == url and found.feed.title == kind[0].upper()
