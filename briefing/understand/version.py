"""The analyser's version, in a module of its own so that checking it loads nothing else
(the alias table's loader only, and only when the version with a table is asked for)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.understand._aliases import AliasTable

ANALYSER_VERSION = "37"  # bump whenever the records for the same text change


def analyser_version(table: AliasTable) -> str:
    """The version stored with the records analysed with this alias table.

    The bundled table ships with the code, so ANALYSER_VERSION covers it; a table that differs
    from it (the user's aliases.toml or given_names.toml) adds a fingerprint of its content,
    so that editing those files has the library analysed again."""
    from briefing.understand._aliases import bundled_alias_table

    bundled = bundled_alias_table()
    if table is bundled or table.fingerprint == bundled.fingerprint:
        return ANALYSER_VERSION
    return f"{ANALYSER_VERSION}+{table.fingerprint}"
