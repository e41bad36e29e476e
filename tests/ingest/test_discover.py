"""Feed discovery on web pages and telling a feed from a page by its body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.ingest.discover import (
    COMMON_FEED_PATHS,
    common_feed_urls,
    feed_links,
    looks_like_feed,
)

PAGE = """<!DOCTYPE html>
<html><head>
  <title>Example news</title>
  <link rel="stylesheet" href="/site.css">
  <link rel="alternate" type="application/rss+xml" title="All" href="/rss.xml">
  <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://cdn.example.org/atom#top">
  <link rel="alternate" type="application/feed+json" href="feed.json">
  <link rel="alternate" hreflang="fr" href="/fr/">
  <link rel="alternate stylesheet" type="text/xml" href="/alt.xsl">
  <link rel="alternate" type="application/rss+xml" href="/rss.xml">
</head><body>
  <a href="/about">About</a>
  <a href="/category/politics/feed/">Politics feed</a>
  <a href="javascript:void(0)">js</a>
  <a href="mailto:x@example.org">mail</a>
</body></html>"""


def test_alternate_links_in_document_order_resolved_and_deduplicated() -> None:
    assert feed_links(PAGE, "https://example.org/news/today.html") == [
        "https://example.org/rss.xml",
        "https://cdn.example.org/atom",
        "https://example.org/news/feed.json",
        "https://example.org/category/politics/feed/",
    ]


def test_wordpress_rest_api_links_are_not_feeds() -> None:
    page = """<head>
      <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="/feed/">
      <link rel="alternate" type="application/json" href="https://blog.example/wp-json/wp/v2/posts/7">
      <link rel="alternate" type="application/json+oembed" href="/wp-json/oembed/1.0/embed?url=x">
      <link rel="alternate" type="application/json" title="JSON Feed" href="/feed.json">
    </head>"""
    assert feed_links(page, "https://blog.example/post/") == [
        "https://blog.example/feed/",
        "https://blog.example/feed.json",
    ]


def test_base_href_is_honoured() -> None:
    page = (
        '<html><head><base href="https://static.example.net/blog/">'
        '<link rel="alternate" type="application/atom+xml" href="atom.xml"></head></html>'
    )
    assert feed_links(page, "https://example.org/") == ["https://static.example.net/blog/atom.xml"]
    relative_base = (
        '<html><head><base href="/blog/">'
        '<link rel="alternate" type="application/rss+xml" href="rss"></head></html>'
    )
    assert feed_links(relative_base, "https://example.org/x/y") == ["https://example.org/blog/rss"]


def test_anchor_links_that_look_like_feeds_are_a_fallback() -> None:
    page = """<body>
      <a href="/feed">Subscribe</a>
      <a href="https://example.org/index.rss">RSS</a>
      <a href="/podcast/atom.xml">Atom</a>
      <a href="/?feed=rss2">WordPress</a>
      <a href="feed://example.org/rss">feed scheme</a>
      <a href="/feedback">not a feed</a>
      <a href="/sitemap.xml">not a feed either</a>
      <a href="/rss-reader-review.html">an article about readers</a>
    </body>"""
    assert feed_links(page, "https://example.org/") == [
        "https://example.org/feed",
        "https://example.org/index.rss",
        "https://example.org/podcast/atom.xml",
        "https://example.org/?feed=rss2",
        "http://example.org/rss",
    ]


def test_alternates_come_before_anchors() -> None:
    page = (
        '<body><a href="/feed">a</a><link rel="alternate" type="application/rss+xml" href="/x">'
        "</body>"
    )
    assert feed_links(page, "http://e.org/") == ["http://e.org/x", "http://e.org/feed"]


@pytest.mark.parametrize("page", ["", "   ", "<html><body><p>No feeds here</p></body></html>"])
def test_pages_without_feeds(page: str) -> None:
    assert feed_links(page, "https://example.org/") == []


def test_hostile_page_does_not_break_discovery() -> None:
    # A lone surrogate and nesting deeper than the parser's limit.
    link = '<link rel="alternate" type="application/rss+xml" href="  /r\ud800ss  ">'
    page = link + "<div>" * 3000
    assert feed_links(page, "https://example.org/") == ["https://example.org/r?ss"]


def test_common_paths() -> None:
    for path in ("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml", "/feed.json"):
        assert path in COMMON_FEED_PATHS
    urls = common_feed_urls("https://example.org/some/page?x=1")
    assert urls[0] == "https://example.org/feed"
    assert all(u.startswith("https://example.org/") for u in urls)
    assert len(urls) == len(COMMON_FEED_PATHS)


RSS = b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel></channel></rss>'
ATOM = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'
RDF = (
    b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    b' xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"/></rdf:RDF>'
)
JSON_FEED = json.dumps(
    {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": []}
).encode()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (RSS, "application/rss+xml"),
        (RSS, "text/html; charset=utf-8"),  # servers lie about feeds
        (ATOM, "application/xml"),
        (RDF, "text/xml"),
        (JSON_FEED, "application/json"),
        (JSON_FEED, "text/plain"),
        (b"\xef\xbb\xbf" + RSS, ""),
        (RSS.decode().replace('"utf-8"', '"utf-16"').encode("utf-16"), ""),
        (
            b'<?xml version="1.0"?>\n<!-- generator -->\n<?xml-stylesheet href="s.xsl"?>\n'
            b'<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://x/rss-0.91.dtd">\n'
            b'<rss version="0.91"/>',
            "",
        ),
        (b'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>', ""),
    ],
)
def test_feeds_are_recognised(body: bytes, content_type: str) -> None:
    assert looks_like_feed(body, content_type)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<!DOCTYPE html><html><head><title>x</title></head></html>", "text/html"),
        (b"<!DOCTYPE html><html></html>", "application/rss+xml"),  # lying the other way
        (b"<html><body>rss feed</body></html>", "text/xml"),
        (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/"/>', "application/xml"),
        (
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><x/></rdf:RDF>',
            "application/rdf+xml",
        ),
        (b'{"name": "not a feed"}', "application/json"),
        (b"[1, 2, 3]", "application/json"),
        (b"{broken json", "application/feed+json"),
        (b"", "application/rss+xml"),
        (b"Not Found", "text/plain"),
    ],
)
def test_pages_and_other_documents_are_not_feeds(body: bytes, content_type: str) -> None:
    assert not looks_like_feed(body, content_type)


def _shared() -> Path:
    return Path(__file__).resolve().parents[2] / ".." / "shared"


def test_every_feed_in_the_feedparser_corpus_is_recognised() -> None:
    root = _shared() / "corpora" / "feedparser-tests"
    if not root.is_dir():
        pytest.skip("../shared is absent")
    missed = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".xml", ".json", ".rdf"):
            if path.name == "rss_empty_document.xml":
                continue  # nothing but a comment: rightly not a feed
            if not looks_like_feed(path.read_bytes(), ""):
                missed.append(path.relative_to(root))
    assert missed == []


def test_xhtml_page_with_an_encoding_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        '<head><link rel="alternate" type="application/rss+xml" href="/r"/></head></html>'
    )
    assert feed_links(page, "http://example.org/") == ["http://example.org/r"]
