"""Scoring a grouping against labelled storylines (used by the tests and the benchmarks)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping


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
