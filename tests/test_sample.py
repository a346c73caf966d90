"""The real sample directory: valid, big enough, and every record says where its facts come from."""

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
    for entry in directory.entries.values():
        sources = " ".join(entry.record.sources)
        assert any(seed in sources for seed in SEEDS) or "allmänt känd" in sources, entry.id


def test_sample_has_good_examples_and_history() -> None:
    directory, _ = read_directory(ROOT / "directory", today=TODAY)
    collaborations = [e.record for e in directory.of_type("collaborations")]
    assert directory.good_examples  # the municipality's list, directory/good_examples.yml
    for id_ in directory.good_examples:
        example = directory.entries[id_].record
        assert example.outcomes and example.lessons and example.status in ("ongoing", "ended"), id_
    assert any(c.status == "ended" for c in collaborations)
