"""A storyline's summary: what the story is, then what happened most recently, in the
articles' own sentences, each traced to its article, none told twice."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from briefing.digest import digest
from briefing.store import Library, open_library
from briefing.storylines import StorylineSummary, build_briefing, list_storylines
from briefing.storylines._briefing import Member
from briefing.storylines._briefing import build_briefing as build_from_members
from tests.storylines._gold import load_gold
from tests.storylines.conftest import Shelf

SUMMARY = StorylineSummary(
    id=1,
    label="Canal tolls",
    first_date="2026-03-02",
    last_date="2026-03-20",
    article_count=4,
    unread_count=4,
    outlets=("Harbor Ledger", "Continental Wire", "Market Signal"),
)


def _member(article_id: int, outlet: str, published: str, text: str, **kw: Any) -> Member:
    return Member(
        article_id=article_id,
        title=kw.pop("title", f"Article {article_id}"),
        url=f"https://example.org/{article_id}",
        outlet=outlet,
        published=published,
        fetched_at=f"{published}T09:00:00+00:00",
        read=False,
        wire_of=kw.pop("wire_of", None),
        text=text,
    )


FIRST = (
    "The Varna Canal Authority raised its transit tolls by 30 percent on Monday, "
    "the first increase in a decade, and shipping lines said they would pass the cost on."
)
FIRST_AGAIN = (  # another outlet, the same day, the same news in other words
    "Shipping lines warned on Monday that freight rates would rise after the Varna Canal "
    "Authority put up its transit tolls by 30 percent."
)
MIDDLE = (
    "Three of the largest container carriers began sending ships around the cape on "
    "Thursday rather than pay the new Varna Canal tolls."
)
LATEST = (
    "The Varna Canal Authority cut its new transit tolls by half on Friday after traffic "
    "through the canal fell to its lowest level in twenty years."
)


def _briefing(members: list[Member]) -> Any:
    return build_from_members(SUMMARY, members, {}, last_opened=None)


def test_the_story_first_the_latest_last_and_nothing_twice() -> None:
    members = [
        _member(1, "Harbor Ledger", "2026-03-02", FIRST + "\n\nTrade groups protested."),
        _member(2, "Market Signal", "2026-03-02", FIRST_AGAIN),
        _member(3, "Continental Wire", "2026-03-02", FIRST, wire_of=1),
        _member(4, "Continental Wire", "2026-03-12", MIDDLE),
        _member(5, "Harbor Ledger", "2026-03-20", LATEST),
    ]
    summary = _briefing(members).summary
    texts = [s.text for s in summary]
    assert texts[0] in (FIRST, FIRST_AGAIN), "the story as it began"
    assert texts[-1] == LATEST, "what happened most recently comes last"
    assert MIDDLE in texts
    assert not {FIRST, FIRST_AGAIN} <= set(texts), "two outlets' leads of one day tell it once"
    assert len(texts) == len(set(texts)) == 3
    for sentence in summary:
        member = next(m for m in members if m.article_id == sentence.source.article_id)
        assert member.text[sentence.source.start : sentence.source.end] == sentence.text
        assert sentence.source.url == member.url and sentence.source.outlet == member.outlet


def test_page_furniture_captions_questions_and_quotes_are_never_the_summary() -> None:
    text = (
        "Photo: Ships queue at the northern entrance of the Varna Canal on Monday.\n\n"
        "LONDON (Continental Wire) - The Varna Canal Authority raised its transit tolls by "
        "30 percent on Monday, the first increase in a decade.\n\n"
        "Will shipping lines pay the new tolls or sail around the cape instead?\n\n"
        '"We cannot run a canal for nothing and we will not apologise for it," the '
        "authority's director said.\n\n"
        "We asked three carriers what they would do next week.\n\n"
        "Freight brokers expect container rates on the route to rise within a month.\n\n"
        "Copyright 2026 Continental Wire. All rights reserved. Read more at our site.\n\n"
        "Updated | The canal authority's board will meet again on Friday to review the tolls.\n\n"
        "Continental Wire is not responsible for the content of external sites."
    )
    summary = _briefing([_member(1, "Continental Wire", "2026-03-02", text)]).summary
    assert [s.text for s in summary] == [
        "The Varna Canal Authority raised its transit tolls by 30 percent on Monday, "
        "the first increase in a decade.",  # the dateline before the lead left out
        "Freight brokers expect container rates on the route to rise within a month.",
    ]


def test_articles_without_text_give_no_summary() -> None:
    members = [_member(1, "Harbor Ledger", "2026-03-02", ""), _member(2, "X", "2026-03-03", "")]
    assert _briefing(members).summary == ()


# -- on the demo, through the store and the digest -----------------------------------------


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    docs = load_gold()
    if len(docs) < 10:
        pytest.skip("the demo library has too few articles yet")
    library = open_library(Path(tmp_path_factory.mktemp("summary")) / "library.db")
    Shelf(library).add(docs)
    digest(library)
    return library


def _day(value: str) -> date:
    return date.fromisoformat(value[:10] if len(value) >= 10 else value + "-15")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_demo_summaries_name_the_main_actors_and_the_latest_development(library) -> None:
    gold = {d["link"]: d for d in load_gold()}
    checked = 0
    for storyline in list_storylines(library):
        briefing = build_briefing(library, storyline.id)
        docs = [gold[a.url] for a in briefing.articles]
        docs += [gold[c.url] for a in briefing.articles for c in a.copies]
        summary = briefing.summary
        assert 1 <= len(summary) <= 3, storyline.label
        if len(briefing.articles) < 2:
            continue
        checked += 1
        assert len(summary) >= 2, storyline.label
        told = " ".join(s.text for s in summary).casefold()
        # The main actors: those the most articles name (by the gold annotations).
        counts: Counter[str] = Counter()
        names: dict[str, set[str]] = {}
        for doc in docs:
            for actor in doc["gold"]["actors"]:
                if not actor.get("optional"):
                    counts[actor["name"]] += 1
                    names.setdefault(actor["name"], set()).update(
                        [actor["name"], *actor.get("aliases", [])]
                    )
        most = max(counts.values())
        main = [n for n, c in counts.items() if c == most]
        assert any(alias.casefold() in told for n in main for alias in names[n]), (
            storyline.label,
            main,
        )
        # The latest development: the newest article's news, in the last sentence.
        newest = max(d["published"] for d in docs)
        news = [
            e["text"]
            for d in docs
            if d["published"] == newest
            for e in d["gold"]["events"]
            if -7 <= (_day(newest) - _day(e["date"])).days <= 3
        ]
        assert any(event in summary[-1].text for event in news), storyline.label
        # No sentence told twice, by two outlets or by a wire copy.
        for i, a in enumerate(summary):
            for b in summary[i + 1 :]:
                shared = _words(a.text) & _words(b.text)
                assert len(shared) / len(_words(a.text) | _words(b.text)) < 0.5, (a, b)
        for s in summary:
            assert gold[s.source.url]["text"][s.source.start : s.source.end] == s.text
    assert checked >= 8


def test_a_lead_may_open_with_a_figure_but_not_with_a_date_cut_at_its_comma() -> None:
    text = (
        "FILE - In this Dec.\n\n"
        "20, 2025, file photo, dockworkers gather at the gates of the Varna terminal.\n\n"
        "21 dockworkers were arrested at the Varna terminal on Monday after a protest "
        "against the new canal tolls turned into a blockade."
    )
    summary = _briefing([_member(1, "Harbor Ledger", "2026-03-02", text)]).summary
    assert [s.text for s in summary] == [text.split("\n\n")[-1]]
