"""What the registry holds: a name as written in the text (Mention) and whom it stands for
(Entity)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.understand._text import Token

_POSS = re.compile(r"['\u2019]s?$")


def strip_poss(word: str) -> str:
    """The word without a possessive ending: "Merz's" -> "Merz"."""
    return _POSS.sub("", word) if len(word) > 2 else word


def is_name_word(tok: Token) -> bool:
    """A capitalised word outside a quotation, with at least one letter."""
    if not tok.is_cap:
        return False
    t = tok.text
    return t[0].isalpha() or any(c.isalpha() for c in t)


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
    setting: bool = False  # "in the United States": a location if its own name, not an alias
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
