"""Where briefing keeps its files, and the user's settings file."""

from __future__ import annotations

import difflib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from briefing.errors import BriefingError

APP_NAME = "briefing"

# A feed keeps at most this many articles unless settings.toml says otherwise.
MAX_ARTICLES_PER_FEED = 2000

# Below this terminal width the main screen shows the timeline, quotes and red lines as tabs,
# one at a time, unless settings.toml says otherwise.
TABS_BELOW_WIDTH = 120


def data_dir() -> Path:
    """The bundled data folder (`data/` in a checkout, `briefing/_data` in a wheel)."""
    packaged = Path(__file__).parent / "_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "data"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_library_path() -> Path:
    """The library file used when neither --db nor BRIEFING_DB says otherwise."""
    env = os.environ.get("BRIEFING_DB")
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "library.db"


def demo_library_path() -> Path:
    """The demo gets a library of its own, never mixed into the user's."""
    return user_data_dir() / "demo.db"


def settings_path() -> Path:
    env = os.environ.get("BRIEFING_SETTINGS")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


def state_path() -> Path:
    """Where the reader remembers what the user chose while using it (the theme toggle)."""
    return user_data_dir() / "state.json"


class SettingsError(BriefingError):
    """settings.toml exists but cannot be read; the message names the file, line and column."""

    # The command line's exit status for it (the usage-error status: the input is wrong).
    exit_code = 2


@dataclass
class Settings:
    """What a user may set in settings.toml."""

    theme: str = "textual-dark"
    keymap: dict[str, str] = field(default_factory=dict)
    max_articles_per_feed: int = MAX_ARTICLES_PER_FEED
    fetch_full_text: bool = True
    # How links are opened: a command with %u for the URL ("firefox %u"); empty: the
    # platform's default browser (Python's webbrowser module).
    browser: str = ""
    tabs_below_width: int = TABS_BELOW_WIDTH
    extra: dict[str, Any] = field(default_factory=dict)
    # What was wrong in the file (unknown or unusable settings), one line each; not a setting.
    problems: list[str] = field(default_factory=list)


# Settings fields that are not keys of settings.toml.
_NOT_KEYS = frozenset({"extra", "problems"})
# tomllib (Python 3.11-3.13) ends its messages with where the error is.
_TOML_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def load_settings(path: Path | None = None) -> Settings:
    """Read settings.toml; a missing file gives the defaults.

    Raises SettingsError when the file cannot be read or is not TOML. Keys that are not
    settings, and values a setting does not take, are listed in `Settings.problems`.
    """
    path = path or settings_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(path, exc) from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise SettingsError(f"cannot read {path}: {exc.strerror or exc}") from None
    settings = _read_values(raw)
    settings.problems = _problems(raw, settings)
    return settings


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> SettingsError:
    """One line: the file, the line and column, what is wrong, what to do."""
    reason = str(exc)
    line = getattr(exc, "lineno", None)  # Python 3.14 has them as attributes
    column = getattr(exc, "colno", None)
    match = _TOML_WHERE.search(reason)
    if match:
        reason = reason[: match.start()]
        if match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
    where = f"line {line}, column {column}" if line else "at the end"
    if reason == "Illegal character '\\n'":
        # What tomllib says of a string or array left open at the end of a line.
        reason = "the line ends too soon (a closing quote or bracket is missing)"
    reason = reason[:1].lower() + reason[1:]
    return SettingsError(
        f"settings file {path}, {where}: {reason}. Fix that line, or move the file away"
    )


def _read_values(raw: dict[str, Any]) -> Settings:
    settings = Settings()
    if isinstance(raw.get("theme"), str):
        settings.theme = raw["theme"]
    if isinstance(raw.get("keymap"), dict):
        settings.keymap = {str(k): str(v) for k, v in raw["keymap"].items()}
    if isinstance(raw.get("max_articles_per_feed"), int):
        settings.max_articles_per_feed = raw["max_articles_per_feed"]
    if isinstance(raw.get("fetch_full_text"), bool):
        settings.fetch_full_text = raw["fetch_full_text"]
    if isinstance(raw.get("browser"), str):
        settings.browser = raw["browser"].strip()
    width = raw.get("tabs_below_width")
    if isinstance(width, int) and not isinstance(width, bool) and width >= 0:
        settings.tabs_below_width = width
    settings.extra = raw
    return settings


# How each kind of setting is written, for the message about a value that is not one.
_KINDS = {bool: "true or false", int: "a whole number", str: "text in quotes", dict: "a table"}


def _problems(raw: dict[str, Any], settings: Settings) -> list[str]:
    """Keys that are no setting, and values their setting did not take."""
    defaults = Settings()
    known = [f.name for f in fields(Settings) if f.name not in _NOT_KEYS]
    problems = []
    for key, value in raw.items():
        if key not in known:
            problems.append(f'unknown setting "{key}"{did_you_mean(key, known)}; ignored')
            continue
        default = getattr(defaults, key)
        if getattr(settings, key) == default and value != default:
            kind = _KINDS.get(type(default), "another kind of value")
            shown = json.dumps(default) if not isinstance(default, dict) else "{}"
            problems.append(f"{key} = {_toml_value(value)} is not usable ({kind}); using {shown}")
    return problems


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return json.dumps(value)
    return "a table" if isinstance(value, dict) else "a list" if isinstance(value, list) else "?"


def did_you_mean(word: str, choices: list[str]) -> str:
    """' (did you mean "x"?)' for the closest of `choices`, or "" when none is close."""
    close = difflib.get_close_matches(word, choices, n=1)
    return f' (did you mean "{close[0]}"?)' if close else ""


def read_state(path: Path) -> dict[str, Any]:
    """What the reader remembered (state.json); {} when there is nothing usable."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def write_state(path: Path, state: dict[str, Any]) -> bool:
    """Remember `state`; False when the file cannot be written (nothing else depends on it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError:
        return False
    return True
