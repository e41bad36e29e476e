"""The storyline layer's public names: few, sorted, all there, and no Textual."""

import briefing.storylines as storylines


def test_all_is_sorted_and_importable() -> None:
    assert storylines.__all__ == sorted(storylines.__all__)
    for name in storylines.__all__:
        assert getattr(storylines, name) is not None
    for needed in ("list_storylines", "build_briefing", "mark_opened", "Briefing"):
        assert needed in storylines.__all__
