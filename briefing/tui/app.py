"""The briefing reader: a Textual app over one library file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, SuspendNotSupported, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from briefing.config import Settings, SettingsError, load_settings, read_state, write_state
from briefing.store import Library, open_library
from briefing.tui import data
from briefing.tui.collector import IdleCollector
from briefing.tui.data import RefreshSummary, Source
from briefing.tui.messages import ArticleStarred, LibraryChanged, RefreshDone, RefreshProgress
from briefing.tui.undo import Undoable, UndoStack

if TYPE_CHECKING:
    import webbrowser

    from briefing.tui.links import Opened

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
# Seconds between checks for writes by other processes (a refresh run from cron).
WATCH_INTERVAL = 2.0

# What `r` says in the demo library, whose feeds are built in and never fetched.
DEMO_REFRESH = (
    "The demo's feeds are built into briefing, so there is nothing to refresh. "
    "Press a to add a real feed (or run `briefing add URL`): briefing then opens "
    "your own library and refreshes it."
)
# Textual's palette entries that the app's own commands already cover.
TEXTUAL_DUPLICATES = frozenset({"Quit", "Theme", "Keys"})

# Command palette titles, by binding id: the palette offers exactly the bound actions.
PALETTE_TITLES: dict[str, str] = {
    "quit": "app: quit",
    "undo": "undo",
    "help": "help: keys",
    "add-feed": "feeds: add",
    "refresh": "feeds: refresh all",
    "show-storylines": "storylines: show",
    "show-articles": "articles: show",
    "show-feeds": "feeds: show",
    "toggle-theme": "theme: switch dark/light",
    "filter-storylines": "storylines: filter",
    "choose-actors": "storyline: choose actors",
    "compare": "storyline: compare actors",
    "mark-read": "mark read",
    "star": "star",
    "toggle-uncertain": "storyline: show/hide uncertain rows",
    "next-column": "storyline: next column",
    "previous-column": "storyline: previous column",
    "next-new": "storyline: next new row",
    "previous-new": "storyline: previous new row",
    "sort-column": "storyline: sort this column",
    "search": "articles: search",
    "unread-only": "articles: unread only",
    "open-link": "link: open in browser",
    "copy-link": "link: copy",
    "open-feed": "feeds: show this feed's articles",
    "starred-only": "articles: starred only",
    "next-unread": "articles: next unread",
    "mark-feed-read": "feeds: mark this feed read",
    "mark-all-read": "articles: mark everything read",
    "sort-feeds": "feeds: sort (title, unread, last updated)",
    "filter-tag": "feeds: filter by tag",
    "remove-feed": "feeds: remove",
    "refresh-feed": "feeds: refresh this feed",
    "back": "back",
    "merge-storyline": "storyline: merge into another",
    "move-article": "storyline: move an article to another storyline",
    "split-storyline": "storyline: split off articles into a new storyline",
    "rename-storyline": "storyline: rename",
}


class BriefingApp(App[None]):
    """Storylines, their briefings, the articles and the feeds of one library."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        # In footer order: at 80 columns the last ones may not fit (? lists them all).
        Binding("question_mark", "help", "Help", id="help"),
        Binding("a", "add_feed", "Add feed", id="add-feed"),
        Binding("r", "refresh", "Refresh", id="refresh"),
        Binding("2", "show('articles')", "Articles", id="show-articles"),
        Binding("3", "show('feeds')", "Feeds", id="show-feeds"),
        Binding("1", "show('storylines')", "Storylines", id="show-storylines", show=False),
        Binding("t", "toggle_theme", "Theme", id="toggle-theme", show=False),
        # Every screen above the storylines binds q (id "close") to leave it, as in newsboat:
        # q quits from the storylines only. Q (and Textual's ctrl+q) quits from anywhere.
        Binding("q", "quit", "Quit", id="quit"),
        Binding("Q", "quit", "Quit from any screen", id="quit-anywhere", show=False),
        Binding("u,ctrl+z", "undo", "Undo", id="undo", show=False),
        Binding("C", "mark_all_read", "Mark everything read", id="mark-all-read", show=False),
    ]

    # (done, total, stage) while a refresh runs; None when idle.
    refresh_state: reactive[tuple[int, int, str] | None] = reactive(None)
    demo: reactive[bool] = reactive(False)

    def __init__(
        self,
        db_path: Path,
        *,
        settings: Settings | None = None,
        demo: bool = False,
        user_db_path: Path | None = None,
        cursor_blink: bool = True,
        fetcher_options: dict[str, Any] | None = None,
        state_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.collector = IdleCollector()
        self.db_path = Path(db_path)
        self.settings = settings or Settings()
        self.user_db_path = Path(user_db_path) if user_db_path else self.db_path
        self.cursor_blink = cursor_blink
        self.fetcher_options = fetcher_options
        self.set_reactive(BriefingApp.demo, demo)
        # Where the theme toggle is remembered (None: not remembered, as in tests).
        self.state_path = state_path
        from briefing.tui.settings import check_settings

        checked = check_settings(self.settings, self.available_themes)
        self.set_keymap(checked.keymap)
        self.configured_theme = checked.theme
        self.settings_problems = checked.problems
        self.last_refresh: RefreshSummary | None = None
        self.undo_stack = UndoStack()
        # The article the reader showed last (n may move it on): lists put their cursor there.
        self.last_article_shown: int | None = None

    # -- the library ----------------------------------------------------------------------

    def open_library(self) -> Library:
        """A Library for the calling thread (SQLite connections stay on their thread)."""
        return open_library(self.db_path, migrate=False)

    def get_default_screen(self) -> Screen[Any]:
        from briefing.tui.screens.main import MainScreen

        return MainScreen()

    def on_unmount(self) -> None:
        self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self.collector.touch()
        await super().on_event(event)

    def on_mount(self) -> None:
        self.theme = self._start_theme()
        if self.settings_problems:
            self.notify(
                "\n".join(self.settings_problems),
                title="settings.toml",
                severity="warning",
                timeout=20,
                markup=False,
            )
        self._library_stamp = self._stamp_library()
        self.set_interval(WATCH_INTERVAL, self._watch_library)
        # Full garbage collections wait for the user to pause (briefing/tui/collector.py).
        self.collector.start()
        self.set_interval(1.0, self.collector.tick)
        self.catch_up()

    def _stamp_library(self) -> tuple[int, ...]:
        """The library file's and its write-ahead log's change time and size.

        Another process (a cron `briefing refresh`) commits into the WAL, so a change here is
        how the reader learns of it without a query: two stat calls, on the UI thread.
        """
        stamp: list[int] = []
        for path in (self.db_path, self.db_path.with_name(self.db_path.name + "-wal")):
            try:
                info = path.stat()
            except OSError:
                stamp += [0, 0]
            else:
                stamp += [info.st_mtime_ns, info.st_size]
        return tuple(stamp)

    def _watch_library(self) -> None:
        stamp = self._stamp_library()
        if stamp == self._library_stamp:
            return
        self._library_stamp = stamp
        if self.refresh_state is None:  # our own refresh tells the screens when it is done
            self.broadcast(LibraryChanged)

    def broadcast(self, message_type: type[LibraryChanged]) -> None:
        """Tell every open screen that the library changed."""
        for screen in self.screen_stack:
            screen.post_message(message_type())

    def on_library_changed(self, message: LibraryChanged) -> None:
        # Posted by workers to the app; fan it out to the screens.
        self.broadcast(LibraryChanged)

    # -- screens --------------------------------------------------------------------------

    def action_show(self, name: str) -> None:
        """Go to one of the top-level screens (storylines, articles, feeds)."""
        from briefing.tui.screens.articles import ArticlesScreen
        from briefing.tui.screens.feeds import FeedsScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        if name == "articles":
            self.push_screen(ArticlesScreen())
        elif name == "feeds":
            self.push_screen(FeedsScreen())

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def open_reader(
        self,
        source: Source | None,
        article_id: int | None = None,
        *,
        search: str = "",
        following: Sequence[int] = (),
    ) -> None:
        """Open an article, at the item's sentence when there is one (the search's words
        highlighted; `following` are the list's next articles, where n looks first)."""
        from briefing.tui.screens.reader import ReaderScreen

        chosen = source.article_id if source is not None else article_id
        if chosen:
            self.push_screen(ReaderScreen(chosen, source, search=search, following=following))

    def key_for(self, binding_id: str) -> str:
        """The key bound to a binding id now, as the footer shows it (the user's keymap applied).

        Messages that name a key ("press a to add a feed") ask here rather than spell it out,
        so they stay true when settings.toml remaps it. A key that reaches the binding now comes
        first (a screen's own binding may shadow one of the app's); else the first key of the
        focused widget's, its containers', the screen's or the app's binding with that id
        (one a focused text field shadows for now).
        """
        screen = self.screen
        for active in screen.active_bindings.values():  # a key that reaches it now
            if active.binding.id == binding_id:
                return self.get_key_display(active.binding)
        chain: list[DOMNode] = list((screen.focused or screen).ancestors_with_self)
        if self not in chain:
            chain.append(self)
        for node in chain:
            bindings = node._bindings.copy()
            bindings.apply_keymap(self._keymap)
            for _key, binding in bindings:
                if binding.id == binding_id:
                    return self.get_key_display(binding)
        return "?"  # unbound: the help screen lists every key

    # -- undo -----------------------------------------------------------------------------

    def offer_undo(self, description: str, reverse: Callable[[Library], object]) -> None:
        """Tell the user what a change did and offer to take it back (see briefing.tui.undo).

        Call it once the change is written (from a worker: through call_from_thread), so that
        the reverse cannot overtake the change.
        """
        self.undo_stack.push(description, reverse)
        self.notify(f"{description} · {self.key_for('undo')} undoes", timeout=4, markup=False)

    def action_undo(self) -> None:
        entry = self.undo_stack.pop()
        if entry is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.run_undo(entry)

    @work(thread=True, group="write", exit_on_error=False)
    def run_undo(self, entry: Undoable) -> None:
        """Reverse a change on a worker thread, then show every screen the result."""
        with self.open_library() as library:
            entry.reverse(library)
        self.post_message(LibraryChanged())
        said = entry.description
        self.call_from_thread(self.notify, f"Undone: {said[:1].lower()}{said[1:]}", markup=False)

    def _other_theme(self) -> str:
        """The theme `t` switches to from the configured one: light for a dark one, and back."""
        configured = self.get_theme(self.configured_theme)
        return DARK_THEME if configured is not None and not configured.dark else LIGHT_THEME

    def _start_theme(self) -> str:
        """The configured theme, or the other one if `t` chose it last time (while the
        settings named the same theme: a theme newly set in settings.toml wins)."""
        if self.state_path is None:
            return self.configured_theme
        state = read_state(self.state_path)
        if state.get("configured") == self.configured_theme and state.get("theme") == (
            self._other_theme()
        ):
            return self._other_theme()
        return self.configured_theme

    def action_toggle_theme(self) -> None:
        """Switch between the configured theme and its opposite; remembered for next time."""
        other = self._other_theme()
        self.theme = self.configured_theme if self.theme == other else other
        if self.state_path is not None:
            state = read_state(self.state_path)
            state.update(theme=self.theme, configured=self.configured_theme)
            write_state(self.state_path, state)

    # -- feeds ----------------------------------------------------------------------------

    def action_add_feed(self) -> None:
        from briefing.tui.screens.add_feed import AddFeedScreen

        def added(feed_title: str | None) -> None:
            if feed_title is None:
                return
            if self.demo:
                # The first real feed: leave the demo for the user's own library.
                self.db_path = self.user_db_path
                self.demo = False
                self.undo_stack.clear()  # its reverses were for the demo library
            self.broadcast(LibraryChanged)
            self.action_refresh()

        self.push_screen(AddFeedScreen(self.user_db_path if self.demo else self.db_path), added)

    def action_refresh(self, feed_ids: tuple[int, ...] | None = None) -> None:
        if self.demo:
            self.notify(DEMO_REFRESH, title="Demo library", timeout=12, markup=False)
            return
        if self.refresh_state is not None:
            self.notify("A refresh is already running.")
            return
        self.refresh_state = (0, 0, "Refreshing feeds…")
        self.refresh_library(feed_ids)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def refresh_library(self, feed_ids: tuple[int, ...] | None = None) -> None:
        """Fetch the feeds, then analyse and group what is new; progress as messages."""
        from briefing.ingest.refresh import refresh_feeds

        worker = get_current_worker()
        summary = RefreshSummary()

        def fetched(done: int, total: int, result: Any) -> None:
            self.post_message(RefreshProgress(done, total, "Refreshing feeds"))

        with self.open_library() as library:
            report = refresh_feeds(
                library,
                feed_ids,
                progress=fetched,
                full_text=self.settings.fetch_full_text,
                max_articles_per_feed=self.settings.max_articles_per_feed,
                fetcher_options=self.fetcher_options,
            )
            summary.feeds = report.feeds
            summary.new_articles = report.new_articles
            summary.errors = report.errors
            summary.messages.append(report.summary())
            self.post_message(LibraryChanged())
            if worker.is_cancelled:
                return
            self._digest(library, worker)
        self.post_message(RefreshDone(summary))

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def catch_up(self) -> None:
        """Analyse, in the background, what is not analysed by this version of the analyser.

        After an upgrade, or a refresh that was stopped before its digest ended, old articles
        are re-read here; a refresh started meanwhile takes over (same group), and the digest
        resumes where it stopped.
        """
        worker = get_current_worker()
        with self.open_library() as library:
            if not data.analysis_pending(library):
                return
            self._digest(library, worker)
        self.post_message(RefreshDone(None))

    def _digest(self, library: Library, worker: Worker[None]) -> None:
        """Analyse new articles and place them in storylines."""
        from briefing.digest import digest  # lazily: the analyser is slow to import

        def analysed(done: int, total: int, *rest: object) -> None:
            self.post_message(RefreshProgress(done, total, "Reading new articles"))

        digest(library, progress=analysed, should_stop=lambda: worker.is_cancelled)

    @work(thread=True, group="write", exit_on_error=False)
    def toggle_star(self, article_id: int) -> None:
        """Star or unstar an article (from any screen)."""
        with self.open_library() as library:
            starred = data.toggle_starred(library, article_id)
        self.post_message(ArticleStarred(article_id, starred))
        self.post_message(LibraryChanged())

    def on_article_starred(self, message: ArticleStarred) -> None:
        self.notify("Starred." if message.starred else "Star removed.")

    def on_refresh_progress(self, message: RefreshProgress) -> None:
        self.refresh_state = (message.done, message.total, message.stage)

    def on_refresh_done(self, message: RefreshDone) -> None:
        self.refresh_state = None
        self.last_refresh = message.summary
        self.broadcast(LibraryChanged)
        if message.summary is not None:
            self.notify(Text(message.summary.messages[-1]).plain, title="Refresh", markup=False)

    def action_import_opml(self) -> None:
        """Ask for an OPML (or newsboat urls) file and subscribe to its feeds."""
        from briefing.tui import opml
        from briefing.tui.screens.choose import PathScreen

        self.push_screen(
            PathScreen(
                "Import feeds from an OPML or newsboat urls file",
                partial(opml.import_file, self),
                hint="Folders and categories become tags; nothing is fetched until r.",
            )
        )

    def action_export_opml(self) -> None:
        """Ask for a file name and write the subscriptions there as OPML."""
        from briefing.tui import opml
        from briefing.tui.screens.choose import PathScreen

        self.push_screen(
            PathScreen(
                "Export your feeds as OPML",
                opml.exporter(self),
                value=opml.DEFAULT_EXPORT,
                hint="Other feed readers import this file; tags become folders.",
            )
        )

    # -- mark all read ------------------------------------------------------------------

    def action_mark_all_read(self) -> None:
        """Mark every article of the library read, after asking (undo takes it back)."""
        self.mark_read_asking(
            Text("Mark every unread article in the library read?"), None, "in the library"
        )

    def mark_read_asking(self, question: Text, feed_id: int | None, where: str) -> None:
        """Ask, then mark a feed's (or every) unread article read, offering the undo."""
        self.ask_before_undoable(question, lambda: self.mark_all_read(feed_id, where))

    def ask_before_undoable(self, question: Text, then: Callable[[], object]) -> None:
        """Ask a yes/no question that says the undo key takes the change back; on yes, `then`."""
        from briefing.tui.screens.confirm import ConfirmScreen

        question.append(f"\n{self.key_for('undo')} undoes it afterwards.", style="dim")

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.push_screen(ConfirmScreen(question), answered)

    @work(thread=True, group="write", exit_on_error=False)
    def mark_all_read(self, feed_id: int | None, where: str) -> None:
        with self.open_library() as library:
            ids = data.mark_all_read(library, feed_id)
        self.post_message(LibraryChanged())
        if not ids:
            self.call_from_thread(self.notify, f"Nothing {where} was unread.", markup=False)
            return

        def reverse(library: Library) -> None:
            data.set_read_many(library, ids, False)

        count = f"{len(ids)} article" + ("" if len(ids) == 1 else "s")
        self.call_from_thread(self.offer_undo, f"{count} {where} marked read", reverse)

    # -- links --------------------------------------------------------------------------

    def open_link(self, url: str) -> None:
        """Open a link in the browser of the `browser` setting, or the platform default."""
        from briefing.tui.links import is_web_link

        if not is_web_link(url):
            self.notify("This row has no web link to open.", severity="warning")
            return
        if not self.settings.browser and self._driver is not None and self._driver.is_web:
            self.open_url(url)  # served by textual-web: the user's own browser opens it
            self.notify(Text(f"Opening {url}").plain, markup=False)
            return
        self.start_browser(url)

    @work(thread=True, group="browser", exit_on_error=False)
    def start_browser(self, url: str) -> None:
        from briefing.tui.links import open_with_command, open_with_default

        if self.settings.browser:
            opened = open_with_command(self.settings.browser, url)
        else:
            opened = open_with_default(url)
        self.call_from_thread(self._browser_started, url, opened)

    def _browser_started(self, url: str, opened: Opened) -> None:
        if opened.in_terminal is not None:
            opened = self._open_in_terminal(opened.in_terminal, url)
        self.notify(
            Text(opened.message).plain,
            severity="information" if opened.ok else "warning",
            markup=False,
            timeout=4 if opened.ok else 8,
        )

    def _open_in_terminal(self, browser: webbrowser.BaseBrowser, url: str) -> Opened:
        """Run a text-mode browser in this terminal, the reader suspended meanwhile."""
        from briefing.tui.links import Opened, no_browser_message

        try:
            with self.suspend():
                ok = browser.open(url)
        except SuspendNotSupported:  # no terminal to lend (a test, a web-served app)
            ok = False
        return Opened(ok, f"Back from {browser.name}" if ok else no_browser_message())

    def copy_link(self, url: str) -> None:
        """Put a link on the clipboard, through the terminal (OSC 52)."""
        if not url:
            self.notify("This row has no link to copy.", severity="warning")
            return
        self.copy_to_clipboard(url)
        self.notify(
            Text(
                f"Copied {url} (through the terminal's clipboard, OSC 52: "
                "a terminal without it copies nothing)"
            ).plain,
            markup=False,
        )

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """One place that reports any worker's failure, in one line."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if event.worker.group == "refresh":
            self.refresh_state = None
        self.notify(
            f"{event.worker.group or 'task'} failed: {error}", severity="error", markup=False
        )

    # -- command palette ------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette offers the same actions as the keys, where they apply now."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            title = PALETTE_TITLES.get(binding.id or "")
            if title is None or title in seen or not active.enabled:
                continue
            seen.add(title)
            keys = self.get_key_display(binding)
            help_text = binding.description
            if binding.id == "undo":
                offered = self.undo_stack.peek()
                if offered is None:
                    continue
                title = f"undo: {offered.description}"
                help_text = "Take back the last change"
            yield SystemCommand(
                title,
                f"{help_text} ({keys})",
                partial(self.run_action, binding.action, active.node),
            )
        from briefing.tui.screens.main import MainScreen

        if isinstance(screen, MainScreen):
            yield SystemCommand(
                "storyline: mark all its articles read…",
                "Asks first; the undo takes it back",
                screen.action_mark_read_asking,
            )
        yield SystemCommand(
            "feeds: import OPML…",
            "Subscribe to the feeds of an OPML or newsboat urls file",
            self.action_import_opml,
        )
        yield SystemCommand(
            "feeds: export OPML…",
            "Write your subscriptions to an OPML file",
            self.action_export_opml,
        )
        for command in super().get_system_commands(screen):
            # Textual's own quit, theme picker and key panel would sit beside the app's
            # quit, theme switch and help: one entry for each action.
            if command.title not in TEXTUAL_DUPLICATES:
                yield command


def library_to_open(db_path: Path, *, explicit_db: bool) -> tuple[Path, bool]:
    """The library the reader opens, and whether it is the demo.

    The user's library, unless it has no feeds and no --db was given: then the demo
    library (built on first use, kept apart from the user's). Raises LibraryError, and
    DemoError while the demo is built, for the caller to report.
    """
    with open_library(db_path) as library:  # also brings an older library up to date
        empty = data.library_is_empty(library)
    if not empty or explicit_db:
        return db_path, False
    from briefing.config import demo_library_path
    from briefing.demo import ensure_demo_library

    demo_path = demo_library_path()
    if not demo_path.exists():
        print("Preparing the demo library (once) …", file=sys.stderr, flush=True)
    ensure_demo_library(demo_path)
    return demo_path, True


def reader_settings(path: Path | None = None) -> Settings:
    """The settings the reader starts with: the file's, or the defaults when it cannot be
    read (with why, for the reader to show once it is up)."""
    try:
        return load_settings(path)
    except SettingsError as exc:
        return Settings(problems=[f"{exc} (the reader started with the default settings)"])


def run_app(db_path: Path, *, explicit_db: bool = False, demo: bool = False) -> None:
    """Open the reader on a library; with no feeds and no --db, on the demo library.

    `demo=True` opens the demo library whatever the user's library holds; feeds added
    from it still go into the user's library at `db_path`.
    """
    settings = reader_settings()
    if demo:
        from briefing.config import demo_library_path
        from briefing.demo import ensure_demo_library

        path = demo_library_path()
        ensure_demo_library(path)
    else:
        path, demo = library_to_open(db_path, explicit_db=explicit_db)
    from briefing.config import state_path

    BriefingApp(
        path, settings=settings, demo=demo, user_db_path=db_path, state_path=state_path()
    ).run()
