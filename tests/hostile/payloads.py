"""Strings that try to reach the terminal as something other than text."""

from __future__ import annotations

import re

OSC_TITLE = "\x1b]0;pwned\x07"
CLEAR_SCREEN = "\x1b[2J"
OSC8_LINK = "\x1b]8;;http://evil.example/\x1b\\click me\x1b]8;;\x1b\\"
OSC52_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"
C1_CSI = "\x9b31m"
C1_OSC = "\x9d0;c1-title\x9c"
OTHER_C0 = "\x00\x07\x08\x0b\x0c\x0e\x1f\x7f"
BIDI = "\u202egnp.exe\u202c \u2066isolated\u2069 \u200fmark"
MARKUP = "[bold red]x[/]"
CLICK_MARKUP = "[@click=app.quit]quit[/]"

ESCAPES = OSC_TITLE + CLEAR_SCREEN + OSC8_LINK + OSC52_CLIPBOARD + C1_CSI + C1_OSC + OTHER_C0
# Every payload inside ordinary words, so that what survives can be checked for.
HOSTILE = f"Talks {ESCAPES} resume {BIDI} {MARKUP} {CLICK_MARKUP} today"

# What must never be written to a terminal (tab, newline and carriage return excepted).
FORBIDDEN = re.compile(
    r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]"
)


def forbidden(text: str) -> list[str]:
    """The forbidden characters in `text`, as escapes (empty when it is clean)."""
    return sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})


def forbidden_bytes(data: bytes) -> list[str]:
    """The same check on raw output bytes; a stray 0x80-0x9F byte counts as a C1 control."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = {f"byte 0x{ord(c) - 0xDC00:02X}" for c in re.findall(r"[\udc80-\udc9f]", text)}
    return forbidden(text) + sorted(stray)
