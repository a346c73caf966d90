"""References between records: every reference a record makes, the problems of those that point
nowhere or at the wrong type, and the areas a record is in through the places it refers to."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from commonmap.records.checked import Checked, value_of
from commonmap.records.problems import Problem, field_name
from commonmap.records.suggest import suggest
from commonmap.records.types import REFERENCES, TYPE_NAMES
from commonmap.records.whereabouts import sites_of


def reference_problems(item: Checked, types: dict[str, str]) -> Iterator[Problem]:
    own = item.subject.id
    for index, target in enumerate(value_of(item.subject, "distinct_from", ())):  # any type of record, not itself
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
        value = value_of(record, field)
        if isinstance(value, str):
            yield (field,), value, folder
        elif isinstance(value, list):
            for index, target in enumerate(value):
                if target is not None:
                    yield (field, index), target, folder
    for index, partner in enumerate(value_of(record, "partners", ())):
        organisation = value_of(partner, "organisation")
        if organisation is not None:
            yield ("partners", index, "organisation"), organisation, "organisations"


def located_in(item: Checked, by_id: dict[str, Checked]) -> tuple[str, ...]:
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
