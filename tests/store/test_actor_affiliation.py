"""Each actor's affiliation (whom it speaks for) is stored with it and read back."""

from __future__ import annotations

from pathlib import Path

from briefing.store import open_library
from briefing.store.analysis import load_analyses, save_analysis
from briefing.understand.records import Actor, Analysis


def test_affiliation_round_trips_and_survives_a_repeated_name(tmp_path: Path) -> None:
    with open_library(tmp_path / "lib.db") as library:
        library.db.execute(
            "INSERT INTO feeds (id, url, title, added_at) VALUES (1, 'https://f.example/rss',"
            " 'F', '2026-01-01T00:00:00+00:00')"
        )
        library.db.execute(
            "INSERT INTO articles (id, feed_id, title, text, dedupe_key, fetched_at) "
            "VALUES (7, 1, 'Talks', 'text', 'k', '2026-01-02')"
        )
        found = Analysis(
            "en",
            actors=[
                Actor("Oleg Markov", "person", roles=("Kremlin spokesman",), affiliation="Russia"),
                Actor("Oleg Markov", "person"),  # the same name twice: merged, side kept
                Actor("Russia", "country"),
            ],
        )
        save_analysis(library, 7, found, "v-test")
        stored = {a.name: a for a in load_analyses(library, [7])[7].actors}
        assert stored["Oleg Markov"].affiliation == "Russia"
        assert stored["Oleg Markov"].mentions == 2
        assert stored["Russia"].affiliation is None
