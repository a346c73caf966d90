"""Open data: the directory published under /data/ in the project's JSON, GeoJSON, spreadsheet
CSVs and Open Referral HSDS 3.0 (JSON and tabular), plus the page /oppna-data/ that explains them.

`outputs` is the site generator (registered in generators.py); `write` serves `commonmap export`
(cli.py), which writes the very same files without building the site (the command line reads
the settings and their problems from mkdocs.yml: mkdocs_files.py).
"""

from __future__ import annotations

from pathlib import Path

from commonmap.export import changes, geojson, hsds_files, native, page, tables
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.site.outputs import Asset, Output


def files(directory: Directory, settings: Settings) -> dict[str, bytes]:
    """Every export file by its path under the site root ("data/directory.json"), sorted."""
    found: dict[str, bytes] = {}
    for make in (native.files, geojson.files, tables.files, hsds_files.files, changes.files):
        found.update(make(directory, settings))
    return dict(sorted(found.items()))


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    exported = files(directory, settings)
    return [Asset(path, content) for path, content in exported.items()] + [page.page(directory, settings, exported)]


def write(directory: Directory, settings: Settings, out_dir: Path) -> list[Path]:
    """Write the files the site publishes under /data/ into out_dir (without the "data/" prefix)."""
    written = []
    for path, content in files(directory, settings).items():
        target = out_dir / path.removeprefix("data/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written
