"""Rich Text for each kind of item. Feed text is appended as plain strings, never as markup."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from briefing.safetext import clean_line
from briefing.tui.data import (
    ArticleRow,
    DateReport,
    QuoteView,
    RedLineView,
    StorylineListRow,
    SummaryLine,
    TimelineItem,
)

UNREAD_MARK = "●"
CHANGED_MARK = "↺ changed"
CONFLICT_MARK = "≠ dates differ"
UNCERTAIN_MARK = "? uncertain"  # a row hidden by default: a fragment, no known speaker, doubtful
STAR_MARK = "★"
NEW_MARK = " new "  # a row from an article the user has not read: a badge in the accent colour


def new_badge(accent: str, on_accent: str) -> Style:
    """The new mark's style: the theme's accent behind text that contrasts with it, so the
    badge reads the same on a dark or light background and on the highlighted row."""
    return Style(bold=True, color=on_accent, bgcolor=accent)


def _mark_new(text: Text, new: bool, badge: Style | None) -> None:
    # At the end of the row's first line: dates and names stay aligned at the left edge.
    if new and badge is not None:
        text.append(" ")
        text.append(NEW_MARK, style=badge)


def _plain(value: str) -> str:
    # The data layer has cleaned every string already; this is the last guard before paint.
    return clean_line(value)


def storyline_prompt(row: StorylineListRow) -> Text:
    """Two lines: the unread mark and label; the article count and last update."""
    text = Text(no_wrap=False, overflow="fold")
    text.append(f"{UNREAD_MARK} " if row.unread else "  ", style="bold")
    text.append(_plain(row.label), style="bold" if row.unread else "")
    text.append("\n  ")
    count = f"{row.articles} article" + ("" if row.articles == 1 else "s")
    details = count + (f" · {row.last_date}" if row.last_date else "")
    if row.unread:
        details += f" · {row.unread} new"
    text.append(details, style="dim")
    return text


def summary_prompt(line: SummaryLine, *, whole: bool) -> Text:
    """A sentence of the summary, whole with its outlet and date (the list may cut it)."""
    text = Text(_plain(line.text))
    if not whole:
        return text
    details = [d for d in (line.source.outlet, line.source.date) if d]
    if details:
        text.append(" — " + " · ".join(_plain(d) for d in details), style="dim")
    return text


def timeline_prompt(
    item: TimelineItem, *, badge: Style | None = None, show_actor: bool = False
) -> Text:
    """Date (and its marks), the event, then the outlets; the new mark first, drawn with
    `badge`; the actor the event names when the rows are grouped by actor."""
    text = Text(overflow="fold")
    text.append(_plain(item.date) or "undated", style="bold")
    if show_actor:
        text.append(" · " + (_plain(item.actor) or "no actor named"), style="bold")
    if item.scheduled:
        text.append(" (planned)", style="italic")
    if item.conflicting_dates:
        text.append(f" {CONFLICT_MARK}", style="bold red")
    _mark_uncertain(text, item.uncertain)
    _mark_new(text, item.new, badge)
    text.append("\n")
    text.append(_plain(item.text), style="dim" if item.uncertain else "")
    if item.outlets:
        text.append("\n")
        text.append(_outlets(item.outlets), style="dim")
    return text


def _outlets(outlets: tuple[str, ...]) -> str:
    """The outlets that carried an item, with their count when several did."""
    names = ", ".join(_plain(o) for o in outlets)
    return f"{len(outlets)} outlets: {names}" if len(outlets) > 1 else names


def _mark_uncertain(text: Text, uncertain: bool) -> None:
    if uncertain:
        text.append(f" {UNCERTAIN_MARK}", style="italic yellow")


def quote_prompt(item: QuoteView, *, show_speaker: bool = True, badge: Style | None = None) -> Text:
    """Speaker, the words, then date, via and outlet; compare mode labels it "Quote"."""
    text = Text(overflow="fold")
    text.append(_plain(item.speaker) if show_speaker else "Quote", style="bold")
    _mark_uncertain(text, item.uncertain)
    _mark_new(text, item.new, badge)
    text.append("\n")
    words = _plain(item.text).strip(" \"'“”„«»,")
    if item.direct:
        text.append("“" + words + "”", style="italic dim" if item.uncertain else "italic")
    else:  # reported speech is the outlet's paraphrase: no quotation marks
        text.append("reported: ", style="dim")
        text.append(words, style="dim" if item.uncertain else "")
    via = f"via {item.via}" if item.via and item.via != item.source.outlet else ""
    details = [d for d in (item.date, via, _outlets(item.outlets or (item.source.outlet,))) if d]
    if details:
        text.append("\n")
        text.append(" · ".join(_plain(d) for d in details), style="dim")
    return text


def red_line_prompt(
    item: RedLineView, *, show_holder: bool = True, badge: Style | None = None
) -> Text:
    """Holder (and a changed-position mark), the demand, then date and outlet."""
    text = Text(overflow="fold")
    text.append(_plain(item.holder) if show_holder else "Red line", style="bold")
    if item.changed:
        text.append(" " + CHANGED_MARK, style="bold yellow")
    _mark_uncertain(text, item.uncertain)
    _mark_new(text, item.new, badge)
    text.append("\n")
    text.append(_plain(item.text), style="dim" if item.uncertain else "")
    details = [d for d in (item.date, _outlets(item.outlets or (item.source.outlet,))) if d]
    if details:
        text.append("\n")
        text.append(" · ".join(_plain(d) for d in details), style="dim")
    return text


def article_cells(row: ArticleRow) -> tuple[Text, Text, Text, Text]:
    """The cells of an article's row in the articles table."""
    marks = Text((STAR_MARK if row.starred else " ") + (UNREAD_MARK if not row.read else " "))
    return (
        marks,
        Text(_plain(row.date)),
        Text(_plain(row.outlet), overflow="ellipsis", no_wrap=True),
        Text(_plain(row.title), style="" if row.read else "bold", overflow="ellipsis"),
    )


def dated_report(report: DateReport) -> Text:
    """One outlet's date for a timeline event, then its words."""
    text = Text(overflow="fold")
    text.append(_plain(report.date) or "undated", style="bold")
    text.append(" — " + _plain(report.outlet or "unknown outlet"))
    if report.source.date:
        text.append(f" (published {_plain(report.source.date)})", style="dim")
    text.append("\n")
    text.append(_plain(report.text), style="dim")
    return text
