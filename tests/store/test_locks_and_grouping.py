"""The digest lock and the grouper's state, as the store keeps them."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.store import Library, grouping, locks, open_library


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with open_library(tmp_path / "library.db") as opened:
        yield opened


def _owner(tag: str) -> str:
    return f"{os.getpid()}-{tag}-1"


def test_one_digest_holds_the_lock_until_it_lets_go(library: Library) -> None:
    first, second = _owner("first"), _owner("second")
    assert locks.take_digest_lock(library, first, stale_after=600)
    assert not locks.take_digest_lock(library, second, stale_after=600)
    assert locks.take_digest_lock(library, first, stale_after=600)  # renewing is taking
    locks.release_digest_lock(library, second)  # not the holder: nothing happens
    assert not locks.take_digest_lock(library, second, stale_after=600)
    locks.release_digest_lock(library, first)
    assert locks.take_digest_lock(library, second, stale_after=600)


def test_a_lock_not_renewed_in_time_is_free(library: Library) -> None:
    assert locks.take_digest_lock(library, _owner("first"), stale_after=600)
    time.sleep(0.05)
    assert locks.take_digest_lock(library, _owner("second"), stale_after=0.01)


def test_the_grouper_state_survives_a_reopen(tmp_path: Path) -> None:
    with open_library(tmp_path / "library.db") as library:
        assert grouping.document_count(library) == 0
        with library.db.atomic():
            grouping.add_document_counts(library, {"strike": 1, "port": 1})  # one article
            grouping.add_document_counts(library, {"strike": 1})  # and another
            grouping.set_document_count(library, 2)
    with open_library(tmp_path / "library.db") as library:
        assert grouping.document_count(library) == 2
        found = grouping.document_frequencies(library, ["strike", "port", "ferry"])
        assert found == {"strike": 2, "port": 1}
