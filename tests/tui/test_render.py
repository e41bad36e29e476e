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
