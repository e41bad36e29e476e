"""Property tests on hostile text: the HTML cleaner, the feed normaliser and the analyser
never raise, keep their offsets valid and let no control character through."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from payloads import BIDI, CLICK_MARKUP, ESCAPES, MARKUP, forbidden

from briefing.ingest.html import html_to_text
from briefing.ingest.parse import NotAFeed, parse_feed
from briefing.safetext import clean_text
from briefing.understand import analyse

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces a hostile feed is made of: markup, references, controls, quotes, names.
_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<br>",
        "<script>alert(1)</script>",
        "<style>p{}</style>",
        "<a href='javascript:x'>",
        "</a>",
        "<![CDATA[",
        "]]>",
        "<!--",
        "-->",
        "&#27;[2J",
        "&#x9b;31m",
        "&#0;",
        "&#x1b;]0;t&#7;",
        "&#xD800;",
        "&#1114112;",
        "&amp;",
        "&nbsp;",
        "&bogus;",
        "\x1b]0;pwned\x07",
        "\x1b[2J",
        "\x9b",
        "\x00",
        "\r\n",
        "\u2028",
        "\ud800",
        BIDI,
        MARKUP,
        CLICK_MARKUP,
        ESCAPES,
        "“",
        "”",
        '"',
        " said ",
        "Jane Doe",
        "the minister",
        " on Monday",
        " 3 March 2026",
        "We will never accept this.",
        ". ",
        "\n\n",
    ]
)
hostile_text = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join)


@FUZZ
@given(hostile_text)
def test_html_to_text_is_clean(html: str) -> None:
    text = html_to_text(html)
    assert isinstance(text, str)
    assert not forbidden(text), repr(text)
    assert "<script" not in text.lower()


def _xml_text(value: str) -> str:
    # What a feed can carry in XML 1.0 at all (other characters are not well-formed).
    kept = "".join(
        c for c in value if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
    )
    return kept.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _assert_clean_articles(parsed) -> None:  # type: ignore[no-untyped-def]
    assert not forbidden(parsed.title) and not forbidden(parsed.site_url)
    for article in parsed.articles:
        for name in ("title", "author", "link", "text", "guid", "dedupe_key"):
            value = getattr(article, name) or ""
            assert isinstance(value, str)
            assert not forbidden(value), (name, value)
        assert article.link == "" or article.link.startswith(("http://", "https://"))
        assert article.dedupe_key
        assert all(isinstance(c, str) and not forbidden(c) for c in article.categories)


@FUZZ
@given(title=hostile_text, body=hostile_text, link=hostile_text, author=hostile_text)
def test_rss_entries_normalise_to_clean_articles(
    title: str, body: str, link: str, author: str
) -> None:
    doc = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{_xml_text(title)}</title><item><title>{_xml_text(title)}</title>"
        f"<link>{_xml_text(link)}</link><dc:creator>{_xml_text(author)}</dc:creator>"
        f"<description>{_xml_text(body)}</description><category>{_xml_text(title)}</category>"
        "</item></channel></rss>"
    )
    try:
        parsed = parse_feed(doc.encode("utf-8", "surrogatepass"), "http://example.org/feed")
    except NotAFeed:
        return
    _assert_clean_articles(parsed)


@FUZZ
@given(raw=hostile_text)
def test_broken_xml_bytes_never_raise(raw: str) -> None:
    """Raw controls, lone surrogates and stray markup: the feed parser's fallback paths."""
    doc = f'<rss version="2.0"><channel><item><title>{raw}</title>{raw}</item></channel></rss>'
    try:
        parsed = parse_feed(doc.encode("utf-8", "surrogatepass"), "http://example.org/feed")
    except NotAFeed:
        return
    _assert_clean_articles(parsed)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
_item_keys = st.sampled_from(
    [
        "id",
        "url",
        "external_url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "date_published",
        "date_modified",
        "authors",
        "author",
        "tags",
    ]
)


@FUZZ
@given(items=st.lists(st.dictionaries(_item_keys, _json_values, max_size=8), max_size=4))
@example(items=[{"id": None, "url": "\ud800", "title": "lone \udfff surrogate"}])
def test_json_feed_items_of_any_shape_normalise_to_clean_articles(items: list[dict]) -> None:  # type: ignore[type-arg]
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Feed", "items": items}
    try:
        parsed = parse_feed(
            json.dumps(doc).encode(), "http://example.org/feed.json", "application/feed+json"
        )
    except NotAFeed:
        return
    _assert_clean_articles(parsed)


def _check_analysis(text: str, published: str | None) -> None:
    result = analyse(text, published, title="Fuzz", source="fuzz")
    n = len(text)
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= n, q
        assert text[q.start : q.end] == q.text, q
        if q.speaker_span is not None:
            assert 0 <= q.speaker_span[0] <= q.speaker_span[1] <= n, q
    for r in result.red_lines:
        assert 0 <= r.start <= r.end <= n, r
    for e in result.events:
        assert 0 <= e.start <= e.end <= n, e
        assert len(e.date) in (7, 10) and e.date[:4].isdigit(), e
    for a in result.actors:
        assert all(0 <= s <= t <= n for s, t in a.spans), a
    json.dumps(result.to_prediction("fuzz"))  # the evaluation format always serialises


# English news sentences with hostile text spliced in: the analyser reads English only,
# so this is what reaches its quote, red-line and date rules.
_SENTENCES = st.sampled_from(
    [
        "Jane Doe, the foreign minister, said: “{x} We will never accept this deal.”",
        "“{x} There will be no agreement unless the troops withdraw,” Mark Jansen said.",
        "The minister said on Monday that {x} talks would resume on 3 March 2026.",
        "According to the union, {x} the strike will continue until pay rises.",
        "Talks broke down last Tuesday after {x} the council withdrew its offer.",
        "He told reporters “{x}” and left.",
        "Anna de Vries (the union leader) said {x}: “Under no circumstances.”",
        "{x}",
    ]
)
english_text = st.lists(
    st.tuples(_SENTENCES, hostile_text).map(lambda p: p[0].replace("{x}", p[1])),
    min_size=1,
    max_size=6,
).map(" ".join)


@FUZZ
@given(
    text=st.one_of(hostile_text, english_text),
    published=st.sampled_from([None, "2026-03-02", "2026-03-02T10:00:00Z", "not a date"]),
)
def test_analyser_on_raw_hostile_text(text: str, published: str | None) -> None:
    _check_analysis(text, published)


@FUZZ
@given(text=english_text)
def test_analyser_on_stored_text_outputs_no_controls(text: str) -> None:
    """What the library holds is cleaned text; nothing the analyser finds in it is unsafe."""
    stored = clean_text(html_to_text(text))
    _check_analysis(stored, "2026-03-02")
    result = analyse(stored, "2026-03-02")
    for value in (
        [q.text for q in result.quotes]
        + [q.speaker or "" for q in result.quotes]
        + [r.text for r in result.red_lines]
        + [e.text for e in result.events]
        + [a.name for a in result.actors]
    ):
        assert not forbidden(value), value
