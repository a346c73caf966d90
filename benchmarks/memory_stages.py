"""Where the memory of a build goes (issue 24): the build of N synthetic records run in this process,
its resident memory sampled every 50 ms and printed as each stage's start and peak.
    python -m benchmarks.memory_stages [--count 30000]
The stages are marked by wrapping the plugin's steps and the generators (nothing is changed in
them); the sampling thread costs a little memory of its own, so the peak is a few MB off
benchmarks.memory_30k's, which measures a separate `mkdocs build`.
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from collections.abc import Callable

from benchmarks.site_10k import OUT, project

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


class Stages:
    def __init__(self) -> None:
        self.stage = "imports"
        self.seen: dict[str, list[float]] = {}  # stage -> [start, peak], in the order first seen

    def sample(self) -> None:
        while True:
            now, stage = rss(), self.stage
            start_peak = self.seen.setdefault(stage, [now, now])
            start_peak[1] = max(start_peak[1], now)
            time.sleep(0.05)

    def marked(self, name: str, step: Callable, after: str | None = None) -> Callable:
        def run(*args, **kwargs):
            self.stage = name
            try:
                return step(*args, **kwargs)
            finally:
                if after:
                    self.stage = after

        return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=30_000)
    args = parser.parse_args()
    config_dir = project(args.count)
    stages = Stages()
    threading.Thread(target=stages.sample, daemon=True).start()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from commonmap import generators, plugin

    def generator(make: Callable) -> Callable:
        def run(directory, settings):
            stages.stage = f"generator {make.__module__}"
            yield from make(directory, settings)

        return run

    generators.GENERATORS[:] = [generator(make) for make in generators.GENERATORS]
    plugin.read_directory = stages.marked("read the directory", plugin.read_directory)
    kept = plugin.CommonMapPlugin
    kept.on_nav = stages.marked("MkDocs: nav and pages", kept.on_nav)
    search_index = kept.search_index

    def searched(plugin):  # the index's files are made as they are asked for
        stages.stage = "search index"
        yield from search_index(plugin)
        stages.stage = "render the pages"

    kept.search_index = searched
    kept.on_post_build = stages.marked("put the site in place", kept.on_post_build)
    os.chdir(config_dir)
    started = time.perf_counter()
    build(load_config(str(config_dir / "mkdocs.yml"), site_dir=str(OUT / "stages-site")))
    time.sleep(0.1)
    print(f"{args.count} records, {time.perf_counter() - started:.1f} s")
    for stage, (start, peak) in stages.seen.items():
        print(f"{stage:45s} start {start:5.0f} MB  peak {peak:5.0f} MB")


if __name__ == "__main__":
    main()
