"""How one quote is drawn in the Quotes column."""

from briefing.tui.data import QuoteView, Source
from briefing.tui.widgets.render import quote_prompt

SOURCE = Source(1, "https://example.org/a", "Title", "Civic Dispatch", "2026-09-15", 0, 10)


def test_direct_quote_is_in_quotation_marks() -> None:
    item = QuoteView("Tomas Lindqvist", "We were told 412 million.", "2026-09-15", "", SOURCE)
    assert "“We were told 412 million.”" in quote_prompt(item).plain


def test_reported_speech_is_not_dressed_as_the_speakers_own_words() -> None:
    item = QuoteView(
        "Tomas Lindqvist",
        "that the mayor publish the contractor's claims",
        "2026-09-15",
        "",
        SOURCE,
        direct=False,
    )
    shown = quote_prompt(item).plain
    assert "reported: that the mayor publish the contractor's claims" in shown
    assert "“" not in shown and "”" not in shown


def test_a_new_row_carries_the_badge_after_its_first_line() -> None:
    from rich.style import Style

    from briefing.tui.data import RedLineView, TimelineItem
    from briefing.tui.widgets.render import NEW_MARK, red_line_prompt, timeline_prompt

    badge = Style(bold=True, color="#000000", bgcolor="#fea62b")
    event = TimelineItem("2026-09-15", "Talks resumed.", ("Civic Dispatch",), SOURCE, new=True)
    shown = timeline_prompt(event, badge=badge)
    assert shown.plain.split("\n")[0] == f"2026-09-15 {NEW_MARK}"
    assert any(s.style == badge for s in shown.spans)
    seen = TimelineItem("2026-09-15", "Talks resumed.", ("Civic Dispatch",), SOURCE)
    assert NEW_MARK not in timeline_prompt(seen, badge=badge).plain
    quote = QuoteView("Tomas Lindqvist", "Not yet.", "2026-09-15", "", SOURCE, new=True)
    assert quote_prompt(quote, badge=badge).plain.startswith(f"Tomas Lindqvist {NEW_MARK}\n")
    red = RedLineView("Tomas Lindqvist", "No deal without it.", "2026-09-15", SOURCE, new=True)
    assert red_line_prompt(red, badge=badge).plain.startswith(f"Tomas Lindqvist {NEW_MARK}\n")
