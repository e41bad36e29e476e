"""Rows a reader cannot follow alone are hidden; one key shows them, marked uncertain."""

from __future__ import annotations

from textual.widgets import Footer
from tui_helpers import column_texts, current_label, settle

from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.render import UNCERTAIN_MARK


async def test_u_shows_and_hides_the_uncertain_rows_marked(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")  # the Tokyo storyline: its only quote has no named speaker
        await settle(pilot)
        assert current_label(app).startswith("Tokyo")
        assert column_texts(app, "quotes") == []
        await pilot.press("U")
        await settle(pilot)
        (quote,) = column_texts(app, "quotes")
        assert quote.startswith("A spokesperson") and UNCERTAIN_MARK in quote
        await pilot.press("k")  # the setting holds for the next storyline
        await settle(pilot)
        assert current_label(app) == "Geneva peace talks"
        assert not any(UNCERTAIN_MARK in q for q in column_texts(app, "quotes"))
        await pilot.press("j", "U")
        await settle(pilot)
        assert column_texts(app, "quotes") == []


async def test_the_key_is_in_the_footer_the_help_and_the_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        footer_keys = {b.binding.id for b in app.screen.active_bindings.values() if b.binding.show}
        assert "toggle-uncertain" in footer_keys
        assert app.screen.query_one(Footer)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "storyline: show/hide uncertain rows" in titles
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(" ".join(row) for _, rows in app.screen.sections for row in rows)
        assert "Uncertain" in text and "toggle-uncertain" in text
