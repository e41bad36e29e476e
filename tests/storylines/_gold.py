"""The demo library's gold articles."""

from __future__ import annotations

import json
import os
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
