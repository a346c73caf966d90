"""Benchmark: the peak memory of the project's full build at 30,000 synthetic records (issue 24:
at most 20 KB per record), beside its time.
    python -m benchmarks.memory_30k [--count N]
"""

from __future__ import annotations

import argparse

from benchmarks.measure import mkdocs
from benchmarks.site_10k import OUT, project


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=30_000)
    args = parser.parse_args()
    wall, cpu, peak = mkdocs(project(args.count), OUT / "project-site")
    per_record = peak * 1024 / args.count
    print(f"gemensam karta, {args.count} records: {wall:.1f} s ({cpu:.1f} s CPU), peak {peak:.0f} MB")
    print(f"memory per record: {per_record:.1f} KB (target <= 20 KB)")


if __name__ == "__main__":
    main()
