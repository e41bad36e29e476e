"""Each record's confidence is stored with it and read back; older rows read as confident."""

from __future__ import annotations

from pathlib import Path

from briefing.store import open_library
from briefing.store.analysis import load_analyses, save_analysis
from briefing.understand.records import Analysis, Event, Quote, RedLine


def _article(library) -> int:  # type: ignore[no-untyped-def]
    library.db.execute(
        "INSERT INTO feeds (id, url, title, added_at) VALUES (1, 'https://f.example/rss', 'F', "
        "'2026-01-01T00:00:00+00:00')"
    )
    library.db.execute(
        "INSERT INTO articles (id, feed_id, title, text, dedupe_key, fetched_at) "
        "VALUES (7, 1, 'Pier', 'text', 'k', '2026-01-02')"
    )
    return 7


def test_confidence_round_trips_per_record(tmp_path: Path) -> None:
    with open_library(tmp_path / "lib.db") as library:
        article = _article(library)
        found = Analysis(
            "en",
            quotes=[
                Quote("We rebuild", 0, 10, True, "Dana Quill", confidence=0.9),
                Quote("yes", 20, 23, False, None, confidence=0.2),
            ],
            red_lines=[RedLine("Dana Quill", "no pier fees", 30, 42, confidence=0.35)],
            events=[Event("2026-03-09", "The pier closed on Monday", 50, 75, confidence=0.6)],
        )
        save_analysis(library, article, found, "v-test")
        stored = load_analyses(library, [article])[article]
        assert [q.confidence for q in stored.quotes] == [0.9, 0.2]
        assert [r.confidence for r in stored.red_lines] == [0.35]
        assert [e.confidence for e in stored.events] == [0.6]


def test_rows_stored_before_confidences_read_as_confident(tmp_path: Path) -> None:
    with open_library(tmp_path / "lib.db") as library:
        article = _article(library)
        db = library.db
        db.execute(
            'INSERT INTO quotes (article_id, text, start, "end", direct) VALUES (?, ?, 0, 5, 1)',
            [article, "hello"],
        )
        db.execute(
            'INSERT INTO events (article_id, date, text, start, "end") VALUES (?, ?, ?, 0, 5)',
            [article, "2026-03-09", "event"],
        )
        stored = load_analyses(library, [article])[article]
        assert stored.quotes[0].confidence == 1.0 and stored.events[0].confidence == 1.0
        for table in ("quotes", "red_lines", "events"):
            assert "confidence" in db[table].columns_dict
