"""One clock: every "today" comes from commonmap/base/clock.py, which a test or a user can set."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from commonmap.base import clock
from tests.support.directories import TODAY
from tests.support.processes import cli as run
from tests.support.sites import ROOT

COMMAND = [sys.executable, "-m", "commonmap.cli"]


def test_the_suite_runs_on_its_pinned_day() -> None:
    assert clock.today() == TODAY


def test_today_comes_from_the_environment_then_source_date_epoch(monkeypatch) -> None:
    monkeypatch.setenv(clock.ENV, "2031-05-17")
    assert clock.today() == date(2031, 5, 17)
    monkeypatch.delenv(clock.ENV)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01T00:00:00Z
    assert clock.today() == date(2030, 1, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert clock.today() == date.today()


def test_new_writes_the_clocks_day(tmp_path: Path) -> None:
    (tmp_path / "directory").mkdir()
    result = run("new", "place", "kvallscafe", "--today", "2027-03-04", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "last_reviewed: 2027-03-04" in (tmp_path / "directory/places/kvallscafe.yml").read_text(encoding="utf-8")
    run("new", "place", "morgoncafe", env={clock.ENV: "2028-01-02"}, cwd=tmp_path)
    assert "last_reviewed: 2028-01-02" in (tmp_path / "directory/places/morgoncafe.yml").read_text(encoding="utf-8")


def test_validate_and_stale_read_the_same_clock(make_directory) -> None:
    root = str(make_directory())
    assert "0 varningar" in run("validate", root).stdout
    later = run("validate", "--today", "2030-01-01", root)
    assert later.returncode == 0 and "4 varningar" in later.stdout and ": warning: " in later.stdout
    earlier = run("validate", "--today", "2020-01-01", root)
    assert earlier.returncode == 1 and "ligger i framtiden" in earlier.stdout
    assert "4 poster" in run("stale", "--today", "2030-01-01", root).stdout
    assert "Alla poster är granskade" in run("stale", root).stdout


def test_a_bad_day_is_a_usage_error() -> None:
    bad = run("validate", "--today", "2027-02-30")
    assert bad.returncode == 2 and "ÅÅÅÅ-MM-DD" in bad.stderr and "Traceback" not in bad.stderr
    bad_env = run("stale", env={clock.ENV: "i morgon"})
    assert bad_env.returncode == 2 and clock.ENV in bad_env.stderr and "Traceback" not in bad_env.stderr


def test_nothing_reads_the_system_date_but_the_clock() -> None:
    pattern = re.compile(r"\b(date\.today|datetime\.(now|today|utcnow)|time\.time)\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "commonmap").rglob("*.py"))
        if path.name != "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_a_closed_pipe_ends_quietly(make_directory) -> None:
    """`commonmap stale | head -1`: the reader goes away; no traceback, the shell's SIGPIPE code."""
    root = str(make_directory())
    for args in (
        ["stale", "--today", "2030-01-01", root],
        ["validate", "--today", "2030-01-01", root],
        ["new", "--list"],
    ):
        command = " ".join([*COMMAND, *args]) + " | head -c 1"
        result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=60)
        assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
        assert result.returncode in (0, 141)
