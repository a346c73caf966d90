"""The in-memory directory that every renderer reads: records, categories and areas."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from commonmap import checks
from commonmap.geography import Areas
from commonmap.model import TYPES, Record


class CategoryDef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=checks.ID_PATTERN.pattern)
    label: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    description: str = Field(min_length=1)
    icon: str = Field(min_length=1)
    color: str = Field(pattern=r"^#[0-9a-f]{6}$")


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: list[CategoryDef] = Field(min_length=1)


@dataclass(frozen=True)
class Entry:
    """A valid record with where it came from and where it is."""

    record: Record
    type: str  # the folder: organisations, places, roles, collaborations
    file: str  # path relative to the directory root, for "Föreslå ändring" and messages
    located_in: tuple[str, ...] = ()  # areas derived from its own or its place's coordinates

    @property
    def id(self) -> str:
        return self.record.id

    @cached_property
    def areas(self) -> tuple[str, ...]:
        """Every area the record is in or serves, without repeats, in a stable order."""
        return tuple(sorted(set(self.located_in) | set(self.record.areas)))


@dataclass
class Directory:
    root: Path
    categories: dict[str, CategoryDef]
    areas: Areas
    entries: dict[str, Entry] = field(default_factory=dict)  # by id, in id order
    files: dict[str, int] = field(default_factory=dict)  # record files read per type, valid or not
    # The municipality's good examples (directory/good_examples.yml), in the list's order.
    good_examples: tuple[str, ...] = ()

    def set_good_examples(self, ids: tuple[str | None, ...]) -> None:
        """Keep the listed collaborations that are in the directory, once each, in the list's order."""
        found = [id_ for id_ in ids if id_ in self.entries and self.entries[id_].type == "collaborations"]
        self.good_examples = tuple(dict.fromkeys(found))

    def is_good_example(self, entry: Entry) -> bool:
        return entry.id in self.good_examples

    def of_type(self, type_: str) -> list[Entry]:
        return [entry for entry in self.entries.values() if entry.type == type_]

    def listed(self) -> list[Entry]:
        """The records residents are offered in lists, the map and the finder: all but the closed
        ones (whose pages stay, so that links to them keep working)."""
        return [entry for entry in self.entries.values() if not entry.record.closed]

    def protected_places(self, entry: Entry) -> list[Entry]:
        """The protected records an entry is at: itself, or the meeting places it refers to
        (a volunteer role's place, a collaboration's places), whose protection it takes on."""
        record = entry.record
        if entry.type in ("organisations", "places"):
            return [entry] if record.protected else []
        ids = [record.place] if entry.type == "roles" else record.places if entry.type == "collaborations" else []
        places = [self.entries.get(id_) for id_ in ids if id_]
        return [place for place in places if place is not None and place.type == "places" and place.record.protected]

    def counts(self) -> dict[str, int]:
        return {type_: len(self.of_type(type_)) for type_ in TYPES}
