"""The summary above the columns: a line per sentence on a small screen, whole sentences
with their outlets when it has focus, and Enter opens the sentence in its article."""

from __future__ import annotations

from textual.widgets import Label
from tui_helpers import settle

from briefing.tui.data import Source, SummaryLine
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.panes import ItemColumn, SummaryList
from briefing.tui.widgets.render import summary_prompt


def _summary(app) -> SummaryList:
    return app.screen.query_one("#summary", SummaryList)


async def test_small_screen_gives_the_summary_a_line_per_sentence_above_the_columns(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        summary = _summary(app)
        view = app.screen.view
        assert view is not None and 2 <= len(view.summary) <= 3
        assert [str(o.prompt) for o in summary.options] == [s.text for s in view.summary]
        assert summary.region.height == len(view.summary) <= 4
        timeline = app.screen.query_one("#timeline", ItemColumn)
        assert timeline.region.y > summary.region.bottom
        assert timeline.region.height >= 14, "the columns keep most of the screen"
        assert summary.highlighted is None, "no cursor while it is only glanced at"


async def test_focus_shows_whole_sentences_and_enter_opens_the_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = app.screen.view
        collapsed = _summary(app).region.height
        await pilot.press("tab")
        await settle(pilot)
        summary = _summary(app)
        assert app.focused is summary
        assert summary.region.height > collapsed
        first = view.summary[0]
        prompt = str(summary.get_option_at_index(0).prompt)
        assert prompt.startswith(first.text) and first.source.outlet in prompt
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        latest = view.summary[1]
        assert str(screen.query_one("#article-title", Label).render()) == latest.source.title
        highlighted = [p.text.plain for p in screen.query("Paragraph.-highlight")]
        assert any(latest.text in text for text in highlighted)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


def test_summary_text_is_shown_literally() -> None:
    source = Source(1, "https://example.org/a", "Title", "[b]Outlet[/b]", "2026-09-15", 0, 10)
    line = SummaryLine("The [red]council[/red] voted\x1b[31m on Monday.", source)
    shown = summary_prompt(line, whole=True).plain
    assert "The [red]council[/red] voted on Monday." in shown and "[b]Outlet[/b]" in shown
    assert "\x1b" not in shown
