"""What is new inside a storyline: rows from unread articles marked in all three columns,
n / N to jump between them, and a sort order per column (S)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fixture_library import StoryArticle, build_library
from rich.console import Console
from rich.text import Text
from textual.color import Color
from textual.widgets import Label, Static
from tui_helpers import column_texts, settle

from briefing.tui.app import BriefingApp
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.panes import ItemColumn
from briefing.tui.widgets.render import NEW_MARK

CLOSED = "Mayor Lena Vos closed the Maas bridge on 2 March."
REPAIRS = "Repairs ordered by Piet Smit began on 9 March."
TRAFFIC = "Traffic through the old town fell sharply in March."
COUNCIL = "The council voted for the repairs on 14 February."
REOPEN = "We will reopen the bridge by April."
BUDGET = "The repair budget is already spent."
SHOPS = "The shops will be compensated."

# One storyline told by three outlets. The Herald's and the Post's articles are read, the
# Wire's is not: only what the Wire carries is new, even where a read article carries it too.
BRIDGE: list[tuple[str, list[StoryArticle]]] = [
    (
        "Maas bridge repairs",
        [
            StoryArticle(
                "Harbour Herald",
                "Bridge closed for repairs",
                "2026-03-10T09:00:00+00:00",
                [
                    CLOSED,
                    TRAFFIC,
                    COUNCIL,
                    f"Lena Vos said: “{REOPEN}”",
                    "Vos said: “We will not accept tolls on the rebuilt bridge.”",
                ],
                quotes=[(REOPEN, "Lena Vos", None)],
                red_lines=[("We will not accept tolls on the rebuilt bridge.", "Lena Vos")],
                events=[(CLOSED, "2026-03-02"), (TRAFFIC, "2026-03"), (COUNCIL, "2026-02-14")],
                actors=[("Lena Vos", "person"), ("Piet Smit", "person")],
                read=True,
            ),
            StoryArticle(
                "Capital Wire",
                "Repairs begin on the Maas bridge",
                "2026-03-12T09:00:00+00:00",
                [
                    REPAIRS,
                    f"Lena Vos repeated: “{REOPEN}”",
                    f"Councillor Piet Smit said: “{BUDGET}”",
                    "Smit said a new loan was possible only if the state paid half.",
                ],
                quotes=[(REOPEN, "Lena Vos", None), (BUDGET, "Piet Smit", None)],
                red_lines=[("only if the state paid half", "Piet Smit")],
                events=[(REPAIRS, "2026-03-09")],
                actors=[("Lena Vos", "person"), ("Piet Smit", "person")],
            ),
            StoryArticle(
                "Northern Post",
                "Old town shops count the cost of the closure",
                "2026-03-15T09:00:00+00:00",
                [
                    CLOSED,
                    "Shopkeepers said trade had halved since the closure.",
                    f"Lena Vos said: “{SHOPS}”",
                ],
                quotes=[(SHOPS, "Lena Vos", None)],
                events=[(CLOSED, "2026-03-02")],
                actors=[("Lena Vos", "person")],
                read=True,
            ),
        ],
    )
]


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return build_library(tmp_path / "bridge.db", BRIDGE)


def first_lines(app: BriefingApp, column_id: str) -> list[str]:
    return [text.split("\n")[0] for text in column_texts(app, column_id)]


def title(app: BriefingApp, column_id: str) -> str:
    column = app.screen.query_one(f"#{column_id}", ItemColumn)
    return str(column.query_one(".column-title", Label).render())


def highlighted(app: BriefingApp) -> tuple[str, str]:
    """The focused column and the first line of its highlighted row."""
    column = app.focused.parent if app.focused is not None else None
    assert isinstance(column, ItemColumn) and column.id is not None
    index = column.current_index
    assert index is not None
    return column.id, column_texts(app, column.id)[index].split("\n")[0]


async def test_rows_from_unread_articles_are_marked_in_all_three_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        # By date, a month without a day after the days of that month; only the Wire's
        # event is new (the closure is told by two read articles).
        assert first_lines(app, "timeline") == [
            "2026-02-14",
            "2026-03-02",
            f"2026-03-09 {NEW_MARK}",
            "2026-03",
        ]
        quotes = column_texts(app, "quotes")
        # Lena Vos's words are carried by the read Herald and the unread Wire: new.
        reopen = next(q for q in quotes if REOPEN in q)
        assert reopen.startswith(f"Lena Vos {NEW_MARK}") and "2 outlets" in reopen
        assert next(q for q in quotes if BUDGET in q).startswith(f"Piet Smit {NEW_MARK}")
        red = column_texts(app, "red-lines")
        assert next(r for r in red if "tolls" in r).split("\n")[0] == "Lena Vos"
        loan = next(r for r in red if "state paid half" in r)
        assert loan.split("\n")[0] == f"Piet Smit {NEW_MARK}"


async def test_the_marks_go_once_the_article_is_read(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("n")  # the first new row: the Wire's event in the timeline
        assert highlighted(app) == ("timeline", f"2026-03-09 {NEW_MARK}")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        rows = [t for c in ("timeline", "quotes", "red-lines") for t in column_texts(app, c)]
        assert len(rows) == 9 and not any(NEW_MARK in row.split("\n")[0] for row in rows)
        await pilot.press("n")
        await settle(pilot)
        assert "Nothing new here" in " ".join(str(n.message) for n in app._notifications)


async def test_n_and_shift_n_move_between_new_rows_across_the_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("n")
            seen.append(highlighted(app))
        assert seen == [
            ("timeline", f"2026-03-09 {NEW_MARK}"),
            ("quotes", f"Lena Vos {NEW_MARK}"),
            ("quotes", f"Piet Smit {NEW_MARK}"),
            ("red-lines", f"Piet Smit {NEW_MARK}"),
        ]
        await pilot.press("n")  # past the last one: round to the first
        assert highlighted(app) == seen[0]
        await pilot.press("N")  # and back round to the last
        assert highlighted(app) == seen[-1]
        await pilot.press("N", "N")
        assert highlighted(app) == seen[1]
        # Moved off a new row by hand, n finds the next one below it.
        await pilot.press("tab")  # the red lines
        await pilot.press("g")
        assert highlighted(app)[0] == "red-lines"
        await pilot.press("N")
        assert highlighted(app) == seen[2]


async def test_s_cycles_each_columns_order_named_in_its_title(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert title(app, "timeline") == "Timeline (4) · by date"
        assert title(app, "quotes") == "Quotes (3) · by speaker"
        assert title(app, "red-lines") == "Red lines (2) · by holder"
        await pilot.press("n")  # into the timeline
        await pilot.press("S")
        assert title(app, "timeline") == "Timeline (4) · newest first"
        # Newest first: the month after its days stays above them, read backwards.
        assert first_lines(app, "timeline") == [
            "2026-03",
            f"2026-03-09 {NEW_MARK}",
            "2026-03-02",
            "2026-02-14",
        ]
        # The highlighted row stays the one it was.
        assert highlighted(app) == ("timeline", f"2026-03-09 {NEW_MARK}")
        await pilot.press("S")
        assert title(app, "timeline") == "Timeline (4) · most reported"
        assert first_lines(app, "timeline")[0] == "2026-03-02"  # told by two outlets
        await pilot.press("S")
        assert title(app, "timeline") == "Timeline (4) · by actor"
        # The rows naming the storyline's first actor, then the rest.
        # The rows naming the storyline's first actor, then its second, then the rest by date.
        assert first_lines(app, "timeline") == [
            "2026-03-02 · Lena Vos",
            f"2026-03-09 · Piet Smit {NEW_MARK}",
            "2026-02-14 · no actor named",
            "2026-03 · no actor named",
        ]
        await pilot.press("S")
        assert title(app, "timeline") == "Timeline (4) · by date"
        assert first_lines(app, "quotes") == [
            f"Lena Vos {NEW_MARK}",
            "Lena Vos",
            f"Piet Smit {NEW_MARK}",
        ]


async def test_quotes_by_date_rather_than_by_speaker(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab")  # the summary, the timeline, the quotes
        assert app.focused is not None and app.focused.parent.id == "quotes"  # type: ignore[union-attr]
        said = [q.split("\n")[-1][:10] for q in column_texts(app, "quotes")]
        assert said == ["2026-03-10", "2026-03-15", "2026-03-12"]  # Lena Vos's, then Smit's
        await pilot.press("S")
        assert title(app, "quotes") == "Quotes (3) · by date"
        said = [q.split("\n")[-1][:10] for q in column_texts(app, "quotes")]
        assert said == ["2026-03-10", "2026-03-12", "2026-03-15"]
        await pilot.press("S")
        assert title(app, "quotes") == "Quotes (3) · newest first"
        said = [q.split("\n")[-1][:10] for q in column_texts(app, "quotes")]
        assert said == ["2026-03-15", "2026-03-12", "2026-03-10"]
        await pilot.press("S")
        assert title(app, "quotes") == "Quotes (3) · most reported"
        assert REOPEN in column_texts(app, "quotes")[0]  # the Herald's and the Wire's


async def test_sort_and_new_keys_are_in_the_help_and_the_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        rows = [row for _, section in help_screen.sections for row in section]  # type: ignore[attr-defined]
        ids = {binding_id for _, _, binding_id in rows}
        assert {"next-new", "previous-new", "sort-column"} <= ids
        console = Console(width=160, file=io.StringIO(), record=True)
        console.print(help_screen.query_one("#help-marks", Static).content)
        marks = " ".join(console.export_text().split())
        assert "new" in marks and "while any one of their articles is unread" in marks
        await pilot.press("escape")
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "storyline: next new row" in commands


def badge_colours(app: BriefingApp) -> tuple[Color, Color]:
    """The new mark's text and background colours on the timeline's new row."""
    listing = app.screen.query_one("#timeline", ItemColumn).list
    for i in range(listing.option_count):
        prompt = listing.get_option_at_index(i).prompt
        if isinstance(prompt, Text) and NEW_MARK in prompt.plain.split("\n")[0]:
            start = prompt.plain.index(NEW_MARK)
            span = next(s for s in prompt.spans if s.start == start)
            style = span.style
            assert not isinstance(style, str) and style.color and style.bgcolor
            fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            return Color(*fg), Color(*bg)
    raise AssertionError("no new row")


def luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour.rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


async def test_the_new_mark_follows_the_theme_and_stays_readable(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        dark = badge_colours(app)
        await pilot.press("t")
        await settle(pilot)
        assert app.theme == "textual-light"
        light = badge_colours(app)
        for fg, bg in (dark, light):
            assert contrast(fg, bg) >= 4.5
        assert light[1] == Color.parse(app.current_theme.to_color_system().generate()["accent"])


async def test_on_a_narrow_screen_n_opens_the_tab_of_the_next_new_row(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.tabbed
        await pilot.press("n")
        assert highlighted(app) == ("timeline", f"2026-03-09 {NEW_MARK}")
        await pilot.press("n")
        assert highlighted(app) == ("quotes", f"Lena Vos {NEW_MARK}")
        assert screen.active_column == "quotes"
        assert screen.query_one("#quotes", ItemColumn).display
        assert not screen.query_one("#timeline", ItemColumn).region.width
