"""Whom each actor speaks for: the country or organisation its role ties it to, as the text
writes it ("Kremlin spokesman Dmitry Peskov" -> Russia, "Rustem Umerov, secretary of Ukraine's
security council" -> Ukraine, "the head of the Russian delegation" -> Russia, "Yuri Ushakov,
Putin's adviser" -> whomever Putin speaks for). Read after the speakers are resolved, from the
registry's roles; it changes nothing the other steps find."""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefing.understand._actors import Registry, strip_poss
from briefing.understand._aliases import AliasTable
from briefing.understand._lexicon import ROLE_WORDS

SIDE_KINDS = ("country", "organization")
_LONGEST = 5  # words of a name looked for inside a role
_ROLE = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
# "the Russian president", "the German chancellor": a role a nationality names
_DESCRIPTION = re.compile(rf"\b[Tt]he ([A-Z][\w-]+) ({_ROLE})\b")
_NAME_AFTER = re.compile(r",?\s+[A-Z]")
# bodies of a state that speak for it: "Turkish Foreign Ministry", "Russian Defence Ministry"
_STATE_BODY_WORDS = frozenset(
    "ministry government embassy army military navy parliament cabinet presidency".split()
)
_Known = Mapping[str, tuple[str, str]]  # a name as written, lower-case -> (canonical, kind)


def affiliations(reg: Registry) -> dict[str, str]:
    """The canonical name of each actor that speaks for a country or an organisation, to the
    canonical name of that country or organisation."""
    known = _known_names(reg)
    sides: dict[str, str] = {}
    principals: dict[str, str] = {}  # someone's aide -> that someone ("Putin's adviser")
    for ent in reg.entities.values():
        if ent.kind == "organization":
            side = _state_of_body(ent.name, reg.aliases)
        elif ent.kind == "person":
            side, principal = _side_of_roles(ent.roles, known, reg.aliases, ent.name)
            if principal:
                principals[ent.name] = principal
        else:
            side = None
        if side and side != ent.name:
            sides[ent.name] = side
    _described(reg, sides)
    for aide, principal in principals.items():
        if aide not in sides and principal in sides:
            sides[aide] = sides[principal]
    return sides


def _known_names(reg: Registry) -> dict[str, tuple[str, str]]:
    """The article's names, and the last word of an organisation's name where only one
    organisation ends in it ("the Alliance's general secretary")."""
    endings: dict[str, set[str]] = {}
    for ent in reg.entities.values():
        if ent.kind == "organization" and " " in ent.name:
            endings.setdefault(ent.name.split()[-1].lower(), set()).add(ent.name)
    # (first: the article's "Alliance" is its own alliance, whatever the alias table says)
    known = {w: (names.pop(), "organization") for w, names in endings.items() if len(names) == 1}
    for ent in reg.entities.values():
        for form in (ent.name, *ent.aliases):
            known.setdefault(strip_poss(form).lower(), (ent.name, ent.kind))
    return known


def _state_of_body(name: str, aliases: AliasTable) -> str | None:
    """The country a state body's name opens with ("Turkish Foreign Ministry" -> Turkey,
    "South Korean Defense Ministry" -> South Korea)."""
    words = name.split()
    if len(words) < 2 or not any(w.lower() in _STATE_BODY_WORDS for w in words[1:]):
        return None
    two = " ".join(words[:2]).lower() if len(words) > 2 else ""
    return aliases.demonyms.get(two) or aliases.demonyms.get(words[0].lower())


def _side_of_roles(
    roles: list[str], known: _Known, aliases: AliasTable, own: str
) -> tuple[str | None, str | None]:
    """The side the first role that names one gives, and the person a role makes this one
    the aide of ("Putin's foreign policy adviser")."""
    principal = None
    for role in roles:
        words = [strip_poss(w.strip(",.;:()")) for w in role.split()]
        side, person = _named_in(words, known, aliases, own)
        principal = principal or person
        if side is None:
            side = next(
                (aliases.demonyms[w.lower()] for w in words if w.lower() in aliases.demonyms), None
            )
        if side is not None:
            return side, principal
    return None, principal


def _named_in(
    words: list[str], known: _Known, aliases: AliasTable, own: str
) -> tuple[str | None, str | None]:
    """The longest name of a country or an organisation inside a role's words (the article's
    own names first, then the alias table's), and the first person's name there."""
    person = None
    for size in range(min(_LONGEST, len(words)), 0, -1):
        for at in range(len(words) - size + 1):
            phrase = " ".join(words[at : at + size])
            if not phrase[:1].isupper():
                continue  # "us", "state": ordinary words, no names
            hit = known.get(phrase.lower()) or _country(aliases, phrase)
            if hit is None or hit[0] == own:
                continue
            if hit[1] in SIDE_KINDS:
                return hit[0], person
            if hit[1] == "person" and person is None:
                person = hit[0]
    return None, person


def _country(aliases: AliasTable, phrase: str) -> tuple[str, str] | None:
    """A country the alias table knows the phrase for ("Kremlin", "US"); the table's other
    names ("Alliance" for NATO) are too common a word to count when the article names none."""
    hit = aliases.lookup(phrase)
    return hit if hit is not None and hit[1] == "country" else None


def _described(reg: Registry, sides: dict[str, str]) -> None:
    """ "Yuri Ushakov, Putin's adviser, said the Russian president wanted …": a nationality's
    role that points back to a person (the one the analyser would resolve "the Russian
    president" to, else the latest person named in its paragraph) ties that person to the
    nationality's country, unless the text tied them to a side already."""
    for m in _DESCRIPTION.finditer(reg.text):
        country = reg.aliases.demonyms.get(m.group(1).lower())
        if country is None or _NAME_AFTER.match(reg.text, m.end()):
            continue  # "the French president, Emmanuel Macron,": the name is given there
        holder = reg.role_before(m.start(), m.group(2).lower(), m.group(0))
        name = holder.canonical if holder is not None else _latest_person(reg, m.start())
        if name and name not in sides and name != country:
            sides[name] = country


def _latest_person(reg: Registry, pos: int) -> str | None:
    """The person named last before pos in pos's paragraph."""
    paragraph = reg.text.rfind("\n", 0, pos)
    for m in reversed(reg.mentions):
        if m.start >= pos:
            continue
        if m.start < paragraph:
            return None
        ent = reg.entities.get(m.canonical)
        if ent is not None and ent.kind == "person":
            return ent.name
    return None
