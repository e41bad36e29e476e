"""Keys that never surprise: filters take letters only when asked, Escape and q back out one
level, m says what it did and u takes it back, every list knows g and G."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import current_label, settle

from briefing.store import open_library
from briefing.tui.app import BriefingApp
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.undo import UndoStack


def notes(app: BriefingApp) -> list[str]:
    """The notifications the user has been shown, oldest first."""
    return [str(n.message) for n in app._notifications]


def read_titles(path: Path) -> set[str]:
    with open_library(path, migrate=False) as library:
        rows = library.db.execute("SELECT title FROM articles WHERE read = 1").fetchall()
    return {row[0] for row in rows}


# -- the undo stack -------------------------------------------------------------------------


def test_undo_stack_gives_back_the_newest_change_first_and_forgets_the_oldest() -> None:
    stack = UndoStack(limit=2)
    assert stack.pop() is None and len(stack) == 0
    for name in ("first", "second", "third"):
        stack.push(name, lambda library: None)
    assert len(stack) == 2
    assert stack.peek() is not None and stack.peek().description == "third"  # type: ignore[union-attr]
    assert [stack.pop().description, stack.pop().description] == ["third", "second"]  # type: ignore[union-attr]
    assert stack.pop() is None


# -- m reports, u undoes ----------------------------------------------------------------------


async def test_m_on_a_storyline_says_how_many_and_u_makes_them_unread_again(
    make_app, library_path: Path
) -> None:
    app = make_app()
    before = read_titles(library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert current_label(app) == "Rotterdam port strike"  # two unread articles
        await pilot.press("m")
        await settle(pilot)
        assert read_titles(library_path) == before | {
            "Dockers walk out at Rotterdam",
            "Port employers offer talks",
        }
        assert any(n.startswith("2 articles marked read") for n in notes(app))
        assert any("u undoes" in n for n in notes(app))
        await pilot.press("u")
        await settle(pilot)
        assert read_titles(library_path) == before
        assert "Undone: 2 articles marked read" in notes(app)
        await pilot.press("u")  # nothing left to take back
        await settle(pilot)
        assert "Nothing to undo." in notes(app)
        assert read_titles(library_path) == before


async def test_undo_after_m_leaves_articles_read_before_read(make_app, library_path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # Geneva: its one article was read already
        await settle(pilot)
        assert current_label(app) == "Geneva peace talks"
        await pilot.press("m")
        await settle(pilot)
        assert "Every article of this storyline was already read." in notes(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Delegations meet in Geneva" in read_titles(library_path)


async def test_m_in_the_reader_says_marked_unread_and_u_marks_it_read_again(
    make_app, library_path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")  # into the columns, open the first timeline row
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert "Dockers walk out at Rotterdam" in read_titles(library_path)  # opening reads it
        await pilot.press("m")
        await settle(pilot)
        assert "Dockers walk out at Rotterdam" not in read_titles(library_path)
        assert any(n.startswith("Marked unread") for n in notes(app))
        assert "unread" in str(app.screen.query_one("#article-meta").render())
        await pilot.press("u")
        await settle(pilot)
        assert "Dockers walk out at Rotterdam" in read_titles(library_path)
        assert "Undone: marked unread" in notes(app)
        assert "unread" not in str(app.screen.query_one("#article-meta").render())


async def test_m_in_articles_reports_and_u_undoes(make_app, library_path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        before = read_titles(library_path)
        await pilot.press("m")  # the newest article, unread
        await settle(pilot)
        assert "Port employers offer talks" in read_titles(library_path)
        assert any(n.startswith("Marked read") for n in notes(app))
        await pilot.press("u")
        await settle(pilot)
        assert read_titles(library_path) == before


async def test_the_palette_offers_the_undo_by_name(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert not any(t.startswith("undo") for t in titles)  # nothing to undo yet
        await pilot.press("m")
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "undo: 2 articles marked read" in titles


async def test_uncertain_rows_moved_to_shift_u(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("U")
        assert app.screen.show_uncertain
        await pilot.press("u")  # undo, not the uncertain rows
        assert app.screen.show_uncertain
