"""The alias table is an explicit input of the analyser and part of its version."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.digest import digest
from briefing.store import open_library
from briefing.store.analysis import count_pending
from briefing.understand import (
    ANALYSER_VERSION,
    AliasTable,
    analyse,
    analyser_version,
    load_alias_table,
)
from tests.storylines.conftest import Shelf

LINDMARK = '["Lindmark"]\nkind = "country"\naliases = ["Tarnby"]\n'
TEXT = '"We will not sign," Tarnby said on Monday. Kim Voss met Lars Holm. She said no.'


def _actors(text: str, table: AliasTable) -> set[str]:
    return {a.name for a in analyse(text, "2026-11-25", aliases=table).actors}


def test_without_user_files_the_version_is_the_analysers(tmp_path: Path) -> None:
    assert analyser_version(load_alias_table(None)) == ANALYSER_VERSION
    assert analyser_version(load_alias_table(tmp_path)) == ANALYSER_VERSION
    (tmp_path / "aliases.toml").write_text("# nothing yet\n", encoding="utf-8")
    assert analyser_version(load_alias_table(tmp_path)) == ANALYSER_VERSION


def test_editing_the_user_alias_file_changes_the_version(tmp_path: Path) -> None:
    user = tmp_path / "aliases.toml"
    user.write_text(LINDMARK, encoding="utf-8")
    first = analyser_version(load_alias_table(tmp_path))
    assert first.startswith(ANALYSER_VERSION) and first != ANALYSER_VERSION
    assert analyser_version(load_alias_table(tmp_path)) == first, "stable while unchanged"
    user.write_text(LINDMARK.replace("Tarnby", "Tarnbu"), encoding="utf-8")  # same size
    second = analyser_version(load_alias_table(tmp_path))
    assert second not in (first, ANALYSER_VERSION)
    names = tmp_path / "given_names.toml"
    names.write_text('male = ["Kim"]\n', encoding="utf-8")
    assert analyser_version(load_alias_table(tmp_path)) not in (first, second)


def test_an_edited_alias_file_marks_the_library_pending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.tui import data

    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("BRIEFING_SETTINGS", str(config / "settings.toml"))
    with open_library(tmp_path / "library.db") as library:
        Shelf(library).add(
            [{"id": "a1", "title": "Tarnby", "text": TEXT, "published": "2026-11-25"}]
        )
        assert data.analysis_pending(library)
        assert digest(library).analysed == 1
        assert not data.analysis_pending(library)
        (config / "aliases.toml").write_text(LINDMARK, encoding="utf-8")
        assert data.analysis_pending(library), "the user's edit has the library analysed again"
        version = analyser_version(load_alias_table(config))
        assert count_pending(library, version) == 1
        assert digest(library).analysed == 1
        assert count_pending(library, version) == 0
        assert not data.analysis_pending(library)
        stored = library.db.execute("SELECT DISTINCT analysed_version FROM articles").fetchall()
        assert stored == [(version,)]


def test_analyse_uses_only_the_table_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A user file beside the settings that analyse must not read on its own.
    (tmp_path / "aliases.toml").write_text(LINDMARK, encoding="utf-8")
    (tmp_path / "given_names.toml").write_text('male = ["Kim"]\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFING_SETTINGS", str(tmp_path / "settings.toml"))
    bundled = load_alias_table(None)
    assert "Lindmark" not in _actors(TEXT, bundled)
    assert "Lindmark" not in {a.name for a in analyse(TEXT, "2026-11-25").actors}
    user = load_alias_table(tmp_path)
    assert "Lindmark" in _actors(TEXT, user)
    # the given names come from the table too: "she" is no longer Kim Voss
    she = [q.speaker for q in analyse(TEXT, "2026-11-25", aliases=bundled).quotes]
    assert she[-1] == "Kim Voss"
    other = [q.speaker for q in analyse(TEXT, "2026-11-25", aliases=user).quotes]
    assert other[-1] != "Kim Voss"
