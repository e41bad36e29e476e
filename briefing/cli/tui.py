"""Launching the Textual reader from the command line."""

from __future__ import annotations

from briefing.cli._group import Context, fail


def launch(context: Context, *, explicit_db: bool, demo: bool = False) -> None:
    """Open the TUI on the library (on the demo library until the user has feeds, or when asked)."""
    from briefing.demo import DemoError
    from briefing.store import LibraryError
    from briefing.tui.app import run_app

    try:
        run_app(context.db_path, explicit_db=explicit_db, demo=demo)
    except (LibraryError, DemoError) as exc:
        fail(str(exc))
