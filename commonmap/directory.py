"""The in-memory directory that every renderer reads: records, categories and areas."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from commonmap import checks
from commonmap.geography import Areas
from commonmap.model import TYPES, Record, reject
from commonmap.search.words import fold

SearchWord = Annotated[str, AfterValidator(checks.search_word)]


class CategoryDef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=checks.ID_PATTERN.pattern)
    label: str = Field(min_length=1)
    label_en: str = Field(min_length=1)
    description: str = Field(min_length=1)
    icon: str = Field(min_length=1)
    color: str = Field(pattern=r"^#[0-9a-f]{6}$")
    # The words residents use for the category's subject ("kurator", "ångest"); the search finds
    # the category's records by them.
    search_words: list[SearchWord] = Field(min_length=1)

    @model_validator(mode="after")
    def _distinct_words(self) -> CategoryDef:
        first: dict[str, int] = {}
        repeated = []
        for index, word in enumerate(self.search_words):
            if fold(word).strip() in first:
                repeated.append((("search_words", index), "duplicate-search-word", {"value": word}))
            first.setdefault(fold(word).strip(), index)
        reject(self, repeated)
        return self


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
