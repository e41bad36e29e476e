"""Dated events: date expressions resolved against the publication date, with their clause."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from briefing.understand._lexicon import MONTHS, WEEKDAYS
from briefing.understand._text import Sentence
from briefing.understand.records import Event

_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WD = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,? (\d{4}))?"
_PATTERNS = [
    ("dmy", re.compile(rf"\b{_DAY} (?:of )?{_MONTH}{_YEAR}(?: (next|last) year)?\b")),
    (
        "mdy",
        re.compile(rf"\b{_MONTH} {_DAY}{_YEAR}\b(?! (?:percent|per cent|million|billion))"),
    ),
    (
        "my",
        re.compile(
            r"\b(?:in|from|since|by|until|before|after|of|end of|early|late|mid-?)\s*"
            rf"{_MONTH}(?:,? (\d{{4}})| (next|last|this) year)?\b"
        ),
    ),
    ("my2", re.compile(rf"\b{_MONTH} (\d{{4}})\b")),
    (
        "wd",
        re.compile(
            r"\b(?:(next|last|this|on|by|until|from|since|before|after|early on|late on"
            rf"|early|late)\s+)?{_WD}\b"
        ),
    ),
    (
        "rel",
        re.compile(
            r"\b(today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening)\b",
            re.I,
        ),
    ),
    (
        "span",
        re.compile(r"\b(last|next|this|earlier this|later this|of the) (week|month)\b", re.I),
    ),
    (
        "ago",
        re.compile(
            r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|week|month)s? ago\b",  # noqa: E501
            re.I,
        ),
    ),
    (
        "after",
        re.compile(
            r"\b(?:(a|one|two|three|four|five|six|\d+) days? (later|earlier|before|after)"
            r"|the (next|following|previous) day|the day (after|before))\b",
            re.I,
        ),
    ),
    (
        "within",
        re.compile(
            r"\bin (a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
            r" (day|week|month)s?(?:'|\u2019)?(?: time)?\b(?! of\b| later\b| after\b)",
            re.I,
        ),
    ),
    (
        "weekend",
        re.compile(r"\b(last|this|next|over the|at the) weekend\b", re.I),
    ),
]

_FUTURE = re.compile(
    r"\b(will|shall|is due|are due|is scheduled|are scheduled|scheduled|is expected|are expected|"
    r"is forecast|are forecast|forecast for|is set to|are set to|plans? to|upcoming|starting|"
    r"would be|would meet|would start|would begin|would open|deadline|expires?|resumes?|"
    r"meets|opens|begins|closes|must|should|plans?|aims? to|hopes? to|intends? to|wants? to"
    r"|targets?)\b|'ll\b",
    re.I,
)
_TIMETABLE = re.compile(
    r"\b(?:is|are)\s+(?:(?:only|now|still|also)\s+)?(?:(?:on|for|in|at)\s+)?$", re.I
)
_NOT_PAST = frozenset("scheduled expected planned due set slated timed proposed".split())
_RECENT_PAST = re.compile(r"\b(?:\w+ed|was|were|had|did)\W*(?:\w+\W+){0,4}$")
_PAST = re.compile(r"\b(said|was|were|had|did|ago)\b", re.I)


def _parse(published: str | None) -> date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_shift(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _closest_year(month: int, day: int, pub: date, future: bool | None) -> date | None:
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        score = abs((d - pub).days)
        if future is True and d < pub:
            score += 200
        if best is None or score < best[0]:
            best = (score, d)
    return best[1] if best else None


def _resolve(
    kind: str, m: re.Match[str], pub: date | None, before: str, clause: str = ""
) -> tuple[str, bool] | None:
    """The date as YYYY-MM-DD or YYYY-MM, and whether it is later than publication.

    `before` is the text just ahead of the date: its tense decides which Monday is meant."""
    past_ctx = bool(
        _PAST.search(before)
        # "should be mended by March": a passive after "be" is no past tense
        or any(w not in _NOT_PAST for w in re.findall(r"\b(?<!be )\w+ed\b", before[-25:].lower()))
    )
    # "the vote is on Friday": a present-tense copula before the date is a timetable
    future_ctx = bool(_FUTURE.search(before) or _TIMETABLE.search(before)) and not past_ctx
    if kind == "dmy" or kind == "mdy":
        if kind == "dmy":
            day, month, year, rel = (
                int(m.group(1)),
                MONTHS[m.group(2).lower()],
                m.group(3),
                m.group(4),
            )
        else:
            month, day, year, rel = MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3), None
        if year:
            try:
                d = date(int(year), month, day)
            except ValueError:
                return None
        elif pub is None:
            return None
        elif rel:
            try:
                d = date(pub.year + (1 if rel == "next" else -1), month, day)
            except ValueError:
                return None
        else:
            found = _closest_year(month, day, pub, None)
            if found is None:
                return None
            d = found
        return d.isoformat(), bool(pub and d > pub)
    if kind in ("my", "my2"):
        month = MONTHS[m.group(1).lower()]
        year_s = m.group(2)
        rel = m.group(3) if kind == "my" else None
        if year_s:
            y = int(year_s)
        elif pub is None:
            return None
        elif rel == "next":
            y = pub.year + 1
        elif rel == "last":
            y = pub.year - 1
        elif rel == "this":
            y = pub.year
        else:
            # the nearest such month, unless the verb just before says otherwise
            ahead = (month - pub.month) % 12
            behind = (pub.month - month) % 12
            recent_past = bool(_RECENT_PAST.search(before))
            by = m.group(0).lower().startswith("by ")
            conditional = bool(re.search(r"\b(?:would|will)\b", clause or before))
            if future_ctx or (by and (not past_ctx or conditional)):
                forward = True  # "a ruling by April": a deadline ahead
            elif recent_past and ahead and behind <= 9:
                forward = False
            else:
                forward = ahead < behind
            if forward:
                y = pub.year if month >= pub.month else pub.year + 1
            else:
                y = pub.year if month <= pub.month else pub.year - 1
        ym = f"{y:04d}-{month:02d}"
        return ym, bool(pub and ym > pub.isoformat()[:7])
    if pub is None:
        return None
    if kind == "wd":
        mod = (m.group(1) or "").lower()
        wd = WEEKDAYS[m.group(2).lower()]
        if mod == "next":
            delta = (wd - pub.weekday()) % 7 or 7
        elif mod == "last":
            delta = -((pub.weekday() - wd) % 7 or 7)
        elif mod in ("by", "until", "this") or (future_ctx and mod not in ("since", "after")):
            delta = (wd - pub.weekday()) % 7
        else:
            delta = -((pub.weekday() - wd) % 7)
        d = pub + timedelta(days=delta)
        return d.isoformat(), delta > 0
    if kind == "rel":
        word = m.group(1).lower()
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        d = pub + timedelta(days=offset)
        return d.isoformat(), offset > 0
    if kind == "span":
        rel, unit = m.group(1).lower(), m.group(2).lower()
        step = -1 if rel == "last" else 1 if rel == "next" else 0
        if unit == "week":
            d = pub + timedelta(days=7 * step)
            return d.isoformat()[:7], step > 0
        y, mo = _month_shift(pub, step)
        return f"{y:04d}-{mo:02d}", step > 0
    if kind == "weekend":
        rel = m.group(1).lower()
        past_sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        next_sat = pub + timedelta(days=(5 - pub.weekday()) % 7)
        if rel == "last":
            saturday = past_sat
        elif rel == "this":
            saturday = next_sat if pub.weekday() < 5 else past_sat
        elif rel == "next":
            saturday = next_sat + timedelta(days=7 if (next_sat - pub).days < 2 else 0)
        else:  # "over the weekend", "at the weekend": the tense decides
            saturday = next_sat if future_ctx else past_sat
        return saturday.isoformat(), saturday > pub
    if kind == "within":
        if not future_ctx:
            return None  # "37 cases in six weeks": a length of time, not a date
        n_s, unit = m.group(1).lower(), m.group(2).lower()
        n = int(n_s) if n_s.isdigit() else _NUM.get(n_s, 1)
        if unit == "month":
            y, mo = _month_shift(pub, n)
            return f"{y:04d}-{mo:02d}", True
        d = pub + timedelta(days=n * (7 if unit == "week" else 1))
        return (d.isoformat() if unit == "day" else d.isoformat()[:7]), True
    if kind == "ago":
        n_s, unit = m.group(1).lower(), m.group(2).lower()
        n = int(n_s) if n_s.isdigit() else _NUM.get(n_s, 1)
        if unit == "day":
            return (pub - timedelta(days=n)).isoformat(), False
        if unit == "week":
            return (pub - timedelta(days=7 * n)).isoformat(), False
        y, mo = _month_shift(pub, -n)
        return f"{y:04d}-{mo:02d}", False
    return None


_FULL_DATE_NEXT = re.compile(rf",?\s+(?:the\s+)?(?:{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d)")

SHORT = 18  # words: a sentence this short is one clause
MINW = 6  # words: grow a comma-delimited part until it has this many
# two dated happenings in one sentence: "presented it on Monday and briefed them a day later"
_CROWDED = re.compile(
    r"[;:\u2014]|,\s|\s(?=(?:that|after|which|because|while|unless|although)\s)"
    r"|\s(?=and\s+(?:then\s+)?\w+ed\b)"
    # "closed on 3 September and will reopen in March": a second verb with its own date
    r"|\s(?=(?:and|but)\s+(?:then\s+)?(?:will|would|is|are|was|were|has|have|had|could|should"
    r"|may|might|must|plans?|expects?|hopes?)\s)"
)
_BOUNDARY = re.compile(r"[;:\u2014]|,\s|\s(?=(?:that|after|which|because|while|unless|although)\s)")


def _clause(text: str, s: Sentence, a: int, b: int, crowded: bool = False) -> tuple[int, int]:
    """The stretch of the sentence around a date: the whole sentence when short,
    else the comma-delimited part with neighbours until it reads as a clause."""
    start, end = s.start, s.end
    while end > start and text[end - 1] in '.!?"\u201d ':
        end -= 1
    while start < end and text[start] in '"\u201c ':
        start += 1
    words = len(text[start:end].split())
    if words <= SHORT and not crowded:
        return start, end
    boundary = _CROWDED if crowded else _BOUNDARY
    cuts = [start] + [m.end() for m in boundary.finditer(text, start, end)] + [end]
    lo = max(c for c in cuts if c <= a)
    hi = min(c for c in cuts if c >= b)
    least = 4 if crowded and re.match(r"\s*(?:and|but)\s", text[lo:hi]) else MINW
    while len(text[lo:hi].split()) < least:
        before = [c for c in cuts if c < lo]
        after = [c for c in cuts if c > hi]
        if before:
            lo = before[-1]
        elif after:
            hi = after[0]
        else:
            break
    hi_text = text[lo:hi].rstrip(" ,;:\u2014")
    lead = re.match(r"\s*(?:and|but|then)\s+", hi_text)
    if lead and len(hi_text) > lead.end():
        return lo + lead.end(), lo + len(hi_text)
    return lo, lo + len(hi_text)


def _relative_to(
    m: re.Match[str], last_day: str | None, pub: date | None
) -> tuple[str, bool] | None:
    """ "a day later", "two days earlier", "the following day" after a dated event."""
    if last_day is None:
        return None
    base = date.fromisoformat(last_day)
    count, direction, nextprev, afterbefore = m.groups()
    n = 1
    if count:
        n = int(count) if count.isdigit() else _NUM.get(count.lower(), 1)
    word = (direction or nextprev or afterbefore or "").lower()
    sign = -1 if word in ("earlier", "before", "previous") else 1
    d = base + timedelta(days=sign * n)
    return d.isoformat(), bool(pub and d > pub)


def find_events(
    text: str,
    sents: list[Sentence],
    published: str | None,
    marks: list[tuple[int, int, str]] | None = None,
) -> list[Event]:
    """Events in text order; `marks`, when given, receives each date expression's span and date."""
    pub = _parse(published)
    out: list[Event] = []
    seen: set[tuple[str, int]] = set()
    # each pattern runs once over the whole text; matches are then handed to their sentence
    starts = [s.start for s in sents]
    found: dict[int, list[tuple[str, re.Match[str]]]] = {}
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            si = bisect_right(starts, m.start()) - 1
            if si >= 0 and m.end() <= sents[si].end:
                found.setdefault(si, []).append((kind, m))
    last_day: str | None = None
    for si in sorted(found):
        s = sents[si]
        taken: list[tuple[int, int]] = []
        for kind, m in found[si]:
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in taken):
                continue
            if kind in ("rel", "span", "ago") and any(
                t.quote and t.start <= a < t.end for t in s.tokens
            ):
                continue  # "today" inside a quotation is the speaker's day, not the article's
            if kind == "wd" and _FULL_DATE_NEXT.match(text, b):
                continue  # "on Monday, 3 December": the full date that follows says it
            if kind == "my" and m.group(0).lower().startswith("since"):
                continue  # "since January": a stretch of time, not an event
            cs, ce = _clause(text, s, a, b, crowded=len(found[si]) > 1)
            if kind == "after":
                # "a day later": counted from the last full date the text gave
                got = _relative_to(m, last_day, pub)
            else:
                got = _resolve(kind, m, pub, text[max(cs, a - 60) : a], text[cs:a])
            if got is None:
                continue
            taken.append((a, b))
            day, later = got
            if len(day) == 10:
                last_day = day
            if marks is not None:
                marks.append((a, b, day))
            if (day, cs) in seen:
                continue
            seen.add((day, cs))
            out.append(Event(date=day, text=text[cs:ce], start=cs, end=ce, scheduled=later))
    out.sort(key=lambda e: e.start)
    return out
