"""Articles, feeds, help, the add-feed dialog, the palette, keymap and themes under Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Label
from tui_helpers import feed_table, settle

from briefing.config import Settings, load_settings
from briefing.store import open_library
from briefing.tui.screens.add_feed import AddFeedScreen
from briefing.tui.screens.articles import ArticlesScreen
from briefing.tui.screens.confirm import ConfirmScreen
from briefing.tui.screens.feeds import FeedsScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen


def table_rows(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def help_text(screen: HelpScreen) -> str:
    return " ".join(" ".join(row) for _, rows in screen.sections for row in rows)


async def test_articles_newest_first_unread_only_and_search(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        rows = table_rows(app, "#article-table")
        dates = [r[1] for r in rows]
        assert dates == sorted(dates, reverse=True) and len(rows) == 4
        assert rows[0][3] == "Port employers offer talks"
        await pilot.press("U")
        await settle(pilot)
        titles = [r[3] for r in table_rows(app, "#article-table")]
        assert "Delegations meet in Geneva" not in titles and len(titles) == 3
        await pilot.press("U")  # all again
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"geneva")
        await settle(pilot)
        assert [r[3] for r in table_rows(app, "#article-table")] == ["Delegations meet in Geneva"]
        title = str(app.screen.query_one("#articles-title", Label).render())
        assert "geneva" in title
        await pilot.press("enter")  # from the search field to the results
        await pilot.press("enter")  # open the article
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        await pilot.press("escape")  # the search goes first (issue 15), then the screen
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen) and len(app.screen.rows) == 4
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_articles_m_and_s_and_j_k_g_G(make_app, library_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#article-table", DataTable)
        await pilot.press("G")
        assert table.cursor_row == 3
        await pilot.press("k")
        assert table.cursor_row == 2
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("m", "s")
        await settle(pilot)
        row = table_rows(app, "#article-table")[1]
        assert "★" in row[0] and "●" not in row[0]
    with open_library(library_path) as library:
        marked = library.db.execute(
            "SELECT title FROM articles WHERE read = 1 AND starred = 1"
        ).fetchall()
    assert [m[0] for m in marked] == ["Dockers walk out at Rotterdam"]


async def test_feeds_status_errors_counts_and_remove_with_confirmation(
    make_app, library_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        rows = feed_table(app)
        by_title = {r["title"]: r for r in rows}
        assert by_title["Capital Wire"]["status"] == "error"
        assert "503" in by_title["Capital Wire"]["detail"]
        assert by_title["Harbour Herald"]["status"] == "ok"
        assert by_title["Harbour Herald"]["articles"] == "1"
        assert by_title["Northern Post"]["articles"] == "2"
        assert by_title["Harbour Herald"]["refresh"] == "2026-03-20 08:00"
        first = rows[0]["title"]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(feed_table(app)) == 3
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)
        assert first not in [r["title"] for r in feed_table(app)]
    with open_library(library_path) as library:
        assert library.db.execute("SELECT count(*) FROM feeds").fetchone()[0] == 2


async def test_help_lists_every_key_from_the_bindings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app.screen)
        for expected in (
            "Add feed",
            "Refresh",
            "Actors",
            "Compare",
            "Mark read",
            "Star",
            "Open link",
            "Unread only",
            "Remove",
            "Command palette",
            "Next pane",
            "choose-actors",
        ):
            assert expected in text, expected
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_keys_are_remapped_from_the_settings_file(make_app, tmp_path: Path) -> None:
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text(
        '[keymap]\nvim-down = "n"\nchoose-actors = "ctrl+a"\nhelp = "f1"\n', encoding="utf-8"
    )
    settings = load_settings(settings_file)
    app = make_app(settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#storylines")
        await pilot.press("n")
        await settle(pilot)
        assert listing.highlighted == 1  # type: ignore[attr-defined]
        await pilot.press("j")  # no longer bound: does nothing (filtering starts with /)
        await settle(pilot)
        assert listing.highlighted == 1  # type: ignore[attr-defined]
        assert app.screen.query_one("#storyline-filter", Input).value == ""
        await pilot.press("escape")
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert app.screen.query("#actor-list")
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app.screen)
        assert "^a" in text or "ctrl+a" in text


async def test_theme_from_settings_and_switch(make_app) -> None:
    app = make_app(settings=Settings(theme="textual-light"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "textual-dark"
        await pilot.press("t")
        assert app.theme == "textual-light"


async def test_palette_offers_the_same_actions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for title in ("feeds: add", "feeds: refresh all", "feeds: show", "articles: show"):
            assert title in titles
        assert "storyline: choose actors" in titles and "help: keys" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"feeds: show")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen)


async def test_add_feed_shows_errors_inline_and_subscribes(make_app, slow_feeds) -> None:
    slow_feeds.delay = 0
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddFeedScreen)
        await pilot.press(*"not a url", "enter")
        await settle(pilot)
        error = str(app.screen.query_one("#add-error", Label).render())
        assert error.startswith("not a URL")
        url = slow_feeds.url(next(iter(slow_feeds.documents)))
        field = app.screen.query_one("#feed-url", Input)
        field.value = url
        await pilot.press("enter")
        await settle(pilot)
        result = str(app.screen.query_one("#add-result", Label).render())
        assert result.startswith("Subscribed to") and "This URL is a feed." in result
        assert str(app.screen.query_one("#add-error", Label).render()) == ""
        # the same URL again: an inline error, the dialog stays open
        field.value = url
        await pilot.press("enter")
        await settle(pilot)
        assert "already subscribed" in str(app.screen.query_one("#add-error", Label).render())
        await pilot.press("escape")  # closes and refreshes
        await settle(pilot, timeout=30)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("3")
        await settle(pilot)
        rows = feed_table(app)
        assert len(rows) == 4
        new = [r for r in rows if r["detail"].startswith(url) or url in r["detail"]]
        assert new and int(new[0]["articles"]) > 0  # the refresh after adding stored its articles
