"""Finding a site's feed: `<link rel="alternate">`, feed-looking links, common paths.

Also `looks_like_feed`, which sniffs a response body to tell a feed from a web page
(servers often send feeds as text/html or text/plain, and pages as text/xml).
"""

from __future__ import annotations

import codecs
import json
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree

__all__ = ["COMMON_FEED_PATHS", "common_feed_urls", "feed_links", "looks_like_feed"]

# Tried in this order against the site root when a page advertises no feed.
COMMON_FEED_PATHS: tuple[str, ...] = (
    "/feed",
    "/rss",
    "/feed.xml",
    "/rss.xml",
    "/atom.xml",
    "/index.xml",
    "/feed.json",
    "/feed/atom",
    "/atom",
    "/index.rss",
    "/rss/index.xml",
    "/feeds/posts/default",
    "/?feed=rss2",
)

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/json",
        "application/x-rss+xml",
        "application/x-atom+xml",
        "application/xml",
        "text/xml",
        "text/rss+xml",
        "text/atom+xml",
    }
)
# Content types that only a feed would carry (application/xml and json are too general).
_FEED_ONLY_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/x-rss+xml",
        "application/x-atom+xml",
        "text/rss+xml",
        "text/atom+xml",
    }
)


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")

# An <a href> whose path reads like a feed: /feed, /rss/, /atom.xml, /index.rss, feed.json, ...
_FEEDISH_PATH = re.compile(
    r"""(?:^|/)(?:feed|feeds|rss|rss2|atom|rdf)(?:/|\.xml|\.rss|\.atom|\.rdf|\.json)?$
      | \.(?:rss|atom|rdf)$
      | (?:^|/)[\w.-]*(?:feed|rss|atom)[\w.-]*\.(?:xml|json)$""",
    re.IGNORECASE | re.VERBOSE,
)
_FEEDISH_QUERY = re.compile(r"(?:^|&)(?:feed|format|type)=(?:rss2?|atom|rdf|json)\b", re.IGNORECASE)


def feed_links(html: str, base_url: str) -> list[str]:
    """Feed URLs a page offers: its rel=alternate links first, then feed-looking `<a>` links.

    URLs are absolute (resolved against `base_url` and any `<base href>`), in document
    order, without duplicates.
    """
    root = _parse_page(html)
    if root is None:
        return []
    base = _base_url(root, base_url)
    advertised = (el.get("href") for el in root.iter("link") if _is_feed_link(el))
    linked = (el.get("href") for el in root.iter("a") if _looks_like_feed_url(el.get("href")))
    urls = (_absolute(href, base) for href in (*advertised, *linked))
    return list(dict.fromkeys(url for url in urls if url))  # first of each, in order


def _parse_page(html: str) -> etree._Element | None:
    """The page's root element, or None for an empty page or one lxml cannot read."""
    if not html or not html.strip():
        return None
    try:
        # A parser per call: lxml parsers must not be shared between threads.
        parser = etree.HTMLParser(
            recover=True, no_network=True, remove_comments=True, remove_pis=True
        )
        # lxml refuses a str that declares its encoding; the declaration says nothing here.
        html = _XML_DECL.sub("", _without_surrogates(html), count=1)
        return etree.fromstring(html, parser)
    except (etree.ParserError, ValueError):
        return None


def _base_url(root: etree._Element, page_url: str) -> str:
    """What relative links resolve against: the first non-empty `<base href>`, else the page."""
    for el in root.iter("base"):
        href = (el.get("href") or "").strip()
        if href:
            return urljoin(page_url, href)
    return page_url


def _is_feed_link(el: etree._Element) -> bool:
    """A `<link>` to a feed: rel=alternate with a feed's type, or rel=feed."""
    rels = (el.get("rel") or "").lower().split()
    mime = (el.get("type") or "").split(";")[0].strip().lower()
    if "alternate" in rels and "stylesheet" not in rels and mime in FEED_TYPES:
        if mime != "application/json":
            return True
        # WordPress links every page to its REST API as application/json; only a
        # JSON link that calls itself a feed is one.
        label = f"{el.get('href') or ''} {el.get('title') or ''}".lower()
        return "feed" in label
    return "feed" in rels


def common_feed_urls(url: str) -> list[str]:
    """The COMMON_FEED_PATHS as absolute URLs on the site of `url`."""
    parts = urlsplit(url)
    root = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
    return [urljoin(root, path) for path in COMMON_FEED_PATHS]


def looks_like_feed(body: bytes, content_type: str) -> bool:
    """True when a response is an RSS, RDF, Atom or JSON Feed document, judged by its body.

    The content type only decides when the body's first element is not recognised.
    """
    mime = (content_type or "").split(";")[0].strip().lower()
    head = _decode_head(body)
    stripped = head.lstrip()
    if stripped.startswith(("{", "[")):
        return _is_json_feed(body)
    root = _root_element(stripped)
    if root is not None:
        name, start_tag = root
        local = name.rsplit(":", 1)[-1].lower()
        if local in ("rss", "feed", "channel"):  # channel: the old CDF format
            return True
        if local == "rdf":
            # RSS 1.0 and 0.90 are RDF documents with a channel; other RDF is not a feed.
            tag = start_tag.lower()
            return "<channel" in head or "purl.org/rss" in tag or "netscape.com/rdf" in tag
        return False
    if re.match(r"<!doctype\s+html", stripped, re.IGNORECASE):
        return False
    return mime in _FEED_ONLY_TYPES and bool(stripped)


def _absolute(href: str | None, base: str) -> str | None:
    if not href:
        return None
    href = href.strip()
    # The old feed: pseudo-scheme wraps an http(s) URL or stands for http.
    if href.lower().startswith("feed:"):
        rest = href[5:]
        href = rest if rest.lower().startswith(("http://", "https://")) else "http:" + rest
    url = urljoin(base, href)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit(parts._replace(fragment=""))


def _looks_like_feed_url(href: str | None) -> bool:
    if not href:
        return False
    parts = urlsplit(href.strip())
    if parts.scheme.lower() == "feed":
        return True
    return bool(_FEEDISH_PATH.search(parts.path) or _FEEDISH_QUERY.search(parts.query))


def _without_surrogates(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def _decode_head(body: bytes, size: int = 16_384) -> str:
    chunk = body[:size]
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if chunk.startswith(bom):
            return chunk[len(bom) :].decode(encoding, "replace")
    # UTF-32 and UTF-16 without a BOM show as NUL bytes around ASCII characters.
    if chunk[:3] == b"\x00\x00\x00" and chunk[3:4] != b"\x00":
        return chunk[: len(chunk) // 4 * 4].decode("utf-32-be", "replace")
    if chunk[1:4] == b"\x00\x00\x00" and chunk[:1] != b"\x00":
        return chunk[: len(chunk) // 4 * 4].decode("utf-32-le", "replace")
    if chunk[:1] == b"\x00" and chunk[1:2] not in (b"", b"\x00"):
        return chunk.decode("utf-16-be", "replace")
    if chunk[1:2] == b"\x00" and chunk[:1] not in (b"", b"\x00"):
        return chunk.decode("utf-16-le", "replace")
    # Tags are ASCII in every encoding we meet; latin-1 never fails.
    return chunk.decode("latin-1")


# The prolog a feed may start with: XML declaration, comments, PIs, a doctype.
_PROLOG = re.compile(
    r"""(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)*""",
    re.DOTALL | re.IGNORECASE,
)
_START_TAG = re.compile(r"<([A-Za-z_][\w:.-]*)([^>]*)>?")


def _root_element(text: str) -> tuple[str, str] | None:
    prolog = _PROLOG.match(text)
    rest = text[prolog.end() :] if prolog else text
    match = _START_TAG.match(rest)
    if match is None:
        return None
    return match.group(1), match.group(0)


def _is_json_feed(body: bytes) -> bool:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    if not isinstance(data, dict):
        return False
    version = data.get("version")
    if isinstance(version, str) and "jsonfeed.org/version" in version:
        return True
    # Some generators leave the version out; a title with a list of items is still a feed.
    return isinstance(data.get("items"), list) and isinstance(data.get("title"), str)
