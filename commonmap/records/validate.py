"""Read and check a whole directory: every problem collected, every valid record kept.

The one entry point is `read_directory`; the site, the map and the exports all start from the
`Directory` it returns, and `commonmap validate` prints its problems. By job: the files are found
(inputs.py) and read (loader.py, typed.py), each record is held to its rules (rules.py) as a
`Checked` (checked.py), then across records: ids, references (references.py) and look-alikes
(duplicates.py); the Directory is built last.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from commonmap.base import clock, parallel
from commonmap.records import areasfile, goodexamples, helplines, inputs, typed
from commonmap.records.checked import Checked, Terms, point_of, value_of
from commonmap.records.compact import compact
from commonmap.records.directory import CategoryDef, Directory, Entry, Vocabulary, good_examples_of, vocabulary_warnings
from commonmap.records.duplicates import duplicate_warnings, record_keys
from commonmap.records.inputs import AREAS_FILE, CATEGORIES_FILE
from commonmap.records.loader import Loaded, load_file
from commonmap.records.problems import Problem
from commonmap.records.readcache import ReadCache
from commonmap.records.references import located_in, reference_problems
from commonmap.records.rules import record_problems
from commonmap.records.types import TYPES

M = TypeVar("M", bound=BaseModel)
CHUNK = 500  # record files checked together (_check_files)


def read_directory(
    root: Path, today: date | None = None, workers: int = 1, cache: ReadCache | None = None
) -> tuple[Directory | None, list[Problem]]:
    """Everything that can be checked is checked; valid records are kept even when others fail.
    With workers > 1 the files are checked in that many processes (parallel.py); with a cache
    (the preview), only the files changed since the last read are (readcache.py). The callers pause
    the garbage collector around it (cli.read, the plugin): a speed setting, not the library's."""
    return _read_directory(root, today or clock.today(), workers, cache)


def _read_directory(
    root: Path, today: date, workers: int, cache: ReadCache | None
) -> tuple[Directory | None, list[Problem]]:
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
    check = partial(parallel.map_shares, partial(_check_files, terms=terms, today=today), workers=workers)
    checked = cache.checks(files, check) if cache is not None and cache.today == today else check(files)
    for item in checked:
        problems += item.problems
    first, entries = _collect([item for item in checked if value_of(item.subject, "id")], problems)
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
    """Every check that a file needs alone: reading, the schema, the vocabulary, dates, areas.
    A few hundred files at a time, whose positions are let go after their checks (the rare
    problem found across records reads them again: Checked.position): 30,000 files' positions
    at once were most of a build's memory (issue 24)."""
    found: list[Checked] = []
    for start in range(0, len(files), CHUNK):
        found += _check_chunk(files[start : start + CHUNK], terms, today)
    return found


def _check_chunk(files: list[tuple[str, str, str]], terms: Terms, today: date) -> list[Checked]:
    checked = [_check_file(file) for file in files]
    judged = [item for item in checked if item.subject is not None]
    with_location = [item for item in judged if point_of(item.subject)]
    points = [point_of(item.subject) for item in with_location]
    for item, where in zip(with_location, terms.areas.locate(points), strict=True):
        item.located = where
    for item in judged:
        item.problems += record_problems(item, terms, today)
        if item.record is not None:
            item.keys = record_keys(item.record, item.type)
    for item in checked:
        item.loaded = None
    return checked


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
        problems += reference_problems(item, types)
    kept = [item for item in first.values() if item.record is not None]
    problems += duplicate_warnings([(item, item.record, item.type) for item in kept], [item.keys for item in kept])
    valid = {id_: item for id_, item in first.items() if item.record is not None}
    entries = {
        id_: Entry(compact(item.record), item.type, item.file, located_in(item, valid))
        for id_, item in sorted(valid.items())
    }
    return first, entries
