"""Canonical forms: each mention gets the fullest name it stands for ("Merz" -> "Friedrich
Merz", "the Kremlin" -> Russia), and the mentions of one name are gathered into an entity."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from briefing.understand._aliases import AliasTable
from briefing.understand._lexicon import (
    BUSINESS_NOUNS,
    COMPANY_SUFFIXES,
    FEMALE_TITLES,
    HONORIFICS,
    MALE_TITLES,
    OF_WORDS,
    ORG_WORDS,
)
from briefing.understand._mentions import Entity, Mention


def group_entities(
    mentions: list[Mention], aliases: AliasTable, headline: str = ""
) -> dict[str, Entity]:
    """Set every mention's canonical name (and its kind, once known); the entities by name.
    `headline`: the article's title, whose people the surnames alone most likely stand for."""
    forms = _KnownForms.of(mentions, aliases, headline)
    entities: dict[str, Entity] = {}
    for m in mentions:
        alias = aliases.lookup(m.name)
        m.canonical, m.kind = alias or forms.canonical(m)
        ent = entities.get(m.canonical)
        if ent is None:
            ent = entities[m.canonical] = Entity(m.canonical, m.kind, first=m.start)
        _count(ent, m, via_alias=alias is not None)
        _note_gender(ent, m, aliases)
    return entities


@lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    """A word in small letters without its accents: "François" and "Francois" are one name."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _without_honorifics(name: str) -> list[str]:
    return [p for p in name.split() if p.lower().strip(".") not in HONORIFICS]


@dataclass(frozen=True)
class _KnownForms:
    """The full names the text gives, which shorter mentions stand for."""

    persons: dict[str, str]  # a surname -> the fullest form of the person's name
    firsts: dict[str, set[str]]  # a first name -> the full forms that start with it
    org_heads: dict[str, str]  # an organisation's head noun -> its full name
    companies: dict[str, str]  # a company's name without its legal form -> with it
    trade_names: dict[str, str]  # "harwell" -> "Harwell Chemicals", the one company so named
    tails: dict[str, str]  # "security council" -> "United Nations Security Council"
    # a surname -> the headline's person of that name, when the text writes another in full
    headliners: dict[str, str]

    @classmethod
    def of(cls, mentions: list[Mention], aliases: AliasTable, headline: str = "") -> _KnownForms:
        persons = _person_forms(mentions)
        firsts: dict[str, set[str]] = {}
        for form in set(persons.values()):
            firsts.setdefault(_fold(form.split()[0]), set()).add(form)
        companies = _companies(mentions)
        heads, trade_names = _org_heads(mentions), _trade_names(mentions)
        tails = _org_tails(mentions, aliases)
        headliners = _headliners(headline, persons, mentions)
        return cls(persons, firsts, heads, companies, trade_names, tails, headliners)

    def canonical(self, m: Mention) -> tuple[str, str]:
        """The canonical name and kind of a mention the alias table does not know."""
        key = m.name.lower()
        surname = _fold(key) in self.persons and key not in ORG_WORDS
        if " " not in m.name and key in self.org_heads and m.kind != "person" and not surname:
            # "the Commission" after "the European Commission"; but "Wolfson" after "Tina
            # Wolfson" of "Ahdoot & Wolfson" is the person
            return self.org_heads[key], "organization"
        if m.name.lower() in self.tails and m.kind == "organization":
            return self.tails[m.name.lower()], "organization"  # "the 15-member Security Council"
        company = self.companies.get(_without_suffix(m.name).lower())
        if company is not None:
            return company, "organization"  # "Qualcomm" after "Qualcomm Inc."
        if m.name.lower() in self.trade_names and _fold(m.name) not in self.persons:
            return self.trade_names[m.name.lower()], "organization"  # "Harwell's board"
        if m.kind not in ("person", "other"):
            return m.name, m.kind
        parts = _without_honorifics(m.name)
        key = _fold(parts[-1] if parts else m.name)
        if " " not in m.name and key in self.headliners:
            return self.headliners[key], "person"  # "Thurman" in a story about Uma Thurman
        full = self.persons.get(key)
        if full is not None and len(parts) > 1 and not _same_person(parts, full.split()):
            full = " ".join(parts)  # "Ghassan Jarrar" is not his wife "Khalida Jarrar"
        if full is None and len(parts) == 1 and len(self.firsts.get(key, ())) == 1:
            full = next(iter(self.firsts[key]))  # "Friedrich" after "Friedrich Merz"
        if full is not None:
            return full, "person"
        return " ".join(parts) or m.name, m.kind


# Capitalised words of a headline that open no one's name ("Why Uma Thurman Is Angry").
_HEADLINE_WORDS = frozenset(
    "this that these is are was why how what when who where after before as at in on of for"
    " to the a an and but with by from says said new more".split()
)
_HEADLINE_NAME = re.compile(r"\b(?=([A-Z][\w'\u2019-]+)\s+([A-Z][\w'\u2019-]+)\b)")


def _headliners(headline: str, persons: dict[str, str], mentions: list[Mention]) -> dict[str, str]:
    """Surname -> the person the headline names ("Uma Thurman"), when the text writes in full
    only someone else of that surname ("her father, Robert Thurman") and never the headline's
    one: the story calls its subject by the surname alone, so the surname stands for them."""
    out: dict[str, str] = {}
    written = {m.name for m in mentions}
    for m in _HEADLINE_NAME.finditer(headline):
        given, surname = m.group(1), m.group(2).removesuffix("'s").removesuffix("\u2019s")
        key = _fold(surname)
        full = persons.get(key)
        name = f"{given} {surname}"
        if full is None or given.lower() in _HEADLINE_WORDS or given.isupper():
            continue
        if not _same_person([given, surname], full.split()) and name not in written:
            out[key] = name
    return out


def _same_person(parts: list[str], full: list[str]) -> bool:
    """ "Tamimi" or "Ahed Tamimi" may be "Ahed Tamimi"; "Bassem Tamimi" is someone else
    (an initial or a shorter form of the given name still fits: "A. Tamimi")."""
    given, other = _fold(parts[0]).rstrip("."), _fold(full[0]).rstrip(".")
    return len(parts) > len(full) or given.startswith(other) or other.startswith(given)


def _person_forms(mentions: list[Mention]) -> dict[str, str]:
    """Surname -> the longest name of a person written with it."""
    persons: dict[str, str] = {}
    full_forms = [m for m in mentions if m.kind == "person" and " " in m.name]
    for m in sorted(full_forms, key=lambda m: -len(m.name.split())):
        parts = _without_honorifics(m.name)
        if parts:
            persons.setdefault(_fold(parts[-1]), " ".join(parts))
    return persons


def _without_suffix(name: str) -> str:
    """ "Equifax Inc." -> "Equifax"."""
    head, _, last = name.rpartition(" ")
    return head if head and last.lower().strip(".,") in COMPANY_SUFFIXES else name


def _companies(mentions: list[Mention]) -> dict[str, str]:
    """A company's name without its legal form -> the fullest form written ("Equifax Inc."
    rather than "Equifax Inc")."""
    out: dict[str, str] = {}
    for m in mentions:
        base = _without_suffix(m.name)
        if base != m.name and (base.lower() not in out or m.name.endswith(".")):
            out[base.lower()] = m.name
    return out


def _trade_names(mentions: list[Mention]) -> dict[str, str]:
    """A company's distinctive word -> its name, for names made of that word and a business
    noun ("Harwell Chemicals", "Dunmore Securities"): the text calls it "Harwell" later. A
    word two companies share stands for neither."""
    found: dict[str, set[str]] = {}
    for m in mentions:
        words = _without_suffix(m.name).split()
        if m.kind == "organization" and len(words) == 2 and words[1].lower() in BUSINESS_NOUNS:
            found.setdefault(words[0].lower(), set()).add(m.name)
    return {word: next(iter(names)) for word, names in found.items() if len(names) == 1}


def _org_heads(mentions: list[Mention]) -> dict[str, str]:
    """The head noun of each organisation's name: "bank" for "National Bank of Estoria" (the
    head comes before "of", and "Estoria" is not the bank)."""
    heads: dict[str, str] = {}
    for m in mentions:
        words = m.name.lower().split()
        if m.kind == "organization" and len(words) > 1:
            cut = min((words.index(w) for w in OF_WORDS if w in words), default=0)
            heads.setdefault(words[cut - 1] if cut else words[-1], m.name)
    return heads


def _org_tails(mentions: list[Mention], aliases: AliasTable) -> dict[str, str]:
    """The last words of an organisation's name, two or more, after a country's or a known
    body's name, which the text also writes alone ("Security Council" after "United Nations
    Security Council", "State Department" after "U.S. State Department"), when only one name
    ends so."""
    found: dict[str, set[str]] = {}
    for m in mentions:
        words = m.name.split()
        if m.kind != "organization" or len(words) < 3 or any(w in OF_WORDS for w in words):
            continue
        for k in range(1, len(words) - 1):
            if aliases.lookup(" ".join(words[:k])):
                found.setdefault(" ".join(words[k:]).lower(), set()).add(m.name)
    return {tail: next(iter(names)) for tail, names in found.items() if len(names) == 1}


def _count(ent: Entity, m: Mention, *, via_alias: bool) -> None:
    """Add one mention to its entity: its form, its span, its title."""
    if m.kind == "person" and ent.kind != "person":
        ent.kind = "person"
    if m.name != m.canonical:
        ent.aliases.add(m.name)
    ent.spans.append((m.start, m.end))
    # "talks in Moscow" names a place, not Russia acting
    renamed = via_alias and m.name.lower() != m.canonical.lower()
    own = m.kind == "country" and not renamed  # "the Kremlin" may host its own talks
    if not (m.place and (renamed or m.kind == "country") or m.setting and own):
        ent.acting += 1  # "in France", "a Paris hotel": a setting, not a country acting
    if m.title and m.title not in ent.roles:
        ent.roles.append(m.title)


def _note_gender(ent: Entity, m: Mention, aliases: AliasTable) -> None:
    """A person's gender from a known given name, else from a title ("Mrs", "King")."""
    if m.kind == "person" and not ent.gender and " " in ent.name:
        ent.gender = aliases.genders.get(ent.name.split()[0].lower(), "")
    low = {w.lower().strip(".") for w in m.title.split()}
    if low & MALE_TITLES:
        ent.gender = ent.gender or "m"
    elif low & FEMALE_TITLES:
        ent.gender = ent.gender or "f"
