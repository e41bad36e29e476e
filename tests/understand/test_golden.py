"""The analyser's whole output, byte for byte, against a stored snapshot.

A restructuring of `briefing/understand/` must not change what a user sees: every record of
every demo gold article, of every PolNeAR dev text and of every news-cluster-dev gold-extract
article is compared with the snapshot in `golden/`. The demo's predictions are stored whole (our
own prose, so a failure shows the diff); the real articles' only as one SHA-256 per document, so
no corpus text enters the repository.

When a change is *meant* to alter the output (a new rule), rewrite the snapshot and read its
diff before committing:

    BRIEFING_UPDATE_GOLDEN=1 python -m pytest tests/understand/test_golden.py

To see what changed on the real articles, dump the predictions before and after and compare them:

    python -m tests.understand.test_golden DIR
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
GOLDEN = Path(__file__).with_name("golden")
DEMO_GOLD = ROOT / "data" / "demo" / "gold"
CORPORA = {
    "polnear-dev": SHARED / "corpora" / "polnear" / "dev",
    "news-cluster-dev": SHARED / "corpora" / "news-cluster-dev" / "gold-extract",
}
FIELDS = ("id", "title", "text", "published", "source")


def _demo_docs() -> str:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEMO_GOLD.glob("*.json"))]
    return "".join(json.dumps({k: d.get(k, "") for k in FIELDS}) + "\n" for d in docs)


def _corpus_docs(gold: Path) -> str:
    """The documents as the shared scorer hands them to an extractor (its own --docs mode)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "docs.jsonl"
        subprocess.run(
            [sys.executable, str(SHARED / "eval" / "evaluate.py"), "--gold", str(gold),
             "--docs", str(out)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        return out.read_text(encoding="utf-8")


def _extract(docs: str) -> list[str]:
    """`briefing extract --jsonl` over the documents, with no user alias file in play."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BRIEFING_SETTINGS": str(Path(tmp) / "settings.toml")}
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "extract", "--jsonl"],
            input=docs, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
            check=True,
        )  # fmt: skip
    return result.stdout.splitlines()


def _by_id(lines: list[str]) -> dict[str, str]:
    return {json.loads(line)["id"]: line for line in lines}


def _digests(lines: list[str]) -> dict[str, str]:
    return {k: hashlib.sha256(v.encode()).hexdigest() for k, v in sorted(_by_id(lines).items())}


def _updating() -> bool:
    return os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"


def test_demo_gold_output_is_unchanged() -> None:
    lines = _extract(_demo_docs())
    snapshot = GOLDEN / "demo.jsonl"
    if _updating():
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    expected = snapshot.read_text(encoding="utf-8").splitlines()
    if lines != expected:
        pretty = [json.dumps(json.loads(x), indent=1, ensure_ascii=False) for x in lines]
        stored = [json.dumps(json.loads(x), indent=1, ensure_ascii=False) for x in expected]
        diff = difflib.unified_diff(
            "\n".join(stored).splitlines(), "\n".join(pretty).splitlines(), "snapshot", "now",
            lineterm="", n=2,
        )  # fmt: skip
        pytest.fail("the analyser's output on the demo changed:\n" + "\n".join(list(diff)[:200]))


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_real_news_output_is_unchanged(corpus: str) -> None:
    if not (SHARED / "eval" / "evaluate.py").is_file() or not CORPORA[corpus].is_dir():
        pytest.skip("../shared is not beside the repository")
    digests = _digests(_extract(_corpus_docs(CORPORA[corpus])))
    snapshot = GOLDEN / f"{corpus}.sha256.json"
    if _updating():
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(snapshot.read_text(encoding="utf-8"))
    changed = sorted(
        k for k in expected.keys() | digests.keys() if expected.get(k) != digests.get(k)
    )
    assert not changed, f"{len(changed)} {corpus} documents changed: {changed[:10]}"


def dump(folder: Path) -> None:
    """Write each document's prediction, pretty-printed, to FOLDER/<id>.json (for diffing)."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in (_demo_docs(), *(_corpus_docs(gold) for gold in CORPORA.values())):
        for doc_id, line in _by_id(_extract(source)).items():
            pretty = json.dumps(json.loads(line), indent=1, ensure_ascii=False)
            (folder / f"{doc_id}.json").write_text(pretty + "\n", encoding="utf-8")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=dump.__doc__)
    parser.add_argument("folder", type=Path)
    dump(parser.parse_args().folder)
