"""WordStarts: the date and red-line patterns tried only where a word starts must find exactly
what a scan of the whole text finds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pytest

from briefing.understand import _events, _redlines
from briefing.understand._names import _capitalised_inside
from briefing.understand._text import WordStarts, _openings, holds_word

TEXTS = [
    "Two days ago the council met; a week later, on Monday 3 March 2025, it voted again.",
    "A few days after the vote, officials said they would not accept any deal unless the "
    "border reopened. They must act now, she insisted, and had to wait until Friday.",
    "The ministry rejected the offer. It vowed to hold out; the unions should keep talking.",
    "\u201cWe will never sign,\u201d she said yesterday. In 9 days\u2019 time, the talks resume.",
    # letters a case-blind pattern matches beyond ASCII: the Kelvin sign, the long s, accents
    "Sin\u017fe \u212aelvin r\u00e9fused, \u017fhould \u0130stanbul a\u0121o;"
    " \u0661\u0662 days ago.",
    "a",
    "",
    "ago ago ago",
    "x-ray a-ago 12th of June, June 12 2024, mid-July.",
]

PATTERNS = [
    re.compile(r"\b(a|an|one|two|\d+) (day|week)s? ago\b", re.I),
    re.compile(r"\b(?:[Ii]n|[Mm]id-?)\s*(June|July)\b"),
    re.compile(r"(?=[ms])(?:(?-i:\b[Mm]ust\b)|\bshould\b)", re.I),
    re.compile(r"(?<!\bnot )\b(?:reject|refus)\w*", re.I),
    re.compile(r"\b\w?a"),  # may open with one character only
    re.compile(r"ago"),  # opens anywhere: scanned whole
    re.compile(r"\b[^\W\d]+\b"),  # a negated class: scanned whole
    re.compile(r"\bkel", re.I),  # the Kelvin sign is a case-blind k
    re.compile(r"\bsho", re.I),  # the long s is a case-blind s
    re.compile(r"\b\d+ days?\b"),  # digits of other scripts are digits too
]


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[Any, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_a_whole_scan(text: str) -> None:
    words = WordStarts(text)
    patterns = [p for _, p in _events._PATTERNS] + [p for _, p in _redlines._TRIGGERS]
    for pattern in [*PATTERNS, *patterns]:
        assert _spans(words.finditer(pattern)) == _spans(pattern.finditer(text)), pattern.pattern


def test_word_initial_patterns_are_indexed() -> None:
    assert _openings(PATTERNS[0]) is not None
    assert _openings(PATTERNS[5]) is None  # no word boundary: the whole text is scanned
    assert _openings(PATTERNS[7]) is not None  # "\u212aelvin" found all the same
    assert [m.group() for m in WordStarts(TEXTS[4]).finditer(PATTERNS[7])] == ["\u212ael"]
    assert [m.group() for m in WordStarts(TEXTS[4]).finditer(PATTERNS[8])] == ["\u017fho"]
    indexed = [p for _, p in _events._PATTERNS if _openings(p) is not None]
    assert len(indexed) >= len(_events._PATTERNS) // 2


def test_every_trigger_and_date_pattern_is_indexed() -> None:
    # one pattern scanned whole costs more than all the others tried at word starts
    patterns = [p for _, p in _events._PATTERNS] + [p for _, p in _redlines._TRIGGERS]
    assert [p.pattern[:40] for p in patterns if _openings(p) is None] == []


WORDS = ["ago", "a", "", "Kelvin", "\u212aelvin", "'s", "mid-", "sho", "12", ".", "days ago"]


@pytest.mark.parametrize("text", TEXTS)
def test_holds_word_finds_what_a_bounded_pattern_finds(text: str) -> None:
    for word in WORDS + text.split()[:8]:
        expected = re.search(rf"\b{re.escape(word)}\b", text) is not None
        assert holds_word(text, word) is expected, word
        inside = re.search(rf"[a-z,;] {re.escape(word)}\b", text) is not None
        assert _capitalised_inside(text, word) is inside, word
