"""The bundled demo: feeds built from the annotated articles, a local feed server, a demo library.

The articles live in `data/demo/gold/` (one JSON file each, text plus gold annotations) and
the outlets in `data/demo/outlets.json`. `build_feeds` renders every outlet's feed in its own
format (RSS 2.0, Atom 1.0 or JSON Feed 1.1) with the full text in each item, so a reader never
needs to fetch an article page; the rendered files are committed in `data/demo/feeds/` and
regenerated with `python -m briefing.demo build`. `DemoServer` serves them on 127.0.0.1 so the
demo library is filled through the real subscribe-and-refresh path.
"""

from __future__ import annotations

import hashlib
import html
import json
import sys
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from briefing.config import data_dir
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.store import Library
    from briefing.store.feeds import Feed

__all__ = [
    "DEMO_SCHEME",
    "DemoError",
    "DemoServer",
    "Outlet",
    "build_feeds",
    "demo_dir",
    "demo_feed_documents",
    "ensure_demo_library",
    "load_articles",
    "load_outlets",
    "published_at",
    "write_feeds",
]

# Feeds of the demo library are stored under this scheme once filled: they are bundled files,
# not subscriptions, and a refresh skips them instead of failing on a server that is gone.
DEMO_SCHEME = "demo://"

_FORMATS = {
    "rss2": ("xml", "application/rss+xml; charset=utf-8", "RSS 2.0"),
    "atom": ("xml", "application/atom+xml; charset=utf-8", "Atom 1.0"),
    "json": ("json", "application/feed+json; charset=utf-8", "JSON Feed 1.1"),
}


class DemoError(BriefingError):
    """The demo library could not be built, in one line for the user."""


def demo_dir() -> Path:
    """The folder with the demo's outlets, gold articles and rendered feeds."""
    return data_dir() / "demo"


@dataclass(frozen=True)
class Outlet:
    """One demo outlet: the feed it publishes and in which format."""

    id: str
    title: str
    format: str
    site: str
    about: str = ""

    @property
    def filename(self) -> str:
        return f"{self.id}.{_FORMATS[self.format][0]}"

    @property
    def content_type(self) -> str:
        return _FORMATS[self.format][1]

    @property
    def format_name(self) -> str:
        return _FORMATS[self.format][2]


def load_outlets(folder: Path | None = None) -> list[Outlet]:
    """The demo outlets, in the order of outlets.json."""
    raw = json.loads(((folder or demo_dir()) / "outlets.json").read_text(encoding="utf-8"))
    return [
        Outlet(
            id=o["id"],
            title=o["title"],
            format=o["format"],
            site=o["site"].rstrip("/"),
            about=o.get("about", ""),
        )
        for o in raw["outlets"]
    ]


def load_articles(folder: Path | None = None) -> list[dict[str, Any]]:
    """Every gold article of the demo, oldest first (ties broken by publication time)."""
    gold = (folder or demo_dir()) / "gold"
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold.glob("*.json"))]
    return sorted(articles, key=lambda a: (published_at(a), a["id"]))


def published_at(article: dict[str, Any]) -> datetime:
    """The article's date at a time of day fixed by its id, so feed order is stable."""
    day = datetime.strptime(article["published"], "%Y-%m-%d").date()
    seed = zlib.crc32(article["id"].encode("utf-8"))
    # Between 06:00 and 18:59 UTC: the same calendar day in every European time zone.
    at = time(hour=6 + seed % 13, minute=(seed >> 8) % 60, second=(seed >> 16) % 60)
    return datetime.combine(day, at, tzinfo=UTC)


def _rfc3339(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _html_body(text: str) -> str:
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in _paragraphs(text))


def _summary(text: str) -> str:
    paras = _paragraphs(text)
    return paras[0] if paras else ""


def build_feeds(folder: Path | None = None) -> dict[str, str]:
    """Every outlet's feed document, rendered from the gold articles: file name -> text."""
    articles = load_articles(folder)
    feeds: dict[str, str] = {}
    for outlet in load_outlets(folder):
        own = [a for a in articles if a["feed"] == outlet.id]
        own.sort(key=lambda a: (published_at(a), a["id"]), reverse=True)  # newest first
        render = {"rss2": _render_rss, "atom": _render_atom, "json": _render_json}[outlet.format]
        feeds[outlet.filename] = render(outlet, own)
    return feeds


def write_feeds(folder: Path | None = None) -> list[Path]:
    """Render the feeds into `data/demo/feeds/` (what `python -m briefing.demo build` does)."""
    base = folder or demo_dir()
    out = base / "feeds"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in build_feeds(base).items():
        path = out / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def demo_feed_documents(folder: Path | None = None) -> dict[str, bytes]:
    """The committed feed files as served: outlet id -> document bytes."""
    base = folder or demo_dir()
    return {o.id: (base / "feeds" / o.filename).read_bytes() for o in load_outlets(base)}


def _latest(articles: list[dict[str, Any]]) -> datetime:
    if not articles:
        return datetime(2026, 9, 14, tzinfo=UTC)
    return max(published_at(a) for a in articles)


def _render_rss(outlet: Outlet, articles: list[dict[str, Any]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"  <title>{escape(outlet.title)}</title>",
        f"  <link>{escape(outlet.site)}/</link>",
        f"  <description>{escape(outlet.about or outlet.title)}</description>",
        "  <language>en</language>",
        f"  <lastBuildDate>{format_datetime(_latest(articles), usegmt=True)}</lastBuildDate>",
    ]
    for a in articles:
        lines += [
            "  <item>",
            f"    <title>{escape(a['title'])}</title>",
            f"    <link>{escape(a['link'])}</link>",
            f'    <guid isPermaLink="true">{escape(a["link"])}</guid>',
            f"    <pubDate>{format_datetime(published_at(a), usegmt=True)}</pubDate>",
            f"    <dc:creator>{escape(a.get('author') or outlet.title)}</dc:creator>",
            *(f"    <category>{escape(c)}</category>" for c in a.get("categories", [])),
            f"    <description>{escape(_summary(a['text']))}</description>",
            f"    <content:encoded>{escape(_html_body(a['text']))}</content:encoded>",
            "  </item>",
        ]
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def _render_atom(outlet: Outlet, articles: list[dict[str, Any]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"  <title>{escape(outlet.title)}</title>",
        f"  <subtitle>{escape(outlet.about or outlet.title)}</subtitle>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(outlet.site + "/")}/>',
        f"  <id>{escape(outlet.site)}/</id>",
        f"  <updated>{_rfc3339(_latest(articles))}</updated>",
    ]
    for a in articles:
        stamp = _rfc3339(published_at(a))
        lines += [
            "  <entry>",
            f"    <title>{escape(a['title'])}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(a["link"])}/>',
            f"    <id>{escape(a['link'])}</id>",
            f"    <published>{stamp}</published>",
            f"    <updated>{stamp}</updated>",
            f"    <author><name>{escape(a.get('author') or outlet.title)}</name></author>",
            *(f"    <category term={quoteattr(c)}/>" for c in a.get("categories", [])),
            f'    <summary type="text">{escape(_summary(a["text"]))}</summary>',
            f'    <content type="html">{escape(_html_body(a["text"]))}</content>',
            "  </entry>",
        ]
    lines += ["</feed>", ""]
    return "\n".join(lines)


def _render_json(outlet: Outlet, articles: list[dict[str, Any]]) -> str:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": outlet.title,
        "home_page_url": outlet.site + "/",
        "description": outlet.about or outlet.title,
        "language": "en",
        "items": [
            {
                "id": a["link"],
                "url": a["link"],
                "title": a["title"],
                "content_html": _html_body(a["text"]),
                "summary": _summary(a["text"]),
                "date_published": _rfc3339(published_at(a)),
                "authors": [{"name": a.get("author") or outlet.title}],
                "tags": list(a.get("categories", [])),
            }
            for a in articles
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- serving ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Resource:
    body: bytes
    content_type: str
    etag: str


def _index_page(outlets: list[Outlet], only: Outlet | None = None) -> bytes:
    shown = [only] if only else outlets
    links = "\n".join(
        f'<link rel="alternate" type="{o.content_type.split(";")[0]}"'
        f' title="{html.escape(o.title)}" href="/feeds/{o.filename}">'
        for o in shown
    )
    items = "\n".join(
        f'<li><a href="/feeds/{o.filename}">{html.escape(o.title)}</a> ({o.format_name})'
        f"{' - ' + html.escape(o.about) if o.about else ''}</li>"
        for o in shown
    )
    title = html.escape(only.title) if only else "briefing demo feeds"
    page = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n{links}\n</head>\n<body>\n<h1>{title}</h1>\n"
        f"<ul>\n{items}\n</ul>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


def _resources(folder: Path | None = None) -> dict[str, _Resource]:
    base = folder or demo_dir()
    outlets = load_outlets(base)
    docs = demo_feed_documents(base)
    table: dict[str, bytes | tuple[bytes, str]] = {"/": _index_page(outlets)}
    for o in outlets:
        table[f"/feeds/{o.filename}"] = (docs[o.id], o.content_type)
        table[f"/{o.id}/"] = _index_page(outlets, o)
    out = {}
    for path, value in table.items():
        body, ctype = value if isinstance(value, tuple) else (value, "text/html; charset=utf-8")
        out[path] = _Resource(body, ctype, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
    return out


def _handler(resources: dict[str, _Resource]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "briefing-demo"

        def do_GET(self) -> None:
            self._answer(with_body=True)

        def do_HEAD(self) -> None:
            self._answer(with_body=False)

        def _answer(self, *, with_body: bool) -> None:
            path = urlsplit(self.path).path
            if path + "/" in resources:
                path += "/"  # /meridian-post -> /meridian-post/
            found = resources.get(path)
            if found is None:
                body = b"not found\n"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if with_body:
                    self.wfile.write(body)
                return
            if self.headers.get("If-None-Match") == found.etag:
                self.send_response(304)
                self.send_header("ETag", found.etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", found.content_type)
            self.send_header("Content-Length", str(len(found.body)))
            self.send_header("ETag", found.etag)
            self.end_headers()
            if with_body:
                self.wfile.write(found.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the demo server is quiet; the CLI prints what matters

    return Handler


class DemoServer:
    """The demo feeds served over HTTP (on 127.0.0.1 by default), in a background thread.

    Use as a context manager; port 0 picks a free port. `/` lists every feed (with
    `<link rel="alternate">` tags, so feed discovery works on it) and `/<outlet-id>/`
    advertises one outlet's feed.
    """

    def __init__(self, port: int = 0, *, host: str = "127.0.0.1", folder: Path | None = None):
        self.outlets = load_outlets(folder)
        self.host = host
        self._httpd = ThreadingHTTPServer((host, port), _handler(_resources(folder)))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The index page's URL."""
        return f"http://{self.host}:{self.port}/"

    def feed_url(self, outlet_id: str) -> str:
        """The URL of one outlet's feed."""
        outlet = next((o for o in self.outlets if o.id == outlet_id), None)
        if outlet is None:
            raise KeyError(outlet_id)
        return f"{self.url}feeds/{outlet.filename}"

    def feed_urls(self) -> dict[str, str]:
        """Every outlet's feed URL, in the order of outlets.json."""
        return {o.id: self.feed_url(o.id) for o in self.outlets}

    def start(self) -> DemoServer:
        """Serve in a background thread (what the context manager does)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, name="briefing-demo-server", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (Ctrl+C)."""
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# -- the demo library ------------------------------------------------------------------------


def ensure_demo_library(path: Path) -> None:
    """Fill the demo library at `path` from the bundled feeds, unless it already holds them.

    The feeds are served on an ephemeral loopback port and go through the real subscribe
    and refresh path; afterwards each is stored as `demo://<outlet-id>` and disabled, so a
    later refresh skips it instead of reporting a server that is no longer there. Then the
    articles are digested (analysed and grouped into storylines), which also brings an
    existing demo library up to date after the analyser changes. A demo library built from
    older bundled feeds (and holding nothing else) is rebuilt.
    Raises DemoError when the bundled feeds cannot be read into the library.
    """
    from briefing.store import open_library
    from briefing.store.feeds import list_feeds, remove_feed

    with open_library(path) as library:
        feeds = list_feeds(library)
    demo = [f for f in feeds if f.url.startswith(DEMO_SCHEME)]
    if demo and len(demo) == len(feeds) and not _is_current(demo):
        _delete_library(path)
    with open_library(path) as library:
        feeds = list_feeds(library)
        if not any(f.url.startswith(DEMO_SCHEME) for f in feeds):
            # Loopback feeds left by an interrupted build point at a server that is gone.
            for feed in feeds:
                if _is_loopback(feed.url):
                    remove_feed(library, feed.id)
            _fill(library)
        _digest(library)


def _is_current(demo: list[Feed]) -> bool:
    """Whether the demo feeds in a library are exactly the bundled ones (by body hash)."""
    bundled = {
        DEMO_SCHEME + outlet_id: hashlib.sha256(body).hexdigest()
        for outlet_id, body in demo_feed_documents().items()
    }
    return {f.url: f.body_hash for f in demo} == bundled


def _delete_library(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _fill(library: Library) -> None:
    """Subscribe to and refresh every demo feed through the real ingest path."""
    from briefing.ingest.refresh import refresh_feeds
    from briefing.ingest.subscribe import SubscribeError, subscribe
    from briefing.store.feeds import set_disabled, update_feed

    ids: dict[str, int] = {}
    with DemoServer() as server:
        for outlet_id, url in server.feed_urls().items():
            try:
                ids[outlet_id] = subscribe(library, url, full_text=False).feed.id
            except SubscribeError as exc:
                raise DemoError(f"the demo feed {outlet_id} could not be read: {exc}") from exc
        report = refresh_feeds(library, list(ids.values()), full_text=False)
    failed = [r for r in report.results if r.failed]
    if failed:
        first = failed[0]
        raise DemoError(f"the demo feed {first.url} could not be read: {first.error}")
    for outlet_id, feed_id in ids.items():
        with library.db.atomic():
            update_feed(library, feed_id, url=DEMO_SCHEME + outlet_id, last_error=None)
        set_disabled(library, feed_id, True)


def _digest(library: Library) -> None:
    """Analyse and group what is pending; a no-op once the demo is up to date."""
    from briefing.digest import digest  # lazily: `demo --serve` never needs the analyser

    digest(library)


def _is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in ("127.0.0.1", "localhost", "::1")


def _iter_problems(folder: Path | None = None) -> Iterator[str]:
    """Committed feed files that differ from what the gold articles render to."""
    base = folder or demo_dir()
    for name, text in build_feeds(base).items():
        path = base / "feeds" / name
        if not path.exists():
            yield f"missing: {path}"
        elif path.read_text(encoding="utf-8") != text:
            yield f"out of date: {path}"


def main(argv: list[str] | None = None) -> int:
    """`python -m briefing.demo build|check`: regenerate or verify data/demo/feeds/."""
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else ""
    if command == "build":
        for path in write_feeds():
            print(f"wrote {path}")
        return 0
    if command == "check":
        problems = list(_iter_problems())
        for line in problems:
            print(line, file=sys.stderr)
        if not problems:
            print("demo feeds are in sync with the gold articles")
        return 1 if problems else 0
    print("usage: python -m briefing.demo build|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
