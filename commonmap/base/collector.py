"""Pausing Python's cyclic garbage collector around work that makes many long-lived objects, and
handing freed memory back to the system between the build's large steps.

A speed setting of the entry points (cli.py, plugin.py), not of the library functions they call."""

from __future__ import annotations

import ctypes
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


M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
LARGE = 128 * 1024  # glibc's own starting threshold


def large_blocks_apart() -> None:
    """Blocks of 128 KB or more (a list page, a piece of an export) mapped on their own, so that
    freeing one hands it back to the system. glibc raises this threshold to the largest such
    block freed so far (up to 32 MB), after which the large pages of 30,000 records came from the
    heap and stayed in it: 22 MB of the build's peak (issue 24). Nothing where there is no glibc."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):
        return
    mallopt(M_MMAP_THRESHOLD, LARGE)


def give_back() -> None:
    """Hand the memory freed by a large step (the exports, the search index) back to the system
    before the next: glibc keeps it otherwise, and the next step's objects come from elsewhere
    (issue 24: 30,000 records' build peaked 25 MB higher without). Nothing where there is no
    glibc."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return
    trim(0)
