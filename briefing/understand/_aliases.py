"""The alias table: data/aliases/*.toml, with the user's own aliases.toml and
given_names.toml (beside settings.toml) merged over it. Loaded by the callers of `analyse`,
which pass it in: nothing in the analyser reads the user's files on its own."""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from briefing.config import data_dir

KINDS = ("person", "organization", "country", "other")
USER_ALIASES = "aliases.toml"
USER_GIVEN_NAMES = "given_names.toml"


@dataclass(frozen=True)
class AliasTable:
    names: dict[str, tuple[str, str]]  # lower-case alias -> (canonical, kind)
    demonyms: dict[str, str]  # lower-case adjective -> canonical
    genders: dict[str, str] = field(default_factory=dict)  # lower-case given name -> "f" | "m"

    @cached_property
    def fingerprint(self) -> str:
        """A short digest of the table's content, the same in every process."""
        content: dict[str, object] = {
            "names": sorted(self.names.items()),
            "demonyms": sorted(self.demonyms.items()),
            "genders": sorted(self.genders.items()),
        }
        raw = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]

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


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _documents(texts: Iterable[str | None]) -> Iterator[dict[str, Any]]:
    """The TOML documents among the texts; missing and broken ones are skipped."""
    for text in texts:
        if text is None:
            continue
        try:
            yield tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            continue


def load_aliases(*paths: Path) -> AliasTable:
    """Read alias files in order; later files override earlier ones. Bad files are skipped."""
    return _alias_names(_read(path) for path in paths)


def _alias_names(texts: Iterable[str | None]) -> AliasTable:
    names: dict[str, tuple[str, str]] = {}
    dem: dict[str, str] = {}
    for raw in _documents(texts):
        _merge(raw, names, dem)
    return AliasTable(names, dem)


def load_given_names(*paths: Path) -> dict[str, str]:
    """Given names with the pronoun their bearers get; a name in both lists counts as neither."""
    return _given_names(_read(path) for path in paths)


def _given_names(texts: Iterable[str | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    both: set[str] = set()
    for raw in _documents(texts):
        for key, gender in (("female", "f"), ("male", "m")):
            for name in raw.get(key, []) or []:
                if isinstance(name, str) and name.strip():
                    low = name.strip().lower()
                    if out.get(low, gender) != gender:
                        both.add(low)
                    out[low] = gender
    return {k: v for k, v in out.items() if k not in both}


def _table(aliases: Iterable[str | None], given_names: Iterable[str | None]) -> AliasTable:
    table = _alias_names(aliases)
    return AliasTable(table.names, table.demonyms, _given_names(given_names))


def _bundled_texts() -> tuple[str | None, str | None]:
    bundled = data_dir() / "aliases"
    return _read(bundled / "aliases.toml"), _read(bundled / "given_names.toml")


@cache
def bundled_alias_table() -> AliasTable:
    """The table that comes with briefing, without the user's files."""
    aliases, given_names = _bundled_texts()
    return _table([aliases], [given_names])


def load_alias_table(user_dir: Path | None) -> AliasTable:
    """The bundled table with the user's aliases.toml and given_names.toml from user_dir (the
    folder of settings.toml) merged over it; the bundled table itself when there are none.

    Parsed once per process, and again only when the user's files change."""
    if user_dir is None:
        return bundled_alias_table()
    aliases, given_names = _read(user_dir / USER_ALIASES), _read(user_dir / USER_GIVEN_NAMES)
    if aliases is None and given_names is None:
        return bundled_alias_table()
    return _with_user_files(aliases, given_names)


@lru_cache(maxsize=4)
def _with_user_files(aliases: str | None, given_names: str | None) -> AliasTable:
    # keyed by the user's files' text: an edit, however quick, is read again
    bundled_aliases, bundled_given_names = _bundled_texts()
    return _table([bundled_aliases, aliases], [bundled_given_names, given_names])
