"""The `demo` command: open the reader on the bundled demo, or serve the demo feeds."""

from __future__ import annotations

import sys

import click

from briefing.cli._group import Context, cli, fail, pass_context

DEFAULT_PORT = 8765


@cli.command("demo")
@click.option(
    "--serve",
    is_flag=True,
    help="Serve the demo feeds over HTTP on 127.0.0.1 instead of opening the reader.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help=f"Port for --serve (default {DEFAULT_PORT}; 0 picks a free one).",
)
@pass_context
def demo_command(context: Context, serve: bool, port: int | None) -> None:
    """Try briefing on a bundled demo: nine outlets following a dozen storylines.

    With no option, opens the reader on the demo library, a library of its own that is
    never mixed into yours. With --serve, serves the demo feeds on 127.0.0.1 and prints
    their URLs until Ctrl+C, so you can subscribe to them (`briefing add URL`) or point
    tests and benchmarks at them.
    """
    if port is not None and not serve:
        fail("--port only applies with --serve")
    if serve:
        _serve(DEFAULT_PORT if port is None else port)
        return
    _open_reader(context)


def _serve(port: int) -> None:
    from briefing.demo import DemoServer

    try:
        server = DemoServer(port)
    except OSError as exc:
        fail(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc} (choose another --port)")
    width = max(len(o.title) for o in server.outlets)
    click.echo(f"Serving {len(server.outlets)} demo feeds at {server.url}  (Ctrl+C to stop)")
    for outlet in server.outlets:
        name = f"{outlet.title:<{width}}  {outlet.format_name:<13}"
        click.echo(f"  {name}  {server.feed_url(outlet.id)}")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")


def _open_reader(context: Context) -> None:
    from briefing.cli.tui import launch

    # The demo always opens in a library of its own; a feed added from it goes into the
    # user's library (context.db_path), which the reader then switches to.
    launch(context, explicit_db=False, demo=True)
