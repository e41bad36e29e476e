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
            if not owners and len(key[0]) >= _LONG_SURNAME:
                # "Schacham" beside "Ofer Shacham": a surname one letter off one outlet's spelling
                owners = {k for k in full if _one_apart(k[-1], key[0]) and k not in target}
            if len(owners) == 1:
                target[key] = owners.pop()
    target.update(_same_body(groups, person, target))
    target.update(_same_person(groups, person, target))
    # A form that joined a longer form which itself joins another goes all the way.
    for key, into in list(target.items()):
        seen = {key}
        while into in target and into not in seen:
            seen.add(into)
            into = target[into]
        target[key] = into
    return target


_LONG_SURNAME = 6  # letters: a surname one letter off a longer one ("Shacham") is a misspelling

# The words a company's name may end with that do not make it another company.
_SUFFIXES = frozenset("inc ltd corp co plc llc limited".split())
_SMALL = frozenset("of the and for on in".split())


def _mentions(groups: dict[tuple[str, ...], _Group], key: tuple[str, ...]) -> int:
    return sum(groups[key].forms.values())


def _same_body(
    groups: dict[tuple[str, ...], _Group],
    person: set[tuple[str, ...]],
    taken: dict[tuple[str, ...], tuple[str, ...]],
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """A body under two names: its name with and without a company suffix ("Broadcom Ltd.",
    "Broadcom"), and its acronym in capitals beside its full name ("RAIB", "Rail Accident
    Investigation Branch"), the one body of the storyline whose initials it is."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    bodies = [k for k in groups if k not in taken and _may_be_body(groups[k], k in person)]
    by_base: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key in bodies:
        base = key[:-1] if len(key) > 1 and key[-1] in _SUFFIXES else key
        by_base[base].append(key)
    for keys in by_base.values():
        best = max(keys, key=lambda k: (_mentions(groups, k), len(k) == 1, k))
        out.update({k: best for k in keys if k != best})
    for key in bodies:
        forms = groups[key].forms
        if len(key) != 1 or not all(f.isupper() and 2 <= len(f) <= 6 for f in forms):
            continue
        owners = {
            k
            for k in bodies
            if len(k) > 1 and "".join(w[0] for w in k if w not in _SMALL) == key[0]
        }
        if len(owners) == 1:
            out[key] = out.get(owner := owners.pop(), owner)
    return out


def _may_be_body(group: _Group, person: bool) -> bool:
    """Read as an organisation or a country at least once (one article may take "Broadcom"
    for a person's name)."""
    return not person or group.kinds.get("organization", 0) + group.kinds.get("country", 0) > 0


def _same_person(
    groups: dict[tuple[str, ...], _Group],
    person: set[tuple[str, ...]],
    taken: dict[tuple[str, ...], tuple[str, ...]],
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """One person under two spellings of a full name: the given name run together or
    hyphenated ("Kim Jong Un", "Kim Jong-un"), or one letter apart in one of two words with the
    other the same ("Manual Valls" beside "Manuel Valls"); and a family name written first
    alone ("Kim") for the one person whose given name follows it in two parts."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    full = sorted((k for k in person if len(k) >= 2 and k not in taken), key=lambda k: (
        -_mentions(groups, k), k))  # fmt: skip
    for i, key in enumerate(full):
        for other in full[:i]:
            if _spelt_alike(key, other):
                out[key] = out.get(other, other)
                break
    for key in groups:
        if len(key) != 1 or key in taken or not _may_be_person(groups[key]):
            continue
        if any(k[-1] == key[0] for k in full):
            continue  # a surname: joined (or not) by the rule for surnames
        owners = {out.get(k, k) for k in full if k[0] == key[0] and _given_in_parts(k)}
        if len(owners) == 1:
            out[key] = owners.pop()
    return out


def _given_in_parts(key: tuple[str, ...]) -> bool:
    return len(key) >= 3 or "-" in key[-1]


def _spelt_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if (a[0], "".join(a[1:]).replace("-", "")) == (b[0], "".join(b[1:]).replace("-", "")):
        return True
    if _cut_at_hyphen(a, b) or _cut_at_hyphen(b, a):
        return True
    if len(a) != 2 or len(b) != 2:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and min(map(len, differ[0])) >= 5 and _one_apart(*differ[0])


def _cut_at_hyphen(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """A hyphenated given name cut at its hyphen ("Moon Jae" for "Moon Jae-in")."""
    return len(a) == len(b) == 2 and a[0] == b[0] and "-" in b[1] and b[1].split("-")[0] == a[1]


def _one_apart(x: str, y: str) -> bool:
    """One letter changed, added or dropped."""
    if len(x) > len(y):
        x, y = y, x
    if len(y) - len(x) > 1:
        return False
    i = next((n for n, (c, d) in enumerate(zip(x, y, strict=False)) if c != d), len(x))
    return x[i + (len(x) == len(y)) :] == y[i + 1 :]


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
