"""Every document of feedparser's test corpus, served over loopback and refreshed.

No document may crash the refresh, and every feed must end with articles stored or an
error recorded. Skips when ../shared is absent.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import feedparser
import pytest
from feed_server import FeedServer

from briefing.ingest.refresh import refresh_feeds
from briefing.store import open_library
from briefing.store.feeds import add_feed, list_feeds

# The corpus's own harness sends the HTTP headers named in a document's leading comment.
_HEADER = re.compile(rb"^Header:\s*([\w-]+):\s*(.*?)\s*$", re.MULTILINE)


def _corpus() -> Path:
    root = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "feedparser-tests"
    if not root.is_dir():
        pytest.skip("../shared is absent")
    return root


# Markup a reader shows nothing for: SVG and MathML drawings, tags, stray "<!..." text.
_NOT_TEXT = re.compile(r"<(svg|math)\b.*?</\1>|<[^>]*>?", re.S | re.I)


def _has_readable_entry(body: bytes) -> bool:
    """Independently of our parser: does feedparser (default, sanitising) see an entry
    with a link, an id, or a title or summary with words in it?"""
    doc = feedparser.parse(io.BytesIO(body), response_headers={"content-location": "http://x/"})
    for entry in doc.entries:
        if dict.get(entry, "link") or dict.get(entry, "id"):
            return True
        for key in ("title", "summary"):
            if re.search(r"\w", html.unescape(_NOT_TEXT.sub("", dict.get(entry, key) or ""))):
                return True
    return False


def _serve(server: FeedServer, root: Path) -> list[str]:
    urls = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".xml", ".json") or not path.is_file():
            continue
        body = path.read_bytes()
        headers = {}
        content_type = "application/json" if path.suffix == ".json" else "application/xml"
        for name, value in _HEADER.findall(body[:2048]):
            key = name.decode("latin-1")
            if key.lower() == "content-type":
                content_type = value.decode("latin-1")
            else:
                headers[key] = value.decode("latin-1")
        rel = "/" + path.relative_to(root).as_posix()
        urls.append(server.set(rel, body, content_type=content_type, headers=headers))
    return urls


def test_every_corpus_document_refreshes(server: FeedServer, tmp_path: Path) -> None:
    urls = _serve(server, _corpus())
    assert len(urls) >= 2000
    with open_library(tmp_path / "corpus.db") as library:
        with library.db.atomic():
            for url in urls:
                add_feed(library, url)
        # Article pages would be fetched from the documents' (unreachable) example hosts.
        report = refresh_feeds(
            library,
            full_text=False,
            fetcher_options={"concurrency": 32, "per_host": 32, "read_timeout": 10},
        )
        assert report.feeds == len(urls)
        crashes = [r for r in report.results if (r.error or "").startswith("internal error")]
        assert crashes == [], crashes[:5]
        feeds = list_feeds(library)
        silent = [f.url for f in feeds if f.article_count == 0 and not f.last_error]
        assert silent == [], silent[:10]
        # Storing nothing and recording an error everywhere would pass the rule above:
        # every document with a readable entry must have given articles.
        missed = [
            f.url
            for f in feeds
            if f.article_count == 0
            and f.url.endswith(".xml")
            and _has_readable_entry(server.routes[f.url.split(str(server.port), 1)[1]].body)
        ]
        assert missed == [], missed[:10]
        stored = library.db.execute("SELECT text || title FROM articles").fetchall()
        escapes = [row[0][:80] for row in stored if "\x1b" in row[0] or "\x00" in row[0]]
        assert escapes == []
