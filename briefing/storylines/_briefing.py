"""Building a storyline's briefing from its articles and their records (pure functions)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TypeVar

from briefing.storylines._cast import Cast, cast_of
from briefing.storylines._gate import (
    QUOTE_SHOWN_CONFIDENCE,
    SHOWN_CONFIDENCE,
    SHOWN_KINDS,
    after_credit,
    caption_paragraph,
    condition_alone,
    content_of_noun,
    cut_short,
    described_body,
    event_statement,
    final_offer,
    framed,
    from_a_work,
    garbled_name,
    holds_no_position,
    in_relative_clause,
    lone_group,
    main_clause_part,
    misnamed_speaker,
    named_as_modifier,
    named_then_relative,
    opens_pointing_back,
    outlet_name,
    points_elsewhere,
    product_name,
    pronoun_without_antecedent,
    quote_statement,
    red_line_statement,
    set_aside,
    shown_wording,
    subject_before,
    tag_inside,
    they_without_antecedent,
    weak_pronoun_speaker,
    without_dateline,
)
from briefing.storylines._happening import (
    another_year,
    cut_mid_list,
    day_span,
    doubtful_happening,
    one_article_one_day,
    one_deed,
    overnight,
    relative_day,
    said_day_only,
    same_happening,
    two_days,
)
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
    date_order,
)
from briefing.storylines._summary import summarise
from briefing.storylines._text import (
    STOPWORDS,
    content_terms,
    sentences,
    stem,
    words,
)
from briefing.understand.records import Analysis, Event, Quote, RedLine

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
    # Same-day reports in an order their ids do not decide: ids follow the order feeds
    # answered in, and the first report of a happening gives its row's words.
    members = sorted(members, key=lambda m: (m.published or "", m.url, m.title, m.article_id))
    by_id = {m.article_id: m for m in members}
    cast = cast_of(a for m in members for a in _analysis(analyses, m).actors)
    red_lines = _red_lines(members, analyses, cast)
    actors = _actors(members, by_id, analyses, cast)
    return Briefing(
        storyline=summary,
        articles=_articles(members, by_id),
        # The actor bar: who can act, speak or demand (places and things stay out).
        actors=tuple(a for a in actors if a.kind in SHOWN_KINDS),
        timeline=_timeline(members, analyses),
        quotes=_quotes(members, analyses, cast),
        red_lines=red_lines,
        new_since_last_opened=_new_items(members, by_id, red_lines, last_opened),
        last_opened=last_opened,
        summary=_summary(members, by_id, actors),
        unread_articles=tuple(sorted(m.article_id for m in members if not m.read)),
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
    members: Sequence[Member],
    by_id: Mapping[int, Member],
    analyses: Mapping[int, Analysis],
    cast: Cast,
) -> tuple[ActorSummary, ...]:
    """Every actor once under the name the cast gives it, whatever each article called it."""
    kinds: dict[str, str] = {}
    roles: dict[str, dict[str, None]] = defaultdict(dict)
    stories: dict[str, set[int]] = defaultdict(set)
    mentions: dict[str, int] = defaultdict(int)
    sides: dict[str, Counter[str]] = defaultdict(Counter)
    for m in members:
        story = _story_of(m, by_id)
        seen: set[str] = set()
        for actor in _analysis(analyses, m).actors:
            name = cast.name(actor.name)
            kinds.setdefault(name, cast.kind(actor.name))
            for role in actor.roles:
                roles[name].setdefault(role, None)
            if actor.affiliation:
                sides[name][cast.name(actor.affiliation)] += 1
            if story not in stories[name] or name in seen:  # a wire copy does not count twice
                stories[name].add(story)
                seen.add(name)
                mentions[name] += actor.mentions
    result = [
        ActorSummary(
            name=name,
            kind=kinds[name],
            roles=tuple(roles[name]),
            article_count=len(stories[name]),
            mentions=mentions[name],
            affiliation=_side(name, sides[name]),
        )
        for name in kinds
    ]
    result.sort(key=lambda a: (-a.article_count, -a.mentions, a.name))
    return tuple(result)


def _side(name: str, sides: Counter[str]) -> str | None:
    """The side most articles tie the actor to (the person follows across the storyline:
    "Kremlin spokesman" in one article, "its spokesman" in the next)."""
    found = [(n, side) for side, n in sides.items() if side != name]
    return max(found)[1] if found else None


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


@lru_cache(maxsize=4096)
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


@dataclass
class _Happening:
    """Reports of one happening gathered so far, and whether each reads as a statement."""

    terms: set[str]
    reports: list[EventReport]
    scheduled: list[bool]
    shown: list[bool]


def _timeline(
    members: Sequence[Member], analyses: Mapping[int, Analysis]
) -> tuple[TimelineEntry, ...]:
    happenings: list[_Happening] = []
    late = _late(members)
    for m in members:  # oldest report first, so each group starts with its earliest report
        events = _analysis(analyses, m).events
        for report, scheduled, shown in _event_reports(m, events, late=m.article_id in late):
            terms = set(content_terms(report.text))
            day = _day(report.date)
            best, score = None, 0.0
            for h in happenings:
                if _same_date(report.date, scheduled, terms, h):
                    same = True
                elif any(r.source.article_id == m.article_id for r in h.reports):
                    # Told twice in one article: the same words, within a day.
                    same = _same_twice(terms, h.terms, day, _day(h.reports[0].date))
                else:
                    same = (
                        _same_event(terms, h.terms, day, _day(h.reports[0].date))
                        and not _two_days_apart(report, h.reports[0])
                    ) or _told_elsewhere(report, scheduled, h)
                if same and not _different_facts(report.text, h.reports[0].text):
                    # The happening told in the most similar words, not the first that fits.
                    fit = len(terms & h.terms) / max(1, len(terms | h.terms))
                    if best is None or fit > score:
                        best, score = h, fit
            if best is None:
                happenings.append(_Happening(terms, [report], [scheduled], [shown]))
            else:
                best.reports.append(report)
                best.scheduled.append(scheduled)
                best.shown.append(shown)
                best.terms |= terms
    entries = [_entry(h) for h in _retold(happenings)]
    entries.sort(key=lambda e: (date_order(e.date), e.reports[0].source.date or ""))
    return tuple(entries)


def _two_days_apart(a: EventReport, b: EventReport) -> bool:
    """Each names its weekday, not the same, more than a day apart: two happenings (a day
    apart in the same words, outlets may disagree about one happening's date)."""
    day_a, day_b = _day(a.date), _day(b.date)
    far = day_a is None or day_b is None or abs(day_a - day_b) > 1
    return far and two_days(a.text, b.text, a.date, b.date)


def _told_elsewhere(report: EventReport, scheduled: bool, h: _Happening) -> bool:
    """The happening told by another outlet in other words (see `same_happening`)."""
    return any(
        was_scheduled == scheduled
        and r.source.article_id != report.source.article_id
        and same_happening(report.text, r.text, report.date, r.date)
        for r, was_scheduled in zip(h.reports, h.scheduled, strict=True)
    )


def _shown_first(h: _Happening) -> EventReport:
    """The report whose words a happening's row shows."""
    return h.reports[next((i for i, ok in enumerate(h.shown) if ok), 0)]


def _retold(happenings: list[_Happening]) -> list[_Happening]:
    """Happenings gathered apart whose rows tell one happening in other words ("Scores of
    people were killed when a truck plowed into the crowd", "the driver plowed a heavy truck
    into crowds") become one: the later joins the earlier."""
    kept: list[_Happening] = []
    for h in happenings:
        row = _shown_first(h)
        for k in kept:
            first = _shown_first(k)
            if (
                all(k.scheduled) == all(h.scheduled)
                and (
                    same_happening(first.text, row.text, first.date, row.date)
                    or _one_article_one_day(k, h)
                )
                and not _different_facts(first.text, row.text)
            ):
                k.reports += h.reports
                k.scheduled += h.scheduled
                k.shown += h.shown
                k.terms |= h.terms
                break
        else:
            kept.append(h)
    return kept


def _one_article_one_day(k: _Happening, h: _Happening) -> bool:
    """Two happenings one article tells on one same day, naming one same actor (see
    `one_article_one_day`)."""
    if any(k.scheduled) or any(h.scheduled):
        return False
    return any(
        a.source.article_id == b.source.article_id
        and len(a.date) >= 10
        and a.date == b.date
        and (one_article_one_day(a.text, b.text) or one_deed(a.text, b.text))
        for a in k.reports
        for b in h.reports
    )


# Words that place a report in time say nothing of what happened ("earlier this month").
_TIME_WORDS = frozenset(
    "earlier later early late month week year day days night morning afternoon evening today"
    " tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday"
    " next last previously".split()
)


def _same_date(when: str, scheduled: bool, terms: set[str], h: _Happening) -> bool:
    """One storyline's happening told on one date in other words: a plan for the same date
    naming one same thing ("Chang'e 4 will launch in June", "the first component of Chang'e 4
    is scheduled to lift off in June"), or four content words in common on the same day."""
    if when != h.reports[0].date:
        return False
    shared = len((terms & set(content_terms(h.reports[0].text))) - _TIME_WORDS)
    return shared >= 4 or (scheduled and all(h.scheduled) and shared >= 1)


def _same_twice(a: set[str], b: set[str], day_a: int | None, day_b: int | None) -> bool:
    if not a or not b or day_a is None or day_b is None or abs(day_a - day_b) > 1:
        return False
    return len(a & b) / len(a | b) >= 0.6


def _entry(h: _Happening) -> TimelineEntry:
    """One row: the earliest report that reads as a statement gives the words; the date is the
    one most reports give."""
    # A report whose only day is that of a closing saying ("…, police said Wednesday") gives
    # the words and the date only when no other does.
    said = [said_day_only(r.text) for r in h.reports]
    # A doubtful report's date (a sub-clause's, another day's) does not outvote the others.
    counted = [i for i in range(len(h.reports)) if h.shown[i] or not any(h.shown)]
    days = [i for i in counted if len(h.reports[i].date) >= 10]
    dates = [h.reports[i].date for i in days if not said[i]] or [
        h.reports[i].date for i in (days or counted)
    ]
    when = _consensus_date(dates)
    best = min(
        range(len(h.reports)),
        key=lambda i: (not h.shown[i], h.reports[i].date != when, said[i], i),
    )
    order = [best, *(i for i in range(len(h.reports)) if i != best)]
    reports = [h.reports[i] for i in order]
    return TimelineEntry(
        date=when,
        text=reports[0].text,
        scheduled=all(h.scheduled),
        reports=tuple(reports),
        # Nor does it, or a saying a day or two after what another report dates, disagree.
        dates_conflict=_dates_conflict(
            [h.reports[i] for i in counted if not (said[i] and _said_after(h.reports[i], dates))]
        ),
        uncertain=not any(h.shown),
    )


def _said_after(report: EventReport, dates: Sequence[str]) -> bool:
    """A saying dated a day or two after a day another report gives (told the day after)."""
    said = _day(report.date)
    return said is not None and any(
        len(d) >= 10 and (day := _day(d)) is not None and 0 < said - day <= 2 for d in dates
    )


# A clause the sentence around it completes ("killing dozens …" in "A truck drove into the
# crowd, killing dozens …") was doubted for lacking its subject; its sentence has one.
WIDENED_RELIEF = 0.5
LONGEST_ROW = 60  # words: a longer sentence is a paragraph, not a timeline row


# An article dated this many days after every other outlet's article of its storyline: its
# date is likely when it was stored or updated, not when it was written.
LATE_DAYS = 7


def _late(members: Sequence[Member]) -> frozenset[int]:
    """Articles whose date is weeks after every other outlet's (an outlet that dates its
    articles when it last touched them): their "Monday" or "this week" is no sure day."""
    out = set()
    for m in members:
        mine = _day(m.published or "")
        others = [_day(o.published or "") for o in members if o.outlet != m.outlet]
        known = [d for d in others if d is not None]
        if mine is not None and known and mine - max(known) > LATE_DAYS:
            out.add(m.article_id)
    return frozenset(out)


def _event_reports(
    m: Member, events: Sequence[Event], *, late: bool = False
) -> list[tuple[EventReport, bool, bool]]:
    """Each event of an article as a report: (report, scheduled, shown by default). A clause
    that is no statement alone is shown as its whole sentence when that sentence holds no other
    event; one sentence read twice (two dates for one clause) is one report."""
    out: list[_Read] = []
    for event in events:
        start, end, text = event.start, event.end, event.text
        threshold = SHOWN_CONFIDENCE
        ok = event_statement(text)
        if not ok and m.text:
            s, e = _sentence(m.text, start, end)
            sentence = without_dateline(m.text[s:e].strip())
            s = e - len(sentence)
            alone = not any(
                o.start < e and s < o.end and o.text != event.text for o in events if o is not event
            )
            if (
                alone
                and main_clause_part(text, m.text[max(0, s) : start])
                and len(words(sentence)) <= LONGEST_ROW
                and event_statement(sentence)
            ):
                start, end, text, ok = s, s + len(sentence), sentence, True
                threshold *= WIDENED_RELIEF
        ok = ok and event.confidence >= threshold
        report = EventReport(date=event.date, text=text, source=cite(m, start, end))
        item = (report, event.scheduled, ok, event.confidence)
        i = next((i for i, k in enumerate(out) if _same_clause(k[0].source, report.source)), None)
        if i is None:
            out.append(item)
        else:
            out[i] = _one_clause(out[i], item)
    # Whether the words tell a happening on their date is judged once the clause has its words
    # and its date (one clause read twice takes the longer words and the better date).
    return [
        (r, scheduled, ok and not _doubted(m, r, scheduled) and not (late and relative_day(r.text)))
        for r, scheduled, ok, _c in out
    ]


def _doubted(m: Member, report: EventReport, scheduled: bool) -> bool:
    if not m.text:
        return False
    start = report.source.start
    before = m.text[_sentence(m.text, start, report.source.end)[0] : start]
    paragraph = m.text[m.text.rfind("\n", 0, start) + 1 : start]
    after = m.text[report.source.end : report.source.end + 80]
    if cut_mid_list(report.text, after):
        return True
    return doubtful_happening(
        report.text,
        before,
        report.date,
        m.published,
        scheduled,
        written_overnight=overnight(m.text),
    ) or another_year(report.text, report.date, paragraph)


_Read = tuple[EventReport, bool, bool, float]  # a report, scheduled, shown, confidence


def _same_clause(a: Citation, b: Citation) -> bool:
    """Two spans of one article that are mostly the same words (one clause read twice)."""
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > 0 and overlap >= 0.6 * min(a.end - a.start, b.end - b.start)


def _one_clause(held: _Read, new: _Read) -> _Read:
    """One clause read twice: the longer words, and the date of the better reading."""
    dated = new if _better_date(new[0], new[3], held) else held
    worded = new if len(new[0].text) > len(held[0].text) else held
    report = replace(worded[0], date=dated[0].date)
    return (report, dated[1], worded[2], max(held[3], new[3]))


def _better_date(report: EventReport, confidence: float, held: _Read) -> bool:
    """Of two dates read for one clause, the one the clause writes out (a day of the month or
    a month's name) wins, then the more confident reading."""
    return (_written(report), confidence) > (_written(held[0]), held[3])


def _written(report: EventReport) -> bool:
    try:
        day = date.fromisoformat(report.date[:10]) if len(report.date) >= 10 else None
    except ValueError:
        return False
    if day is None:
        return False
    return bool(
        re.search(rf"\b{day.day}(?:st|nd|rd|th)?\b", report.text)
        and day.strftime("%B") in report.text
    )


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _dates_conflict(reports: Sequence[EventReport]) -> bool:
    """Outlets disagree about the date: two reports that name different days. A weekday, or a
    day's difference, read against the publication dates of outlets in other time zones is
    no disagreement, nor is a month with a day of it."""
    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            if _disagree(a, b):
                return True
    return False


def _disagree(a: EventReport, b: EventReport) -> bool:
    span_a, span_b = day_span(a.date), day_span(b.date)
    if span_a is None or span_b is None:
        return False
    gap = max(span_a[0], span_b[0]) - min(span_a[1], span_b[1])
    if gap <= 0:
        return False
    if a.source.date == b.source.date:
        return True  # read against one day, two dates: the outlets say different things
    days_a = {d.lower() for d in _WEEKDAY.findall(a.text)}
    days_b = {d.lower() for d in _WEEKDAY.findall(b.text)}
    if days_a and days_a == days_b:
        return False  # one weekday, resolved against two publication dates
    return gap > 1 or bool(days_a and days_b)


def _consensus_date(dates: Sequence[str]) -> str:
    """The date most reports give; on a tie, the first report's."""
    full = [d for d in dates if len(d) >= 10] or list(dates)
    counts: dict[str, int] = defaultdict(int)
    for d in full:
        counts[d] += 1
    best = max(counts.values())
    return next(d for d in full if counts[d] == best)


# --- quotes -----------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass
class _Copy:
    """One article's record of a quote or a red line, as the briefing weighs it."""

    who: str | None  # the speaker or holder, under the cast's name
    text: str  # as shown
    confidence: float
    shown: bool  # a statement by itself, from someone the reader knows
    source: Citation
    tokens: frozenset[str]
    record: Quote | RedLine
    side: str | None = None  # the body a speaker who is a person speaks for, when told


def _near_copy(a: frozenset[str], b: frozenset[str]) -> bool:
    """Near-identical words: most words shared, or the shorter one nearly all inside the other
    (one outlet trims a quote another gives whole)."""
    if not a or not b:
        return False
    shared = len(a & b)
    small = min(len(a), len(b))
    return shared / len(a | b) >= 0.7 or (small >= 6 and shared / small >= 0.9)


# A fragment the reporter quotes inside his own words: "would face 'fire and fury' if …".
_QUOTED = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]|(?<![\w\u2019'])[\u2018']([^\u2018\u2019']+)[\u2019'](?!\w)"
)


@lru_cache(maxsize=8192)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _norm(text).split())


@lru_cache(maxsize=8192)
def _quoted_fragments(text: str) -> tuple[tuple[str, ...], ...]:
    """The words the row quotes inside a paraphrase (none for a quotation shown whole)."""
    text = text.strip()
    return tuple(
        _stems(m.group(1) or m.group(2) or "")
        for m in _QUOTED.finditer(text)
        if m.start() > 0 or m.end() < len(text) - 1
    )


def _runs(a: Sequence[str], b: Sequence[str]) -> list[set[str]]:
    """The runs of words `a` and `b` share, each as its set of words."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [set(a[m.a : m.a + m.size]) for m in matcher.get_matching_blocks() if m.size >= 2]


@lru_cache(maxsize=8192)
def _distinctive(text: str) -> frozenset[str]:
    """The stems of the content words written in lower case somewhere in the text: a
    statement's own words, not the names every row of the storyline repeats."""
    return frozenset(
        stem(w)
        for w in re.findall(r"\w+", text)
        if w.islower() and len(w) >= 3 and w not in STOPWORDS and stem(w) not in STOPWORDS
    )


def _same_statement(a: _Copy, b: _Copy) -> bool:
    """One speaker's statement told twice in other words: the two rows share a run of
    distinctive words that says most of the shorter row ("had threatened to derail her
    career"), or a fragment one of them quotes ("would face 'fire and fury' if …") is said in
    the other, more than half of its words, two of them in a row."""
    if a.who is None or b.who is None or (a.who != b.who and not _body_and_person(a, b)):
        return False
    if a.who == b.who and isinstance(a.record, RedLine) and _same_rebuff(a.text, b.text):
        return True
    own = _distinctive(a.text) | _distinctive(b.text)
    sa, sb = _stems(a.text), _stems(b.text)
    if len(own.intersection(sa, sb)) < 2:
        return False  # every way below needs two of the statement's own words in both
    small = min(len(own.intersection(sa)), len(own.intersection(sb)))
    if a.who != b.who:
        # a body and the person speaking for it ("British Transport Police" and its chief
        # superintendent) telling one statement: most of the shorter row's own words in a row
        return any(len(run & own) >= max(3, small * 0.6) for run in _runs(sa, sb))
    runs = _runs(sa, sb)
    if any(len(run & own) >= max(3, small / 2) for run in runs):
        return True
    # or cut in pieces ("the trains 'bumped into each other' Wednesday but didn't derail"):
    # most of the shorter row's own words, in runs of two words or more
    pieces = set().union(*runs) & own
    if len(pieces) >= max(3, small * 0.7):
        return True
    quoted = [(f, sb) for f in _quoted_fragments(a.text)]
    quoted += [(f, sa) for f in _quoted_fragments(b.text)]
    for fragment, other in quoted:
        said = set(fragment) & own
        if len(said & set(other)) > len(said) / 2 and any(
            len(run & own) >= 2 for run in _runs(fragment, other)
        ):
            return True
    return False


# One holder turning down a bid, told in other words by each outlet ("the board rejected the
# earlier offer", "has rejected the tie-up", "rejected the original acquisition approach"):
# one refusal, whatever each outlet calls the bid.
_REBUFF = re.compile(
    r"\b(reject|refus|oppos|rebuff|spurn|turn(?:s|ed|ing)? down)\w*\s+"
    r"(?:[\w'\u2019$.,-]+\s+){0,6}?"
    r"(?:offer|bid|approach|proposal|tie-up|deal|takeover|merger|overture|advances)s?\b",
    re.IGNORECASE,
)


def _same_rebuff(a: str, b: str) -> bool:
    found_a, found_b = _REBUFF.search(a), _REBUFF.search(b)
    return (
        found_a is not None
        and found_b is not None
        and stem(found_a.group(1).lower()) == stem(found_b.group(1).lower())
    )


def _body_and_person(a: _Copy, b: _Copy) -> bool:
    """One row's speaker is a person who speaks for the other row's speaker."""
    return (a.side is not None and a.side == b.who) or (b.side is not None and b.side == a.who)


def _retells(c: _Copy, group: Sequence[_Copy]) -> bool:
    """`c` tells the group's statement in other words, and no member says something else (a
    long row holding two statements does not join them)."""
    return all(_near_copy(c.tokens, o.tokens) or _same_statement(c, o) for o in group)


def _gather(copies: Sequence[_Copy], *, same_who: bool) -> list[list[_Copy]]:
    """Copies of one statement together (of one speaker or holder when `same_who`): the same
    words, or one speaker's statement in other words (`_same_statement`)."""
    groups: list[list[_Copy]] = []
    exact: dict[tuple[str | None, str], int] = {}
    index: dict[str, set[int]] = defaultdict(set)  # a content word -> groups holding it
    retold: set[int] = set()  # the copies that joined a group in other words
    for c in copies:
        key = (c.who if same_who else None, _norm(c.text))
        found = exact.get(key)
        if found is None:
            content = [t for t in c.tokens if t not in STOPWORDS]
            shared: dict[int, int] = defaultdict(int)
            for t in content:
                for g in index.get(t, ()):
                    shared[g] += 1
            near = [
                g
                for g in sorted(shared)
                if shared[g] >= 2 and (not same_who or groups[g][0].who == c.who)
            ]
            found = next(
                (
                    g
                    for g in near
                    if _near_copy(c.tokens, groups[g][0].tokens)
                    and _retells(c, [o for o in groups[g] if id(o) in retold])
                ),
                None,
            )
            if found is None:
                found = next((g for g in near if _retells(c, groups[g])), None)
                if found is not None:
                    retold.add(id(c))
        if found is None:
            found = len(groups)
            groups.append([])
        for t in c.tokens:
            if t not in STOPWORDS:
                index[t].add(found)
        groups[found].append(c)
        exact.setdefault(key, found)
    return groups


def _voice(group: Sequence[_Copy]) -> str:
    """The speaker most copies and the most confident give (none counts only alone)."""
    votes: dict[str, float] = defaultdict(float)
    for c in group:
        if c.who:
            votes[c.who] += 1 + c.confidence
    return max(votes, key=lambda w: (votes[w], w)) if votes else UNATTRIBUTED


def _pick(group: Sequence[_Copy], who: str) -> _Copy:
    """The copy whose words are shown: a statement by that speaker, the most confident."""
    return max(
        group,
        key=lambda c: (c.who == who, c.shown, c.confidence),
    )


def _quotes(
    members: Sequence[Member], analyses: Mapping[int, Analysis], cast: Cast
) -> tuple[QuoteGroup, ...]:
    copies = []
    sides = _speaking_for(members, analyses, cast)
    for m in members:
        for q in _analysis(analyses, m).quotes:
            who = cast.name(q.speaker) if q.speaker else None
            text = shown_wording(q.text)
            known = who is not None and _known(who, cast) and not lone_group(who)
            copies.append(
                _Copy(
                    who=who,
                    text=text,
                    confidence=q.confidence,
                    shown=known
                    and quote_statement(q.text, q.direct, q.cue)
                    and not caption_paragraph(_paragraph(m.text, q.start))
                    and (q.direct or not _cut_or_gapped(m.text, q))
                    and not _weak_speaker(m.text, q, cast.kind(q.speaker or "") == "person"),
                    source=cite(m, q.start, q.end),
                    tokens=frozenset(_norm(q.text).split()),
                    record=q,
                    side=sides.get(who or ""),
                )
            )
    by_speaker: dict[str, list[QuoteItem]] = defaultdict(list)
    for group in _gather(copies, same_who=False):
        speaker = _voice(group)
        best = _pick(group, speaker)
        quote = best.record
        assert isinstance(quote, Quote)
        by_speaker[speaker].append(
            QuoteItem(
                text=best.text,
                direct=quote.direct,
                date=quote.date or best.source.date,
                cue=quote.cue,
                via=quote.via,
                source=best.source,
                also=_others(group, best),
                confidence=best.confidence,
                uncertain=not (
                    best.shown and best.who == speaker and best.confidence >= QUOTE_SHOWN_CONFIDENCE
                ),
            )
        )
    told = {s: _told_once(s, qs) for s, qs in by_speaker.items()}
    # a body's rows beside a person's: the person who speaks for it, or for a country any
    # person of the storyline (a country's row is often its leader's words retold)
    pairs = {(body, person) for person, body in sides.items()}
    people = [s for s in told if cast.kind(s) == "person"]
    pairs |= {(c, p) for c in told if cast.kind(c) == "country" for p in people}
    for body, person in sorted(pairs):
        if person in told and body in told:
            told[body] = _told_by_its_voice(body, told[body], person, told[person])
    groups = [QuoteGroup(speaker=s, quotes=qs) for s, qs in told.items()]
    groups.sort(key=_group_order)
    return tuple(groups)


def _told_by_its_voice(
    body: str, items: Sequence[QuoteItem], person: str, theirs: Sequence[QuoteItem]
) -> tuple[QuoteItem, ...]:
    """A body's rows without the statements the person speaking for it is shown telling (the
    words are the person's: "Japan" beside its prime minister's remark)."""
    names = _said_stems(body) | _said_stems(person)
    said = [_said_stems(q.text) - names for q in theirs if not q.uncertain]
    return tuple(
        replace(q, uncertain=True)
        if not q.uncertain and any(_says_again(_said_stems(q.text) - names, o) for o in said)
        else q
        for q in items
    )


@lru_cache(maxsize=8192)
def _said_stems(text: str) -> frozenset[str]:
    """The stems of a row's words that say something, names included ("United", "ticket")."""
    return frozenset(
        stem(w)
        for w in re.findall(r"\w+", text.lower())
        if len(w) >= 3 and w.isalpha() and w not in STOPWORDS and stem(w) not in STOPWORDS
    )  # (not numbers: "6 a.m." and "6am", "2,700 km" and "1,680 miles" tell one time apart)


def _says_again(said: frozenset[str], other: frozenset[str], *, paraphrase: bool = False) -> bool:
    """Two fifths of the shorter row's words, at least three, said again; a reported row beside
    a quotation (`paraphrase`) may be all inside it, two words enough ("his thoughts were with
    those involved" beside "My thoughts are with all those involved …")."""
    shared = len(said & other)
    if paraphrase and shared >= 2 and shared == min(len(said), len(other)):
        return True
    return bool(said - other) and shared >= max(3, min(len(said), len(other)) * 0.4)


def _told_once(speaker: str, items: Sequence[QuoteItem]) -> tuple[QuoteItem, ...]:
    """One speaker's rows, a statement shown once: a row whose words say most of what a row
    of the same speaker shown before it says (half of the shorter row's words, at least three,
    the speaker's name aside: two translations of one remark, a paraphrase beside its
    quotation) is hidden, likely the same statement again (the reader shows it with the
    hidden rows)."""
    name = _said_stems(speaker)
    shown: list[tuple[frozenset[str], bool]] = []
    out: list[QuoteItem] = []
    for item in sorted(items, key=_most_reported):
        if item.uncertain:
            out.append(item)
            continue
        said = _said_stems(item.text) - name
        # (a piece of a longer row holding more statements stays: its outlet said that alone)
        if any(_says_again(said, o, paraphrase=d != item.direct) for o, d in shown):
            out.append(replace(item, uncertain=True))
            continue
        shown.append((said, item.direct))
        out.append(item)
    return tuple(sorted(out, key=_most_reported))


def _speaking_for(
    members: Sequence[Member], analyses: Mapping[int, Analysis], cast: Cast
) -> dict[str, str]:
    """The body each person of the storyline speaks for, when an article says it."""
    sides: dict[str, Counter[str]] = defaultdict(Counter)
    for m in members:
        for actor in _analysis(analyses, m).actors:
            if actor.affiliation and actor.kind == "person":
                sides[cast.name(actor.name)][cast.name(actor.affiliation)] += 1
    return {name: side for name, counts in sides.items() if (side := _side(name, counts))}


def _paragraph(text: str, at: int) -> str:
    """The paragraph of the text that holds offset `at`."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start : end if end >= 0 else len(text)]


def _weak_speaker(text: str, q: Quote, person: bool) -> bool:
    """The speaker found through a doubtful pronoun, or words that open pointing back to
    something the row does not name."""
    shown = shown_wording(q.text)
    if opens_pointing_back(shown, person):
        return True
    quoted = q.direct and shown.lstrip()[:1] in '"\u201c\u2018'
    if (quoted or not person) and pronoun_without_antecedent(shown):
        return True  # "Smash his head …": whose? (a body's reported "he" is not the body)
    if quoted and they_without_antecedent(shown):
        return True
    span, speaker = q.speaker_span, q.speaker
    if span is None or speaker is None:
        return False
    if text[span[0] : span[1]].lower() in ("he", "she") and named_as_modifier(
        text[: span[0]], speaker
    ):
        return True  # "a lawyer wearing a Bruce Sutter jersey. '…,' he said": not Sutter
    if tag_inside(shown_wording(q.text), speaker) or _cut_mid_sentence(text, q):
        return True
    if person and product_name(text, speaker):
        return True  # "Google Pixel": the maker's product read as a person's name
    if from_a_work(text[min(q.end, span[1]) : max(q.start, span[0])]):
        return True  # "…, according to a biography of the senator by Ada Marsh": the book's
    if not person and _far_it(text, q, span):
        return True
    return weak_pronoun_speaker(text, span, speaker, q.text, person=person) or misnamed_speaker(
        text, span, speaker, person=person, direct=q.direct
    )


def _far_it(text: str, q: Quote, span: tuple[int, int]) -> bool:
    """A body's reported words opening on "it" far from the body's name ("China has opposed
    installing the system, arguing that it would …"): "it" is what came between."""
    opening = words(shown_wording(q.text))[:1]
    if not opening or opening[0].lower() not in ("it", "its") or q.direct:
        return False
    return q.start - span[1] > _NEAR_IT


_NEAR_IT = 30  # characters: "Equifax said on Tuesday that it …"


def _cut_mid_sentence(text: str, q: Quote) -> bool:
    """A quotation that stops where no sentence ends ("… towards the Democratic" at the end
    of a paragraph the page cut short)."""
    shown = q.text.rstrip()
    if shown[:1] not in "\"'\u201c\u2018" or re.search(r"[.!?\u2026;:,\u2014-]\W*$", shown):
        return False
    return text[q.end : q.end + 1] not in tuple(".!?\u2026,;:\"'\u201d\u2019")


def _cut_or_gapped(text: str, q: Quote) -> bool:
    """Reported words cut short, said inside a relative clause (with a gap), or the content of
    a noun ("Qualcomm's concerns that …")."""
    if cut_short(text[q.end : q.end + 40]) or content_of_noun(text[: q.start], q.text):
        return True
    return q.speaker_span is not None and in_relative_clause(text[: q.speaker_span[0]])


def _known(name: str, cast: Cast) -> bool:
    """Someone a reader can place: a person, an organisation or a country of the storyline."""
    return cast.kind(name) in SHOWN_KINDS and not garbled_name(name) and not outlet_name(name)


def _others(group: Sequence[_Copy], best: _Copy) -> tuple[Citation, ...]:
    """The other articles carrying the words, once each, oldest first."""
    seen = {best.source.article_id}
    out = []
    for c in sorted(group, key=lambda c: (c.source.date or "", c.source.url, c.source.article_id)):
        if c.source.article_id not in seen:
            seen.add(c.source.article_id)
            out.append(c.source)
    return tuple(out)


def _most_reported(item: QuoteItem | RedLineItem) -> tuple[bool, int, float, str]:
    return (item.uncertain, -len(item.outlets), -item.confidence, _item_date(item))


def _item_date(item: QuoteItem | RedLineItem) -> str:
    return (item.date if isinstance(item, QuoteItem) else item.stated) or ""


def _group_order(group: QuoteGroup) -> tuple[bool, bool, int, int, str]:
    shown = [q for q in group.quotes if not q.uncertain]
    reach = sum(len(q.outlets) for q in shown)
    return (group.speaker == UNATTRIBUTED, not shown, -len(shown), -reach, group.speaker)


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


def _red_line_copies(m: Member, red_lines: Sequence[RedLine], cast: Cast) -> list[_Copy]:
    """An article's red lines as copies to merge. Words that hold no demand by themselves are
    shown as their sentence when the demand is said there ("Lindqvist demanded that …")."""
    out = []
    for r in red_lines:
        holder = cast.name(r.holder) if r.holder else None
        start, end, text = r.start, r.end, r.text
        before = subject_before(m.text[max(0, start - 40) : start], holder) if holder else False
        # (not cut where the next demand goes on: "opposed A and reiterated B" are two rows,
        # not the sentence and B again, for each of the parties that hold them)
        cut = cut_short(m.text[end : end + 40]) and not any(
            0 < o.start - end <= 12 and red_line_statement(o.text) for o in red_lines
        )
        s, _ = _sentence(m.text, start, end) if m.text else (start, end)
        lead = m.text[s:start] if m.text else ""
        ok = red_line_statement(text, holder_before=before) and not cut
        if not ok and m.text:
            whole = _whole_sentence(m.text, r, red_lines, cut)
            if whole is not None:
                (start, end), ok, lead = whole, True, ""
                text = m.text[start:end]
        if ok and holds_no_position(text, lead):
            ok = False  # a demand's word, but no position toward another party
        if ok and m.text and set_aside(lead) and points_elsewhere(text):
            whole = _whole_sentence(m.text, r, red_lines, cut)  # "Rather than X, … instead"
            if whole is not None:
                (start, end), lead = whole, ""
                text = m.text[start:end]
        if ok and named_then_relative(text):
            ok = False  # "Falk and his board, who have refused to …": a phrase, not a statement
        if ok and (points_elsewhere(text) or after_credit(m.text[s:start] if m.text else "")):
            ok = False  # what it is about is said elsewhere, or a photo's caption
        if ok and _summary_of_two(r, red_lines):
            ok = False  # each party's own words in the article say it: the same statement
        known = holder is not None and (_known(holder, cast) or described_body(holder))
        out.append(
            _Copy(
                who=holder,
                text=_red_line_wording(text, r, red_lines),
                confidence=r.confidence,
                shown=ok and known and r.confidence >= SHOWN_CONFIDENCE,
                source=cite(m, start, end),
                tokens=frozenset(_norm(r.text).split()),
                record=r,
            )
        )
    return out


# The reporter's call told of two parties at once ("Both Abe and Tillerson called for more
# pressure …"): a summary of what each says in the article in their own words.
_CALLED = re.compile(r"^(?:call(?:s|ed|ing)? (?:for|on|upon)|urg(?:e|es|ed|ing))\b", re.I)


_THEY = re.compile(r"^they\s+(?=[a-z])")


def _red_line_wording(text: str, r: RedLine, red_lines: Sequence[RedLine]) -> str:
    """The words a row shows: without a reporter's tag or a leading connective, and without
    the pronoun that joined two parties ("China: they opposed …" -> "China: opposed …")."""
    shown = _CONNECTIVE.sub("", _TAG_LEFT.sub("", shown_wording(text)))
    return _THEY.sub("", shown) if _held_with_another(r, red_lines) else shown


def _held_with_another(r: RedLine, red_lines: Sequence[RedLine]) -> bool:
    """Whether another party holds the same words (a position two parties hold together)."""
    return any((o.start, o.end) == (r.start, r.end) and o.holder != r.holder for o in red_lines)


def _summary_of_two(r: RedLine, red_lines: Sequence[RedLine]) -> bool:
    """Whether `r` is such a summary, and its holder has words of its own in the article."""
    if not _CALLED.match(r.text):
        return False
    return _held_with_another(r, red_lines) and any(
        o.holder == r.holder and (o.start, o.end) != (r.start, r.end) for o in red_lines
    )


# A connective that ties the words to the sentence before ("However, we will withdraw …").
_CONNECTIVE = re.compile(r"^(?:However|But|And|Yet|Still|So),?\s+(?=[a-z])")


# The reporter's tag left after a quotation's words ('… tensions," Hua said.'): not the demand's.
_TAG_LEFT = re.compile(
    r"(?:(?<=\w)[,.]?[\"\u201d\u2019']|(?<=\w),)\s+(?:[A-Z][\w'\u2019.-]*\s+){1,3}"
    r"(?:said|says|added|told reporters|warned|insisted)\.?$"
)


def _whole_sentence(
    text: str, r: RedLine, red_lines: Sequence[RedLine], cut: bool
) -> tuple[int, int] | None:
    """The span of the red line's sentence (without a wire dateline) when it says the demand
    whole: the words were cut, framed by a demand before them ("Lindqvist demanded that …"),
    a condition alone or an offer called final."""
    s, e = _sentence(text, r.start, r.end)
    raw = text[s:e]
    sentence = without_dateline(raw.strip())
    s = s + len(raw) - len(raw.lstrip()) + len(raw.strip()) - len(sentence)
    # Several demands of one holder in one sentence ("proposes that A, that B and that C")
    # are one row: the sentence; another holder's words keep it apart.
    alone = not any(
        o.start < e and s < o.end and o.holder != r.holder for o in red_lines if o is not r
    )
    if (
        alone
        and (
            cut
            or framed(text[s : r.start])
            or set_aside(text[s : r.start])
            or condition_alone(r.text)
            or final_offer(r.text)
            # (the name opens the sentence: "Lund, who has refused to …, said …", not
            # "X put pressure on Lund and his board, who have refused to …")
            or (named_then_relative(r.text) and sentence.startswith(r.text.split()[0]))
        )
        and len(words(sentence)) <= LONGEST_ROW
        and red_line_statement(sentence)
    ):
        return s, s + len(sentence)
    return None


def _red_lines(
    members: Sequence[Member], analyses: Mapping[int, Analysis], cast: Cast
) -> tuple[RedLineGroup, ...]:
    context: dict[int, str] = {}  # article id -> text, for the cue of a changed position
    copies: list[_Copy] = []
    for m in members:
        copies += _red_line_copies(m, _analysis(analyses, m).red_lines, cast)
        context[m.article_id] = m.text
    state = _state_bodies(members, analyses, cast)
    copies = [replace(c, who=state[c.who]) if c.who in state else c for c in copies]
    by_holder: dict[str, list[RedLineItem]] = defaultdict(list)
    for group in _gather(copies, same_who=True):
        holder = group[0].who or UNATTRIBUTED
        best = _pick(group, group[0].who or "")
        first = min(group, key=lambda c: (c.source.date or "", c.source.url, c.source.article_id))
        record = best.record
        assert isinstance(record, RedLine)
        by_holder[holder].append(
            RedLineItem(
                text=best.text,
                kind=record.kind,
                stated=first.source.date,
                source=best.source,
                also=_others(group, best),
                confidence=best.confidence,
                uncertain=not best.shown,
            )
        )
    groups = [_holder_group(h, held, context) for h, held in by_holder.items()]
    groups.sort(key=_holder_order)
    return tuple(groups)


def _state_bodies(
    members: Sequence[Member], analyses: Mapping[int, Analysis], cast: Cast
) -> dict[str, str]:
    """A state's body (its foreign or defence ministry, its government: the analyser tells
    whom it speaks for) -> the country, when the country is in the storyline's cast: a
    position the "South Korean Foreign Ministry" states is South Korea's, one holder."""
    out: dict[str, str] = {}
    for m in members:
        for actor in _analysis(analyses, m).actors:
            side = cast.name(actor.affiliation) if actor.affiliation else None
            if actor.kind == "organization" and side and cast.kind(side) == "country":
                out[cast.name(actor.name)] = side
    return out


def _holder_order(group: RedLineGroup) -> tuple[bool, bool, int, int, str]:
    shown = [i for i in group.items if not i.uncertain]
    reach = sum(len(i.outlets) for i in shown)
    return (group.holder == UNATTRIBUTED, not shown, -len(shown), -reach, group.holder)


def _holder_group(holder: str, held: list[RedLineItem], context: Mapping[int, str]) -> RedLineGroup:
    """A holder's positions, oldest first (the shown ones, then the hidden), each marked with
    the earlier shown position it departs from."""
    held.sort(
        key=lambda i: (
            i.uncertain,
            i.stated or "",
            i.source.url,
            i.source.article_id,
            i.source.start,
        )
    )
    marked: list[RedLineItem] = []
    for i, item in enumerate(held):
        if holder == UNATTRIBUTED or item.uncertain:  # nobody's position to change
            marked.append(item)
            continue
        earlier = [
            e
            for e in held[:i]
            if (e.stated or "") < (item.stated or "")
            and e.source.article_id != item.source.article_id
        ]
        s, e = _sentence(
            context.get(item.source.article_id, ""), item.source.start, item.source.end
        )
        cue = _CHANGE_CUE.search(context.get(item.source.article_id, "")[s:e])
        changed_from = next((e.text for e in reversed(earlier) if _departs(e, item)), None)
        if changed_from is None and cue and earlier:
            changed_from = earlier[-1].text
        marked.append(_changed(item, changed_from) if changed_from else item)
    return RedLineGroup(
        holder=holder,
        items=tuple(marked),
        position_changed=any(i.changed_from for i in marked),
    )


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


@lru_cache(maxsize=64)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentences(text))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds the span (start, end), or the span itself (the article's
    sentences found once for all its records)."""
    spans = _sentence_spans(text)
    i = bisect_right(spans, (start, len(text) + 1)) - 1
    if i >= 0 and spans[i][0] <= start < spans[i][1]:
        return spans[i][0], max(spans[i][1], min(end, len(text)))
    return start, end


_EMPTY = Analysis(language="")


def _analysis(analyses: Mapping[int, Analysis], m: Member) -> Analysis:
    return analyses.get(m.article_id, _EMPTY)
