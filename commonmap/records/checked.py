"""One record file as the checks see it (Checked) and what it is checked against (Terms), with
the accessors the checks share: a field of a record that may be partial, and its point."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from commonmap.records.directory import CategoryDef
from commonmap.records.duplicates import Keys
from commonmap.records.geography import Areas
from commonmap.records.loader import Loaded, load_file
from commonmap.records.model import Record
from commonmap.records.problems import Problem


@dataclass(frozen=True)
class Terms:
    """What a record is checked against on its own: the categories and the areas."""

    categories: dict[str, CategoryDef]
    areas: Areas


@dataclass
class Checked:
    """One record file after the checks it needs on its own: its record (None when invalid), its
    problems and the areas its coordinates lie in (None: outside the municipality). An invalid
    file has a partial record instead (typed.py), on which every check that can run still runs."""

    file: str  # the name in messages
    path: str  # where it is read
    type: str  # its type folder
    record: Record | None
    problems: list[Problem]
    located: tuple[str, ...] | None = None
    keys: Keys | None = None  # for the look-alike check across records (duplicates.py)
    loaded: Loaded | None = None  # the positions, for the rare problem found across records
    partial: BaseModel | None = None  # the fields that are right, when the record is not

    @property
    def subject(self) -> BaseModel | None:
        """What the checks look at: the record, or the right part of an invalid one."""
        return self.record if self.record is not None else self.partial

    def position(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        if self.loaded is None:  # checked in a helper process: read the positions again
            self.loaded = load_file(self.path, self.file)[0]
        return self.loaded.position(path, key=key) if self.loaded else (1, 1)

    def __getstate__(self) -> dict:
        """Positions stay behind when a helper sends its results: they are most of the bytes and
        seldom needed."""
        return {**self.__dict__, "loaded": None}


def value_of(record: BaseModel | None, name: str, default: object = None) -> object:
    """A field of a record, or `default` when the record type has no such field, it is not set, or
    it is left out of a partial record. (getattr through pydantic's __getattr__ costs a failed
    lookup and an exception for every record without the field.)"""
    found = record.__dict__.get(name, default) if record is not None else default
    return default if found is None else found


def point_of(record: BaseModel) -> tuple[float, float] | None:
    location = value_of(record, "location")
    lat, lon = value_of(location, "lat"), value_of(location, "lon")
    return (lat, lon) if lat is not None and lon is not None else None
