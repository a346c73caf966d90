"""Benchmark: `commonmap validate` on a synthetic directory of 10,000 records.

Prints wall time, CPU time (with the helper processes) and the peak memory of the largest
process. Target (issue 2): at most 3 s and under 500 MB on the project's 2-core machine.
    python -m benchmarks.validate_10k [--count N] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys

from benchmarks.measure import machine_speed, run
from benchmarks.synthetic import ROOT, generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1, help="run N times; print each and the fastest")
    args = parser.parse_args()
    directory = generate(ROOT / "benchmarks" / "out" / "directory", args.count)
    command = [sys.executable, "-m", "commonmap.cli", "validate", str(directory)]
    runs = [run(command) for _ in range(args.repeat)]  # exit 0: every synthetic record is valid
    for wall, cpu, peak in runs:
        print(f"validate {args.count} records: {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {peak:.0f} MB")
    if args.repeat > 1:
        print(f"fastest: {min(runs)[0]:.2f} s")
    print(f"machine speed: reference loop {machine_speed():.2f} s (benchmarks.measure.machine_speed)")


if __name__ == "__main__":
    main()
