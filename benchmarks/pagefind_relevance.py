"""The relevance set of tests/test_search_relevance.py, run against Pagefind on the built sample
site: how the engine that was evaluated and not adopted answers the same queries.

Builds the sample site, indexes it with Pagefind (`pagefind[bin]`, Swedish from <html lang>), and
prints hit@3 and the words Pagefind matched inside unrelated longer ones (from its excerpts'
<mark>s), beside the project's own figures from the test.
    python -m benchmarks.pagefind_relevance
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from commonmap.records.validate import read_directory
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve
from tests.support.sites import ROOT, build_site
from tests.test_search_relevance import QUERIES, accepted


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build_site(ROOT, site)
        if result.returncode:
            sys.exit(result.stderr[-3000:])
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"]
        subprocess.run(command, check=True, capture_output=True)
        directory, _ = read_directory(ROOT / "directory")
        url, server = serve(site)
        try:
            rows = answers(url)
        finally:
            server.shutdown()
    scored, hits, inside = 0, 0, []
    for (query, expected, forbidden), (urls, marks) in zip(QUERIES, rows, strict=True):
        top = [u.strip("/") + "/" for u in urls[:3]]
        ok = any(accepted(expected, u, directory) for u in top)
        scored += bool(expected)
        hits += ok and bool(expected)
        inside += [(query, m) for m in marks if m in forbidden]
        print(f"| {query} | {'✓' if ok else '✗' if expected else ' '} {'; '.join(t.strip('/') for t in top)} |")
    print(f"\npagefind hit@3: {hits / scored:.0%} of {scored}; matches inside unrelated words: {len(inside)} {inside}")


def answers(url: str) -> list[tuple[list[str], list[str]]]:
    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(bypass_csp=True)
        page.goto(url + "/om/")
        for query, _, _ in QUERIES:
            urls, excerpts = page.evaluate(
                """async (q) => { const pf = await import('/pagefind/pagefind.js');
                    const s = await pf.search(q); const data = await Promise.all(s.results.map(r => r.data()));
                    return [data.map(d => d.url), data.map(d => d.excerpt)]; }""",
                query,
            )
            marks = [m.lower().strip(".,:;()") for e in excerpts for m in re.findall(r"<mark>(.*?)</mark>", e)]
            found.append(([u.lstrip("/") for u in urls], marks))
        browser.close()
    return found


if __name__ == "__main__":
    main()
