"""Tokens, quotations and sentences with character offsets into the original text."""

from __future__ import annotations

import re
import re._constants as _sre  # the parsed form of a pattern, read by _openings
import re._parser as _sre_parse
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import Any

from briefing.understand._lexicon import (
    ABBREVIATIONS,
    AFTER_CUE_ADJUNCT_OPENERS,
    AUX_SKIP,
    DETERMINERS,
    FUNCTION_CAPS,
    ROLE_WORDS,
    SPEECH_CUES,
    TITLE_WORDS,
)

OPENERS = "\u201c\u00ab\u201e\u201f"
CLOSERS = "\u201d\u00bb"
STRAIGHT = '"'
QUOTE_MARKS = OPENERS + CLOSERS + STRAIGHT

_WORD = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C.
    r"|[$€£]?\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th)?"
    r"|\w+(?:[-'\u2019.&]\w+)*(?:['\u2019]s?)?"
    r"|\u2014|\u2013|--|\.\.\.|\u2026|[^\w\s]",
    re.UNICODE,
)


@dataclass(slots=True, init=False)
class Token:
    text: str
    start: int
    end: int
    quote: bool = False  # a whole quotation, marks included
    # read by nearly every rule, so made once rather than on each look (a third of a
    # million look-ups over PolNeAR dev)
    lower: str = field(init=False)
    is_cap: bool = field(init=False)  # a capitalised word outside a quotation

    def __init__(self, text: str, start: int, end: int, quote: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.quote = quote
        self.lower = text.lower()
        self.is_cap = not quote and text[:1].isupper()


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    para: int  # paragraph index
    para_start: bool  # first sentence of its paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Line-delimited blocks (any newline ends a paragraph), blank ones dropped."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


# the marks; two apostrophes stand for a double quote where no word-apostrophe stands before
# them ("''Yes,''"), or after a word where none follows. Each alternative opens with its mark
# (the look-behind placed after it), which lets the regex engine skip to the marks at once.
_MARKS = re.compile(
    r"[\"\u201c\u201d\u00ab\u00bb\u201e\u201f]|'(?:(?<![\w']')'(?!')|(?<=\w')'(?![\w']))"
)


def _opens(text: str, i: int, width: int = 1) -> bool:
    """Whether a straight double quote at i opens rather than closes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{\u2014\u2013-/:":
        return True
    if after.isspace() or after in ".,;:!?)":
        return False
    return not before.isalnum()


@dataclass(frozen=True, slots=True)
class _OpenQuotation:
    start: int
    straight: bool  # opened with a straight mark, which a straight or a curly mark closes


def quotations(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of quotations, marks included; a quote left open at a paragraph's end runs on
    into the next paragraph when that one opens with a quote mark (the newspaper convention)."""
    spans: list[tuple[int, int]] = []
    carried: int | None = None  # start of a quotation continuing from the paragraph before
    for index, (para_start, para_end) in enumerate(paras):
        closed, still_open = _paragraph_quotations(text, para_start, para_end, carried)
        spans.extend(closed)
        carried = None
        if still_open is not None and _continues_quotation(text, paras, index):
            carried = still_open
        elif still_open is not None:
            spans.append((still_open, para_end))
    spans = [s for s in spans if s[1] - s[0] > 2]
    return sorted(spans + _single_quotations(text, paras, spans))


def _paragraph_quotations(
    text: str, para_start: int, para_end: int, carried: int | None
) -> tuple[list[tuple[int, int]], int | None]:
    """The quotations closed within a paragraph, and the start of one left open at its end.
    A quotation carried from the paragraph before resumes at this one's first mark."""
    closed: list[tuple[int, int]] = []
    quotation: _OpenQuotation | None = None
    for number, mark in enumerate(_MARKS.finditer(text, para_start, para_end)):
        at, width = mark.start(), len(mark.group())
        # '' -- two apostrophes standing for a double quote (NYT style)
        char = STRAIGHT if width == 2 else mark.group()
        if quotation is None:
            leading = number == 0 and not text[para_start:at].strip()
            resumed = carried if leading else None
            quotation = _opening(text, at, width, char, resumed, para_start=para_start)
        elif _closes(text, at, width, char, straight=quotation.straight):
            closed.append((quotation.start, at + width))
            quotation = None
    return closed, quotation.start if quotation is not None else None


def _opening(
    text: str, at: int, width: int, char: str, resumed: int | None, *, para_start: int
) -> _OpenQuotation | None:
    """The quotation a mark opens (from `resumed` when it continues one), or None."""
    start = resumed if resumed is not None else at
    if char in OPENERS or (char == STRAIGHT and _opens(text, at, width)):
        return _OpenQuotation(start, straight=char == STRAIGHT)
    space_before = at == para_start or text[at - 1].isspace()
    word_after = at + 1 < len(text) and not text[at + 1].isspace()
    if char == "\u201d" and space_before and word_after:
        return _OpenQuotation(start, straight=False)  # a quotation opened with the closing mark
    return None


def _closes(text: str, at: int, width: int, char: str, *, straight: bool) -> bool:
    """Whether a mark closes the open quotation."""
    if straight:
        # a straight mark may be closed by a curly one: '"We will stay,” she said'
        return char in (STRAIGHT, "\u201d")
    if char == STRAIGHT:
        return not _opens(text, at, width)
    return char in CLOSERS or (
        char == "\u201c" and (at + 1 >= len(text) or not text[at + 1].isalnum())
    )


def _continues_quotation(text: str, paras: list[tuple[int, int]], index: int) -> bool:
    """Whether the paragraph after paras[index] opens with a quote mark."""
    if index + 1 >= len(paras):
        return False
    start = paras[index + 1][0]
    return text[start] in QUOTE_MARKS or text.startswith("''", start)


# (the look-behind after the opening mark, for the speed said of _MARKS)
_SINGLE = re.compile(
    r"\u2018(?:(?<=^\u2018)|(?<=[\s(\[\u2014]\u2018))(?=\S)([^\u2018\u2019\n]*?\S)\u2019(?![A-Za-z])"
)


# The same in straight marks ('We will stay,' she said), where the mark is also the apostrophe
# ("Memphis's", "players' bags", "'90s"): a quotation opens on a capital after a space and
# closes on the first mark after a sentence's punctuation, before a space or the line's end.
_STRAIGHT_SINGLE = re.compile(r"'(?:(?<=^')|(?<=[\s(\[\u2014]'))(?=[A-Z])([^\n]*?[.,!?])'(?=\s|$)")


def opens_single_quotation(said: str) -> bool:
    """Whether words open with a single quotation mark: \u2018, or a straight one before a
    capital ('We will stay'); two apostrophes standing for a double mark ('') do not."""
    return said.startswith("\u2018") or (said[:1] == "'" and said[1:2].isupper())


def _single_quotations(
    text: str, paras: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """British style: \u2018…\u2019 (or '…') quotations in paragraphs that use no double marks."""
    out = []
    for para_start, para_end in paras:
        if any(start < para_end and para_start < end for start, end in taken):
            continue
        found: list[tuple[int, int]] = []
        for pattern in (_STRAIGHT_SINGLE, _SINGLE):  # the outer one first: 'The … ‘tip’ …'
            for q in pattern.finditer(text, para_start, para_end):
                inside = any(s < q.end() and q.start() < e for s, e in found)
                words = len(q.group(1).split())
                if (
                    words >= 3
                    and not inside
                    and not _subheading(q, pattern, (para_start, para_end))
                ):
                    found.append((q.start(), q.end()))
        out.extend(sorted(found))
    return out


def _subheading(q: re.Match[str], pattern: re.Pattern[str], para: tuple[int, int]) -> bool:
    """A short line that is one quotation in straight marks and nothing else: a subheading
    taken from the text ('Coal Is Not the Villain.'), no one's words said there."""
    short = len(q.group(1).split()) < 8
    return pattern is _STRAIGHT_SINGLE and short and q.span() == para


def tokens(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Token]:
    """Tokens of text[start:end]; each quotation inside becomes one token."""
    out: list[Token] = []
    pos = start
    first = bisect_left(quotes, (start, -1))
    if first > 0 and quotes[first - 1][1] > start:
        first -= 1  # a quotation that starts before the block and runs into it
    for quote_start, quote_end in quotes[first:]:
        if quote_start >= end:
            break
        if quote_end <= start:
            continue
        quote_start, quote_end = max(quote_start, start), min(quote_end, end)
        if quote_start > pos:
            out.extend(_words(text, pos, quote_start))
        out.append(Token(text[quote_start:quote_end], quote_start, quote_end, quote=True))
        pos = quote_end
    if pos < end:
        out.extend(_words(text, pos, end))
    return out


def _words(text: str, start: int, end: int) -> list[Token]:
    # matched in place (no pattern looks behind or anchors), no copy of the block made
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _word_char(text: str, i: int) -> bool:
    """Whether text[i] is one of the regex engine's word characters (\\w); False off the text."""
    if 0 <= i < len(text):
        c = text[i]
        return c.isalnum() or c == "_"
    return False


def at_boundary(text: str, i: int) -> bool:
    """Whether a word boundary (\\b) stands before text[i]."""
    return _word_char(text, i - 1) != _word_char(text, i)


def holds_word(text: str, word: str) -> bool:
    """Whether re.search(rf"\\b{re.escape(word)}\\b", text) would find the word: looked for with
    str.find where it occurs, rather than a pattern compiled and run over the whole text
    (which, once per quote, was a tenth of the analyser's time)."""
    if not word:
        return re.search(r"\b", text) is not None
    at = text.find(word)
    while at >= 0:
        if at_boundary(text, at) and at_boundary(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _ends_sentence(tok: Token, nxt: Token | None) -> bool:
    if tok.quote:
        inner = tok.text.rstrip(QUOTE_MARKS + "'\u2019 ")  # single marks close one too
        if not inner or inner[-1] not in ".!?\u2026":
            return False
        return nxt is not None and (nxt.is_cap or nxt.quote)
    if tok.text in ("!", "?", "\u2026", "..."):
        return nxt is None or nxt.is_cap or nxt.quote
    if tok.text != ".":
        return False
    return nxt is None or nxt.is_cap or nxt.quote or nxt.text[:1].isdigit()


def _speaker_follows(toks: list[Token], start: int) -> bool:
    """ "…?" Trump said, … : a short speaker phrase and a cue right after a quotation."""
    for at in range(start, min(len(toks), start + 8)):
        tok = toks[at]
        if tok.quote:
            return False
        if tok.lower in SPEECH_CUES and not tok.is_cap:
            return _cue_closes_statement(toks, at)
        if not _speaker_word(tok):
            return False
    return False


def _speaker_word(tok: Token) -> bool:
    """A word of a short speaker phrase: a name, a title, a role, a determiner, an adverb."""
    word = tok.lower
    return (
        tok.is_cap
        or word in DETERMINERS
        or word in AUX_SKIP
        or tok.text in (",", ".")
        or word in ROLE_WORDS
        or word in TITLE_WORDS
    )


def _cue_closes_statement(toks: list[Token], cue_at: int) -> bool:
    """Whether the cue after a quotation ends it ("…?" Trump said.) rather than opening a
    statement of its own (He added, "…")."""
    after = toks[cue_at + 1] if cue_at + 1 < len(toks) else None
    if after is None:
        return True
    if after.text in (",", ":") and cue_at + 2 < len(toks) and toks[cue_at + 2].quote:
        return False  # 'He added, "…"': a new sentence of its own
    if after.text in (".", ",", "!", "?"):
        return True
    return after.lower in AFTER_CUE_ADJUNCT_OPENERS and not any(
        x.lower == "that" or x.text == ":" for x in toks[cue_at + 1 : cue_at + 10]
    )


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences that never break inside a quotation."""
    paras = paragraphs(text)
    quotes = quotations(text, paras)
    out: list[Sentence] = []
    for block_index, (start, end) in enumerate(_blocks(paras, quotes)):
        out.extend(_block_sentences(tokens(text, start, end, quotes), block_index))
    return out


def _blocks(paras: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs, those glued by a multi-paragraph quotation made one block to tokenise."""
    blocks: list[tuple[int, int]] = []
    quote_at = 0  # the first quotation that does not end before this paragraph
    for para_start, para_end in paras:
        while quote_at < len(quotes) and quotes[quote_at][1] <= para_start:
            quote_at += 1
        nearby = quotes[max(0, quote_at - 1) : quote_at + 1]
        if blocks and any(start < para_start < end for start, end in nearby):
            blocks[-1] = (blocks[-1][0], para_end)
        else:
            blocks.append((para_start, para_end))
    return blocks


# the tokens that may end a sentence (besides a quotation) or be an abbreviation's period
_STOPS = frozenset((".", "!", "?", "\u2026", "..."))


def _block_sentences(toks: list[Token], block_index: int) -> list[Sentence]:
    out: list[Sentence] = []
    current: list[Token] = []
    for at, tok in enumerate(toks):
        current.append(tok)
        if not tok.quote and tok.text not in _STOPS:
            continue  # most words: neither a sentence's end nor an abbreviation's period
        nxt = toks[at + 1] if at + 1 < len(toks) else None
        if _abbreviation_period(toks, at, nxt):
            continue  # "Gov. Pence" stays whole
        if _ends_sentence(tok, nxt) and not (tok.quote and _speaker_follows(toks, at + 1)):
            out.append(Sentence(current[0].start, current[-1].end, current, block_index, not out))
            current = []
    if current:
        out.append(Sentence(current[0].start, current[-1].end, current, block_index, not out))
    return out


def _abbreviation_period(toks: list[Token], at: int, nxt: Token | None) -> bool:
    """The period of an abbreviation ("Gov. Pence", "No. 10") inside a sentence."""
    if toks[at].text != "." or at == 0 or nxt is None:
        return False
    word = toks[at - 1]
    if word.quote or word.end != toks[at].start:
        return False
    if _middle_initial(toks, at, nxt):
        return True
    if word.lower not in ABBREVIATIONS:
        return False
    return word.lower != "no" or nxt.text[:1].isdigit()


def _middle_initial(toks: list[Token], at: int, nxt: Token) -> bool:
    """ "Vann R. Newkirk": a capital letter between two names is an initial, not an end."""
    letter = toks[at - 1].text
    if len(letter) != 1 or not letter.isupper() or at < 2:
        return False
    name = toks[at - 2]
    if not name.is_cap or len(name.text) < 2 or name.lower in FUNCTION_CAPS:
        return False
    return nxt.is_cap and nxt.text.isalpha() and nxt.lower not in FUNCTION_CAPS


# ------------------------------------------------------------------ many patterns over one text
#
# A pattern that starts with \b tries every character of the text, which for the twenty-odd
# date and red-line patterns run over each article costs more than all the rest of reading it.
# Where every match of a pattern starts a word, the words the text holds tell where it could
# start: WordStarts indexes each word by its first two characters and tries the pattern only
# there. The matches are those of Pattern.finditer, the same ones in the same order (a pattern
# whose openings cannot be listed is simply scanned whole).

_KEY = 2  # how many characters of a word index it
_WORD_START = re.compile(r"\b\w.?", re.DOTALL)  # a word's first character and the next
_WORD_CHAR = re.compile(r"\w")
_MAX_OPENINGS = 2000

_Parsed = list[tuple[Any, Any]]


class _Unlisted(Exception):
    """What a pattern's matches open with cannot be listed."""


def _class_chars(items: _Parsed) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            out.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < 64:
            out.update(chr(x) for x in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_DIGIT:
            out.update("0123456789")  # other scripts' digits are no ASCII: always tried
        else:
            raise _Unlisted
    return out


def _then(openings: set[str], chars: set[str]) -> set[str]:
    out = {o for o in openings if len(o) >= _KEY}
    out |= {o + c.lower() for o in openings if len(o) < _KEY for c in chars}
    if len(out) > _MAX_OPENINGS:
        raise _Unlisted
    return out


def _repeated(openings: set[str], low: int, high: int, item: _Parsed) -> set[str]:
    out: set[str] = set()
    current = openings
    for times in range(_KEY + 1):
        if times >= low:
            out |= current
        if times == high:
            return out
        current = _extend(current, item)
    return out | current if low > _KEY else out


def _extend(openings: set[str], items: _Parsed) -> set[str]:
    """The openings (lower-cased, at most _KEY characters) once `items` have matched on."""
    for op, av in items:
        if all(len(o) >= _KEY for o in openings):
            break
        if op is _sre.AT or op in (_sre.ASSERT, _sre.ASSERT_NOT):
            continue  # zero width: passing over it can only admit more
        if op is _sre.LITERAL:
            openings = _then(openings, {chr(av)})
        elif op is _sre.IN:
            openings = _then(openings, _class_chars(list(av)))
        elif op is _sre.SUBPATTERN:
            openings = _extend(openings, list(av[3].data))
        elif op is _sre.BRANCH:
            openings = set().union(*(_extend(openings, list(alt.data)) for alt in av[1]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            openings = _repeated(openings, av[0], av[1], list(av[2].data))
        else:
            raise _Unlisted
    return openings


def _at_boundary(items: _Parsed) -> bool:
    """Whether every match starts with a word boundary, before any character."""
    for op, av in items:
        if op is _sre.AT:
            return av is _sre.AT_BOUNDARY
        if op is _sre.SUBPATTERN:
            return _at_boundary(list(av[3].data))
        if op is _sre.BRANCH:
            return all(_at_boundary(list(alt.data)) for alt in av[1])
        if op not in (_sre.ASSERT, _sre.ASSERT_NOT):
            return False
    return False


@lru_cache(maxsize=256)
def _openings(pattern: re.Pattern[str]) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """The first _KEY characters, lower-cased, of every match (and the shorter whole matches)
    when every match starts a word; None when that cannot be told."""
    if pattern.flags & re.ASCII:
        return None
    items = list(_sre_parse.parse(pattern.pattern, pattern.flags).data)
    if not _at_boundary(items):
        return None
    try:
        openings = _extend({""}, items)
    except _Unlisted:
        return None
    if not openings or any(not (o.isascii() and _WORD_CHAR.match(o[:1])) for o in openings):
        return None  # (ASCII only: a case-blind "k" is also the Kelvin sign, "s" the long s)
    whole = frozenset(o for o in openings if len(o) >= _KEY)
    return whole, tuple(o for o in openings if len(o) < _KEY)


class WordStarts:
    """Where the words of a text start, by their first two characters (lower-cased)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[str, list[int]] = {}
        self._odd: list[str] = []  # keys not all ASCII (kept as written): every pattern tries them
        for m in _WORD_START.finditer(text):
            key = m.group()
            key = key.lower() if key.isascii() else key
            at = self._at.get(key)
            if at is None:
                at = self._at[key] = []
                if not key.isascii():
                    self._odd.append(key)
            at.append(m.start())

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of pattern.finditer(text), tried only where a word could open one."""
        openings = _openings(pattern)
        if openings is None:
            yield from pattern.finditer(self.text)
            return
        whole, short = openings
        keys = {k for k in whole if k in self._at}
        if short:
            keys.update(k for k in self._at if k.startswith(short))
        keys.update(self._odd)
        # every word start under one key only: sorting the lists joined is their merge, made
        # in C rather than by heapq.merge's generator
        starts = list(chain.from_iterable(self._at[k] for k in keys))
        starts.sort()
        match, text = pattern.match, self.text
        end = 0
        for at in starts:
            if at < end:
                continue
            m = match(text, at)
            if m is not None:
                yield m
                end = max(m.end(), at + 1)


@lru_cache(maxsize=2)
def word_starts(text: str) -> WordStarts:
    """The index of a text's words, made once for all the patterns run over it."""
    return WordStarts(text)
