"""The published JSON keeps to its formats (commonmap/site/wire.py): tables name their columns,
chunks are where their header says and hold one item a row, the finder's keys are documented."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest

from commonmap.records.types import TYPES
from commonmap.site import wire

# The files with a header, and the item count each one's chunks must add up to.
HEADERS = {
    "data/finder.json": lambda data: len(data["records"]),
    "data/karta/poster.json": lambda data: len(data["rows"]),
    "data/sok/index.json": lambda data: data["docs"],
    "data/bidra/index.json": lambda data: len(data["rows"]),
}


def read(site: Path, path: str | PurePosixPath):
    return json.loads((site / path).read_text(encoding="utf-8"))


def tables(value) -> list[dict]:
    """Every table inside a JSON value."""
    if isinstance(value, dict):
        found = [value] if {"columns", "rows"} <= value.keys() else []
        return found + [t for item in value.values() for t in tables(item)]
    if isinstance(value, list):
        return [t for item in value for t in tables(item)]
    return []


@pytest.mark.parametrize("header", HEADERS)
def test_tables_name_their_columns_and_chunks_hold_every_item(built_site: Path, header: str) -> None:
    data = read(built_site, header)
    for table in tables(data):
        assert len(set(table["columns"])) == len(table["columns"])
        assert all(len(row) == len(table["columns"]) for row in table["rows"]), header
    spec = data["chunks"]
    count = HEADERS[header](data)
    files = [PurePosixPath(header).parent / spec["path"].format(n=n) for n in range(-(-count // spec["size"]))]
    items = [read(built_site, path) for path in files]
    assert all(len(chunk) == spec["size"] for chunk in items[:-1]) and sum(map(len, items)) == count > 0
    if "columns" in spec:
        assert all(len(row) == len(spec["columns"]) for chunk in items for row in chunk)
    assert not (built_site / PurePosixPath(header).parent / spec["path"].format(n=len(files))).exists()


def test_the_finder_records_use_only_documented_keys(built_site: Path) -> None:
    data = read(built_site, "data/finder.json")
    keys = {key for record in data["records"] for key in record}
    assert {"id", "t", "n", "h", "ll"} <= keys <= set(wire.FINDER_KEYS)
    hours = [h for record in data["records"] for h in record.get("h", [])]
    assert hours and all(len(h) == len(data["hours"]) for h in hours)
    assert [t["id"] for t in wire.objects(data["types"])] == list(TYPES)
