"""Labels a headline writer would use: who or what, and what happened.

"Ostmere tram crash", "Lena Voss, Arto Lind split", "Russia–Ukraine peace talks".
Two labels compete. One is the run of words, taken from one of the storyline's headlines,
that says most of what its headlines share: each word scores by the share of the other
headlines that use it (a name also by the share of articles that name it), less a price per
word, so the label keeps the dominant names and the event's words and stops before an
aside ("... after four years", "... to end a 40-year wait"). Headline-case titles are
written in sentence case, names kept by how the articles write them.

The other names the places or parties, then the kind of story: the one or two names most
central to the storyline (mentioned in most of its articles, more so in its headlines),
countries and places first, organisations for company stories; two countries or two
organisations are joined with an en dash, places with "and", always in alphabetical order.
The kind of story comes from a small lexicon of the nouns news uses for one (talks, strike,
trial, bid, outbreak, election, flood...) found in the storyline's headlines and leads, with
the modifier its articles use ("port strike"). It is a noun phrase made for the purpose, so
it wins a close call, unless the name most headlines use is missing from it.

A storyline of one article keeps its headline, less the outlet's name and a rubric.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.storylines._grouper import Storyline, _is_headline_case, background_share
from briefing.storylines._text import content_terms, stem


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
    Otherwise the label is the better of two: the run of words of its headlines that says
    most of what its headlines share ("Ostmere tram crash", "Lena Voss, Arto Lind
    split"), and its parties with the kind of story ("Ostara–Veldia peace talks").
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
        summary = f"{joined} {subject}"
    elif subject:
        summary = subject[:1].upper() + subject[1:]
    else:
        summary = joined
    if len(story.headlines) < 2:
        return summary
    return _best_label(story, summary, kinded=bool(kind and parties))


# An outlet's name after a headline ("... - Harbor Ledger", "... | World News",
# "... - Hawaii News Now - KGMB and KHNL").
_OUTLET_TAIL = re.compile(
    r"\s+[-|–—]\s+[A-Z0-9][\w.&'’]*(?:\s+(?:(?:and|of|the|&)\s+)?[A-Z0-9][\w.&'’]*){0,4}$"
)
# A rubric before a headline ("BREAKING NEWS: ...", "WATCH | ...").
_RUBRIC = re.compile(
    r"^(?:BREAKING(?: NEWS)?|WATCH|VIDEO|PHOTOS?|LIVE|UPDATED?|EXCLUSIVE|OPINION|ANALYSIS|"
    r"EDITORIAL|REVIEW)\s*[:|]\s+",
    re.IGNORECASE,
)


def _clean_headline(headline: str) -> str:
    """The headline on one line, without the outlet's name some feeds append to it, nor a
    rubric in capitals before it."""
    line = " ".join(headline.replace("\u200b", "").split())
    while True:
        cut = _RUBRIC.sub("", _OUTLET_TAIL.sub("", line))
        if cut == line or len(cut.split()) < 3:
            return line
        line = cut


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
        if _display(name, story.names) == chosen[0][0]:
            continue  # "Pellam Inc" and "Pellam" are one party
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


# --- the most central headline, cut to a label ----------------------------------------------

# Marks that end a headline's clause: "Ostmere tram crash: five dead", "...; 25 hurt".
_CLAUSE_END = re.compile(r"[:;?!|]$|\.\.\.$|…$")
_DASHES = frozenset({"-", "–", "—", "--", "|"})
_QUOTES = "\"'‘’“”«»`"
# Words a label does not start with (when the headline goes on past them).
_LEADING = frozenset({"the", "a", "an"})
# A term in fewer than this share of the storyline's other headlines costs a label more than
# it brings: the label keeps what most reports of the story say.
_CENTRAL_SHARE = 0.3
# What each word costs, so that of two labels saying as much the shorter wins.
_WORD_COST = 0.05
# A clause a headline sets before a colon names the story ("Ostmere tram crash: ...").
_TOPIC_BONUS = 0.3
# Longest label, in words.
_MAX_WORDS = 7
# The share of ordinary English texts above which a word is an everyday one.
_EVERYDAY = 0.0003
# Names a label gains by: a third name makes a list, not a label.
_MAX_NAMES = 2
# How much the share of articles that name a name counts beside the share of headlines.
_BODY_WEIGHT = 0.6
# A label taken from inside a clause may have lost its subject.
_MID_START_COST = 0.2


@dataclass(frozen=True)
class _Word:
    text: str  # as the label writes it
    terms: tuple[str, ...]  # its content terms (none for function words and numbers)
    name: bool  # a name (written with a capital in the storyline's text)
    ends: bool  # a label may end with it


# A label made of the storyline's parties and a kind of story from the lexicon is a noun
# phrase a headline writer would use; a run of a headline's words is often a clause.
_KIND_BONUS = 1.0


def _best_label(story: Storyline, summary: str, *, kinded: bool) -> str:
    """The best-scored run of words of the storyline's headlines, or the summary label."""
    headlines = [_clean_headline(h) for h in story.headlines if h.strip()]
    term_sets = [frozenset(content_terms(h)) for h in headlines]
    df: dict[str, int] = {}
    for terms in term_sets:
        for t in terms:
            df[t] = df.get(t, 0) + 1
    names = _name_words(story, headlines)
    n = max(story.count, 1)
    # What happened is said in more than one headline, when there are a few.
    shared = 2 if len(headlines) >= 3 else 1

    def score(words: list[_Word], own: frozenset[str]) -> float:
        """Each term scores by the share of the other headlines that use it less
        _CENTRAL_SHARE, a name (a run of name words) once, by the share of the articles
        that name it if higher; each word costs a little, function words and words that
        open a clause more."""
        others = max(len(headlines) - (1 if own else 0), 1)

        def share(t: str) -> float:
            return min(1.0, (df.get(t, 0) - (t in own)) / others)

        seen: set[str] = set()
        total = 0.0
        named = 0
        for i, w in enumerate(words):
            total -= _word_cost(w)
            if w.name and i and words[i - 1].name and not words[i - 1].text.endswith(","):
                continue  # the rest of a name, counted with its first word
            if w.name:
                run = [w]
                for v in words[i + 1 :]:
                    if not v.name or run[-1].text.endswith(","):
                        break
                    run.append(v)
                terms = {t for v in run for t in v.terms} - seen
                if terms:
                    best = max(
                        max(share(t) for t in terms),
                        *(_BODY_WEIGHT * names.get(_bare(v.text), 0.0) for v in run),
                    )
                    gain = 1.5 * (best - _CENTRAL_SHARE)
                    named += 1
                    total += gain if named <= _MAX_NAMES else min(gain, 0.0)
                seen |= terms
                continue
            # A word the other articles write after the one before ("tram line") is theirs
            # too (the headline's own phrases are among the counts: one less).
            pair = story.phrases.get(f"{words[i - 1].text.lower()} {w.text.lower()}", 0) if i else 0
            pair = max(0, pair - 1) if own else pair
            for t in w.terms:
                if t not in seen:
                    seen.add(t)
                    total += max(share(t), min(pair, n) / n) - _CENTRAL_SHARE
        return total

    best: tuple[float, str] = (float("-inf"), "")
    # A label that leaves out the name most headlines use ("Veldia release talks" for a
    # story whose headlines say "Red Hand militia") is trusted less.
    kinded_weight = _named_share(summary, headlines, names) if kinded else 0.0
    if kinded:
        words = [_word(t, False, names, ends=True) for t in summary.replace("–", " ").split()]
        best = (score(words, frozenset()) + _KIND_BONUS * kinded_weight, summary)
    for headline, own in _central(headlines, term_sets, df):
        for segment, topic in _segments(headline, names):
            for words in _runs(segment):
                if not any(df[t] >= shared for w in words if not w.name for t in w.terms):
                    continue  # a name alone says who, not what happened
                bonus = _TOPIC_BONUS if topic and len(words) == len(segment) else 0.0
                if words[0] is not segment[0] and segment[0].text.lower() not in _LEADING:
                    bonus -= _MID_START_COST
                candidate = (score(words, own) + bonus, _join(words))
                if candidate[0] > best[0]:
                    best = candidate
    return best[1] or summary


# Headlines whose words are cut into labels: the most central few (the rest say less).
_CENTRAL_HEADLINES = 8


def _central(
    headlines: list[str], term_sets: list[frozenset[str]], df: dict[str, int]
) -> list[tuple[str, frozenset[str]]]:
    """The distinct headlines whose terms the other headlines use most, most central first."""
    distinct = dict(zip(headlines, term_sets, strict=True))

    def centrality(item: tuple[str, frozenset[str]]) -> float:
        return sum(df[t] - 1 for t in item[1]) / (len(item[1]) + 1)

    return sorted(distinct.items(), key=centrality, reverse=True)[:_CENTRAL_HEADLINES]


def _named_share(label: str, headlines: list[str], names: dict[str, float]) -> float:
    """How often the headlines use the label's most used name, against the name they use
    most (1 when the label has that name)."""
    shares: dict[str, float] = {}
    for headline in headlines:
        for w in {_bare(t.strip(_QUOTES + ",.:;?!")) for t in headline.split()}:
            if w in names and w.lower() not in _GENERIC:
                shares[w] = shares.get(w, 0.0) + 1 / len(headlines)
    top = max(shares.values(), default=0.0)
    said = set(label.replace("–", " ").split())
    return max((s for w, s in shares.items() if w in said), default=0.0) / top if top else 1.0


# Words that open a clause: a label rather ends before them.
_CLAUSE_OPENERS = frozenset(
    "after as amid while because who which that since when with but despite following if "
    "though although than".split()
)


def _word_cost(word: _Word) -> float:
    low = word.text.lower()
    if low in _CLAUSE_OPENERS:
        return _WORD_COST + 0.7
    if not word.terms and not word.name:
        return _WORD_COST + 0.05
    return _WORD_COST


def _bare(word: str) -> str:
    """The word without a possessive or a comma ("Rovers'", "Veldia's" -> "Rovers", "Veldia")."""
    return re.sub(r"['’]s?$", "", word.rstrip(","))


def _name_words(story: Storyline, headlines: list[str]) -> dict[str, float]:
    """Words the storyline writes with a capital where a common word would have none, each
    with the share of its articles that name it.

    Sentence-case headlines say it first-hand (a capital after the first word); otherwise a
    word is a name when its articles name it with a capital more often than they write it in
    lower case (the phrase counts, less what headline-case titles added to them).
    """
    capital: dict[str, int] = {}
    for table in (story.names, story.title_names):
        for name, count in table.items():
            for w in name.split():
                capital[w] = max(capital.get(w, 0), count)
    for name, (_kind, count) in story.actors.items():
        for w in name.split():
            capital[w] = max(capital.get(w, 0), int(count))
    in_headlines: dict[str, int] = {}  # mid-headline: + capital, - lower case
    lowered: dict[str, int] = {}  # phrase counts that came from a headline, not a text
    for headline in headlines:
        tokens = [re.sub(r"['’]s?$", "", t.strip(_QUOTES + ",.:;?!")) for t in headline.split()]
        title_case = _is_headline_case(headline)
        for i, w in enumerate(tokens):
            if not w:
                continue
            if title_case or i == 0:
                lowered[w.lower()] = lowered.get(w.lower(), 0) + 1
            else:
                in_headlines[w.lower()] = in_headlines.get(w.lower(), 0) + (
                    1 if w[:1].isupper() else -1
                )
                if w[:1].isupper():
                    capital.setdefault(w, 0)
    found = {}
    n = max(story.count, 1)
    for w, count in capital.items():
        low = w.lower()
        said = in_headlines.get(low, 0)
        if not said:
            # An everyday word capitalised once may be a heading's ("Tessaly Confirms").
            said = count - max(0, story.phrases.get(low, 0) - lowered.get(low, 0))
            if count < 2 and background_share(low) > _EVERYDAY:
                said = 0
        if said > 0:
            found[w] = min(count, n) / n
    return found


def _segments(headline: str, names: dict[str, float]) -> list[tuple[list[_Word], bool]]:
    """The headline's clauses, split at colons, dashes and commas (not a comma between two
    names), as words, each with whether a colon follows it."""
    title_case = _is_headline_case(headline)
    segments: list[tuple[list[_Word], bool]] = [([], False)]
    tokens = headline.split()
    for i, token in enumerate(tokens):
        if token in _DASHES:
            segments.append(([], False))
            continue
        ellipsis = token.endswith(("...", "…"))
        end = bool(_CLAUSE_END.search(token)) or (
            token.endswith(".") and len(token) > 3 and "." not in token[:-1]
        )
        core = token.rstrip(".:;?!…|").strip(_QUOTES)
        if not core:
            continue
        word = _word(core, title_case, names, ends=not ellipsis)
        segments[-1][0].append(word)
        if core.endswith(",") and not end:
            after = tokens[i + 1].strip(_QUOTES) if i + 1 < len(tokens) else ""
            end = not (word.name and _bare(after) in names)
        if end or ellipsis:
            segments[-1] = (segments[-1][0], token.endswith(":"))
            segments.append(([], False))
    return [s for s in segments if len(s[0]) >= 2]


def _word(core: str, title_case: bool, names: dict[str, float], *, ends: bool) -> _Word:
    bare = _bare(core)
    name = bare in names or (len(bare) > 1 and bare.isupper() and bare.isalpha())
    text = core
    if (title_case or bare.isupper()) and not name and core[:1].isupper():
        # "Ostmere-Halvik" keeps its names, "Must-See" goes to lower case
        text = "-".join(p if _bare(p) in names else p.lower() for p in core.split("-"))
        name = "-" in core and text != core.lower()
    terms = tuple(content_terms(core))
    can_end = (
        ends
        and not core.endswith((",", "'s", "’s"))
        and (bool(terms) or name)
        and bare.lower() not in _NOT_LAST
    )
    return _Word(text=text, terms=terms, name=name, ends=can_end)


# Words a label never ends with, though they carry a subject elsewhere.
_NOT_LAST = frozenset(
    """
    says say said told warns urges calls seeks vows plans agrees rejects backs amid after over
    before fresh latest more key first big major sets hits faces begins ends opens could would
    """.split()
)


def _runs(segment: list[_Word]) -> list[list[_Word]]:
    """The runs of words that could be a label: from the clause's start, past a leading
    article, or from a name; two words or more, ending on a word a label may end with (not
    inside a name, nor on a nationality before its noun)."""
    starts = {0}
    if segment[0].text.lower() in _LEADING:
        starts.add(1)
    starts.update(
        i for i, w in enumerate(segment) if w.name and (i == 0 or not segment[i - 1].name)
    )
    ends = [
        w.ends
        and not (
            i + 1 < len(segment)
            and w.name
            and not w.text.endswith(",")
            and (segment[i + 1].name or _ADJECTIVE.search(w.text) or _modifies(segment[i + 1]))
        )
        # "Tessaly raises" before what it raises: a verb cut from its object
        and not (
            0 < i < len(segment) - 1
            and all(v.name for v in segment[:i])
            and not w.name
            and w.text.endswith("s")
            and not w.text.endswith("ss")
        )
        for i, w in enumerate(segment)
    ]
    runs = []
    for start in sorted(starts):
        for end in range(start + 2, min(start + _MAX_WORDS, len(segment)) + 1):
            if ends[end - 1]:
                runs.append(segment[start:end])
    return runs


def _modifies(after: _Word) -> bool:
    """Whether a name before this word is likely its modifier ("Oberon offer", "Voss car
    crash"), not a sentence's subject or object before a verb ("Veldia prompts", "Oberon
    hacked")."""
    return bool(after.terms) and not after.text.endswith(("s", "ed")) and after.ends


def _join(words: list[_Word]) -> str:
    text = " ".join(w.text for w in words).rstrip(",")
    return text[:1].upper() + text[1:]
