"""All benchmarks at 10,000 synthetic records, in one run, as one table (`make bench`).

    python -m benchmarks.all [--count 10000]

Reuses the other benchmark scripts: validate (benchmarks.validate_10k's command), the site build
against a bare mkdocs-material build of as many plain pages in the same run (benchmarks.site_10k),
the map's data and its first markers in headless Chromium (benchmarks.map_10k), the finder's
first results and a filtered query, served gzipped as hosts do (benchmarks.finder_10k), and the
search: index size and time, a cold record page, the first query (benchmarks.search_10k). Each build
and validation runs in its own process; peak memory is that process's maximum resident set size.
On a shared machine wall times vary with the load; CPU times are printed beside them for that reason.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
from pathlib import Path

from benchmarks import finder_10k, map_10k, search_10k
from benchmarks.measure import machine_speed, mkdocs, run
from benchmarks.site_10k import OUT, bare, project
from tests.support.synthetic import generate

Row = tuple[str, str, str]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    n = args.count
    rows: list[Row] = []

    directory = generate(OUT / "directory", n)
    wall, cpu, peak = run([sys.executable, "-m", "commonmap.cli", "validate", str(directory)], ok=(0, 1))
    rows.append((f"validate {n} records", f"{wall:.2f} s (CPU {cpu:.2f} s)", f"{peak:.0f} MB"))

    bare_wall, bare_cpu, bare_peak = mkdocs(bare(n), OUT / "bare-site")
    wall, cpu, peak = mkdocs(project(n), OUT / "project-site")
    rows.append(
        (f"bare mkdocs-material, {n} pages", f"{bare_wall:.1f} s (CPU {bare_cpu:.1f} s)", f"{bare_peak:.0f} MB")
    )
    rows.append((f"site build, {n} records", f"{wall:.1f} s (CPU {cpu:.1f} s)", f"{peak:.0f} MB"))
    rows.append(("site build / bare (target <= 1.3x)", f"{wall / bare_wall:.2f}x wall, {cpu / bare_cpu:.2f}x CPU", ""))

    from commonmap.records.validate import read_directory

    loaded, _ = read_directory(directory)
    _, seconds = map_10k.timed(map_10k.paused(map_10k.data_and_page), loaded)
    rows.append(("map data and page (geography, coverage, markers; folium map)", f"{seconds:.2f} s", ""))
    with tempfile.TemporaryDirectory() as tmp:
        outputs, seconds = map_10k.timed(map_10k.paused(map_10k.mapview.outputs), loaded, map_10k.Settings(), repeat=1)
        map_10k.build_map.write(Path(tmp), outputs)
        rows.append(("all map outputs (build_map.py)", f"{seconds:.2f} s", ""))
        firsts = sorted(first for first, _ in map_10k.first_markers(Path(tmp)))
    rows.append(("map: first markers in Chromium (median of 3)", f"{firsts[1]:.2f} s", ""))

    first, query, _ = finder_10k.measure(OUT / "project-site")
    rows.append(
        ("finder: first results (served gzipped)", f"{first.seconds:.2f} s, {first.transferred / 1e3:.0f} KB", "")
    )
    rows.append(
        (
            "finder: filtered query (need + language)",
            f"{query.seconds * 1000:.0f} ms, {query.transferred / 1e3:.0f} KB",
            "",
        )
    )
    site = OUT / "project-site"
    for line in search_10k.index_figures(site, OUT / "directory") + search_10k.browser_figures(site, pagefind=False):
        rows.append((line.split(":")[0].strip(), line.split(":", 1)[1].strip(), ""))
    rows.append(
        (
            "this process (map data, browsers' driver)",
            "",
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
        )
    )
    print_table(rows, n)


def print_table(rows: list[Row], count: int) -> None:
    header = ("measure", "time", "peak memory")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    line = "| " + " | ".join("-" * w for w in widths) + " |"
    print(f"\nGemensam karta, {count} synthetic records, {os.cpu_count()} cores")
    print(f"machine speed: reference loop {machine_speed():.2f} s (benchmarks.measure.machine_speed)\n")
    for index, row in enumerate([header, *rows]):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
        if index == 0:
            print(line)


if __name__ == "__main__":
    main()
