"""A record page's weight with its small map: the page and everything it loads from the site, as a
person's browser fetches it (headless Chromium; tiles refused).

    python benchmarks/record_page.py [--root DIR] [--count 200] [--page motesplatser/place-0/]

Builds the site of `--root` (a checkout: its mkdocs.yml, content/, overrides/ and commonmap/, so
another branch's code can be measured at the same moment) over a synthetic directory, then prints
each resource's bytes, uncompressed and gzipped, and their sums.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from tests.support.browser import CHROMIUM, serve  # noqa: E402
from tests.support.synthetic import generate  # noqa: E402


def build(root: Path, directory: Path, out: Path) -> Path:
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: content", f"docs_dir: {root / 'content'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {root / 'overrides'}")
    config = config.replace("directory: directory", f"directory: {directory}")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)}
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out / "site")]
    result = subprocess.run(command, cwd=out, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(result.stderr[-3000:])
    return out / "site"


def weigh(site: Path, path: str) -> list[tuple[str, int, int]]:
    """(path, bytes, gzipped bytes) of the page and each same-origin resource it loaded."""
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    found: dict[str, bytes] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
            page.on("response", lambda response: found.setdefault(response.url, response.body()))
            page.goto(f"{url}/{path}", wait_until="networkidle")
            page.wait_for_selector(".cm-minimap[data-loaded='true']", timeout=30_000)
            browser.close()
    finally:
        server.shutdown()
    return [(u.removeprefix(url), len(body), len(gzip.compress(body, 6))) for u, body in sorted(found.items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HERE)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--page", default="motesplatser/place-0/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = generate(Path(tmp) / "directory", args.count)
        rows = weigh(build(args.root.resolve(), directory, Path(tmp)), args.page)
    for path, raw, packed in rows:
        print(f"  {path}: {raw / 1000:.1f} KB ({packed / 1000:.1f} KB gzipped)")
    print(
        f"record page {args.page} with its map: {sum(r[1] for r in rows) / 1000:.1f} KB "
        f"({sum(r[2] for r in rows) / 1000:.1f} KB gzipped), {len(rows)} files, built from {args.root}"
    )


if __name__ == "__main__":
    main()
