"""Building a storyline's briefing from its articles and their records (pure functions)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from briefing.storylines._model import (
    ActorSummary,
    Briefing,
    Citation,
    EventReport,
    NewItem,
    QuoteGroup,
    QuoteItem,
    RedLineGroup,
    RedLineItem,
    StorylineArticle,
    StorylineSummary,
    SummarySentence,
    TimelineEntry,
)
from briefing.storylines._summary import summarise
from briefing.storylines._text import content_terms, sentence_around, sentences
from briefing.understand.records import Analysis

UNATTRIBUTED = "Unattributed"
_Item = TypeVar("_Item", QuoteItem, RedLineItem)
NEW_ITEMS = 5


@dataclass(frozen=True)
class Member:
    """An article of the storyline as the briefing needs it."""

    article_id: int
    title: str
    url: str
    outlet: str
    published: str | None  # YYYY-MM-DD
    fetched_at: str
    read: bool
    wire_of: int | None
    text: str = ""


def build_briefing(
    summary: StorylineSummary,
    members: Sequence[Member],
    analyses: Mapping[int, Analysis],
    *,
    last_opened: str | None,
) -> Briefing:
    """The briefing of one storyline."""
    members = sorted(members, key=lambda m: (m.published or "", m.article_id))
    by_id = {m.article_id: m for m in members}
    red_lines = _red_lines(members, analyses)
    actors = _actors(members, by_id, analyses)
    return Briefing(
        storyline=summary,
        articles=_articles(members, by_id),
        actors=actors,
        timeline=_timeline(members, analyses),
        quotes=_quotes(members, analyses),
        red_lines=red_lines,
        new_since_last_opened=_new_items(members, by_id, red_lines, last_opened),
        last_opened=last_opened,
        summary=_summary(members, by_id, actors),
    )


def _summary(
    members: Sequence[Member], by_id: Mapping[int, Member], actors: Sequence[ActorSummary]
) -> tuple[SummarySentence, ...]:
    """Two or three of the articles' own sentences: what the story is, what happened last."""
    stories = [m for m in members if _story_of(m, by_id) == m.article_id]
    shared = [a.name for a in actors if a.article_count > 1] or [a.name for a in actors]
    return tuple(
        SummarySentence(text=by_id[i].text[start:end], source=cite(by_id[i], start, end))
        for i, start, end in summarise(stories, shared)
    )


def cite(member: Member, start: int = 0, end: int = 0) -> Citation:
    return Citation(
        article_id=member.article_id,
        url=member.url,
        title=member.title,
        outlet=member.outlet,
        date=member.published,
        start=start,
        end=end,
    )


def _story_of(member: Member, by_id: Mapping[int, Member]) -> int:
    """The first-seen copy of a wire story (the article itself if it is no copy)."""
    seen = set()
    current = member
    while (
        current.wire_of is not None and current.wire_of in by_id and current.article_id not in seen
    ):
        seen.add(current.article_id)
        current = by_id[current.wire_of]
    return current.article_id


def _articles(
    members: Sequence[Member], by_id: Mapping[int, Member]
) -> tuple[StorylineArticle, ...]:
    copies: dict[int, list[Member]] = defaultdict(list)
    for m in members:
        copies[_story_of(m, by_id)].append(m)
    stories = []
    for story_id, group in copies.items():
        head = by_id[story_id]
        stories.append(
            StorylineArticle(
                article_id=head.article_id,
                url=head.url,
                title=head.title,
                outlet=head.outlet,
                date=head.published,
                read=all(m.read for m in group),
                copies=tuple(cite(m) for m in group if m.article_id != story_id),
            )
        )
    stories.sort(key=lambda a: (a.date or "", a.article_id), reverse=True)
    return tuple(stories)


def _actors(
    members: Sequence[Member], by_id: Mapping[int, Member], analyses: Mapping[int, Analysis]
) -> tuple[ActorSummary, ...]:
    kinds: dict[str, str] = {}
    roles: dict[str, dict[str, None]] = defaultdict(dict)
    stories: dict[str, set[int]] = defaultdict(set)
    mentions: dict[str, int] = defaultdict(int)
    for m in members:
        story = _story_of(m, by_id)
        for actor in _analysis(analyses, m).actors:
            kinds.setdefault(actor.name, actor.kind)
            for role in actor.roles:
                roles[actor.name].setdefault(role, None)
            if story not in stories[actor.name]:  # a wire copy does not count twice
                stories[actor.name].add(story)
                mentions[actor.name] += actor.mentions
    result = [
        ActorSummary(
            name=name,
            kind=kinds[name],
            roles=tuple(roles[name]),
            article_count=len(stories[name]),
            mentions=mentions[name],
        )
        for name in kinds
    ]
    result.sort(key=lambda a: (-a.article_count, -a.mentions, a.name))
    return tuple(result)


# --- timeline ---------------------------------------------------------------------------


def _day(value: str) -> int | None:
    """Days since 0001-01-01 for YYYY-MM-DD (YYYY-MM counts as the 15th); None if unreadable."""
    try:
        if len(value) == 7:
            return date.fromisoformat(value + "-15").toordinal()
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _same_event(a: set[str], b: set[str], day_a: int | None, day_b: int | None) -> bool:
    """Two event descriptions that tell of the same happening."""
    shared = len(a & b)
    if not a or not b or shared < 2:
        return a == b and bool(a)
    jaccard = shared / len(a | b)
    overlap = shared / min(len(a), len(b))
    close = day_a is not None and day_b is not None and abs(day_a - day_b) <= 7
    return jaccard >= 0.6 or (close and overlap >= 0.5)


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE_NUMBERS = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b|\b(?:19|20)\d\d\b"
)
_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last)\b",
    re.IGNORECASE,
)


def _facts(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The quantities ("37.10", "27") and ordinals ("second") an event text gives."""
    rest = _DATE_NUMBERS.sub(" ", text)
    numbers = frozenset(n.rstrip(".,") for n in _NUMBER.findall(rest))
    return numbers, frozenset(o.lower() for o in _ORDINAL.findall(text))


def _different_facts(a: str, b: str) -> bool:
    """Two texts that give different figures, or different ordinals, tell of different events."""
    (numbers_a, ordinals_a), (numbers_b, ordinals_b) = _facts(a), _facts(b)
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return True
    return bool(ordinals_a and ordinals_b and not ordinals_a & ordinals_b)


def _timeline(
    members: Sequence[Member], analyses: Mapping[int, Analysis]
) -> tuple[TimelineEntry, ...]:
    groups: list[tuple[set[str], list[EventReport], list[bool]]] = []
    for m in members:  # oldest report first, so each group starts with its earliest report
        for event in _analysis(analyses, m).events:
            terms = set(content_terms(event.text))
            report = EventReport(
                date=event.date, text=event.text, source=cite(m, event.start, event.end)
            )
            day = _day(event.date)
            for group_terms, reports, scheduled in groups:
                if any(r.source.article_id == m.article_id for r in reports):
                    continue  # one article does not report the same event twice
                if _different_facts(event.text, reports[0].text):
                    continue
                if _same_event(terms, group_terms, day, _day(reports[0].date)):
                    reports.append(report)
                    scheduled.append(event.scheduled)
                    group_terms |= terms
                    break
            else:
                groups.append((terms, [report], [event.scheduled]))
    entries = []
    for _terms, reports, scheduled in groups:
        dates = [r.date for r in reports]
        entries.append(
            TimelineEntry(
                date=_consensus_date(dates),
                text=reports[0].text,
                scheduled=all(scheduled),
                reports=tuple(reports),
                dates_conflict=_dates_conflict(dates),
            )
        )
    entries.sort(key=lambda e: (e.date, e.reports[0].source.date or ""))
    return tuple(entries)


def _dates_conflict(dates: Sequence[str]) -> bool:
    """Outlets disagree when two give different days (a bare month agrees with its days)."""
    full = {d for d in dates if len(d) >= 10}
    if len(full) > 1:
        return True
    months = {d[:7] for d in dates}
    return len(months) > 1


def _consensus_date(dates: Sequence[str]) -> str:
    """The date most reports give; on a tie, the earliest report's."""
    full = [d for d in dates if len(d) >= 10] or list(dates)
    counts: dict[str, int] = defaultdict(int)
    for d in full:
        counts[d] += 1
    best = max(counts.values())
    return next(d for d in full if counts[d] == best)


# --- quotes -----------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _quotes(members: Sequence[Member], analyses: Mapping[int, Analysis]) -> tuple[QuoteGroup, ...]:
    items: dict[tuple[str, str], tuple[QuoteItem, list[Citation]]] = {}
    for m in members:
        for q in _analysis(analyses, m).quotes:
            speaker = q.speaker or UNATTRIBUTED
            key = (speaker, _norm(q.text))
            source = cite(m, q.start, q.end)
            if key in items:  # the same words in a wire copy or another outlet
                items[key][1].append(source)
                continue
            item = QuoteItem(
                text=q.text,
                direct=q.direct,
                date=q.date or m.published,
                cue=q.cue,
                via=q.via,
                source=source,
            )
            items[key] = (item, [])
    by_speaker: dict[str, list[QuoteItem]] = defaultdict(list)
    for (speaker, _), (item, also) in items.items():
        by_speaker[speaker].append(_with_also(item, also))
    groups = [
        QuoteGroup(speaker=s, quotes=tuple(sorted(qs, key=lambda q: q.date or "")))
        for s, qs in by_speaker.items()
    ]
    groups.sort(key=lambda g: (g.speaker == UNATTRIBUTED, -len(g.quotes), g.speaker))
    return tuple(groups)


def _with_also(item: _Item, also: Sequence[Citation]) -> _Item:
    return replace(item, also=tuple(also)) if also else item


# --- red lines --------------------------------------------------------------------------

_NEGATION = re.compile(
    r"\b(?:not|no|never|won't|cannot|can't|refuses?|refused|rejects?|rejected|under no"
    r" circumstances|non-negotiable|red line)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"\b(?:only if|unless|provided(?: that)?|as long as|on condition|if|would accept|could"
    r" accept|willing|prepared to|open to|ready to)\b",
    re.IGNORECASE,
)
_CHANGE_CUE = re.compile(
    r"\b(?:no longer|dropp(?:ed|ing)|softened|soften(?:s|ing)?|reversed?|backed down|back down|"
    r"u-turn|climb(?:ed)?[- ]down|shift(?:ed)?|changed (?:its|his|her|their) (?:position|stance)|"
    r"now (?:accepts?|agrees?|says?)|abandon(?:ed|s)?|withdr[ae]w|relent(?:ed|s)?)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d[\d,.]*")


def _stance(text: str) -> str:
    if _CONDITIONAL.search(text):
        return "conditional"
    if _NEGATION.search(text):
        return "refusal"
    return "demand"


def _departs(earlier: RedLineItem, later: RedLineItem) -> bool:
    """`later` is the same holder's position on the same subject, and it is not the same one."""
    a, b = set(content_terms(earlier.text)), set(content_terms(later.text))
    if not a or not b:
        return False
    shared = len(a & b)
    if shared == 0 or shared / min(len(a), len(b)) < 0.25:
        return False
    if shared / len(a | b) >= 0.85:
        return False  # restated, not changed
    numbers_a, numbers_b = set(_NUMBER.findall(earlier.text)), set(_NUMBER.findall(later.text))
    return (
        _stance(earlier.text) != _stance(later.text)
        or bool(numbers_a and numbers_b and numbers_a != numbers_b)
        or bool(_CHANGE_CUE.search(later.text))
    )


def _red_lines(
    members: Sequence[Member], analyses: Mapping[int, Analysis]
) -> tuple[RedLineGroup, ...]:
    items: dict[tuple[str, str], tuple[RedLineItem, list[Citation]]] = {}
    context: dict[tuple[str, str], str] = {}
    for m in members:
        for r in _analysis(analyses, m).red_lines:
            holder = r.holder or UNATTRIBUTED
            key = (holder, _norm(r.text))
            source = cite(m, r.start, r.end)
            if key in items:
                items[key][1].append(source)
                continue
            items[key] = (
                RedLineItem(text=r.text, kind=r.kind, stated=m.published, source=source),
                [],
            )
            if m.text:
                s, e = sentence_around(m.text, r.start, r.end)
                context[key] = m.text[s:e]
    by_holder: dict[str, list[RedLineItem]] = defaultdict(list)
    for key, (item, also) in items.items():
        by_holder[key[0]].append(_with_also(item, also))
    groups = []
    for holder, held in by_holder.items():
        held.sort(key=lambda i: (i.stated or "", i.source.article_id, i.source.start))
        marked: list[RedLineItem] = []
        for i, item in enumerate(held):
            if holder == UNATTRIBUTED:  # nobody's position to change
                marked.append(item)
                continue
            earlier = [
                e
                for e in held[:i]
                if (e.stated or "") < (item.stated or "")
                and e.source.article_id != item.source.article_id
            ]
            cue = _CHANGE_CUE.search(context.get((holder, _norm(item.text)), ""))
            changed_from = next((e.text for e in reversed(earlier) if _departs(e, item)), None)
            if changed_from is None and cue and earlier:
                changed_from = earlier[-1].text
            marked.append(_changed(item, changed_from) if changed_from else item)
        groups.append(
            RedLineGroup(
                holder=holder,
                items=tuple(marked),
                position_changed=any(i.changed_from for i in marked),
            )
        )
    groups.sort(key=lambda g: (g.holder == UNATTRIBUTED, -len(g.items), g.holder))
    return tuple(groups)


def _changed(item: RedLineItem, changed_from: str) -> RedLineItem:
    return replace(item, changed_from=changed_from)


# --- what is new ------------------------------------------------------------------------


def _new_items(
    members: Sequence[Member],
    by_id: Mapping[int, Member],
    red_lines: Sequence[RedLineGroup],
    last_opened: str | None,
) -> tuple[NewItem, ...]:
    """Changed positions first, then each new story's lead, newest first (never opened:
    the latest stories)."""
    heads = [m for m in members if _story_of(m, by_id) == m.article_id]
    if last_opened is None:
        fresh = heads[-3:]
    else:
        fresh = [m for m in heads if m.fetched_at > last_opened]
    fresh_ids = {m.article_id for m in fresh}
    items = [
        NewItem(text=f"{group.holder} changed position: {item.text}", source=item.source)
        for group in red_lines
        for item in group.items
        if item.changed_from and item.source.article_id in fresh_ids
    ][:2]
    for m in reversed(fresh):  # newest first
        if len(items) >= NEW_ITEMS:
            break
        span = _lead(m)
        if span is None:
            items.append(NewItem(text=f"{m.outlet}: {m.title}", source=cite(m)))
        else:
            s, e = span
            items.append(NewItem(text=f"{m.outlet}: {m.text[s:e]}", source=cite(m, s, e)))
    return tuple(items)


def _lead(m: Member) -> tuple[int, int] | None:
    """The article's first sentence: a news lead says what the article adds."""
    spans = sentences(m.text) if m.text else []
    return spans[0] if spans else None


_EMPTY = Analysis(language="")


def _analysis(analyses: Mapping[int, Analysis], m: Member) -> Analysis:
    return analyses.get(m.article_id, _EMPTY)
