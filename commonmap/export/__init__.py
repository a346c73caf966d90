"""Open data: the directory published under /data/ in the project's JSON, GeoJSON, spreadsheet
CSVs and Open Referral HSDS 3.0 (JSON and tabular), plus the page /oppna-data/ that explains them.

`outputs` is the site generator (registered in generators.py); `write` and `run` serve
`commonmap export`, which writes the very same files without building the site (the command line
reads the settings and their problems from mkdocs.yml: mkdocs_files.py).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from commonmap.base import collector
from commonmap.export import changes, geojson, hsds_files, native, page, tables
from commonmap.records.directory import Directory
from commonmap.records.problems import Problem
from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from commonmap.site.outputs import Asset, Output


def files(directory: Directory, settings: Settings) -> dict[str, bytes]:
    """Every export file by its path under the site root ("data/directory.json"), sorted."""
    found: dict[str, bytes] = {}
    with collector.paused():
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


def run(root: Path, out_dir: Path, settings: Settings, problems: list[Problem], previous: Path | None = None) -> int:
    """`commonmap export`: 0 when written, 1 when the directory, the plugin's settings (`problems`)
    or the previous version has errors, 2 when the directory is missing."""
    if not root.is_dir():
        print(f"commonmap: katalogen '{root}' finns inte", file=sys.stderr)
        return 2
    if previous is not None:
        _, error = changes.read_previous(str(previous))
        if error:
            print(error, file=sys.stderr)
            print("Inga filer skrevs.", file=sys.stderr)
            return 1
    directory, found = read_directory(root)
    errors = [p for p in problems + found if p.severity == "error"]
    if directory is None or errors:
        for problem in errors:
            print(problem.format(), file=sys.stderr)
        print(f"{len(errors)} fel; inga filer skrevs.", file=sys.stderr)
        return 1
    settings = dataclasses.replace(settings, previous_export=str(previous or ""))
    written = write(directory, settings, out_dir)
    print(f"{len(written)} filer skrivna i {out_dir}.")
    return 0
