"""The reader: opened from an item at its sentence, highlighted; o, m, s, Escape."""

from __future__ import annotations

from textual.widgets import Label
from tui_helpers import settle

from briefing.config import Settings
from briefing.store import open_library
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import BodyScroll, Paragraph, ReaderScreen, is_web_link


async def open_first_quote(pilot) -> None:
    await settle(pilot)
    await pilot.press("tab", "tab", "tab")  # past the summary and the timeline: the quotes
    await pilot.press("enter")
    await settle(pilot)


async def test_enter_on_a_quote_opens_its_article_at_the_sentence(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_quote(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        title = str(screen.query_one("#article-title", Label).render())
        assert title == "Dockers walk out at Rotterdam"
        meta = str(screen.query_one("#article-meta", Label).render())
        assert "Harbour Herald" in meta and "2026-03-18" in meta
        highlighted = list(screen.query("Paragraph.-highlight"))
        assert len(highlighted) == 1
        paragraph = highlighted[0]
        assert isinstance(paragraph, Paragraph)
        text = paragraph.text
        assert "We will not accept a pay freeze." in text.plain
        # the article is long: the reader scrolled down to the sentence, which is on screen
        body = screen.query_one(BodyScroll)
        await pilot.pause(0.1)
        assert body.scroll_y > 0
        assert body.region.contains_region(paragraph.region)
        # the span itself is styled, not the whole paragraph
        spans = [s for s in text.spans if "reverse" in str(s.style)]
        assert spans and text.plain[spans[0].start : spans[0].end] == (
            "We will not accept a pay freeze."
        )


async def test_escape_returns_to_where_you_were(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_quote(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.focused is not None and app.focused.parent.id == "quotes"  # type: ignore[union-attr]


async def test_opening_marks_read_and_m_s_toggle(make_app, library_path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_quote(pilot)

        def marks() -> tuple[int, int]:
            with open_library(library_path) as library:
                row = library.db.execute(
                    "SELECT read, starred FROM articles WHERE title = ?",
                    ["Dockers walk out at Rotterdam"],
                ).fetchone()
            return row[0], row[1]

        assert marks() == (1, 0)
        await pilot.press("m")
        await settle(pilot)
        assert marks() == (0, 0)
        assert "unread" in str(app.screen.query_one("#article-meta", Label).render())
        await pilot.press("s")
        await settle(pilot)
        assert marks() == (0, 1)
        assert str(app.screen.query_one("#article-title", Label).render()).startswith("★")


async def test_o_opens_only_web_links(make_app, library_path, browser) -> None:
    app = make_app(settings=Settings(browser=browser.template))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_quote(pilot)
        await pilot.press("o")
        await settle(pilot)
        opened = browser.opened()
        assert len(opened) == 1 and opened[0].startswith("https://news.example/")
        await pilot.press("escape")
        await settle(pilot)
    # an article whose link is not http(s) is never handed to the browser
    with open_library(library_path) as library:
        library.db["articles"].update(1, {"link": "javascript:alert(1)"})
    app = make_app(settings=Settings(browser=browser.template))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_quote(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert len(browser.opened()) == 1


def test_is_web_link() -> None:
    assert is_web_link("https://a.example/x")
    assert is_web_link("http://a.example")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "", "https://", "ftp://a.example"):
        assert not is_web_link(bad)


async def test_j_k_g_shift_g_scroll_the_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_quote(pilot)
        body = app.screen.query_one(BodyScroll)
        await pilot.press("g")
        await pilot.pause(0.1)
        assert body.scroll_y == 0
        await pilot.press("j", "j")
        await pilot.pause(0.1)
        assert body.scroll_y == 2
        await pilot.press("k")
        await pilot.pause(0.1)
        assert body.scroll_y == 1
        await pilot.press("G")
        await pilot.pause(0.3)
        assert body.scroll_y == body.max_scroll_y > 0
