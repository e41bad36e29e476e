"""The analysis records in the library: saved, replaced, read back; what needs analysis."""

from __future__ import annotations

from briefing.store import analysis as store_analysis
from briefing.understand.records import Actor, Analysis, Event, Quote, RedLine
from tests.storylines.conftest import Shelf

TEXT = 'Marta Kowalczyk said: "We will not move." The strike began on Monday.'


def _analysis(version_marker: str) -> Analysis:
    quote = "We will not move."
    return Analysis(
        language="en",
        actors=[
            Actor("Marta Kowalczyk", "person", aliases=("Kowalczyk",), roles=("leader",)),
            Actor("Marta Kowalczyk", "person", mentions=2),  # a repeat is merged, not refused
        ],
        quotes=[
            Quote(
                quote,
                TEXT.index(quote),
                TEXT.index(quote) + len(quote),
                True,
                "Marta Kowalczyk",
                speaker_span=(0, 15),
                cue="said",
                date="2026-10-05",
            )
        ],
        red_lines=[RedLine("Marta Kowalczyk", "will not move", 25, 38, kind="refusal")],
        events=[Event("2026-10-05", f"The strike began {version_marker}", 42, 70)],
    )


def test_saving_replaces_the_old_records(shelf: Shelf) -> None:
    shelf.add(
        [
            {
                "id": "a",
                "title": "Strike",
                "text": TEXT,
                "published": "2026-10-06",
                "source": "Harbor Ledger",
            }
        ]
    )
    article_id = shelf.ids["a"]
    assert [p.id for p in store_analysis.pending_articles(shelf.library, "v2")] == [article_id]
    store_analysis.save_analysis(shelf.library, article_id, _analysis("first"), "v1")
    store_analysis.save_analysis(shelf.library, article_id, _analysis("second"), "v2")
    loaded = store_analysis.load_analyses(shelf.library, [article_id])[article_id]
    assert [e.text for e in loaded.events] == ["The strike began second"]
    assert len(loaded.quotes) == 1 and loaded.quotes[0].speaker_span == (0, 15)
    assert loaded.quotes[0].date == "2026-10-05" and loaded.quotes[0].direct
    assert loaded.red_lines[0].kind == "refusal"
    (actor,) = loaded.actors
    assert actor.mentions == 3 and actor.aliases == ("Kowalczyk",) and actor.roles == ("leader",)
    # Analysed by the current version but not grouped yet: still pending, marked analysed.
    (pending,) = store_analysis.pending_articles(shelf.library, "v2")
    assert pending.analysed
    assert store_analysis.count_pending(shelf.library, "v3") == 1
