"""Launching the Textual reader from the command line."""

from __future__ import annotations

from briefing.cli._group import Context


def launch(context: Context, *, explicit_db: bool, demo: bool = False) -> None:
    """Open the TUI on the library (on the demo library until the user has feeds, or when asked).

    A library or demo that cannot be opened raises a BriefingError, which the group prints.
    """
    from briefing.tui.app import run_app

    run_app(context.db_path, explicit_db=explicit_db, demo=demo)
