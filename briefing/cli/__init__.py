"""The `briefing` command. Each module here adds its subcommands to the group."""

from briefing.cli import demo as _demo  # noqa: F401
from briefing.cli import extract as _extract  # noqa: F401
from briefing.cli import feeds as _feeds  # noqa: F401
from briefing.cli import settings as _settings  # noqa: F401
from briefing.cli import storylines as _storylines  # noqa: F401
from briefing.cli import subscriptions as _subscriptions  # noqa: F401
from briefing.cli import tui as _tui  # noqa: F401
from briefing.cli._group import cli

__all__ = ["cli", "main"]


def main() -> None:
    cli(prog_name="briefing")
