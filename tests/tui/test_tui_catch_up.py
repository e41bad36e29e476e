"""After an analyser upgrade, the reader re-reads old articles in the background."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui_helpers import prompts, settle

from briefing.understand import ANALYSER_VERSION


async def test_articles_of_an_older_analyser_are_reanalysed_in_the_background(
    make_app, library_path: Path
) -> None:
    with sqlite3.connect(library_path) as conn:
        conn.execute("UPDATE articles SET analysed_version = 'older'")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, timeout=30)
        assert prompts(app, "#storylines")
    with sqlite3.connect(library_path) as conn:
        versions = {v for (v,) in conn.execute("SELECT analysed_version FROM articles")}
    assert versions == {ANALYSER_VERSION}
