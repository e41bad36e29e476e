"""Tokens, quotations and sentences with character offsets into the original text."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from briefing.understand._lexicon import (
    ABBREVIATIONS,
    AFTER_CUE_ADJUNCT_OPENERS,
    AUX_SKIP,
    DETERMINERS,
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


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    quote: bool = False  # a whole quotation, marks included

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return not self.quote and self.text[:1].isupper()


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


_MARKS = re.compile(
    r"(?<![\w'])''(?!')|[\"\u201c\u201d\u00ab\u00bb\u201e\u201f]|(?<=\w)''(?![\w'])"
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


def quotations(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of quotations, marks included; a quote left open at a paragraph's end runs on
    into the next paragraph when that one opens with a quote mark (the newspaper convention)."""
    spans: list[tuple[int, int]] = []
    carry: int | None = None  # start of a quotation continuing from an earlier paragraph
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        straight = False
        first = True
        for m in _MARKS.finditer(text, ps, pe):
            i = m.start()
            ch = m.group()
            width = len(ch)
            if width == 2:
                ch = STRAIGHT  # '' -- two apostrophes standing for a double quote (NYT style)
            if open_at is None:
                if ch in OPENERS or (ch == STRAIGHT and _opens(text, i, width)):
                    lead_ws = not text[ps:i].strip()
                    open_at = carry if (carry is not None and first and lead_ws) else i
                    straight = ch == STRAIGHT
                elif (
                    ch == "\u201d"
                    and (i == ps or text[i - 1].isspace())
                    and (i + 1 < len(text) and not text[i + 1].isspace())
                ):
                    # a quotation opened with the closing mark
                    lead_ws = not text[ps:i].strip()
                    open_at = carry if (carry is not None and first and lead_ws) else i
                    straight = False
                first = False
                carry = None if open_at != carry else carry
                continue
            closes = (
                # a straight mark may be closed by a curly one: '"We will stay,” she said'
                (ch == STRAIGHT or (ch == "\u201d" and width == 1))
                if straight
                else ch in CLOSERS
                or ch == "\u201c"
                and (i + 1 >= len(text) or not text[i + 1].isalnum())
            )
            if ch == STRAIGHT and not straight and not _opens(text, i, width):
                closes = True
            if closes:
                spans.append((open_at, i + width))
                open_at = None
                carry = None
        if open_at is not None:
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            if nxt is not None and (text[nxt] in QUOTE_MARKS or text.startswith("''", nxt)):
                carry = open_at
            else:
                spans.append((open_at, pe))
                carry = None
        elif carry is not None:
            carry = None
    if carry is not None:
        spans.append((carry, paras[-1][1]))
    spans = [s for s in spans if s[1] - s[0] > 2]
    return sorted(spans + _single_quotations(text, paras, spans))


_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014]))\u2018(?=\S)([^\u2018\u2019\n]*?\S)\u2019(?![A-Za-z])"
)


def _single_quotations(
    text: str, paras: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """British style: \u2018…\u2019 quotations in paragraphs that use no double marks."""
    out = []
    for ps, pe in paras:
        if any(qs < pe and ps < qe for qs, qe in taken):
            continue
        for m in _SINGLE.finditer(text, ps, pe):
            if len(m.group(1).split()) >= 3:
                out.append((m.start(), m.end()))
    return out


def tokens(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Token]:
    """Tokens of text[start:end]; each quotation inside becomes one token."""
    out: list[Token] = []
    pos = start
    first = bisect_left(quotes, (start, -1))
    if first > 0 and quotes[first - 1][1] > start:
        first -= 1
    for qs, qe in quotes[first:]:
        if qs >= end:
            break
        if qe <= start:
            continue
        qs, qe = max(qs, start), min(qe, end)
        if qs > pos:
            out.extend(
                Token(m.group(), pos + m.start(), pos + m.end())
                for m in _WORD.finditer(text[pos:qs])
            )
        out.append(Token(text[qs:qe], qs, qe, quote=True))
        pos = qe
    if pos < end:
        out.extend(
            Token(m.group(), pos + m.start(), pos + m.end()) for m in _WORD.finditer(text[pos:end])
        )
    return out


def _ends_sentence(tok: Token, nxt: Token | None) -> bool:
    if tok.quote:
        inner = tok.text.rstrip(QUOTE_MARKS + " ")
        if not inner or inner[-1] not in ".!?\u2026":
            return False
        return nxt is not None and (nxt.is_cap or nxt.quote)
    if tok.text in ("!", "?", "\u2026", "..."):
        return nxt is None or nxt.is_cap or nxt.quote
    if tok.text != ".":
        return False
    return nxt is None or nxt.is_cap or nxt.quote or nxt.text[:1].isdigit()


def _speaker_follows(toks: list[Token], k: int) -> bool:
    """ "…?" Trump said, … : a short speaker phrase and a cue right after a quotation."""
    for m in range(k, min(len(toks), k + 8)):
        t = toks[m]
        if t.quote:
            return False
        if t.lower in SPEECH_CUES and not t.is_cap:
            after = toks[m + 1] if m + 1 < len(toks) else None
            if after is not None and after.text in (",", ":") and m + 2 < len(toks):
                if toks[m + 2].quote:
                    return False  # "He added, "…"": a new sentence of its own
            return (
                after is None
                or after.text in (".", ",", "!", "?")
                or (
                    after.lower in AFTER_CUE_ADJUNCT_OPENERS
                    and not any(x.lower == "that" or x.text == ":" for x in toks[m + 1 : m + 10])
                )
            )
        if not (
            t.is_cap
            or t.lower in DETERMINERS
            or t.lower in AUX_SKIP
            or t.text in (",", ".")
            or t.lower in ROLE_WORDS
            or t.lower in TITLE_WORDS
        ):
            return False
    return False


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences that never break inside a quotation."""
    paras = paragraphs(text)
    quotes = quotations(text, paras)
    # Paragraphs glued by a multi-paragraph quotation are tokenised as one block.
    blocks: list[tuple[int, int, int]] = []
    qi = 0
    for pi, (ps, pe) in enumerate(paras):
        while qi < len(quotes) and quotes[qi][1] <= ps:
            qi += 1
        if blocks and any(qs < ps < qe for qs, qe in quotes[max(0, qi - 1) : qi + 1]):
            blocks[-1] = (blocks[-1][0], pe, blocks[-1][2])
        else:
            blocks.append((ps, pe, pi))
    out: list[Sentence] = []
    for bi, (bs, be, _pi) in enumerate(blocks):
        toks = tokens(text, bs, be, quotes)
        cur: list[Token] = []
        first = True
        for i, tok in enumerate(toks):
            cur.append(tok)
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                tok.text == "."
                and i > 0
                and not toks[i - 1].quote
                and toks[i - 1].end == tok.start
                and toks[i - 1].lower in ABBREVIATIONS
                and nxt is not None
                and (toks[i - 1].lower != "no" or nxt.text[:1].isdigit())
            ):
                continue  # "Gov. Pence" stays whole
            if _ends_sentence(tok, nxt) and not (tok.quote and _speaker_follows(toks, i + 1)):
                out.append(Sentence(cur[0].start, cur[-1].end, cur, bi, first))
                first = False
                cur = []
        if cur:
            out.append(Sentence(cur[0].start, cur[-1].end, cur, bi, first))
    return out
