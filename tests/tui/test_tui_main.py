"""The main screen under Pilot: storylines left, three columns right, every key."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Label
from tui_helpers import column_texts, current_label, prompts, settle

from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.panes import ItemColumn
from briefing.tui.widgets.render import NEW_MARK


async def test_storylines_most_recent_first_with_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        labels = prompts(app, "#storylines")
        assert len(labels) == 3
        assert "Rotterdam port strike" in labels[0] and "2 new" in labels[0]
        assert "Geneva peace talks" in labels[1] and "●" not in labels[1]
        title = app.screen.query_one("#briefing-title", Label)
        assert str(title.render()) == "Rotterdam port strike"
        timeline = column_texts(app, "timeline")
        # Both articles are unread: both rows carry the new mark after their date.
        assert [t.split("\n")[0] for t in timeline] == [
            f"2026-03-16 {NEW_MARK}",
            f"2026-03-18 {NEW_MARK}",
        ]
        quotes = column_texts(app, "quotes")
        assert any("We will not accept a pay freeze." in q for q in quotes)
        red = column_texts(app, "red-lines")
        assert any("only if the strike ended first" in r for r in red)


async def test_arrows_and_j_k_move_and_load_the_next_storyline(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert current_label(app) == "Geneva peace talks"
        assert column_texts(app, "quotes")[0].startswith("The envoy")
        await pilot.press("j")
        await settle(pilot)
        assert current_label(app).startswith("Tokyo")
        await pilot.press("k")
        await settle(pilot)
        assert current_label(app) == "Geneva peace talks"
        await pilot.press("up")
        await settle(pilot)
        assert current_label(app) == "Rotterdam port strike"
        assert "Anna de Vries" in column_texts(app, "quotes")[0]


async def test_g_and_shift_g_jump_to_first_and_last(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert current_label(app).startswith("Tokyo")
        assert str(app.screen.query_one("#briefing-title", Label).render()).startswith("Tokyo")
        await pilot.press("g")
        await settle(pilot)
        assert current_label(app) == "Rotterdam port strike"


async def test_tab_and_shift_tab_move_between_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "storylines"
        await pilot.press("tab")  # the summary first: it sits above the columns
        assert app.focused is not None and app.focused.id == "summary"
        order = []
        for _ in range(3):
            await pilot.press("tab")
            assert app.focused is not None and isinstance(app.focused.parent, ItemColumn)
            order.append(app.focused.parent.id)
        assert order == ["timeline", "quotes", "red-lines"]
        await pilot.press("shift+tab")
        assert app.focused.parent.id == "quotes"  # type: ignore[union-attr]
        # j/k move within a column too
        await pilot.press("j")
        option = app.focused.highlighted_option  # type: ignore[union-attr]
        assert "phased raise" in str(option.prompt)
        await pilot.press("k")
        option = app.focused.highlighted_option  # type: ignore[union-attr]
        assert "pay freeze" in str(option.prompt)


async def test_enter_goes_into_columns_and_escape_comes_back(make_app, library_path) -> None:
    from briefing.store import open_library

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert app.focused is not None and app.focused.parent.id == "timeline"  # type: ignore[union-attr]
        await settle(pilot)
        with open_library(library_path) as library:
            opened = library.db.execute(
                "SELECT last_opened FROM storylines WHERE label = 'Rotterdam port strike'"
            ).fetchone()[0]
        assert opened  # "what is new since you last opened it" starts from here
        await pilot.press("escape")
        assert app.focused is not None and app.focused.id == "storylines"


async def test_slash_then_typing_filters_storylines(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"eneva")  # letters at the list are commands (issue 15)
        await settle(pilot)
        assert [p.split("\n")[0].strip() for p in prompts(app, "#storylines")] == [
            "Geneva peace talks"
        ]
        assert str(app.screen.query_one("#briefing-title", Label).render()) == "Geneva peace talks"
        await pilot.press("escape")  # clears the filter, back on the list
        await settle(pilot)
        assert len(prompts(app, "#storylines")) == 3
        assert app.focused is not None and app.focused.id == "storylines"


async def test_slash_focuses_the_filter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is not None and app.focused.id == "storyline-filter"
        await pilot.press(*"tokyo", "enter")
        await settle(pilot)
        assert len(prompts(app, "#storylines")) == 1
        assert current_label(app).startswith("Tokyo")
        assert app.focused is not None and app.focused.id == "storylines"


async def test_f_chooses_actors_and_filters_all_three_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        chooser = app.screen.query_one("#actor-list")
        names = [str(chooser.get_option_at_index(i).prompt) for i in range(chooser.option_count)]
        index = next(i for i, n in enumerate(names) if n.startswith("Mark Jansen"))
        for _ in range(index):
            await pilot.press("down")
        await pilot.press("space", "enter")
        await settle(pilot)
        quotes = column_texts(app, "quotes")
        assert quotes and all(q.startswith("Mark Jansen") for q in quotes)
        red = column_texts(app, "red-lines")
        assert red and all(r.startswith("Mark Jansen") for r in red)
        # no timeline entry names Jansen
        assert column_texts(app, "timeline") == []
        bar = str(app.screen.query_one("#actor-bar").render())
        assert "Mark Jansen" in bar


async def test_c_compares_two_actors_side_by_side(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("c")  # with no actors chosen, compare explains what to do
        await pilot.pause()
        assert not app.screen.query_one("#compare-columns").display
        await pilot.press("f")
        await pilot.pause()
        chooser = app.screen.query_one("#actor-list")
        names = [str(chooser.get_option_at_index(i).prompt) for i in range(chooser.option_count)]
        wanted = {i for i, n in enumerate(names) if n.startswith(("Mark Jansen", "Anna de Vries"))}
        for i in range(len(names)):
            if i in wanted:
                await pilot.press("space")
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        compare = app.screen.query_one("#compare-columns")
        assert compare.display and not app.screen.query_one("#columns").display
        columns = list(compare.query(ItemColumn))
        assert sorted(c.title for c in columns) == ["Anna de Vries", "Mark Jansen"]
        anna = next(c for c in columns if c.title == "Anna de Vries")
        texts = [
            str(anna.list.get_option_at_index(i).prompt) for i in range(anna.list.option_count)
        ]
        assert any("pay freeze" in t for t in texts) and any("phased raise" in t for t in texts)
        await pilot.press("c")
        await settle(pilot)
        assert not compare.display and app.screen.query_one("#columns").display


async def test_m_marks_the_storyline_read(make_app, library_path) -> None:
    from briefing.store import open_library

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "●" in prompts(app, "#storylines")[0]
        await pilot.press("m")
        await settle(pilot)
        assert "●" not in prompts(app, "#storylines")[0]
    with open_library(library_path) as library:
        unread = library.db.execute(
            "SELECT count(*) FROM articles a JOIN storylines s ON s.id = a.storyline_id"
            " WHERE s.label = 'Rotterdam port strike' AND a.read = 0"
        ).fetchone()[0]
    assert unread == 0


async def test_s_stars_the_article_behind_an_item(make_app, library_path) -> None:
    from briefing.store import open_library

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")  # past the summary, into the timeline
        await pilot.press("s")
        await settle(pilot)
    with open_library(library_path) as library:
        starred = [r[0] for r in library.db.execute("SELECT title FROM articles WHERE starred = 1")]
    assert starred == ["Dockers walk out at Rotterdam"]


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_feed_text_is_shown_literally(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # The quote has no named speaker: hidden by default, so show the uncertain rows (feed
        # text must be literal in every row the reader can show).
        await pilot.press("G", "U")
        await settle(pilot)
        quotes = column_texts(app, "quotes")
        assert "[bold]nothing[/bold] was agreed" in quotes[0]
        label = prompts(app, "#storylines")[-1]
        assert "東京" in label and "القاهرة" in label


def screen_rows(app) -> list[str]:
    """What the terminal shows, one string per row, one entry per cell (wide chars padded)."""
    update = app.screen._compositor.render_full_update()
    rows = []
    for strip in update.strips:
        cells: list[str] = []
        for segment in strip:
            for char in segment.text:
                width = cell_len(char)
                cells.append(char)
                cells.extend("" for _ in range(width - 1))
        rows.append(cells)
    return rows


async def test_wide_and_right_to_left_text_keep_the_layout(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("G")  # the storyline with CJK and Arabic in its label and quotes
        await settle(pilot)
        rows = screen_rows(app)
        assert all(len(row) == 80 for row in rows)
        pane = app.screen.query_one("#storyline-pane")
        border_x = pane.region.right - 1
        body = range(pane.region.y, pane.region.bottom)
        assert all(rows[y][border_x] == "▕" for y in body), "the pane border moved"
        text = "\n".join("".join(row) for row in rows)
        assert "東京" in text and "القاهرة" in text


async def test_escape_sequences_and_markup_in_feed_text_are_not_interpreted(
    make_app, library_path
) -> None:
    from briefing.store import open_library

    with open_library(library_path) as library:
        library.db["storylines"].update(2, {"label": "Geneva \x1b]0;owned\x07[red]talks[/red]"})
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        label = prompts(app, "#storylines")[1]
        assert "\x1b" not in label and "\x07" not in label and "owned" not in label
        assert "[red]talks[/red]" in label
        text = "\n".join("".join(row) for row in screen_rows(app))
        assert "[red]talks[/red]" in text


async def test_the_mouse_works_too(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # each storyline takes two rows: click the second storyline's label
        await pilot.click("#storylines", offset=(4, 2))
        await settle(pilot)
        assert current_label(app) == "Geneva peace talks"
        quotes = app.screen.query_one("#quotes")
        await pilot.click(quotes.query_one("ItemList"), offset=(4, 1))
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
