"""Bounds and consistency for every field, proved over the model rather than a hand-made list:
every text field of every record type has a length limit, every list refuses a repeated value,
every reference is checked for existence and type. A field added to the model without a bound
fails `test_the_full_records_cover_every_field` until it is covered here.

The rules across fields (opening hours, status and period, look-alike domains) have their cases
in tests/bad/ (overlapping-hours, repeated-days, ongoing-before-start, ended-in-future,
ended-without-end, ongoing-after-end, distinct-from, mixed-script-domain, invalid-domain).
"""

from __future__ import annotations

import copy
import shutil
import types
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from commonmap.records import checks
from commonmap.records.loader import load_bytes
from commonmap.records.types import REFERENCES, TYPES
from tests.support.directories import MINIMAL, dump_yaml, problem_keys, validate

# A source as a link with its year and note, so that the note's bound is tested too (tests copy FULL).
LINKED_SOURCE = {"url": "https://full.exempel.se/om", "year": 2025, "note": "Adress."}
FULL = {
    "organisations": {
        "id": "full",
        "name": "Full",
        "summary": "Kort.",
        "description": "Lång.",
        "kind": "association",
        "categories": ["gemenskap", "trygghet"],
        "target_groups": ["Unga", "Äldre"],
        "languages": ["sv", "ar"],
        "areas": ["vivalla", "adolfsberg"],
        "distinct_from": ["exempelplatsen", "exempeluppdraget"],
        "contact": {"phone": "019-21 10 01", "phone_label": "Växel", "website": "https://full.exempel.se"},
        "status": "temporarily-closed",
        "status_reason": "Renoveras.",
        "services": [
            {"name": "Läxhjälp", "description": "Hjälp.", "categories": ["gemenskap", "trygghet"]},
            {"name": "Språkcafé"},
        ],
        "address": {"street": "Gatan 1", "postal_code": "703 71", "city": "Örebro"},
        "translations": {"ar": {"name": "الكامل", "summary": "قصير."}},
        "opening_hours": [
            {"days": ["mo", "tu", "we", "th", "fr", "sa", "su"], "opens": "00:00", "closes": "00:00", "note": "Jour"},
            {"days": ["mo"], "opens": "09:00", "closes": "12:00", "note": "Växeln"},
        ],
        "last_reviewed": "2026-01-15",
        "sources": [LINKED_SOURCE, "Källa två"],
    },
    "places": {
        "id": "full",
        "name": "Full",
        "summary": "Kort.",
        "description": "Lång.",
        "hosts": ["exempelforeningen", "full-org"],
        "categories": ["gemenskap"],
        "target_groups": ["Unga"],
        "contact": {"phone_label": "Växel", "email": "info@exempel.se"},
        "status": "temporarily-closed",
        "status_reason": "Renoveras.",
        "address": {"street": "Gatan 1", "postal_code": "703 71", "city": "Örebro"},
        "opening_hours": [
            {"days": ["mo", "tu"], "opens": "10:00", "closes": "12:00", "note": "Förmiddag"},
            {"days": ["we"], "opens": "18:00", "closes": "20:00"},
        ],
        "closed_periods": [
            {"start": "2027-06-21", "end": "2027-08-08", "note": "Sommar"},
            {"start": "2027-12-23", "end": "2028-01-06"},
        ],
        "accessibility": {"wheelchair": "yes", "description": "Ramp."},
        "cost": {"free": "true", "description": "Gratis."},
        "translations": {"ar": {"name": "الكامل", "summary": "قصير."}},
        "last_reviewed": "2026-01-15",
        "sources": [LINKED_SOURCE, "Källa"],
    },
    "roles": {
        "id": "full",
        "name": "Full",
        "summary": "Kort.",
        "description": "Lång.",
        "organisation": "exempelforeningen",
        "place": "exempelplatsen",
        "categories": ["trygghet"],
        "target_groups": ["Vuxna"],
        "contact": {"phone_label": "Samordnare", "email": "info@exempel.se"},
        "status": "temporarily-closed",
        "status_reason": "Uppehåll.",
        "tasks": "Går runt.",
        "time_commitment": "En kväll i månaden.",
        "requirements": ["Fyllda 18 år", "Utdrag ur belastningsregistret"],
        "how_to_apply": "Hör av dig.",
        "translations": {"ar": {"name": "الكامل", "summary": "قصير."}},
        "last_reviewed": "2026-01-15",
        "sources": [LINKED_SOURCE, "Källa"],
    },
    "collaborations": {
        "id": "full",
        "name": "Full",
        "summary": "Kort.",
        "description": "Lång.",
        "categories": ["trygghet"],
        "target_groups": ["Unga"],
        "contact": {"phone_label": "Projektledare", "email": "info@exempel.se"},
        "partners": [{"organisation": "exempelforeningen", "part": "Ledde."}, {"organisation": "full-org"}],
        "places": ["exempelplatsen", "full-place"],
        "period": {"start": "2020", "end": "2022"},
        "status": "ended",
        "outcomes": ["Fler fick jobb.", "Mindre skadegörelse."],
        "funding": ["ESF", "Kommunen"],
        "lessons": ["Tålamod.", "Samsyn."],
        "translations": {"ar": {"name": "الكامل", "summary": "قصير."}},
        "last_reviewed": "2026-01-15",
        "sources": [LINKED_SOURCE, "Källa"],
    },
}
# Records the full ones refer to, of the right types.
HELPERS = {
    "organisations/full-org.yml": {
        "id": "full-org",
        "name": "Hjälporganisationen",
        "kind": "network",
        "categories": ["gemenskap"],
        "last_reviewed": "2026-01-15",
        "sources": ["Källa"],
    },
    "places/full-place.yml": {
        "id": "full-place",
        "name": "Hjälpplatsen",
        "hosts": ["exempelforeningen"],
        "categories": ["gemenskap"],
        "last_reviewed": "2026-01-15",
        "sources": ["Källa"],
    },
}
LIMITS = {"name": checks.NAME_MAX, "summary": 300, "description": checks.MARKDOWN_MAX, "tasks": checks.MARKDOWN_MAX}


def _annotated_texts(annotation: object, path: tuple) -> typing.Iterator[tuple]:
    origin = typing.get_origin(annotation)
    if origin is list:
        yield from _annotated_texts(typing.get_args(annotation)[0], (*path, 0))
    elif origin is dict:  # translations: {"ar": {...}}, a value under one of its keys
        yield from _annotated_texts(typing.get_args(annotation)[1], (*path, "ar"))
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _annotated_texts(arg, path)
    elif origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        if {getattr(e, "func", None) for e in extra} & {checks.text, checks.markdown}:
            yield path
        else:
            yield from _annotated_texts(base, path)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from text_paths(annotation, path)


def text_paths(model: type[BaseModel], prefix: tuple = ()) -> typing.Iterator[tuple]:
    """The path of every free-text field of a model (an item of a list as index 0)."""
    for name, info in model.model_fields.items():
        yield from _annotated_texts(info.annotation, (*prefix, name))


def list_paths(data: object, prefix: tuple = ()) -> typing.Iterator[tuple]:
    """The path of every list in a record's data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from list_paths(value, (*prefix, key))
    elif isinstance(data, list):
        yield prefix
        for index, item in enumerate(data):
            yield from list_paths(item, (*prefix, index))


def get(data: object, path: tuple) -> object:
    for step in path:
        data = data[step]
    return data


def put(data: object, path: tuple, value: object) -> None:
    get(data, path[:-1])[path[-1]] = value


def directory_with(tmp_path: Path, files: dict[str, dict]) -> Path:
    root = tmp_path / "directory"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(MINIMAL, root)
    for name, data in {**HELPERS, **files}.items():
        (root / name).write_text(dump_yaml(data), encoding="utf-8")
    return root


def problems_of(tmp_path: Path, folder: str, data: dict) -> tuple[list[tuple[int, str]], bytes]:
    root = directory_with(tmp_path, {f"{folder}/full.yml": data})
    found = [(line, code) for name, line, code in problem_keys(validate(root)) if name == "full.yml"]
    return found, (root / folder / "full.yml").read_bytes()


def line_of(content: bytes, path: tuple) -> int:
    loaded, _ = load_bytes(content, "full.yml")
    return loaded.position(path)[0]


@pytest.mark.parametrize("folder", TYPES)
def test_the_full_records_are_valid_and_cover_every_field(tmp_path: Path, folder: str) -> None:
    found, _ = problems_of(tmp_path, folder, FULL[folder])
    assert found == []
    for path in text_paths(TYPES[folder]):
        get(FULL[folder], path)  # every text field of the model has a value here (KeyError if not)


TEXT_CASES = [(folder, path) for folder in TYPES for path in text_paths(TYPES[folder])]


@pytest.mark.parametrize(
    ("folder", "path"), TEXT_CASES, ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else v
)
def test_every_text_has_a_length_limit(tmp_path: Path, folder: str, path: tuple) -> None:
    # A record's own name and summary, and the same in its translations, have their own limits.
    limit = LIMITS.get(path[-1] if len(path) == 1 or path[0] == "translations" else "", checks.TEXT_MAX)
    data = copy.deepcopy(FULL[folder])
    put(data, path, "å" * limit)
    assert problems_of(tmp_path, folder, data)[0] == [], "the limit itself is allowed"
    put(data, path, "å" * (limit + 1))
    found, content = problems_of(tmp_path, folder, data)
    assert found == [(line_of(content, path), "too-long")]


LIST_CASES = [(folder, path) for folder in TYPES for path in list_paths(FULL[folder])]


@pytest.mark.parametrize(
    ("folder", "path"), LIST_CASES, ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else v
)
def test_no_list_takes_a_value_twice(tmp_path: Path, folder: str, path: tuple) -> None:
    data = copy.deepcopy(FULL[folder])
    items = get(data, path)
    items.append(copy.deepcopy(items[0]))
    found, content = problems_of(tmp_path, folder, data)
    assert found == [(line_of(content, (*path, len(items) - 1)), "duplicate-item")]


# Every reference field: (folder, path, a record of the wrong type it could name).
REFERENCE_CASES = [
    ("places", ("hosts", 0), "exempelplatsen"),
    ("roles", ("organisation",), "exempelplatsen"),
    ("roles", ("place",), "exempelforeningen"),
    ("collaborations", ("places", 0), "exempelforeningen"),
    ("collaborations", ("partners", 0, "organisation"), "exempeluppdraget"),
]


def test_every_reference_field_is_covered() -> None:
    fields = {path[0] for _, path, _ in REFERENCE_CASES}
    assert fields == set(REFERENCES) | {"partners"}


@pytest.mark.parametrize(
    ("folder", "path", "wrong"), REFERENCE_CASES, ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else None
)
def test_every_reference_is_checked_for_existence_and_type(
    tmp_path: Path, folder: str, path: tuple, wrong: str
) -> None:
    for target, code in (("finns-inte", "unknown-reference"), (wrong, "wrong-reference-type")):
        data = copy.deepcopy(FULL[folder])
        put(data, path, target)
        found, content = problems_of(tmp_path, folder, data)
        assert found == [(line_of(content, path), code)], target


def test_distinct_from_names_existing_records_other_than_itself(tmp_path: Path) -> None:
    data = copy.deepcopy(FULL["organisations"])
    data["distinct_from"] = ["full", "finns-inte", "exempelplatsen"]
    found, content = problems_of(tmp_path, "organisations", data)
    assert found == [
        (line_of(content, ("distinct_from", 0)), "self-reference"),
        (line_of(content, ("distinct_from", 1)), "unknown-record"),
    ]


@pytest.mark.parametrize(
    ("website", "expected"),
    [
        ("https://www.örebro.se/", []),  # one script: an ordinary international domain
        ("https://xn--rebro-jua.se/", []),  # the same, typed in punycode
        ("https://www.xn--rebro-iye.se/", ["mixed-script-domain"]),  # a Cyrillic о, typed in punycode
        ("https://аpple.se/", ["mixed-script-domain"]),
        ("https://пример.рф/", []),  # Cyrillic throughout
        ("https://xn--.se/", ["invalid-domain"]),
    ],
)
def test_international_domains_are_checked_in_punycode(tmp_path: Path, website: str, expected: list[str]) -> None:
    from commonmap.records.validate import read_directory
    from tests.support.directories import TODAY

    data = copy.deepcopy(FULL["organisations"]) | {"contact": {"website": website}}
    root = directory_with(tmp_path, {"organisations/full.yml": data})
    problems = [p for p in read_directory(root, today=TODAY)[1] if p.file.endswith("full.yml")]
    assert [p.code for p in problems] == expected
    for problem in problems:
        if problem.code == "mixed-script-domain":
            assert "xn--" in problem.message and problem.severity == "warning"
