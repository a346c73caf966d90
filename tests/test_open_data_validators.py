"""The open data through the standards' own validators (issue 21), on the sample directory and on
a 1,000-record synthetic directory whose records fill every field (tests/support/synthetic_rich):

- HSDS JSON: Open Referral's recipe, the schemas compiled with `compiletojsonschema
  --set-additional-properties-false-everywhere` and every object checked with `check-jsonschema`;
- HSDS tabular: `frictionless validate` of the data package, whose types and rules must equal
  the official package's (derived from the schema files as Open Referral's generator does);
- JSON-LD: every block on every record page against the schema.org vocabulary (tests/schemaorg.py).

Each validator is run as a person runs it (the command line) and is shown to catch the faults the
issue found, so that a pass means something.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from commonmap import export
from commonmap.export.hsds_columns import COLUMNS
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.records.validate import read_directory
from commonmap.site import pages
from tests.support.directories import TODAY
from tests.support.schemaorg import Vocabulary
from tests.support.sites import ROOT
from tests.support.synthetic import generate

HSDS_SCHEMA = ROOT.parent / "shared" / "data" / "hsds" / "schema"
BIN = Path(sys.executable).parent
SETTINGS = Settings(site_url="https://karta.example.se/")
LISTS = {
    "organizations": "organization",
    "services": "service",
    "service_at_locations": "service_at_location",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def strict(tmp_path_factory) -> dict[str, Path]:
    """Open Referral's strict schemas: each object type compiled with additionalProperties false."""
    if not HSDS_SCHEMA.is_dir():
        pytest.fail(f"the HSDS schemas are missing: {HSDS_SCHEMA}")
    out = tmp_path_factory.mktemp("strict")
    compiled = {}
    for name in LISTS.values():
        result = run(
            BIN / "compiletojsonschema", "--set-additional-properties-false-everywhere", HSDS_SCHEMA / f"{name}.json"
        )
        assert result.returncode == 0, result.stderr
        compiled[name] = out / f"{name}.json"
        compiled[name].write_text(result.stdout, encoding="utf-8")
    return compiled


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = generate(tmp_path_factory.mktemp("synthetic") / "directory", 1000, rich=True)
    directory, problems = read_directory(root, today=TODAY)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return directory


@pytest.fixture(scope="module", params=["sample", "synthetic"])
def exported(request, tmp_path_factory) -> tuple[object, Path]:
    """(directory, folder with its export), as `commonmap export` writes it."""
    directory = request.getfixturevalue(request.param)
    out = tmp_path_factory.mktemp(f"export-{request.param}")
    export.write(directory, SETTINGS, out)
    return directory, out


def split(page_file: Path, out: Path) -> list[Path]:
    """Each object of an HSDS list page as a file of its own, as the recipe validates them."""
    out.mkdir(parents=True, exist_ok=True)
    items = json.loads(page_file.read_text(encoding="utf-8"))["contents"]
    paths = [out / f"{number}.json" for number in range(len(items))]
    for path, item in zip(paths, items, strict=True):
        path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    return paths


def check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return run(BIN / "check-jsonschema", "--schemafile", schema, *files)


# --- HSDS JSON: the strict recipe --------------------------------------------------------------


@pytest.mark.parametrize("name", LISTS)
def test_hsds_json_passes_the_strict_recipe(exported, strict, name, tmp_path) -> None:
    directory, out = exported
    files = split(out / "hsds" / f"{name}.json", tmp_path / name)
    assert files, name
    result = check_jsonschema(strict[LISTS[name]], files)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "ok -- validation done" in result.stdout


def test_the_strict_recipe_catches_what_the_issue_found(sample, strict, tmp_path) -> None:
    """The services stubs that organizations.json once carried, and any field HSDS does not have,
    however deep, fail the recipe."""
    export.write(sample, SETTINGS, tmp_path / "out")
    [first, *_] = split(tmp_path / "out" / "hsds" / "organizations.json", tmp_path / "items")
    organization = json.loads(first.read_text(encoding="utf-8"))
    stub = {**organization, "services": [{"id": organization["id"]}]}
    deep = {**organization, "attributes": [{**organization["attributes"][0], "kommentar": "x"}]}
    for number, item in enumerate((stub, deep)):
        path = tmp_path / f"bad-{number}.json"
        path.write_text(json.dumps(item), encoding="utf-8")
        result = check_jsonschema(strict["organization"], [path])
        assert result.returncode == 1 and "Additional properties are not allowed" in result.stdout, result.stdout


# --- HSDS tabular: frictionless ----------------------------------------------------------------


def frictionless(package: Path) -> dict:
    result = run(BIN / "frictionless", "validate", "--json", package.name, cwd=package.parent)
    return json.loads(result.stdout)


def test_hsds_data_package_passes_frictionless(exported) -> None:
    directory, out = exported
    report = frictionless(out / "hsds" / "datapackage.json")
    errors = [(task["name"], error["type"], error["message"]) for task in report["tasks"] for error in task["errors"]]
    assert errors == [] and report["valid"] is True
    assert [task["name"] for task in report["tasks"]] == list(COLUMNS)
    if len(directory.entries) == 1000:  # the rich synthetic export fills the tables the sample leaves empty
        rows = {task["name"]: task["stats"].get("rows", 0) for task in report["tasks"]}
        filled = ("address", "schedule", "language", "accessibility", "cost_option", "funding", "required_document")
        assert all(rows[table] > 0 for table in filled), rows


def test_frictionless_catches_what_the_issue_found(tmp_path) -> None:
    """A date as `created`, a time without seconds and an empty required value each fail."""
    root = generate(tmp_path / "directory", 40, rich=True)
    small, problems = read_directory(root, today=TODAY)
    assert small is not None and not [p for p in problems if p.severity == "error"]
    faults = {
        "created": ("datapackage.json", '"created": "', '"created": "2026-11-23", "x": "'),
        "time": ("schedules.csv", "18:00:00", "18:00"),
        "required": ("addresses.csv", ",Örebro län,", ",,"),
    }
    found = {}
    for fault, (file_name, old, new) in faults.items():
        folder = tmp_path / fault
        export.write(small, SETTINGS, folder)
        target = folder / "hsds" / file_name
        text = target.read_text(encoding="utf-8")
        assert old in text, fault
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
        report = frictionless(folder / "hsds" / "datapackage.json")
        found[fault] = sorted({e["type"] for t in [report, *report["tasks"]] for e in t.get("errors", [])})
    assert found == {"created": ["package-error"], "time": ["type-error"], "required": ["constraint-error"]}


def official_package() -> dict[str, dict]:
    """The HSDS 3.0 data package as Open Referral's generator makes it from the schema files:
    every table in `order`; a field's type its `datapackage_type` or JSON type; required =
    required + tabular_required; enum into the constraints; a foreign key `<table>_id` for every
    nested object (this table points to it) and every nested list (its rows point here), lists
    of attributes and metadata aside."""
    schemas = [json.loads(path.read_text()) for path in sorted(HSDS_SCHEMA.glob("*.json"))]
    schemas = {s["name"]: s for s in schemas if "datapackage_metadata" in s}
    keys: dict[str, set[tuple[str, str]]] = {name: set() for name in schemas}
    for name, schema in schemas.items():
        for prop in schema["properties"].values():
            listed = prop.get("items", {}).get("$ref")
            if listed and listed not in ("attribute.json", "metadata.json"):
                keys[listed.removesuffix(".json")].add((f"{name}_id", name))
            if prop.get("$ref"):
                target = prop["$ref"].removesuffix(".json")
                keys[name].add((f"{target}_id", target))
    package = {}
    for name, schema in sorted(schemas.items(), key=lambda item: item[1]["datapackage_metadata"]["order"]):
        required = schema.get("required", []) + schema.get("tabular_required", [])
        fields = []
        for field, prop in schema["properties"].items():
            if "constraints" in prop:
                constraints = {**prop["constraints"], "required": field in required}
                if prop.get("enum"):
                    constraints["enum"] = prop["enum"]
                entry = {"name": field, "type": prop.get("datapackage_type", prop["type"]), "constraints": constraints}
                fields.append({**entry, **({"format": prop["format"]} if "format" in prop else {})})
        package[name] = {"path": schema["path"], "fields": fields, "primaryKey": "id", "foreignKeys": keys[name]}
    return package


def test_the_data_package_has_the_official_types_and_rules(sample) -> None:
    package = json.loads(export.files(sample, SETTINGS)["data/hsds/datapackage.json"])
    ours = {
        resource["name"]: {
            "path": resource["path"],
            "fields": resource["schema"]["fields"],
            "primaryKey": resource["schema"]["primaryKey"],
            "foreignKeys": {
                (k["fields"], k["reference"]["resource"]) for k in resource["schema"].get("foreignKeys", [])
            },
        }
        for resource in package["resources"]
    }
    official = official_package()
    assert list(ours) == list(official)
    for name in official:
        assert ours[name] == official[name], name
    assert package["created"].endswith("T00:00:00Z")


# --- JSON-LD: the schema.org vocabulary ---------------------------------------------------------


def blocks(html: str) -> list[dict]:
    return [json.loads(text) for text in LD_JSON.findall(html)]


def test_every_json_ld_block_of_the_built_site_uses_the_vocabulary(built_site: Path, sample) -> None:
    vocabulary = Vocabulary.load()
    found = {}
    for page in sorted(built_site.rglob("index.html")):
        for number, data in enumerate(blocks(page.read_text(encoding="utf-8"))):
            found[f"{page.relative_to(built_site)}#{number}"] = vocabulary.problems(data)
    assert len(found) == len(sample.entries)  # one block on each record page, none elsewhere
    assert {where: problems for where, problems in found.items() if problems} == {}


def test_every_json_ld_block_of_a_rich_directory_uses_the_vocabulary(synthetic) -> None:
    vocabulary = Vocabulary.load()
    heads = [o for o in pages.outputs(synthetic, SETTINGS) if getattr(o, "head_html", "")]
    assert len(heads) == len(synthetic.entries)
    problems = {page.url: vocabulary.problems(data) for page in heads for data in blocks(page.head_html)}
    assert {path: found for path, found in problems.items() if found} == {}
    used = set().union(*(vocabulary.terms(data) for page in heads for data in blocks(page.head_html)))
    # schema.org's pending terms that the pages use (in the vocabulary, marked as proposals).
    assert used & vocabulary.pending == {
        "Project",
        "knowsLanguage",
        "applicationContact",
        "qualifications",
        "DefinedTerm",
        "termCode",
    }
    for type_name in ("Organization", "Place", "JobPosting", "Project", "OpeningHoursSpecification", "ContactPoint"):
        assert type_name in used


def test_the_vocabulary_check_catches_what_the_issue_found() -> None:
    vocabulary = Vocabulary.load()
    context = {"@context": "https://schema.org", "name": "x"}
    wrong = {
        "type": {**context, "@type": "VolunteerAction"},
        "geo": {**context, "@type": "Organization", "geo": {"@type": "GeoCoordinates", "latitude": 59.3}},
        "language": {**context, "@type": "Place", "inLanguage": ["sv"]},
        "range": {**context, "@type": "Place", "isAccessibleForFree": "ja"},
        "nested": {**context, "@type": "JobPosting", "hiringOrganization": {"@type": "Place", "name": "y"}},
        "superseded": {**context, "@type": "Organization", "serviceArea": {"@type": "Place", "name": "y"}},
        "context": {"@type": "Place", "name": "x"},
    }
    assert {name: len(vocabulary.problems(data)) for name, data in wrong.items()} == dict.fromkeys(wrong, 1)
    assert vocabulary.problems({**context, "@type": "JobPosting", "employmentType": "VOLUNTEER"}) == []


def test_a_role_is_a_volunteer_job_posting(synthetic) -> None:
    role = next(e for e in synthetic.of_type("roles") if e.record.place and e.record.languages)
    data = pages.json_ld(role, SETTINGS, synthetic)
    assert data["@type"] == "JobPosting" and data["employmentType"] == "VOLUNTEER"
    assert data["title"] == role.record.name and data["responsibilities"] == role.record.tasks
    assert data["hiringOrganization"]["name"] == synthetic.entries[role.record.organisation].record.name
    assert data["jobLocation"]["@type"] == "Place" and [s["termCode"] for s in data["skills"]] == role.record.languages
    place = next(e for e in synthetic.of_type("places") if e.record.opening_hours and e.record.location)
    data = pages.json_ld(place, SETTINGS, synthetic)
    assert data["geo"]["latitude"] == place.record.location.lat
    assert [h["opens"] for h in data["openingHoursSpecification"]] == [
        f"{h.opens}:00" for h in place.record.opening_hours
    ]
    organisation = next(e for e in synthetic.of_type("organisations") if e.record.location)
    data = pages.json_ld(organisation, SETTINGS, synthetic)
    assert "geo" not in data and data["location"]["geo"]["longitude"] == organisation.record.location.lon
    # When an organisation answers: its contact point's hours (Organization has no opening hours).
    line = next(e for e in synthetic.of_type("organisations") if e.record.open_on_public_holidays)
    data = pages.json_ld(line, SETTINGS, synthetic)
    assert "openingHoursSpecification" not in data
    assert data["contactPoint"]["telephone"] == line.record.contact.phone
    assert [(h["dayOfWeek"], h["opens"], h["closes"]) for h in data["contactPoint"]["hoursAvailable"]] == [
        ([f"https://schema.org/{d}" for d in DAYS], "00:00:00", "00:00:00")
    ]


# --- The synthetic directory is rich ------------------------------------------------------------


def filled(value: object) -> bool:
    return value not in (None, [], "", False)


def test_the_rich_synthetic_directory_fills_every_field(synthetic) -> None:
    """Every field of every record type, nested ones too, has a value in some record of the type."""
    for type_, model in TYPES.items():
        records = [entry.record for entry in synthetic.of_type(type_)]
        empty = [path for path in field_paths(model) if not any(filled(value_at(r, path)) for r in records)]
        assert empty == [], type_


def field_paths(model, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, info in model.model_fields.items():
        nested = _model_in(info.annotation)
        found += field_paths(nested, (*prefix, name)) if nested else [(*prefix, name)]
    return found


def _model_in(annotation):
    args = typing.get_args(annotation) or (annotation,)
    for candidate in args:
        inner = typing.get_args(candidate) or (candidate,)
        for item in inner:
            if isinstance(item, type) and hasattr(item, "model_fields"):
                return item
    return None


def _values(value: object) -> list:
    return list(value.values()) if isinstance(value, dict) else [value]


def value_at(record, path: tuple[str, ...]) -> object:
    values = [record]
    for part in path:
        values = [getattr(v, part) for v in values if v is not None]
        # A list's items, a mapping's values (translations: {"ar": {...}}), or the value itself.
        values = [item for v in values for item in (v if isinstance(v, list) else _values(v))]
    return [v for v in values if filled(v)]
