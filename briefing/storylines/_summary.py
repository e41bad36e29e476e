"""A storyline's summary: two or three of its articles' own sentences (extractive, offline).

The first sentence says what the story is: the lead-area sentence most central to the whole
storyline (it shares the terms most of its articles use, and names its main actors). The last
says what happened most recently: the most central lead-area sentence of the newest
articles. A middle one is added when it tells something the other two do not. Sentences
that repeat one already chosen (another outlet's wording of the same lead) are left out, and
so are page furniture, captions, questions, quotations standing alone and fragments.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from briefing.storylines._text import content_terms, sentences

# Only the opening of an article is read: a news lead says what happened, and the rest of
# a long text would cost time for sentences that rarely summarise.
LEAD_CHARS = 2500
LEAD_SENTENCES = 6
MIN_WORDS, MAX_WORDS = 8, 55
# What an article is about shows in its first pages; a very long text costs time, not insight.
CENTROID_CHARS = 10_000
MAX_SENTENCES = 3


class Article(Protocol):
    """What the summary reads of an article (the briefing's Member has it)."""

    @property
    def article_id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Candidate:
    """A lead-area sentence: where it is, its terms, and how central it is."""

    article: Article
    start: int
    end: int
    position: int  # sentences of news before it in the article
    terms: frozenset[str]
    score: float = 0.0

    @property
    def day(self) -> int:
        """The article's publication day (0 if undated)."""
        return _day(self.article.published)


# A dateline before the lead ("RAMALLAH, West Bank (AP) - ", "NEW YORK — ", "(CNN) "):
# the sentence starts after it.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'’.\- ]+[A-Z.](?:,\s*[A-Z][\w.' ]{1,25})?\s*(?:\([^()\n]{1,30}\)\s*)?"
    r"[-—–]+\s+|\([A-Z][\w .&]{1,25}\)\s*(?:[-—–]+\s*)?)"
)
# Words of page furniture, captions and bylines rather than of the news itself.
_FURNITURE = re.compile(
    r"\b(?:copyright|all rights reserved|may not be (?:published|reproduced)|read more|"
    r"click here|sign up|subscribe|newsletter|scroll down|toggle caption|enlarge this image|"
    r"file photo|getty images|pictured|story highlights|editor[’']s note|advertisement|"
    r"cookies?|not responsible for the content|external (?:internet )?sites?)\b|"
    r"\b(?:photo(?:graph)?s?|image|video|watch|related|listen):|https?://|www\.|@\w|"
    r"/(?:AP|AFP|Reuters)\b|\|",
    re.IGNORECASE,
)
# A sentence that leans on the one before it, or speaks for the writer, says little alone.
_DEPENDENT_START = re.compile(
    r"^(?:But|And|Or|So|Yet|However|Meanwhile|Also|Still|Instead|Then|Now|It|Its|He|She|They|"
    r"His|Her|Their|This|That|These|Those|There)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|me|us)\b")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# Fragments the sentence splitter leaves at abbreviations ("... on Dec." / "20, 2015, ...").
_ABBREVIATED_END = re.compile(
    r"\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|"
    r"Gov|Sen|Rep|Gen|Col|Lt|Sgt|Prof|Inc|Corp|Co|Ltd|Ariz|Calif|Fla|Mass|Ala)\.[\"”’)]*$"
)
_NUMBER = re.compile(r"\d[\d,.]*")
# Numbers in words ("seven", "twenty-one"): outlets write the same figure both ways.
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORD = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS[1:10])}))?|({'|'.join(_UNITS[2:])}))\b",
    re.IGNORECASE,
)
_DATES = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b"
)
# A figure that starts a sentence ("21 schoolgirls"), not a date cut at its comma ("20, 2015").
_STARTING_FIGURE = re.compile(r"\d[\d.]*(?!,)\b")
_ENDS_SENTENCE = re.compile(r"[.!][\"'”’)]*$")


def summarise(stories: Sequence[Article], actor_names: Sequence[str]) -> list[tuple[int, int, int]]:
    """Two or three sentences of the storyline, as (article id, start, end), in reading order.

    `stories` are the storyline's articles, wire copies left out, oldest first; `actor_names`
    its main actors, most present first.
    """
    candidates = _candidates(stories)
    if not candidates:
        return []
    weights = _centroid(stories)
    actors = [_actor_terms(name) for name in actor_names[:3]]
    scored = sorted(
        (_scored(c, weights, actors) for c in candidates),
        key=lambda c: (-c.score, c.article.published or "", c.article.article_id, c.start),
    )
    chosen = _development(scored) or _one_burst(scored)
    chosen.sort(key=lambda c: (c.day, c.article.published or "", c.article.article_id, c.position))
    return [(c.article.article_id, c.start, c.end) for c in chosen]


def _development(scored: Sequence[Candidate]) -> list[Candidate]:
    """The most central lead of the last day's articles (what happened most recently); before
    it, the most central sentence of the older ones (what the story is); between them, when
    one says something else, the most central sentence of another day. Nothing when the
    news is one day's, or when the last day's lead retells the older articles' best."""
    newest = max(c.day for c in scored)
    older = [c for c in scored if c.day < newest]
    recent = [c for c in scored if c.day == newest]
    # What an article adds is in its lead; its later sentences often retell the story so far.
    latest = next((c for c in recent if c.position == 0), recent[0])
    if not older or not _adds(older[0], [latest]):
        return []
    chosen = [older[0], latest]
    middle = next(
        (
            c
            for c in older[1:]
            if abs(c.day - older[0].day) > 1 and c.score >= older[0].score / 2 and _adds(c, chosen)
        ),
        None,
    )
    return chosen if middle is None else [older[0], middle, latest]


def _one_burst(scored: Sequence[Candidate]) -> list[Candidate]:
    """One day's news told by several outlets: the most central sentence, and the next most
    central one of the same article (another outlet's sentence would tell it again)."""
    first = scored[0]
    more = next(
        (
            c
            for c in scored
            if c.article is first.article and c.start != first.start and _adds(c, [first])
        ),
        None,
    )
    return [first] if more is None else [first, more]


def _candidates(stories: Sequence[Article]) -> list[Candidate]:
    found = []
    for article in stories:
        text = article.text[:LEAD_CHARS]
        position = 0  # sentences of news before this one (furniture does not count)
        for start, end in sentences(text):
            if end >= len(text) < len(article.text):
                break  # cut off at LEAD_CHARS
            start = _after_dateline(text, start, end)
            sentence = text[start:end]
            if _furniture(sentence):
                continue
            terms = frozenset(content_terms(sentence))
            if terms and _usable(sentence):
                found.append(Candidate(article, start, end, position, terms))
            position += 1
            if position >= LEAD_SENTENCES:
                break
    return found


def _after_dateline(text: str, start: int, end: int) -> int:
    match = _DATELINE.match(text, start, end)
    return match.end() if match and match.end() < end else start


def _furniture(sentence: str) -> bool:
    """Not a sentence of the news: page furniture, a caption, a heading, a fragment."""
    starts = sentence[:1].isupper() or bool(_STARTING_FIGURE.match(sentence))
    if not starts or not _ENDS_SENTENCE.search(sentence):
        return True  # a fragment, a heading, a caption, a question
    return bool(_ABBREVIATED_END.search(sentence) or _FURNITURE.search(sentence))


def _usable(sentence: str) -> bool:
    """A sentence readable alone, of a sensible length, told in the outlet's own words."""
    words = sentence.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if _DEPENDENT_START.match(sentence):
        return False
    if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
        return False  # a quotation opened or closed in another sentence
    unquoted = _QUOTED.sub(" ", sentence)
    if len(unquoted.split()) < len(words) / 2:
        return False  # mostly a quotation: someone's words, not what happened
    return not _FIRST_PERSON.search(unquoted)


def _centroid(stories: Sequence[Article]) -> dict[str, float]:
    """Each term's weight: the share of the storyline's articles that use it.

    Terms many of the articles share are what the storyline is about. With one article,
    its own most frequent terms are.
    """
    if len(stories) == 1:
        counts = Counter(content_terms(stories[0].title + "\n" + stories[0].text[:CENTROID_CHARS]))
        top = max(counts.values(), default=1)
        return {t: n / top for t, n in counts.items()}
    df: Counter[str] = Counter()
    for article in stories:
        df.update(set(content_terms(article.title + "\n" + article.text[:CENTROID_CHARS])))
    return {t: n / len(stories) for t, n in df.items() if n > 1}


def _actor_terms(name: str) -> frozenset[str]:
    return frozenset(content_terms(name))


def _scored(
    candidate: Candidate, weights: dict[str, float], actors: Sequence[frozenset[str]]
) -> Candidate:
    """Centrality (the centroid weight of its terms, for the length of the sentence), a
    bonus per main actor named, and a lead's advantage over the sentences after it."""
    terms = candidate.terms
    central = sum(weights.get(t, 0.0) for t in terms) / math.sqrt(len(terms) + 4)
    named = sum(1 for a in actors if a and a <= terms)
    lead = 1.0 / (1.0 + 0.25 * candidate.position)
    return Candidate(
        candidate.article,
        candidate.start,
        candidate.end,
        candidate.position,
        terms,
        score=central * (1.0 + 0.25 * named) * lead,
    )


def _adds(candidate: Candidate, chosen: Sequence[Candidate]) -> bool:
    """Whether the sentence tells something the chosen ones do not."""
    return not any(_repeats(candidate, other) for other in chosen)


def _repeats(a: Candidate, b: Candidate) -> bool:
    """Another outlet's wording of the same news: reports of one event come within a day and
    share most of their terms, or a figure and some terms. Days apart, sentences share the
    storyline's names and subject by nature; only a near-copy repeats one."""
    if a.article.article_id == b.article.article_id and a.start == b.start:
        return True
    shared = len(a.terms & b.terms)
    jaccard = shared / len(a.terms | b.terms)
    if abs(a.day - b.day) > 1:
        return jaccard >= 0.6
    if jaccard >= 0.45 or shared >= 0.5 * min(len(a.terms), len(b.terms)):
        return True  # also in one article: a lead restated under a list of highlights
    if a.article.article_id == b.article.article_id:
        return False  # one writer's figures recur from sentence to sentence
    return shared >= 2 and bool(_figures(a) & _figures(b))


def _figures(c: Candidate) -> set[str]:
    """The numbers a sentence gives, years and dates aside."""
    text = _DATES.sub(" ", c.article.text[c.start : c.end])
    found = {n.rstrip(".,").replace(",", "") for n in _NUMBER.findall(text)}
    for tens, unit, alone in _NUMBER_WORD.findall(text):
        if alone:
            found.add(str(_UNITS.index(alone.lower())))
        else:
            value = 20 + 10 * _TENS.index(tens.lower())
            found.add(str(value + (_UNITS.index(unit.lower()) if unit else 0)))
    return found


def _day(published: str | None) -> int:
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return 0
