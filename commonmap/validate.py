"""Read and check a whole directory: every problem collected, every valid record kept.

The one entry point is `read_directory`; the site, the map and the exports all start from the
`Directory` it returns, and `commonmap validate` prints its problems.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from commonmap import areasfile, clock, collector, consistency, domains, helplines, inputs, messages, parallel
from commonmap.directory import CategoryDef, Directory, Entry, Vocabulary, vocabulary_warnings
from commonmap.duplicates import Keys, duplicate_warnings, record_keys
from commonmap.inputs import AREAS_FILE, CATEGORIES_FILE
from commonmap.loader import Loaded, load_file
from commonmap.model import FIELDS, REFERENCES, TYPES, Record
from commonmap.problems import Problem

M = TypeVar("M", bound=BaseModel)
STALE_MONTHS = 12
TYPE_NAMES = {
    "organisations": "organisation",
    "places": "mötesplats",
    "roles": "volontäruppdrag",
    "collaborations": "samverkan",
}


@dataclass
class Checked:
    """One record file after the checks it needs on its own: its record (None when invalid), its
    problems and the areas its coordinates lie in (None: outside the municipality)."""

    file: str  # the name in messages
    path: str  # where it is read
    type: str  # its type folder
    record: Record | None
    problems: list[Problem]
    located: tuple[str, ...] | None = None
    keys: Keys | None = None  # for the look-alike check across records (duplicates.py)
    loaded: Loaded | None = None  # the positions, for the rare problem found across records

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
    With workers > 1 the files are checked in that many processes (parallel.py)."""
    with collector.paused():
        return _read_directory(root, today or clock.today(), workers)


def _read_directory(root: Path, today: date, workers: int) -> tuple[Directory | None, list[Problem]]:
    problems: list[Problem] = []
    found = inputs.inventory(str(root), _relative(root, root))
    problems += found.problems
    categories = _read_categories(root, problems)
    lines, lines_loaded = _read_model(root, helplines.HELPLINES_FILE, helplines.Helplines, problems, required=False)
    areas, area_problems = areasfile.read(str(root / AREAS_FILE), _relative(root, root / AREAS_FILE))
    problems += area_problems
    if categories is None or areas is None:
        return None, sorted(problems, key=lambda p: (p.file, p.line, p.col, p.code))
    directory = Directory(root, categories, areas, helplines=lines.helplines if lines else [])
    files = found.records
    directory.files = {type_: sum(t == type_ for _, t, _ in files) for type_ in TYPES}
    checked = parallel.map_shares(partial(_check_files, directory=directory, today=today), files, workers)
    for item in checked:
        problems += item.problems
    _collect(directory, [item for item in checked if item.record is not None], problems)
    if lines and lines_loaded:
        problems += helplines.problems(lines, lines_loaded.file, lines_loaded.position, directory.entries)
    return directory, sorted(problems, key=lambda p: (p.file, p.line, p.col, p.code))


def _relative(root: Path, path: Path) -> str:
    return str(Path(root.name) / path.relative_to(root)) if root.name else str(path)


def _check_files(files: list[tuple[str, str, str]], directory: Directory, today: date) -> list[Checked]:
    """Every check that a file needs alone: reading, the schema, the vocabulary, dates, areas."""
    checked = [_check_file(file) for file in files]
    valid = [item for item in checked if item.record is not None]
    with_location = [item for item in valid if _field(item.record, "location")]
    points = [(item.record.location.lat, item.record.location.lon) for item in with_location]
    for item, where in zip(with_location, directory.areas.locate(points), strict=True):
        item.located = where
    for item in valid:
        item.problems += _record_problems(item, directory, today)
        item.keys = record_keys(item.record, item.type)
    return checked


def _check_file(item: tuple[str, str, str]) -> Checked:
    path, type_, name = item
    problems: list[Problem] = []
    loaded, found = load_file(path, name)
    problems += found
    record = _typed(loaded, TYPES[type_], problems) if loaded is not None else None
    return Checked(name, path, type_, record, problems, loaded=loaded if record is not None else None)


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
    return (_typed(loaded, model, problems) if loaded is not None else None), loaded


def _read_categories(root: Path, problems: list[Problem]) -> dict[str, CategoryDef] | None:
    """The vocabulary (categories.yml), read like a record file and held to its model."""
    loaded, found = load_file(root / CATEGORIES_FILE, _relative(root, root / CATEGORIES_FILE))
    problems += found
    vocabulary = _typed(loaded, Vocabulary, problems) if loaded is not None else None
    if vocabulary is None:
        return None
    problems += vocabulary_warnings(loaded, vocabulary)
    return {c.id: c for c in vocabulary.categories}


def _typed(loaded: Loaded, model: type[M], problems: list[Problem]) -> M | None:
    """The model built from a file's strings, or None with every schema problem reported."""
    try:
        result = model.model_validate(loaded.data)
    except ValidationError as error:
        problems += [_schema_problem(loaded, model, e) for e in error.errors(include_url=False)]
        return None
    problems += _unquoted(loaded, result)
    return result


def _unquoted(loaded: Loaded, result: BaseModel) -> list[Problem]:
    """Unquoted numbers and booleans that are text to us but would not be to another YAML reader."""
    found = []
    for path in sorted(loaded.typed, key=str):
        value: object = result
        for step in path:
            value = value[step] if isinstance(step, int) else getattr(value, step, None)
        if isinstance(value, str):
            line, col = loaded.position(path)
            found.append(Problem(loaded.file, line, col, "needs-quotes", {"value": value}))
    return found


def _schema_problem(loaded: Loaded, model: type[BaseModel], error: dict) -> Problem:
    path = tuple(step for step in error["loc"] if isinstance(step, int) or not _is_internal(step))
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    line, col = loaded.position(path, key=kind in ("extra_forbidden", "missing"))
    code, params = _code_for(kind, value, ctx, path, model)
    return Problem(loaded.file, line, col, code, params)


def _is_internal(step: str) -> bool:
    """pydantic adds steps such as 'function-after[...]' to a location; they are not fields."""
    return "[" in step or step in ("str", "bool", "float", "list")


def _choices(expected: str) -> str:
    """pydantic's "'mo', 'tu' or 'su'" as Swedish: "mo, tu eller su"."""
    values = re.findall(r"'([^']*)'", expected) or [expected]
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " eller " + values[-1]


def _code_for(kind: str, value: object, ctx: dict, path: tuple, model: type[BaseModel]) -> tuple[str, dict]:
    field = str(path[-1]) if path else ""
    if kind in messages.MESSAGES:
        return kind, dict(ctx)
    if value == "" and kind != "missing":
        return "empty-value", {}
    if kind == "missing":
        return "missing-field", {"field": field}
    if kind == "extra_forbidden":
        allowed = _fields_at(model, path[:-1])
        return "unknown-field", {"field": field, "suggestion": _suggest(field, allowed), "allowed": ", ".join(allowed)}
    if kind == "literal_error":
        return "invalid-choice", {"value": value, "allowed": _choices(ctx.get("expected", ""))}
    if kind == "too_short":
        return "empty-list", {"min": ctx.get("min_length", 1)}
    if kind == "string_too_long" or kind == "too_long" and isinstance(value, str):
        return "too-long", {"length": len(str(value)), "limit": ctx.get("max_length")}
    if kind == "too_long":
        return "too-many-items", {"count": ctx.get("actual_length"), "limit": ctx.get("max_length")}
    found = _describe(value)
    if kind == "list_type":
        return "expected-list", {"found": found}
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "expected-mapping", {"found": found}
    return "expected-text", {"found": found}


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "underfält"
    return f"'{value}'"


def _fields_at(model: type[BaseModel], path: tuple) -> list[str]:
    """The field names allowed at a path, for "did you mean" suggestions."""
    current: type[BaseModel] = model
    for step in path:
        if isinstance(step, int):
            continue
        annotation = current.model_fields[step].annotation if step in current.model_fields else None
        nested = _model_in(annotation)
        if nested is None:
            break
        current = nested
    return list(current.model_fields)


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _record_problems(item: Checked, directory: Directory, today: date) -> Iterator[Problem]:
    """Checks of one record that need the vocabulary, the areas or today's date."""
    record = item.record

    def at(path: tuple, code: str, severity: str = "error", key: bool = False, **params: object) -> Problem:
        line, col = item.position(path, key=key)
        return Problem(item.file, line, col, code, params, severity)  # type: ignore[arg-type]

    expected = os.path.splitext(os.path.basename(item.file))[0]
    if record.id != expected:
        yield at(("id",), "id-mismatch", value=record.id, expected=expected)
    for path, category in _categories(record):
        if category not in directory.categories:
            yield at(
                path,
                "unknown-category",
                value=category,
                suggestion=_suggest(category, directory.categories),
                allowed=", ".join(directory.categories),
            )
    for index, area in enumerate(record.areas):
        if area not in directory.areas.by_id:
            yield at(("areas", index), "unknown-area", value=area, suggestion=_suggest(area, directory.areas.by_id))
    reviewed = record.reviewed
    if reviewed > today:
        yield at(("last_reviewed",), "future-review", value=record.last_reviewed)
    elif months_between(reviewed, today) >= STALE_MONTHS:
        yield at(("last_reviewed",), "stale", "warning", value=record.last_reviewed, months=STALE_MONTHS)
    period = _field(record, "period")
    if period and period.end and period.end < period.start[: len(period.end)]:
        yield at(("period", "end"), "end-before-start", start=period.start, end=period.end)
    elif item.type == "collaborations":
        for path, code, severity, params in consistency.period_status(record.status, period, today.isoformat()):
            yield at(path, code, severity, **params)
    if record.contact is not None:
        yield from _domain_warnings(record.contact, at)
    location = _field(record, "location")
    if location and item.located is None:
        params = {"lat": location.lat, "lon": location.lon}
        swapped = directory.areas.locate([(location.lon, location.lat)])[0] is not None
        yield at(("location",), "swapped-coordinates" if swapped else "outside-municipality", **params)


def _domain_warnings(contact, at) -> Iterator[Problem]:
    """International domain names whose labels mix scripts, shown in their punycode form too."""
    hosts = [("website", urlsplit(contact.website).hostname if contact.website else None)]
    hosts.append(("email", contact.email.rpartition("@")[2] if contact.email else None))
    for field, host in hosts:
        if host and domains.is_international(host):
            scripts = domains.mixed_scripts(host)
            if scripts:
                params = {"value": host, "ascii": domains.to_ascii(host), "scripts": ", ".join(scripts).lower()}
                yield at(("contact", field), "mixed-script-domain", "warning", **params)


def _field(record: Record, name: str, default: object = None) -> object:
    """A field that only some record types have. getattr(record, name, default) costs a failed
    lookup through pydantic's __getattr__ and an exception for every record without it."""
    return getattr(record, name) if name in FIELDS[type(record)] else default


def _categories(record: Record) -> Iterator[tuple[tuple, str]]:
    for index, category in enumerate(record.categories):
        yield ("categories", index), category
    for s, service in enumerate(_field(record, "services", [])):
        for index, category in enumerate(service.categories):
            yield ("services", s, "categories", index), category


def _suggest(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" Menade du '{close[0]}'?" if close else ""


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (also `commonmap stale`'s count)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


def _collect(directory: Directory, checked: list[Checked], problems: list[Problem]) -> None:
    """Cross-record checks, then the valid records into the directory with their areas."""
    first: dict[str, Checked] = {}
    for item in checked:
        if item.record.id in first:
            line, col = item.position(("id",))
            params = {"value": item.record.id, "other": first[item.record.id].file}
            problems.append(Problem(item.file, line, col, "duplicate-id", params))
        else:
            first[item.record.id] = item
    kept = list(first.values())
    types = {id_: item.type for id_, item in first.items()}
    for item in kept:
        problems += _reference_problems(item, types)
    problems += duplicate_warnings([(item, item.record, item.type) for item in kept], [item.keys for item in kept])
    for id_ in sorted(first):
        item = first[id_]
        directory.entries[id_] = Entry(item.record, item.type, item.file, _located_in(item, first))


def _reference_problems(item: Checked, types: dict[str, str]) -> Iterator[Problem]:
    for index, target in enumerate(item.record.distinct_from):  # any type of record, not itself
        if target == item.record.id or target not in types:
            line, col = item.position(("distinct_from", index))
            if target == item.record.id:
                yield Problem(item.file, line, col, "self-reference", {"value": target})
            else:
                yield Problem(
                    item.file, line, col, "unknown-record", {"value": target, "suggestion": _suggest(target, types)}
                )
    for path, target, expected in references(item.record):
        found = types.get(target)
        if found == expected:
            continue
        line, col = item.position(path)
        params = {"value": target, "expected": TYPE_NAMES[expected], "folder": expected}
        if found is None:
            params["suggestion"] = _suggest(target, [i for i, t in types.items() if t == expected])
            yield Problem(item.file, line, col, "unknown-reference", params)
        else:
            yield Problem(item.file, line, col, "wrong-reference-type", {**params, "found": TYPE_NAMES[found]})


def references(record: Record) -> Iterator[tuple[tuple, str, str]]:
    """(path, target id, expected type folder) for every reference a record makes."""
    for field, folder in REFERENCES.items():
        value = _field(record, field)
        if isinstance(value, str):
            yield (field,), value, folder
        elif isinstance(value, list):
            for index, target in enumerate(value):
                yield (field, index), target, folder
    for index, partner in enumerate(_field(record, "partners", [])):
        yield ("partners", index, "organisation"), partner.organisation, "organisations"


def _located_in(item: Checked, by_id: dict[str, Checked]) -> tuple[str, ...]:
    """Areas from the record's own point, or from the points of the places it refers to."""
    record = item.record
    if _field(record, "location") is not None:
        return item.located or ()
    place_ids = [_field(record, "place"), *_field(record, "places", [])]
    found: set[str] = set()
    for place_id in filter(None, place_ids):
        place = by_id.get(place_id)
        if place is not None and place.type == "places":
            found.update(_located_in(place, by_id))
            if _field(place.record, "protected", False):  # no point: it is where it says it serves
                found.update(place.record.areas)
    return tuple(sorted(found))
