"""One error root: every error meant for the user is one line on stderr, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import cli
from briefing.demo import DemoError
from briefing.errors import BriefingError, FeedError
from briefing.ingest.fetch import NotHttpUrl
from briefing.ingest.inflate import BodyTooLarge, UnsupportedEncoding
from briefing.ingest.opml import SubscriptionFileError
from briefing.ingest.parse import NotAFeed
from briefing.ingest.subscribe import SubscribeError
from briefing.store import LibraryError
from briefing.store.feeds import FeedExists
from briefing.storylines import StorylineError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "error",
    [LibraryError, FeedExists, StorylineError, DemoError, FeedError],
)
def test_each_kind_of_error_is_a_briefing_error(error: type[Exception]) -> None:
    assert issubclass(error, BriefingError)


@pytest.mark.parametrize(
    "error",
    [
        NotHttpUrl,
        BodyTooLarge,
        UnsupportedEncoding,
        NotAFeed,
        SubscribeError,
        SubscriptionFileError,
    ],
)
def test_feed_errors_share_their_intermediate(error: type[Exception]) -> None:
    assert issubclass(error, FeedError)


def test_errors_keep_the_builtin_bases_callers_catch() -> None:
    assert issubclass(NotHttpUrl, ValueError)
    assert issubclass(SubscriptionFileError, ValueError)
    assert issubclass(StorylineError, LookupError)


def _briefing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_a_library_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    garbage = tmp_path / "library.db"
    garbage.write_bytes(b"not a database at all " * 20)
    done = _briefing("--db", str(garbage), "feeds")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"briefing: cannot open library {garbage}: file is not a database"
    ]


def test_a_url_that_cannot_be_subscribed_is_one_line(tmp_path: Path) -> None:
    done = _briefing("--db", str(tmp_path / "library.db"), "add", "ftp://example.org/feed")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "briefing: only http and https feeds can be read, not ftp: ftp://example.org/feed"
    ]


def test_any_briefing_error_from_deep_inside_a_command_is_caught_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new kind of error needs no catch of its own in the CLI; its message stays one line."""

    class NewKindOfError(BriefingError):
        pass

    def broken(library: object) -> list[object]:
        raise NewKindOfError("the feeds table\nis unreadable")

    monkeypatch.setattr("briefing.store.feeds.list_feeds", broken)
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "library.db"), "feeds"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "briefing: the feeds table is unreadable\n"
