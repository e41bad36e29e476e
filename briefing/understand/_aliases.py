"""The alias table: data/aliases/aliases.toml merged with the user's own aliases.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefing.config import data_dir, settings_path

KINDS = ("person", "organization", "country", "other")


def user_aliases_path() -> Path:
    """The user's alias file: aliases.toml beside settings.toml."""
    return settings_path().parent / "aliases.toml"


@dataclass(frozen=True)
class AliasTable:
    names: dict[str, tuple[str, str]]  # lower-case alias -> (canonical, kind)
    demonyms: dict[str, str]  # lower-case adjective -> canonical
    genders: dict[str, str] = field(default_factory=dict)  # lower-case given name -> "f" | "m"

    def lookup(self, name: str) -> tuple[str, str] | None:
        key = name.lower().strip()
        hit = self.names.get(key)
        if hit is None and key.startswith("the "):
            hit = self.names.get(key[4:])
        return hit


def _merge(raw: dict[str, object], names: dict[str, tuple[str, str]], dem: dict[str, str]) -> None:
    for canonical, entry in raw.items():
        if not isinstance(entry, dict):
            continue
        kind = entry.get("kind", "other")
        kind = kind if kind in KINDS else "other"
        names[canonical.lower()] = (canonical, kind)
        for alias in entry.get("aliases", []) or []:
            if isinstance(alias, str) and alias.strip():
                names[alias.lower().strip()] = (canonical, kind)
        for adj in entry.get("demonyms", []) or []:
            if isinstance(adj, str) and adj.strip():
                dem[adj.lower().strip()] = canonical


def load_aliases(*paths: Path) -> AliasTable:
    """Read alias files in order; later files override earlier ones. Bad files are skipped."""
    names: dict[str, tuple[str, str]] = {}
    dem: dict[str, str] = {}
    for path in paths:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        _merge(raw, names, dem)
    return AliasTable(names, dem)


def load_given_names(*paths: Path) -> dict[str, str]:
    """Given names with the pronoun their bearers get; a name in both lists counts as neither."""
    out: dict[str, str] = {}
    both: set[str] = set()
    for path in paths:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        for key, gender in (("female", "f"), ("male", "m")):
            for name in raw.get(key, []) or []:
                if isinstance(name, str) and name.strip():
                    low = name.strip().lower()
                    if out.get(low, gender) != gender:
                        both.add(low)
                    out[low] = gender
    return {k: v for k, v in out.items() if k not in both}


@lru_cache(maxsize=1)
def default_aliases() -> AliasTable:
    """The bundled table with the user's file merged over it."""
    table = load_aliases(data_dir() / "aliases" / "aliases.toml", user_aliases_path())
    genders = load_given_names(
        data_dir() / "aliases" / "given_names.toml",
        user_aliases_path().with_name("given_names.toml"),
    )
    return AliasTable(table.names, table.demonyms, genders)
