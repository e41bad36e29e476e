"""`briefing settings check`: what the reader would make of settings.toml, without opening it."""

from __future__ import annotations

import click

from briefing.cli._group import cli, fail
from briefing.safetext import clean_line


@cli.group("settings")
def settings_group() -> None:
    """The settings file (settings.toml): where it is, and whether it reads as meant."""


@settings_group.command("check")
def check_command() -> None:
    """Report what the reader would ignore in settings.toml: unknown settings, binding ids
    and themes, and a key remap that would leave no key to quit.

    Exits 0 when all is well, 1 when something is ignored, 2 when the file is not TOML.
    """
    from briefing.config import load_settings, settings_path
    from briefing.tui.settings import check_settings

    path = settings_path()
    settings = load_settings(path)  # a SettingsError exits 2 through the group
    problems = check_settings(settings).problems
    if not path.exists():
        click.echo(f"No settings file at {clean_line(str(path))}; the defaults apply.")
        return
    if not problems:
        click.echo(f"{clean_line(str(path))}: all settings are understood.")
        return
    for problem in problems:
        click.echo(f"{clean_line(str(path))}: {clean_line(problem)}", err=True)
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    fail(f"{count} in the settings; the reader reports the same at start-up")
