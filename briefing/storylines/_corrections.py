"""The user's corrections, each with what undoes it.

The reader offers an undo right after a merge, move, split or rename: the storylines it
touched are saved before it, and the undo puts them back as they were (labels, the
grouper's summaries, which articles each holds and which the user had pinned), and removes
a storyline the correction made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.safetext import clean_line
from briefing.store import Library
from briefing.store import storylines as store
from briefing.storylines import _library
from briefing.storylines._api import StorylineError, _resolve


@dataclass(frozen=True)
class Correction:
    """A correction done: the storyline to show now, what was done, and how to undo it."""

    storyline_id: int
    done: str
    saved: store.SavedStorylines
    created: tuple[int, ...] = ()


def merge(library: Library, source_id: int, target_id: int) -> Correction:
    """Merge storyline `source_id` into `target_id`."""
    source, target = _resolve(library, source_id), _resolve(library, target_id)
    saved = store.save_storylines(library, [source.id, target.id])
    kept = _library.merge(library, source.id, target.id)
    return Correction(
        kept, f"Merged “{clean_line(source.title)}” into “{clean_line(target.title)}”", saved
    )


def move(library: Library, article_ids: Sequence[int], target_id: int | None) -> Correction:
    """Move articles to another storyline, or (target None) to a new storyline of their own."""
    if not article_ids:
        raise StorylineError("no article to move")
    homes = set()
    for article_id in article_ids:
        try:
            home, _pinned = store.article_storyline(library, article_id)
        except KeyError:
            raise StorylineError(f"no article {article_id}") from None
        if home is not None:
            homes.add(home)
    count = f"{len(article_ids)} articles" if len(article_ids) > 1 else "1 article"
    if target_id is None:
        if len(homes) != 1:
            raise StorylineError("only articles of one storyline can start a new one")
        new_id, saved = _split(library, homes.pop(), article_ids)
        return Correction(new_id, f"Moved {count} to a new storyline", saved, (new_id,))
    target = _resolve(library, target_id)
    if homes == {target.id}:
        raise StorylineError(f"already in “{clean_line(target.title)}”")
    saved = store.save_storylines(library, [*homes, target.id])
    _library.move_many(library, article_ids, target.id)
    return Correction(target.id, f"Moved {count} to “{clean_line(target.title)}”", saved)


def split(library: Library, storyline_id: int, article_ids: Sequence[int]) -> Correction:
    """Take these articles out of the storyline into a new one"""
    new_id, saved = _split(library, storyline_id, article_ids)
    count = f"{len(article_ids)} articles" if len(article_ids) > 1 else "1 article"
    return Correction(new_id, f"Split {count} into a new storyline", saved, (new_id,))


def _split(
    library: Library, storyline_id: int, article_ids: Sequence[int]
) -> tuple[int, store.SavedStorylines]:
    source = _resolve(library, storyline_id)
    saved = store.save_storylines(library, [source.id])
    return _library.split(library, source.id, article_ids), saved


def rename(library: Library, storyline_id: int, label: str | None) -> Correction:
    """Give the storyline the user's label (empty: back to the automatic one)."""
    row = _resolve(library, storyline_id)
    saved = store.save_storylines(library, [row.id])
    _library.rename(library, row.id, label)
    label = clean_line(" ".join((label or "").split()))
    done = f"Renamed to “{label}”" if label else "Back to the automatic label"
    return Correction(row.id, done, saved)


def undo(library: Library, correction: Correction) -> None:
    """Put the storylines back as they were before the correction."""
    with library.db.atomic():
        store.restore_storylines(library, correction.saved, created=correction.created)
