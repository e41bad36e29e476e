"""The layers below the TUI never import Textual, and the code stays lint- and type-clean."""

import ast
import importlib
import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOWER_LAYERS = ["briefing.store", "briefing.ingest", "briefing.understand", "briefing.storylines"]
PACKAGES = [*LOWER_LAYERS, "briefing.tui", "briefing.cli"]


@pytest.mark.parametrize("module", LOWER_LAYERS)
def test_lower_layer_does_not_import_textual(module: str) -> None:
    code = f"import sys, pkgutil, importlib, {module} as m\n" + (
        "for info in pkgutil.walk_packages(m.__path__, m.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "assert 'textual' not in sys.modules, sorted(k for k in sys.modules if 'textual' in k)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    for args in (["check", "briefing", "tests", "bench"], ["format", "--check", "briefing"]):
        result = subprocess.run([_tool("ruff"), *args], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _private_modules(package: str) -> set[str]:
    module = importlib.import_module(package)
    return {
        f"{package}.{info.name}"
        for info in pkgutil.iter_modules(module.__path__)
        if info.name.startswith("_") and not info.name.startswith("__")
    }


@pytest.mark.parametrize("package", PACKAGES)
def test_every_private_module_is_in_its_package_contract(package: str) -> None:
    """A private module added later is covered by the import contract, not silently public."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    protected = {
        module
        for contract in contracts["contracts"]
        if contract["type"] == "forbidden" and package not in contract["source_modules"]
        for module in contract["forbidden_modules"]
        if module.startswith(package + ".")
    }
    assert _private_modules(package) <= protected, sorted(_private_modules(package) - protected)


def _functions() -> list[tuple[str, int]]:
    found = []
    for path in sorted((ROOT / "briefing").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{path.relative_to(ROOT)}:{node.name}"
                found.append((name, (node.end_lineno or node.lineno) - node.lineno + 1))
    return found


def test_no_function_is_longer_than_a_screen() -> None:
    long = [(name, lines) for name, lines in _functions() if lines > 80]
    assert not long, long


def test_few_functions_are_complex() -> None:
    """At most 12 functions above cyclomatic complexity 10 (ruff enforces none above 20)."""
    result = subprocess.run(
        [_tool("ruff"), "check", "briefing", "--select", "C901", "--output-format", "concise",
         "--config", "lint.mccabe.max-complexity = 10"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    complex_ = [line for line in result.stdout.splitlines() if "C901" in line]
    assert len(complex_) <= 12, "\n".join(complex_)
