"""The command line in its own process, as a user runs it; `commonmap validate` held to the bounds
of the trust tests: its exit code, its whole output, and the CPU time and peak memory it took."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

SECONDS, MEGABYTES = 5.0, 500
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# What no line of output may hold: control characters (but the line break), bidirectional
# controls and zero-width characters, which could disguise or break an annotation.
UNSAFE_OUTPUT = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2028\u2029\ufeff]")
LINE_MAX = 1_200  # a problem line: location, message and hint with short excerpts


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float  # CPU time: the machine running the tests is shared
    megabytes: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def problems(self, name: str) -> list[tuple[int, str]]:
        """(line, severity) of each problem of the file `name` (its path ends so)."""
        pattern = re.compile(rf"^(\S*{re.escape(name)}):(\d+):(\d+): (error|warning): ", re.M)
        return [(int(m.group(2)), m.group(4)) for m in pattern.finditer(self.stdout)]

    def assert_bounded(self) -> None:
        assert self.seconds < SECONDS, self.seconds
        assert self.megabytes < MEGABYTES, self.megabytes
        assert "Traceback" not in self.output, self.output[-3000:]
        for line in self.output.splitlines():
            assert len(line) <= LINE_MAX, line[:200]
            assert not UNSAFE_OUTPUT.search(line), line[:200]


def cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`commonmap ARGS` run to its end (`env` added to the environment): its exit code and output as text."""
    command = [sys.executable, "-m", "commonmap.cli", *args]
    environment = {**os.environ, **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=environment, cwd=cwd)


def validate(root: Path, *options: str) -> Run:
    """Runs it as a user would; a run that hangs (a FIFO read) is killed and fails the test."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "commonmap.cli", "validate", *options, str(root)],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=ENV,
            cwd=root.parent,
        )
        watchdog = threading.Timer(6 * SECONDS, process.kill)
        watchdog.start()
        stdout = process.stdout.read() if process.stdout else b""
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        hung = not watchdog.is_alive()
        watchdog.cancel()
        errors.seek(0)
        stderr = errors.read()
    assert not hung, "validate hung and was killed"
    seconds = usage.ru_utime + usage.ru_stime
    return Run(process.returncode, stdout.decode("utf-8"), stderr.decode("utf-8"), seconds, usage.ru_maxrss / 1024)
