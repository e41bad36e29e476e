"""The pipeline: sentences, names, statements, events, red lines, actors."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from briefing.understand._actors import Registry, strip_poss
from briefing.understand._aliases import AliasTable, bundled_alias_table
from briefing.understand._confidence import score as score_confidence
from briefing.understand._events import find_events
from briefing.understand._furniture import blank_furniture
from briefing.understand._language import detect_language
from briefing.understand._lexicon import NEWSPAPER_WORDS, OUTLET_WORDS
from briefing.understand._names import never_an_actor
from briefing.understand._quotes import Attribution, colon_turns, find_in_sentence
from briefing.understand._redlines import find_red_lines
from briefing.understand._sides import affiliations
from briefing.understand._speakers import resolve_speaker
from briefing.understand._text import Sentence, opens_single_quotation, sentences
from briefing.understand.records import Actor, Analysis, Quote

_HANDLED = {"en"}

DateMarks = list[tuple[int, int, str]]  # (start, end, YYYY-MM-DD or YYYY-MM) of each date read


def analyse(
    text: str,
    published: str | None = None,
    *,
    title: str = "",
    source: str = "",
    aliases: AliasTable | None = None,
) -> Analysis:
    """Find actors, quotes, red lines and dated events in an article's text.

    aliases is the alias table to use (see `load_alias_table`); without one, the bundled
    table alone. Store the records with `analyser_version(aliases)`."""
    language = detect_language(f"{title}\n{text}")
    if language not in _HANDLED or not text.strip():
        return Analysis(language=language)
    table = aliases if aliases is not None else bundled_alias_table()
    # Body text only: page furniture (captions, credits, datelines, prompts) blanked by spaces,
    # so the steps read the article's own prose and every offset stays one into the original.
    original, text = text, blank_furniture(text)
    sents = sentences(text)
    registry = Registry(text, sents, table, headline=title)
    attributions = _attributions(text, sents, table)
    marks: DateMarks = []  # filled by find_events: the dates that also date statements
    events = find_events(text, sents, published, marks, original)
    # Resolving speakers registers them in the registry (a lone name that speaks becomes a
    # person, a role or a group that speaks a mention that later pronouns find): each
    # statement sees what the ones before it registered, and the red-line frames and the
    # actors below must see all of it, so they come after.
    quotes = _statements(text, sents, attributions, registry, marks)
    red_lines = find_red_lines(text, sents, quotes, registry)
    actors = _actors(registry, quotes, source)
    found = Analysis(
        language=language, actors=actors, quotes=quotes, red_lines=red_lines, events=events
    )
    # Last: how sure each record is, from what the steps above found (nothing is dropped).
    return _worded_as_published(score_confidence(found, text, marks), original)


def _worded_as_published(found: Analysis, original: str) -> Analysis:
    """Each record's words as the article prints them: a span that runs across blanked
    furniture (a caption inside a long quotation) must not show spaces in its place."""
    found.quotes = [replace(q, text=original[q.start : q.end]) for q in found.quotes]
    found.red_lines = [replace(r, text=original[r.start : r.end]) for r in found.red_lines]
    found.events = [replace(e, text=original[e.start : e.end]) for e in found.events]
    return found


def _attributions(text: str, sents: list[Sentence], table: AliasTable) -> list[Attribution]:
    found: list[Attribution] = []
    for s in sents:
        found.extend(find_in_sentence(text, s, table))
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
            if owner.direct and prev.para == s.para:
                owner.end = s.tokens[0].end
            else:
                # reported speech, or a quotation's next paragraph (a quotation of its own
                # after the one its speaker closed), then a quotation: a record of its own
                q = s.tokens[0]
                owner = replace(owner, start=q.start, end=q.end, direct=True, content_first=False)
                extra.append(owner)
        else:
            owner = None
        prev = s
    found.extend(extra)
    found[:] = sorted((a for a in found if not a.pending), key=lambda a: (a.start, a.end))


def _statements(
    text: str,
    sents: list[Sentence],
    attributions: list[Attribution],
    registry: Registry,
    marks: DateMarks,
) -> list[Quote]:
    """One quote per attribution, in order, its speaker resolved (and registered)."""
    starts = [s.start for s in sents]
    return [_quote(text, a, registry, _quote_date(a, sents, starts, marks)) for a in attributions]


def _quote_date(
    a: Attribution, sents: list[Sentence], starts: list[int], marks: DateMarks
) -> str | None:
    """The date the text gives for the statement: "…," said Putin on 21 November."""
    index = bisect_right(starts, a.cue_pos) - 1  # the sentences are in order, none overlapping
    if index < 0 or not a.cue_pos < sents[index].end:
        return None
    s = sents[index]
    for ms, _me, day in marks:
        if s.start <= ms < s.end and not (a.start <= ms < a.end) and len(day) == 10:
            return day
    return None


_DIRECT_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')


def _quote(text: str, a: Attribution, registry: Registry, day: str | None) -> Quote:
    speaker, span = resolve_speaker(text, a, registry)
    content = text[a.start : a.end]
    return Quote(
        text=content,
        start=a.start,
        end=a.end,
        # Words inside double or guillemet marks (or British single ones). Two apostrophes
        # standing for a quote mark delimit the quotation but, as in PolNeAR's gold, the
        # statement counts as reported.
        direct=not _DIRECT_MARKS.isdisjoint(content) or opens_single_quotation(content),
        speaker=speaker,
        speaker_span=span,
        cue=a.cue,
        via=a.via,
        date=day,
    )


def _named_body(name: str) -> bool:
    """A name of several words that is no place, event, law or work's."""
    return " " in name and not never_an_actor(name)


def _actors(reg: Registry, quotes: list[Quote], source: str = "") -> list[Actor]:
    """The entities that act in the article: not places, not the outlets that carry it."""
    speakers = {q.speaker for q in quotes if q.speaker}
    channels = {q.via for q in quotes if q.via} - speakers
    sides = affiliations(reg)
    out: list[Actor] = []
    for ent in reg.entities.values():
        kind = ent.kind  # speaking lone names were made people while resolving speakers
        if kind == "other" and ent.name in speakers and _named_body(ent.name):
            kind = "organization"  # "according to Amnesty International"
        if kind == "other" or not (ent.acting or ent.name in speakers):
            continue  # "talks in London" names a place; "officials in London said" an actor
        last = ent.name.split()[-1].lower()
        outlet = last in NEWSPAPER_WORDS or last in OUTLET_WORDS
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
                affiliation=sides.get(ent.name),
            )
        )
    return out
