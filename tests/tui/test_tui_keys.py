"""Keys that never surprise: filters take letters only when asked, Escape and q back out one
level, m says what it did and u takes it back, every list knows g and G."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label
from tui_helpers import current_label, prompts, settle

from briefing.config import Settings
from briefing.store import open_library
from briefing.tui.app import BriefingApp
from briefing.tui.screens.actors import ActorChooser
from briefing.tui.screens.articles import ArticlesScreen, SearchInput
from briefing.tui.screens.confirm import ConfirmScreen
from briefing.tui.screens.feeds import FeedsScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.undo import UndoStack
from briefing.tui.widgets.lists import NavTable
from briefing.tui.widgets.panes import FilterInput, ItemList


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


# -- filters take letters only after / -----------------------------------------------------


def storyline_labels(app: BriefingApp) -> list[str]:
    return [p.split("\n")[0].strip() for p in prompts(app, "#storylines")]


async def test_typing_meas_into_the_filter_fires_no_command(make_app, library_path) -> None:
    app = make_app()
    before = read_titles(library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"meas")
        await settle(pilot)
        assert app.screen.query_one(FilterInput).value == "meas"
        assert read_titles(library_path) == before  # m marked nothing read
        assert not notes(app)  # s starred nothing, nothing else spoke up
        assert storyline_labels(app) == []
        title = str(app.screen.query_one("#briefing-title", Label).render())
        assert title == "No storyline matches “meas”. esc clears the filter."
        # Every letter the commands use goes into the filter while it has focus.
        await pilot.press("ctrl+a", "ctrl+k", *"fcmsUuqQ")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert app.screen.query_one(FilterInput).value == "fcmsUuqQ"
        assert read_titles(library_path) == before and not app.screen.show_uncertain


async def test_letters_typed_at_the_list_never_start_a_filter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"lowere")  # none of these is bound at the list
        await settle(pilot)
        assert app.screen.query_one(FilterInput).value == ""
        assert app.focused is not None and app.focused.id == "storylines"
        assert len(storyline_labels(app)) == 3
        await pilot.press("slash", *"lowmere")  # after /, every letter is kept
        assert app.screen.query_one(FilterInput).value == "lowmere"


# -- Escape clears a filter first, then backs out ------------------------------------------


async def test_escape_clears_a_filter_set_with_slash_and_enter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"geneva", "enter")
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "storylines"
        assert storyline_labels(app) == ["Geneva peace talks"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one(FilterInput).value == ""
        assert len(storyline_labels(app)) == 3
        assert app.focused is not None and app.focused.id == "storylines"
        # From a column: the filter goes first, then the focus comes back to the list.
        await pilot.press("slash", *"geneva", "enter", "enter")
        await settle(pilot)
        assert app.focused is not None and app.focused.parent.id == "timeline"  # type: ignore[union-attr]
        await pilot.press("escape")
        await settle(pilot)
        assert len(storyline_labels(app)) == 3
        assert app.focused is not None and app.focused.id == "storylines"


async def test_escape_clears_the_chosen_actors_before_leaving_a_column(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # into the columns
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("space", "enter")  # choose the first actor
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and len(screen.chosen_actors) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert screen.chosen_actors == []
        assert "all (" in str(screen.query_one("#actor-bar").render())
        assert app.focused is not None and app.focused.parent.id == "timeline"  # type: ignore[union-attr]
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "storylines"


async def test_articles_search_keeps_its_letters_and_escape_clears_it_first(
    make_app, library_path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        before = read_titles(library_path)
        await pilot.press("slash", *"mus")  # m, u and s are commands at the table
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ArticlesScreen)
        assert screen.query_one(SearchInput).value == "mus"
        assert read_titles(library_path) == before and not screen.unread_only
        await pilot.press("ctrl+a", "ctrl+k", *"geneva", "enter")
        await settle(pilot)
        assert isinstance(app.focused, NavTable)
        await pilot.press("escape")  # the search goes first
        await settle(pilot)
        assert app.screen is screen and screen.query_one(SearchInput).value == ""
        assert len(screen.rows) == 4
        await pilot.press("escape")  # then the screen
        assert isinstance(app.screen, MainScreen)


# -- q goes back; Q and ctrl+q quit --------------------------------------------------------


async def test_q_in_the_reader_returns_to_the_storylines(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert current_label(app) == "Rotterdam port strike"
        await pilot.press("q")  # from the storylines, q quits
        await pilot.pause()
        assert not app.is_running


async def test_q_backs_out_of_every_screen_and_dialog(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for opener, screen_type in (
            ("2", ArticlesScreen),
            ("3", FeedsScreen),
            ("question_mark", HelpScreen),
        ):
            await pilot.press(opener)
            await settle(pilot)
            assert isinstance(app.screen, screen_type)
            await pilot.press("q")
            await settle(pilot)
            assert app.is_running and isinstance(app.screen, MainScreen), screen_type
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("d")  # remove a feed? asks first
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, FeedsScreen) and len(app.screen.rows) == 3


async def test_shift_q_and_ctrl_q_quit_from_a_sub_screen(make_app) -> None:
    for key in ("Q", "ctrl+q"):
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("enter", "enter")
            await settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            await pilot.press(key)
            await pilot.pause()
            assert not app.is_running, key


# -- g and G in every list, and on the help screen -----------------------------------------


async def test_g_and_shift_g_on_the_help_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_g_and_shift_g_in_the_columns_and_tables(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "tab")  # the quotes column: three quotes
        listing = app.focused
        assert isinstance(listing, ItemList) and listing.parent.id == "quotes"  # type: ignore[union-attr]
        await pilot.press("G")
        assert listing.highlighted == listing.option_count - 1 and listing.option_count > 1
        await pilot.press("g")
        assert listing.highlighted == 0
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one(NavTable)
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0


# -- empty states name the keys as bound ---------------------------------------------------


async def test_empty_states_name_the_keys_as_remapped(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    open_library(empty).close()
    settings = Settings(keymap={"refresh": "ctrl+r", "add-feed": "A"})
    app = BriefingApp(empty, settings=settings, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        title = str(app.screen.query_one("#briefing-title", Label).render())
        assert title == "No storylines yet. Press A to add a feed, ^r to refresh."
        await pilot.press("3")
        await settle(pilot)
        title = str(app.screen.query_one("#feeds-title", Label).render())
        assert title == "Feeds: none yet. Press A to add one."


def test_every_screen_but_the_storylines_binds_q_to_leave_it() -> None:
    """The app's q quits; a screen or dialog that forgot its own q would quit from inside."""
    import importlib
    import inspect
    import pkgutil

    from textual.screen import Screen

    import briefing.tui.screens as screens

    found = []
    for module_info in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"{screens.__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                found.append(cls)
    assert len(found) >= 8
    # The actor chooser searches as you type: there every letter, q too, is text (as in a
    # text field); Escape clears the search, then cancels.
    forgot = [
        cls.__name__
        for cls in found
        if cls not in (MainScreen, ActorChooser)
        and "q" not in cls._merge_bindings().key_to_bindings
    ]
    assert forgot == [], "bind q (id 'close') to leave these, as Escape does"


async def test_escape_on_feeds_clears_the_tag_filter_before_leaving(make_app, library_path) -> None:
    from briefing.store.feeds import set_tags
    from briefing.tui.screens.choose import ChoiceScreen

    with open_library(library_path) as library:
        feed_id = library.db.execute(
            "SELECT id FROM feeds WHERE title = 'Capital Wire'"
        ).fetchone()[0]
        set_tags(library, feed_id, ["wire"])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "T")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("j", "enter")  # All feeds, wire
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen) and len(screen.rows) == 1
        await pilot.press("escape")  # the tag goes first
        await settle(pilot)
        assert app.screen is screen and screen.tag is None and len(screen.rows) == 3
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_articles_empty_states_name_the_keys(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    open_library(empty).close()
    settings = Settings(keymap={"add-feed": "A", "unread-only": "ctrl+u"})
    app = BriefingApp(empty, settings=settings, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        title = str(app.screen.query_one("#articles-title", Label).render())
        assert title == "No articles yet. Press A to add a feed."
        await pilot.press("ctrl+u")
        await settle(pilot)
        title = str(app.screen.query_one("#articles-title", Label).render())
        assert title == "Unread articles: none. ^u shows them all again."


async def test_the_palette_marks_a_storyline_read_only_after_asking_and_u_undoes(
    make_app, library_path: Path
) -> None:
    app = make_app()
    before = read_titles(library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert current_label(app) == "Rotterdam port strike"  # two unread articles
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "storyline: mark all its articles read…" in titles
        await app.screen.run_action("mark_read_asking")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing changes
        await settle(pilot)
        assert read_titles(library_path) == before
        await app.screen.run_action("mark_read_asking")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert read_titles(library_path) == before | {
            "Dockers walk out at Rotterdam",
            "Port employers offer talks",
        }
        assert any(n.startswith("2 articles marked read") for n in notes(app))
        await pilot.press("u")
        await settle(pilot)
        assert read_titles(library_path) == before
