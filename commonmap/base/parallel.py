"""Running a function over shares of a list in forked helper processes.

`commonmap validate` checks each record file on its own before the checks across records; on a
machine with several cores the files are dealt into one share per core. This process checks the
first share while forked helpers check the others (forked, so that nothing is imported or read
again) and send their results back pickled through a pipe. Only the command line asks for
helpers: forking a process that runs threads (mkdocs serve) is unsafe.

The helpers are plain forks rather than a multiprocessing pool because their whole life is one
share: a pool left helpers behind, deadlocked, after Ctrl-C. Here a helper ignores Ctrl-C and
is ended by this process whatever happens, and a share whose helper failed (or could not be
forked) is computed here.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# A share smaller than this is not worth a process: forking and pickling the results cost some
# 20 ms, about what checking 100 records takes (benchmarks/validate_10k.py).
MIN_SHARE = 500


def cores() -> int:
    """The cores this process may run on (fewer than the machine's in a limited container)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_shares(function: Callable[[list[T]], list[R]], items: list[T], workers: int) -> list[R]:
    """function(items), computed in up to `workers` processes: the same list as one call gives.
    `function` gives one result per item. The shares are dealt like cards (item i to share
    i mod n), so that each gets as many of each kind of item (the files of each record type)."""
    count = min(workers, len(items) // MIN_SHARE)
    if count < 2 or not hasattr(os, "fork"):
        return function(items)
    shares = [items[start::count] for start in range(count)]
    helpers: list[tuple[int, int] | None] = []
    try:
        with _interrupts_held():  # a Ctrl-C while forking arrives once every helper is recorded
            for share in shares[1:]:
                helpers.append(_fork(function, share))
        results: list = [None] * len(items)
        results[0::count] = function(shares[0])
        for start, (helper, share) in enumerate(zip(helpers, shares[1:], strict=True), 1):
            received = _receive(helper[1]) if helper else None
            results[start::count] = function(share) if received is None else received
        return results
    finally:
        for helper in filter(None, helpers):
            _end(*helper)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _fork(function: Callable[[list], list], share: list) -> tuple[int, int] | None:
    """A helper computing function(share) into a pipe: (its pid, the pipe's reading end), or
    None when the system gives no process or pipe (the share is then computed here)."""
    try:
        reading, writing = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the helper: it never returns into the caller's code
        code = 1
        try:
            # Ctrl-C is the parent's to handle (SIGINT is still held from the fork, and ignored now).
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            os.close(reading)
            with open(writing, "wb") as out:
                pickle.dump(function(share), out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    return pid, reading


def _receive(pipe: int) -> list | None:
    """A helper's results, or None when it failed before sending all of them."""
    with open(pipe, "rb", closefd=False) as source:
        try:
            return pickle.load(source)
        except (EOFError, pickle.UnpicklingError):
            return None


def _end(pid: int, pipe: int) -> None:
    """Stop a helper if it still runs (an interrupted or failed run) and reap it. Until it is
    reaped a helper that has ended still has its pid, so the kill cannot miss."""
    os.close(pipe)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
