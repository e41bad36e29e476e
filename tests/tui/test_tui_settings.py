"""settings.toml as the reader and `briefing settings check` see it: a file that is not TOML,
unknown settings, binding ids and themes, a remap that would leave no key to quit, and the
theme toggle that is remembered and comes back to the configured theme."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tui_helpers import settle

from briefing.cli import cli
from briefing.config import SettingsError, load_settings, read_state
from briefing.tui.app import BriefingApp, reader_settings

ROOT = Path(__file__).resolve().parents[2]


def _notices(app: BriefingApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _check(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`briefing [args] settings check` (or the args given) in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *(args or ("settings", "check"))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env={**os.environ, "BRIEFING_SETTINGS": str(path)},
    )


BAD_TOML = 'theme = "nord\n[keymap]\nrefresh = "ctrl+r"\n'
TOML_MESSAGE = (
    "line 1, column 14: the line ends too soon (a closing quote or bracket is missing). "
    "Fix that line, or move the file away"
)


def test_a_file_that_is_not_toml_is_one_message_with_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, BAD_TOML)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value) == f"settings file {path}, {TOML_MESSAGE}"


def test_the_cli_exits_2_with_the_same_message(tmp_path: Path) -> None:
    path = _write(tmp_path, BAD_TOML)
    for args in (("settings", "check"), ("--db", str(tmp_path / "l.db"), "refresh")):
        done = _check(path, *args)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert done.stderr.splitlines() == [f"briefing: settings file {path}, {TOML_MESSAGE}"]


async def test_the_reader_starts_on_the_defaults_and_says_why(
    library_path: Path, tmp_path: Path
) -> None:
    path = _write(tmp_path, BAD_TOML)
    settings = reader_settings(path)
    assert settings.theme == "textual-dark" and settings.keymap == {}
    app = BriefingApp(library_path, settings=settings, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        assert _notices(app) == [
            f"settings file {path}, {TOML_MESSAGE} (the reader started with the default settings)"
        ]


UNKNOWN = 'them = "nord"\nmax_articles_per_feed = "lots"\n[keymap]\nrefrsh = "ctrl+r"\n'


async def test_unknown_settings_and_binding_ids_are_reported_once(
    library_path: Path, tmp_path: Path
) -> None:
    path = _write(tmp_path, UNKNOWN)
    expected = [
        'unknown setting "them" (did you mean "theme"?); ignored',
        'max_articles_per_feed = "lots" is not usable (a whole number); using 2000',
        'keymap: "refrsh" is not a binding id (did you mean "refresh"?); ignored '
        "(the ? screen lists the ids)",
    ]
    app = BriefingApp(library_path, settings=reader_settings(path), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")  # another screen: nothing is reported again
        await settle(pilot)
        assert _notices(app) == ["\n".join(expected)]
        assert app.screen.active_bindings["r"].binding.id == "refresh"  # r still refreshes
    done = _check(path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"{path}: {line}" for line in expected] + [
        "briefing: 3 problems in the settings; the reader reports the same at start-up"
    ]


async def test_an_unknown_theme_is_reported_and_the_default_used(
    library_path: Path, tmp_path: Path
) -> None:
    path = _write(tmp_path, 'theme = "solarized-nope"\n')
    app = BriefingApp(library_path, settings=reader_settings(path), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        (notice,) = _notices(app)
        assert notice.startswith(
            'theme "solarized-nope" is not a theme briefing has (did you mean "solarized-dark"?);'
            " using textual-dark (themes: "
        )
        assert "nord" in notice and "gruvbox" in notice
    done = _check(path)
    assert done.returncode == 1 and f'{path}: theme "solarized-nope"' in done.stderr


async def test_a_remap_that_leaves_no_key_to_quit_is_refused(
    library_path: Path, tmp_path: Path
) -> None:
    # q and Q quit; taking both for other actions would leave nothing that quits.
    path = _write(tmp_path, '[keymap]\nhelp = "q"\nadd-feed = "Q"\nrefresh = "f5"\n')
    app = BriefingApp(library_path, settings=reader_settings(path), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert _notices(app) == [
            'keymap: help = "q" refused: it would leave no key that quits; Q and q still quit\n'
            'keymap: add-feed = "Q" refused: it would leave no key that quits; Q and q still quit'
        ]
        assert app.screen.active_bindings["f5"].binding.id == "refresh"  # the rest applies
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    done = _check(path)
    assert done.returncode == 1 and 'help = "q" refused' in done.stderr


async def test_quit_on_a_key_a_list_answers_first_is_refused(
    library_path: Path, tmp_path: Path
) -> None:
    path = _write(tmp_path, '[keymap]\nquit = "j"\n')
    app = BriefingApp(library_path, settings=reader_settings(path), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert _notices(app) == [
            'keymap: quit = "j" refused: j already means "Down" on the storylines screen, '
            "so it would never run there; quit stays on q"
        ]
        await pilot.press("j")
        await settle(pilot)
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    done = _check(path)
    assert done.returncode == 1 and 'quit = "j" refused' in done.stderr


async def test_a_remap_that_keeps_a_quit_key_is_accepted(
    library_path: Path, tmp_path: Path
) -> None:
    path = _write(tmp_path, '[keymap]\nquit = "x"\n')
    app = BriefingApp(library_path, settings=reader_settings(path), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert _notices(app) == []
        await pilot.press("x")
        await pilot.pause()
        assert not app.is_running
    assert _check(path).returncode == 0


async def test_the_theme_toggle_is_remembered_and_returns_to_the_configured_theme(
    library_path: Path, tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    settings = _write(tmp_path, 'theme = "nord"\n')

    def reader() -> BriefingApp:
        return BriefingApp(
            library_path,
            settings=reader_settings(settings),
            cursor_blink=False,
            state_path=state,
        )

    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        await pilot.press("t")
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "nord"  # back to the configured theme, not textual-dark
        await pilot.press("t")
    assert read_state(state)["theme"] == "textual-light"
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"  # remembered
        await pilot.press("t")
        assert app.theme == "nord"
    # A theme newly set in settings.toml wins over what the toggle remembered.
    _write(tmp_path, 'theme = "gruvbox"\n')
    app = reader()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"


def test_settings_check_without_a_file_or_problems(tmp_path: Path, monkeypatch) -> None:
    missing = tmp_path / "none.toml"
    monkeypatch.setenv("BRIEFING_SETTINGS", str(missing))
    result = CliRunner().invoke(cli, ["settings", "check"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"No settings file at {missing}; the defaults apply."
    fine = _write(tmp_path, 'theme = "nord"\n[keymap]\nrefresh = "ctrl+r"\n')
    monkeypatch.setenv("BRIEFING_SETTINGS", str(fine))
    result = CliRunner().invoke(cli, ["settings", "check"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{fine}: all settings are understood."
