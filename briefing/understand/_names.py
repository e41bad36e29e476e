"""Finding names in the text: runs of capitalised words, each split into a title and a name,
with a first guess at what it names (a person, an organisation, a country or something else)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from briefing.understand._aliases import AliasTable
from briefing.understand._lexicon import (
    ABBREVIATED_TITLES,
    ACRONYM_ORG_WORDS,
    BODY_WORDS,
    COMPANY_SUFFIXES,
    DATE_NAMES,
    DESCRIPTOR_TITLES,
    FUNCTION_CAPS,
    GROUP_NOUNS,
    JOINING_PARTICLES,
    LEADING_DESCRIPTORS,
    LOCATIVE_WORDS,
    MODIFIER_DETERMINERS,
    MONTHS,
    NAME_PARTICLES,
    NEWSPAPER_WORDS,
    NOT_BEFORE_PERSON,
    NOT_NAMES,
    NUMBER_WORDS,
    OF_WORDS,
    ORG_WORDS,
    PLACE_OPENERS,
    PLACE_WORDS,
    PLATFORM_NAMES,
    POSSESSIVES_IN_NAMES,
    REGION_WORDS,
    SETTLEMENT_WORDS,
    STRONG_TITLES,
    TITLE_OBJECT_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
    WORK_AND_EVENT_WORDS,
)
from briefing.understand._mentions import Mention, is_name_word, strip_poss
from briefing.understand._text import Sentence, Token, at_boundary

_POSSESSIVE_ENDINGS = ("\u2019s", "'s", "'", "\u2019")
_DASHES = ("-", "\u2014", "\u2013")
_SMALL_WORD = re.compile(r"(?<![\w'\u2019.-])[a-z][a-z'\u2019-]*[a-z]\b")
_STATE_OWNS = re.compile(
    r"['\u2019]s (?:own )?(?:army|armed forces|military|navy|air force|troops|foreign ministry"
    r"|defen[cs]e ministry|foreign minister|defen[cs]e minister|finance minister|prime minister"
    r"|president|parliament|government|central bank|embassy|border guards?|coast guard"
    r"|(?:snap |general |parliamentary )election)\b",
    re.I,
)
# a form's, a model's or a weapon's code, never an actor: "W-2", "F-35", "Hwasong-12"
_CODE = re.compile(r"[A-Za-z]+-\d+[A-Za-z]?")
# an acronym spelled out in small letters just before it, a thing's: "ballistic missile (ICBM)"
_DEFINED_ACRONYM = re.compile(r"\b([a-z][a-z-]+) \(([A-Z]{2,6})\)")
_QUOTED_BODY = re.compile(
    r"[\"\u201c]((?:[A-Z][\w'\u2019-]*\s){1,5}[A-Z][\w'\u2019-]*)[\"\u201d]\s+"
    r"(?:movement|campaign|group|organi[sz]ation|coalition|initiative|foundation|network)\b"
)
_PARTY_AND_STATE = re.compile(r"[A-Z]-[A-Z.]+")  # after a lawmaker's name: "R-S.C."
# titles and the descriptions written like titles before a name ("Actress", "COO")
_TITLES = TITLE_WORDS | DESCRIPTOR_TITLES


def find_mentions(text: str, sents: list[Sentence], aliases: AliasTable) -> list[Mention]:
    """Every name in the text in order, with its title and a first guess at its kind."""
    scanner = _Scanner(text, aliases)
    for si, s in enumerate(sents):
        scanner.scan(s, si)
    _mark_states(text, scanner.found)
    found = scanner.found + _quoted_bodies(text, sents)
    return sorted(found, key=lambda m: m.start)


def _quoted_bodies(text: str, sents: list[Sentence]) -> list[Mention]:
    """A name in quotation marks that a body's noun follows: 'the "Bring Back Our Girls"
    movement' (words in quotation marks are otherwise no names)."""
    starts = [s.start for s in sents]
    out = []
    for q in _QUOTED_BODY.finditer(text):
        si = max(0, bisect_right(starts, q.start()) - 1)
        out.append(Mention(q.start(1), q.end(1), q.group(1), "", "organization", si, q.start(1)))
    return out


def _mark_states(text: str, found: list[Mention]) -> None:
    """A lone unknown name that owns an army or a foreign ministry is a country, even one
    the alias table does not list: "Kessaria's army", "Estoria's finance minister"."""
    states = {
        m.name
        for m in found
        if m.kind == "other" and " " not in m.name and _STATE_OWNS.match(text, m.end)
    }
    for m in found:
        if m.name in states and m.kind == "other":
            m.kind = "country"


# ------------------------------------------------------------------ runs of name words


def _name_at(toks: list[Token], k: int) -> bool:
    return k < len(toks) and is_name_word(toks[k])


def _has_org_word(run: list[Token]) -> bool:
    return any(t.lower in ORG_WORDS for t in run)


def _run_end(toks: list[Token], i: int, aliases: AliasTable) -> int:
    """The last token of the name that starts at toks[i]."""
    prev = toks[i - 1].lower if i else ""
    j = i
    while j + 1 < len(toks):
        step = _extension(toks, i, j, prev, aliases)
        if not step:
            break
        j += step
    if j + 1 < len(toks) and toks[j + 1].text == "." and toks[j].lower in ABBREVIATED_TITLES:
        j += 1  # "Gov." ending the run keeps its period
    return j


def _extension(toks: list[Token], i: int, j: int, prev: str, aliases: AliasTable) -> int:
    """How many tokens after toks[j] still belong to the name toks[i:j+1] (0: it ends)."""
    run, cur, nxt = toks[i : j + 1], toks[j], toks[j + 1]
    if nxt.lower in DATE_NAMES:
        return 0  # "North Korea Friday", "the U.S. November vote": a date, no part of the name
    if nxt.lower in PLATFORM_NAMES:
        return 0  # "the Harbour Lines Twitter account": the owner, then the network
    if is_name_word(nxt) and (
        not cur.text.endswith(_POSSESSIVE_ENDINGS) or _name_goes_on(cur, nxt)
    ):
        return 1
    if _and_in_org_name(toks, j, run) or _firm_joint(toks, j):
        return 2
    if _middle_initial(toks, i, j, aliases):
        return 2
    if _of_the_name(toks, j) and (cur.lower.rstrip(".") in TITLE_WORDS or _has_org_word(run)):
        return 3  # "President of the United States", "Council for the Exploration of the Sea"
    if _two_particles(toks, j):
        return 3
    if _particle_joins(toks, j, run, prev, aliases) or _glued(toks, j):
        return 2
    if nxt.text == "." and cur.lower in ABBREVIATED_TITLES and _name_at(toks, j + 2):
        return 2  # "Gov. Mike Pence"
    return 0


def _name_goes_on(cur: Token, nxt: Token) -> bool:
    """The name word nxt goes on the name cur ends, unless cur is a possessive: "Harwell's
    Board" and "People's Republic" go on, "Merz's Germany" does not."""
    if not cur.text.endswith(_POSSESSIVE_ENDINGS):
        return True
    return nxt.lower in ORG_WORDS or strip_poss(cur.lower) in POSSESSIVES_IN_NAMES


def _and_in_org_name(toks: list[Token], j: int, run: list[Token]) -> bool:
    """ "Commission for Museums and Monuments": an organisation's name goes on past "and"."""
    return (
        toks[j + 1].lower == "and"
        and _name_at(toks, j + 2)
        and any(t.lower in OF_WORDS for t in run)
        and _has_org_word(run)
    )


def _and_before_body(toks: list[Token], j: int) -> bool:
    """ "Securities and Exchange Commission", "Food and Drug Administration": "and" between
    two capitalised words, the second ending in an institution's word."""
    k = j + 2
    while k < len(toks) and k <= j + 3 and is_name_word(toks[k]):
        if toks[k].lower in BODY_WORDS:
            return True
        k += 1
    return False


def _firm_joint(toks: list[Token], j: int) -> bool:
    """ "Latham & Watkins", "AT & T": "&" joins the parts of one name; "and" joins them when an
    institution's word ends it ("Securities and Exchange Commission")."""
    joint = toks[j + 1]
    if not _name_at(toks, j + 2) or toks[j].text.endswith(_POSSESSIVE_ENDINGS):
        return False
    if joint.text == "&":
        return True
    return (
        joint.lower == "and"
        and joint.text == "and"
        and toks[j].lower not in BODY_WORDS
        and toks[j].lower not in COMPANY_SUFFIXES
        and _and_before_body(toks, j)
    )


def _middle_initial(toks: list[Token], i: int, j: int, aliases: AliasTable) -> bool:
    """ "George W. Bush": a capital letter and a period between a given name and a surname."""
    return (
        j > i
        and _is_initial(toks[j])
        and toks[j - 1].lower in aliases.genders
        and toks[j + 1].text == "."
        and _name_at(toks, j + 2)
        and toks[j + 2].lower not in FUNCTION_CAPS
    )


def _of_the_name(toks: list[Token], j: int) -> bool:
    """ "of the" or "for the" and a name after toks[j]."""
    return (
        toks[j + 1].lower in OF_WORDS
        and j + 3 < len(toks)
        and toks[j + 2].lower == "the"
        and is_name_word(toks[j + 3])
    )


def _two_particles(toks: list[Token], j: int) -> bool:
    """ "Ursula von der Leyen"."""
    return (
        toks[j + 1].lower in NAME_PARTICLES
        and j + 2 < len(toks)
        and toks[j + 2].lower in NAME_PARTICLES
        and _name_at(toks, j + 3)
    )


def _particle_joins(
    toks: list[Token], j: int, run: list[Token], prev: str, aliases: AliasTable
) -> bool:
    """ "Charles de Gaulle", "Bank of England"; but "Stacy Berg of Torvik" is Stacy Berg."""
    word = toks[j + 1].lower
    if word not in JOINING_PARTICLES or not _name_at(toks, j + 2):
        return False
    return not (word in OF_WORDS and _personal(run, prev, aliases))


def _glued(toks: list[Token], j: int) -> bool:
    """ "Jean-Luc", "J.D": name words joined by a hyphen or a dot without spaces."""
    joint = toks[j + 1]
    return (
        joint.text in ("-", ".")
        and joint.start == toks[j].end
        and _name_at(toks, j + 2)
        and toks[j + 2].start == joint.end
    )


def _place_name(words: list[str]) -> bool:
    """A place's word closes or sits inside the name ("Old Market Street", "Lowmere Valley",
    "Bay of Biscay"); first, it opens a place only as an opener ("Lake Geneva", "Port Said"),
    not a surname ("Park Soo-hyun"), nor does a count open anyone's name."""
    if not words:
        return False
    first = words[0]
    if first in PLACE_WORDS and (first in PLACE_OPENERS or first in NUMBER_WORDS):
        return True  # and a count is no one's first name ("Two Democrats")
    return bool(set(words[1:]) & PLACE_WORDS)


def _personal(run: list[Token], prev: str, aliases: AliasTable) -> bool:
    """ "Stacy Berg" in "Stacy Berg of Torvik": a first name and a surname, not an office
    or a body ("Bank of England", "the Royal Society of Chemistry")."""
    words = [t.lower for t in run]
    while len(words) > 2 and words[0].rstrip(".") in _TITLES:
        words = words[1:]  # "Counsel Mira Holt of Benning LLP"
    if len(words) != 2 or set(words) & (ORG_WORDS | TITLE_WORDS | PLACE_WORDS):
        return False
    if any(w in FUNCTION_CAPS for w in words):
        return False
    return words[0] in aliases.genders or prev not in ("the", "a", "an")


def _dateline_end(s: Sentence, i: int, j: int) -> int | None:
    """Where the text goes on after "BRUSSELS (Reuters) -" opening the article, if it does."""
    toks = s.tokens
    if i != 0 or not (s.para_start and s.para == 0) or not toks[0].text.isupper():
        return None
    d = j + 1
    if d < len(toks) and toks[d].text == "(":
        while d < len(toks) and toks[d].text != ")":
            d += 1
        d += 1
    if d < len(toks) and toks[d].text in _DASHES:
        return d + 1
    return None


# ------------------------------------------------------------------ titles and names


@dataclass(frozen=True)
class _TitledName:
    words: list[Token]  # the run without periods and leading function words
    title: list[Token]  # "Foreign Minister", "President of Russia"
    name: list[Token]  # what follows the title


def _split_title(toks: list[Token], aliases: AliasTable) -> _TitledName | None:
    """The title and the name of a run; None when it is no name ("The Prime Minister")."""
    words = [t for t in toks if t.text != "."]
    # "But Merz", "The Kremlin" keep "Merz", "Kremlin"
    while words and words[0].lower in FUNCTION_CAPS and words[0].lower not in TITLE_WORDS:
        words = words[1:]
    # "Current Qualcomm", "Singapore-based Broadcom": a description, not the name
    while len(words) > 1 and _leading_descriptor(words[0].lower):
        words = words[1:]
    if not words:
        return None
    # counted on the words left: "For Mr. Tan" is Mr. Tan, "But Finance Minister Lars Holm"
    # keeps "Lars"
    cut = _strong_title_cut(words)
    k = _title_length(words, aliases)
    if cut > 0 and k <= cut:
        k = cut + 1
    if k and any(w.lower in ORG_WORDS for w in words[k:]):
        k = 0  # "National Cyber Security Agency", "Turkish Foreign Ministry"
    k += _person_after_body(words[k:], aliases)
    if len(words) - k > 2 and words[-1].lower in DESCRIPTOR_TITLES:
        words = words[:-1]  # "Steve Mollenkopf Photographer": a credit's trailing role
    title, name = words[:k], words[k:]
    body = len(words) > 1 and words[-1].lower in ORG_WORDS  # "Security Council", a body
    if not name or (all(w.lower.rstrip(".") in _TITLES for w in words) and not body):
        return None  # "the Prime Minister": a role, not a name
    return _TitledName(words, title, name)


def _leading_descriptor(word: str) -> bool:
    return word in LEADING_DESCRIPTORS or (word.endswith("-based") and len(word) > 6)


def _person_after_body(name: list[Token], aliases: AliasTable) -> int:
    """How many leading words of a name are the body or the role a person is described by:
    "United Nations Nikki Haley" (a known given name after other words), "Security Committee
    Franz Klintsevich" (an organisation's word, then a two-word name)."""
    low = [w.lower for w in name]
    if len(low) < 3 or low[-1] in ORG_WORDS:
        return 0
    for p in range(1, len(low) - 1):
        if low[p] in aliases.genders and not any(w in aliases.genders for w in low[:p]):
            return p if low[p - 1] not in NAME_PARTICLES else 0
    bodies = [p for p, w in enumerate(low[:-2]) if w in ORG_WORDS or w in _TITLES]
    if not bodies or len(low) - bodies[-1] - 1 not in (2, 3):
        return 0
    rest = name[bodies[-1] + 1 :]
    if any(w.lower in ORG_WORDS | NAME_PARTICLES | PLACE_WORDS for w in rest):
        return 0
    return bodies[-1] + 1 if all(w.text[:1].isupper() for w in rest) else 0


def _strong_title_cut(words: list[Token]) -> int:
    """ "European Commission President Ursula von der Leyen": the title to split after (-1:
    none)."""
    cut = max(
        (x for x, w in enumerate(words[:-1]) if w.lower.rstrip(".") in STRONG_TITLES),
        default=-1,
    )
    if cut > 0 and words[-1].lower not in ORG_WORDS and words[cut + 1].lower not in OF_WORDS:
        return cut
    return -1


def _title_length(words: list[Token], aliases: AliasTable) -> int:
    """How many leading words are a title: "President of Russia Vladimir Putin" -> 3."""
    k = 0
    while k < len(words) - 1 and _title_word(words, k, aliases):
        if words[k].lower in OF_WORDS:
            k = _past_title_object(words, k + 1, aliases)
        else:
            k += 1
    return k


def _title_word(words: list[Token], k: int, aliases: AliasTable) -> bool:
    word = words[k].lower
    if word.rstrip(".") in _TITLES or (word in OF_WORDS and k > 0):
        return True
    # "Ukrainian President", "German Chancellor"
    return strip_poss(word) in aliases.demonyms and words[k + 1].lower.rstrip(".") in TITLE_WORDS


def _past_title_object(words: list[Token], k: int, aliases: AliasTable) -> int:
    """Past the title's object that starts at words[k]: "of Russia", "of the United States",
    "of State", "for Foreign Affairs"."""
    if k < len(words) - 1 and words[k].lower == "the":
        k += 1
    for width in (4, 3, 2, 1):  # the longest known name
        if k + width < len(words) and aliases.lookup(
            " ".join(w.text for w in words[k : k + width])
        ):
            return k + width
    while k < len(words) - 1 and words[k].lower in TITLE_OBJECT_WORDS:
        k += 1
    return k


def _a_setting(toks: list[Token], i: int, j: int) -> bool:
    """The name toks[i:j+1] is where something happens or what a thing belongs to, not who
    acts: "in the United States", "southern France", "a Georgia man", "its U.S. rival"."""
    if i and toks[i - 1].lower in REGION_WORDS:
        return True
    if i > 1 and toks[i - 1].lower == "of" and toks[i - 2].lower in SETTLEMENT_WORDS:
        return True  # "the city of Ramallah", "the village of Nabi Saleh"
    after = toks[j + 1].text if j + 1 < len(toks) else ""
    modifier = after[:1].islower() and after.isalpha()
    return modifier and i > 0 and toks[i - 1].lower in MODIFIER_DETERMINERS


def never_an_actor(name: str) -> bool:
    """A place's, an event's, a law's or a work's name by its form: "New York", "West Bank",
    "Winter Games", "Fair Credit Reporting Act"."""
    words = name.lower().split()
    if not words:
        return False
    return words[0] in PLACE_OPENERS or strip_poss(words[-1]) in WORK_AND_EVENT_WORDS


def _outlet_name(name: list[Token], aliases: AliasTable) -> bool:
    """A newspaper's name: a newspaper's word after a word that is no given name."""
    return (
        len(name) > 1
        and strip_poss(name[-1].lower) in NEWSPAPER_WORDS
        and name[0].lower not in aliases.genders
    )


def _org_word_as_written(tok: Token) -> bool:
    """ "UN" is an organisation's word, "Un" in "Kim Jong Un" is not."""
    return tok.lower.strip(".") not in ACRONYM_ORG_WORDS or tok.text.strip(".").isupper()


def _is_initial(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text.isupper()


def _written_name(name: list[Token]) -> str:
    """The name as written, without a possessive ending ("George W. Bush" keeps its period)."""
    head = " ".join(t.text + "." if _is_initial(t) else t.text for t in name[:-1])
    return f"{head} {strip_poss(name[-1].text)}" if head else strip_poss(name[-1].text)


def _not_a_name(name: str, run: _TitledName, sentence_initial: bool) -> bool:
    low = name.lower()
    if low in NOT_NAMES or low in WEEKDAYS or low in MONTHS or _leading_descriptor(low):
        return True
    if _PARTY_AND_STATE.fullmatch(name):
        return True
    # a capitalised word only because it opens the sentence: "However"
    return len(run.name) == 1 and sentence_initial and not run.title and low in FUNCTION_CAPS


# ------------------------------------------------------------------ the scanner


@dataclass
class _Scanner:
    """Reads the sentences in order; the mentions found so far inform the next one."""

    text: str
    aliases: AliasTable
    found: list[Mention] = field(default_factory=list)
    # whether the text writes a word in small letters, by the word (asked once)
    small_words: dict[str, bool] = field(default_factory=dict)
    things: set[str] = field(default_factory=set)  # acronyms the text spells out as things
    # whether the text writes a word capitalised inside a sentence, by the word (asked once)
    capitalised_inside: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if " (" not in self.text:
            return  # no acronym spelled out (most texts: a cheap test spares a regex scan)
        self.things = {
            m[2]
            for m in _DEFINED_ACRONYM.finditer(self.text)
            if m[1].lower() not in ORG_WORDS and m[1].lower() not in GROUP_NOUNS
        }

    def scan(self, s: Sentence, si: int) -> None:
        toks = s.tokens
        i = 0
        while i < len(toks):
            if not toks[i].is_cap or not is_name_word(toks[i]):
                i += 1
                continue
            j = _run_end(toks, i, self.aliases)
            dateline = _dateline_end(s, i, j)
            if dateline is not None:
                i = dateline
                continue
            if not self._demonym_acts(toks, i, j, si):
                prev = toks[i - 1].lower if i > 0 else ""
                initial = i == 0 or toks[i - 1].quote
                self._add(toks[i : j + 1], si, sentence_initial=initial, prev=prev)
                self._setting(toks, i, j)
            i = j + 1

    def _setting(self, toks: list[Token], i: int, j: int) -> None:
        """ "southern France", "a Georgia man": a setting; "in the United States" one too,
        though "in the Kremlin" may be the Kremlin's own talks."""
        m = self.found[-1] if self.found else None
        # the name may start after the run's first word ("A Georgia man")
        i = next((k for k in range(i, j + 1) if m is not None and toks[k].start == m.start), -1)
        if m is None or i < 0:
            return
        if _a_setting(toks, i, j):
            m.place = True
        elif i > 1 and toks[i - 1].lower == "the" and toks[i - 2].lower in LOCATIVE_WORDS:
            m.setting = True

    def _demonym_acts(self, toks: list[Token], i: int, j: int, si: int) -> bool:
        """ "the Dutch government", "Russian officials": the country acts."""
        lead = i + 1 if j == i + 1 and toks[i].lower == "the" else i
        country = self.aliases.demonyms.get(strip_poss(toks[lead].lower))
        if not (country and j == lead and j + 1 < len(toks) and toks[j + 1].lower in GROUP_NOUNS):
            return False
        adj = toks[lead]
        self.found.append(Mention(adj.start, adj.end, country, "", "country", si, adj.start))
        return True

    def _add(self, toks: list[Token], si: int, sentence_initial: bool, prev: str) -> None:
        run = _split_title(toks, self.aliases)
        if run is None:
            return
        name = _written_name(run.name)
        if _not_a_name(name, run, sentence_initial) or self._common_noun(
            name, run, sentence_initial
        ):
            return
        kind = self._kind(name, run, prev)
        if kind is None:
            return
        last = run.name[-1]
        end = last.start + len(strip_poss(last.text))
        if last.lower in COMPANY_SUFFIXES and self.text[end : end + 1] == ".":
            name, end = name + ".", end + 1  # "Equifax Inc." as the company writes it
        title = " ".join(t.text for t in run.title)
        mention = Mention(run.name[0].start, end, name, title, kind, si, run.words[0].start)
        mention.place = prev in LOCATIVE_WORDS and not run.title
        mention.prev = prev
        self.found.append(mention)

    def _kind(self, name: str, run: _TitledName, prev: str) -> str | None:
        """What the name names, at first sight; None for an adjective ("Russian")."""
        alias = self.aliases.lookup(name)
        if alias:
            return alias[1]
        if name.lower() in self.aliases.demonyms:
            return None
        if _CODE.fullmatch(name) or name in self.things:
            return "other"  # "W-2 forms", "an intercontinental ballistic missile (ICBM)"
        words = {t.lower.strip(".") for t in run.name if _org_word_as_written(t)}
        if words & ORG_WORDS or (name.isupper() and len(name) > 1 and len(run.name) == 1):
            return "organization"
        if "&" in words:
            return "organization"  # "Ahdoot & Wolfson", "Latham & Watkins": a firm's name
        if _outlet_name(run.name, self.aliases):
            return "organization"  # "Civic Dispatch", "Meridian Post": a newspaper
        if _place_name([t.lower.strip(".") for t in run.name]):
            return "other"  # "Old Market Street", "Lowmere Valley"
        if prev == "of" and len(run.name) >= 3 and self._follows_person_of(run.words[0].start):
            return "organization"  # "Maja Berg of Keep Halvik Green": her group
        if run.title or (len(run.name) >= 2 and prev not in NOT_BEFORE_PERSON):
            return "other" if self._not_a_person(run.name) else "person"
        return "other"

    def _not_a_person(self, name: list[Token]) -> bool:
        """An untitled run of capitals made of ordinary words is no one's name: "New Year",
        "Winter Games", "Social Security", "West Bank" (words the text also writes in small
        letters, a compass word opening it, an event's or a law's word closing it)."""
        words = [t.lower for t in name]
        if words[0] in self.aliases.genders or set(words) & STRONG_TITLES:
            return False  # "Daniel Wall"; "North Korean Leader Kim Jong Un", a title inside
        if never_an_actor(" ".join(words)):
            return True
        return any(self._written_small(strip_poss(w)) for w in words)

    def _common_noun(self, name: str, run: _TitledName, sentence_initial: bool) -> bool:
        """ "Airlines have strict dress codes": a word capitalised only because it opens the
        sentence, which the text writes in small letters elsewhere and never capitalised
        inside a sentence."""
        if not sentence_initial or len(run.name) > 1 or run.title:
            return False
        if not self._written_small(name.lower()):
            return False
        inside = self.capitalised_inside.get(name)
        if inside is None:
            inside = _capitalised_inside(self.text, name)
            self.capitalised_inside[name] = inside
        return not inside

    def _written_small(self, word: str) -> bool:
        """Whether the text writes the word in small letters: one of _SMALL_WORD's matches
        (looked for where the word occurs, rather than every small word of the text listed)."""
        known = self.small_words.get(word)
        if known is None:
            known = self.small_words[word] = _written_small_at(self.text, word)
        return known

    def _follows_person_of(self, start: int) -> bool:
        """The name before is a person's, with only "of" between."""
        if not self.found or self.found[-1].kind != "person":
            return False
        return self.text[self.found[-1].end : start].strip(" ,") == "of"


_INSIDE_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz,;")


def _capitalised_inside(text: str, name: str) -> bool:
    """Whether the text writes the name inside a sentence, as re.search(rf"[a-z,;]
    {re.escape(name)}\\b", text) would find it: looked for with str.find where it occurs."""
    at = text.find(" " + name, 1)
    while at >= 0:
        if text[at - 1] in _INSIDE_BEFORE and at_boundary(text, at + 1 + len(name)):
            return True
        at = text.find(" " + name, at + 1)
    return False


def _written_small_at(text: str, word: str) -> bool:
    """Whether one of _SMALL_WORD's matches in text is the word. A match only starts where no
    word character, apostrophe, period or hyphen stands before it, so never inside another: a
    match tried where the word occurs is the one a scan of the whole text finds there."""
    if len(word) < 2:
        return False  # a match has two letters at least
    at = text.find(word)
    while at >= 0:
        m = _SMALL_WORD.match(text, at)
        if m is not None and m.group() == word:
            return True
        at = text.find(word, at + 1)
    return False
