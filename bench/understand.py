"""Analyser speed: articles per second over the PolNeAR dev texts, on one core.

    .venv/bin/python bench/understand.py [--rounds 3] [--corpus PATH]

Runs `briefing.understand.analyse` over every text of the corpus (../shared/corpora/polnear/dev
beside the repository by default) in this one process, a few rounds, and prints the best
round's articles and characters per second with the records it found.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.understand import analyse, load_alias_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "polnear" / "dev"
    )
    args = parser.parse_args()
    texts_dir = args.corpus / "text"
    if not texts_dir.is_dir():
        sys.exit(f"no corpus at {texts_dir}")
    dates: dict[str, str] = {}
    table = args.corpus / "published.tsv"
    if table.exists():
        for line in table.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) > 1:
                dates[parts[0]] = parts[1]
    docs = [
        (p.read_text(encoding="utf-8"), dates.get(p.stem)) for p in sorted(texts_dir.glob("*.txt"))
    ]
    chars = sum(len(t) for t, _ in docs)
    aliases = load_alias_table(None)  # the bundled table: figures that no user file changes
    warm_up = "Warm-up: the minister said the talks would resume on Monday."
    analyse(warm_up, "2026-01-01", aliases=aliases)
    best = float("inf")
    counts = (0, 0, 0, 0)
    for _ in range(args.rounds):
        start = time.perf_counter()
        results = [analyse(text, published, aliases=aliases) for text, published in docs]
        best = min(best, time.perf_counter() - start)
        counts = (
            sum(len(r.quotes) for r in results),
            sum(len(r.red_lines) for r in results),
            sum(len(r.events) for r in results),
            sum(len(r.actors) for r in results),
        )
    print(f"articles:        {len(docs)} ({chars / 1000:.0f} k characters)")
    print(f"best of {args.rounds} rounds: {best:.2f} s")
    print(f"articles/s:      {len(docs) / best:.1f}")
    print(f"characters/s:    {chars / best / 1000:.0f} k")
    print("records:         {} quotes, {} red lines, {} events, {} actors".format(*counts))


if __name__ == "__main__":
    main()
