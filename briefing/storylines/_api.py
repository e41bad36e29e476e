"""What the reader and the command line ask of storylines, on a library."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing.errors import BriefingError
from briefing.store import Library
from briefing.store import analysis as store_analysis
from briefing.store import storylines as store
from briefing.storylines import _briefing
from briefing.storylines._model import Briefing, StorylineArticle, StorylineSummary


class StorylineError(BriefingError, LookupError):
    """No such storyline or article, or an override that cannot be applied."""


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def list_storylines(library: Library) -> list[StorylineSummary]:
    """Every storyline, most recent activity first."""
    stats = store.storyline_stats(library)
    summaries = [
        _summary(row, stats[row.id]) for row in store.all_storylines(library) if row.id in stats
    ]
    summaries.sort(key=lambda s: (s.last_date or "", s.id), reverse=True)
    return summaries


def get_summary(library: Library, storyline_id: int) -> StorylineSummary:
    """One storyline as the list shows it (a merged-away id gives the storyline it joined)."""
    row = _resolve(library, storyline_id)
    return _summary(row, store.storyline_stats(library, row.id).get(row.id))


def list_articles(library: Library, storyline_id: int) -> list[StorylineArticle]:
    """The stories of a storyline, newest first, each wire story once with all its outlets."""
    row = _resolve(library, storyline_id)
    members = [_member(m) for m in store.storyline_members(library, [row.id])]
    return list(_briefing._articles(members, {m.article_id: m for m in members}))


def build_briefing(library: Library, storyline_id: int) -> Briefing:
    """The briefing of a storyline: actors, merged timeline, quotes, red lines, what is new."""
    row = _resolve(library, storyline_id)
    members = [_member(m) for m in store.storyline_members(library, [row.id], with_text=True)]
    analyses = store_analysis.load_analyses(library, [m.article_id for m in members])
    summary = _summary(row, store.storyline_stats(library, row.id).get(row.id))
    return _briefing.build_briefing(
        summary, members, analyses, last_opened=_parse_time(row.last_opened)
    )


def mark_opened(library: Library, storyline_id: int) -> None:
    """Remember that the user opened this storyline now (for "what is new")."""
    row = _resolve(library, storyline_id)
    with library.db.atomic():
        store.set_last_opened(library, row.id, now_iso())


def _resolve(library: Library, storyline_id: int) -> store.StorylineRow:
    row = store.resolve_storyline(library, storyline_id)
    if row is None:
        raise StorylineError(f"no storyline {storyline_id}")
    return row


def _summary(row: store.StorylineRow, stats: store.StorylineStats | None) -> StorylineSummary:
    """Counts and dates come from the articles as they are now (feeds come and go)."""
    return StorylineSummary(
        id=row.id,
        label=row.title or f"Storyline {row.id}",
        first_date=stats.first_date if stats else None,
        last_date=stats.last_date if stats else None,
        article_count=stats.stories if stats else 0,
        unread_count=stats.unread if stats else 0,
        outlets=stats.outlets if stats else (),
    )


def _member(m: store.MemberRow) -> _briefing.Member:
    return _briefing.Member(
        article_id=m.article_id,
        title=m.title,
        url=m.url,
        outlet=m.outlet,
        published=(m.published or "")[:10] or None,
        fetched_at=_parse_time(m.fetched_at) or "",
        read=m.read,
        wire_of=m.wire_of,
        text=m.text,
    )


def _parse_time(value: str | None) -> str | None:
    """ISO 8601 in one form (UTC, seconds), so that stamps compare as strings."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat()
