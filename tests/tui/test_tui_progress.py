"""Refresh progress is posted once per article; a burst coalesces, the last figures win."""

from __future__ import annotations

from textual.app import App

from briefing.tui.messages import RefreshDone, RefreshProgress


class _Recorder(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int, str]] = []
        self.done = 0

    def on_refresh_progress(self, message: RefreshProgress) -> None:
        self.seen.append((message.done, message.total, message.stage))

    def on_refresh_done(self, message: RefreshDone) -> None:
        self.done += 1


async def test_a_burst_of_progress_shows_its_last_figures() -> None:
    app = _Recorder()
    async with app.run_test() as pilot:
        for done in range(1, 201):
            app.post_message(RefreshProgress(done, 200, "Refreshing feeds"))
        for done in range(1, 51):
            app.post_message(RefreshProgress(done, 50, "Reading new articles"))
        await pilot.pause()
    assert app.seen[-1] == (50, 50, "Reading new articles")
    assert len(app.seen) < 250, "queued progress reports coalesce"


async def test_progress_never_swallows_the_end_of_a_refresh() -> None:
    app = _Recorder()
    async with app.run_test() as pilot:
        app.post_message(RefreshProgress(1, 2, "Refreshing feeds"))
        app.post_message(RefreshDone(None))
        app.post_message(RefreshProgress(1, 1, "Reading new articles"))
        await pilot.pause()
    assert app.done == 1
    assert app.seen[-1] == (1, 1, "Reading new articles")
