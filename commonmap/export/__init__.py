"""Open data: the directory published under /data/ in the project's JSON, GeoJSON, spreadsheet
CSVs and Open Referral HSDS 3.0 (JSON and tabular), plus the page /oppna-data/ that explains them.

`outputs` is the site generator (registered in generators.py); `write` serves `commonmap export`
(cli.py), which writes the very same files without building the site (the command line reads
the settings and their problems from mkdocs.yml: mkdocs_files.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from commonmap.export import changes, geojson, hsds_files, native, page, tables
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.site.outputs import Asset, Chunks, Output


def files(directory: Directory, settings: Settings) -> dict[str, bytes]:
    """Every export file by its path under the site root ("data/directory.json"), sorted."""
    return dict(sorted((path, bytes(content)) for path, content in made(directory, settings)))


def made(directory: Directory, settings: Settings) -> Iterator[tuple[str, bytes | Chunks]]:
    """Every export file (path, bytes) as it is made, the HSDS files one by one, the large ones
    piece by piece (Chunks: read each before the next is made)."""
    for make in (native.files, geojson.files, tables.files, changes.files):
        yield from make(directory, settings).items()
    yield from hsds_files.files(directory, settings)


def outputs(directory: Directory, settings: Settings) -> Iterator[Output]:
    """The files as they are made (the adapter writes each at once: issue 24's memory), then the
    page that lists them with their sizes."""
    sizes: dict[str, int] = {}
    for path, content in made(directory, settings):
        if path == changes.PATH:
            document = json.loads(content)
        yield Asset(path, content)
        sizes[path] = len(content)  # after: pieces are counted as they are written
    yield page.page(directory, settings, dict(sorted(sizes.items())), document)


def write(directory: Directory, settings: Settings, out_dir: Path) -> list[Path]:
    """Write the files the site publishes under /data/ into out_dir (without the "data/" prefix)."""
    written = []
    for path, content in files(directory, settings).items():
        target = out_dir / path.removeprefix("data/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written
