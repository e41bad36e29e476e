"""Accuracy on PolNeAR dev, measured with the shared scorer (run as a command, never copied)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"


@pytest.fixture(scope="module")
def shared() -> Path:
    if not (SHARED / "eval" / "evaluate.py").is_file():
        pytest.skip("../shared is not beside the repository")
    return SHARED


def score(shared: Path, gold: Path) -> dict:
    extractor = f"{sys.executable} -m briefing extract --jsonl"
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "evaluate.py"), "--gold", str(gold), "--cmd",
         extractor, "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=True,
    )  # fmt: skip
    return json.loads(result.stdout)


def test_polnear_dev_meets_the_issue_targets(shared: Path) -> None:
    result = score(shared, shared / "corpora" / "polnear" / "dev")
    assert result["_missing_predictions"] == 0
    assert result["direct_quotes@0.3"]["f1"] >= 0.85
    assert result["direct_quotes.speaker_mention_acc"]["acc"] >= 0.92
    assert result["quotes@0.3"]["f1"] >= 0.60


def test_every_demo_document_gets_a_prediction_with_sound_offsets() -> None:
    gold = sorted((ROOT / "data" / "demo" / "gold").glob("*.json"))
    if not gold:
        pytest.skip("no demo gold yet")
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in gold]
    payload = "".join(
        json.dumps({k: d.get(k, "") for k in ("id", "title", "text", "published", "source")}) + "\n"
        for d in docs
    )
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "extract", "--jsonl"],
        input=payload, capture_output=True, text=True, cwd=ROOT, timeout=120, check=True,
    )  # fmt: skip
    preds = {p["id"]: p for p in map(json.loads, result.stdout.splitlines())}
    assert set(preds) == {d["id"] for d in docs}
    for d in docs:
        text = d["text"]
        for kind in ("quotes", "red_lines", "events"):
            for item in preds[d["id"]][kind]:
                assert text[item["start"] : item["end"]] == item["text"]
