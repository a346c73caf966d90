"""Shared helpers: tiny directories built from tests/fixtures/minimal plus the files a test adds."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from commonmap.problems import Problem
from commonmap.validate import read_directory

TESTS = Path(__file__).parent
ROOT = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
TODAY = date(2026, 11, 23)


@pytest.fixture
def make_directory(tmp_path: Path):
    """Copy the minimal valid directory and add files: {"organisations/x.yml": text or bytes}."""

    def make(files: dict[str, str | bytes] | None = None) -> Path:
        root = tmp_path / "directory"
        shutil.copytree(MINIMAL, root)
        for name, content in (files or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


def problem_keys(problems: list[Problem]) -> list[tuple[str, int, str]]:
    """Problems as (file name, line, code), the form tests compare."""
    return [(Path(p.file).name, p.line, p.code) for p in problems]


def validate(root: Path) -> list[Problem]:
    return read_directory(root, today=TODAY)[1]
