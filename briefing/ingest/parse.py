"""Turning a fetched document (RSS, Atom, RDF or JSON Feed) into article records.

Every string that leaves this module is plain text with control characters removed:
HTML goes through `html_to_text`, one-line fields through `clean_line`.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from html import escape
from operator import attrgetter
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from briefing.errors import FeedError
from briefing.ingest import problems
from briefing.ingest.html import html_to_text, may_hold_controls
from briefing.ingest.xmlguard import (
    defuse_char_refs,
    hardened_xml_parser,
    strip_internal_subset,
    trust_the_bom,
)
from briefing.safetext import clean_line, clean_text, strip_controls

# feedparser is imported when first needed: a refresh's parse workers seldom need it
# (plain feeds take the fast path), and importing it costs each of them a tenth of a second.

# An entry without a full content element whose text is shorter than this is taken to be
# a summary, and its article page is fetched when the feed allows it.
SUMMARY_MAX_CHARS = 600

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
# Markup that betrays HTML in a field that claims to be plain text.
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:/?(?:p|br|div|span|a|b|i|em|strong|img|ul|ol|li|h[1-6]|blockquote|table|script|style|"
    r"iframe|figure|pre|code)\b[^>]*>|!--)",
    re.IGNORECASE,
)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


class NotAFeed(FeedError):
    """The document is not a feed that can be read."""


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """One feed entry as plain text, as the library stores it (briefing.store.articles)."""

    guid: str | None
    link: str  # absolute http(s), or ""
    title: str
    author: str
    published: str | None  # ISO 8601 UTC
    updated: str | None
    categories: tuple[str, ...]
    text: str
    # A digest of every field above but the GUID: a changed hash means an edited entry.
    content_hash: str
    # How the entry is recognised across refreshes (see `dedupe_key`).
    dedupe_key: str
    # Only a summary: the article page holds the text (see SUMMARY_MAX_CHARS).
    summary_only: bool = False

    def __reduce__(self) -> tuple[type[ParsedArticle], tuple[Any, ...]]:
        # Articles come back from the parse worker processes pickled: as the constructor's
        # arguments they cost a third of the state a frozen slots dataclass pickles.
        return ParsedArticle, _article_values(self)


_article_values = attrgetter(*(f.name for f in fields(ParsedArticle)))


@dataclass
class ParsedFeed:
    """A feed document: its own title and link, and its entries."""

    title: str
    site_url: str
    version: str
    articles: list[ParsedArticle] = field(default_factory=list)
    # Entries that carried nothing to show (no title, link or text).
    skipped: int = 0

    def add(self, article: ParsedArticle | None) -> None:
        """Keep an entry, or count it as skipped when it carried nothing (None)."""
        if article is None:
            self.skipped += 1
        else:
            self.articles.append(article)


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse a feed document fetched from `url`; raises NotAFeed when it is not one, saying
    what the server sent instead (briefing.ingest.problems)."""
    try:
        if _looks_like_json(body, content_type):
            return _parse_json_feed(body, url)
        fast = parse_plain_xml_feed(body, url, content_type)
        if fast is not None:
            return fast
        return parse_with_feedparser(body, url, content_type)
    except NotAFeed as exc:
        raise NotAFeed(problems.not_a_feed(content_type, body, str(exc))) from None


def parse_with_feedparser(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """The general path: feedparser, for every format, encoding and oddity it knows."""
    # Sanitising is skipped on purpose: html_to_text reduces every HTML field to plain
    # text (dropping scripts, styles and all markup), and the sanitizer is where
    # feedparser spends most of its time. Relative links are resolved by us, for the
    # few fields that keep URLs.
    body, content_type = trust_the_bom(body, content_type)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        import feedparser

        doc = feedparser.parse(
            # Entity declarations are dropped first: feedparser's fallback parser would
            # expand a quadratic-blowup entity in full (see briefing.ingest.xmlguard).
            io.BytesIO(defuse_char_refs(strip_internal_subset(body))),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except (ValueError, LookupError, OverflowError) as exc:  # hostile input it cannot take
        raise NotAFeed(f"not a feed (unreadable: {clean_line(str(exc))[:160]})") from exc
    entries = doc.get("entries") or []
    version = doc.get("version") or ""
    if not version and not entries:
        reason = doc.get("bozo_exception")
        detail = f" ({clean_line(str(reason))[:160]})" if reason else ""
        raise NotAFeed(f"not a feed{detail}")
    meta = doc.get("feed") or {}
    parsed = ParsedFeed(
        title=_field_text(meta, "title"),
        site_url=_safe_link(meta.get("link"), url),
        version=version or "unknown",
    )
    for entry in entries:
        parsed.add(_feedparser_entry(entry, url))
    return parsed


def _looks_like_json(body: bytes, content_type: str) -> bool:
    head = body[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and ("json" in content_type or b"version" in body[:4096])


# -- feedparser entries ---------------------------------------------------------------------


def _feedparser_entry(entry: Any, base_url: str) -> ParsedArticle | None:
    title = _field_text(entry, "title")
    link = _safe_link(entry.get("link"), base_url)
    contents = entry.get("content") or []
    text = ""
    full = False
    if contents:
        # Prefer the HTML alternative, then the longest.
        best = max(
            contents,
            key=lambda c: (_is_html(c.get("type", "")), len(c.get("value") or "")),
        )
        text = _body_text(best.get("value") or "", best.get("type", ""))
        full = bool(text)
    if not text:
        detail = entry.get("summary_detail") or {}
        text = _body_text(entry.get("summary") or "", detail.get("type", "text/html"))
    categories = _unique(
        clean_line(tag.get("term") or tag.get("label") or "") for tag in entry.get("tags") or []
    )
    return _article(
        guid=clean_line(entry.get("id") or "") or None,
        link=link,
        title=title,
        author=clean_line(entry.get("author") or ""),
        # dict.get: FeedParserDict maps a missing "updated" to "published" with a warning.
        published=_iso(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")),
        updated=_iso(dict.get(entry, "updated_parsed")),
        categories=categories,
        text=text,
        full=full,
    )


def _field_text(obj: Any, name: str) -> str:
    detail = obj.get(f"{name}_detail") or {}
    return _field_value(obj.get(name) or "", detail.get("type", ""))


def _field_value(value: str, content_type: str) -> str:
    """A one-line field (title) as plain text."""
    if _is_html(content_type) or _LOOKS_LIKE_HTML.search(value):
        value = html_to_text(value)
    return clean_line(value)


def _body_text(value: str, content_type: str) -> str:
    if not value:
        return ""
    if _is_html(content_type) or _LOOKS_LIKE_HTML.search(value) or "&" in value:
        text = html_to_text(value)
        # html_to_text gives clean paragraphs and lines (which clean_text would fold);
        # controls are stripped again only if one got through.
        if may_hold_controls(text) and _CONTROL.search(text):
            return strip_controls(text)
        return text
    return clean_text(value)


def _is_html(content_type: str) -> bool:
    return any(kind in content_type.lower() for kind in _HTML_TYPES)


def _iso(parsed: Any) -> str | None:
    """feedparser's UTC struct_time as ISO 8601 UTC."""
    if not parsed:
        return None
    try:
        stamp = calendar.timegm(parsed)
        return datetime.fromtimestamp(stamp, UTC).isoformat()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


# An absolute http(s) URL that urljoin would return unchanged (no dot segments).
_PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#\s]+(?:[/?#](?!\.\.?(?:[/?#]|$))[^/?#\s]*)*$")


def _safe_link(value: Any, base_url: str) -> str:
    """An absolute http(s) link, or "" (javascript:, data: and the like are dropped)."""
    if not isinstance(value, str):
        return ""
    value = clean_line(value)
    if not value:
        return ""
    if _PLAIN_ABSOLUTE.match(value):
        return value  # the common case, already absolute: nothing to resolve
    try:
        absolute = urljoin(base_url, value)
        if urlsplit(absolute).scheme.lower() not in ("http", "https"):
            return ""
    except ValueError:
        return ""
    return absolute


# -- the fast path: plain, well-formed RSS 2.0, RSS 1.0 and Atom 1.0 --------------------------
#
# Most real feeds are well-formed UTF-8 XML using a handful of elements. For those, lxml
# reads the same fields feedparser would in a fraction of the time (feedparser's pure
# Python SAX handlers cost more than all other work of a refresh). Anything unusual —
# another encoding, a DOCTYPE, xml:base, an element feedparser maps onto a field we use,
# a repeated field, a syntax error — sends the document to feedparser instead; a test
# checks that both paths give the same articles for every document the fast path takes.

_NS_ATOM = "http://www.w3.org/2005/Atom"
_NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_NS_RSS1 = "http://purl.org/rss/1.0/"
_NS_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_NS_DC = "http://purl.org/dc/elements/1.1/"
_NS_XHTML = "http://www.w3.org/1999/xhtml"
# Namespaces whose item elements feedparser maps to nothing we store.
_IGNORABLE_NS = frozenset(
    {
        "http://wellformedweb.org/CommentAPI/",
        "http://purl.org/rss/1.0/modules/slash/",
        "http://search.yahoo.com/mrss/",
    }
)
_IGNORABLE_MEDIA = frozenset({"content", "thumbnail", "group", "player"})

_RSS_ITEM = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "description": "description",
    "pubDate": "published",
    "author": "author",
    "category": "category",
    "comments": None,
    "enclosure": None,
    "source": None,
}
_EXTRA_ITEM = {
    f"{{{_NS_CONTENT}}}encoded": "content",
    f"{{{_NS_DC}}}creator": "author",
    f"{{{_NS_DC}}}date": "updated",
    f"{{{_NS_DC}}}subject": "category",
}
_ATOM_ENTRY = {
    f"{{{_NS_ATOM}}}{name}": key
    for name, key in {
        "title": "title",
        "link": "link",
        "id": "guid",
        "published": "published",
        "updated": "updated",
        "author": "author",
        "contributor": None,
        "category": "category",
        "content": "content",
        "summary": "description",
        "rights": None,
    }.items()
}
_RDF_ITEM: dict[str, str | None] = {
    f"{{{_NS_RSS1}}}title": "title",
    f"{{{_NS_RSS1}}}link": "link",
    f"{{{_NS_RSS1}}}description": "description",
}
_SINGLE = ("title", "link", "guid", "description", "content", "published", "updated", "author")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""")


# Fields that hold only text in RSS; elements inside them confuse feedparser's reading.
_TEXT_ONLY = ("title", "link", "guid", "category", "author", "published", "updated")


class _Unusual(Exception):
    """The document needs feedparser."""


# lxml parsers must not be shared between threads.
_local = threading.local()


def parse_plain_xml_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed | None:
    """The fast path: a ParsedFeed for a plain UTF-8 RSS/Atom document, else None."""
    if not _plain_utf8(body, content_type) or _needs_repair(body):
        return None
    root = _xml_root(body)
    if root is None and _XML_FORBIDDEN.search(body):
        # A control character makes the document malformed XML; feedparser reads it all
        # the same, and both paths drop controls and escape sequences from the text.
        root = _xml_root(_XML_FORBIDDEN.sub(b"", body))
    if root is None:
        return None
    read = _FAST_READERS.get(root.tag)
    if read is None:
        return None
    try:
        return read(root, url)
    except _Unusual:
        return None


# The control characters XML 1.0 forbids anywhere in a document, with the terminal escape
# sequences ESC begins removed whole (as `strip_controls` removes them from text; an
# unterminated one stops at the next markup).
_XML_FORBIDDEN = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]?"
    rb"|\x1b[\]PX^_][^\x07\x1b<]*(?:\x07|\x1b\\)?"
    rb"|\x1b[@-Z\\-_]?"
    rb"|[\x00-\x08\x0b\x0c\x0e-\x1f]"
)


def _plain_utf8(body: bytes, content_type: str) -> bool:
    """Whether neither the HTTP header, the XML declaration nor a byte-order mark says the
    document is in another encoding than UTF-8."""
    charset = re.search(r"charset=[\"']?([\w.-]+)", content_type)
    if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
        return False
    declared = _DECLARED.match(body[:256])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return False
    return body[:2] not in (b"\xff\xfe", b"\xfe\xff")


def _needs_repair(body: bytes) -> bool:
    """Whether the document holds what feedparser treats specially: a DOCTYPE or entity
    declarations (defused first) or xml:base (relative links). Mislabelled windows-1252 text
    is repaired on both paths (`_repaired`)."""
    return b"<!DOCTYPE" in body[:4096] or b"xml:base" in body or b"<!ENTITY" in body


def _xml_root(body: bytes) -> Any:
    """The document's root element, or None when lxml finds it malformed or it has a
    DOCTYPE (one past the first 4 KB, which `_needs_repair` does not look at)."""
    parser = getattr(_local, "xml", None) or hardened_xml_parser()
    _local.xml = parser
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root.getroottree().docinfo.doctype:
        return None
    return root


# An absolute http(s) URL that feedparser's _urljoin returns unchanged: lower-case scheme,
# a host, and nothing urlsplit would drop or rewrite (empty query or fragment, a trailing
# ';', brackets, whitespace). Others go through _urljoin itself.
_JOINS_TO_ITSELF = re.compile(r"https?://[^/?#;\[\]\\\s]+(?:/[^?#;\[\]\\\s]*)?")


def _join(base: str, uri: str) -> str:
    """feedparser's _urljoin(base, uri), without its cost for an already absolute URL."""
    if uri.isascii() and _JOINS_TO_ITSELF.fullmatch(uri):
        return uri
    from feedparser.urls import _urljoin

    return str(_urljoin(base, uri))


def _text(el: Any) -> str:
    return _repaired("".join(el.itertext()) if len(el) else (el.text or ""))


# C1 control characters, which in a feed almost always stand for windows-1252 punctuation
# (the bytes of a text in that encoding declared as Latin-1 or UTF-8).
_C1 = re.compile("[\x80-\x9f]")
_CP1252 = {
    code: char
    for code in range(0x80, 0xA0)
    for char in [bytes([code]).decode("cp1252", errors="ignore")]
    if char
}


def _repaired(value: str) -> str:
    """A field of a UTF-8 document repaired as feedparser repairs it, so that both paths
    read the same text: UTF-8 that was read as Latin-1 and encoded again ("FranÃ§ois") is
    decoded once more, and C1 controls become the windows-1252 characters they stand for."""
    if value.isascii():
        return value
    try:
        value = value.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return value.translate(_CP1252) if _C1.search(value) else value


def _fields(item: Any, known: dict[str, str | None]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    text_only = known is not _ATOM_ENTRY
    for child in item:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        key = known.get(tag, "?") if tag in known else _EXTRA_ITEM.get(tag, "?")
        if text_only and len(child) and key in _TEXT_ONLY:
            raise _Unusual(f"elements inside {key}")
        if key == "?":
            ns, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
            if ns in _IGNORABLE_NS and (
                ns != "http://search.yahoo.com/mrss/" or local in _IGNORABLE_MEDIA
            ):
                continue
            raise _Unusual(tag)
        if key is None:
            continue
        found.setdefault(key, []).append(child)
    for key in _SINGLE:
        if len(found.get(key, ())) > 1:
            raise _Unusual(f"repeated {key}")
    return found


def _one(found: dict[str, list[Any]], key: str) -> Any:
    values = found.get(key)
    return values[0] if values else None


def _channel_meta(channel: Any, title_tag: str, link_tag: str) -> tuple[str, str]:
    titles = channel.findall(title_tag)
    links = channel.findall(link_tag)
    if len(titles) > 1 or len(links) > 1 or channel.find(f"{{{_NS_DC}}}title") is not None:
        raise _Unusual("channel title")
    title = _plain_or_html(_text(titles[0]), "text/plain") if titles else ""
    link = _text(links[0]) if links else ""
    return title, link


def _fast_rss(root: Any, url: str) -> ParsedFeed:
    channel = root.find("channel")
    if channel is None:
        raise _Unusual("no channel")
    title, link = _channel_meta(channel, "title", "link")
    version = {"2.0": "rss20", "0.91": "rss091u", "0.92": "rss092", "0.93": "rss093",
               "0.94": "rss094"}.get(root.get("version", ""))  # fmt: skip
    if version is None:
        raise _Unusual("rss version")
    parsed = ParsedFeed(title=title, site_url=_safe_link(link, url), version=version)
    for item in channel.iterfind("item"):
        found = _fields(item, _RSS_ITEM)
        guid_el = _one(found, "guid")
        guid = clean_line(_text(guid_el)) if guid_el is not None else ""
        link_el = _one(found, "link")
        link_text = _text(link_el) if link_el is not None else ""
        if guid_el is not None and guid_el.get("isPermaLink", "true") == "true":
            # A permalink GUID is a URL: resolved like feedparser does, and the link
            # when the item has none.
            guid = clean_line(_join(url, _text(guid_el).strip()))
            if link_el is None:
                link_text = guid
        parsed.add(_fast_entry(found, url, guid=guid, link=link_text, atom=False))
    return parsed


def _fast_rdf(root: Any, url: str) -> ParsedFeed:
    channel = root.find(f"{{{_NS_RSS1}}}channel")
    if channel is None:
        raise _Unusual("no channel")
    title, link = _channel_meta(channel, f"{{{_NS_RSS1}}}title", f"{{{_NS_RSS1}}}link")
    parsed = ParsedFeed(title=title, site_url=_safe_link(link, url), version="rss10")
    for item in root.iterfind(f"{{{_NS_RSS1}}}item"):
        found = _fields(item, _RDF_ITEM)
        link_el = _one(found, "link")
        guid = clean_line(item.get(f"{{{_NS_RDF}}}about") or "")
        link_text = _text(link_el) if link_el is not None else ""
        parsed.add(_fast_entry(found, url, guid=guid, link=link_text, atom=False))
    return parsed


def _fast_atom(root: Any, url: str) -> ParsedFeed:
    titles = root.findall(f"{{{_NS_ATOM}}}title")
    if len(titles) > 1:
        raise _Unusual("feed title")
    title = _atom_text(titles[0]) if titles else ""
    feed_id = root.find(f"{{{_NS_ATOM}}}id")
    site = _atom_link(root) or (_join(url, _text(feed_id).strip()) if feed_id is not None else "")
    parsed = ParsedFeed(title=clean_line(title), site_url=_safe_link(site, url), version="atom10")
    for entry in root.iterfind(f"{{{_NS_ATOM}}}entry"):
        found = _fields(entry, _ATOM_ENTRY)
        id_el = _one(found, "guid")
        guid = clean_line(_join(url, _text(id_el).strip())) if id_el is not None else ""
        link = _atom_link(entry) or guid
        parsed.add(_fast_entry(found, url, guid=guid, link=link, atom=True))
    return parsed


# The fast path's reader for each root element it knows.
_FAST_READERS: dict[str, Callable[[Any, str], ParsedFeed]] = {
    "rss": _fast_rss,
    f"{{{_NS_ATOM}}}feed": _fast_atom,
    f"{{{_NS_RDF}}}RDF": _fast_rdf,
}


def _atom_link(parent: Any) -> str:
    alternates = [
        el
        for el in parent.findall(f"{{{_NS_ATOM}}}link")
        if el.get("rel", "alternate") == "alternate"
    ]
    if len(alternates) > 1:
        raise _Unusual("several alternate links")
    return alternates[0].get("href", "") if alternates else ""


def _atom_text(el: Any) -> str:
    """An Atom text construct as plain text."""
    kind = el.get("type", "text").lower()
    if el.get("src") is not None or el.get("mode") is not None:
        raise _Unusual("atom content src/mode")
    if kind in ("xhtml", "application/xhtml+xml"):
        div = el.find(f"{{{_NS_XHTML}}}div")
        if div is None or len(el) != 1:
            raise _Unusual("xhtml without a div")
        inner = escape(div.text or "", quote=False) + "".join(
            etree.tostring(child, encoding="unicode", with_tail=True) for child in div
        )
        return _plain_or_html(_repaired(inner), "text/html")
    if kind in ("html", "text/html"):
        return _plain_or_html(_text(el), "text/html")
    if kind in ("text", "text/plain"):
        return _plain_or_html(_text(el), "text/plain")
    raise _Unusual(f"atom type {kind}")


def _plain_or_html(value: str, content_type: str) -> str:
    return _body_text(value, content_type) if value else ""


def _date(found: dict[str, list[Any]], key: str) -> str | None:
    el = _one(found, key)
    if el is None:
        return None
    value = _text(el).strip()
    if not value:
        return None
    quick = _quick_date(value)
    if quick is not None:
        return quick
    parsed = _feedparser_date(value)
    return _iso(parsed) if isinstance(parsed, time.struct_time) else None


# The two date forms nearly every feed uses, read without feedparser's chain of parsers
# (which gives the same instant for them): W3C-DTF as Atom writes it, and RFC 822 with a
# four-digit year, seconds and a numeric or GMT/UTC zone. Anything else goes to feedparser.
_W3CDTF = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)"
)
_RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d\d):(\d\d):(\d\d) "
    r"(GMT|UTC|[+-](?:0\d|1[0-4])[0-5]\d)"
)
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}


def _feedparser_date(value: str) -> Any:
    from feedparser.datetimes import _parse_date

    return _parse_date(value)


def _quick_date(value: str) -> str | None:
    """ISO 8601 UTC for a plain W3C-DTF or RFC 822 date, else None (ask feedparser)."""
    try:
        if _W3CDTF.fullmatch(value):
            when = datetime.fromisoformat(value)
        else:
            m = _RFC822.fullmatch(value)
            if m is None:
                return None
            day, month, year, hour, minute, second, zone = m.groups()
            offset = "+0000" if zone in ("GMT", "UTC") else zone
            when = datetime.fromisoformat(
                f"{year}-{_MONTHS[month]:02d}-{int(day):02d}T{hour}:{minute}:{second}"
                f"{offset[:3]}:{offset[3:]}"
            )
        if not 1900 <= when.year <= 9000:
            return None
        return when.astimezone(UTC).replace(microsecond=0).isoformat()
    except (ValueError, OverflowError):
        return None


def _fast_entry(
    found: dict[str, list[Any]], url: str, *, guid: str, link: str, atom: bool
) -> ParsedArticle | None:
    """An RSS or Atom entry's fields (as `_fields` found them) as an article."""
    text, full = _entry_text(found, atom)
    updated = _date(found, "updated")
    return _article(
        guid=guid or None,
        link=_safe_link(link, url),
        title=_entry_title(found, atom),
        author=_entry_author(found, atom),
        published=_date(found, "published") or updated,
        updated=updated,
        categories=_entry_categories(found, atom),
        text=text,
        full=full,
    )


def _entry_title(found: dict[str, list[Any]], atom: bool) -> str:
    title_el = _one(found, "title")
    if title_el is None:
        return ""
    if atom:
        return clean_line(_atom_text(title_el))
    return _field_value(_text(title_el), "text/plain")


def _entry_text(found: dict[str, list[Any]], atom: bool) -> tuple[str, bool]:
    """The entry's text, and whether it is the full content (not just a summary)."""
    content = _one(found, "content")
    if content is not None:
        text = _body_or_atom_text(content, atom)
        if text:
            return text, True
    summary = _one(found, "description")
    if summary is not None:
        return _body_or_atom_text(summary, atom), False
    return "", False


def _body_or_atom_text(el: Any, atom: bool) -> str:
    # RSS bodies are HTML (escaped or in CDATA); Atom says what it holds.
    return _atom_text(el) if atom else _plain_or_html(_text(el), "text/html")


def _entry_author(found: dict[str, list[Any]], atom: bool) -> str:
    author_el = _one(found, "author")
    if author_el is None:
        return ""
    if not atom:
        return clean_line(_text(author_el))
    name = author_el.find(f"{{{_NS_ATOM}}}name")
    return clean_line(_text(name)) if name is not None else ""


def _entry_categories(found: dict[str, list[Any]], atom: bool) -> tuple[str, ...]:
    return _unique(
        clean_line((el.get("term") or el.get("label") or "") if atom else _text(el))
        for el in found.get("category", ())
    )


# -- JSON Feed -------------------------------------------------------------------------------


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as exc:
        raise NotAFeed(f"not a feed (invalid JSON: {exc})") from exc
    if not isinstance(data, dict):
        raise NotAFeed("not a feed (JSON that is not a JSON Feed)")
    version = str(data.get("version") or "")
    items = data.get("items")
    if "jsonfeed.org" not in version and not isinstance(items, list):
        raise NotAFeed("not a feed (JSON that is not a JSON Feed)")
    parsed = ParsedFeed(
        title=clean_line(_str(data.get("title"))),
        site_url=_safe_link(data.get("home_page_url"), url),
        version="json1" + ("1" if version.endswith("1.1") else "0"),
    )
    feed_author = _json_author(data)
    for item in items if isinstance(items, list) else []:
        parsed.add(_json_item(item, url, feed_author) if isinstance(item, dict) else None)
    return parsed


def _json_item(item: dict[str, Any], base_url: str, feed_author: str) -> ParsedArticle | None:
    html = _str(item.get("content_html"))
    plain = _str(item.get("content_text"))
    text = _body_text(html, "text/html") if html else _body_text(plain, "text/plain")
    full = bool(text)
    if not text:
        text = _body_text(_str(item.get("summary")), "text/plain")
    tags = item.get("tags")
    categories = _unique(clean_line(_str(tag)) for tag in (tags if isinstance(tags, list) else []))
    title = _str(item.get("title"))
    return _article(
        guid=clean_line(_str(item.get("id"))) or None,
        link=_safe_link(item.get("url") or item.get("external_url"), base_url),
        title=clean_line(html_to_text(title) if _LOOKS_LIKE_HTML.search(title) else title),
        author=_json_author(item) or feed_author,
        published=_json_date(item.get("date_published")) or _json_date(item.get("date_modified")),
        updated=_json_date(item.get("date_modified")),
        categories=categories,
        text=text,
        full=full,
    )


def _json_author(obj: dict[str, Any]) -> str:
    authors = obj.get("authors")
    if not isinstance(authors, list):
        authors = [obj.get("author")]
    names = [clean_line(_str(a.get("name"))) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n)


def _json_date(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    parsed = _feedparser_date(value.strip())
    return _iso(parsed) if isinstance(parsed, time.struct_time) else None


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


# -- the article record ----------------------------------------------------------------------


def _article(
    *,
    guid: str | None,
    link: str,
    title: str,
    author: str,
    published: str | None,
    updated: str | None,
    categories: tuple[str, ...],
    text: str,
    full: bool,
) -> ParsedArticle | None:
    """The entry as an article, or None when it has nothing to show or recognise it by."""
    if not (title or link or text or guid):
        return None
    # Unit and record separators cannot occur in the fields (controls are stripped).
    fields = (title, link, author, published or "", updated or "", "\x1e".join(categories), text)
    content_hash = hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()
    return ParsedArticle(
        guid=guid,
        link=link,
        title=title,
        author=author,
        published=published,
        updated=updated,
        categories=categories,
        text=text,
        content_hash=content_hash,
        dedupe_key=dedupe_key(guid, link, title, published or updated, text),
        summary_only=bool(link) and not full and len(text) < SUMMARY_MAX_CHARS,
    )


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    """The non-empty names, each once, in the order first seen."""
    return tuple(dict.fromkeys(name for name in names if name))


def dedupe_key(guid: str | None, link: str, title: str, date: str | None, text: str = "") -> str:
    """How an entry is recognised across refreshes: its GUID, else link, else title and date."""
    if guid:
        return "guid:" + guid
    if link:
        return "link:" + link
    if title:
        return f"title:{title}|{date or ''}"
    return "text:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
