"""Page furniture: what a web page puts around an article's body text.

Captions and photo credits, bylines and reporting credits, datelines, newsletter and share
prompts, video playlists, embedded posts, shouted teasers and headline lines. None of it is
the article's own prose, and read as prose it turns into speakers, red-line holders, actors
and timeline rows ("Getty Images said", "Sign Up You"). `furniture_spans` finds it by the
shape of a line, never by what one outlet prints; `blank_furniture` hides it from the rules
while keeping every character offset (and every newline) where it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.understand._lexicon import (
    CAPTION_LABELS,
    CREDIT_OPENERS,
    DATELINE_AGENCIES,
    FURNITURE_CASED_OPENERS,
    FURNITURE_LINES,
    FURNITURE_MARKERS,
    FURNITURE_OPENERS,
    HEADLINE_SMALL_WORDS,
    PHOTO_AGENCIES,
    SHARE_NETWORKS,
)

Span = tuple[int, int]

_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_OPENING_QUOTES = "\"'\u201c\u2018\u00ab\u201e"
_CLOSERS = "\"'\u201d\u2019\u00bb)]*\u2026 "
_FINAL = ".!?:;\u2026"
_DASH = r"(?:\u2014|\u2013|--|-)"

_AGENCY = "|".join(re.escape(a) for a in sorted(PHOTO_AGENCIES, key=len, reverse=True))
_NAME = r"[A-Z][\w.'\u2019-]*"
_DETERMINER = "(?:A|An|The|This|That|These|Those|One)"
_LABEL = "|".join(re.escape(a) for a in sorted(CAPTION_LABELS, key=len, reverse=True))
# The credits that sign a picture, wherever they stand in a line of caption
# The credits that sign a picture, wherever they stand in a line of caption, each with a
# string its lines must hold (most lines of prose hold none, and skip the pattern)
_PICTURE_CREDITS = (
    # "Image copyright Agency Image caption "
    ("Image ", re.compile(r"\bImage (?:copyright|source)\b.{0,60}?\bImage caption\b\s*")),
    # "(Photo: Ann Example)", "(Ann Example/AP)", "(AP Photo/Ann Example)", "(… \u00a9AFP)"
    (
        "(",
        re.compile(
            rf"\((?:[^()\n]{{0,80}}/ ?(?:{_AGENCY})|(?:AP )?Photos?(?: by|:|/)[^()\n]{{0,80}}"
            r"|[^()\n]{0,60}\u00a9[^()\n]{0,40})\)"
        ),
    ),
    # "Ann Example/AP", "Ann Example /AFP/Getty Images" (after a sentence or at the line's
    # start: "a Register/Bloomberg poll" is a poll's name)
    (
        "/",
        re.compile(
            rf"(?:^|(?<=[.!?;:)\u201d\"] ))(?!{_DETERMINER} )(?:{_NAME} ?){{1,4}}/ ?(?:{_AGENCY})"
            rf"(?: ?/ ?(?:{_AGENCY}))*\b"
        ),
    ),
    # "REUTERS/Ann Example"
    ("/", re.compile(rf"\b(?:REUTERS|AFP|EPA)/{_NAME}(?: {_NAME}){{0,3}}")),
    ("\u00a9", re.compile(r"(?:^|(?<=[\s(]))\u00a9 ?[A-Z0-9][\w.-]*(?: [\w.-]+){0,3}")),
)
# "Photograph: Ann Example/Agency" closing a caption (looked for in a line's last words)
_CLOSING_LABEL = re.compile(rf"\b(?:{_LABEL}): (?:\S+ ){{0,9}}\S+$")
# A caption signed at its start: "Reuters The leader …", "Ann Example / Agency A man …"
_AGENCY_OPENER = re.compile(
    rf"^(?:(?!{_DETERMINER} )(?:{_NAME} ?){{1,4}}/ ?(?:{_AGENCY})"
    rf"|(?:{_AGENCY})(?: ?[-\u2013:] ?{_NAME}){{0,2}}) (?=[A-Z0-9])"
)
_NAMED_OPENER = re.compile(rf"^(?:{_NAME} ?){{1,4}}/")
_FILE_OPENER = re.compile(r"^(?:FILE|File)(?: PHOTO| photo)? ?[-\u2013\u2014:]+ ?")
_BYLINE = re.compile(r"^By [A-Z][\w.'-]*(?:,? (?:and |& )?[A-Z][\w.'-]*){0,6}$")
_FOLLOW = re.compile(r"^Follow .{1,60} on (?:Twitter|Facebook|Instagram)\b")
_DESK_INITIALS = re.compile(r"^[a-z]{2,4}(?:/[a-z]{2,4})+ ?(?:\([^)]*\))?$")
_CONTRIBUTED = re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story|post|article)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "— Ann Example (@example) March 3, 2017": the signature closing an embedded post (the
# post's words stay: "She wrote on Twitter:" and the post is a quotation like any other)
_POST_SIGNATURE = re.compile(rf"\(@\w{{1,30}}\)\s*(?:on )?{_MONTH} \d{{1,2}},? \d{{4}}")
_POST_AUTHOR = re.compile(r"[\u2014\u2013] ?[^\u2014\u2013\n]{1,60}$")
_CLOSING_CREDIT = re.compile(r"\((?:" + "|".join(re.escape(c) for c in CREDIT_OPENERS) + ")", re.I)
_SHARE_BAR = re.compile(r"^(?:(?:" + "|".join(sorted(SHARE_NETWORKS)) + r")\s+){2,}")
_LINK = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S+")
_CLOCK_END = re.compile(r"\b\d{1,2}:\d{2}\s*$")
_PIPE_CLOCK = re.compile(r"\|\s*(?:\d{1,2}:\d{2}|\w+:\s*\d)")
# "TOKYO/SEOUL (Reuters) -", "RAMALLAH, West Bank \u2014", "NEW YORK (AP) \u2014", "(Reuters) -"
_DATELINE_AGENCY = "|".join(re.escape(a) for a in DATELINE_AGENCIES)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\u2019-]+(?:[ /][A-Z][A-Z.'\u2019-]*){0,3}"
    r"(?:, (?:[A-Z][\w.'\u2019]*|\d{1,4})(?: (?:[A-Z][\w.'\u2019]*|\d{1,4}))*)?"
    rf" ?(?:\((?:{_DATELINE_AGENCY})[^)\n]{{0,30}}\) ?)?|\((?:{_DATELINE_AGENCY})\) ?)"
    rf"{_DASH}+ +(?=\S)"
)
# A dateline's place must look like one: a capital word of three letters or more
_DATELINE_PLACE = re.compile(r"[A-Z]{3,}|\(")
# "(Reporting by …; Editing by …)" closing a paragraph: from the credit to the line's end
_CREDIT = re.compile(
    r"(?:^|[(\u2014\u2013-] ?)(?:" + "|".join(re.escape(c) for c in CREDIT_OPENERS) + r") [A-Z]",
    re.I,
)
# "CHINA'S PLANS FOR SPACE EXPLORATION Since 2009, …": a shouted box title before its text
# (a speaker's label "ANN EXAMPLE: Welcome" is no title; a short last word is an acronym
# that starts the name after it: "FIX IS IN: PBS Moderators")
_SHOUTED_RUN = re.compile(r"^(?:[A-Z][A-Z0-9'\u2019&,-]*\s+)+?(?=(?:[A-Z]{1,4}\s+)?[A-Z][a-z])")
_AD_BREAK = re.compile(r"Advertisement\s+Continue reading the main story")
# The outlet's note that someone has not answered it: "X did not immediately respond to a
# request for comment", "Our request for comment was not returned" (the sentence, wherever it
# stands in its paragraph): no one said anything, nothing happened. Only a whole sentence: one
# that goes on past the note tells what the body did ("When the paper sought comment, a
# spokeswoman asked to see the emails (…)"), and must not be cut off in the middle
_NO_COMMENT = re.compile(
    r"(?:^|(?<=[.!?\u201d\"] ))[^.!?\n]{0,160}?"
    r"\b(?:requests? for comment|(?:sought|seeking|requested) comment\b"
    r"|reached out to [^.!?\n]{1,60} for comment|(?:could|can)(?: not|n['\u2019]t) be reached"
    r"|(?:did not|didn['\u2019]t|has not|hasn['\u2019]t|have not|haven['\u2019]t|not)"
    r" (?:immediately )?(?:respond|reply|return)\w* to (?:an? |our |several |multiple |repeated )?"
    r"(?:e-?mails?|messages?|calls?|phone calls?|inquir\w+|queries|questions))"
    r"[^.!?\n]{0,120}(?:[.!?]|$)"
)


def furniture_spans(text: str) -> list[Span]:
    """The (start, end) character spans of page furniture in text, sorted and disjoint."""
    found: list[Span] = []
    lines = list(_lines(text))
    for start, end in lines:
        line = text[start:end]
        if _whole_line(line):
            found.append((start, end))
        else:
            found.extend((start + s, start + e) for s, e in _inside(line))
    found.extend(_unpunctuated_runs(text, lines))
    return _merged(found)


def blank_furniture(text: str) -> str:
    """text with its furniture replaced by spaces: same length, same offsets, same lines."""
    spans = furniture_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for start, end in spans:
        parts.append(text[at:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def _lines(text: str) -> Iterator[Span]:
    """Each non-blank line, without the spaces around it."""
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield m.start() + lead, m.start() + lead + len(stripped)


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _words(line: str) -> list[str]:
    return line.split()


def _punctuated(line: str) -> bool:
    """Whether the line ends as a sentence does (closing quotes and brackets aside)."""
    return line.rstrip(_CLOSERS)[-1:] in _FINAL


def _whole_line(line: str) -> bool:
    return (
        _widget(line) or _credit_line(line) or _clock_line(line) or _shouted(line) or _heading(line)
    )


# A list of other stories under its shouted heading, run into one line
_LIST_HEADINGS = (
    "MOST READ", "MOST POPULAR", "MOST SHARED", "MOST VIEWED", "MOST WATCHED", "TRENDING IN",
    "TOP STORIES", "MORE FROM", "MORE STORIES", "YOU MAY ALSO LIKE", "RECOMMENDED FOR YOU",
)  # fmt: skip


def _widget(line: str) -> bool:
    """A newsletter, share, playlist or reading prompt: "Sign up for …", "JUST WATCHED …"."""
    low = line.lower()
    if low.rstrip(_FINAL + _CLOSERS + "\u00bb>") in FURNITURE_LINES:
        return True
    if low.startswith(FURNITURE_OPENERS) or line.startswith(FURNITURE_CASED_OPENERS):
        return True
    if line.startswith(_LIST_HEADINGS):
        return True  # "MOST READ IN NEWS 'I'M MADDIE!' Student jokes …": other stories' titles
    return any(marker in low for marker in FURNITURE_MARKERS)


def _credit_line(line: str) -> bool:
    """A byline or a closing credit: "By Ann Example", "Ann Example contributed to this report"."""
    if _BYLINE.match(line) or _FOLLOW.match(line) or _DESK_INITIALS.match(line):
        return True
    if len(_words(line)) <= 25 and _CONTRIBUTED.search(line):
        return True
    credit = _CREDIT.match(line.lstrip("(\u2014\u2013- "))
    return credit is not None


def _clock_line(line: str) -> bool:
    """A playlist entry or a time stamp: "… 03:46", "Rocket test | 2:30", "Agency | Updated: …"."""
    if _PIPE_CLOCK.search(line) and len(_words(line)) <= 80:
        return True
    return not _punctuated(line) and _CLOCK_END.search(line) is not None


def _shouted(line: str) -> bool:
    """A line in capitals: a teaser or a box title ("WORST YET TO COME")."""
    if len(line) > 160 or len(_words(line)) > 15:
        return False
    words = [w for w in _LETTERS.findall(line) if len(w) > 1]
    if len(words) < 2:
        return False
    loud = sum(1 for w in words if w.isupper())
    return loud >= 0.8 * len(words)


def _heading(line: str) -> bool:
    """A headline or a subheading: a short line that does not end as a sentence does."""
    if _punctuated(line) or line[0] in _OPENING_QUOTES:
        return False
    words = _words(line)
    if len(words) <= 6:
        return True
    return len(words) <= 20 and _title_case(words)


def _title_case(words: list[str]) -> bool:
    """Most words capitalised, small words aside: "Ministers Weigh New Port Deal"."""
    content = [w for w in words if w[:1].isalpha() and w.lower() not in HEADLINE_SMALL_WORDS]
    if len(content) < 3:
        return False
    capital = sum(1 for w in content if w[0].isupper())
    return capital >= 0.8 * len(content)


def _inside(line: str) -> Iterator[Span]:
    """Furniture inside a line of prose: the dateline, a closing credit, a box title, an ad."""
    dateline = _DATELINE.match(line)
    if dateline and _DATELINE_PLACE.search(dateline.group()):
        yield dateline.span()
    credit = _CLOSING_CREDIT.search(line) if "(" in line else None
    if credit:
        yield credit.start(), len(line)
    shouted = _SHOUTED_RUN.match(line)
    if shouted and _loud_title(shouted.group()):
        yield shouted.span()
    for ad in _AD_BREAK.finditer(line):
        yield ad.span()
    if "comment" in line or "respond" in line or "reached" in line:
        yield from (note.span() for note in _NO_COMMENT.finditer(line))
    yield from _caption_credits(line)
    if "(@" in line:
        yield from _post_signatures(line)
    share = _SHARE_BAR.match(line)
    if share:
        yield share.span()
    for link in _LINK.finditer(line):
        yield link.span()


def _post_signatures(line: str) -> Iterator[Span]:
    """ "— Ann Example (@example) March 3, 2017", from the dash before the author's name."""
    for post in _POST_SIGNATURE.finditer(line):
        author = _POST_AUTHOR.search(line, max(0, post.start() - 62), post.start())
        yield (author.start() if author else post.start()), post.end()


def _caption_credits(line: str) -> Iterator[Span]:
    """The credits of a picture: "REUTERS/Ann Example", "(Photo: …)", "Reuters The leader …"."""
    for hint, pattern in _PICTURE_CREDITS:
        if hint in line:
            yield from (credit.span() for credit in pattern.finditer(line))
    tail = max(0, len(line) - 120)
    label = _CLOSING_LABEL.search(line, tail) if ": " in line[tail:] else None
    if label:
        yield label.span()
    opener = _AGENCY_OPENER.match(line)
    # "Reuters The leader …" is a caption only where the line does not end as a sentence does
    # ("Reuters first reported …" is prose); "Ann Example / Agency …" is one wherever it stands
    if opener and (_NAMED_OPENER.match(line) or not _punctuated(line)):
        yield opener.span()
    filed = _FILE_OPENER.match(line)
    if filed:
        yield filed.span()


def _loud_title(run: str) -> bool:
    """Two words or more in capitals, eight letters or more: a box title, not an acronym."""
    words = _LETTERS.findall(run)
    return len(words) >= 2 and sum(len(w) for w in words) >= 8


def _unpunctuated_runs(text: str, lines: list[Span]) -> Iterator[Span]:
    """Three or more lines in a row that never end a sentence: a list of links or teasers."""
    run: list[Span] = []
    for start, end in [*lines, (len(text), len(text))]:
        line = text[start:end]
        if line and not _punctuated(line) and len(_words(line)) <= 14:
            run.append((start, end))
            continue
        if len(run) >= 3:
            yield from run
        run = []
