"""The same articles make the same storylines, whichever feed of a refresh answers first.

Four outlets' feeds are served from 127.0.0.1, each after its own delay, and refreshed (fetch,
store, analyse, group) into fresh libraries. Their reports are dated the same instant, as
feeds that give only a day often do, and they chain: the first is about a dock strike, the
last about a pension row, the middle two link them. Placed in the order they arrive, the
reports form one storyline or two depending on that order; the grouping must not.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from briefing.digest import digest
from briefing.ingest.refresh import refresh_feeds
from briefing.store import open_library
from briefing.store.feeds import add_feed
from briefing.understand import load_alias_table

_spec = importlib.util.spec_from_file_location(
    "feed_server", Path(__file__).parents[1] / "ingest" / "feed_server.py"
)
assert _spec is not None and _spec.loader is not None
feed_server = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = feed_server
_spec.loader.exec_module(feed_server)

REPORTS = {
    "a": (
        "Dockers strike at Rotterdam over wages",
        "Dock workers at the port of Rotterdam walked out on Monday over wages. The union said "
        "the terminals would stay shut until the employers improve their offer on wages and "
        "shifts. Container ships queued outside the harbour.",
    ),
    "b": (
        "Rotterdam strike spreads as Antwerp pilots join dockers",
        "The strike by dock workers in Rotterdam spread on Monday when harbour pilots in Antwerp "
        "stopped guiding ships in solidarity. The pilots said their own pensions were also at "
        "stake. Container ships queued outside both harbours.",
    ),
    "c": (
        "Antwerp pilots walk out over pensions",
        "Harbour pilots in Antwerp stopped work on Monday in a row over pensions. The pilots' "
        "association said the government plan would cut their pensions by a fifth. Ships could "
        "not enter the river Scheldt.",
    ),
    "d": (
        "Belgian government defends pension plan for pilots",
        "The Belgian government defended its pension plan for harbour pilots on Monday as the "
        "Antwerp walkout continued. The minister said the pensions of pilots cost too much.",
    ),
}


def rss(key: str) -> str:
    title, text = REPORTS[key]
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>Outlet {key}</title><link>https://{key}.example/</link><description/>"
        f"<item><title>{escape(title)}</title><link>https://{key}.example/strike</link>"
        f"<guid>https://{key}.example/strike</guid><pubDate>Mon, 05 Oct 2026 00:00:00 GMT</pubDate>"
        f"<description>{escape(text)}</description></item></channel></rss>"
    )


@pytest.fixture
def server() -> Iterator[Any]:
    srv = feed_server.FeedServer()
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def grouping(tmp_path: Path, server: Any, arrival: str) -> set[frozenset[str]]:
    """Refresh the four feeds, answering in the `arrival` order, into a fresh library."""
    for place, key in enumerate(arrival):
        server.set(f"/{key}.xml", rss(key), delay=0.2 * place)
    library = open_library(tmp_path / arrival / "library.db")
    try:
        for key in sorted(REPORTS):
            add_feed(library, server.url(f"/{key}.xml"), title=f"Outlet {key}")
        assert refresh_feeds(library, full_text=False).new_articles == 4
        stored = [r[0] for r in library.db.execute("SELECT link FROM articles ORDER BY id")]
        assert "".join(link[8] for link in stored) == arrival  # they landed in that order
        digest(library, aliases=load_alias_table(tmp_path))
        rows = library.db.execute("SELECT link, storyline_id FROM articles").fetchall()
    finally:
        library.close()
    members: dict[int, set[str]] = {}
    for link, storyline in rows:
        members.setdefault(storyline, set()).add(link[8])
    return {frozenset(m) for m in members.values()}


def test_feeds_answering_in_another_order_give_the_same_storylines(
    tmp_path: Path, server: Any
) -> None:
    first = grouping(tmp_path, server, "abcd")
    for arrival in ("acbd", "dcab", "cbda"):
        assert grouping(tmp_path, server, arrival) == first, arrival
