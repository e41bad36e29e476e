"""What a row must be to be shown by default: a complete statement a reader understands
without opening the article (pure functions on the row's words).

An event row says who did what: it opens with its subject, not with a relative pronoun, a
conjunction, a preposition or a participle left over from a longer sentence, and not with a
pronoun whose referent is in another sentence. A red line says what is demanded or refused: a
demand verb, a modal of obligation or refusal, or a condition stands in its words. A quote is a
clause with a verb, not the object of a verb the extraction cut off. Captions, credits and page
furniture never pass. The reader hides the rest (marked uncertain), it does not drop them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from briefing.understand.records import CONFIDENT

# A record's confidence below this is doubtful: the analyser scores, the briefing decides what
# is shown (one threshold for both, in the records' module).
SHOWN_CONFIDENCE = CONFIDENT
# A quote needs more: the analyser's doubts multiply (a speaker named far from the words, in
# another paragraph, 0.7; reported words found through a pronoun and a weak cue, 0.69 or less),
# and on real news half the quotes below this were someone else's words or a fragment of a
# longer account ("At first there would have been roughly six or 10 [vehicles] …").
QUOTE_SHOWN_CONFIDENCE = 0.75

# The kinds of actor a reader can hold to account: who said, demanded or did something.
SHOWN_KINDS = frozenset({"person", "organization", "country"})

_WORD = re.compile(r"[\w\u2019'-]+")

RELATIVES = frozenset("who whom whose which that where when whereby wherein".split())
CONJUNCTIONS = frozenset(
    "and but or nor yet so as while because although though since if unless whereas once"
    " until than whether then also plus".split()
)
PREPOSITIONS = frozenset(
    "in on at during with from following after before by for of to into over under about amid"
    " amidst despite like including among between against through without within per via upon"
    " toward towards across behind beyond near according".split()
)
# Words that open a sentence and need a clause after them ("However, …").
DISCOURSE = frozenset(
    "however meanwhile moreover instead still therefore thus later earlier finally then also"
    " yet nonetheless nevertheless separately additionally".split()
)
# A subject pronoun whose referent is in another sentence: the row alone does not say who.
BARE_PRONOUNS = frozenset(
    "he she it they we i you him her them his its their our this these those".split()
)
SUBJECT_PRONOUNS = frozenset("he she it they we i".split())
POSSESSIVES = frozenset("his her its their our my your".split())
OBJECT_PRONOUNS = frozenset("him her them it me us".split())
QUESTION_WORDS = frozenset("how what why where whom".split())
# Words a clause may open with in small letters: a determiner or a number before its subject.
DETERMINERS = frozenset(
    "the a an this these those some many several most all both each every no another any"
    " one two three four five six seven eight nine ten dozens hundreds thousands".split()
)
AUXILIARIES = frozenset(
    "is are was were be been am has have had do does did will would shall should can could may"
    " might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't"
    " wouldn't can't cannot couldn't shouldn't mustn't it's he's she's that's there's"
    " they're we're i'm i've we've they've".split()
)
IRREGULAR_PAST = frozenset(
    "began became went came took gave made said told saw found knew thought brought bought"
    " caught fought taught sought left felt kept held met sent spent built lost won ran got hit"
    " put set cut let shut struck stood sat rose fell drove flew grew threw wrote spoke broke"
    " chose froze stole woke wore tore swore shook forgot led fled paid laid sold understood"
    " overtook withdrew drew blew beat quit split spread cost hurt burst sank sang rang drank"
    " swam shot lit fed dealt meant heard slept swept dug hung stuck spun undertook arose".split()
)
# Words in -s that are no verb.
_NOT_VERBS_S = frozenset(
    "its his this us thus news series yes plus less across always perhaps whereas various"
    " previous famous serious bus campus status analysis crisis basis data species means"
    " was has does is as ms mrs towards afterwards besides whereas unless regardless".split()
)

_FURNITURE = re.compile(
    r"\b(?:photo(?:graph)?s?\s*(?::|by|credit)|getty images|ap photo|afp photo|reuters/"
    r"|file photo|pictured|click (?:here|to)|sign up|newsletter|subscribe|your browser"
    r"|iframe|read more|follow (?:us|him|her) on|pic\.twitter|twitter\.com|https?://"
    r"|request for comment|did not (?:immediately )?(?:respond|return)|could not be reached"
    r"|not immediately (?:respond|return|available)|image (?:copyright|caption)"
    r"|all rights reserved|copyright|via (?:ap|afp|getty|reuters))\b"
    r"|©|\(\s*photo|^\W*\((?:[A-Z]\w*\s?){1,3}\)"
    r"|\((?:[A-Z]\w*\s?){1,3}\)\s*[-\u2013\u2014]|^\W*[\u2022\u25cf\u25aa*]"
    r"|^[A-Z]{3,}:",
    re.IGNORECASE,
)
_DEMAND = re.compile(
    r"\b(?:must|mustn['\u2019]t|needs? to|ha(?:s|ve) to|should|shall|demand\w*|insist\w*"
    r"|refus\w*|reject\w*|will not|won['\u2019]t|would not|wouldn['\u2019]t|cannot|can['\u2019]t"
    r"|never|no longer|not accept\w*|call(?:s|ed|ing)? (?:on|for|upon)|urg(?:e|es|ed|ing)\b"
    r"|press(?:es|ed|ing)? for|(?:do|does)(?:n['\u2019]t| not) (?:allow|permit)"
    r"|requir\w*|unless|only if|provided that|on condition|as long as|ultimatum"
    r"|deadline|non-negotiable|red lines?|wants|wanted (?:\S+ ){1,3}to"
    r"|ask(?:s|ed)? (?:\S+ ){1,3}to|order(?:s|ed)? (?:\S+ ){1,5}?to"
    r"|threat\w*|vow\w*|warn\w*|oppos\w*|under no circumstances"
    r"|not (?:be )?(?:allowed|tolerated)|(?:will|would|['\u2019]ll)\b[^.]{0,120}\bif"
    r"|(?:could not|couldn['\u2019]t)\b[^.]{0,100}\bif|would need (?:more than|at least)"
    r"|(?:would|could|will|can) (?:only )?accept|willing to|prepared to|ready to|open to"
    r"|propos(?:e|es|ed|al|als)|(?:best and )?final offer|best and final"
    r"|against (?:\S+ ){0,2}?(?:policy|policies|rules)|(?:responsibility|duty) to"
    r"|take (?:appropriate|disciplinary|legal) action"
    r"|(?:premised|contingent) (?:up)?on|(?:has|have|reserves?|keeps?) (?:the |its |their )?"
    r"right to|until\b[^.]{3,120}\b(?:will|would) (?:\w+ly )?(?:stand|remain|stay|continue)"
    r"|(?:reiterat|renew|repeat)\w* (?:its |their |his |her )?calls? (?:to|for))\b",
    re.IGNORECASE,
)
# The frame that makes the words after it a demand, just before them in their sentence
# ("Lindqvist demanded that | the mayor publish …").
_FRAME_BEFORE = re.compile(
    r"\b(?:demand\w*|insist\w*|call(?:s|ed|ing)? (?:on|for|upon)|urg(?:e|es|ed|ing)"
    r"|refus\w*|reject\w*|must|will not|won['\u2019]t|cannot|unless|only if|on condition"
    r"|ultimatum|warn\w*|threat\w*|propos(?:e|es|ed)"
    r"|(?:vital|essential|imperative|crucial)(?:\s+importance)?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
# A position told as history ("Two months ago she would not pay a cent", "the board
# previously rejected …"): what was held, not what is.
_PAST = re.compile(
    r"\b(?:ago|last (?:year|month|week)|at the time"
    r"|when \w+ took office)\b",
    re.IGNORECASE,
)
# Advice in the imperative, to whoever reads it ("Never give out personal information").
_IMPERATIVE = re.compile(
    r"^\W*(?:never|do not|don['\u2019]t|please|always|avoid|make sure|remember|be sure)\b",
    re.IGNORECASE,
)
# A predicate that opens with the demand itself ("called for …", "urged Equifax to …").
_DEMAND_VERB_OPENING = re.compile(
    r"^(?:call(?:s|ed|ing)? (?:on|for|upon)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?"
    r"|press(?:es|ed|ing)? for"
    r"|insist(?:s|ed|ing)?|vow(?:s|ed|ing)?|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?"
    r"|warn(?:s|ed|ing)?|threaten(?:s|ed|ing)?|oppos(?:e|es|ed|ing)|order(?:s|ed)?"
    r"|(?:reiterat|renew|repeat)\w* (?:its |their |his |her )?calls? (?:to|for))\b",
)
_NO_WITHOUT = re.compile(r"^\W*no \w+(?: \w+)?, no \w+", re.IGNORECASE)
_CONDITION_OPENERS = frozenset("if unless once until when whenever".split())
_MODAL = re.compile(
    r"\b(?:must|will|would|shall|should|cannot|can['\u2019]t|won['\u2019]t)\b", re.IGNORECASE
)
# Advice to everybody ("officials urged people to avoid travel") is no one's demand.
_ADVICE = re.compile(
    r"\b(?:urg|ask|advis|tell|told|warn)\w* (?:the )?(?:public|people|residents|citizens"
    r"|drivers|travell?ers|visitors|consumers|customers|fans|users|parents|followers|everyone)\b",
    re.IGNORECASE,
)
# A wish or a demand dated by the time it asks for is no happening ("X wants the council to
# hold a session next Tuesday").
_WISH = re.compile(
    r"\b(?:wants?|hopes?|would like|calls? (?:on|for)|urges?|demands?)\b", re.IGNORECASE
)
_RELATIVE_CLAUSE = re.compile(
    r"(?:,|\s[-\u2013\u2014])\s*(?:who|whom|whose|which)\b[^,\u2013\u2014]*(?:,|[-\u2013\u2014]|$)",
    re.IGNORECASE,
)
_THAT = re.compile(r"^(\W*)that\s+", re.IGNORECASE)
_NEXT_THAT = re.compile(
    r"(,?\s+(?:and|but|or))\s+that\s+(?!(?:is|was|has|had|will|would|could|can|may|might|must"
    r"|should|does|did|seems|means|makes|made)\b)(?=[\w\u2019'-]+\s)"
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=8192)
def fold(name: str) -> str:
    """A name without accents or case ("François" and "Francois" fold alike)."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


# A quotation closed and one word of the next sentence left after it ("… instincts.’” Then").
_WORD_AFTER_QUOTATION = re.compile(r"([.!?][\"\u201d\u2019']+)\s+[A-Z][a-z]*$")


# The reporter's words between two quoted parts of one quotation ("…,” he said. “…",
# "…,” said X, a senior fellow at …, referring to …. “…"): a quoted part closes on its
# punctuation, the narration (no quotation mark in it, with a word in small letters) ends on a
# comma, a full stop or a colon, and the next part opens.
_NARRATION = re.compile(
    r"(?P<end>[,.?!\u2026;:\u2014-])(?P<inner>[\u2019']?)[\"\u201d]\s+"
    r"(?P<tag>[^\"\u201c\u201d]{0,300}?\b[a-z][^\"\u201c\u201d]{0,300}?)[,.:;]\s*"
    r"[\"\u201c](?=\S)"
)
_OPENING_MARK = ('"', "\u201c")
# Narration that tells who spoke, for a quotation that opens on reported words
# ('The truck "drove on for a mile," said the prefect. "There were shots."').
_SPEECH_TAG = re.compile(
    r"\b(?:said|says|told|tells|added|adds|wrote|writes|recalled|recalls|explained|explains"
    r"|continued|stated|noted|insisted|warned|asked|replied)\b"
)


def without_narration(text: str) -> str:
    """A quotation in several parts shown without the reporter's words between them: the
    parts joined by an ellipsis ("“We will not give in,” he said in a statement.
    “The times have changed.”" reads "“We will not give in … The times have
    changed.”"). Between the quoted phrases of reported speech the words are the reporter's
    sentence and stay, unless they tell who spoke ("said the prefect")."""
    opens_quoted = text.lstrip().startswith(_OPENING_MARK)

    def join(match: re.Match[str]) -> str:
        if not opens_quoted and not _SPEECH_TAG.search(match.group("tag")):
            return match.group(0)
        end = match.group("end")
        return ("" if end in ",;:-\u2014" else end) + match.group("inner") + " \u2026 "

    return _NARRATION.sub(join, text)


def shown_wording(text: str) -> str:
    """The words as the reader sees them: a reported clause without its leading "that"
    (capitalised), no reporter's words between the parts of a quotation, and no dangling
    comma at the end. Display only: the record keeps its span."""
    text = without_narration(text)
    match = _THAT.match(text)
    if not match and not text.lstrip().startswith(_OPENING_MARK):
        text = _NEXT_THAT.sub(r"\1 ", text)  # "it came close, but that talks broke down"
    following = words(text[match.end() :])[:1] if match else []
    if match and not (following and following[0].lower() in AUXILIARIES):
        # (not "that was a deathbox", where "that" is the subject)
        rest = text[match.end() :]
        # and the "that" of a second reported clause ("…, but that the site is blocked")
        rest = _NEXT_THAT.sub(r"\1 ", rest)
        text = match.group(1) + rest[:1].upper() + rest[1:]
    text = _WORD_AFTER_QUOTATION.sub(r"\1", text.rstrip())  # "…,’” Then": a cut word
    if text.endswith((',"', ",\u201d")):
        text = text[:-2] + "." + text[-1]
    return text.rstrip(",;:- ")


# A photo's caption: "FILE - In this May 18 file photo, …", "In this photo taken …", or a
# paragraph that ends on its credit "(Alastair Grant/Associated Press)", "(AP Photo/Name)".
_CAPTION_PARAGRAPH = re.compile(
    r"^\W*(?:FILE\s*[-\u2013\u2014:]|In this [^.]{0,80}\bphoto\b"
    r"|(?:AP|AFP|Reuters|Getty|EPA|PA|Rex|Handout)\s*:"  # "AP:Associated Press North Korea …"
    r"|(?:Handout|Getty|Reuters|AFP|EPA|PA|Rex)\s+[-\u2013\u2014])"
    r"|\((?:AP |AFP |Reuters )?(?:Photo/)?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
    r"/(?:[A-Z][\w.'-]*\s?){1,4}\)\W*$"
)


def caption_paragraph(paragraph: str) -> bool:
    """Whether the paragraph is a photo's caption (its words are the caption writer's)."""
    return bool(_CAPTION_PARAGRAPH.search(paragraph.strip()))


def furniture(text: str) -> bool:
    """Captions, credits, prompts and embeds: page furniture, not news."""
    return bool(_FURNITURE.search(text))


def has_finite_verb(tokens: list[str]) -> bool:
    """Whether the clause has a verb that can carry it (a participle alone cannot:
    "killing dozens", "starting Tuesday")."""
    for i, word in enumerate(tokens):
        low = word.lower().replace("\u2019", "'")
        if low in AUXILIARIES or low in IRREGULAR_PAST:
            return True
        if not word.islower() or low in _NOT_VERBS_S:
            continue
        before = tokens[i - 1].lower() if i else ""
        if low.endswith("ed") and before not in DETERMINERS:
            return True
        if (
            i
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is", "ous", "'s"))
            and before not in DETERMINERS
            and before not in PREPOSITIONS
        ):
            return True
    return False


def _verb_next(tokens: list[str]) -> bool:
    """The words open with a verb (after "that": the clause is relative, its subject is
    outside it)."""
    if not tokens:
        return False
    low = tokens[0].lower()
    if low in AUXILIARIES or low in IRREGULAR_PAST or low.endswith("ed"):
        return True
    following = tokens[1].lower() if len(tokens) > 1 else ""
    return (
        low.endswith("s")
        and low not in _NOT_VERBS_S
        and not low.endswith(("ss", "us", "is"))
        and following in DETERMINERS | {"its", "his", "her", "their", "our", "up", "out"}
    )


def _opens_fragment(tokens: list[str]) -> bool:
    """The words open with something that needs a main clause before it."""
    first = tokens[0]
    low = first.lower()
    if low in RELATIVES or low in QUESTION_WORDS:
        return True
    if first.islower() and low.endswith("ing"):
        return True
    if len(tokens) > 1 and tokens[1].lower() in AUXILIARIES:
        return False  # a bare noun and its verb: "resolutions must be …"
    return first.islower() and low not in DETERMINERS and not low.isdigit()


def _subject_first(text: str, *, pronoun_ok: bool) -> bool:
    """The clause opens with its subject (an opening adjunct set off by a comma is allowed when
    a clause follows it)."""
    tokens = words(text)
    if not tokens:
        return False
    low = re.sub(r"['\u2019]s$", "", tokens[0].lower())
    if low in PREPOSITIONS and len(tokens) > 2 and tokens[1].lower() == "no":
        return has_finite_verb(tokens)  # "Under no circumstances will we …"
    if low[:1].isdigit() and not re.fullmatch(r"(?:1[89]|20)\d\d", low):
        return False  # a sentence spells out a number it opens with: this one was cut
    # A participle opening ("Scheduled to blast off …"), not a name ("Ted Cruz").
    # (a possessive is a name's: "United's guidelines")
    participle = (
        tokens[0][:1].isupper()
        and low == tokens[0].lower()
        and (
            low.endswith("ing")
            or (
                low.endswith("ed")
                and len(tokens) > 1
                and tokens[1].islower()
                and tokens[1].lower() not in AUXILIARIES  # "United has the right to …": a name
            )
        )
    )
    adjunct = low in PREPOSITIONS or low in CONJUNCTIONS or low in DISCOURSE or participle
    if adjunct and low not in RELATIVES:
        comma = text.find(", ")
        if comma < 0:
            return False
        return _subject_first(text[comma + 2 :], pronoun_ok=pronoun_ok)
    if _opens_fragment(tokens) and not (pronoun_ok and low in SUBJECT_PRONOUNS | POSSESSIVES):
        return False
    if not pronoun_ok and low in BARE_PRONOUNS:
        return False
    # A relative clause set off by commas is no main clause ("X and his board, who have
    # refused to negotiate").
    main = _RELATIVE_CLAUSE.sub(" ", text)
    return has_finite_verb(words(main))


def main_clause_part(text: str, before: str) -> bool:
    """A clause cut from its sentence's main clause (its subject or its opening left out:
    "killing dozens …", "said yesterday that …", "74 million more than …"), not a sub-clause
    whose date is its own ("since work began in March", "to be completed by 15 December")."""
    tokens = words(text)
    preceding = words(before)
    if not tokens or (preceding and preceding[-1].lower() in RELATIVES | CONJUNCTIONS):
        return False
    first = tokens[0]
    low = first.lower()
    if low in RELATIVES or low in CONJUNCTIONS or low == "to":
        return False
    if low[:1].isdigit() or low in PREPOSITIONS or low in DISCOURSE:
        return True
    return first.islower() and (
        low.endswith(("ing", "ed")) or low in AUXILIARIES or low in IRREGULAR_PAST
    )


def event_statement(text: str) -> bool:
    """An event row a reader understands alone: who did what."""
    tokens = words(text)
    if len(tokens) < 4 or furniture(text) or _WISH.search(text) or "?" in text:
        return False  # a question is no happening
    return _subject_first(text, pronoun_ok=False)


# Cues of reported words that are no one's statement: what someone thinks, fears or shows
# ("South Korea fears that …", "has indicated it would …", "Probing showed …"), what the
# reporter says of someone's words (their object: "dismissed Qualcomm's concerns", "touted his
# relationship with …") and demands (the red lines column holds those: "urging China to …").
# In quotation marks the words are quoted whatever the cue.
_NOT_SAYING = frozenset(
    """
    believe believes believed think thinks thought hope hopes hoped want wants wanted fear fears
    feared expect expects expected know knows knew feel feels felt assume assumes assumed suspect
    suspects suspected worry worries worried show shows showed shown find finds found indicate
    indicates indicated dub dubs dubbed describe describes described describing criticize
    criticizes criticized criticise criticises criticised criticizing criticising dismiss
    dismisses dismissed tout touts touted praise praises praised cite cites cited citing condemn
    condemns condemned blame blames blamed reject rejects rejected accuse accuses accused
    accusing denounce denounces denounced mock mocks mocked hail hails hailed label labels labeled
    labelled brand brands branded slam slams slammed compare compares compared attack attacks
    attacked defend defends defended endorse endorses endorsed endorsing highlight highlights
    highlighted reference references referenced referencing invoke invokes invoked urge urges
    urged urging demand demands demanded demanding recommend recommends recommended advise
    advises advised propose proposes proposed call calls called calling deny denies denied
    denying ask asks asked asking
    """.split()
)


def saying_cue(cue: str | None) -> bool:
    """Whether reported words after this cue are what someone said (not thought, shown,
    described or demanded)."""
    return not cue or not any(w in _NOT_SAYING for w in cue.lower().split())


# The reporter's words after reported speech: what the speaker did not tell ("…, but didn't
# immediately confirm how far it flew", "but declined to comment on …").
_NOT_SAID_TAIL = re.compile(
    r"\bbut (?:did not|didn't|would not|wouldn't|declined to|refused to)"
    r" (?:immediately )?(?:confirm|say|comment|elaborate|specify|give|provide|disclose|detail)\b"
)


# Two sentences run together ("… missile tests. as he warned that …"), or the speaker's name
# after the closing quotation mark (the span ran into its tag: "…,” Mike Hankey").
# The speaker's description run into reported words ("… on a standard trajectory, an expert on
# missile technology"): the tag's apposition.
_APPOSITION_TAIL = re.compile(r",\s+an?\s+[^,\"\u201c\u201d]{0,60}$")
_RUN_ON = re.compile(r"[a-z]{3}\.\s+[a-z]{2,}\b")
# The reporter's framing of a quotation ("The reason the plan worked is that “…”", "The
# solution they settled on was that “…”"): the opening sentence is the reporter's, not said.
_FRAMED_QUOTATION = re.compile(r"^\s*The\s[^\"\u201c\u201d]*\b(?:is|was)\s+that,?\s+[\"\u201c]")
_TAG_TAIL = re.compile(r"[,.!?][\"\u201d\u2019']\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\W*$")


_PROMPT = re.compile(
    r"\s*(?:See|Read|Click|Tap|Watch|Follow|Sign up|Subscribe|Listen|Download|Share)\b"
)
_REPORTS = re.compile(r"\breport(?:s|ed|ing)?\b", re.IGNORECASE)


# An answer to a question the row does not show ("No, they have not …", "Well, it ended …").
_ANSWER = re.compile(r"^(?:No|Yes|Well|Oh|Yeah|Sure|Absolutely|Exactly|Okay|OK)\b\s*[,.!\u2026-]")
# A noun that stands for something told before the row ("the deal", "the two", "the site"), not
# followed by the words that would say which ("the deal with the port").
# "he too was on the tram": as who else?
_TOO = re.compile(r"\b(?:he|she|they|we|it)\s+too\b", re.IGNORECASE)
_SHELL_NOUN = re.compile(
    r"\bthe (?:(?:deal|matter|domain|site|latter|former|incidents|episode|measure|trio|duo"
    r"|pair)\b"
    r"(?![\w'\u2019-]|\s+(?:of|with|to|between|for|in|on|over|that|which|who|by|from|at)\b)"
    r"|two\b(?=\s+(?:are|were|have|had|will|would|is|was)\b|\W*$))",
    re.IGNORECASE,
)
# "this", "these", "those" before a noun in reported speech: the reporter would have named it
# ("the first of those", "this site"), save a time ("this year") or a place of the reporter.
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|those)\s+([a-z][\w-]*)\b", re.IGNORECASE)
_DEICTIC_NOUNS = frozenset(
    "year week month morning afternoon evening night time season summer winter spring autumn"
    " fall weekend moment day days weeks months years point stage hour century decade country"
    " kind sort type".split()
)
# A thing or a text a speaker points at, which the reader does not see ("this site", "this
# letter", "this thing that is on the rise"); an event's word ("this attack") the storyline tells.
_THIS_THING = re.compile(
    r"\b(?:this|these|those|that)\s+(?:(?:\.\.\.|\u2026)\s*)?(?:sites?|statements?|letters?"
    r"|things?|domains?|pages?|emails?|documents?|deals?|agreements?|footage|videos?|tweets?)\b",
    re.IGNORECASE,
)
# "to make this happen", "that would work": what?
_MAKE_THIS_HAPPEN = re.compile(r"\bmake\s+(?:this|that)\s+(?:happen|work)\b", re.IGNORECASE)
# A quotation that goes on from words the row does not show.
_GOES_ON_FROM = re.compile(r"(?:And|But|So|Or|Because|Then|Also|Plus)(?=[\s,])")
# A quotation this short seldom says what it is about: on news-cluster-dev a third to a half of
# those shown needed the sentence around them ("Family's a big one.", "It's pretty useless right
# now.").
SHORT_QUOTATION = 5  # words
# A quantifier standing for people or things named before ("Some have been killed in
# airstrikes"), and reported words ending on "that" or "this" ("could change that").
_BARE_QUANTIFIER = re.compile(
    r"(?:Some|Many|Most|Others|Several|Few|None|Both)\s+(?:have|has|had|were|was|are|is|will"
    r"|would|could|may|might|\w+ed)\b"
    # "the country has paid a great price": which country? (named before, not in the row)
    r"|(?i:the\s+(?:country|nation))\s+(?:have|has|had|were|was|are|is|will|would|could|may"
    r"|might|\w+ed)\b"
)
_ENDS_POINTING = re.compile(r"\s(?:that|this)\W*$", re.IGNORECASE)
_PRONOUN_OPENINGS = frozenset("he she his her him".split())
_DEMONSTRATIVE_OPENINGS = frozenset("this these those that".split())
_IT_OPENINGS = frozenset("it it's it'll it'd".split())
# What an opening "it" can stand for inside its own sentence: a clause it announces ("It is
# rare that …", "It was a mistake to go", "It hurts when …"), or what follows a colon.
_IT_ANNOUNCES = re.compile(
    r"\b(?:that|when|how|whether|if|what|why|who)\b"
    r"|\bto (?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)\b)[a-z]"
)


def _opening_points_back(inner: str) -> bool:
    """A quotation whose opening words point at someone or something named before it."""
    tokens = [t.lower().replace("\u2019", "'") for t in words(inner)[:2]]
    if not tokens:
        return False
    if re.sub(r"'s$", "", tokens[0]) in _PRONOUN_OPENINGS or tokens[0] == "that's":
        return True  # the speaker says "I": "he" or "she" is someone named before
    following = tokens[1] if len(tokens) > 1 else ""
    if tokens[0] in _DEMONSTRATIVE_OPENINGS and (
        following in AUXILIARIES or following.endswith("ed")
    ):
        return True  # "This is still a preliminary assessment": this what?
    if tokens[0] in _IT_OPENINGS and _it_points_back(inner):
        return True  # "It is rare.", "It happens more often than people think.": what?
    return _short_answer(inner)  # "Too long. …": the answer to a question the row does not show


def _short_answer(inner: str) -> bool:
    """A quotation opening on a sentence of one or two words without a verb ("Too much.",
    "Unbelievable."): a reply or a cry at something the row does not show."""
    first = re.match(r"([^.!?\u2026]*)[.!?\u2026]\s", inner)
    if first is None:
        return False
    said = words(first.group(1))
    return 0 < len(said) <= 2 and not has_finite_verb(said)


def _it_points_back(inner: str) -> bool:
    """A quotation's opening "it" whose first sentence announces nothing for it to stand for:
    it points at something said before the quotation."""
    first = re.split(r"(?<=[.!?\u2026;:])\s|\s\u2026|\s\.\.\.", inner, maxsplit=1)[0]
    if first.rstrip().endswith(":"):
        return False  # "It happened: the Cubs win" says what
    return _IT_ANNOUNCES.search(first) is None


def unseen_referent(shown: str, direct: bool) -> bool:
    """Words that point to something the row does not show: an answer to an unseen question, a
    quotation opening on someone named before it ("He pushed me …", "That was his spirit"),
    "the deal" or "the two" with nothing to say which, a demonstrative in reported speech."""
    inner = shown.lstrip("\"'\u201c\u2018 ")
    if _ANSWER.match(inner) or _SHELL_NOUN.search(shown) or _TOO.search(shown):
        return True
    if shown.lstrip()[:1] in '"\u201c\u2018' and _GOES_ON_FROM.match(inner):
        return True  # "And I'm glad we didn't …", "So I was stuck.": what came before?
    if shown.lstrip()[:1] in '"\u201c\u2018' and _opening_points_back(inner):
        return True
    if _THIS_THING.search(shown) or _MAKE_THIS_HAPPEN.search(shown):
        return True  # "change this site", "following up this ... statement": which?
    if direct:
        return False
    if _BARE_QUANTIFIER.match(inner) or _ENDS_POINTING.search(shown):
        return True  # "Some have been killed …" (some of whom?), "… could change that"
    outside = without_quoted(shown)
    return any(
        m.group(1).lower() not in _DEICTIC_NOUNS
        and m.group(1).lower() not in AUXILIARIES
        and not m.group(1).lower().endswith("ed")
        for m in _DEMONSTRATIVE.finditer(outside)
    )


# Nouns for a person that a later "he" or "she" can stand for ("my son … shielding him").
_PERSON_NOUNS = frozenset(
    "man woman men women boy girl boys girls son daughter father mother dad mom brother sister"
    " husband wife driver pilot gunman shooter attacker suspect officer director president"
    " player coach friend child kid guy teacher victim baby passenger agent manager captain chief"
    " mayor leader minister actor actress producer king queen boss partner uncle aunt cousin"
    " neighbor neighbour colleague spokesman spokeswoman individual person teammate grandfather"
    " grandmother grandson granddaughter".split()
)
_HE_OR_SHE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
# Capitalised words that name no one ("The", "But", "I", "It's").
_NO_NAME = frozenset(
    "i i'm i've i'd i'll it it's the this that these those we you they he she a an but and or so"
    " when if in at on my our your their there what like not now then well yes no as after"
    " before for to of by from with all some one every because while though although just even"
    " here how why who where once".split()
)


def pronoun_without_antecedent(shown: str) -> bool:
    """A "he" or "she" with no one before it in the row for it to stand for (no name, no "my
    son"): "Smash his head with a rock", "I knew him well before he …" (who?)."""
    found = _HE_OR_SHE.search(shown)
    if not found:
        return False
    head = shown[: found.start()]
    place = False  # the name after "at", "in", "from" … is a place's ("at Soho House")
    for match in _WORD.finditer(head):
        token = match.group(0)
        low = token.lower().replace("\u2019", "'")
        if re.sub(r"'s$", "", low) in _PERSON_NOUNS:
            return False
        opens = not head[: match.start()].strip(" \"'\u201c\u2018") or re.search(
            r"[.!?\u2026]\W*$", head[: match.start()]
        )
        if opens and not head[match.end() :].strip():
            continue  # a verb that opens a command is no name: "Smash his head …"
        if token[:1].isupper() and low not in _NO_NAME:
            if not place:
                return False
            continue
        place = low in _PLACE_PREPOSITIONS
    return True


_PLACE_PREPOSITIONS = frozenset("at in from near into across outside inside".split())


_THEY_WORDS = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)
_GROUP_NOUNS = frozenset(
    "people police everyone everybody government team crew family staff public army".split()
)


def they_without_antecedent(shown: str) -> bool:
    """A quotation's "they" with no one or nothing before it for it to stand for (no name, no
    plural: "We are left in a situation where they believe we will acquiesce": who?)."""
    found = _THEY_WORDS.search(shown)
    if not found:
        return False
    for token in words(shown[: found.start()]):
        low = token.lower().replace("\u2019", "'")
        if low in _GROUP_NOUNS or low in _PERSON_NOUNS:
            return False
        if token[:1].isupper() and low not in _NO_NAME:
            return False
        if token.islower() and low.endswith("s") and not low.endswith(("ss", "us", "is")):
            return False  # a plural: "the girls … they"
    return True


# The reporter inside reported speech: a second source ("according to the Pacific Command"),
# the tag ("…, said Garba Shehu", "…, the brother of the gunman"), or another party's view set
# against the speaker's ("…, but Washington and Seoul believed …").
_ASIDE = re.compile(
    r"\baccording to\b|,\s+(?:said|says|told|tells|reported|reports|added|adds|wrote)\b"
    r"|\s(?-i:(?:the\s+)?(?:[A-Z][\w.'-]*\s+){1,4})(?:said|says|reported|reports|told)\W*$"
    r"|,\s+(?:the|his|her|their)\s+(?:\w+\s+){0,2}(?:brother|sister|father|mother|son|daughter"
    r"|wife|husband|spokes(?:man|woman|person)|head|chief|director|minister|secretary|leader"
    r"|president|founder|lawyer|attorney)\b[^,]{0,60}$"
    r"|\u2014[^\u2014]{0,60}\b(?:appears|quotes|put it|in (?:his|her|their) words)\b"
    r"|\b(?:but|while|whereas|although|though)\s+(?:[\w'\u2019.-]+,?\s+){1,6}?"
    r"(?:believed?|believes|thinks?|thought|said|says|insist(?:s|ed)?|claim(?:s|ed)?"
    r"|argue[sd]?|suspect(?:s|ed)?|suggest(?:s|ed)?)\b",
    re.IGNORECASE,
)
_HE_HER = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_SHE_HIM = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)


def reporters_aside(shown: str) -> bool:
    """Reported speech (not in quotation marks) holding the reporter's words or another
    voice, or opening on "he" beside a "she" (or the reverse): two people, and the row does not
    say which one "he" is."""
    if shown.lstrip()[:1] in '"\u201c':
        return False
    outside = without_quoted(shown)
    if _ASIDE.search(outside):
        return True
    first = words(outside)[:1]
    rest = outside.split(None, 1)[1] if len(outside.split(None, 1)) > 1 else ""
    if first and first[0].lower() == "he":
        return bool(_HE_HER.search(rest))
    if first and first[0].lower() == "she":
        return bool(_SHE_HIM.search(rest))
    return False


def _not_readable_alone(shown: str, tokens: list[str], *, direct: bool, opens_quoted: bool) -> bool:
    """Words a reader cannot follow alone (`unseen_referent`), the reporter's words inside
    them, a quotation cut across, a garbled article ("the he heard …"), a headline quoted, or
    a possessive phrase after its cue ("Beijing's call for peace talks")."""
    if unseen_referent(shown, direct) or reporters_aside(shown) or closes_unopened(shown):
        return True
    if _GARBLED_ARTICLE.search(shown) or _title_case(tokens) or _SINGLE_QUOTE_TAG.search(shown):
        return True
    if opens_quoted and _NARRATION_AFTER.match(shown):
        return True  # '"enough is enough" after a missile test flew …': the reporter goes on
    return not opens_quoted and _possessive_phrase(_main_words(shown))


# The tag between two parts of a quotation in single quotation marks ("… ever American
# resolve,' Trump continued. 'Every …"; "…,' stated Derrick Johnson, …"): the reporter's words.
_SINGLE_QUOTE_TAG = re.compile(
    r"[,.?!\u2026]['\u2019]\s+(?:(?:[A-Z][\w.'-]*\s+){1,3}(?:said|says|stated|continued|added"
    r"|told|wrote|explained)\b|(?:said|says|stated|continued|added|told|wrote|explained)\s+[A-Z])"
)
_GARBLED_ARTICLE = re.compile(r"\b(?:the|a|an)\s+(?:he|she|they|it)\b", re.IGNORECASE)


def _title_case(tokens: list[str]) -> bool:
    """Words nearly all capitalised, small ones too: a headline or a title quoted, no one's
    words."""
    long = [t for t in tokens if len(t) > 1]
    return len(long) >= 6 and sum(t[:1].isupper() for t in long) >= 0.8 * len(long)


# A quotation closed and the reporter's words after it.
_NARRATION_AFTER = re.compile(
    r"\s*[\"\u201c][^\"\u201c\u201d]+[\"\u201d]\W*\s(?![\"\u201c])\W*[\w'\u2019-]+\s+[\w'\u2019-]+"
)
_SUBORDINATORS = frozenset("after before when because since if as while until".split())


def _main_words(shown: str) -> list[str]:
    """The reporter's words of a row, outside quotation marks, up to a subordinate clause
    ("Kim's regime "enough is enough" | after a missile test flew …")."""
    out = []
    for token in words(without_quoted(shown)):
        if token.lower() in _SUBORDINATORS:
            break
        out.append(token)
    return out or words(shown)


def _possessive_phrase(tokens: list[str]) -> bool:
    """Words opening on a possessive ("Beijing's call …") without a verb that is surely one
    (an auxiliary, a past tense): a noun phrase, no statement."""
    if not re.search(r"['\u2019]s$", tokens[0]):
        return False
    return not any(
        t.lower().replace("\u2019", "'") in AUXILIARIES
        or t.lower() in IRREGULAR_PAST
        or (t.islower() and t.endswith("ed"))
        for t in tokens[1:]
    )


def _without_names(tokens: list[str]) -> list[str]:
    """The words without capitalised ones inside a sentence (a name "Drew" is no verb)."""
    return [
        t
        for i, t in enumerate(tokens)
        if not i or not t[:1].isupper() or t.lower().replace("\u2019", "'") in AUXILIARIES
    ]


_SPEAKING_SUBJECTS = frozenset("i we you they".split())
_CONTRACTED_VERB = re.compile(r"['\u2019](?:s|re|ve|ll|d|m)$", re.IGNORECASE)


def _has_clause(tokens: list[str]) -> bool:
    """A verb somewhere: one the gate knows, one after "I", "we", "you" or "they" ("We stand
    in solidarity"), or one contracted ("no one's better")."""
    if has_finite_verb(tokens):
        return True
    return any(
        _CONTRACTED_VERB.search(t)
        or (i and t.islower() and tokens[i - 1].lower() in _SPEAKING_SUBJECTS)
        for i, t in enumerate(tokens)
    )


def quote_statement(text: str, direct: bool, cue: str | None = None) -> bool:
    """A quote that is a statement, not the object or the tail of a cut sentence, and said:
    in quotation marks or after a verb of saying."""
    opens_quoted = text.lstrip()[:1] in "\"'\u201c\u2018"
    if cue == ":" and not direct:
        return False  # a transcript's line ("WALT: …") or a heading: no one's statement alone
    if not opens_quoted and _PROMPT.match(text):
        return False  # "See latest news & …": a page's prompt under a label
    if not opens_quoted and cue and _REPORTS.search(cue):
        return False  # "…, NPR's X reports", "ABC7 reported": a reporter's account, no quote
    if not saying_cue(cue) and not (direct and opens_quoted):
        return False  # "condemned the launch as 'outrageous'": quoted words, the reporter's verb
    shown = shown_wording(text)
    if not opens_quoted and _NOT_SAID_TAIL.search(shown):
        return False  # "…, but did not say how": what the reporter could not learn
    if _FRAMED_QUOTATION.match(shown):
        return False  # "The solution they landed on was that “…”": the reporter's sentence
    if _RUN_ON.search(shown) or _TAG_TAIL.search(shown) or _APPOSITION_TAIL.search(shown):
        return False  # "… tests. as he warned", "…,” Mike Hankey": two sentences run together
    if shown.count("(") != shown.count(")"):
        return False  # cut inside or across a bracketed aside
    tokens = words(shown)
    if len(tokens) < 4 or furniture(shown) or shown.lstrip()[:1] in "-\u2014\u2013.,;:)":
        return False
    if _not_readable_alone(shown, tokens, direct=direct, opens_quoted=opens_quoted):
        return False
    inner = shown.lstrip("\"'\u201c\u2018 ")
    if direct and opens_quoted and not _has_clause(_without_names(tokens)):
        return False  # "Solving my own Nancy Drew mystery.": no clause, no statement alone
    if direct and opens_quoted and len(tokens) <= SHORT_QUOTATION:
        return False  # "Family's a big one.", "It happens more often than people think."
    if direct and inner[:1].isupper():
        return True  # a whole sentence in quotation marks
    if tokens[0].lower() in OBJECT_PRONOUNS - {"it"} or tokens[0].lower() in QUESTION_WORDS:
        return False
    head = [t.lower() for t in tokens[:4]]
    if (
        head[0] in (POSSESSIVES | OBJECT_PRONOUNS) - {"it"}
        and "to" in head[1:]
        and not any(
            t.lower() in AUXILIARIES or t.lower() in IRREGULAR_PAST or t.lower().endswith("ed")
            for t in tokens[: head.index("to", 1)]
        )
    ):
        return False  # "its residents to 'duck and cover'": the object of a cut "warned … to"
    if (
        head[0] in POSSESSIVES
        and len(head) > 2
        and head[2] in CONJUNCTIONS | PREPOSITIONS
        and head[1] not in AUXILIARIES
        and not head[1].endswith(("ed", "s"))
    ):
        return False  # "his employment but did not identify …": the object of "confirmed"
    for link in ("as", "if", "whether"):
        if link in head[1:] and not has_finite_verb(tokens[: head.index(link, 1)]):
            return False  # the object of "described X as …", "asked X if …": its verb cut off
    if tokens[0].lower() in AUXILIARIES or (_THAT.match(text) and _verb_next(words(text)[1:3])):
        return False  # "that remains the focus …": a relative clause, not what was said
    return _subject_first(inner, pronoun_ok=True)


def red_line_statement(text: str, *, holder_before: bool = False) -> bool:
    """A red line that says what is demanded, refused or made a condition. Words that open
    with a verb ("will not accept …") pass when the holder is their subject in the article
    (`holder_before`: the holder's name or a pronoun stands right before them)."""
    shown = shown_wording(text)
    tokens = words(shown)
    if len(tokens) < 4 or furniture(shown) or _ENDS_AT_TITLE.search(shown):
        return False
    if _NO_WITHOUT.match(shown):
        return True  # "No ceasefire, no talks": a condition without a verb
    if not _DEMAND.search(shown) or _PAST.search(shown) or _ADVICE.search(shown):
        return False
    if _IMPERATIVE.search(shown):
        return False
    if _DEMAND_VERB_OPENING.match(shown):
        return True  # "called on the board to open talks": the holder above is its subject
    if holder_before and shown[:1].islower() and tokens[0].lower() in AUXILIARIES:
        return True
    if tokens[0].lower() in _CONDITION_OPENERS and _MODAL.search(shown):
        return True  # "If this was an attack we must redouble our efforts"
    return _subject_first(shown, pronoun_ok=True)


# Words that hold no position toward another party, though a demand's word stands in them
# (judged on real news: each kind below was read as "not a red line"):
# - an obligation the speakers lay on themselves ("we must redouble our efforts", "Our industry
#   must recognize …", "the actions we should take"), not what they ask of someone else
#   ("we must have guarantees" still asks);
_OWN_OBLIGATION = re.compile(
    r"\b(?:we|i|our\s+(?:industry|country|nation|society|community|government|people|party"
    r"|team|company|city|world))\s+(?:\w+ly\s+)?(?:must|should|need to|needs to|have to|has to"
    r"|ought to)\b(?!\s+(?:\w+ly\s+)?(?:have|get|see|receive|be (?:given|allowed|granted))\b)",
    re.IGNORECASE,
)
# - a warning about what the other side is to grasp ("should clearly understand that …",
#   "must let them understand"), not what it is to do;
_TO_GRASP = re.compile(
    r"\b(?:must|should|needs? to|ha(?:s|ve) to|ought to|let\s+[\w-]+(?:\s+[\w-]+)?)\s+"
    r"(?:\w+ly\s+)?(?:know|understand|realize|realise|recognize|recognise|be aware|learn"
    r"|bear in mind|remember|accept that)\b",
    re.IGNORECASE,
)
# - an aspiration for everyone to pull together ("North and South must work together", "the
#   international community should unite against …");
_TOGETHER = re.compile(
    r"\b(?:must|should|needs? to|ha(?:s|ve) to|ought to)\s+(?:\w+ly\s+)?(?:all\s+)?"
    r"(?:work together|unite|come together|join hands|stand together|pull together)\b",
    re.IGNORECASE,
)
# - a norm for everybody, addressed to no party ("People should not see these things", "No one
#   should underestimate …", "the music world must welcome …", "All parties concerned should
#   exercise restraint", "There should be no rush to judgment");
_EVERYBODY = re.compile(
    r"^\W*(?:people|no one|nobody|everyone|everybody|anyone|no country|no nation|society"
    r"|the (?:\w+ )?world|the (?:\w+ )?industry|mankind|humanity|there"
    r"|all (?:the )?(?:parties|sides|countries|nations|states)(?: (?:concerned|involved))?"
    # a right claimed for all people ("All travellers must be guaranteed the right to …")
    r"|all (?:\w+ )?(?:people|travell?ers|passengers|citizens|children|women|men|persons"
    r"|human beings|individuals)"
    r"|the parties (?:concerned|involved))\s+[\"\u201c]?(?:\w+ly\s+)?"
    r"(?:must|should|needs? to|ha(?:s|ve) to|ought to)\b",
    re.IGNORECASE,
)
# - resolve with nothing refused ("we will never give in", "a democracy that will not allow
#   itself to be destabilised");
_RESOLVE = re.compile(
    r"\b(?:will|would|shall|can|could)(?:\s+not|n['\u2019]t|\s+never)\s+(?:\w+ly\s+)?"
    r"(?:give in|give up hope|back down|bow|cave|flinch|be (?:intimidated|cowed|deterred|silenced"
    r"|defeated|divided|broken|cowered|destabili[sz]ed)|allow (?:itself|ourselves|himself"
    r"|herself|themselves) to be)\b|\bwon['\u2019]t\s+(?:give in|back down|bow|flinch)\b",
    re.IGNORECASE,
)
# - a vow to strike a foe ("vowed to destroy the insurgents", "vows to punish the regime"):
#   resolve again, nothing asked of anyone and no terms on which it would stop;
_VOW_AGAINST = re.compile(
    r"\b(?:vow|pledg|swear|swor)\w*\s+to\s+(?:\w+ly\s+)?(?:destroy|punish|crush|defeat|eliminate"
    r"|wipe out|annihilate|avenge|hunt down|eradicate|obliterate|smash|take revenge)\b",
    re.IGNORECASE,
)
# - a plea for a general good, no one named to act ("called for more effective … efforts",
#   "calling for an end to gun violence");
_PLEA = re.compile(
    r"\bcall(?:s|ed|ing)?\s+for\s+(?:an end to|more effective|greater|better|stronger"
    r"|improved|enhanced|peace|calm|unity|justice|solidarity)\b",
    re.IGNORECASE,
)
# - an offer or a proposal ("has proposed a 'double-freeze' initiative", "should start talks
#   with their counterparts");
_PROPOSAL = re.compile(
    r"\bpropos(?:e|es|ed|ing)\s+(?:[\w\"\u201c\u201d'-]+\s+){0,5}?"
    r"(?:initiative|plan|talks|dialogue|meeting|summit|framework|idea|solution|freeze"
    r"|compromise|deal|swap|exchange)\b"
    r"|\b(?:should|could|would|will)\s+(?:\w+ly\s+)?(?:start|hold|open|begin|resume|have)\s+"
    r"(?:\w+\s+)?(?:talks|dialogue|negotiations)\b",
    re.IGNORECASE,
)
_ASKED_OF_OTHERS = re.compile(
    r"\b(?:call(?:s|ed|ing)? (?:on|upon)|urg(?:e|es|ed|ing)|demand\w*|insist\w*)\b", re.IGNORECASE
)
# - an order given and carried out, or a court's ruling: a happening, the timeline's
#   ("ordered his government to cooperate …", "The court ordered Morsi to pay …");
_ORDERED = re.compile(r"\bordered\b|\b(?:court|judge|tribunal|jury)\s+(?:\w+\s+)?ruled\b", re.I)
# - an assessment told with "it was/is" ("it was irresponsible to blame others, adding …");
_ASSESSMENT = re.compile(
    r"^\W*it\s+(?:was|is|would be|will be)\b(?!\s+against\b)", re.IGNORECASE
)  # ("It is against our policy for staff to …" is a rule held against them)
# - a warning of what will befall the one addressed ("If you do it again you will lose your
#   career"), where the speakers do nothing themselves ("If you do, we will sue" still holds);
_YOU_WILL = re.compile(r"\byou(?:['\u2019]ll|\s+will|\s+would)\b", re.IGNORECASE)
_WE_WILL = re.compile(
    r"\b(?:I|we|our\s+\w+)(?:['\u2019]ll|['\u2019]d|\s+(?:\w+ly\s+)?(?:will|would|shall))\b",
    re.IGNORECASE,
)
_IF = re.compile(r"\bif\b", re.IGNORECASE)
# - a wish for a thing ("I knew I wanted it to be my challenge"), no one asked to do anything;
_WISHED_THING = re.compile(r"\bwant(?:s|ed)?\s+(?:it|this|that)\s+to\s+be\b", re.IGNORECASE)
# - an opinion on how a problem is to be solved, no party named to solve it ("the issue should
#   only be addressed with a diplomatic solution");
_PROBLEM_SOLVED = re.compile(
    r"\b(?:issue|problem|crisis|question|situation|conflict|dispute|matter)\s+"
    r"(?:should|must|can|could|needs? to|ha(?:s|ve) to)\s+(?:only\s+)?be\s+(?:\w+ly\s+)?"
    r"(?:addressed|resolved|solved|settled|handled|dealt with|tackled)\b",
    re.IGNORECASE,
)
# - a call to do one's bit, nothing named to do ("urge all states to play their part").
_PLAY_A_PART = re.compile(
    r"\bto\s+play\s+(?:their|its|his|her|our|a|an|the)\s+(?:\w+\s+)?(?:part|role)\b",
    re.IGNORECASE,
)


def holds_no_position(text: str, lead: str = "") -> bool:
    """Whether a red line's words (`lead`: the words before them in their sentence) hold no
    position toward another party: an obligation of the speakers' own, a warning of what to
    grasp, an aspiration, a norm for everybody, resolve with nothing refused (or a vow to strike
    a foe), a plea for a general good, an offer or a proposal, an order carried out or a
    ruling, an assessment."""
    said = f"{lead[-80:]} {text}"
    if _PROPOSAL.search(said) and not _ASKED_OF_OTHERS.search(text):
        return True
    return bool(
        _OWN_OBLIGATION.search(text)
        or _TO_GRASP.search(text)
        or _TOGETHER.search(text)
        or _EVERYBODY.search(text)
        or _RESOLVE.search(text)
        or _VOW_AGAINST.search(said)
        or _PLEA.search(said)
        or _ORDERED.search(said)
        or _ASSESSMENT.search(text)
        or (_IF.search(text) and _YOU_WILL.search(text) and not _WE_WILL.search(text))
        or _WISHED_THING.search(said)
        or _PROBLEM_SOLVED.search(text)
        or _PLAY_A_PART.search(text)
    )


# A subject that points back to what the article named before ("the deal must be concluded
# …" when two deals are in the story, "The idea, however, has been rejected …"), or an
# alternative the row does not show ("Seoul should instead respond …"): a reader cannot tell
# what the position is about.
_POINTS_BACK = re.compile(
    r"^\W*(?:the|this|that|such)\s+(?:deal|idea|proposal|plan|move|agreement|transaction"
    r"|conduct|measure|step|initiative|scheme|arrangement)\b"
    r"|\binstead\b(?!\s+of\b)",
    re.IGNORECASE,
)


def points_elsewhere(text: str) -> bool:
    """Whether a red line's words lean on something only the article says (see above)."""
    found = _POINTS_BACK.search(text)
    if found is not None and found.group().lower() == "instead":
        return not set_aside(text)  # "Rather than X, Seoul should instead …" says both
    return found is not None


# An alternative set aside before the demand ("Rather than encouraging X, Seoul should …"):
# the sentence says what "instead" stands against.
_SET_ASIDE = re.compile(r"\b(?:rather than|instead of)\b", re.IGNORECASE)


def set_aside(text: str) -> bool:
    """Whether the words name the alternative a demand is set against."""
    return bool(_SET_ASIDE.search(text))


# A photo's credit before the sentence ("Andrew Kelly / Reuters The Council said …"): the
# sentence is the photo's caption, which repeats the article.
_CREDIT_LEAD = re.compile(
    r"^\W*(?:[A-Z][\w.'-]+\s){1,3}/\s*[A-Z][\w&.]*(?:\s(?:Images|Photo|Pictures|Press))?\s+"
    r"(?=[A-Z]|$)"
)


def after_credit(lead: str) -> bool:
    """Whether the words before a red line in its sentence open with a photo's credit."""
    return bool(_CREDIT_LEAD.match(lead))


# A sentence cut at a title's full stop ("… threats," Mr.): the split went wrong.
_ENDS_AT_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Prof|Sgt|Capt|St)\.\W*$")


def subject_before(before: str, holder: str) -> bool:
    """The words right before a red line are its holder: a subject pronoun or the holder's
    name (its last word)."""
    tokens = words(before[-40:])
    if not tokens:
        return False
    last = tokens[-1].lower()
    names = words(holder)
    return last in SUBJECT_PRONOUNS or bool(names and fold(last) == fold(names[-1]))


# (a clause that only says when or why it was said goes on without being part of the demand:
# "vowed to destroy the group | when he took office last year")
_GOES_ON = re.compile(r"^\s+(?!(?:when|after|before|because|since|while)\b)[a-z]")
_TAG_AFTER = re.compile(r"^\s+(?:(?:he|she|they|it|we|i)\s+)?(?:said|says|told|added|warned)\b")


def in_relative_clause(before_speaker: str) -> bool:
    """The speaker is named inside a relative clause ("footage, which Thurman says she
    obtained"): what follows has a gap, it is no statement."""
    tokens = words(before_speaker[-30:])
    return bool(tokens) and tokens[-1].lower() in {"which", "who", "whom"}


def cut_short(after: str) -> bool:
    """The record stops where its sentence goes on without a pause ("will never give up its
    ballistic missile | and nuclear weapons programs"): the words shown are cut short."""
    return bool(_GOES_ON.match(after)) and not _TAG_AFTER.match(after)


_CONDITION_CLAUSE = re.compile(
    r"^\W*(?:only if|unless|if|provided|as long as|until|on condition)\b", re.IGNORECASE
)


def condition_alone(text: str) -> bool:
    """A condition clause by itself ("only if the strike ended first"): what it is the
    condition of stands before it in the sentence."""
    return bool(_CONDITION_CLAUSE.match(text))


# A dateline before a sentence's first word ("SEOUL/UNITED NATIONS, Aug 30 (Reuters) - ").
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z/.'\s-]+(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*)?"
    r"\((?:[A-Z][\w.]*\s?){1,3}\)\s*[-\u2013\u2014]\s*"
    # or a photo's credit left before it: "Andrew Kelly / Reuters The Council said …"
    r"|^(?:[A-Z][\w.'-]+\s){1,3}/\s*[A-Z][\w&.]*(?:\s(?:Images|Photo|Pictures|Press))?\s+"
    r"(?=[A-Z])"
)


def without_dateline(sentence: str) -> str:
    """The sentence without the dateline a wire story opens with."""
    return _DATELINE.sub("", sentence, count=1)


# An offer its maker calls the last ("called the bid its best and final offer").
_FINAL = re.compile(r"\b(?:best and final|final offer)\b", re.IGNORECASE)


def final_offer(text: str) -> bool:
    """Whether the words name an offer as the last one."""
    return bool(_FINAL.search(text))


# A name and the relative clause that holds the position ("Mollenkopf and his board, who have
# so far refused to negotiate"): a phrase, whose sentence says it whole.
_NAME_WHO = re.compile(r"^[A-Z][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,4},\s+(?:who|which)\s")


def named_then_relative(text: str) -> bool:
    """Whether the words are a name followed by the relative clause that holds the position."""
    return bool(_NAME_WHO.match(text))


def framed(before: str) -> bool:
    """The words just before a red line in its sentence frame it as a demand."""
    return bool(_FRAME_BEFORE.search(before))


# The last word of a news outlet's name: an outlet reports what others said, it is no speaker.
OUTLET_WORDS = frozenset(
    "times post mirror news daily journal herald telegraph guardian tribune gazette express"
    " independent verge matin standard observer chronicle examiner inquirer reuters bloomberg"
    " cnn bbc npr afp ap huffpost politico axios wire press advertiser record nyt wsj cnbc"
    " msnbc nbc abc cbs yonhap xinhua kyodo haaretz nhk".split()
)


# A photo credit's or a platform's name, or an outlet's short name: glued before a speaker's
# name by a caption or a dateline ("Getty Images", "Twitter", "BBC").
CREDIT_WORDS = frozenset(
    "twitter instagram facebook youtube snapchat getty shutterstock splash reuters afp ap"
    " epa bbc cnn npr nyt wsj".split()
)


# The last word of a description that names a body or a group of people a reader can place
# without a name ("the Trump administration", "music lawyers and talent managers").
# Groups that hold a position under their plural alone.
_GROUPS_ALONE = frozenset(
    "Investors Shareholders Stockholders Bondholders Creditors Protesters Demonstrators".split()
)
_BODY_HEADS = frozenset(
    "administration government ministry department council court committee commission agency"
    " board union police military army parliament congress senate cabinet regime".split()
)
_GROUP_ENDINGS = ("ers", "ors", "ists", "ians", "men", "people", "officials", "leaders",
                  "executives", "ambassadors", "diplomats")  # fmt: skip
# Plural nouns that name no one in particular when they stand alone as a speaker.
_LONE_PLURALS = frozenset("authorities sources witnesses residents experts analysts".split())


def described_body(name: str) -> bool:
    """A holder described, not named, who is still someone: two words or more ending in a
    body's noun or in a group of people ("the Trump administration", "NXP shareholders"), not
    one person described ("a spokesman") nor a thing ("the examples", "the launch")."""
    tokens = name.split()
    if name in _GROUPS_ALONE:
        return True  # "Investors said they would need more than …"
    if len(tokens) < 2 or len({t.lower() for t in tokens}) < len(tokens):
        return False
    if not all(re.fullmatch(r"[\w'\u2019.&-]+", t) for t in tokens):
        return False
    if tokens[0].lower() in ("a", "an"):
        return False
    last = tokens[-1].lower()
    return last in _BODY_HEADS or last.endswith(_GROUP_ENDINGS)


def outlet_name(name: str) -> bool:
    """A news outlet's name ("The New York Times", "Reuters", "Associated Press")."""
    tokens = name.split()
    return bool(tokens) and fold(tokens[-1]).strip(".") in OUTLET_WORDS


_ROLE_WORDS = frozenset(
    "president minister secretary spokesman spokeswoman spokesperson chief official officials"
    " leader ambassador governor mayor senator chancellor premier".split()
)


# Words that are no name alone ("North" said …) and descriptions a caption or a sentence glues
# before a name ("Witness Tony Molina", "Initial US", "MVP Zobrist").
_NO_NAME_ALONE = frozenset(
    "north south east west northern southern national international central federal"
    " research initial".split()
)
_GLUED_DESCRIPTIONS = frozenset(
    "witness eyewitness brit briton initial early local former senior veteran mvp survivor"
    " tourist resident".split()
)
# A ministry named by its portfolio alone ("Defense Ministry"): whose, in a storyline of several
# countries?
_PORTFOLIOS = frozenset(
    "defense defence foreign interior finance health justice home joint".split()
)
_OFFICES = frozenset("ministry department office chiefs".split())
_PLACE_HEADS = frozenset("county city province district street road avenue square".split())
_WEB_ADDRESS = re.compile(r"\.(?:com|org|net|co\.uk|io)\b", re.IGNORECASE)


def _no_name(name: str, tokens: list[str]) -> bool:
    """A word that is no name alone, a description glued before a name, a web address, a
    ministry's portfolio alone, a place ("Jose County") or a possessive glued before a name
    ("Cardinals' Arians")."""
    if len(tokens) > 1 and any(re.search(r"s['\u2019]$", t) for t in tokens[:-1]):
        return True
    if len(tokens) > 1 and fold(tokens[-1]) in _PLACE_HEADS:
        return True
    if len(tokens) == 1 and fold(name) in _NO_NAME_ALONE:
        return True
    if len(tokens) > 1 and fold(tokens[0]) in _GLUED_DESCRIPTIONS:
        return True
    if len(tokens) == 2 and fold(tokens[0]) in _PORTFOLIOS and fold(tokens[1]) in _OFFICES:
        return True
    return bool(_WEB_ADDRESS.search(name))


def garbled_name(name: str) -> bool:
    """A name the extraction glued or doubled ("Equifax Equifax", "China DailyZhang Wei") or
    that holds small words other than name particles ("Boeing both", "the matter"); a word
    that is no name alone ("North"), a description glued before a name ("Witness Tony
    Molina"), or a web address (a site's page, no speaker)."""
    tokens = name.split()
    if _no_name(name, tokens):
        return True
    named = [fold(t) for t in tokens if t not in ("of", "the", "and")]
    if len(set(named)) < len(named):
        return True
    if len(tokens) > 1 and tokens[-1].lower() in _ROLE_WORDS:
        return True  # "US President": a role, not a name
    if len(tokens) > 1 and tokens[0].lower().endswith(("ated", "ened", "ssed", "cted")):
        return True  # "Devastated Hayley": a caption's adjective glued on a first name
    if len(tokens) > 1 and fold(tokens[0]).strip(".") in CREDIT_WORDS:
        return True  # "Twitter Comedienne Sarah", "BBC Police": a credit or outlet glued on
    if any(re.search(r"[a-z][A-Z]", t) and not re.match(r"^(?:Mc|Mac|O')", t) for t in tokens):
        return True
    particles = {"de", "van", "von", "der", "den", "da", "del", "di", "la", "le", "du", "bin"}
    if tokens and tokens[0].lower() == "the":
        return False  # a description of one actor ("The envoy", "the transit authority")
    return any(
        t.islower()
        and t not in particles
        and t not in {"al", "of", "and"}
        and not (t == "the" and i and tokens[i - 1] == "of")  # "Republic of the Congo"
        for i, t in enumerate(tokens)
    )


_DESCRIPTION = re.compile(r"(?:^|\s)[a-z]")  # a small word: "the group", "which", "some officials"
# A speaker found through a pronoun ("…," he said) is only as sure as its antecedent.
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "it"})


def weak_pronoun_speaker(
    text: str, span: tuple[int, int], speaker: str, words_said: str, *, person: bool = False
) -> bool:
    """The speaker was found through a pronoun (or a description: "the group") whose
    antecedent is uncertain: the speaker's
    name stands in no earlier part of the same paragraph (a new paragraph, a new section, often a
    new voice: a witness after a reporter, a professor after a president), or the speaker is
    named inside the words said (a quote about someone is seldom by them). A person found
    through a description ("a spokesperson", "the lawyer") is often not the one who spoke; a
    body found so ("the group", "the ministry") must be named earlier in the paragraph."""
    at, end = span
    mention = text[at:end].strip()
    names = [w for w in re.split(r"[\s-]+", speaker) if len(w) > 2 and w[:1].isupper()]
    if mention.lower() in _SPEAKER_PRONOUNS:
        if any(re.search(rf"\b{re.escape(w)}\b", words_said) for w in names):
            return True
    elif any(w in mention for w in names) or not _DESCRIPTION.search(mention):
        return False  # named in the mention, or a name of its own ("U.S.", "Washington")
    elif person:
        return True  # "a spokesperson said Weinstein was …": the words are the spokesperson's
    paragraph_start = text.rfind("\n", 0, at) + 1
    head = names[-1:] if mention.lower() not in _SPEAKER_PRONOUNS else names
    return not any(re.search(rf"\b{re.escape(w)}\b", text[paragraph_start:at]) for w in head)


def named_as_modifier(before: str, speaker: str) -> bool:
    """The speaker's last mention before a "he said" names a thing ("wearing a vintage Bruce
    Sutter jersey"): the name stands before a noun, it is nobody acting, so "he" is someone
    else."""
    names = [w for w in re.split(r"[\s-]+", speaker) if len(w) > 2 and w[:1].isupper()]
    if not names:
        return False
    found = list(re.finditer(rf"\b{re.escape(names[-1])}\b", before))
    if not found:
        return False
    after = re.match(r" ([a-z][\w'-]*)", before[found[-1].end() : found[-1].end() + 30])
    if not after:
        return False  # (a comma, a verb's tense mark or nothing after the name)
    low = after.group(1)
    closed = RELATIVES | CONJUNCTIONS | PREPOSITIONS | AUXILIARIES | IRREGULAR_PAST | DETERMINERS
    return low not in closed and low not in _ADVERBS and not low.endswith(("ed", "s", "ly"))


_ADVERBS = frozenset("today yesterday tonight now also then still later earlier again".split())


# Words that point back to something named before them ("it creates …", "they are tired").
_POINTING_BACK = frozenset("it its it's this these those they their them".split())


_THEY = frozenset("they their them these those".split())
_HE_SHE = frozenset("he she his her him".split())


def opens_pointing_back(text: str, person: bool) -> bool:
    """The shown words open with a pronoun for something said before them: in reported speech
    of an organisation or a country, "it" is the speaker itself ("Equifax said it found …"), of a
    person it is something else ("Yoon said it creates …": what?), and "he" is someone else
    than a body; a quotation that opens in small letters on such a word is cut from a longer
    sentence, one that opens on "They" or "These" speaks of people or things named before it."""
    bare = text.lstrip("\"'\u201c\u2018 ")
    tokens = words(bare)
    first = tokens[0].lower().replace("\u2019", "'") if tokens else ""
    quoted = text.lstrip()[:1] in "\"'\u201c\u2018"
    if quoted:
        if first in _THEY:
            return True  # "They were on vacation …": who?
        return first in _POINTING_BACK and tokens[0][:1].islower()
    if first in _HE_SHE:
        return not person  # "Boko Haram said he was in charge": not the body itself
    return first in _POINTING_BACK and person


# The words a company's name may end with that do not make it another name ("Broadcom Ltd.").
_COMPANY_SUFFIXES = frozenset(
    "inc inc. ltd ltd. corp corp. co co. plc llc ag sa nv group holdings limited company".split()
)


# Someone who speaks for a person: the words are theirs, not the person's.
_ROLE = (
    r"(?:reps?|representatives?|spokes(?:man|woman|person|people)|lawyers?|attorneys?"
    r"|publicists?|agents?|aides?)"
)
_ON_BEHALF = re.compile(rf"(?i)\b{_ROLE}\s+(?:for|of|to)\b|\b(?:his|her|their)\s+{_ROLE}\b")


# Someone sent to a body, who does not speak for it.
_ENVOY_TO = re.compile(
    r"\b(?:ambassadors?|envoys?|representatives?|delegates?|delegations?)\s+(?:to|at)\b",
    re.IGNORECASE,
)


def closes_unopened(text: str) -> bool:
    """The words close a quotation they never opened ("… a single factor." The tram …"): cut
    across someone's quotation and the reporter's words after it."""
    depth = 0
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        opening = ch == "\u201c" or (ch == '"' and (prev.isspace() or prev in "([\u2014-"))
        if opening:
            depth += 1
        elif ch in '"\u201d':
            if depth == 0:
                return True
            depth -= 1
    return False


# A noun whose content a "that" clause tells ("Qualcomm's concerns that their combination could
# take …"): the clause is what the concern holds, not what the speaker said.
_CONTENT_NOUN = re.compile(
    r"\b(?:concerns?|fears?|worr(?:y|ies)|claims?|allegations?|accusations?|reports?"
    r"|suggestions?|beliefs?|assertions?|rumou?rs?|speculation|hopes?|charges?|notion|idea)"
    r"\s+(?:that\s+)?$",
    re.IGNORECASE,
)


def content_of_noun(before: str, words_said: str) -> bool:
    """Reported words that are the content of a noun before them ("concerns that …")."""
    return bool(_CONTENT_NOUN.search(before[-40:])) and bool(
        re.match(r"\W*that\b", words_said, re.IGNORECASE) or before.rstrip().endswith("that")
    )


# A person named as the object of a preposition ("a poster for the elder Mr. Paddock warned",
# "a friend of Ms. Lang said"): someone else spoke.
_AFTER_PREPOSITION = re.compile(
    r"\b(?:for|of|about|against|with)\s+(?:the|a|an)\s+(?:[a-z]+\s+){0,2}$"
)


# Kinds of body a description names by its head noun ("the airline", "the airport").
_BODY_KINDS = frozenset(
    "airline airport company agency ministry department police council court union bank"
    " hospital school university government army navy embassy".split()
)


def _other_kind_of_body(mention: str, speaker: str) -> bool:
    """A description of one kind of body ("the airline") given to a body of another kind
    ("Los Angeles International Airport")."""
    said = words(mention.lower())
    named = words(speaker.lower())
    if len(said) != 2 or said[0] != "the" or not named:
        return False
    return said[1] in _BODY_KINDS and named[-1] in _BODY_KINDS and said[1] != named[-1]


def misnamed_speaker(
    text: str, span: tuple[int, int], speaker: str, *, person: bool, direct: bool
) -> bool:
    """The name shown is not who spoke: the reporter's "we" ("as we have reported"), a name
    that is the object of a verb before it ("a man leaving the city hospital told …"), or a
    body's short name read as a longer name that adds more than a company suffix ("Police" shown
    as a photo agency's "X Y Police", "Google" as a product "Google Pixel")."""
    at, end = span
    mention = text[at:end].strip()
    if mention.lower() == "we" and not direct:
        return True
    if not person and _ENVOY_TO.search(mention):
        return True  # "the US Ambassador to the United Nations" is not the United Nations
    if not person and _other_kind_of_body(mention, speaker):
        return True  # "the airline said" shown as an airport
    said_words = words(mention)
    if re.match(rf"{re.escape(speaker)}\s+[a-z]", mention) and (
        (said_words[-1][:1].isupper() and said_words[-1] not in words(speaker))
        or has_finite_verb(said_words[len(words(speaker)) :])
    ):
        # "Los Angeles television station KTLA" is KTLA; "Israel dug up …" is no mention
        return True
    if person:
        # (not a noun in -ing before a person's name: "this morning Lindqvist said")
        if _AFTER_PREPOSITION.search(text[max(0, at - 30) : at]):
            return True
        return bool(_ON_BEHALF.search(mention))  # "a rep for X", "his lawyer": not X's words
    verb = re.search(r"\b([a-z]+ing) $", text[max(0, at - 30) : at])
    if verb and mention[:4].lower() == "the ":
        return True
    said = [t for t in words(mention) if t.lower() not in ("the", "a", "an", "s")]
    named = [t for t in words(speaker) if t.lower() not in ("the", "a", "an", "s")]
    extra = [t for t in named if t not in said]
    return (
        bool(said)
        and all(t in named for t in said)
        and any(t.lower().strip(".") not in _COMPANY_SUFFIXES for t in extra)
    )


def tag_inside(shown: str, speaker: str) -> bool:
    """The reporter's tag inside the words shown ("…, the presidential Blue House said in a
    statement, without …"): a name followed by a verb of saying, the speaker's or another's
    ("Moon Jae-in also said …" shown as a news agency's words)."""
    if shown.lstrip()[:1] in '"\u201c':
        return False
    return _TAG.search(without_quoted(shown)) is not None


# A name and a verb of saying: someone's tag ("Wang added", "Moon Jae-in also said").
_TAG = re.compile(r"\b[A-Z][\w'-]+\s+(?:also\s+)?(?:said|says|told|added|wrote|stated)\b")


def without_quoted(text: str) -> str:
    """The words outside quotation marks."""
    return re.sub(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]", " ", text)


def lone_group(name: str) -> bool:
    """A speaker that is a group named by one plural noun ("Diplomats", "Officials"): no one in
    particular said it."""
    bare = name.strip().lower()
    return " " not in bare and (bare.endswith(_GROUP_ENDINGS) or bare in _LONE_PLURALS)


def from_a_work(between: str) -> bool:
    """Reported words a written work holds, its author named after it ("…, according to a new
    biography of the senator by the historian Ada Marsh"): the book's claim, told by the
    reporter, not words the author is shown saying."""
    return _WORK.search(between) is not None


# "according to" a book, a memoir or the like, its author named after "by".
_WORK = re.compile(
    r"\baccording to\b[^.;:\"\u201c\u201d]{0,80}?\b(?:book|biography|autobiography|memoir|novel"
    r"|history|essay|column|documentary|film)s?\b[^.;:\"\u201c\u201d]{0,80}?\bby\b",
    re.IGNORECASE,
)


def product_name(text: str, speaker: str) -> bool:
    """A person's name that is a product or a service named after its maker ("Google Pixel",
    "Google APIs"): a word that is a plural acronym ("APIs"), or every time the article writes
    the name, a model's number or another capitalised word of the product follows it ("the
    Vexa Phone 3", "Vexa Phone Pro")."""
    named = words(speaker)
    if len(named) < 2:
        return False
    if any(re.fullmatch(r"[A-Z]{2,}s", w) for w in named[1:]):
        return True
    after = [text[m.end() : m.end() + 12] for m in re.finditer(rf"\b{re.escape(speaker)}\b", text)]
    return bool(after) and all(re.match(r"[ \u00a0]+(?:[A-Z]|\d)", a) for a in after)
