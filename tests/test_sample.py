"""The real sample directory: valid and big enough (its sources: tests/test_sample_sources.py)."""

from __future__ import annotations

from commonmap.validate import read_directory
from tests.conftest import ROOT, TODAY

SEEDS = [
    "000_d0c8b694a2e6e978",
    "001_a92cbaa44183fa4f",
    "002_bdaa313d55420e69",
    "003_fc6885348f14fcc9",
    "004_1b55e349e1ffa313",
]


def test_sample_directory_is_valid_and_sourced() -> None:
    directory, problems = read_directory(ROOT / "directory", today=TODAY)
    assert [p.format() for p in problems] == []
    assert len(directory.entries) >= 40
    assert all(count > 0 for count in directory.counts().values())
    # Where the facts come from: tests/test_sample_sources.py.


def test_sample_has_good_examples_and_history() -> None:
    directory, _ = read_directory(ROOT / "directory", today=TODAY)
    collaborations = [e.record for e in directory.of_type("collaborations")]
    assert any(c.good_example for c in collaborations)
    assert any(c.status == "ended" for c in collaborations)
