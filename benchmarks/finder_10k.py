"""Benchmark: Hitta stöd at 10,000 records, in headless Chromium.

Builds the project's site over the synthetic directory (benchmarks.site_10k's project build, reused
if present), opens /hitta-stod/, and prints the bytes fetched until the first results show, the
bytes fetched by a filtered query, gzip sizes (what a server with compression sends), and times.
    python -m benchmarks.finder_10k [--count N] [--rebuild]
"""

from __future__ import annotations

import argparse
import gzip
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.site_10k import OUT, build, project
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    site = OUT / "project-site"
    if args.rebuild or not (site / "data" / "finder.json").exists():
        build(project(args.count), site)
    url, server = serve(site)
    fetched: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", lambda request: fetched.append(request.url))
        start = time.perf_counter()
        page.goto(url + "/hitta-stod/")
        page.wait_for_selector("#cm-results > li")
        first = time.perf_counter() - start
        first_fetched, fetched[:] = list(fetched), []
        start = time.perf_counter()
        page.get_by_label("Behov").select_option("trygghet")
        page.get_by_label("Språk", exact=True).select_option("ar")
        page.wait_for_function("document.getElementById('cm-status').textContent.includes('träff')")
        filtered = time.perf_counter() - start
        count = page.locator("#cm-status").inner_text()
        browser.close()
    server.shutdown()
    raw, packed = sizes(site, url, first_fetched)
    print(
        f"first results: {first:.2f} s; fetched {len(first_fetched)} files, {raw / 1e6:.2f} MB ({packed / 1e6:.2f} MB gzipped)"
    )
    finder = (site / "data" / "finder.json").read_bytes()
    print(
        f"  of which data/finder.json: {len(finder) / 1e6:.2f} MB ({len(gzip.compress(finder)) / 1e6:.2f} MB gzipped)"
    )
    print(f"filtered query (behov + språk): {filtered * 1000:.0f} ms, {len(fetched)} more requests ({count})")


def sizes(site: Path, url: str, urls: list[str]) -> tuple[int, int]:
    raw = packed = 0
    for address in urls:
        path = address.removeprefix(url).split("?")[0].split("#")[0]
        file = site / path.lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        if file.exists():
            body = file.read_bytes()
            raw, packed = raw + len(body), packed + len(gzip.compress(body))
    return raw, packed


if __name__ == "__main__":
    main()
