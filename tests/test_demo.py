"""The bundled demo: the corpus meets issue 3, its feeds match the gold, it is really served."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import feedparser
import httpx
import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.demo import (
    DEMO_SCHEME,
    DemoServer,
    build_feeds,
    demo_dir,
    demo_feed_documents,
    ensure_demo_library,
    load_articles,
    load_outlets,
    published_at,
)
from briefing.ingest.discover import feed_links
from briefing.ingest.parse import parse_feed
from briefing.ingest.refresh import refresh_feeds
from briefing.store import open_library
from briefing.store.analysis import count_pending
from briefing.store.feeds import list_feeds, update_feed
from briefing.understand import ANALYSER_VERSION

ARTICLES = load_articles()
OUTLETS = load_outlets()
BY_OUTLET: dict[str, list[dict[str, Any]]] = defaultdict(list)
for _a in ARTICLES:
    BY_OUTLET[_a["feed"]].append(_a)


def _storylines() -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in ARTICLES:
        groups[article["storyline"]].append(article)
    return groups


# -- the corpus ------------------------------------------------------------------------------


def test_outlets_cover_the_three_feed_formats():
    assert len(OUTLETS) >= 8
    assert {o.format for o in OUTLETS} == {"rss2", "atom", "json"}
    assert len({o.id for o in OUTLETS}) == len(OUTLETS)
    # Every outlet publishes something, or its feed would be an empty shell.
    assert all(BY_OUTLET[o.id] for o in OUTLETS)


def test_at_least_forty_articles_over_several_weeks():
    assert len(ARTICLES) >= 40
    days = sorted(date.fromisoformat(a["published"]) for a in ARTICLES)
    assert (days[-1] - days[0]).days >= 35
    # Spread out, not bunched: at least five distinct ISO weeks carry articles.
    assert len({d.isocalendar()[:2] for d in days}) >= 5


def test_storylines_followed_across_outlets_and_single_stories():
    groups = _storylines()
    assert len(groups) >= 8
    followed = [
        name
        for name, arts in groups.items()
        if len(arts) >= 4 and len({a["feed"] for a in arts}) >= 2
    ]
    single = [name for name, arts in groups.items() if len(arts) == 1]
    assert len(followed) >= 4, followed
    assert len(single) >= 2, single


def test_articles_are_well_formed():
    outlets = {o.id: o for o in OUTLETS}
    gold = demo_dir() / "gold"
    assert len({a["id"] for a in ARTICLES}) == len(ARTICLES)
    assert len({a["link"] for a in ARTICLES}) == len(ARTICLES)
    for article in ARTICLES:
        ident = article["id"]
        assert (gold / f"{ident}.json").is_file(), ident
        assert article["feed"] in outlets, ident
        assert article["source"] == outlets[article["feed"]].title, ident
        assert article["link"].startswith(outlets[article["feed"]].site + "/"), ident
        assert "2026-09-14" <= article["published"] <= "2026-11-24", ident
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", article["storyline"]), ident
        text = article["text"]
        assert 180 <= len(text.split()) <= 450, ident
        assert 4 <= len(text.split("\n\n")) <= 8, ident
        assert "\u201c" not in text and "\u201d" not in text, ident
        assert text.count('"') % 2 == 0, f"{ident}: unbalanced quotation marks"


def test_gold_items_are_found_in_their_article():
    for article in ARTICLES:
        text, gold = article["text"], article["gold"]
        for kind in ("quotes", "red_lines", "events"):
            for item in gold[kind]:
                assert item["text"] and item["text"] in text, (article["id"], kind, item["text"])
        for actor in gold["actors"]:
            assert actor["kind"] in {"person", "organization", "country", "other"}, actor
            for alias in actor.get("aliases", []):
                assert alias in text, (article["id"], actor["name"], alias)


def test_speakers_and_holders_are_actors_of_the_article():
    for article in ARTICLES:
        gold = article["gold"]
        names = {a["name"] for a in gold["actors"]}
        for quote in gold["quotes"]:
            assert isinstance(quote["direct"], bool)
            for who in [quote["speaker"], *quote.get("speaker_alt", [])]:
                assert who in names, (article["id"], who)
        for red in gold["red_lines"]:
            for who in [red["holder"], *red.get("holder_alt", [])]:
                assert who in names, (article["id"], who)


def test_gold_event_dates_are_real_dates():
    for article in ARTICLES:
        for event in article["gold"]["events"]:
            value = event["date"]
            form = "%Y-%m-%d" if len(value) == 10 else "%Y-%m"
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value), (article["id"], value)
            datetime.strptime(value, form)  # raises on 2026-02-30 or 2026-13


def test_the_corpus_has_the_hard_cases_of_issue_3():
    texts = [a["text"] for a in ARTICLES]
    joined = "\n".join(texts)
    for phrase in (
        "will not accept",
        "only if",
        "unless",
        "non-negotiable",
        "under no circumstances",
        "would never sign",
        "red line",
        "on Tuesday",
        "next Monday",
        "last month",
        "according to",
        "noted that",
    ):
        assert phrase.lower() in joined.lower(), phrase
    quotes = [q for a in ARTICLES for q in a["gold"]["quotes"]]
    assert any(not q["direct"] for q in quotes)
    # A quote split around its cue: one gold quote that contains the cue between its parts.
    assert any(q["direct"] and q["text"].count('"') == 2 for q in quotes)


def test_a_wire_story_is_carried_by_two_feeds():
    seen: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for article in ARTICLES:
        seen[(article["title"], article["text"])].append(article)
    copies = [arts for arts in seen.values() if len({a["feed"] for a in arts}) >= 2]
    assert copies, "no wire story appears in two feeds"
    for arts in copies:
        assert len({a["storyline"] for a in arts}) == 1
        assert len({a["link"] for a in arts}) == len(arts)


# -- the feeds -------------------------------------------------------------------------------


def test_committed_feeds_are_in_sync_with_the_gold():
    rendered = build_feeds()
    folder = demo_dir() / "feeds"
    assert sorted(p.name for p in folder.iterdir()) == sorted(rendered)
    for name, text in rendered.items():
        assert (folder / name).read_text(encoding="utf-8") == text, (
            f"{name} is out of date: run `python -m briefing.demo build`"
        )


def test_publication_times_are_stable_and_on_the_gold_date():
    stamps = [published_at(a) for a in ARTICLES]
    assert len(set(stamps)) == len(stamps)
    for article, stamp in zip(ARTICLES, stamps, strict=True):
        assert stamp.date().isoformat() == article["published"]


@pytest.mark.parametrize("outlet", OUTLETS, ids=lambda o: o.id)
def test_feed_parses_back_to_the_gold_text(outlet):
    body = demo_feed_documents()[outlet.id]
    parsed = parse_feed(body, f"http://127.0.0.1/feeds/{outlet.filename}", outlet.content_type)
    expected = {"rss2": "rss20", "atom": "atom10", "json": "json11"}[outlet.format]
    assert parsed.version == expected
    assert parsed.title == outlet.title
    gold = {a["link"]: a for a in BY_OUTLET[outlet.id]}
    assert sorted(a.link for a in parsed.articles) == sorted(gold)
    for entry in parsed.articles:
        article = gold[entry.link]
        # Exactly the gold text: extraction offsets computed on stored articles match the gold.
        assert entry.text == article["text"]
        assert entry.title == article["title"]
        assert entry.guid == article["link"]
        assert entry.author == article["author"]
        assert list(entry.categories) == article["categories"]
        assert entry.published[:10] == article["published"]
        assert not entry.summary_only  # no article page is ever fetched


# -- serving ---------------------------------------------------------------------------------


def test_demo_server_index_advertises_every_feed():
    with DemoServer() as server:
        page = httpx.get(server.url)
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        links = feed_links(page.text, server.url)
        assert sorted(links) == sorted(server.feed_urls().values())
        one = httpx.get(f"{server.url}meridian-post/")
        assert feed_links(one.text, one.url.__str__()) == [server.feed_url("meridian-post")]
        assert httpx.get(f"{server.url}nothing-here").status_code == 404


def test_demo_server_answers_conditional_requests():
    with DemoServer() as server:
        url = server.feed_url("continental-wire")
        first = httpx.get(url)
        assert first.status_code == 200
        assert first.headers["content-type"].startswith("application/rss+xml")
        assert first.content == demo_feed_documents()["continental-wire"]
        again = httpx.get(url, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304
        assert again.content == b""


def test_an_outlet_page_leads_subscribe_to_its_feed(tmp_path):
    from briefing.ingest.subscribe import subscribe

    with DemoServer() as server, open_library(tmp_path / "mine.db") as library:
        found = subscribe(library, f"{server.url}ballot-review/")
        assert found.how == "link"
        assert found.feed.url == server.feed_url("ballot-review")
        assert found.feed.title == "Ballot Review"


def test_briefing_demo_serve_serves_parseable_feeds():
    command = [sys.executable, "-m", "briefing", "demo", "--serve", "--port", "0"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            lines = [proc.stdout.readline() for _ in range(len(OUTLETS) + 1)]
            urls = [m.group(0) for line in lines if (m := re.search(r"http://\S+/feeds/\S+", line))]
            assert len(urls) == len(OUTLETS), "".join(lines)
            assert all(u.startswith("http://127.0.0.1:") for u in urls)
            counts = {}
            for url in urls:
                response = httpx.get(url, timeout=10)
                assert response.status_code == 200
                outlet_id = Path(url).stem
                if url.endswith(".json"):
                    doc = json.loads(response.content)
                    assert doc["version"] == "https://jsonfeed.org/version/1.1"
                    counts[outlet_id] = len(doc["items"])
                else:
                    parsed = feedparser.parse(response.content)
                    assert not parsed.bozo, parsed.get("bozo_exception")
                    assert parsed.version in ("rss20", "atom10")
                    counts[outlet_id] = len(parsed.entries)
            assert counts == {o.id: len(BY_OUTLET[o.id]) for o in OUTLETS}
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def test_port_without_serve_is_a_clear_error():
    result = CliRunner().invoke(cli, ["demo", "--port", "9000"])
    assert result.exit_code != 0
    assert "--port only applies with --serve" in result.output


def test_serve_on_a_busy_port_is_a_clear_error():
    with DemoServer() as busy:
        result = CliRunner().invoke(cli, ["demo", "--serve", "--port", str(busy.port)])
    assert result.exit_code != 0
    assert f"cannot serve on 127.0.0.1:{busy.port}" in result.output
    assert "Traceback" not in result.output


# -- the demo library ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory) -> Path:
    """A demo library built once through the real ingest path; tests work on copies."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    ensure_demo_library(path)
    return path


@pytest.fixture
def demo_copy(built_demo, tmp_path) -> Path:
    target = tmp_path / "demo.db"
    shutil.copyfile(built_demo, target)
    return target


def test_the_readers_first_paint_lists_storylines_in_the_live_order(demo_copy):
    """The quick list painted at launch and the live list that follows agree on the order,
    so the storyline highlighted at launch is the most recent one, not the first created."""
    from briefing.tui.data import load_storylines, quick_storylines

    with open_library(demo_copy) as library:
        quick = [row.id for row in quick_storylines(library)]
        live = [row.id for row in load_storylines(library)]
        created = [row[0] for row in library.db.execute("SELECT id FROM storylines ORDER BY id")]
    assert quick == live
    assert quick[0] != created[0]  # the demo's first storyline is not its most recent one


def test_ensure_demo_library_fills_a_library_of_its_own(demo_copy):
    with open_library(demo_copy) as library:
        feeds = list_feeds(library)
        assert sorted(f.url for f in feeds) == sorted(DEMO_SCHEME + o.id for o in OUTLETS)
        assert {f.title for f in feeds} == {o.title for o in OUTLETS}
        assert all(f.disabled and not f.last_error for f in feeds)
        assert sum(f.article_count for f in feeds) == len(ARTICLES)
        texts = {row[0] for row in library.db.execute("SELECT text FROM articles").fetchall()}
        assert texts == {a["text"] for a in ARTICLES}
        # Digested too: the reader opens on storylines, not on a library still to analyse.
        assert count_pending(library, ANALYSER_VERSION) == 0
        assert library.db.execute("SELECT count(*) FROM storylines").fetchone()[0] >= 8
        # A later refresh of the demo library skips the bundled feeds without an error.
        report = refresh_feeds(library)
        assert report.errors == 0
        assert report.new_articles == 0
        assert report.skipped == len(OUTLETS)


def test_ensure_demo_library_is_idempotent(demo_copy):
    with open_library(demo_copy) as library:
        before = [(f.id, f.url, f.article_count) for f in list_feeds(library)]
    ensure_demo_library(demo_copy)
    with open_library(demo_copy) as library:
        assert [(f.id, f.url, f.article_count) for f in list_feeds(library)] == before


def test_a_demo_library_from_older_bundled_feeds_is_rebuilt(demo_copy):
    with open_library(demo_copy) as library:
        feed = list_feeds(library)[0]
        with library.db.atomic():
            update_feed(library, feed.id, body_hash="0" * 64)  # as if built from other files
        library.db.execute("UPDATE articles SET title = 'stale' WHERE feed_id = ?", [feed.id])
    ensure_demo_library(demo_copy)
    with open_library(demo_copy) as library:
        titles = {row[0] for row in library.db.execute("SELECT title FROM articles").fetchall()}
        assert "stale" not in titles
        assert titles == {a["title"] for a in ARTICLES}
        assert len(list_feeds(library)) == len(OUTLETS)


def test_a_demo_library_holding_other_feeds_is_never_deleted(demo_copy):
    from briefing.store.feeds import add_feed

    with open_library(demo_copy) as library:
        feed = list_feeds(library)[0]
        with library.db.atomic():
            update_feed(library, feed.id, body_hash="0" * 64)
        add_feed(library, "https://example.org/feed.xml", title="Mine")
    ensure_demo_library(demo_copy)
    with open_library(demo_copy) as library:
        urls = [f.url for f in list_feeds(library)]
        assert "https://example.org/feed.xml" in urls
        assert len(urls) == len(OUTLETS) + 1


# -- `briefing demo` -------------------------------------------------------------------------


@pytest.fixture
def launched(monkeypatch, tmp_path):
    """The library, demo flag and user library the reader would open with (the TUI itself is
    tested in tests/tui): everything up to the app's run loop is real."""
    from briefing.tui.app import BriefingApp

    calls: list[tuple[Path, bool, Path]] = []
    monkeypatch.setattr(
        BriefingApp, "run", lambda app: calls.append((app.db_path, app.demo, app.user_db_path))
    )
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return calls


def test_briefing_demo_for_a_new_user_opens_the_demo_mode(launched, tmp_path):
    from briefing.config import demo_library_path

    user = tmp_path / "mine.db"
    result = CliRunner().invoke(cli, ["--db", str(user), "demo"])
    assert result.exit_code == 0, result.output
    # The demo library in demo mode, with the invitation to add a feed to the user's library.
    assert launched == [(demo_library_path(), True, user)]
    assert demo_library_path().is_relative_to(tmp_path)
    with open_library(demo_library_path()) as library:
        assert len(list_feeds(library)) == len(OUTLETS)
    with open_library(user) as library:
        assert list_feeds(library) == []  # nothing of the demo leaks into the user's library


def test_briefing_demo_with_feeds_of_ones_own_opens_the_demo_library(
    launched, tmp_path, built_demo
):
    from briefing.config import demo_library_path
    from briefing.store.feeds import add_feed

    demo_library_path().parent.mkdir(parents=True)
    shutil.copyfile(built_demo, demo_library_path())
    user = tmp_path / "mine.db"
    with open_library(user) as library:
        add_feed(library, "https://example.org/feed.xml", title="Mine")
    result = CliRunner().invoke(cli, ["--db", str(user), "demo"])
    assert result.exit_code == 0, result.output
    # Still the demo mode: a feed added from there goes to the user's own library.
    assert launched == [(demo_library_path(), True, user)]
    with open_library(user) as library:
        assert [f.url for f in list_feeds(library)] == ["https://example.org/feed.xml"]
