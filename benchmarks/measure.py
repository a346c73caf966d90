"""How the benchmarks time a command: each in its own process, for wall time, CPU time and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path


def run(command: list[str], cwd: Path | None = None, ok: tuple[int, ...] = (0,)) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one child process; exits if it fails.
    CPU time is kept beside wall time: on a shared machine it does not count waiting for a core.
    CPU time includes the child's own helper processes; the peak is that of the largest process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if os.waitstatus_to_exitcode(status) not in ok:
        sys.exit(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def mkdocs(config_dir: Path, site: Path) -> tuple[float, float, float]:
    return run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=config_dir)


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop, printed beside the figures: a shared machine's speed
    drifts (the same validate run took 2.9 s one hour and 4.3 s the next), so figures compare
    only when measured at similar loop times."""
    started = time.perf_counter()
    total = 0
    for number in range(20_000_000):
        total += number
    return time.perf_counter() - started
