"""`briefing import` and `briefing export`, run through the real CLI on a library file."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.ingest.opml import read_subscriptions
from briefing.store import open_library
from briefing.store.feeds import list_feeds

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="News">
    <outline type="rss" text="Wire" title="Wire" xmlUrl="https://wire.example.org/rss"
             htmlUrl="https://wire.example.org/"/>
    <outline text="Local">
      <outline type="rss" text="Town" xmlUrl="http://town.example.net/feed"/>
    </outline>
  </outline>
  <outline type="rss" text="Tech blog" xmlUrl="https://blog.example.com/atom.xml"
           category="/Tech,/Favourites"/>
</body></opml>"""

URLS = b"""# newsboat
https://wire.example.org/rss news
https://other.example.org/rss "long tag" "~Other Feed"
"query:Unread:unread = \\"yes\\""
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


def run(db: Path, *args: str, input: bytes | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def feeds_in(db: Path) -> list[tuple[str, str, list[str], str]]:
    with open_library(db) as library:
        return sorted((f.url, f.title, sorted(f.tags), f.site_url) for f in list_feeds(library))


def test_import_opml_subscribes_with_titles_tags_and_sites(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "subs.opml"
    path.write_bytes(OPML)
    code, out, _ = run(db, "import", str(path))
    assert code == 0
    assert "imported 3 feeds (0 already subscribed)" in out
    assert feeds_in(db) == [
        ("http://town.example.net/feed", "Town", ["Local", "News"], ""),
        ("https://blog.example.com/atom.xml", "Tech blog", ["Favourites", "Tech"], ""),
        ("https://wire.example.org/rss", "Wire", ["News"], "https://wire.example.org/"),
    ]
    # Nothing was fetched: no refresh recorded.
    with open_library(db) as library:
        assert all(f.last_refresh is None for f in list_feeds(library))


def test_import_again_counts_what_is_already_there(db: Path, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_bytes(OPML)
    urls = tmp_path / "urls"
    urls.write_bytes(URLS)
    run(db, "import", str(opml))
    code, out, err = run(db, "import", str(urls))
    assert code == 0
    assert "imported 1 feed (1 already subscribed)" in out
    assert "query" in err  # the newsboat query feed is reported as skipped
    titles = {url: title for url, title, _, _ in feeds_in(db)}
    assert titles["https://other.example.org/rss"] == "Other Feed"
    tags = {url: t for url, _, t, _ in feeds_in(db)}
    assert tags["https://other.example.org/rss"] == ["long tag"]


def test_import_from_stdin(db: Path) -> None:
    code, out, _ = run(db, "import", "-", input=URLS)
    assert code == 0 and "imported 2 feeds" in out


def test_export_to_stdout_and_file_round_trips(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "subs.opml"
    path.write_bytes(OPML)
    run(db, "import", str(path))
    before = feeds_in(db)

    code, out, _ = run(db, "export")
    assert code == 0
    root = ET.fromstring(out)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert len([o for o in root.iter("outline") if o.get("xmlUrl")]) == 3

    exported = tmp_path / "out.opml"
    code, _, err = run(db, "export", "-o", str(exported))
    assert code == 0 and "exported 3 feeds" in err
    assert exported.read_text(encoding="utf-8").startswith("<?xml")

    # Import the export into a fresh library: the same feeds, titles, tags and sites.
    fresh = tmp_path / "fresh.db"
    code, out, _ = run(fresh, "import", str(exported))
    assert code == 0 and "imported 3 feeds" in out
    assert feeds_in(fresh) == before
    assert {s.url for s in read_subscriptions(exported.read_bytes())} == {f[0] for f in before}


def test_export_of_an_empty_library_is_valid_opml(db: Path) -> None:
    code, out, _ = run(db, "export")
    assert code == 0
    root = ET.fromstring(out)
    assert root.find("body") is not None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "not an OPML file"),
        (b"<opml><body><outline text='broken", "not a readable OPML file"),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<opml version="2.0"><body><outline text="&x;" xmlUrl="https://e.example/"/>'
            b"</body></opml>",
            "entities",
        ),
    ],
)
def test_bad_files_get_one_clear_line(
    db: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.opml"
    path.write_bytes(content)
    code, out, err = run(db, "import", str(path))
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out


@pytest.mark.parametrize("content", [b"", b"just some text\nnot urls\n", b"<opml><body/></opml>"])
def test_a_file_without_feeds_is_an_error(db: Path, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    code, out, err = run(db, "import", str(path))
    assert code != 0
    assert "no feeds found" in err
    assert feeds_in(db) == []


def test_missing_file(db: Path, tmp_path: Path) -> None:
    code, _, err = run(db, "import", str(tmp_path / "nope.opml"))
    assert code != 0
    assert "cannot read" in err and len(err.strip().splitlines()) == 1


def test_help() -> None:
    runner = CliRunner()
    for command in ("import", "export"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0
        assert "OPML" in result.output
