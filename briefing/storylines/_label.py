"""Labels a person would write: the parties or places, then the subject.

"Russia–Ukraine peace talks", "Rotterdam and Antwerp port strike", "Lindmark election".
The parties are the names (the analyser's actors and other capitalised names) found in
most of the storyline's articles, places and countries before organisations and people;
the subject is the phrase of its headlines and leads that is frequent in the storyline
and rare in the library.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.storylines._grouper import Storyline
from briefing.storylines._text import stem

# How well a name of each kind stands for a storyline in its label.
_KIND_WEIGHT = {"country": 1.0, "place": 1.0, "organization": 0.6, "other": 0.6, "person": 0.3}
# A party must appear in at least this share of the articles (after its kind's weight).
_PARTY_SCORE = 0.45
_DASH_KINDS = {"country", "organization"}
_PERSON_TITLE = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Judge|Mayor|President|Prime|Minister|Chancellor|Governor|Senator|"
    r"General|Chief|Professor|King|Queen|Prince|Pope|Sir|Lady|Lord|Councillor|Commissioner)\b"
)
# Nationality adjectives ("Russian", "European") are not parties.
_ADJECTIVE = re.compile(r"(?:ian|ean|can|ese|ish|ic)$")
# Words a subject phrase does not end with: past tenses and participles read as clauses.
_VERB_END = re.compile(r"(?:ed|ing)$")
_NOUN_ING = {
    "meeting",
    "hearing",
    "funding",
    "ruling",
    "spending",
    "building",
    "housing",
    "bombing",
    "shooting",
    "warning",
    "training",
    "polling",
    "landing",
    "opening",
}


def label_for(story: Storyline, idf: Callable[[str], float]) -> str:
    """A short label for the storyline (empty if it has no words at all).

    A storyline of one article is labelled with its headline: nothing to generalise from.
    """
    n = max(story.count, 1)
    if n == 1 and story.headline:
        return story.headline
    parties = _parties(story, n)
    subject = _subject(story, n, idf, parties)
    if len(parties) >= 2:
        (a, kind_a), (b, kind_b) = parties[:2]
        dash = kind_a in _DASH_KINDS and kind_b in _DASH_KINDS
        joined = f"{a}–{b}" if dash else f"{a} and {b}"
    elif parties:
        joined = parties[0][0]
    else:
        joined = ""
    if joined and subject:
        return f"{joined} {subject}"
    if subject:
        return subject[:1].upper() + subject[1:]
    return joined


def _kind_of_name(name: str, names: dict[str, int]) -> str:
    """Guess what a capitalised name is: a person (titled, or also named by surname alone)."""
    tokens = name.split()
    if _PERSON_TITLE.match(name):
        return "person"
    if len(tokens) >= 2 and tokens[-1] in names and not name.endswith(("Council", "Party")):
        return "person"
    if len(tokens) == 1 and _ADJECTIVE.search(name):
        return "adjective"
    return "place" if len(tokens) <= 2 else "organization"


def _parties(story: Storyline, n: int) -> list[tuple[str, str]]:
    """Up to two names, with their kind, that most of the storyline's articles mention.

    Countries and places say where a story is; organisations come next; people are left to
    the briefing (a label outlives any one speaker).
    """
    scored: dict[str, tuple[float, str]] = {}
    for name, (kind, count) in story.actors.items():
        if kind != "person":
            scored[name] = (count / n * _KIND_WEIGHT.get(kind, 0.6), kind)
    # A surname alone ("Kowalczyk") is a person already counted under their full name.
    person_words = {
        w for actor, (kind, _) in story.actors.items() if kind == "person" for w in actor.split()
    }
    for name, count in story.names.items():
        if name in story.actors or name in person_words:
            continue
        kind = _kind_of_name(name, story.names)
        if kind in ("adjective", "person"):
            continue
        weight = _KIND_WEIGHT.get(kind, 0.6) * (0.8 if len(name.split()) > 2 else 1.0)
        scored[name] = (count / n * weight, kind)
    # A name inside a longer one that is about as frequent ("Alder" in "Alder Cross").
    for name in list(scored):
        for other in list(scored):
            if (
                other != name
                and f" {name} " in f" {other} "
                and scored[other][0] >= 0.8 * scored[name][0]
            ):
                del scored[name]
                break
    ranked = sorted(scored.items(), key=lambda kv: (-round(kv[1][0], 6), kv[0]))
    top = [(name, kind) for name, (score, kind) in ranked if score >= _PARTY_SCORE]
    if not top:
        return []
    chosen = [top[0]]
    if n > 1 and len(top) > 1 and scored[top[1][0]][0] >= 0.75 * scored[top[0][0]][0]:
        chosen.append(top[1])
    return chosen


def _subject(
    story: Storyline, n: int, idf: Callable[[str], float], parties: list[tuple[str, str]]
) -> str:
    """The phrase that says what the storyline is about.

    The head is the word its headlines and leads use most, weighed by how telling it is;
    a two-word phrase around the head wins when the storyline uses it often enough
    ("port strike", "measles outbreak").
    """
    party_words = {w.lower() for name, _ in parties for w in name.split()}
    usable = {
        phrase: count
        for phrase, count in story.phrases.items()
        if (n == 1 or count >= 2)
        and not any(t in party_words for t in phrase.split())
        and not (_VERB_END.search(phrase.split()[-1]) and phrase.split()[-1] not in _NOUN_ING)
    }

    def weight(phrase: str, count: int) -> float:
        rarity = sum(max(idf(stem(t)), 0.0) for t in phrase.split()) / len(phrase.split())
        return count * rarity**0.5

    heads = [(weight(p, c), p) for p, c in usable.items() if " " not in p]
    if not heads:
        return ""
    _, head = max(heads)
    head_count = usable[head]
    pairs = [
        (weight(p, c), p)
        for p, c in usable.items()
        if len(p.split()) == 2
        and head in p.split()
        and c >= max(2 if n > 1 else 1, 0.2 * head_count)
    ]
    return max(pairs)[1] if pairs else head
