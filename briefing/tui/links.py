"""Opening a link in the user's browser, and saying honestly when nothing can open it."""

from __future__ import annotations

import shlex
import subprocess
import webbrowser
from dataclasses import dataclass
from urllib.parse import urlsplit

# Seconds to wait for a browser command to fail at once (a bad option, no display) before
# taking it as started: a browser that keeps running is the usual, good case.
STARTUP_GRACE = 0.5

COPY_HINT = "press y to copy it instead"


def is_web_link(url: str) -> bool:
    """Only http and https links are handed to the browser."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def browser_command(template: str, url: str) -> list[str]:
    """The `browser` setting as a command: `%u` replaced by the URL (appended when absent).

    No shell reads it: the URL is one argument whatever characters it holds.
    """
    words = shlex.split(template)
    if not any("%u" in word for word in words):
        return [*words, url]
    return [word.replace("%u", url) for word in words]


@dataclass(frozen=True)
class Opened:
    """How an attempt to open a link went: `ok`, and a message in words for the user."""

    ok: bool
    message: str
    # The platform's default is a text-mode browser (lynx, w3m): it needs the terminal,
    # so the app suspends itself and runs it there.
    in_terminal: webbrowser.BaseBrowser | None = None


def open_with_command(template: str, url: str) -> Opened:
    """Start the user's browser command (runs in a worker: it waits a moment)."""
    try:
        command = browser_command(template, url)
    except ValueError as exc:
        return Opened(False, f"The browser setting “{template}” cannot be read ({exc}).")
    if not command:
        return Opened(False, "The browser setting is empty.")
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except FileNotFoundError:
        return Opened(
            False,
            f"Could not open the link: the browser “{command[0]}” (the browser setting in "
            f"settings.toml) was not found; {COPY_HINT}.",
        )
    except OSError as exc:
        return Opened(False, f"Could not start “{command[0]}”: {exc.strerror or exc}; {COPY_HINT}.")
    try:
        status = process.wait(STARTUP_GRACE)
    except subprocess.TimeoutExpired:
        return Opened(True, f"Opening {url} in {command[0]}")
    if status != 0:
        return Opened(
            False,
            f"Could not open the link: “{command[0]}” stopped with status {status}; {COPY_HINT}.",
        )
    return Opened(True, f"Opened {url} with {command[0]}")


def open_with_default(url: str) -> Opened:
    """Hand the link to the platform's default browser (Python's webbrowser module)."""
    try:
        controller = webbrowser.get()
    except webbrowser.Error:
        return Opened(False, no_browser_message())
    name = getattr(controller, "name", "") or "your browser"
    if type(controller) is webbrowser.GenericBrowser:
        # A text-mode browser: it runs in this terminal while the reader waits.
        return Opened(True, f"Opening {url} in {name}", in_terminal=controller)
    if not controller.open(url):
        return Opened(False, no_browser_message())
    return Opened(True, f"Opening {url} in {name}")


def no_browser_message() -> str:
    return (
        'No web browser found to open the link: set browser = "firefox %u" (or another '
        f"command) in settings.toml, or {COPY_HINT}."
    )
