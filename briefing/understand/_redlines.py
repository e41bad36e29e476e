"""Red lines: conditions, demands, refusals and non-negotiable positions, one per demand."""

from __future__ import annotations

import re
from bisect import bisect_right

from briefing.understand._actors import Mention, Registry, role_word, strip_poss
from briefing.understand._lexicon import SPEECH_CUES
from briefing.understand._text import QUOTE_MARKS, Sentence
from briefing.understand.records import Quote, RedLine

_REFUSE = (
    r"(?:accept|sign|agree|allow|tolerat|negotiat|pay|move|discuss|return|support|back|approv"
    r"|recogni[sz]|withdraw|give|hand|cede|surrender|compromis|budge|pretend|overpay|join|sit"
    r"|govern|ratif|consider|trad|permit|lift|host|expand|stand|talk|drop|leave|retreat)\w*"
)
# a verb of asking with its object: "asked the board to publish …", "calls for a ban on …";
# the demand starts at the verb.  Passives ("is expected to") and predictions ("expects the
# talks to fail") are not demands.
_OUTCOME = (
    "fail|succeed|pass|win|lose|rise|fall|grow|increase|decrease|last|happen|arrive|reach|come"
    "|become|be|remain|take|slow|recover|collapse|end|drag"
)
_ACTOR_NOUN = (
    r"(?:government|ministry|minister|council|board|authority|authorities|company|union|city"
    r"|state|court|commission|agency|regulator|operator|employer|bank|party|parliament|mayor"
    r"|administration|management|owners?|police|president|chancellor|premier|leader|cabinet"
    r"|officials|lawmakers|members|workers|staff|side|sides|countries|allies|region)"
)
_ASKED = (
    r"\b(?:(?:(?:ask|urg|press|call on|call upon|order|instruct|tell)(?:s|ed|es|ing)?|told)"
    r"\s+(?!him\b|her\b|me\b|us\b|reporters\b|journalists\b|to\b)"
    r"(?:the|a|an|its|their|his|her|all|every|both|(?-i:[A-Z][\w'\u2019-]*|[a-z]+s))\b"
    rf"(?:\s+[\w'\u2019-]+){{0,5}}?\s+to\s+(?!(?:{_OUTCOME})\b)(?=[a-z])"
    # "expected the ministry to …" holds someone to something; "expect the rush to continue"
    # is a forecast, so the object has to be someone who can act
    rf"|expect(?:s|ed|ing)?\s+(?:the|its|their|all)\s+"
    rf"(?:[\w'\u2019-]+\s+){{0,2}}?{_ACTOR_NOUN}\s+to\s+(?!(?:{_OUTCOME})\b)(?=[a-z])"
    r"|(?:call(?:s|ed|ing)?|press(?:es|ed|ing)?) for\b"
    r"|ask(?:s|ed|ing)? (?:(?:the|a|an|its|their) [\w'\u2019-]+|(?-i:[A-Z][\w'\u2019-]*))"
    r"(?:\s+[\w'\u2019-]+){0,3}? for\s+(?!comment\b|details\b|help\b|more time\b)"
    r"|insist(?:s|ed|ing)? on\b)"
)
_THREAT = (
    "strike|walk out|walk away|sue|quit|resign|boycott|retaliat|withdraw|pull out|suspend|stop"
    "|shut|close|cut|freeze|halt|block|veto|leave|take legal action|go to court|take \\w+ to court"
    "|impose|expel|sanction|cancel|terminate|abandon|escalat|blockade|occupy"
    "|take (?:\\w+ ){1,3}?to (?:court|arbitration|a tribunal)"
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.I)
_VERB_FIRST = re.compile(_ASKED, re.I)
_NOT_A_DEMAND = re.compile(
    r"^\s*(?:if|whether|when|should|were|had)\b[^,;]*$"  # "If the talks fail, …"
    r"|\b(?:asked|asking|asks|wondered|wonder|ask)\s+(?:\w+\s+)?(?:whether|if|why|how|what)\b",
    re.I,
)
_SUBORDINATE = re.compile(
    r",?\s+(?:after|because|since|while|as|when|before)\s+(?=(?:the|a|an|its|their|his|her|it|they"
    r"|he|she)\b|(?-i:[A-Z]))",
    re.I,
)
_STOP = re.compile(r"[.?!](?=[\s\"\u201d\u2019']|$)")
_DECIDE = re.compile(r"\bmust (?:now )?(?:decide|choose|consider|weigh|determine)\b", re.I)
# between the negation and the verb only adverbs and helpers: "will not simply accept", "would
# never be able to sign"; not an object ("does not have trade deals", "never gave it back")
_SKIP = r"(?:(?:\w+ly|ever|even|just|be|able|to|try|again|also|now|yet|agree to|want to)\s+){0,3}?"
_RAW_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("condition", re.compile(
        r"\b(?:only if|only when|unless|provided that|providing that|on (?:the )?conditions? that"
        r"|on (?:the )?condition of|so long as|(?<=, )provided(?= (?:the|they|it|he|she|we|no)\b)"
        r"|conditional on|as long as)\b", re.I)),
    ("refusal", re.compile(
        rf"\b(?:will|would|shall|can|could|do|does|did)(?: not|n't| never)\s+{_SKIP}{_REFUSE}\b"
        rf"|\b(?:won't|cannot|can't|never)\s+{_SKIP}{_REFUSE}\b"
        r"|\bnot (?:ready|willing|prepared) to\b"
        # "refused to comment" keeps silent; it holds no position
        r"|\brefus(?:e|es|ed|ing) to\b(?! (?:comment|elaborate|confirm|say|speculate|disclose"
        r"|be named|be identified|give (?:details|his|her|their) name))"
        r"|\bwould (?:block|veto|force|halt|reject|oppose)\b"
        # "will accept no delay", "would tolerate no further cuts"
        r"|\b(?:will|would|shall|can|could)\s+(?:\w+ly\s+)?(?:accept|tolerate|allow|permit|sign"
        r"|countenance|entertain)\s+no\b"
        # "would not resume talks until …": a refusal held until a condition is met
        r"|\b(?:will|would|shall)(?: not|n't| never)\s+(?:\w+\s+){1,4}?[^.;]{0,60}?\buntil\b"
        r"|\bwon't\s+(?:\w+\s+){1,4}?[^.;]{0,60}?\buntil\b"
        # a threat held by its subject: "the union would strike if …", "will sue if …"
        rf"|\b(?:would|will)\s+(?:\w+ly\s+)?(?:{_THREAT})\w*\b[^.;]{{0,80}}?\bif\b", re.I)),
    ("non-negotiable", re.compile(
        r"\b(?:under|in) (?:no|any) circumstances\b|\bunder any arrangement\b|\bnon-negotiable\b"
        r"|\bwhatever happens\b|\bat any (?:cost|price)\b"
        r"|\bnot negotiable\b|\bnot up for negotiation\b|\bnot for sale\b|\bnot on the table\b"
        r"|\bred lines?\b|\bthere can be no\b|\bno\s+\w+(?:\s+\w+)?\s+(?:may|can|could|must)\b"
        r"|\bno\s+(?:\w+\s+){1,2}?without\b"
        r"|\bconditions?\b[^.;:]{0,60}:", re.I)),
    ("demand", re.compile(
        r"\bmust\b|\bmustn't\b|\bhad to\b"
        r"|\b(?:demand|insist|ask|call|urg|order|requir|propos|want|expect)\w* that\b"
        r"|\bdemand(?:s|ed|ing)\b|\bwould demand\b|\bwant(?:s|ed)\b"
        r"|\b(?:ready|prepared|willing) to\b[^.;]{0,80}\bif\b"
        r"|\b(?:call(?:s|ed)? on|urg(?:es|ed|ing)) (?:[\w'\u2019-]+ ){1,5}?to\b"
        r"|\bcontinue\w*\b[^.;]{0,60}\buntil\b|\b(?:no one|nobody)\b[^.;]{0,60}\buntil\b", re.I)),
    ("demand", _VERB_FIRST),
    ("term", re.compile(
        r"\bunder (?:its|the|their|his|her)?\s*(?:new |revised )?(?:terms|rules?|agreement|deal|plan)\b"  # noqa: E501
        r"|\bunder (?:the |its |their |his |her )?(?:[\w'\u2019-]+\s+){1,3}?(?:terms|plan|proposal|offer|draft|deal)\b"  # noqa: E501
        r"|\b(?:plan|proposal|framework|draft)\b[^.;]{0,25}\b(?:would|proposes|proposed|calls for)\b", re.I)),  # noqa: E501
]  # fmt: skip
# the letters each trigger can start with: a look-ahead on them lets the regex engine skip most
# positions at once (about twice as fast over a whole text)
_FIRST_LETTERS = ("oupcas", "wscdnr", "uinwatcr", "mhdiacuorpwen", "aupcoitel", "upfd")
_TRIGGERS = [
    (kind, re.compile(rf"(?=[{first}])(?:{pat.pattern})", pat.flags))
    for (kind, pat), first in zip(_RAW_TRIGGERS, _FIRST_LETTERS, strict=True)
]
_VERB_FIRST_FAST = _TRIGGERS[4][1]

_PLANS = re.compile(r"\b(?:plan|framework|proposal|draft|offer|terms|rule|agreement|deal)\b", re.I)
_GROUP_WORDS = re.compile(
    r"^(?:the|its|their) (group|union|party|company|firm|authority|council|court|commission|ministry"  # noqa: E501
    r"|bank|museum|fund|board|government|alliance|airline|agency|regulator|cabinet|city|region)\b",
    re.I,
)
_LEAD_CUT = re.compile(r"(?:,\s+but\s+|;\s+|\bbut\s+|:\s+|,\s+and\s+|^under [^,]{0,50},\s*)", re.I)
_THAT_SPLIT = re.compile(r",\s+(?:and\s+)?that\s+|\s+and\s+that\s+|;\s+")
_MODAL_SPLIT = re.compile(r",\s+(?:and\s+)?(?=(?:must|will|would|should|may|can|make|keep)\b)")
_PREP_SPLIT = re.compile(r",?\s+and\s+(?:on|to|for|from|by)\s+")
_LIST_SPLIT = re.compile(r",\s+and\s+|,\s+(?=[a-z])|\s+and\s+(?=[A-Za-z])")
_NOT_VERB = frozenset(
    "the a an its his her their our no any all of for to in on at by with from as that this these "
    "those one two three it he she they we i more less some most other such which who when if "
    "then so both either neither not also today ever now yet again still too once here there "
    "even just unless until if because although though while whereas provided except but or nor "
    "so whatever wherever when where including".split()
)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    strip = QUOTE_MARKS + " ,.;:\u2014-\n'\u2018\u2019"
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    if text[a : a + 5].lower() == "that ":
        a += 5
    return a, b


def _items(text: str, a: int, b: int, first_trigger: int) -> list[tuple[int, int]]:
    """Split one clause into its coordinated demands."""
    parts = [(a, b)]

    def split(pattern: re.Pattern[str], parts: list[tuple[int, int]], verbish: bool) -> list:
        out = []
        for pa, pb in parts:
            cur = pa
            for m in pattern.finditer(text, pa, pb):
                if m.start() <= max(first_trigger, pa):
                    continue
                nxt = text[m.end() : m.end() + 20].split()
                if verbish and (not nxt or nxt[0].lower() in _NOT_VERB or not nxt[0][0].isalpha()):
                    continue
                if verbish and nxt[0][0].isupper() and nxt[1:2] == ["to"]:
                    continue  # "dockers in Hamburg and Gdansk to refuse": one object

                left = text[cur : m.start()]
                right = text[m.end() : pb]
                if len(left.split()) < 3 or len(right.split()) < 2:
                    continue
                out.append((cur, m.start()))
                cur = m.end()
            out.append((cur, pb))
        return out

    parts = split(_THAT_SPLIT, parts, verbish=False)
    parts = split(_MODAL_SPLIT, parts, verbish=False)
    parts = split(_PREP_SPLIT, parts, verbish=False)  # "conditional on A and on B"
    if len(parts) == 1:
        parts = split(_LIST_SPLIT, parts, verbish=True)
    return [_trim(text, x, y) for x, y in parts if y > x]


_AUX_GAP = re.compile(
    r"^(?:['\u2019]s)?(?:\s+(?:would|will|had|has|have|also|then|again|still|flatly|now|"
    r"could|did|does|do|is|are|was|were))*\s+$",
    re.I,
)
_CLAUSE_OPEN = re.compile(
    r"(?:,\s*|\s)(?:after|because|since|when|while|as|although|though|but|and)\s+$", re.I
)


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


def _subject_holder(
    text: str, s: Sentence, pos: int, reg: Registry, quotes: list[Quote]
) -> str | None:
    near = _near_subject(text, s, pos, reg)
    if near is not None:
        return near.canonical
    chunk = text[s.start : pos]
    low = chunk.lower().lstrip(' "\u201c')
    if _PLANS.search(chunk) and not reg.mention_in(s.start, pos):
        return _plan_author(text, s, reg)
    m = reg.mention_in(s.start, pos)
    if m is not None and not m.place and m.kind != "other":
        return m.canonical
    lead = " ".join(low.split()[:3]).rstrip(",")
    rw = role_word(lead) or role_word(" ".join(low.split()[:2]))
    if rw:
        hit = reg.role_before(pos, rw, lead)
        if hit:
            return hit.canonical
    g = _GROUP_WORDS.match(low)
    if g:
        org = _org_before(reg, s.start, g.group(1).lower())
        if org:
            return org.canonical
    first = low.split()[:1]
    if first and first[0] in ("he", "she"):
        p = reg.person_before(s.start, first[0])
        return p.canonical if p else None
    if first and first[0] in ("it", "they", "we"):
        o = reg.actor_before(s.start, ("organization", "country"))
        return o.canonical if o else None
    if _PLANS.search(chunk):
        return _plan_author(text, s, reg)
    return None


# the subject holds the demand only where the trigger is its own verb ("The council demands
# that …", "The front insists on …", "The federation refuses to …"), not "must" or "had to"
_HOLDING_VERB = re.compile(
    r"(?:demand|insist|ask|call|urg|propos|want|expect|refus|press|push|lobb|order|requir)\w*\b"
    r"|(?:will|would|shall|won't|cannot|can't|can|could|do|does|did|never|not)\b",
    re.I,
)
_NP_SUBJECT = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[\w'\u2019.&-]+\s+){0,5}?[\w'\u2019.&-]+$",
)
_NOT_SUBJECT_WORDS = frozenset(
    "it he she they we i you this that there which who what if when while but and because so "
    "is are was were has have had be been said says also would will could should may might "
    "must can not no".split()
)
_LEAD_GROUP = re.compile(
    r"^(?:the|its) (board|company|firm|group|union|party|authority|council|court|commission"
    r"|ministry|bank|museum|fund|alliance|airline|agency|regulator|government|campaign|front)$"
)


_TIME_LEAD = re.compile(
    r"^(?:(?:on|last|this|by|in|early|late) (?:\w+ ){0,2}?(?=the |a |an )|(?:yesterday|today|"
    r"meanwhile|earlier|later|now|then) (?=the |a |an |(?-i:[A-Z])))",
    re.I,
)


def _phrase_holder(
    text: str, s: Sentence, pos: int, reg: Registry, near: list[Quote]
) -> str | None:
    """The subject phrase before the trigger verb, when it names who holds the position:
    "The town council demands that …" -> "The town council"."""
    for q in near:
        sp = q.speaker_span
        if q.speaker and sp is not None and s.start <= sp[0] and sp[1] <= pos:
            return q.speaker  # "The union said it would not …": the speaker of the clause
    if not _HOLDING_VERB.match(text, pos):
        return None
    phrase = text[s.start : pos].strip(QUOTE_MARKS + " \n")
    for m in _LEAD_CUT.finditer(phrase):
        phrase = phrase[m.end() :]
    phrase = phrase.rsplit(", ", 1)[-1]  # "In Halvik, the town council demands …"
    lead = _TIME_LEAD.match(phrase)
    if lead is not None:
        phrase = phrase[lead.end() :]  # "On Monday the fishermen's union refused …"
    if not phrase or not _NP_SUBJECT.match(phrase):
        return None
    words = phrase.lower().replace("\u2019", "'").split()
    if any(w in _NOT_SUBJECT_WORDS for w in words) or words[-1].endswith("ly"):
        return None
    if not (phrase[0].isupper() or phrase[0].islower()):
        return None
    group = _LEAD_GROUP.match(" ".join(words))
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


_OWNER_NOUNS = frozenset(
    "ministry government council board union commission company committee party agency "
    "authority bank cabinet presidency employers federation association".split()
)
_UNDER_LEAD = re.compile(r"under [^,.;]{0,60},\s*", re.I)


_PLAN_OWNER = re.compile(r"(?:(the|a|its|their)\s+)?([\w\u2019'-]+)\s+$", re.I)


def _named_in(text: str, a: int, b: int, reg: Registry) -> str | None:
    """The author a plan's own phrase names: "the Norwegian proposal", "the ministry's plan"."""
    if _PLANS.match(text, a):
        # the word just before the plan's noun: "The Norwegian proposal", "Iceland's plan"
        lead = _PLAN_OWNER.search(text, max(0, a - 40), a)
        if lead is not None:
            owner = _named_in(text, lead.start(2), lead.end(2), reg)
            if owner is not None:
                return owner
            word = lead.group(2).lower().replace("\u2019", "'")
            if word.endswith("'s") and lead.group(1) and word[:-2] in _OWNER_NOUNS:
                org = reg.org_named(a, word[:-2])
                if org is not None and word[:-2] in org.canonical.lower():
                    return org.canonical
                return f"{lead.group(1)} {word[:-2]}".capitalize()
    m = reg.mention_in(a, b)
    if m is not None and not m.place and m.kind != "other":
        return m.canonical
    for w in text[a:b].split():
        c = reg.aliases.demonyms.get(strip_poss(w).lower())
        if c:
            return c
    return None


_AUTHORED = re.compile(
    r"\b(?:has |have |had )?(?:drafted|drawn up|drew up|put|presented|sent|proposed|tabled|offered"
    r"|published|unveiled|submitted|prepared|made)\b[^.;]{0,40}?\b(?:plan|framework|proposal"
    r"|draft|offer|terms)\b",
    re.I,
)


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
    return None


def find_red_lines(
    text: str, sents: list[Sentence], quotes: list[Quote], reg: Registry
) -> list[RedLine]:
    out: list[RedLine] = []
    seen: set[tuple[int, int]] = set()
    # each trigger runs once over the whole text; its matches are handed to their sentence
    starts = [s.start for s in sents]
    found: dict[int, list[tuple[str, re.Pattern[str], re.Match[str]]]] = {}
    for kind, pat in _TRIGGERS:
        for m in pat.finditer(text):
            si = bisect_right(starts, m.start()) - 1
            if si >= 0 and m.end() <= sents[si].end:
                found.setdefault(si, []).append((kind, pat, m))
    for si in sorted(found):
        s = sents[si]
        chunk = text[s.start : s.end]
        if chunk.rstrip(QUOTE_MARKS + " \n").endswith("?"):
            continue  # a question asks; it holds no one to anything
        hits: list[tuple[int, str, int]] = []
        for kind, pat, m in found[si]:
            a, e = m.start() - s.start, m.end() - s.start
            if pat is _VERB_FIRST_FAST and _PASSIVE.search(chunk, max(0, a - 8), a):
                continue  # "is expected to", "were asked to": no one holds it
            if _NOT_A_DEMAND.search(chunk, 0, a) or _DECIDE.match(chunk, a):
                continue  # inside "If …," or "asked whether …": a hypothesis, not a demand
            stop = _STOP.search(chunk, e)
            if stop is not None and stop.group() == "?":
                continue  # '"Why must we accept that?" she asked.'
            hits.append((m.start(), kind, m.end()))
        if not hits:
            continue
        hits.sort()
        near = [q for q in quotes if q.start < s.end and s.start < q.end]
        regions: dict[tuple[int, int], tuple[str | None, int, str]] = {}
        own: set[tuple[int, int]] = set()  # regions that are the sentence's own clause
        for pos, kind, _tend in hits:
            q = min(
                (q for q in near if q.start <= pos < q.end),
                key=lambda q: q.end - q.start,
                default=None,
            )
            marks = next((t for t in s.tokens if t.quote and t.start <= pos < t.end), None)
            if marks is not None and q is not None and q.start < marks.start:
                marks = None  # a quoted fragment inside reported speech: the whole clause counts
            if marks is not None:
                a, b = marks.start, marks.end
                holder = q.speaker if q is not None else None
            elif q is not None:
                a, b = max(q.start, s.start), min(q.end, s.end)
                holder = q.speaker
            else:
                # the sentence's own clause: not past a semicolon, not into someone's words
                a, b = s.start, s.end
                for x in range(s.start, pos):
                    if text[x] == ";":
                        a = x + 1
                subj = _near_subject(text, s, pos, reg)
                if subj is not None:
                    opener = _CLAUSE_OPEN.search(text, a, subj.start)
                    if opener is not None and opener.end() == subj.start:
                        a = opener.end()  # "…, after Reykjavik refused to …": its own clause
                for qq in near:
                    if qq.end <= pos and qq.end > a:
                        a = qq.end
                    later_speaker = qq.speaker_span is not None and qq.speaker_span[0] > pos
                    if qq.start > pos and qq.start < b and later_speaker:
                        b = qq.start
                semi = text.find(";", pos, b)
                if semi >= 0:
                    b = semi
                holder = None
                own.add((a, b))
            if (a, b) not in regions:
                if holder is None or (
                    holder not in reg.entities and _PLANS.search(text[s.start : pos])
                ):
                    # an unnamed or inanimate source ("a copy seen by …"): who holds the position
                    holder = _subject_holder(text, s, pos, reg, quotes) or holder
                if holder is None and kind != "term":
                    holder = _phrase_holder(text, s, pos, reg, near)
                if kind == "term":
                    author = _named_in(text, pos, _tend, reg) or _plan_author(text, s, reg)
                    holder = author or holder
                regions[(a, b)] = (holder, pos, kind)
        for (a, b), (holder, pos, kind) in regions.items():
            # start after a clause the demand does not belong to: "…, but the reality must …"
            cut = a
            for m in _LEAD_CUT.finditer(text, a, pos):
                cut = m.end()
            for p, k, e in hits:
                # "the plan proposes that …", "the judge ordered that …": the demand follows
                if a <= p < b and k in ("demand", "term") and text[p:e].lower().endswith("that"):
                    cut = max(cut, e)
                    break
            if (
                kind == "demand"
                and _VERB_FIRST.match(text, pos)
                and not text[cut:pos].strip(" ,").lower().endswith(("that", "which", "who"))
            ):
                cut = max(cut, pos)  # "Aino Rask asked the board to publish …": from the verb
                # … up to a clause that only says when or why: "… on Wednesday after the river …"
                sub = _SUBORDINATE.search(text, pos, b)
                b = sub.start() if sub else b
            lead = _UNDER_LEAD.match(text, pos) if kind == "term" else None
            if lead is not None and lead.end() < b:
                cut = max(cut, lead.end())  # "Under the Norwegian plan's terms, …": what follows
            colon = text.find(":", pos, b)
            if kind == "non-negotiable" and colon >= 0 and b - colon > 8:
                cut = colon + 1  # "her condition was non-negotiable: a binding date for …"
            ca, cb = _trim(text, cut, b)
            if cb - ca < 8:
                continue
            if holder is None or cut > a:
                # "…, with Germany insisting that deficits must …": the clause is someone's words
                said = next((q for q in near if abs(q.start - ca) <= 6 and q.speaker), None)
                if said is not None and said.speaker in reg.entities:
                    holder = said.speaker
            ends = [e for p, k, e in hits if ca <= p < cb and k in ("term", "demand")]
            for x, y in _items(text, ca, cb, pos):
                if y - x < 6 or (x, y) in seen:
                    continue
                if ends and y <= min(ends):
                    continue  # only the lead-in: "The judge ordered", "Under the new rule"
                seen.add((x, y))
                who = holder
                if (a, b) in own:
                    # "Norway will not sign, and Iceland refuses to budge": each its own subject
                    at = next((h for h, _k, _e in hits if x <= h < y), None)
                    subj = _near_subject(text, s, at, reg) if at is not None else None
                    who = subj.canonical if subj is not None else holder
                out.append(RedLine(holder=who, text=text[x:y], start=x, end=y, kind=kind))
    return out
