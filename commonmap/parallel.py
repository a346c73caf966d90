"""Running a function over chunks of a list in forked helper processes.

`commonmap validate` checks each record file on its own before the checks across records; on a
machine with several cores the files are checked in chunks by forked helpers (forked, so that
nothing is imported or read again). Results come back pickled, in the order of the list. Only
the command line asks for helpers: forking a process that runs threads (mkdocs serve) is unsafe.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 500  # files per task: small enough that a busy core's helper takes fewer of them
MIN_ITEMS = 2 * CHUNK  # fewer are not worth forking (some 20 ms) and pickling the results

_function: Callable | None = None  # set in each helper before it takes a chunk


def cores() -> int:
    """The cores this process may run on (fewer than the machine's in a limited container)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_chunks(function: Callable[[list[T]], list[R]], items: list[T], workers: int) -> list[R]:
    """function(items), computed chunk by chunk by `workers` helper processes; the same list as
    one call gives. The helpers take the next chunk when they finish one, so a helper on a
    busier core does less (this machine's cores are shared and their speed drifts). If helpers
    cannot be had (no fork, or one was killed), this process does the work itself."""
    if workers < 2 or len(items) < MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return function(items)
    chunks = [items[start : start + CHUNK] for start in range(0, len(items), CHUNK)]
    context = multiprocessing.get_context("fork")
    try:
        # The function reaches the helpers through the fork, not a pickle: it may hold anything.
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_take, initargs=(function,)) as pool:
            return [result for chunk in pool.map(_call, chunks) for result in chunk]
    except (BrokenProcessPool, OSError):
        return function(items)


def _take(function: Callable) -> None:
    global _function
    _function = function


def _call(chunk: list) -> list:
    assert _function is not None
    return _function(chunk)
