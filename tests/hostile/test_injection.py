"""Terminal and markup injection: a feed whose every field carries escape sequences,
control characters, bidi overrides and Rich/Textual markup. What is stored, every CLI
output and the TUI's screens hold the words, never the controls; markup stays literal."""

from __future__ import annotations

import asyncio
import io
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from hostile_support import HostileServer, run_briefing
from payloads import BIDI, CLICK_MARKUP, ESCAPES, HOSTILE, MARKUP, forbidden, forbidden_bytes
from rich.console import Console
from rich.segment import Segment

from briefing.cli import cli


def _refs(text: str) -> str:
    """Control characters as XML numeric character references."""
    return "".join(f"&#{ord(c)};" if ord(c) < 32 or 0x7F <= ord(c) <= 0x9F else c for c in text)


def hostile_rss(raw_controls: bool) -> bytes:
    """An RSS feed with the payload in every field, as raw bytes or as character references."""
    value = escape(HOSTILE) if raw_controls else _refs(escape(HOSTILE))
    body = (
        f"<p>Minister Jane Doe said on Monday: “We will never accept {HOSTILE} as a deal.”</p>"
        f"<p>The talks resume in Geneva on 3 March 2026, officials said. &#27;[2J &#x9b;31m</p>"
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>{value} Herald</title><link>http://example.org/</link>
<item>
  <title>{value}</title>
  <link>http://example.org/story{escape(ESCAPES[:12])}</link>
  <guid isPermaLink="false">rss-{value}</guid>
  <dc:creator>{value}</dc:creator>
  <category>{value}</category>
  <pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>
  <description>{escape(body)}</description>
  <content:encoded><![CDATA[{body}]]></content:encoded>
</item>
<item>
  <title>A javascript link {value}</title>
  <link>javascript:alert(document.cookie)</link>
  <guid isPermaLink="false">rss-js</guid>
  <description>Harmless text about the talks in Geneva.</description>
</item>
</channel></rss>""".encode()


def hostile_json_feed() -> bytes:
    body = f"<p>Minister Jane Doe said on Tuesday: “We will never accept {HOSTILE} as a deal.”</p>"
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": HOSTILE + " Wire",
            "home_page_url": "http://example.org/" + ESCAPES,
            "items": [
                {
                    "id": "json-" + HOSTILE,
                    "url": "http://example.org/json" + ESCAPES,
                    "title": HOSTILE,
                    "authors": [{"name": HOSTILE}],
                    "tags": [HOSTILE],
                    "date_published": "2026-03-03T10:00:00Z",
                    "content_html": body,
                },
                {
                    "id": "json-plain",
                    "url": "data:text/html,<script>alert(1)</script>",
                    "title": "Plain " + HOSTILE,
                    "content_text": "Plain text body: " + HOSTILE + "\nsecond line",
                },
            ],
        }
    ).encode()


@pytest.fixture(scope="module")
def _built_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    """A library subscribed (through `briefing add`) to three hostile feeds, digested.

    Built once per module: the CLI tests below only read it (and refresh from the same
    server, which stays up); each test gets its own copy of the file.
    """
    srv = HostileServer()
    srv.thread.start()
    folder = tmp_path_factory.mktemp("hostile-library")
    db = folder / "library.db"
    with pytest.MonkeyPatch.context() as patch:
        for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
            patch.delenv(proxy, raising=False)
        patch.setenv("BRIEFING_SETTINGS", str(folder / "no-settings.toml"))
        urls = [
            srv.serve("/raw.xml", hostile_rss(raw_controls=True)),
            srv.serve("/refs.xml", hostile_rss(raw_controls=False)),
            srv.serve("/feed.json", hostile_json_feed(), content_type="application/feed+json"),
        ]
        runner = CliRunner()
        for url in urls:
            result = runner.invoke(cli, ["--db", str(db), "add", "--no-full-text", url])
            assert result.exit_code == 0, result.output
        result = runner.invoke(cli, ["--db", str(db), "digest"])
        assert result.exit_code == 0, result.output
    try:
        yield db, urls
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


@pytest.fixture
def hostile_library(
    _built_library: tuple[Path, list[str]], tmp_path: Path
) -> tuple[Path, list[str]]:
    built, urls = _built_library
    db = tmp_path / "library.db"
    shutil.copy(built, db)
    return db, urls


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_stored_rows_hold_no_controls_and_keep_markup_literal(
    hostile_library: tuple[Path, list[str]],
) -> None:
    db, _ = hostile_library
    articles = _rows(db, "SELECT title, author, link, text, guid, categories FROM articles")
    assert len(articles) == 6, "every hostile entry is still stored as an article"
    for row in articles:
        for value in row:
            assert not forbidden(str(value or "")), row
    feeds = _rows(db, "SELECT title, url, site_url, last_error FROM feeds")
    for row in feeds:
        for value in row:
            assert not forbidden(str(value or "")), row
    titles = [str(r[0]) for r in articles]
    # The words around the payload survive; markup is kept as the literal text it is.
    assert all("Talks" in t and "resume" in t and "today" in t for t in titles)
    assert any(MARKUP in t and CLICK_MARKUP in t for t in titles)
    texts = [str(r[3]) for r in articles]
    assert any("We will never accept Talks" in t and MARKUP in t for t in texts)
    # Links are http(s) or nothing: javascript: and data: are dropped.
    links = [str(r[2]) for r in articles]
    assert all(link == "" or link.startswith("http://example.org/") for link in links)
    assert links.count("") == 3  # two javascript: links, one data: link


CLI_COMMANDS = [
    ["feeds"],
    ["feeds", "--json"],
    ["refresh"],
    ["refresh", "--json"],
    ["storylines"],
    ["storylines", "--json"],
    ["export"],
]


@pytest.mark.parametrize("args", CLI_COMMANDS, ids=" ".join)
def test_cli_output_holds_no_controls(
    hostile_library: tuple[Path, list[str]], args: list[str]
) -> None:
    db, _ = hostile_library
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    assert not forbidden(result.output), result.output
    if args[0] == "feeds" or args == ["storylines", "--json"]:
        assert MARKUP in result.output, "markup in feed text is printed as the text it is"


def _storyline_ids(db: Path) -> list[int]:
    return [int(r[0]) for r in _rows(db, "SELECT id FROM storylines")]


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_brief_export_holds_no_controls(hostile_library: tuple[Path, list[str]], fmt: str) -> None:
    db, _ = hostile_library
    ids = _storyline_ids(db)
    assert ids, "the digest grouped the hostile articles into storylines"
    runner = CliRunner()
    for storyline in ids:
        result = runner.invoke(cli, ["--db", str(db), "brief", str(storyline), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert not forbidden(result.output), result.output
        assert "Talks" in result.output


def test_subprocess_output_bytes_are_clean(
    hostile_library: tuple[Path, list[str]], tmp_path: Path
) -> None:
    """The real command writing to real pipes: checked byte by byte, stdout and stderr."""
    db, _ = hostile_library
    storyline = str(_storyline_ids(db)[0])
    for args in (["feeds"], ["storylines"], ["brief", storyline], ["refresh"]):
        done = run_briefing(args, db, tmp_path)
        assert done.returncode == 0, done.stderr
        assert not forbidden_bytes(done.stdout), (args, done.stdout)
        assert not forbidden_bytes(done.stderr), (args, done.stderr)


def test_failing_feed_errors_are_clean(server: HostileServer, tmp_path: Path) -> None:
    """Error text built from what a server sent (reason phrase, bad document) is cleaned."""
    db = tmp_path / "library.db"
    url = server.serve("/ok.xml", hostile_rss(raw_controls=True))
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "add", url]).exit_code == 0

    def broken(handler):  # type: ignore[no-untyped-def]
        handler.send_response(500, "Oops \x1b]0;pwned\x07 \x9b31m")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.route("/ok.xml", broken)
    refreshed = runner.invoke(cli, ["--db", str(db), "refresh"])
    assert refreshed.exit_code == 0
    server.serve("/ok.xml", b"<html><body>\x1b]0;pwned\x07" + MARKUP.encode() + b"</body></html>")
    runner.invoke(cli, ["--db", str(db), "refresh"])
    for args in (["feeds"], ["feeds", "--json"], ["refresh", "--json"]):
        result = runner.invoke(cli, ["--db", str(db), *args])
        assert not forbidden(result.output), result.output
    assert all(not forbidden(str(r[0] or "")) for r in _rows(db, "SELECT last_error FROM feeds"))


def test_imported_subscriptions_are_clean(tmp_path: Path) -> None:
    """An OPML file (or newsboat urls file) whose titles and folders carry the payload."""
    db = tmp_path / "library.db"
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head><title>x</title>'
        f'</head><body><outline text="{_refs(escape(HOSTILE, {chr(34): "&quot;"}))}">'
        f'<outline type="rss" text="{escape(HOSTILE, {chr(34): "&quot;"})}" '
        'xmlUrl="https://example.org/a.xml"/></outline></body></opml>',
        encoding="utf-8",
    )
    urls = tmp_path / "urls"
    urls.write_text(f'https://example.org/b.xml "{HOSTILE}" "~{HOSTILE}"\n', encoding="utf-8")
    runner = CliRunner()
    for source in (opml, urls):
        result = runner.invoke(cli, ["--db", str(db), "import", str(source)])
        assert not forbidden(result.output), result.output
    for args in (["feeds"], ["feeds", "--json"], ["export"]):
        result = runner.invoke(cli, ["--db", str(db), *args])
        assert result.exit_code == 0, result.output
        assert not forbidden(result.output), result.output
    rows = _rows(db, "SELECT url, title, tags FROM feeds")
    assert sorted(str(r[0]) for r in rows) == [
        "https://example.org/a.xml",
        "https://example.org/b.xml",
    ]
    for row in rows:
        assert not any(forbidden(str(v)) for v in row), row


def test_json_feed_with_lone_surrogates_is_read(server: HostileServer, tmp_path: Path) -> None:
    """JSON may spell a lone surrogate (\\ud800): valid JSON, text nothing can encode."""
    doc = (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "Wire \\ud800",'
        ' "items": [{"id": "s1", "url": "http://example.org/\\udfff", "title": "Lone'
        ' \\ud800 surrogate", "content_text": "Body \\udc00 text", "tags": ["\\ud83d"]}]}'
    )
    url = server.serve("/lone.json", doc, content_type="application/feed+json")
    db = tmp_path / "library.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "add", url])
    assert result.exit_code == 0 and result.exception is None, result.output
    assert _rows(db, "SELECT title, text FROM articles") == [("Lone surrogate", "Body text")]


def test_extract_output_holds_no_raw_controls() -> None:
    """`briefing extract --jsonl`: JSON escapes what it keeps; nothing raw reaches the pipe."""
    doc = {
        "id": "x",
        "text": f"Jane Doe said: “We will never accept {HOSTILE}.” {BIDI}",
        "published": "2026-03-01",
        "title": HOSTILE,
    }
    result = CliRunner().invoke(cli, ["extract", "--jsonl"], input=json.dumps(doc) + "\n")
    assert result.exit_code == 0, result.output
    assert not forbidden(result.output), result.output


# -- the TUI -----------------------------------------------------------------------------


def screen_dump(app) -> tuple[str, list[Segment]]:  # type: ignore[no-untyped-def]
    """The current screen as the terminal would get it: plain text and styled segments."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True
    )
    update = app.screen._compositor.render_update(full=True)
    segments = list(console.render(update))
    console.print(update)
    return console.export_text(styles=False), segments


def assert_clean_screen(app) -> str:  # type: ignore[no-untyped-def]
    text, segments = screen_dump(app)
    assert not forbidden(text), text
    for segment in segments:
        if segment.control:
            continue  # cursor moves the compositor itself emits
        assert not forbidden(segment.text), segment
        meta = segment.style.meta if segment.style else {}
        assert "@click" not in meta or "quit" not in str(meta.get("@click")), segment
    return text


async def _settle(pilot, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    quiet = 0
    while quiet < 3 and loop.time() < deadline:
        await pilot.pause(0.02)
        quiet = 0 if any(w.is_running for w in pilot.app.workers) else quiet + 1


async def test_tui_shows_hostile_text_literally(
    hostile_library: tuple[Path, list[str]],
) -> None:
    from textual.widgets import DataTable

    from briefing.config import Settings
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.reader import ReaderScreen

    db, _ = hostile_library
    # The TUI must not trust the library either: write raw controls past the ingest
    # cleaning, as an older version or another tool might have left them.
    with sqlite3.connect(db) as conn:
        injected_id = conn.execute(
            "SELECT min(id) FROM articles WHERE storyline_id IS NOT NULL"
        ).fetchone()[0]
        conn.execute(
            "UPDATE articles SET title = ?, author = ?, text = ? WHERE id = ?",
            [
                HOSTILE,
                HOSTILE,
                f"First paragraph {HOSTILE}.\n\nJane Doe said: “{HOSTILE}.”",
                injected_id,
            ],
        )
        conn.execute("UPDATE feeds SET title = ?, last_error = ?", [HOSTILE, HOSTILE])
        conn.execute("UPDATE storylines SET label = ?", [HOSTILE])
    app = BriefingApp(db, settings=Settings(), cursor_blink=False)
    quits: list[str] = []
    original_exit = app.exit
    app.exit = lambda *a, **k: quits.append("exit")  # type: ignore[method-assign]
    async with app.run_test(size=(160, 50)) as pilot:
        await _settle(pilot)
        main = assert_clean_screen(app)
        assert "Talks" in main, main
        # Click every cell of the screen where the click markup could have landed.
        for y in range(app.size.height):
            row = main.splitlines()[y] if y < len(main.splitlines()) else ""
            x = row.find("quit")
            if x >= 0:
                await pilot.click(offset=(x + 1, y))
        assert app.is_running and not quits, "a [@click] in feed text must not run an action"

        await pilot.press("2")
        await _settle(pilot)
        listing = assert_clean_screen(app)
        assert MARKUP in listing, listing
        table = app.screen.query_one(DataTable)
        assert table.row_count == 6
        # The article given raw controls above, and one as the feeds brought it.
        injected = table.get_row_index(str(injected_id))
        for row in (injected, (injected + 1) % table.row_count):
            table.move_cursor(row=row)
            await pilot.press("enter")
            await _settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            reader = assert_clean_screen(app)
            assert MARKUP in reader and "Talks" in reader, reader
            await pilot.press("escape")
            await _settle(pilot)

        await pilot.press("3")
        await _settle(pilot)
        assert "Talks" in assert_clean_screen(app)
        assert app.is_running and not quits
    app.exit = original_exit  # type: ignore[method-assign]
