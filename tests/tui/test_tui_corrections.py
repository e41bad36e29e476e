"""Correcting storylines from the reader: merge, move, split and rename, from a key or the
command palette; each undone with `u`; each kept through a digest that regroups the library."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_helpers import current_label, prompts, settle

from briefing.store import open_library
from briefing.tui.app import BriefingApp
from briefing.tui.screens.corrections import RenameDialog, SplitPicker, StoryPicker
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.pick_storyline import StorylinePicker

SIZE = (120, 40)


def listed(app: BriefingApp) -> list[str]:
    """The storyline list as the user reads it: each storyline's label."""
    return [p.split("\n")[0].lstrip("● ").strip() for p in prompts(app, "#storylines")]


def places(library_path: Path) -> dict[int, tuple[str, list[str]]]:
    """{storyline id: (label, its articles' titles)} as the library holds them."""
    with open_library(library_path) as library:
        rows = library.db.execute(
            "SELECT s.id, coalesce(s.user_label, s.label), a.title FROM storylines s"
            " JOIN articles a ON a.storyline_id = s.id WHERE s.merged_into IS NULL"
            " ORDER BY s.id, a.title"
        ).fetchall()
    found: dict[int, tuple[str, list[str]]] = {}
    for sid, label, title in rows:
        found.setdefault(sid, (label, []))[1].append(title)
    return found


STRIKE = 1  # the fixture's first storyline: Rotterdam port strike, 2 articles


def storyline_rows(library_path: Path) -> list[tuple[object, ...]]:
    with open_library(library_path) as library:
        return [
            tuple(r)
            for r in library.db.execute(
                "SELECT s.*, (SELECT group_concat(a.id || ':' || a.storyline_pinned)"
                " FROM articles a WHERE a.storyline_id = s.id) FROM storylines s ORDER BY s.id"
            )
        ]


async def undo(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("u")
    await settle(pilot)


async def test_merge_from_the_picker_then_u_restores_both_storylines(
    make_app, library_path: Path
) -> None:
    before = places(library_path)
    rows_before = storyline_rows(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current_label(app) == "Rotterdam port strike"
        await pilot.press("M")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, StorylinePicker)
        # The storyline being merged is not offered as its own target.
        assert [p.split("\n")[0] for p in prompts(app, "#picker-list")] == [
            "Geneva peace talks",
            "Tokyo 東京 summit and Cairo القاهرة meeting",
        ]
        await pilot.press(*"geneva")
        assert prompts(app, "#picker-list")[0].startswith("Geneva peace talks")
        assert len(prompts(app, "#picker-list")) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert len(listed(app)) == 2
        merged = places(library_path)
        assert before[STRIKE][0] == "Rotterdam port strike"
        geneva = next(sid for sid, (label, _) in before.items() if label.startswith("Geneva"))
        assert sorted(merged) == sorted(sid for sid in before if sid != STRIKE)
        assert sorted(merged[geneva][1]) == sorted(before[geneva][1] + before[STRIKE][1])
        # The merged storyline is the one shown now, and the message offers the undo.
        assert app.screen.query_one("#storylines").has_focus
        assert current_label(app) == merged[geneva][0]
        assert any("Merged “Rotterdam port strike”" in str(n.message) for n in app._notifications)
        await undo(pilot)
        assert sorted(listed(app)) == sorted(label for label, _ in before.values())
        assert current_label(app) == "Rotterdam port strike"
    assert places(library_path) == before
    assert storyline_rows(library_path) == rows_before


async def test_the_picker_searches_moves_with_j_k_and_escape_clears_then_cancels(
    make_app, library_path: Path
) -> None:
    before = places(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        await pilot.press(*"zzz")
        assert prompts(app, "#picker-list") == ["no storyline matches"]
        await pilot.press("enter")  # nothing to pick: the picker stays
        assert isinstance(app.screen, StorylinePicker)
        await pilot.press("escape")  # clears the search first
        assert app.screen.query_one("#picker-search", Input).value == ""
        assert len(prompts(app, "#picker-list")) == 2
        await pilot.press("tab", "j")  # into the list: j and k move there
        assert app.screen.query_one("#picker-list").has_focus
        highlighted = app.screen.choice  # type: ignore[attr-defined]
        await pilot.press("k")
        assert app.screen.choice != highlighted  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert places(library_path) == before


async def test_merge_from_the_command_palette(make_app, library_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"storyline: merge")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StorylinePicker)
        await pilot.press(*"tokyo", "enter")
        await settle(pilot)
        assert len(listed(app)) == 2
    merged = places(library_path)
    assert sorted(len(titles) for _, titles in merged.values()) == [1, 3]


async def test_move_the_row_s_article_to_a_new_storyline_then_undo(
    make_app, library_path: Path
) -> None:
    before = places(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # into the timeline of the port strike
        source = app.screen._focused_source()  # type: ignore[attr-defined]
        assert source is not None
        await pilot.press("V")
        await settle(pilot)
        assert isinstance(app.screen, StorylinePicker)
        assert source.title in str(app.screen.title_text)
        assert prompts(app, "#picker-list")[0] == "+ a new storyline"
        await pilot.press("enter")
        await settle(pilot)
        assert len(listed(app)) == 4
        moved = places(library_path)
        assert len(moved) == 4 and len(moved[STRIKE][1]) == 1
        assert source.title not in moved[STRIKE][1]
        (new,) = set(moved) - set(before)
        assert moved[new][1] == [source.title]
        assert current_label(app) == moved[new][0]
        await undo(pilot)
        assert len(listed(app)) == 3
    assert places(library_path) == before


async def test_move_from_the_list_asks_which_article_then_where(
    make_app, library_path: Path
) -> None:
    before = places(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        assert isinstance(app.screen, StoryPicker)
        titles = [p.split("\n")[0] for p in prompts(app, "#story-list")]
        assert sorted(titles) == sorted(before[STRIKE][1])
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StorylinePicker)
        await pilot.press(*"geneva", "enter")
        await settle(pilot)
        after = places(library_path)
        geneva = next(sid for sid, (label, _) in before.items() if label.startswith("Geneva"))
        assert after[STRIKE][1] == [t for t in titles if t != titles[1]]
        assert sorted(after[geneva][1]) == sorted([*before[geneva][1], titles[1]])
        assert current_label(app) == after[geneva][0]
        await undo(pilot)
    assert places(library_path) == before


async def test_split_then_undo(make_app, library_path: Path) -> None:
    before = places(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, SplitPicker)
        await pilot.press("enter")  # nothing marked: it says so and stays
        assert isinstance(app.screen, SplitPicker)
        await pilot.press("space", "j", "space", "enter")  # everything: refused too
        assert isinstance(app.screen, SplitPicker)
        await pilot.press("space", "enter")  # the first one only
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        after = places(library_path)
        assert len(after) == 4 and len(after[STRIKE][1]) == 1
        (new,) = set(after) - set(before)
        assert sorted(after[new][1] + after[STRIKE][1]) == sorted(before[STRIKE][1])
        await undo(pilot)
        assert len(listed(app)) == 3
    assert places(library_path) == before


async def test_split_refuses_a_storyline_of_one_article(make_app, library_path: Path) -> None:
    before = places(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "X")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert any("nothing to split" in str(n.message) for n in app._notifications)
    assert places(library_path) == before


async def test_rename_from_the_palette_then_undo(make_app, library_path: Path) -> None:
    before = places(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"storyline: rename")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RenameDialog)
        field = app.screen.query_one(Input)
        assert field.value == "Rotterdam port strike"
        await pilot.press("ctrl+u", *"Dock strike [b]2026[/b]", "enter")
        await settle(pilot)
        assert current_label(app) == "Dock strike [b]2026[/b]"
        assert str(app.screen.query_one("#briefing-title").render()) == "Dock strike [b]2026[/b]"
        await undo(pilot)
        assert current_label(app) == "Rotterdam port strike"
    assert places(library_path) == before


async def test_rename_with_r_and_escape_changes_nothing(make_app, library_path: Path) -> None:
    before = storyline_rows(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, RenameDialog)
        await pilot.press("x", "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert storyline_rows(library_path) == before


async def test_corrections_survive_a_regrouping_digest(make_app, library_path: Path) -> None:
    """After an analyser upgrade every article is read and placed again: the user's merge
    and rename stay."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("M", *"tokyo", "enter")
        await settle(pilot)
        await pilot.press("R", "ctrl+u", *"Strike and summit", "enter")
        await settle(pilot)
        corrected = places(library_path)
        assert sorted(listed(app)) == sorted(label for label, _ in corrected.values())
        with open_library(library_path) as library, library.db.atomic():
            library.db.execute("UPDATE articles SET analysed_version = 'an-older-version'")
        app.catch_up()
        await settle(pilot, timeout=60)
        with open_library(library_path) as library:
            pending = library.db.execute(
                "SELECT count(*) FROM articles WHERE analysed_version = 'an-older-version'"
            ).fetchone()
        assert pending == (0,)
        assert places(library_path) == corrected
        assert "Strike and summit" in listed(app)


async def test_no_correction_while_a_refresh_places_articles(make_app, library_path: Path) -> None:
    before = storyline_rows(library_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.refresh_state = (1, 4, "Reading new articles")
        for key in ("M", "V", "X", "R"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, MainScreen), key
        assert any("when the refresh is done" in str(n.message) for n in app._notifications)
        app.refresh_state = None
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, RenameDialog)
    assert storyline_rows(library_path) == before
