"""Words, sentences and fingerprints: the small text tools the grouper and the briefing share."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

# Function words and the vocabulary every news story uses; they say nothing about a subject.
STOPWORDS = frozenset(
    """
a about above according across after afterwards again against ago ahead all almost alone along
already also although always am among amongst an and another any anyone anything anyway
are around as at back be became because become becomes been before behind being below beside
besides between beyond both but by can cannot could did do does doing done down due during
each either else elsewhere enough even ever every everyone everything except few first for
former formerly from further get gets getting give given go going gone got had has have having
he her here hers herself him himself his how however i if in including indeed instead into is
it its itself just last least less like likely made make makes many may me meanwhile might
more moreover most mostly much must my myself near nearly neither never nevertheless new next
no nobody none nor not nothing now nowhere of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps please put quite rather really said same
say says see seem seemed seems several she should since so some someone something sometimes
somewhere still such than that the their theirs them themselves then there thereby therefore
these they this those though through throughout thus to together too toward towards under
until up upon us very via was we well were what whatever when whenever where whereas whether
which while who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves told tells telling asked added noted stated statement spokesman spokeswoman
spokesperson week weeks month months year years day days today yesterday tomorrow monday tuesday
wednesday thursday friday saturday sunday january february march april june july august
september october november december time times mr mrs ms dr people official officials
report reports reported reporting reporter reporters news press percent per cent two three four
five six seven eight nine ten hundred thousand million billion way part later earlier early
late end set take taken took want wants wanted use used using including include includes
""".split()
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def words(text: str) -> list[str]:
    """The words of `text` as written (letters, inner hyphens and apostrophes)."""
    return _WORD.findall(text)


def stem(word: str) -> str:
    """A light English stemmer: enough to make 'strikes'/'strike', 'talks'/'talk' one term."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4:
        if w.endswith("ies") and len(w) > 5:
            return w[:-3] + "y"
        if w.endswith("sses"):
            return w[:-2]
        if w.endswith("s") and not w.endswith(("ss", "us", "is")):
            return w[:-1]
    return w


def content_terms(text: str) -> list[str]:
    """Stemmed words that can carry a subject: no stopwords, no single letters."""
    out = []
    for word in words(text):
        low = word.lower()
        if len(low) < 3 or low in STOPWORDS:
            continue
        term = stem(low)
        if term not in STOPWORDS:
            out.append(term)
    return out


_RUN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|[.,;:!?()\"“”]")


# token as written -> its term, or "" for a stopword or punctuation (a bounded cache).
_TERM_OF: dict[str, str] = {}
_TERM_CACHE_SIZE = 200_000


def _term(token: str) -> str:
    low = token.lower()
    term = ""
    if token[0].isalpha() and len(low) >= 3 and low not in STOPWORDS:
        term = stem(low)
        if term in STOPWORDS:
            term = ""
    if len(_TERM_OF) >= _TERM_CACHE_SIZE:
        _TERM_OF.clear()
    _TERM_OF[token] = term
    return term


def content_runs(text: str) -> list[list[str]]:
    """Runs of adjacent content terms (stemmed), broken by stopwords and punctuation."""
    runs: list[list[str]] = []
    run: list[str] = []
    cache = _TERM_OF
    for token in _RUN_TOKEN.findall(text):
        term = cache.get(token)
        if term is None:
            term = _term(token)
        if term:
            run.append(term)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, paragraph breaks included."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in _SENTENCE_END.finditer(para.group()):
            end = para.start() + m.start()
            if text[start:end].strip():
                spans.append(_strip_span(text, start, end))
            start = para.start() + m.end()
        if text[start : para.end()].strip():
            spans.append(_strip_span(text, start, para.end()))
    return spans


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds the span (start, end), or the span itself."""
    for s, e in sentences(text):
        if s <= start < e:
            return s, max(e, min(end, len(text)))
    return start, end


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def simhash(tokens: Iterable[str]) -> int:
    """A 64-bit fingerprint: texts that share most of their word triples differ in few bits."""
    cache = _WORD_HASH
    hashes = []
    for token in tokens:
        h = cache.get(token)
        if h is None:
            h = zlib.crc32(token.lower().encode())
            if len(cache) >= _TERM_CACHE_SIZE:
                cache.clear()
            cache[token] = h
        hashes.append(h)
    hashes = hashes[:20_000]  # the lanes below hold counts < 65,536
    if len(hashes) < 3:
        hashes = hashes + [0] * (3 - len(hashes))
    # Count, for each of the 64 bits, how many word-triple hashes have it set, by adding
    # the hashes spread out into 64 lanes of 16 bits of one big integer (a lane per bit).
    # Only about a quarter of the triples, chosen by their hash, take part once a text is
    # long enough: copies of one text choose the same ones, and it is four times faster.
    sample = len(hashes) > 40
    spread = _spread16()
    # One accumulator per 16 bits of the hash: small integers add faster than one wide one.
    t0 = t1 = t2 = t3 = 0
    used = 0
    for a, b, c in zip(hashes, hashes[1:], hashes[2:], strict=False):
        h = a ^ (b << 11) ^ (c << 22)
        if sample and (h ^ h >> 13) & 3:
            continue
        used += 1
        h = (h * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        h ^= h >> 31
        h = (h * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        h ^= h >> 29
        t0 += spread[h & 0xFFFF]
        t1 += spread[h >> 16 & 0xFFFF]
        t2 += spread[h >> 32 & 0xFFFF]
        t3 += spread[h >> 48]
    total = t0 | t1 << _SHIFT_16 | t2 << _SHIFT_32 | t3 << _SHIFT_48
    half = used / 2
    value = 0
    for bit in range(64):
        if (total >> (bit * _LANE) & _LANE_MASK) > half:
            value |= 1 << bit
    return value


_WORD_HASH: dict[str, int] = {}
_LANE = 16
_LANE_MASK = (1 << _LANE) - 1
_SHIFT_16, _SHIFT_32, _SHIFT_48 = 16 * _LANE, 32 * _LANE, 48 * _LANE
# _SPREAD[b] puts bit i of the byte b into lane i; _spread16() does it for 16 bits.
_SPREAD = [sum(1 << (i * _LANE) for i in range(8) if b >> i & 1) for b in range(256)]
_SPREAD_16: list[int] = []


def _spread16() -> list[int]:
    if not _SPREAD_16:
        high = 8 * _LANE
        _SPREAD_16.extend(_SPREAD[v & 0xFF] | _SPREAD[v >> 8] << high for v in range(1 << 16))
    return _SPREAD_16


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()
