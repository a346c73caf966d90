"""All benchmarks at 10,000 synthetic records, in one run, as one table (`make bench`).

    python -m benchmarks.all [--count 10000]

Reuses the other benchmark scripts: validate (benchmarks.validate_10k's command), the site build
against a bare mkdocs-material build of as many plain pages in the same run (benchmarks.site_10k),
the map's data and its first markers in headless Chromium (benchmarks.map_10k) and the finder's
first results and first query (benchmarks.finder_10k). Each build and validation runs in its own
process; peak memory is that process's maximum resident set size. On a shared machine wall times
vary with the load; CPU times are printed beside them for that reason.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import map_10k
from benchmarks.site_10k import OUT, bare, project
from benchmarks.synthetic import generate

Row = tuple[str, str, str]


def run(command: list[str], cwd: Path | None = None, ok: tuple[int, ...] = (0,)) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one child process; exits if it fails."""
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


def finder(site: Path) -> tuple[float, int, float, int]:
    """(seconds to first results, bytes fetched until then, seconds and bytes of a filtered query)."""
    from playwright.sync_api import sync_playwright

    from benchmarks.finder_10k import sizes
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve

    url, server = serve(site)
    fetched: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
            page.on("request", lambda request: fetched.append(request.url))
            started = time.perf_counter()
            page.goto(url + "/hitta-stod/")
            page.wait_for_selector("#cm-results > li")
            first = time.perf_counter() - started
            first_fetched = list(fetched)
            started = time.perf_counter()
            page.get_by_label("Behov").select_option("trygghet")
            page.get_by_label("Språk", exact=True).select_option("ar")
            page.wait_for_function("() => document.getElementById('cm-status').textContent.includes('träff')")
            query = time.perf_counter() - started
            browser.close()
    finally:
        server.shutdown()
    raw, _ = sizes(site, url, first_fetched)
    more, _ = sizes(site, url, fetched[len(first_fetched) :])
    return first, raw, query, more


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

    from commonmap.validate import read_directory

    loaded, _ = read_directory(directory)
    _, seconds = map_10k.timed(map_10k.map_data, loaded)
    rows.append(("map data (markers, areas, coverage CSV)", f"{seconds:.2f} s", ""))
    with tempfile.TemporaryDirectory() as tmp:
        outputs, seconds = map_10k.timed(map_10k.mapview.outputs, loaded, map_10k.Settings(), repeat=1)
        map_10k.build_map.write(Path(tmp), outputs)
        rows.append(("all map outputs (build_map.py)", f"{seconds:.2f} s", ""))
        firsts = sorted(first for first, _ in map_10k.first_markers(Path(tmp)))
    rows.append(("map: first markers in Chromium (median of 3)", f"{firsts[1]:.2f} s", ""))

    first, fetched, query, more = finder(OUT / "project-site")
    rows.append(("finder: first results", f"{first:.2f} s, {fetched / 1e6:.2f} MB fetched", ""))
    rows.append(("finder: filtered query (need + language)", f"{query * 1000:.0f} ms, {more} more bytes", ""))
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
    print(f"\nGemensam karta, {count} synthetic records, {os.cpu_count()} cores\n")
    for index, row in enumerate([header, *rows]):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
        if index == 0:
            print(line)


if __name__ == "__main__":
    main()
