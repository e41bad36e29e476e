"""Incremental grouping of articles into storylines (pure Python, no SQL).

Each article becomes a weighted term vector: its words (title words count double) weighted
by how rare they are in the library so far (inverse document frequency, smoothed so that a
young library does not punish the very words two reports of one story share), plus its
actors as a secondary signal. A storyline is the sum of its articles' vectors. A new
article joins the storyline it is most similar to, if that similarity, discounted by how
long the storyline has been quiet, is high enough; otherwise it starts a storyline.
Nothing is re-clustered: each article costs a lookup of the storylines that share its
strongest terms.

A wire copy (near-identical text already in a storyline) joins its original's storyline
and remembers the original, so that the story is shown once with all its outlets.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, mul
from typing import Any

from briefing.safetext import clean_line
from briefing.storylines._text import (
    STOPWORDS,
    content_runs,
    content_terms,
    hamming,
    simhash,
    words,
)

# Similarity (cosine, after the quiet-time discount) above which an article joins a storyline.
# On the demo library any threshold from 0.20 to 0.29 groups with B-cubed F1 of 0.96 or
# more (1.0 from 0.22 to 0.24); this one sits in the middle, not on an edge.
JOIN_THRESHOLD = 0.23
# An article less similar than that still joins a storyline whose headlines already said
# most of its own headline (weighted by rarity): reports of one event share its names and
# key words in their headlines even when their bodies differ (a live blog, a profile, a
# reaction piece), while two stories that share a field of news rarely share a headline.
HEADLINE_JOIN_FLOOR = 0.12
BURST_JOIN_THRESHOLD = 0.18
BURST_DAYS = 1
HEADLINE_SHARE = 0.4
# Days a storyline may be quiet with no discount, and the half-life of the discount after.
# A storyline quiet for longer than the grace takes a new article only when it is
# unmistakably the same story (a verdict weeks after the trial's last hearing); otherwise
# the news starts a storyline of its own (a new launch a month after the last one).
QUIET_GRACE_DAYS = 30
QUIET_HALF_LIFE_DAYS = 45
REVIVE_THRESHOLD = 0.40
# A storyline quiet for longer than this takes no new articles: a new dispute starts anew.
MAX_QUIET_DAYS = 120
# Smoothing of the inverse document frequency: a library behaves as if it also held this
# many ordinary English texts, in which each word appears as often as general usage says
# (wordfreq's tables). A young library then already knows that "court" or "water" say less
# about a story than "ceasefire" or "Oberon"; a large one soon outweighs the prior.
IDF_PRIOR_DOCS = 100
# Words in a typical article: turns a word's frequency per word into the share of texts
# that contain it.
_WORDS_PER_TEXT = 300
TITLE_WEIGHT = 2.0
ACTOR_WEIGHT = 0.5
# Bits (of 64) in which two wire copies' fingerprints may differ.
WIRE_MAX_BITS = 10
WIRE_MAX_DAYS = 14

_CENTROID_KEEP = 300
_CENTROID_MAX = 600
_LOOKUP_TERMS = 12
_INDEX_TERMS = 30
_SHORTLIST = 3  # storylines scored in full, of those the first ranking finds
_EVICT_EVERY = 1000  # articles between two looks for storylines quiet for good
_EVICT_MARGIN_DAYS = 30  # ... allowing for articles that arrive late
_RECENT_FINGERPRINTS = 60
_LABEL_KEEP = 60
_LABEL_MAX = 300
_HEADLINES_KEEP = 30
_HEADLINES_MAX = 40


@dataclass
class Features:
    """What the grouper reads from one article."""

    counts: dict[str, float]  # term -> weighted count (title and actor terms included)
    fingerprint: int
    phrases: list[str]  # subject phrases of the lead ("port strike", "peace talks")
    names: list[str]  # proper names ("Rotterdam", "Russia")
    title_phrases: list[str] = field(default_factory=list)  # ... and of the headline
    title: str = ""
    title_terms: frozenset[str] = frozenset()  # the headline's content terms


@dataclass
class Assignment:
    storyline_id: int
    created: bool
    wire_of: Any | None  # key of the article this one is a copy of
    score: float
    # Storylines started for the same event in its first day, which this article matches as
    # well as the one it joined: the caller may fold them in with `absorb`.
    bridged: tuple[int, ...] = ()


@dataclass
class Storyline:
    """The grouper's summary of one storyline."""

    id: int
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    count: int = 0
    first_day: int = 0
    last_day: int = 0
    actors: dict[str, list[Any]] = field(default_factory=dict)  # name -> [kind, articles]
    phrases: dict[str, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)
    title_names: dict[str, int] = field(default_factory=dict)  # names in its headlines
    headline: str = ""  # its first article's title: the label while it has one article
    title_terms: dict[str, int] = field(default_factory=dict)  # its headlines' terms, counted
    headlines: list[str] = field(default_factory=list)  # its articles' headlines (a bounded few)
    recent: deque[tuple[Any, int, int]] = field(
        default_factory=lambda: deque(maxlen=_RECENT_FINGERPRINTS)
    )  # (article key, fingerprint, day) of its latest articles

    def to_state(self) -> dict[str, Any]:
        """JSON-ready state for the library (fingerprints are stored per article)."""
        return {
            "v": 1,
            "centroid": dict(
                zip(self.centroid, map(round, self.centroid.values(), repeat(5)), strict=True)
            ),
            "count": self.count,
            "first_day": self.first_day,
            "last_day": self.last_day,
            "actors": self.actors,
            "phrases": self.phrases,
            "names": self.names,
            "title_names": self.title_names,
            "headline": self.headline,
            "title_terms": self.title_terms,
            "headlines": self.headlines,
        }

    @classmethod
    def from_state(cls, storyline_id: int, state: Mapping[str, Any]) -> Storyline:
        story = cls(id=storyline_id)
        if state.get("v") != 1:
            return story
        story.centroid = {str(t): float(w) for t, w in state.get("centroid", {}).items()}
        story.norm2 = sum(w * w for w in story.centroid.values())
        story.count = int(state.get("count", 0))
        story.first_day = int(state.get("first_day", 0))
        story.last_day = int(state.get("last_day", 0))
        story.actors = {str(k): list(v) for k, v in state.get("actors", {}).items()}
        story.phrases = {str(k): int(v) for k, v in state.get("phrases", {}).items()}
        story.names = {str(k): int(v) for k, v in state.get("names", {}).items()}
        story.title_names = {str(k): int(v) for k, v in state.get("title_names", {}).items()}
        story.headline = str(state.get("headline", ""))
        story.title_terms = {str(k): int(v) for k, v in state.get("title_terms", {}).items()}
        story.headlines = [str(h) for h in state.get("headlines", [])]
        return story


def features(title: str, text: str, actors: Iterable[tuple[str, str]] = ()) -> Features:
    """Read an article: its terms, fingerprint, subject phrases and names."""
    counts: dict[str, float] = {}
    sequence: list[str] = []  # the content words in order, for the fingerprint
    for source, weight in ((title, TITLE_WEIGHT), (text, 1.0)):
        for run in content_runs(source):
            sequence += run
            for term in run:
                counts[term] = counts.get(term, 0.0) + weight

    for name, _kind in actors:
        counts["@" + name] = counts.get("@" + name, 0.0) + ACTOR_WEIGHT
    lead = text[:600]
    return Features(
        counts=dict(counts),
        fingerprint=simhash(sequence),
        phrases=_phrases(lead),
        title_phrases=_phrases(title.lower() if _is_headline_case(title) else title),
        title=clean_line(title)[:200],
        names=_names(text[:1200]),
        title_terms=frozenset(content_terms(title)),
    )


class Grouper:
    """Assigns articles to storylines one at a time; its state can be saved and restored.

    `df` maps a term to the number of articles seen with it; the grouper updates it in
    place in `observe`. `new_id` gives the id of a storyline the grouper starts.
    """

    def __init__(
        self,
        *,
        new_id: Callable[[], int],
        df: dict[str, int] | None = None,
        n_docs: int = 0,
        storylines: Iterable[Storyline] = (),
    ) -> None:
        self.new_id = new_id
        self.df: dict[str, int] = df if df is not None else {}
        self.n_docs = n_docs
        self.storylines: dict[int, Storyline] = {}
        # A storyline merged into another by the user: what matches it joins the other.
        self.redirect: dict[int, int] = {}
        self._index: dict[str, set[int]] = {}
        self._latest_day = 0
        self._since_eviction = 0
        for story in storylines:
            self.add_storyline(story)

    def add_storyline(self, story: Storyline) -> None:
        self.storylines[story.id] = story
        strongest = heapq.nlargest(4 * _INDEX_TERMS, story.centroid, key=story.centroid.__getitem__)
        for term in strongest:
            self._index.setdefault(term, set()).add(story.id)

    def remember(self, storyline_id: int, key: Any, fingerprint: int, day: int) -> None:
        """Note an already-stored article's fingerprint (to spot later wire copies of it)."""
        story = self.storylines.get(storyline_id)
        if story is not None:
            story.recent.append((key, fingerprint, day))

    def observe(self, feats: Features) -> None:
        """Count the article's terms in the document frequencies (once per article)."""
        self.n_docs += 1
        for term in feats.counts:
            self.df[term] = self.df.get(term, 0) + 1

    def idf(self, term: str) -> float:
        """How rare a term is: in this library, smoothed by its share of ordinary English."""
        n = self.n_docs + IDF_PRIOR_DOCS + 1
        prior = IDF_PRIOR_DOCS * background_share(term)
        return math.log(n / (self.df.get(term, 0) + prior + 1))

    def vector(self, feats: Features) -> dict[str, float]:
        """The article's unit-length tf-idf vector."""
        vec = {}
        n = self.n_docs + IDF_PRIOR_DOCS + 1
        df = self.df
        log = math.log
        shares = _share_of
        norm2 = 0.0
        for term, count in feats.counts.items():
            share = shares.get(term)
            if share is None:
                share = background_share(term)
            idf = log(n / (df.get(term, 0) + IDF_PRIOR_DOCS * share + 1))
            if idf > 0:
                weight = (1.0 + log(count)) * idf if count >= 1 else count * idf
                vec[term] = weight
                norm2 += weight * weight
        norm = math.sqrt(norm2) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def score(self, vec: Mapping[str, float], story: Storyline, day: int) -> float:
        """Cosine similarity to the storyline, discounted by how long it has been quiet."""
        if story.norm2 <= 0:
            return 0.0
        # in the vector's order, as a generator would sum it, but in C
        dot = sum(map(mul, vec.values(), map(story.centroid.get, vec, repeat(0.0))))
        target = self.storylines.get(self.redirect.get(story.id, story.id), story)
        return dot / math.sqrt(story.norm2) * quiet_discount(target, day)

    def candidates(
        self, vec: Mapping[str, float], day: int, strongest: list[str] | None = None
    ) -> dict[int, float]:
        """Storylines that share one of the article's strongest terms and are not quiet,
        each with its similarity counted over those terms only (a cheap first ranking)."""
        if strongest is None:
            strongest = heapq.nlargest(_LOOKUP_TERMS, vec, key=vec.__getitem__)
        top = strongest[:_LOOKUP_TERMS]
        found: dict[int, float] = {}
        for term in top:
            ids = self._index.get(term)
            if not ids:
                continue
            weight = vec[term]
            for sid in list(ids):
                story = self.storylines.get(self.redirect.get(sid, sid))
                if story is None or day - story.last_day > MAX_QUIET_DAYS:
                    # quiet for good (articles arrive roughly in date order): forget it here
                    if story is None or day - story.last_day > 2 * MAX_QUIET_DAYS:
                        ids.discard(sid)
                    continue
                member = self.storylines[sid]
                found[sid] = found.get(sid, 0.0) + weight * member.centroid.get(term, 0.0) / (
                    math.sqrt(member.norm2) or 1.0
                )
        return found

    def assign(
        self,
        key: Any,
        feats: Features,
        day: int,
        *,
        actors: Iterable[tuple[str, str]] = (),
        storyline_id: int | None = None,
    ) -> Assignment:
        """Place one article (call `observe` for it first); `storyline_id` forces the choice."""
        vec = self.vector(feats)
        strongest = heapq.nlargest(_INDEX_TERMS, vec, key=vec.__getitem__)
        wire_of = None
        best_id, best = None, 0.0
        scored: list[tuple[float, int]] = []
        if storyline_id is None:
            rough = self.candidates(vec, day, strongest)
            shortlist = sorted(rough, key=rough.__getitem__, reverse=True)[:_SHORTLIST]
            scored = sorted(
                ((self.score(vec, self.storylines[sid], day), sid) for sid in shortlist),
                reverse=True,
            )
            for score, sid in scored[:3]:
                original = self._wire_original(self.storylines[sid], feats.fingerprint, day)
                if original is not None:
                    wire_of, best_id, best = original, sid, score
                    break
            if best_id is None:
                best, best_id = self._best_to_join(feats, scored, day)
        else:
            best_id = storyline_id
            if storyline_id in self.storylines:
                story = self.storylines[storyline_id]
                best = self.score(vec, story, day)
                wire_of = self._wire_original(story, feats.fingerprint, day)
        if best_id is not None:
            best_id = self.redirect.get(best_id, best_id)
        created = best_id is None or best_id not in self.storylines
        if best_id is None:
            best_id = self.new_id()
        if created:
            self.add_storyline(Storyline(id=best_id, first_day=day, last_day=day))
        self._add(
            self.storylines[best_id],
            key,
            vec,
            strongest,
            feats,
            day,
            actors,
            copy=wire_of is not None,
        )
        bridged = () if created else self._bridged(best_id, scored, day)
        self._latest_day = max(self._latest_day, day)
        self._since_eviction += 1
        if self._since_eviction >= _EVICT_EVERY:
            self.evict_quiet()
        return Assignment(
            storyline_id=best_id, created=created, wire_of=wire_of, score=best, bridged=bridged
        )

    def _best_to_join(
        self, feats: Features, scored: list[tuple[float, int]], day: int
    ) -> tuple[float, int | None]:
        """The most similar storyline that is similar enough, counting the headlines too."""
        for score, sid in scored:
            story = self.storylines[self.redirect.get(sid, sid)]
            if day - story.last_day > QUIET_GRACE_DAYS:
                if score >= REVIVE_THRESHOLD:
                    return score, sid
                continue
            if (
                score >= JOIN_THRESHOLD
                or (score >= BURST_JOIN_THRESHOLD and day - story.last_day <= BURST_DAYS)
                or (
                    score >= HEADLINE_JOIN_FLOOR
                    and self.headline_share(feats, self.storylines[sid]) >= HEADLINE_SHARE
                )
            ):
                return score, sid
        return 0.0, None

    def _bridged(self, joined: int, scored: list[tuple[float, int]], day: int) -> tuple[int, ...]:
        """Young storylines the article matches as surely as the young one it joined."""
        if day - self.storylines[joined].first_day > BURST_DAYS:
            return ()
        return tuple(
            sid
            for score, sid in scored
            if score >= JOIN_THRESHOLD
            and sid != joined
            and sid not in self.redirect
            and day - self.storylines[sid].first_day <= BURST_DAYS
        )

    def absorb(self, target_id: int, source_id: int) -> None:
        """Fold storyline `source_id` into `target_id`: what would match it now joins the other."""
        target, source = self.storylines[target_id], self.storylines[source_id]
        add_vector(target, source.centroid)
        for term in source.centroid:
            self._index.setdefault(term, set()).add(target_id)
        if len(target.centroid) > _CENTROID_MAX:
            prune(target, self._index)
        target.count += source.count
        target.first_day = min(target.first_day, source.first_day)
        target.last_day = max(target.last_day, source.last_day)
        for mine, theirs in (
            (target.title_terms, source.title_terms),
            (target.phrases, source.phrases),
            (target.names, source.names),
            (target.title_names, source.title_names),
        ):
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n
        for name, (kind, n) in source.actors.items():
            target.actors.setdefault(name, [kind, 0])[1] += n
        target.recent.extend(source.recent)
        target.headlines.extend(source.headlines)
        _trim_headlines(target)
        self.redirect[source_id] = target_id

    def headline_share(self, feats: Features, story: Storyline) -> float:
        """How much of the article's headline (its terms, weighted by rarity) the storyline's
        headlines already said."""
        total = found = 0.0
        for term in feats.title_terms:
            weight = max(0.0, self.idf(term))
            total += weight
            if term in story.title_terms:
                found += weight
        return found / total if total else 0.0

    def evict_quiet(self) -> None:
        """Forget storylines quiet for good: they take no more articles, so memory stays flat."""
        self._since_eviction = 0
        horizon = self._latest_day - MAX_QUIET_DAYS - _EVICT_MARGIN_DAYS
        keep = set(self.redirect) | set(self.redirect.values())
        for sid in [s.id for s in self.storylines.values() if s.last_day < horizon]:
            if sid in keep:
                continue
            story = self.storylines.pop(sid)
            for term in story.centroid:
                ids = self._index.get(term)
                if ids is not None:
                    ids.discard(sid)
                    if not ids:
                        del self._index[term]

    def _wire_original(self, story: Storyline, fingerprint: int, day: int) -> Any | None:
        for key, other, other_day in story.recent:
            if (
                abs(day - other_day) <= WIRE_MAX_DAYS
                and hamming(fingerprint, other) <= WIRE_MAX_BITS
            ):
                return key
        return None

    def _add(
        self,
        story: Storyline,
        key: Any,
        vec: Mapping[str, float],
        strongest: list[str],
        feats: Features,
        day: int,
        actors: Iterable[tuple[str, str]],
        *,
        copy: bool = False,
    ) -> None:
        add_vector(story, vec)
        # A storyline is found through the strongest terms of its articles.
        for term in strongest:
            self._index.setdefault(term, set()).add(story.id)
        if len(story.centroid) > _CENTROID_MAX:
            prune(story, self._index)
        story.count += 1
        if story.count == 1:
            story.first_day = story.last_day = day
            story.headline = feats.title
        story.first_day = min(story.first_day, day)
        story.last_day = max(story.last_day, day)
        add_headline_terms(story, feats)
        if not copy:  # a wire copy repeats its original's words: they count once
            add_label_evidence(story, feats, actors)
        story.recent.append((key, feats.fingerprint, day))


_background: dict[str, float] | None = None


def background_share(term: str) -> float:
    """The share of ordinary English texts that contain the (stemmed) term; 0 for actors."""
    share = _share_of.get(term)
    if share is not None:
        return share
    global _background
    if _background is None:
        _background = _load_background()
    if term.startswith("@"):
        share = 0.0
    else:
        share = _background.get(term)
        if share is None:
            share = max(_background.get(term + "s", 0.0), _background.get(term + "es", 0.0))
    if len(_share_of) > 500_000:
        _share_of.clear()
    _share_of[term] = share
    return share


_share_of: dict[str, float] = {}


def _load_background() -> dict[str, float]:
    # Imported here, not at the top: wordfreq takes a while to load, and only grouping needs it.
    from wordfreq import get_frequency_list

    shares: dict[str, float] = {}
    # Bin i holds the words whose frequency is 10^(-i/100); the rarest bins say nothing.
    for i, bin_words in enumerate(get_frequency_list("en", wordlist="best")):
        share = min(1.0, 10 ** (-i / 100) * _WORDS_PER_TEXT)
        if share <= 1e-4:
            break
        for word in bin_words:
            shares.setdefault(word, share)
    clear = getattr(get_frequency_list, "cache_clear", None)
    if clear is not None:  # wordfreq keeps the whole list cached: let it go
        clear()
    return shares


def quiet_discount(story: Storyline, day: int) -> float:
    """1 while the storyline is active, halving every QUIET_HALF_LIFE_DAYS after the grace."""
    gap = max(0, day - story.last_day, story.first_day - day)
    if gap > MAX_QUIET_DAYS:
        return 0.0
    if gap <= QUIET_GRACE_DAYS:
        return 1.0
    return float(0.5 ** ((gap - QUIET_GRACE_DAYS) / QUIET_HALF_LIFE_DAYS))


def add_vector(story: Storyline, vec: Mapping[str, float]) -> None:
    centroid = story.centroid
    weights = list(vec.values())
    old = list(map(centroid.get, vec, repeat(0.0)))
    # summed in the vector's order, as a loop would, but in C
    dot = sum(map(mul, old, weights))
    centroid.update(zip(vec, map(add, old, weights), strict=True))
    story.norm2 += 2 * dot + sum(map(mul, weights, weights))


def prune(story: Storyline, index: dict[str, set[int]] | None = None) -> None:
    """Keep the storyline's strongest terms only: its summary stays small however long it runs."""
    keep = sorted(story.centroid.items(), key=lambda tw: tw[1], reverse=True)[:_CENTROID_KEEP]
    dropped = set(story.centroid) - {t for t, _ in keep}
    story.centroid = dict(keep)
    story.norm2 = sum(w * w for _, w in keep)
    if index is not None:
        for term in dropped:
            ids = index.get(term)
            if ids is not None:
                ids.discard(story.id)
                if not ids:
                    del index[term]


def add_headline_terms(story: Storyline, feats: Features) -> None:
    """Count the article's headline terms in the storyline's (what later headlines meet)."""
    for term in sorted(feats.title_terms):  # a set: sorted, for the same order in every process
        story.title_terms[term] = story.title_terms.get(term, 0) + 1
    if len(story.title_terms) > _LABEL_MAX:
        kept = sorted(story.title_terms.items(), key=_by_count)
        story.title_terms = dict(kept[: _LABEL_MAX // 2])


def add_label_evidence(
    story: Storyline, feats: Features, actors: Iterable[tuple[str, str]]
) -> None:
    # A phrase of both the headline and the lead counts twice: headlines name the subject.
    # Sets are walked in sorted order: the tables' order decides ties, and a set's order
    # changes from one process to the next (string hashing is seeded per process).
    for phrase in [*sorted(set(feats.phrases)), *sorted(set(feats.title_phrases))]:
        story.phrases[phrase] = story.phrases.get(phrase, 0) + 1
    for name in sorted(set(feats.names)):
        story.names[name] = story.names.get(name, 0) + 1
    for name in sorted(set(title_names(feats.title))):
        story.title_names[name] = story.title_names.get(name, 0) + 1
    for name, kind in sorted(set(actors)):
        entry = story.actors.setdefault(name, [kind, 0])
        entry[1] += 1
    if feats.title:
        story.headlines.append(feats.title)
        _trim_headlines(story)
    for table in (story.phrases, story.names, story.title_names):
        if len(table) > _LABEL_MAX:
            kept = sorted(table.items(), key=_by_count)[:_LABEL_KEEP]
            table.clear()
            table.update(kept)
    if len(story.actors) > _LABEL_MAX:
        kept_actors = sorted(story.actors.items(), key=lambda kv: (-kv[1][1], kv[0]))
        story.actors = dict(kept_actors[:_LABEL_KEEP])


def _by_count(entry: tuple[str, int]) -> tuple[int, str]:
    """Most counted first; ties in the order of the text (the same in every process)."""
    return -entry[1], entry[0]


def _trim_headlines(story: Storyline) -> None:
    if len(story.headlines) > _HEADLINES_MAX:  # the least typical ones go
        typical = [_typical(h, story) for h in story.headlines]
        ranked = sorted(range(len(typical)), key=lambda i: -typical[i])
        story.headlines = [story.headlines[i] for i in sorted(ranked[:_HEADLINES_KEEP])]


def _typical(headline: str, story: Storyline) -> float:
    """How many of the storyline's headlines, on average, use each term of this one."""
    terms = set(content_terms(headline))
    return sum(story.title_terms.get(t, 0) for t in terms) / (len(terms) or 1)


# --- label evidence ---------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|[0-9][0-9,.]*|[^\sA-Za-z0-9]")
# Words that end a subject phrase: verbs and other words a label does not end with.
_NOT_IN_PHRASE = STOPWORDS | frozenset(
    """
    says say said told warns warned urges urged calls called seeks sought vows vowed plans
    planned agrees agreed rejects rejected backs backed amid after over before new fresh
    latest more key first second third top big major sets set hits hit faces face begins
    began ends ended opens opened could would will may might must can worst best biggest
    largest highest lowest longest greatest deadliest fastest strongest latest least
    """.split()
)


def _phrases(text: str) -> list[str]:
    """Runs of one to three lower-case content words: candidate subjects ("port strike").

    A sentence's capitalised first word counts when it is an everyday word ("Port strike
    brings ..."), not when it is a name.
    """
    out = []
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", text):
        run: list[str] = []
        for i, token in enumerate(_TOKEN.findall(sentence) + ["."]):
            low = token.lower()
            lower_case = token[0].islower() or (
                i == 0 and token[0].isupper() and background_share(low) > 0.01
            )
            if (
                token[0].isalpha()
                and lower_case
                and low not in _NOT_IN_PHRASE
                and len(low) > 2
                and not low.endswith(("'s", "’s"))
            ):
                run.append(low)
                continue
            for n in (2, 3, 1):
                for j in range(len(run) - n + 1):
                    out.append(" ".join(run[j : j + n]))
            run = []
    return out


def _names(text: str) -> list[str]:
    """Capitalised words and runs of them, leaving out a sentence's first word on its own."""
    out = []
    for sentence in re.split(r"(?<=[.!?:])\s+|\n+", text):
        tokens = _TOKEN.findall(sentence) + ["."]
        run: list[tuple[int, str]] = []
        for i, token in enumerate(tokens):
            capital = token[:1].isupper() and len(token) > 1
            # "New" in "New Centre", not "The" before a name nor a sentence's first word.
            opens_name = (
                capital and i > 0 and token.lower() in _NAME_OPENERS and tokens[i + 1][:1].isupper()
            )
            if capital and (token.lower() not in STOPWORDS or opens_name):
                name = re.sub(r"['’]s$", "", token).strip("'’")
                run.append((i, name))
                if name != token.strip("'’"):  # a possessive ends the name
                    out.append(" ".join(t for _, t in run))
                    run = []
                continue
            if run and (run[0][0] > 0 or len(run) > 1):
                out.append(" ".join(t for _, t in run))
            run = []
    return out


_NAME_OPENERS = frozenset({"new"})


def title_names(title: str) -> list[str]:
    """Names in a headline, its first word too when that is no everyday word ("Lowmere ...")."""
    if not title or _is_headline_case(title):
        return []
    found = _names(title)
    first = _TOKEN.findall(title)[:2]
    if first and first[0][:1].isupper() and background_share(first[0].lower()) < 0.001:
        if len(first) < 2 or not first[1][:1].isupper():  # a longer run is in `found` already
            found.append(re.sub(r"['’]s$", "", first[0]))
    return found


def _is_headline_case(title: str) -> bool:
    """Most words capitalised ("Port Strike Spreads To Antwerp")."""
    tokens = [w for w in words(title) if len(w) > 3]
    return len(tokens) >= 3 and sum(w[0].isupper() for w in tokens) > 0.6 * len(tokens)


def storyline_terms(story: Storyline, n: int = 10) -> list[str]:
    """The storyline's strongest words (for debugging and tests)."""
    return [
        t
        for t, _ in sorted(story.centroid.items(), key=lambda tw: tw[1], reverse=True)
        if not t.startswith("@")
    ][:n]


def group_all(
    docs: Sequence[tuple[Any, str, str, int, Sequence[tuple[str, str]]]],
) -> dict[Any, int]:
    """Group a whole collection at once: (key, title, text, day, actors) -> storyline id.

    The document frequencies are counted over the whole collection first; the articles
    are then placed in date order, as a refresh would.
    """
    counter = iter(range(1, 1 << 62))
    grouper = Grouper(new_id=lambda: next(counter))
    feats = {d[0]: features(d[1], d[2], d[4]) for d in docs}
    for d in docs:
        grouper.observe(feats[d[0]])
    result = {}
    for d in sorted(docs, key=lambda d: (d[3], str(d[0]))):
        result[d[0]] = grouper.assign(d[0], feats[d[0]], d[3], actors=d[4]).storyline_id
    return result
