"""Actors: canonical names, aliases from the table (and the user's own file), roles."""

from __future__ import annotations

from pathlib import Path

from briefing.config import data_dir
from briefing.understand import Actor, analyse
from briefing.understand._aliases import bundled_alias_table, load_aliases


def actors(text: str, **kw: object) -> dict[str, Actor]:
    return {a.name: a for a in analyse(text, "2026-11-25", **kw).actors}  # type: ignore[arg-type]


def test_capitals_and_seats_of_government_are_countries() -> None:
    found = actors(
        "The Kremlin rejected the plan. Kyiv asked for more time, and the White House said "
        "Washington would wait. Moscow did not answer."
    )
    assert found["Russia"].kind == "country"
    assert {"Kremlin", "Moscow"} <= set(found["Russia"].aliases)
    assert "Kyiv" in found["Ukraine"].aliases
    assert found["United States"].kind == "country"


def test_fullest_name_form_and_title() -> None:
    found = actors(
        "President of the United States Donald Trump spoke on Monday. Trump said little."
    )
    assert "Trump" not in found
    trump = found["Donald Trump"]
    assert trump.kind == "person"
    assert trump.mentions == 2
    assert "President of the United States" in trump.roles


def test_roles_from_appositions() -> None:
    found = actors("Dmitry Peskov, the Kremlin spokesman, spoke to reporters.")
    assert "Kremlin spokesman" in found["Dmitry Peskov"].roles


def test_demonym_with_a_group_noun_is_the_country() -> None:
    assert "Russia" in actors("Russian officials declined to comment on the talks.")


def test_a_city_named_only_as_a_place_is_no_actor() -> None:
    found = actors("Steve Witkoff met the delegation in Geneva on Monday.")
    assert set(found) == {"Steve Witkoff"}


def test_organisations() -> None:
    found = actors("The European Dockworkers Alliance said the strike would go on.")
    assert found["European Dockworkers Alliance"].kind == "organization"


def test_the_alias_table_is_bundled_data() -> None:
    assert (data_dir() / "aliases" / "aliases.toml").is_file()
    table = bundled_alias_table()
    assert table.lookup("the Kremlin") == ("Russia", "country")
    assert table.lookup("Kyiv") == ("Ukraine", "country")


def test_a_user_file_extends_and_overrides_the_table(tmp_path: Path) -> None:
    user = tmp_path / "aliases.toml"
    user.write_text(
        '["Lindmark"]\nkind = "country"\naliases = ["Tarnby"]\ndemonyms = ["Lindish"]\n',
        encoding="utf-8",
    )
    table = load_aliases(data_dir() / "aliases" / "aliases.toml", user)
    assert table.lookup("Tarnby") == ("Lindmark", "country")
    assert table.lookup("Moscow") == ("Russia", "country")
    found = actors("Tarnby said no to the pact.", aliases=table)
    assert found["Lindmark"].kind == "country"


def test_a_broken_user_file_is_ignored(tmp_path: Path) -> None:
    bad = tmp_path / "aliases.toml"
    bad.write_text("this is [not toml", encoding="utf-8")
    table = load_aliases(data_dir() / "aliases" / "aliases.toml", bad)
    assert table.lookup("Kyiv") == ("Ukraine", "country")


def test_user_alias_file_sits_beside_the_settings(monkeypatch: object, tmp_path: Path) -> None:
    import pytest

    from briefing.config import settings_path
    from briefing.understand import load_alias_table

    (tmp_path / "aliases.toml").write_text('["Lindmark"]\naliases = ["Tarnby"]\n', "utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("BRIEFING_SETTINGS", str(tmp_path / "settings.toml"))
    try:
        assert load_alias_table(settings_path().parent).lookup("Tarnby") == ("Lindmark", "other")
    finally:
        mp.undo()


def test_a_lone_name_that_speaks_is_a_person() -> None:
    found = actors('"We will not move," Kowalczyk said.')
    assert found["Kowalczyk"].kind == "person"


def test_streets_and_newspapers_are_not_actors() -> None:
    found = actors(
        "Works on Old Market Street stopped, according to a copy seen by The Meridian Post. "
        "Elena Brandt said the city would pay."
    )
    assert set(found) == {"Elena Brandt"}


def test_given_names_files_merge_and_conflicts_cancel(tmp_path: Path) -> None:
    from briefing.understand._aliases import load_given_names

    user = tmp_path / "given_names.toml"
    user.write_text('female = ["Sanne", "Kim"]\nmale = ["Kim"]\n', encoding="utf-8")
    names = load_given_names(data_dir() / "aliases" / "given_names.toml", user)
    assert names["sanne"] == "f"
    assert names["friedrich"] == "m"
    assert "kim" not in names


def test_the_dutch_government_is_the_netherlands() -> None:
    assert "Netherlands" in actors("The Dutch government appointed a mediator on Monday.")


def test_a_person_of_a_place_is_the_person() -> None:
    found = actors(
        "Stacy Berg of Torvik met officials of the Bank of England and the Royal Society "
        "of Chemistry on Monday."
    )
    assert "Stacy Berg" in found
    assert "Stacy Berg of Torvik" not in found
    assert "Bank of England" in found


def test_multi_word_speakers_keep_their_whole_phrase() -> None:
    text = (
        "Patients' groups said the clinic queues were growing. "
        "Fishmongers in Tarrow said rents had doubled. "
        "Officials in Moscow said the talks were useful."
    )
    quotes = analyse(text, "2026-11-25").quotes
    assert [q.speaker for q in quotes] == ["Patients' groups", "Fishmongers in Tarrow", "Russia"]


def test_an_organisation_name_with_of_the_is_one_name() -> None:
    text = "The Northern Institute for the Study of the Tides said the surge would pass."
    found = analyse(text, "2026-11-25")
    assert [a.name for a in found.actors] == ["Northern Institute for the Study of the Tides"]
    assert found.quotes[0].speaker == "Northern Institute for the Study of the Tides"


def test_a_person_of_a_group_is_two_actors() -> None:
    found = analyse('"The fen must stay," said Maja Lorne of Save Eskby Fen.', "2026-11-25")
    assert {(a.name, a.kind) for a in found.actors} == {
        ("Maja Lorne", "person"),
        ("Save Eskby Fen", "organization"),
    }
    assert found.quotes[0].speaker == "Maja Lorne"


def names(text: str) -> set[tuple[str, str]]:
    return {(a.name, a.kind) for a in analyse(text, "2026-11-25").actors}


def test_a_country_only_as_object_or_owner_is_still_an_actor() -> None:
    assert names("Norway accused Iceland of dumping herring.") == {
        ("Norway", "country"),
        ("Iceland", "country"),
    }
    # an invented state known only by what it owns
    assert ("Varossa", "country") in names("Varossa's army crossed the border at dawn.")


def test_a_country_inside_an_organisations_name_is_not_its_alias() -> None:
    found = analyse(
        "The Central Bank of Varossa raised rates. Varossa's finance minister Ilse Kant "
        "welcomed it. The Bank said prices were calm.",
        "2026-11-25",
    )
    by_name = {a.name: a for a in found.actors}
    assert by_name["Central Bank of Varossa"].aliases == ("Bank",)
    assert by_name["Varossa"].kind == "country"
    assert found.quotes[0].speaker == "Central Bank of Varossa"


def test_a_meeting_place_is_no_actor_but_officials_there_are() -> None:
    assert names("Negotiators met for talks in London on Tuesday.") == set()
    assert ("Iceland", "country") in names("Officials in Reykjavik said the quota was unfair.")


def _sides(text: str) -> dict[str, str | None]:
    return {a.name: a.affiliation for a in analyse(text, "2026-01-01").actors}


def test_a_role_ties_a_person_to_the_country_or_body_they_speak_for() -> None:
    sides = _sides(
        "Kremlin spokesman Oleg Markov said on Monday that the convoy would wait. Ukrainian "
        "President Ivan Dorosh said his country would not give way. Anna Lind, the Swedish "
        "foreign minister, said Stockholm would send observers."
    )
    assert sides["Oleg Markov"] == "Russia"  # the Kremlin is Russia's (the alias table)
    assert sides["Ivan Dorosh"] == "Ukraine"
    assert sides["Anna Lind"] == "Sweden"
    assert sides.get("Russia") is None  # a side speaks for itself


def test_an_aide_follows_the_person_a_nationality_describes() -> None:
    sides = _sides(
        "Sergei Volkov met the envoy on Tuesday. Lev Orlov, Volkov's foreign policy adviser, "
        "said afterwards that the Russian president wanted guarantees."
    )
    assert sides == {"Sergei Volkov": "Russia", "Lev Orlov": "Russia"}


def test_a_description_followed_by_its_name_ties_no_one_else() -> None:
    sides = _sides(
        "Friedrich Merz wants a deal; the French president, Emmanuel Macron, said on Wednesday"
        " that Paris would wait."
    )
    assert sides["Emmanuel Macron"] == "France" and sides["Friedrich Merz"] is None


def test_a_state_body_speaks_for_its_country() -> None:
    assert _sides("The Turkish Foreign Ministry said the talks would open in Istanbul.") == {
        "Turkish Foreign Ministry": "Turkey"
    }
    # a country named in two words: its two-word adjective, not the first word alone
    assert _sides("The South African Foreign Ministry said the envoy would stay home.") == {
        "South African Foreign Ministry": "South Africa"
    }


def test_a_surname_that_is_also_a_places_word_opens_a_persons_name() -> None:
    from briefing.understand import analyse

    text = (
        "Park Ji-won, a spokesman for the governor, said the harbour would reopen. "
        "He added that the ferries had been checked. Later the crowd walked to Hyde Park."
    )
    found = analyse(text, "2026-11-25")
    kinds = {a.name: a.kind for a in found.actors}
    assert kinds.get("Park Ji-won") == "person"
    assert "Hyde Park" not in kinds or kinds["Hyde Park"] == "other"
    assert [q.speaker for q in found.quotes] == ["Park Ji-won", "Park Ji-won"]
