"""Benchmark: `commonmap validate` on a synthetic directory of 10,000 records.

Prints wall time, CPU time (with the helper processes) and the peak memory of the largest
process. Target (issue 2): at most 3 s and under 500 MB on the project's 2-core machine, where
libyaml alone parsed the 10,000 files in 1.7 s when the issue was written. Each run is paired
with that libyaml parse, timed right after it, so that a figure can be read against the
machine's speed of the moment (it drifts by half on this shared machine).
    python -m benchmarks.validate_10k [--count N] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from benchmarks.measure import machine_speed, run
from tests.support.synthetic import ROOT, generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1, help="run N times; print each and the fastest")
    args = parser.parse_args()
    directory = generate(ROOT / "benchmarks" / "out" / "directory", args.count)
    command = [sys.executable, "-m", "commonmap.cli", "validate", str(directory)]
    runs = []
    for _ in range(args.repeat):
        wall, cpu, peak = run(command)  # exit 0: every synthetic record is valid
        runs.append((wall, libyaml_parse(directory)))
        print(
            f"validate {args.count} records: {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {peak:.0f} MB;"
            f" libyaml parse alone {runs[-1][1]:.2f} s"
        )
    if args.repeat > 1:
        print(f"fastest: {min(runs)[0]:.2f} s")
    ratio = sorted(wall / parse for wall, parse in runs)[len(runs) // 2]
    print(f"validate / libyaml parse: {ratio:.2f} (median); at the issue's 1.7 s parse: {1.7 * ratio:.2f} s")
    print(f"machine speed: reference loop {machine_speed():.2f} s (benchmarks.measure.machine_speed)")


def libyaml_parse(directory: Path) -> float:
    """Seconds for libyaml's C loader to read every record file: the issue's reference figure."""
    started = time.perf_counter()
    for path in sorted(directory.glob("*/*.yml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
