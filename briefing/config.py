"""Where briefing keeps its files, and the user's settings file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

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


def load_settings(path: Path | None = None) -> Settings:
    """Read settings.toml; a missing file gives the defaults."""
    path = path or settings_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
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
