"""Subscription lists in and out: OPML 1.0/2.0 and newsboat's `urls` file.

Reading never follows a DTD or an entity out of the document: the XML parser loads no
DTD, resolves no entities and has no network, and a document that declares entities at
all is refused.
"""

from __future__ import annotations

import html as _html
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Protocol
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from lxml import etree

from briefing.errors import FeedError
from briefing.ingest.xmlguard import hardened_xml_parser
from briefing.safetext import clean_line

__all__ = [
    "Subscription",
    "SubscriptionFileError",
    "read_subscriptions",
    "write_opml",
]


class SubscriptionFileError(FeedError, ValueError):
    """The file is neither a readable OPML document nor a urls file."""


@dataclass
class Subscription:
    """One feed from a subscription list."""

    url: str
    title: str = ""
    tags: list[str] = field(default_factory=list)
    site_url: str = ""


class _FeedLike(Protocol):
    url: str
    title: str
    tags: list[str]
    site_url: str


def read_subscriptions(data: bytes, skipped: list[str] | None = None) -> list[Subscription]:
    """The feeds in an OPML document or a newsboat urls file, told apart by content.

    A feed listed twice (say, in two folders) appears once with the tags of both.
    Entries that are not http(s) feeds (newsboat `query:`/`exec:` lines, OPML links to
    other files) are left out; when `skipped` is given, a line for each is added to it.
    """
    skipped = skipped if skipped is not None else []
    if _looks_like_xml(data):
        found = _read_opml(data, skipped)
    else:
        found = _read_urls(data.decode("utf-8", "replace"), skipped)
    return _merge(found)


# --- OPML ---------------------------------------------------------------------------


def _looks_like_xml(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") or head[:2] in (b"\xff\xfe", b"\xfe\xff")


# A bare "&" in a URL (?a=1&b=2) is the most common flaw in hand-made OPML files.
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9._-]*;)")
_ENTITY_DECLARATION = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)

# One outline's attributes and the folder names above it.
_Entry = tuple[dict[str, str], list[str]]


def _read_opml(data: bytes, skipped: list[str]) -> list[Subscription]:
    root = None
    error: Exception | None = None
    for body in (data, _BARE_AMPERSAND.sub(b"&amp;", data)):
        try:
            root = etree.fromstring(body, hardened_xml_parser())
            break
        except (etree.XMLSyntaxError, ValueError) as exc:
            error = error or exc
    if root is None:
        if _ENTITY_DECLARATION.search(data):
            raise SubscriptionFileError("the OPML file declares XML entities; refusing to read it")
        # Real exports carry unescaped quotes and markup inside attributes, which no
        # XML parser accepts; read those outline by outline instead.
        text = _decode(data)
        entries = _scan_outlines(text) if re.search(r"<opml\b", text, re.IGNORECASE) else []
        if not any(attrs.get("xmlurl") for attrs, _ in entries):
            raise SubscriptionFileError(f"not a readable OPML file: {error}")
    else:
        dtd = root.getroottree().docinfo.internalDTD
        if dtd is not None and any(True for _ in dtd.iterentities()):
            raise SubscriptionFileError("the OPML file declares XML entities; refusing to read it")
        if _local(root.tag) != "opml":
            raise SubscriptionFileError(f"not an OPML file: the document is <{_local(root.tag)}>")
        entries = _tree_outlines(root)
    return [sub for attrs, folders in entries if (sub := _entry(attrs, folders, skipped))]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _tree_outlines(root: etree._Element) -> list[_Entry]:
    body = next((el for el in root if _local(el.tag) == "body"), None)
    if body is None:
        return []
    entries: list[_Entry] = []
    # Depth first, in document order, carrying the folder names above each outline.
    stack: list[tuple[etree._Element, list[str]]] = [
        (el, []) for el in reversed(list(body)) if _local(el.tag) == "outline"
    ]
    while stack:
        outline, folders = stack.pop()
        attrs = {_local(k): v for k, v in outline.attrib.items()}
        entries.append((attrs, folders))
        inner = _inner_folders(attrs, folders)
        children = [el for el in outline if _local(el.tag) == "outline"]
        stack.extend((child, inner) for child in reversed(children))
    return entries


_OUTLINE_TOKEN = re.compile(r"<outline\b|</outline\s*>|</body\s*>", re.IGNORECASE)
# A value runs to the quote that is followed by another attribute or the end of the tag,
# so that quotes left unescaped inside it do not cut it short.
_LOOSE_ATTR = re.compile(
    r"""([A-Za-z_:][\w:.-]*) \s*=\s* (?: "(.*?)" | '(.*?)' )
        (?= \s+[A-Za-z_:][\w:.-]*\s*= | \s*/?>\s*$ | \s*$ )""",
    re.DOTALL | re.VERBOSE,
)
_URL_ATTR = re.compile(r"""\b(xmlUrl|htmlUrl|url)\s*=\s*["']([^"'<>\s]*)["']""", re.IGNORECASE)


_MAX_LOOSE_OUTLINE = 20_000


def _scan_outlines(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    folders: list[list[str]] = [[]]
    tokens = list(_OUTLINE_TOKEN.finditer(text))
    for i, token in enumerate(tokens):
        word = token.group().lower()
        if word.startswith("</body"):
            break
        if word.startswith("</"):
            if len(folders) > 1:
                folders.pop()
            continue
        end = tokens[i + 1].start() if i + 1 < len(tokens) else len(text)
        region = text[token.end() : end].rstrip()
        attrs = {
            m.group(1).lower(): _html.unescape(m.group(2) or m.group(3) or "")
            # The lazy scan is quadratic in the worst case: a hostile outline gets a bound.
            for m in _LOOSE_ATTR.finditer(region[:_MAX_LOOSE_OUTLINE])
        }
        # URLs never hold quotes, so they are read on their own, whatever the rest holds.
        for m in _URL_ATTR.finditer(region):
            attrs[m.group(1).lower()] = _html.unescape(m.group(2))
        entries.append((attrs, folders[-1]))
        if not region.endswith("/>"):
            folders.append(_inner_folders(attrs, folders[-1]))
    return entries


def _decode(data: bytes) -> str:
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    declared = re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""", data)
    try:
        return data.decode(declared.group(1).decode() if declared else "utf-8")
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", "replace")


def _inner_folders(attrs: dict[str, str], folders: list[str]) -> list[str]:
    """The folders for an outline's children: its own name joins them unless it is a feed."""
    name = clean_line(attrs.get("text") or attrs.get("title"))
    if name and not attrs.get("xmlurl", "").strip():
        return [*folders, name]
    return folders


def _entry(attrs: dict[str, str], folders: list[str], skipped: list[str]) -> Subscription | None:
    kind = attrs.get("type", "").strip().lower()
    feed_url = attrs.get("xmlurl", "").strip()
    if not feed_url and kind in ("rss", "atom", "feed"):
        feed_url = attrs.get("url", "").strip()  # some old exporters
    if not feed_url:
        if kind in ("link", "include"):
            name = clean_line(attrs.get("text") or attrs.get("url"))
            skipped.append(f"a link, not a feed: {name}")
        return None
    url = _feed_url(feed_url)
    if url is None:
        skipped.append(f"not an http(s) feed: {clean_line(feed_url)}")
        return None
    title = clean_line(attrs.get("title") or attrs.get("text"))
    return Subscription(
        url=url,
        # Exporters name an untitled feed by its URL; that is no title.
        title="" if title in (url, feed_url) else title,
        tags=[*folders, *_categories(attrs.get("category", ""))],
        site_url=_site_url(attrs.get("htmlurl", "")),
    )


def _categories(value: str) -> list[str]:
    """OPML 2.0 `category`: comma-separated, slash-delimited paths ("/News/World,/Tech")."""
    tags: list[str] = []
    for path in value.split(","):
        tags.extend(part for part in (clean_line(p) for p in path.split("/")) if part)
    return tags


# --- newsboat urls ------------------------------------------------------------------

_NOT_FEEDS = ("query:", "exec:", "filter:")


def _read_urls(text: str, skipped: list[str]) -> list[Subscription]:
    found = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        tokens = _tokens(line)
        if not tokens:
            continue
        first = tokens[0]
        if first.lower().startswith(_NOT_FEEDS):
            kind = first.split(":", 1)[0]
            skipped.append(f"a newsboat {kind} feed, not a URL: {clean_line(line)}")
            continue
        url = _feed_url(first)
        if url is None:
            skipped.append(f"not an http(s) feed: {clean_line(first)}")
            continue
        title, tags = _title_and_tags(tokens[1:])
        found.append(Subscription(url=url, title=title, tags=tags))
    return found


def _title_and_tags(tokens: list[str]) -> tuple[str, list[str]]:
    """What follows the URL on a urls line: tags, a "~title", up to a "#" comment."""
    title = ""
    tags: list[str] = []
    for token in tokens:
        if token.startswith("#"):
            break  # the rest of the line is a comment
        if token.startswith("~"):
            title = clean_line(token[1:])
        elif token == "!":
            continue  # "hidden in the feed list": we have no such notion, keep the feed
        elif clean_line(token):
            tags.append(clean_line(token))
    return title, tags


def _tokens(line: str) -> list[str]:
    """Split a urls line: whitespace-separated, double quotes group, backslash escapes."""
    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    lexer.quotes = '"'
    lexer.escapedquotes = '"'
    try:
        return list(lexer)
    except ValueError:  # an unclosed quote: take the words as they are
        return [t.strip('"') for t in line.split()]


# --- shared -------------------------------------------------------------------------


def _feed_url(value: str) -> str | None:
    url = clean_line(value).replace(" ", "%20")
    if url.lower().startswith("feed:"):
        # The old feed: pseudo-scheme wraps an http(s) URL or stands for http.
        rest = url[5:]
        if not rest.lower().startswith(("http://", "https://")):
            rest = "http:" + rest if rest.startswith("//") else "http://" + rest
        url = rest
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # such as an unclosed IPv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return url


def _site_url(value: str) -> str:
    url = clean_line(value)
    try:
        return url if urlsplit(url).scheme.lower() in ("http", "https") else ""
    except ValueError:
        return ""


def _merge(found: Iterable[Subscription]) -> list[Subscription]:
    by_url: dict[str, Subscription] = {}
    for sub in found:
        sub.tags = _unique(sub.tags)
        seen = by_url.get(sub.url)
        if seen is None:
            by_url[sub.url] = sub
            continue
        seen.tags = _unique([*seen.tags, *sub.tags])
        seen.title = seen.title or sub.title
        seen.site_url = seen.site_url or sub.site_url
    return list(by_url.values())


def _unique(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t for t in tags if t))


# --- writing ------------------------------------------------------------------------


def write_opml(feeds: Iterable[_FeedLike], title: str = "briefing subscriptions") -> str:
    """An OPML 2.0 document of `feeds` that other readers import.

    A tagged feed sits in a folder named after its first tag, and every tag is also in
    its `category` attribute, so that readers that know either keep all of them.
    """
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = _xml_safe(title)
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(opml, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        tags = _unique(_xml_safe(t) for t in feed.tags)
        parent = body
        if tags:
            if tags[0] not in folders:
                folders[tags[0]] = ET.SubElement(body, "outline", text=tags[0], title=tags[0])
            parent = folders[tags[0]]
        name = _xml_safe(feed.title) or _xml_safe(feed.url)
        attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": _xml_safe(feed.url)}
        if feed.site_url:
            attrs["htmlUrl"] = _xml_safe(feed.site_url)
        # A tag holding "/" or "," cannot be written as a category; its folder keeps it.
        categories = ["/" + t for t in tags if "/" not in t and "," not in t]
        if categories:
            attrs["category"] = ",".join(categories)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(opml, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(opml, encoding="unicode") + "\n"


def _xml_safe(value: str | None) -> str:
    # clean_line drops control characters, which XML 1.0 cannot carry at all.
    return re.sub("[\ud800-\udfff\ufffe\uffff]", "", clean_line(value))
