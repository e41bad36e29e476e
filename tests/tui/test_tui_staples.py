"""The feed-reader staples under Pilot, on the real test library: a feed's articles, starred
view, next unread, links (open and copy), tags, sorting and unread counts, OPML from the
palette, the outlet column's width, search words in the reader, and who gave which date."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label
from textual.widgets.data_table import ColumnKey
from tui_helpers import feed_table, settle

from briefing.config import Settings
from briefing.store import open_library
from briefing.store.feeds import set_tags
from briefing.tui.screens.articles import ArticlesScreen
from briefing.tui.screens.choose import ChoiceScreen, PathScreen
from briefing.tui.screens.confirm import ConfirmScreen
from briefing.tui.screens.feeds import FeedsScreen
from briefing.tui.screens.reader import Paragraph, ReaderScreen


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def article_titles(app) -> list[str]:
    table = app.screen.query_one("#article-table", DataTable)
    return [str(table.get_row_at(i)[3]) for i in range(table.row_count)]


def title_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).render())


async def goto_feed(pilot, title: str) -> None:
    """Open the Feeds screen and put the cursor on the feed with this title."""
    await pilot.press("3")
    await settle(pilot)
    titles = [r["title"] for r in feed_table(pilot.app)]
    pilot.app.screen.query_one("#feed-table", DataTable).move_cursor(row=titles.index(title))
    await pilot.pause()


async def test_enter_on_a_feed_lists_its_articles(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto_feed(pilot, "Northern Post")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        assert article_titles(app) == [
            "Delegations meet in Geneva",
            "Leaders gather in 東京 as القاهرة awaits",
        ]
        assert "Articles from Northern Post" in title_of(app, "#articles-title")
        # a search stays inside the feed
        await pilot.press("slash", *"dockers")
        await settle(pilot)
        assert article_titles(app) == []
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)


async def test_starred_view(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("asterisk")
        await settle(pilot)
        assert article_titles(app) == []
        assert title_of(app, "#articles-title").startswith("Starred articles")
        await pilot.press("asterisk")  # every article again; star the second
        await settle(pilot)
        await pilot.press("j", "s")
        await settle(pilot)
        await pilot.press("asterisk")
        await settle(pilot)
        assert article_titles(app) == ["Dockers walk out at Rotterdam"]


async def test_n_goes_to_the_next_unread_in_a_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#article-table", DataTable)
        # newest first: Port employers (unread), Dockers (unread), Delegations (read), Leaders
        await pilot.press("j", "n")
        assert table.cursor_row == 3  # past the read "Delegations meet in Geneva"
        await pilot.press("n")
        assert table.cursor_row == 0  # from the top again


async def test_n_in_the_reader_opens_the_next_unread_article(make_app, library_path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("j", "enter")  # Dockers walk out at Rotterdam
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("n")
        await settle(pilot)
        # the list's next unread, past the read one
        assert title_of(app, "#article-title") == "Leaders gather in 東京 as القاهرة awaits"
        await pilot.press("n")
        await settle(pilot)
        assert title_of(app, "#article-title") == "Port employers offer talks"
        await pilot.press("n")
        await settle(pilot)
        assert "No unread articles left." in notices(app)
        assert title_of(app, "#article-title") == "Port employers offer talks"
        await pilot.press("escape")
        await settle(pilot)
        # back in the list, on the article the reader showed last
        assert isinstance(app.screen, ArticlesScreen)
        assert app.screen.current is not None
        assert app.screen.current.title == "Port employers offer talks"
    with open_library(library_path) as library:
        assert library.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0] == 0


async def test_o_and_y_on_article_rows_feed_rows_and_items(make_app, browser) -> None:
    app = make_app(settings=Settings(browser=browser.template))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")  # the timeline's first row
        await pilot.press("y")
        assert app.clipboard.startswith("https://news.example/")
        assert any("OSC 52" in n for n in notices(app))
        await pilot.press("o")
        await settle(pilot)
        assert browser.opened() == [app.clipboard]
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert len(browser.opened()) == 2 and browser.opened()[1].startswith("https://")
        await goto_feed(pilot, "Capital Wire")
        await pilot.press("y")
        assert app.clipboard == "http://127.0.0.1:9/wire.xml"


async def test_a_browser_command_that_does_not_exist_is_reported(make_app) -> None:
    app = make_app(settings=Settings(browser="no-such-browser-anywhere --new-tab %u"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        said = notices(app)[-1]
        assert "“no-such-browser-anywhere” (the browser setting" in said
        assert "was not found" in said and "press y to copy it" in said
        assert not any(n.startswith("Opening") for n in notices(app))


async def test_no_default_browser_says_so(
    make_app, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A machine with no browser at all: nothing on the PATH, no display, no $BROWSER.
    monkeypatch.setenv("PATH", str(tmp_path))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # webbrowser looks again
    monkeypatch.setattr(webbrowser, "_browsers", {})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        said = notices(app)[-1]
        assert said.startswith("No web browser found to open the link")
        assert 'browser = "firefox %u"' in said and "press y to copy it" in said
        assert not any(n.startswith("Opening") for n in notices(app))


async def test_feeds_show_unread_counts_tags_and_sort(make_app, library_path) -> None:
    with open_library(library_path) as library:
        ids = {r[1]: r[0] for r in library.db.execute("SELECT id, title FROM feeds")}
        set_tags(library, ids["Capital Wire"], ["politics", "wire"])
        set_tags(library, ids["Northern Post"], ["politics"])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        rows = {r["title"]: r for r in feed_table(app)}
        assert rows["Northern Post"]["unread"] == "1" and rows["Northern Post"]["articles"] == "2"
        assert rows["Harbour Herald"]["unread"] == "1"
        assert rows["Capital Wire"]["tags"] == "politics, wire"
        assert rows["Northern Post"]["updated"] == "2026-03-12"
        assert [r["title"] for r in feed_table(app)] == [
            "Capital Wire",
            "Harbour Herald",
            "Northern Post",
        ]
        assert "by title" in title_of(app, "#feeds-title")
        await pilot.press("s")  # most unread first (ties by title)
        assert "most unread first" in title_of(app, "#feeds-title")
        await pilot.press("s")  # last updated first
        assert [r["title"] for r in feed_table(app)] == [
            "Capital Wire",  # 2026-03-19
            "Harbour Herald",  # 2026-03-18
            "Northern Post",  # 2026-03-12
        ]
        assert "last updated first" in title_of(app, "#feeds-title")
        # the tag filter
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("j", "j", "enter")  # All feeds, politics, wire
        await settle(pilot)
        assert [r["title"] for r in feed_table(app)] == ["Capital Wire"]
        assert title_of(app, "#feeds-title").startswith("Feeds tagged “wire” (1 of 3")
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("j", "enter")
        await settle(pilot)
        assert sorted(r["title"] for r in feed_table(app)) == ["Capital Wire", "Northern Post"]
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("enter")  # all feeds again
        await settle(pilot)
        assert len(feed_table(app)) == 3


async def run_palette(pilot, command: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def type_path(pilot, path: str) -> None:
    field = pilot.app.screen.query_one(Input)
    field.value = path
    await pilot.press("enter")
    await settle(pilot)


async def test_opml_export_and_import_from_the_palette(make_app, tmp_path: Path) -> None:
    app = make_app()
    exported = tmp_path / "feeds.opml"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await run_palette(pilot, "export OPML")
        assert isinstance(app.screen, PathScreen)
        await type_path(pilot, str(tmp_path / "missing" / "feeds.opml"))
        status = str(app.screen.query_one(".path-status", Label).render())
        assert status.startswith(f"No folder {tmp_path / 'missing'}")
        await type_path(pilot, str(exported))
        assert not isinstance(app.screen, PathScreen)
        assert "Exported 3 feeds to" in notices(app)[-1]
        assert exported.read_text(encoding="utf-8").count("<outline") == 3
        # a second export to the same file asks before replacing it
        await run_palette(pilot, "export OPML")
        await type_path(pilot, str(exported))
        status = str(app.screen.query_one(".path-status", Label).render())
        assert "exists. Press Enter again to replace it" in status
        await pilot.press("escape")
        # import: errors in words, then a real list
        await run_palette(pilot, "import OPML")
        assert isinstance(app.screen, PathScreen)
        await type_path(pilot, str(tmp_path / "nothing-here.opml"))
        status = str(app.screen.query_one(".path-status", Label).render())
        assert status == f"No file at {tmp_path / 'nothing-here.opml'}."
        await type_path(pilot, str(tmp_path))
        assert "is a folder" in str(app.screen.query_one(".path-status", Label).render())
        broken = tmp_path / "broken.opml"
        broken.write_text("<?xml version='1.0'?><opml><body><outline", encoding="utf-8")
        await type_path(pilot, str(broken))
        status = str(app.screen.query_one(".path-status", Label).render())
        assert status.startswith(f"{broken} is not an OPML or newsboat urls file")
        urls = tmp_path / "urls"
        urls.write_text(
            'http://127.0.0.1:9/wire.xml\nhttps://new.example/feed.xml "~New Feed" science\n',
            encoding="utf-8",
        )
        await type_path(pilot, str(urls))
        assert not isinstance(app.screen, PathScreen)
        said = notices(app)[-1]
        assert said.startswith("Imported 1 feed from") and "(1 already subscribed)" in said
        await pilot.press("3")
        await settle(pilot)
        rows = {r["title"]: r for r in feed_table(app)}
        assert rows["New Feed"]["tags"] == "science" and rows["New Feed"]["status"] == "new"


async def test_outlet_column_uses_the_width_available(make_app, library_path) -> None:
    long_name = "The Meridian Post and Evening Courier"
    with open_library(library_path) as library:
        library.db.execute("UPDATE feeds SET title = ? WHERE title = 'Capital Wire'", [long_name])
        library.db.conn.commit()
    for width, whole in ((160, True), (80, False)):
        app = make_app()
        async with app.run_test(size=(width, 40)) as pilot:
            await settle(pilot)
            await pilot.press("2")
            await settle(pilot)
            table = app.screen.query_one("#article-table", DataTable)
            outlet = table.columns[ColumnKey("outlet")]
            assert (outlet.width >= len(long_name)) is whole
            title = table.columns[ColumnKey("title")]
            assert title.width >= 10
            # every column fits the screen: nothing is pushed off to the right
            total = sum(c.get_render_width(table) for c in table.ordered_columns)
            assert total <= width


async def test_search_words_are_highlighted_in_the_reader(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"pay free")
        await settle(pilot)
        assert article_titles(app) == ["Dockers walk out at Rotterdam"]
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        marked = [
            p.text.plain[s.start : s.end]
            for p in app.screen.query(Paragraph)
            for s in p.text.spans
            if "yellow" in str(s.style)
        ]
        assert marked == ["pay", "freeze"]  # the last word as a prefix, as the search did
        assert "“pay free” highlighted" in title_of(app, "#article-meta")
        # the first match is scrolled into view (the article opens past its background)
        await pilot.pause(0.1)
        hit = next(p for p in app.screen.query(Paragraph) if "pay" in p.text.plain)
        body = app.screen.query_one("#article-body")
        assert body.region.contains_region(hit.region)


def unread_titles(library_path: Path) -> list[str]:
    with open_library(library_path) as library:
        rows = library.db.execute("SELECT title FROM articles WHERE read = 0 ORDER BY title")
        return [r[0] for r in rows]


async def test_mark_a_feed_read_asks_and_undoes(make_app, library_path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto_feed(pilot, "Northern Post")
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one(".dialog-title", Label).render())
        assert question.startswith("Mark the 1 unread article of Northern Post read?")
        await pilot.press("n")
        await settle(pilot)
        assert "Leaders gather in 東京 as القاهرة awaits" in unread_titles(library_path)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert unread_titles(library_path) == [
            "Dockers walk out at Rotterdam",
            "Port employers offer talks",
        ]
        assert notices(app)[-1].startswith("1 article of Northern Post marked read")
        rows = {r["title"]: r for r in feed_table(app)}
        assert rows["Northern Post"]["unread"] == ""
        assert "u undoes" in notices(app)[-1]  # u is undo on Feeds too (R refreshes a feed)
        await pilot.press("u")
        await settle(pilot)
        assert len(unread_titles(library_path)) == 3
        assert {r["title"]: r for r in feed_table(app)}["Northern Post"]["unread"] == "1"


async def test_mark_everything_read_asks_and_undo_restores_only_what_it_changed(
    make_app, library_path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert len(unread_titles(library_path)) == 3
        await pilot.press("C")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert unread_titles(library_path) == []
        assert notices(app)[-1].startswith("3 articles in the library marked read")
        await pilot.press("u")
        await settle(pilot)
        # the article that was read before stays read
        assert "Delegations meet in Geneva" not in unread_titles(library_path)
        assert len(unread_titles(library_path)) == 3


def add_conflicting_report(library_path: Path) -> None:
    """A second outlet reports the Geneva meeting, on the same day, a day earlier."""
    import hashlib

    from briefing.ingest.parse import ParsedArticle
    from briefing.store.analysis import save_analysis
    from briefing.store.articles import upsert_articles
    from briefing.store.storylines import assign_article
    from briefing.understand import ANALYSER_VERSION
    from briefing.understand.records import Actor, Analysis, Event

    event = "Delegations met in Geneva on Wednesday for a first round of talks."
    text = event + "\n\nThe envoy repeated that there would be no talks without a ceasefire."
    key = hashlib.sha1(b"geneva-wire").hexdigest()
    with open_library(library_path) as library:
        feed_id = library.db.execute("SELECT id FROM feeds WHERE title = 'Capital Wire'").fetchone()
        storyline = library.db.execute(
            "SELECT id FROM storylines WHERE label = 'Geneva peace talks'"
        ).fetchone()[0]
        with library.db.atomic():
            result = upsert_articles(
                library,
                feed_id[0],
                [
                    ParsedArticle(
                        guid=key,
                        link="https://wire.example/geneva",
                        title="Geneva round opens",
                        author="",
                        published="2026-03-12T11:00:00+00:00",
                        updated=None,
                        categories=(),
                        text=text,
                        content_hash=key,
                        dedupe_key=key,
                    )
                ],
                fetched_at="2026-03-20T08:00:00+00:00",
            )
        article_id = result.new_ids[0]
        start = text.index(event)
        analysis = Analysis(
            language="en",
            actors=[Actor("The envoy", "person")],
            events=[Event("2026-03-11", event, start, start + len(event))],
        )
        save_analysis(library, article_id, analysis, version=ANALYSER_VERSION)
        with library.db.atomic():
            assign_article(
                library,
                article_id,
                storyline,
                content_hash=key,
                simhash=0,
                wire_of=None,
                assigned_at="2026-03-20T08:00:00+00:00",
            )


async def test_dates_differ_opens_which_outlet_gave_which_date(make_app, library_path) -> None:
    from tui_helpers import column_texts

    from briefing.tui.screens.main import MainScreen

    add_conflicting_report(library_path)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # Geneva peace talks
        await settle(pilot)
        rows = column_texts(app, "timeline")
        assert len(rows) == 1 and "≠ dates differ" in rows[0], rows
        app.screen.query_one("#timeline ItemList").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen) and app.screen.id == "dates"
        listing = app.screen.query_one(".choice-list")
        told = [
            str(listing.get_option_at_index(i).prompt)
            for i in range(listing.option_count)
            if listing.get_option_at_index(i).id is not None
        ]
        assert len(told) == 2
        by_outlet = {line.split(" — ")[1].split(" (")[0]: line for line in told}
        assert by_outlet["Northern Post"].startswith("2026-03-12")
        assert by_outlet["Capital Wire"].startswith("2026-03-11")
        assert all("(published 2026-03-12)" in line for line in told)
        # Enter on one opens that outlet's article at the sentence
        index = told.index(by_outlet["Capital Wire"])
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert title_of(app, "#article-title") == "Geneva round opens"
        assert len(app.screen.query("Paragraph.-highlight")) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_help_lists_the_staples_keys(make_app) -> None:
    from briefing.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        described = {title: {row[1] for row in rows} for title, rows in sections.items()}
        assert "Mark everything read" in described["Everywhere"]
        assert {"Next unread", "Starred", "Open link", "Copy link"} <= described["Articles"]
        assert {"Next unread", "Open link", "Copy link"} <= described["Reader"]
        assert {"Sort", "Tag", "Mark feed read", "Articles", "Open site"} <= described["Feeds"]
        assert {"Open link", "Copy link"} <= described["Storylines"]
