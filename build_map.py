"""Build the map on its own, without MkDocs: `python build_map.py --out DIR`.

Reads and validates the directory (default `directory/`), then writes the map page
(DIR/karta/index.html), the coverage page (DIR/omraden/tackning/index.html), their data and the
scripts into DIR, laid out as on the site. Preview with `python -m http.server -d DIR`, then open
http://127.0.0.1:8000/karta/. Exit 0 when built, 1 when the directory has errors.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

from commonmap import cli
from commonmap.map import mapview
from commonmap.records.settings import OSM_ATTRIBUTION, OSM_TILES, Settings
from commonmap.site.outputs import Asset, Page
from commonmap.site.urls import base_of

ROOT = Path(__file__).resolve().parent

DOCUMENT = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
<link rel="stylesheet" href="{base}assets/map/map.css">
{head}
<style>body {{ font-family: system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 0 1rem; }}</style>
</head>
<body>
<main class="md-typeset">
<h1>{title}</h1>
{body}
</main>
<script src="{base}assets/map/cm.js"></script>
</body>
</html>
"""


def page_path(page: Page) -> str:
    """ "karta/" -> "karta/index.html", as MkDocs publishes it."""
    return page.url + "index.html"


def document(page: Page) -> str:
    return DOCUMENT.format(
        title=html.escape(page.title),
        description=html.escape(page.description),
        base=base_of(page.url),
        head=page.head,
        body=page.html,
    )


def write(out: Path, outputs: list) -> int:
    size = 0
    for output in outputs:
        if isinstance(output, Page):
            target, content = out / page_path(output), document(output).encode("utf-8")
        elif isinstance(output, Asset):
            target = out / output.path
            content = output.content.encode("utf-8") if isinstance(output.content, str) else output.content
        else:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        size += len(content)
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the map into")
    parser.add_argument("--directory", type=Path, default=ROOT / "directory", help="the data (default: directory/)")
    parser.add_argument("--tiles-url", default=OSM_TILES, help="tile server URL template")
    parser.add_argument("--tiles-attribution", default=OSM_ATTRIBUTION, help="tile attribution (HTML)")
    args = parser.parse_args(argv)
    return cli.run(lambda: build(args))


def build(args: argparse.Namespace) -> int:
    """Read the directory as `commonmap` does (cli.read), print every problem, build the map."""
    started = time.perf_counter()
    report = cli.read(args.directory)
    cli.print_problems(report.problems, file=sys.stderr)
    if report.failed:
        raise cli.Stop(1, f"Kartan byggdes inte: {args.directory} har fel (se ovan).")
    settings = Settings(tiles_url=args.tiles_url, tiles_attribution=args.tiles_attribution)
    size = write(args.out, mapview.outputs(report.directory, settings))
    seconds = time.perf_counter() - started
    print(
        f"Kartan byggd i {args.out} ({size / 1e6:.1f} MB, {seconds:.1f} s): öppna karta/index.html via en webbserver."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
