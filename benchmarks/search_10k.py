"""Benchmark: the site search at 10,000 records, in headless Chromium, served gzipped as hosts do.

Builds the project's site over the synthetic directory (reused from benchmarks.site_10k if
present) and prints: the index's size and the time to build it, what a cold record page
transfers, the first query's time after the last keystroke and its bytes on /sok/, the finder's
first text query, and with --pagefind the same first query with Pagefind indexing the built site.
    python -m benchmarks.search_10k [--count N] [--rebuild] [--pagefind]
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.gzip_server import GzipHandler
from benchmarks.site_10k import OUT, build, project
from commonmap.records.validate import read_directory
from commonmap.search import index
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve

QUERY = "språkcafé"  # a word of the synthetic records' texts and a category's everyday word


def index_figures(site: Path, directory: Path) -> list[str]:
    loaded, _ = read_directory(directory)
    started = time.perf_counter()
    assets = list(index.build(loaded))
    seconds = time.perf_counter() - started
    raw = sum(len(a.content.encode()) for a in assets)
    packed = sum(len(gzip.compress(a.content.encode(), 6)) for a in assets)
    shards = [a for a in assets if "/t" in a.path]
    largest = max(len(gzip.compress(a.content.encode(), 6)) for a in shards)
    return [
        f"index: {len(assets)} files, {raw / 1e6:.2f} MB ({packed / 1e6:.2f} MB gzipped), built in {seconds:.2f} s",
        f"  {len(shards)} term shards, the largest {largest / 1e3:.1f} KB gzipped",
    ]


class Meter:
    """Bytes received (gzip-encoded where served so) per request, from when it is reset."""

    def __init__(self, page) -> None:
        self.requests: list = []
        page.on("requestfinished", lambda request: self.requests.append(request))

    def reset(self) -> None:
        self.requests[:] = []

    def kilobytes(self, contains: str = "") -> tuple[int, float]:
        chosen = [r for r in self.requests if contains in r.url]
        return len(chosen), sum(r.sizes()["responseBodySize"] for r in chosen) / 1e3


def browser_figures(site: Path, pagefind: bool) -> list[str]:
    url, server = serve(site, GzipHandler)
    lines = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            lines += _record_page(browser, url)
            lines += _site_search(browser, url)
            lines += _finder(browser, url)
            if pagefind:
                lines += _pagefind(browser, url)
            browser.close()
    finally:
        server.shutdown()
    return lines


def _fresh(browser):
    context = browser.new_context(bypass_csp=True)  # for the timing script; the CSP is tested elsewhere
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1") else r.abort())
    return context, page, Meter(page)


def _record_page(browser, url: str) -> list[str]:
    context, page, meter = _fresh(browser)
    page.goto(url + "/organisationer/org-1/", wait_until="networkidle")
    files, kb = meter.kilobytes()
    search_files, _ = meter.kilobytes("/data/sok/")
    context.close()
    return [f"cold record page: {files} files, {kb:.0f} KB transferred, {search_files} of them search files"]


def _site_search(browser, url: str) -> list[str]:
    context, page, meter = _fresh(browser)
    page.goto(url + "/sok/", wait_until="networkidle")
    _, page_kb = meter.kilobytes()
    meter.reset()
    first = _query(page, QUERY)
    page.wait_for_load_state("networkidle")
    files, kb = meter.kilobytes()
    status = page.locator("#cm-search-status").inner_text()
    second = _query(page, QUERY + " unga")
    context.close()
    return [
        f"site search /sok/: page {page_kb:.0f} KB; first query '{QUERY}' {first * 1000:.0f} ms after typing"
        f" (of it 80 ms waiting for typing to pause), {files} files, {kb:.0f} KB ({status})",
        f"  second query (a word more): {second * 1000:.0f} ms",
    ]


def _query(page, query: str) -> float:
    """Seconds from the words typed (one input event) until their results are shown."""
    started = time.perf_counter()
    page.locator("#cm-search-q").fill(query)
    page.wait_for_function(
        """(q) => new URLSearchParams(location.search).get("q") === q
              && document.querySelector("#cm-search-results > li")
              && /träff/.test(document.getElementById("cm-search-status").textContent)""",
        arg=query,
    )
    return time.perf_counter() - started


def _finder(browser, url: str) -> list[str]:
    context, page, meter = _fresh(browser)
    page.goto(url + "/hitta-stod/")
    page.wait_for_selector("#cm-finder:not([hidden])")
    page.wait_for_load_state("networkidle")
    meter.reset()
    started = time.perf_counter()
    page.locator("#cm-q").fill(QUERY)
    page.wait_for_function("() => /träff/.test(document.getElementById('cm-status').textContent)")
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    files, kb = meter.kilobytes()
    status = page.locator("#cm-status").inner_text()
    context.close()
    return [f"finder text query: {seconds * 1000:.0f} ms, {files} more files, {kb:.0f} KB ({status})"]


def run_pagefind(site: Path) -> list[str]:
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"]
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    return [f"pagefind: indexed the built site in {seconds:.1f} s, {len(files)} files, {size / 1e6:.1f} MB"]


def _pagefind(browser, url: str) -> list[str]:
    context, page, meter = _fresh(browser)
    page.goto(url + "/om/", wait_until="networkidle")
    meter.reset()
    started = time.perf_counter()
    title = page.evaluate(
        """async (q) => { const pf = await import('/pagefind/pagefind.js');
            const s = await pf.search(q); const d = await s.results[0].data(); return d.meta.title; }""",
        QUERY,
    )
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    files, kb = meter.kilobytes()
    context.close()
    return [f"pagefind first query '{QUERY}': {seconds * 1000:.0f} ms, {files} files, {kb:.0f} KB (first: {title})"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--pagefind", action="store_true", help="also index the built site with Pagefind")
    args = parser.parse_args()
    site = OUT / "project-site"
    if args.rebuild or not (site / "data" / "sok" / "index.json").exists():
        wall, cpu = build(project(args.count), site)
        print(f"site build with the search index: {wall:.1f} s (CPU {cpu:.1f} s)")
    lines = index_figures(site, OUT / "project" / "directory")
    if args.pagefind:
        lines += run_pagefind(site)
    lines += browser_figures(site, args.pagefind)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
