"""Tiny directories built from tests/fixtures/minimal plus the files a test adds, record files
written by the project's one rule, and validation as the tests compare it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import yaml

from commonmap.records.loaded import plain_kind
from commonmap.records.problems import Problem
from commonmap.records.validate import read_directory

TESTS = Path(__file__).parent.parent
MINIMAL = TESTS / "fixtures" / "minimal"
# The day the suite runs on: tests/conftest.py pins the one clock (commonmap/base/clock.py) to it.
TODAY = date(2026, 12, 1)


def minimal_with(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """A copy of the minimal valid directory at `root` with `files` added: {"organisations/x.yml": text or bytes}."""
    shutil.copytree(MINIMAL, root)
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


class RuleDumper(yaml.SafeDumper):
    """PyYAML's writer, quoting also what YAML 1.2 readers would type (0o7, 1e5) and the times it
    leaves bare (09:00, 0:30): the project's one rule for unquoted values (loaded.PLAIN_KINDS)."""


RuleDumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style='"' if plain_kind(value) else None
    ),
)


def dump_yaml(data: object) -> str:
    """Data as a record file is written: block YAML by the one rule for unquoted values."""
    return yaml.dump(data, Dumper=RuleDumper, allow_unicode=True, sort_keys=False)


def problem_keys(problems: list[Problem]) -> list[tuple[str, int, str]]:
    """Problems as (file name, line, code), the form tests compare."""
    return [(Path(p.file).name, p.line, p.code) for p in problems]


def validate(root: Path) -> list[Problem]:
    return read_directory(root, today=TODAY)[1]
