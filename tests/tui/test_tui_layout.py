"""The main screen's layout: tabs on a narrow screen, two lines a storyline, a footer that
shows the keys that matter first, and dividers that stay put after filters and themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color
from textual.widgets import Footer, OptionList, Tabs
from tui_helpers import settle

from briefing.config import TABS_BELOW_WIDTH, Settings, load_settings
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.panes import ItemColumn

COLUMNS = ("timeline", "quotes", "red-lines")


def shown_columns(app: BriefingApp) -> list[str]:
    return [c.id or "" for c in app.screen.query(ItemColumn) if c.display and c.parent.display]


def tab_labels(app: BriefingApp) -> list[str]:
    tabs = app.screen.query_one("#column-tabs", Tabs)
    return [tabs.query_one(f"#tab-{c}").label.plain for c in COLUMNS]  # type: ignore[attr-defined]


def rendered(listing: OptionList) -> list[str]:
    """The list's lines as painted, trailing blank lines dropped."""
    lines = [listing.render_line(y).text for y in range(listing.size.height)]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def is_divider(line: str) -> bool:
    return line.strip() != "" and set(line.strip()) == {"─"}


async def test_narrow_screen_shows_one_column_as_tabs_with_counts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tabs = app.screen.query_one("#column-tabs", Tabs)
        assert tabs.display
        assert shown_columns(app) == ["timeline"]
        counts = [len(app.screen.query_one(f"#{c}", ItemColumn).sources) for c in COLUMNS]
        assert all(counts)
        assert tab_labels(app) == [
            f"Timeline ({counts[0]})",
            f"Quotes ({counts[1]})",
            f"Red lines ({counts[2]})",
        ]
        # ] and [ switch tabs while the storyline list keeps focus
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert shown_columns(app) == ["quotes"]
        assert tabs.active == "tab-quotes"
        assert app.screen.focused is app.screen.query_one("#storylines")
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert shown_columns(app) == ["red-lines"]  # round from the first to the last
        # Enter goes into the tab in view; there, ] takes the focus along to the next tab
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#red-lines", ItemColumn).list
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert shown_columns(app) == ["timeline"]
        assert app.screen.focused is app.screen.query_one("#timeline", ItemColumn).list
        # a click on a tab shows its column
        await pilot.click("#tab-red-lines")
        await pilot.pause()
        assert shown_columns(app) == ["red-lines"]


async def test_wide_screen_keeps_three_columns_and_brackets_move_between_them(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#column-tabs", Tabs).display
        assert shown_columns(app) == list(COLUMNS)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#timeline", ItemColumn).list
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#quotes", ItemColumn).list
        # narrowing the terminal keeps the user in the column they were reading
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert shown_columns(app) == ["quotes"]
        assert app.screen.query_one("#column-tabs", Tabs).display
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert shown_columns(app) == list(COLUMNS)


async def test_the_width_for_tabs_is_a_setting(make_app, tmp_path: Path) -> None:
    assert Settings().tabs_below_width == TABS_BELOW_WIDTH == 120
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text("tabs_below_width = 70\n", encoding="utf-8")
    settings = load_settings(settings_file)
    assert settings.tabs_below_width == 70
    app = make_app(settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown_columns(app) == list(COLUMNS)  # 80 is not below 70: side by side
        assert not app.screen.query_one("#column-tabs", Tabs).display
    app = make_app(settings=Settings(tabs_below_width=200))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert shown_columns(app) == ["timeline"]


def test_a_width_that_is_not_a_whole_number_is_ignored(tmp_path: Path) -> None:
    settings_file = tmp_path / "settings.toml"
    for value in ('"wide"', "true", "-5", "90.5"):
        settings_file.write_text(f"tabs_below_width = {value}\n", encoding="utf-8")
        assert load_settings(settings_file).tabs_below_width == TABS_BELOW_WIDTH


async def test_storylines_take_two_lines_each_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one("#storylines", OptionList)
        lines = rendered(listing)
        assert listing.option_count == 3
        assert len(lines) == 2 * listing.option_count
        # the long label is cut with an ellipsis, not wrapped onto a third line
        assert any(line.rstrip().endswith("…") for line in lines)
        # the pane is wide enough to read labels: more than the 23 columns of before
        assert app.screen.query_one("#storyline-pane").size.width >= 30


async def test_quotes_are_not_squeezed_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        quotes = app.screen.query_one("#quotes", ItemColumn).list
        assert quotes.size.width >= 40
        lines = rendered(quotes)
        # a quote of 35 characters is one line, not three (as in a 16-column column)
        assert any("“We will not accept a pay freeze.”" in line for line in lines), lines


async def test_footer_at_80_columns_shows_whole_keys_most_important_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        keys = [w for w in footer.children if hasattr(w, "key_display")]
        palette = [w for w in keys if w.has_class("-command-palette")]
        shown = [w for w in keys if w not in palette]
        descriptions = [w.description for w in shown]  # type: ignore[attr-defined]
        assert descriptions[:4] == ["Help", "Filter", "Column", "Actors"]
        assert "Quit" in descriptions and "Refresh" in descriptions
        # every key shown ends before the palette's: none is cut
        assert palette
        right_edge = palette[0].region.x
        assert all(w.region.right <= right_edge for w in shown)
        # the screen's own order: each key shown whole, the rest left to `?`
        assert sum(w.region.width for w in shown) <= right_edge


@pytest.mark.parametrize("size", [(148, 18), (80, 24)], ids=["148x18", "80x24"])
async def test_dividers_and_no_blank_rows_after_an_actor_filter(
    make_app, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        # the actor with most statements (first in the chooser): a shorter quotes column
        await pilot.press("f", "space", "enter")
        await settle(pilot)
        assert app.screen.chosen_actors  # type: ignore[attr-defined]
        for column in ("quotes", "red-lines"):
            if column not in shown_columns(app):
                await pilot.press("right_square_bracket")
                await pilot.pause()
            item_column = app.screen.query_one(f"#{column}", ItemColumn)
            lines = rendered(item_column.list)
            assert all(line.strip() for line in lines), (column, lines)
            dividers = sum(1 for line in lines if is_divider(line))
            if item_column.list.virtual_size.height <= item_column.list.size.height:
                assert dividers == len(item_column.sources) - 1, (column, lines)


def contrast(one: Color, other: Color) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(color: Color) -> float:
        channels = []
        for value in color.get_truecolor():
            c = value / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def divider_contrasts(app: BriefingApp) -> list[float]:
    ratios = []
    for column in app.screen.query(ItemColumn):
        for y in range(column.list.size.height):
            strip = column.list.render_line(y)
            if is_divider(strip.text):
                for segment in strip:
                    style = segment.style
                    if "─" in segment.text and style and style.color and style.bgcolor:
                        ratios.append(contrast(style.color, style.bgcolor))
    return ratios


@pytest.mark.parametrize("theme", ["textual-light", "textual-dark"])
async def test_dividers_are_visible_at_launch_and_after_a_theme_switch(
    make_app, theme: str
) -> None:
    app = make_app(settings=Settings(theme=theme))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        at_launch = divider_contrasts(app)
        assert len(at_launch) >= 4  # a divider under every entry but the last, each column
        assert min(at_launch) >= 1.8, at_launch
        await pilot.press("t")
        await settle(pilot)
        after = divider_contrasts(app)
        assert len(after) == len(at_launch)
        assert min(after) >= 1.8, after
