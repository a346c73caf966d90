"""`commonmap new`: templates from the model that fail on their placeholders and pass once filled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from commonmap.cli import main
from commonmap.contribute.new import template
from commonmap.records.types import TYPES
from tests.support.directories import TODAY, problem_keys, validate

# What a volunteer writes into each empty placeholder (ids that exist in tests/fixtures/minimal).
FILL = {
    "name": '"Nya föreningen: läxhjälp"',
    "kind": "association",
    "status": "ongoing",
    "tasks": '"Hjälper till med läxor."',
    "organisation": "exempelforeningen",
}
LIST_FILL = {"categories": "gemenskap", "sources": '"Föreningens webbplats"', "hosts": "exempelforeningen"}
KEY = re.compile(r"^(?P<pad>\s*)(?:- )?(?P<key>[a-z_]+):\s*$")
ITEM = re.compile(r"^\s*-\s*$")


def placeholders(text: str) -> list[tuple[int, str]]:
    """(line number, field) of every empty, uncommented value: a key with nothing after the colon
    and nothing indented below it, or an empty list item."""
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.lstrip().startswith("#")
    ]
    found, last_key = [], ""
    for index, (number, line) in enumerate(lines):
        key = KEY.match(line)
        if key:
            last_key = key["key"]
            column = line.index(last_key)
            below = lines[index + 1][1] if index + 1 < len(lines) else ""
            if len(below) - len(below.lstrip()) <= column:
                found.append((number, last_key))
        elif ITEM.match(line):
            found.append((number, last_key))
    return found


def fill(text: str) -> str:
    lines = text.splitlines()
    for number, field in placeholders(text):
        line = lines[number - 1]
        value = LIST_FILL[field] if ITEM.match(line) else FILL[field]
        lines[number - 1] = f"{line} {value}"
    return "\n".join(lines) + "\n"


def new(root: Path, type_: str, id_: str) -> tuple[int, Path]:
    return main(["new", type_, id_, "--directory", str(root)]), root / TYPES_BY_NAME[type_] / f"{id_}.yml"


TYPES_BY_NAME = {"organisation": "organisations", "place": "places", "role": "roles", "collaboration": "collaborations"}


@pytest.mark.parametrize("type_", TYPES_BY_NAME)
def test_unfilled_template_fails_on_each_placeholder_and_passes_filled(make_directory, type_: str) -> None:
    root = make_directory()
    code, path = new(root, type_, "ny-post")
    assert code == 0 and path.exists()
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    expected = [
        (path.name, line, "empty-required-list" if ITEM.match(lines[line - 1]) else "empty-required")
        for line, _ in placeholders(text)
    ]
    assert len(expected) >= 4  # name, categories, sources and the type's own required fields
    problems = [p for p in validate(root) if p.file.endswith(path.name)]
    assert problem_keys(problems) == expected
    for problem, (_, field) in zip(problems, placeholders(text), strict=True):
        # Each names its field, and none tells the volunteer to remove a line that must stay.
        assert field in problem.message and "ta bort" not in problem.hint.lower(), problem.format()

    path.write_text(fill(text), encoding="utf-8")
    assert [p.format() for p in validate(root) if p.file.endswith(path.name)] == []


def test_template_explains_every_field_in_swedish() -> None:
    text = template("places", "ny-plats", TODAY)
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schema/place.schema.json"
    for name, info in TYPES["places"].model_fields.items():
        at = next(i for i, line in enumerate(lines) if re.match(rf"^(# )?{name}:", line))
        above = []
        for line in reversed(lines[:at]):
            if not line.startswith("# ") or re.match(r"^# [a-z_]+:", line):
                break
            above.insert(0, line)
        explanation = " ".join(above)
        assert info.title in explanation, name
        assert ("(obligatoriskt)" if info.is_required() else "(frivilligt)") in explanation, name
        assert lines[at].startswith("# ") != info.is_required(), name
    assert "#   phone:" in text  # nested parts of an optional field are commented as one block
    assert "association" not in text  # kind belongs to organisations only


def test_template_names_the_choices(make_directory) -> None:
    root = make_directory()
    assert main(["new", "organisation", "ny-forening", "--directory", str(root)]) == 0
    text = (root / "organisations" / "ny-forening.yml").read_text(encoding="utf-8")
    assert "association (Förening)" in text
    assert "Välj bland (categories.yml): " in text and "gemenskap" in text
    assert f"last_reviewed: {TODAY.isoformat()}" in text


def test_uncommented_optional_field_left_empty_is_reported(make_directory) -> None:
    root = make_directory()
    new(root, "organisation", "ny-forening")
    path = root / "organisations" / "ny-forening.yml"
    text = fill(path.read_text(encoding="utf-8")).replace("# summary:", "summary:")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("summary:") + 1
    assert [k for k in problem_keys(validate(root)) if k[0] == path.name] == [(path.name, line, "empty-value")]


@pytest.mark.parametrize(
    ("id_", "reason"),
    [("Min Förening", "inget giltigt id"), ("index", "reserverat"), ("exempelforeningen", "används redan")],
)
def test_refuses_bad_or_taken_id(make_directory, capsys, id_: str, reason: str) -> None:
    root = make_directory()
    assert main(["new", "role", id_, "--directory", str(root)]) == 1
    assert reason in capsys.readouterr().err
    assert not (root / "roles" / f"{id_}.yml").exists() or id_ == "exempelforeningen"


def test_list_and_usage(capsys, make_directory) -> None:
    assert main(["new", "--list"]) == 0
    out = capsys.readouterr().out
    for name in ("organisation", "place", "role", "collaboration"):
        assert name in out
    assert main(["new", "fisk", "x", "--directory", str(make_directory())]) == 2
    assert main(["new", "organisation"]) == 2


def test_swedish_type_names_are_accepted(make_directory) -> None:
    root = make_directory()
    assert main(["new", "mötesplats", "ny-plats", "--directory", str(root)]) == 0
    assert (root / "places" / "ny-plats.yml").exists()


def test_every_type_has_a_template() -> None:
    for type_ in TYPES:
        assert template(type_, "x", TODAY).count("\nid: x\n") == 1
