"""The preview's memory of checked files (`commonmap serve`): a record file whose size, time
and inode are as they were is not read and checked again, only the checks across records run.

Each file's check depends on the vocabulary, the areas and the day as well; the preview makes a
new cache whenever anything but a record file changes, and a cache is for one day.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

from commonmap.records.checked import Checked

Stamp = tuple[int, int, int]
File = tuple[str, str, str]  # (path, type folder, name in messages), as inputs.Inventory gives


def stamp(path: str) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None  # gone since it was listed: checked again, and reported
    return status.st_mtime_ns, status.st_size, status.st_ino


class ReadCache:
    def __init__(self, today: date) -> None:
        self.today = today
        self.checked: dict[File, tuple[Stamp, Checked]] = {}
        self.misses = 0  # files checked by the last read, for the tests and the log

    def checks(self, files: list[File], check: Callable[[list[File]], list[Checked]]) -> list[Checked]:
        """check(files), with the files unchanged since the last call taken from the cache."""
        stamps = {file: stamp(file[0]) for file in files}  # before reading: a later edit is seen next time
        missing = [file for file in files if self._cached(file, stamps[file]) is None]
        fresh = dict(zip(missing, check(missing), strict=True))
        self.misses = len(missing)
        listed = set(files)
        for file in [file for file in self.checked if file not in listed]:
            del self.checked[file]  # deleted or renamed
        for file, item in fresh.items():
            if stamps[file] is not None:
                self.checked[file] = (stamps[file], item)
        return [fresh[file] if file in fresh else self.checked[file][1] for file in files]

    def _cached(self, file: File, now: Stamp | None) -> Checked | None:
        kept = self.checked.get(file)
        return kept[1] if kept is not None and now is not None and kept[0] == now else None
