"""Benchmark: `commonmap validate` on a synthetic directory of 10,000 records.

Prints wall time and the peak memory of the validating process. Target (issue 2): at most 3 s
and under 500 MB on the project's 2-core machine.
    python -m benchmarks.validate_10k [--count N]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time

from benchmarks.synthetic import ROOT, generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    directory = generate(ROOT / "benchmarks" / "out" / "directory", args.count)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "commonmap.cli", "validate", str(directory)], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    print(result.stdout.splitlines()[-1] if result.stdout else result.stderr[-2000:])
    # CPU time too: on a shared machine it shows whether a slow wall time was the machine's load.
    print(
        f"validate {args.count} records: {elapsed:.2f} s wall, {cpu:.2f} s CPU, peak RSS {peak_mb:.0f} MB,"
        f" exit {result.returncode}"
    )


if __name__ == "__main__":
    main()
