"""Feed documents for the ingest tests."""

from __future__ import annotations

from xml.sax.saxutils import escape


def rss(items: list[dict[str, str]], title: str = "Test Feed", link: str = "") -> str:
    """An RSS 2.0 document; each item dict may have title, link, guid, date, description."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>{escape(link or 'http://example.org/')}</link>",
    ]
    for item in items:
        parts.append("<item>")
        if "title" in item:
            parts.append(f"<title>{escape(item['title'])}</title>")
        if "link" in item:
            parts.append(f"<link>{escape(item['link'])}</link>")
        if "guid" in item:
            parts.append(f'<guid isPermaLink="false">{escape(item["guid"])}</guid>')
        if "date" in item:
            parts.append(f"<pubDate>{item['date']}</pubDate>")
        if "description" in item:
            parts.append(f"<description>{escape(item['description'])}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts)


LONG = " ".join(["This paragraph is long enough to count as a full article body."] * 15)
