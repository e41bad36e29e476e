"""Dated events: date expressions resolved against the publication date, with their clause.

Each date is read in three steps: the clause around it (the event), the tense of the words
before it (is "Monday" last Monday or next?), and the date itself."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.understand._lexicon import (
    ABBREVIATIONS,
    ADVERBIAL_OPENERS,
    APPOSITIVE_OPENERS,
    CLAUSE_RELATIVES,
    CLAUSE_SUBORDINATORS,
    FUTURE_CUES,
    HOLIDAYS,
    MONTHS,
    NOT_IN_ANTECEDENT,
    NOT_PAST_PARTICIPLES,
    NUMBER_WORDS,
    PAST_CUES,
    PRONOUNS_ALL,
    REPORTING_VERBS,
    SECOND_VERB_HELPERS,
    SPEECH_CUES,
    WEEKDAYS,
    any_of,
)
from briefing.understand._text import Sentence, word_starts
from briefing.understand.records import Event


def _month_names() -> list[str]:
    """The months as written in dates: full names first, then the abbreviations ("Sept"
    before "Sep"), in the order of the calendar."""
    full: dict[int, str] = {}
    for name, number in MONTHS.items():
        full.setdefault(number, name)
    short = [name for name in MONTHS if name not in full.values()]
    return [name.capitalize() for name in [*full.values(), *short]]


# ------------------------------------------------------------------------ the date patterns

_MONTH = rf"({any_of(_month_names())})\.?"
_WD = rf"({any_of(day.capitalize() for day in WEEKDAYS)})"
_COUNT = any_of(NUMBER_WORDS)  # "a", "two", … "ten"

_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,? (\d{4}))?"
_PATTERNS = [
    ("dmy", re.compile(rf"\b{_DAY} (?:of )?{_MONTH}{_YEAR}(?: (next|last) year)?\b")),
    (
        "mdy",
        re.compile(
            rf"\b{_MONTH} {_DAY}{_YEAR}\b(?! (?:percent|per cent|million|billion))"
            r"(?: (next|last) year\b)?"
        ),
    ),
    (
        "my",
        re.compile(
            r"\b(?:[Ii]n|[Ff]rom|[Ss]ince|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|of|end of|[Ee]arly"
            r"|[Ll]ate|[Mm]id-?)\s*"
            rf"{_MONTH}(?:,? (\d{{4}})| (next|last|this) year| of (?:that|the same) year)?\b"
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
        re.compile(rf"\b({_COUNT}|\d+) (day|week|month)s? ago\b", re.I),
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
        # "Earlier in the day, the minister denied …": the day of the last date read
        "same day",
        re.compile(r"\b(?:[Ee]arlier|[Ll]ater) (?:in the|that|the same) day\b"),
    ),
    (
        # "on New Year's Eve", "on Christmas Day": days of the calendar by name
        "holiday",
        re.compile(rf"(?=[NCBFVH])\b({any_of(sorted(HOLIDAYS, key=len, reverse=True))})\b"),
    ),
    (
        # "only days after the Council voted …": what follows happened in the days before
        "days after",
        re.compile(r"\b(?:only|just|mere|a few|several) days after (?=(?:the|a|an|[A-Z])\S*\s)"),
    ),
    (
        "within",
        re.compile(
            rf"\bin ({_COUNT}|\d+)"
            r" (day|week|month)s?(?:'|\u2019)?(?: time)?\b(?! of\b| later\b| after\b)",
            re.I,
        ),
    ),
    (
        "weekend",
        re.compile(r"\b(last|this|next|over the|at the) weekend\b", re.I),
    ),
]
# "one day after Arians said …", "the day before the vote": the day counts from what follows
_ANCHORED = re.compile(r"(?:(?<=after)|(?<=before))\s+(?![,.;:)\u2014]|and\b|when\b)\S")
# "the Long March 9 rocket", "Women's March 2017": a month inside a name, not a date
_IN_A_NAME = re.compile(
    r"(?<![.!?\u201c\"])\s(?!(?:On|In|By|Since|Until|From|Before|After|Early|Late|Mid|Last|Next|This|Of|Through)\b)[A-Z][a-z]+\s$"
)
# a place written right before a year-dated date that ends its sentence: a caption's credit
_CAPTION_DATE = re.compile(r"\b([A-Z][\w.]*),?\s$")
# what may stand before a gallery caption's date at the start of its line: "4/34 "
_GALLERY = re.compile(r"(?:^|\n)(?:\d{1,3}/\d{1,3}\s+)?$")
_LOCAL_TIME = re.compile(r"\s+(?:morning\s+|afternoon\s+|evening\s+|night\s+)?local time")
_FULL_DATE_NEXT = re.compile(rf",?\s+\(?(?:the\s+)?(?:{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d)")


# ------------------------------------------------------------------------------- the tense

_FUTURE = re.compile(
    rf"\b({any_of(FUTURE_CUES)})\b|'ll\b|\bahead of\b|\bprepar(?:es|ing) (?:to|for)\b", re.I
)
_TIMETABLE = re.compile(
    r"\b(?:is|are)\s+(?:(?:only|now|still|also)\s+)?(?:(?:on|for|in|at)\s+)?$", re.I
)
# "is currently set to begin", "are now due to": a timetable with an adverb inside
_SET_TO = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+|now\s+|still\s+)?(?:set|due|scheduled)\s+to\b", re.I
)
_RECENT_PAST = re.compile(r"\b(?:\w+ed|was|were|had|did)\W*(?:\w+\W+){0,4}$")
_PAST = re.compile(rf"\b({any_of(PAST_CUES)})\b", re.I)


@dataclass(frozen=True)
class _Context:
    """The words before a date, which decide which Monday or which March it means."""

    before: str  # the text just ahead of the date
    clause: str  # the date's clause up to the date
    past: bool  # a past tense before it: "said on Monday"
    future: bool  # a future or a timetable before it: "will meet on Monday", "is on Friday"
    late: bool = False  # published in the second half of its (UTC) day
    ahead: bool = False  # datelined in a time zone ahead of UTC


def _past_tense(words: str, reach: int = 25) -> bool:
    """A past tense in the words, or in their last `reach` characters for a participle."""
    return bool(
        _PAST.search(words)
        # "should be mended by March": a passive after "be" is no past tense
        or any(
            w not in NOT_PAST_PARTICIPLES
            for w in re.findall(r"\b(?<!be )\w+ed\b", words[-reach:].lower())
        )
    )


def _context(
    before: str, clause: str, after: str = "", late: bool = False, ahead: bool = False
) -> _Context:
    past = _past_tense(before)
    # "the vote is on Friday": a present-tense copula before the date is a timetable
    future = (
        bool(_FUTURE.search(before) or _TIMETABLE.search(before) or _SET_TO.search(before))
        and not past
    )
    if not (past or future):
        # "In March, the company sold …": a date ahead of its verb takes the verb's tense, and
        # so does one inside a noun phrase ("the attacks in Paris in November that killed …")
        head = " ".join(after.split()[:8])
        past = _past_tense(head, len(head))
        future = not past and bool(_FUTURE.search(head))
    return _Context(before, clause, past, future, late, ahead)


# ---------------------------------------------------------------------------- the date

_Dated = tuple[str, bool]  # YYYY-MM-DD or YYYY-MM, and whether it is later than publication


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


LATE_HOUR = 12  # UTC: a story published this late may tell of the next day in Asia or Europe


def _late(published: str | None) -> bool:
    """Whether the story may have been published in the second half of its day: its time says
    so, or no time is given (a date alone, or midnight exactly)."""
    m = re.match(r"\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})(?::(\d{2}))?", (published or "").strip())
    if m is None or not any(int(g or 0) for g in m.groups()):
        return True
    return int(m.group(1)) >= LATE_HOUR


# Cities whose day begins before the UTC day: a story datelined there ("SEOUL, South Korea (AP)
# —", "PARIS —") may tell of the next day's happenings on the UTC day it is filed.
_AHEAD_CITIES = (
    "Seoul|Pyongyang|Tokyo|Osaka|Beijing|Shanghai|Hong Kong|Taipei|Manila|Jakarta|Bangkok|Hanoi"
    "|Singapore|Kuala Lumpur|Sydney|Melbourne|Canberra|Brisbane|Perth|Wellington|Auckland"
    "|New Delhi|Mumbai|Islamabad|Kabul|Dhaka|Yangon|Ulaanbaatar|Vladivostok|Guam"
    # and Europe, the Middle East and Africa, an hour or more ahead of UTC
    "|Paris|Nice|Berlin|Brussels|Rome|Madrid|Vienna|Geneva|Zurich|Stockholm|Oslo|Copenhagen"
    "|Warsaw|Athens|Istanbul|Ankara|Moscow|Kiev|Kyiv|Jerusalem|Tel Aviv|Beirut|Cairo|Dubai"
    "|Riyadh|Tehran|Baghdad|Damascus|Lagos|Abuja|Nairobi|Johannesburg"
)
_AHEAD_DATELINE = re.compile(
    # one city, or several joined by slashes ("TOKYO/SEOUL (Reuters) -", "SEOUL/UNITED NATIONS")
    rf"^\W*(?:[A-Z][\w. ]{{1,20}}/)*(?i:{_AHEAD_CITIES})\b(?:/[A-Z][\w. ]{{1,20}}?)*"
    rf"(?:,(?:\s+[A-Z][\w.]*){{1,3}})?\s*(?:\(|[\u2014\u2013-]\s|:)"
)


def _dateline_ahead(text: str) -> bool:
    """Whether the story is datelined in a time zone ahead of UTC (see _AHEAD_CITIES)."""
    return bool(_AHEAD_DATELINE.match(text[:160]))


def _next_day_named(text: str, pub: date | None) -> bool:
    """Whether the story names the weekday after its publication with an hour of that day or
    its local time ("early on Tuesday", "Tuesday afternoon", "Tuesday local time") or with
    that day's date ("Friday September 15"): a weekday names one day in a story, so its
    other mentions in past clauses ("bombed a range on Tuesday") are that day, not six days
    back."""
    if pub is None:
        return False
    following = pub + timedelta(days=1)
    name = following.strftime("%A")
    month = following.strftime("%B")
    hour = re.compile(
        rf"\b(?:(?:early|late)\s+(?:on\s+)?{name}|{name}(?:\s+(?:morning|afternoon|evening"
        rf"|night))?\s+local time|{name}\s+(?:morning|afternoon|evening|night)"
        rf"|{name},?\s+(?:{month}\.?\s+{following.day}|{following.day}\s+{month})\b)",
    )
    return bool(hour.search(text))


def _month_shift(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _year_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _count(word: str) -> int:
    """ "two" -> 2, "12" -> 12."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 1)


def _closest_year(month: int, day: int, pub: date, future: bool | None) -> date | None:
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        score = abs((d - pub).days)
        if future is True and d < pub or future is False and d > pub:
            score += 200  # "will meet on 3 May" lies ahead, "was arrested on 3 May" behind
        if best is None or score < best[0]:
            best = (score, d)
    return best[1] if best else None


def _day_month_year(kind: str, m: re.Match[str]) -> tuple[int, int, str | None, str | None]:
    """Day, month, written year and "next"/"last" year of "3 March 2024" or "March 3"."""
    if kind == "dmy":
        return int(m.group(1)), MONTHS[m.group(2).lower()], m.group(3), m.group(4)
    return int(m.group(2)), MONTHS[m.group(1).lower()], m.group(3), m.group(4)


FAR_AHEAD_DAYS = 60  # a date further ahead than this, with no tense to say so, is last year's
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|before|from|starting|through)\s+(?:the\s+)?$", re.I
)


def _looks_ahead(m: re.Match[str]) -> bool:
    """A deadline ("by 15 December") or a future anywhere in the words before the date ("will
    begin May 16 … and two nights on May 22")."""
    before = m.string[max(0, m.start() - 200) : m.start()]
    return bool(_DEADLINE_BEFORE.search(before) or _FUTURE.search(before))


def _full_date(
    kind: str, m: re.Match[str], pub: date | None, ctx: _Context | None = None
) -> _Dated | None:
    """ "3 March 2024", "March 3": the written year, else the year nearest publication."""
    day, month, year, relative_year = _day_month_year(kind, m)
    try:
        if year:
            d = date(int(year), month, day)
        elif pub is None:
            return None
        elif relative_year:
            d = date(pub.year + (1 if relative_year == "next" else -1), month, day)
        else:
            tense = None if ctx is None else True if ctx.future else False if ctx.past else None
            found = _closest_year(month, day, pub, tense)
            if found is None:
                return None
            d = found
            if tense is None and (d - pub).days > FAR_AHEAD_DAYS and not _looks_ahead(m):
                # nothing says it lies ahead, and news tells what happened: "the White Plan,
                # put in place during the Nov. 13 Paris attacks" in a July story is last year's
                d = date(d.year - 1, month, day)
    except ValueError:
        return None
    return d.isoformat(), bool(pub and d > pub)


def _month_lies_ahead(m: re.Match[str], month: int, pub: date, ctx: _Context) -> bool:
    """Whether a month without a year is the next such month rather than the last: the
    nearest, unless the verb just before says otherwise."""
    ahead = (month - pub.month) % 12
    behind = (pub.month - month) % 12
    by = m.group(0).lower().startswith("by ")
    conditional = bool(re.search(r"\b(?:would|will)\b", ctx.clause or ctx.before))
    if ctx.future or (by and (not ctx.past or conditional)):
        return True  # "a ruling by April": a deadline ahead
    if (ctx.past or _RECENT_PAST.search(ctx.before)) and ahead and not conditional:
        return False  # "led a judge in December" before a November publication: last December
    return ahead < behind


def _that_year(m: re.Match[str]) -> str | None:
    """ "in late January of that year": the year the text named last before it."""
    if not m.group(0).endswith(" year") or m.group(3):
        return None
    years = re.findall(r"\b(?:1[89]|20)\d\d\b", m.string[max(0, m.start() - 3000) : m.start()])
    return years[-1] if years else None


_FIRST_DAYS = 3  # the days of a month in which a past clause does not name it as the past


# a year as an attribute of what the clause tells of: "the 1969 team", "the 2007 shooting"
_YEAR_NAMED = re.compile(r"\b(?:[Tt]he|its|his|her|their)\s+((?:1[89]|20)\d\d)\s+(?=[a-z])")


def _year_of_clause(m: re.Match[str], pub: date | None, ctx: _Context) -> str | None:
    """A past year the clause names before its month ("the 1969 team … amassed a lead in
    mid-August", "the 2007 shooting … in April"): that year's month, not this year's."""
    if pub is None or not ctx.past or m.group(0).lower().startswith("by "):
        return None
    years = [y for y in _YEAR_NAMED.findall(ctx.clause or ctx.before) if int(y) < pub.year]
    return years[-1] if years else None


def _month_year(kind: str, m: re.Match[str], pub: date | None, ctx: _Context) -> _Dated | None:
    """ "in March 2024", "March next year", "by April": a month, with its year."""
    month = MONTHS[m.group(1).lower()]
    written_year = m.group(2) or _that_year(m) or _year_of_clause(m, pub, ctx)
    relative_year = m.group(3) if kind == "my" else None
    if written_year:
        year = int(written_year)
    elif pub is None:
        return None
    elif relative_year:
        year = pub.year + {"next": 1, "last": -1, "this": 0}[relative_year]
    elif _month_lies_ahead(m, month, pub, ctx):
        year = pub.year if month >= pub.month else pub.year + 1
    elif month == pub.month and pub.day <= _FIRST_DAYS and _past_only(ctx):
        # "In January, the agency announced …" in a story of 1 January: a month a few days
        # old is not what a past clause names by its name ("earlier this month", "on Monday")
        year = pub.year - 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    month_text = _year_month(year, month)
    return month_text, bool(pub and month_text > pub.isoformat()[:7])


def _past_only(ctx: _Context) -> bool:
    """A past tense before the date and nothing that looks ahead ("would", "will")."""
    return ctx.past and not _FUTURE.search(ctx.before)


_TIME_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)\b")


def _time_of_day(m: re.Match[str], modifier: str) -> bool:
    """An hour of the day named with the weekday: "early on Tuesday", "Tuesday night"."""
    return modifier.startswith(("early", "late")) or bool(_TIME_OF_DAY.match(m.string, m.end()))


def _weekday(m: re.Match[str], pub: date, ctx: _Context) -> _Dated:
    """ "on Monday", "next Monday", "by Friday": the tense decides which week."""
    modifier = (m.group(1) or "").lower()
    weekday = WEEKDAYS[m.group(2).lower()]
    if modifier == "next":
        delta = (weekday - pub.weekday()) % 7 or 7
    elif modifier == "last":
        delta = -((pub.weekday() - weekday) % 7 or 7)
    elif (modifier == "this" or modifier in ("by", "until") and not _past_only(ctx)) or (
        ctx.future and modifier not in ("since", "after")
    ):
        # "by Friday" is a deadline ahead, unless the clause is past ("fell by Tuesday night")
        delta = (weekday - pub.weekday()) % 7
    else:
        delta = -((pub.weekday() - weekday) % 7)
    local = _LOCAL_TIME.match(m.string, m.end())
    if delta == -6 and (local or ctx.late and (ctx.ahead or _time_of_day(m, modifier))):
        # "fired a missile early on Tuesday" in a story of Monday evening (UTC): the day after,
        # in a time zone ahead, rather than six days back (which a story calls "last Tuesday");
        # a story datelined ahead, or an hour of that day ("early", "Tuesday night") says so,
        # and "supported the sanctions … Monday" in a Sunday story is six days back
        return (pub + timedelta(days=1)).isoformat(), False  # it has happened
    d = pub + timedelta(days=delta)
    return d.isoformat(), delta > 0


def _relative_day(m: re.Match[str], pub: date, ctx: _Context) -> _Dated:
    """ "today", "yesterday", "tomorrow"."""
    offset = {"yesterday": -1, "tomorrow": 1}.get(m.group(1).lower(), 0)
    d = pub + timedelta(days=offset)
    return d.isoformat(), offset > 0


def _week_or_month(m: re.Match[str], pub: date, ctx: _Context) -> _Dated:
    """ "last week", "next month", "earlier this month"."""
    relative, unit = m.group(1).lower(), m.group(2).lower()
    step = -1 if relative == "last" else 1 if relative == "next" else 0
    if unit == "week":
        d = pub + timedelta(days=7 * step)
        return d.isoformat()[:7], step > 0
    return _year_month(*_month_shift(pub, step)), step > 0


def _weekend(m: re.Match[str], pub: date, ctx: _Context) -> _Dated:
    """ "last weekend", "this weekend", "over the weekend": its Saturday."""
    relative = m.group(1).lower()
    past_saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    next_saturday = pub + timedelta(days=(5 - pub.weekday()) % 7)
    if relative == "last":
        saturday = past_saturday
    elif relative == "this":
        saturday = next_saturday if pub.weekday() < 5 else past_saturday
    elif relative == "next":
        saturday = next_saturday + timedelta(days=7 if (next_saturday - pub).days < 2 else 0)
    else:  # "over the weekend", "at the weekend": the tense decides
        saturday = next_saturday if ctx.future else past_saturday
    return saturday.isoformat(), saturday > pub


def _within(m: re.Match[str], pub: date, ctx: _Context) -> _Dated | None:
    """ "in two weeks": a date ahead, when the verb looks ahead."""
    if not ctx.future:
        return None  # "37 cases in six weeks": a length of time, not a date
    n, unit = _count(m.group(1)), m.group(2).lower()
    if unit == "month":
        return _year_month(*_month_shift(pub, n)), True
    d = pub + timedelta(days=n * (7 if unit == "week" else 1))
    return (d.isoformat() if unit == "day" else d.isoformat()[:7]), True


def _ago(m: re.Match[str], pub: date, ctx: _Context) -> _Dated:
    """ "three days ago", "a month ago"."""
    n, unit = _count(m.group(1)), m.group(2).lower()
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat(), False
    if unit == "week":
        return (pub - timedelta(days=7 * n)).isoformat(), False
    return _year_month(*_month_shift(pub, -n)), False


# the kinds of date that mean nothing without the publication date
_FROM_PUBLICATION: dict[str, Callable[[re.Match[str], date, _Context], _Dated | None]] = {
    "wd": _weekday,
    "rel": _relative_day,
    "span": _week_or_month,
    "weekend": _weekend,
    "within": _within,
    "ago": _ago,
}


def _resolve(
    kind: str,
    m: re.Match[str],
    pub: date | None,
    before: str,
    clause: str = "",
    after: str = "",
    late: bool = False,
    ahead: bool = False,
) -> _Dated | None:
    """The date as YYYY-MM-DD or YYYY-MM, and whether it is later than publication.

    `before` is the text just ahead of the date: its tense decides which Monday is meant;
    `clause` is the clause up to the date and `after` the rest of it."""
    ctx = _context(before, clause, after, late, ahead)
    if kind in ("dmy", "mdy"):
        return _full_date(kind, m, pub, ctx)
    if kind in ("my", "my2"):
        return _month_year(kind, m, pub, ctx)
    resolve = _FROM_PUBLICATION.get(kind)
    if pub is None or resolve is None:
        return None
    return resolve(m, pub, ctx)


def _relative_to(m: re.Match[str], last_day: str | None, pub: date | None) -> _Dated | None:
    """ "a day later", "two days earlier", "the following day" after a dated event."""
    if last_day is None or _ANCHORED.match(m.string, m.end()):
        return None  # "a day after Arians said …" counts from his words, not the last date
    base = date.fromisoformat(last_day)
    count, direction, nextprev, afterbefore = m.groups()
    n = _count(count) if count else 1
    word = (direction or nextprev or afterbefore or "").lower()
    sign = -1 if word in ("earlier", "before", "previous") else 1
    d = base + timedelta(days=sign * n)
    return d.isoformat(), bool(pub and d > pub)


# ------------------------------------------------------------------------------ the clause

SHORT = 18  # words: a sentence this short is one clause
LONG_APPOSITION = 14  # words: a description this long parts a subject from its verb
# prepositions before a relative pronoun ("under which")
RELATIVE_PREPOSITIONS = ("under", "with", "through", "from", "in", "by", "on", "at", "to", "of")
# the parts of a sentence: cut at strong punctuation, commas, and words that open a clause of
# their own ("that" is no cut: a reported clause belongs to the verb that reports it)
_UNIT_CUT = re.compile(
    r";\s*|:\s+|\s*(?:\u2014|\u2013|--)\s*|\s-\s|,\s+"
    # "under which Berlin would …": a relative after its preposition is no cut
    + "|"
    + "".join(rf"(?<!\b{p})" for p in RELATIVE_PREPOSITIONS)
    + rf"\s(?=(?:{any_of(CLAUSE_RELATIVES)}|and that)\s)"
    # "after the talks failed", not "before Judge Solberg": a clause, not a name, follows
    rf"|\s(?=(?:{any_of(CLAUSE_SUBORDINATORS[:10])}|since)\s+(?:[a-z]|(?:\S+\s+){{1,5}}"
    r"(?:\w+ed|said|told|is|was|were|are|has|had|will|would|[a-z]+[^s\W]s)\b))"
    # "welcomed the vote on Monday and said that …": a second verb of the same subject
    rf"|\s(?=and\s+(?:then\s+)?(?:{any_of(SECOND_VERB_HELPERS)}|said|told|\w+ed)\s)"
    r"|\s(?=and\s+[a-z]+[^s\W]s\s+(?:the|a|an|its|his|her|their|back|up|out|down|off)\s)"
    r"|\s(?=that\s)"
)
_STRONG_CUT = re.compile(r"[;:\u2014\u2013-]")
# a sentence ends inside a sentence: a quotation of several sentences before its cue
_INNER_END = re.compile(r"(?<=[a-z0-9%)\]][.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c\u2018]?[A-Z])")
# what opens a paragraph before its first sentence: "TOKYO (Reuters) - ", "(CNN) ", "FILE - "
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'/]+(?:[ ,]+[A-Z][\w.'/-]*){0,5}\s*(?:\([^()\n]{1,40}\))?\s*"
    r"(?:-{1,2}|\u2014|\u2013)\s+|\([^()\n]{1,40}\)\s+(?:-\s+)?)"
)
# "that he had warned", "that Pyongyang is": a subject after "that" opens what was said;
# "a deal that set a ceiling": a verb after it opens a relative clause
_THAT_CLAUSE = re.compile(
    r"that\s+(?:[A-Z\d\"\u201c]|(?:he|she|it|they|we|i|you|the|a|an|its|his|her|their|this"
    r"|these|those|there|no|any|some|all|both)\b)"
)
_THAT_TIME = re.compile(r"that\s+(?:year|month|week|day|time|morning|night|evening)\b")
_WEEKDAY_BEFORE = re.compile(rf"\b{_WD}$")
# words in -ing that are no verb: "on Monday morning", "during"
NOT_GERUNDS = frozenset(
    "morning evening during nothing something anything everything thing spring king ring "
    "building meeting ceiling wedding".split()
)
# a leading phrase of manner or place before the subject: "By raising the offer, …"
_LEADING_PHRASE = re.compile(r"(?:By|With|Without|In|At|For|Despite)\s+[^,;]{3,60},\s+")
_PARTICIPLE = re.compile(r"[a-z]+ed|held|made|set|cut|built|seen|known|born|taken|given")
_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d")
_LEAD = re.compile(r"(?:and|but|then|so|yet|and then)\s+", re.I)
_CUE_WORDS = any_of(sorted(SPEECH_CUES | REPORTING_VERBS, key=len, reverse=True))
# "said that …", "told the city that …", "said she …": where the reported clause starts
_REPORTED = re.compile(
    rf"\b(?:{_CUE_WORDS})(?:\s+(?!that\b)[\w'\u2019-]+){{0,3}}?\s+that\s+"
    rf"|\b(?:{_CUE_WORDS})\s+(?=(?:he|she|they|it|we|I)\s)"
)
# "said Friday that": a "that" this close after a cue opens what was said, no relative clause
_CUE_BEFORE = re.compile(rf"\b(?:{_CUE_WORDS})\b(?:\s+\S+){{0,6}}\s*$")
# ", according to both sides", ", the ministry said": an attribution closing a sentence
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?:according to\b|per\b|(?:[\w.'\u2019-]+\s+){{1,6}}?(?:{_CUE_WORDS})$)"
)
# "…," the Kremlin said Friday / police announced Thursday: the date dates the words reported
_ATTRIBUTION = re.compile(
    rf"^[\"\u201d]?\s*(?:[\w.'\u2019-]+\s+){{1,7}}?(?:{_CUE_WORDS})\b[^,;\"\u201c\u201d]{{0,40}}$"
)


def _sentence_bounds(text: str, s: Sentence) -> tuple[int, int]:
    """The sentence without its closing punctuation and quotation marks."""
    start, end = s.start, s.end
    while end > start and text[end - 1] in '.!?"\u201d ':
        end -= 1
    while start < end and text[start] in '"\u201c ':
        start += 1
    return start, end


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    strong: bool  # opened by strong punctuation or the sentence start, not a comma or a word


def _inner_sentence(text: str, start: int, end: int, ds: int, de: int) -> tuple[int, int]:
    """The sentence of several sentences that holds the date ("… world. All options are on
    the table," Trump said on Tuesday): the analyser keeps a quotation and its cue together."""
    for m in _INNER_END.finditer(text, start, end):
        word = re.search(r"[\w.]+(?=[.!?]\S*\s*$)", text[max(start, m.start() - 12) : m.start()])
        if word and word.group(0).lower().rstrip(".") in ABBREVIATIONS:
            continue
        if m.end() <= ds:
            start = m.end()
        elif m.start() >= de:
            end = m.start()
            break
    return start, end


def _opening(text: str, start: int, end: int) -> int:
    """Past a dateline, a caption's "FILE -", a quotation mark and a leading "But"."""
    for pattern in (_DATELINE, re.compile(r"[\"\u201c\u2018]\s*"), _LEAD):
        m = pattern.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
    return start


def _units(
    text: str, start: int, end: int, ds: int, de: int, others: Sequence[tuple[int, int]] = ()
) -> list[_Unit]:
    """The parts of the sentence between its cuts; no cut falls inside a date."""
    out: list[_Unit] = []
    at, strong = start, True
    spans = [(ds, de), *others]
    quoted = [q.span() for q in _QUOTED.finditer(text, start, end)]
    for m in _UNIT_CUT.finditer(text, start, end):
        if any(m.start() < b and m.end() > a for a, b in spans) or _not_a_cut(text, m, ds):
            continue
        if not m.group(0).strip() and any(a < m.start() < b for a, b in quoted):
            continue  # "would 'talk to anyone who respects …'": the words quoted are one
        if _date_commas(text, m, start, ds, de):
            continue
        if m.start() > at:
            out.append(_Unit(at, m.start(), strong))
        at, strong = m.end(), bool(_STRONG_CUT.search(m.group(0)))
    if end > at:
        out.append(_Unit(at, end, strong))
    return out


def _date_commas(text: str, m: re.Match[str], start: int, ds: int, de: int) -> bool:
    """ "on Saturday, Feb. 3, 2018, as saying …": the commas of the date and its weekday."""
    if m.end() == ds and _WEEKDAY_BEFORE.search(text, start, m.start()):
        return True
    return m.start() == de and text[ds - 2 : ds] == ", " and text[de - 4 : de].isdigit()


def _not_a_cut(text: str, m: re.Match[str], ds: int) -> bool:
    """ "before the end of November": the word opens the date's own phrase, not a clause;
    "said on Friday that …": the reported clause belongs to the cue."""
    if m.group(0).strip():
        return False
    if text.startswith(("when ", "once "), m.end()) and m.start() > ds:
        return True  # "set the benchmark in June when it agreed to pay …": the same happening
    if text.startswith("that", m.end()):
        # a "that" before the date opens its own clause only after a cue (_reported_start)
        return (
            m.end() <= ds
            or bool(_THAT_TIME.match(text, m.end()))
            or bool(
                _CUE_BEFORE.search(text, max(0, m.start() - 60), m.start())
                and _THAT_CLAUSE.match(text, m.end())
            )
        )
    return bool(
        m.end() <= ds
        and re.fullmatch(
            r"\w+\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?)?",
            text[m.end() : ds],
        )
    )


def _first_word(text: str, u: _Unit) -> str:
    """The part's first word, past a quotation mark and a joining "and" or "but"."""
    m = re.match(r"[\"\u201c]?(?:(?:and|but)\s+)?([\w'\u2019-]+)", text[u.start : u.end])
    return m.group(1) if m else ""


def _joined(text: str, u: _Unit) -> bool:
    return bool(re.match(r"(?:and|but)\s", text[u.start : u.end]))


def _antecedent(text: str, u: _Unit) -> int:
    """Where the noun phrase that ends `u` starts: "siding with <Qualcomm>, which …"."""
    words = list(re.finditer(r"\S+", text[u.start : u.end]))
    first = len(words)
    for i in range(len(words) - 1, max(-1, len(words) - 8), -1):
        w = words[i].group(0).strip(',"\u201c\u201d').lower()
        if w in NOT_IN_ANTECEDENT or _verb_before_object(words, i):
            break
        first = i
    return u.start + words[first].start() if first < len(words) else u.start


def _verb_before_object(words: list[re.Match[str]], i: int) -> bool:
    """ "indicted a teenage girl": a participle before a determiner is the verb, while
    "the second televised debate" keeps its adjective."""
    word = words[i].group(0)
    after = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
    return word.endswith("ed") and word.islower() and after in APPOSITIVE_OPENERS


def _subject_start(text: str, units: list[_Unit], i: int) -> int:
    """A part that opens with its verb takes its subject from the parts before it, past the
    phrases set off by commas ("Mike Mullen, a former chairman …, said Sunday")."""
    j = i
    while j > 0 and not units[j].strong and i - j < 4:
        j -= 1
        first = _first_word(text, units[j])
        if _place_apposition(text, units, j):
            continue
        if units[j].strong or first[:1].isupper() and first.lower() not in APPOSITIVE_OPENERS:
            aside = text[units[j].end : units[i].start].split()
            # a long description between them ("X, the leader who vowed …, said") is left out
            return units[j].start if len(aside) <= LONG_APPOSITION else units[i].start
    return units[i].start


def _apposed_description(text: str, u: _Unit) -> bool:
    """ "the dominant producer of chips for mobile devices": a short noun phrase set off by
    commas, not a clause ("the breach affected a third of the country")."""
    words = text[u.start : u.end].split()
    return words[0].lower() in ("the", "a", "an") and len(words) <= 8


def _place_apposition(text: str, units: list[_Unit], j: int) -> bool:
    """ "The flight from Auckland, New Zealand, left …": the country after a place."""
    words = text[units[j].start : units[j].end].split()
    before = text[units[j - 1].start : units[j - 1].end].split() if j else []
    return len(words) <= 3 and bool(before) and before[-1][:1].isupper() and not units[j].strong


def _relative_start(text: str, units: list[_Unit], i: int) -> int:
    """A relative clause takes its antecedent: "<Qualcomm>, which last week announced …"."""
    j = i - 1
    while j > 0 and not units[j + 1].strong and _apposed_description(text, units[j]):
        j -= 1  # "Qualcomm, the dominant producer of chips, which …"
    if j < 0 or units[j + 1].strong:
        return units[i].start
    return _antecedent(text, units[j])


def _verb_first(word: str) -> bool:
    """Whether a part opens with its verb ("said Sunday", "were released"), not a noun
    phrase or an adverb of degree ("almost a metre above …")."""
    low = word.lower()
    verb_like = (
        low in SPEECH_CUES
        or low in SECOND_VERB_HELPERS
        or low in PAST_CUES
        or bool(re.fullmatch(r"[a-z]+(?:ed|es|ly|ing)|[a-z]+[^s]s", low))
    )
    return (
        word.islower()
        and verb_like
        and low not in APPOSITIVE_OPENERS
        and low not in ADVERBIAL_OPENERS
        and low not in CLAUSE_SUBORDINATORS
        and low not in PRONOUNS_ALL
    )


def _left_edge(text: str, units: list[_Unit], i: int, crowded: bool = False) -> int:
    """Where the event's clause starts: its subject, its antecedent, or past its conjunction;
    among several dated happenings, "and briefed them a day later" keeps to its own verb."""
    u = units[i]
    if crowded and _joined(text, u):
        return u.start
    first = _first_word(text, u)
    low = first.lower()
    if low in CLAUSE_RELATIVES:
        return _relative_start(text, units, i)
    if low in CLAUSE_SUBORDINATORS:
        return u.start + text[u.start : u.end].index(first) + len(first) + 1
    if i and not u.strong and _reduced_relative(text, units, i):
        return _antecedent(text, units[i - 1])  # "the debate, held on Wednesday"
    if i and not u.strong and (_verb_first(first) or _only_a_date(text, u)):
        return _subject_start(text, units, i)
    return u.start


def _describes(text: str, units: list[_Unit], i: int) -> bool:
    """The date's part describes a noun before it: "the review, opened last Friday, …"."""
    if i == 0 or units[i].strong:
        return False
    return _first_word(text, units[i]).lower() in CLAUSE_RELATIVES or _reduced_relative(
        text, units, i
    )


def _reduced_relative(text: str, units: list[_Unit], i: int) -> bool:
    """ "the review, opened last Friday, …" describes the noun before it, while in "The
    hotline, located in …, remained open until …" the participle after an apposition is the
    verb of the sentence."""
    if not _PARTICIPLE.fullmatch(_first_word(text, units[i])):
        return False
    before = _first_word(text, units[i - 1])
    described = _verb_first(before) or bool(_PARTICIPLE.fullmatch(before))
    return not (described or before.lower() in APPOSITIVE_OPENERS and i > 1)


def _only_a_date(text: str, u: _Unit) -> bool:
    """ "…, on Monday evening", "…, to 1 December": a date phrase closing the clause."""
    words = text[u.start : u.end].split()
    return len(words) <= 4 and (words[0].lower() in ADVERBIAL_OPENERS or words[0] == "to")


def _subject_next(text: str, u: _Unit) -> bool:
    """ "…, at the end of November, <Kim declared …>": the part opens with a subject."""
    first = _first_word(text, u)
    return not _joined(text, u) and (
        first[:1].isupper() or first.lower() in PRONOUNS_ALL or first.lower() in ("the", "a")
    )


def _adverbial_first(text: str, units: list[_Unit], i: int, ds: int, de: int) -> bool:
    """ "In August, Boko Haram released …": a date phrase ahead of its clause's subject."""
    u = units[i]
    words = text[u.start : u.end].split()
    opens = _first_word(text, u).lower() in ADVERBIAL_OPENERS or ds <= u.start + 1
    ends = len(text[de : u.end].split()) <= 2  # the date ends the phrase
    followed = i + 1 < len(units) and not units[i + 1].strong
    # it opens the sentence or a joined clause, or a subject follows it
    heads = u.strong or _joined(text, u) or followed and _subject_next(text, units[i + 1])
    return opens and ends and heads and len(words) <= 10 and followed


def _right_edge(text: str, units: list[_Unit], i: int, adverbial: bool) -> int:
    """Where the clause ends: its own part, or, after a leading date phrase, the clause it
    heads ("In August, <Boko Haram released a video>"), past a name's apposition."""
    if not adverbial:
        return units[i].end
    j = i + 1
    while j + 1 < len(units) and not units[j + 1].strong:
        first = _first_word(text, units[j]).lower()
        short = len(text[units[j].start : units[j].end].split()) <= 4
        if first in CLAUSE_SUBORDINATORS or short or (first in APPOSITIVE_OPENERS and j > i + 1):
            j += 1
        elif j + 2 < len(units) and _apposition(text, units, j + 1):
            j += 2  # "announced that one girl, Amina Ali, had been found"
        else:
            break
    return units[j].end


def _apposition(text: str, units: list[_Unit], k: int) -> bool:
    """A name set off by commas inside a clause: "one girl, <Amina Ali>, had been found"."""
    u = units[k]
    words = text[u.start : u.end].split()
    return (
        len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not units[k].strong
        and not units[k + 1].strong
    )


def _reported_start(text: str, lo: int, ds: int) -> int:
    """A date inside what someone said starts at the reported clause ("Vautrin said <she
    hoped the systems would be back by Thursday>"), unless the date dates the saying."""
    last = None
    for m in _REPORTED.finditer(text, lo, ds):
        last = m
    if last is None or not re.search(r"\w", text[last.end() : ds]):
        return lo
    return last.end()


def _attributed(text: str, start: int, units: list[_Unit], i: int, de: int) -> bool:
    """The date is in the trailing attribution ("…, police announced Thursday")."""
    u = units[i]
    if i == 0 or i + 1 < len(units) or len(text[de : u.end].split()) > 3:
        return False
    return bool(_ATTRIBUTION.match(text[u.start : u.end]))


def _clause(
    text: str,
    s: Sentence,
    date_start: int,
    date_end: int,
    others: Sequence[tuple[int, int]] = (),
) -> tuple[int, int]:
    """The clause that states the happening a date belongs to, with its subject; `others`
    are the sentence's other dates, each of which may date a happening of its own."""
    start, end = _sentence_bounds(text, s)
    start, end = _inner_sentence(text, start, end, date_start, date_end)
    start = min(_opening(text, start, end), date_start)
    crowded = any(start <= a < end for a, _ in others)
    units = _units(text, start, end, date_start, date_end, others)
    i = next(k for k, u in enumerate(units) if u.start <= date_start < u.end + 1)
    if len(text[start:end].split()) <= SHORT and not crowded and not _describes(text, units, i):
        return _short_sentence(text, _reported_start(text, start, date_start), end, date_start)
    if _attributed(text, start, units, i, date_end):
        return _trimmed(text, units[i - 1].start, units[i].end)
    if units[i].strong and i and _only_a_date(text, units[i]):
        # "the latest launch — on Aug. 29 — was the first to …": the date is an aside
        hi = units[i + 1].end if i + 1 < len(units) else units[i].end
        return _trimmed(text, _left_edge(text, units, i - 1), hi)
    adverbial = _adverbial_first(text, units, i, date_start, date_end)
    lo = _left_edge(text, units, i, crowded)
    if adverbial and _verb_first(_first_word(text, units[i + 1])):
        lo = _subject_start(text, units, i)
    lo = _after_other_date(text, lo, date_start, others)
    lo = _reported_start(text, lo, date_start)
    hi = _right_edge(text, units, i, adverbial)
    return _trimmed(text, lo, _without_tail(text, lo, hi, date_end))


LONG_EVENT = 18  # words: a clause this long may carry a tail that is no part of the happening
# what follows a happening without being it: why, in answer to what, on what terms
_TAIL = re.compile(
    r"\s+(?:in response to|in retaliation for|in the wake of|amid|predicated on|as part of"
    r"|in an effort to|to (?:[\w'\u2019]+\s+){0,2}hopes that)\b"
    r"|,\s+(?:saying|adding|according to)\b",
    re.I,
)


def _without_tail(text: str, lo: int, hi: int, date_end: int) -> int:
    """A long clause ends before a tail after its date ("… adopted new sanctions on North
    Korea <in response to the test of November 29>")."""
    if len(text[lo:hi].split()) <= LONG_EVENT:
        return hi
    for m in _TAIL.finditer(text, max(lo, date_end), hi):
        if len(text[lo : m.start()].split()) >= 8:
            return m.start()
    return hi


def _after_other_date(text: str, lo: int, ds: int, others: Sequence[tuple[int, int]]) -> int:
    """A second date in the same clause dates the verb nearest it: "indicted her on Monday
    for <punching a soldier two weeks ago>"."""
    ends = [e for a, e in others if lo <= a and e <= ds]
    if not ends:
        return lo
    verbs = [
        v
        for v in re.finditer(r"\b[a-z]+ing\b", text[max(ends) : ds])
        if v.group(0) not in NOT_GERUNDS
    ]
    return max(ends) + verbs[-1].start() if verbs else lo


def _short_sentence(text: str, start: int, end: int, ds: int) -> tuple[int, int]:
    """A short sentence is one clause, less an attribution that closes it."""
    tail = _TRAILING_ATTRIBUTION.search(text, start, end)
    if tail and tail.start() > ds:
        end = tail.start()
    lead = _LEADING_PHRASE.match(text, start, end)
    if lead and lead.end() <= ds:
        start = lead.end()  # "By sweetening the offer, he is …": the manner, not the happening
    return _trimmed(text, start, end)


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    while hi > lo and text[hi - 1] in " ,;:\u2014":
        hi -= 1
    lead = _LEAD.match(text, lo, hi)
    if lead and hi > lead.end():
        lo = lead.end()
    return lo, hi


# ------------------------------------------------------------------------------ the events


def _dates_by_sentence(
    text: str, sents: Sequence[Sentence]
) -> Iterator[tuple[Sentence, list[tuple[str, re.Match[str]]]]]:
    """Each sentence with the date expressions it holds whole, in text order: each pattern
    runs once over the whole text, which is much faster than once per sentence."""
    starts = [s.start for s in sents]
    found: dict[int, list[tuple[str, re.Match[str]]]] = {}
    words = word_starts(text)  # tried only where a word that can open a match starts
    for kind, pattern in _PATTERNS:
        for m in words.finditer(pattern):
            index = bisect_right(starts, m.start()) - 1
            if index >= 0 and m.end() <= sents[index].end:
                found.setdefault(index, []).append((kind, m))
    for index in sorted(found):
        yield sents[index], found[index]


def _not_an_event(text: str, s: Sentence, kind: str, m: re.Match[str]) -> bool:
    """Date expressions that name no event of the article's own."""
    if kind in ("rel", "span", "ago") and any(
        t.quote and t.start <= m.start() < t.end for t in s.tokens
    ):
        return True  # "today" inside a quotation is the speaker's day, not the article's
    if kind == "wd" and _FULL_DATE_NEXT.match(text, m.end()):
        return True  # "on Monday, 3 December": the full date that follows says it
    if kind in ("dmy", "mdy", "my2") and _caption(text, s, kind, m):
        return True
    if kind in ("mdy", "my2") and _IN_A_NAME.search(text, max(s.start, m.start() - 20), m.start()):
        return True
    # "since January": a stretch of time, not an event
    return kind == "my" and m.group(0).lower().startswith("since")


def _caption(text: str, s: Sentence, kind: str, m: re.Match[str]) -> bool:
    """A photograph's date: "… near the city of Ramallah, January 1, 2018." after its place,
    or "4/34 27 November 2017 Crowds wait outside …" heading a gallery caption."""
    year = m.group(2) if kind == "my2" else m.group(3)
    if not year:
        return False
    if _GALLERY.search(text, max(0, m.start() - 12), m.start()) and re.match(
        r" [A-Z]", text[m.end() : m.end() + 2]
    ):
        return True
    if re.search(r"\w", text[m.end() : s.end]):
        return False
    place = _CAPTION_DATE.search(text, max(0, m.start() - 40), m.start())
    return bool(place and place.group(1).lower().rstrip(".") not in WEEKDAYS)


def _a_list_of_dates(text: str, s: Sentence, dates: list[tuple[str, re.Match[str]]]) -> bool:
    """ "Archives: January 2018 December 2017 November 2017 …": a menu, no happening."""
    if len(dates) < 4:
        return False
    dated = sum(m.end() - m.start() for _, m in dates)
    return dated > 0.4 * (s.end - s.start)


def _overlaps(m: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    return any(start < m.end() and m.start() < end for start, end in taken)


def _dated(
    text: str,
    kind: str,
    m: re.Match[str],
    clause: tuple[int, int],
    pub: date | None,
    last_day: str | None,
    late: bool = False,
    ahead: bool = False,
) -> _Dated | None:
    """The date of one expression, read with the words of its clause around it."""
    if kind == "after":
        return _relative_to(m, last_day, pub)
    if kind == "same day":
        return (last_day, False) if last_day else (pub.isoformat(), False) if pub else None
    if kind == "holiday":
        month, day_of_month = HOLIDAYS[m.group(1)]
        ctx = _context(text[max(clause[0], m.start() - 60) : m.start()], "")
        found = _closest_year(month, day_of_month, pub, ctx.future) if pub else None
        return (found.isoformat(), found > pub) if found and pub else None
    if kind == "days after":
        # the days before the last date read: its month (the month before, in its first days)
        if last_day is None:
            return None
        anchor = date.fromisoformat(last_day) - timedelta(days=3)
        return anchor.isoformat()[:7], False
    start, end = clause
    before = text[max(start, m.start() - 60) : m.start()]
    clause_text = text[start : m.start()]
    return _resolve(kind, m, pub, before, clause_text, text[m.end() : end], late, ahead)


def find_events(
    text: str,
    sents: list[Sentence],
    published: str | None,
    marks: list[tuple[int, int, str]] | None = None,
    original: str | None = None,
) -> list[Event]:
    """Events in text order; `marks`, when given, receives each date expression's span and date;
    `original` is the text before its furniture (its dateline) was blanked."""
    pub = _parse(published)
    # a weekday just after publication in a past clause is the next day only in a time zone
    # ahead: the story's dateline is there, or the clause names an hour of that day or says
    # "local time" (see _weekday)
    late = _late(published)
    ahead = _dateline_ahead(text if original is None else original) or _next_day_named(text, pub)
    out: list[Event] = []
    seen: set[tuple[str, int]] = set()  # one event per date and clause
    said: set[tuple[str, str]] = set()  # and one per date and wording (a lede said twice)
    last_day: str | None = None  # the last full date, which "a day later" counts from
    for s, dates in _dates_by_sentence(text, sents):
        taken: list[tuple[int, int]] = []  # the date expressions read, which others may overlap
        if _a_list_of_dates(text, s, dates):
            continue
        for kind, m in dates:
            if _overlaps(m, taken):
                continue
            if _not_an_event(text, s, kind, m):
                taken.append(m.span())  # nor is a shorter date inside it ("November 2017")
                continue
            others = [d.span() for _, d in dates if d is not m and not _overlaps(d, [m.span()])]
            clause_start, clause_end = _clause(text, s, m.start(), m.end(), others)
            if kind == "days after":  # the happening is the clause after "days after"
                clause_start, clause_end = _trimmed(text, m.end(), max(clause_end, m.end()))
            span = (clause_start, clause_end)
            dated = _dated(text, kind, m, span, pub, last_day, late, ahead)
            if dated is None:
                continue
            taken.append(m.span())
            day, later = dated
            if len(day) == len("YYYY-MM-DD"):
                last_day = day
            if marks is not None:
                marks.append((m.start(), m.end(), day))
            if (day, clause_start) not in seen and (day, text[clause_start:clause_end]) not in said:
                seen.add((day, clause_start))
                said.add((day, text[clause_start:clause_end]))
                event = Event(
                    date=day,
                    text=text[clause_start:clause_end],
                    start=clause_start,
                    end=clause_end,
                    scheduled=later,
                )
                out.append(event)
    out.sort(key=lambda e: e.start)
    return out
