"""Feed documents to article records: every format, clean text, UTC dates, dedupe keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _feeds import LONG

from briefing.ingest.parse import NotAFeed, dedupe_key, parse_feed, parse_plain_xml_feed

BASE = "https://news.example/feed"

RSS2 = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Example &amp; Co</title><link>https://news.example/</link>
<item>
  <title>Talks &lt;em&gt;resume&lt;/em&gt; in Geneva</title>
  <link>/2026/11/talks</link>
  <guid isPermaLink="false">tag:news.example,2026:1</guid>
  <pubDate>Tue, 24 Nov 2026 10:30:00 +0200</pubDate>
  <dc:creator>Ana Writer</dc:creator>
  <category>World</category><category>Diplomacy</category><category>World</category>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>First &amp; foremost, <b>talks</b> resumed.</p>
    <script>alert("x")</script><style>p {{color: red}}</style>
    <p>{LONG}</p>]]></content:encoded>
</item>
<item>
  <title>Summary only</title>
  <link>https://news.example/2026/11/summary</link>
  <description>&lt;p&gt;Just a teaser.&lt;/p&gt;</description>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Atom &lt;i&gt;News&lt;/i&gt;</title>
  <link href="https://atom.example/"/>
  <id>urn:feed</id><updated>2026-11-24T00:00:00Z</updated>
  <entry>
    <title>Edited story</title>
    <id>urn:entry:1</id>
    <link rel="alternate" href="https://atom.example/1"/>
    <published>2026-11-23T23:00:00-05:00</published>
    <updated>2026-11-24T08:00:00Z</updated>
    <author><name>Bo Reporter</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One.</p><p>Two.</p></div></content>
  </entry>
</feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Site</title>
    <link>https://rdf.example/</link><description>d</description></channel>
  <item rdf:about="https://rdf.example/a"><title>RDF item</title>
    <link>https://rdf.example/a</link><dc:date>2026-11-20T12:00:00+01:00</dc:date>
    <description>An item.</description></item>
</rdf:RDF>"""


def test_rss2_entry_is_normalised() -> None:
    feed = parse_feed(RSS2.encode(), BASE)
    assert feed.title == "The Example & Co"
    assert feed.site_url == "https://news.example/"
    first, second = feed.articles
    assert first.title == "Talks resume in Geneva"
    assert first.link == "https://news.example/2026/11/talks"
    assert first.guid == "tag:news.example,2026:1"
    assert first.author == "Ana Writer"
    assert first.published == "2026-11-24T08:30:00+00:00"
    assert first.categories == ("World", "Diplomacy")
    assert first.text.startswith("First & foremost, talks resumed.\n\nThis paragraph")
    assert "alert" not in first.text and "color" not in first.text
    assert "<" not in first.text
    assert first.dedupe_key == "guid:tag:news.example,2026:1"
    assert first.summary_only is False
    assert second.text == "Just a teaser."
    assert second.summary_only is True
    assert second.dedupe_key == "link:https://news.example/2026/11/summary"


def test_atom_entry_dates_are_utc_and_xhtml_becomes_paragraphs() -> None:
    feed = parse_feed(ATOM.encode(), BASE)
    assert feed.title == "Atom News"
    (entry,) = feed.articles
    assert entry.published == "2026-11-24T04:00:00+00:00"
    assert entry.updated == "2026-11-24T08:00:00+00:00"
    assert entry.author == "Bo Reporter"
    assert entry.text == "One.\n\nTwo."


def test_rss1_rdf() -> None:
    feed = parse_feed(RDF.encode(), BASE)
    (entry,) = feed.articles
    assert entry.title == "RDF item"
    assert entry.published == "2026-11-20T11:00:00+00:00"


def test_json_feed() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON \u001b[31mNews",
        "home_page_url": "https://json.example/",
        "authors": [{"name": "Desk"}],
        "items": [
            {
                "id": "42",
                "url": "https://json.example/42",
                "title": "Hello",
                "content_html": "<p>Para one.</p><p>Para two &amp; more.</p>",
                "date_published": "2026-11-24T10:00:00+01:00",
                "tags": ["a", "b"],
            },
            {"id": "43", "content_text": "Plain text only.\n\nSecond."},
            {"not": "usable"},
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), BASE, "application/feed+json")
    assert feed.title == "JSON News"  # the escape sequence is gone
    first, second = feed.articles
    assert first.text == "Para one.\n\nPara two & more."
    assert first.published == "2026-11-24T09:00:00+00:00"
    assert first.author == "Desk" and first.categories == ("a", "b")
    assert first.dedupe_key == "guid:42"
    assert second.text == "Plain text only.\n\nSecond."
    assert feed.skipped == 1


def test_hostile_fields_are_cleaned() -> None:
    doc = """<rss version="2.0"><channel><title>T</title>
    <item><title>Bad\x1b]8;;http://evil\x07title\u202e here</title>
    <link>javascript:alert(1)</link>
    <description>&lt;img src=x onerror=alert(1)&gt;&lt;iframe src="https://evil"&gt;
      &lt;/iframe&gt;Body\x07 text</description>
    </item></channel></rss>"""
    (entry,) = parse_feed(doc.encode(), BASE).articles
    assert entry.title == "Badtitle here"
    assert entry.link == ""
    assert entry.text == "Body text"


def test_not_a_feed() -> None:
    with pytest.raises(NotAFeed):
        parse_feed(b"<html><body><p>A page</p></body></html>", BASE, "text/html")
    with pytest.raises(NotAFeed):
        parse_feed(b'{"hello": "world"}', BASE, "application/json")
    with pytest.raises(NotAFeed):
        parse_feed(b"", BASE)
    with pytest.raises(NotAFeed):  # nesting deep enough to exhaust the JSON decoder
        parse_feed(
            b'{"version": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", BASE, "application/json"
        )


def test_dedupe_key_prefers_guid_then_link_then_title_and_date() -> None:
    assert dedupe_key("g", "https://l", "T", "2026-01-01") == "guid:g"
    assert dedupe_key(None, "https://l", "T", "2026-01-01") == "link:https://l"
    assert dedupe_key(None, "", "T", "2026-01-01") == "title:T|2026-01-01"
    assert dedupe_key(None, "", "T", None) != dedupe_key(None, "", "T", "2026-01-01")


def test_content_hash_changes_only_with_content() -> None:
    a = parse_feed(RSS2.encode(), BASE).articles[0]
    b = parse_feed(RSS2.encode(), BASE).articles[0]
    edited = parse_feed(RSS2.replace("resumed.", "resumed again.").encode(), BASE).articles[0]
    assert a.content_hash == b.content_hash
    assert edited.content_hash != a.content_hash
    assert edited.dedupe_key == a.dedupe_key


@pytest.mark.parametrize("padding", [0, 5000], ids=["in-the-head", "past-the-first-4-KB"])
def test_an_external_dtd_is_never_read(tmp_path: Path, padding: int) -> None:
    # A DOCTYPE naming a local file whose entities would fill an attribute and a title.
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "https://evil.example/LEAKED">', encoding="utf-8")
    doc = (
        f'<?xml version="1.0" encoding="utf-8"?><!--{"x" * padding}-->\n'
        f'<!DOCTYPE feed SYSTEM "file://{dtd}">'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>T &leak;</title>'
        "<id>https://news.example/</id><entry><title>Entry &leak;</title>"
        '<id>https://news.example/1</id><link href="&leak;"/><summary>Body</summary></entry>'
        "</feed>"
    ).encode()
    # A document with a DOCTYPE is never the fast path's.
    assert parse_plain_xml_feed(doc, BASE) is None
    try:
        parsed = parse_feed(doc, BASE)
    except NotAFeed:
        return
    assert "LEAKED" not in repr(parsed)
