"""A random sample of what the reader shows, each row beside its source paragraph, for judging.

    .venv/bin/python bench/briefing_sample.py [--corpus ../shared/corpora/news-cluster-dev]
                                              [--per-column 60] [--seed 7] [--all]

Builds a library from real articles through the real refresh path (the corpus served as one RSS
feed per outlet on 127.0.0.1, `briefing import` + `briefing refresh` into a fresh library, as
bench/storylines_real.py does), builds the briefing of every storyline the reader lists (one
article's storylines too: the reader opens them like any other), and prints a reproducible
random sample (fixed seed) of the rows each column shows: quotes (speaker: words), red lines
(holder: demand) and timeline rows (date: event). Each row comes with its outlet and the
paragraph of the article it was read from, so that a person can judge whether it is right and
readable without opening anything else. `--all` samples from the rows the reader hides by
default too (marked uncertain).

Skips (exit 0, with a message) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from storylines_real import Server, load, refresh, rss  # noqa: E402

from briefing.store import open_library  # noqa: E402
from briefing.storylines import Briefing, Citation, build_briefing, list_storylines  # noqa: E402


def paragraph(text: str, source: Citation) -> str:
    """The paragraph of `text` that holds the cited span (the whole text if it has none)."""
    start = text.rfind("\n", 0, source.start) + 1
    end = text.find("\n", source.end)
    return text[start : end if end >= 0 else len(text)].strip()


def rows(briefing: Briefing, *, everything: bool) -> dict[str, list[tuple[str, Citation]]]:
    """What each column shows: (the row as the reader sees it, its citation)."""
    out: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for group in briefing.quotes:
        for q in group.quotes:
            if everything or not getattr(q, "uncertain", False):
                out["quotes"].append((f"{group.speaker}: {q.text}", q.source))
    for holder in briefing.red_lines:
        for r in holder.items:
            if everything or not getattr(r, "uncertain", False):
                out["red lines"].append((f"{holder.holder}: {r.text}", r.source))
    for e in briefing.timeline:
        if everything or not getattr(e, "uncertain", False):
            outlets = ", ".join(e.outlets)
            when = e.date + (" (scheduled)" if e.scheduled else "")
            row = f"{when}: {e.text}  [{outlets}]"
            if e.dates_conflict:  # the reader's "≠ dates differ", with each outlet's date
                row += "  ≠ dates differ: " + "; ".join(
                    f"{r.source.outlet}: {r.date}" for r in e.reports
                )
            out["timeline"].append((row, e.source))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared/corpora/news-cluster-dev"
    )
    parser.add_argument("--per-column", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all", action="store_true", help="include the rows hidden by default")
    args = parser.parse_args()
    if not (args.corpus / "gold.json").exists():
        print(f"skipped: no corpus at {args.corpus}")
        return
    docs, _gold = load(args.corpus)
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by_outlet[d["source_domain"]].append(d)
    feeds = {f"/{i}.xml": rss(o, ds) for i, (o, ds) in enumerate(sorted(by_outlet.items()))}
    server = Server(feeds)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.db"
        refresh(server, list(feeds), keep=db)
        library = open_library(db)
        try:
            texts = dict(library.db.execute("SELECT id, text FROM articles").fetchall())
            shown: dict[str, list[tuple[str, str, Citation]]] = defaultdict(list)
            stories = list_storylines(library)
            for story in stories:
                for column, items in rows(
                    build_briefing(library, story.id), everything=args.all
                ).items():
                    shown[column] += [(story.label, row, cite) for row, cite in items]
        finally:
            library.close()
    print(
        f"{len(docs)} articles, {len(stories)} storylines"
        f" ({sum(s.article_count >= 2 for s in stories)} with two articles or more); rows shown:"
        f" {', '.join(f'{len(v)} {k}' for k, v in sorted(shown.items()))}"
    )
    rng = random.Random(args.seed)
    for column in ("quotes", "red lines", "timeline"):
        items = shown.get(column, [])
        sample = rng.sample(items, min(args.per_column, len(items)))
        print(f"\n{'=' * 30} {column}: {len(sample)} of {len(items)} {'=' * 30}")
        for n, (label, row, cite) in enumerate(sample, start=1):
            print(f"\n[{column[0].upper()}{n}] ({label}; {cite.outlet}, {cite.date})")
            print(textwrap.indent(textwrap.fill(row, 100), "    "))
            source = paragraph(texts.get(cite.article_id, ""), cite)
            print(textwrap.indent(textwrap.fill(source, 100), "    | "))


if __name__ == "__main__":
    main()
