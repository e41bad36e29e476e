"""The fast lxml path and the feedparser path must give the same articles.

parse_feed takes the fast path for plain UTF-8 RSS/Atom and feedparser for the rest. If
the two disagreed, a feed that moved from one to the other would see its articles
change or duplicate, so every document the fast path accepts is checked against
feedparser: our own samples, typical feeds, and the whole feedparser corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _feeds import LONG, rss
from test_parse import ATOM, RDF, RSS2

from briefing.ingest.parse import ParsedFeed, parse_plain_xml_feed, parse_with_feedparser

URL = "http://127.0.0.1:8000/feeds/news.xml"

TYPICAL_RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Typical</title><link>https://typical.example/</link>
<atom:link href="https://typical.example/feed" rel="self" type="application/rss+xml"/>
<description>News</description><language>en</language>
<item><title>Caf&#233; owners &amp; the &#8220;new&#8221; rules</title>
<link>https://typical.example/2026/11/cafe</link>
<comments>https://typical.example/2026/11/cafe#comments</comments>
<dc:creator><![CDATA[Ana Writer]]></dc:creator>
<pubDate>Tue, 24 Nov 2026 10:30:00 +0000</pubDate>
<category><![CDATA[Business]]></category><category>Local</category>
<guid isPermaLink="false">https://typical.example/?p=123</guid>
<description><![CDATA[<p>Short teaser&#8230;</p>]]></description>
<content:encoded><![CDATA[<p>First.</p><ul><li>one</li><li>two</li></ul><p>{LONG}</p>]]></content:encoded>
<wfw:commentRss>https://typical.example/2026/11/cafe/feed</wfw:commentRss>
<media:content url="https://typical.example/a.jpg" medium="image"/>
</item>
<item><title>Relative guid</title><guid>/2026/11/relative</guid>
<description>Text &amp;amp; more</description></item>
</channel></rss>"""


def _same(fast: ParsedFeed, slow: ParsedFeed) -> None:
    assert (fast.title, fast.site_url, fast.skipped) == (slow.title, slow.site_url, slow.skipped)
    assert fast.articles == slow.articles


@pytest.mark.parametrize(
    "doc",
    [RSS2, ATOM, RDF, TYPICAL_RSS, rss([{"guid": "1", "title": "A", "description": LONG}])],
    ids=["rss2", "atom", "rdf", "typical", "generated"],
)
def test_fast_path_takes_typical_feeds_and_agrees(doc: str) -> None:
    body = doc.encode("utf-8")
    fast = parse_plain_xml_feed(body, URL, "application/rss+xml; charset=utf-8")
    assert fast is not None, "a plain feed should not need feedparser"
    _same(fast, parse_with_feedparser(body, URL, "application/rss+xml; charset=utf-8"))


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel/></rss>', ""),
        (b'<rss version="2.0"><channel/></rss>', "text/xml; charset=windows-1252"),
        (b'<!DOCTYPE rss SYSTEM "x.dtd"><rss version="2.0"><channel/></rss>', ""),
        (b'<rss version="2.0" xml:base="http://a/"><channel/></rss>', ""),
        (b'<rss version="2.0"><channel><item><title>a</item></channel></rss>', ""),
        (b'<rss version="2.0"><channel><item><itunes:summary xmlns:itunes='
         b'"http://www.itunes.com/dtds/podcast-1.0.dtd">s</itunes:summary></item>'
         b"</channel></rss>", ""),
        (b'<rss version="2.0"><channel><item><title>a</title><title>b</title></item>'
         b"</channel></rss>", ""),
    ],
    ids=["latin1", "http-charset", "doctype", "xml-base", "broken", "itunes", "two-titles"],
)  # fmt: skip
def test_unusual_documents_go_to_feedparser(body: bytes, content_type: str) -> None:
    assert parse_plain_xml_feed(body, URL, content_type) is None


@pytest.mark.parametrize(
    "title, description, shown",
    [
        ("Fran\u00c3\u00a7ois wins", "<p>caf\u00c3\u00a9 owners</p>", "Fran\u00e7ois wins"),
        ("don\u0092t stop", "<p>\u0093quoted\u0094 words</p>", "don\u2019t stop"),
        ("don&#146;t stop", "<p>a &#150; b</p>", "don\u2019t stop"),
    ],
    ids=["utf8-read-as-latin1", "c1-controls", "c1-references"],
)
def test_fast_path_repairs_mislabelled_text_as_feedparser_does(
    title: str, description: str, shown: str
) -> None:
    # Real feeds carry text that went through the wrong codec on its way: the fast path
    # must read it (feedparser is four times slower) and repair it the same way.
    doc = rss([{"guid": "1", "title": title, "description": description}])
    body = doc.replace("&amp;#", "&#").encode("utf-8")  # character references stay references
    fast = parse_plain_xml_feed(body, URL, "application/rss+xml; charset=utf-8")
    assert fast is not None
    assert fast.articles[0].title == shown
    _same(fast, parse_with_feedparser(body, URL, "application/rss+xml; charset=utf-8"))


def test_controls_that_break_the_xml_do_not_send_a_feed_to_feedparser() -> None:
    # XML forbids C0 controls, so lxml refuses the document; the fast path drops them
    # (escape sequences whole) and reads what feedparser's fallback reads.
    title, description = "Talks \x1bresume\x1b[31m now", "Both\x07 sides"
    items = [{"guid": "1", "title": title, "description": description}]
    body = rss(items).encode("utf-8")
    fast = parse_plain_xml_feed(body, URL, "application/rss+xml")
    assert fast is not None
    assert (fast.articles[0].title, fast.articles[0].text) == ("Talks resume now", "Both sides")
    _same(fast, parse_with_feedparser(body, URL, "application/rss+xml"))


def test_corpus_documents_agree() -> None:
    root = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "feedparser-tests"
    if not root.is_dir():
        pytest.skip("../shared is absent")
    header = re.compile(rb"^Header:\s*Content-type:\s*(.*?)\s*$", re.MULTILINE | re.IGNORECASE)
    taken = 0
    for path in sorted(root.rglob("*.xml")):
        body = path.read_bytes()
        found = header.search(body[:2048])
        content_type = found.group(1).decode("latin-1") if found else "application/xml"
        fast = parse_plain_xml_feed(body, URL, content_type)
        if fast is None:
            continue
        taken += 1
        slow = parse_with_feedparser(body, URL, content_type)
        assert (fast.title, fast.site_url, fast.articles) == (
            slow.title,
            slow.site_url,
            slow.articles,
        ), path.relative_to(root)
    assert taken > 500  # the fast path is exercised, not bypassed
