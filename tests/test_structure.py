"""The package's shape (issue 20): one folder a stage, imports pointing one way, MkDocs behind one
seam, and modules and functions small enough to read whole. Read from the source, not imported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.sites import ROOT

PACKAGE = ROOT / "commonmap"
# The stages in the order data flows; a module may import from its own stage and earlier ones.
# The top (plugin.py, mkdocs_*.py, cli.py, serve.py, generators.py) may import from every stage.
STAGES = ["base", "records", "site", "search", "export", "map", "contribute", ""]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def stage_of(module: str) -> str:
    """'commonmap.records.model' -> 'records'; a top-level module -> ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES) else ""


def name_of(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST) -> list[str]:
    """Every module named by an import anywhere in the file (also inside functions)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            if node.module == "commonmap" or node.module.removeprefix("commonmap.") in STAGES:
                found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def test_the_stage_folders_exist_and_the_top_is_small() -> None:
    assert {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()} >= set(STAGES) - {""}
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert top == [
        "__init__.py",
        "cli.py",
        "generators.py",
        "mkdocs_files.py",
        "mkdocs_pages.py",
        "mkdocs_preview.py",
        "plugin.py",
        "serve.py",
    ]


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path) -> None:
    own = STAGES.index(stage_of(name_of(path)))
    later = [
        name
        for name in imported(ast.parse(path.read_text(encoding="utf-8")))
        if name.startswith("commonmap.") and STAGES.index(stage_of(name)) > own
    ]
    assert later == [], f"{path.relative_to(ROOT)} imports from a later stage"


def test_only_the_adapter_imports_mkdocs() -> None:
    engine = ("mkdocs", "material")
    found = sorted(
        str(path.relative_to(ROOT))
        for path in modules()
        if any(name.split(".")[0] in engine for name in imported(ast.parse(path.read_text(encoding="utf-8"))))
    )
    assert found == ["commonmap/plugin.py"]


def test_the_checks_see_what_they_should() -> None:
    """The import reader finds a lazy import and names a stage; a broken reader would pass everything."""
    tree = ast.parse("def f():\n    import mkdocs.config\n    from commonmap.site import pages\n")
    assert imported(tree) == ["mkdocs.config", "commonmap.site", "commonmap.site.pages"]
    assert [stage_of(n) for n in ("commonmap.records.model", "commonmap.cli", "commonmap.map")] == [
        "records",
        "",
        "map",
    ]


def test_no_module_is_too_long() -> None:
    long = {
        str(path.relative_to(ROOT)): count
        for path in modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_is_too_long() -> None:
    long = {}
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"] = length
    assert long == {}


def test_no_test_imports_the_benchmarks() -> None:
    """Benchmarks may use the tests' helpers (tests/support/); the tests never depend on a benchmark."""

    def benchmarks_named(tree: ast.AST) -> list[str]:
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        return [name for name in names if name == "benchmarks" or name.startswith("benchmarks.")]

    found = {
        str(path.relative_to(ROOT)): names
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if (names := benchmarks_named(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}
