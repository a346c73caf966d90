"""The editor schemas: in sync with the model, and checked by an independent validator
(check-jsonschema, which reads YAML with ruamel.yaml as YAML 1.2) over every sample record."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from commonmap.contribute.schema import NAMES, expected_files
from commonmap.records.validate import read_directory
from tests.support.processes import cli
from tests.support.sites import ROOT

SCHEMAS = ROOT / "schema"
SAMPLE = ROOT / "directory"


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_committed_schemas_are_in_sync_with_the_model() -> None:
    directory, _ = read_directory(SAMPLE)
    for name, content in expected_files(directory).items():
        path = SCHEMAS / name
        assert path.exists() and path.read_text(encoding="utf-8") == content, (
            f"{path} är inaktuell: kör commonmap schema"
        )


def test_the_schema_command_writes_them(tmp_path: Path) -> None:
    """`commonmap schema` writes what the sync test expects; a directory it cannot read is an error."""
    result = cli("schema", str(SAMPLE), "--out", str(tmp_path / "schema"))
    assert result.returncode == 0, result.stderr
    directory, _ = read_directory(SAMPLE)
    written = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "schema").iterdir()}
    assert written == expected_files(directory)
    assert cli("schema", str(tmp_path / "saknas")).returncode == 2
    (tmp_path / "broken").mkdir()
    result = cli("schema", str(tmp_path / "broken"), "--out", str(tmp_path / "none"))
    assert result.returncode == 1 and "kör commonmap validate" in result.stderr
    assert not (tmp_path / "none").exists()


def test_schemas_are_valid_json_schema() -> None:
    for path in SCHEMAS.glob("*.schema.json"):
        result = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--check-metaschema", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("type_", NAMES)
def test_every_sample_record_passes_the_independent_validator(type_: str) -> None:
    files = sorted((SAMPLE / type_).glob("*.yml"))
    assert files
    result = check_jsonschema(SCHEMAS / f"{NAMES[type_]}.schema.json", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_record_file_names_its_schema() -> None:
    for type_, name in NAMES.items():
        for path in (SAMPLE / type_).glob("*.yml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schema/{name}.schema.json", path
            assert (path.parent / first.split("=", 1)[1]).resolve() == (SCHEMAS / f"{name}.schema.json").resolve()


VALID = """id: exempel
name: Exempel
kind: association
categories: [gemenskap]
last_reviewed: 2026-01-15
sources: ["Test"]
"""
# Each mistake also fails `commonmap validate`; here the independent validator must reject it too.
WRONG = {
    "unknown-field": VALID + "nmae: Felstavat\n",
    "unquoted-phone": VALID + "contact:\n  phone: 0701234567\n",
    "unquoted-phone-with-plus": VALID + "contact:\n  phone: +46703262408\n",
    "text-for-flag": VALID + "location:\n  lat: 59.27\n  lon: 15.21\n  approximate: ja\n",
    "text-for-number": VALID + "location:\n  lat: '59,27'\n  lon: 15.21\n",
    "list-for-text": VALID.replace("name: Exempel", "name: [Exempel]"),
    "unknown-category": VALID.replace("[gemenskap]", "[gemenskapp]"),
    "swedish-date": VALID.replace("2026-01-15", "10/11/2021"),
    "impossible-date": VALID.replace("2026-01-15", "2026-02-30"),
    "empty-value": VALID + "summary:\n",
    "bad-choice": VALID.replace("association", "förening"),
    "missing-field": VALID.replace('sources: ["Test"]\n', ""),
    "bad-id": VALID.replace("id: exempel", "id: Exempel Förening"),
    "empty-list": VALID.replace("[gemenskap]", "[]"),
}


@pytest.mark.parametrize("name", WRONG)
def test_mistakes_fail_in_the_independent_validator(tmp_path: Path, name: str) -> None:
    record = tmp_path / "exempel.yml"
    record.write_text(WRONG[name], encoding="utf-8")
    result = check_jsonschema(SCHEMAS / "organisation.schema.json", record)
    assert result.returncode == 1, result.stdout
    control = tmp_path / "valid.yml"
    control.write_text(VALID, encoding="utf-8")
    assert check_jsonschema(SCHEMAS / "organisation.schema.json", control).returncode == 0


def test_schema_speaks_swedish() -> None:
    schema = json.loads((SCHEMAS / "place.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Mötesplats i Gemensam karta"
    assert schema["properties"]["hosts"]["title"] == "Värd"
    assert schema["$defs"]["Contact"]["properties"]["phone"]["examples"] == ["019-21 10 00"]
    assert schema["additionalProperties"] is False
    assert "gemenskap" in schema["properties"]["categories"]["items"]["enum"]
    assert schema["$defs"]["Location"]["properties"]["lat"]["type"] == "number"
