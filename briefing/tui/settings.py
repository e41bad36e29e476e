"""settings.toml checked against what only the reader knows: its binding ids, keys and themes.

`config.load_settings` reads the file and reports keys that are no setting; this module adds
what needs Textual: a keymap entry naming no binding, a remap that would leave no key that
quits (refused: the default stays), and a theme that does not exist. The reader shows the
problems once at start-up; `briefing settings check` prints them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.theme import BUILTIN_THEMES

from briefing.config import Settings, did_you_mean

__all__ = ["DEFAULT_THEME", "CheckedSettings", "binding_ids", "check_settings"]

DEFAULT_THEME = "textual-dark"
_QUIT_ACTIONS = frozenset({"quit", "app.quit"})


@dataclass
class CheckedSettings:
    """What the reader applies: a keymap and theme it can use, and what was wrong, a line each."""

    keymap: dict[str, str]
    theme: str
    problems: list[str]


def check_settings(settings: Settings, themes: Iterable[str] | None = None) -> CheckedSettings:
    """The settings' keymap and theme as the reader can use them, with every problem found.

    `themes` are the names the app offers (Textual's built-in themes when not given).
    """
    problems = list(settings.problems)
    available = sorted(themes if themes is not None else BUILTIN_THEMES)
    theme = settings.theme
    if theme not in available:
        problems.append(
            f'theme "{theme}" is not a theme briefing has{did_you_mean(theme, available)}; '
            f"using {DEFAULT_THEME} (themes: {', '.join(available)})"
        )
        theme = DEFAULT_THEME
    keymap: dict[str, str] = {}
    if settings.keymap:
        keymap, keymap_problems = _check_keymap(settings.keymap)
        problems += keymap_problems
    return CheckedSettings(keymap=keymap, theme=theme, problems=problems)


def _owners() -> list[type[DOMNode]]:
    """The app, and every screen and widget class of the reader."""
    from briefing.tui import screens, widgets
    from briefing.tui.app import BriefingApp

    classes: list[type[DOMNode]] = [BriefingApp]
    for package in (screens, widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                    classes.append(cls)
    return classes


def binding_ids() -> list[str]:
    """Every binding id a keymap may name, sorted."""
    return sorted({b.id for cls in _owners() for _, b in cls._merge_bindings() if b.id is not None})


def _check_keymap(keymap: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    ids = binding_ids()
    usable: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in ids:
            problems.append(
                f'keymap: "{binding_id}" is not a binding id{did_you_mean(binding_id, ids)}; '
                "ignored (the ? screen lists the ids)"
            )
        elif not keys.strip(" ,"):
            problems.append(f'keymap: {binding_id} = "{keys}" gives no key; ignored')
        else:
            usable[binding_id] = keys
    refused = _shadowed(usable)
    refused.update(_quit_refusals({k: v for k, v in usable.items() if k not in refused}))
    for binding_id, why in refused.items():
        problems.append(f'keymap: {binding_id} = "{usable.pop(binding_id)}" refused: {why}')
    return usable, problems


def _quit_refusals(keymap: dict[str, str]) -> dict[str, str]:
    """The keymap entries to refuse because, with them, no key would quit; with why."""
    if _quit_keys(keymap):
        return {}
    defaults = _quit_keys({})
    refused = {}
    for binding_id, keys in keymap.items():
        new_keys = {k.strip() for k in keys.split(",")}
        if _moves_quit(binding_id) or new_keys & defaults:
            refused[binding_id] = (
                f"it would leave no key that quits; {' and '.join(sorted(defaults))} still quit"
            )
    return refused


def _shadowed(keymap: dict[str, str]) -> dict[str, str]:
    """App-wide bindings remapped only to keys the storylines screen or a widget answers
    first: they would never run there. With why."""
    from briefing.tui.app import BriefingApp

    app_ids = {b.id: b for _, b in BriefingApp._merge_bindings() if b.id}
    _, front = _maps(keymap)
    taken = {k for m in front for k, b in m}
    refused = {}
    for binding_id, keys in keymap.items():
        new_keys = {k.strip() for k in keys.split(",") if k.strip()}
        if binding_id in app_ids and new_keys <= taken:
            default = ", ".join(k for k, b in BriefingApp._merge_bindings() if b.id == binding_id)
            refused[binding_id] = (
                f"{_taken_note(new_keys)[2:-1]} on the storylines screen, so it would never "
                f"run there; {binding_id} stays on {default}"
            )
    return refused


def _moves_quit(binding_id: str) -> bool:
    from briefing.tui.app import BriefingApp

    return any(
        b.id == binding_id and b.action in _QUIT_ACTIONS for _, b in BriefingApp._merge_bindings()
    )


def _maps(keymap: dict[str, str]) -> tuple[BindingsMap, list[BindingsMap]]:
    """The app's bindings and those in front of them on the storylines screen (the screen
    itself and the reader's widgets), each with `keymap` applied."""
    from briefing.tui import widgets
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.main import MainScreen

    app = BriefingApp._merge_bindings()
    app.apply_keymap(keymap)
    front = [MainScreen._merge_bindings()] + [
        cls._merge_bindings()
        for cls in _owners()
        if cls.__module__.startswith(widgets.__name__ + ".")
    ]
    for bindings in front:
        bindings.apply_keymap(keymap)
    return app, front


def _quit_keys(keymap: dict[str, str]) -> set[str]:
    """The keys that quit from the storylines screen with `keymap` applied: bound to quit,
    and not taken first by the screen or a widget for something else."""
    app, front = _maps(keymap)
    # Only the reader's own quit bindings count: Textual's hidden ctrl+q (no id) is in no
    # footer or help screen, so a user would not know of it.
    quitting = {k for m in (app, *front) for k, b in m if b.action in _QUIT_ACTIONS and b.id}
    taken = {k for m in front for k, b in m if b.action not in _QUIT_ACTIONS}
    return quitting - taken


def _taken_note(keys: set[str]) -> str:
    """' (j already means "Down")' for the keys another binding answers first."""
    _, front = _maps({})
    meaning: dict[str, Binding] = {}
    for bindings in front:
        for key, binding in bindings:
            meaning.setdefault(key, binding)
    notes = [
        f'{key} already means "{meaning[key].description or meaning[key].action}"'
        for key in sorted(keys)
        if key in meaning
    ]
    return f" ({'; '.join(notes)})" if notes else ""
