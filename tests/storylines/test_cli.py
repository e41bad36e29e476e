"""`briefing storylines`, `briefing brief`, `briefing digest` and `briefing storyline ...`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.store import open_library
from tests.storylines._gold import load_gold
from tests.storylines.conftest import Shelf


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = load_gold()
    if len(docs) < 10:
        pytest.skip("the demo library has too few articles yet")
    path = tmp_path_factory.mktemp("cli") / "library.db"
    library = open_library(path)
    Shelf(library).add(docs)
    library.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "digest"])
    assert result.exit_code == 0, result.output
    assert "Digested: analysed" in result.output
    return path


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.output


def test_storylines_json_lists_articles_with_urls(db: Path) -> None:
    code, out = _run(db, "storylines", "--json")
    assert code == 0
    storylines = json.loads(out)
    gold = load_gold()
    assert sum(
        len(s["articles"]) + sum(len(a["copies"]) for a in s["articles"]) for s in storylines
    ) == len(gold)
    dates = [s["last_date"] for s in storylines]
    assert dates == sorted(dates, reverse=True), "most recent activity first"
    links = {d["link"] for d in gold}
    for s in storylines:
        assert s["label"] and s["first_date"] <= s["last_date"]
        for a in s["articles"]:
            assert {"id", "url", "title", "outlet"} <= set(a)
            assert a["url"] in links


def test_storylines_plain_lists_storylines_and_their_articles(db: Path) -> None:
    code, out = _run(db, "storylines", "--no-articles")
    assert code == 0
    storylines = json.loads(_run(db, "storylines", "--json")[1])
    assert len(out.strip().splitlines()) == len(storylines)
    code, out = _run(db, "storylines")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == len(storylines) + sum(len(s["articles"]) for s in storylines)
    first = storylines[0]["articles"][0]
    assert any(str(first["id"]) in line and first["url"] in line for line in lines)


def _largest(db: Path) -> dict:
    return max(json.loads(_run(db, "storylines", "--json")[1]), key=lambda s: len(s["articles"]))


def test_brief_json_items_carry_their_article(db: Path) -> None:
    story = _largest(db)
    code, out = _run(db, "brief", str(story["id"]), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["storyline"]["id"] == story["id"]
    assert {"actors", "timeline", "quotes", "red_lines"} <= set(data)
    assert data["actors"], "the analyser finds actors in the demo"
    items = [r["source"] for e in data["timeline"] for r in e["reports"]]
    items += [q["source"] for g in data["quotes"] for q in g["quotes"]]
    items += [r["source"] for g in data["red_lines"] for r in g["items"]]
    assert items
    for source in items:
        assert source["url"].startswith("https://") and source["title"] and source["outlet"]
        assert source["start"] <= source["end"]


def test_brief_markdown_has_sections_and_links(db: Path) -> None:
    story = _largest(db)
    code, out = _run(db, "brief", str(story["id"]))
    assert code == 0
    assert out.startswith("# ")
    assert "## Articles" in out and "## Actors" in out
    assert "](https://" in out


def test_brief_opens_with_a_summary_each_sentence_linked(db: Path) -> None:
    story = _largest(db)
    data = json.loads(_run(db, "brief", str(story["id"]), "--format", "json")[1])
    assert list(data)[:2] == ["storyline", "summary"]
    assert 2 <= len(data["summary"]) <= 3
    urls = {a["url"] for a in story["articles"]}
    for sentence in data["summary"]:
        assert sentence["text"] and sentence["source"]["url"] in urls
        assert sentence["source"]["end"] - sentence["source"]["start"] == len(sentence["text"])
    code, out = _run(db, "brief", str(story["id"]))
    assert code == 0
    summary = out.split("## Summary\n\n", 1)[1].split("\n\n", 1)[0]
    assert out.index("## Summary") < out.index("## Timeline") < out.index("## Articles")
    for sentence in data["summary"]:
        assert sentence["text"].split()[0] in summary
        assert f"]({sentence['source']['url']})" in summary


def _rows(data: dict) -> list[dict]:
    return [
        *data["timeline"],
        *(q for g in data["quotes"] for q in g["quotes"]),
        *(r for g in data["red_lines"] for r in g["items"]),
    ]


def test_brief_shows_uncertain_rows_only_with_all(db: Path) -> None:
    story = _largest(db)
    shown = json.loads(_run(db, "brief", str(story["id"]), "--format", "json")[1])
    everything = json.loads(_run(db, "brief", str(story["id"]), "--format", "json", "--all")[1])
    assert _rows(shown) and not any(row["uncertain"] for row in _rows(shown))
    hidden = [row for row in _rows(everything) if row["uncertain"]]
    assert hidden, "the demo's largest storyline has rows a reader cannot follow alone"
    assert len(_rows(everything)) == len(_rows(shown)) + len(hidden)
    code, out = _run(db, "brief", str(story["id"]), "--all")
    assert code == 0 and "(uncertain)" in out
    assert "(uncertain)" not in _run(db, "brief", str(story["id"]))[1]


def test_unknown_storyline_is_one_clear_error(db: Path) -> None:
    code, out = _run(db, "brief", "99999")
    assert code != 0
    assert out.strip().count("\n") == 0 and "no storyline 99999" in out
    code, out = _run(db, "storyline", "move", "99999", "1")
    assert code != 0 and "no article 99999" in out


def test_rename_merge_split_from_the_command_line(db: Path) -> None:
    stories = json.loads(_run(db, "storylines", "--json")[1])
    big = _largest(db)
    code, out = _run(db, "storyline", "rename", str(big["id"]), "My story")
    assert code == 0
    code, out = _run(db, "brief", "my story", "--format", "json")
    assert code == 0 and json.loads(out)["storyline"]["label"] == "My story"
    other = next(s for s in stories if s["id"] != big["id"])
    code, out = _run(db, "storyline", "merge", str(other["id"]), str(big["id"]))
    assert code == 0, out
    after = {s["id"]: s for s in json.loads(_run(db, "storylines", "--json")[1])}
    assert other["id"] not in after
    assert len(after[big["id"]]["articles"]) == len(big["articles"]) + len(other["articles"])
    taken = str(other["articles"][0]["id"])
    code, out = _run(db, "storyline", "split", str(big["id"]), taken)
    assert code == 0, out
    after = json.loads(_run(db, "storylines", "--json")[1])
    holder = next(s for s in after if any(str(a["id"]) == taken for a in s["articles"]))
    assert holder["id"] != big["id"]
