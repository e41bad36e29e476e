"""The refresh progress bar and the demo invitation shown on every screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar, Static


class RefreshBar(Horizontal):
    """Visible while a background refresh runs; follows the app's progress."""

    DEFAULT_CSS = """
    RefreshBar { height: 1; display: none; padding: 0 1; }
    RefreshBar.-running { display: block; }
    RefreshBar Label { width: auto; margin-right: 1; }
    RefreshBar ProgressBar { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Label("", id="refresh-stage")
        yield ProgressBar(show_eta=False, id="refresh-progress")

    def on_mount(self) -> None:
        app = self.app
        self.watch(app, "refresh_state", self._update, init=True)

    def _update(self, state: tuple[int, int, str] | None) -> None:
        self.set_class(state is not None, "-running")
        if state is None:
            return
        done, total, stage = state
        self.query_one("#refresh-stage", Label).update(Text(stage))
        self.query_one(ProgressBar).update(total=total or None, progress=done)


class DemoBanner(Static):
    """The invitation to add a first real feed while the demo library is open."""

    DEFAULT_CSS = """
    DemoBanner { height: auto; padding: 0 1; background: $warning 20%; display: none; }
    DemoBanner.-demo { display: block; }
    """

    def on_mount(self) -> None:
        self.update(
            Text.assemble(
                ("This is the demo library. ", "bold"),
                "Press ",
                ("a", "bold"),
                " to add your first real feed.",
            )
        )
        self.watch(self.app, "demo", self._demo_changed, init=True)

    def _demo_changed(self, demo: bool) -> None:
        self.set_class(demo, "-demo")
