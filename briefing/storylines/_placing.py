"""Placing analysed articles into a library's storylines, one batch at a time (the digest's side).

A batch's places are written in one transaction, together with whatever the caller writes
for each article (its analysis) and the storylines' summaries: an interrupted digest leaves
every article either done or still pending, and the storylines as they were before the
batch. (A transaction per article cost more in commits than the rest of placing did.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from briefing.store import Library
from briefing.store import analysis as store_analysis
from briefing.store import storylines as store
from briefing.storylines._grouper import Features, features
from briefing.storylines._library import LibraryGrouper, actor_pairs, since_day
from briefing.understand.records import Analysis

# The caller's own writes for an article, made in the same transaction as its place.
WriteWith = Callable[["ArticleToPlace"], None]
# Told once per article when the placer is done with it: True once its place is committed
# (with its batch's), False when it was deleted or edited meanwhile (the next digest takes
# it up).
Settled = Callable[["ArticleToPlace", bool], None]


@dataclass(frozen=True)
class ArticleToPlace:
    """An analysed article, as the grouper reads it."""

    id: int
    title: str
    text: str
    published: str | None
    content_hash: str  # of the text that was analysed: if it changed since, it waits
    analysis: Analysis | None  # its records, fresh or stored: the grouper reads its actors
    # What the grouper reads of it (`article_features`), when the caller worked it out
    # already (in a worker process, beside the analysis); else the placer does.
    features: Features | None = None


def article_features(title: str, text: str, analysis: Analysis | None) -> Features:
    """What the grouper reads of an analysed article: pure, so any process can work it out."""
    return features(title, text, actor_pairs(analysis))


@dataclass
class PlacementCounts:
    """What a batch did to the storylines."""

    grouped: int = 0
    new_storylines: int = 0
    wire_copies: int = 0


@dataclass(frozen=True)
class _Place:
    """Where an article stands before this batch places it."""

    new: bool  # never grouped: its words are not in the document frequencies yet
    keep: bool  # grouped with this very text: its place stands
    pinned_to: int | None  # the user put it there: it stays


class StorylinePlacer:
    """Places analysed articles into a library's storylines, batch after batch.

    The grouper's state is read from the library once, when the placer is made: the
    storylines still open around the oldest of `published` (the dates of the first batch).
    It is kept in memory, and written back article by article, for the batches that follow.
    """

    def __init__(self, library: Library, *, published: Iterable[str | None]) -> None:
        self.library = library
        self._grouper = LibraryGrouper(library, since_day=since_day(published))

    def place_batch(
        self,
        articles: Sequence[ArticleToPlace],
        *,
        write_with: WriteWith,
        settled: Settled,
    ) -> PlacementCounts:
        """Place the articles (oldest first), all in one transaction with `write_with`'s writes."""
        places = self._places(articles, settled)
        todo = [a for a in articles if a.id in places]
        feats = {
            a.id: a.features or features(a.title, a.text, actor_pairs(a.analysis)) for a in todo
        }
        self._grouper.fetch_df(feats.values())
        for a in todo:  # count every new article's words before placing any of them
            if places[a.id].new:
                self._grouper.observe(feats[a.id])
        counts = PlacementCounts()
        outcome: list[tuple[ArticleToPlace, bool]] = []
        with self.library.db.atomic():
            # Oldest first; ties keep the caller's order (the store's: never the order of
            # arrival).
            for article in sorted(todo, key=lambda a: a.published or ""):
                current = store_analysis.content_hash(self.library, article.id) == (
                    article.content_hash
                )
                if current:
                    write_with(article)
                    self._place(article, places[article.id], feats[article.id], counts)
                outcome.append((article, current))
            self._grouper.save_touched()
        for article, current in outcome:
            settled(article, current)
        return counts

    def _places(self, articles: Sequence[ArticleToPlace], settled: Settled) -> dict[int, _Place]:
        """Where each article stands now; an article deleted meanwhile is settled at once."""
        places: dict[int, _Place] = {}
        gone = []
        for article in articles:
            place = _placement(self.library, article.id, article.content_hash)
            if place is None:
                gone.append(article)
            else:
                places[article.id] = place
        for article in gone:
            settled(article, False)
        return places

    def _place(
        self, article: ArticleToPlace, place: _Place, feats: Features, counts: PlacementCounts
    ) -> None:
        """Assign one article and store its place (inside its transaction)."""
        if place.keep:
            return
        result = self._grouper.place(
            article.id,
            feats,
            article.published,
            article.content_hash,
            article.analysis,
            pinned_to=place.pinned_to,
            counted=not place.new,
        )
        counts.grouped += 1
        counts.new_storylines += int(result.created)
        counts.wire_copies += int(result.wire_of not in (None, article.id))


def _placement(library: Library, article_id: int, content_hash: str) -> _Place | None:
    """Where the article stands in the library now (None: it was deleted meanwhile)."""
    try:
        storyline_id, pinned = store.article_storyline(library, article_id)
    except KeyError:
        return None
    member_hash = store.member_hash(library, article_id)
    pinned_to = storyline_id if pinned else None
    keep = member_hash == content_hash and storyline_id is not None
    return _Place(new=member_hash is None, keep=keep, pinned_to=pinned_to)
