"""Named mentions in a text, grouped into canonical actors, and reference resolution."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.understand._aliases import AliasTable
from briefing.understand._lexicon import (
    FEMALE,
    FUNCTION_CAPS,
    HONORIFICS,
    MALE,
    MONTHS,
    ORG_WORDS,
    ROLE_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
)
from briefing.understand._text import Sentence, Token

_POSS = re.compile(r"['\u2019]s?$")
_GROUP_NOUNS = frozenset(
    "authorities officials government side forces military troops army leadership "
    "administration delegation diplomats negotiators ministry embassy officers regime".split()
)
_NOT_NAMES = frozenset("i i’m i'm ok okay tv mp mps covid ceo gop uk us eu un".split()) - {
    "gop",
    "uk",
    "us",
    "eu",
    "un",
}


_STATE_OWNS = re.compile(
    r"['\u2019]s (?:own )?(?:army|armed forces|military|navy|air force|troops|foreign ministry"
    r"|defen[cs]e ministry|foreign minister|defen[cs]e minister|finance minister|prime minister"
    r"|president|parliament|government|central bank|embassy|border guards?|coast guard)\b",
    re.I,
)
_PARTICLES = frozenset("of for de von van al bin der la le du da den ter".split())
_INSTITUTIONS = (
    "court", "council", "authority", "ministry", "government", "parliament", "commission",
    "police", "agency", "department", "office", "union", "party",
)  # fmt: skip
_PLACE_WORDS = frozenset(
    "street road avenue square bridge river sea ocean lake mountain mountains valley airport "
    "station harbour harbor port bay island islands park district quarter plaza boulevard lane "
    "one two".split()
)
_OBJECT_PREPS = frozenset(
    "by with to from for about against than told asked urged thanked met called accused "
    "criticised criticized praised warned visited invited briefed phoned".split()
)
_NOT_BEFORE_PERSON = frozenset("the a an of in at near from into outside across inside".split())
# prepositions after which a lone name is a place, never a person ("in Lindmark")
_IN_PLACE = frozenset(
    "in at near outside inside into across around throughout visited visiting toured".split()
)
_LOCATIVE = frozenset("in at near from to into outside across around through via inside".split())
STRONG_TITLES = frozenset(
    """president chancellor minister secretary senator governor mayor premier ambassador envoy
    spokesman spokeswoman spokesperson chairman chairwoman chair chief director commissioner ceo
    judge general leader king queen pope prosecutor mr mrs ms dr sen gov rep""".split()
)


_ROLE = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
_ROLE_BEFORE = re.compile(
    rf"(?:\b(?:the|a|an)\s+)?((?:[A-Za-z'\u2019-]+\s+){{0,3}}?(?:{_ROLE}))\s*,?\s*$", re.I
)
_ROLE_AFTER = re.compile(
    rf"\s*,\s*(?:the|a|an|its|their|his|her)\s+((?:[\w'\u2019-]+\s+){{0,4}}?(?:{_ROLE})"
    rf"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)?)\s*[,.;]"
)


_LEADS = {
    "lead": "leader", "head": "head", "chair": "chair", "run": "head", "direct": "director",
    "manage": "manager", "represent": "representative",
}  # fmt: skip
_WHO_LEADS = re.compile(
    r"\s*,\s*who\s+(leads|heads|chairs|runs|directs|manages|represents)\s+"
    r"((?:the\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,5}?)\s*[,.;]",
    re.I,
)


def strip_poss(word: str) -> str:
    return _POSS.sub("", word) if len(word) > 2 else word


@dataclass
class Mention:
    start: int  # the name's characters (title excluded)
    end: int
    name: str  # as written, possessive removed
    title: str  # "Foreign Minister", "" when none
    kind: str
    sentence: int
    span_start: int  # title included
    canonical: str = ""
    place: bool = False  # "in Geneva": a location, not an actor
    prev: str = ""  # the word before the name, lower-case


@dataclass
class Entity:
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    gender: str = ""
    first: int = 0
    acting: int = 0  # mentions as an actor rather than as a place ("in Geneva")


def _is_name_word(tok: Token) -> bool:
    t = tok.text
    if tok.quote or not t[:1].isupper():
        return False
    return any(c.isalpha() for c in t)


class Registry:
    """Every name in the text, with the fullest form each one stands for."""

    def __init__(self, text: str, sents: list[Sentence], aliases: AliasTable) -> None:
        self.text = text
        self.aliases = aliases
        self.mentions: list[Mention] = []
        self.entities: dict[str, Entity] = {}
        # plural speakers named by a phrase ("Aid agencies"), with where they spoke
        self.groups: list[tuple[int, str]] = []
        for si, s in enumerate(sents):
            self._scan(s, si)
        self._states()
        self._canonicalise()
        self._appositions()
        self._role_subjects(sents)

    # -------------------------------------------------------------- finding names

    def _scan(self, s: Sentence, si: int) -> None:
        toks = s.tokens
        i = 0
        n = len(toks)
        while i < n:
            tok = toks[i]
            if not _is_name_word(tok):
                i += 1
                continue
            j = i
            while j + 1 < n:
                nxt = toks[j + 1]
                if _is_name_word(nxt) and (
                    not toks[j].text.endswith(("\u2019s", "'s", "'", "\u2019"))
                    or nxt.lower in ORG_WORDS
                ):
                    j += 1
                elif (
                    nxt.lower == "and"
                    and j + 2 < n
                    and _is_name_word(toks[j + 2])
                    and any(t.lower in ("of", "for") for t in toks[i : j + 1])
                    and any(t.lower in ORG_WORDS for t in toks[i : j + 1])
                ):
                    j += 2  # "Commission for Museums and Monuments"
                elif (
                    nxt.lower in ("of", "for")
                    and j + 3 < n
                    and toks[j + 2].lower == "the"
                    and _is_name_word(toks[j + 3])
                    and toks[j].lower.rstrip(".") in TITLE_WORDS
                ):
                    j += 3  # "President of the United States Donald Trump"
                elif (
                    nxt.lower in ("of", "for")
                    and j + 3 < n
                    and toks[j + 2].lower == "the"
                    and _is_name_word(toks[j + 3])
                    and any(t.lower in ORG_WORDS for t in toks[i : j + 1])
                ):
                    j += 3  # "International Council for the Exploration of the Sea"
                elif (
                    nxt.lower in _PARTICLES
                    and j + 2 < n
                    and toks[j + 2].lower in _PARTICLES
                    and j + 3 < n
                    and _is_name_word(toks[j + 3])
                ):
                    j += 3  # "Ursula von der Leyen"
                elif (
                    nxt.lower
                    in ("of", "for", "de", "von", "van", "al", "bin", "der", "la", "le", "du")
                    and j + 2 < n
                    and _is_name_word(toks[j + 2])
                    and not (
                        nxt.lower in ("of", "for")
                        and self._personal(toks[i : j + 1], toks[i - 1].lower if i else "")
                    )
                ) or (
                    nxt.text in ("-", ".")
                    and nxt.start == toks[j].end
                    and j + 2 < n
                    and _is_name_word(toks[j + 2])
                    and toks[j + 2].start == nxt.end
                ):
                    j += 2
                elif nxt.text == "." and toks[j].lower in HONORIFICS | {
                    "gov",
                    "sen",
                    "rep",
                    "gen",
                    "lt",
                    "dr",
                    "st",
                    "jr",
                }:
                    j += 1
                    if j + 1 < n and _is_name_word(toks[j + 1]):
                        continue
                    break
                else:
                    break
            if i == 0 and s.para_start and s.para == 0 and toks[i].text.isupper():
                d = j + 1
                if d < n and toks[d].text == "(":  # "BRUSSELS (Reuters) - …"
                    while d < n and toks[d].text != ")":
                        d += 1
                    d += 1
                if d < n and toks[d].text in ("-", "\u2014", "\u2013"):
                    i = d + 1  # a dateline
                    continue
            lead = i + 1 if j == i + 1 and toks[i].lower == "the" else i
            demonym = self.aliases.demonyms.get(strip_poss(toks[lead].lower))
            if demonym and j == lead and j + 1 < n and toks[j + 1].lower in _GROUP_NOUNS:
                # "the Dutch government", "Russian officials": the country acts
                adj = toks[lead]
                m = Mention(adj.start, adj.end, demonym, "", "country", si, adj.start)
                self.mentions.append(m)
                i = j + 1
                continue
            prev = toks[i - 1].lower if i > 0 else ""
            self._add(
                toks[i : j + 1], si, sentence_initial=(i == 0 or toks[i - 1].quote), prev=prev
            )
            i = j + 1

    def _states(self) -> None:
        """A lone unknown name that owns an army or a foreign ministry is a country, even one
        the alias table does not list: "Kessaria's army", "Estoria's finance minister"."""
        states = set()
        for m in self.mentions:
            if m.kind == "other" and " " not in m.name and _STATE_OWNS.match(self.text, m.end):
                states.add(m.name)
        if not states:
            return
        for m in self.mentions:
            if m.name in states and m.kind == "other":
                m.kind = "country"

    def _personal(self, run: list[Token], prev: str) -> bool:
        """ "Stacy Berg" in "Stacy Berg of Torvik": a first name and a surname, not an office
        or a body ("Bank of England", "the Royal Society of Chemistry")."""
        words = [t.lower for t in run]
        if len(words) != 2 or set(words) & (ORG_WORDS | TITLE_WORDS | _PLACE_WORDS):
            return False
        if any(w in FUNCTION_CAPS for w in words):
            return False
        return words[0] in self.aliases.genders or prev not in ("the", "a", "an")

    def _add(self, toks: list[Token], si: int, sentence_initial: bool, prev: str = "") -> None:
        words = [t for t in toks if t.text not in (".",)]
        # "European Commission President Ursula von der Leyen": split after the last title
        cut = max(
            (x for x, w in enumerate(words[:-1]) if w.lower.rstrip(".") in STRONG_TITLES),
            default=-1,
        )
        if (
            cut > 0
            and words[-1].lower not in ORG_WORDS
            and words[cut + 1].lower not in ("of", "for")
        ):
            words = words[:]  # the run keeps its title; the loop below stops at the cut
        else:
            cut = -1
        # Drop leading function words: "But Merz", "The Kremlin" keeps "Kremlin".
        while words and words[0].lower in FUNCTION_CAPS and words[0].lower not in TITLE_WORDS:
            words = words[1:]
        if not words:
            return
        # Split off the title: "President of Russia Vladimir Putin".
        k = 0
        while k < len(words) - 1 and (
            words[k].lower.rstrip(".") in TITLE_WORDS
            or (words[k].lower in ("of", "for") and k > 0)
            or (
                # "Ukrainian President", "German Chancellor"
                strip_poss(words[k].lower) in self.aliases.demonyms
                and words[k + 1].lower.rstrip(".") in TITLE_WORDS
            )
        ):
            if words[k].lower in ("of", "for"):
                # the title's object: "of Russia", "of State", "for Foreign Affairs"
                k += 1
                if k < len(words) - 1 and words[k].lower == "the":
                    k += 1
                # the longest known name: "of the United States", "of Russia"
                for width in (4, 3, 2, 1):
                    if k + width < len(words) and self.aliases.lookup(
                        " ".join(w.text for w in words[k : k + width])
                    ):
                        k += width
                        break
                else:
                    while k < len(words) - 1 and (
                        words[k].lower in TITLE_WORDS or words[k].lower in ("affairs", "state")
                    ):
                        k += 1
                continue
            k += 1
        if cut > 0 and k <= cut:
            k = cut + 1
        if k and any(w.lower in ORG_WORDS for w in words[k:]):
            k = 0  # "National Cyber Security Agency", "Turkish Foreign Ministry"
        title_toks, name_toks = words[:k], words[k:]
        if not name_toks or all(w.lower.rstrip(".") in TITLE_WORDS for w in words):
            return  # "the Prime Minister": a role, not a name
        last = name_toks[-1]
        name = " ".join(t.text for t in name_toks[:-1]) + (" " if len(name_toks) > 1 else "")
        name += strip_poss(last.text)
        if name.lower() in _NOT_NAMES or name.lower() in WEEKDAYS or name.lower() in MONTHS:
            return
        if re.fullmatch(r"[A-Z]-[A-Z.]+", name):
            return  # a party and state after a lawmaker's name: "R-S.C."
        if (
            len(name_toks) == 1
            and sentence_initial
            and not title_toks
            and name.lower() in FUNCTION_CAPS
        ):
            return
        title = " ".join(t.text for t in title_toks)
        alias = self.aliases.lookup(name)
        lower_words = {t.lower.strip(".") for t in name_toks}
        if alias:
            kind = alias[1]
        elif name.lower() in self.aliases.demonyms:
            return  # an adjective ("Russian"), not an actor by itself
        elif lower_words & ORG_WORDS or (name.isupper() and len(name) > 1 and len(name_toks) == 1):
            kind = "organization"
        elif lower_words & _PLACE_WORDS:
            kind = "other"  # "Old Market Street", "Lowmere Valley"
        elif (
            prev == "of"
            and len(name_toks) >= 3
            and self.mentions
            and self.mentions[-1].kind == "person"
            and self.text[self.mentions[-1].end : words[0].start].strip(" ,") == "of"
        ):
            kind = "organization"  # "Maja Berg of Keep Halvik Green": her group
        elif title_toks or (len(name_toks) >= 2 and prev not in _NOT_BEFORE_PERSON):
            kind = "person"
        else:
            kind = "other"
        end = name_toks[-1].start + len(strip_poss(last.text))
        mention = Mention(name_toks[0].start, end, name, title, kind, si, words[0].start)
        mention.place = prev in _LOCATIVE and not title_toks
        mention.prev = prev
        self.mentions.append(mention)

    # -------------------------------------------------------------- canonical forms

    def _canonicalise(self) -> None:
        persons: dict[str, str] = {}  # surname or first name -> fullest form
        full_forms = [m for m in self.mentions if m.kind == "person" and " " in m.name]
        for m in sorted(full_forms, key=lambda m: -len(m.name.split())):
            parts = [p for p in m.name.split() if p.lower().strip(".") not in HONORIFICS]
            if not parts:
                continue
            persons.setdefault(parts[-1].lower(), " ".join(parts))
        firsts: dict[str, set[str]] = {}
        for form in set(persons.values()):
            firsts.setdefault(form.split()[0].lower(), set()).add(form)
        org_heads: dict[str, str] = {}
        for m in self.mentions:
            words = m.name.lower().split()
            if m.kind == "organization" and len(words) > 1:
                # the head comes before "of": "the Bank" after "National Bank of Estoria", and
                # "Estoria" is not the bank
                cut = min((words.index(w) for w in ("of", "for") if w in words), default=0)
                org_heads.setdefault(words[cut - 1] if cut else words[-1], m.name)
        for m in self.mentions:
            alias = self.aliases.lookup(m.name)
            if alias:
                m.canonical, m.kind = alias
            elif " " not in m.name and m.name.lower() in org_heads and m.kind != "person":
                # "the Commission" after "the European Commission"
                m.canonical, m.kind = org_heads[m.name.lower()], "organization"
            elif m.kind in ("person", "other"):
                parts = [p for p in m.name.split() if p.lower().strip(".") not in HONORIFICS]
                key = parts[-1].lower() if parts else m.name.lower()
                full: str | None = persons.get(key)
                if full is None and len(parts) == 1 and len(firsts.get(key, ())) == 1:
                    full = next(iter(firsts[key]))
                if full is not None:
                    m.canonical, m.kind = full, "person"
                else:
                    m.canonical = " ".join(parts) or m.name
            else:
                m.canonical = m.name
            ent = self.entities.get(m.canonical)
            if ent is None:
                ent = self.entities[m.canonical] = Entity(m.canonical, m.kind, first=m.start)
            if m.kind == "person" and ent.kind != "person":
                ent.kind = "person"
            if m.name != m.canonical:
                ent.aliases.add(m.name)
            ent.spans.append((m.start, m.end))
            if not (m.place and alias is not None and m.name.lower() != m.canonical.lower()):
                ent.acting += 1
            if m.title and m.title not in ent.roles:
                ent.roles.append(m.title)
            if m.kind == "person" and not ent.gender and " " in ent.name:
                ent.gender = self.aliases.genders.get(ent.name.split()[0].lower(), "")
            low = {w.lower().strip(".") for w in m.title.split()}
            if low & {"mr", "sir", "lord", "king", "prince"}:
                ent.gender = ent.gender or "m"
            elif low & {"mrs", "ms", "dame", "queen", "princess", "lady"}:
                ent.gender = ent.gender or "f"

    def _appositions(self) -> None:
        """Roles written beside a name: "Annalena Baerbock, the foreign minister," and
        "the foreign minister, Annalena Baerbock,", "foreign minister Annalena Baerbock"."""
        text = self.text
        for m in self.mentions:
            if m.kind != "person":
                continue
            before = text[max(0, m.span_start - 60) : m.span_start]
            after = text[m.end : m.end + 80]
            tail = before.rstrip(" ,").rsplit(None, 1)
            found = None
            if tail and tail[-1].lower() in ROLE_WORDS:  # cheap test before the regex
                found = _ROLE_BEFORE.search(before)
            if found is None and after.lstrip().startswith(","):
                found = _ROLE_AFTER.match(after)
            if found:
                self.add_role(m.canonical, found.group(1).strip())
            led = _WHO_LEADS.match(after)
            if led:
                # "Birte Sand, who leads the dockers' union," is the union leader
                role = _LEADS[led.group(1).lower()[:-1]]
                self.add_role(m.canonical, f"{role} of {led.group(2).strip()}")

    def _role_subjects(self, sents: list[Sentence]) -> None:
        """ "The chancellor was unmoved." counts as a mention of the chancellor named earlier,
        so that a following "he" finds him."""
        added = []
        for s in sents:
            toks = s.tokens
            if len(toks) < 3 or toks[0].lower not in ("the", "his", "her", "its", "their"):
                continue
            for k in (1, 2, 3):
                if k >= len(toks) or toks[k].quote or toks[k].is_cap and k > 1:
                    break
                if toks[k].lower in ROLE_WORDS:
                    phrase = self.text[toks[0].start : toks[k].end]
                    hit = self.role_before(toks[0].start, toks[k].lower, phrase)
                    if hit is not None:
                        start, end = toks[0].start, toks[k].end
                        m = Mention(start, end, hit.name, "", "person", hit.sentence, start)
                        m.canonical = hit.canonical
                        added.append(m)
                    break
        if added:
            self.mentions.extend(added)
            self.mentions.sort(key=lambda m: m.start)

    # -------------------------------------------------------------- lookups

    def mention_in(self, start: int, end: int) -> Mention | None:
        """The named mention that heads [start, end): its first person, else its first name."""
        inside = []
        for m in self.mentions:
            if m.start >= start and m.end <= end:
                if m.kind == "person":
                    return m
                inside.append(m)
            elif m.start >= end:
                break
        named = [m for m in inside if m.kind != "other"]
        if named:
            phrase = self.text[start:end]
            head_last = len(named) > 1 and " of " not in phrase and "," not in phrase
            return named[-1] if head_last else named[0]
        return inside[0] if inside else None

    def make_person(self, mention: Mention) -> None:
        """A lone name turned out to be someone: every mention of it becomes a person."""
        if any(
            m.canonical == mention.canonical and m.kind == "other" and m.prev in _IN_PLACE
            for m in self.mentions
        ):
            return  # "grew up in Lindmark … Lindmark said": a town speaking, not a person
        for m in self.mentions:
            if m.canonical == mention.canonical and m.kind == "other":
                m.kind = "person"
        ent = self.entities.get(mention.canonical)
        if ent is not None and ent.kind == "other":
            ent.kind = "person"

    def mention_ending(self, end: int) -> Mention | None:
        """A mention that runs up to end, however early it starts."""
        for m in self.mentions:
            if m.start < end <= m.end + 1 and m.end >= end - 1:
                return m
        return None

    def org_named(self, pos: int, word: str) -> Mention | None:
        """ "the board", "the union": an organisation called so, else the one named most."""
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for m in self.mentions:
            if m.start >= pos or m.kind != "organization":
                continue
            name = m.canonical.lower()
            if word in ("firm", "company") and any(w in name for w in _INSTITUTIONS):
                continue  # a court or a council is not "the firm"
            bonus = 100 if word in name else 1
            counts[m.canonical] = counts.get(m.canonical, 0) + bonus
            last[m.canonical] = m
        if not counts:
            return None
        return last[max(counts, key=lambda k: counts[k])]

    def actor_before(self, pos: int, kinds: tuple[str, ...]) -> Mention | None:
        """The most recent mention of one of these kinds before pos."""
        for m in reversed(self.mentions):
            if m.start < pos and m.kind in kinds:
                return m
        return None

    def canonical_of(self, phrase: str) -> tuple[str, str] | None:
        """Canonical name and kind for a phrase such as "Russian officials" or "the Kremlin"."""
        alias = self.aliases.lookup(phrase)
        if alias:
            return alias
        words = phrase.split()
        for w in words:
            c = self.aliases.demonyms.get(strip_poss(w).lower())
            if c and any(x.lower() in _GROUP_NOUNS for x in words):
                return c, "country"
        return None

    def note_gender(self, canonical: str, pronoun: str) -> None:
        ent = self.entities.get(canonical)
        if ent and not ent.gender:
            if pronoun in MALE:
                ent.gender = "m"
            elif pronoun in FEMALE:
                ent.gender = "f"

    def person_before(
        self, pos: int, pronoun: str = "", skip: tuple[int, int] | None = None
    ) -> Mention | None:
        """The most recent person mentioned before pos whose gender fits the pronoun."""
        want = "m" if pronoun in MALE else "f" if pronoun in FEMALE else ""
        fallback = None
        for m in reversed(self.mentions):
            if m.start >= pos or m.kind != "person":
                continue
            if skip and skip[0] <= m.start < skip[1]:
                continue
            ent = self.entities.get(m.canonical)
            if want and ent and ent.gender and ent.gender != want:
                continue
            if m.prev in _OBJECT_PREPS and pronoun:
                # "briefed by Witkoff": an object is a weaker antecedent than a subject
                fallback = fallback or m
                continue
            if fallback is not None and fallback.sentence == m.sentence:
                return m
            return fallback if fallback is not None and fallback.sentence > m.sentence else m
        return fallback

    def role_before(self, pos: int, role: str, phrase: str = "") -> Mention | None:
        """The most recent person whose title holds the role word ("minister"); with a phrase
        ("the finance minister"), one whose title also has its other words comes first."""
        words = [w for w in re.findall(r"[\w'\u2019-]+", phrase.lower()) if w != role]
        want = {w for w in words if w not in _ROLE_DETERMINERS and w not in self.aliases.demonyms}
        head = re.compile(rf"(?<![\w-]){re.escape(role)}\b")
        fallback = weak = None
        for m in reversed(self.mentions):
            if m.start >= pos or m.kind != "person":
                continue
            ent = self.entities.get(m.canonical)
            roles = " ".join(ent.roles if ent else [m.title]).lower()
            hit = head.search(roles)
            if hit is None:
                continue
            before = roles[: hit.start()].split()[-1:]
            if before and before[0] in _LESSER_ROLE and before[0] not in words:
                weak = weak or m  # "the president" is not the vice president
                continue
            if not want or want <= set(re.findall(r"[\w'\u2019-]+", roles)):
                return m
            fallback = fallback or m
        return fallback or weak

    def add_role(self, canonical: str, role: str) -> None:
        ent = self.entities.get(canonical)
        if ent and role and role not in ent.roles:
            ent.roles.append(role)


_ROLE_DETERMINERS = frozenset("the a an this that its his her their".split())
_LESSER_ROLE = frozenset("vice deputy former ex assistant acting junior press".split())


def role_word(phrase: str) -> str | None:
    """The role noun of a phrase such as "the German chancellor" or "the Kremlin spokesman"."""
    words = [w.lower() for w in phrase.split()]
    if not words or words[0] not in (
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "his",
        "her",
        "their",
    ):
        return None
    if words[-1] in ROLE_WORDS:
        return words[-1]
    # "the governor-designate", "the president-elect": the role before its hyphenated state
    head, _, state = words[-1].partition("-")
    if head in ROLE_WORDS and state in ("designate", "elect"):
        return head
    return None
