"""`briefing extract`: run the analyser over JSON-lines documents (the evaluation format)."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from briefing.cli._group import cli, fail
from briefing.safetext import json_for_terminal


@cli.command("extract")
@click.option("--jsonl", "jsonl", is_flag=True, required=True, help="Read and write JSON lines.")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-", required=False)
def extract(jsonl: bool, source: IO[str]) -> None:
    """Analyse documents given as JSON lines (FILE, or stdin with - or nothing).

    Each input line is {"id", "text", "published", "title", "source"}; each output
    line is the prediction for it: actors, quotes, red lines and events.
    """
    from briefing.config import settings_path
    from briefing.understand import analyse, load_alias_table

    aliases = load_alias_table(settings_path().parent)
    out = sys.stdout
    for number, line in enumerate(source, 1):
        line = line.strip()
        if not line:
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            fail(f"line {number}: not JSON ({exc.msg})")
        if not isinstance(doc, dict):
            fail(f"line {number}: expected a JSON object")
        text = doc.get("text") or ""
        if not isinstance(text, str):
            fail(f"line {number}: 'text' must be a string")
        result = analyse(
            text,
            str(doc.get("published") or "") or None,
            title=str(doc.get("title") or ""),
            source=str(doc.get("source") or ""),
            aliases=aliases,
        )
        prediction = result.to_prediction(str(doc.get("id", number)))
        # Raw C1 controls and bidi marks in quoted text would reach the terminal.
        out.write(json_for_terminal(json.dumps(prediction, ensure_ascii=False)))
        out.write("\n")
        out.flush()
