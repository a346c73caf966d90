"""The in-memory directory that every renderer reads: records, categories and areas."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from commonmap.base.words import fold
from commonmap.records import checks
from commonmap.records.geography import Areas
from commonmap.records.helplines import Helpline
from commonmap.records.loader import Loaded
from commonmap.records.model import Collaboration, Record
from commonmap.records.problems import Problem
from commonmap.records.types import TYPES
from commonmap.records.values import Flag, Id, Text, TranslationLanguage, reject
from commonmap.records.whereabouts import sites_of

LABEL_MAX, DESCRIPTION_MAX, MAX_CATEGORIES = 80, 300, 100
# A category's everyday words: short, as people type them ("tak över huvudet" is the longest today).
SEARCH_WORD_MAX, MAX_SEARCH_WORDS = 40, 40

SearchWord = Annotated[str, AfterValidator(checks.search_word), Field(max_length=SEARCH_WORD_MAX)]


class CategoryText(BaseModel):
    """A category's name and description in one of the site's other languages. English may leave
    out the name, which is the category's label_en."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Text | None = Field(None, max_length=LABEL_MAX)
    description: Text | None = Field(None, max_length=DESCRIPTION_MAX)


class CategoryDef(BaseModel):
    """One category of categories.yml; its id becomes /kategorier/<id>/, so it has a record id's form."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    label: Text = Field(max_length=LABEL_MAX)
    label_en: Text = Field(max_length=LABEL_MAX)
    description: Text = Field(max_length=DESCRIPTION_MAX)
    icon: Annotated[str, AfterValidator(checks.icon)]
    color: Annotated[str, AfterValidator(checks.color)]
    # The words residents use for the category's subject ("kurator", "ångest"); the search finds
    # the category's records by them.
    search_words: list[SearchWord] = Field(min_length=1, max_length=MAX_SEARCH_WORDS)
    # Pages about this need (violence, victims of crime) get the "Lämna sidan snabbt" button.
    quick_exit: Flag = False
    # The label and description in the site's other languages (commonmap/base/languages.py).
    translations: dict[TranslationLanguage, CategoryText] = Field(default_factory=dict)

    def label_in(self, language: str) -> str | None:
        """The label in a language other than Swedish, or None where it is not translated."""
        text = self.translations.get(language)
        label = text.label if text else None
        return label or (self.label_en if language == "en" else None)

    def description_in(self, language: str) -> str | None:
        text = self.translations.get(language)
        return text.description if text else None

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

    categories: list[CategoryDef] = Field(min_length=1, max_length=MAX_CATEGORIES)

    @model_validator(mode="after")
    def _no_repeats(self) -> Vocabulary:
        """Two categories with one id or one label could not be told apart."""
        errors = []
        for name in ("id", "label", "label_en"):
            first: dict[str, int] = {}
            for index, category in enumerate(self.categories):
                value = getattr(category, name)
                if value.casefold() in first:
                    params = {"value": value, "other": first[value.casefold()] + 1}
                    errors.append((("categories", index, name), "duplicate-category", params))
                first.setdefault(value.casefold(), index)
        reject(self, errors)
        return self


def vocabulary_warnings(loaded: Loaded, vocabulary: Vocabulary) -> list[Problem]:
    """Categories that share a colour look the same on the map."""
    found, first = [], {}
    for index, category in enumerate(vocabulary.categories):
        if category.color in first:
            line, col = loaded.position(("categories", index, "color"))
            params = {"value": category.color, "other": first[category.color]}
            found.append(Problem(loaded.file, line, col, "duplicate-color", params))
        first.setdefault(category.color, category.id)
    return found


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


def good_examples_of(ids: tuple[str | None, ...], entries: dict[str, Entry]) -> tuple[str, ...]:
    """The listed collaborations that are in the directory, once each, in the list's order."""
    found = [id_ for id_ in ids if id_ in entries and isinstance(entries[id_].record, Collaboration)]
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Directory:
    """Built last, once every record is judged (validate.py), and not changed after."""

    root: Path
    categories: dict[str, CategoryDef]
    areas: Areas
    entries: dict[str, Entry] = field(default_factory=dict)  # by id, in id order
    helplines: list[Helpline] = field(default_factory=list)  # the crisis strip (stodlinjer.yml), in file order
    files: dict[str, int] = field(default_factory=dict)  # record files read per type, valid or not
    # The municipality's good examples (directory/good_examples.yml), in the list's order (good_examples_of).
    good_examples: tuple[str, ...] = ()

    @cached_property
    def referred_by(self) -> dict[str, tuple[Entry, ...]]:
        """The records that refer to each id (Record.refers_to), in id order: the other way of
        every reference, for the pages' links back."""
        found: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            for target in entry.record.refers_to:
                found.setdefault(target, []).append(entry)
        return {target: tuple(entries) for target, entries in found.items()}

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
        return [site for site in sites_of(entry, self.entries) if site.record.is_protected]

    def quick_exit(self, entry: Entry) -> bool:
        """Pages about violence and victims get "Lämna sidan snabbt": a record in a category
        marked quick_exit in categories.yml (itself or one of its services), or at a protected place."""
        record = entry.record
        ids = set(record.categories) | {c for s in record.offers for c in s.categories}
        return any(self.categories[c].quick_exit for c in ids if c in self.categories) or bool(
            self.protected_places(entry)
        )

    def counts(self) -> dict[str, int]:
        return {type_: len(self.of_type(type_)) for type_ in TYPES}
