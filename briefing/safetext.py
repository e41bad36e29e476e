"""Make text from feeds safe to store and to print on a terminal.

Feed content is hostile input: titles and bodies may carry ANSI/OSC escape sequences,
other C0/C1 control characters and bidi overrides. Everything that reaches the library
or the terminal goes through `clean_line` (one-line fields) or `clean_text` (bodies).
"""

from __future__ import annotations

import re

# ESC-initiated sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and other
# two-character escapes. The 8-bit C1 forms (\x9b CSI, \x9d OSC) are handled the same way.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?            # CSI ... final byte
  | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])      # OSC, DCS, SOS, PM, APC ...
        [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?    # ... up to BEL or ST
  | \x1b[@-Z\\-_]?                               # other two-character escapes
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls, the bidi embedding, override
# and isolate characters (they can reorder what a line appears to say), and lone
# surrogates (a JSON feed can spell "\ud800"; no file, pipe or database can encode it).
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ud800-\udfff]"
)


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters, keeping tabs and newlines."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def clean_line(text: str | None) -> str:
    """A one-line field (title, author, URL): controls removed, whitespace collapsed."""
    if not text:
        return ""
    return " ".join(strip_controls(text).split())


def clean_text(text: str | None) -> str:
    """A body: controls removed, paragraphs (blank-line separated) kept."""
    if not text:
        return ""
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


# JSON escapes C0 controls itself; DEL, C1 controls, bidi marks and lone surrogates it
# leaves raw (a lone surrogate cannot even be written to a UTF-8 stream).
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ud800-\udfff]")


def json_for_terminal(document: str) -> str:
    """A JSON document with the characters a terminal would act on written as \\u escapes.

    The data is unchanged for any JSON reader (offsets into texts stay valid).
    """
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
