"""Reading and writing subscription lists: OPML and newsboat urls files."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from briefing.ingest.opml import (
    Subscription,
    SubscriptionFileError,
    read_subscriptions,
    write_opml,
)

NESTED_OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News">
      <outline text="World">
        <outline type="rss" text="Wire &amp; Co" title="Wire &amp; Co Latest"
                 xmlUrl="https://wire.example.org/rss?x=1&amp;y=2" htmlUrl="https://wire.example.org/"/>
      </outline>
      <outline type="rss" text="Local" xmlUrl="http://local.example.net/feed"/>
    </outline>
    <outline type="rss" text="Loose" xmlUrl="https://loose.example.com/atom.xml"
             category="/Tech/Linux,/Favourites"/>
    <outline text="Tech">
      <outline type="rss" text="Loose again" xmlUrl="https://loose.example.com/atom.xml"/>
    </outline>
    <outline type="link" text="A web page" url="https://example.com/page"/>
    <outline type="include" text="Other list" url="https://example.com/other.opml"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>"""


def test_nested_folders_become_tags() -> None:
    skipped: list[str] = []
    subs = read_subscriptions(NESTED_OPML, skipped)
    assert subs == [
        Subscription(
            url="https://wire.example.org/rss?x=1&y=2",
            title="Wire & Co Latest",
            tags=["News", "World"],
            site_url="https://wire.example.org/",
        ),
        Subscription(url="http://local.example.net/feed", title="Local", tags=["News"]),
        # Listed twice: one subscription with the categories and the second folder as tags.
        Subscription(
            url="https://loose.example.com/atom.xml",
            title="Loose",
            tags=["Tech", "Linux", "Favourites"],
        ),
    ]
    assert len(skipped) == 3
    assert any("file:///etc/passwd" in line for line in skipped)


def test_opml_1_0_and_attribute_case_variants() -> None:
    data = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
    <opml version="1.0"><head/><body>
      <outline title="Caf\xe9 feeds" text="Caf\xe9 feeds">
        <outline text="Old exporter" type="rss" xmlurl="http://old.example.org/rss.xml"
                 htmlurl="http://old.example.org/"/>
        <outline text="Older" type="rss" url="http://older.example.org/index.rdf"/>
      </outline>
    </body></opml>"""
    subs = read_subscriptions(data)
    assert [(s.url, s.title, s.tags, s.site_url) for s in subs] == [
        (
            "http://old.example.org/rss.xml",
            "Old exporter",
            ["Caf\xe9 feeds"],
            "http://old.example.org/",
        ),
        ("http://older.example.org/index.rdf", "Older", ["Caf\xe9 feeds"], ""),
    ]


def test_bare_ampersands_and_broken_attributes_are_read() -> None:
    # Real exports hold raw "&", unescaped quotes and markup inside attribute values.
    data = b"""<?xml version='1.0' encoding='UTF-8' ?>
<opml version="1.0"><body>
  <outline text="Sport" title="Sport">
    <outline text="Gazeta "Sport". Daily" title="Gazeta "Sport". Daily"
      description="by <a href="https://x.example">X</a>."
      xmlUrl="https://sport.example.org/rss?a=1&b=2" type="rss" />
    <outline text="Plain" title="Plain" xmlUrl="https://plain.example.org/feed" type="rss" />
  </outline>
  <outline text="Top" xmlUrl="https://top.example.org/feed" type="rss"/>
</body></opml>"""
    subs = read_subscriptions(data)
    assert [(s.url, s.title, s.tags) for s in subs] == [
        ("https://sport.example.org/rss?a=1&b=2", 'Gazeta "Sport". Daily', ["Sport"]),
        ("https://plain.example.org/feed", "Plain", ["Sport"]),
        ("https://top.example.org/feed", "Top", []),
    ]


def test_titles_are_cleaned_of_escape_sequences() -> None:
    data = (
        b'<opml version="2.0"><body><outline text="x" title="Evil&#27;[31m Feed&#7;"'
        b' xmlUrl="https://e.example/rss"/></body></opml>'
    )
    data = data.replace(b"&#27;", b"\x1b").replace(b"&#7;", b"")
    [sub] = read_subscriptions(data)
    assert sub.title == "Evil Feed"


URLS_FILE = b"""# newsboat urls
https://example.org/feed.xml news "world news" "~Example Feed"
http://blog.example.net/atom   tech   # a trailing comment

"query:Unread:unread = \\"yes\\""
exec:~/bin/make-feed.sh
filter:~/bin/f.sh:https://filtered.example.org/rss
https://hidden.example.com/rss ! "~Hidden one" private
https://example.org/feed.xml extra
feed://old.example.org/rss
"https://quoted.example.org/rss" quoted
https://unbalanced.example.org/rss "oops
"""


def test_newsboat_urls_file() -> None:
    skipped: list[str] = []
    subs = read_subscriptions(URLS_FILE, skipped)
    assert [(s.url, s.title, s.tags) for s in subs] == [
        ("https://example.org/feed.xml", "Example Feed", ["news", "world news", "extra"]),
        ("http://blog.example.net/atom", "", ["tech"]),
        ("https://hidden.example.com/rss", "Hidden one", ["private"]),
        ("http://old.example.org/rss", "", []),
        ("https://quoted.example.org/rss", "", ["quoted"]),
        ("https://unbalanced.example.org/rss", "", ["oops"]),
    ]
    assert len(skipped) == 3  # the query, exec and filter lines


def test_empty_inputs() -> None:
    assert read_subscriptions(b"") == []
    assert read_subscriptions(b"# only a comment\n\n") == []
    assert read_subscriptions(b'<opml version="2.0"><head/><body/></opml>') == []


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
        b"<opml><body><outline",
        b"<<<>>>",
    ],
)
def test_files_that_are_not_opml_are_refused_clearly(data: bytes) -> None:
    with pytest.raises(SubscriptionFileError):
        read_subscriptions(data)


def test_external_entities_never_read_a_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file://{secret}">]>
<opml version="2.0"><body>
  <outline type="rss" text="&xxe;" title="&xxe;" xmlUrl="https://e.example/&xxe;"/>
</body></opml>""".encode()
    try:
        subs = read_subscriptions(data)
    except SubscriptionFileError:
        return
    assert "TOP-SECRET-VALUE" not in repr(subs)


def test_external_dtd_is_not_fetched(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leak "LEAKED-FROM-DTD">')
    data = f"""<?xml version="1.0"?>
<!DOCTYPE opml SYSTEM "file://{dtd}">
<opml version="2.0"><body><outline type="rss" text="&leak;" xmlUrl="https://e.example/rss"/>
</body></opml>""".encode()
    try:
        subs = read_subscriptions(data)
    except SubscriptionFileError:
        return
    assert "LEAKED" not in repr(subs)


def test_billion_laughs_is_refused_or_harmless() -> None:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    data = (
        '<?xml version="1.0"?><!DOCTYPE opml [' + "".join(levels) + "]>"
        '<opml version="2.0"><body><outline type="rss" text="&lol9;" title="&lol9;"'
        ' xmlUrl="https://e.example/rss"/></body></opml>'
    ).encode()
    try:
        subs = read_subscriptions(data)
    except SubscriptionFileError as exc:
        assert "entities" in str(exc)
        return
    assert all(len(s.title) < 1000 for s in subs)


def _reparse(opml: str) -> list[Subscription]:
    ET.fromstring(opml)  # well-formed XML any reader can parse
    return read_subscriptions(opml.encode("utf-8"))


def test_write_opml_is_valid_opml_2() -> None:
    feeds = [
        Subscription(
            "https://a.example/rss", 'A & <B> "quoted"', ["news", "world"], "https://a.example/"
        ),
        Subscription("https://b.example/atom?x=1&y=2", "", [], ""),
        Subscription("https://c.example/feed", "C", ["news"], ""),
    ]
    text = write_opml(feeds)
    root = ET.fromstring(text)
    assert root.tag == "opml" and root.get("version") == "2.0"
    head = root.find("head")
    assert head is not None and head.findtext("title")
    # RFC 822 date, as OPML 2.0 asks for.
    assert re.match(
        r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$", head.findtext("dateCreated") or ""
    )
    outlines = [o for o in root.iter("outline") if o.get("xmlUrl")]
    assert len(outlines) == 3
    for outline in outlines:
        assert outline.get("text") and outline.get("type") == "rss"
    by_url = {o.get("xmlUrl"): o for o in outlines}
    assert by_url["https://a.example/rss"].get("htmlUrl") == "https://a.example/"
    assert by_url["https://a.example/rss"].get("category") == "/news,/world"
    # An untitled feed is named by its URL (text is required).
    assert by_url["https://b.example/atom?x=1&y=2"].get("text") == "https://b.example/atom?x=1&y=2"
    # Feeds sharing a first tag share its folder.
    folders = [o for o in root.find("body") or [] if not o.get("xmlUrl")]
    assert [f.get("text") for f in folders] == ["news"]
    assert len(list(folders[0])) == 2


def test_write_opml_accepts_hostile_titles() -> None:
    feeds = [
        Subscription("https://a.example/rss", "bad\x00\x1b[31m\ud800title\ufffe", ["t\x07ag"], "")
    ]
    [sub] = _reparse(write_opml(feeds))
    assert sub.title == "badtitle"
    assert sub.tags == ["tag"]


def _same(subs: list[Subscription]) -> list[tuple[str, str, list[str], str]]:
    return sorted((s.url, s.title, sorted(s.tags), s.site_url) for s in subs)


def test_round_trip_opml() -> None:
    original = read_subscriptions(NESTED_OPML)
    assert _same(_reparse(write_opml(original))) == _same(original)


def test_round_trip_urls_file() -> None:
    original = read_subscriptions(URLS_FILE)
    assert _same(_reparse(write_opml(original))) == _same(original)


def _opml_corpus() -> list[Path]:
    root = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "opml"
    return sorted(root.rglob("*.opml")) if root.is_dir() else []


@pytest.fixture
def opml_corpus() -> list[Path]:
    files = _opml_corpus()
    if not files:
        pytest.skip("../shared is absent")
    return files


def test_every_corpus_opml_file_imports_with_all_its_feeds(opml_corpus: list[Path]) -> None:
    assert len(opml_corpus) > 100
    for path in opml_corpus:
        data = path.read_bytes()
        expected = {
            url.replace("&amp;", "&")
            for url in re.findall(r'xmlUrl="([^"]*)"', data.decode("utf-8"))
        }
        subs = read_subscriptions(data)
        assert {s.url for s in subs} == expected, path.name
        # Some outlines have text="" title=""; every other feed keeps its name.
        assert sum(1 for s in subs if s.title) >= len(subs) - data.count(b'title=""'), path.name
        if "with_category" in path.parts:
            assert all(s.tags for s in subs), path.name
        # And each survives a round trip through our own export.
        assert _same(_reparse(write_opml(subs))) == _same(subs), path.name
