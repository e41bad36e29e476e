"""The storyline layer's public names: few, sorted, all there, and no Textual."""

import ast
from pathlib import Path

import briefing
import briefing.storylines as storylines


def test_all_is_sorted_and_importable() -> None:
    assert storylines.__all__ == sorted(storylines.__all__)
    for name in storylines.__all__:
        assert getattr(storylines, name) is not None
    for needed in ("list_storylines", "build_briefing", "mark_opened", "Briefing"):
        assert needed in storylines.__all__
    # What the digest places articles with.
    for needed in ("ArticleToPlace", "PlacementCounts", "StorylinePlacer"):
        assert needed in storylines.__all__
    assert callable(storylines.StorylinePlacer.place_batch)


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    """Every module a statement may import (`from a import b` may import `a.b`)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    module = node.module or ""
    return [module] + [f"{module}.{a.name}" for a in node.names]


def test_no_module_outside_the_package_imports_its_private_modules() -> None:
    package = Path(briefing.__file__).parent
    offenders = []
    for path in sorted(package.rglob("*.py")):
        if path.is_relative_to(package / "storylines"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            if any(name.startswith("briefing.storylines._") for name in _imported(node)):
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    assert offenders == []
