"""B-cubed precision, recall and F1 of the storyline grouping against gold storyline labels.

    .venv/bin/python bench/storylines_bcubed.py [--gold data/demo/gold]

The gold folder holds one JSON article per file in the gold form of
../shared/eval/FORMAT.md with a `storyline` label (and `source`, `link`, `published`).
The articles go through the real pipeline (stored as a refresh stores them, analysed,
grouped) twice: one refresh per publication day in date order, and all at once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from itertools import groupby
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.digest import digest  # noqa: E402
from briefing.ingest.parse import ParsedArticle  # noqa: E402
from briefing.store import Library, open_library  # noqa: E402
from briefing.store.articles import upsert_articles  # noqa: E402
from briefing.store.feeds import add_feed, get_feed_by_url  # noqa: E402
from briefing.storylines import bcubed  # noqa: E402

FETCHED_AT = "2026-01-01T00:00:00+00:00"


def load(folder: Path) -> list[dict[str, Any]]:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    docs = [d for d in docs if d.get("storyline")]
    return sorted(docs, key=lambda d: (d.get("published") or "", d["id"]))


def store(library: Library, docs: list[dict[str, Any]], ids: dict[str, int]) -> None:
    for doc in docs:
        outlet = doc.get("source") or "Unknown outlet"
        url = f"https://{hashlib.sha1(outlet.encode()).hexdigest()[:12]}.example/feed"
        feed = get_feed_by_url(library, url) or add_feed(library, url, title=outlet)
        published = (doc.get("published") or "")[:10]
        entry = ParsedArticle(
            guid=doc["id"],
            link=doc.get("link") or f"https://example.org/{doc['id']}",
            title=doc.get("title") or "",
            author="",
            published=f"{published}T09:00:00+00:00" if published else None,
            updated=None,
            categories=(),
            text=doc.get("text") or "",
            content_hash=hashlib.sha256(
                ((doc.get("title") or "") + (doc.get("text") or "")).encode()
            ).hexdigest(),
            dedupe_key=doc["id"],
        )
        with library.db.atomic():
            result = upsert_articles(
                library, feed.id, [entry], fetched_at="2026-01-01T00:00:00+00:00"
            )
        ids[doc["id"]] = result.new_ids[0]


def run(docs: list[dict[str, Any]], *, one_day_at_a_time: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library.db")
        ids: dict[str, int] = {}
        if one_day_at_a_time:
            for _day, day_docs in groupby(docs, key=lambda d: (d.get("published") or "")[:10]):
                store(library, list(day_docs), ids)
                digest(library)
        else:
            store(library, docs, ids)
            digest(library)
        pred = {}
        for doc_id, article_id in ids.items():
            row = library.db.execute(
                "SELECT storyline_id FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            pred[doc_id] = row[0]
        library.close()
    return pred


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("data/demo/gold"))
    args = parser.parse_args()
    docs = load(args.gold)
    if not docs:
        sys.exit(f"no gold articles with a storyline label in {args.gold}")
    gold = {d["id"]: d["storyline"] for d in docs}
    print(f"{len(docs)} articles, {len(set(gold.values()))} gold storylines in {args.gold}")
    for name, daily in (("one refresh a day, in date order", True), ("all at once", False)):
        started = time.perf_counter()
        pred = run(docs, one_day_at_a_time=daily)
        p, r, f1 = bcubed(pred, gold)
        took = time.perf_counter() - started
        print(
            f"{name:34s} B-cubed P={p:.3f} R={r:.3f} F1={f1:.3f}"
            f"  ({len(set(pred.values()))} storylines, {took:.1f} s)"
        )


if __name__ == "__main__":
    main()
