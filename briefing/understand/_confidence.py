"""How likely each record is right: a confidence in [0, 1] from features that predict it.

Every factor below is a named feature of the record that, measured on real news (the
news-cluster-dev gold extracts, PolNeAR dev) and on the demo gold, separates records the scorer
counts as right from those it does not. A record's confidence is the product of its factors:
each factor is 1.0 when the feature speaks for the record and smaller the more often records
with that feature were wrong. The reader shows records at or above `CONFIDENT` first (a later
step hides the others and marks them uncertain); the analyser itself drops nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from briefing.understand._lexicon import (
    AUXILIARY_VERBS,
    CONFIDENCE_IRREGULAR_PAST,
    FRAGMENT_OPENERS,
    NOT_BEFORE_PAST,
    PRONOUNS_ALL,
    SPEECH_CUES,
    WEAK_CUES,
    WEEKDAYS,
)
from briefing.understand.records import Analysis, Event, Quote, RedLine

CONFIDENT = 0.5
"""The default threshold: records below it are the doubtful ones."""

DateMark = tuple[int, int, str]  # (start, end, YYYY-MM-DD or YYYY-MM) of a date expression

ATTRIBUTION_WORDS = 12  # at most this many words in a clause that is only an attribution

_WORD = re.compile(r"[\w\u2019'-]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


# ---------------------------------------------------------------------------------- quotes

# Factors of a quote. Reported speech is more often a misreading ("showed that", "found that")
# than words inside quotation marks.
QUOTE_REPORTED = 0.85
# The speaker: a named actor of the article (person, organisation, country) is the surest; a
# description that stays unnamed ("officials", "the ministry") less; none at all is a guess.
QUOTE_SPEAKER_UNNAMED = 0.6
QUOTE_SPEAKER_NONE = 0.35
# A pronoun speaker relies on the nearest antecedent being the right one.
QUOTE_SPEAKER_PRONOUN = 0.9
# Cues with other senses ("showed", "found", "called", "thinks") that count only with a clause.
QUOTE_WEAK_CUE = 0.75
# A content of a word or two is seldom the statement ("said yes", a scare-quoted term).
QUOTE_SHORT = 0.5  # at most SHORT_QUOTE words
SHORT_QUOTE = 3
# A speaker named far from the content has often been taken from another clause.
QUOTE_FAR_SPEAKER = 0.7
FAR_SPEAKER = 200  # characters between the speaker mention and the content


def quote_factors(q: Quote, text: str, named: dict[str, str]) -> dict[str, float]:
    """The named factors of a quote (`named`: actor and alias names to their kind)."""
    factors: dict[str, float] = {}
    if not q.direct:
        factors["reported"] = QUOTE_REPORTED
    if q.speaker is None:
        factors["no speaker"] = QUOTE_SPEAKER_NONE
    elif named.get(q.speaker, "other") == "other":
        factors["unnamed speaker"] = QUOTE_SPEAKER_UNNAMED
    if q.speaker_span is not None:
        mention = text[q.speaker_span[0] : q.speaker_span[1]].strip().lower()
        if mention in PRONOUNS_ALL:
            factors["pronoun speaker"] = QUOTE_SPEAKER_PRONOUN
        if _gap(q.speaker_span, (q.start, q.end)) > FAR_SPEAKER:
            factors["far speaker"] = QUOTE_FAR_SPEAKER
    if q.cue and q.cue.split()[-1].lower() in WEAK_CUES:
        factors["weak cue"] = QUOTE_WEAK_CUE
    if len(_words(q.text)) <= SHORT_QUOTE:
        factors["short"] = QUOTE_SHORT
    return factors


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


# ------------------------------------------------------------------------------- red lines

# Factors of a red line. A holder that is no named actor, or none at all.
RED_LINE_HOLDER_UNNAMED = 0.7
RED_LINE_HOLDER_NONE = 0.4
# Fewer than SHORT_RED_LINE words: a fragment ("increase pressure"), not the whole demand.
RED_LINE_SHORT = 0.5
SHORT_RED_LINE = 4
# No verb: a list item or a noun phrase, not a clause that demands something.
RED_LINE_NO_VERB = 0.6
# Most words capitalised: a headline or a name list, not a sentence.
RED_LINE_TITLE_CASE = 0.3
# No word of a demand, refusal or condition in the item or just before it in its sentence
# ("must", "demanded", "calls on", "will not", "unless", "only if"): a keyword read elsewhere
# in the sentence fired it.
RED_LINE_NO_FRAME = 0.5
FRAME_LOOKBACK = 250  # characters before the item where its frame may stand

_CLAUSE_VERB = re.compile(
    r"\b(?:must|will|would|shall|should|can|could|may|might|won['\u2019]t|cannot|can['\u2019]t"
    r"|is|are|was|were|be|been|has|have|had|do|does|did|not|never|no longer"
    r"|to \w+|\w+(?:ed|es|ing))\b",
    re.I,
)


_FRAME = re.compile(
    r"\b(?:must|mustn['\u2019]t|shall not|will not|won['\u2019]t|would not|wouldn['\u2019]t"
    r"|cannot|can['\u2019]t|never|refus\w*|reject\w*|demand\w*|insist\w*|urg\w*"
    r"|call(?:s|ed|ing)? (?:on|for)"
    r"|ask(?:s|ed|ing)?|requir\w*|unless|only if|provided that|on condition|condition\w*"
    r"|non-negotiable|red lines?|ultimatum|deadline|do not|don['\u2019]t|not on the table|until|if"
    r"|want(?:s|ed)? \S+(?: \S+)? (?:to|raised|stopped|removed)|order\w*|expect\w* \S+ to|terms)\b",
    re.I,
)


def red_line_factors(r: RedLine, named: dict[str, str], text: str = "") -> dict[str, float]:
    """The named factors of a red line (`named`: actor and alias names to their kind; `text`
    the article, for the words just before the item)."""
    factors: dict[str, float] = {}
    if not _FRAME.search(_lead(text, r.start) + r.text):
        factors["no frame"] = RED_LINE_NO_FRAME
    if r.holder is None:
        factors["no holder"] = RED_LINE_HOLDER_NONE
    elif named.get(r.holder, "other") == "other":
        factors["unnamed holder"] = RED_LINE_HOLDER_UNNAMED
    words = _words(r.text)
    if len(words) < SHORT_RED_LINE:
        factors["short"] = RED_LINE_SHORT
    if not _CLAUSE_VERB.search(r.text):
        factors["no verb"] = RED_LINE_NO_VERB
    if _title_case(words):
        factors["title case"] = RED_LINE_TITLE_CASE
    return factors


def _lead(text: str, start: int) -> str:
    """The words before `start` in its sentence, at most FRAME_LOOKBACK characters."""
    before = text[max(0, start - FRAME_LOOKBACK) : start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    return before[cut + 1 :] + " "


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) / len(long) > 0.6


# ---------------------------------------------------------------------------------- events

# Factors of an event. A clause that opens with a relative word, a conjunction or a
# preposition ("that on … they seized", "which published …") lacks its subject: a fragment.
EVENT_NO_SUBJECT = 0.5
# No verb at all: a caption or a dateline ("FILE - In this May 18 file photo", "Ramallah,
# January 1"), not a happening.
EVENT_NO_VERB = 0.4
# Only the attribution of something said: "…, the ministry said Friday". The date dates the
# saying, and the clause holds no happening of its own.
EVENT_ATTRIBUTION_ONLY = 0.5
# Read as scheduled although the clause is in the past tense ("was arrested … three days
# after", "began in late January"): the date or the tense is misread.
EVENT_TENSE_DISAGREES = 0.4
# The date read is not inside the clause: it belongs to another clause.
EVENT_DATE_ELSEWHERE = 0.6
# Fewer than SHORT_EVENT words: too little to say what happened.
EVENT_SHORT = 0.5
SHORT_EVENT = 4
# Measured and left out: relative dates ("on Tuesday", "last month") were no less often right
# on real news than calendar dates (the calendar dates wrong there were mostly captions).


def _past_tense(words: list[str]) -> bool:
    """Whether the clause has a verb in the past tense: "was", "began", "seized" (not
    "must be signed", not a capitalised name in -ed)."""
    for i, word in enumerate(words):
        low = word.lower()
        if low in ("was", "were", "had", "did") or low in CONFIDENCE_IRREGULAR_PAST:
            return True
        before = words[i - 1].lower() if i else ""
        if word.islower() and low.endswith("ed") and before not in NOT_BEFORE_PAST:
            return True
    return False


def _has_verb(words: list[str]) -> bool:
    """Whether any word of the clause can be a verb (a rough test: it only has to tell a
    caption or a dateline from a clause)."""
    for word in words:
        low = word.lower()
        if low in AUXILIARY_VERBS or low in CONFIDENCE_IRREGULAR_PAST or low in SPEECH_CUES:
            return True
        if word.islower() and low.endswith(("ed", "es", "ing", "s")) and not low.endswith("ss"):
            return True
    return False


_ATTRIBUTION_TAIL = re.compile(
    rf"\b(?:{'|'.join(SPEECH_CUES)})\W+(?:on |late |early )?(?:this |last )?"
    rf"(?:{'|'.join(WEEKDAYS)}|today|yesterday|tonight)\W*(?:morning|afternoon|evening|night)?\W*$",
    re.I,
)


def event_factors(e: Event, text: str, marks: Sequence[DateMark]) -> dict[str, float]:
    """The named factors of an event (`marks`: the date expressions read and their dates)."""
    factors: dict[str, float] = {}
    words = _words(e.text)
    if not words or words[0].lower() in FRAGMENT_OPENERS:
        factors["no subject"] = EVENT_NO_SUBJECT
    past = _past_tense(words)
    if not past and not _has_verb(words):
        factors["no verb"] = EVENT_NO_VERB
    if _ATTRIBUTION_TAIL.search(e.text) and len(words) <= ATTRIBUTION_WORDS:
        factors["attribution only"] = EVENT_ATTRIBUTION_ONLY
    if e.scheduled and past:
        factors["tense disagrees"] = EVENT_TENSE_DISAGREES
    if not any(e.start <= m[0] and m[1] <= e.end for m in marks):
        factors["date elsewhere"] = EVENT_DATE_ELSEWHERE
    if len(words) < SHORT_EVENT:
        factors["short"] = EVENT_SHORT
    return factors


# ------------------------------------------------------------------------------- the step


def _product(factors: Iterable[float]) -> float:
    value = 1.0
    for f in factors:
        value *= f
    return round(min(1.0, max(0.0, value)), 3)


def _named(analysis: Analysis) -> dict[str, str]:
    """Each actor's name and aliases, to its kind."""
    named: dict[str, str] = {}
    for actor in analysis.actors:
        for name in (actor.name, *actor.aliases):
            named.setdefault(name, actor.kind)
    return named


def score(analysis: Analysis, text: str, marks: Sequence[DateMark] = ()) -> Analysis:
    """The analysis with every quote, red line and event given its confidence."""
    named = _named(analysis)
    return replace(
        analysis,
        quotes=[
            replace(q, confidence=_product(quote_factors(q, text, named).values()))
            for q in analysis.quotes
        ],
        red_lines=[
            replace(r, confidence=_product(red_line_factors(r, named, text).values()))
            for r in analysis.red_lines
        ],
        events=[
            replace(e, confidence=_product(event_factors(e, text, marks).values()))
            for e in analysis.events
        ],
    )
