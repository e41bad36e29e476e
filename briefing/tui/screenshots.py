"""Write SVG screenshots of every screen, on the demo library, to screenshots/.

Run: python -m briefing.tui.screenshots [--out screenshots] [--size 120x40]

The demo library is built in a temporary folder (never in the user's data directory),
through the same path as `briefing` with no library: ensure_demo_library.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerState

from briefing.config import Settings
from briefing.tui.app import BriefingApp

# name -> (what it shows, keys pressed after the library has loaded, theme)
SHOTS: dict[str, tuple[str, Sequence[str], str]] = {
    "main": ("Storylines with the timeline, quotes and red lines", (), "textual-dark"),
    "main-light": ("The same in the light theme", (), "textual-light"),
    "new-rows": (
        "Rows from unread articles marked new: n goes to the next, S sorts the column",
        ("n", "n", "S"),
        "textual-dark",
    ),
    "main-narrow": (
        "At 80x24: the columns as tabs, the quotes shown (])",
        ("right_square_bracket",),
        "textual-dark",
    ),
    "actors": (
        "Choosing actors, people under the side they speak for (f on the peace talks)",
        ("slash", *"peace", "enter", "f"),
        "textual-dark",
    ),
    "compare": (
        "Ukraine against Russia, each with its people's red lines and quotes (f, then c)",
        ("slash", *"peace", "enter", "f", *"ukraine", "space", "escape", *"russia", "space")
        + ("enter", "c"),
        "textual-dark",
    ),
    "summary": (
        "The storyline's summary, whole sentences with their outlets (Tab)",
        ("tab",),
        "textual-dark",
    ),
    "reader": (
        "The reader, at the chosen quote (Enter)",
        ("tab", "tab", "tab", "enter"),
        "textual-dark",
    ),
    "articles": ("All articles, newest first (2)", ("2",), "textual-dark"),
    "search": ("Full-text search (2, then /)", ("2", "slash", *"ceasefire"), "textual-dark"),
    "feeds": (
        "Feeds: status, unread, newest article, last refresh, tags, errors (3)",
        ("3",),
        "textual-dark",
    ),
    "feed-articles": ("One feed's articles (3, then Enter)", ("3", "enter"), "textual-dark"),
    "add-feed": (
        "Adding a feed (a), with an inline error",
        ("a", *"not a url", "enter"),
        "textual-dark",
    ),
    "merge": (
        "Merging a storyline into another: the picker, searched (M)",
        ("M", *"lowmere"),
        "textual-dark",
    ),
    "help": ("Every key (?)", ("question_mark",), "textual-dark"),
}


# Shots taken at a size of their own rather than --size.
SIZES: dict[str, tuple[int, int]] = {"main-narrow": (80, 24)}


async def _settle(pilot: Pilot[None], timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    quiet = 0
    while quiet < 3 and loop.time() < deadline:
        await pilot.pause(0.02)
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in pilot.app.workers)
        quiet = 0 if busy else quiet + 1


async def _shoot(db: Path, out: Path, name: str, size: tuple[int, int]) -> Path:
    _, keys, theme = SHOTS[name]
    app = BriefingApp(db, settings=Settings(theme=theme), demo=True, cursor_blink=False)
    async with app.run_test(size=SIZES.get(name, size)) as pilot:
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)
        screen = app.screen
        while getattr(screen, "positioned", True) is False:
            await pilot.pause(0.02)
        await pilot.pause(0.2)
        path = out / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(out))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--size", default="120x40", help="terminal size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    from briefing.demo import ensure_demo_library

    with tempfile.TemporaryDirectory(prefix="briefing-screenshots-") as folder:
        db = Path(folder) / "demo.db"
        print("building the demo library …", file=sys.stderr, flush=True)
        ensure_demo_library(db)
        for name, (what, _, _) in SHOTS.items():
            path = asyncio.run(_shoot(db, args.out, name, (width, height)))
            print(f"{path}  {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
