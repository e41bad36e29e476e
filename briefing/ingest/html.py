"""Turn article HTML into clean plain text: paragraphs kept, everything else flattened.

This runs on every article of every feed, so it stays in lxml's C code as much as it can:
drop unwanted elements with `strip_elements`, mark block boundaries with private-use
characters in the tree, serialise it as text, then a few passes of str methods and one
regular expression.
The parser never touches files or the network (HTML parsing loads no DTD or entities).
"""

from __future__ import annotations

import html as _html
import re
import threading

from lxml import etree

from briefing.safetext import strip_controls

__all__ = ["html_to_text"]

# Markers put into the tree; they cannot come from the input because it is cleaned of
# private-use characters first.
_PARA = "\ue000"
_LINE = "\ue001"
_BR = "\ue002"

# lxml parsers must not be shared between threads, and refreshes convert in threads.
_local = threading.local()


def _parser() -> etree.HTMLParser:
    parser: etree.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.HTMLParser(
            recover=True,
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            remove_blank_text=False,
            compact=True,
            default_doctype=False,
            collect_ids=False,
        )
    return parser


# Elements whose content is never article text.
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "canvas",
    "svg",
    "math",
    "audio",
    "video",
    "source",
    "track",
    "map",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "button",
    "input",
    "select",
    "option",
    "textarea",
    "datalist",
    "dialog",
)

_DROPPED = "briefing-dropped"
_HIDDEN = etree.XPath(
    "//*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')]"
)

# Elements that stand as paragraphs of their own.
_BLOCKS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "menu",
    "table",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "fieldset",
    "legend",
    "center",
    "hr",
    "form",
    "caption",
)

# Elements that start a line of their own inside a paragraph.
_LINES = ("li", "dt", "dd", "tr")
_CELLS = ("td", "th")
_LISTS = ("ul", "ol", "dl", "menu")
_MARKED = (*_BLOCKS, *_LINES, *_CELLS, "br")

# Lone surrogates truncate lxml's parse; private-use characters would fake our markers;
# BOM, zero-width space and soft hyphen are invisible noise.
_UNWANTED = re.compile("[\ud800-\udfff\ue000-\uf8ff\ufeff\u200b\u00ad]")
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f"
    "\ud800-\udfff\ue000-\uf8ff\ufeff\u200b\u00ad]"
)
_OUT_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_INVISIBLE = re.compile("[\ufeff\u200b\u00ad]")
_FLAT_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff\u200b\u00ad]"
)
_CHAR_REF = re.compile(r"&#(?:[xX]0*([0-9A-Fa-f]{1,8})(?![0-9A-Fa-f])|0*([0-9]{1,10})(?![0-9]));?")
# C1 positions that windows-1252 leaves undefined: HTML keeps them as control characters.
_CP1252_HOLES = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A run of markers and the whitespace between them (captured: it says which break).
_BREAKS = re.compile(f"([{_PARA}{_LINE}{_BR}][\\s{_PARA}{_LINE}{_BR}]*)")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
_TAG = re.compile(r"<[A-Za-z!/?]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A body escaped twice shows its tags as text once decoded: give it one more parse.
_ESCAPED_MARKUP = re.compile(r"<(?:p|br|div|a|img|span|b|i|em|strong|ul|ol|li|h[1-6])[\s/>]", re.I)


_RAW_OPEN = re.compile(r"<(script|style|noscript|template|iframe|svg|math|head|textarea)\b")
_CRUDE_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_CRUDE_BLOCK = re.compile(
    r"</?(?:p|div|h[1-6]|blockquote|pre|ul|ol|dl|table|section|article|figure|hr)\b[^>]*>",
    re.IGNORECASE,
)
_CRUDE_LINE = re.compile(r"<(?:br|li|tr|dt|dd)\b[^>]*>", re.IGNORECASE)
_CRUDE_TAG = re.compile(r"<[^>]*>")


def html_to_text(html: str) -> str:
    """Plain text from an HTML fragment or document: paragraphs split by blank lines.

    Text without tags passes through with its paragraphs and lines kept.
    """
    if not html:
        return ""
    text = _clean_input(html)
    if not _TAG.search(text):
        if "&" in text and _ENTITY.search(text):
            text = _clean_input(_html.unescape(text))
            if _ESCAPED_MARKUP.search(text):
                return _from_markup(text)
        return _tidy_plain(text)
    return _from_markup(text)


def _from_markup(text: str) -> str:
    if text.lstrip().startswith("<?xml"):
        # lxml refuses a str that declares its encoding; the declaration says nothing here.
        text = _XML_DECL.sub("", text, count=1)
    parser = _parser()
    root = _parse(text, parser)
    if _nesting_too_deep(parser):
        # libxml2 stops at 256 levels of nesting and would lose the rest of the article.
        return _from_markup_crudely(text)
    if root is None:
        return ""
    _drop_unread(root, text)
    _keep_preformatted_lines(root)
    try:
        for el in root.iter(*_MARKED):
            _mark(el)
    except ValueError:
        # lxml refuses to store text holding a control character; _clean_input removes
        # every way we know for one to reach the tree, and this catches any other.
        return _from_markup_crudely(text)
    # Serialising as text is several times faster than joining itertext().
    flat = etree.tostring(root, method="text", encoding=str)
    # `text` was cleaned by _clean_input, so only an entity (&lrm;, &shy;, &#133;...) can
    # have put a control or invisible character into the tree.
    if "&" in text and _FLAT_SUSPECT.search(flat):
        flat = _INVISIBLE.sub("", strip_controls(flat))
    return _join_blocks(flat)


def _parse(text: str, parser: etree.HTMLParser) -> etree._Element | None:
    try:
        return etree.fromstring(text, parser)
    except (etree.ParserError, ValueError):
        return None


def _nesting_too_deep(parser: etree.HTMLParser) -> bool:
    """Whether the last parse stopped at libxml2's limit on nesting."""
    last_error = parser.error_log.last_error
    return last_error is not None and last_error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT


def _drop_unread(root: etree._Element, text: str) -> None:
    """Remove what is never article text: scripts, embeds, and what the author hid."""
    if "hidden" in text or "display" in text:
        # What the author hid (hidden, aria-hidden, display:none) is not for the reader.
        for el in _HIDDEN(root):
            el.tag = _DROPPED
    etree.strip_elements(root, *_DROP, _DROPPED, with_tail=False)


def _keep_preformatted_lines(root: etree._Element) -> None:
    """Preformatted text keeps its line breaks; spaces are still collapsed later."""
    for pre in root.iter("pre"):
        for node in pre.iter():
            if node.text:
                node.text = node.text.replace("\n", _BR)
            if node is not pre and node.tail:
                node.tail = node.tail.replace("\n", _BR)


def _join_blocks(flat: str) -> str:
    """The text serialised with block markers, as paragraphs and lines of collapsed words."""
    # Split at each run of markers (and the whitespace around them), then collapse the
    # whitespace of each piece: str.split is far faster than a regex for that. The pieces
    # alternate text, markers, text, ...
    pieces = _BREAKS.split(flat)
    out: list[str] = []
    for i in range(0, len(pieces), 2):
        words = " ".join(pieces[i].split())
        if not words:
            continue
        if out and i:
            out.append(_break_for(pieces[i - 1]))
        out.append(words)
    return "".join(out)


def _clean_input(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&#" in text:
        # A reference such as &#27; would put a control character in the tree, which lxml
        # then refuses to modify: decode those now so that the escape sequence they start
        # is removed whole below.
        text = _CHAR_REF.sub(_decode_control_ref, text)
    # Most articles hold nothing to remove; one scan to find out is cheap (cheaper still
    # for ASCII text, where only C0 controls and DEL can be unwanted).
    if may_hold_controls(text) and _SUSPECT.search(text):
        text = _UNWANTED.sub("", strip_controls(text))
    return text


# Every ASCII character that is neither a C0 control (tab and newline excepted) nor DEL.
_ASCII_PLAIN = bytes([9, 10, *range(32, 127)])


def may_hold_controls(text: str) -> bool:
    """False when `text` surely holds no control character (a fast test for ASCII text);
    True means "look closer"."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _ASCII_PLAIN))
    return True


def _mark(el: etree._Element) -> None:
    tag = el.tag
    if tag == "br":
        el.tail = _BR + el.tail if el.tail else _BR
    elif tag in _CELLS:
        el.tail = " " + el.tail if el.tail else " "
    else:
        mark = _LINE if tag in _LINES else _PARA
        if tag in _LISTS and next(el.iterancestors("li", "dd"), None) is not None:
            mark = _LINE  # a nested list continues its parent's lines
        el.text = mark + el.text if el.text else mark
        el.tail = mark + el.tail if el.tail else mark


def _decode_control_ref(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(digits)
    if code > 0x10FFFF:
        return ""
    char = chr(code)
    if "\x80" <= char <= "\x9f" and code not in _CP1252_HOLES:
        return match.group()  # HTML maps these to windows-1252 characters (&#x80; is €)
    if _OUT_SUSPECT.match(char):
        return char  # removed by strip_controls with any sequence it starts
    if _XML_INVALID.match(char) or _UNWANTED.match(char):
        return ""  # private-use characters would also pass for our markers
    return match.group()


def _break_for(run: str) -> str:
    # Two <br> in a row are how many feeds write a paragraph break.
    if _PARA in run or run.count(_BR) > 1:
        return "\n\n"
    return "\n"


def _from_markup_crudely(text: str) -> str:
    """Tags removed by pattern, for markup too deeply nested for the parser."""
    low = text.lower()
    kept = []
    pos = 0
    while (opening := _RAW_OPEN.search(low, pos)) is not None:
        kept.append(text[pos : opening.start()])
        close = low.find("</" + opening.group(1), opening.end())
        if close < 0:
            pos = len(text)  # an unclosed script swallows the rest, as in a browser
            break
        end = low.find(">", close)
        pos = len(text) if end < 0 else end + 1
    kept.append(text[pos:])
    text = _CRUDE_COMMENT.sub("", "".join(kept))
    text = _CRUDE_BLOCK.sub("\n\n", text)
    text = _CRUDE_LINE.sub("\n", text)
    text = _CRUDE_TAG.sub("", text)
    return _tidy_plain(_clean_input(_html.unescape(text)))


def _tidy_plain(text: str) -> str:
    paragraphs = []
    for block in re.split(r"\n[ \t\f\v]*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        kept = "\n".join(line for line in lines if line)
        if kept:
            paragraphs.append(kept)
    return "\n\n".join(paragraphs)
