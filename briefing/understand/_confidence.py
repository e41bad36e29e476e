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
    ACTING_NOUNS,
    ADVERBIAL_OPENERS,
    AUXILIARY_VERBS,
    BUSINESS_NOUNS,
    CONFIDENCE_IRREGULAR_PAST,
    FRAGMENT_OPENERS,
    FUNCTION_CAPS,
    GROUP_SUBJECT_NOUNS,
    NOT_BEFORE_PAST,
    ORG_WORDS,
    PRONOUNS_ALL,
    SPEECH_CUES,
    WEAK_CUES,
    WEEKDAYS,
)
from briefing.understand._text import holds_word
from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine

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
# A speaker that is a thing, not someone ("the letter", "experience", "site"): misread.
QUOTE_SPEAKER_THING = 0.4
# Reported words that open with "that" ("that the families needed time"): a clause hanging
# from a verb that is not shown.
QUOTE_LEADING_THAT = 0.9  # readable once the "that" is left out, which a display may do
# Reported words that are no clause ("a longstanding relationship with her") or a piece of one
# ("was around 10, put on a dress", "them of stealing blankets").
QUOTE_NO_VERB = 0.5
QUOTE_FRAGMENT = 0.45
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
        thing = _not_an_agent(q.speaker)  # "the letter", "experience", "the current"
        factors["unnamed speaker"] = QUOTE_SPEAKER_THING if thing else QUOTE_SPEAKER_UNNAMED
    if not q.direct:
        factors.update(_reported_shape(q.text))
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
    if _naming(q, text):
        factors["naming"] = QUOTE_NAMING
    if not q.direct and _FIRST_PERSON.match(q.text.removeprefix("that ")):
        factors["the reporter's own words"] = QUOTE_FIRST_PERSON
    if q.speaker_span is not None:
        factors.update(_speaker_mention(q, text))
    sentence_start = q.text[:1].isupper() or (
        q.text[:1] in '"\u201c' and not _TITLE_FIRST.match(q.text)
    )
    if not sentence_start and _object_of_accusing(q.text.lstrip("\"'\u201c\u2018 ")):
        factors["object of a cut verb"] = QUOTE_FRAGMENT
    if _elliptic(q.text):
        factors["elliptic"] = QUOTE_ELLIPTIC
    if q.direct and _RUNS_INTO_NARRATION.search(q.text):
        factors["runs into narration"] = QUOTE_INTO_NARRATION
    if q.speaker_span is not None and _document_source(text, q.speaker_span[0]):
        factors["a document's data"] = QUOTE_DOCUMENT_SOURCE
    factors.update(_reading_alone(q, text, named))
    return factors


# ------------------------------------------------------- quotes a reader cannot read alone

# The object of a verb that takes a thing ("Yahoo disclosed | two separate cyber attacks which
# …", "Musk revealed | the setup in a photo slideshow", "warning | the United States that …",
# "telling | Kim's regime 'enough is enough'"): a noun phrase, or the one addressed, shown as
# what was said. Words of saying ("said", "says") take a clause; these verbs often do not.
QUOTE_OBJECT_NOT_CLAUSE = 0.45
_OBJECT_CUES = frozenset(
    "reveal reveals revealed revealing disclose discloses disclosed disclosing announce"
    " announces announced announcing report reports reported reporting confirm confirms"
    " confirmed confirming cite cites cited citing brand brands branded call calls called"
    " condemn condemns condemned condemning conclude concluded defend defends defended tout"
    " touts touted tweet tweets tweeted show shows showed fear fears feared suggest suggests"
    " suggested detail detailed details unveil unveils unveiled outline outlined outlines"
    " release released releases describe described describes praise praised criticise"
    " criticised criticize criticized welcome welcomed welcomes blame blamed blames tell"
    " tells told telling ask asks asked urge urges urged warn warns warned warning remind"
    " reminded assure assured assures highlight highlighted".split()
)
_NP_OPENERS = frozenset(
    "the a an his her its their our my your this these those two three four five six some"
    " several many".split()
)
_CLAUSE_TOKEN = re.compile(r"[\w\u2019'-]+|[,;:\"\u201c\u201d\u2018]")


def _object_not_clause(q: Quote) -> bool:
    """See QUOTE_OBJECT_NOT_CLAUSE: a reported content in small letters after a verb that takes
    a thing, whose opening noun phrase no verb follows before the clause ends (a comma, a
    relative or a linking word, a quotation mark)."""
    if q.direct or not q.cue or q.cue.split()[-1].lower() not in _OBJECT_CUES:
        return False
    tokens = _CLAUSE_TOKEN.findall(q.text)
    if not tokens or (tokens[0] not in _NP_OPENERS and not tokens[0][:1].isdigit()):
        return False  # (a capital opens a sentence: "told reporters: The man …")
    for i, tok in enumerate(tokens[1:25], start=1):
        low = tok.lower()
        after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if tok in _QUOTE_OPENERS or low in _CLAUSE_ENDERS:
            return True  # the object ends here and no verb came: "the setup in …"
        if (low in AUXILIARY_VERBS and low != "being") or low in CONFIDENCE_IRREGULAR_PAST:
            return False  # ("well being", "a person being held": no finite verb)
        adjective = tokens[i - 1].lower() in _NP_OPENERS  # "the resumed deployment"
        if not adjective and tok.islower() and low.endswith(("ed", "s")) and len(low) > 3:
            if low.endswith("ed") and after in ("to", "by", "via"):
                return True  # "a slideshow posted to Instagram": a participle, no verb
            if after not in _CLAUSE_ENDERS and not low.endswith(_NOUN_ENDINGS):
                return False  # "the launch | was", "the truck | moved at …"
    return True


_QUOTE_OPENERS = frozenset('" \u201c \u2018'.split())
# words that end a clause's subject without a verb coming (prepositions do not: "a nuclear
# South Korea under Moon | could change that")
_CLAUSE_ENDERS = frozenset(
    "which who whom whose that if as since after before because when while until , ; :".split()
)


# A quotation the content holds closes with a comma and the reporter's sentence goes on
# ("… 'not tolerate discrimination of any kind,' but the NAACP did cite …", "… eternally,' a
# massive white truck came crashing through"): their words run into another's.
_CLOSED_THEN_GOES_ON = re.compile(r",[\"\u201d\u2019']\s+(?P<rest>(?:\S+\s+){3,}\S+)")
_TAG_WORDS = re.compile(
    r"\b(?:said|says|say|saying|told|tells|added|adds|adding|asked|asks|wrote|writes|continued"
    r"|explained|insisted|argued|noted|noting|stated|recalled|reports|reported|calling)\b"
)


def _quotation_then_narration(q: Quote) -> bool:
    """See _CLOSED_THEN_GOES_ON: words that open with a quotation (within their first two
    words) which closes before they end; not when a speech tag or another quotation of the
    speaker's follows ("…,' adding …", "…,' as 'he was …'"), nor after a title in quotes."""
    m = _CLOSED_THEN_GOES_ON.search(q.text)
    if m is None:
        return False
    opened = max(q.text.rfind(mark, 0, m.start()) for mark in "\"\u201c\u2018'")
    inside = q.text[opened + 1 : m.start()]
    if opened < 0 or len(_words(q.text[:opened])) > 2 or _title_case(_words(inside) * 2):
        return False
    rest = m.group("rest")
    speaker = (q.speaker or "").split()
    if speaker and speaker[-1] in rest.split(",")[0]:
        return False  # the speaker's name and what they are: "…," Dr Moretti, who leads …
    if _TAG_WORDS.search(" ".join(rest.split()[:12])) or re.search(
        "[\"\u201c\u2018']", " ".join(rest.split()[:3])
    ):
        return False
    return not re.match(r"(?:and|or|but)\s+that\b", rest)


# The content stops where a speech tag interrupts the sentence and the sentence goes on after
# it ("It would also make sense | , Moorhead says, | for Google to extend …"): cut in two.
_TAG_INSIDE = re.compile(
    r"^[\"\u201d\u2019']?\s*,\s+(?:[A-Z][\w.'-]*\s+){1,3}(?:says|said|adds|added|argues|argued"
    r"|notes|noted|explains|explained|believes|thinks|suggests)\s*,\s+(?:for|to|of|in|on|that"
    r"|than|as|with|by|and|or|but|if|because)\s"
)
# "I believe the mayor has said …": a hearsay the speaker only thinks happened; and the "I"
# of a transcript is whoever speaks that turn, seldom the one the analyser named.
_FIRST_PERSON_MENTION = frozenset("i we".split())
_HEDGE_CUES = frozenset("believe believes think thinks guess suppose understand".split())
# "The company said" resolved to a public body ("Kennedy Space Center"): no company at all.
_COMPANY_MENTION = re.compile(r"^(?:the|this|that)\s+(?:company|firm|carmaker|airline|bank)$", re.I)
_PUBLIC_BODY_WORDS = frozenset(
    "center centre agency administration council department ministry office service police"
    " commission committee government authority court university institute station".split()
)


# Reported words whose subject is "they" ("They would stay in a medical facility …", said by
# a minister; "they are necessary …", said of weapons), or "it" in a person's words ("it would
# only make tensions worse"): what the pronoun stands for was named before, not in the row. A
# body saying "it" speaks of itself ("ANA said it was trying …"), a group saying "they" too.
_THEY_IT = re.compile(r"^(?:that\s+)?(they|it)\s", re.I)


def _points_back(q: Quote, named: dict[str, str]) -> bool:
    """See _THEY_IT (not for words in quotation marks, where "it" is the speaker's own)."""
    m = _THEY_IT.match(q.text)
    if q.direct or m is None or not q.speaker:
        return False
    if m.group(1).lower() == "it":  # (a one-word "person" is as often a company: "SpaceX")
        if _DUMMY_IT.match(q.text):
            return False  # "it was necessary to …", "it was raining": no thing pointed back to
        last = q.speaker.split()[-1].lower()
        return named.get(q.speaker) == "person" and " " in q.speaker and not _body_word(last)
    if named.get(q.speaker) == "person" and " " in q.speaker:
        return True  # one person's "they" are others ("Producers" may be a "person" too)
    last = q.speaker.split()[-1].lower()
    return not (last.endswith("s") or last in _PLURAL_BODIES)


_DUMMY_IT = re.compile(
    r"^(?:that\s+)?it\s+(?:is|was|would be|will be|has been|had been)\s+(?:(?:\S+(?<!ing)\s+){1,3}?"
    r"(?:to|that|whether|if|how|why)\b|raining|snowing|time\b)",
    re.I,
)
_COMPANY_ENDINGS = frozenset(
    "rail railway railways transit motors energy airways shipping logistics media".split()
)


def _body_word(word: str) -> bool:
    """A word a body's name ends with ("Halvorsen Rail", "Skyhaven Airlines")."""
    return (
        word in ORG_WORDS
        or word in BUSINESS_NOUNS
        or word in _PUBLIC_BODY_WORDS
        or word in _COMPANY_ENDINGS
    )


_PLURAL_BODIES = frozenset(
    "police staff people crew team board government military brigade service force department"
    " ministry agency".split()
)


def _reading_alone(q: Quote, text: str, named: dict[str, str]) -> dict[str, float]:
    """What makes a quote's row wrong or unreadable though its speaker was found: an object
    shown as words said, words that run into the reporter's, a sentence cut by its tag, a
    hearsay, a description that fits another actor."""
    factors: dict[str, float] = {}
    if _object_not_clause(q):
        factors["an object, not a clause"] = QUOTE_OBJECT_NOT_CLAUSE
    if _quotation_then_narration(q):
        factors["runs into narration"] = QUOTE_INTO_NARRATION
    if _TAG_INSIDE.match(text[q.end : q.end + 80]):
        factors["cut by its tag"] = QUOTE_FRAGMENT
    if _points_back(q, named):
        factors["a pronoun for something unnamed"] = QUOTE_FRAGMENT
    if q.speaker_span is not None and q.speaker:
        mention = text[q.speaker_span[0] : q.speaker_span[1]].strip()
        cue = (q.cue or "").split()[-1:] or [""]
        if mention.lower() in _FIRST_PERSON_MENTION and cue[0].lower() in _HEDGE_CUES:
            factors["a hearsay"] = QUOTE_FRAGMENT
        if _COMPANY_MENTION.match(mention):
            last = q.speaker.split()[-1].lower()
            if last in _PUBLIC_BODY_WORDS:
                factors["a company that is no company"] = QUOTE_FRAGMENT
    return factors


# A he/she speaker resolved to someone named before another person who came between: the
# pronoun may stand for the nearer one ("Ann said …; Bo agreed. 'It's late,' she says").
QUOTE_PRONOUN_PASSED_OVER = 0.5
# What is said opens with a sentence of pronouns and a verb only ("He was.", "He said:
# 'Yeah.'") or ends on a word pointing back ("could have said this"): not readable alone.
QUOTE_ELLIPTIC = 0.45
# A closing quotation mark followed by the reporter's words ("… yet." after he said …).
QUOTE_INTO_NARRATION = 0.45
_RUNS_INTO_NARRATION = re.compile(
    r"[.!?,][\"\u201d\u2019]\s+(?:after|before|while|when|whom?|which|as|referring)\s+\w"
)
# The source is a document's figures ("according to recent data from the United Nations"):
# the reporter's analysis built on numbers, no statement of anyone's.
QUOTE_DOCUMENT_SOURCE = 0.55
_DOCUMENT_SOURCE = re.compile(
    r"\b(?:data|figures|statistics|numbers|estimates)\s+(?:\w+\s+)?(?:from|by|of|compiled by)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_DOCUMENT_SOURCE_REACH = 400  # characters before the speaker: far more than such a phrase


def _document_source(text: str, speaker_at: int) -> bool:
    """See _DOCUMENT_SOURCE: read in the stretch just before the speaker (the pattern is
    anchored at its end; scanning the text from its start made the analyser quadratic)."""
    start = max(0, speaker_at - _DOCUMENT_SOURCE_REACH)
    return _DOCUMENT_SOURCE.search(text, start, speaker_at) is not None


_ELLIPTIC_WORDS = frozenset("said says say yes yeah no ok okay not so too".split())
_POINTS_BACK_END = re.compile(r"\b(?:this|that|it|so)\W*$", re.I)


# The speaker named as a relative of someone ("Her father said", "his sister told"): the
# words are the relative's, whom the article seldom names; given to the one named, they mislead.
QUOTE_RELATIVE = 0.45
_RELATIVE_MENTION = re.compile(
    r"^(?:her|his|their|its)\s+(?:\S+\s+)?(?:father|mother|parents?|brother|sister|son|daughter"
    r"|wife|husband|partner|cousin|uncle|aunt|grandmother|grandfather|friend|neighbou?r|niece"
    r"|nephew|stepfather|stepmother|fianc\u00e9e?|boyfriend|girlfriend)s?\b",
    re.I,
)
# The speaker's name stands after a preposition ("the complaint against X shows"): an object in
# another clause, not who speaks; or it is a line's label ("Translation: …") named nowhere else.
QUOTE_SPEAKER_AS_OBJECT = 0.45
# (not "of": "Secretary of State Rex Tillerson"; not "with": "with its chief saying")
_PREPOSITION_BEFORE = re.compile(r"\b(?:against|on|about|at|into|over|toward|towards)\s+$", re.I)
# "X of making her drive …": the object of "accused … of", whose verb is cut off.
_OBJECT_OF_ACCUSING = re.compile(r"^[^.!?,;]{0,80}?\s(?:of|for)\s+([a-z]+ing)\b")


_TITLE_FIRST = re.compile(
    r"^[\"\u201c][^\"\u201d]{1,40}[\"\u201d]\s+[a-z]"
)  # "“Kill Bill” director"


def _object_of_accusing(content: str) -> bool:
    """See _OBJECT_OF_ACCUSING: no verb before the "of" ("grateful for everything" has one)."""
    m = _OBJECT_OF_ACCUSING.match(content)
    if m is None or m.group(1).endswith("thing"):
        return False
    lead = _words(content[: m.start(1)])
    return not _finite(lead, present=False) and not any(w.lower() in PRONOUNS_ALL for w in lead)


def _speaker_mention(q: Quote, text: str) -> dict[str, float]:
    """See QUOTE_RELATIVE and QUOTE_SPEAKER_AS_OBJECT."""
    assert q.speaker_span is not None
    at, end = q.speaker_span
    mention = text[at:end].strip()
    if _RELATIVE_MENTION.match(mention):
        return {"a relative speaks": QUOTE_RELATIVE}
    if _PREPOSITION_BEFORE.search(text[max(0, at - 12) : at]):
        return {"speaker as object": QUOTE_SPEAKER_AS_OBJECT}
    lone = " " not in mention and text.count(mention) == 1
    label = text[end : end + 1] == ":" and (at == 0 or text[at - 1] == "\n")
    if lone and label:
        return {"speaker as object": QUOTE_SPEAKER_AS_OBJECT}
    if label and mention.isupper() and q.text.rstrip(" \"'\u201d\u2019.").endswith("?"):
        return {"a host's question": QUOTE_SPEAKER_AS_OBJECT}  # "SHAPIRO: Have they …?"
    if q.speaker and " " not in q.speaker and holds_word(text, q.speaker.lower()):
        return {"a common word as speaker": QUOTE_SPEAKER_AS_OBJECT}  # "Height", "Translation"
    return {}


# Reported words in the first person ("I've noticed a difference …"), not in quotation marks:
# the writer's own voice, seldom someone else's words.
QUOTE_FIRST_PERSON = 0.45
_FIRST_PERSON = re.compile(r"^(?:I|I['\u2019](?:ve|m|d|ll)|we|We|we['\u2019](?:ve|re))\s")


# "called the attack 'a barbarous act'", "what he called the restraint …": the object of a
# verb of naming and the name given it, no statement with a verb of its own.
QUOTE_NAMING = 0.6
_NAMING_CUES = frozenset(
    "call calls called calling dubbed dubs termed terms labelled labeled".split()
)


def _naming(q: Quote, text: str) -> bool:
    """See QUOTE_NAMING."""
    if not q.cue or q.cue.split()[-1].lower() not in _NAMING_CUES:
        return False
    before = _words(text[max(0, q.start - 20) : q.start])
    return not before or before[-1].lower() not in ("on", "for", "upon")


def _elliptic(content: str) -> bool:
    """See QUOTE_ELLIPTIC."""
    body = content.strip("\"'\u201c\u201d\u2018\u2019 ")
    first = re.split(r"[.!?:]", body, maxsplit=1)[0]
    words = [w.lower() for w in _words(first)]
    if words and len(words) <= 3 and len(first) < len(body):
        if all(w in PRONOUNS_ALL or w in AUXILIARY_VERBS or w in _ELLIPTIC_WORDS for w in words):
            return True
    return len(_words(body)) <= 10 and bool(_POINTS_BACK_END.search(body))


def pronoun_passed_over(q: Quote, text: str, actors: dict[str, Actor]) -> bool:
    """See QUOTE_PRONOUN_PASSED_OVER (`actors` by name)."""
    if q.speaker_span is None or q.speaker is None:
        return False
    at = q.speaker_span[0]
    if text[at : q.speaker_span[1]].strip().lower() not in ("he", "she"):
        return False
    speaker = actors.get(q.speaker)
    if speaker is None:
        return False
    before = [end for _, end in speaker.spans if end <= at]
    if not before:
        return True  # the speaker is named only after the pronoun
    last = max(before)
    if _lone_name_acting(text[last:at], speaker, actors):
        return True  # "Kartik and his family managed to escape. He said: …"
    return any(
        other.kind == "person"
        and other.name != speaker.name
        and any(last <= s and e <= at and not _bracketed(text, s, at) for s, e in other.spans)
        for other in actors.values()
    )


def _bracketed(text: str, start: int, pos: int) -> bool:
    """Whether `start` lies inside brackets that close before `pos`: an aside, which no
    pronoun after it stands for ("(… including a blond Rose McGowan …) 'When …,' she says")."""
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", 0, start) > opened:
        return False
    closed = text.find(")", start, pos)
    return closed >= 0 and text.find("(", start, closed) < 0


# A sentence that opens with a lone capitalised name the analyser did not take for anyone,
# acting ("Kartik and his family managed …", "Kartik said …"): a person named since.
_LONE_NAME_ACTING = re.compile(
    r"(?:^|\n|[.!?][\"\u201d\u2019]?\s+)([A-Z][a-z'\u2019-]{2,})\s+(?:and\s+(?:his|her)\s"
    r"|(?:said|says|told|added|managed|recalled|described|explained)\b)"
)


def _lone_name_acting(between: str, speaker: Actor, actors: dict[str, Actor]) -> bool:
    own = {w for n in (speaker.name, *speaker.aliases) for w in n.split()}
    bodies = {
        w
        for a in actors.values()
        if a.kind != "person"
        for n in (a.name, *a.aliases)
        for w in n.split()
    }
    return any(
        m.group(1) not in own | bodies and m.group(1).lower() not in FUNCTION_CAPS
        for m in _LONE_NAME_ACTING.finditer(between)
    )


def _reported_shape(content: str) -> dict[str, float]:
    """What makes reported words unreadable alone: a leading "that", no clause of their own
    ("a longstanding relationship with her", "the latest move by the DPRK"), or a piece of
    a clause ("was around 10, put on a dress", "them of stealing blankets", "it the other way")."""
    factors: dict[str, float] = {}
    body = content
    if content.lower().startswith("that ") and not _finite(_words(content)[1:2], present=False):
        factors["leading that"] = QUOTE_LEADING_THAT
        body = content[5:]
    words = _words(body)
    if not words:
        return factors
    first = words[0]
    low = first.lower()
    object_first = first.islower() and (
        low in _OBJECT_PRONOUNS or (low == "it" and not _finite(words[1:2], present=True))
    )
    verb_first = first.islower() and (
        low in AUXILIARY_VERBS or low in CONFIDENCE_IRREGULAR_PAST or low.endswith("ed")
    )
    if object_first or verb_first:
        factors["fragment"] = QUOTE_FRAGMENT
    elif not _has_verb(_words(_main_clause(body))) and not _past_tense(words):
        factors["no verb"] = QUOTE_NO_VERB
    return factors


_OBJECT_PRONOUNS = frozenset("them him me us whom".split())


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


# ------------------------------------------------------------------------------- red lines

# Factors of a red line. A holder that is no named actor, or none at all; a holder in small
# letters ("the launch", "a statement", "the examples") or a pronoun names no one at all.
RED_LINE_HOLDER_UNNAMED = 0.7
RED_LINE_HOLDER_DESCRIBED = 0.45
RED_LINE_HOLDER_NONE = 0.4
# Fewer than SHORT_RED_LINE words: a fragment ("increase pressure"), not the whole demand.
RED_LINE_SHORT = 0.4
SHORT_RED_LINE = 4
# More than LONG_RED_LINE words: a paragraph or an explanation, not one demand.
RED_LINE_LONG = 0.6
LONG_RED_LINE = 45
# What it refuses is named only as what was said before ("I don't accept that").
RED_LINE_POINTS_BACK = 0.45
# Opening with a conjunction, a preposition or a relative word in small letters ("or if it
# paid more …", "of general-turned-president …"): a piece cut out of its sentence.
RED_LINE_FRAGMENT = 0.45
# "… send a clear message … The recent sanctions": words left out, and the next sentence cut
_CUT_BY_ELLIPSIS = re.compile(r"(?:\u2026|\.\.\.)\s*\S")
_RED_LINE_FRAGMENT_OPENERS = frozenset("or and but of which who whom whose than as".split())
# An instruction to the reader ("Never give out personal information …"): advice.
RED_LINE_IMPERATIVE = 0.45
_POINTS_BACK = re.compile(
    r"\b(?:that|this|it|them|so|the (?:idea|notion|suggestion|move|proposal|plan))\W*$", re.I
)
_IMPERATIVE = re.compile(r"^(?:Never|Always|Do not|Don['\u2019]t|Avoid|Make sure|Please)\b")
# No verb: a list item or a noun phrase, not a clause that demands something.
RED_LINE_NO_VERB = 0.6
# Most words capitalised: a headline or a name list, not a sentence.
RED_LINE_TITLE_CASE = 0.3
# No word of a demand, refusal or condition in the item or just before it in its sentence
# ("must", "demanded", "calls on", "will not", "unless", "only if"): a keyword read elsewhere
# in the sentence fired it.
RED_LINE_NO_FRAME = 0.4
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
    r"|call(?:s|ed|ing)? (?:on|for)|press(?:es|ed|ing)? for"
    r"|ask(?:s|ed|ing)?|requir\w*|unless|only if|provided that|on condition|condition\w*"
    r"|non-negotiable|red lines?|ultimatum|deadline|do not|don['\u2019]t|not on the table|until|if"
    r"|want(?:s|ed)? (?:\S+ ){0,4}?(?:to|raised|stopped|removed|cut|lifted|back)|want(?:s|ed)? an?"
    r"|order\w*|expect\w* \S+ to|terms|should|oppos\w*|vow\w*|had to|(?:has|needs) to"
    r"|against (?:\S+ ){0,2}?(?:policy|policies|rules)|(?:responsibility|duty) to"
    r"|when\b[^.]{3,140}\bwill (?:\w+ly )?(?:\w+ and )?take"
    r" (?:appropriate|disciplinary|legal) action"
    r"|final (?:offer|bid)"
    r"|best and final|propos(?:e|es|ed|ing)|proposals? (?:to|that|for)|offer(?:s|ed)? to"
    r"|(?:ready|willing|prepared) to|not up for|(?:vital|essential|imperative|crucial)"
    r"|would need (?:more than|at least)"
    r"|not for sale|there can be no|under no circumstances|would let|under (?:the|its|their)"
    r" (?:\w+ )?(?:agreement|deal|plan|terms|offer|proposal))\b",
    re.I,
)


def red_line_factors(r: RedLine, named: dict[str, str], text: str = "") -> dict[str, float]:
    """The named factors of a red line (`named`: actor and alias names to their kind; `text`
    the article, for the words just before the item)."""
    factors: dict[str, float] = {}
    if not _FRAME.search(_ASIDE.sub(" ", _lead(text, r.start) + r.text)):
        # (a frame inside an aside frames nothing: "This proposal, which represents the
        # final offer, includes …")
        factors["no frame"] = RED_LINE_NO_FRAME
    if r.holder is None:
        factors["no holder"] = RED_LINE_HOLDER_NONE
    elif named.get(r.holder, "other") == "other":
        described = _not_an_agent(r.holder)
        factors["unnamed holder"] = (
            RED_LINE_HOLDER_DESCRIBED if described else RED_LINE_HOLDER_UNNAMED
        )
    words = _words(r.text)
    if len(words) < SHORT_RED_LINE:
        factors["short"] = RED_LINE_SHORT
    elif len(words) > LONG_RED_LINE:
        factors["long"] = RED_LINE_LONG
    if _POINTS_BACK.search(r.text) and len(words) <= SHORT_RED_LINE + 2:
        factors["points back"] = RED_LINE_POINTS_BACK
    if words and words[0] in _RED_LINE_FRAGMENT_OPENERS or _CUT_BY_ELLIPSIS.search(r.text):
        factors["fragment"] = RED_LINE_FRAGMENT
    if _IMPERATIVE.match(r.text):
        factors["imperative"] = RED_LINE_IMPERATIVE
    if _cut_quotation(r.text):
        factors["cut quotation"] = RED_LINE_FRAGMENT  # (a demand cut off mid-quotation)
    if not _CLAUSE_VERB.search(r.text):
        factors["no verb"] = RED_LINE_NO_VERB
    if _title_case(words):
        factors["title case"] = RED_LINE_TITLE_CASE
    lead = _lead(text, r.start) if text else ""
    factors.update(_red_line_reading(r, lead))
    return factors


# The item stops at an abbreviation ("… threats," Mr.): cut where its sentence goes on.
_CUT_AT_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Prof|Sgt|Capt|St)\.[\"\u201d\u2019]?$"
)
# A subject pronoun first ("They should all …", "That's a mission …"): whom or what it
# stands for is in the sentence before, which the row does not show.
RED_LINE_DANGLING = 0.45
_DANGLING = re.compile(
    r"^(?:They|It(?! is against\b)|He|She)\b"
    r"|^(?:That|This)(?:['\u2019]s|\s+(?:is|was|will|would|means))\b"
    r"|^[a-z](?:\S+\s+){0,4}?also\s+[a-z]+ed\b"  # "it also opposed": what else is said before
)
# Reported as a threat, a belief, a forecast or a decision ("threatened the islands should be
# sunk", "decided she should drive", "allegedly vowed"): no demand of the holder's, unless
# it sets a condition.
RED_LINE_NOT_A_DEMAND = 0.45
_NOT_A_DEMAND_LEAD = re.compile(
    r"\b(?:threaten\w*|predict\w*|forecast\w*|expects?|expected|believes?|believed|thinks?"
    r"|thought|decided|allegedly|supposedly|reportedly|legend has it)\b[^.;]{0,40}$",
    re.I,
)
_CONDITION = re.compile(r"\b(?:if|unless|provided|as long as)\b", re.I)
# The holder is named only inside the item ("… sending checks to the Internal Revenue Service")
# or as a modifier of the people who speak ("NXP shareholders argue …"): someone else holds it.
RED_LINE_HOLDER_ELSEWHERE = 0.45
_GROUP_AFTER_NAME = re.compile(
    r"^\W*(?:shareholders|investors|employees|staff|workers|officials|executives|lawyers"
    r"|analysts|critics|fans|supporters|members|residents|voters|customers|users)\b"
)


_WORD_BEFORE = re.compile(r"([\w'\u2019.-]+)\s+$")


def _other_name_before(text: str, at: int, names: list[str]) -> bool:
    """Whether the word right before `at` is a capitalised word of another name."""
    before = _WORD_BEFORE.search(text, 0, at)
    word = before.group(1) if before else ""
    return word[:1].isupper() and word not in names and at - len(word) - 1 > 0


def _held_elsewhere(r: RedLine, lead: str) -> bool:
    """See RED_LINE_HOLDER_ELSEWHERE."""
    names = [w for w in (r.holder or "").split() if len(w) > 2 and w[:1].isupper()]
    said = [m for w in names for m in re.finditer(rf"\b{re.escape(w)}\b", lead)]
    own_group = bool(_GROUP_AFTER_NAME.match(" " + (r.holder or "").split()[-1]))
    if not own_group and any(_GROUP_AFTER_NAME.match(lead[m.end() :]) for m in said):
        return True
    # (a possessive is the holder's own: "will be Broadcom's best and final offer")
    # (a word of another name is not the holder's: "South Korea" is not named inside "… if
    # North Korea continues …")
    inside = [
        m.start()
        for w in names
        for m in re.finditer(rf"\b{re.escape(w)}\b(?![\u2019']s)", r.text)
        if not _other_name_before(r.text, m.start(), names)
    ]
    return not said and bool(inside) and min(inside) > 30


def _red_line_reading(r: RedLine, lead: str) -> dict[str, float]:
    """What makes a red line's row misleading alone: cut at an abbreviation, a dangling
    subject, a threat or a forecast reported, someone else holding it (see the factors)."""
    factors: dict[str, float] = {}
    if _CUT_AT_ABBREVIATION.search(r.text.rstrip()):
        factors["cut at an abbreviation"] = RED_LINE_FRAGMENT
    if _DANGLING.match(r.text):
        factors["dangling subject"] = RED_LINE_DANGLING
    frame = _FRAME.search(r.text)
    head = r.text[: frame.start()] if frame else ""  # "they decided she | should drive"
    reported = _NOT_A_DEMAND_LEAD.search(lead) or _NOT_A_DEMAND_LEAD.search(lead + head)
    if reported and not _CONDITION.search(r.text):
        factors["not a demand"] = RED_LINE_NOT_A_DEMAND
    if r.holder and _held_elsewhere(r, lead):
        factors["holder elsewhere"] = RED_LINE_HOLDER_ELSEWHERE
    factors.update(_no_position(r, lead))
    return factors


# What a red line's words are when they hold no position of the holder's on what others
# must or must not do: a condemnation of what was done ("opposes the DPRK's missile
# launches"), opposition to someone's rule, a call for a mood ("called for peace"), a wish for
# oneself ("called for China to become a global power"), a call for a person ("called for his
# closer, Chapman"), a resignation to the way things are ("should learn to live with …"), an
# offer ("prepared to pay a fee"), a demand of parties the row does not name ("called on both
# countries"), a passive with no subject ("should be carried out according to …").
RED_LINE_NO_POSITION = 0.45
_CONDEMNED_ACT = re.compile(
    r"\b(?:oppos|condemn|denounc|deplor)\w*\s+(?:\S+\s+){0,8}?(?:launch|launches|test|tests"
    r"|firing|attack|attacks|strike|strikes|killing|killings|provocations?|use)\b",
    re.I,
)
_OPPOSED_RULE = re.compile(
    r"\boppos\w*\s+(?:\S+\s+){0,3}?(?:rule|regime|government|presidency|leadership)\b", re.I
)
_DEMAND_MODAL = re.compile(r"\b(?:must|should|demand\w*|insist\w*|unless|only if)\b", re.I)
# The words right before the item ask for it: "condemned the launch, demanding that | …"
_ASKED_JUST_BEFORE = re.compile(
    r"\b(?:demand\w*|insist\w*|urg\w*|call\w*\s+(?:on|for))(?:\s+that)?\W*$", re.I
)
_CALL_FOR_MOOD = re.compile(
    r"\bcall(?:s|ed|ing)?\s+for\s+(?:peace|calm|unity|restraint|stability|dialogue|justice"
    r"|solidarity|harmony|tolerance|understanding)\b(?:\s+(?:in|on|across|throughout|between|among)"
    r"\s+[^,.;]*)?\W*$",
    re.I,
)
_CALL_TO_BECOME = re.compile(
    r"\bcall(?:s|ed|ing)?\s+(?:for|on)\s+[^.;]{1,60}?\s+to\s+become\b", re.I
)
_CALL_FOR_PERSON = re.compile(
    r"\bcall(?:s|ed|ing)?\s+for\s+(?:his|her|their|a|the)\s+\w+(?:\s+\w+)?,"
    r"(?:\s+[A-Z][\w'-]+){1,3}\W*$"
)
_RESIGNED = re.compile(
    r"\b(?:should|must|will have to|has to|have to)\s+(?:learn to|get used to|expect|brace for)",
    re.I,
)
_MODAL_PERFECT = re.compile(
    r"\b(?:should|must|would|could)\s+(?:not\s+)?have\s+(?:been|[a-z]+(?:ed|en))\b", re.I
)
_OFFER = re.compile(
    r"\b(?:prepared|ready|willing)\s+to\s+(?:pay|offer|give|provide|sell|buy|lend|cover)\b",
    re.I,
)
_UNNAMED_PARTIES = re.compile(
    r"\b(?:both|the two)\s+(?:countries|nations|governments|leaders|men|companies|firms|states)\b",
    re.I,
)
_SUBJECTLESS_PASSIVE = re.compile(
    r"^(?:should|must|will|would|could|can|may|might|shall)\s+(?:not\s+|also\s+)?be\s+\w+(?:ed|en)\b"
)


_COORDINATED = re.compile(r"(?:,|\b(?:and|or|but))[\s\"\u201d\u2019']*$")


def _no_position(r: RedLine, lead: str) -> dict[str, float]:
    """See RED_LINE_NO_POSITION."""
    text = r.text
    said = lead + text
    asked = _DEMAND_MODAL.search(text) or _ASKED_JUST_BEFORE.search(lead)
    if _CONDEMNED_ACT.search(said) and not asked:
        return {"a condemnation": RED_LINE_NO_POSITION}
    if _OPPOSED_RULE.search(said) and not _DEMAND_MODAL.search(text):
        return {"an opposition to a rule": RED_LINE_NO_POSITION}
    if _CALL_FOR_MOOD.search(said) or _CALL_TO_BECOME.search(said) or _CALL_FOR_PERSON.search(said):
        return {"no demand called for": RED_LINE_NO_POSITION}
    if _MODAL_PERFECT.search(text) and not _DEMAND_MODAL.search(_MODAL_PERFECT.sub(" ", text)):
        return {"a regret": RED_LINE_NO_POSITION}  # "… as articulate as I should have been"
    if _RESIGNED.search(text):
        return {"an assessment": RED_LINE_NO_POSITION}
    if _OFFER.search(said):
        return {"an offer": RED_LINE_NO_POSITION}
    if _UNNAMED_PARTIES.search(text):
        return {"parties unnamed": RED_LINE_NO_POSITION}
    if _SUBJECTLESS_PASSIVE.match(text) and _COORDINATED.search(lead):
        # the second verb of "Any measures should be A, and | should be carried out …" (not
        # "Kyiv | must not be pressed …", whose subject stands before it)
        return {"no subject": RED_LINE_NO_POSITION}
    return {}


_DETERMINED = re.compile(r"^(?:the|a|an|this|that|these|those|its|their|your|our)\s", re.I)
# (a singular in -er or -or may be a thing: "the letter", "the matter", "the order")
_AGENT_ENDINGS = (
    "ers", "ors", "ist", "ists", "ian", "ians", "man", "men", "person", "people", "executives",
    "representatives",
)  # fmt: skip


_NAME_PARTICLES = frozenset("of for and the de da di del van von der le la du al bin y".split())


def _not_an_agent(holder: str) -> bool:
    """A holder that is a pronoun, or a described thing rather than someone who can act: "the
    launch", "a statement", "Your browser" (but "the regional health authority", "music
    lawyers and talent managers" are bodies and people)."""
    low = holder.lower()
    if low in PRONOUNS_ALL:
        return True
    last = low.split()[-1]
    if last in ACTING_NOUNS or last in GROUP_SUBJECT_NOUNS or last.endswith(_AGENT_ENDINGS):
        return False  # "Western intelligence officials", "the regional health authority"
    if not (holder[:1].islower() or _DETERMINED.match(holder)):
        # a capitalised phrase with words in small letters is no name: "There's nothing the port"
        small = [w for w in holder.split()[1:] if w.islower() and w not in _NAME_PARTICLES]
        return bool(small)
    return True


def _lead(text: str, start: int) -> str:
    """The words before `start` in its sentence, at most FRAME_LOOKBACK characters."""
    before = text[max(0, start - FRAME_LOOKBACK) : start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    return before[cut + 1 :] + " "


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) / len(long) > 0.6


# ---------------------------------------------------------------------------------- events

# Factors of an event. A clause cut out of its sentence: it opens with a relative word, a
# conjunction, a preposition or a verb in small letters ("which published …", "as such
# provocation …", "raising hopes …", "was a sophisticated …"), or with a phrase that needs its
# clause ("Speaking to CNN on Thursday", "A day after the remark"): a fragment, not a happening
# a reader can follow.
EVENT_FRAGMENT = 0.3
# A subject that is a pronoun ("It happened", "His sacking was reported"): whom it stands for is
# in another sentence, which the timeline does not show.
EVENT_PRONOUN_SUBJECT = 0.45
# No verb at all: a caption or a dateline ("FILE - In this May 18 file photo", "Ramallah,
# January 1"), not a happening.
EVENT_NO_VERB = 0.4
# Only the attribution of something said: "…, the ministry said Friday". The date dates the
# saying, and the clause holds no happening of its own.
EVENT_ATTRIBUTION_ONLY = 0.4
# Read as scheduled although the clause is in the past tense ("was arrested … three days
# after", "began in late January"): the date or the tense is misread.
EVENT_TENSE_DISAGREES = 0.4
# The date read is not inside the clause: it belongs to another clause.
EVENT_DATE_ELSEWHERE = 0.6
# Fewer than SHORT_EVENT words: too little to say what happened.
EVENT_SHORT = 0.5
SHORT_EVENT = 4
# A photograph's caption ("In this file photo …", "… are seen celebrating", a line that ends
# without a full stop): what a picture shows, not what the article reports.
EVENT_CAPTION = 0.35
# The line goes on into page furniture (blanked): a post's signature, a picture's credit.
EVENT_BESIDE_FURNITURE = 0.4
# Told in the present of a day that has passed: a caption ("A missile is fired during an
# exercise on September 15, 2017", "X joins the show to discuss …") or a definition ("Bastille
# Day, when France celebrates …"), not a report of what happened.
EVENT_PRESENT_FOR_PAST = 0.45
_PRESENT = re.compile(
    # a passive in the present beside a written year: "is fired … on September 15, 2017"
    r"\b(?:is|are)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b(?=.*\b(?:19|20)\d\d\b)"
    r"|(?<![Tt]he )(?<![Aa] )(?<![Aa]n )(?<!'s )"
    r"\b(?:[A-Z][\w.-]+|[a-z]+(?:s|ment|ce))\s+"
    r"(?:joins|poses|celebrates|smiles|speaks|looks|walks|arrives|stands|sits|waves|gestures"
    r"|prepares|appears|reacts|leaves|attends|greets|listens|watches|holds|celebrate|pose|stand"
    r"|sit|wave|react|gather|walk|look)\b"
)
# The date belongs to an earlier happening named in a phrase after the verb.
EVENT_DATE_OF_ANOTHER = 0.45
# A question ("Do we expect a statement tonight?"): nothing happened.
EVENT_QUESTION = 0.3
# "The latter reopened …", "The former …": whom it refers to is in another sentence.
_REFERRING = re.compile(r"^(?:the )?(?:latter|former)\b", re.I)
# A quotation opened in a timeline row and cut before its end ('said "no matter how strong the
# pressure is | , it doesn't work on us."'): the row stops inside what was said, and reads cut
# (below the threshold alone). A row whose closing mark follows right after it ('as a
# "vintage performance".') or that ends a quotation opened before it reads whole.
EVENT_CUT_QUOTATION = 0.45
# The sentence goes on with the clause's verb or what was said: the record stops mid-clause.
EVENT_CUT_SHORT = 0.4
# Quotation marks opened or closed outside the record: a quotation cut in two ('hit France,"
# President Hollande said').
CUT_QUOTATION = 0.5
# Measured and left out: relative dates ("on Tuesday", "last month") were no less often right
# on real news than calendar dates (the calendar dates wrong there were mostly captions).

# words a clause may open with, in small letters, and still have its subject
_SUBJECT_OPENERS = frozenset(
    "the a an this these those some many most several all both each every no one two three "
    "four five six seven eight nine ten dozens hundreds thousands".split()
)
_PRONOUN_SUBJECTS = frozenset(
    "he she it they his her its their him them it's it\u2019s that's that\u2019s".split()
)
_ANCHORED_OPENING = re.compile(
    r"^(?:a|one|two|three|\w+) (?:day|days|week|weeks|month|months|hours?) (?:after|before)\b",
    re.I,
)
_CAPTION = re.compile(
    r"\b(?:(?:file|undated|handout) (?:photo|picture|image)|in this (?:\w+ ){0,4}photo"
    r"|(?:in )?a photo (?:released|taken|provided|obtained)|photo (?:released|taken|provided) by"
    r"|(?:is|are) (?:seen|pictured)|pictured\b|poses? for"
    r"|\((?:[LRC]|[LRC]-[LRC]|left|right|centre|center)\)|\u00a9)"
    # an agency caption's date: "dig out on Tuesday, Dec. 26, 2017, after …"
    r"|\b(?-i:[MTWFS][a-z]+day), (?-i:[A-Z][a-z]{2,8})\.? \d{1,2}, \d{4}\b",
    re.I,
)
_SENTENCE_CLOSERS = ".!?:;\u2026\"'\u201d\u2019)]"


def _fragment(text: str, words: list[str], before: str | None = None) -> bool:
    """Whether the clause lacks the start of its sentence (see EVENT_FRAGMENT); `before` is
    the article's text just before it, when known."""
    first = words[0]
    low = first.lower()
    if _ANCHORED_OPENING.match(text):
        return True
    if before is not None and _SUBORDINATOR_BEFORE.search(before) and "," in text:
        return True  # "Hours after | Mr. X said …, a truck came crashing": its opening cut
    if before is not None and _PREPOSITION_BEFORE.search(before):
        return True  # "steps up the pressure on | California-based Qualcomm, which …"
    if len(words) > 2 and first[:1].isupper() and words[1] in ("who", "which", "whom"):
        return True  # "Chapman who had thrown …": a relative clause without its main clause
    if len(words) > 2 and before is not None and before.rstrip().endswith(","):
        if words[1].endswith("ing") and words[1].islower():
            return True  # "…, Florida using the same pad, Musk tweeted": a phrase cut out
        if _DESCRIPTION_SAID.match(text):
            return True  # "…, Obama's ambassador to Seoul, said …": the name before is cut
    if first.islower():
        if low in _SUBJECT_OPENERS:
            # "the natural display which took place …" after a verb or a preposition is its
            # object cut out of the sentence; after "that", "and", a comma it is a subject
            return before is not None and not _SUBJECT_BEFORE.search(before)
        if low in _PRONOUN_SUBJECTS:
            return False
        if low in ADVERBIAL_OPENERS and _SUBJECT_AFTER_COMMA.search(text):
            return False  # "at the end of November, Kim declared …": time before the subject
        # "work began in March", "voters go to the polls": a noun and its verb; not "which …",
        # "as …", "raising …", "was …", "company's new rocket, which …"
        noun = low not in FRAGMENT_OPENERS and not low.endswith(("ing", "ed", "ly"))
        # (not "put in place after …": a participle and its preposition)
        verb_next = len(words) > 1 and words[1].lower() not in _NOT_A_VERB
        return not (noun and _finite(words[1:4], present=verb_next))
    # a capital opener that needs a clause after it: "After the vote", "Speaking to CNN …";
    # "In October I said …", "Closing arguments are scheduled …" have their clause
    if low.endswith("ing") and len(low) > 4:
        return "," not in text and not _finite(words[1:], present=False)
    if low in FRAGMENT_OPENERS and low != "that" and "," not in text:
        return not any(w in ("I", "he", "she", "we", "they") for w in words[1:])
    return False


def _finite(words: list[str], *, present: bool) -> bool:
    """Whether the words hold a finite verb: an auxiliary, a past form, a verb of saying;
    with `present`, a lower-case word in -s after the first ("voters go", "prices rise")."""
    for i, word in enumerate(words):
        low = word.lower()
        if low in AUXILIARY_VERBS or low in CONFIDENCE_IRREGULAR_PAST or low in SPEECH_CUES:
            return True
        if word.islower() and (low.endswith("ed") or present and i == 0 and len(low) > 1):
            return True
    return False


_NOT_A_VERB = FRAGMENT_OPENERS | {"a", "an", "the", "up", "out", "off", "into"}
_PREPOSITION_BEFORE = re.compile(
    r"\b[a-z]+\s+(?:on|in|at|for|with|against|from|to|of|by|about|over|into|onto)\s+$"
)
_SUBORDINATOR_BEFORE = re.compile(
    r"\b(?:after|before|when|while|since|because|although|though|until|once|whereas|unless)\s+$",
    re.I,
)
_DESCRIPTION_SAID = re.compile(r"^[^,]{3,80},\s+(?:said|says|told|added|wrote)\b")
# what may stand before a clause's subject in small letters: a sentence's or a clause's start
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?:;,(\u2014\u2013\"\u201c\u2018-]|\b(?:that|and|but|or|when|after|before|as|while"
    r"|because|since|until|unless|once|whether|though|although|if|where|so|then|said|says|say"
    r"|told|tell|reported)\b)\s*$",
    re.I,
)
_SUBJECT_AFTER_COMMA = re.compile(
    r"^[^,]{3,60}, (?:[A-Z]|(?:the|a|an|he|she|it|they|we|police|officials)\b)"
)
# what may follow a clause cut short: its verb ("a file containing 15.2 million records | was
# stolen") or what was said ("analysts estimated on Dec. 18 | that …")
_CUT_BEFORE = re.compile(r"\s+(?:that|was|were|is|are|had|has|have|would|will|could)\b")


# nouns whose "that" opens what they hold: "with the promise | that lower taxes …"
_CONTENT_NOUNS = frozenset(
    "promise promises hope hopes claim claims fact belief warning warnings news idea assurance "
    "assurances pledge view fear fears suggestion argument notion sign signs evidence message "
    "assertion allegation allegations impression expectation expectations conclusion".split()
)


_ASIDE_THEN_VERB = re.compile(r",\s+[a-z][^,.;]{1,60},\s+([a-z]+)\b")
_NOUN_OF = re.compile(r"\b(?:the|a|an)\s+[a-z]+$")


def _cut_short(text: str, record: str, end: int) -> bool:
    """The sentence goes on right after the record, with its verb or what was said; or what
    was said stops before its verb ("said that a file containing 15 million records")."""
    at = record.find(" that ")
    said = _SAID_THAT.search(record, max(0, at - 40), at + 6) if at >= 0 else None
    if said is not None and not _finite(_words(record[said.end() :]), present=False):
        return True
    if _OPEN_END.search(record):
        return True  # "… is that earlier today", "left on Jan. 1 but when it landed …"
    if _NOUN_OF.search(record) and text[end : end + 4] == " of ":
        return True  # "dismissed the possibility | of talks": a noun cut from what it is of
    verb_after = _ASIDE_THEN_VERB.match(text, end)
    if verb_after and _past_tense([verb_after.group(1)]):
        return True  # "as a government warning | , known as the J-Alert, went off": its subject
    cut = _CUT_BEFORE.match(text, end)
    if cut is None:
        return False
    if cut.group(0).strip() != "that":
        return True
    # "that" opens what was said only after a verb of saying ("estimated on Dec. 18 | that …"),
    # not after an agreement it describes ("reached an agreement on Tuesday | that …"); a noun
    # right before it is cut from what it says ("signed the bill with the promise | that …")
    last = _words(record)[-4:]
    if len(last) > 1 and last[-1].lower() in _CONTENT_NOUNS:
        return True
    # a verb of saying a little further back: "announced to her followers via Twitter on
    # Monday | that …"
    if any(w.lower() in SPEECH_CUES for w in _words(record)[-8:]):
        return True
    return any(
        w.lower() in SPEECH_CUES or w.lower() in CONFIDENCE_IRREGULAR_PAST or w.endswith("ed")
        for w in last
    )


def _subject_word(text: str, words: list[str]) -> str:
    """The clause's first word, past a phrase of time or place before it ("On Tuesday, it …")."""
    if words[0].lower() in ADVERBIAL_OPENERS and ", " in text:
        after = _words(text.split(", ", 1)[1])
        return after[0].lower() if after else ""
    return words[0].lower()


_OPEN_END = re.compile(
    r"\bthat(?:\s+\S+){0,2}$|\b(?:but|and)\s+(?:when|as|while|because|if|after|before)\b[^,]*$"
)
_SAID_THAT = re.compile(
    rf"\b(?:{'|'.join(sorted(SPEECH_CUES))})\b(?:\s+\w+){{0,3}}?\s+that\s+", re.I
)


def _two_sentences(record: str) -> bool:
    """A full stop inside the record, with more after it: two pieces glued together ("… took
    place. * The first Ford …", "… hydrogen bomb. detonated last Sunday")."""
    return bool(_INNER_STOP.search(record) or _GLUED.search(record))


_GLUED = re.compile(r"\b[a-z]{3,} (?:So|But|And|Then|When|The|It|He|She|They|We|This) [a-z]")
_INNER_STOP = re.compile(
    r"\b[a-z]{3,}[.!?][\"'\u201d\u2019]?\s+[*\u2022a-z$]|[.!?]\s+\*"
    r"|\b[a-z]{4,}\.(?:The|A|An|It|He|She|They|We|In|On)\b"  # "contact.The state-run …": glued
)


def _question(text: str, end: int) -> bool:
    """The record's sentence is a question ("Do we expect him to speak tonight?")."""
    return text[end : end + 3].lstrip("\"'\u201d\u2019 ")[:1] == "?"


def _cut_quotation(text: str) -> bool:
    """Quotation marks left unpaired: the record starts or stops inside a quotation."""
    curly = text.count("\u201c") != text.count("\u201d")
    return curly or text.count('"') % 2 == 1


def _left_open(record: str) -> bool:
    """A quotation opened in the record and not closed in it (not the tail of one opened
    sentences before: 'All options are on the table," Trump said')."""
    if record.rstrip()[-1:] in ".!?":
        return False  # 'was "heartbreaking.': the quotation goes on in the next sentence
    if record.count("\u201c") > record.count("\u201d"):
        return True
    at = record.rfind('"')
    opened = record.count('"') % 2 == 1 and (at == 0 or record[at - 1] in " (\u2014")
    return opened and "''" not in record[at:]  # 'a "travel advisory'' in October


def _closed_after(text: str, end: int) -> bool:
    """The quotation closes right after the record (past a full stop)."""
    return any(c in '"\u201d' for c in text[end : end + 2])


def _line_end(text: str, end: int) -> int:
    stop = text.find("\n", end)
    return len(text) if stop < 0 else stop


def _caption_line(text: str, start: int, end: int) -> bool:
    """The record's line ends without a sentence's closing mark (and is no short heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start : _line_end(text, end)].rstrip()
    return len(line.split()) > 6 and line[-1:] not in _SENTENCE_CLOSERS


def _beside_furniture(text: str, end: int) -> bool:
    """The rest of the record's line is blanked furniture: a long run of spaces after it."""
    return "     " in text[end : _line_end(text, end)]


def _past_tense(words: list[str]) -> bool:
    """Whether the clause has a verb in the past tense: "was", "began", "seized" (not
    "must be signed", not a capitalised name in -ed)."""
    for i, word in enumerate(words):
        low = word.lower()
        before = words[i - 1].lower() if i else ""
        if low in ("was", "were", "had", "did"):
            return True
        if low in CONFIDENCE_IRREGULAR_PAST and before not in NOT_BEFORE_PAST:
            return True  # "will be held" is no past
        if word.islower() and low.endswith("ed") and before not in NOT_BEFORE_PAST:
            if "-" not in word:  # "op-ed", "state-owned"
                return True
    return False


_FUTURE_WORDS = re.compile(
    r"\b(?:will|would|shall|going to|plans?|scheduled|due|expected|set to|must|next"
    r"|to (?:hold|meet|begin|start|launch|vote|open|visit|sign|resume|discuss))\b|'ll\b",
    re.I,
)


# words after which a word in -ed, -s or -ing is an adjective or a noun: "the coordinated
# attacks", "a missile launch"
_NOUN_PHRASE_WORDS = frozenset("the a an its his her their this these those of and".split())


def _has_verb(words: list[str]) -> bool:
    """Whether any word of the clause can be a verb (a rough test: it only has to tell a
    caption, a dateline or a noun phrase from a clause)."""
    for i, word in enumerate(words):
        low = word.lower()
        before = words[i - 1] if i else ""
        if low == "am" and before.isdigit():
            continue  # "at 9:45 am": a time
        if low in AUXILIARY_VERBS:
            return True
        if "-" in word:
            continue  # "op-ed", "California-based": no verb
        if before.lower() in _NOUN_PHRASE_WORDS or before.islower() and before.endswith("ed"):
            continue  # "the coordinated attacks": no verb in a noun phrase
        if low in CONFIDENCE_IRREGULAR_PAST or low in SPEECH_CUES:
            return True
        # (a word in -ing alone makes no clause: "the last landing", "police raiding …"; nor a
        # plural of a noun's ending: "the Bastille Day celebrations")
        if word.islower() and low.endswith(("ed", "es", "s")) and not low.endswith(_NOUN_ENDINGS):
            return True
        # a plural opening the clause ("voters go"), not one inside a noun phrase ("the
        # fireworks display")
        plural = before.lower() in ("they", "we", "you") or (
            i == 1 and before.islower() and before.endswith("s")
        )
        if plural and word.isalpha() and word.islower() and low not in _NOT_AFTER_SUBJECT:
            return True  # "voters go to the polls", "they meet in Brussels"
    return False


_NOT_AFTER_SUBJECT = frozenset(
    "of in on at to for and or but by with from the a an that which who as ago later earlier "
    "this next last each all both".split()
)


_NOUN_ENDINGS = (
    "ss", "tions", "sions", "ments", "ances", "ences", "ities", "nesses", "ships", "ers", "ors",
    "ists", "ians", "als", "ants", "ents",
)  # fmt: skip


_ATTRIBUTION_TAIL = re.compile(
    rf"\b(?:{'|'.join(SPEECH_CUES)})\W+(?:on |late |early )?(?:this |last )?"
    rf"(?:{'|'.join(WEEKDAYS)}|today|yesterday|tonight)\W*(?:morning|afternoon|evening|night)?\W*$",
    re.I,
)


# a relative clause set off by commas on both sides, a participle's phrase after a comma
# ("Another video, addressed to the families in August"), or an aside in brackets: no main verb
# ("Sheen, who adopted the team, was at the game"; "Trump, who predicted a deal" is readable)
_ASIDE = re.compile(r",\s+(?:which|who|whose|whom)\b[^,]*,|\([^()]*\)")
# a noun phrase and a participle's phrase after its one comma: "Another video, addressed to …"
# (not "Skyhaven Airlines, the largest carrier, cancelled …", where the verb follows an aside)
_PARTICIPLE_TAIL = re.compile(r"^([^,]*),\s+[a-z]+ed\b[^,]*$")
# the date dates what the clause's own happening followed: "voted … following its test on
# Sept 3", "adopted sanctions in response to the test on 29 November"
_GOVERNED_DATE = re.compile(
    r"\b(?:following|since|ahead of|in response to|in the wake of|referring to|in (?:\w+ )?contrast"
    r"|compared (?:with|to)|similar to|like)\b[^,;]{0,80}$",
    re.I,
)


def _main_clause(record: str) -> str:
    """The record without its relative clauses and bracketed asides."""
    tail = _PARTICIPLE_TAIL.match(record)
    return _ASIDE.sub(" ", tail.group(1) if tail else record)


def _date_of_another(e: Event, text: str, marks: Sequence[DateMark]) -> bool:
    """The only date read in the record stands in a phrase about an earlier happening that
    follows the clause's verb ("… voted … following its sixth nuclear test on Sept 3")."""
    inside = [m for m in marks if e.start <= m[0] and m[1] <= e.end and m[2] == e.date]
    if len(inside) != 1 or not text:
        return False
    lead = text[e.start : inside[0][0]]
    governed = _GOVERNED_DATE.search(lead)
    return governed is not None and _has_verb(_words(lead[: governed.start()]))


def event_factors(e: Event, text: str, marks: Sequence[DateMark]) -> dict[str, float]:
    """The named factors of an event (`marks`: the date expressions read and their dates)."""
    factors: dict[str, float] = {}
    words = _words(e.text)
    before = text[max(0, e.start - 40) : e.start] if text else None
    if not words or _fragment(e.text, words, before) or _two_sentences(e.text):
        factors["fragment"] = EVENT_FRAGMENT
    elif _subject_word(e.text, words) in _PRONOUN_SUBJECTS or _REFERRING.match(e.text):
        factors["pronoun subject"] = EVENT_PRONOUN_SUBJECT
    main = _words(_main_clause(e.text))
    past = _past_tense(words)
    if not (_past_tense(main) or _has_verb(main)):
        factors["no verb"] = EVENT_NO_VERB
    if _date_of_another(e, text, marks):
        factors["date of another happening"] = EVENT_DATE_OF_ANOTHER
    if not e.scheduled and not past and _PRESENT.search(_main_clause(e.text)):
        factors["present for the past"] = EVENT_PRESENT_FOR_PAST
    if len(words) <= ATTRIBUTION_WORDS and _ATTRIBUTION_TAIL.search(e.text):
        factors["attribution only"] = EVENT_ATTRIBUTION_ONLY
    if e.scheduled and past and not _FUTURE_WORDS.search(e.text):
        factors["tense disagrees"] = EVENT_TENSE_DISAGREES
    if not any(e.start <= m[0] and m[1] <= e.end for m in marks):
        factors["date elsewhere"] = EVENT_DATE_ELSEWHERE
    if len(words) < SHORT_EVENT:
        factors["short"] = EVENT_SHORT
    if _CAPTION.search(e.text) or (text and _caption_line(text, e.start, e.end)):
        factors["caption"] = EVENT_CAPTION
    if text and _beside_furniture(text, e.end):
        factors["beside furniture"] = EVENT_BESIDE_FURNITURE
    if _left_open(e.text) and not (text and _closed_after(text, e.end)):
        factors["cut quotation"] = EVENT_CUT_QUOTATION
    if text and _cut_short(text, e.text, e.end):
        factors["cut short"] = EVENT_CUT_SHORT
    if text and _question(text, e.end):
        factors["question"] = EVENT_QUESTION
    factors.update(happening_factors(e, text, marks))
    return factors


# --------------------------------------------------------------- events: is it a happening?

# A timeline row tells of a happening: someone did something, something happened, on its date.
# Told by a copula or a verb of state ("Wednesday's crash is the worst accident …", "the price
# was around $3,000", "Crouch had been in Dallas", "that's an issue …", "the talks seemed to
# be moving ahead"): a description, an assessment, background, not a happening.
EVENT_STATE = 0.45
# A modal or a forecast as the main verb ("the shares … cannot be sold for five years", "is
# expected to be on standby from August", "there will be joy … whenever"), a present perfect
# ("has widened a fault line", "has caused outrage"), or a progressive present ("is undergoing
# tests"): an assessment or a prospect, not what happened that day.
EVENT_PROSPECT = 0.45
# A plan as it was ("the flight was scheduled to leave at 11:55 pm"): what was planned, not
# what happened.
EVENT_PAST_PLAN = 0.4
# No past tense of a verb of action and nothing ahead: a present of analysis ("the tax measure
# signed into law this month spreads benefits across …"), or a historical present ("a gunman
# opens fire … and kills 49 people"), which reads well: alone, it does not hide a row.
EVENT_NO_ACTION = 0.7
# Dated by a plan while the row tells of its announcement ("Seoul responded with an offer to
# hold talks on January 9", "Musk says the first launch will happen next month").
EVENT_DATED_BY_PLAN = 0.45
# An unnamed person as the subject of a verb of saying ("One man who was leaving the hospital
# told …", "A woman said …"): a witness's account, a side detail ("A local man was arrested" is
# a happening).
EVENT_UNNAMED_PERSON = 0.45
# The date stands in an aside set off by commas ("recommended that the state of emergency, put
# in place after the attacks in November 2015, be extended"): it dates another happening.
EVENT_DATE_IN_ASIDE = 0.45

_COPULAS = frozenset("is are was were am seems seem seemed remains remain remained".split())
# verbs of seeming only before "to" ("appeared to be of the same type"; "appeared in court")
_SEEMING = frozenset("appears appear appeared looks look looked".split())
_PRONOUN_IS = frozenset(
    "that's it's there's here's what's that\u2019s it\u2019s there\u2019s here\u2019s "
    "what\u2019s".split()
)
_MODALS = frozenset("can cannot could would might may should must will shall won't can't".split())
_PERFECT = frozenset("has have".split())
# participles of a plan or a state: after a copula they describe, they do not report
_PLAN_PARTICIPLES = frozenset("scheduled slated due set supposed planned expected".split())
_STATE_PARTICIPLES = frozenset(
    "likely unlikely limited known believed thought considered based located worried concerned "
    "involved related interested able unable aware sure certain".split()
)
_SKIPPED = frozenset(
    "not now still also already then very more most so too only even just first last later "
    "again never ever once today yesterday tonight".split()
)
_UNNAMED_PERSON = re.compile(
    r"^(?:one|a|an|another)\s+(?:\w+\s+){0,2}?(?:man|woman|witness|resident|person|boy|girl"
    r"|bystander|passenger|survivor|neighbou?r|onlooker|tourist|student|local|mother|father"
    r"|driver|worker|fan|visitor|customer|employee)\b(?!['\u2019]s)",
    re.I,
)
_FORECAST = re.compile(
    r"\b(?:expected|likely|unlikely|predicted|forecast) to\b|\b(?:most|very|more) likely\b"
    r"|\bprobably\b",
    re.I,
)
_PLAN_AHEAD = re.compile(r"\b(?:will|would|to|'ll)\b", re.I)


def _past_action(word: str, before: str) -> bool:
    """A past tense of a verb of action: "seized", "began" (not "the coordinated", "to be")."""
    low = word.lower()
    if low in _COPULAS or low == "had" or "-" in word or not word.islower():
        return False
    if before.lower() in NOT_BEFORE_PAST or before.lower() in _NOUN_PHRASE_WORDS:
        return False
    return (
        low in CONFIDENCE_IRREGULAR_PAST or low in SPEECH_CUES or low == "did" or low.endswith("ed")
    )


def _main_verb(words: list[str]) -> tuple[int, str]:
    """The position and kind of the clause's main verb: "action" (a past tense of a verb of
    action), "copula", "modal", "perfect" or "" (none found). A past form followed by a finite
    verb with no comma between belongs to its subject ("the missile launched Tuesday | was …",
    "the shares he received on Thursday | cannot be sold"); so does one before "by" ("the
    measure signed into law by …")."""
    action = -1
    for i, word in enumerate(words):
        low = word.lower().rstrip(",")
        if not word.islower() and (i > 0 or low in _MODALS):
            continue  # "in May", "Will Smith": a name
        if low == "am" and i and words[i - 1][:1].isdigit():
            continue  # "at 11:36 am": a time
        seeming = low in _SEEMING and words[i + 1 : i + 2] == ["to"]
        kind = (
            "copula"
            if low in _COPULAS or low in _PRONOUN_IS or seeming
            else "modal"
            if low in _MODALS
            else "perfect"
            if low in _PERFECT or low == "had"
            else ""
        )
        if kind and (action < 0 or _in_subject(words, action, i)):
            return i, kind
        if action < 0 and _past_action(word.rstrip(","), words[i - 1] if i else ""):
            if low in SPEECH_CUES:
                return i, "action"  # "said Sunday that the United States is …"
            if "by" not in [w.lower() for w in words[i + 1 : i + 5]]:
                action = i
    return (action, "action") if action >= 0 else (-1, "")


def _in_subject(words: list[str], action: int, verb: int) -> bool:
    """Whether the past form at `action` belongs to the subject of the finite verb at `verb`:
    close before it, with no comma and no "that" between."""
    between = words[action:verb]
    if words[action + 1].lower() in _NOUN_PHRASE_WORDS:
        return False  # "issued a travel advisory … they could face": a verb and its object
    return verb - action <= 8 and not any(w.endswith(",") or w == "that" for w in between)


def _after_verb(words: list[str], i: int) -> str:
    """The first word after position `i` that is no adverb ("was very likely" -> "likely")."""
    for word in words[i + 1 :]:
        low = word.lower().strip(",")
        if low not in _SKIPPED and not low.endswith("ly"):
            return low
    return ""


def _state_or_prospect(words: list[str], scheduled: bool, date_at: int) -> dict[str, float]:
    """The factor of a clause told by a copula, a modal or a perfect (see EVENT_STATE);
    `date_at` is the position of the first word of its date (-1 if unknown)."""
    i, kind = _main_verb(words)
    date_first = 0 <= date_at < i
    nxt = _after_verb(words, i) if i >= 0 else ""
    low = words[i].lower() if i >= 0 else ""
    if kind == "action" or (kind == "" and scheduled):
        return {}
    if kind == "":
        return {"no action": EVENT_NO_ACTION}
    if kind == "copula":
        if nxt in _PLAN_PARTICIPLES:
            if low in ("was", "were"):
                return {"a past plan": EVENT_PAST_PLAN}
            return {"prospect": EVENT_PROSPECT} if nxt == "expected" else {}
        passive = len(nxt) > 3 and nxt.endswith(("ed", "en")) or nxt in CONFIDENCE_IRREGULAR_PAST
        if passive and nxt not in _STATE_PARTICIPLES and low in ("was", "were"):
            return {}  # "was arrested", "were killed": a happening told in the passive
        if passive and nxt not in _STATE_PARTICIPLES and low in ("is", "are"):
            # "is fired during an exercise": a caption's present, unless it looks ahead
            return {} if _FUTURE_WORDS.search(" ".join(words)) else {"state": EVENT_STATE}
        if nxt.endswith("ing") and low in ("is", "are", "was", "were"):
            return {}  # "were fleeing the city", "is getting an update today"
        return {"state": EVENT_STATE}
    if kind == "modal":
        return {} if scheduled and low in ("will", "shall", "'ll") else {"prospect": EVENT_PROSPECT}
    # a perfect: "had been in Dallas" is background; "had fled", "had been killed" tell what
    # happened; "has caused outrage" after the dated happening it is about ("Friday's launch
    # has widened a fault line", "the abduction in April 2014 … has caused") is an assessment
    if nxt == "been":
        after = _after_verb(words, i + 1)
        if after.endswith(("ed", "en")) and after not in _STATE_PARTICIPLES:
            return {}
        return {"state": EVENT_STATE}
    return {"prospect": EVENT_PROSPECT} if low != "had" and date_first else {}


def _dated_by_plan(e: Event, words: list[str]) -> bool:
    """A scheduled date in a clause whose own verb reports the plan: a past tense of action
    or a present verb of saying before "will", "to" ("responded with an offer to hold talks on
    January 9", "says the launch will happen next month")."""
    if not e.scheduled:
        return False
    for i, word in enumerate(words):
        low = word.lower()
        if _PLAN_AHEAD.fullmatch(low):
            return False
        if i and words[i - 1].lower() in ("which", "who", "that"):
            continue  # "the tram which flipped on its side will be removed": its subject
        if _past_action(word, words[i - 1] if i else "") or (
            low.endswith("s") and low[:-1] in SPEECH_CUES
        ):
            return any(_PLAN_AHEAD.fullmatch(w.lower()) for w in words[i + 1 :])
    return False


_ASIDE_OPENING = re.compile(
    r"(?:\w+ly\s+)?(?:[a-z]+ed|put|set|cut|hit|made|held|built|which|who)\b"
)
_COMMA_ASIDE = re.compile(r",\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b[^,]*,|,\s+(?:which|who)\b[^,]*,")


def _date_in_aside(e: Event, text: str, marks: Sequence[DateMark]) -> bool:
    """The record's date stands inside an aside set off by commas, or the record is such an
    aside itself ("…, put in place after the attacks in November 2015, …"; see
    EVENT_DATE_IN_ASIDE)."""
    inside = [m for m in marks if e.start <= m[0] and m[1] <= e.end and m[2] == e.date]
    if not inside or not text:
        return False
    if _ASIDE_OPENING.match(e.text) and text[max(0, e.start - 2) : e.start].strip() == ",":
        return text[e.end : e.end + 1] == ","
    record = text[e.start : e.end]
    spans = [a.span() for a in _COMMA_ASIDE.finditer(record)]
    return all(any(s <= m[0] - e.start and m[1] - e.start <= t for s, t in spans) for m in inside)


def _first_action(words: list[str]) -> str:
    """The clause's first past tense of a verb of action, in small letters ("" if none)."""
    for i, word in enumerate(words):
        if _past_action(word, words[i - 1] if i else ""):
            return word.lower()
    return ""


# an aside with a relative pronoun anywhere in it: ", nearly all of whom are pregnant,"
_RELATIVE_ASIDE = re.compile(r",[^,]*\b(?:who|whom|which|whose)\b[^,]*,")
_SAID_TAIL = re.compile(
    r"[,\u201d\"]\s+(?:[\w.'\u2019-]+\s+){1,6}?(?:said|says|told|announced|added|reported|stated)"
    r"\b[^,]*$"
)


# a relative clause to the record's end: "California-based Qualcomm, which is set to …"
_TRAILING_RELATIVE = re.compile(r",\s+(?:which|who|whose|whom)\b[^,]*$")
_QUOTED = re.compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"]*\"")
# "when" and a clause with a past tense of action: "… when the plane suddenly turned around"
_WHEN_ACTION = re.compile(r"\bwhen\s+(?:\S+\s+){1,5}?(?:\w+ly\s+)?(?!was|were)[a-z]+ed\b")


def _date_position(e: Event, text: str, marks: Sequence[DateMark], clause: str) -> int:
    """The position among the clause's words of the first word of its date (-1 if none)."""
    inside = [m for m in marks if e.start <= m[0] and m[1] <= e.end]
    if not inside or not text:
        return -1
    first = _words(text[inside[0][0] : inside[0][1]])
    words = _words(clause)
    for i in range(len(words)):
        if first and words[i].startswith(first[0]):
            return i  # "Friday" in "Friday's launch"
    return -1


def happening_factors(e: Event, text: str, marks: Sequence[DateMark]) -> dict[str, float]:
    """The factors that tell a happening from a state, a prospect or a plan (see EVENT_STATE)."""
    clause = _QUOTED.sub(" ", _main_clause(e.text))
    clause = _COMMA_ASIDE.sub(" ", _RELATIVE_ASIDE.sub(" ", clause))
    main = _words(clause)
    if not main:
        return {}
    head = _words(_TRAILING_RELATIVE.sub("", clause))
    if head and not (_past_tense(head) or _has_verb(head)):
        return {"no main clause": EVENT_NO_VERB}  # "Qualcomm, …, which is set to hold …"
    date_at = _date_position(e, text, marks, clause)
    factors: dict[str, float] = {}
    # "…,” the minister said Friday": the happening is the saying; "seemed premature when the
    # North Koreans launched three missiles": the happening is told after "when"
    if not _SAID_TAIL.search(e.text) and not _WHEN_ACTION.search(clause):
        factors = _state_or_prospect(main, e.scheduled, date_at)
    if _FORECAST.search(e.text):
        factors["prospect"] = EVENT_PROSPECT
    if _dated_by_plan(e, main):
        factors["dated by a plan"] = EVENT_DATED_BY_PLAN
    if _UNNAMED_PERSON.match(e.text) and _first_action(main) in SPEECH_CUES:
        factors["unnamed person"] = EVENT_UNNAMED_PERSON
    if _date_in_aside(e, text, marks):
        factors["date in an aside"] = EVENT_DATE_IN_ASIDE
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
    actors = {a.name: a for a in analysis.actors}
    return replace(
        analysis,
        quotes=[
            replace(q, confidence=_quote_confidence(q, text, named, actors))
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


def _quote_confidence(
    q: Quote, text: str, named: dict[str, str], actors: dict[str, Actor]
) -> float:
    factors = quote_factors(q, text, named)
    if pronoun_passed_over(q, text, actors):
        factors["pronoun passed over"] = QUOTE_PRONOUN_PASSED_OVER
    if _shared_surname(q, text, actors):
        factors["shared surname"] = QUOTE_SHARED_SURNAME
    if _names_another_body(q, text, named):
        factors["another body speaks"] = QUOTE_ANOTHER_BODY
    if _pronoun_for_a_body(q, text, named) or _spokesman_for_another(q, text, actors):
        factors["a person's words given to another"] = QUOTE_FRAGMENT
    return _product(factors.values())


# "he said" given to a body ("Arizona Cardinals"): a pronoun for a person stands for one.
def _pronoun_for_a_body(q: Quote, text: str, named: dict[str, str]) -> bool:
    if q.speaker_span is None or q.speaker is None:
        return False
    mention = text[q.speaker_span[0] : q.speaker_span[1]].strip().lower()
    return mention in ("he", "she") and named.get(q.speaker) in ("organization", "country")


# "…, said the ministry's spokesman" given to a person the text gives no such role (a victim
# named in the paragraph before): the spokesman is someone else, unnamed.
_SPOKESPERSON = re.compile(
    r"^(?:the|a|an)\s+(?:\S+\s+){0,3}?(?:spokesman|spokeswoman|spokesperson)$", re.I
)


def _spokesman_for_another(q: Quote, text: str, actors: dict[str, Actor]) -> bool:
    if q.speaker_span is None or q.speaker is None:
        return False
    mention = " ".join(text[q.speaker_span[0] : q.speaker_span[1]].split())
    if not _SPOKESPERSON.match(mention) or q.speaker.split()[-1] in mention:
        return False  # ("an American Airlines spokesman" speaks for American Airlines)
    speaker = actors.get(q.speaker)
    roles = " ".join(speaker.roles).lower() if speaker is not None else ""
    return speaker is not None and speaker.kind == "person" and "spokes" not in roles


# A speaker described ("the airline said") whose words open with another organisation's name
# as their subject ("'Skyhaven would like to apologise …,' the airline said"): a statement
# speaks of its author in the third person, so the description is that organisation.
QUOTE_ANOTHER_BODY = 0.45


def _names_another_body(q: Quote, text: str, named: dict[str, str]) -> bool:
    if q.speaker_span is None or q.speaker is None:
        return False
    mention = text[q.speaker_span[0] : q.speaker_span[1]].strip()
    if not mention.lower().startswith("the ") or not mention[4:5].islower():
        return False  # "the airline", not "The Information Commissioner's Office"
    first = _words(q.text.lstrip("\"'\u201c\u2018 ")[:60])[:3]
    for size in (3, 2, 1):
        head = " ".join(first[:size])
        if named.get(head) == "organization":
            return head != q.speaker and head not in q.speaker
    return False


# The speaker named by a surname that two people of the article share ("Thurman says", with
# the actress and her father named): which one speaks is a guess.
QUOTE_SHARED_SURNAME = 0.45


def _shared_surname(q: Quote, text: str, actors: dict[str, Actor]) -> bool:
    if q.speaker_span is None:
        return False
    mention = text[q.speaker_span[0] : q.speaker_span[1]].strip()
    if " " in mention or not mention[:1].isupper():
        return False
    if q.speaker and q.speaker not in text:
        return False  # the headline's person, whom the text calls by the surname alone
    bearers = [
        a
        for a in actors.values()
        if a.kind == "person"
        and a.name.split()[-1] == mention
        and not holds_word(text, a.name.split()[0].lower())
    ]  # ("Added Haynes" is no one: a verb glued on)
    return len(bearers) > 1
