"""Read and check a whole directory: every problem collected, every valid record kept.

The one entry point is `read_directory`; the site, the map and the exports all start from the
`Directory` it returns, and `commonmap validate` prints its problems.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel

from commonmap.base import clock, parallel
from commonmap.records import areasfile, consistency, domains, goodexamples, helplines, inputs, typed
from commonmap.records.directory import CategoryDef, Directory, Entry, Vocabulary, good_examples_of, vocabulary_warnings
from commonmap.records.duplicates import Keys, duplicate_warnings, record_keys
from commonmap.records.geography import Areas
from commonmap.records.inputs import AREAS_FILE, CATEGORIES_FILE
from commonmap.records.loader import Loaded, load_file
from commonmap.records.model import Record
from commonmap.records.problems import Problem, field_name
from commonmap.records.suggest import suggest, vocabulary_id
from commonmap.records.types import REFERENCES, TYPE_NAMES, TYPES
from commonmap.records.whereabouts import sites_of

M = TypeVar("M", bound=BaseModel)
STALE_MONTHS = 12


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


def read_directory(root: Path, today: date | None = None, workers: int = 1) -> tuple[Directory | None, list[Problem]]:
    """Everything that can be checked is checked; valid records are kept even when others fail.
    With workers > 1 the files are checked in that many processes (parallel.py). The callers pause
    the garbage collector around it (cli.read, the plugin): a speed setting, not the library's."""
    return _read_directory(root, today or clock.today(), workers)


def _read_directory(root: Path, today: date, workers: int) -> tuple[Directory | None, list[Problem]]:
    problems: list[Problem] = []
    found = inputs.inventory(str(root), _relative(root, root))
    problems += found.problems
    categories = _read_categories(root, problems)
    lines, lines_loaded = _read_model(root, helplines.HELPLINES_FILE, helplines.Helplines, problems, required=False)
    areas, area_problems = areasfile.read(str(root / AREAS_FILE), _relative(root, root / AREAS_FILE))
    problems += area_problems
    good = goodexamples.read(root, _relative(root, root / goodexamples.FILE), problems)
    if categories is None or areas is None:
        return None, sorted(problems, key=lambda p: (p.file, p.line, p.col, p.code))
    files = found.records
    terms = Terms(categories, areas)
    checked = parallel.map_shares(partial(_check_files, terms=terms, today=today), files, workers)
    for item in checked:
        problems += item.problems
    first, entries = _collect([item for item in checked if _field(item.subject, "id")], problems)
    if good is not None:
        candidates = {id_: goodexamples.Candidate(item.type, item.file, item.subject) for id_, item in first.items()}
        problems += goodexamples.check(good, candidates)
    directory = Directory(
        root,
        categories,
        areas,
        entries,
        helplines=lines.helplines if lines else [],
        files={type_: sum(t == type_ for _, t, _ in files) for type_ in TYPES},
        good_examples=good_examples_of(good.ids, entries) if good is not None else (),
    )
    if lines and lines_loaded:
        problems += helplines.problems(lines, lines_loaded.file, lines_loaded.position, directory.entries)
    return directory, sorted(problems, key=lambda p: (p.file, p.line, p.col, p.code))


def _relative(root: Path, path: Path) -> str:
    return str(Path(root.name) / path.relative_to(root)) if root.name else str(path)


def _check_files(files: list[tuple[str, str, str]], terms: Terms, today: date) -> list[Checked]:
    """Every check that a file needs alone: reading, the schema, the vocabulary, dates, areas."""
    checked = [_check_file(file) for file in files]
    judged = [item for item in checked if item.subject is not None]
    with_location = [item for item in judged if _point(item.subject)]
    points = [_point(item.subject) for item in with_location]
    for item, where in zip(with_location, terms.areas.locate(points), strict=True):
        item.located = where
    for item in judged:
        item.problems += _record_problems(item, terms, today)
        if item.record is not None:
            item.keys = record_keys(item.record, item.type)
    return checked


def _point(record: BaseModel) -> tuple[float, float] | None:
    location = _field(record, "location")
    lat, lon = _field(location, "lat"), _field(location, "lon")
    return (lat, lon) if lat is not None and lon is not None else None


def _check_file(item: tuple[str, str, str]) -> Checked:
    path, type_, name = item
    problems: list[Problem] = []
    loaded, found = load_file(path, name)
    problems += found
    record, partial_ = typed.build(loaded, TYPES[type_], problems) if loaded is not None else (None, None)
    kept = loaded if record is not None or partial_ is not None else None
    return Checked(name, path, type_, record, problems, loaded=kept, partial=partial_)


def _read_model(
    root: Path, name: str, model: type[M], problems: list[Problem], required: bool = True
) -> tuple[M | None, Loaded | None]:
    """A file beside the type folders (categories.yml, stodlinjer.yml) as its model, with the
    positions for later messages; a missing required file is a problem, an optional one is None."""
    path = root / name
    if not path.exists():
        if required:
            problems.append(
                Problem(_relative(root, path), 1, 1, "bad-vocabulary", {"file": name, "detail": "filen saknas"})
            )
        return None, None
    loaded, found = load_file(path, _relative(root, path))
    problems += found
    return (typed.build(loaded, model, problems)[0] if loaded is not None else None), loaded


def _read_categories(root: Path, problems: list[Problem]) -> dict[str, CategoryDef] | None:
    """The vocabulary (categories.yml), read like a record file and held to its model."""
    loaded, found = load_file(root / CATEGORIES_FILE, _relative(root, root / CATEGORIES_FILE))
    problems += found
    vocabulary = typed.build(loaded, Vocabulary, problems)[0] if loaded is not None else None
    if vocabulary is None:
        return None
    problems += vocabulary_warnings(loaded, vocabulary)
    return {c.id: c for c in vocabulary.categories}


def _record_problems(item: Checked, terms: Terms, today: date) -> Iterator[Problem]:
    """Checks of one record that need the vocabulary, the areas or today's date. On a partial
    record, the checks of fields that are left out are skipped: those have problems of their own."""
    record = item.subject

    def at(path: tuple, code: str, key: bool = False, **params: object) -> Problem:
        line, col = item.position(path, key=key)
        return Problem(item.file, line, col, code, {"field": field_name(path), **params})

    id_ = _field(record, "id")
    expected = os.path.splitext(os.path.basename(item.file))[0]
    if id_ is not None and id_ != expected:
        yield at(("id",), "id-mismatch", value=id_, expected=expected)
    explained = item.loaded.explained if item.loaded else frozenset()  # the loader said what is wrong
    labels = {c.id: c.label for c in terms.categories.values()}
    for path, category in _categories(record):
        if category not in terms.categories and path not in explained:
            code, params = _unknown(category, labels, "category")
            yield at(path, code, **params, allowed=", ".join(terms.categories))
    names = {area.id: area.name for area in terms.areas}
    for index, area in enumerate(_field(record, "areas", ())):
        if area is not None and area not in terms.areas.by_id and ("areas", index) not in explained:
            code, params = _unknown(area, names, "area")
            yield at(("areas", index), code, **params)
    yield from _date_problems(record, today, at)
    if item.type == "collaborations" and _field(record, "status") is not None:
        yield from _status_problems(record, today, at)
    yield from _domain_warnings(_field(record, "contact"), at)
    location = _field(record, "location")
    point = _point(record)
    if point and item.located is None:
        params = {"lat": location.lat, "lon": location.lon}
        swapped = terms.areas.locate([(location.lon, location.lat)])[0] is not None
        yield at(("location",), "swapped-coordinates" if swapped else "outside-municipality", **params)


def _unknown(value: str, labels: dict[str, str], kind: str) -> tuple[str, dict]:
    """A category or area that is not in the vocabulary: its label written for its id, or unknown."""
    id_ = vocabulary_id(value, labels)
    if id_ is not None:
        return f"{kind}-label", {"value": value, "id": id_}
    return f"unknown-{kind}", {"value": value, "suggestion": suggest(value, labels)}


def _domain_warnings(contact: BaseModel | None, at) -> Iterator[Problem]:
    """International domain names whose labels mix scripts, shown in their punycode form too."""
    website, email = _field(contact, "website"), _field(contact, "email")
    hosts = [("website", urlsplit(website).hostname if website else None)]
    hosts.append(("email", email.rpartition("@")[2] if email else None))
    for field, host in hosts:
        if host and domains.is_international(host):
            scripts = domains.mixed_scripts(host)
            if scripts:
                params = {"value": host, "ascii": domains.to_ascii(host), "scripts": ", ".join(scripts).lower()}
                yield at(("contact", field), "mixed-script-domain", **params)


def _status_problems(record: BaseModel, today: date, at) -> Iterator[Problem]:
    """A collaboration's status against its period (consistency.py); a period left out of a
    partial record, or with an end before its start, has a problem of its own."""
    period = _field(record, "period")
    start, end = _field(period, "start"), _field(period, "end")
    if period is not None and (start is None or end and end < start[: len(end)]):
        return
    dates = SimpleNamespace(start=start, end=end) if period is not None else None
    for path, code, params in consistency.period_status(_field(record, "status"), dates, today.isoformat()):
        yield at(path, code, **params)


def _date_problems(record: BaseModel, today: date, at) -> Iterator[Problem]:
    reviewed = _field(record, "last_reviewed")
    if reviewed is not None:
        if date.fromisoformat(reviewed) > today:
            yield at(("last_reviewed",), "future-review", value=reviewed)
        elif months_between(date.fromisoformat(reviewed), today) >= STALE_MONTHS:
            yield at(("last_reviewed",), "stale", value=reviewed, months=STALE_MONTHS)
    period = _field(record, "period")
    start, end = _field(period, "start"), _field(period, "end")
    if start and end and end < start[: len(end)]:
        yield at(("period", "end"), "end-before-start", start=start, end=end)


def _field(record: BaseModel | None, name: str, default: object = None) -> object:
    """A field of a record, or `default` when the record type has no such field, it is not set, or
    it is left out of a partial record. (getattr through pydantic's __getattr__ costs a failed
    lookup and an exception for every record without the field.)"""
    found = record.__dict__.get(name, default) if record is not None else default
    return default if found is None else found


def _categories(record: BaseModel) -> Iterator[tuple[tuple, str]]:
    for index, category in enumerate(_field(record, "categories", ())):
        if category is not None:
            yield ("categories", index), category
    for s, service in enumerate(_field(record, "services", ())):
        for index, category in enumerate(_field(service, "categories", ())):
            if category is not None:
                yield ("services", s, "categories", index), category


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (also `commonmap stale`'s count)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


def _collect(checked: list[Checked], problems: list[Problem]) -> tuple[dict[str, Checked], dict[str, Entry]]:
    """Cross-record checks, then the valid records as entries with their areas, in id order.
    Records with problems take part in the checks (a reference to one is not "unknown"), not the
    directory. Returns the first record of each id, and the entries."""
    first: dict[str, Checked] = {}
    for item in checked:
        id_ = item.subject.id
        if id_ in first:
            line, col = item.position(("id",))
            params = {"field": "id", "value": id_, "other": first[id_].file}
            problems.append(Problem(item.file, line, col, "duplicate-id", params))
        else:
            first[id_] = item
    types = {id_: item.type for id_, item in first.items()}
    for item in first.values():
        problems += _reference_problems(item, types)
    kept = [item for item in first.values() if item.record is not None]
    problems += duplicate_warnings([(item, item.record, item.type) for item in kept], [item.keys for item in kept])
    valid = {id_: item for id_, item in first.items() if item.record is not None}
    entries = {
        id_: Entry(item.record, item.type, item.file, _located_in(item, valid)) for id_, item in sorted(valid.items())
    }
    return first, entries


def _reference_problems(item: Checked, types: dict[str, str]) -> Iterator[Problem]:
    own = item.subject.id
    for index, target in enumerate(_field(item.subject, "distinct_from", ())):  # any type of record, not itself
        if target is None or target != own and target in types:
            continue
        line, col = item.position(("distinct_from", index))
        params = {"field": "distinct_from", "value": target}
        if target == own:
            yield Problem(item.file, line, col, "self-reference", params)
        else:
            yield Problem(item.file, line, col, "unknown-record", {**params, "suggestion": suggest(target, types)})
    for path, target, expected in references(item.subject):
        found = types.get(target)
        if found == expected:
            continue
        line, col = item.position(path)
        params = {"field": field_name(path), "value": target, "expected": TYPE_NAMES[expected], "folder": expected}
        if found is None:
            params["suggestion"] = suggest(target, [i for i, t in types.items() if t == expected])
            yield Problem(item.file, line, col, "unknown-reference", params)
        else:
            yield Problem(item.file, line, col, "wrong-reference-type", {**params, "found": TYPE_NAMES[found]})


def references(record: BaseModel) -> Iterator[tuple[tuple, str, str]]:
    """(path, target id, expected type folder) for every reference a record makes."""
    for field, folder in REFERENCES.items():
        value = _field(record, field)
        if isinstance(value, str):
            yield (field,), value, folder
        elif isinstance(value, list):
            for index, target in enumerate(value):
                if target is not None:
                    yield (field, index), target, folder
    for index, partner in enumerate(_field(record, "partners", ())):
        organisation = _field(partner, "organisation")
        if organisation is not None:
            yield ("partners", index, "organisation"), organisation, "organisations"


def _located_in(item: Checked, by_id: dict[str, Checked]) -> tuple[str, ...]:
    """Areas from the record's own point, or from the points of the meeting places it is at."""
    if item.record.own_location is not None:
        return item.located or ()
    found: set[str] = set()
    for place in sites_of(item, by_id):
        if place is item:  # at a site of its own without a point
            continue
        found.update(place.located or ())
        if place.record.is_protected:  # no point: it is where it says it serves
            found.update(place.record.areas)
    return tuple(sorted(found))
