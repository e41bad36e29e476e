"""The grouper on a library: loading its state, placing articles, and the user's overrides.

The user's choices (merge, move, split, rename) are kept as pinned articles, `merged_into`
and `user_label`; the pipeline never moves a pinned article, never puts anything in a
merged-away storyline and never touches a user's label, so the choices survive refreshes
and re-analysis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from briefing.store import Library
from briefing.store import analysis as store_analysis
from briefing.store import grouping as store_grouping
from briefing.store import storylines as store
from briefing.storylines._api import StorylineError, _resolve, now_iso
from briefing.storylines._grouper import (
    _CENTROID_MAX,
    MAX_QUIET_DAYS,
    Assignment,
    Features,
    Grouper,
    Storyline,
    add_headline_terms,
    add_label_evidence,
    add_vector,
    features,
    prune,
)
from briefing.storylines._label import label_for
from briefing.understand.records import Analysis


def day_of(published: str | None) -> int:
    """Days since 0001-01-01 of an ISO date; today's for a missing or unreadable one."""
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return date.today().toordinal()


def actor_pairs(analysis: Analysis | None) -> list[tuple[str, str]]:
    return [(a.name, a.kind) for a in analysis.actors] if analysis else []


class LibraryGrouper:
    """A Grouper whose state comes from, and goes back to, the library."""

    def __init__(self, library: Library, *, since_day: int | None = None) -> None:
        self.library = library
        since = None
        if since_day is not None:
            since = date.fromordinal(max(1, since_day - MAX_QUIET_DAYS)).isoformat()
        rows = store.active_storylines(library, since)
        stories = [Storyline.from_state(r.id, r.state) for r in rows]
        self.grouper = Grouper(
            new_id=lambda: store.create_storyline(library),
            df={},
            n_docs=store_grouping.document_count(library),
            storylines=stories,
        )
        for row in store.merged_storylines(library):
            target = store.resolve_storyline(library, row.id)
            if target is None or target.merged_into is not None:
                continue
            if target.id not in self.grouper.storylines:
                self.grouper.add_storyline(Storyline.from_state(target.id, target.state))
            self.grouper.add_storyline(Storyline.from_state(row.id, row.state))
            self.grouper.redirect[row.id] = target.id
        self._known_terms: set[str] = set()
        self.touched: set[int] = set()  # storylines placed into since `save_touched`
        self._new_terms: Counter[str] = Counter()  # terms of the articles counted since
        for fp in store_grouping.fingerprints(library, [s.id for s in stories]):
            self.grouper.remember(fp.storyline_id, fp.article_id, fp.simhash, day_of(fp.published))

    def fetch_df(self, feats: Iterable[Features]) -> None:
        """Read the document frequencies of these articles' terms from the library."""
        wanted = {t for f in feats for t in f.counts} - self._known_terms
        if wanted:
            self.grouper.df.update(store_grouping.document_frequencies(self.library, wanted))
            self._known_terms |= wanted

    def observe(self, feats: Features) -> None:
        self.grouper.observe(feats)

    def place(
        self,
        article_id: int,
        feats: Features,
        published: str | None,
        content_hash: str,
        analysis: Analysis | None,
        *,
        pinned_to: int | None = None,
        counted: bool = False,
    ) -> Assignment:
        """Assign one article and store it all; call inside the article's transaction.

        `counted` says the article's terms are already in the stored document frequencies.
        """
        grouper = self.grouper
        if pinned_to is not None and pinned_to not in grouper.storylines:
            row = store.get_storyline(self.library, pinned_to)
            grouper.add_storyline(Storyline.from_state(pinned_to, row.state if row else {}))
        result = grouper.assign(
            article_id,
            feats,
            day_of(published),
            actors=actor_pairs(analysis),
            storyline_id=pinned_to,
        )
        for other in result.bridged:
            self._absorb(result.storyline_id, other)
        if not counted:  # stored with the batch's storylines, in `save_touched`
            self._new_terms.update(feats.counts.keys())
        wire_of = result.wire_of if result.wire_of != article_id else None
        store.assign_article(
            self.library,
            article_id,
            result.storyline_id,
            content_hash=content_hash,
            simhash=feats.fingerprint,
            wire_of=wire_of,
            assigned_at=now_iso(),
        )
        story = grouper.storylines[result.storyline_id]
        # A new storyline is stored at once, label and all; the others once per batch, in
        # `save_touched`: a storyline's state (its centroid) and label sum up all its articles,
        # and one article changes them little.
        if result.created:
            store.save_storyline(
                self.library, story.id, label=label_for(story, self.idf), state=story.to_state()
            )
        self.touched.add(story.id)
        return result

    def save_touched(self) -> None:
        """Store the state, label and counts of the storylines placed into since the last call,
        and the document frequencies of the articles placed (inside a transaction)."""
        if self._new_terms:
            store_grouping.add_document_counts(self.library, self._new_terms)
            store_grouping.set_document_count(self.library, self.grouper.n_docs)
            self._new_terms.clear()
        for storyline_id in sorted(self.touched):
            story = self.grouper.storylines.get(storyline_id)
            if story is not None:
                store.save_storyline(
                    self.library,
                    storyline_id,
                    label=label_for(story, self.idf),
                    state=story.to_state(),
                )
        self.touched.clear()

    def _absorb(self, target_id: int, source_id: int) -> None:
        """Fold a storyline the grouper found to be the same young story into another, unless
        the user has touched it (renamed it, or placed articles in it by hand)."""
        if store.touched_by_user(self.library, source_id):
            return
        self.grouper.absorb(target_id, source_id)
        store.move_unpinned(self.library, source_id, target_id)
        store.set_merged(self.library, source_id, target_id)
        store.recount(self.library, [source_id])

    def idf(self, term: str) -> float:
        """How telling a term is in this library (for labels)."""
        return self.grouper.idf(term)


def rebuild(library: Library, storyline_ids: Iterable[int]) -> None:
    """Recompute storylines' summaries and labels from their articles (after an override)."""
    ids = sorted(set(storyline_ids))
    members = store.storyline_members(library, ids, with_text=True)
    analyses = store_analysis.load_analyses(library, [m.article_id for m in members])
    counter = iter(())
    grouper = Grouper(
        new_id=lambda: next(counter),
        df={},
        n_docs=store_grouping.document_count(library),
    )
    feats = {
        m.article_id: features(m.title, m.text, actor_pairs(analyses.get(m.article_id)))
        for m in members
    }
    grouper.df.update(
        store_grouping.document_frequencies(library, {t for f in feats.values() for t in f.counts})
    )
    stories = {sid: Storyline(id=sid) for sid in ids}
    for m in members:
        story = stories[m.storyline_id]
        f = feats[m.article_id]
        add_vector(story, grouper.vector(f))
        day = day_of(m.published)
        story.count += 1
        if story.count == 1:
            story.headline = f.title
        story.first_day = day if story.count == 1 else min(story.first_day, day)
        story.last_day = max(story.last_day, day)
        add_headline_terms(story, f)
        add_label_evidence(story, f, actor_pairs(analyses.get(m.article_id)))
    for story in stories.values():
        if len(story.centroid) > _CENTROID_MAX:
            prune(story)
        store.save_storyline(
            library, story.id, label=label_for(story, grouper.idf), state=story.to_state()
        )


def merge(library: Library, source_id: int, target_id: int) -> int:
    """Merge storyline `source_id` into `target_id`; returns the storyline that holds both."""
    source, target = _resolve(library, source_id), _resolve(library, target_id)
    if source.id == target.id:
        raise StorylineError(f"storylines {source_id} and {target_id} are already one")
    with library.db.atomic():
        members = store.storyline_members(library, [source.id, target.id])
        store.pin_articles(library, [m.article_id for m in members], target.id)
        store.set_merged(library, source.id, target.id)
        rebuild(library, [target.id])
        store.recount(library, [source.id])
    return target.id


def move(library: Library, article_id: int, storyline_id: int) -> None:
    """Move one article (and its wire copies' place stays with it) to another storyline."""
    move_many(library, [article_id], storyline_id)


def move_many(library: Library, article_ids: Sequence[int], storyline_id: int) -> None:
    """Move articles (a story and its wire copies, say) to another storyline, in one go."""
    target = _resolve(library, storyline_id)
    old: set[int] = set()
    for article_id in article_ids:
        try:
            was, _pinned = store.article_storyline(library, article_id)
        except KeyError:
            raise StorylineError(f"no article {article_id}") from None
        if was is not None and was != target.id:
            old.add(was)
    with library.db.atomic():
        store.pin_articles(library, article_ids, target.id)
        rebuild(library, [target.id, *old])


def split(library: Library, storyline_id: int, article_ids: Sequence[int]) -> int:
    """Take these articles out of the storyline into a new one; returns the new id."""
    source = _resolve(library, storyline_id)
    members = {m.article_id for m in store.storyline_members(library, [source.id])}
    wanted = list(dict.fromkeys(article_ids))
    missing = [a for a in wanted if a not in members]
    if missing:
        raise StorylineError(f"article {missing[0]} is not in storyline {source.id}")
    if not wanted or len(wanted) == len(members):
        raise StorylineError("a split must leave articles on both sides")
    with library.db.atomic():
        new_id = store.create_storyline(library)
        store.pin_articles(library, wanted, new_id)
        # What stays, stays together: the user has looked at this storyline.
        store.pin_articles(library, members - set(wanted), source.id)
        rebuild(library, [source.id, new_id])
    return new_id


def rename(library: Library, storyline_id: int, label: str | None) -> None:
    """Give a storyline the user's own label (None or "" goes back to the automatic one)."""
    row = _resolve(library, storyline_id)
    with library.db.atomic():
        store.set_user_label(library, row.id, " ".join((label or "").split()) or None)


def since_day(published: Iterable[str | None]) -> int | None:
    days = [day_of(p) for p in published if p]
    return min(days) if days else None
