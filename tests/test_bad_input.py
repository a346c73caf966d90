"""Every class of bad input is reported with its file, line and code, and never crashes.

Each file in tests/bad/ says in its first lines which folder it belongs in and what it expects:
`# expect: LINE CODE, LINE CODE`. Binary inputs, which cannot carry such a header, are below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from commonmap.records import loader
from commonmap.records.validate import read_directory
from tests.support.corpus import codes, headers
from tests.support.directories import TESTS, TODAY, problem_keys, validate

BAD = sorted((TESTS / "bad").glob("*.yml"))


def expected(path: Path) -> list[tuple[str, int, str]]:
    return [(path.name, line, code) for line, code in codes(headers(path)["expect"])]


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_file_is_reported_at_its_line(make_directory, path: Path) -> None:
    folder = headers(path).get("folder") or "organisations"
    root = make_directory({f"{folder}/{path.name}": path.read_bytes()})
    found = sorted(k for k in problem_keys(validate(root)) if k[0] == path.name)
    assert found == expected(path)


def test_other_records_survive_a_bad_one(make_directory) -> None:
    root = make_directory({"organisations/trasig.yml": b"id: trasig\nname: [\n"})
    directory, problems = read_directory(root, today=TODAY)
    assert problem_keys(problems) == [("trasig.yml", 3, "yaml-unclosed")]
    assert set(directory.entries) == {"exempelforeningen", "exempelplatsen", "exempeluppdraget", "exempelsamverkan"}


BINARY = {
    "utf16": ("id: x\nname: Å\n".encode("utf-16"), 1, "encoding-utf16"),
    "utf16-without-bom": ("id: x\nname: Å\n".encode("utf-16-le"), 1, "encoding-utf16"),
    "latin1": ("id: latin1\nname: Föreningen\n".encode("latin-1"), 2, "encoding"),
    "control": (b"id: control\nname: Bell\x07\n", 2, "control-character"),
    "huge": (b"id: huge\nname: " + b"x" * 300_000 + b"\n", 1, "file-too-large"),
    "deep-block": ("".join(f"{'  ' * i}k{i}:\n" for i in range(200)).encode(), 12, "too-deep"),
    "deep-flow": (b"id: deep\nname: " + b"[" * 100_000, 2, "too-deep"),
}


@pytest.mark.parametrize("name", BINARY)
def test_binary_input(make_directory, name: str) -> None:
    content, line, code = BINARY[name]
    root = make_directory({f"organisations/{name}.yml": content})
    found = [k for k in problem_keys(validate(root)) if k[0] == f"{name}.yml"]
    assert found == [(f"{name}.yml", line, code)]


def test_bom_is_tolerated(make_directory) -> None:
    text = (TESTS / "fixtures/minimal/organisations/exempelforeningen.yml").read_bytes()
    root = make_directory({"organisations/exempelforeningen.yml": b"\xef\xbb\xbf" + text})
    assert validate(root) == []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("places/Stora_Bokstaver.yml", "bad-filename"),
        ("foo/annan.yml", "misplaced-file"),
        ("organisations/x.yaml", "bad-filename"),
    ],
)
def test_files_in_wrong_places(make_directory, name: str, code: str) -> None:
    root = make_directory({name: "id: x\n"})
    assert [p.code for p in validate(root)] == [code]


PARSERS = {"libyaml": yaml.CBaseLoader, "python": yaml.BaseLoader}


@pytest.mark.parametrize("parser", PARSERS, ids=list(PARSERS))
@pytest.mark.parametrize("name", ["deep-block", "deep-flow"])
def test_depth_limit_is_the_projects_with_either_parser(make_directory, monkeypatch, parser: str, name: str) -> None:
    """The project's own `too-deep` on the right line, whatever limits the installed libyaml has."""
    monkeypatch.setattr(loader, "Parser", PARSERS[parser])
    content, line, code = BINARY[name]
    root = make_directory({f"organisations/{name}.yml": content})
    assert [k for k in problem_keys(validate(root)) if k[0] == f"{name}.yml"] == [(f"{name}.yml", line, code)]
