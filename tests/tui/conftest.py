"""Fixtures for the TUI tests: a real library file with fixed dates, and the app on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fixture_library import build_library

from briefing.config import Settings
from briefing.tui.app import BriefingApp


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return build_library(tmp_path / "library.db")


@pytest.fixture
def make_app(library_path: Path) -> Callable[..., BriefingApp]:
    def make(**kwargs: object) -> BriefingApp:
        kwargs.setdefault("settings", Settings())
        return BriefingApp(library_path, cursor_blink=False, **kwargs)  # type: ignore[arg-type]

    return make
