"""One actor per person across a storyline's articles (pure functions, no SQL).

Each article names its actors on its own: one writes "Francois Hollande", another "François
Hollande", a third "President François Hollande" or only "Hollande". The cast folds accents
and case, drops titles and roles before a name ("President", "Secretary of State"), drops
middle initials, and gives a surname alone to the one person of the storyline who has it.
A description ("the transit authority") goes to the one organisation whose name ends in it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing.storylines._gate import fold
from briefing.understand.records import Actor

# Words of a title or a role that may stand before a person's name.
TITLES = frozenset(
    """
president vice prime minister chancellor secretary state senator sen rep representative
governor gov mayor deputy mr mrs ms miss dr sir dame lord lady king queen prince princess
pope general gen colonel col lieutenant lt sergeant sgt captain capt judge justice chief
executive ceo chairman chairwoman chair spokesman spokeswoman spokesperson former acting
foreign defence defense interior finance health home first ambassador councillor councilor
leader director commissioner premier speaker attorney officer inspector superintendent
professor prof rev reverend bishop archbishop cardinal father sister brother coach
""".split()
)
_PUNCT = re.compile(r"[^\w\s'-]")


def _tokens(name: str) -> list[str]:
    return _PUNCT.sub(" ", fold(name)).replace("\u2019", "'").split()


def person_key(name: str) -> tuple[str, ...]:
    """A person's name without accents, case, leading titles or middle initials."""
    tokens = _tokens(name)
    while len(tokens) > 1 and (tokens[0] in TITLES or tokens[0] in ("the", "of")):
        tokens = tokens[1:]
    if len(tokens) > 2:
        tokens = [tokens[0], *(t for t in tokens[1:-1] if len(t) > 1), tokens[-1]]
    return tuple(tokens)


def plain_key(name: str) -> tuple[str, ...]:
    """Any other actor's name without accents, case or a leading "the"."""
    tokens = _tokens(name)
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    return tuple(tokens)


@dataclass
class _Group:
    forms: dict[str, int] = field(default_factory=dict)  # name as written -> mentions
    kinds: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, kind: str, mentions: int) -> None:
        self.forms[name] = self.forms.get(name, 0) + mentions
        self.kinds[kind] = self.kinds.get(kind, 0) + mentions


@dataclass(frozen=True)
class Cast:
    """The storyline's actors: every name as written to the one name shown, and its kind."""

    names: dict[str, str]  # a name as an article gives it -> the name shown
    kinds: dict[str, str]  # the name shown -> person, organization, country or other
    _found: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def name(self, written: str) -> str:
        found = self.names.get(written) or self._found.get(written)
        if found is None:
            found = self._found[written] = self._described(written) or written
        return found

    def kind(self, written: str) -> str:
        return self.kinds.get(self.name(written), "other")

    def _described(self, written: str) -> str | None:
        """The one organisation whose name ends in a description ("the transit authority")."""
        key = plain_key(written)
        if not written[:1].islower() and not written.lower().startswith("the "):
            return None
        found = {
            shown
            for form, shown in self.names.items()
            if self.kinds.get(shown) == "organization"
            and len(key) >= 2
            and plain_key(form)[-len(key) :] == key
        }
        return found.pop() if len(found) == 1 else None


def cast_of(actors: Iterable[Actor]) -> Cast:
    """Unify the actors of every article of a storyline."""
    groups: dict[tuple[str, ...], _Group] = defaultdict(_Group)
    person: set[tuple[str, ...]] = set()
    for actor in actors:
        key = person_key(actor.name) if actor.kind == "person" else plain_key(actor.name)
        if not key:
            continue
        groups[key].add(actor.name, actor.kind, actor.mentions)
        if actor.kind == "person":
            person.add(key)
    target = _targets(groups, person)
    merged: dict[tuple[str, ...], _Group] = defaultdict(_Group)
    for key, group in groups.items():
        into = merged[target.get(key, key)]
        # a surname in capitals that joined a person is that person, not an acronym
        tag = key in target and _in_capitals(group)
        for form, n in group.forms.items():
            into.forms[form] = into.forms.get(form, 0) + n
        for kind, n in group.kinds.items():
            kind = "person" if tag else kind
            into.kinds[kind] = into.kinds.get(kind, 0) + n
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for key, group in merged.items():
        shown = _shown_form(key, group)
        kinds[shown] = _kind(group)
        for form in group.forms:
            names[form] = shown
    return Cast(names=names, kinds=kinds)


def _targets(
    groups: dict[tuple[str, ...], _Group], person: set[tuple[str, ...]]
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Which key each key joins: a longer form of a person's full name joins the full name
    ("french president francois hollande" -> "francois hollande"), a surname alone joins the
    one person who has it."""
    full = [k for k in person if len(k) >= 2]
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in groups:
        if len(key) >= 3:
            shorter = [k for k in full if len(k) < len(key) and key[-len(k) :] == k]
            if shorter:
                target[key] = max(shorter, key=lambda k: (sum(groups[k].forms.values()), k))
        elif len(key) == 1 and (_may_be_person(groups[key]) or _in_capitals(groups[key])):
            owners = {k for k in full if k[-1] == key[0] and k not in target}
            if len(owners) == 1:
                target[key] = owners.pop()
    # A form that joined a longer form which itself joins another goes all the way.
    for key, into in list(target.items()):
        seen = {key}
        while into in target and into not in seen:
            seen.add(into)
            into = target[into]
        target[key] = into
    return target


def _in_capitals(group: _Group) -> bool:
    """A surname written in capitals, as a transcript tags its speaker ("WALT: Well, it
    concluded …"), read as a body's acronym: it joins the one person of that surname too."""
    return all(form.isupper() and len(form) >= 3 for form in group.forms)


def _may_be_person(group: _Group) -> bool:
    return group.kinds.get("person", 0) + group.kinds.get("other", 0) >= max(
        group.kinds.get("organization", 0), group.kinds.get("country", 0)
    ) and ("person" in group.kinds or "other" in group.kinds)


def _shown_form(key: tuple[str, ...], group: _Group) -> str:
    """The form most mentioned among those that are the name itself (no title), accents kept
    on a tie ("François Hollande" over "Francois Hollande")."""
    bare = [f for f in group.forms if tuple(_tokens(f)) == key]
    forms = bare or list(group.forms)
    return max(
        forms,
        key=lambda f: (group.forms[f], sum(ord(c) > 127 for c in f), f[:1].isupper(), len(f)),
    )


def _kind(group: _Group) -> str:
    named = {k: n for k, n in group.kinds.items() if k != "other"}
    if not named:
        return "other"
    return max(named, key=lambda k: (named[k], k))
