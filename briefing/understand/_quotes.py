"""Who said what: direct quotations and reported speech, each with its cue and speaker phrase.

A statement is read in steps: find the cue (a verb of saying, "according to", a dash or a colon
after a quotation), find its speaker (the subject before the cue, the subject after an inverted
cue, or the clause's owner for "…, adding that"), then find its content: before the speaker when
the sentence ends "…, officials said", otherwise after the cue, trimmed of what is not content
(a channel, a second verb, a trailing attribution).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from briefing.understand._aliases import AliasTable
from briefing.understand._lexicon import (
    ABBREVIATIONS,
    ADDRESS_CUES,
    ADDRESSEE_WORDS,
    ADJUNCT_PREPOSITIONS,
    APPEAL_CUES,
    APPOSITION_OPENERS,
    APPROXIMATORS,
    ASKED_QUESTION_WORDS,
    AUTHORED_NOUNS,
    AUX_SKIP,
    AUXILIARIES,
    BELIEF_CUES,
    CAPPED_SPEAKER_NOUNS,
    CHANNEL_FIRST_OPENERS,
    CHANNEL_LINKS,
    CHANNEL_NOUNS,
    CLAUSE_ONLY_CUES,
    CLAUSE_START_PRONOUNS,
    CLAUSE_SUBJECT_PRONOUNS,
    COLON_CLAUSE_OPENERS,
    COLON_INTRO_SKIP,
    COUNTING_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    ENDORSING_CUES,
    EVIDENCE_NOUNS,
    FORUM_WORDS,
    FUNCTION_CAPS,
    INSCRIPTION_NOUNS,
    INTERVIEW_WORDS,
    INVERTED_SUBJECT_PRONOUNS,
    ISSUING_VERBS,
    KNOWING_CUES,
    LEADING_CONJUNCTIONS,
    LY_NOUNS,
    MONTHS,
    NAMING_CUES,
    NOT_CONTINUATION_WORDS,
    NOT_TURN_LABELS,
    NOUN_LIKE_CUES,
    NOUN_MARKERS,
    NP_STOP,
    OBJECT_CUES,
    OBJECT_PRONOUNS,
    OPENING_PREPOSITIONS,
    OUTLET_WORDS,
    PARENTHETICAL_OPENERS,
    PASSIVE_AUXILIARIES,
    PREDICATE_ENDINGS,
    PROGRESSIVE_AUXILIARIES,
    PRONOUNS_ALL,
    QUESTION_CUES,
    RECORD_NOUNS,
    ROLE_WORDS,
    SHOWING_CUES,
    SPEECH_CUES,
    SUBJECT_CUE_ADVERBS,
    SUBORDINATORS,
    TIME_ADJUNCT_WORDS,
    TIME_DEICTICS,
    TIME_NOUNS,
    TITLE_SMALL_WORDS,
    TITLE_WORDS,
    TOPIC_PREPOSITIONS,
    WEAK_CUES,
    WEEKDAYS,
)
from briefing.understand._text import QUOTE_MARKS, Sentence, Token, opens_single_quotation

# "PENCE: Well, look …", "Pence: Flowers won't be at debate": up to four capitalised words.
_NAME_COLON = re.compile(
    r"[\"\u201c]?\s*((?:[A-Z][A-Za-z.'\u2019\-]*)(?:\s+[A-Z][A-Za-z.'\u2019\-]*){0,3}):\s+\S"
)
# What "according to" may name that is written rather than said (see _according_source).
_DOCUMENTS = DOCUMENT_NOUNS | CHANNEL_NOUNS | RECORD_NOUNS | AUTHORED_NOUNS

_WORD_IN_TURN = re.compile(r"[^\W\d_][\w'\u2019-]*")

# "…, in an interview with the BBC": a channel phrase after the content's comma.
_CHANNEL = re.compile(
    r"(?:in an interview (?:with|on)|speaking (?:to|on|with)|in a (?:post|statement|video) on"
    r"|writing in|on (?:Twitter|X|Telegram|Facebook|Truth Social))\b",
    re.I,
)


@dataclass
class Attribution:
    start: int  # content
    end: int
    direct: bool
    speaker: tuple[int, int] | None  # character span of the speaker phrase
    speaker_text: str
    cue: str
    cue_pos: int
    via: str | None = None
    content_first: bool = False
    phrase: tuple[int, int] | None = None  # the whole speaker phrase
    pending: bool = False  # "X said:" -- the content is the quotation that follows
    question: bool = False  # "when asked whether …": a question put to the speaker


# ---------------------------------------------------------------------------------------------
# The records the steps hand each other.


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A run of tokens by index, first and last included."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class _Subject(_Phrase):
    """A noun phrase before its verb; head is the last word of its main noun ("Peskov" in
    "Dmitry Peskov, the Kremlin spokesman,")."""

    head: int


@dataclass(frozen=True, slots=True)
class _Content(_Phrase):
    """The tokens a statement says, and the channel it was said through, if named."""

    via: str | None = None


@dataclass(frozen=True, slots=True)
class _Voice:
    """Who speaks: the characters that name them and the whole phrase as written."""

    span: tuple[int, int]
    text: str


@dataclass(frozen=True, slots=True)
class _Speaker:
    """The speaker of a cue and where its content may lie around them."""

    voice: _Voice
    resume: int  # first token after the cue (and after a subject that follows it)
    before: int = -1  # last token before the speaker phrase; -1 when the speaker is elsewhere
    inverted: bool = False  # '"…," said Putin': the subject follows the cue


@dataclass(frozen=True, slots=True)
class _Marker:
    """What opens a cue's content within its first ten words."""

    that_at: int | None = None  # "that", a colon, or a comma before a quotation
    colon_stop: int | None = None  # a colon after a clause: 'said the case had changed: "…"'


@dataclass(frozen=True, slots=True)
class _Opening:
    """Where the content after a cue starts, and the channel named before it."""

    first: int
    via: str | None
    colon_stop: int | None


@dataclass(frozen=True, slots=True)
class _Words:
    """A sentence being read: its tokens, the text they index into, and the given names that
    make an addressee a person ("told Anna Berg") rather than a channel ("told City Beat")."""

    text: str
    toks: list[Token]
    given_names: Mapping[str, str]

    @property
    def count(self) -> int:
        return len(self.toks)

    def lower(self, at: int) -> str:
        """The lower-cased word at `at`; "" past the sentence's end."""
        return self.toks[at].lower if 0 <= at < len(self.toks) else ""

    def span(self, phrase: _Phrase) -> tuple[int, int]:
        return self.toks[phrase.first].start, self.toks[phrase.last].end

    def voice(self, phrase: _Phrase) -> _Voice:
        start, end = self.span(phrase)
        return _Voice((start, end), self.text[start:end])


# ---------------------------------------------------------------------------------------------
# The public steps.


def find_in_sentence(text: str, s: Sentence, aliases: AliasTable) -> list[Attribution]:
    """The statements of one sentence. The alias table's given names tell a person from a
    channel after "told" ("told Anna Berg", "told City Beat")."""
    words = _Words(text, s.tokens, aliases.genders)
    found, questions = _cued_statements(words)
    found.extend(q for q in questions if not any(_overlap(q, b) for b in found))
    intro = _colon_intro(words, found)
    if intro is not None:
        found.append(intro)
    found = [b for b in found if not _nested_belief(text, b, found)]
    found = [b for b in found if not _nested_act(text, b, found)]
    found = _fold_according_into_channels(found)
    return [piece for b in found for piece in _by_paragraph(text, b)]


def _by_paragraph(text: str, statement: Attribution) -> list[Attribution]:
    """A quotation that runs on over several paragraphs ('He added: "…\\n"…"') is one statement
    per paragraph, as a reader sees them, each with the same speaker."""
    if "\n" not in text[statement.start : statement.end]:
        return [statement]
    pieces = []
    for line in re.finditer(r"[^\n]+", text[statement.start : statement.end]):
        start, end = statement.start + line.start(), statement.start + line.end()
        words = text[start:end].strip(" ,.;:\u2014-" + QUOTE_MARKS)
        if len(words) >= 2:
            pieces.append(replace(statement, start=start, end=end))
    return pieces or [statement]


def colon_turns(text: str, sents: list[Sentence]) -> list[Attribution]:
    """Transcripts and headlines: "PENCE: Well, look …", "Pence: Flowers won't be at debate"."""
    out = []
    for line in re.finditer(r"(?m)^[^\n]+", text):
        label = _NAME_COLON.match(line.group())
        if label is None or not _names_speaker(label.group(1)):
            continue
        body = _turn_body(text, line.start() + label.end(1) + 1, line.end())
        if body is None:
            continue
        start, end = body
        name = label.group(1)
        name_at = line.start() + label.start(1)
        span = (name_at, name_at + len(name))
        direct = any(c in QUOTE_MARKS for c in text[start:end])
        out.append(Attribution(start, end, direct, span, name, ":", span[1], phrase=span))
    return out


# ---------------------------------------------------------------------------------------------
# Finding the cues of a sentence and what each opens.


_QUOTE_MARK_SET = frozenset(QUOTE_MARKS)
# the words besides the speech cues and the verbs in -ed that may open a statement
_MAY_OPEN = frozenset(("according", "went", "\u2015", "\u2014", "\u2013"))


def _cued_statements(words: _Words) -> tuple[list[Attribution], list[Attribution]]:
    """The statements the sentence's cues open, in order; and apart from them the questions
    put to someone ("when asked by a reporter if …"), which no later "…, adding that" may take
    as the statement it continues."""
    found: list[Attribution] = []
    questions: list[Attribution] = []
    for at, tok in enumerate(words.toks):
        low = tok.lower
        if not (low in _MAY_OPEN or low.endswith("ed") or low in SPEECH_CUES):
            continue  # no cue, dash or "according to" (the checks below, made cheaply)
        if tok.lower == "according" and words.lower(at + 1) == "to":
            _keep(found, _according(words, at))
        elif tok.text in ("\u2015", "\u2014", "\u2013") and at > 0 and words.toks[at - 1].quote:
            _keep(found, _dash_attribution(words, at))
        elif _is_cue(tok) or _unknown_cue_after_quote(words.toks, at):
            statement = _cue_statement(words, at, found)
            if statement is not None:
                found.append(statement)
                found.extend(_quotation_after_colon(words, at, statement))
            elif tok.lower in ("asked", "asking"):
                question = _asked_question(words, at)
                if question is not None and not question.direct:
                    questions.append(question)
    return found, questions


def _cue_statement(words: _Words, at: int, found: list[Attribution]) -> Attribution | None:
    """What the cue at `at` opens: an appeal ("urged the board to …"), a statement, or a
    naming ('called it "a disgrace"')."""
    cue = words.toks[at].lower
    if cue in KNOWING_CUES and _not_knowing(words.toks, at):
        return None
    statement = _appeal(words, at, found) if cue in APPEAL_CUES else None
    if statement is None:
        statement = _attribution(words, at, found)
    if statement is None and cue in NAMING_CUES:
        statement = _naming(words, at, found)
    return statement


def _not_knowing(toks: list[Token], at: int) -> bool:
    """ "what most travellers don't know: …", "before they knew whether …": knowing nothing,
    or a question, is no claim."""
    before = toks[at - 1].lower if at > 0 else ""
    negated = before in ("not", "n't") or before.endswith(("n't", "n\u2019t"))
    after = toks[at + 1].lower if at + 1 < len(toks) else ""
    return negated or after in ASKED_QUESTION_WORDS or after == ":"


def _keep(found: list[Attribution], statement: Attribution | None) -> None:
    if statement is not None:
        found.append(statement)


def _overlap(a: Attribution, b: Attribution) -> bool:
    return a.start < b.end and b.start < a.end


def _is_cue(tok: Token) -> bool:
    return not tok.quote and tok.lower in SPEECH_CUES and tok.lower != "went"


def _unknown_cue_after_quote(toks: list[Token], at: int) -> bool:
    """ "…," Oliver barked. / "…," Trump went on: a verb right after "quotation, name" that the
    lexicon does not know is still the cue."""
    tok = toks[at]
    if tok.is_cap or tok.quote or not tok.text.isalpha():
        return False
    if tok.lower == "went":
        return at + 1 < len(toks) and toks[at + 1].lower == "on"
    if not tok.lower.endswith("ed") or len(tok.lower) < 5:
        return False
    if at + 1 < len(toks):
        after = toks[at + 1]
        if after.text not in (".", ",", "!", "?") and after.lower not in ADJUNCT_PREPOSITIONS:
            return False
    return _follows_quotation_and_name(toks, at)


def _follows_quotation_and_name(toks: list[Token], verb_at: int) -> bool:
    """The quotation (its comma inside or after it), then one to four name words, then the verb."""
    before_name = verb_at - 1
    while (
        before_name >= 0
        and verb_at - before_name <= 4
        and (toks[before_name].is_cap or toks[before_name].lower in ("he", "she", "they"))
    ):
        before_name -= 1
    if before_name < 0 or before_name >= verb_at - 1:
        return False
    if toks[before_name].quote:
        return True
    return before_name >= 1 and toks[before_name].text == "," and toks[before_name - 1].quote


def _quotation_after_colon(words: _Words, cue_at: int, statement: Attribution) -> list[Attribution]:
    """'…said the case had changed: "We came in with science."': the quotation after the
    content's colon is the speaker's too."""
    toks = words.toks
    last = next(
        (x for x in range(cue_at, words.count) if toks[x].end >= statement.end), words.count - 1
    )
    if statement.content_first or last + 2 >= words.count:
        return []
    colon, quotation = toks[last + 1], toks[last + 2]
    if colon.text != ":" or not quotation.quote or statement.end > colon.start:
        return []
    return [replace(statement, start=quotation.start, end=quotation.end, direct=True)]


def _nested_belief(text: str, statement: Attribution, found: list[Attribution]) -> bool:
    """'Stacy Baker says she thinks Cruz can win': "she thinks" inside what Baker says is part
    of her statement, not a second one."""
    if statement.speaker is None or statement.cue.lower() not in BELIEF_CUES:
        return False
    if statement.speaker_text.lower() not in CLAUSE_SUBJECT_PRONOUNS:
        return False
    speaker_at = statement.speaker[0]
    return any(
        outer is not statement
        and not outer.direct
        and outer.start <= speaker_at
        and text[outer.start : speaker_at].strip().lower() in ("", "that")
        and statement.end <= outer.end
        for outer in found
    )


def _nested_act(text: str, statement: Attribution, found: list[Attribution]) -> bool:
    """'Thurman said Weinstein attacked her in London': a verb that as often names an act
    ("attacked", "showed") inside what someone else reports, with no "that" or quotation of
    its own, is part of their words."""
    if statement.speaker is None or statement.direct or statement.content_first:
        return False
    if statement.cue.lower() not in WEAK_CUES or text[statement.start :].startswith("that "):
        return False
    speaker_at = statement.speaker[0]
    return any(
        outer is not statement and outer.start <= speaker_at and statement.end <= outer.end
        for outer in found
    )


def _fold_according_into_channels(found: list[Attribution]) -> list[Attribution]:
    """'"…," Merz said, according to FAZ': the outlet is the channel of Merz's statement, not
    a second speaker."""
    kept: list[Attribution] = []
    for statement in found:
        owner = _reported_statement(statement, found)
        if owner is None:
            kept.append(statement)
        elif any(w[:1].isupper() for w in statement.speaker_text.split()):
            owner.via = owner.via or statement.speaker_text
    return kept


def _reported_statement(statement: Attribution, found: list[Attribution]) -> Attribution | None:
    """The statement an "according to X" after it reports, if it is one."""
    if statement.cue != "according to" or statement.speaker is None:
        return None
    if not statement.content_first:
        return None
    return next(
        (
            other
            for other in found
            if other is not statement
            and other.cue != "according to"
            and other.cue_pos < statement.cue_pos
            and other.speaker is not None
            and other.end <= statement.cue_pos
        ),
        None,
    )


# ---------------------------------------------------------------------------------------------
# A verb of saying: its speaker, then its content.


def _attribution(words: _Words, cue_at: int, found: list[Attribution]) -> Attribution | None:
    """The statement the verb of saying at cue_at opens: its speaker, then its content before
    the speaker ('"…," Merz said.') or after the cue ('Merz said that …')."""
    if _cue_is_noun(words.toks, cue_at):
        return None
    speaker = _cue_speaker(words, cue_at, found)
    if speaker is None:
        return None
    cue = words.toks[cue_at].text
    before = _content_before_speaker(words, cue_at, speaker)
    if before is not None:
        return _make(words, before, speaker.voice, cue, cue_at, content_first=True, via=before.via)
    if speaker.inverted:
        return None
    return _content_after_cue(words, cue_at, speaker)


def _cue_is_noun(toks: list[Token], cue_at: int) -> bool:
    """A capitalised cue opens a sentence or a name (but in a headline it is the verb: "Mayor
    Says Bridge Will Reopen"); "a warning", "a written guarantee", "Merz's remarks" are nouns."""
    if toks[cue_at].is_cap:
        return not _headline_verb(toks, cue_at)
    before = toks[cue_at - 1].lower if cue_at > 0 else ""
    if _pronoun_contraction(before):
        return False  # "He's claiming that …": "he is", not "his"
    if before in ("worth", "having"):
        return True  # "It's worth noting that …", "Having said that, …": no one speaks
    return before in NOUN_MARKERS or before.endswith(("\u2019s", "'s"))


def _pronoun_contraction(word: str) -> bool:
    """ "he's", "she’s", "who's": a pronoun and "is" or "has"."""
    return word[-2:] in ("\u2019s", "'s") and word[:-2] in PRONOUNS_ALL


def _headline_verb(toks: list[Token], cue_at: int) -> bool:
    """ "Glenn Vik Says Port Will Close", "Port Will Close, Union Says": a cue in the third
    person after a name, in a line written in title case."""
    if cue_at == 0 or not toks[cue_at - 1].is_cap or not toks[cue_at].lower.endswith("s"):
        return False
    words = [t for t in toks if t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 4 and sum(t.is_cap for t in words) >= 0.8 * len(words)


def _cue_speaker(words: _Words, cue_at: int, found: list[Attribution]) -> _Speaker | None:
    """Who speaks: the subject before the cue; for "…, adding that" and "… but said" the
    clause's owner; after a quotation or a comma the subject that follows ('…," said Putin')."""
    toks = words.toks
    cue = toks[cue_at].lower
    quoted = _quoted_as_saying(words, cue_at)
    if quoted is not None:
        return quoted
    subject = subject_left(toks, cue_at, 0)
    if subject is not None and _participle_of_main_clause(toks, cue_at, subject):
        subject = None
    if subject is not None:
        noun_like = cue in NOUN_LIKE_CUES and not _evidence_shows(toks, cue_at, subject)
        if noun_like and not _verb_after_subject(toks, cue_at, subject):
            return None  # "initial reports", "his comments": a noun, not a verb
        return _subject_speaker(words, cue_at, subject)
    if cue_at == 0:
        return None
    before = toks[cue_at - 1]
    if _continues_clause(toks, cue_at):
        voice = _clause_owner(words, cue_at, found)
        return _Speaker(voice, resume=cue_at + 1) if voice is not None else None
    if before.text == "," or before.quote:
        return _inverted_speaker(words, cue_at)
    return None


def _continues_clause(toks: list[Token], cue_at: int) -> bool:
    """A cue whose subject is the clause's: "…, adding that", "… but has denied", "responded
    to the request by saying …"."""
    cue = toks[cue_at].lower
    before = toks[cue_at - 1]
    if cue.endswith("ing") and (before.text == "," or before.lower == "by"):
        return True
    lead = _skip_back(toks, cue_at - 1, 0)
    return lead >= 0 and toks[lead].lower in ("and", "but")


def _quoted_as_saying(words: _Words, cue_at: int) -> _Speaker | None:
    """'Thurman is quoted in the Times as saying …': whoever is quoted speaks."""
    toks = words.toks
    if toks[cue_at].lower != "saying" or toks[cue_at - 1].lower != "as":
        return None
    quoted = next(
        (
            x
            for x in range(cue_at - 2, max(-1, cue_at - 20), -1)
            if toks[x].lower in ("quoted", "quoting", "quotes") or toks[x].text in ";:"
        ),
        None,
    )
    if quoted is None or toks[quoted].text in ";:":
        return None
    quotee = subject_right(toks, quoted + 1, cue_at - 1)
    if quotee is not None and quotee.last == cue_at - 2:
        # "quoting him as saying", '"…," the paper quoted Ola Brekk as saying': the one quoted
        quoter = subject_left(toks, quoted, 0)
        before = quoter.first - 1 if quoter is not None else quoted - 1
        return _Speaker(words.voice(quotee), resume=cue_at + 1, before=before)
    while quoted > 0 and toks[quoted - 1].lower in PASSIVE_AUXILIARIES:
        quoted -= 1
    subject = subject_left(toks, quoted, 0)
    if subject is None:
        return None
    return _subject_speaker(words, cue_at, subject)


def _participle_of_main_clause(toks: list[Token], cue_at: int, subject: _Subject) -> bool:
    """'Brekk, who leads the union, rejected a deal on Monday, saying …': the clause before the
    participle is the main verb's, not an apposition; the sentence's subject speaks."""
    return (
        toks[cue_at].lower.endswith("ing")
        and cue_at >= 2
        and toks[cue_at - 1].text == ","
        and not toks[subject.first].is_cap
        and _verb_phrase_between(toks, subject.head, cue_at)
    )


def _verb_phrase_between(toks: list[Token], floor: int, cue_at: int) -> bool:
    """A comma-closed stretch before toks[cue_at] that opens with a past-tense verb."""
    comma = cue_at - 2
    while comma > floor and toks[comma].text != ",":
        comma -= 1
    opening = toks[comma + 1]
    return comma < cue_at - 2 and opening.lower.endswith("ed") and not opening.is_cap


def _evidence_shows(toks: list[Token], cue_at: int, subject: _Subject | None) -> bool:
    """ "A new poll shows the mayor leading", "court records showed payments": a poll, a record
    or a video that shows something reports it, object and all."""
    if toks[cue_at].lower not in SHOWING_CUES or subject is None:
        return False
    return any(t.lower in EVIDENCE_NOUNS for t in toks[subject.first : subject.last + 1])


def _verb_after_subject(toks: list[Token], cue_at: int, subject: _Subject) -> bool:
    """A cue that may be a noun ("reports") is a verb right after a named or pronoun subject."""
    head = toks[subject.head]
    named = head.is_cap or head.lower in PRONOUNS_ALL
    return named and _skip_back(toks, cue_at - 1, 0) == subject.head


def _subject_speaker(words: _Words, cue_at: int, subject: _Subject) -> _Speaker:
    """The subject speaks: the whole phrase when it names someone ("Foreign Minister Lavrov",
    "the minister"), otherwise its head."""
    issuer = _document_issuer(words.toks, subject)
    if issuer is not None:
        subject = issuer
    owner = _document_owner(words, subject)
    if owner is not None:
        return _Speaker(owner, resume=cue_at + 1, before=subject.first - 1)
    first = words.toks[subject.first]
    if subject.first == subject.last and _pronoun_contraction(first.lower):
        start = first.start
        voice = _Voice((start, start + len(first.text) - 2), first.text[:-2])
        return _Speaker(voice, resume=cue_at + 1, before=subject.first - 1)
    named = first.is_cap or first.lower in DETERMINERS
    shown = subject if named else _Phrase(subject.head, subject.head)
    voice = _Voice(words.span(shown), words.voice(subject).text)
    name = _name_after_descriptor(words.toks, subject) if named else None
    if name is not None:
        voice = words.voice(name)  # "Hustle assistant coach Darnell Lazare": the name
    return _Speaker(voice, resume=cue_at + 1, before=subject.first - 1)


def _name_after_descriptor(toks: list[Token], subject: _Subject) -> _Phrase | None:
    """The name that ends a subject after a lower-case descriptor: "Darnell Lazare" in
    "Hustle assistant coach Darnell Lazare", "Tong Zhao" in "Beijing-based analyst Tong
    Zhao" (a single word only after a role: "analyst Zhao")."""
    head = subject.head
    if head != subject.last or not toks[head].is_cap:
        return None
    start = head
    while start - 1 > subject.first and (
        toks[start - 1].is_cap or (toks[start - 1].text == "." and toks[start - 2].is_cap)
    ):
        start -= 1
    descriptor = toks[start - 1]
    if start - 1 < subject.first or descriptor.is_cap or not descriptor.text.isalpha():
        return None
    if descriptor.lower in DETERMINERS or descriptor.lower in NP_STOP:
        return None
    if head == start and descriptor.lower not in ROLE_WORDS:
        return None  # "newspaper Haaretz": the descriptor says what the name is
    return _Phrase(start, head)


def _document_issuer(toks: list[Token], subject: _Subject) -> _Subject | None:
    """'Black Lives Matter issued a statement saying …': whoever issued it speaks."""
    if toks[subject.head].lower not in DOCUMENT_NOUNS or subject.first < 2:
        return None
    if toks[subject.first - 1].lower not in ISSUING_VERBS:
        return None
    return subject_left(toks, subject.first - 1, 0)


def _document_owner(words: _Words, subject: _Subject) -> _Voice | None:
    """ "The company's statement said …", "the executives' letter calls on …": whose document
    it is speaks, written without its possessive ending."""
    toks = words.toks
    head = subject.head
    if toks[head].lower not in DOCUMENT_NOUNS or head - 1 < subject.first:
        return None
    owner = toks[head - 1].text
    cut = next((len(e) for e in ("\u2019s", "'s", "\u2019", "'") if owner.endswith(e)), 0)
    if not cut or len(owner) <= cut:
        return None
    start, end = words.span(_Phrase(subject.first, head - 1))
    end -= cut
    return _Voice((start, end), words.text[start:end])


def _inverted_speaker(words: _Words, cue_at: int) -> _Speaker | None:
    """'…," said Putin' / '…, said the minister': the subject after the cue."""
    phrase = subject_right(words.toks, cue_at + 1, words.count)
    if phrase is None or _gerund(words.toks[phrase.first]):
        return None  # '…“Pulp Fiction,” acknowledged making an …': the verb's object, no one
    return _Speaker(words.voice(phrase), phrase.last + 1, before=cue_at - 1, inverted=True)


def _gerund(tok: Token) -> bool:
    return not tok.is_cap and tok.lower.endswith("ing") and tok.lower not in ("acting", "king")


def _clause_owner(words: _Words, cue_at: int, found: list[Attribution]) -> _Voice | None:
    """'…, adding that …' / '… but said that …': the speaker of the sentence's statement
    before, or else the sentence's subject."""
    owner = found[-1] if found else None
    if owner is not None and owner.speaker is not None:
        return _Voice(owner.speaker, owner.speaker_text)
    phrase = _sentence_subject(words.toks, cue_at)
    return words.voice(phrase) if phrase is not None else None


def _content_before_speaker(words: _Words, cue_at: int, speaker: _Speaker) -> _Content | None:
    """'"…," Merz said.' / 'Voting fraud is rare, officials say.': content that ends before
    the speaker, with nothing but an adjunct after the cue."""
    toks = words.toks
    before = speaker.before
    if before < 0 or speaker.voice.text.lower() in ("who", "which"):
        return None  # "Buhari, who vowed to …": what comes before is the one who vowed
    closing = toks[before]
    if not (closing.quote or (closing.text == "," and before > 0)):
        return None
    quoted = any(x.quote for x in toks[max(0, before - 3) : before + 1])
    if not (quoted or _long_clause_before(toks, before, speaker.resume)):
        return None
    if not _tail_is_adjunct(toks, speaker.resume, toks[cue_at].lower, quoted=quoted):
        return None
    last = before if closing.quote else before - 1
    first = 0
    while first < last and (
        toks[first].lower in LEADING_CONJUNCTIONS or toks[first].text in ("\u2014", "-", ",")
    ):
        first += 1
    resumed = _continuation(toks, speaker.resume, is_quote=closing.quote)
    if resumed is not None:
        last = resumed
    via = _via_in(toks, speaker.resume, words.count, words.given_names)
    return _Content(first, last, via)


def _long_clause_before(toks: list[Token], before: int, tail: int) -> bool:
    """A clause of its own before the speaker's comma. "In Berlin, officials said the talks …"
    has its content after the cue; "In that step, officers may search, officials said." ends
    with it."""
    count = len(toks)
    quote_follows = tail + 1 < count and toks[tail].text == "," and toks[tail + 1].quote
    if before < 4 or quote_follows:
        return False
    return toks[0].lower not in ADJUNCT_PREPOSITIONS or tail >= count or toks[tail].text in ".!?"


def _tail_is_adjunct(toks: list[Token], tail: int, cue: str, *, quoted: bool) -> bool:
    """After "…," X said: nothing, a comma, a quotation, or a short adjunct to the end."""
    if tail >= len(toks):
        return True
    tok = toks[tail]
    if tok.text == ":" or tok.lower == "that":
        return False
    if tok.quote:
        return quoted  # 'Asked about it, Trump said "we'll see"': the quotation is the content
    if tok.text in (".", ",", "!", "?", ";", "\u2014", "\u2013", "-", "("):
        return True
    if tok.lower in SUBORDINATORS or _adverb(tok):
        return True  # "…," Clinton wrote when …  /  "…," she tweeted shortly after …
    if _content_follows(toks, tail):
        return False
    return _adjunct_after_cue(toks, tail, cue, quoted=quoted)


def _content_follows(toks: list[Token], tail: int) -> bool:
    """'said in a statement that …', 'told Fox that …': the cue introduces content after all."""
    for at in range(tail, min(len(toks), tail + 10)):
        tok = toks[at]
        if tok.lower == "that" or tok.text == ":":
            return True
        if tok.quote and at > tail and toks[at - 1].text in (",", ":"):
            return True
        if tok.text in (",", ";"):
            return False
    return False


def _adjunct_after_cue(toks: list[Token], tail: int, cue: str, *, quoted: bool) -> bool:
    """What follows the cue says when, where or about what, not more content."""
    tok = toks[tail]
    word = tok.lower
    if quoted and tok.text[:1].isdigit():
        return True  # '"…," Trump said 30 minutes into the debate.'
    if quoted and any(t.lower in TIME_NOUNS for t in toks[tail + 1 : tail + 3]):
        return True  # '"…," she said several months after her release'
    if word in ADJUNCT_PREPOSITIONS or word in TIME_ADJUNCT_WORDS or word in TOPIC_PREPOSITIONS:
        return True  # '"…," Grassley said of the offer.'
    participle = word.endswith("ing") and not tok.is_cap
    if quoted and participle and tail > 0 and toks[tail - 1].lower[-1:] == "s":
        return True  # '"…," said aid agencies working in the valley.'
    # after a quotation, "told analysts on a call" is the addressee, not new content
    return cue in ADDRESS_CUES and (
        quoted or tok.is_cap or word in ADDRESSEE_WORDS or word in DETERMINERS
    )


def _continuation(toks: list[Token], tail: int, *, is_quote: bool) -> int | None:
    """Index where content resumes after the cue and ends: "…," she said, "second part.\""""
    count = len(toks)
    comma = tail
    while comma < count and toks[comma].text != ",":
        if toks[comma].quote or toks[comma].text in (".", ";", "!", "?"):
            break
        comma += 1
    if comma >= count or toks[comma].text != ",":
        return None
    if comma + 1 < count and _aside_participle(toks[comma + 1]):
        comma = _comma_before_quotation(toks, comma + 1)  # '…," she said, referring to X, "…"'
    if comma + 1 < count and toks[comma + 1].quote:
        last = comma + 1
        while last + 1 < count and toks[last + 1].quote:
            last += 1
        return last
    if is_quote or comma + 1 >= count:
        return None
    if toks[comma + 1].is_cap or _opens_other_clause(toks[comma + 1]):
        return None
    return _content_end(toks, comma + 1, count)


def _aside_participle(tok: Token) -> bool:
    """ "referring to …", "pointing at …": an aside, not a cue of its own ("quoting him as
    saying", "adding that")."""
    return _participle_clause(tok) and tok.lower not in SPEECH_CUES and tok.lower != "quoting"


def _comma_before_quotation(toks: list[Token], start: int) -> int:
    """The comma right before a quotation within fifteen words of `start`, if no other
    quotation or sentence end comes first; else `start` (which opens no quotation)."""
    for at in range(start, min(len(toks) - 1, start + 15)):
        if toks[at].quote or toks[at].text in (".", ";", "!", "?", ":"):
            break
        if toks[at].text == "," and toks[at + 1].quote:
            return at
    return start


def _opens_other_clause(tok: Token) -> bool:
    """Words after '…," she said,' that open something other than the content's second part."""
    word = tok.lower
    return (
        word in NOT_CONTINUATION_WORDS
        or word in SPEECH_CUES
        or word.endswith(("ing", "ed"))
        or word in ADJUNCT_PREPOSITIONS
        or word == "according"
    )


def _content_after_cue(words: _Words, cue_at: int, speaker: _Speaker) -> Attribution | None:
    """'Merz said that …', 'Merz told reporters the talks …': the content after the cue."""
    toks = words.toks
    opening = _content_opening(words, cue_at, speaker.resume)
    if opening is None:
        return None
    if opening.first >= words.count:
        return _pending(words, cue_at, speaker, opening.via)
    cue = toks[cue_at].lower
    if cue in ENDORSING_CUES and not _clausal_opening(toks, opening.first):
        backed = _endorsed(toks, opening.first)
        return _make(words, backed, speaker.voice, toks[cue_at].text, cue_at) if backed else None
    shows = _evidence_shows(toks, cue_at, subject_left(toks, cue_at, 0))
    if not (shows or _used_as_speech(toks, cue, opening.first)):
        return None
    content = _trimmed_content(words, cue_at, speaker, opening)
    return _make(words, content, speaker.voice, toks[cue_at].text, cue_at, via=content.via)


def _endorsed(toks: list[Token], first: int) -> _Phrase | None:
    """Whom or what an endorsement backs: the object's noun phrase ("endorsed Mrs. Clinton on
    Tuesday" -> "Mrs. Clinton")."""
    if first < len(toks) and toks[first].lower in OBJECT_PRONOUNS:
        return _Phrase(first, first)
    return subject_right(toks, first, len(toks))


def _pending(words: _Words, cue_at: int, speaker: _Speaker, via: str | None) -> Attribution | None:
    """'X said:' ending the sentence: the content is the quotation that follows."""
    if not words.count or words.toks[-1].text != ":":
        return None
    at = words.toks[-1].end
    cue = words.toks[cue_at]
    voice = speaker.voice
    return Attribution(at, at, True, voice.span, voice.text, cue.text, cue.start, via,
                       phrase=voice.span, pending=True)  # fmt: skip


def _content_opening(words: _Words, cue_at: int, first: int) -> _Opening | None:
    """Where the content after the cue starts: after "that" or a colon when one comes soon,
    else after an addressee ("told reporters …"); None for a weak cue used without a clause."""
    toks = words.toks
    cue = toks[cue_at].lower
    if cue in QUESTION_CUES and words.lower(first) in ("whether", "if"):
        return _Opening(first, None, None)  # "asked if the cuts meant that …": the question
    marker = _complement_marker(toks, first, cue)
    if marker.that_at is not None:
        that_at = marker.that_at
        via = _via_in(toks, first, that_at, words.given_names) if that_at > first else None
        return _Opening(that_at + (0 if toks[that_at].lower == "that" else 1), via, None)
    if _bare_weak_cue(toks, cue, first):
        return None  # "thinks", "shows": keep only clausal uses ("polls show Clinton leading")
    via = None
    addressee = _addressee(toks, cue, first)
    if addressee is not None:
        # the addressee may be the channel: "told Fox News the …" reads as "told to Fox News"
        with_to = [*toks[:first], Token("to", 0, 0), *toks[first:]]
        via = _via_in(with_to, first, addressee.last + 2, words.given_names)
        first = addressee.last + 1
    while first < words.count and toks[first].text in (",", ":"):
        first += 1
    after = _past_adjunct(toks, first)
    if after is None:
        return None  # "complained about the scene", "reported on the offer": no words said
    return _Opening(after, via, marker.colon_stop)


def _opens_clause_after(tok: Token, before: Token) -> bool:
    """A word that may open a clause after the phrase that ends with `before`."""
    if before.lower in DETERMINERS or before.lower in OPENING_PREPOSITIONS:
        return False
    if tok.is_cap:
        return not before.is_cap  # not the second word of a name ("the White House")
    return tok.lower in DETERMINERS or tok.lower in CLAUSE_START_PRONOUNS


def _past_adjunct(toks: list[Token], first: int) -> int | None:
    """Where the content starts after a prepositional phrase right after the cue ("said on
    Monday the talks …", "said in a statement the plant …"); None when no clause follows it."""
    if first >= len(toks) or toks[first].lower not in OPENING_PREPOSITIONS:
        return first
    for at in range(first + 2, min(len(toks), first + 12)):
        tok, before = toks[at], toks[at - 1]
        if tok.lower == "that" and before.text == "," and not _determiner_that(toks, at, len(toks)):
            return at  # "says at a stop in Toledo, Ohio, that …"
        if at >= first + 8:
            continue
        if tok.quote:
            return at  # 'said on Monday, "…"'
        if tok.text == ":" and at + 1 < len(toks) and toks[at + 1].quote:
            return at + 1
        if tok.text in (";", ":", "."):
            return None
        if _opens_clause_after(tok, before) and _looks_clausal(toks, at, len(toks)):
            return at
    return None


def _complement_marker(toks: list[Token], first: int, cue: str) -> _Marker:
    """The "that", colon or comma before a quotation that opens the content, within ten words
    of the cue and before any other punctuation, quotation or cue."""
    limit = min(len(toks), first + 10)
    if first < len(toks) and toks[first].lower in CLAUSE_SUBJECT_PRONOUNS:
        if cue not in ADDRESS_CUES:
            limit = first  # "said he came to see that …": the clause starts at its own subject
    for at in range(first, limit):
        tok = toks[at]
        if (
            tok.quote
            and _is_title(tok.text)
            and any(x.lower == "that" for x in toks[at + 1 : at + 4])
        ):
            continue  # 'told ABC's "Good Morning America" that …': a show's name, then the content
        if tok.text == ":" and at - first >= 4 and _looks_clausal(toks, first, at):
            return _Marker(colon_stop=at)  # 'said the testimony had changed the case: "…"'
        if _relative_that(toks, first, at):
            break  # "agreed to pay a fine over a breach that affected …": no content follows
        if _opens_complement(toks, at):
            return _Marker(that_at=at)
        if _ends_complement_search(toks, first, at):
            break
    return _Marker()


def _relative_that(toks: list[Token], first: int, at: int) -> bool:
    """ "missiles that can hit", "a breach that affected": "that" after a noun two or more
    words into the object, right before a verb, opens a relative clause."""
    if toks[at].lower != "that" or at - first < 2 or at + 1 >= len(toks):
        return False
    noun, verb = toks[at - 1], toks[at + 1]
    if noun.is_cap or not _content_word(noun) or _adverb(noun):
        return False
    past = verb.lower.endswith("ed") and not verb.is_cap
    return verb.lower in AUXILIARIES or past


def _opens_complement(toks: list[Token], at: int) -> bool:
    """ "that" opening a clause, a colon, or a comma right before a quotation."""
    tok = toks[at]
    if tok.lower == "that":
        return not _determiner_that(toks, at, len(toks))
    if tok.text == ",":
        return at + 1 < len(toks) and toks[at + 1].quote
    return tok.text == ":"


def _ends_complement_search(toks: list[Token], first: int, at: int) -> bool:
    """A quotation, punctuation, another cue or "that demand": no marker follows."""
    tok = toks[at]
    if tok.quote or tok.text in (";", ",") or tok.lower == "that":
        return True  # "rejected that demand within hours"
    return at > first and _is_cue(tok)


def _bare_weak_cue(toks: list[Token], cue: str, first: int) -> bool:
    """A weak cue ("thinks", "shows") followed by nothing, punctuation or a preposition."""
    if cue not in WEAK_CUES:
        return False
    if first >= len(toks):
        return True
    tok = toks[first]
    return not tok.quote and (tok.lower in ADJUNCT_PREPOSITIONS or tok.text in ".,;")


def _addressee(toks: list[Token], cue: str, first: int) -> _Phrase | None:
    """ "told reporters the talks …", "assured Merz it would": the one told, before the content."""
    if cue not in ADDRESS_CUES or first >= len(toks):
        return None
    if not (toks[first].is_cap or toks[first].lower in ADDRESSEE_WORDS):
        return None
    phrase = subject_right(toks, first, len(toks))
    if phrase is None:
        return None
    # "told reporters the vote was close": the content's own subject is no addressee
    cut = next(
        (x for x in range(first + 1, phrase.last + 1) if _opens_phrase(toks, x, first)), None
    )
    if cut is not None and not toks[cut].is_cap:
        phrase = _Phrase(first, cut - 1)
    return phrase if phrase.last + 1 < len(toks) else None


def _used_as_speech(toks: list[Token], cue: str, first: int) -> bool:
    """Whether a cue with its bare object reports speech rather than an act ("claimed
    victory", "insists on a full audit")."""
    clausal = _clausal_opening(toks, first)
    if cue in CLAUSE_ONLY_CUES and not clausal:
        return False
    if cue.startswith("insist") and toks[first].lower in ("on", "upon"):
        return False  # "insists on a full audit": a demand (a red line), not a statement
    if cue in QUESTION_CUES and toks[first].lower in ("whether", "if"):
        return True  # "a reporter asked whether the deal was dead": the question put
    return clausal or cue not in OBJECT_CUES or _looks_clausal(toks, first, len(toks))


def _clausal_opening(toks: list[Token], first: int) -> bool:
    """Content that opens as a clause: "that …" (not "that demand"), after a colon, or a
    quotation."""
    tok = toks[first]
    if tok.lower == "that" and not _determiner_that(toks, first, len(toks)):
        return True
    return (first > 0 and toks[first - 1].text == ":") or tok.quote


def _trimmed_content(words: _Words, cue_at: int, speaker: _Speaker, opening: _Opening) -> _Content:
    """The content from its opening to the sentence's end, less what is not content."""
    toks = words.toks
    first = opening.first
    last = _content_end(toks, first, words.count)
    if opening.colon_stop is not None:
        last = opening.colon_stop - 1
    if speaker.voice.text.lower() in ("who", "which"):
        last = _end_of_relative_clause(toks, first, last)
    last = _before_second_verb(toks, first, last)
    last, via = _before_channel(words, first, last, opening.via)
    if via is None:
        via = _opening_channel(words, cue_at)
    last = _before_trailing_clause(toks, first, last)
    return _Content(_content_start(toks, first, last), last, via)


def _content_start(toks: list[Token], first: int, last: int) -> int:
    """The first word of what is said: after the colon of 'replied … by saying only: "…"'
    when the quotation ends the content. (A clause-opening "that" stays: PolNeAR's and the
    demo's gold keep it.)"""
    colon = next((x for x in range(first + 1, last) if toks[x].text == ":"), None)
    if colon is not None and colon + 1 == last and toks[last].quote:
        if any(_is_cue(x) for x in toks[first:colon]):
            return last
    return first


def _end_of_relative_clause(toks: list[Token], first: int, last: int) -> int:
    """'…, which says it speaks for 300 families, wrote …': the relative clause ends first."""
    for at in range(first + 1, last):
        if toks[at].text == ",":
            return at - 1
    return last


def _before_second_verb(toks: list[Token], first: int, last: int) -> int:
    """'said he makes $41,000 a year and questioned how …': the second verb is not content."""
    for at in range(first + 2, last):
        if toks[at].lower not in ("and", "but") or toks[at + 1].is_cap:
            continue
        verb = toks[at + 1]
        if _is_cue(verb) or (
            toks[at].lower == "and"
            and _past_verb(verb)
            and not any(x.quote for x in toks[first:at])
            and not any(_past_verb(x) for x in toks[first + 1 : at])
        ):
            return at - 1  # "…called the package "a good start" but warned that …"
    return last


def _past_verb(tok: Token) -> bool:
    """A lower-case word in -ed that is no auxiliary: a verb in the past. In 'said he makes
    $41,000 a year and questioned how …' "questioned" is the speaker's second verb; in 'says he
    pushed her down and tried to …' "tried" is the content's own, its first verb being past too."""
    return tok.lower.endswith("ed") and not tok.is_cap and tok.lower not in AUXILIARIES


def _before_channel(
    words: _Words, first: int, last: int, via: str | None
) -> tuple[int, str | None]:
    """'…, in an interview with the BBC': the channel, not the content."""
    toks = words.toks
    for at in range(first + 1, last):
        if toks[at].text == "," and _CHANNEL.match(words.text, toks[at].end + 1):
            return at - 1, via or _via_in(toks, at + 1, last + 1, words.given_names)
    return last, via


def _opening_channel(words: _Words, cue_at: int) -> str | None:
    """'Speaking to The Times, Mel Stride said …': the channel named before the speaker."""
    toks = words.toks
    if toks[0].lower not in CHANNEL_FIRST_OPENERS:
        return None
    comma = next((x for x in range(1, min(cue_at, 12)) if toks[x].text == ","), None)
    return _via_in(toks, 0, comma, words.given_names) if comma is not None else None


def _before_trailing_clause(toks: list[Token], first: int, last: int) -> int:
    """Stop before a trailing attribution ("…, he added."), a new one ("…, and he warned that
    …") or a participle clause ("…, drawing jeers")."""
    for at in range(first + 1, last):
        if toks[at].text != ",":
            continue
        if (
            _new_statement_after(toks, at, last)
            or _trailing_attribution(toks, at + 1, last + 1)
            or _participle_clause(toks[at + 1])
        ):
            return at - 1
    return last


def _new_statement_after(toks: list[Token], comma: int, last: int) -> bool:
    """'…, and he warned that …': "and", a subject and a cue start a new statement."""
    if toks[comma + 1].lower != "and":
        return False
    if not any(_is_cue(x) for x in toks[comma + 2 : min(last + 1, comma + 6)]):
        return False
    return toks[comma + 2].lower in PRONOUNS_ALL or toks[comma + 2].is_cap


def _participle_clause(tok: Token) -> bool:
    word = tok.lower
    return word.endswith("ing") and not tok.is_cap and word != "including" and len(word) > 5


def _trailing_attribution(toks: list[Token], start: int, stop: int) -> bool:
    """toks[start:stop] is "he said" / "said Peskov" / "according to X" / "officials say" only."""
    if start >= stop:
        return False
    if toks[start].lower == "according":
        return True
    for at in range(start, min(stop, start + 8)):
        tok = toks[at]
        if _is_cue(tok) and tok.lower not in WEAK_CUES:
            rest = toks[at + 1 : stop]
            return all(_adjunct_word(r) for r in rest[:6]) and len(rest) <= 8
        if tok.quote or tok.text in (",", ";"):
            return False
    return False


def _adjunct_word(tok: Token) -> bool:
    """A word of a short adjunct after a trailing cue: a name, a preposition, a time."""
    if tok.quote:
        return False
    word = tok.lower
    return (
        tok.is_cap
        or word in ADJUNCT_PREPOSITIONS
        or word in TIME_ADJUNCT_WORDS
        or word in DETERMINERS
        or tok.text in ".,"
    )


def _content_end(toks: list[Token], first: int, stop: int) -> int:
    """Last token index of content that runs from `first` to the sentence end (`stop`)."""
    last = stop - 1
    while last > first and not toks[last].quote and toks[last].text in ".!?;:\u2026":
        last -= 1
    if toks[first].quote and first + 1 <= last and _quotation_then_participle(toks, first, last):
        return first  # 'joked, "You are being ridiculous," drawing jeers': the quotation alone
    return last


def _quotation_then_participle(toks: list[Token], quote_at: int, last: int) -> bool:
    """A quotation, its comma, then a participle clause or a clause of time ('"we'll see",
    as he walked in')."""
    comma_after = toks[quote_at + 1].text == ","
    comma_inside = toks[quote_at].text.rstrip(QUOTE_MARKS).endswith(",")
    after = quote_at + 2 if comma_after else quote_at + 1
    if not (comma_after or comma_inside) or after > last:
        return False
    word = toks[after]
    if word.lower in SUBORDINATORS and not word.is_cap:
        return True
    return not word.is_cap and word.lower.endswith("ing") and word.lower not in SPEECH_CUES


def _looks_clausal(toks: list[Token], first: int, stop: int) -> bool:
    """A bare complement that reads as a clause: a subject pronoun first, or an auxiliary soon."""
    if toks[first].lower in CLAUSE_START_PRONOUNS:
        return True
    for tok in toks[first : min(stop, first + 8)]:
        if tok.text in (",", ";"):
            return False
        if tok.lower in AUXILIARIES or tok.quote:
            return True
    return False


def _determiner_that(toks: list[Token], at: int, count: int) -> bool:
    """ "that demand within hours": "that" points at a noun rather than opening a clause."""
    if at + 2 >= count:
        return (
            at + 1 < count
            and not toks[at + 1].is_cap
            and toks[at + 1].lower not in CLAUSE_START_PRONOUNS
        )
    noun, after = toks[at + 1], toks[at + 2]
    return (
        not noun.is_cap
        and noun.lower not in CLAUSE_START_PRONOUNS
        and noun.lower not in DETERMINERS
        and (
            after.lower in ADJUNCT_PREPOSITIONS
            or after.text in (".", ",", ";")
            or after.lower == "within"
        )
    )


def _is_title(quoted: str) -> bool:
    """'"Good Morning America"', '"Meet the Press"': a name in quotation marks, not words said."""
    words = quoted.strip(QUOTE_MARKS + " ,").split()
    if not words or len(words) > 6 or quoted.rstrip(QUOTE_MARKS + " ")[-1:] in ".!?":
        return False
    capped = all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
    return capped and words[0][:1].isupper()


def _make(
    words: _Words,
    content: _Phrase,
    voice: _Voice,
    cue: str,
    cue_at: int,
    *,
    content_first: bool = False,
    via: str | None = None,
) -> Attribution | None:
    """The statement of `content` by `voice`, unless the content is empty or punctuation."""
    if content.last < content.first:
        return None
    start, end = words.span(content)
    said = words.text[start:end]
    if len(said.strip(" ,.;:\u2014-" + QUOTE_MARKS)) < 2:
        return None
    direct = not _QUOTE_MARK_SET.isdisjoint(said) or opens_single_quotation(said)
    at = words.text.find(voice.text, max(0, voice.span[0] - len(voice.text)))
    phrase = (at, at + len(voice.text)) if at >= 0 else voice.span
    cue_start = words.toks[cue_at].start
    return Attribution(
        start, end, direct, voice.span, voice.text, cue, cue_start, via, content_first, phrase
    )


# ---------------------------------------------------------------------------------------------
# Other cues: "according to", a dash, "called it …", "when asked if …", a colon.


def _according(words: _Words, at: int) -> Attribution | None:
    """'according to X': X speaks; the content is what follows when the phrase opens the
    sentence or a clause, otherwise what comes before its comma."""
    source = _according_source(words.toks, at)
    if source is None:
        return None
    voice = words.voice(source)
    toks = words.toks
    if _opens_clause(toks, at):
        # "…, because, according to Trump, the media would …": what follows is the content
        first = source.last + 1
        while first < words.count and toks[first].text == ",":
            first += 1
        if first >= words.count:
            return None
        content = _Phrase(first, _content_end(toks, first, words.count))
        return _make(words, content, voice, "according to", at)
    if at < 2:
        return None
    before = toks[at - 1]
    after = source.last + 1
    if before.text == "," and _resumes_after(toks, after):
        # "Her plan, according to two aides, was to resign": the words around the phrase
        content = _Phrase(0, _content_end(toks, after + 1, words.count))
        return _make(words, content, voice, "according to", at)
    closing_comma = before.quote and before.text.rstrip(QUOTE_MARKS + "'").endswith(",")
    if before.text == "," or closing_comma:
        last = at - 1 if closing_comma else at - 2
        return _make(words, _Phrase(0, last), voice, "according to", at, content_first=True)
    if at >= 4 and (after >= words.count or toks[after].text in (".", "!", "?")):
        # "Sales fell by a third according to the trade body.": no comma, the sentence's end
        return _make(words, _Phrase(0, at - 1), voice, "according to", at, content_first=True)
    return None


def _resumes_after(toks: list[Token], after: int) -> bool:
    """ "…, according to two aides, was to resign": the clause goes on after the phrase's
    comma (not with an apposition of the source: "…, according to Ri, the head of …")."""
    if after + 1 >= len(toks) or toks[after].text != ",":
        return False
    nxt = toks[after + 1]
    return not (nxt.is_cap or nxt.quote or _opens_apposition(nxt) or _is_role(nxt))


def _opens_clause(toks: list[Token], at: int) -> bool:
    """Whether "according to" at `at` opens the sentence or a clause."""
    if at == 0 or (at <= 2 and toks[0].lower in ("but", "and", "yet", "so")):
        return True
    return at >= 2 and toks[at - 1].text == "," and toks[at - 2].lower in PARENTHETICAL_OPENERS


def _according_source(toks: list[Token], at: int) -> _Phrase | None:
    """Who "according to" names; the one a document comes from rather than the document."""
    document = _document_noun(toks, at + 2)
    if document is not None:
        # "according to a statement from her ministry": the ministry speaks, not the paper
        author = _document_author(toks, document + 1)
        if author is not None:
            return _with_name_after_comma(toks, author)
        if toks[document].lower in RECORD_NOUNS:
            return None  # "according to public records", "according to a poll"
    source = subject_right(toks, at + 2, len(toks))
    if source is None:
        return None
    return _with_name_after_comma(toks, source)


def _document_noun(toks: list[Token], first: int) -> int | None:
    """The document or record a phrase from `first` names, within its first six words
    ("a recently published biography", "census data"); not one inside a name ("the Census
    Bureau", "the Global Terrorism Index" is a record by name too)."""
    for at in range(first, min(len(toks), first + 6)):
        tok = toks[at]
        if tok.quote or not tok.text[:1].isalnum():
            return None
        if at > first and (tok.lower in ADJUNCT_PREPOSITIONS or tok.lower == "of"):
            return None  # "people familiar with the network's plans": people, not plans
        if tok.lower in _DOCUMENTS and _ends_noun(toks, at):
            return at
    return None


def _ends_noun(toks: list[Token], at: int) -> bool:
    """Whether the noun at `at` ends its phrase: no other noun or name follows it."""
    if at + 1 >= len(toks):
        return True
    nxt = toks[at + 1]
    if nxt.quote or not nxt.text[:1].isalnum():
        return True
    if nxt.is_cap:
        return False
    word = nxt.lower
    if at + 2 < len(toks) and toks[at + 2].lower == "by":
        return True  # "documents seen by the paper": a participle
    return word in ADJUNCT_PREPOSITIONS or word in ("by", "from", "of") or word.endswith("ed")


def _document_author(toks: list[Token], link: int) -> _Phrase | None:
    """Who a document named before `link` comes from: "from her ministry", "by X", or the "by"
    after its "of" phrase ("a biography of the president by the historian X")."""
    count = len(toks)
    if link + 1 >= count or toks[link].lower not in ("from", "by", "of"):
        return None
    if toks[link].lower == "of":
        by = next(
            (x for x in range(link + 1, min(count, link + 10)) if toks[x].lower == "by"), None
        )
        if by is not None and not any(t.text in ",;:" for t in toks[link:by]):
            link = by
    behind = subject_right(toks, link + 1, count)
    if behind is not None and toks[behind.last].lower in RECORD_NOUNS:
        return _document_author(toks, behind.last + 1)
    return behind


def _with_name_after_comma(toks: list[Token], source: _Phrase) -> _Phrase:
    """'according to his spokesman, Stefan Kornelius': the name after the comma belongs to it."""
    count = len(toks)
    comma = source.last + 1
    if comma + 1 >= count or toks[comma].text != "," or not toks[comma + 1].is_cap:
        return source
    last = comma + 1
    while last + 1 < count and toks[last + 1].is_cap:
        last += 1
    if last + 1 >= count or toks[last + 1].text in (".", ",", ";"):
        return _Phrase(source.first, last)
    return source


def _dash_attribution(words: _Words, dash_at: int) -> Attribution | None:
    """'"We will stay" — Ola Brekk.': the name after a dash that follows a quotation."""
    speaker = subject_right(words.toks, dash_at + 1, words.count)
    if speaker is None:
        return None
    after = speaker.last + 1
    if after < words.count and words.toks[after].text not in (".", ","):
        return None
    quotation = _Phrase(dash_at - 1, dash_at - 1)
    return _make(words, quotation, words.voice(speaker), words.toks[dash_at].text, dash_at)


def _naming(words: _Words, cue_at: int, found: list[Attribution]) -> Attribution | None:
    """'Trump called the merger "a terrible deal"', 'calling him "a total stiff"',
    'described his plan as "a work in progress"': the quoted words are the speaker's."""
    quotation = _named_quotation(words.toks, cue_at)
    if quotation is None:
        quotation = _small_clause_end(words.toks, cue_at)
    elif any(
        a.start < words.toks[quotation].end and words.toks[quotation].start < a.end for a in found
    ):
        return None
    if quotation is None or quotation == cue_at + 1:
        return None
    voice = _naming_voice(words, cue_at, found)
    if voice is None:
        return None
    content = _Phrase(cue_at + 1, quotation)
    return _make(words, content, voice, words.toks[cue_at].text, cue_at)


def _predicate_word(tok: Token) -> bool:
    """A lower-case adjective by its ending: "unfounded", "dangerous", "irresponsible"."""
    word = tok.lower
    return not tok.is_cap and word.endswith(PREDICATE_ENDINGS) and word not in NP_STOP


def _naming_object_end(toks: list[Token], first: int) -> int | None:
    """The last word of the object right after a naming verb: a pronoun, or a short noun
    phrase that ends before "a", a preposition or an adjective ("the charges unfounded")."""
    if first >= len(toks):
        return None
    if toks[first].lower in OBJECT_PRONOUNS:
        return first
    at = first + 1 if toks[first].lower in DETERMINERS else first
    last = None
    while at < len(toks) and at - first < 6:
        tok = toks[at]
        if tok.quote or not tok.text[:1].isalnum() or tok.lower in ("a", "an", "the"):
            break
        if tok.lower in NP_STOP or tok.lower in ADJUNCT_PREPOSITIONS:
            break
        if last is not None and _predicate_word(tok):
            break
        last, at = at, at + 1
    return last


def _small_clause_end(toks: list[Token], cue_at: int) -> int | None:
    """ "called the charges unfounded", "called him a liar", "has called climate change a
    hoax": a naming without quotation marks, its object then what it is called; the index of
    the clause's last word. None for "called the police", "called a meeting on Monday"."""
    if not toks[cue_at].lower.startswith("call"):
        return None
    first = cue_at + 1
    obj_last = _naming_object_end(toks, first)
    if obj_last is None or obj_last + 2 >= len(toks):
        return None
    what = toks[obj_last + 1]
    if not (what.lower in ("a", "an") or _predicate_word(what)):
        return None
    last = _before_trailing_clause(toks, first, _content_end(toks, first, len(toks)))
    return last if last > obj_last + 1 else None


def _appeal(words: _Words, cue_at: int, found: list[Attribution]) -> Attribution | None:
    """'May called on China to press harder', 'urged the board to open talks': whom the
    speaker asks and the act asked of them are what the speaker says. ("called for a ban" is
    left out: the news gold and test_called_for_is_not_naming do not count it.)"""
    toks = words.toks
    span = _appeal_object(words, cue_at)
    if span is None or any(a.start <= toks[cue_at].start < a.end for a in found):
        return None
    first, anchor = span
    subject = subject_left(toks, cue_at, 0)
    owner = _document_owner(words, subject) if subject is not None else None
    voice = owner or _naming_voice(words, cue_at, found)
    if voice is None:
        return None
    last = _before_trailing_clause(toks, first, _content_end(toks, first, words.count))
    last = next((x - 1 for x in range(anchor, last) if _closes_appeal(toks, x)), last)
    return _make(words, _Phrase(first, last), voice, toks[cue_at].text, cue_at)


def _appeal_object(words: _Words, cue_at: int) -> tuple[int, int] | None:
    """Where what is asked starts, and where its end may be sought: after "called on" or
    "urged" when "to" and a verb follow within eight words."""
    toks = words.toks
    after = words.lower(cue_at + 1)
    first = cue_at + 2 if after == "on" else cue_at + 1
    if toks[cue_at].lower.startswith("call") and first == cue_at + 1:
        return None  # "called the vote", "called for calm": not an appeal to someone
    to_at = next(
        (x for x in range(first + 1, min(words.count, first + 9)) if toks[x].lower == "to"),
        None,
    )
    if to_at is None or any(_stops_appeal(x) for x in toks[first:to_at]):
        return None
    if to_at + 1 >= words.count or not _content_word(toks[to_at + 1]):
        return None
    return first, to_at


def _stops_appeal(tok: Token) -> bool:
    return tok.quote or tok.text in (",", ";", ":", ".", "(") or tok.lower == "that"


def _closes_appeal(toks: list[Token], at: int) -> bool:
    """ "…, and adds …", "…, but …": a comma before a conjunction or a cue ends the appeal."""
    if toks[at].text != "," or at + 1 >= len(toks):
        return False
    after = toks[at + 1]
    return after.lower in ("and", "but") or _is_cue(after) or after.quote


def _named_quotation(toks: list[Token], cue_at: int) -> int | None:
    """The quotation within eight words of a naming verb, if nothing stops the verb first."""
    for at in range(cue_at + 1, min(len(toks), cue_at + 9)):
        tok = toks[at]
        if tok.quote:
            return at
        if tok.text in (";", ":", ".", "(") or _is_cue(tok) or tok.lower in ("that", "for", "on"):
            return None  # "called for …", "called on …": a different verb
    return None


def _naming_voice(words: _Words, cue_at: int, found: list[Attribution]) -> _Voice | None:
    """Who names: a named, pronoun or determined subject; for ", calling" the clause's owner."""
    toks = words.toks
    subject = subject_left(toks, cue_at, 0)
    if subject is not None:
        first, head = toks[subject.first], toks[subject.head]
        if not (first.is_cap or head.lower in PRONOUNS_ALL or first.lower in DETERMINERS):
            return None
        shown = subject if first.is_cap else _Phrase(subject.head, subject.head)
        return _Voice(words.span(shown), words.voice(subject).text)
    if toks[cue_at].lower.endswith("ing") and cue_at >= 1 and toks[cue_at - 1].text == ",":
        return _clause_owner(words, cue_at, found)
    return None


def _asked_question(words: _Words, cue_at: int) -> Attribution | None:
    """'when asked by a reporter if that remains his view': the question is attributed to whoever
    asked it, when the text says who did."""
    toks = words.toks
    if words.lower(cue_at + 1) != "by":
        return None  # only a question someone is said to have put is kept
    asker = subject_right(toks, cue_at + 2, words.count)
    if asker is None:
        return None
    opener = _question_opener(toks, asker.last + 1, cue_at)
    if opener is None:
        return None
    last = opener + 1
    while (
        last + 1 < words.count
        and toks[last + 1].text not in (",", ".", ";", "?", ":")
        and not toks[last + 1].quote
    ):
        last += 1
    if last - opener < 2:
        return None
    statement = _make(words, _Phrase(opener, last), words.voice(asker), toks[cue_at].text, cue_at)
    return replace(statement, question=True) if statement is not None else None


def _question_opener(toks: list[Token], start: int, cue_at: int) -> int | None:
    """The "if", "whether", "why" … that opens the question, close after "asked by X"."""
    at = start
    while at < len(toks) and at - cue_at <= 4 and toks[at].lower not in ASKED_QUESTION_WORDS:
        if toks[at].text in (",", ".", ";", ":") or toks[at].quote:
            return None
        at += 1
    if at + 1 >= len(toks) or toks[at].lower not in ASKED_QUESTION_WORDS:
        return None
    if toks[at].lower == "about":
        return None  # "asked about the plan": a topic, not a question
    return at


def _colon_intro(words: _Words, found: list[Attribution]) -> Attribution | None:
    """'Ruth Aal was blunt: "Fix the trains."' -- a quotation after a colon belongs to the
    one the clause before the colon is about."""
    colon = _introducing_colon(words, found)
    if colon is None:
        return None
    speaker = _colon_speaker(words.toks, colon)
    if speaker is None:
        return None
    return _make(words, _Phrase(colon + 1, colon + 1), words.voice(speaker), ":", colon)


def _introducing_colon(words: _Words, found: list[Attribution]) -> int | None:
    """The colon before the sentence's first quotation, when no cue claims the quotation and
    what it says reads as a statement."""
    toks = words.toks
    colon = next((x for x in range(1, words.count - 1) if toks[x].text == ":"), None)
    if colon is None or not toks[colon + 1].quote or any(t.quote for t in toks[:colon]):
        return None
    quotation = toks[colon + 1]
    said = words.text[quotation.start : quotation.end].strip(QUOTE_MARKS + " ").split()
    if len(said) < 3 or not said[0][:1].isupper():
        return None  # a title or a scare-quoted phrase, not a statement
    if any(a.start < quotation.end and quotation.start < a.end for a in found):
        return None  # a cue already claims it ('She said: "…"', '"…," she said.')
    if any(_is_cue(t) or t.lower in INSCRIPTION_NOUNS for t in toks[:colon]):
        return None
    return colon


def _colon_speaker(toks: list[Token], colon: int) -> _Phrase | None:
    """Who the clause before the colon is about."""
    first = 0
    while first < colon and (toks[first].lower in COLON_INTRO_SKIP or toks[first].text == ","):
        first += 1
    if first >= colon:
        return None
    if toks[first].lower in ("his", "her", "their", "its"):
        return _Phrase(first, first)  # "Her verdict on the plan:": the person she is
    # the clause nearest the colon speaks: "She was upset, so that I changed my answer:"
    clause_at = max(
        (
            x + 1
            for x in range(first, colon)
            if toks[x].text == "," or toks[x].lower in COLON_CLAUSE_OPENERS
        ),
        default=first,
    )
    near = subject_right(toks, clause_at, colon) if clause_at > first else None
    subject = _sentence_subject(toks, colon)  # "In a Fox interview, Trump went further:"
    runs = _name_runs(toks, first, colon)
    if near is not None and _names_someone(toks, near, runs):
        subject = near
    if subject is not None and _names_someone(toks, subject, runs):
        return subject
    # "The response from Ole Nes, the port director:", "Trump reportedly yelling:": the name
    # nearest the colon
    return runs[-1] if runs else None


def _names_someone(toks: list[Token], phrase: _Phrase, runs: list[_Phrase]) -> bool:
    """A pronoun, or a phrase that holds the start of a name."""
    if toks[phrase.first].lower in PRONOUNS_ALL:
        return True
    return any(phrase.first <= run.first <= phrase.last for run in runs)


def _name_runs(toks: list[Token], start: int, stop: int) -> list[_Phrase]:
    """Runs of capitalised words in toks[start:stop], less function words and headline
    capitals."""
    runs: list[_Phrase] = []
    at = start
    while at < stop:
        tok = toks[at]
        if (
            tok.is_cap
            and tok.lower not in FUNCTION_CAPS
            and not (tok.text.isupper() and len(tok.text) > 3)
        ):
            last = at
            while last + 1 < stop and toks[last + 1].is_cap and not toks[last + 1].text.isupper():
                last += 1
            runs.append(_Phrase(at, last))
            at = last + 1
        else:
            at += 1
    return runs


# ---------------------------------------------------------------------------------------------
# Noun phrases: the subject before a cue, the subject after it, the sentence's subject.


def subject_left(toks: list[Token], cue_at: int, floor: int) -> _Subject | None:
    """The subject of the cue at cue_at, not reaching left of floor, or None."""
    last = _skip_back(toks, cue_at - 1, floor)
    if last >= floor and toks[cue_at].lower.endswith("ing") and _progressive(toks[last].lower):
        last = _skip_back(toks, last - 1, floor)  # "The White House is saying that …"
    last = _before_adjunct_between_commas(toks, last, floor)
    if last < floor:
        return None
    if toks[last].text == ")":
        return _subject_before_parenthesis(toks, last, floor)
    if toks[last].text == ",":
        return _subject_before_apposition(toks, last, floor)
    if toks[last].text in _DASHES:
        return _subject_before_dashes(toks, last, floor)
    first = _phrase_start(toks, last, floor)
    if first is None:
        return None
    if toks[first].lower == "who" and first - 2 >= floor and toks[first - 1].text == ",":
        return _Subject(first, first, head=first)
    enclosing = _enclosing_subject(toks, first, floor)
    if enclosing is not None:
        return enclosing
    return _Subject(first, last, head=last)


def _enclosing_subject(toks: list[Token], first: int, floor: int) -> _Subject | None:
    """The noun phrase that speaks when the phrase before the cue is only the object inside
    its modifier: "An aid worker who saw the girls after their release said", "Investors
    contacted by the paper at the time said", "Ana Ruiz, a fellow at a think tank in Lima
    told …"."""
    link = first - 1
    if link >= floor and toks[link].text == ",":
        return _name_before_apposition(toks, link, floor)
    if link < floor or not (toks[link].lower in OPENING_PREPOSITIONS or _past_verb(toks[link])):
        return None
    enclosing = _enclosing_phrase(toks, link, floor)
    if enclosing is None or toks[link].lower not in SUBORDINATORS:
        return enclosing
    # "an engineer who inspected the bridge after the flood said", but "players who were
    # sent off after a referee accused them": a clause of its own unless the sentence's
    # subject opens the modifier
    opens_sentence = enclosing.first == floor or toks[enclosing.first - 1].lower in ("but", "and")
    return enclosing if opens_sentence else None


def _enclosing_phrase(toks: list[Token], link: int, floor: int) -> _Subject | None:
    """The noun phrase whose modifier ends with the word at `link`, within fifteen words."""
    for at in range(link, max(floor, link - 15) - 1, -1):
        tok = toks[at]
        if tok.quote or tok.text in (";", ":", ".", "(", ")") or _is_cue(tok):
            return None
        if tok.text == ",":
            return _name_before_apposition(toks, at, floor)
        opens_modifier = (tok.lower in ("who", "that") and _verb_like(toks[at + 1])) or (
            _past_verb(tok) and toks[at + 1].lower == "by"
        )
        if opens_modifier and at - 1 >= floor and _noun_head(toks[at - 1]):
            start = _phrase_start(toks, at - 1, floor)
            return _Subject(start, at - 1, head=at - 1) if start is not None else None
    return None


def _verb_like(tok: Token) -> bool:
    """A word that can open a relative clause's verb phrase ("who saw", "that has"), not a
    noun phrase ("that a commentator …" is a clause with a subject of its own)."""
    word = tok.lower
    return not tok.is_cap and word not in DETERMINERS and word not in PRONOUNS_ALL


def _name_before_apposition(toks: list[Token], comma: int, floor: int) -> _Subject | None:
    """ "Ana Ruiz, a fellow at … told": the name that opens the sentence before the comma
    that opens an apposition with "a" or "an" (the closing comma left out); not "In Berlin,
    a spokesman said" or "Last year, a spokesman said"."""
    if comma + 1 >= len(toks) or toks[comma + 1].lower not in ("a", "an"):
        return None
    start = _phrase_start(toks, comma - 1, floor) if comma - 1 >= floor else None
    if start is None or start != floor:
        return None
    name = toks[start:comma]
    if not all(t.is_cap or t.text in (".", "-") for t in name) or name[-1].lower.endswith("ly"):
        return None
    return _Subject(start, comma - 1, head=comma - 1)


_DASHES = ("--", "\u2014", "\u2013")


def _subject_before_dashes(toks: list[Token], closing: int, floor: int) -> _Subject | None:
    """ "Kall -- co-editor of a book on the debates -- said": the name before an aside set
    off by dashes."""
    for opening in range(closing - 2, max(floor, closing - 30) - 1, -1):
        tok = toks[opening]
        if tok.quote or tok.text in (";", ":", ".") or _is_cue(tok):
            return None
        if tok.text in _DASHES:
            first = _phrase_start(toks, opening - 1, floor) if opening - 1 >= floor else None
            if first is None or not toks[first].is_cap:
                return None
            return _Subject(first, opening - 1, head=opening - 1)  # the name alone
    return None


def _progressive(word: str) -> bool:
    """ "is", "were", "isn't": the auxiliary of "is saying", "isn't saying"."""
    return word in PROGRESSIVE_AUXILIARIES or word.replace("\u2019", "'") in PROGRESSIVE_AUXILIARIES


def _before_adjunct_between_commas(toks: list[Token], last: int, floor: int) -> int:
    """ "Clinton, at a later press briefing, said": the last word before a prepositional
    phrase set off by commas between the subject and the cue; `last` when there is none."""
    if last < floor or toks[last].text != ",":
        return last
    for opening in range(last - 1, max(floor, last - 12) - 1, -1):
        tok = toks[opening]
        if tok.quote or tok.text in (";", ":", "(", ")"):
            return last
        if tok.text == ",":
            opener = toks[opening + 1]
            if opener.lower in ADJUNCT_PREPOSITIONS and not opener.is_cap and opening - 1 >= floor:
                return opening - 1
            return last
    return last


def _subject_before_parenthesis(toks: list[Token], closing: int, floor: int) -> _Subject | None:
    """'Mitch McConnell (R-Ky.) said': the name before the parenthesis."""
    opening = closing
    while opening > floor and toks[opening].text != "(" and closing - opening < 8:
        opening -= 1
    if toks[opening].text != "(" or opening - 1 < floor:
        return None
    first = _phrase_start(toks, opening - 1, floor)
    return _Subject(first, closing, head=opening - 1) if first is not None else None


def _subject_before_apposition(toks: list[Token], comma: int, floor: int) -> _Subject | None:
    """'Dmitry Peskov, the Kremlin spokesman, said'; appositions may be chained: 'Sen. Lindsey
    Graham, R-S.C., a longtime supporter of Ukraine, called'."""
    last = comma - 1
    found: _Subject | None = None
    closing = comma
    for _ in range(3):
        opening = _apposition_start(toks, closing, floor)
        if opening is None:
            return found
        if toks[opening - 1].text == ")":
            # "Rep. Gregory Meeks (D-N.Y.), chairman of the caucus, said"
            named = _subject_before_parenthesis(toks, opening - 1, floor)
            return _Subject(named.first, last, head=named.head) if named else found
        first = _phrase_start(toks, opening - 1, floor)
        if first is None:
            closing = opening  # the comma that opens this apposition may close another one
            continue
        found = _Subject(first, last, head=opening - 1)
        if toks[first].is_cap or first == floor or toks[first - 1].text != ",":
            return found
        # "Mark Ellery, head teacher of St Aidan's, one of five schools, said": a role phrase
        # may itself follow the name
        name = _phrase_start(toks, first - 2, floor)
        if name is not None and toks[name].is_cap:
            return _Subject(name, last, head=first - 2)
        closing = first - 1
    return found


def _apposition_start(toks: list[Token], closing: int, floor: int) -> int | None:
    """Index of the comma that opens the apposition closed by the comma at `closing`."""
    opening = closing - 1
    while (
        opening > floor
        and toks[opening].text != ","
        and not toks[opening].quote
        and closing - opening < 30
    ):
        opening -= 1
    if opening <= floor or toks[opening].text != ",":
        return None
    if _holds_a_clause(toks[opening + 1 : closing]):
        return None  # "…, but for some, the losses would outweigh the gains, said Ruiz"
    opener = opening + 1 < closing and (
        _opens_apposition(toks[opening + 1]) or _role_apposition(toks, opening + 1, closing)
    )
    if _opening_name(toks, opening, floor):
        return opening  # "Megan Hess, senior associate for organizing at the institute, said"
    if closing - opening >= 12 and not opener:
        return None
    if opener or _apposition_is_one_phrase(toks, opening, closing):
        return opening
    return None


def _holds_a_clause(words: list[Token]) -> bool:
    """An auxiliary with no relative pronoun: a clause, not an apposition."""
    if any(t.lower in ("who", "which", "whose", "that") for t in words):
        return False
    return any(t.lower in AUXILIARIES for t in words)


def _opening_name(toks: list[Token], comma: int, floor: int) -> bool:
    """Whether the words before `comma` are a name of two or more words that opens the
    sentence, so that what follows the comma describes them."""
    name = toks[floor:comma]
    if len(name) < 2 or not all(t.is_cap or t.text in (".", "-") for t in name):
        return False
    return not any(t.lower in FUNCTION_CAPS and t.lower not in TITLE_WORDS for t in name)


def _role_apposition(toks: list[Token], first: int, closing: int) -> bool:
    """ "director of the Institute for …", "senior economist at …": a lower-case role within
    its first two words, then "of", "at", "for" or "with", opens an apposition however long."""
    for at in range(first, min(first + 2, closing - 1)):
        tok = toks[at]
        if tok.is_cap or not tok.text.isalpha():
            return False
        if _is_role(tok) and toks[at + 1].lower in ("of", "at", "for", "with", "in"):
            return True
    return False


def _opens_apposition(tok: Token) -> bool:
    """ "the Kremlin spokesman", "who leads …", "based in Oslo": an apposition's first word."""
    word = tok.lower
    return word in APPOSITION_OPENERS or (word.endswith(("ed", "ing")) and not tok.is_cap)


def _apposition_is_one_phrase(toks: list[Token], opening: int, closing: int) -> bool:
    """Whether the words between the commas are one noun phrase, an age or a party and state."""
    first = opening + 1
    if closing - 1 == first and toks[first].text[:1].isdigit():
        return True  # an age: "Quina Jones, 25, said"
    if all(x.is_cap or x.text in ("-", ".") for x in toks[first:closing]):
        return True  # a party and state: "Mitch McConnell, R-Ky., said"
    return _phrase_start(toks, closing - 1, first) == first


def _skip_back(toks: list[Token], at: int, floor: int) -> int:
    """Step left over auxiliaries, adverbs and a time phrase between a subject and its verb."""
    while at >= floor:
        word = toks[at].lower
        if word in AUX_SKIP or (_adverb(toks[at]) and word not in ("only", "early")):
            at -= 1
        elif word in WEEKDAYS and at - 1 >= floor and toks[at - 1].lower == "on":
            at -= 2
        elif word in TIME_NOUNS and at - 1 > floor and toks[at - 1].lower in TIME_DEICTICS:
            at -= 2  # "Regulators this month said …"
        elif word in WEEKDAYS and at > floor:
            at -= 1  # "A poll released Friday shows …": the poll, not its release
            if at > floor and _past_verb(toks[at]) and _content_word(toks[at - 1]):
                at -= 1
        elif word in SUBJECT_CUE_ADVERBS:
            at -= 1  # "Campaign workers here said …"
        elif word in ("n't", "not"):
            at -= 1
        else:
            break
    return at


def _phrase_start(toks: list[Token], last: int, floor: int) -> int | None:
    """Index of the first word of the noun phrase whose last word is at `last`, not reaching
    left of floor; None when no noun phrase ends there."""
    share = _share_start(toks, last, floor)
    if share is not None:
        return share
    if last < floor or not _noun_head(toks[last]):
        return None
    if toks[last].lower in PRONOUNS_ALL:
        return last
    first = _extend_left(toks, last, floor)
    if _has_outer_phrase(toks, first, last, floor):
        outer = _phrase_start(toks, first - 2, floor)
        if outer is not None:
            return outer
    return first


def _share_start(toks: list[Token], last: int, floor: int) -> int | None:
    """'About three in 10 said …': a share of those asked, by its first index."""
    if last - 2 < floor:
        return None
    count, in_out, total = toks[last - 2], toks[last - 1], toks[last]
    if not (total.text.isdigit() and in_out.lower in ("in", "out")):
        return None
    if not (count.text.isdigit() or count.lower in COUNTING_WORDS):
        return None
    first = last - 2
    if first - 1 >= floor and toks[first - 1].lower in APPROXIMATORS:
        first -= 1
    return first


def _extend_left(toks: list[Token], last: int, floor: int) -> int:
    """Step left from a noun phrase's head over its words (at most twelve)."""
    first = last
    while first - 1 >= floor and last - first < 12:
        if toks[first - 1].quote:
            break
        if _opens_phrase(toks, first - 1, floor):
            return first - 1  # "the", "Her aides", "Its director"
        if not _joins_phrase(toks, first - 1, floor):
            break
        first -= 1
    return first


def _opens_phrase(toks: list[Token], at: int, floor: int) -> bool:
    """A determiner that opens the phrase ("the", "Her aides", "Its director")."""
    tok = toks[at]
    if tok.lower not in DETERMINERS:
        return False
    return not tok.is_cap or at == floor or tok.lower in ("his", "her", "its")


def _joins_phrase(toks: list[Token], at: int, floor: int) -> bool:
    """Whether the word at `at` belongs to the noun phrase that follows it."""
    tok = toks[at]
    word = tok.lower
    before = toks[at - 1] if at - 1 >= floor else None
    if tok.text == "." and before is not None and _abbreviation_or_initial(before):
        return True  # "Gov. Pence", "James B. Comey"
    if tok.text in ("-", "\u2019s", "'s") or word.endswith(("\u2019s", "'s")):
        return True
    if word == "and" and before is not None and _is_role(before) and not before.is_cap:
        return True  # "the Florida senator and Republican presidential candidate"
    if word in ("of", "for") and before is not None and (before.is_cap or _is_role(before)):
        return True
    if tok.is_cap:
        return word not in FUNCTION_CAPS or word in TITLE_WORDS
    if before is not None and _past_verb(tok):
        if before.lower in CLAUSE_SUBJECT_PRONOUNS or (before.is_cap and at - 1 > floor):
            return False  # "he issued another statement saying": a verb and its subject
    return _content_word(tok) or tok.text[:1].isdigit()


def _has_outer_phrase(toks: list[Token], first: int, last: int, floor: int) -> bool:
    """Whether the phrase is the object of a larger one that speaks: "Mr. Morgan of the Sierra
    Club", "the head of the agency", "Traders in Bergen"."""
    if first - 2 < floor:
        return False
    link, outer = toks[first - 1].lower, toks[first - 2]
    if link in ("to", "for") and outer.lower.rstrip("s") in ROLE_WORDS:
        return True  # "Russia's ambassador to the United Nations said", "a lawyer for the firm"
    if link in ("of", "at"):
        plain = outer.text[:1].isalpha() and outer.lower not in NP_STOP
        return last - first < 8 and (outer.is_cap or outer.lower in ROLE_WORDS or plain)
    if link in ("in", "from"):
        # "Traders in Bergen said", "the delegation in Geneva said": they speak, not the town
        noun = _content_word(outer) and outer.lower not in NP_STOP
        lower_case = first - 2 == floor or not outer.is_cap
        return (
            last - first < 4
            and toks[first].is_cap
            and noun
            and outer.text[:1].isalpha()
            and lower_case
        )
    return False


def _abbreviation_or_initial(tok: Token) -> bool:
    return tok.lower in ABBREVIATIONS or (len(tok.text) == 1 and tok.text.isupper())


def _is_role(tok: Token) -> bool:
    return tok.lower in ROLE_WORDS or tok.lower in TITLE_WORDS


def _content_word(tok: Token) -> bool:
    """A word that can stand inside a noun phrase: not a function word, a cue or an adverb."""
    word = tok.lower
    return (
        tok.text[:1].isalpha()
        and word not in NP_STOP
        and word not in SPEECH_CUES
        and not _adverb(tok)
    )


def _adverb(tok: Token) -> bool:
    """A lower-case word in -ly that is no noun ("repeatedly", not "family" or "ally")."""
    return tok.lower.endswith("ly") and not tok.is_cap and tok.lower not in LY_NOUNS


def _noun_head(tok: Token) -> bool:
    """Whether a word can end a noun phrase that is a cue's subject."""
    if tok.quote:
        return False
    word = tok.lower
    if tok.is_cap:
        named = word not in FUNCTION_CAPS or word in PRONOUNS_ALL or word in TITLE_WORDS
        return named or word in CAPPED_SPEAKER_NOUNS
    if not tok.text[:1].isalpha():
        return False
    if not _content_word(tok):
        return word in PRONOUNS_ALL
    return not word.endswith("ing") or word == "king"


def subject_right(toks: list[Token], first: int, stop: int) -> _Phrase | None:
    """The subject after an inverted cue ("said President Vladimir Putin"), within toks[:stop]."""
    if first >= stop:
        return None
    if toks[first].lower in INVERTED_SUBJECT_PRONOUNS:
        return _Phrase(first, first)
    end = first
    seen_noun = False
    while end < stop and end - first < 12:
        tok = toks[end]
        if tok.quote or tok.text in (",", ";", ":", "(", "\u2014", "\u2013"):
            break
        if _joins_name_rightwards(toks, first, end, stop, seen_noun=seen_noun):
            end += 1
            continue
        if not _name_word(toks, end, seen_noun=seen_noun):
            break
        seen_noun = True
        end += 1
    return _Phrase(first, end - 1) if seen_noun else None


def _joins_name_rightwards(
    toks: list[Token], first: int, at: int, stop: int, *, seen_noun: bool
) -> bool:
    """A word that joins the phrase without being a noun: an abbreviation's period, a first
    determiner or number, "of" between names ("Bank of England")."""
    tok = toks[at]
    if tok.text == ".":
        return at > first and toks[at - 1].lower in ABBREVIATIONS
    if at == first and (tok.lower in DETERMINERS or tok.text[:1].isdigit()):
        return True
    return tok.lower in ("of", "for") and seen_noun and at + 1 < stop and toks[at + 1].is_cap


def _name_word(toks: list[Token], at: int, *, seen_noun: bool) -> bool:
    """Whether the word at `at` continues a subject read rightwards."""
    tok = toks[at]
    word = tok.lower
    if not (tok.is_cap or (_content_word(tok) and word not in ADJUNCT_PREPOSITIONS)):
        return False
    shouted = tok.is_cap and tok.text.isupper()
    if (word in ADJUNCT_PREPOSITIONS or word in ("who", "which")) and not shouted:
        return False
    if not tok.is_cap and word.endswith("ed") and word not in ROLE_WORDS:
        return False  # a verb: "Zelensky thanked Washington"
    if seen_noun and not tok.is_cap and word.endswith("ing") and toks[at - 1].lower.endswith("s"):
        return False  # "said aid agencies working in the valley": not part of the name
    function_cap = word in FUNCTION_CAPS and word not in TITLE_WORDS and word not in PRONOUNS_ALL
    return not (tok.is_cap and function_cap)


def _sentence_subject(toks: list[Token], cue_at: int) -> _Phrase | None:
    """The subject at the start of the sentence, for "…, adding that" and "… but said"."""
    first = _past_lead_in(toks, cue_at)
    found = subject_right(toks, first, cue_at) if first < cue_at else None
    if found is not None and not any(
        t.lower in TIME_NOUNS for t in toks[found.first : found.last + 1]
    ):
        return found  # (not "A couple of days after the row, Ruiz …, saying")
    # "Speaking in Salem, Trump went after Bush, calling him …": the nearest clause that opens
    # with a name or a pronoun
    commas = [x for x in range(cue_at - 1) if toks[x].text == ","]
    for comma in reversed(commas):
        opener = toks[comma + 1]
        if opener.is_cap or opener.lower in PRONOUNS_ALL:
            found = subject_right(toks, comma + 1, cue_at)
            if found is not None:
                return found
    return None


def _past_lead_in(toks: list[Token], cue_at: int) -> int:
    """The first word after a sentence's leading conjunctions and opening prepositional phrase."""
    first = 0
    while first < cue_at and (
        toks[first].lower in LEADING_CONJUNCTIONS or toks[first].text in (",", "\u2014")
    ):
        first += 1
    if first < cue_at and toks[first].lower in ADJUNCT_PREPOSITIONS:
        while first < cue_at and toks[first].text != ",":
            first += 1
        first += 1
    return first


# ---------------------------------------------------------------------------------------------
# Channels: the outlet a statement was made through.


def _via_in(toks: list[Token], start: int, stop: int, given_names: Mapping[str, str]) -> str | None:
    """An outlet named in toks[start:stop] after on/to/with/in/told ("told Fox News", "on Truth
    Social", "in an interview with the Morning Ledger", "speaking to Nordic radio")."""
    if 0 < start < len(toks) and toks[start - 1].lower == "told":
        start -= 1  # the cue itself: "told the Financial Courier"
    for link in range(start, min(stop, len(toks))):
        if toks[link].lower in CHANNEL_LINKS and link + 1 < stop:
            outlet = _outlet_after(toks, link, stop, given_names)
            if outlet is not None:
                return outlet
    return None


def _outlet_after(
    toks: list[Token], link: int, stop: int, given_names: Mapping[str, str]
) -> str | None:
    """The outlet named right after the word at `link`, if the name is one."""
    first = link + 1
    keep_the = toks[first].text == "The"  # "The Times" is the paper's name
    if toks[first].lower in ("the", "an", "a"):
        first += 1
    end = first
    while end < stop and (toks[end].is_cap or toks[end].lower == "-") and not toks[end].quote:
        end += 1
    if end == first:
        return None
    if end < stop and toks[end].lower in OUTLET_WORDS and not toks[end].quote:
        end += 1  # "Nordic radio", "Halvik television"
    name = [t.text for t in toks[first:end]]
    # after "told", "an interview with", "speaking to" the name can only be a channel
    channel = toks[link].lower == "told" or (link > 0 and toks[link - 1].lower in INTERVIEW_WORDS)
    if _names_outlet(name, toks[link].lower, given_names, channel=channel):
        return ("The " if keep_the else "") + " ".join(name)
    return None


def _names_outlet(
    name: list[str], link: str, given_names: Mapping[str, str], *, channel: bool
) -> bool:
    if any(x.lower() in OUTLET_WORDS for x in name):
        return True
    if len(name) >= 2 and name[0].lower() == "truth":
        return True  # "Truth Social"
    if not channel or any(x.lower() in FORUM_WORDS for x in name):
        return False  # "told the Bundestag", "told Northfield District Court": a forum
    # "told the Financial Courier", "told City Beat" (but "told Anna Berg" is a person: a given
    # name opens it)
    return link != "told" or (len(name) > 1 and name[0].lower() not in given_names)


# ---------------------------------------------------------------------------------------------
# Transcript turns.


def _names_speaker(label: str) -> bool:
    """Whether the label before a line's colon can be a speaker's name."""
    words = label.split()
    if label.lower() in NOT_TURN_LABELS or words[0].lower() in NOT_TURN_LABELS:
        return False
    if not label.isupper() and (len(words) > 2 or any(w.lower() in FUNCTION_CAPS for w in words)):
        return False
    return words[-1].lower() not in WEEKDAYS and words[-1].lower().rstrip(".") not in MONTHS


def _turn_body(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words said after a speaker's colon, from start to the line's end; None for a list
    entry (a number, a handle, an address, a list of names)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t.":
        end -= 1
    if end - start < 3:
        return None
    body = text[start:end]
    alpha = _WORD_IN_TURN.findall(body)
    if len(alpha) < 3 or "@" in body.split()[0]:
        return None  # a number, a handle or an address: a list entry, not a turn
    caps = sum(w[:1].isupper() for w in alpha)
    if body.count(",") >= 2 and caps > 0.7 * len(alpha):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, …": a list of names
    return start, end
