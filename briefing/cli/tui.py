"""Launching the Textual reader from the command line."""

from __future__ import annotations

from briefing.cli._group import Context, fail


def launch(context: Context, *, explicit_db: bool) -> None:
    """Open the TUI on the library (the demo until the user has feeds)."""
    try:
        from briefing.tui.app import run_app
    except ImportError as exc:  # the TUI has not been built yet
        fail(f"the reader is not available: {exc}")
    run_app(context.db_path, explicit_db=explicit_db)
