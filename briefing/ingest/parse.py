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
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from briefing.ingest.html import html_to_text
from briefing.safetext import clean_line, clean_text

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


class NotAFeed(Exception):
    """The document is not a feed that can be read."""


@dataclass
class ParsedFeed:
    """A feed document: its own title and link, and its entries as article dicts."""

    title: str
    site_url: str
    version: str
    articles: list[dict[str, Any]] = field(default_factory=list)
    # Entries that carried nothing to show (no title, link or text).
    skipped: int = 0


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse a feed document fetched from `url`; raises NotAFeed when it is not one."""
    if _looks_like_json(body, content_type):
        return _parse_json_feed(body, url)
    # Sanitising is skipped on purpose: html_to_text reduces every HTML field to plain
    # text (dropping scripts, styles and all markup), and the sanitizer is where
    # feedparser spends most of its time. Relative links are resolved by us, for the
    # few fields that keep URLs.
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    doc = feedparser.parse(
        io.BytesIO(body),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
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
        article = _feedparser_entry(entry, url)
        if article is None:
            parsed.skipped += 1
        else:
            parsed.articles.append(article)
    return parsed


def _looks_like_json(body: bytes, content_type: str) -> bool:
    head = body[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and ("json" in content_type or b"version" in body[:4096])


# -- feedparser entries ---------------------------------------------------------------------


def _feedparser_entry(entry: Any, base_url: str) -> dict[str, Any] | None:
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
    categories: list[str] = []
    for tag in entry.get("tags") or []:
        name = clean_line(tag.get("term") or tag.get("label") or "")
        if name and name not in categories:
            categories.append(name)
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
    value = obj.get(name) or ""
    detail = obj.get(f"{name}_detail") or {}
    if _is_html(detail.get("type", "")) or _LOOKS_LIKE_HTML.search(value):
        value = html_to_text(value)
    return clean_line(value)


def _body_text(value: str, content_type: str) -> str:
    if not value:
        return ""
    if _is_html(content_type) or _LOOKS_LIKE_HTML.search(value) or "&" in value:
        return clean_text(html_to_text(value))
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


def _safe_link(value: Any, base_url: str) -> str:
    """An absolute http(s) link, or "" (javascript:, data: and the like are dropped)."""
    if not isinstance(value, str):
        return ""
    value = clean_line(value)
    if not value:
        return ""
    try:
        absolute = urljoin(base_url, value)
        if urlsplit(absolute).scheme.lower() not in ("http", "https"):
            return ""
    except ValueError:
        return ""
    return absolute


# -- JSON Feed -------------------------------------------------------------------------------


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig", errors="replace"))
    except ValueError as exc:
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
        article = _json_item(item, url, feed_author) if isinstance(item, dict) else None
        if article is None:
            parsed.skipped += 1
        else:
            parsed.articles.append(article)
    return parsed


def _json_item(item: dict[str, Any], base_url: str, feed_author: str) -> dict[str, Any] | None:
    html = _str(item.get("content_html"))
    plain = _str(item.get("content_text"))
    text = _body_text(html, "text/html") if html else _body_text(plain, "text/plain")
    full = bool(text)
    if not text:
        text = _body_text(_str(item.get("summary")), "text/plain")
    tags = item.get("tags")
    categories: list[str] = []
    for tag in tags if isinstance(tags, list) else []:
        name = clean_line(_str(tag))
        if name and name not in categories:
            categories.append(name)
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
    parsed = feedparser.datetimes._parse_date(value.strip())
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
    categories: list[str],
    text: str,
    full: bool,
) -> dict[str, Any] | None:
    if not (title or link or text or guid):
        return None
    content_hash = hashlib.sha256(
        json.dumps(
            [title, link, author, published, updated, categories, text], ensure_ascii=False
        ).encode("utf-8")
    ).hexdigest()
    return {
        "guid": guid,
        "link": link,
        "title": title,
        "author": author,
        "published": published,
        "updated": updated,
        "categories": categories,
        "text": text,
        "content_hash": content_hash,
        "dedupe_key": dedupe_key(guid, link, title, published or updated, text),
        # Only a summary: the article page holds the text (see SUMMARY_MAX_CHARS).
        "summary_only": bool(link) and not full and len(text) < SUMMARY_MAX_CHARS,
    }


def dedupe_key(guid: str | None, link: str, title: str, date: str | None, text: str = "") -> str:
    """How an entry is recognised across refreshes: its GUID, else link, else title and date."""
    if guid:
        return "guid:" + guid
    if link:
        return "link:" + link
    if title:
        return f"title:{title}|{date or ''}"
    return "text:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
