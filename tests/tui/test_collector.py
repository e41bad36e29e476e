"""The idle collector: full garbage collections wait for a pause in the user's keys."""

from __future__ import annotations

import gc

import pytest
from tui_helpers import settle

from briefing.tui import collector as module
from briefing.tui.collector import IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(module.time, "monotonic", fake)
    return fake


@pytest.fixture
def collections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    ran: list[int] = []
    monkeypatch.setattr(module.gc, "collect", lambda *a: ran.append(1) or 0)
    return ran


def test_full_collections_wait_for_a_pause(clock: Clock, collections: list[int]) -> None:
    saved = gc.get_threshold()
    idle = IdleCollector()
    idle.start()
    try:
        assert gc.get_threshold()[:2] == saved[:2]  # young objects: collected as before
        assert gc.get_threshold()[2] >= module.NEVER  # the full collection: left to tick
        clock.now += module.EVERY + 1
        idle.touch()  # a key just now: not while the user moves through the list
        assert not idle.tick()
        clock.now += module.IDLE_AFTER
        assert idle.tick()  # a pause: the collection runs
        assert collections == [1]
        clock.now += module.IDLE_AFTER
        assert not idle.tick()  # not again so soon
        # keys without a pause for a minute: it runs anyway
        for _ in range(int(module.AT_LEAST_EVERY)):
            clock.now += 1
            idle.touch()
            idle.tick()
        assert collections == [1, 1]
    finally:
        idle.stop()
    assert gc.get_threshold() == saved


def test_stopped_collector_leaves_collection_alone(clock: Clock, collections: list[int]) -> None:
    idle = IdleCollector()
    clock.now += module.AT_LEAST_EVERY * 2
    assert not idle.tick()
    assert collections == []


async def test_the_app_gives_back_automatic_collection_when_it_exits(make_app) -> None:
    saved = gc.get_threshold()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] >= module.NEVER
        before = app.collector.last_input
        await pilot.press("j")
        assert app.collector.last_input > before
    assert gc.get_threshold() == saved
