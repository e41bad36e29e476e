"""Correcting the storylines from the reader: merge, move, split, rename, and undo.

Each correction asks what it needs in a dialog, runs in a worker on the worker's own
Library, then shows the storyline it left and says what it did. The storyline layer saves
what a correction touched, so the undo puts it back exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.safetext import clean_line
from briefing.store import Library
from briefing.tui.data import Source, StorylineListRow
from briefing.tui.messages import LibraryChanged
from briefing.tui.widgets.panes import StorylinePane

if TYPE_CHECKING:
    from briefing.storylines import Correction
    from briefing.tui.screens.main import MainScreen


@dataclass(frozen=True)
class StoryChoice:
    """One story of a storyline: an article and its wire copies, moved together."""

    article_ids: tuple[int, ...]
    title: str
    outlets: tuple[str, ...]
    date: str


def load_stories(library: Library, storyline_id: int) -> list[StoryChoice]:
    """The stories of a storyline, newest first."""
    from briefing import storylines

    return [
        StoryChoice(
            article_ids=(a.article_id, *(c.article_id for c in a.copies)),
            title=clean_line(a.title),
            outlets=tuple(clean_line(o) for o in a.outlets),
            date=a.date or "",
        )
        for a in storylines.list_articles(library, storyline_id)
    ]


def story_of(stories: Sequence[StoryChoice], article_id: int) -> StoryChoice | None:
    return next((s for s in stories if article_id in s.article_ids), None)


class Corrector:
    """The correction flows of the main screen; each offers its undo to the app's undo."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    # -- the flows ------------------------------------------------------------------------

    def merge(self) -> None:
        from briefing.tui.screens.pick_storyline import StorylinePicker

        pane = self._pane()
        row = self._current()
        if row is None:
            return
        if len(pane.rows) < 2:
            self.screen.notify("There is no other storyline to merge into.", severity="warning")
            return

        def picked(target: int | None) -> None:
            if target:
                self._run(row.id, lambda lib, s: s.merge_correction(lib, row.id, target))

        title = f"Merge “{row.label}” into …"
        picker = StorylinePicker(title, pane.rows, exclude=[row.id], verb="merges")
        self.screen.app.push_screen(picker, picked)

    def move(self, source: Source | None) -> None:
        """Move the article behind the highlighted row, or one chosen from the storyline."""
        row = self._current()
        if row is None:
            return

        def chosen(stories: list[StoryChoice]) -> None:
            here = story_of(stories, source.article_id) if source is not None else None
            if here is not None or len(stories) == 1:
                self._move_to(row.id, here or stories[0])
                return
            self._push_story_picker(f"Move which article of “{row.label}”?", stories, row.id)

        self._with_stories(row.id, chosen)

    def _push_story_picker(self, title: str, stories: list[StoryChoice], home: int) -> None:
        from briefing.tui.screens.corrections import StoryPicker

        def picked(story: StoryChoice | None) -> None:
            if story is not None:
                self._move_to(home, story)

        self.screen.app.push_screen(StoryPicker(title, stories), picked)

    def _move_to(self, home: int, story: StoryChoice) -> None:
        from briefing.tui.screens.pick_storyline import NEW_STORYLINE, StorylinePicker

        def picked(target: int | None) -> None:
            if target is None:
                return
            to = None if target == NEW_STORYLINE else target
            self._run(home, lambda lib, s: s.move_correction(lib, story.article_ids, to))

        title = f"Move “{story.title}” to …"
        picker = StorylinePicker(title, self._pane().rows, exclude=[home], offer_new=True)
        self.screen.app.push_screen(picker, picked)

    def split(self, source: Source | None) -> None:
        from briefing.tui.screens.corrections import SplitPicker

        row = self._current()
        if row is None:
            return

        def chosen(stories: list[StoryChoice]) -> None:
            if len(stories) < 2:
                self.screen.notify(
                    "This storyline has one article: nothing to split.", severity="warning"
                )
                return
            here = story_of(stories, source.article_id) if source is not None else None

            def picked(taken: list[StoryChoice] | None) -> None:
                if taken:
                    ids = [a for story in taken for a in story.article_ids]
                    self._run(row.id, lambda lib, s: s.split_correction(lib, row.id, ids))

            title = f"Split “{row.label}”: take out …"
            self.screen.app.push_screen(SplitPicker(title, stories, [here] if here else []), picked)

        self._with_stories(row.id, chosen)

    def rename(self) -> None:
        from briefing.tui.screens.corrections import RenameDialog

        row = self._current()
        if row is None:
            return

        def typed(label: str | None) -> None:
            if label is not None and label != row.label:
                self._run(row.id, lambda lib, s: s.rename_correction(lib, row.id, label))

        self.screen.app.push_screen(RenameDialog(row.label), typed)

    # -- running them ---------------------------------------------------------------------

    def _pane(self) -> StorylinePane:
        return self.screen.query_one(StorylinePane)

    def _current(self) -> StorylineListRow | None:
        """The highlighted storyline, unless a refresh is placing articles in storylines now
        (its grouper would not know of the correction)."""
        if self.screen.briefing_app.refresh_state is not None:
            self.screen.notify(
                "Storylines are being updated: correct them when the refresh is done.",
                severity="warning",
            )
            return None
        return self._pane().current

    def _with_stories(self, storyline_id: int, then: Callable[[list[StoryChoice]], None]) -> None:
        self._in_worker(lambda library, _: load_stories(library, storyline_id), then)

    def _run(self, before: int, correct: Callable[[Library, Any], Correction]) -> None:
        """Correct in a worker; then show the storyline it left, and offer the undo, which
        shows the storyline the user was on (`before`) again."""
        app = self.screen.briefing_app

        def done(correction: Correction) -> None:
            def reverse(library: Library) -> None:
                from briefing import storylines

                storylines.undo_correction(library, correction)
                app.call_from_thread(self._want, before)

            self._want(correction.storyline_id)
            app.post_message(LibraryChanged())
            app.offer_undo(correction.done, reverse)

        self._in_worker(correct, done)

    def _want(self, storyline_id: int) -> None:
        """Highlight this storyline when the list next loads (after the change lands)."""
        if self.screen.is_attached:
            self._pane().wanted = storyline_id

    def _in_worker(self, work: Callable[[Library, Any], Any], then: Callable[[Any], None]) -> None:
        """Run `work(library, briefing.storylines)` in a thread, then `then(result)` here;
        a correction the storyline layer refuses is reported, not raised."""
        app = self.screen.app

        def run() -> None:
            from briefing import storylines

            try:
                with self.screen.briefing_app.open_library() as library:
                    result = work(library, storylines)
            except storylines.StorylineError as error:
                app.call_from_thread(
                    self.screen.notify, str(error), severity="warning", markup=False
                )
                return
            app.call_from_thread(then, result)

        self.screen.run_worker(run, thread=True, group="correct", exit_on_error=False)
