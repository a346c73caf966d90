"""The lock (requirements.lock, made by `make lock`) and pyproject.toml agree: every dependency the
project declares, with its extras and the build group, is pinned, and at a version the declared
range admits, so the lower bounds in pyproject.toml stay honest."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.support.sites import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;\\]+)", re.M)


def locked() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {canonicalize_name(name): version for name, _, version in PIN.findall(text)}


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    groups = [*project["project"]["dependencies"]]
    groups += [item for extra in project["project"].get("optional-dependencies", {}).values() for item in extra]
    groups += [item for group in project.get("dependency-groups", {}).values() for item in group]
    return [Requirement(item) for item in groups]


def test_every_declared_dependency_is_locked_within_its_range() -> None:
    pins = locked()
    problems = []
    for requirement in declared():
        version = pins.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name}: not in requirements.lock (run make lock)")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}: locked {version}, pyproject.toml asks {requirement.specifier}")
    assert problems == []


def test_every_pin_has_hashes() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [block.split()[0] for block in blocks if "==" in block and "--hash=sha256:" not in block]
    assert locked() and unhashed == []


def test_the_lock_records_the_command_make_lock_runs() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for flag in ("--all-extras", "--group build", "--generate-hashes", "--universal"):
        assert flag in text.splitlines()[1] and flag in makefile
