"""Every key, generated from the bindings (with the user's keymap applied)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

# Built-in widget bindings worth listing (the rest are text-editing keys).
NAVIGATION = {
    "cursor_down": "Down",
    "cursor_up": "Up",
    "page_down": "Page down",
    "page_up": "Page up",
    "first": "First",
    "last": "Last",
    "scroll_home": "First",
    "scroll_end": "Last",
    "select": "Open",
    "select_cursor": "Open",
    "app.focus_next": "Next pane",
    "app.focus_previous": "Previous pane",
}


def contexts() -> list[tuple[str, list[type[DOMNode]]]]:
    """Where keys apply, and the classes whose bindings apply there."""
    from textual.screen import Screen as BaseScreen

    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.actors import ActorChooser
    from briefing.tui.screens.articles import ArticlesScreen, SearchInput
    from briefing.tui.screens.feeds import FeedsScreen
    from briefing.tui.screens.main import MainScreen
    from briefing.tui.screens.pick_storyline import PickerList, StorylinePicker
    from briefing.tui.screens.reader import BodyScroll, ReaderScreen
    from briefing.tui.widgets.lists import NavList, NavTable
    from briefing.tui.widgets.panes import FilterInput

    return [
        ("Everywhere", [BriefingApp, BaseScreen]),
        ("Storylines", [MainScreen, NavList, FilterInput]),
        ("Reader", [ReaderScreen, BodyScroll]),
        ("Articles", [ArticlesScreen, NavTable, SearchInput]),
        ("Feeds", [FeedsScreen]),
        ("Storyline picker (merge, move)", [StorylinePicker, PickerList]),
        ("Actor chooser (f): type to search, Space toggles", [ActorChooser]),
    ]


def key_rows(
    classes: list[type[DOMNode]], keymap: dict[str, str], display: Any
) -> list[tuple[str, str, str]]:
    """(keys, what they do, binding id) for the bindings of these classes."""
    rows: dict[tuple[str, str], tuple[list[str], str]] = {}
    for cls in classes:
        bindings = cls._merge_bindings().copy()
        bindings.apply_keymap(keymap)
        for _key, binding in bindings:
            if binding.id is None and binding.action not in NAVIGATION:
                continue
            if binding.action in ("quit",) and binding.key == "ctrl+q":
                continue
            if binding.action == "screen.copy_text":
                continue
            # The tooltip, where there is one, says more than the footer's short description.
            description = (
                binding.tooltip
                or binding.description
                or NAVIGATION.get(binding.action, binding.action)
            )
            if binding.action in NAVIGATION and binding.id in (None, "vim-down", "vim-up"):
                description = NAVIGATION[binding.action]
            entry = rows.setdefault((binding.action, description), ([], binding.id or ""))
            shown = display(replace(binding, key_display=None))  # the key itself, not a hint
            if shown not in entry[0]:
                entry[0].append(shown)
    return [(", ".join(keys), description, bid) for (_, description), (keys, bid) in rows.items()]


def marks_table() -> Table:
    """What the marks on the storylines' rows mean."""
    from briefing.tui.widgets.render import (
        CHANGED_MARK,
        CONFLICT_MARK,
        NEW_MARK,
        STAR_MARK,
        UNCERTAIN_MARK,
        UNREAD_MARK,
    )

    table = Table(title="Marks", title_justify="left", expand=True, box=None)
    table.add_column("Mark", style="bold", ratio=1)
    table.add_column("Meaning", ratio=3)
    for mark, meaning in (
        (UNREAD_MARK, "a storyline or an article you have not read"),
        (
            NEW_MARK.strip(),
            "a row from an article you have not read; a row several outlets reported is new"
            " while any one of their articles is unread (n / N go from one to the next)",
        ),
        (CHANGED_MARK, "a red line that departs from the holder's earlier position"),
        (CONFLICT_MARK, "outlets give different dates for the event"),
        (UNCERTAIN_MARK, "a row hidden by default: a fragment, no known speaker, or doubtful"),
        (STAR_MARK, "a starred article"),
    ):
        table.add_row(Text(mark), Text(meaning))
    return table


def bound_key(
    binding_id: str, classes: list[type[DOMNode]], keymap: dict[str, str], display: Any
) -> str:
    """The key of the first binding with this id among these classes' (keymap applied)."""
    for cls in classes:
        bindings = cls._merge_bindings().copy()
        bindings.apply_keymap(keymap)
        for _key, binding in bindings:
            if binding.id == binding_id:
                return str(display(binding))
    return "(unbound)"


class HelpScreen(Screen[None]):
    """The keys of every screen; Escape or ? closes it."""

    DEFAULT_CSS = """
    #help-rules {
        width: 1fr;
        padding: 0 1 1 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "close", "Close", id="help-close"),
        Binding("q", "close", "Back", id="close", show=False),
        Binding("j", "scroll('down')", "Down", id="vim-down", show=False),
        Binding("k", "scroll('up')", "Up", id="vim-up", show=False),
        Binding("g", "scroll('home')", "First", id="first", show=False),
        Binding("G", "scroll('end')", "Last", id="last", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="help")
        self.sections: list[tuple[str, list[tuple[str, str, str]]]] = []

    def compose(self) -> ComposeResult:
        yield Label(
            Text("Keys (remap them by id in [keymap] of settings.toml)", style="bold"),
            classes="pane-title",
        )
        with VerticalScroll(id="help-body"):
            yield Label("", id="help-rules")
            keymap = getattr(self.app, "settings", None)
            user_keymap = keymap.keymap if keymap is not None else {}
            everywhere: set[tuple[str, str]] = set()
            for title, classes in contexts():
                table = Table(title=title, title_justify="left", expand=True, box=None)
                table.add_column("Key", style="bold", ratio=1)
                table.add_column("Action", ratio=2)
                table.add_column("id", style="dim", ratio=1)
                rows = [
                    row
                    for row in key_rows(classes, user_keymap, self.app.get_key_display)
                    if (row[0], row[1]) not in everywhere
                ]
                if title == "Everywhere":
                    rows.append(
                        (
                            self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, "")),
                            "Command palette",
                            "",
                        )
                    )
                if title == "Everywhere":
                    everywhere.update((keys, action) for keys, action, _ in rows)
                self.sections.append((title, rows))
                for keys, description, binding_id in rows:
                    table.add_row(Text(keys), Text(description), Text(binding_id))
                yield Static(table, classes="help-table")
            yield Static(marks_table(), classes="help-table", id="help-marks")
        yield Footer()

    def _rules(self) -> Text:
        """How the keys behave, with the keys as they are bound now."""
        settings = getattr(self.app, "settings", None)
        keymap = settings.keymap if settings is not None else {}
        classes = [cls for _, group in contexts() for cls in group]

        def key(binding_id: str) -> str:
            return bound_key(binding_id, classes, keymap, self.app.get_key_display)

        back, quit_ = key("close"), key("quit")
        if back == quit_:
            leave = f"{back} goes back from every other screen and quits from the storylines"
        else:
            leave = f"{back} goes back from every other screen, {quit_} quits"
        return Text(
            f"Letters are commands, except in a text field ({key('filter-storylines')} "
            f"filters the storylines, {key('search')} searches the articles; the actor chooser "
            f"searches as you type): there every key is text. {key('back')} clears a filter "
            f"or a search first, then goes back. "
            f"{leave}; "
            f"{key('quit-anywhere')} and ctrl+q quit from anywhere. "
            f"{key('undo')} undoes the last change ({key('mark-read')}, …).",
            style="dim",
        )

    def on_mount(self) -> None:
        self.query_one("#help-rules", Label).update(self._rules())
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        elif direction == "up":
            body.scroll_up()
        elif direction == "home":
            body.scroll_home(animate=False)
        else:
            body.scroll_end(animate=False)
