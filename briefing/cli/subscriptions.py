"""Subscription list commands: import (OPML or a newsboat urls file) and export (OPML)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefing.cli._group import Context, cli, fail, pass_context
from briefing.safetext import clean_line

# Subscription lists are small; anything this large is the wrong file.
MAX_IMPORT_BYTES = 50 * 1024 * 1024


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@pass_context
def import_command(context: Context, file: Path) -> None:
    """Subscribe to the feeds in FILE: OPML, or a newsboat `urls` file ("-" reads stdin).

    Folders and categories become tags. Nothing is fetched: run `briefing refresh` next.
    """
    from briefing.ingest.opml import SubscriptionFileError, read_subscriptions
    from briefing.store.feeds import add_feeds

    data = _read_input(file)
    skipped: list[str] = []
    try:
        subscriptions = read_subscriptions(data, skipped)
    except SubscriptionFileError as exc:
        fail(f"{file}: {exc}")
    for line in skipped:
        click.echo(f"skipped {clean_line(line)}", err=True)
    if not subscriptions:
        fail(f"no feeds found in {file} (expected OPML or a newsboat urls file)")
    with context.open() as library:
        added, existing = add_feeds(library, subscriptions)
    click.echo(f"imported {_plural(added, 'feed')} ({existing} already subscribed)")
    if added:
        click.echo("Run `briefing refresh` to fetch their articles.")


def _read_input(file: Path) -> bytes:
    try:
        if str(file) == "-":
            data = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
        else:
            with file.open("rb") as handle:
                data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    if len(data) > MAX_IMPORT_BYTES:
        fail(f"{file}: larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB; not a subscription list")
    return data


@cli.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the OPML to this file instead of standard output.",
)
@pass_context
def export_command(context: Context, output: Path | None) -> None:
    """Write your subscriptions as OPML 2.0, which other feed readers import."""
    from briefing.ingest.opml import write_opml
    from briefing.store.feeds import list_feeds

    with context.open() as library:
        feeds = list_feeds(library)
    document = write_opml(feeds)
    if output is None:
        click.echo(document, nl=False)
        return
    try:
        output.write_text(document, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"exported {_plural(len(feeds), 'feed')} to {clean_line(str(output))}", err=True)
