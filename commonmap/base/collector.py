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
