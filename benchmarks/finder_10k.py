"""Benchmark: Hitta stöd at 10,000 records, in headless Chromium.

Builds the project's site over the synthetic directory (benchmarks.site_10k's project build, reused
if present), serves it compressed as static hosts do (benchmarks.gzip_server.GzipHandler), opens /hitta-stod/,
and prints the time until the first results show and the bytes transferred until then, then the
same for a filtered query. Uncompressed sizes are printed beside, for a host without compression.
    python -m benchmarks.finder_10k [--count N] [--rebuild]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.gzip_server import GzipHandler
from benchmarks.site_10k import OUT, build, project
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve


@dataclass
class Step:
    seconds: float
    files: int
    transferred: int  # bytes of response bodies as received (gzip-encoded where served so)
    raw: int  # the same files uncompressed


def measure(site: Path) -> tuple[Step, Step, str]:
    """(first results, filtered query by need and language, the status line after the query)."""
    url, server = serve(site, GzipHandler)
    requests: list = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
            page.on("requestfinished", lambda request: requests.append(request))
            start = time.perf_counter()
            page.goto(url + "/hitta-stod/")
            page.wait_for_selector("#cm-results > li h3")  # the list made by finder.js, not the plain one
            first_seconds = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            first, requests[:] = list(requests), []
            start = time.perf_counter()
            page.get_by_label("Behov").select_option("trygghet")
            page.get_by_label("Språk", exact=True).select_option("ar")
            page.wait_for_function("document.getElementById('cm-status').textContent.includes('träff')")
            query_seconds = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            status = page.locator("#cm-status").inner_text()
            steps = (_step(first_seconds, first, site, url), _step(query_seconds, requests, site, url))
            browser.close()
    finally:
        server.shutdown()
    return steps[0], steps[1], status


def _step(seconds: float, requests: list, site: Path, url: str) -> Step:
    transferred = sum(request.sizes()["responseBodySize"] for request in requests)
    raw = 0
    for request in requests:
        file = site / request.url.removeprefix(url).split("?")[0].split("#")[0].lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        raw += file.stat().st_size if file.is_file() else 0
    return Step(seconds, len(requests), transferred, raw)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    site = OUT / "project-site"
    if args.rebuild or not (site / "data" / "finder.json").exists():
        build(project(args.count), site)
    first, query, status = measure(site)
    print(
        f"first results: {first.seconds:.2f} s; {first.files} files, {first.transferred / 1e3:.0f} KB transferred"
        f" ({first.raw / 1e6:.2f} MB uncompressed)"
    )
    print(
        f"filtered query (behov + språk): {query.seconds * 1000:.0f} ms; {query.files} more files,"
        f" {query.transferred / 1e3:.0f} KB transferred ({status})"
    )


if __name__ == "__main__":
    main()
