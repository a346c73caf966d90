"""Records kept for the build share their field sets (records/compact.py, issue 24's memory), and
nothing a record says or how it is written out changes: the fields a file gave, its dump, copies."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import pytest

from commonmap.records.compact import SharedFields, compact
from commonmap.records.validate import read_directory
from tests.support.sites import ROOT

DAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def sample():
    directory, _ = read_directory(ROOT / "directory", DAY)
    return directory


def models_in(model):
    yield model
    for value in model.__dict__.values():
        for item in value if isinstance(value, list | tuple) else [value]:
            if hasattr(item, "__pydantic_fields_set__"):
                yield from models_in(item)


def test_records_of_one_shape_hold_one_field_set(sample) -> None:
    sets = [m.__pydantic_fields_set__ for e in sample.entries.values() for m in models_in(e.record)]
    assert all(type(s) is SharedFields for s in sets)
    distinct = {id(s) for s in sets}
    assert len(distinct) == len({frozenset(s) for s in sets}) < len(sets)


def test_the_fields_a_file_gave_are_what_a_fresh_record_says(sample) -> None:
    for entry in sample.entries.values():
        fresh = type(entry.record).model_validate(entry.record.model_dump(exclude_unset=True))
        assert entry.record.model_fields_set == fresh.model_fields_set
        assert entry.record.model_dump(mode="json", exclude_unset=True) == fresh.model_dump(
            mode="json", exclude_unset=True
        )
        assert entry.record == fresh


def test_a_shared_set_refuses_changes_and_its_copies_are_a_records_own(sample) -> None:
    record = next(e.record for e in sample.entries.values() if e.type == "organisations")
    shared = record.__pydantic_fields_set__
    with pytest.raises(TypeError):
        shared.add("name")
    with pytest.raises(TypeError):
        shared |= {"name"}
    changed = record.model_copy(update={"name": "Ett annat namn"})
    assert changed.name == "Ett annat namn" and record.name != "Ett annat namn"
    assert type(changed.__pydantic_fields_set__) is set
    for other in (copy.copy(record), copy.deepcopy(record), pickle.loads(pickle.dumps(record))):
        assert other == record and type(other.__pydantic_fields_set__) is set
        assert compact(other).__pydantic_fields_set__ is shared  # compacted again: the same set


def test_a_directory_read_in_parallel_shares_them_too() -> None:
    directory, _ = read_directory(ROOT / "directory", DAY, workers=2)
    assert all(type(e.record.__pydantic_fields_set__) is SharedFields for e in directory.entries.values())
