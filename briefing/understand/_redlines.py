"""Red lines: conditions, demands, refusals and non-negotiable positions, one per demand.

Each sentence is read in four steps: its cues (the trigger phrases that make a red line), the
frame each cue stands in (a quotation, someone's reported words or the sentence's own clause),
who holds the position, and the content (the demands the frame holds, one item each)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefing.understand._actors import Mention, Registry, role_word, strip_poss
from briefing.understand._lexicon import (
    ACTING_NOUNS,
    ASKED_OBJECT_DETERMINERS,
    ASKING_VERB_STEMS,
    AUTHORING_VERBS,
    CIRCUMSTANCE_CONJUNCTIONS,
    CLAUSE_OPENERS,
    DELIBERATION_VERBS,
    EPISTEMIC_ADJECTIVES,
    FORECAST_VERBS,
    GROUP_SUBJECT_NOUNS,
    HOLDING_MODALS,
    HOLDING_VERB_STEMS,
    HYPOTHESIS_OPENERS,
    NEGATION_GAP_WORDS,
    NOT_ASKED_OBJECTS,
    NOT_DEMANDED_REQUESTS,
    NOT_HELD_REFUSALS,
    NOT_SUBJECT_WORDS,
    NOT_VERB_WORDS,
    OWNER_NOUNS,
    PASSIVE_COPULAS,
    PLAIN_SAYING_VERBS,
    PLAN_NOUNS,
    PUBLIC_ADDRESSEES,
    PUT_FORWARD_NOUNS,
    QUESTION_VERBS,
    QUESTION_WORDS,
    REFUSED_VERB_STEMS,
    REPEATED_PREPOSITIONS,
    REPORTING_MUST_VERBS,
    SECOND_DEMAND_VERBS,
    SPEECH_CUES,
    SUBJECT_GROUP_NOUNS,
    SUBJECT_START_WORDS,
    SUBJECT_VERB_GAP_WORDS,
    THREAT_VERBS,
    TIME_LEAD_ADVERBS,
    TIME_LEAD_PREPOSITIONS,
    any_of,
)
from briefing.understand._text import QUOTE_MARKS, Sentence, word_starts
from briefing.understand.records import Quote, RedLine

# ------------------------------------------------------------------------------ the cues

_REFUSE = rf"(?:{any_of(REFUSED_VERB_STEMS)})\w*"
_OUTCOME = any_of(FORECAST_VERBS)
_ACTOR_NOUN = rf"(?:{any_of(ACTING_NOUNS)})"
_NOT_ASKED_OBJECT = r"\b|".join(NOT_ASKED_OBJECTS) + r"\b"
_NOT_DEMANDED_REQUEST = r"\b|".join(NOT_DEMANDED_REQUESTS) + r"\b"
# the public as the one asked: "urged residents (of the coast) to …" is advice, not a demand
_PUBLIC = (
    r"(?:(?:the|their|its|his|her|all|local|other|many)\s+)?"
    rf"(?:{any_of(PUBLIC_ADDRESSEES)})\b"
)
# the words between the one asked and "to": not a clause of its own ("told the pilot that she
# planned to file a complaint" reports what she said, it asks nothing)
_ASKED_GAP = (
    r"(?:\s+(?!(?:that|who|which|if|whether|she|he|they|it|is|was|were|are|has|had|have"
    r"|said|says)\b)[\w'\u2019-]+,?){0,6}?"
)
# a verb of asking with its object: "asked the board to publish …", "calls for a ban on …";
# the demand starts at the verb.  Passives ("is expected to") and predictions ("expects the
# talks to fail") are not demands.
_ASKED = (
    rf"\b(?-i:(?:(?:{any_of(ASKING_VERB_STEMS)})(?:s|ed|es|ing|(?<=urg)e)?|told"
    r"|call(?:s|ed|ing)? (?:on|upon))"
    # (the words asked for may open a quotation: 'called on "all nations to take …"')
    rf"\s+[\"\u201c]?(?!{_NOT_ASKED_OBJECT}|{_PUBLIC})"
    rf"(?:{any_of(ASKED_OBJECT_DETERMINERS)}|(?-i:[A-Z][\w'\u2019-]*|[a-z]+s))\b"
    # (a verb in quotation marks is the words asked for, never a forecast: 'urged Pyongyang to
    # "come to the table"')
    rf"{_ASKED_GAP}\s+[\"\u201c]?to\s+(?:[\"\u201c]|(?!(?:{_OUTCOME})\b))(?=[a-z])"
    # "expected the ministry to …" holds someone to something; "expect the rush to continue"
    # is a forecast, so the object has to be someone who can act
    rf"|expect(?:s|ed|ing)?\s+(?:the|its|their|all)\s+"
    rf"(?:[\w'\u2019-]+\s+){{0,2}}?{_ACTOR_NOUN}\s+to\s+(?!(?:{_OUTCOME})\b)(?=[a-z])"
    # the verb, not the noun: "called for a ban", "to press for", not "the photo call for"
    r"|(?-i:(?:call(?:s|ed|ing)|press(?:es|ed|ing)) for)\b"
    r"|(?:(?<=\bto )|(?<=\bwe )|(?<=\bI )|(?<=\bthey )|(?<=\bwill )|(?<=\bwould ))"
    r"(?-i:call|press) for\b"
    r"|ask(?:s|ed|ing)? (?:(?:the|a|an|its|their) [\w'\u2019-]+|(?-i:[A-Z][\w'\u2019-]*))"
    rf"(?:\s+[\w'\u2019-]+){{0,3}}? for\s+(?!{_NOT_DEMANDED_REQUEST})"
    r"|insist(?:s|ed|ing)? on\b)"
)
_THREAT = (
    any_of(THREAT_VERBS) + "|take \\w+ to court"
    "|take (?:\\w+ ){1,3}?to (?:court|arbitration|a tribunal)"
)
_PASSIVE = re.compile(rf"\b(?:{any_of(PASSIVE_COPULAS)})\s+$", re.I)
_VERB_FIRST = re.compile(_ASKED, re.I)
_NOT_A_DEMAND = re.compile(
    rf"^\s*(?:{any_of(HYPOTHESIS_OPENERS)})\b[^,;]*$"  # "If the talks fail, …"
    rf"|\b(?:{any_of(QUESTION_VERBS)})\s+(?:\w+\s+)?(?:{any_of(QUESTION_WORDS)})\b",
    re.I,
)
_SUBORDINATE = re.compile(
    # (not "known as Thaad", "such as", "as well as": a name or a list, no circumstance)
    rf"(?<!\bknown)(?<!\bsuch)(?<!\bwell)(?<!\bdubbed)(?<!\bdescribed)"
    rf",?\s+(?:{any_of(CIRCUMSTANCE_CONJUNCTIONS)})\s+"
    rf"(?=(?:{any_of(SUBJECT_START_WORDS)})\b|(?-i:[A-Z]))",
    re.I,
)
_STOP = re.compile(r"[.?!](?=[\s\"\u201d\u2019']|$)")
_DECIDE = re.compile(rf"\bmust (?:now )?(?:{any_of(DELIBERATION_VERBS)})\b", re.I)
# between the negation and the verb only adverbs and helpers: "will not simply accept", "would
# never be able to sign"; not an object ("does not have trade deals", "never gave it back")
_SKIP = rf"(?:(?:\w+ly|{any_of(NEGATION_GAP_WORDS)})\s+){{0,3}}?"
_RAW_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("condition", re.compile(
        r"\b(?:only if|only when|unless|provided that|providing that|on (?:the )?conditions? that"
        r"|on (?:the )?condition of(?! anonymity)|so long as"
        r"|(?<=, )provided(?= (?:the|they|it|he|she|we|no)\b)"
        r"|conditional on|(?:contingent|premised|conditioned) (?:up)?on"
        # a threat with its condition first: "If the talks fail, the government will respond
        # strongly"
        rf"|(?-i:If|When|Whenever)\s(?=[^.;?!]{{3,140}}?,\s+(?:[\w'\u2019-]+\s+){{1,4}}?(?:would|will)"
        rf"\s+(?:\w+ly\s+)?(?:\w+\s+and\s+)?(?:{_THREAT})\w*\b)"
        # a measure kept in force until something is done: "Until these concerns are addressed,
        # the advisory will stand"
        r"|(?-i:Until)\s(?=[^.;]{3,120}?,\s+(?:[\w'\u2019-]+\s+){1,5}?(?:will|would|shall)\s+"
        r"(?:\w+ly\s+)?(?:stand|remain|stay|continue|be kept|be maintained)\b)"
        r"|as long as(?! (?:it takes|necessary|possible|needed))"
        # what it would take: "would need more than $80 a share to be persuaded to sell"
        r"|would need (?:more than|at least)\b(?=[^.;]{0,60}?\bto (?:be persuaded|accept|agree"
        r"|support|sell|back|side))"
        # a warning that sets its condition: 'warned him: "If you do it again, you will …"'
        r"|warn(?:s|ed)\b(?=(?:\s+[\w'\u2019-]+){0,3}?\s*[:,]?\s*[\"\u201c\u2018']?\s*(?-i:If)\s"
        r"[^.;?!]{3,160}?\b(?:will|would)\s))\b", re.I)),
    ("refusal", re.compile(
        # "did not talk" narrates the past; it holds no position now
        rf"\b(?:will|would|shall|can|could|do|does)(?: not|n't| never)\s+{_SKIP}{_REFUSE}\b"
        # "many may never return" is a fear, not a refusal
        rf"|(?<!\bmay )(?<!\bmight )\b(?:won't|cannot|can't|never)\s+{_SKIP}{_REFUSE}\b"
        r"|\bnot (?:ready|willing|prepared) to\b"
        # "refused to comment" keeps silent; it holds no position
        # "refusing to" as its subject's act ("…, refusing to sign"), not a noun's modifier
        # ("customers such as Apple refusing to pay"); the \b before the look-behinds always
        # holds, and tells WordStarts that every match starts a word
        r"|(?:\brefus(?:e|es|ed) to|\b(?:(?<=, )|(?<=\bis )|(?<=\bare )|(?<=\bwas )|(?<=\bwere )"
        rf"|(?<=\bbeen ))refusing to)\b(?! (?:{any_of(NOT_HELD_REFUSALS)})\b)"
        r"|\bwould (?:block|veto|force|halt|reject|oppose)\b"
        # "will accept no delay", "would tolerate no further cuts"
        r"|\b(?:will|would|shall|can|could)\s+(?:\w+ly\s+)?(?:accept|tolerate|allow|permit|sign"
        r"|countenance|entertain)\s+no\b"
        # a limit: "would accept a quota of 1.5 million tonnes, but not two million"
        r"|\b(?:will|would|can|could)\s+(?:\w+ly\s+)?(?:accept|agree to|support|tolerate|allow)"
        r"\b(?:[^.;]|\.(?=\d)){0,100}?,?\s+but not\b"
        # "would not resume talks until …": a refusal held until a condition is met
        r"|\b(?:will|would|shall)(?: not|n't| never)\s+(?:\w+\s+){1,4}?[^.;]{0,60}?\buntil\b"
        r"|\bwon't\s+(?:\w+\s+){1,4}?[^.;]{0,60}?\buntil\b"
        # a refusal held on a condition: "could not take the talks seriously if they don't …"
        r"|\b(?:will|would|could|can)(?: not|n['\u2019]t| never)\s+"
        r"(?!(?:have|be|surprise|know|care|mind|matter|normally)\b)"
        r"[^.,;?!\u2026]{3,80}?(?<!\beven )\bif\b"
        r"(?!\s+(?:necessary|needed|possible|any|we tried)\b)"
        # a threat held by its subject: "the union would strike if …", "will sue if …"
        rf"|\b(?:would|will)\s+[\"\u201c]?(?:\w+ly\s+)?(?:{_THREAT})\w*\b"
        r"[^.;]{0,80}?\bif\b", re.I)),
    ("non-negotiable", re.compile(
        r"\b(?:under|in) (?:no|any) circumstances\b|\bunder any arrangement\b|\bnon-negotiable\b"
        r"|\bwhatever happens\b|\bat any (?:cost|price)\b"
        r"|\bnot negotiable\b|\bnot up for negotiation\b|\bnot for sale\b|\bnot on the table\b"
        r"|\bred lines?\b|\bthere can be no\b"
        # an offer said to be the last: "its best and final offer", "described as its final
        # figure", "take it or leave it"
        r"|\bbest and final\b|\bfinal (?:offer|bid|figure|price)\b|\btake it or leave it\b"
        # a right held against others: "has the right to refuse transport to …"
        r"|\bright to (?:refuse|deny|reject|cancel|remove|terminate)\b"
        # a right kept against others' wishes: "reserves the right to hold drills …"
        r"|\breserv(?:es|ed|ing) (?:the |its |their )?right to\b"
        r"|\bno\s+(?!way\b)\w+(?:\s+\w+)?\s+(?:may|can|could|must)\b"
        r"|\bno\s+(?:\w+\s+){1,2}?without\b"
        r"|\bconditions?\b[^.;:]{0,60}:", re.I)),
    ("demand", re.compile(
        # not a "MUST WATCH" label; "had to" only as reported speech (see _holds_no_one)
        r"(?-i:\b[Mm]ust\b|\b[Mm]ustn't\b)|\bhad to\b"
        r"|\b(?:demand|insist|ask|call|urg|order|requir|propos|want|expect)\w* that\b"
        # "divestitures demanded by regulators" names no holder in its clause; "wants to" is
        # a wish ("he wanted to wait"), "wants a deal by Friday" a demand
        # "a threat which demands a response" is no one's demand; "the demands reflected …"
        # names them (a noun before its verb)
        r"|(?<!\bwhich )\bdemand(?:s|ed|ing)\b(?! by\b)(?! (?:were|are|have|had|\w+ed)\b)"
        r"|\bwould demand\b|\bwant(?:s|ed)\b(?! to\b)"
        r"|\binsist(?:s|ed)\b(?=\s+(?-i:[A-Z])[\w'\u2019-]+(?:\s+(?-i:[A-Z])[\w'\u2019-]+)?\s+"
        r"(?!(?:had|was|were|would|could|did|will|can|might|should|must|has|is|are|does)\b)"
        r"(?-i:[a-z]+)\b(?<!s)(?<!ed))"
        r"|\b(?:ready|prepared|willing) to\b[^.;]{0,80}\bif\b"
        rf"|\b(?:call(?:s|ed)? on|urg(?:e|es|ed|ing)) [\"\u201c]?(?!{_PUBLIC})"
        rf"(?:[\w'\u2019-]+ ){{1,5}}?[\"\u201c]?to\b"
        r"|\bcontinue\w*\b[^.;]{0,60}\buntil\b|\b(?:no one|nobody)\b[^.;]{0,60}\buntil\b"
        # what someone holds to be necessary: "it was vital that …", "of crucial importance that"
        r"|\b(?:vital|essential|imperative|crucial)(?:\s+importance)?[\"\u201d\u2019]?,?\s+that\b"
        # a call made again: "renewed calls for a ceasefire", "reiterated its call to halt …"
        r"|\b(?:renew|reiterat|repeat)\w*\s+(?:\w+\s+)?calls?\s+(?:for|to)\b"
        # a rule held against others: "It is against our policy for any employee to …"; a duty
        # laid on others: "makes it clear to staff they have a responsibility to …"
        r"|\bagainst (?:[\w'\u2019-]+\s+){0,2}?(?:policy|policies|rules)\s+for\b"
        r"|\b(?:they|employees|staff|members|workers) (?:have|has) a (?:responsibility|duty) to\b"
        # what a named party has to do, in someone's words: "China has to ratchet up the
        # pressure" (the party is checked in _holds_no_one; an estimate "Japan has to place
        # its ships …" names no act of yielding or pressing)
        r"|\b(?:has|needs) to\s+(?:\w+ly\s+)?(?:stop|halt|end|cease|abandon|give up|withdraw"
        r"|pull out|pay|accept|lift|release|return|comply|apologi[sz]e|ratchet up|step up"
        r"|do more|put (?:more )?pressure|rein in|resign|negotiate|disarm|denucleari[sz]e)\b",
        re.I)),
    ("demand", _VERB_FIRST),
    ("term", re.compile(
        r"\bunder (?:its|the|their|his|her)?\s*(?:new |revised )?(?:terms|rules?|agreement|deal|plan)\b"  # noqa: E501
        r"|\bunder (?:the |its |their |his |her )?(?:[\w'\u2019-]+\s+){1,3}?(?:terms|plan|proposal|offer|draft|deal)\b"  # noqa: E501
        # not across "and": "received the proposal and would evaluate it"
        r"|\b(?:plan|proposal|framework|draft)\b(?:(?!\band\b)[^.;]){0,25}\b(?:would|proposes|proposed|calls for)\b", re.I)),  # noqa: E501
]  # fmt: skip
# the letters each trigger can start with: a look-ahead on them lets the regex engine skip most
# positions at once (about twice as fast over a whole text)
_RAW_TRIGGERS += [
    # a position taken against something: "Qualcomm has rejected the tie-up", "China opposed any
    # unilateral sanctions"; not a passive ("opposed by regulators") nor a label ("opposed to")
    ("refusal", re.compile(
        r"(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )"
        r"\b(?:reject(?:s|ed)|oppos(?:e|es|ed))\b(?= (?!by\b|to\b)[\w\"\u201c$])", re.I)),
    # a promise held against all comers: "has vowed not to let …", "vowed to destroy …"
    ("demand", re.compile(r"\bvow(?:s|ed)\b(?= (?:not |never )?to\b)", re.I)),
    # what someone says ought to happen; the narrator's own "should" holds no one (see _frames)
    # not "should these talks fail" (a condition, the subject after the verb)
    ("demand", re.compile(
        r"\bshould\b(?!\s+(?:have|be able|not have|the|these|those|this|that|it|they|he|she"
        r"|we|you|any|such|a|an)\b)"
        # "should war break out", "should talks fail": the same condition with a bare noun
        r"(?!\s+\w+\s+(?:break|breaks|fail|fails|happen|happens|occur|occurs|arise|arises"
        r"|collapse|collapses|escalate|escalates)\b)", re.I)),
]  # fmt: skip
_FIRST_LETTERS = (
    "oupcaswUIW", "wscdnr", "uinwatcrbf", "mhdiacuorpwenvitsm", "aupcoitel", "upfd", "ro", "v", "s"
)  # fmt: skip
_TRIGGERS = [
    (kind, re.compile(rf"(?=[{first}])(?:{pat.pattern})", pat.flags))
    for (kind, pat), first in zip(_RAW_TRIGGERS, _FIRST_LETTERS, strict=True)
]
_VERB_FIRST_FAST = _TRIGGERS[4][1]


@dataclass(frozen=True, order=True)
class _Cue:
    """One trigger phrase of a red line (ordered by where it starts, as the text reads)."""

    start: int
    kind: str  # "condition", "refusal", "non-negotiable", "demand" or "term"
    end: int


def _matches_by_sentence(
    text: str, sents: Sequence[Sentence]
) -> dict[int, list[tuple[re.Pattern[str], str, re.Match[str]]]]:
    """Each trigger's matches, by the index of the sentence that holds them whole: each trigger
    runs once over the whole text, which is much faster than once per sentence."""
    starts = [s.start for s in sents]
    found: dict[int, list[tuple[re.Pattern[str], str, re.Match[str]]]] = {}
    words = word_starts(text)  # tried only where a word that can open a match starts
    for kind, pattern in _TRIGGERS:
        for match in words.finditer(pattern):
            index = bisect_right(starts, match.start()) - 1
            if index >= 0 and match.end() <= sents[index].end:
                found.setdefault(index, []).append((pattern, kind, match))
    return found


# a wish inside a comparison ("larger than Paris had wanted"), a wish compared ("wants more
# than he will get"), a readiness whose "if" sets no condition ("prepared to … if necessary")
_COMPARED = re.compile(r"\bthan\s+(?:[\w'\u2019-]+\s+){1,3}$", re.I)
_NO_CONDITION = re.compile(
    r"(?<=\bif)\s+(?:necessary|needed|need be|required)\b"
    r"|(?:(?<=\bwants)|(?<=\bwanted))\s+more than",
    re.I,
)


# someone's red line as what a story is about ("his red line lasted a week", "the betrayal of
# her own red lines"), unless what it is follows ("Our red line is …", "his red line: …")
_TOLD_OF = re.compile(r"(?:['\u2019]s|\b(?:his|her|their|its|own))\s+$", re.I)
_STATED = re.compile(
    r"\s*(?:[:\u2014]|(?:is|are|was|were|remains?|remained|will be|would be|has been|includes?"
    r"|included|on|for|of|that)\b)",
    re.I,
)


# a rejection of something named only as what was said before: "rejected that demand",
# "opposed these terms"
_POINTS_BACK = re.compile(
    r"\s+(?:that|this|these|those|such)\s+(?:[a-z-]+\s+)?[a-z]+\b(?!\s+(?:of|to|for|that)\b)"
    r"(?=\s*(?:[.,;]|$|(?:on|within|in|at|last|this|after|before)\s))",
    re.I,
)


# a saying verb before "had to", with no quotation opened after it: "Peskov said any settlement
# had to deal with …" is "must" in reported speech
_REPORTED_MUST = re.compile(
    rf"\b(?:{any_of(sorted(PLAIN_SAYING_VERBS + REPORTING_MUST_VERBS))})\b[^\"\u201c\u201d]*$",
    re.I,
)
# "must" of what is surely so, not of what someone requires: "he must have broken through",
# "the pain must be terrible"
_SURELY_SO = re.compile(
    r"\s+(?:\w+ly\s+)?(?:have\s+(?:been|\w+(?:ed|en|wn|ught|ost))\b"
    rf"|be\s+(?:\w+ly\s+)?(?:{any_of(EPISTEMIC_ADJECTIVES)})\b)",
    re.I,
)
# "never" and a verb in the past: narration ("never returned"), unless it is a standing
# position ("has never accepted")
_NEVER_DID = re.compile(r"never\s+(?:\w+ly\s+)?[a-z]+ed$", re.I)
_HAS_NEVER = re.compile(r"\b(?:has|have|had)\s+$", re.I)
# a progressive after the modal tells what will happen or is expected, not what is held:
# "will not be returning as head coach", "should be braking", "his therapy must be working"
_PROGRESSIVE = re.compile(
    r"\b(?:will|would|should|must|won['\u2019]t)(?:\s+not|n['\u2019]t)?\s+be\s+[a-z]+ing\b", re.I
)
# "protests demanding his resignation": what a crowd or a letter was about, told in passing
_DESCRIBED_BY = re.compile(r"(?<![.!?])\b(?!(?:is|was|has|its|his|this)\b)[a-z]+s\s+$")
_MAY_PROMPT = re.compile(
    r"\b(?:may|might|could)\s+(?:\w+ly\s+)?[a-z]+\s+(?:[\w'\u2019-]+\s+){1,4}?to\s+$", re.I
)
_NOTHING_AFTER = re.compile(r"[\s\"\u201d\u2019']*(?:[.,;:!?)\u2014]|$)")


_PARTY_BEFORE = re.compile(r"(?-i:[A-Z])[\w'\u2019-]+\s+$")


def _holds_no_one(chunk: str, pattern: re.Pattern[str], start: int, end: int) -> bool:
    """Whether the trigger at [start, end) of the sentence `chunk` only looks like a red line."""
    if pattern is _VERB_FIRST_FAST and _PASSIVE.search(chunk, max(0, start - 8), start):
        return True  # "is expected to", "were asked to": no one holds it
    if _NOT_A_DEMAND.search(chunk, 0, start) or _DECIDE.match(chunk, start):
        return True  # inside "If …," or "asked whether …": a hypothesis, not a demand
    wish = chunk[start:end].lower().startswith(("want", "demand", "expect"))
    if wish and _MAY_PROMPT.search(chunk, max(0, start - 80), start):
        return True  # "the offer may entice shareholders to demand …": a forecast of one
    if wish and _NOTHING_AFTER.match(chunk, end):
        return True  # "they got everything they wanted": a wish with nothing wanted in it
    if (wish and _COMPARED.search(chunk, max(0, start - 40), start)) or _NO_CONDITION.match(
        chunk, end
    ):
        return True  # "larger than Paris had wanted", "wants more than", "if necessary"
    if _POINTS_BACK.match(chunk, end) and chunk[start:end].lower().startswith(("reject", "oppos")):
        return True  # "Kyiv rejected that demand within hours": the demand is stated before
    red_line = chunk[start:end].lower().startswith("red line")
    if (
        red_line
        and _TOLD_OF.search(chunk, max(0, start - 30), start)
        and not _STATED.match(chunk, end)
    ):
        return True  # "Mr Brekke's red line lasted twelve days": a story about it, not it
    if chunk[start:end].lower() == "had to" and not _REPORTED_MUST.search(chunk, 0, start):
        return True  # "then they had to clear the area" narrates; "said it had to" reports "must"
    if chunk[start:end].lower() in ("must", "should") and _SURELY_SO.match(chunk, end):
        return True  # "he must have broken through the barriers": a guess, not a demand
    if _NEVER_DID.match(chunk[start:end]) and not _HAS_NEVER.search(chunk, 0, start):
        return True  # "he never returned their greetings": what he did not do, told as a story
    if _PROGRESSIVE.search(chunk, start, end + 12):
        return True  # "he will not be returning as coach", "he should be braking": what will be
    if chunk[start:end].lower() == "demanding" and _DESCRIBED_BY.search(chunk, 0, start):
        return True  # "mass protests demanding his resignation": narration of a crowd
    if chunk[start : start + 9].lower().startswith(
        ("has to", "needs to")
    ) and not _PARTY_BEFORE.search(chunk, 0, start):
        return True  # "the company just has to …", "it has to …": no party named to do it
    stop = _STOP.search(chunk, end)
    return stop is not None and stop.group() == "?"  # '"Why must we accept that?" she asked.'


def _cues(
    text: str, s: Sentence, matches: list[tuple[re.Pattern[str], str, re.Match[str]]]
) -> list[_Cue]:
    """The sentence's cues in text order; none when the sentence is a question."""
    chunk = text[s.start : s.end]
    if chunk.rstrip(QUOTE_MARKS + " \n").endswith("?"):
        return []  # a question asks; it holds no one to anything
    cues = [
        _Cue(match.start(), kind, match.end())
        for pattern, kind, match in matches
        if not _holds_no_one(chunk, pattern, match.start() - s.start, match.end() - s.start)
    ]
    return sorted(cues)


# ---------------------------------------------------------------------------- the frames

_AUX_GAP = re.compile(
    rf"^(?:['\u2019]s)?(?:\s+(?:{any_of(SUBJECT_VERB_GAP_WORDS)}))*\s+$",
    re.I,
)
_CLAUSE_OPEN = re.compile(rf"(?:,\s*|\s)(?:{any_of(CLAUSE_OPENERS)})\s+$", re.I)


@dataclass
class _Frame:
    """Where a red line stands: a quotation, someone's reported words or the sentence's own
    clause; its first cue and who holds it."""

    start: int
    end: int
    cue: _Cue
    holder: str | None
    own_clause: bool  # the sentence's own clause: each demand in it may have its own subject


def _near_subject(text: str, s: Sentence, pos: int, reg: Registry) -> Mention | None:
    """The name right before the trigger, past auxiliaries only: "after Reykjavik refused
    to …", "Oslo would not …"."""
    for m in reversed(reg.mentions):
        if m.end > pos:
            continue
        if m.start < s.start:
            return None
        gap = text[m.end : pos]
        if _AUX_GAP.match(gap) and not m.place and m.kind in ("person", "organization", "country"):
            lead = re.findall(r"[a-z]+", text[s.start : m.start].lower())
            if any(w in SPEECH_CUES for w in lead):
                return None  # "Zelensky said Ukraine would never …": the speaker holds it
            return m
        return None
    return None


def _innermost_quote(near: list[Quote], pos: int) -> Quote | None:
    """The shortest quotation around pos."""
    around = [q for q in near if q.start <= pos < q.end]
    return min(around, key=lambda q: q.end - q.start, default=None)


def _own_clause(
    text: str, s: Sentence, pos: int, near: list[Quote], reg: Registry
) -> tuple[int, int]:
    """The sentence's own clause around pos: not past a semicolon, not into someone's words."""
    start, end = s.start, s.end
    semicolon_before = text.rfind(";", s.start, pos)
    if semicolon_before >= 0:
        start = semicolon_before + 1
    subject = _near_subject(text, s, pos, reg)
    if subject is not None:
        opener = _CLAUSE_OPEN.search(text, start, subject.start)
        if opener is not None and opener.end() == subject.start:
            start = opener.end()  # "…, after Reykjavik refused to …": its own clause
    for q in near:
        if pos >= q.end > start:
            start = q.end
        later_speaker = q.speaker_span is not None and q.speaker_span[0] > pos
        if pos < q.start < end and later_speaker:
            end = q.start
    semicolon_after = text.find(";", pos, end)
    if semicolon_after >= 0:
        end = semicolon_after
    return start, end


def _scare_quoted(text: str, s: Sentence, start: int, end: int) -> bool:
    """Whether [start, end) is a short phrase in quotation marks inside the sentence's own
    clause ('made a "best and final offer"'), not someone's words ('"No," she said')."""
    before = text[s.start : start].strip(QUOTE_MARKS + " \n")
    return len(text[start:end].split()) <= 4 and bool(before) and before[-1] not in ",:;"


def _frame_span(
    text: str, s: Sentence, pos: int, near: list[Quote], reg: Registry
) -> tuple[int, int, str | None, bool]:
    """The frame around the cue at pos: its span, its speaker when it is someone's words,
    and whether it is the sentence's own clause."""
    quote = _innermost_quote(near, pos)
    marks = next((t for t in s.tokens if t.quote and t.start <= pos < t.end), None)
    if marks is not None and quote is not None and quote.start < marks.start:
        marks = None  # a quoted fragment inside reported speech: the whole clause counts
    if marks is not None and _scare_quoted(text, s, marks.start, marks.end):
        # a phrase in quotation marks ('its "best and final offer"'): the clause counts
        start, end = _own_clause(text, s, pos, near, reg)
        return start, end, quote.speaker if quote is not None else None, True
    if marks is not None:
        return marks.start, marks.end, quote.speaker if quote is not None else None, False
    if quote is not None:
        return max(quote.start, s.start), min(quote.end, s.end), quote.speaker, False
    start, end = _own_clause(text, s, pos, near, reg)
    return start, end, None, True


_NARRATED = re.compile(r"should\b|(?:has|needs) to\b", re.I)


def _frames(
    text: str, s: Sentence, cues: list[_Cue], quotes: list[Quote], reg: Registry
) -> list[_Frame]:
    """One frame per span, holding the first cue in it, in the order the cues come."""
    near = _quotes_in(quotes, s)
    frames: dict[tuple[int, int], _Frame] = {}
    for cue in cues:
        start, end, speaker, own = _frame_span(text, s, cue.start, near, reg)
        if own and _NARRATED.match(text, cue.start):
            continue  # "should" in the narrator's own words: no one's demand
        if cue.end > end:  # the cue runs past the words' end: "… 2 million, but not three"
            end = max(end, _own_clause(text, s, cue.start, near, reg)[1])
        start, end = _sentence_piece(text, start, end, cue.start)
        end = _past_colon(text, s, cue, end)
        frame = frames.get((start, end))
        if frame is None:
            holder = _warner(text, cue, near) or _holder(text, s, cue, speaker, reg, quotes)
            frames[(start, end)] = _Frame(start, end, cue, holder, own)
        elif own:
            frame.own_clause = True
    return list(frames.values())


_WARNED = re.compile(r"warn", re.I)


def _warner(text: str, cue: _Cue, near: list[Quote]) -> str | None:
    """Who gave a warning that sets its condition: the speaker of the words that follow
    ("she warned him: “If you …”" is hers, whoever else the clause names)."""
    if cue.kind != "condition" or not _WARNED.match(text, cue.start):
        return None
    said = (q for q in near if cue.end <= q.start <= cue.end + 40 and q.speaker)
    return next((q.speaker for q in said), None)


def _past_colon(text: str, s: Sentence, cue: _Cue, end: int) -> int:
    """A frame that stops at a colon after "non-negotiable" runs on to what the colon
    announces: "…, said her condition was non-negotiable: a binding date for …"."""
    colon = end + len(text[end : end + 3]) - len(text[end : end + 3].lstrip(QUOTE_MARKS + " "))
    if cue.kind != "non-negotiable" or not text.startswith(":", colon):
        return end
    return _sentence_piece(text, colon, s.end, colon + 1)[1]


# where one sentence ends and the next begins inside a frame (a quotation of several sentences,
# a paragraph break): after a word or a number, not after an initial or "Mr."
_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9]{2})[.!?][\"\u201d\u2019']?\s+(?=[\"\u201c\u2018']?[A-Z0-9])|\n"
)


def _sentence_piece(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The sentence of the frame [start, end) that holds pos: a demand is one sentence's."""
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            return start, m.start()
    return start, end


def _quotes_in(quotes: list[Quote], s: Sentence) -> list[Quote]:
    return [q for q in quotes if q.start < s.end and s.start < q.end]


# ---------------------------------------------------------------------------- the holder

_PLANS = re.compile(rf"\b(?:{any_of(PLAN_NOUNS)})\b", re.I)
_GROUP_WORDS = re.compile(rf"^(?:the|its|their) ({any_of(GROUP_SUBJECT_NOUNS)})\b", re.I)
_LEAD_CUT = re.compile(r"(?:,\s+but\s+|;\s+|\bbut\s+|:\s+|,\s+and\s+|^under [^,]{0,50},\s*)", re.I)
# the subject holds the demand only where the trigger is its own verb ("The council demands
# that …", "The front insists on …", "The federation refuses to …"), not "must" or "had to"
_HOLDING_VERB = re.compile(
    rf"(?:{any_of(HOLDING_VERB_STEMS)})\w*\b|(?:{any_of(HOLDING_MODALS)})\b", re.I
)
_NP_SUBJECT = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[\w'\u2019.&-]+\s+){0,5}?[\w'\u2019.&-]+$",
)
_LEAD_GROUP = re.compile(rf"^(?:the|its) ({any_of(SUBJECT_GROUP_NOUNS)})$")
_TIME_LEAD = re.compile(
    rf"^(?:(?:{any_of(TIME_LEAD_PREPOSITIONS)}) (?:\w+ ){{0,2}}?(?=the |a |an )"
    rf"|(?:{any_of(TIME_LEAD_ADVERBS)}) (?=the |a |an |(?-i:[A-Z])))",
    re.I,
)
_UNDER_LEAD = re.compile(
    r"under [^,.;]{0,60},\s*"
    r"|under (?:its|the|their|his|her) (?:new |revised )?(?:terms|rules?|plan|deal|agreement)\s+"
    r"(?=(?-i:[A-Z]))",
    re.I,
)
_PLAN_OWNER = re.compile(r"(?:(the|a|its|their)\s+)?([\w\u2019'-]+)\s+$", re.I)
_AUTHORED = re.compile(
    rf"\b(?:has |have |had )?(?:{any_of(AUTHORING_VERBS)})\b[^.;]{{0,40}}?"
    rf"\b(?:{any_of(PUT_FORWARD_NOUNS)})\b",
    re.I,
)


def _holder(
    text: str, s: Sentence, cue: _Cue, speaker: str | None, reg: Registry, quotes: list[Quote]
) -> str | None:
    """Who holds the position the cue states: the speaker of the words it stands in, else the
    subject of its clause; for a plan's terms, the plan's author."""
    holder = speaker or _coordinated_speaker(text, s, cue.start, quotes)
    if holder is None or (holder not in reg.entities and _PLANS.search(text[s.start : cue.start])):
        # an unnamed or inanimate source ("a copy seen by …"): who holds the position
        holder = _subject_holder(text, s, cue.start, reg) or holder
    elif _reported_by(text, s, cue.start, quotes):
        # "Boko Haram demanded …, according to X": the clause's own subject holds it
        holder = _near_holder(text, s, cue.start, reg) or holder
    if cue.kind == "term":
        author = _named_in(text, cue.start, cue.end, reg) or _plan_author(text, s, reg)
        return author or holder
    if holder is None:
        holder = _phrase_holder(text, s, cue.start, reg, _quotes_in(quotes, s))
    elif speaker is not None:
        holder = _contrasted_subject(text, s, cue, reg) or holder
    holder = _participle_subject(text, s, cue.start, reg) or holder
    return _resolved(holder, s, cue.start, reg, quotes)


# "Palmer …, leaving in a dispute with Brown, saying he would retire if …": the participle's
# subject, and so the pronoun's, is the one the sentence opens with.
_SAYING_PRONOUN = re.compile(
    r",\s+(?:saying|adding|insisting|arguing)\s+(?:that\s+)?(?:he|she)\s+(?:\w+\s+){0,2}$", re.I
)


def _participle_subject(text: str, s: Sentence, pos: int, reg: Registry) -> str | None:
    saying = _SAYING_PRONOUN.search(text, s.start, pos)
    if saying is None:
        return None
    first = reg.mention_in(s.start, saying.start())
    if first is None or first.kind != "person" or first.place:
        return None
    return first.canonical


# "… with Trump saying he would ask for X, while Clinton called for Y": a second clause set
# against the speaker's words, whose own subject holds its demand.
_CONTRAST_BEFORE = re.compile(r"(?:,\s*|\s)(?:while|whereas|but|and)\s+$", re.I)
_ASKING_CUE = re.compile(
    r"(?:call(?:s|ed|ing)?\s+(?:for|on|upon)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?"
    r"|insist(?:s|ed|ing)?|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|vow(?:s|ed|ing)?)\b",
    re.I,
)


_LAST_NAME_BEFORE = re.compile(r"\b((?-i:[A-Z])[\w'\u2019-]+)\s+$")


def _contrasted_subject(text: str, s: Sentence, cue: _Cue, reg: Registry) -> str | None:
    """See _CONTRAST_BEFORE: the name right before an asking verb, after "while", "but" …"""
    if _ASKING_CUE.match(text, cue.start) is None:
        return None
    lone = _LAST_NAME_BEFORE.search(text, s.start, cue.start)  # a name the registry missed
    if lone is not None and _CONTRAST_BEFORE.search(text, s.start, lone.start()):
        known = reg.mention_in(lone.start(1), lone.end(1))
        if known is None or (known.kind == "other" and not known.place):
            canon = reg.canonical_of(lone.group(1))
            return canon[0] if canon else lone.group(1)
    for m in reversed(reg.mentions):
        if m.end > cue.start:
            continue
        if m.start < s.start or not _AUX_GAP.match(text[m.end : cue.start]):
            return None
        if m.place or m.kind not in ("person", "organization", "country"):
            return None
        if not _CONTRAST_BEFORE.search(text, s.start, m.start):
            return None
        return m.canonical
    return None


_AND_THEN = re.compile(r"[\s,\"\u201d\u2019']*and\s+(?:\w+ly\s+)?$")


def _coordinated_speaker(text: str, s: Sentence, pos: int, quotes: list[Quote]) -> str | None:
    """The speaker of the words right before "and" and the cue: "X said it was vital that …
    and called on all states to …" is X's second act, not the words' own subject's."""
    for q in _quotes_in(quotes, s):
        span = q.speaker_span
        said = (q.cue or "").lower() in PLAIN_SAYING_VERBS
        if q.speaker and said and span is not None and span[1] <= q.start and q.end <= pos:
            if _AND_THEN.fullmatch(text, q.end, pos):
                return q.speaker
    return None


# a source named after the words it reports: "…, according to the ministry"
_ACCORDING = re.compile(r"\baccording\s+to\s+[^,.;:]{0,80}$", re.I)


def _reported_by(text: str, s: Sentence, pos: int, quotes: list[Quote]) -> bool:
    """Whether the words around pos are the narrator's clause with its source named after it
    ("…, according to a biography by X"), not the source's own words."""
    quote = _innermost_quote(_quotes_in(quotes, s), pos)
    span = quote.speaker_span if quote is not None else None
    if span is None or span[0] < pos:
        return False
    return _ACCORDING.search(text, max(s.start, span[0] - 90), span[0]) is not None


def _near_holder(text: str, s: Sentence, pos: int, reg: Registry) -> str | None:
    """The name right before a verb by which its subject holds the position."""
    if not _HOLDING_VERB.match(text, pos):
        return None
    near = _near_subject(text, s, pos, reg)
    return near.canonical if near is not None else None


_PRONOUN_LEAD = re.compile(r"^(he|she|it|they)\s+\w", re.I)
_DESCRIBED_GROUP = re.compile(
    rf"^(?:the|this|that)\s+(?:[\w-]+\s+){{0,3}}?({any_of(SUBJECT_GROUP_NOUNS)})$", re.I
)


# those who speak for an organisation named before: "its lawyers", "its spokeswoman"
_ITS_AGENTS = re.compile(r"^its\s+(?:[\w-]+\s+)?[\w-]+$", re.I)


_SPOKESMAN_OF = re.compile(
    r"^(?:an?|the)\s+(?:((?-i:[A-Z])[\w&.'\u2019-]*(?:\s+(?-i:[A-Z])[\w&.'\u2019-]*)*)\s+"
    r"(?:spokes(?:man|woman|person)|representative)"
    r"|(?:spokes(?:man|woman|person)|representative)\s+for\s+(?:the\s+)?"
    r"((?-i:[A-Z])[\w&.'\u2019-]*(?:\s+(?-i:[A-Z])[\w&.'\u2019-]*)*))$",
    re.I,
)


def _resolved(
    holder: str | None, s: Sentence, pos: int, reg: Registry, quotes: list[Quote]
) -> str | None:
    """A holder phrase that names no one, read as whom it stands for: a pronoun's clause ("he
    issued another statement") as its antecedent, "the Singapore-based firm" as the company."""
    if holder is None or holder in reg.entities:
        return holder
    pronoun = _PRONOUN_LEAD.match(holder)
    if pronoun is not None:
        at = reg.text.rfind(holder, s.start, pos)
        antecedent = reg.person_before(at, pronoun.group(1).lower()) if at >= 0 else None
        return antecedent.canonical if antecedent is not None else holder
    described = _DESCRIBED_GROUP.match(" ".join(holder.split()))
    if described is not None:
        return _organization_speaking(described.group(1).lower(), pos, reg, quotes) or holder
    spokesman = _SPOKESMAN_OF.match(holder)
    if spokesman is not None:  # "A Microsoft spokesman said …", "a spokesman for Microsoft"
        body = spokesman.group(1) or spokesman.group(2)
        canon = reg.canonical_of(body)
        if canon is None or canon[1] in ("organization", "country"):
            return canon[0] if canon is not None else body
    if _ITS_AGENTS.match(holder):  # "its lawyers told a court the company would not …"
        body = reg.actor_before(pos, ("organization",))
        return body.canonical if body is not None else holder
    return holder


def _organization_speaking(noun: str, pos: int, reg: Registry, quotes: list[Quote]) -> str | None:
    """The organisation "the firm" stands for: one called so, else the organisation that
    spoke last before pos."""
    org = reg.org_named(pos, noun)
    if org is not None and noun in org.canonical.lower():
        return org.canonical
    for q in reversed(quotes):
        ent = reg.entities.get(q.speaker or "")
        if q.start < pos and ent is not None and ent.kind == "organization":
            return ent.name
    return None


def _subject_holder(text: str, s: Sentence, pos: int, reg: Registry) -> str | None:
    """The actor the sentence's subject before pos names or stands for."""
    near = _near_subject(text, s, pos, reg)
    if near is not None:
        return near.canonical
    start = _clause_start(text, s.start, pos)
    chunk = text[start:pos]
    named = reg.mention_in(start, pos)
    if named is None and _PLANS.search(chunk):
        return _plan_author(text, s, reg)
    if named is not None and not named.place and named.kind != "other":
        return named.canonical
    lead = chunk.lower().lstrip(' "\u201c')
    referred = _role_or_group_subject(s, pos, lead, reg)
    if referred is not None:
        return referred.canonical
    first = lead.split()[:1]
    if first and first[0] in ("he", "she", "it", "they", "we"):
        antecedent = _pronoun_antecedent(s, first[0], reg)
        return antecedent.canonical if antecedent else None
    if _PLANS.search(chunk):
        return _plan_author(text, s, reg)
    return _named_body(text, s, pos, reg)


_NAMED_BODY = re.compile(
    rf"^(?:the\s+)?((?-i:[A-Z][\w'\u2019-]*)(?:\s+(?-i:[A-Z][\w'\u2019-]*))*)\s+"
    rf"({any_of(GROUP_SUBJECT_NOUNS)})$",
    re.I,
)


def _named_body(text: str, s: Sentence, pos: int, reg: Registry) -> str | None:
    """A body named by its place and what it is, as the subject of the verb at pos: "The
    Northfield region asked …" is the organisation the text calls "Northfield Regional
    Council", else the body as written."""
    if not _HOLDING_VERB.match(text, pos):
        return None
    phrase = _subject_phrase(text, s, pos)
    body = _NAMED_BODY.match(phrase or "")
    if phrase is None or body is None:
        return None
    place, noun = body.group(1).split(), body.group(2).lower()
    for entity in reg.entities.values():
        words = entity.name.lower().split()
        if entity.kind == "organization" and all(w.lower() in words for w in place):
            if any(w.startswith(noun[:5]) for w in words if w not in place):
                return entity.name
    return phrase


# a clause of its own inside the sentence: "…, while a group of lawyers called for …"
_CONTRAST_OPEN = re.compile(r",\s+(?:while|whereas)\s+", re.I)


def _clause_start(text: str, start: int, pos: int) -> int:
    """Where the clause holding pos begins: after the last "…, while" before it."""
    for m in _CONTRAST_OPEN.finditer(text, start, pos):
        start = m.end()
    return start


def _role_or_group_subject(s: Sentence, pos: int, lead: str, reg: Registry) -> Mention | None:
    """The actor a subject that names no one stands for: a role ("the finance minister") or a
    group ("the union"). `lead` is the sentence up to the cue, lower-case."""
    words = lead.split()
    lead_words = " ".join(words[:3]).rstrip(",")
    role = role_word(lead_words) or role_word(" ".join(words[:2]))
    if role:
        holder = reg.role_before(pos, role, lead_words)
        if holder:
            return holder
    group = _GROUP_WORDS.match(lead)
    if group:
        org = _org_before(reg, s.start, group.group(1).lower())
        if org:
            return org
    return None


def _pronoun_antecedent(s: Sentence, pronoun: str, reg: Registry) -> Mention | None:
    """Who a subject pronoun before the sentence stands for: a person for "he" and "she", an
    organisation or a country for "it", "they" and "we"."""
    if pronoun in ("he", "she"):
        return reg.person_before(s.start, pronoun)
    return reg.actor_before(s.start, ("organization", "country"))


def _clause_speaker(near: list[Quote], s: Sentence, pos: int) -> str | None:
    """The speaker named inside the sentence before pos: "The union said it would not …"."""
    for q in near:
        span = q.speaker_span
        if q.speaker and span is not None and s.start <= span[0] and span[1] <= pos:
            return q.speaker
    return None


_TRAILING_AUX = re.compile(rf"(?:\s+(?:{any_of(SUBJECT_VERB_GAP_WORDS)}))+$", re.I)


# a subject that names a group by its members: "(while) a group of lawyers and agents"
_GROUP_OF = re.compile(
    r"(?:(?:while|whereas)\s+)?(?:a|an|the)\s+(?:group|coalition|number|handful)\s+of\s+", re.I
)


_DASH = re.compile(r"\s[-\u2013\u2014]\s")


def _subject_phrase(text: str, s: Sentence, pos: int) -> str | None:
    """The noun phrase right before the verb at pos, when it reads as a subject:
    "In Halvik, the town council demands …" -> "the town council"."""
    phrase = text[s.start : pos].strip(QUOTE_MARKS + " \n")
    gap = _TRAILING_AUX.search(phrase)
    phrase = phrase[: gap.start()] if gap is not None else phrase  # "Orlan has (rejected)"
    for m in _LEAD_CUT.finditer(phrase):
        phrase = phrase[m.end() :]
    phrase = phrase.rsplit(", ", 1)[-1]  # "In Halvik, the town council demands …"
    phrase = _DASH.split(phrase)[-1]  # "HALVIK (Wire) - The town council demands …"
    lead = _TIME_LEAD.match(phrase)
    if lead is not None:
        phrase = phrase[lead.end() :]  # "On Monday the fishermen's union refused …"
    members = _GROUP_OF.match(phrase)
    if members is not None:  # "while a group of lawyers and agents called for …"
        phrase = phrase[members.end() :]
    if not phrase or not _NP_SUBJECT.match(phrase):
        return None
    words = phrase.lower().replace("\u2019", "'").split()
    if members is not None:
        words = [w for w in words if w != "and"]  # the group's members: "lawyers and agents"
    if any(w in NOT_SUBJECT_WORDS for w in words) or words[-1].endswith("ly"):
        return None
    if not (phrase[0].isupper() or phrase[0].islower()):
        return None
    return phrase


def _phrase_holder(
    text: str, s: Sentence, pos: int, reg: Registry, near: list[Quote]
) -> str | None:
    """The subject phrase before the trigger verb, when it names who holds the position:
    "The town council demands that …" -> "The town council"."""
    speaker = _clause_speaker(near, s, pos)
    if speaker is not None:
        return speaker  # "The union said it would not …": the speaker of the clause
    if not _HOLDING_VERB.match(text, pos):
        return None
    phrase = _subject_phrase(text, s, pos)
    if phrase is None:
        return None
    group = _LEAD_GROUP.match(" ".join(phrase.lower().replace("\u2019", "'").split()))
    if group is not None:
        org = reg.org_named(pos, group.group(1))
        if org is not None and group.group(1) in org.canonical.lower():
            return org.canonical
    canon = reg.canonical_of(phrase)
    return canon[0] if canon else phrase


def _org_before(reg: Registry, pos: int, word: str) -> Mention | None:
    """ "the union": an organisation named so, else the one the text names most often."""
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    for m in reg.mentions:
        if m.start >= pos or m.kind != "organization":
            continue
        if word in m.canonical.lower():
            last[m.canonical] = m
            counts[m.canonical] = counts.get(m.canonical, 0) + 100
        counts[m.canonical] = counts.get(m.canonical, 0) + 1
        last.setdefault(m.canonical, m)
    if not counts:
        return None
    return last[max(counts, key=lambda k: counts[k])]


def _named_in(text: str, start: int, end: int, reg: Registry) -> str | None:
    """The author a plan's own phrase names: "the Norwegian proposal", "the ministry's plan"."""
    if _PLANS.match(text, start):
        owner = _plan_owner(text, start, reg)
        if owner is not None:
            return owner
    m = reg.mention_in(start, end)
    if m is not None and not m.place and m.kind != "other":
        return m.canonical
    for w in text[start:end].split():
        c = reg.aliases.demonyms.get(strip_poss(w).lower())
        if c:
            return c
    return None


def _plan_owner(text: str, plan: int, reg: Registry) -> str | None:
    """The word just before a plan's noun at `plan`: "The Norwegian proposal", "Iceland's
    plan", "the ministry's plan"."""
    lead = _PLAN_OWNER.search(text, max(0, plan - 40), plan)
    if lead is None:
        return None
    owner = _named_in(text, lead.start(2), lead.end(2), reg)
    if owner is not None:
        return owner
    word = lead.group(2).lower().replace("\u2019", "'")
    noun = word[:-2]
    if word.endswith("'s") and lead.group(1) and noun in OWNER_NOUNS:
        org = reg.org_named(plan, noun)
        if org is not None and noun in org.canonical.lower():
            return org.canonical
        return f"{lead.group(1)} {noun}".capitalize()
    return None


def _plan_author(text: str, s: Sentence, reg: Registry) -> str | None:
    """Who put the plan forward: the subject of "X drafted/presented … the plan", else the
    first actor of the earliest paragraph naming a plan."""
    for hit in _AUTHORED.finditer(text, 0, s.end):
        line_start = max(text.rfind("\n", 0, hit.start()), text.rfind(". ", 0, hit.start())) + 1
        m = reg.mention_in(line_start, hit.start())
        if m is not None and not m.place:
            return m.canonical
    for m in reg.mentions:
        if m.start >= s.end:
            break
        if m.place or m.kind not in ("person", "organization", "country"):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _PLANS.search(line):
            return m.canonical
    return _plan_owner_phrase(text, s, reg) or _actor_written_near_plan(text, s, reg)


# a group that changed or keeps its own plan: "the regional authority shortened its rule"
_OWN_PLAN = re.compile(
    rf"\b((?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{any_of(GROUP_SUBJECT_NOUNS)}))\s+"
    rf"(?:has\s+|had\s+|have\s+)?[a-z]+\s+(?:its|their)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{any_of(PLAN_NOUNS)})\b",
    re.I,
)


def _plan_owner_phrase(text: str, s: Sentence, reg: Registry) -> str | None:
    """The group the text names, before the sentence, as changing or keeping its own plan:
    "… after the regional authority shortened its exclusion rule" (the group as written when
    the registry knows no name for it)."""
    owner = _OWN_PLAN.search(text, 0, s.start)
    if owner is None:
        return None
    phrase = owner.group(1)
    noun = phrase.split()[-1].lower()
    org = reg.org_named(owner.start(), noun)
    if org is not None and noun in org.canonical.lower():
        return org.canonical
    canon = reg.canonical_of(phrase)
    return canon[0] if canon else phrase


_NAME_WORD = re.compile(r"\b(?-i:[A-Z][\w.&-]*)(?:['\u2019]s)?\b")


def _actor_written_near_plan(text: str, s: Sentence, reg: Registry) -> str | None:
    """The actor a name in the plan's own paragraph stands for when the registry holds no
    mention there: "The WHO's committee will discuss a plan. The draft plan proposes …"."""
    line_start = text.rfind("\n", 0, s.start) + 1
    for word in _NAME_WORD.finditer(text, line_start, s.end):
        name = strip_poss(word.group())
        found = reg.canonical_of(name)
        canonical = found[0] if found is not None else name
        entity = reg.entities.get(canonical)
        if entity is None:
            entity = next((e for e in reg.entities.values() if name in e.aliases), None)
        if entity is not None and entity.kind in ("person", "organization", "country"):
            return entity.name
    return None


# --------------------------------------------------------------------------- the content

_THAT_SPLIT = re.compile(
    r",\s+(?:and\s+)?that\s+|\s+and\s+that\s+|;\s+|,\s+(?=or\s+(?:if|unless)\b)"
    # words left out, and a new sentence: "… to send a clear message … The sanctions must …"
    r"|\s*(?:\u2026|\.\.\.)\s+(?=[A-Z])"
)
_MODAL_SPLIT = re.compile(rf",\s+(?:and\s+)?(?=(?:{any_of(SECOND_DEMAND_VERBS)})\b)")
# a second clause with its own subject: "…, and the residents would have to drop …", "…, and
# Nigeria has offered to lend …"
_CLAUSE_SPLIT = re.compile(
    r",\s+and\s+(?=(?:the\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,2}?"
    r"(?:would|will|must|should|may|can|could|has|have)\s+(?:\w+ly\s+)?[a-z]+\b)"
)
_PREP_SPLIT = re.compile(rf",?\s+and\s+(?:{any_of(REPEATED_PREPOSITIONS)})\s+")
_NP_OPEN = re.compile(r"[\s\"\u201c]*(?:a|an)\s", re.I)
_NP_LIST_SPLIT = re.compile(r",\s+and\s+(?=(?:a|an)\s)")
_LIST_SPLIT = re.compile(r",\s+and\s+|,\s+(?=[a-z])|\s+and\s+(?=[A-Za-z])")


# a plan named as an object, then what it holds: "has sent a plan that would let …"
_PLAN_THAT = re.compile(rf"(?:{any_of(PLAN_NOUNS)})\s+(?:that|which)\s+", re.I)


# an offer said to be the last, and the verb that puts it forward: the red line is the offer
_LAST_OFFER = re.compile(
    r"(?:best and final|final)(?:\s*[\"\u201c\u201d'\u2019]?\s*(?:offer|bid|figure|price)\b)?",
    re.I,
)
_OFFERED = re.compile(
    r"\b(?:made|make|makes|making|submitted|tabled|presented|unveiled|described\s+as|as)\s+"
    r"(?=[^,;]{0,60}$)",
    re.I,
)


_NEGATED_AFTER_BUT = re.compile(
    r"[,\s]*but\s+(?:do|does|did|will|would|can|could)?(?:\s*not|n't|\s+never)\s+(\w+)", re.I
)


def _same_verb_contrast(text: str, start: int, cut: re.Match[str], cue: _Cue) -> bool:
    """Whether "but" contrasts one verb with its own negation ("allow jeans … but don't allow
    tight trousers"): the position is the whole clause, which the negation alone leaves
    without its subject."""
    negated = _NEGATED_AFTER_BUT.match(text, cut.start())
    if negated is None or negated.start(1) != cue.end - len(negated.group(1)):
        return False
    verb = negated.group(1).lower()
    return re.search(rf"\b{re.escape(verb)}\b", text[start : cut.start()], re.I) is not None


# a clause about what is still to come, which belongs to the demand: "… to keep Europe at the
# table when the plan is revised", "… before talks resume"
_STILL_TO_COME = re.compile(
    r"[^,.;]{0,40}?\b(?:is|are|has|have|will|can|begins?|starts?|resumes?|opens?)\b", re.I
)


def _before_circumstance(text: str, start: int, end: int) -> int:
    """Where a demand ends before a clause that only says when or why it was made ("… on
    Wednesday after the river flooded …"); a clause about what is still to come stays."""
    circumstance = _SUBORDINATE.search(text, start, end)
    if circumstance is None:
        return end
    timed = circumstance.group().strip(" ,").lower() in ("when", "before", "after")
    if timed and _STILL_TO_COME.match(text, circumstance.end(), end):
        return end
    return circumstance.start()


# A name opening a clause of circumstance right before the demand's verb: "Negotiations failed
# when Boko Haram demanded a ransom" is the group's demand, from its name.
_NAMED_IN_CLAUSE = re.compile(
    r"(?:^|[\s,])(?:when|after|because|since|while)\s+"
    r"((?-i:[A-Z])[\w'\u2019-]+(?:\s+(?-i:[A-Z])[\w'\u2019-]+){0,3})\s+$"
)


_AND_BEFORE = re.compile(r"\s+and\s+(?:\w+ly\s+)?$")


def _content_span(text: str, frame: _Frame, cues: list[_Cue]) -> tuple[int, int]:
    """Where in its frame the demand itself starts and ends, before trimming: past a clause it
    does not belong to, past a lead-in ("the plan proposes that"), from an asking verb."""
    cue, end = frame.cue, frame.end
    # start after a clause the demand does not belong to: "…, but the reality must …"
    start = frame.start
    for m in _LEAD_CUT.finditer(text, frame.start, cue.start):
        if not _same_verb_contrast(text, frame.start, m, cue):
            start = m.end()
    for other in cues:
        # "the plan proposes that …", "the judge ordered that …": the demand follows
        if frame.start <= other.start < frame.end and _is_lead_in(text, other):
            start = max(start, other.end)
            break
    if (
        cue.kind == "demand"
        and _VERB_FIRST.match(text, cue.start)
        and not text[start : cue.start].strip(" ,").lower().endswith(("that", "which", "who"))
    ):
        start = max(start, cue.start)  # "Aino Rask asked the board to publish …": from the verb
        # … up to a clause that only says when or why: "… on Wednesday after the river …"
        end = _before_circumstance(text, cue.start, end)
    named = _NAMED_IN_CLAUSE.search(text, start, cue.start) if cue.kind == "demand" else None
    if named is not None:
        start = max(start, named.start(1))  # "talks failed when Boko Haram demanded …": its own
    relative = _PLAN_THAT.match(text, cue.start, cue.end) if cue.kind == "term" else None

    if relative is not None:
        start = max(start, relative.end())  # "sent a plan that would let …": what it would do
    if text[cue.start : cue.end].lower().startswith("vow"):
        # "vowed to destroy the cartel when he took office": the vow, not when it was made
        end = _before_circumstance(text, cue.start, end)
        if _AND_BEFORE.search(text, start, cue.start):
            start = cue.start  # "X met Y and vowed to …": the vow, not the meeting
    under = _UNDER_LEAD.match(text, cue.start) if cue.kind == "term" else None
    if under is not None and under.end() < end:
        start = max(start, under.end())  # "Under the Norwegian plan's terms, …": what follows
    last = _LAST_OFFER.match(text, cue.start)
    offered = _OFFERED.search(text, start, cue.start) if last is not None else None
    if last is not None and offered is not None:
        start, end = offered.end(), last.end()  # "made a $9 billion 'best and final offer'"
    colon = text.find(":", cue.start, end)
    if cue.kind == "non-negotiable" and colon >= 0 and end - colon > 8:
        start = colon + 1  # "her condition was non-negotiable: a binding date for …"
    return start, end


# what follows a demand without being part of it: an attribution ("…, he added"), a reason
# ("…, because …"), a participle clause ("…, saying …"), a contrast ("…, but he called …")
_TAIL = re.compile(
    r",[\"\u201d\u2019]?\s+(?:saying|adding|arguing|noting|citing|warning|according to"
    r"|among other)\b"
    r"|,\s+(?:he|she|they|it|we|I|[A-Z][\w'\u2019-]+)\s+(?:said|added|says|adds|told|wrote|noted)\b"
    r"|,\s+(?:and\s+)?(?:said|says|added|adds|told|noted|argued)\b|,\s+with\s+(?:[\w'\u2019-]+\s+){1,5}?[a-z]+ing\b"
    r"|,?\s+because\b|,\s+but\b(?!\s+not\b)|\s+but\s+(?=[a-z]+ing\b)"
    r"|,?\s+rather than\b|,\s+(?:up|down) from\b|,\s+however\b"
    # what the holder says of its own claim inside it: "… 18 million euros it says it is owed"
    r"|\s+(?:it|he|she|they|we)\s+(?:says|said|claims|claimed)\s+(?:it|he|she|they|we)\s+"
    r"(?:is|are|was|were)\b"
    # a quotation joined after the demand is more words, not more of the demand
    r"|,\s+and\s+(?=[\"\u201c])"
    # an apposition that comments on the demand: "…, a phrase officials use for …"
    r"|,\s+an?\s+[a-z]+\s+(?:that|which|[a-z]+\s+(?:use|uses|used|call|calls|are|is|were|was)\b"
    r"|(?=[A-Z]))"
)
# a relative clause that holds the demand: "…, who has vowed not to …"
_RELATIVE_LEAD = re.compile(
    r",\s+(?:who|which)\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?$"
    # "…, the leader who vowed a month ago never to …": what was vowed
    r"|\b(?:who|which)\s+(?:has\s+|had\s+)?vow(?:ed|s)\s+(?:[\w-]+\s+){0,5}?$"
)
# a relative clause on an object, which holds the demand with its antecedent: "… put pressure
# on Lund and his board, who have so far refused to negotiate"
_OBJECT_RELATIVE = re.compile(
    r"\b(?:on|to|with|against|from|by)\s+((?-i:[A-Z])[\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,5}?),"
    r"\s+(?:who|which)\s+(?:has\s+|have\s+|had\s+)?(?:[a-z]+\s+){0,3}?$"
)
# a clause before the demand that only says when or why: "…, as Apple has refused to pay …"
_LEAD_CLAUSE = re.compile(
    r",\s+(?:as|because|since|while|although|though|after|when|whereas)\s+"
    r"(?=[A-Z]|(?:the|its|their|his|her|they|he|she|it|we)\s)"
)


# the speaker's own report of what they said, inside their words: "We said automation was
# not for sale"
_SAID_LEAD = re.compile(
    r"\b(?:I|we|he|she|they|which|who)\s+(?:said|say|says|told\s+\w+)\s+(?:that\s+)?"
)
# a written rule quoted after "states that": "The manual clearly states that, 'It is against …'"
_STATES_THAT = re.compile(
    r"\b(?:states|stated|reads|read|says)\s+that,?\s+[\"\u201c\u2018']?(?=[A-Z])"
)
# a clause that only echoes the demand: "…, and at that time it was", "…, and it was not"
_ECHO_TAIL = re.compile(
    r",\s+and\s+(?:[a-z]+\s+){0,3}?(?:it|they|we|he|she|I)\s+"
    r"(?:was|were|is|are|did|does|do|has|have|had|will|would|still is)(?:\s+not|n't)?"
    r"[\s.,;!?\"\u201d\u2019]*$"
)


# an alternative set aside before the demand: "Rather than encouraging X, Seoul should …"
_RATHER_THAN = re.compile(r"(?:rather than|instead of)\b[^;]*?,[\"\u201d\u2019]?\s+", re.I)


def _relative_close(text: str, pos: int, end: int) -> int:
    """Where a relative clause holding a demand closes: at the first comma past pos that no
    list runs on from ("…, who vowed never to raise taxes, cut pensions or close schools, won
    …" closes after "schools")."""
    for comma in re.finditer(r",\s", text[pos:end]):
        if _LIST_CLOSE.search(text, pos + comma.start(), end) is None:
            return pos + comma.start()
    return end


def _bounds(text: str, start: int, end: int, cue: _Cue) -> tuple[int, int]:
    """The demand without a clause before it that only says when or why, and without what
    follows it (an attribution, a reason, a participle clause, a contrast)."""
    for m in _LEAD_CLAUSE.finditer(text, start, cue.start):
        start = m.end()
    alternative = _RATHER_THAN.match(text, start, cue.start)
    if alternative is not None:
        start = alternative.end()  # "Rather than …, Seoul should …": what should be done
    if _RELATIVE_LEAD.search(text, start, cue.start):
        start = cue.start  # "Trump, who has vowed not to …, said …": the relative clause
        end = _relative_close(text, cue.end, end)
    held_by = _OBJECT_RELATIVE.search(text, start, cue.start)
    if held_by is not None:
        start = held_by.start(1)  # "… pressure on the board, who have so far refused to …"

    said = [m.end() for m in _SAID_LEAD.finditer(text, start, cue.start)]
    said += [m.end() for m in _STATES_THAT.finditer(text, start, cue.start)]
    if said:
        start = said[-1]  # "In October I said the period was non-negotiable": what was said
    echo = _ECHO_TAIL.search(text[max(start, cue.end) : end])
    if echo is not None:
        end = max(start, cue.end) + echo.start()  # "…, and it was not": an echo, no demand
    tail = _TAIL.search(text, max(start, cue.end), end)
    return start, tail.start() if tail is not None else end


def _resumed(text: str, cut: int, end: int) -> list[tuple[int, int]]:
    """A second demand after an aside that cut the first one short: "… keep an army of
    800,000, up from 600,000, and would freeze the front line …" (the aside left out)."""
    second = _MODAL_SPLIT.search(text, cut, end)
    if cut >= end or second is None:
        return []
    tail = _TAIL.search(text, second.end(), end)
    start, stop = _trim(text, second.end(), tail.start() if tail is not None else end)
    return [(start, stop)] if len(text[start:stop].split()) >= 3 else []


def _is_lead_in(text: str, cue: _Cue) -> bool:
    """A demand or term cue ending in "that": what follows it is the demand."""
    return cue.kind in ("demand", "term") and text[cue.start : cue.end].lower().endswith("that")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without quotation marks, punctuation and a leading "that"."""
    strip = QUOTE_MARKS + " ,.;:\u2014-\n'\u2018\u2019"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    elif text[start : start + 4] == "and ":
        start += 4  # "… and reiterated calls to …": the second act without its conjunction
    unclosed = text.count("\u201c", start, end) > text.count("\u201d", start, end)
    if unclosed or text.count('"', start, end) % 2 == 1:
        closing = text.find("\u201d" if unclosed else '"', end, end + 3)
        end = closing + 1 if closing >= 0 else end  # 'its “best and final offer”': both marks
    return start, end


# a word that reads as a noun, an adjective or a participle, not the verb a second demand
# opens with ("…, receive guarantees and avoid concessions", "unless Brussels scraps … and
# lowers …")
_NOT_A_BASE_VERB = re.compile(
    r"(?:tion|sion|ness|ity|ncy|ous|tive|sive|ship|ful|ism|(?<=[th])ern|(?<![sx])ist)$"
    r"|(?<=\w\w\w)ing$|(?<=\w\w)(?<!e)ed$"
    r"|(?<!e)al$|(?<=\w\w\w)ic$",
    re.I,
)


def _opens_no_verb(text: str, at: int) -> bool:
    """Whether the words after a list separator at `at` cannot start a second demand's verb:
    "…, and the port" joins objects; "dockers in Hamburg and Gdansk to refuse" is one object."""
    following = [w.strip(',;:."\u201d\u2019') or w for w in text[at : at + 24].split()]
    if not following or following[0].lower() in NOT_VERB_WORDS or not following[0][0].isalpha():
        return True
    if _NOT_A_BASE_VERB.search(following[0]) or following[0].lower() in SPEECH_CUES:
        return True  # "diversity and transparency", "fire and destruction", "and adds"
    return following[0][0].isupper() and following[1:2] == ["to"]


_PAST_OBJECT_OPENERS = ("calls", "demands", "its", "their", "the", "a", "an", "that", "to")


def _second_past_verb(text: str, cue: int, at: int) -> bool:
    """Whether the words at `at` are a second past-tense act after a past-tense cue:
    "opposed any sanctions and renewed calls to halt …" (not "armed and organised groups")."""
    first = text[cue : cue + 24].split()[:1]
    following = text[at : at + 40].split()[:2]
    return (
        bool(first)
        and first[0].lower().endswith("ed")
        and len(following) == 2
        and following[0].lower().endswith("ed")
        and following[1].lower() in _PAST_OBJECT_OPENERS
    )


def _quoted(text: str, start: int, pos: int) -> bool:
    """Whether pos lies inside a quotation opened after start."""
    before = text[start:pos]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _unfinished_list(text: str, separator: re.Match[str], end: int) -> bool:
    """Whether a bare comma joins no list of verbs: one closes with "and" or "or" ("must
    retain X, receive Y and avoid Z"); "take immediate, concrete steps" is one demand."""
    bare = "and" not in separator.group()
    return bare and _LIST_CLOSE.search(text, separator.end(), end) is None


_LIST_CLOSE = re.compile(r"\s(?:and|or)\s")


# "… if North Korea continues nuclear and missile provocations": "and" inside the condition,
# before a short noun phrase that ends the demand or the condition, joins what it names, not
# two demands ("only if A funds the main and pays for the works" names two)
_IN_CONDITION = re.compile(r"\b(?:if|unless|until)\s", re.I)


def _condition_noun_tail(text: str, left_from: int, separator: re.Match[str], end: int) -> bool:
    tail = text[separator.end() : end].split(",")[0].split()  # (up to the condition's comma)
    return (
        _IN_CONDITION.search(text, left_from, separator.start()) is not None
        and len(tail) <= 3
        and not any(w.lower().endswith("ed") or w.lower() in NOT_VERB_WORDS for w in tail[:1])
        and not tail[0].lower().endswith(("es",))
        and not any(w.lower() in _DETERMINERS for w in tail)  # "and pays the crews" acts
    )


_DETERMINERS = frozenset("the a an its their his her our your this that these those".split())

# "to deter and effectively deal with X": two verbs that share the object after them.
_BARE_INFINITIVE_END = re.compile(r"\bto\s+[a-z]+\s*$")


def _split_at(
    text: str,
    separator: re.Pattern[str],
    parts: list[tuple[int, int]],
    first_cue: int,
    verbs_only: bool,
) -> list[tuple[int, int]]:
    """Split each part at the separator, after the first cue, where both sides read as a
    demand (three words before, two after); with verbs_only, only before a verb."""
    out = []
    for part_start, part_end in parts:
        current = previous = part_start
        for m in separator.finditer(text, part_start, part_end):
            if m.start() <= max(first_cue, part_start):
                continue
            # a list of verbs counts each from its own verb: "must welcome, mentor and empower
            # women" shares one object; "must retain effective defence, receive …" does not
            left_from = max(previous, first_cue) if verbs_only else current
            previous = m.end()
            if verbs_only and (
                (_opens_no_verb(text, m.end()) and not _second_past_verb(text, first_cue, m.end()))
                or _quoted(text, part_start, m.start())
                or _unfinished_list(text, m, part_end)
                or _inside_noun_phrase(text, left_from, m)
                or _BARE_INFINITIVE_END.search(text, left_from, m.start()) is not None
                or _condition_noun_tail(text, left_from, m, part_end)
            ):
                continue  # nor inside a quotation: "would face “fire and fury” if …"
            left = text[left_from : m.start()]
            right = text[m.end() : part_end]
            if len(left.split()) < 3 or len(right.split()) < 2:
                continue
            out.append((current, m.start()))
            current = m.end()
        out.append((current, part_end))
    return out


_OPEN_NOUN_PHRASE = re.compile(
    r"\b(?:its|their|his|her|our|your|the|a|an)(?:\s+[\w'\u2019-]+){1,2}\s*$", re.I
)
_DETERMINER_NEAR = re.compile(
    r"^\s*(?:\S+\s+){0,3}?(?:its|their|his|her|our|your|the|a|an|no|any|as|to|on|in|for|with"
    r"|together|up|out|back|down|off)\b",
    re.I,
)


# "without fear of threat, violence or harm": single nouns listed under one preposition
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|from|without|against|for|with|about|over)\s+(?:[\w'\u2019-]+\s+)?[\w-]+$", re.I
)
_ONE_WORD_ITEM = re.compile(r"[\w-]+(?:,\s|\s+(?:and|or)\s)")


def _inside_noun_phrase(text: str, left_from: int, separator: re.Match[str]) -> bool:
    """ "suspend its nuclear and ballistic missile tests": "and" joins two words of one noun
    phrase (the left side ends a word or two after its determiner, and the right side opens
    no phrase of its own), not two demands; nor does a comma between single nouns after one
    preposition ("without fear of threat, violence or harm")."""
    if _PREPOSITION_BEFORE.search(text, left_from, separator.start()) and _ONE_WORD_ITEM.match(
        text, separator.end()
    ):
        return True
    if not _OPEN_NOUN_PHRASE.search(text, left_from, separator.start()):
        return False
    right = text[separator.end() : separator.end() + 60]
    return not _DETERMINER_NEAR.match(right)


# "that" as the subject after a comma ("…, that is a risk and …"), not a conjunction
_PRONOUN_THAT = re.compile(
    r"(?<=that )(?:is|was|'s|\u2019s|would|will|could|may|might|has|had|seems|means)\b", re.I
)


_CONDITION_FIRST = re.compile(r"[\s\"\u201c\u2018']*(?-i:If|When|Whenever)\s")


def _items(text: str, start: int, end: int, first_cue: int) -> list[tuple[int, int]]:
    """Split one clause into its coordinated demands."""
    for m in _THAT_SPLIT.finditer(text, start, first_cue):
        if m.end() <= first_cue and not _PRONOUN_THAT.match(text, m.end()):
            start = m.end()  # "… had no seat, and that Moscow would not accept …": the cue's
    parts = [(start, end)]
    parts = _split_at(text, _THAT_SPLIT, parts, first_cue, verbs_only=False)
    parts = _split_at(text, _MODAL_SPLIT, parts, first_cue, verbs_only=False)
    parts = _split_at(text, _CLAUSE_SPLIT, parts, first_cue, verbs_only=False)
    # "conditional on A and on B"
    parts = _split_at(text, _PREP_SPLIT, parts, first_cue, verbs_only=False)
    if len(parts) == 1 and _NP_OPEN.match(text, start):
        # "an audit of the authority, and a cap that bars …": one demand per noun phrase
        parts = _split_at(text, _NP_LIST_SPLIT, parts, first_cue, verbs_only=False)
    if len(parts) == 1 and not _CONDITION_FIRST.match(text, start):
        # ("When X suspects …, the company will investigate and take action": one threat)
        parts = _split_at(text, _LIST_SPLIT, parts, first_cue, verbs_only=True)
    return [
        _trim(text, part_start, part_end) for part_start, part_end in parts if part_end > part_start
    ]


def _said_by(near: list[Quote], start: int, reg: Registry) -> str | None:
    """The known speaker of words starting at `start`: "…, with Germany insisting that
    deficits must …" is Germany's."""
    said = next((q for q in near if abs(q.start - start) <= 6 and q.speaker), None)
    if said is not None and said.speaker in reg.entities:
        return said.speaker
    return None


def _item_subject(
    text: str, s: Sentence, item: tuple[int, int], cues: list[_Cue], reg: Registry
) -> Mention | None:
    """The subject of the item's own cue: "Norway will not sign, and Iceland refuses to
    budge" are each their own subject's."""
    at = next((c.start for c in cues if item[0] <= c.start < item[1]), None)
    return _near_subject(text, s, at, reg) if at is not None else None


_CAPITALISED = re.compile(r"(?:[A-Z][\w'\u2019.&-]*\s+){0,3}?[A-Z][\w'\u2019.&-]*")


# between a name and its verb, the name's own group and a relative pronoun: "Lund and his
# board, who have so far refused"
_WHO_GAP = re.compile(
    r"^(?:\s+and\s+(?:his|her|its|their)\s+[\w-]+)?,\s+(?:who|which)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:[a-z]+\s+){0,3}?$"
)


def _opening_subject(text: str, start: int, cue: int, reg: Registry) -> str | None:
    """The name the demand opens with when it is the cue's own subject: "…, as Verdal has
    refused to pay" is Verdal's, whoever reports it."""
    m = reg.mention_in(start, cue)
    if m is not None and m.start == start and not m.place and m.kind != "other":
        between = text[m.end : cue]
        return m.canonical if _AUX_GAP.match(between) or _WHO_GAP.match(between) else None
    name = _CAPITALISED.match(text, start, cue)  # a name the registry does not know
    if name is None or not _AUX_GAP.match(text[name.end() : cue]):
        return None
    if name.group().lower() in ("it", "this", "that", "there", "these", "those"):
        return None  # "It is against the firm's policy …": no one named
    canon = reg.canonical_of(name.group())
    return canon[0] if canon else name.group()


# "It is against Amazon's policy for …": the rule is the policy's owner's, whoever passes it on
# ("Amazon provided Newsweek a statement, which read: …").
_POLICY_OF = re.compile(
    r"\bagainst\s+((?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3})['\u2019]s\s+(?:\w+\s+)?"
    r"(?:policy|policies|rules)\b"
)


def _policy_owner(text: str, item: tuple[int, int], reg: Registry) -> str | None:
    owner = _POLICY_OF.search(text, item[0], item[1])
    if owner is None:
        return None
    canon = reg.canonical_of(owner.group(1))
    return canon[0] if canon is not None else owner.group(1)


def _cue_alone(text: str, item: tuple[int, int], cue: _Cue) -> bool:
    """Whether the item says nothing beyond its cue: "(That) is non-negotiable" points back to
    a position stated before it, which is where the red line is."""
    if cue.kind != "non-negotiable" or not item[0] <= cue.start < item[1]:
        return False
    rest = text[item[0] : cue.start] + " " + text[cue.end : item[1]]
    return len(re.findall(r"\w+", rest)) <= 1


_LIST_JOIN = re.compile(r"\b(?:and|or)\b")


def _conditions_alike(
    text: str, items: list[tuple[int, int]], cues: list[_Cue]
) -> list[tuple[int, int]]:
    """A list of conditions is one red line per condition, each of the same shape: "would
    approve the deal only if A and B" holds "only if A" and "B", not "would approve … A"."""
    if len(items) < 2:
        return items
    first_start, first_end = items[0]
    condition = next(
        (c for c in cues if c.kind == "condition" and first_start < c.start < first_end), None
    )
    if condition is None or not _LIST_JOIN.search(text, first_end, items[1][0]):
        return items
    return [(condition.start, first_end), *items[1:]]


# a deal between parties, whose terms bind each its own party; an offer's or a plan's terms
# are its author's position
_MUTUAL = re.compile(r"\b(?:agreement|deal|accord|treaty|settlement)\b", re.I)
_BOUND_PARTY = re.compile(
    r"(?:the\s+([\w-]+)|((?-i:[A-Z])[\w'\u2019&-]*(?:\s+(?-i:[A-Z])[\w'\u2019&-]*)*))"
    r"\s+(?:would|will|must|shall|has|have)\b"
)


def _party_bound(text: str, item: tuple[int, int], reg: Registry) -> str | None:
    """Which party a term of a deal binds, when the term names it: "Under the agreement, the
    museum will pay for …" is the museum's, "Harwell would pay …" Harwell's."""
    bound = _BOUND_PARTY.match(text, item[0], item[1])
    if bound is None:
        return None
    if bound.group(1) is not None:
        noun = bound.group(1).lower()
        org = _org_before(reg, len(text), noun)
        return org.canonical if org is not None and noun in org.canonical.lower() else None
    named = reg.mention_in(bound.start(2), bound.end(2))
    if named is not None and not named.place and named.kind != "other":
        return named.canonical
    return None


# A modal of obligation: its subject is the one asked, not the one asking.
_OBLIGATION = re.compile(r"(?:should|must|ought|needs? to|ha(?:s|ve) to)\b", re.I)


def _red_lines_of(
    text: str,
    s: Sentence,
    frame: _Frame,
    cues: list[_Cue],
    near: list[Quote],
    reg: Registry,
    seen: set[tuple[int, int]],
) -> list[RedLine]:
    """The demands the frame holds, one red line each; `seen` keeps one per span."""
    span_start, span_end = _content_span(text, frame, cues)
    cut, end = _bounds(text, span_start, span_end, frame.cue)
    resumed = _resumed(text, end, span_end)
    start, end = _trim(text, cut, end)
    if end - start < 8:
        return []
    holder = frame.holder
    obliged = _OBLIGATION.match(text, frame.cue.start) is not None
    if cut > span_start and not (obliged and holder is not None):
        # past a clause of its own: the demand's subject holds it ("…, as Verdal has refused
        # to pay"); but the subject of a "should" in someone's words is whom it is asked of
        # ("Rather than …, Seoul should respond to the North's overtures, Kim said")
        holder = _opening_subject(text, start, frame.cue.start, reg) or holder
    if holder is None or cut > frame.start:
        # the clause is someone's words
        holder = _said_by(near, start, reg) or holder
    lead_in_ends = [
        c.end for c in cues if start <= c.start < end and (c.kind == "term" or _is_lead_in(text, c))
    ]
    out = []
    for item in _conditions_alike(text, _items(text, start, end, frame.cue.start), cues) + resumed:
        item_start, item_end = item
        if item_end - item_start < 6 or item in seen or _cue_alone(text, item, frame.cue):
            continue
        if lead_in_ends and item_end <= min(lead_in_ends):
            continue  # only the lead-in: "The judge ordered", "Under the new rule"
        seen.add(item)
        who = holder
        if frame.own_clause:
            subject = _item_subject(text, s, item, cues, reg)
            who = subject.canonical if subject is not None else holder
        if frame.cue.kind == "term" and _MUTUAL.search(text, frame.cue.start, frame.cue.end):
            who = _party_bound(text, item, reg) or who  # each term of a deal binds its party
        who = _group_of(text, s.start, item_start, who)
        who = _policy_owner(text, item, reg) or who
        red_line = RedLine(
            holder=who,
            text=text[item_start:item_end],
            start=item_start,
            end=item_end,
            kind=frame.cue.kind,
        )
        out.append(red_line)
    return out


# The people of a named body who hold a position, not the body: "NXP shareholders have piled
# in, arguing the offer must be improved" is the shareholders', not NXP's.
_GROUP_OF_NAME = re.compile(
    r"\b((?-i:[A-Z])[\w&.-]*)\s+(shareholders|investors|employees|workers|staff|unions?"
    r"|executives|lawyers|fans|residents|voters|customers|members|supporters)\b"
)


def _group_of(text: str, sentence_start: int, item_start: int, who: str | None) -> str | None:
    """The holder as the group of its name that opens the sentence as its subject."""
    if who is None:
        return None
    group = _GROUP_OF_NAME.match(text, sentence_start, item_start)
    if group is None or not who.startswith(group.group(1)):
        return who
    return f"{group.group(1)} {group.group(2)}"


def find_red_lines(
    text: str, sents: list[Sentence], quotes: list[Quote], reg: Registry
) -> list[RedLine]:
    """The red lines of a text, sentence by sentence: the cues, their frames, who holds each
    and what it holds."""
    out: list[RedLine] = []
    seen: set[tuple[int, int]] = set()
    found = _matches_by_sentence(text, sents)
    for index in sorted(found):
        s = sents[index]
        cues = _cues(text, s, found[index])
        if not cues:
            continue
        near = _quotes_in(quotes, s)
        for frame in _frames(text, s, cues, quotes, reg):
            out.extend(_red_lines_of(text, s, frame, cues, near, reg, seen))
    out = [_compass_named(r, text) for r in out]
    return _without_wrappers([j for r in out for j in _jointly_held(r, text, sents, reg)])


# Two parties as the subject of one position: "Moscow and Beijing continue to insist on …",
# "China's and Russia's ambassadors said they opposed …", "Both Abe and Tillerson called for
# …": each holds it (one red line each), whichever of the two the clause reading found.
_JOINT = re.compile(
    r"(?:^|,\s+)[\"\u201c]?(?:(?-i:Both)\s+)?"
    r"((?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+){0,2}?)(?:['\u2019]s)?\s+and\s+"
    r"((?-i:[A-Z])[\w.-]+(?:\s+(?-i:[A-Z])[\w.-]+){0,2}?)(?:['\u2019]s)?\s+"
    r"(?=[a-z]|$)((?:[^,;:\"\u201c]+?\s+)??)$"
)
_JOINT_SAID = re.compile(
    r"^(?:[\w.'\u2019-]+\s+){0,6}?(?:said|say|says)\s+(?:that\s+)?(?:they\s+)?$"
)


def _jointly_held(r: RedLine, text: str, sents: list[Sentence], reg: Registry) -> list[RedLine]:
    index = bisect_right([s.start for s in sents], r.start) - 1
    if index < 0 or r.holder is None:
        return [r]
    start = sents[index].start
    joint = _JOINT.search(text[start : r.start])
    if joint is None:
        return [r]
    between = joint.group(3)
    if not (len(between.split()) <= 3 or _JOINT_SAID.match(between)):
        return [r]  # the parties are not the subject of the position's own verb
    holders = []
    for group in (1, 2):
        named = reg.mention_in(start + joint.start(group), start + joint.end(group))
        canon = reg.canonical_of(joint.group(group))
        if named is not None and named.kind in ("person", "organization", "country"):
            holders.append(named.canonical)
        elif canon is not None and canon[1] in ("person", "organization", "country"):
            holders.append(canon[0])
    if len(set(holders)) != 2:
        return [r]
    return [replace(r, holder=h) for h in holders]


# "The North says …", "the South's foreign ministry": a country named by its compass word
# alone, which the article names in full elsewhere ("North Korea"); an adjective of the name
# ("North Korean") is not the name.
_COMPASS = frozenset(("North", "South", "East", "West"))


def _compass_named(r: RedLine, text: str) -> RedLine:
    if r.holder not in _COMPASS:
        return r
    names = Counter(
        m.group(1)
        for m in re.finditer(rf"\b{r.holder} ((?-i:[A-Z])[a-z]+)\b", text)
        if not m.group(1).endswith(("an", "ese", "ish"))
    )
    if not names:
        return r
    return replace(r, holder=f"{r.holder} {names.most_common(1)[0][0]}")


def _without_wrappers(found: list[RedLine]) -> list[RedLine]:
    """Each demand once where one red line holds another whole: a demand around a refusal is
    the demand ("wanted guarantees that NATO would not expand"); otherwise the outer one only
    wraps the inner in a lead-in ("he told parliament that …" around "a ceasefire … provided
    that …") when both have one holder."""

    def inside(o: RedLine, r: RedLine) -> bool:
        return r.start <= o.start and o.end <= r.end and (o.start, o.end) != (r.start, r.end)

    def dropped(r: RedLine) -> bool:
        for o in found:
            if inside(r, o) and o.kind == "demand" and r.kind != "demand":
                return True  # the refusal inside a demand
            demand_around = r.kind == "demand" and o.kind != "demand"
            if inside(o, r) and o.holder == r.holder and not demand_around:
                return True  # a lead-in around the demand
        return False

    # a condition no one is found to hold is a rule the narrator states ("card users have
    # caps on losses as long as …"), not someone's position
    kept = [r for r in found if not dropped(r) and (r.holder or r.kind != "condition")]
    return _said_once(kept)


def _said_once(found: list[RedLine]) -> list[RedLine]:
    """A demand repeated word for word (a paragraph the article prints twice) is shown once."""
    seen: dict[str, tuple[int, int]] = {}  # (the parties of one joint position all stay)
    out = []
    for r in found:
        words = " ".join(r.text.lower().split())
        if seen.get(words, (r.start, r.end)) != (r.start, r.end) and len(words.split()) >= 5:
            continue
        seen.setdefault(words, (r.start, r.end))
        out.append(r)
    return out
