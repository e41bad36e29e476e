"""`briefing extract --jsonl`: documents in, predictions out, one line each, streamed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DOC = {
    "id": "port-1",
    "title": "Strike",
    "text": '"We did not choose this," Marta Kowalczyk said on Monday.',
    "published": "2026-09-30",
    "source": "Harbor Ledger",
}


def test_predictions_in_the_evaluation_format() -> None:
    second = dict(DOC, id="port-2", text="Nothing was said.")
    lines = "\n".join(json.dumps(d) for d in (DOC, second)) + "\n"
    result = CliRunner().invoke(cli, ["extract", "--jsonl", "-"], input=lines)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["port-1", "port-2"]
    first = out[0]
    assert set(first) == {"id", "actors", "quotes", "red_lines", "events"}
    (quote,) = first["quotes"]
    assert quote["speaker"] == "Marta Kowalczyk"
    assert quote["direct"] is True
    assert DOC["text"][quote["start"] : quote["end"]] == quote["text"]
    s, e = quote["speaker_span"]
    assert DOC["text"][s:e] == "Marta Kowalczyk"
    assert first["events"][0]["date"] == "2026-09-28"
    assert {"name": "Marta Kowalczyk", "kind": "person", "aliases": []} in first["actors"]
    assert out[1]["quotes"] == []


def test_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(DOC) + "\n\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 1


def test_bad_line_is_one_clear_error() -> None:
    result = CliRunner().invoke(cli, ["extract", "--jsonl"], input='{"id": 1}\nnot json\n')
    assert result.exit_code != 0
    assert "line 2: not JSON" in result.output
    assert "Traceback" not in result.output


def test_output_is_streamed_line_by_line() -> None:
    """The first prediction arrives while the input is still open."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "extract", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        proc.stdin.write(json.dumps(DOC) + "\n")
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())
        assert first["id"] == "port-1"
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == 0


def test_the_command_line_does_not_load_the_analyser_until_needed() -> None:
    code = "import sys, briefing.cli; assert 'briefing.understand._analyse' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
