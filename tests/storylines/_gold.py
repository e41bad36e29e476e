"""The demo library's gold articles and the B-cubed score of a grouping against them."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Hashable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

# Another gold folder (articles nobody on the team has seen) can stand in for the demo's.
GOLD_DIR = Path(
    os.environ.get("BRIEFING_STORYLINE_GOLD")
    or Path(__file__).resolve().parents[2] / "data" / "demo" / "gold"
)


def load_gold() -> list[dict[str, Any]]:
    """Every gold article, in date order (then id)."""
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]
    return sorted(docs, key=lambda d: (d.get("published") or "", d["id"]))


def day(published: str) -> int:
    return date.fromisoformat(published[:10]).toordinal()


def bcubed(
    predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold."""
    by_pred: dict[Hashable, set[Hashable]] = defaultdict(set)
    by_gold: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, cluster in predicted.items():
        by_pred[cluster].add(item)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
    items = list(gold)
    precision = recall = 0.0
    for item in items:
        same_pred = by_pred[predicted[item]]
        same_gold = by_gold[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
