"""The pipeline: sentences, names, quotes, red lines, events, actors."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from briefing.understand._actors import Mention, Registry, role_word, strip_poss
from briefing.understand._aliases import AliasTable, default_aliases
from briefing.understand._events import find_events
from briefing.understand._language import detect_language
from briefing.understand._lexicon import OUTLET_WORDS
from briefing.understand._quotes import Attribution, colon_turns, find_in_sentence
from briefing.understand._redlines import find_red_lines
from briefing.understand._text import Sentence, sentences
from briefing.understand.records import Actor, Analysis, Quote

_HANDLED = {"en"}


def analyse(
    text: str,
    published: str | None = None,
    *,
    title: str = "",
    source: str = "",
    aliases: AliasTable | None = None,
) -> Analysis:
    """Find actors, quotes, red lines and dated events in an article's text."""
    language = detect_language(f"{title}\n{text}")
    if language not in _HANDLED or not text.strip():
        return Analysis(language=language)
    table = aliases or default_aliases()
    sents = sentences(text)
    reg = Registry(text, sents, table)
    atts = _attributions(text, sents)
    marks: list[tuple[int, int, str]] = []
    events = find_events(text, sents, published, marks)
    quotes = [_resolve(text, a, reg, _quote_date(a, sents, marks)) for a in atts]
    analysis = Analysis(language=language, quotes=quotes, events=events)
    analysis.red_lines = find_red_lines(text, sents, quotes, reg)
    analysis.actors = _actors(reg, quotes, source)
    return analysis


def _attributions(text: str, sents: list[Sentence]) -> list[Attribution]:
    found: list[Attribution] = []
    for s in sents:
        found.extend(find_in_sentence(text, s))
    turns = colon_turns(text, sents)
    spans = [(a.start, a.end) for a in found]
    for t in turns:
        if not any(s < t.end and t.start < e and (e - s) > (t.end - t.start) for s, e in spans):
            found.append(t)
    found.sort(key=lambda a: (a.start, a.end))
    _merge_continuations(found, sents)
    # one record per content span; the first cue wins
    out: list[Attribution] = []
    for a in found:
        if out and out[-1].start == a.start and out[-1].end == a.end:
            continue
        out.append(a)
    return out


def _pure_quote(s: Sentence) -> bool:
    toks = s.tokens
    return bool(toks) and toks[0].quote and all(t.text in ".!?,;" for t in toks[1:])


def _merge_continuations(found: list[Attribution], sents: list[Sentence]) -> None:
    """ "First," she said. "Second." -- a quotation standing alone continues the one before."""
    owner: Attribution | None = None
    prev: Sentence | None = None
    extra: list[Attribution] = []
    by_sentence: dict[int, list[Attribution]] = {}
    starts = [s.start for s in sents]
    for a in found:
        si = bisect_right(starts, a.cue_pos) - 1
        if si >= 0:
            by_sentence.setdefault(si, []).append(a)
    for si, s in enumerate(sents):
        # a question put to someone ("…, asked about the plan") speaks for no one after it
        own = [a for a in by_sentence.get(si, []) if not a.question]
        if own and not (own[-1].pending and _pure_quote(s)):
            owner = own[-1]
        elif owner is not None and owner.pending and _pure_quote(s):
            # "X said:" and the quotation in the next paragraph
            owner.start, owner.end, owner.pending = s.tokens[0].start, s.tokens[0].end, False
        elif (
            owner is not None
            and prev is not None
            and prev.tokens[-1].text == ":"
            and owner.end <= prev.end
            and _pure_quote(s)
        ):
            # "X said the village had waited long enough:" and then the quotation
            q = s.tokens[0]
            owner = replace(owner, start=q.start, end=q.end, direct=True, content_first=False)
            extra.append(owner)
        elif (
            owner is not None
            and prev is not None
            and _pure_quote(s)
            and (
                prev.para == s.para
                or (owner.direct and s.para_start and owner.end >= prev.start)  # next paragraph
            )
        ):
            if owner.direct:
                owner.end = s.tokens[0].end
            else:
                # reported speech, then a quotation of the same speaker: a record of its own
                q = s.tokens[0]
                owner = replace(owner, start=q.start, end=q.end, direct=True, content_first=False)
                extra.append(owner)
        else:
            owner = None
        prev = s
    found.extend(extra)
    found[:] = sorted((a for a in found if not a.pending), key=lambda a: (a.start, a.end))


def _quote_date(
    a: Attribution, sents: list[Sentence], marks: list[tuple[int, int, str]]
) -> str | None:
    """The date the text gives for the statement: "…," said Putin on 21 November."""
    for s in sents:
        if s.start <= a.cue_pos < s.end:
            for ms, _me, day in marks:
                if s.start <= ms < s.end and not (a.start <= ms < a.end) and len(day) == 10:
                    return day
            return None
    return None


def _resolve(text: str, a: Attribution, reg: Registry, day: str | None) -> Quote:
    speaker: str | None = None
    span = a.speaker
    phrase = a.phrase or a.speaker
    if phrase is not None:
        ptext = text[phrase[0] : phrase[1]]
        low = ptext.lower().strip()
        m = reg.mention_in(phrase[0], phrase[1])
        if m is not None and m.kind == "other" and low.split()[0] in ("the", "a", "an"):
            # "the Republican presidential candidate" is a role; "the steel association
            # Eurofer" ends in a name
            last = reg.mention_in(phrase[1] - 1, phrase[1] + 1) or reg.mention_ending(phrase[1])
            m = last if last is not None and last.end >= phrase[1] else None
        if (
            m is not None
            and m.kind == "other"
            and m.start == phrase[0]
            and " " not in m.name
            and text[m.end : phrase[1]].strip()
            and (
                text[m.end : phrase[1]].strip() == text[m.end : phrase[1]].strip().lower()
                # "Traders in Bergen said": a plural noun opening the sentence, then its place
                or m.name.endswith("s")
                and m.canonical == m.name
                and re.match(r" (?:in|from) (?-i:[A-Z])", text[m.end : phrase[1]]) is not None
            )
            and (
                text[m.end : m.end + 1] == " "
                or text[m.end : m.end + 2] in ("' ", "\u2019 ")  # a plural's possessive
            )
        ):
            # "Dock workers said", "Patients' groups said": a capital that only opens the sentence
            m = None
        elif m is None:
            m = reg.mention_ending(phrase[1])  # "National Commission for Museums and Monuments"
        rw_poss = role_word("the " + low.split()[-1]) if m is not None else None
        if (
            m is not None
            and m.kind != "person"
            and rw_poss
            and text[m.end : m.end + 2] in ("'s", "\u2019s")
        ):
            # "Northfield's mayor", "Nordhaven's chief executive": the person holding the role
            hit = reg.role_before(phrase[0], rw_poss)
            if hit is None and m.kind == "other" and m.start == phrase[0]:
                # no one named holds it: the role itself speaks, and a later "she" is them
                hit = reg.add_role_speaker(phrase[0], phrase[1], ptext, m.sentence)
            m = hit or m
        if m is not None:
            speaker = m.canonical
            span = (m.start, m.end) if span is None else span
            if (
                m.kind == "other"
                and " " not in m.name
                and m.name.lower() not in text
                and m.end >= phrase[1] - 1
            ):
                reg.make_person(m)  # "Blinken told …": whoever speaks is someone
            role = _apposition_role(ptext, m.name)
            if role:
                reg.add_role(m.canonical, role)
        elif low in ("who", "which") and a.phrase is not None:
            # "Northfield Parents for Choice, which says …": the name before the comma
            p = _antecedent(text, reg, phrase[0])
            if p is not None:
                speaker = p.canonical
        elif low in ("he", "she", "i", "we", "him", "her"):
            p = reg.person_before(phrase[0], low, skip=(a.start, a.end))
            if p is not None:
                speaker = p.canonical
                reg.note_gender(p.canonical, low)
        elif low in ("it", "they"):
            o = reg.actor_before(phrase[0], ("organization", "country"))
            plural = reg.last_group() if low == "they" else None
            if plural is not None and (o is None or o.start < plural[0]) and plural[0] < phrase[0]:
                speaker = plural[1]  # "Aid agencies said …", then "they said"
            elif o is not None:
                speaker = o.canonical
        elif low.split()[0] in ("his", "her") and len(low.split()) <= 3:
            # "her aides", "his spokesman": the person they speak for
            p = reg.person_before(phrase[0], low.split()[0])
            speaker = p.canonical if p is not None else ptext
        else:
            rw = role_word(ptext)
            hit = reg.role_before(phrase[0], rw, ptext) if rw else None
            group = _GROUP_SPEAKER.match(low)
            if hit is not None and _SUCCESSOR.search(low):
                roles = reg.roles_of(hit)
                if re.search(r"\b(?:outgoing|former|ex-|departing|retiring)", roles):
                    hit = None  # the governor-designate is not the outgoing governor
            if hit is None and rw and ("'s " in low or "\u2019s " in low or low.startswith("its ")):
                hit = reg.person_before(phrase[0])  # "the council's chairman": the one in view
            if hit is not None:
                speaker = hit.canonical
            elif group is not None and (org := reg.org_named(phrase[0], group.group(1))):
                speaker = org.canonical
            else:
                canon = reg.canonical_of(ptext)
                speaker = canon[0] if canon else ptext
                if canon is None and not rw and low.split()[-1].endswith("s"):
                    reg.note_group(phrase[0], ptext)  # a plural group a later "they" means
            if (
                rw
                and speaker
                and low.startswith("the ")
                and (hit is None and speaker == ptext or hit is not None and _fits(reg, hit, low))
            ):
                # "the governor-designate said …", then "she said": the role's holder is the
                # latest person in view, not someone named between
                reg.note_role_holder(phrase[0], phrase[1], ptext, speaker)
    content = text[a.start : a.end]
    return Quote(
        text=content,
        start=a.start,
        end=a.end,
        # Words inside double or guillemet marks (or British single ones). Two apostrophes
        # standing for a quote mark delimit the quotation but, as in PolNeAR's gold, the
        # statement counts as reported.
        direct=any(c in _DIRECT_MARKS for c in content) or content.startswith("\u2018"),
        speaker=speaker,
        speaker_span=span,
        cue=a.cue,
        via=a.via,
        date=day,
    )


_DIRECT_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')
_OUTLETS = frozenset(
    "post times news journal tribune herald gazette ledger dispatch courier chronicle observer "
    "wire telegraph guardian review daily weekly magazine reuters ap afp bloomberg".split()
)
_GROUP_SPEAKER = re.compile(
    r"^(?:the|its) (board|company|firm|group|union|party|authority|council|court|commission|"
    r"ministry|bank|museum|fund|alliance|airline|agency|regulator|government|campaign)\b"
)


_SUCCESSOR = re.compile(r"-(?:designate|elect)\b|\b(?:new|incoming)\b")


def _fits(reg: Registry, hit: Mention, phrase: str) -> bool:
    """Every word of "the Ukrainian president" is in the roles of the person found for it."""
    roles = reg.roles_of(hit)
    words = [w for w in re.findall(r"[\w'\u2019]+", phrase) if w not in ("the", "new")]
    return all(w in roles for w in words)


def _antecedent(text: str, reg: Registry, pos: int) -> Mention | None:
    for m in reversed(reg.mentions):
        if m.end <= pos:
            return m if not text[m.end : pos].strip(" ,").strip() or pos - m.end < 60 else None
    return None


def _apposition_role(phrase: str, name: str) -> str:
    """ "Dmitry Peskov, the Kremlin spokesman" -> "Kremlin spokesman"."""
    rest = phrase.split(",", 1)
    if len(rest) == 2 and name in rest[0]:
        words = rest[1].strip().split()
        if words and words[0].lower() in ("who", "which", "whose", "whom"):
            return ""  # a relative clause, not a role
        if words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        return " ".join(words).strip(", ")
    return ""


def _actors(reg: Registry, quotes: list[Quote], source: str = "") -> list[Actor]:
    speakers = {q.speaker for q in quotes if q.speaker}
    channels = {q.via for q in quotes if q.via} - speakers
    out: list[Actor] = []
    for ent in reg.entities.values():
        kind = ent.kind  # speaking lone names were made people while resolving speakers
        if kind == "other" or not (ent.acting or ent.name in speakers):
            continue  # "talks in London" names a place; "officials in London said" an actor
        last = ent.name.split()[-1].lower()
        outlet = last in _OUTLETS or last in OUTLET_WORDS
        if kind == "organization" and outlet and ent.name not in speakers:
            continue  # a newspaper that only carries the news is not an actor in it
        if ent.name in channels:
            continue  # "told Harbour Beat": the channel, not someone in the story
        if source and ent.name.lower() in (source.lower(), f"the {source.lower()}"):
            continue  # the outlet that published the article
        out.append(
            Actor(
                name=ent.name,
                kind=kind,  # type: ignore[arg-type]
                aliases=tuple(sorted(a for a in ent.aliases if strip_poss(a) != ent.name)),
                roles=tuple(ent.roles),
                mentions=len(ent.spans),
                spans=tuple(ent.spans),
            )
        )
    return out
