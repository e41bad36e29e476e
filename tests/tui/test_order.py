"""The orders a column can show its rows in (data.ordered)."""

from briefing.storylines import date_order
from briefing.tui.data import Source, TimelineItem, ordered

SOURCE = Source(1, "https://example.org/a", "Title", "Civic Dispatch", "2026-09-15", 0, 10)


def _row(date: str, outlets: int = 1, rank: int = 0) -> TimelineItem:
    names = tuple(f"Outlet {i}" for i in range(outlets))
    return TimelineItem(date, f"on {date}", names, SOURCE, when=date_order(date), actor_rank=rank)


def test_each_order_keeps_months_with_their_days_and_undated_rows_last() -> None:
    rows = [_row(""), _row("2026-10"), _row("2026-10-02", 3, rank=1), _row("2026-09-30", 3)]
    rows.append(_row("2026-10-20", rank=1))
    dates = {order: [r.date for r in ordered(rows, order)] for order in ("date", "newest")}
    assert dates["date"] == ["2026-09-30", "2026-10-02", "2026-10-20", "2026-10", ""]
    assert dates["newest"] == ["2026-10", "2026-10-20", "2026-10-02", "2026-09-30", ""]
    # Most reported: three outlets before one; the newest first among equals.
    assert [r.date for r in ordered(rows, "reported")] == [
        "2026-10-02",
        "2026-09-30",
        "2026-10",
        "2026-10-20",
        "",
    ]
    # By actor: the first actor's rows, then the second's, each in the storyline's order.
    assert [r.date for r in ordered(rows, "actor")] == [
        "",
        "2026-10",
        "2026-09-30",
        "2026-10-02",
        "2026-10-20",
    ]
