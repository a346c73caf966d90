"""Benchmark: the open-data export (`commonmap.export`) of a synthetic directory of 10,000 records.

Prints the time of each exporter (and of the whole `outputs`, page included), the total size and
the largest files. Target (issue 6): a few seconds, so that the site build stays within 1.3x of a
bare mkdocs-material build.
    python -m benchmarks.export_10k [--count N] [--reuse]
"""

from __future__ import annotations

import argparse
import time

from commonmap import export, mkdocs_files
from commonmap.base import collector
from commonmap.export import geojson, hsds_files, native, tables
from commonmap.records.validate import read_directory
from tests.support.synthetic import ROOT, generate

OUT = ROOT / "benchmarks" / "out" / "export"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--reuse", action="store_true", help="use the directory of an earlier run")
    args = parser.parse_args()
    root = OUT / "directory"
    if not (args.reuse and root.is_dir()):
        generate(root, args.count)
    with collector.paused():  # as cli.read reads it
        directory, problems = read_directory(root)
    assert directory is not None, [p.format() for p in problems if p.severity == "error"][:5]
    settings = mkdocs_files.settings_from(ROOT / "mkdocs.yml")

    for name, module in (("native", native), ("geojson", geojson), ("tables", tables), ("hsds", hsds_files)):
        start = time.perf_counter()
        with collector.paused():  # as `commonmap export` and the site build run them
            module.files(directory, settings)
        print(f"{name:8} {time.perf_counter() - start:6.2f} s")
    start, cpu = time.perf_counter(), time.process_time()
    with collector.paused():
        outputs = export.outputs(directory, settings)
    elapsed = time.perf_counter() - start
    # CPU time too: on a shared machine it shows whether a slow wall time was the machine's load.
    print(f"outputs  {elapsed:6.2f} s wall, {time.process_time() - cpu:.2f} s CPU")

    sizes = {o.path: len(o.content) for o in outputs[:-1]}  # the files; the last output is the page
    total = sum(sizes.values())
    print(f"{len(directory.entries)} records: {len(sizes)} files, {total / 1e6:.1f} MB")
    for path, size in sorted(sizes.items(), key=lambda item: -item[1])[:8]:
        print(f"  {size / 1e6:7.2f} MB  {path}")


if __name__ == "__main__":
    main()
