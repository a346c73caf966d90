"""Checking a large directory in helper processes finds exactly what one process finds."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from commonmap.base import parallel
from commonmap.records.validate import read_directory
from tests.support.directories import TODAY, problem_keys
from tests.support.synthetic import generate


def _pid(items: list[int]) -> list[int]:
    return [os.getpid() for _ in items]


def test_shares_are_mapped_by_helpers_in_order() -> None:
    items = list(range(2 * parallel.MIN_SHARE + 7))
    pids = parallel.map_shares(_pid, items, workers=2)
    assert len(pids) == len(items)
    assert len(set(pids)) == 2 and os.getpid() in pids  # this process and one helper
    assert pids[0::2] == [os.getpid()] * len(pids[0::2])  # dealt: this process has every other item
    assert parallel.map_shares(lambda share: [n * 2 for n in share], items, workers=2) == [n * 2 for n in items]
    assert parallel.map_shares(_pid, items[:10], workers=2) == [os.getpid()] * 10  # too few to fork for


def test_a_failed_helper_leaves_its_share_to_this_process() -> None:
    parent, items = os.getpid(), list(range(2 * parallel.MIN_SHARE))
    dies_in_helper = lambda share: os._exit(1) if os.getpid() != parent else [n + 1 for n in share]  # noqa: E731
    assert parallel.map_shares(dies_in_helper, items, workers=2) == [n + 1 for n in items]


def test_a_fork_that_fails_leaves_its_share_to_this_process(monkeypatch) -> None:
    items, fork, forks = list(range(3 * parallel.MIN_SHARE)), os.fork, []

    def second_fails() -> int:
        forks.append(1)
        if len(forks) == 2:
            raise OSError("Resource temporarily unavailable")
        return fork()

    monkeypatch.setattr(os, "fork", second_fails)
    open_before = len(os.listdir("/proc/self/fd"))
    assert parallel.map_shares(_pid, items, workers=3).count(os.getpid()) == 2 * parallel.MIN_SHARE
    assert len(os.listdir("/proc/self/fd")) == open_before  # no pipe left open


def test_an_interrupted_run_leaves_no_helper_behind(tmp_path: Path) -> None:
    parent, items, note = os.getpid(), list(range(2 * parallel.MIN_SHARE)), tmp_path / "helper"

    def interrupted(share: list[int]) -> list[int]:
        if os.getpid() != parent:  # a helper still at work when this process is interrupted
            (tmp_path / "writing").write_text(str(os.getpid()))
            (tmp_path / "writing").rename(note)  # whole, before this process reads it
            time.sleep(60)
        while not note.exists():
            time.sleep(0.01)
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        parallel.map_shares(interrupted, items, workers=2)
    assert time.monotonic() - started < 30  # the sleeping helper was stopped, not waited for
    with pytest.raises(ProcessLookupError):  # ended and reaped
        os.kill(int(note.read_text()), 0)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_helpers_find_what_one_process_finds(tmp_path: Path) -> None:
    root = generate(tmp_path / "directory", 2 * parallel.MIN_SHARE + 200)
    orgs, places = root / "organisations", root / "places"
    _edit(orgs / "org-5.yml", "last_reviewed: 2026-10-01", "last_reviewed: 2021-02-30")  # schema, in a helper
    _edit(orgs / "org-8.yml", "last_reviewed: 2026-10-01", "last_reviewed: 2024-01-01")  # stale
    (places / "org-7.yml").write_text(  # the same id as organisations/org-7.yml
        (places / "place-3.yml").read_text(encoding="utf-8").replace("id: place-3", "id: org-7"), encoding="utf-8"
    )
    _edit(root / "roles" / "role-3.yml", "organisation: org-3", "organisation: org-saknas")
    name = next(line for line in (orgs / "org-401.yml").read_text(encoding="utf-8").splitlines() if "name:" in line)
    _edit(
        orgs / "org-400.yml",
        next(line for line in (orgs / "org-400.yml").read_text().splitlines() if "name:" in line),
        name,
    )

    one, one_problems = read_directory(root, TODAY, workers=1)
    two, two_problems = read_directory(root, TODAY, workers=2)

    assert two_problems == one_problems
    assert two is not None and one is not None
    assert two.entries == one.entries
    assert len(two.entries) == 2 * parallel.MIN_SHARE + 200 - 1  # all but the record with the bad date
    found = {(name, code) for name, _, code in problem_keys(two_problems)}
    assert {
        ("org-5.yml", "impossible-date"),
        ("org-8.yml", "stale"),
        ("org-7.yml", "duplicate-id"),
        ("role-3.yml", "unknown-reference"),
        ("org-400.yml", "duplicate-name"),
        ("org-401.yml", "duplicate-name"),
    } <= found
    # Problems found across records point at the field's line, read again from the helper's file.
    lines = {(Path(p.file).name, p.code): p.line for p in two_problems}
    assert lines[("role-3.yml", "unknown-reference")] == _line_of(root / "roles" / "role-3.yml", "organisation:")
    assert lines[("org-400.yml", "duplicate-name")] == _line_of(orgs / "org-400.yml", "name:")


def _line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.lstrip().startswith(start))
