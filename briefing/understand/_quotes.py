"""Who said what: direct quotations and reported speech, each with its cue and speaker phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.understand._aliases import default_aliases
from briefing.understand._lexicon import (
    ADDRESS_CUES,
    AUX_SKIP,
    CLAUSE_ONLY_CUES,
    DETERMINERS,
    FUNCTION_CAPS,
    MONTHS,
    NP_STOP,
    OBJECT_CUES,
    OUTLET_WORDS,
    PRONOUNS_ALL,
    ROLE_WORDS,
    SPEECH_CUES,
    TITLE_WORDS,
    WEAK_CUES,
    WEEKDAYS,
)
from briefing.understand._text import ABBREVIATIONS, QUOTE_MARKS, Sentence, Token

_PREPS = frozenset("on in at during to with from via before after over through for by".split())
_TIME_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(
        "today yesterday tonight morning evening afternoon night week month year earlier later "
        "last this next recently then again too afterward afterwards".split()
    )
)
_OBJECT_WORDS = frozenset("reporters journalists me us him her them supporters lawmakers".split())
_TAIL_BLOCK = frozenset("who which whose while when as and but because if adding noting".split())
_QCHARS = set(QUOTE_MARKS)
_NAME_COLON = re.compile(
    r"[\"\u201c]?\s*((?:[A-Z][A-Za-z.'\u2019\-]*)(?:\s+[A-Z][A-Za-z.'\u2019\-]*){0,3}):\s+\S"
)
_COLON_STOP = frozenset(
    "update updated note editor watch read related photo video source sources transcript "
    "breaking exclusive live analysis opinion q a warning correction clarification "
    "question answer example the latest contributing contributor contributors byline by email "
    "e-mail twitter facebook instagram follow boom revealed wow look bombshell stat paid notice "
    "deaths pledged photos".split()
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


def _is_cue(tok: Token) -> bool:
    return not tok.quote and tok.lower in SPEECH_CUES and tok.lower != "went"


def _noun_head(tok: Token) -> bool:
    if tok.quote:
        return False
    lw = tok.lower
    if tok.is_cap:
        return lw not in FUNCTION_CAPS or lw in PRONOUNS_ALL or lw in TITLE_WORDS
    if not tok.text[:1].isalpha():
        return False
    if lw in NP_STOP or lw in SPEECH_CUES or lw.endswith("ly"):
        return lw in PRONOUNS_ALL
    return not lw.endswith(("ing",)) or lw in ("king",)


_BELIEF_CUES = frozenset(
    "think thinks thought believe believes believed feel feels felt hope hopes hoped fear fears "
    "feared expect expects expected know knows knew want wants wanted".split()
)
_QUESTION_WORDS = frozenset("if whether which what how why who when where about".split())


def _asked_question(text: str, toks: list[Token], i: int, n: int) -> Attribution | None:
    """'when asked by a reporter if that remains his view': the question is attributed,
    to whoever asked it when the text says."""
    m = i + 1
    speaker: tuple[int, int] | None = None
    stext = ""
    if m < n and toks[m].lower == "by":
        r = subject_right(toks, m + 1, n)
        if r is None:
            return None
        speaker, stext = (toks[r[0]].start, toks[r[1]].end), _joined(toks, r[0], r[1], text)
        m = r[1] + 1
    while m < n and m - i <= 4 and toks[m].lower not in _QUESTION_WORDS:
        if toks[m].text in (",", ".", ";", ":") or toks[m].quote:
            return None
        m += 1
    if m >= n or toks[m].lower not in _QUESTION_WORDS or m + 1 >= n:
        return None
    if speaker is None or toks[m].lower == "about":
        return None  # "asked about the plan": a topic; only a question someone put is kept
    e = m + 1
    while e + 1 < n and toks[e + 1].text not in (",", ".", ";", "?", ":") and not toks[e + 1].quote:
        e += 1
    if e - m < 2:
        return None
    att = _make(text, toks, m, e, speaker, stext, toks[i].text, i)
    return replace(att, question=True) if att is not None else None


_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
_ROUGHLY = frozenset("about some nearly almost roughly only just over under fewer more".split())


def _collect_left(toks: list[Token], b: int, lo: int) -> int | None:
    """Start index of the noun phrase whose last token is b."""
    if (
        b - 2 >= lo
        and toks[b].text.isdigit()
        and toks[b - 1].lower in ("in", "out")
        and (toks[b - 2].text.isdigit() or toks[b - 2].lower in _NUMBER_WORDS)
    ):
        # "About three in 10 said …": a share of those asked
        a = b - 2
        if a - 1 >= lo and toks[a - 1].lower in _ROUGHLY:
            a -= 1
        return a
    if b < lo or not _noun_head(toks[b]):
        return None
    if toks[b].lower in PRONOUNS_ALL:
        return b
    a = b
    while a - 1 >= lo and b - a < 12:
        t = toks[a - 1]
        lw = t.lower
        if t.quote:
            break
        if lw in DETERMINERS and (not t.is_cap or a - 1 == lo or lw in ("his", "her", "its")):
            a -= 1  # "the", "Her aides", "Its director"
            break
        if (
            t.text == "."
            and a - 2 >= lo
            and (
                toks[a - 2].lower in ABBREVIATIONS
                or (len(toks[a - 2].text) == 1 and toks[a - 2].text.isupper())  # "James B. Comey"
            )
        ):
            a -= 1
            continue
        if t.text in ("-", "\u2019s", "'s") or lw.endswith(("\u2019s", "'s")):
            a -= 1
            continue
        if (
            lw == "and"
            and a - 2 >= lo
            and (toks[a - 2].lower in ROLE_WORDS or toks[a - 2].lower in TITLE_WORDS)
            and not toks[a - 2].is_cap
        ):
            a -= 1  # "the Florida senator and Republican presidential candidate"
            continue
        if (
            lw in ("of", "for")
            and a - 2 >= lo
            and (
                toks[a - 2].is_cap
                or toks[a - 2].lower in ROLE_WORDS
                or toks[a - 2].lower in TITLE_WORDS
            )
        ):
            a -= 1
            continue
        if t.is_cap:
            if lw in FUNCTION_CAPS and lw not in TITLE_WORDS:
                break
            a -= 1
            continue
        if (
            t.text[:1].isalpha()
            and lw not in NP_STOP
            and lw not in SPEECH_CUES
            and not lw.endswith("ly")
        ):
            a -= 1
            continue
        if t.text[:1].isdigit():
            a -= 1
            continue
        break
    # "Mr. Morgan of the Sierra Club", "the head of the agency"
    if (
        a - 2 >= lo
        and toks[a - 1].lower in ("of", "at")
        and (
            toks[a - 2].is_cap
            or toks[a - 2].lower in ROLE_WORDS
            or (toks[a - 2].text[:1].isalpha() and toks[a - 2].lower not in NP_STOP)
        )
        and b - a < 8
    ):
        outer = _collect_left(toks, a - 2, lo)
        if outer is not None:
            return outer
    if (
        a - 2 >= lo
        and toks[a - 1].lower in ("in", "from")
        and toks[a].is_cap
        and toks[a - 2].lower.endswith("s")
        and toks[a - 2].lower not in NP_STOP
        and toks[a - 2].text[:1].isalpha()
        and (a - 2 == lo or not toks[a - 2].is_cap)
        and b - a < 4
    ):
        # "Traders in Bergen said": the traders speak, not the town
        outer = _collect_left(toks, a - 2, lo)
        if outer is not None:
            return outer
    return a


def _skip_back(toks: list[Token], j: int, lo: int) -> int:
    """Step left over auxiliaries, adverbs and a time phrase between a subject and its verb."""
    while j >= lo:
        lw = toks[j].lower
        if lw in AUX_SKIP or (
            lw.endswith("ly") and not toks[j].is_cap and lw not in ("only", "early")
        ):
            j -= 1
        elif lw in WEEKDAYS and j - 1 >= lo and toks[j - 1].lower == "on":
            j -= 2
        elif lw in ("today", "yesterday", "tonight", "here", "there", "too", "also") or (
            lw in WEEKDAYS and not toks[j].is_cap
        ):
            j -= 1  # "Campaign workers here said …"
        elif lw == "n't" or lw == "not":
            j -= 1
        else:
            break
    return j


_APPOSITION_OPENERS = frozenset("who which whose the a an its his her their".split())


def _apposition_start(toks: list[Token], j: int, lo: int) -> int | None:
    """Index of the comma that opens the apposition closed by the comma at j."""
    k = j - 1
    while k > lo and toks[k].text != "," and not toks[k].quote and j - k < 30:
        k -= 1
    if k <= lo or toks[k].text != ",":
        return None
    opener = k + 1 < j and (
        toks[k + 1].lower in _APPOSITION_OPENERS
        or (toks[k + 1].lower.endswith(("ed", "ing")) and not toks[k + 1].is_cap)
    )
    if j - k >= 12 and not opener:
        return None
    inner = _collect_left(toks, j - 1, k + 1)
    if j - 1 == k + 1 and toks[k + 1].text[:1].isdigit():
        inner = k + 1  # an age: "Quina Jones, 25, said"
    if all(x.is_cap or x.text in ("-", ".") for x in toks[k + 1 : j]):
        inner = k + 1  # a party and state: "Mitch McConnell, R-Ky., said"
    return k if inner == k + 1 or opener else None


def subject_left(toks: list[Token], i: int, lo: int) -> tuple[int, int, int] | None:
    """The subject of the cue at i as (first, head, last) token indices, or None."""
    j = _skip_back(toks, i - 1, lo)
    if j < lo:
        return None
    t = toks[j]
    if t.text == ")":
        k = j
        while k > lo and toks[k].text != "(" and j - k < 8:
            k -= 1
        if toks[k].text == "(" and k - 1 >= lo:
            a = _collect_left(toks, k - 1, lo)
            return (a, k - 1, j) if a is not None else None
        return None
    if t.text == ",":
        # an apposition: "Dmitry Peskov, the Kremlin spokesman, said"; they may be chained:
        # "Sen. Lindsey Graham, R-S.C., a longtime supporter of Ukraine, called"
        last = j - 1
        found: tuple[int, int, int] | None = None
        for _ in range(3):
            opening = _apposition_start(toks, j, lo)
            if opening is None:
                return found
            head = _collect_left(toks, opening - 1, lo)
            if head is not None:
                found = (head, opening - 1, last)
                if toks[head].is_cap or head == lo or toks[head - 1].text != ",":
                    return found
                # "Mark Ellery, head teacher of St Aidan's, one of five schools, said": a role
                # phrase may itself follow the name
                name = _collect_left(toks, head - 2, lo)
                if name is not None and toks[name].is_cap:
                    return (name, head - 2, last)
                j = head - 1
                continue
            j = opening  # the comma that opens this apposition may close another one
        return found
    a = _collect_left(toks, j, lo)
    if a is None:
        return None
    if toks[a].lower == "who" and a - 2 >= lo and toks[a - 1].text == ",":
        return (a, a, a)
    return (a, j, j)


def subject_right(toks: list[Token], i: int, hi: int) -> tuple[int, int] | None:
    """The subject after an inverted cue ("said President Vladimir Putin")."""
    k = i
    if k >= hi:
        return None
    if toks[k].lower in PRONOUNS_ALL - {"who", "which", "it"}:
        return (k, k)
    end = k
    seen_noun = False
    while end < hi and end - k < 12:
        t = toks[end]
        lw = t.lower
        if t.quote or t.text in (",", ";", ":", "(", "\u2014", "\u2013"):
            break
        if t.text == "." and end > k and toks[end - 1].lower in ABBREVIATIONS:
            end += 1
            continue
        if t.text == ".":
            break
        if lw in DETERMINERS and end == k:
            end += 1
            continue
        if lw in ("of", "for") and seen_noun and end + 1 < hi and toks[end + 1].is_cap:
            end += 1
            continue
        if t.text[:1].isdigit() and end == k:
            end += 1
            continue
        if t.is_cap or (
            t.text[:1].isalpha()
            and lw not in NP_STOP
            and lw not in _PREPS
            and lw not in SPEECH_CUES
            and not lw.endswith("ly")
        ):
            if (lw in _PREPS or lw in ("who", "which")) and not (t.is_cap and t.text.isupper()):
                break
            if not t.is_cap and lw.endswith("ed") and lw not in ROLE_WORDS:
                break  # a verb: "Zelensky thanked Washington"
            plural_before = toks[end - 1].lower.endswith("s")
            if seen_noun and not t.is_cap and lw.endswith("ing") and plural_before:
                break  # "said aid agencies working in the valley": not part of the name
            if (
                t.is_cap
                and lw in FUNCTION_CAPS
                and lw not in TITLE_WORDS
                and lw not in PRONOUNS_ALL
            ):
                break
            seen_noun = True
            end += 1
            continue
        break
    if not seen_noun:
        return None
    return (k, end - 1)


def _content_end(toks: list[Token], k: int, hi: int) -> int:
    """Last token index of content that runs from k to the sentence end."""
    e = hi - 1
    while e > k and not toks[e].quote and toks[e].text in ".!?;:\u2026":
        e -= 1
    if toks[k].quote and k + 1 <= e:
        j = k + 2 if toks[k + 1].text == "," else k + 1
        comma = j == k + 2 or toks[k].text.rstrip(QUOTE_MARKS).endswith(",")
        nxt = toks[j] if j <= e else None
        if (
            comma
            and nxt is not None
            and not nxt.is_cap
            and nxt.lower.endswith("ing")
            and nxt.lower not in SPEECH_CUES
        ):
            return k  # 'joked, "You are being ridiculous," drawing jeers': the quotation alone
    return e


_CHANNEL = re.compile(
    r"(?:in an interview (?:with|on)|speaking (?:to|on|with)|in a (?:post|statement|video) on"
    r"|writing in|on (?:Twitter|X|Telegram|Facebook|Truth Social))\b",
    re.I,
)


# "told the Bundestag", "told Northfield District Court": a forum, not an outlet
_FORUMS = frozenset(
    "court tribunal parliament bundestag senate congress assembly committee council commission "
    "jury inquiry hearing board summit conference meeting delegates lawmakers commons lords "
    "cabinet panel".split()
)
_CHANNEL_LEADS = frozenset("interview speaking talking spoke speaks interviewed".split())


def _via_in(toks: list[Token], a: int, b: int) -> str | None:
    """An outlet named in toks[a:b] after on/to/with/in/told ("told Fox News", "on Truth
    Social", "in an interview with the Morning Ledger", "speaking to Nordic radio")."""
    if 0 < a < len(toks) and toks[a - 1].lower == "told":
        a -= 1  # the cue itself: "told the Financial Courier"
    for k in range(a, min(b, len(toks))):
        w = toks[k].lower
        if w in ("on", "to", "with", "in", "via", "told") and k + 1 < b:
            # after "told", "an interview with", "speaking to" the name can only be a channel
            channel = w == "told" or (k > 0 and toks[k - 1].lower in _CHANNEL_LEADS)
            m = k + 1
            keep_the = toks[m].text == "The"  # "The Times" is the paper's name
            if toks[m].lower in ("the", "an", "a"):
                m += 1
            n = m
            while n < b and (toks[n].is_cap or toks[n].lower in ("-",)) and not toks[n].quote:
                n += 1
            if n > m and n < b and toks[n].lower in OUTLET_WORDS and not toks[n].quote:
                n += 1  # "Nordic radio", "Halvik television"
            if n > m:
                words = [t.text for t in toks[m:n]]
                if (
                    any(x.lower() in OUTLET_WORDS for x in words)
                    or n - m >= 2
                    and toks[m].lower in ("truth",)
                    # "told the Financial Courier", "told City Beat" (but "told Anna Berg"
                    # is a person: a given name opens it)
                    or channel
                    and (w != "told" or len(words) > 1 and not _given_name(words[0]))
                    and not any(x.lower() in _FORUMS for x in words)
                ):
                    return ("The " if keep_the else "") + " ".join(words)
    return None


def _given_name(word: str) -> bool:
    return word.lower() in default_aliases().genders


def _joined(toks: list[Token], a: int, b: int, text: str) -> str:
    return text[toks[a].start : toks[b].end]


def find_in_sentence(text: str, s: Sentence) -> list[Attribution]:
    toks = s.tokens
    n = len(toks)
    out: list[Attribution] = []
    asked: list[Attribution] = []
    i = 0
    while i < n:
        t = toks[i]
        if t.lower == "according" and i + 1 < n and toks[i + 1].lower == "to":
            att = _according(text, toks, i, n)
            if att:
                out.append(att)
            i += 2
            continue
        if t.text in ("\u2015", "\u2014", "\u2013") and i > 0 and toks[i - 1].quote:
            r = subject_right(toks, i + 1, n)
            if r is not None and (r[1] + 1 >= n or toks[r[1] + 1].text in (".", ",")):
                sp = (toks[r[0]].start, toks[r[1]].end)
                att = _make(
                    text, toks, i - 1, i - 1, sp, _joined(toks, r[0], r[1], text), t.text, i
                )
                if att:
                    out.append(att)
            i += 1
            continue
        if not (_is_cue(t) or _unknown_cue_after_quote(toks, i, n)):
            i += 1
            continue
        att = _attribution(text, toks, i, n, out)
        if att is None and t.lower in _NAMING:
            att = _naming(text, toks, i, n, out)
        if att is None and t.lower in ("asked", "asking"):
            question = _asked_question(text, toks, i, n)
            if question is not None and not question.direct:
                asked.append(question)  # kept apart: no "…, adding that" should take it
            i += 1
            continue
        if att:
            out.append(att)
            # "…said the case had changed: "We came in with science."" -- the quotation too
            e = next((x for x in range(i, n) if toks[x].end >= att.end), n - 1)
            if (
                not att.content_first
                and e + 2 < n
                and toks[e + 1].text == ":"
                and toks[e + 2].quote
                and att.end <= toks[e + 1].start
            ):
                q = toks[e + 2]
                out.append(replace(att, start=q.start, end=q.end, direct=True))
        i += 1
    out.extend(a for a in asked if not any(b.start < a.end and a.start < b.end for b in out))
    intro = _colon_intro(text, toks, out)
    if intro is not None:
        out.append(intro)
    # "Stacy Baker says she thinks Cruz can win": the belief is part of what she says, once
    out = [
        b
        for b in out
        if not (
            b.speaker is not None
            and b.cue.lower() in _BELIEF_CUES
            and b.speaker_text.lower() in ("he", "she", "they", "we", "i")
            and any(
                a is not b
                and not a.direct
                and a.start <= b.speaker[0]
                and text[a.start : b.speaker[0]].strip().lower() in ("", "that")
                and b.end <= a.end
                for a in out
            )
        )
    ]
    # "…," Merz said, according to FAZ: the outlet is the channel, not a second speaker.
    kept: list[Attribution] = []
    for att in out:
        if att.cue == "according to":
            owner = next(
                (
                    o
                    for o in out
                    if o is not att
                    and o.cue != "according to"
                    and o.cue_pos < att.cue_pos
                    and o.speaker is not None
                    and o.end <= att.cue_pos
                ),
                None,
            )
            if owner is not None and att.speaker is not None and att.content_first:
                named = any(w[:1].isupper() for w in att.speaker_text.split())
                if named:
                    owner.via = owner.via or att.speaker_text
                continue
        kept.append(att)
    return kept


_NAMING = frozenset(
    "call calls called calling describe describes described describing dub dubs dubbed "
    "dubbing brand brands branded branding label labels labeled labelled labeling".split()
)


def _naming(
    text: str, toks: list[Token], i: int, n: int, prev: list[Attribution]
) -> Attribution | None:
    """'Trump called the merger "a terrible deal"', 'calling him "a total stiff"',
    'described his plan as "a work in progress"': the quoted words are the speaker's."""
    q = None
    for m in range(i + 1, min(n, i + 9)):
        tm = toks[m]
        if tm.quote:
            q = m
            break
        if tm.text in (";", ":", ".", "(") or _is_cue(tm) or tm.lower in ("that", "for", "on"):
            return None  # "called for …", "called on …": a different verb
    if q is None or q == i + 1:
        return None
    if any(a.start < toks[q].end and toks[q].start < a.end for a in prev):
        return None
    sub = subject_left(toks, i, 0)
    if sub is not None:
        sa, head, sb = sub
        named = toks[sa].is_cap or toks[head].lower in PRONOUNS_ALL
        if not (named or toks[sa].lower in DETERMINERS):
            return None
        speaker = (
            (toks[sa].start, toks[sb].end)
            if toks[sa].is_cap
            else (toks[head].start, toks[head].end)
        )
        stext = _joined(toks, sa, sb, text)
    elif toks[i].lower.endswith("ing") and i >= 1 and toks[i - 1].text == ",":
        owner = prev[-1] if prev else None
        if owner is not None and owner.speaker is not None:
            speaker, stext = owner.speaker, owner.speaker_text
        else:
            r = _sentence_subject(toks, i)
            if r is None:
                return None
            speaker, stext = (toks[r[0]].start, toks[r[1]].end), _joined(toks, r[0], r[1], text)
    else:
        return None
    return _make(text, toks, i + 1, q, speaker, stext, toks[i].text, i)


_CLAUSE_OPEN = frozenset("that and but so because when while".split())
_INTRO_SKIP = frozenset("as in the words of but and yet so then".split())
_NOT_SPEAKERS = frozenset(
    "sign signs banner banners headline headlines poster posters placard placards slogan "
    "slogans title motto label text inscription caption".split()
)


def _name_runs(toks: list[Token], a: int, b: int) -> list[tuple[int, int]]:
    """Runs of capitalised words in toks[a:b], less function words and headline capitals."""
    runs: list[tuple[int, int]] = []
    x = a
    while x < b:
        t = toks[x]
        if t.is_cap and t.lower not in FUNCTION_CAPS and not (t.text.isupper() and len(t.text) > 3):
            e = x
            while e + 1 < b and toks[e + 1].is_cap and not toks[e + 1].text.isupper():
                e += 1
            runs.append((x, e))
            x = e + 1
        else:
            x += 1
    return runs


def _colon_intro(text: str, toks: list[Token], out: list[Attribution]) -> Attribution | None:
    """'Ruth Aal was blunt: "Fix the trains."' -- a quotation after a colon belongs to the
    one the clause before the colon is about."""
    n = len(toks)
    c = next((x for x in range(1, n - 1) if toks[x].text == ":"), None)
    if c is None or not toks[c + 1].quote or any(t.quote for t in toks[:c]):
        return None
    q = toks[c + 1]
    words = text[q.start : q.end].strip(QUOTE_MARKS + " ").split()
    if len(words) < 3 or not words[0][:1].isupper():
        return None  # a title or a scare-quoted phrase, not a statement
    if any(a.start < q.end and q.start < a.end for a in out):
        return None  # a cue already claims it ('She said: "…"', '"…," she said.')
    if any(_is_cue(t) for t in toks[:c]) or any(t.lower in _NOT_SPEAKERS for t in toks[:c]):
        return None
    f = 0
    while f < c and (toks[f].lower in _INTRO_SKIP or toks[f].text == ","):
        f += 1
    if f >= c:
        return None
    span: tuple[int, int] | None = None
    if toks[f].lower in ("his", "her", "their", "its"):
        span = (f, f)  # "Her verdict on the plan:": the person she is
    else:
        # the clause nearest the colon speaks: "She was upset, so that I changed my answer:"
        last = max(
            (x + 1 for x in range(f, c) if toks[x].text == "," or toks[x].lower in _CLAUSE_OPEN),
            default=f,
        )
        near = subject_right(toks, last, c) if last > f else None
        sub = _sentence_subject(toks, c)  # "In a Fox interview, Trump went further:"
        runs = _name_runs(toks, f, c)
        if near is not None and (
            toks[near[0]].lower in PRONOUNS_ALL or any(near[0] <= x <= near[1] for x, _ in runs)
        ):
            sub = near
        if sub is not None and (
            toks[sub[0]].lower in PRONOUNS_ALL or any(sub[0] <= x <= sub[1] for x, _ in runs)
        ):
            span = sub
        elif runs:
            # "The response from Ole Nes, the port director:", "Trump reportedly yelling:": the
            # name nearest the colon
            span = runs[-1]
    if span is None:
        return None
    a, b = span
    stext = _joined(toks, a, b, text)
    return _make(text, toks, c + 1, c + 1, (toks[a].start, toks[b].end), stext, ":", c)


def _unknown_cue_after_quote(toks: list[Token], i: int, n: int) -> bool:
    """ "…," Oliver barked. / "…," Trump went on: a verb right after "quotation, name" that the
    lexicon does not know is still the cue."""
    t = toks[i]
    if t.is_cap or t.quote or not t.text.isalpha():
        return False
    if t.lower == "went":
        return i + 1 < n and toks[i + 1].lower == "on"
    if not t.lower.endswith("ed") or len(t.lower) < 5:
        return False
    end_ok = i + 1 >= n or toks[i + 1].text in (".", ",", "!", "?") or toks[i + 1].lower in _PREPS
    if not end_ok:
        return False
    # the quotation (its comma inside or after it), then one to four name words
    k = i - 1
    while k >= 0 and i - k <= 4 and (toks[k].is_cap or toks[k].lower in ("he", "she", "they")):
        k -= 1
    if k < 0 or k >= i - 1:
        return False
    return toks[k].quote or (k >= 1 and toks[k].text == "," and toks[k - 1].quote)


_SMALL_WORDS = frozenset("a an the of and in on for to at with".split())


def _is_title(quoted: str) -> bool:
    """'"Good Morning America"', '"Meet the Press"': a name in quotation marks, not words said."""
    words = quoted.strip(QUOTE_MARKS + " ,").split()
    if not words or len(words) > 6 or quoted.rstrip(QUOTE_MARKS + " ")[-1:] in ".!?":
        return False
    capped = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)
    return capped and words[0][:1].isupper()


_OPENING_WORDS = frozenset("because that and but while although though since so when if".split())


def _according(text: str, toks: list[Token], i: int, n: int) -> Attribution | None:
    sub = subject_right(toks, i + 2, n)
    if sub is None:
        return None
    a, b = sub
    if (
        toks[b].lower in _DOCUMENTS | _CHANNEL_NOUNS
        and b + 2 < n
        and toks[b + 1].lower
        in (
            "from",
            "by",
            "of",
        )
    ):
        # "according to a statement from her ministry": the ministry speaks, not the paper
        behind = subject_right(toks, b + 2, n)
        if behind is not None:
            a, b = behind
    # "according to his spokesman, Stefan Kornelius": the name after the comma belongs to it
    if b + 2 < n and toks[b + 1].text == "," and toks[b + 2].is_cap:
        c = b + 2
        while c + 1 < n and toks[c + 1].is_cap:
            c += 1
        if c + 1 >= n or toks[c + 1].text in (".", ",", ";"):
            b = c
    speaker = (toks[a].start, toks[b].end)
    stext = _joined(toks, a, b, text)
    opens = i >= 2 and toks[i - 1].text == "," and toks[i - 2].lower in _OPENING_WORDS
    if i == 0 or (i <= 2 and toks[0].lower in ("but", "and", "yet", "so")) or opens:
        # "…, because, according to Trump, the media would …": what follows is the content
        k = b + 1
        while k < n and toks[k].text == ",":
            k += 1
        if k >= n:
            return None
        e = _content_end(toks, k, n)
        return _make(text, toks, k, e, speaker, stext, "according to", i)
    c = i - 1
    if c >= 1 and toks[c].text == ",":
        e = c - 1
        return _make(text, toks, 0, e, speaker, stext, "according to", i, content_first=True)
    return None


def _make(
    text: str,
    toks: list[Token],
    a: int,
    b: int,
    speaker: tuple[int, int] | None,
    stext: str,
    cue: str,
    cue_pos: int,
    *,
    content_first: bool = False,
    via: str | None = None,
) -> Attribution | None:
    if b < a:
        return None
    start, end = toks[a].start, toks[b].end
    content = text[start:end]
    if len(content.strip(" ,.;:\u2014-" + QUOTE_MARKS)) < 2:
        return None
    direct = any(c in _QCHARS for c in content) or content.startswith("\u2018")
    phrase = None
    if speaker is not None:
        at = text.find(stext, max(0, speaker[0] - len(stext)))
        phrase = (at, at + len(stext)) if at >= 0 else speaker
    return Attribution(
        start, end, direct, speaker, stext, cue, toks[cue_pos].start, via, content_first, phrase
    )


_NOUNISH = frozenset(
    "reports tweets fears comments remarks claims questions charges states calls promises demands "
    "notes hopes posts warnings threats shows findings".split()
)
_NOUN_MARKERS = frozenset(
    "a an the his her its their our my your this these those no any every each another such".split()
)
_LEAD = frozenset("but and yet so then also still".split())


def _sentence_subject(toks: list[Token], i: int) -> tuple[int, int] | None:
    """The subject at the start of the sentence, for "…, adding that" and "… but said"."""
    f = 0
    while f < i and (toks[f].lower in _LEAD or toks[f].text in (",", "\u2014")):
        f += 1
    if f < i and toks[f].lower in _PREPS | {"in", "after", "at"}:
        while f < i and toks[f].text != ",":
            f += 1
        f += 1
    r = subject_right(toks, f, i) if f < i else None
    if r is None:
        # "Speaking in Salem, Trump went after Bush, calling him …": the nearest clause
        # that opens with a name or a pronoun
        commas = [x for x in range(i - 1) if toks[x].text == ","]
        for c in reversed(commas):
            if c + 1 < i and (toks[c + 1].is_cap or toks[c + 1].lower in PRONOUNS_ALL):
                r = subject_right(toks, c + 1, i)
                if r is not None:
                    return r
    return r


_CHANNEL_NOUNS = frozenset("report filing transcript announcement press briefing".split())
_DOCUMENTS = frozenset("statement release letter memo note post tweet tweets message".split())
_ISSUED = frozenset("issued released sent posted published tweeted wrote put".split())


def _verb_phrase_between(toks: list[Token], last: int, i: int) -> bool:
    """A comma-closed stretch before toks[i] that opens with a past-tense verb."""
    k = i - 2
    while k > last and toks[k].text != ",":
        k -= 1
    return k < i - 2 and toks[k + 1].lower.endswith("ed") and not toks[k + 1].is_cap


def _attribution(
    text: str, toks: list[Token], i: int, n: int, prev: list[Attribution]
) -> Attribution | None:
    cue = toks[i].lower
    if toks[i].is_cap:
        return None
    if i > 0 and (
        toks[i - 1].lower in _NOUN_MARKERS or toks[i - 1].lower.endswith(("\u2019s", "'s"))
    ):
        return None  # "a warning", "a written guarantee", "Merz's remarks": nouns
    sub = subject_left(toks, i, 0)
    if (
        sub is not None
        and cue.endswith("ing")
        and i >= 2
        and toks[i - 1].text == ","
        and not toks[sub[0]].is_cap
        and _verb_phrase_between(toks, sub[1], i)
    ):
        # "Brekk, who leads the union, rejected a deal on Monday, saying …": the clause
        # before the participle is the main verb's, not an apposition; its subject speaks
        sub = None
    if sub is not None and cue in _NOUNISH:
        # "initial reports", "his comments": a noun, not a verb
        j = _skip_back(toks, i - 1, 0)
        if not (toks[sub[1]].is_cap or toks[sub[1]].lower in PRONOUNS_ALL) or j != sub[1]:
            return None
    inverted = False
    if (
        sub is None
        and i >= 1
        and (
            (toks[i - 1].text == "," and cue.endswith("ing")) or toks[i - 1].lower in ("and", "but")
        )
    ):
        # "…, adding that …" / "… but said that …": the clause's subject speaks
        owner = prev[-1] if prev else None
        if owner is not None and owner.speaker is not None:
            speaker = owner.speaker
            stext = owner.speaker_text
        else:
            r = _sentence_subject(toks, i)
            if r is None:
                return None
            speaker = (toks[r[0]].start, toks[r[1]].end)
            stext = _joined(toks, r[0], r[1], text)
        after = i + 1
        before = -1
    elif sub is None:
        # inversion after a quotation or clause: "…," said Putin
        if i >= 1 and (toks[i - 1].text == "," or toks[i - 1].quote):
            r = subject_right(toks, i + 1, n)
            if r is None:
                return None
            sa, sb = r
            inverted = True
        else:
            return None
        after = sb + 1
        speaker = (toks[sa].start, toks[sb].end)
        stext = _joined(toks, sa, sb, text)
        before = i - 1
    else:
        sa, head, sb = sub
        if toks[head].lower in _DOCUMENTS and sa >= 2 and toks[sa - 1].lower in _ISSUED:
            # "Black Lives Matter issued a statement saying …": whoever issued it speaks
            issuer = subject_left(toks, sa - 1, 0)
            if issuer is not None:
                sa, head, sb = issuer
        speaker = (toks[head].start, toks[head].end)
        # the whole phrase when it is short and names someone: "Foreign Minister Lavrov"
        if toks[sa].is_cap or toks[sa].lower in DETERMINERS:
            speaker = (toks[sa].start, toks[sb].end)
        stext = _joined(toks, sa, sb, text)
        after = i + 1
        before = sa - 1
    # Content before the speaker: "…," Merz said.  /  Voting fraud is rare, officials say.
    if (
        before >= 0
        and (toks[before].text == "," or toks[before].quote)
        and (before > 0 or toks[before].quote)
    ):
        tail = after
        quote_follows = tail + 1 < n and toks[tail].text == "," and toks[tail + 1].quote
        quoted_left = any(x.quote for x in toks[max(0, before - 3) : before + 1])
        if (
            quoted_left
            or (
                before >= 4
                and not quote_follows
                # "In Berlin, officials said the talks …" has its content after the cue; "In
                # that step, officers may search, officials said." ends with it
                and (toks[0].lower not in _PREPS or tail >= n or toks[tail].text in ".!?")
            )
        ) and _tail_is_adjunct(toks, tail, n, cue, quoted=quoted_left):
            ca, cb = 0, before - (0 if toks[before].quote else 1)
            while ca < cb and (toks[ca].lower in _LEAD or toks[ca].text in ("\u2014", "-", ",")):
                ca += 1
            ext = _continuation(toks, tail, n, is_quote=toks[before].quote)
            if ext is not None:
                cb = ext
            via = _via_in(toks, after, n)
            return _make(
                text, toks, ca, cb, speaker, stext, toks[i].text, i, content_first=True, via=via
            )
    if inverted:
        return None
    # Speaker first: content follows the cue.
    k = after
    limit = min(n, k + 10)
    that_at = None
    colon_stop = None
    if k < n and toks[k].lower in _SUBJECT_PRONOUNS and cue not in ADDRESS_CUES:
        limit = k  # "said he came to see that …": the clause starts at its own subject
    for m in range(k, limit):
        tm = toks[m]
        if tm.quote and _is_title(tm.text) and any(x.lower == "that" for x in toks[m + 1 : m + 4]):
            continue  # 'told ABC's "Good Morning America" that …': a show's name, then the content
        if tm.quote or tm.text in (";",) or (m > k and _is_cue(tm)):
            break
        if tm.lower == "that" and _determiner_that(toks, m, n):
            break  # "rejected that demand within hours"
        if tm.text == ":" and m - k >= 4 and _looks_clausal(toks, k, m):
            colon_stop = m  # "said the testimony had changed the case: "…"" -- two contents
            break
        if tm.lower == "that" or tm.text == ":":
            that_at = m
            break
        if tm.text == "," and m + 1 < n and toks[m + 1].quote:
            that_at = m
            break
        if tm.text == ",":
            break
    via = None
    if that_at is not None and that_at > k:
        via = _via_in(toks, k, that_at)
    if that_at is not None:
        k = that_at + (0 if toks[that_at].lower == "that" else 1)
    else:
        if cue in WEAK_CUES and not (k < n and toks[k].quote):
            # "thinks", "shows": keep only clausal uses ("polls show Clinton leading")
            if k >= n or toks[k].lower in _PREPS or toks[k].text in ".,;":
                return None
        if cue in ADDRESS_CUES and k < n and (toks[k].is_cap or toks[k].lower in _OBJECT_WORDS):
            r = subject_right(toks, k, n)
            if r is not None and r[1] + 1 < n:
                via = _via_in([*toks[:k], Token("to", 0, 0), *toks[k:]], k, r[1] + 2)
                k = r[1] + 1
        while k < n and toks[k].text in (",", ":"):
            k += 1
    if k >= n:
        if n and toks[n - 1].text == ":" and k == n:
            at = toks[n - 1].end
            return Attribution(at, at, True, speaker, stext, toks[i].text, toks[i].start,
                               via, phrase=speaker, pending=True)  # fmt: skip
        return None
    clausal = (
        (toks[k].lower == "that" and not _determiner_that(toks, k, n))
        or (k > 0 and toks[k - 1].text == ":")
        or toks[k].quote
    )
    if cue in CLAUSE_ONLY_CUES and not clausal:
        return None
    if cue.startswith("insist") and toks[k].lower in ("on", "upon"):
        return None  # "insists on a full audit": a demand (a red line), not a statement
    if cue in OBJECT_CUES and not clausal and not _looks_clausal(toks, k, n):
        return None  # "claimed victory", "showed no sign of moving": an act, not speech
    e = _content_end(toks, k, n)
    if colon_stop is not None:
        e = colon_stop - 1
    if stext.lower() in ("who", "which"):
        # "…, which says it speaks for 300 families, wrote …": the relative clause ends first
        for m in range(k + 1, e):
            if toks[m].text == ",":
                e = m - 1
                break
    # "said he makes $41,000 a year and questioned how …": the second verb is not content
    for m in range(k + 2, e):
        if toks[m].lower in ("and", "but") and m + 1 <= e:
            nxt = toks[m + 1]
            if nxt.is_cap:
                continue
            if _is_cue(nxt) or (
                toks[m].lower == "and"
                and nxt.lower.endswith("ed")
                and nxt.lower not in _AUX
                and not any(x.quote for x in toks[k:m])
            ):
                e = m - 1  # "…called the package "a good start" but warned that …"
                break
    # "…, in an interview with the BBC": the channel, not the content
    for m in range(k + 1, e):
        if toks[m].text == "," and _CHANNEL.match(text, toks[m].end + 1 if m + 1 <= e else 0):
            via = via or _via_in(toks, m + 1, e + 1)
            e = m - 1
            break
    if via is None and toks[0].lower in ("speaking", "in", "writing", "talking", "interviewed"):
        comma = next((x for x in range(1, min(i, 12)) if toks[x].text == ","), None)
        if comma is not None:
            via = _via_in(toks, 0, comma)  # "Speaking to The Times, Mel Stride said …"
    # stop before a trailing attribution ("…, he added.") or a participle clause
    for m in range(k + 1, e):
        if toks[m].text == "," and m + 1 <= e:
            nxt = toks[m + 1]
            if (
                nxt.lower == "and"
                and any(_is_cue(x) for x in toks[m + 2 : min(e + 1, m + 6)])
                and (toks[m + 2].lower in PRONOUNS_ALL or toks[m + 2].is_cap)
            ):
                e = m - 1  # "…, and he warned that …" starts a new attribution
                break
            if _trailing_attribution(toks, m + 1, e + 1) or (
                nxt.lower.endswith("ing")
                and not nxt.is_cap
                and nxt.lower not in ("including",)
                and len(nxt.lower) > 5
            ):
                e = m - 1
                break
    return _make(text, toks, k, e, speaker, stext, toks[i].text, i, via=via)


_AUX = frozenset(
    "would will could can should must had has have was were is are did does do may might shall "
    "'s \u2019s 's won't can't didn't wasn't isn't".split()
)
_SUBJ = frozenset("he she they it we i you there this".split())


def _looks_clausal(toks: list[Token], k: int, n: int) -> bool:
    """A bare complement that reads as a clause: a subject pronoun first, or an auxiliary soon."""
    if toks[k].lower in _SUBJ:
        return True
    for t in toks[k : min(n, k + 8)]:
        if t.text in (",", ";"):
            return False
        if t.lower in _AUX or t.quote:
            return True
    return False


def _determiner_that(toks: list[Token], m: int, n: int) -> bool:
    """ "that demand within hours": "that" points at a noun rather than opening a clause."""
    if m + 2 >= n:
        return m + 1 < n and not toks[m + 1].is_cap and toks[m + 1].lower not in _SUBJ
    nxt, after = toks[m + 1], toks[m + 2]
    return (
        not nxt.is_cap
        and nxt.lower not in _SUBJ
        and nxt.lower not in DETERMINERS
        and (after.lower in _PREPS or after.text in (".", ",", ";") or after.lower == "within")
    )


_SUBORDINATORS = frozenset("when while as after before because since though although".split())


_ABOUT = frozenset("in during at of about regarding concerning".split())


def _tail_is_adjunct(toks: list[Token], k: int, n: int, cue: str, *, quoted: bool = False) -> bool:
    """After "…," X said: nothing, a comma, a quotation, or a short adjunct to the end."""
    if k >= n:
        return True
    t = toks[k]
    if t.text == ":":
        return False
    if t.text in (".", ",", "!", "?", ";", "\u2014", "\u2013", "-", "(") or t.quote:
        return True
    if t.lower in _SUBORDINATORS or (t.lower.endswith("ly") and not t.is_cap):
        return True  # "…," Clinton wrote when …  /  "…," she tweeted shortly after …
    if t.lower == "that":
        return False
    # "said in a statement that …", "told Fox that …" introduce content after all
    for m in range(k, min(n, k + 10)):
        if toks[m].lower == "that" or toks[m].text == ":":
            return False
        if toks[m].quote and m > k and toks[m - 1].text in (",", ":"):
            return False
        if toks[m].text in (",", ";"):
            break
    if quoted and t.text[:1].isdigit():
        return True  # '"…," Trump said 30 minutes into the debate.'
    if t.lower in _PREPS or t.lower in _TIME_WORDS or t.lower in _ABOUT:
        return True  # '"…," Grassley said of the offer.': what it was about, not more words
    participle = t.lower.endswith("ing") and not t.is_cap
    if quoted and participle and k > 0 and toks[k - 1].lower[-1:] == "s":
        return True  # '"…," said aid agencies working in the valley.'

    # after a quotation, "told analysts on a call" is the addressee, not new content
    return cue in ADDRESS_CUES and (
        quoted or t.is_cap or t.lower in _OBJECT_WORDS or t.lower in DETERMINERS
    )


def _continuation(toks: list[Token], k: int, n: int, *, is_quote: bool) -> int | None:
    """Index where content resumes after the cue and ends: "…," she said, "second part.\""""
    m = k
    while m < n and toks[m].text != ",":
        if toks[m].quote or toks[m].text in (".", ";", "!", "?"):
            break
        m += 1
    if m >= n or toks[m].text != ",":
        return None
    if m + 1 < n and toks[m + 1].quote:
        e = m + 1
        while e + 1 < n and toks[e + 1].quote:
            e += 1
        return e
    if is_quote or m + 1 >= n:
        return None
    nxt = toks[m + 1]
    lw = nxt.lower
    if (
        lw in _TAIL_BLOCK
        or lw in SPEECH_CUES
        or lw.endswith(("ing", "ed"))
        or lw in _PREPS
        or lw == "according"
    ):
        return None
    if nxt.is_cap:
        return None
    return _content_end(toks, m + 1, n)


def _trailing_attribution(toks: list[Token], a: int, n: int) -> bool:
    """toks[a:n] is "he said" / "said Peskov" / "according to X" / "officials say" only."""
    if a >= n:
        return False
    if toks[a].lower == "according":
        return True
    for m in range(a, min(n, a + 8)):
        if _is_cue(toks[m]) and toks[m].lower not in WEAK_CUES:
            rest = toks[m + 1 : n]
            return (
                all(
                    not r.quote
                    and (
                        r.is_cap
                        or r.lower in _PREPS
                        or r.lower in _TIME_WORDS
                        or r.lower in DETERMINERS
                        or r.text in ".,"
                    )
                    for r in rest[:6]
                )
                and len(rest) <= 8
            )
        if toks[m].quote or toks[m].text in (",", ";"):
            return False
    return False


def colon_turns(text: str, sents: list[Sentence]) -> list[Attribution]:
    """Transcripts and headlines: "PENCE: Well, look …", "Pence: Flowers won't be at debate"."""
    out = []
    for m in re.finditer(r"(?m)^[^\n]+", text):
        line = m.group()
        hit = _NAME_COLON.match(line)
        if not hit:
            continue
        name = hit.group(1)
        words = name.split()
        if name.lower() in _COLON_STOP or words[0].lower() in _COLON_STOP:
            continue
        if any(w.lower() in FUNCTION_CAPS for w in words) and not name.isupper():
            continue
        if len(words) > 2 and not name.isupper():
            continue
        if words[-1].lower() in WEEKDAYS or words[-1].lower().rstrip(".") in MONTHS:
            continue
        s = m.start() + hit.start(1)
        cs = m.start() + hit.end(1) + 1
        while cs < m.end() and text[cs].isspace():
            cs += 1
        ce = m.end()
        while ce > cs and text[ce - 1] in " \t.":
            ce -= 1
        if ce - cs < 3:
            continue
        body = text[cs:ce]
        alpha = re.findall(r"[^\W\d_][\w'\u2019-]*", body)
        if len(alpha) < 3 or "@" in body.split()[0]:
            continue  # a number, a handle or an address: a list entry, not a turn
        caps = sum(w[:1].isupper() for w in alpha)
        if body.count(",") >= 2 and caps > 0.7 * len(alpha):
            continue  # "Iowa: Tim Albrecht, Brad Anderson, …": a list of names
        direct = any(c in _QCHARS for c in body)
        span = (s, s + len(name))
        out.append(Attribution(cs, ce, direct, span, name, ":", s + len(name), phrase=span))
    return out
