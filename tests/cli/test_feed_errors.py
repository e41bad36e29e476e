"""`briefing add` and `briefing feeds` say the same words for the same failure, against real
servers on 127.0.0.1; a page with several feeds lists them for --pick N or --all."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from feed_server import FeedServer  # noqa: E402
from trouble_servers import (  # noqa: E402
    closed_port,
    failing_addresses,
    page_with_nine_feeds,
    rss,
    running,
)

from briefing.cli import cli  # noqa: E402


@pytest.fixture(autouse=True)
def _quiet_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("BRIEFING_SETTINGS", str(tmp_path / "no-settings.toml"))


@pytest.fixture
def servers() -> Iterator[tuple[FeedServer, FeedServer]]:
    with running() as plain, running(tls=True) as tls:
        yield plain, tls


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_add_and_feeds_word_each_failure_alike(
    tmp_path: Path, servers: tuple[FeedServer, FeedServer]
) -> None:
    plain, tls = servers
    cases = failing_addresses(plain, tls, closed_port())
    db = tmp_path / "library.db"
    for case, (url, message) in cases.items():
        code, out, err = run(db, "add", url)
        assert (code, out) == (1, ""), case
        assert err.splitlines() == [f"briefing: {message}"], case
    # The same addresses as subscriptions: `briefing feeds` shows the refresh's last error.
    urls = tmp_path / "urls"
    urls.write_text("".join(f"{url}\n" for url, _ in cases.values()), encoding="utf-8")
    assert run(db, "import", str(urls))[0] == 0
    code, _, err = run(db, "refresh", "--no-digest")
    assert code == 0
    code, out, _ = run(db, "feeds")
    lines = out.splitlines()
    for case, (url, message) in cases.items():
        at = next(i for i, line in enumerate(lines) if line.strip() == url)
        assert lines[at + 1].strip() == f"last error: {message}", case
        # ...and the refresh's own report says it alike.
        assert f"{url}: {message}" in err, case


def test_a_bare_host_and_a_page_with_nine_feeds(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    with running() as plain:
        plain.set("/feed.xml", rss("Plain Times"))
        code, out, err = run(db, "add", "--no-digest", f"127.0.0.1:{plain.port}/feed.xml")
        assert code == 0, err
        assert f"Subscribed to Plain Times <http://127.0.0.1:{plain.port}/feed.xml>" in out

        page = page_with_nine_feeds(plain)
        code, out, err = run(db, "add", "--no-digest", page)
        assert code == 1 and out == ""
        lines = err.splitlines()
        assert lines[0] == f"briefing: the page at {page} offers 9 feeds: choose one"
        assert lines[1:10] == [
            f"  {n:>2}  Desk {n}  <{plain.url(f'/desk{n}.xml')}>" for n in range(1, 10)
        ]
        assert lines[10:] == [
            f"briefing: subscribe to one with `briefing add {page} --pick N`, "
            "or to all of them with --all"
        ]
        code, out, err = run(db, "add", "--no-digest", page, "--pick", "3")
        assert code == 0, err
        assert f"Subscribed to Desk 3 <{plain.url('/desk3.xml')}>" in out
        code, out, err = run(db, "add", "--no-digest", page, "--pick", "12")
        assert code == 1
        assert err.strip() == (
            f"briefing: the page at {page} offers 9 feeds: pick a number from 1 to 9"
        )
        code, out, err = run(db, "add", "--no-digest", page, "--all")
        assert code == 0, err
        assert out.count("Subscribed to Desk") == 8  # Desk 3 is there already
        assert f"{plain.url('/desk3.xml')}: already subscribed" in err
        code, out, _ = run(db, "feeds")
        assert sum(f"Desk {n}  ·" in out for n in range(1, 10)) == 9
