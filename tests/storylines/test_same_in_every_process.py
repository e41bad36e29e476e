"""Two runs over the same articles keep the same storylines, whatever the process.

Python seeds its string hashing per process, so a set's order changes from one run to the
next; where a storyline's tables followed that order, ties were kept or dropped at random
and two copies of one library drifted apart. Each run here is its own process with its
own hash seed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """
import json
from briefing.storylines._grouper import Grouper, features
from tests.storylines._gold import day, load_gold

docs = load_gold()
counter = iter(range(1, 1 << 62))
grouper = Grouper(new_id=lambda: next(counter))
actors = [[] for _ in docs]  # the words alone
feats = [features(d["title"], d["text"], a) for d, a in zip(docs, actors)]
for f in feats:
    grouper.observe(f)
for d, f, a in zip(docs, feats, actors):
    grouper.assign(d["id"], f, day(d["published"]), actors=a)
print(json.dumps([s.to_state() for s in grouper.storylines.values()]))
"""


def storylines_in_a_process(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_storylines_are_the_same_under_any_hash_seed() -> None:
    first = storylines_in_a_process("1")
    assert '"title_terms"' in first and len(first) > 10_000  # the demo's storylines, whole
    assert storylines_in_a_process("2") == first
    assert storylines_in_a_process("3") == first
