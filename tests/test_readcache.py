"""The preview's read cache (records/readcache.py): an unchanged file is not checked again, a
changed, new or deleted one is, and the directory read is the one a fresh read gives."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from commonmap.records.readcache import ReadCache
from commonmap.records.validate import read_directory
from tests.support.directories import MINIMAL

DAY = date(2026, 12, 1)


def test_only_changed_files_are_checked_again(tmp_path: Path) -> None:
    root = tmp_path / "directory"
    shutil.copytree(MINIMAL, root)
    cache = ReadCache(DAY)
    first, _ = read_directory(root, DAY, cache=cache)
    files = first.files
    assert cache.misses == sum(files.values()) > 1
    read_directory(root, DAY, cache=cache)
    assert cache.misses == 0
    record = next((root / "organisations").glob("*.yml"))
    record.write_text(record.read_text(encoding="utf-8").replace("name: ", "name: Ändrad ", 1), encoding="utf-8")
    after, problems = read_directory(root, DAY, cache=cache)
    fresh, fresh_problems = read_directory(root, DAY)
    assert cache.misses == 1
    assert after.entries.keys() == fresh.entries.keys()
    assert [e.record for e in after.entries.values()] == [e.record for e in fresh.entries.values()]
    assert any(e.record.name.startswith("Ändrad ") for e in after.entries.values())
    assert problems == fresh_problems
    record.unlink()
    gone, _ = read_directory(root, DAY, cache=cache)
    assert cache.misses == 0 and len(gone.entries) == len(after.entries) - 1


def test_a_cache_of_another_day_is_not_used(tmp_path: Path) -> None:
    root = tmp_path / "directory"
    shutil.copytree(MINIMAL, root)
    cache = ReadCache(date(2020, 1, 1))
    read_directory(root, DAY, cache=cache)
    assert cache.checked == {}
