"""Labels a person would write: the places or parties, then the kind of story.

"Russia–Ukraine peace talks", "Antwerp and Rotterdam port strike", "Lindmark snap election".
The place/actor part is the one or two names most central to the storyline (mentioned in most
of its articles, more so in its headlines), countries and places first, organisations for
company stories; two countries or two organisations are joined with an en dash, places with
"and", always in alphabetical order. The kind of story comes from a small lexicon of the nouns
news uses for one (talks, strike, trial, bid, outbreak, election, flood...) found in the
storyline's headlines and leads, with the modifier its articles use ("port strike"); without
one, the phrase that is frequent in the storyline and rare in the library names the subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.storylines._grouper import Storyline
from briefing.storylines._text import stem


@dataclass(frozen=True)
class _Kind:
    """A noun that names a kind of story, how it reads and what usually qualifies it."""

    head: str  # as the label writes it
    forms: tuple[str, ...]  # as articles write it
    weight: float = 1.5  # how surely the noun says what the story is
    modifiers: tuple[str, ...] = ()  # words that usually qualify it ("peace" talks)
    default: str = ""  # how to write it with no modifier found ("takeover bid")
    topical: bool = False  # takes the storyline's subject as its modifier ("stadium referendum")
    as_modifier: str = ""  # how it qualifies a process noun ("tariff" talks)
    corporate: bool = False  # a company story: organisations name it, not places


_KINDS = (
    _Kind(
        "talks",
        ("talks", "negotiations"),
        modifiers=("peace", "trade", "tariff", "coalition", "budget", "ceasefire", "climate"),
        topical=True,
    ),
    _Kind(
        "strike",
        ("strike", "strikes", "walkout"),
        modifiers=("port", "rail", "general", "hunger", "dock", "teachers", "doctors"),
    ),
    _Kind("trial", ("trial",), modifiers=("murder", "fraud", "corruption"), topical=True),
    _Kind("lawsuit", ("lawsuit", "lawsuits"), topical=True),
    _Kind("bid", ("bid",), modifiers=("takeover",), default="takeover bid", corporate=True),
    _Kind("takeover", ("takeover",), modifiers=("hostile",), corporate=True),
    _Kind("merger", ("merger",), corporate=True),
    _Kind("recall", ("recall",), corporate=True, topical=True),
    _Kind("outbreak", ("outbreak", "epidemic"), modifiers=("measles", "cholera", "flu")),
    _Kind(
        "election",
        ("election", "elections"),
        modifiers=("snap", "general", "presidential", "parliamentary", "local", "leadership"),
    ),
    _Kind("referendum", ("referendum",), modifiers=("independence",), topical=True),
    _Kind("vote", ("vote",), weight=0.8, modifiers=("confidence", "budget"), topical=True),
    _Kind("flood", ("flood", "floods", "flooding", "flooded")),
    _Kind("ceasefire", ("ceasefire", "truce"), weight=1.2, as_modifier="ceasefire"),
    _Kind("tariffs", ("tariffs", "tariff"), weight=1.2, as_modifier="tariff"),
    _Kind("budget", ("budget",), weight=0.8, as_modifier="budget"),
    _Kind("protests", ("protest", "protests"), topical=True),
    _Kind("investigation", ("investigation", "inquiry", "probe"), topical=True),
    _Kind("sanctions", ("sanctions",), weight=1.2, as_modifier="sanctions"),
    _Kind("earthquake", ("earthquake",)),
    _Kind("wildfire", ("wildfire", "wildfires")),
    _Kind("cyberattack", ("cyberattack", "ransomware")),
    _Kind("bankruptcy", ("bankruptcy", "insolvency"), corporate=True),
    _Kind("layoffs", ("layoffs", "job cuts"), corporate=True),
)
# Nouns for the process a topic is in: "tariffs" + "talks" -> "tariff talks".
_PROCESS = ("talks", "negotiations")
_FORM_OF = {form: kind for kind in _KINDS for form in kind.forms}

# Short forms a label writes for the common long names of countries and blocs.
_SHORT = {
    "United States": "US",
    "United States of America": "US",
    "U.S.": "US",
    "European Union": "EU",
    "United Kingdom": "UK",
    "United Nations": "UN",
}
_LONG = {short: long for long, short in reversed(list(_SHORT.items()))}
# Unions of countries stand beside countries in a label ("EU–US").
_BLOCS = {"EU", "UN", "NATO", "African Union", "ASEAN", "OPEC", "Arab League", "G7", "G20"}
# Capitalised words that often start a sentence or a name but say nothing alone.
_GENERIC = frozenset(
    """
    front centre center choice parents mill liberal liberals conservative conservatives
    democrat democrats democratic republican republicans labour green greens left right union
    party group council national people alliance movement coalition bank court state city
    government ministry police new north south east west northern southern eastern western
    central royal federal european american international world
    """.split()
)
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
# A party must reach this score (share of articles, headlines counting extra, times kind weight).
_PARTY_SCORE = 0.45
# A second party must score this share of the first.
_SECOND_PARTY = 0.75


def label_for(story: Storyline, idf: Callable[[str], float]) -> str:
    """A short label for the storyline (empty if it has no words at all).

    A storyline of one article is labelled with its headline: nothing to generalise from.
    """
    n = max(story.count, 1)
    if n == 1 and story.headline:
        return _clean_headline(story.headline)
    kind, kind_phrase = _story_kind(story, n, idf)
    parties = _parties(story, n, corporate=bool(kind and kind.corporate))
    subject = kind_phrase or _subject(story, n, idf, parties)
    if len(parties) >= 2:
        (a, cls), (b, _) = sorted(parties[:2])
        joined = f"{a}–{b}" if cls in ("country", "org") else f"{a} and {b}"
    elif parties:
        joined = parties[0][0]
    else:
        joined = ""
    if joined and subject:
        return f"{joined} {subject}"
    if subject:
        return subject[:1].upper() + subject[1:]
    return joined


# An outlet's name after a headline ("... - Harbor Ledger", "... | World News").
_OUTLET_TAIL = re.compile(r"\s+[-|–—]\s+(?:[A-Z][\w.&']*\s?){1,4}$")


def _clean_headline(headline: str) -> str:
    """The headline on one line, without the outlet's name some feeds append to it."""
    line = " ".join(headline.split())
    cut = _OUTLET_TAIL.sub("", line)
    return cut if len(cut.split()) >= 3 else line


# --- the kind of story ----------------------------------------------------------------------


def _story_kind(story: Storyline, n: int, idf: Callable[[str], float]) -> tuple[_Kind | None, str]:
    """The lexicon's kind its headlines and leads use most, written with its modifier."""
    phrases = story.phrases
    need = 2 if n > 1 else 1
    counts: dict[_Kind, int] = {}
    for form, kind in _FORM_OF.items():
        counts[kind] = counts.get(kind, 0) + phrases.get(form, 0)
    # The kind must be about as prominent as the storyline's commonest word.
    top_word = max((c for p, c in phrases.items() if " " not in p and p not in _FORM_OF), default=0)
    scored = [
        (c * k.weight, k.head, k)
        for k, c in counts.items()
        if c >= need and c * k.weight >= 0.5 * top_word
    ]
    if not scored:
        return None, ""
    _, _, kind = max(scored)
    process = max(((counts[_FORM_OF[p]], p) for p in _PROCESS if p in _FORM_OF), default=(0, ""))
    if kind.as_modifier and process[0] >= need:
        # "tariffs" and "talks" both: the story is the talks about tariffs.
        modifier = _modifier(story, kind, need, idf, allow_topic=False)
        words = [modifier, kind.as_modifier, _FORM_OF[process[1]].head]
        return kind, " ".join(w for w in words if w)
    modifier = _modifier(story, kind, need, idf, allow_topic=kind.topical)
    if modifier:
        return kind, f"{modifier} {kind.head}"
    return kind, kind.default or kind.head


def _modifier(
    story: Storyline,
    kind: _Kind,
    need: int,
    idf: Callable[[str], float],
    *,
    allow_topic: bool,
) -> str:
    """The word the storyline's articles put before the kind's noun ("port" strike)."""
    phrases = story.phrases
    # (score, word): a word written before the noun, a usual modifier counting double; a usual
    # modifier used elsewhere in the articles counts too, a little less.
    best: tuple[float, str] = (0.0, "")
    for phrase, count in phrases.items():
        words = phrase.split()
        if len(words) != 2 or words[1] not in kind.forms or words[0] in _FORM_OF:
            continue
        word = words[0]
        listed = word in kind.modifiers
        if _VERB_END.search(word) and word not in _NOUN_ING:
            continue
        if count >= need or (listed and count >= 1):
            best = max(best, ((2.0 if listed else 1.0) * count, word))
    for word in kind.modifiers:  # "peace" and "talks" both, if not side by side
        count = phrases.get(word, 0)
        if count >= need:
            best = max(best, (1.5 * count, word))
    if best[1]:
        return best[1]
    if allow_topic:
        # "Stadium referendum": the storyline's commonest plain noun is what the kind is about.
        nouns = [
            (count * max(idf(stem(p)), 0.0) ** 0.5, p)
            for p, count in phrases.items()
            if " " not in p
            and p not in _FORM_OF
            and count >= max(need, 2)
            and not (_VERB_END.search(p) and p not in _NOUN_ING)
            and not p.endswith("s")
        ]
        if nouns:
            return max(nouns)[1]
    return ""


# --- the places and parties -----------------------------------------------------------------


def _short(name: str) -> str:
    return _SHORT.get(name, name)


# Each candidate party: display name -> (articles that name it, class).
_Candidates = dict[str, tuple[float, str]]
# On a tie the analyser's countries come first: they are surer than a capitalised word.
_CLASS_ORDER = {"country": 0, "place": 1, "org": 2}


def _parties(story: Storyline, n: int, *, corporate: bool = False) -> list[tuple[str, str]]:
    """Up to two names, with their class (country, place or org), central to the storyline.

    Countries and places say where a story is and organisations who is in it; people are left
    to the briefing (a label outlives any one speaker). A company story is named by companies.
    """
    scored = _scored(story, _candidates(story), n, corporate)
    ranked = sorted(
        scored.items(), key=lambda kv: (-round(kv[1][0], 6), _CLASS_ORDER[kv[1][1]], kv[0])
    )
    top = [(name, cls, score) for name, (score, cls) in ranked if score >= _PARTY_SCORE]
    if not top:
        return []
    first_name, first_cls, first_score = top[0]
    chosen = [(_display(first_name, story.names), first_cls)]
    for name, cls, score in top[1:]:
        if cls == first_cls and score >= _SECOND_PARTY * first_score:
            chosen.append((_display(name, story.names), cls))
            break
    return chosen


def _candidates(story: Storyline) -> _Candidates:
    """The names that could be parties: the analyser's actors, then the capitalised names."""
    cands: _Candidates = {}
    person_words: set[str] = set()
    for name, (kind, count) in story.actors.items():
        if kind != "person":
            cls = _actor_class(name, kind, story.names)
            _add_candidate(cands, name, _count_of(story, name), cls)
        elif _company_named_like_person(name, story.names):
            _add_candidate(cands, name, count, "org")
        else:
            person_words.update(name.split())
    for name, count in story.names.items():
        if name in story.actors or name in person_words:
            continue
        cls = _class_of_name(name, story.names)
        if cls:
            _add_candidate(cands, name, count, cls)
    return cands


def _add_candidate(cands: _Candidates, name: str, count: float, cls: str) -> None:
    """Keep the name by its short form, with its highest count (a country's class on a tie)."""
    short = _short(name)
    if short in _BLOCS and cls == "org":
        cls = "country"
    old = cands.get(short)
    if old is None or count > old[0] or (count == old[0] and cls == "country"):
        cands[short] = (max(count, old[0] if old else 0.0), cls)


def _company_named_like_person(name: str, names: dict[str, int]) -> bool:
    """ "Oberon Semiconductors" named "Oberon" alone is a company, not a person: people are
    named by their surname, organisations by their first word."""
    tokens = name.split()
    return len(tokens) >= 2 and tokens[0] in names and tokens[-1] not in names


def _actor_class(name: str, kind: str, names: dict[str, int]) -> str:
    """The class of an actor that is no person."""
    if kind == "country":
        return "country"
    if kind == "other":  # the analyser's places and other names: read like a name
        return _class_of_name(name, names) or "org"
    return "org"


def _scored(story: Storyline, cands: _Candidates, n: int, corporate: bool) -> _Candidates:
    """Each candidate that can stand alone, with its score: how central it is, by class."""
    outer = _outer_counts(story)
    scored: _Candidates = {}
    for name, (count, cls) in cands.items():
        long_name = _LONG.get(name, name)
        if long_name not in story.actors and _generic(name, story):
            continue
        # A name inside a longer one mentioned as often ("Homeland" in "Homeland Party").
        if outer.get(name, 0) >= count or outer.get(long_name, 0) >= count:
            continue
        scored[name] = (_party_score(story, name, count, n, cls, corporate), cls)
    return scored


def _party_score(
    story: Storyline, name: str, count: float, n: int, cls: str, corporate: bool
) -> float:
    """The share of articles that name it, headlines counting extra, times its class's weight."""
    long_name = _LONG.get(name, name)
    in_titles = max(
        story.title_names.get(name, 0),
        story.title_names.get(long_name, 0),
        story.title_names.get(_display(name, story.names), 0),
    )
    share = min(count, n) / n + 0.5 * min(in_titles, n) / n
    weight = _class_weight(cls, corporate)
    if name not in story.actors and any(t.lower() in _GENERIC for t in name.split()):
        weight *= 0.8  # "Kettering Mill": perhaps a place, perhaps a building
    return share * weight


def _outer_counts(story: Storyline) -> dict[str, float]:
    """For each run of words inside a longer name, how often the longest-lived such name is met."""
    outer: dict[str, float] = {}
    for name in {*story.actors, *story.names}:
        tokens = name.split()
        if len(tokens) < 2:
            continue
        count = _count_of(story, name)
        for i in range(len(tokens)):
            for j in range(i + 1, len(tokens) + 1):
                if j - i < len(tokens):
                    part = " ".join(tokens[i:j])
                    if count > outer.get(part, 0):
                        outer[part] = count
    return outer


def _count_of(story: Storyline, name: str) -> float:
    actor = story.actors.get(name)
    return max(story.names.get(name, 0), int(actor[1]) if actor else 0)


def _display(name: str, names: dict[str, int]) -> str:
    """A company or group by its first word when the articles use that alone as often."""
    tokens = name.split()
    if len(tokens) >= 2 and names.get(tokens[0], 0) >= 0.8 * names.get(name, 1):
        if tokens[0].lower() not in _GENERIC and not _PERSON_TITLE.match(tokens[0]):
            return tokens[0]
    return name


def _generic(name: str, story: Storyline) -> bool:
    """A capitalised everyday word ("Front", "Choice") that is no actor of the storyline."""
    tokens = name.split()
    if len(tokens) != 1:
        return all(t.lower() in _GENERIC for t in tokens)
    low = name.lower()
    return low in _GENERIC or story.phrases.get(low, 0) > 0


def _class_of_name(name: str, names: dict[str, int]) -> str:
    """Guess what a capitalised name is: "" for a person or a nationality, else place or org."""
    tokens = name.split()
    if _PERSON_TITLE.match(name):
        return ""
    if len(tokens) >= 2 and tokens[-1] in names and not name.endswith(("Council", "Party")):
        return ""  # also named by its last word alone: a person's surname
    if len(tokens) == 1 and _ADJECTIVE.search(name):
        return ""
    return "place" if len(tokens) <= 2 else "org"


def _class_weight(cls: str, corporate: bool) -> float:
    if corporate:
        return {"org": 1.0, "country": 0.4, "place": 0.4}[cls]
    return {"country": 1.0, "place": 1.0, "org": 0.6}[cls]


# --- the subject when no kind of story is named -------------------------------------------


def _subject(
    story: Storyline, n: int, idf: Callable[[str], float], parties: list[tuple[str, str]]
) -> str:
    """The phrase that says what the storyline is about.

    The head is the word its headlines and leads use most, weighed by how telling it is;
    a two-word phrase around the head wins when the storyline uses it often enough
    ("tram line").
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
