"""Defusing XML before it is parsed: a document's own DTD declarations are dropped.

Entity declarations are how XML attacks work: nested entities that expand to gigabytes
(billion laughs), one large entity referenced thousands of times (quadratic blowup, which
feedparser's fallback parser would expand in full), and external or parameter entities
that read local files or call a server. Feeds have no need for them, so the internal
subset of a `<!DOCTYPE ... [ ... ]>` is removed before any parser sees the document; the
references are then left as the literal text they are. An external DTD named by the
DOCTYPE is kept as a name only: no parser here loads it.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

__all__ = ["defuse_char_refs", "hardened_xml_parser", "strip_internal_subset", "trust_the_bom"]


def hardened_xml_parser() -> etree.XMLParser:
    """An lxml XML parser that reads only the document itself: no network, no DTD loaded or
    validated, no entity resolved, no tree past libxml2's size limits; comments and
    processing instructions are dropped.

    lxml parsers must not be shared between threads: make one per thread.
    """
    # collect_ids stays on: collect_ids=False sets libxml2's `loadsubset`, and libxml2 then
    # reads the external DTD a DOCTYPE names (a local file) and expands its entities,
    # whatever load_dtd and resolve_entities say (lxml 6.0, libxml2 2.14).
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


# Byte-order marks and the encodings they announce (UTF-32 before UTF-16: it shares a prefix).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# "<?" or "<!" in encodings without a byte-order mark.
_BOMLESS = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)
_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(r"<[A-Za-z_]")
# Only the document's head is searched: a DOCTYPE comes before the root element.
_HEAD_CHARS = 1 << 20


def strip_internal_subset(body: bytes) -> bytes:
    """`body` with the internal DTD subset of its DOCTYPE removed (unchanged when none)."""
    encoding, bom = _encoding(body)
    if encoding == "ascii-compatible":
        if b"<!" not in body[:_HEAD_CHARS] or not _DOCTYPE.search(
            body[:_HEAD_CHARS].decode("latin-1")
        ):
            return body
        # latin-1 maps bytes one to one, so offsets found in the text are byte offsets.
        text = body.decode("latin-1")
        stripped = _strip(text)
        return body if stripped is None else stripped.encode("latin-1")
    text = body[len(bom) :].decode(encoding, errors="surrogatepass")
    stripped = _strip(text)
    if stripped is None:
        return body
    return bom + stripped.encode(encoding, errors="surrogatepass")


def _encoding(body: bytes) -> tuple[str, bytes]:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return ("ascii-compatible" if name == "utf-8" else name), bom
    for prefix, name in _BOMLESS:
        if body.startswith(prefix):
            return name, b""
    return "ascii-compatible", b""


def _strip(text: str) -> str | None:
    """The text without the DOCTYPE's internal subset, or None when there is none."""
    head_end = _FIRST_ELEMENT.search(text, 0, _HEAD_CHARS)
    limit = head_end.start() if head_end else min(len(text), _HEAD_CHARS)
    match = _DOCTYPE.search(text, 0, limit)
    if match is None:
        return None
    subset_start = _subset_start(text, match.end())
    if subset_start is None:
        return None
    if subset_start < 0:
        return text[: match.start()]  # an unterminated DOCTYPE swallows the document
    subset_end = _subset_end(text, subset_start + 1)
    if subset_end < 0:
        # A subset that never ends: nothing after it can be trusted to be document.
        return text[: match.start()]
    return text[:subset_start] + text[subset_end + 1 :]


def _subset_start(text: str, start: int) -> int | None:
    """Where the internal subset's "[" is, reading the DOCTYPE's name and external id from
    `start`: None when the DOCTYPE ends (">") without one, -1 when it never ends."""
    quote = ""
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == ">":
            return None
        elif c == "[":
            return i
    return -1


def _subset_end(text: str, i: int) -> int:
    """Where the "]" that closes the internal subset is (followed by ">" after optional
    whitespace), reading from `i`; quoted strings and comments inside are skipped.
    -1 when the subset never ends."""
    while i < len(text):
        c = text[i]
        if c in "\"'":
            end = text.find(c, i + 1)
            if end < 0:
                return -1
            i = end + 1
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end < 0:
                return -1
            i = end + 3
        elif c == "]" and _closes_doctype(text, i + 1):
            return i
        else:
            i += 1
    return -1


def _closes_doctype(text: str, i: int) -> bool:
    """Whether only whitespace stands between `i` and a ">"."""
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i < len(text) and text[i] == ">"


_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")
_CHARSET = re.compile(r";\s*charset\s*=\s*[^;]*", re.IGNORECASE)


def trust_the_bom(body: bytes, content_type: str = "") -> tuple[bytes, str]:
    """A document that starts with a byte-order mark, as UTF-8 that says so.

    A byte-order mark cannot be mistaken, while a charset in the HTTP header or in the
    XML declaration often is; feedparser believes the labels (and takes text/xml without
    a charset for ASCII), so a UTF-16 feed labelled anything else would not be read.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            text = body[len(bom) :].decode(name, errors="replace")
            text = _DECLARED_ENCODING.sub(r"\1\2utf-8\2", text, count=1)
            return text.encode("utf-8"), _CHARSET.sub("", content_type)
    return body, content_type


_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _replace_impossible(match: re.Match[bytes]) -> bytes:
    hex_digits, decimal = match.groups()
    if len((hex_digits or decimal).lstrip(b"0")) > 8:
        return b"&#xFFFD;"  # far past U+10FFFF
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return b"&#xFFFD;"
    return match.group(0)


def defuse_char_refs(body: bytes) -> bytes:
    """Character references to code points that cannot exist (surrogates, past U+10FFFF)
    as U+FFFD: feedparser's fallback parser raises on them instead of reading the feed."""
    if b"&#" not in body:
        return body
    return _CHAR_REF.sub(_replace_impossible, body)
