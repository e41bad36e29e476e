"""Whether a timeline row that reads as a statement tells a happening on the date it shows
(pure functions on the row's words, the words before it in its sentence and the dates).

A row is doubtful (hidden by default, shown marked uncertain) when it is a sub-clause cut from
its sentence ("… before | the new tax law takes effect on Jan. 1"), when its subject is an
epithet for someone the row never names ("The singer posted …"), when it tells a state or a
comment rather than a happening ("shares were trading at …", "the attack demonstrated …"), when
its tense and its date disagree (a past tense dated after the article, a plan not marked
scheduled, a present tense retelling an old event with no year), when its date belongs to a
sub-clause ("disputes a report released Monday") or to another day than the one it writes
out, and when it is cut short ("premised on either …" without its "or").
"""

from __future__ import annotations

import re
from datetime import date

from briefing.storylines._gate import IRREGULAR_PAST, words
from briefing.storylines._text import STOPWORDS, content_terms, stem

# Words that make the clause after them subordinate: cut from its sentence, the clause loses
# what it depends on ("… when | a tram derailed", "… before | the new tax law takes effect").
_SUBORDINATORS = frozenset(
    "although though when whenever after before that since because as while if unless until"
    " once whereas where whether".split()
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_WRITTEN_DAY = re.compile(
    r"\b(?P<m1>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d1>\d{1,2})"
    r"(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|million|billion|,\d))"
    r"|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
    r"|Sept?|Oct|Nov|Dec)[a-z]*\b"
)
_MONTH_NAME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)
# The subject is an epithet for someone named elsewhere ("The model and TV personality", "The
# Grammy-nominated comedienne", "The group", "The New York bank").
_EPITHET = re.compile(
    r"^\W*[Tt]he\s+(?P<before>(?:[\w'\u2019.-]+\s+){0,3}?)(?:singer|model|personality|star|actor|actress"
    r"|comedienne|comedian|rapper|musician|frontman|presenter|host|anchor|filmmaker|director"
    r"|author|billionaire|magnate|mogul|tycoon|group"
    r"|company|firm|bank|lender|state|regime|nation|agency|airline|carrier|spokes(?:person|man"
    r"|woman)|couple|pair|duo|man|woman|boy|girl|teen|teenager|player|quarterback|star"
    r"|militants|insurgents|jihadists|site|website|outlet|publication|retailer|giant"
    r"|chipmaker|automaker|carmaker|insurer|broadcaster|network|officials|government"
    r"|administration)(?![\w-])",
)
# A subject that points back to something told before it ("The incident", "The move").
_ANAPHOR = re.compile(
    r"^\W*The\s+(?:incident|events|move|decision|announcement|statement|remarks|comments"
    r"|news|development|episode|affair|matter|situation|issue|plan|deal|trial|case"
    r"|investigation|inquiry|lawsuit)(?![\w-])"
)
# What someone knows or thinks is no happening ("Every fan knows …").
_KNOWING = re.compile(
    r"^\W*(?:[\w'\u2019-]+\s+){1,4}?(?:knows?|believes?|thinks?|seem(?:s|ed)?|remains?|wonders?"
    r"|means|meant)\b"
)
# An object that points back, with nothing after it ("… dismissed the possibility").
_DANGLING_OBJECT = re.compile(
    r"\bthe\s+(?:possibility|idea|claims?|reports?|move|plan|proposal|allegations?|suggestion"
    r"|request|offer|decision|remarks|comments|incident|records|documents|files)"
    r"(?:\s+(?:in|on|last|this|earlier)\s+\w+(?:\s+\w+)?)?\W*$",
    re.IGNORECASE,
)
# A photo's caption inside the row ("Paul Simon, photographed in 2016, will …"), or what
# pictures show ("Images released by the agency show the leader …").
_CAPTION = re.compile(
    r",\s*(?:photographed|pictured)\b|^\W*(?:The\s+)?(?:[Pp]ictures|[Pp]hotos|[Pp]hotographs"
    r"|[Ii]mages|[Ff]ootage|[Vv]ideo)\b[^.;]{0,80}?\bshows?\b",
    re.IGNORECASE,
)
# The date of a source the row cites ("According to a complaint filed on 27 September, …").
_SOURCE_DATE = re.compile(
    r"^\W*according to [^,]*\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday"
    r"|jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\b[^,]*,",
    re.IGNORECASE,
)
# A saying cut before what was said ("Theresa May today said").
_SAID_LAST = re.compile(
    r"\b(?:said|says|told|added|announced|stated|declared|warned|wrote|tweeted)\W*$"
)
# Sayers left unnamed ("some former officials said").
_VAGUE_SAYERS = re.compile(
    r"\b(?:some|several|many|other|unnamed)\s+(?:[\w-]+\s+){0,2}?(?:officials|analysts|experts"
    r"|sources|observers|critics|diplomats|people)\s+(?:have\s+)?(?:said|say|told|warned|believe)",
    re.IGNORECASE,
)
_DAY_WORD = r"(?:today|tonight|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
# The only day the row names is that of a plan in its sub-clause ("… as it was announced the
# council would hold an emergency meeting today").
_PLANNED_DAY = re.compile(rf"\b(?:would|will)\b[^,.;]*\b{_DAY_WORD}\b", re.IGNORECASE)
_SAYING_PRESENT = re.compile(
    r"\b(?:says|tells|reports|announces|confirms|warns|insists|claims|adds|writes)\b"
)
# A state, not a happening: a price standing somewhere, what something is today.
_STATE = re.compile(
    r"\b(?:was|were|is|are)\s+(?:trading|hovering|sitting|standing|changing hands)\s+(?:at"
    r"|around|near)\b|\b(?:is|are)\s+today\b|\bmade no mention\b",
    re.IGNORECASE,
)
# A comment on what something meant, not who did what; waking or reacting to the news of a
# happening told elsewhere ("The country woke up to news of …").
_COMMENT = re.compile(
    r"\b(?:demonstrat|underscor|highlight|illustrat|exemplifi|symboli[sz]|epitomi[sz])(?:ed|es|s)\b"
    r"|\bto\s+(?:the\s+)?news\s+(?:of|that)\b|\bdid\s+more\s+than\b",
    re.IGNORECASE,
)
# The newsroom's own asking ("Newsweek sought comment from Acme this week", "did not
# respond to a request for comment") or an outlet crediting its scoop ("The Post first
# reported the bid on Sunday", "broke the news"): no happening of the story.
_NEWSROOM = re.compile(
    r"\b(?:sought|requested|asked\s+for)\s+comment\b|\brequests?\s+for\s+comment\b"
    r"|\b(?:first|earlier|previously|initially|exclusively)\s+report(?:ed|s)\b"
    r"|\bbr(?:oke|eaks)\s+the\s+(?:news|story)\b"
    r"|\b(?:could\s+not|couldn't)\s+be\s+reached\b|\bdid\s+not\s+(?:immediately\s+)?"
    r"(?:respond|reply|return)\b",
    re.IGNORECASE,
)
# A happening placed beside another, not told ("The tests came during joint drills", "The
# glitch followed a failed launch", "Acme's bid followed a visit to …").
_BESIDE = re.compile(
    r"\b(?:came|comes)\s+(?:as|during|amid|after|just|only|days|hours|weeks|months|a\s+(?:day"
    r"|week|month)|on\s+the\s+heels)\b"
    r"|^\W*(?:The\s|[A-Z][\w.-]*['\u2019]s\s)[^,;]{0,80}?\bfollow(?:ed|s)\s+(?:a|an|the|its"
    r"|his|her|their)\b"
)
# One of several reports whose first is elsewhere ("In a further post, …").
_FURTHER = re.compile(
    r"^\W*(?:in|on)\s+(?:a|an)\s+(?:further|another|second|later|follow-up|separate|subsequent)\b",
    re.IGNORECASE,
)
# A plan or a promise told in the main clause: a scheduled row, or no happening yet.
_PLAN = re.compile(
    r"\b(?:will|shall|promises?|plans?|expects?|intends?|aims?|hopes?|vows?"
    r"|(?:is|are)\s+(?:set|scheduled|expected|due|slated|poised|going)\s+to)\b"
    r"|['\u2019]ll\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|to\s+be|(?:set|scheduled|expected|due|slated|plans?|planned|promises?"
    r"|going)\s+to|next|upcoming|tomorrow)\b|['\u2019]ll\b",
    re.IGNORECASE,
)
# The date of a noun ("a report released Monday"), after the row's own verb.
_NOUN_DATE = re.compile(
    r"\b(?:a|an|the|its|his|her|their)\s+(?:[\w'\u2019-]+\s+){0,3}?[a-z]+ed\s+(?:(?:on|late"
    r"|early|last|this|earlier)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today"
    r"|yesterday|(?:this|last)\s+(?:week|month))\b"
)


# The article's own day, named relative to when it was written.
_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.IGNORECASE)
_LAST_NIGHT = re.compile(r"\blast night\b", re.IGNORECASE)


def overnight(article: str) -> bool:
    """An article that tells of "last night": written the morning after, while its date may
    still be the evening before, so its "today" is no sure day."""
    return bool(_LAST_NIGHT.search(article))


def doubtful_happening(
    text: str,
    before: str,
    shown: str,
    published: str | None,
    scheduled: bool,
    *,
    written_overnight: bool = False,
) -> bool:
    """Whether the row (its words, the words before it in its sentence, the date it shows,
    the article's date, its scheduled mark) is likely no happening on that date."""
    return (
        (written_overnight and bool(_TODAY.search(text)))
        or _cut_from_sentence(text, before)
        or _opens_inside_quotation(text)
        or _epithet(text)
        or bool(
            _STATE.search(text)
            or _COMMENT.search(text)
            or _BESIDE.search(text)
            or _NEWSROOM.search(text)
            or _FURTHER.search(text)
        )
        or _unresolved(text)
        or (not scheduled and _date_of_a_noun_only(text))
        or _cut_short(text)
        or _tense_against_date(text, shown, published, scheduled)
        or _date_elsewhere(text, shown)
    )


def _unresolved(text: str) -> bool:
    """A subject pointing back, a knowing or thinking, a caption, a source's date, a saying
    with nothing said."""
    quoted = any(q in text for q in '"\u201c\u201d')
    return bool(
        _ANAPHOR.search(text)
        or _KNOWING.search(text)
        or _CAPTION.search(text)
        or _SOURCE_DATE.search(text)
        or _VAGUE_SAYERS.search(text)
        or _DANGLING_OBJECT.search(text)
        or _SUCH.search(text)
        or _THING_SAID_HE.search(text)
        or (_SAID_LAST.search(text) and not quoted)
        or _open_quotation(text)
        or _only_a_relative_clause(text)
        or _MONTH_SPAN.search(text)
        or _DAY_POSSESSIVE_SUBJECT.search(text)
        or _undated_past_perfect(text)
        or _points_back(text)
        or _stance_said(text)
        or _LAST_TIME.search(text)
        or _not_done(text)
    )


# Something like what was told before ("just such a pair of glasses", "such an attack").
_SUCH = re.compile(r"\bsuch\s+(?:an?|the)\b", re.IGNORECASE)
# "he" or "she" reported by a body, not a person ("the casino said that she left", "the
# newspaper Le Soir reported that he was"): someone the row never names.
_THING_SAID_HE = re.compile(
    r"(?:^|\b(?:the|a)\s)(?:[a-z][\w-]*\s+){1,2}(?:[A-Z][\w'-]*\s+){0,3}(?:said|says|reported"
    r"|reports|told|announced|confirmed)\b[^.;]{0,40}?\b(?:he|she)\b"
)
_RELATIVE = frozenset("who whom whose which where".split())


def _open_quotation(text: str) -> bool:
    """A quotation opened and never closed: the row is cut inside someone's words ('… that
    the crash was "a tragedy')."""
    curly = text.rfind("\u201c") > text.rfind("\u201d")
    return curly or text.count('"') % 2 == 1


def _only_a_relative_clause(text: str) -> bool:
    """A name and what describes it, with no deed of its own: the only verbs are in a relative
    clause that runs to the end ("Ana Ruiz, a lawyer for the crew who filed the claim")."""
    tokens = words(text)
    lows = [t.lower() for t in tokens]
    at = next((i for i, t in enumerate(lows) if t in _RELATIVE), None)
    if at is None:
        return False
    cut = text.find(tokens[at])
    if "," in text[cut:] or "," not in text[:cut]:
        return False  # the main clause goes on after it, or the clause defines its noun
    head = [t for t in tokens[:at] if t.islower()]
    return not any(
        t in IRREGULAR_PAST
        or t in {"is", "are", "was", "were", "has", "have", "had", "will", "says", "said"}
        or (t.endswith("ed") and len(t) > 4)
        for t in head
    )


def _epithet(text: str) -> bool:
    """The subject is a description of someone named elsewhere, not a name ("The singer",
    "The New York bank"; "the Energia company" names its company)."""
    found = _EPITHET.search(text)
    if not found:
        return False
    before = found.group("before").split()
    # A name stands before the noun ("the Energia company"), not a description in capitals
    # ("The Grammy-nominated comedienne") nor a place of two words ("The New York bank").
    return (
        not before
        or not before[-1][:1].isupper()
        or "-" in before[-1]
        or sum(w[:1].isupper() for w in before) >= 2
    )


# A date that opens the row with nothing but a conjunction after it ("January 1st, 2018, and
# will land …"): the row is the tail of a sentence.
_DATE_THEN_CONJUNCTION = re.compile(
    r"^\W*(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?(?:,?\s+\d{4})?,?\s+(?:and|but|or)\b",
    re.IGNORECASE,
)
# Words a noun phrase cannot be cut from.
_TORN_FROM = frozenset(
    "in at of on into onto from with by for to near the a an its their his her".split()
)
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def _cut_from_sentence(text: str, before: str) -> bool:
    """A clause in small letters after a word that makes it subordinate, or after a dash."""
    if _DATE_THEN_CONJUNCTION.search(text):
        return True
    tail = before.rstrip()
    if tail and words(tail) and words(tail)[-1].lower() in _TORN_FROM:
        return True  # a noun phrase torn from its preposition ("… a regular in | Mesquite, …")
    named = words(tail)
    if (
        tail.endswith(",")
        and named
        and all(w[:1].isupper() and w.lower() not in STOPWORDS for w in named)
    ):
        return True  # a list of names cut after its first ("Oslo, | Bergen and Trondheim …")
    if not text[:1].islower():
        return False
    if tail.endswith(("-", "\u2013", "\u2014")):
        return True
    preceding = words(tail)
    return bool(preceding) and preceding[-1].lower() in _SUBORDINATORS


# A quotation's end: a closing curly quote, or a straight one after a word or punctuation and
# before a space, a comma or the end.
_CLOSING_QUOTE = re.compile(r"\u201d|(?<=[\w.,!?])\"(?=[\s,.;:]|$)")


def _opens_inside_quotation(text: str) -> bool:
    """The row starts inside someone's quoted words: it closes a quotation it never opened
    ('the reality must be recognised," Putin told a forum on Friday')."""
    closing = _CLOSING_QUOTE.search(text)
    return closing is not None and not any(q in text[: closing.start()] for q in '"\u201c')


def _cut_short(text: str) -> bool:
    """An "either" without its "or"; a last "and" followed by no clause ("… and prior to him
    meeting …")."""
    low = text.lower()
    if re.search(r"\beither\b", low) and not re.search(r"\bor\b", low.split("either", 1)[1]):
        return True
    tail = re.split(r"\band\b", low)[-1].split()
    return (
        len(tail) > 1
        and tail[0] in {"prior", "ahead", "before", "after", "following"}
        and not (any(w in IRREGULAR_PAST or w.endswith("ed") for w in tail))
    )


def day_span(value: str | None) -> tuple[int, int] | None:
    """The first and last day (ordinals) a YYYY-MM-DD or YYYY-MM date may mean."""
    if not value:
        return None
    try:
        if len(value) == 7:
            first = date.fromisoformat(value + "-01")
            after = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first.toordinal(), after.toordinal() - 1
        day = date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None
    return day, day


def _past_only(text: str) -> bool:
    """The row tells something done: a past verb and no word of the future."""
    tokens = [t.lower() for t in words(text)]
    past = any(t in IRREGULAR_PAST or (t.endswith("ed") and len(t) > 4) for t in tokens)
    perfect = re.search(r"\b(?:has|have)\s+been\b", text)  # "has been extended to …"
    return past and not perfect and not _FUTURE.search(text)


def _main_plan(text: str) -> bool:
    """A plan or promise in the row's main clause (before any past verb: "said … will" is a
    report of a plan, told on the day it was said)."""
    found = _PLAN.search(text)
    if not found:
        return False
    head = [t.lower() for t in words(text[: found.start()])]
    return not any(t in IRREGULAR_PAST or t.endswith("ed") for t in head)


def _tense_against_date(text: str, shown: str, published: str | None, scheduled: bool) -> bool:
    """A past tense dated after the article (a day for time zones), a plan not marked
    scheduled, a scheduled mark on a past tense, a present tense retelling an earlier month
    with no year written."""
    when, article = day_span(shown), day_span(published)
    if scheduled:
        return _past_only(text) and not _main_plan(text)
    planned = _PLANNED_DAY.search(text)
    if planned and not re.search(rf"\b{_DAY_WORD}\b", text[: planned.start()], re.IGNORECASE):
        return True
    if _main_plan(text):
        return True
    if when is None or article is None:
        return False
    if when[0] > article[1] + 1 and _past_only(text):
        return True
    if (
        article[0] - when[1] == 6
        and _weekdays(text)
        and not re.search(r"\blast\s+\w+day\b", text, re.IGNORECASE)
    ):
        # "On Sunday" in an article dated Saturday read as six days before: more likely the
        # article's date is a day early (written after midnight) or the Sunday is to come.
        return True
    if _historic_present(text) and not _TODAY.search(text):
        # A present tense with no year and no "today": a state or a comment ("The measure
        # spreads benefits across …"), or an old event whose year is a guess.
        return not _SAYING_PRESENT.search(text)
    return False


def _historic_present(text: str) -> bool:
    """A present tense telling a past month, with no year: the year is a guess."""
    if re.search(r"\b(?:19|20)\d\d\b", text):
        return False
    tokens = words(text)
    past = any(
        t.lower() in IRREGULAR_PAST or t.lower() in {"was", "were", "had", "did"} for t in tokens
    )
    present = any(
        t.islower() and t.endswith("s") and not t.endswith(("ss", "us", "is")) for t in tokens[1:]
    )
    # A participle that describes its noun ("The measure signed into law by …") tells no past.
    finite = [
        t
        for i, t in enumerate(tokens)
        if t.endswith("ed") and not (i + 1 < len(tokens) and tokens[i + 1] in {"into", "by"})
    ]
    return present and not past and not finite


def _date_elsewhere(text: str, shown: str) -> bool:
    """The row writes out a day (or weekdays) other than the one it shows, or dates a noun
    after its own verb ("disputes a report released Monday")."""
    noun_date = _NOUN_DATE.search(text)
    if noun_date and _verb_before(text[: noun_date.start()]):
        return True
    if len(shown) == 7:
        months = {m.lower()[:3] for m in _MONTH_NAME.findall(_QUOTED.sub(" ", text))}
        return bool(months) and _MONTHS[int(shown[5:7]) - 1] not in months
    if len(shown) < 10:
        return False
    try:
        day = date.fromisoformat(shown[:10])
    except ValueError:
        return False
    written = [
        (m.group("m1") or m.group("m2"), m.group("d1") or m.group("d2"))
        for m in _WRITTEN_DAY.finditer(text)
    ]
    if written and not any(
        _MONTHS.index(mon[:3].lower()) + 1 == day.month and int(d) == day.day for mon, d in written
    ):
        return True
    if written and not _WRITTEN_DAY.search(_QUOTED.sub(" ", text)):
        return True  # the day is written only in someone's quoted words
    named = [w for w in _WEEKDAYS if re.search(rf"\b{w}\b", text, re.IGNORECASE)]
    return bool(named) and _WEEKDAYS[day.weekday()] not in named


def _verb_before(head: str) -> bool:
    """A finite verb of the row's own before the noun phrase."""
    tokens = words(head)
    return any(
        t.islower()
        and (t in IRREGULAR_PAST or t.endswith("ed") or (t.endswith("s") and not t.endswith("ss")))
        for t in tokens[1:]
    )


# --- one happening in other words -------------------------------------------------------

# Verbs that tell of a saying or that carry no happening of their own: sharing one of them
# says nothing of sharing the happening ("police said", "was", "made").
_LIGHT_VERBS = frozenset(
    "said told announced reported confirmed stated added noted claimed wrote tweeted revealed"
    " warned urged denied insisted vowed threatened argued explained described suggested"
    " admitted acknowledged asked called named based used made did had got went came took gave"
    " put set kept held let left seemed appeared expected scheduled planned continued"
    " remained started included involved".split()
)
_MODALS = frozenset("might may could would should must will can".split())
# Before a past form, a word that makes it an adjective ("the freed girls", "four detained").
_DETERMINERS = frozenset(
    "the a an some all its their his her our these those two three four five six seven eight"
    " nine ten several many".split()
)
# Words that place a report in time (or in a weekday) say nothing of what happened.
_WHEN_WORDS = frozenset(
    "earlier later early late month week year day days night morning afternoon evening today"
    " tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday"
    " next last this ago january february march april may june july august september october"
    " november december".split()
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Outlets' dates for one happening may be a few days apart (a wrong or late publication
# date, a weekday read against another week): up to a week.
_NEAR_DAYS = 7


def _done_verbs(text: str) -> frozenset[str]:
    """The past forms in small letters that tell what was done ("killed", "plowed", "fled"):
    not one that only might have been ("might have been released"), nor a participle that
    ties a noun to another ("Islamists linked to")."""
    out = set()
    tokens = words(text)
    for i, word in enumerate(tokens):
        low = word.lower()
        if not word.islower() or low in _LIGHT_VERBS or "-" in low:
            continue
        if not (low in IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4)):
            continue
        after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        before = tokens[i - 1].lower() if i else ""
        if after == "to" or before in _DETERMINERS:
            continue  # "linked to", "the freed girls"
        if _MODALS & {t.lower() for t in tokens[max(0, i - 3) : i]}:
            continue
        out.add(low)
    return frozenset(out)


# A figure that belongs to a name or an age ("Hwasong-12", "31-year-old", "Musk, 46,"), not
# to what happened.
_FIGURE = re.compile(r"(?<![\w-])(?<!, )\d[\d,.:]*\d(?![\w-])(?!,)")


def _figures(text: str) -> frozenset[str]:
    """Figures of two digits or more that are no year ("121", "11:36"), without date words."""
    without_dates = _WRITTEN_DAY.sub(" ", text)
    found = (f.rstrip(".,") for f in _FIGURE.findall(without_dates))
    return frozenset(f for f in found if not _YEAR.match(f))


def _names(text: str) -> frozenset[str]:
    """The other words that say who or what: content terms, without time words."""
    return frozenset(
        t for t in content_terms(text) if t not in _WHEN_WORDS and t not in _LIGHT_VERBS
    )


def _days_apart(a: str, b: str) -> int | None:
    span_a, span_b = day_span(a), day_span(b)
    if span_a is None or span_b is None:
        return None
    return max(0, max(span_a[0], span_b[0]) - min(span_a[1], span_b[1]))


def same_happening(a: str, b: str, date_a: str, date_b: str) -> bool:
    """Two rows of one storyline that tell one happening in other words, from two outlets: at
    most a week apart, and the same thing done ("were killed" / "were killed") or the same
    figure given ("$121 billion" / "$121 billion"), with more words of who or what in
    common ("people", "Nice"; one is enough beside a figure: "flight")."""
    apart = _days_apart(date_a, date_b)
    if apart is None or apart > _NEAR_DAYS:
        return False
    if two_days(a, b, date_a, date_b):
        return False  # each names its weekday: two days, unless one night ("late Thursday")
    days_a, days_b = _weekdays(a), _weekdays(b)
    if apart > 1 and len(date_a) >= 10 and len(date_b) >= 10 and not days_a & days_b:
        return False  # two days each outlet gives: two happenings, unless one weekday read
    deeds = _deeds_shared(a, b)
    if not deeds and not _figures(a) & _figures(b):
        return False
    return bool(_names_shared(a, b) - deeds)


# Deeds told in other words: the past forms (and phrases) of one kind of deed, and the nouns
# that name it ("indicted" / "charged" / "the indictment", "collided" / "bumped into" / "the
# crash"). Two rows sharing a kind share the deed as two rows sharing a verb do.
_DEED_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (verbs, nouns)
    "charge": (("indicted", "charged"), ("indictment",)),
    "arrest": (("arrested", "detained", "apprehended", "nabbed"), ("arrest",)),
    "free": (("released", "freed", "handed over", "set free", "let go"), ("release",)),
    "collide": (
        (
            "collided",
            "crashed",
            "bumped",
            "smashed",
            "slammed",
            "struck",
            "rammed",
            "plowed",
            "ploughed",
            "careered",
            "zigzagged",
        ),
        ("collision", "crash", "accident"),
    ),
    "launch": (("launched", "fired", "test-fired", "test-launched"), ("launch",)),
    "kill": (("killed", "murdered", "slain", "shot dead", "gunned down"), ()),
    "see": (("spotted", "seen", "sighted", "saw", "observed"), ("sighting",)),
    "approve": (
        ("approved", "adopted", "passed", "backed", "supported", "endorsed", "imposed"),
        (),
    ),
    "return": (("returned", "turned around", "turned back", "diverted"), ()),
    "offer": (("offered", "bid"), ("offer", "bid")),
    "file": (("filed",), ("filing",)),
    "sentence": (("sentenced", "jailed", "imprisoned"), ()),
    "resign": (
        ("resigned", "stepped down", "quit", "retired"),
        ("resignation", "retirement"),
    ),
    "dismiss": (
        ("sacked", "dismissed", "ousted", "fired", "parted company", "parted ways"),
        ("dismissal", "sacking"),
    ),
    "win": (("won", "beat", "defeated", "clinched"), ("victory", "triumph")),
    "march": (("marched", "paraded"), ("parade", "march")),
}
# Form -> its kinds (a form may tell two kinds: "fired" a missile or a coach).
_VERB_KINDS: dict[str, frozenset[str]] = {}
_NOUN_KINDS: dict[str, frozenset[str]] = {}
for _kind, (_verbs, _nouns) in _DEED_KINDS.items():
    for _form in _verbs:
        _VERB_KINDS[_form] = _VERB_KINDS.get(_form, frozenset()) | {_kind}
    for _form in _nouns:
        _NOUN_KINDS[_form] = _NOUN_KINDS.get(_form, frozenset()) | {_kind}
# Verbs of saying: a row that tells what someone said of a deed is no report of the deed.
_SAYING = frozenset(
    "said says told tells announced announces reported reports stated states added adds"
    " confirmed confirms called calls according".split()
)
# Verbs that tell that something took place, no deed of their own.
_TOOK_PLACE = frozenset("happened occurred unfolded".split())


def _deeds(text: str) -> frozenset[str]:
    """What the row tells was done: the kind of each past form that has one, else the form
    itself (see `_done_verbs`), phrases too ("handed over", "shot dead")."""
    tokens = [t.lower() for t in words(text)]
    out: set[str] = set()
    for verb in _done_verbs(text) - _TOOK_PLACE:
        out |= _VERB_KINDS.get(verb, frozenset({verb}))
    for i, token in enumerate(tokens):
        if (
            token in _VERB_KINDS
            and (not i or tokens[i - 1] not in _DETERMINERS)
            and not _MODALS & set(tokens[max(0, i - 3) : i])
        ):
            out |= _VERB_KINDS[token]  # "returned to", which `_done_verbs` leaves as a tie
        pair = " ".join(tokens[i : i + 2])
        if pair in _VERB_KINDS and not _MODALS & set(tokens[max(0, i - 3) : i]):
            out -= {token}
            out |= _VERB_KINDS[pair]
        elif token in _VERB_KINDS and "-" in token:
            out |= _VERB_KINDS[token]
        elif token in {"seen"} and i and tokens[i - 1] in {"was", "were", "been"}:
            out |= _VERB_KINDS[token]
    return frozenset(out)


def _named_deeds(text: str) -> frozenset[str]:
    """The kinds of deed the row names by a noun ("Monday's indictment", "the crash"), not by
    an infinitive ("to release details")."""
    tokens = [t.lower() for t in words(text)]
    out: set[str] = set()
    for i, token in enumerate(tokens):
        bare = token.removesuffix("'s").removesuffix("\u2019s")
        if bare not in _NOUN_KINDS and bare.endswith("s"):
            bare = bare[:-1]  # "filings", "crashes" stay "filing", "crashe" (no kind)
        if bare in _NOUN_KINDS and (not i or tokens[i - 1] not in _MODALS | {"to"}):
            out |= _NOUN_KINDS[bare]
    return frozenset(out)


def _kind_words() -> frozenset[str]:
    forms = (f for verbs, nouns in _DEED_KINDS.values() for f in (*verbs, *nouns))
    return frozenset(stem(w) for f in forms for w in f.split())


_KIND_WORDS = _kind_words()


def _deeds_shared(a: str, b: str) -> frozenset[str]:
    """The deeds two rows share: by their verbs, or, when a row that tells no saying has no
    deed of its own, by the noun that names it ("The accident happened late Tuesday")."""
    deeds_a, deeds_b = _deeds(a), _deeds(b)
    shared = deeds_a & deeds_b
    if shared or (deeds_a and deeds_b):
        return shared
    if not deeds_a and _SAYING & {t.lower() for t in words(a)}:
        return frozenset()
    if not deeds_b and _SAYING & {t.lower() for t in words(b)}:
        return frozenset()
    return (deeds_a | _named_deeds(a)) & (deeds_b | _named_deeds(b))


def _names_shared(a: str, b: str) -> frozenset[str]:
    """Words of who or what two rows share, a compound holding the other's word too
    ("schoolgirls" / "girls"); the words of a deed's kind are no name."""
    names_a, names_b = _names(a) - _KIND_WORDS, _names(b) - _KIND_WORDS
    shared = set(names_a & names_b)
    for x in names_a:
        for y in names_b:
            short, long = sorted((x, y), key=len)
            if len(short) >= 4 and long != short and long.endswith(short):
                shared.add(short)
    return frozenset(shared)


# A closing clause that tells who said it ("…, police said Wednesday").
_DAY_NAMED = re.compile(
    rf"\b(?:{_DAY_WORD}|yesterday|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*"
    r"\.?\s+\d{1,2})\b",
    re.IGNORECASE,
)
_SAID_CLAUSE = re.compile(
    r",\s*[^,]{0,60}?\b(?:said|says|told|announced|reported|confirmed|stated)\s+(?:on\s+|late"
    rf"\s+|early\s+)*{_DAY_NAMED.pattern}(?:\s+(?:morning|afternoon|evening|night))?\W*$",
    re.IGNORECASE,
)


def said_day_only(text: str) -> bool:
    """The row's only day is that of a closing saying ("A ship struck a bridge, police said
    Wednesday"): the day it was said, not surely the day it happened."""
    said = _SAID_CLAUSE.search(text)
    return bool(said and not _DAY_NAMED.search(text[: said.start()]))


def two_days(a: str, b: str, date_a: str, date_b: str) -> bool:
    """Each row names its weekday, and not the same, nor late one night and early the next
    morning: two happenings."""
    days_a, days_b = _weekdays(a), _weekdays(b)
    if not (days_a and days_b) or days_a & days_b:
        return False
    apart = _days_apart(date_a, date_b)
    return not (apart is not None and apart <= 1 and _overnight(a, b, date_a, date_b))


def _weekdays(text: str) -> frozenset[str]:
    """The weekdays the row names for what happened (not the day of a closing saying)."""
    said = _SAID_CLAUSE.search(text)
    if said and not _DAY_NAMED.search(text[: said.start()]):
        text = text[: said.start()]
    return frozenset(w for w in _WEEKDAYS if re.search(rf"\b{w}\b", text, re.IGNORECASE))


# A day named relative to the article's date ("on Monday", "this week", "this morning").
_RELATIVE_DAY = re.compile(
    rf"\b(?:{_DAY_WORD}|yesterday|last\s+night|(?:this|last|next)\s+(?:week|weekend|month"
    r"|morning|afternoon|evening)|earlier\s+this\s+(?:week|month)|(?:days?|weeks?)\s+ago)\b",
    re.IGNORECASE,
)


def relative_day(text: str) -> bool:
    """The row's date is read from the article's own: a day named relative to it ("on
    Monday", "this week") with no day of the month written, or a month with no year ("In
    May"), whose year is the article's guess."""
    if re.search(r"\b(?:19|20)\d\d\b", text):
        return False
    relative = _RELATIVE_DAY.search(text) and not _WRITTEN_DAY.search(text)
    return bool(relative or (_MONTH_NAME.search(text) and not _WRITTEN_DAY.search(text)))


_LATE = re.compile(
    rf"\blate\s+(?:on\s+)?{_DAY_WORD}\b|\b{_DAY_WORD}\s+(?:night|evening)\b", re.IGNORECASE
)
_EARLY = re.compile(
    rf"\bearly\s+(?:on\s+)?{_DAY_WORD}\b|\b{_DAY_WORD}\s+morning\b|\bovernight\b",
    re.IGNORECASE,
)


def _overnight(a: str, b: str, date_a: str, date_b: str) -> bool:
    """Two rows a day apart, the earlier late in its day and the later early in the next
    ("late Thursday", "early on Friday"): one night, maybe one happening."""
    if date_b < date_a:
        a, b = b, a
    return bool(_LATE.search(a) and _EARLY.search(b))


# A span of months told as one row ("tested missiles in August and September").
_MONTH_SPAN = re.compile(
    rf"{_MONTH_NAME.pattern}\s+(?:and|through|to|until)\s+{_MONTH_NAME.pattern}"
)
# A subject that is a happening told elsewhere ("Friday's launch flew …", "Monday's vote …").
_DAY_POSSESSIVE_SUBJECT = re.compile(
    r"^\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)['\u2019]s\s",
    re.IGNORECASE,
)
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|un|ne|lt|ht)\b")
_DATE_WORD = re.compile(
    rf"(?i:{_DAY_NAMED.pattern})|{_MONTH_NAME.pattern}|\b(?:19|20)\d\d\b|\b(?:day|week|month"
    r"|year|night|morning|afternoon|evening|ago)\b"
)
# A time word owned by a noun ("confirming last week's rumours"; not "after Tuesday's
# launch", which places the row's happening just after it).
_TIME_POSSESSIVE = re.compile(
    rf"(?<!after )(?<!following )\b(?:{_DAY_WORD}|yesterday|(?:last|this|next)\s+(?:week"
    r"|month|year))['\u2019]s\b",
    re.IGNORECASE,
)


def _undated_past_perfect(text: str) -> bool:
    """A past perfect with no day, month or year of its own ("People had gathered to watch"):
    what had been before, its date borrowed from elsewhere."""
    return bool(_PAST_PERFECT.search(text)) and not _DATE_WORD.search(text)


def _date_of_a_noun_only(text: str) -> bool:
    """The only time words belong to a noun ("confirming last week's rumours"): the row's
    date is that noun's, not its happening's."""
    found = _TIME_POSSESSIVE.search(text)
    return bool(found) and not _DATE_WORD.search(_TIME_POSSESSIVE.sub(" ", text))


_DATE_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december new year year day eve".split()
)


# Titles and words of place that many names share.
_TITLE_WORDS = frozenset(
    "president minister prime secretary general chief state states united house white police"
    " court council government national north south east west new".split()
)


_AUX = frozenset("is are was were has have had will would says".split())


def _proper_names(text: str) -> frozenset[str]:
    """The capitalised words of the subject (before the first verb, after any quotation) that
    are no date, no title and no sentence's first function word ("Kim", "Lions")."""
    text = _QUOTED.sub(" ", text)
    out = set()
    for i, token in enumerate(words(text)):
        low = token.lower().removesuffix("'s").removesuffix("\u2019s")
        if token.islower() and (low in IRREGULAR_PAST or low in _AUX or low.endswith("ed")):
            break  # the subject ends at the first verb
        if not token[:1].isupper() or len(low) < 3 or (i == 0 and low in STOPWORDS):
            continue
        if low not in _DATE_NAMES and low not in _TITLE_WORDS:
            out.add(low)
    return frozenset(out)


def one_article_one_day(a: str, b: str) -> bool:
    """Two rows one article dates on one day that name one same person or body ("Kim held
    out an olive branch Monday", "Kim struck a conciliatory note in his New Year's Day
    address"): an article tells one actor's happening of a day in its lead, and again in
    other words below."""
    return bool(_proper_names(a) & _proper_names(b))


# Verbs whose "that" opens what was said or found, not a noun told before.
_THAT_VERBS = frozenset(
    "said told announced warned found showed confirmed reported knew learned admitted denied"
    " argued claimed insisted noted added agreed decided ruled hoped feared realized realised"
    " suggested revealed indicated stated wrote tweeted believed thought felt explained"
    " acknowledged concluded estimated predicted promised vowed".split()
)
_POINTING = re.compile(r"\b([a-z]+)\s+(?:this|that|these|those)\s+([a-z]+)\b")


def _points_back(text: str) -> bool:
    """A deed done to a thing the row only points at ("set that benchmark", "sold those
    shares"): what it is was told before."""
    for found in _POINTING.finditer(text):
        verb, noun = found.group(1), found.group(2)
        if verb in _THAT_VERBS or not (verb in IRREGULAR_PAST or verb.endswith("ed")):
            continue
        if noun in _WHEN_WORDS or noun in _DETERMINERS or noun in _MODALS or noun in _AUX:
            continue
        return True
    return False


_SAYING_VERB = re.compile(
    r"\b(?:said|says|told|tells|stated|added|noted|declared|insisted|stressed|reiterated"
    r"|reemphasi[sz]ed|emphasi[sz]ed)\b"
)
# What a stance or an assessment is told with: a present that describes, not a deed.
_STANCE = frozenset(
    "is are remains remain opposes oppose opposed supports support supported wants want wanted"
    " needs need needed must should believes believe believed".split()
)
# A state said in the sayer's words ('Abe said the situation was "getting increasingly
# severe"').
_SAID_STATE_QUOTED = re.compile(
    r"\b(?:said|says|told|warned)\b[^\"\u201c.;]{0,80}?\b(?:is|are|was|were)\s+[\"\u201c]"
)
# When someone was last seen or heard of, an age ago: no dated happening.
_LAST_TIME = re.compile(r"\blast\s+(?:appeared|seen|spotted|heard|visited)\b[^.;]*\bago\b")
# How a state is said to change ("was getting increasingly severe").
_GROWING = frozenset("getting becoming growing".split())
# A position told again ("reiterated its call for …", "reemphasised Beijing's resolution").
_RESTATED = re.compile(r"\b(?:reiterat|reaffirm|reemphasi[sz]|restat)(?:ed|es|e|s)\b")
_FINITE = frozenset("is are was were has have had did does do will would can could may".split())


def _stance_said(text: str) -> bool:
    """Someone said where things stand, not what was done ("X said Sunday that the country
    is closer to war than ever", "China said it opposes the launches"): an assessment or a
    position, told in the present."""
    if _RESTATED.search(text):
        return True
    if _SAID_STATE_QUOTED.search(text):
        return True
    unquoted = _QUOTED.sub(" ", text)  # someone's own words are a quotation, not a stance told
    said = _SAYING_VERB.search(unquoted)
    if not said:
        return False
    for token in words(unquoted[said.end() :])[:12]:
        if not token.islower():
            continue
        if token in _STANCE or token in _GROWING:
            return True
        if token in _FINITE or token in IRREGULAR_PAST or (token.endswith("ed") and len(token) > 4):
            return False
    return False


def _not_done(text: str) -> bool:
    """The row's first verb is negated: something that did not happen ("United did not
    apologise on Monday")."""
    tokens = [t for t in words(text) if t.islower()]
    for i, low in enumerate(tokens):
        if low in {"didn't", "hasn't", "haven't", "hadn't", "doesn't"}:
            return True
        if low in _FINITE or low in IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4):
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            return low in {"did", "does", "has", "have", "had"} and following == "not"
    return False


def one_deed(a: str, b: str) -> bool:
    """Two rows that tell one kind of deed ("floats rolled as the parade drew thousands", "the
    annual parade got started"): in one article on one day, one happening."""
    told_a = _deeds(a) | _named_deeds(a)
    told_b = _deeds(b) | _named_deeds(b)
    return bool(told_a & told_b & frozenset(_DEED_KINDS))


_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def another_year(text: str, shown: str, paragraph_before: str) -> bool:
    """A row that writes no year, dated in a year other than the last one its paragraph
    names before it ("… the team's 1969 season. On September 9, Chicago faced …"): the year
    read from the article's date is likely wrong."""
    if _YEAR_WRITTEN.search(text) or len(shown) < 4 or not _MONTH_NAME.search(text):
        return False  # a year written, or a day named from the article's own (a weekday)
    if _RELATIVE_DAY.search(text):
        return False
    years = _YEAR_WRITTEN.findall(paragraph_before)
    return bool(years) and years[-1] != shown[:4]


# The rest of a list the row was cut from (", the old and the long dead").
_LIST_GOES_ON = re.compile(
    r"^\s*,\s+(?:the\s+|a\s+|an\s+)?[a-z][\w'-]*(?:\s+[\w'-]+){0,2}(?:,|\s+and\b)"
)


def cut_mid_list(text: str, after: str) -> bool:
    """The row ends on the first item of a list its sentence goes on with ("… won here
    Wednesday night for the young | , the old and the long dead"): cut mid-list."""
    tail = words(text)[-3:]
    return (
        bool(_LIST_GOES_ON.search(after))
        and any(w.lower() in {"the", "a", "an", "for", "of", "to", "with"} for w in tail)
        and not text.rstrip().endswith(('"', "\u201d"))
    )
