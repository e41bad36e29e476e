"""How fast the reader paints on a large library.

Measures, on a generated library of 100,000 articles (2,000 storylines), or with --demo on
the bundled demo library (44 real-length articles):
  1. launch -> first painted storyline list, in a fresh Python process (interpreter start,
     imports, opening the library, the query, the first paint), and in-process; the list
     is first painted from the stored storyline rows, then the live counts and unread
     marks follow (also timed);
  2. a key press (j) -> the next storyline's three columns painted.
Targets: (1) <= 1.0 s, (2) <= 100 ms p95 (<= 50 ms p95 on the demo). Figures are printed;
nothing is asserted.

Run: .venv/bin/python bench/tui.py [--articles N | --demo] [--presses N] [--db PATH] [--size WxH]
The library is generated once and kept (default: a file in the system temp dir).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.config import settings_path
from briefing.store import open_library
from briefing.understand import analyser_version, load_alias_table

# The version the reader checks (the user's alias table's): the generated library is up to date.
ANALYSED_VERSION = analyser_version(load_alias_table(settings_path().parent))

WORDS = (
    "minister union port strike talks ceasefire envoy budget court ruling tariff vote "
    "council tram outbreak vaccine merger bid shareholders harbour deal sanctions border"
).split()
TEXT_WORDS = (
    "the officials said on tuesday that negotiations would continue after a week of "
    "pressure while analysts warned that any agreement must respect the limits agreed "
    "last spring and that the coming days would decide whether both sides can move"
).split()


def generate(path: Path, articles: int, storylines: int = 2000, feeds: int = 100) -> None:
    """Write a library with `articles` articles spread over storylines, with analysis rows."""
    rng = random.Random(7)
    with open_library(path) as library:
        db = library.db
        db["feeds"].insert_all(
            {
                "id": f + 1,
                "url": f"https://feeds{f}.example/rss",
                "title": f"Outlet {f + 1}",
                "added_at": "2026-01-01T00:00:00+00:00",
                "last_refresh": "2026-03-01T00:00:00+00:00",
            }
            for f in range(feeds)
        )
        db["storylines"].insert_all(
            {
                "id": s + 1,
                "label": " ".join(rng.sample(WORDS, 3)).capitalize() + f" {s + 1}",
                "article_count": 0,
            }
            for s in range(storylines)
        )

        def rows(table: str):  # noqa: ANN202 - a generator of dicts per table
            for a in range(articles):
                sid = a % storylines + 1
                day = 1 + (a * 365 // articles)
                published = f"2025-{1 + (day - 1) // 31 % 12:02d}-{1 + (day - 1) % 28:02d}"
                words = rng.choices(TEXT_WORDS, k=90)
                quote = "We will not accept any deal that ignores the union."
                text = " ".join(words[:45]) + ". " + quote + " " + " ".join(words[45:]) + "."
                start = text.index(quote)
                if table == "articles":
                    yield {
                        "id": a + 1,
                        "feed_id": a % feeds + 1,
                        "guid": f"g{a}",
                        "link": f"https://news.example/{a}",
                        "title": " ".join(rng.sample(WORDS, 5)).capitalize(),
                        "published": published + "T08:00:00+00:00",
                        "text": text,
                        "content_hash": f"h{a}",
                        "dedupe_key": f"g{a}",
                        "fetched_at": "2026-03-01T00:00:00+00:00",
                        "read": int(rng.random() < 0.5),
                        "storyline_id": sid,
                        # Up to date, as after a digest: the reader's background catch-up
                        # finds nothing to do, so the figures are the reader's alone.
                        "analysed_version": ANALYSED_VERSION,
                        "language": "en",
                    }
                elif table == "quotes":
                    yield {
                        "article_id": a + 1,
                        "text": quote,
                        "start": start,
                        "end": start + len(quote),
                        "direct": 1,
                        "speaker": f"Speaker {a % 7}",
                    }
                elif table == "red_lines":
                    yield {
                        "article_id": a + 1,
                        "holder": f"Speaker {a % 7}",
                        "text": quote,
                        "start": start,
                        "end": start + len(quote),
                    }
                elif table == "events":
                    yield {
                        "article_id": a + 1,
                        "date": published,
                        "text": text[:60],
                        "start": 0,
                        "end": 60,
                    }
                else:
                    yield {"article_id": a + 1, "name": f"Speaker {a % 7}", "kind": "person"}

        for table in ("articles", "quotes", "red_lines", "events", "actors"):
            rng.seed(7)
            with db.atomic():
                db[table].insert_all(rows(table), batch_size=2000)
        with db.atomic():
            db.execute(
                "INSERT INTO storyline_members (article_id, content_hash, simhash, assigned_at)"
                " SELECT id, content_hash, 0, fetched_at FROM articles"
            )
        with db.atomic():
            db.execute(
                """
                UPDATE storylines SET
                  article_count = (SELECT count(*) FROM articles a
                                   WHERE a.storyline_id = storylines.id),
                  first_date = (SELECT min(substr(published, 1, 10)) FROM articles a
                                WHERE a.storyline_id = storylines.id),
                  last_date = (SELECT max(substr(published, 1, 10)) FROM articles a
                               WHERE a.storyline_id = storylines.id)
                """
            )
        db.execute("ANALYZE")


CHILD = """
import sys, time, asyncio
started = float(sys.argv[1])
from pathlib import Path
from briefing.tui.app import BriefingApp
from briefing.tui.screens.main import MainScreen

painted = {}
original = MainScreen.on_storylines_loaded

def loaded(self, message):
    original(self, message)
    if "t" not in painted:
        self.call_after_refresh(lambda: painted.setdefault("t", time.time()))

MainScreen.on_storylines_loaded = loaded

async def main():
    app = BriefingApp(Path(sys.argv[2]), cursor_blink=False)
    async with app.run_test(size=(int(sys.argv[3]), int(sys.argv[4]))) as pilot:
        while "t" not in painted:
            await pilot.pause(0.001)
    print(painted["t"] - started)

asyncio.run(main())
"""


def launch_in_fresh_process(db: Path, size: tuple[int, int]) -> float:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, repr(started), str(db), *map(str, size)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


async def in_process(
    db: Path, presses: int, size: tuple[int, int]
) -> tuple[float, float, list[float], list[float]]:
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.widgets.panes import StorylinePane

    marks: dict[str, float] = {}
    original_list = MainScreen.on_storylines_loaded
    original_render = MainScreen._render_briefing

    def storylines_loaded(self: MainScreen, message) -> None:  # noqa: ANN001
        original_list(self, message)
        self.call_after_refresh(lambda: marks.setdefault("list", time.perf_counter()))
        if message.complete:  # the live counts and unread marks
            self.call_after_refresh(lambda: marks.setdefault("counts", time.perf_counter()))

    def rendered(self: MainScreen) -> None:
        # Both paths end here: a worker's briefing arriving, or a prefetched one shown at once.
        original_render(self)
        current = self.query_one(StorylinePane).current
        if current is not None and self.view is not None and current.id == self.view.storyline_id:
            self.call_after_refresh(lambda: marks.__setitem__("columns", time.perf_counter()))

    MainScreen.on_storylines_loaded = storylines_loaded  # type: ignore[method-assign]
    MainScreen._render_briefing = rendered  # type: ignore[method-assign]
    started = time.perf_counter()
    app = BriefingApp(db, cursor_blink=False)
    rapid: list[float] = []
    paced: list[float] = []
    async with app.run_test(size=size) as pilot:
        while "list" not in marks:
            await pilot.pause(0.001)
        first_paint = marks["list"] - started
        while "counts" not in marks or "columns" not in marks:
            await pilot.pause(0.001)
        # rapid: the next key as soon as the columns are painted (neighbours not yet loaded);
        # paced: a reader's glance (0.3 s) first, so the prefetch of neighbours can finish.
        pane = app.screen.query_one(StorylinePane)
        key = "j"
        for timings, pause in ((rapid, 0.0), (paced, 0.3)):
            for _ in range(presses):
                if pause:
                    await pilot.pause(pause)
                index = pane.shown.index(pane.current) if pane.current in pane.shown else 0
                if key == "j" and index == len(pane.shown) - 1:
                    key = "k"  # a small library: walk back up from the last storyline
                elif key == "k" and index == 0:
                    key = "j"
                marks.pop("columns", None)
                pressed = time.perf_counter()
                await pilot.press(key)
                deadline = time.perf_counter() + 10
                while "columns" not in marks and time.perf_counter() < deadline:
                    await pilot.pause(0.001)
                if "columns" not in marks:
                    raise SystemExit("the columns never painted after a key press")
                timings.append(marks["columns"] - pressed)
    MainScreen.on_storylines_loaded = original_list  # type: ignore[method-assign]
    MainScreen._render_briefing = original_render  # type: ignore[method-assign]
    return first_paint, marks["counts"] - started, rapid, paced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--demo", action="store_true", help="the bundled demo library")
    parser.add_argument("--size", default="160x48", help="terminal size, WxH")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    target_ms = 50 if args.demo else 100
    if args.demo:
        from briefing.demo import ensure_demo_library

        name = f"briefing-bench-tui-demo-v{ANALYSED_VERSION}.db"
        db = args.db or Path(tempfile.gettempdir()) / name
        ensure_demo_library(db)  # built once; brought up to date after analyser changes
    else:
        name = f"briefing-bench-tui-{args.articles}-v{ANALYSED_VERSION}.db"
        db = args.db or Path(tempfile.gettempdir()) / name
    if not db.exists():
        print(f"generating {args.articles:,} articles in {db} …", flush=True)
        t = time.perf_counter()
        generate(db, args.articles)
        print(f"  generated in {time.perf_counter() - t:.1f} s", flush=True)
    with open_library(db) as library:  # brings an older bench library up to the schema
        counts = library.db.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM storylines)"
        ).fetchone()
    print(f"library: {counts[0]:,} articles, {counts[1]:,} storylines ({db})")

    cold = [launch_in_fresh_process(db, (width, height)) for _ in range(3)]
    first_paint, counted, rapid, paced = asyncio.run(in_process(db, args.presses, (width, height)))
    figures: dict[str, float] = {
        "launch_to_storyline_list_fresh_process_s": round(statistics.median(cold), 3),
        "launch_to_storyline_list_in_process_s": round(first_paint, 3),
        "launch_to_live_counts_in_process_s": round(counted, 3),
    }
    for name, presses in (("rapid", rapid), ("paced", paced)):
        figures[f"key_to_columns_{name}_median_ms"] = round(statistics.median(presses) * 1000, 1)
        figures[f"key_to_columns_{name}_p95_ms"] = round(
            sorted(presses)[max(0, int(len(presses) * 0.95) - 1)] * 1000, 1
        )
        figures[f"key_to_columns_{name}_max_ms"] = round(max(presses) * 1000, 1)
    print(
        f"launch -> storyline list painted (fresh process, median of 3): "
        f"{figures['launch_to_storyline_list_fresh_process_s']:.3f} s   (target <= 1.0 s)"
    )
    print(
        f"launch -> storyline list painted (in process): "
        f"{figures['launch_to_storyline_list_in_process_s']:.3f} s; with live article and "
        f"unread counts: {figures['launch_to_live_counts_in_process_s']:.3f} s"
    )
    for name, what in (
        ("rapid", "keys back to back"),
        ("paced", "0.3 s between keys, neighbours prefetched"),
    ):
        print(
            f"j -> next storyline's three columns painted ({what}): median "
            f"{figures[f'key_to_columns_{name}_median_ms']:.1f} ms, p95 "
            f"{figures[f'key_to_columns_{name}_p95_ms']:.1f} ms, max "
            f"{figures[f'key_to_columns_{name}_max_ms']:.1f} ms over {args.presses} presses"
            f" at {args.size}   (target <= {target_ms} ms p95)"
        )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
