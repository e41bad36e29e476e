"""The `briefing` command group and what every subcommand shares."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from briefing import __version__
from briefing.errors import BriefingError

if TYPE_CHECKING:
    from briefing.store import Library


@dataclass
class Context:
    """What the group passes down to each command."""

    db_path: Path

    def open(self) -> Library:
        """The library; a LibraryError reaches the group, which prints it."""
        from briefing.store import open_library  # lazily, to keep start-up fast

        return open_library(self.db_path)


def fail(message: str, code: int = 1) -> NoReturn:
    """One clear line on stderr and a non-zero exit."""
    from briefing.safetext import clean_line

    click.echo(f"briefing: {clean_line(message)}", err=True)
    sys.exit(code)


pass_context = click.make_pass_decorator(Context)


class _Group(click.Group):
    """Every command: an error meant for the user is one line, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        import sqlite3

        from briefing.store import storage_error

        try:
            return super().invoke(ctx)
        except BriefingError as exc:
            fail(str(exc), getattr(exc, "exit_code", 1))
        except sqlite3.Error as exc:
            # A full disk or a read-only file surfaces as SQLite's own error; other
            # SQLite errors are bugs, and keep their traceback.
            trouble = storage_error(exc, ctx.obj.db_path if ctx.obj else None)
            if trouble is None:
                raise
            fail(str(trouble))


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="BRIEFING_DB",
    default=None,
    help="Library file to use (default: the user data directory; env BRIEFING_DB).",
)
@click.version_option(__version__, prog_name="briefing")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """briefing: follow storylines across your news feeds, in the terminal.

    With no command, opens the reader on your library (or on the bundled demo
    until you add a feed).
    """
    from briefing.config import default_library_path

    ctx.obj = Context(db_path=db_path or default_library_path())
    if ctx.invoked_subcommand is None:
        from briefing.cli.tui import launch

        launch(ctx.obj, explicit_db=db_path is not None)
