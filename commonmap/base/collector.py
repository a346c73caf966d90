"""Pausing Python's cyclic garbage collector around work that makes many long-lived objects.

glibc's allocator is left as it is: holding its threshold for blocks mapped on their own at
128 KB and trimming the heap after the large steps (2026-12-07) saved no memory once the pages and
exports were made piece by piece (30,000 records: 510 MB with them, 519 MB without), and they
doubled the page faults (438,000 against 171,000), whose system time is the least steady part
of a build on a shared machine (issue 24).

A speed setting of the entry points (cli.py, plugin.py), not of the library functions they call."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Reading 10,000 records or writing their exports makes some 300,000 small dicts, lists and
    tuples that nearly all live on, so every collection only re-scans them: with the collector
    running it took 40 % of validation and a third of the export (benchmarks/). Reference
    counting still frees whatever is dropped; the collector resumes as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def keep() -> None:
    """The objects made so far live until the build ends (the directory, every page's HTML): move
    them out of the collector's sight, so that its collections while the engine renders 10,000
    pages do not re-scan them. `release` hands them back."""
    gc.freeze()


def release() -> None:
    gc.unfreeze()
