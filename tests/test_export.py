"""Open data (issue 6): directory.json, GeoJSON, spreadsheet CSVs, HSDS 3.0 JSON and tabular.

Tested through the public entry points: `commonmap.export.files/outputs/write`, the CLI and the
built site. The HSDS JSON is checked against Open Referral's own schemas (CC BY-SA 4.0) in
../shared/data/hsds/schema, resolving their `$ref`s through a referencing registry.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import uuid
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from commonmap import export, mkdocs_files
from commonmap.base import clock
from commonmap.cli import main
from commonmap.export import geojson, hsds, hsds_files, hsds_terms, native, tables
from commonmap.export.hsds_columns import COLUMNS
from commonmap.records.model import Organisation
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.records.validate import read_directory
from tests.support.directories import TODAY
from tests.support.sites import ROOT

HSDS_SCHEMA = ROOT.parent / "shared" / "data" / "hsds" / "schema"
BASE = "https://hsds.invalid/schema/"
SETTINGS = Settings(site_url="https://karta.example.se/")

# Records that use every field, with values that are easy to get wrong.
RICH = {
    "organisations/rika-foreningen.yml": """\
id: rika-foreningen
name: "Rika föreningen & <Co> \\"citat\\" – الجمعية"
kind: association
summary: "=SUMMA(1;2) ska inte bli en formel."
description: |
  Första stycket.

  - en punkt
categories: [gemenskap]
target_groups: ["Unga 13–25 år", "Föräldrar"]
languages: [sv, ar, swl]
areas: [vivalla]
contact:
  phone: "+46 19 21 10 00"
  phone_label: "Stödlinje; dygnet runt"
  email: info@rika.se
  website: https://rika.se/om?x=1&y=2
services:
  - name: Läxhjälp
    description: Varje tisdag.
    categories: [trygghet]
  - name: Språkcafé
address:
  street: Vivalla centrum 1
  postal_code: "703 71"
  city: Örebro
location:
  lat: 59.2988
  lon: 15.1869
serves: municipality
opening_hours:
  - days: [mo, tu, we, th, fr, sa, su]
    opens: "00:00"
    closes: "00:00"
    note: Stödlinjen
open_on_public_holidays: true
last_reviewed: 2026-02-01
sources:
  - "Verksamhetens webbplats"
  - "-minus först"
  - url: https://rika.se/om?x=1&y=2
    year: 2019
    note: Öppettider
""",
    "places/rika-platsen.yml": """\
id: rika-platsen
name: Rika platsen
hosts: [rika-foreningen, exempelforeningen]
categories: [gemenskap, trygghet]
languages: ["no", fa]
target_groups: [Alla]
address:
  street: Rikagatan 2
  city: Örebro
location:
  lat: "59.2741"
  lon: "15.1606"
opening_hours:
  - days: [mo, tu, we]
    opens: "09:00"
    closes: "12:00"
    note: Udda veckor
  - days: [su]
    opens: "22:00"
    closes: "02:00"
accessibility:
  wheelchair: limited
  description: Ramp vid entrén.
cost:
  free: false
  description: Medlemsavgift 100 kr per år.
contact:
  phone: "019-21 10 01"
last_reviewed: 2026-01-20
sources: [testfixtur]
""",
    "roles/rikt-uppdrag.yml": """\
id: rikt-uppdrag
name: Läxhjälpare
organisation: rika-foreningen
place: rika-platsen
summary: Hjälp barn med läxor.
categories: [gemenskap]
tasks: Du hjälper till en kväll i veckan.
time_commitment: En kväll i veckan
requirements: [Fyllda 18 år, Utdrag ur belastningsregistret]
criminal_record_extract: true
how_to_apply: Mejla oss.
contact:
  email: volontar@rika.se
last_reviewed: 2026-01-10
sources: [testfixtur]
""",
    "roles/okant-utdrag.yml": """\
id: okant-utdrag
name: Fikavärd
organisation: exempelforeningen
categories: [gemenskap]
tasks: Koka kaffe.
criminal_record_extract: false
last_reviewed: 2026-01-10
sources: [testfixtur]
""",
    "collaborations/rik-samverkan.yml": """\
id: rik-samverkan
name: Rik samverkan
categories: [trygghet]
areas: [vivalla, adolfsberg]
partners:
  - organisation: rika-foreningen
    part: "Leder arbetet: varje vecka."
  - organisation: exempelforeningen
places: [rika-platsen, exempelplatsen]
period:
  start: 2020-03
  end: "2021"
status: planned
outcomes: [Fler vuxna ute]
funding: [Landsbygdsnämnden, Egen insats]
lessons: ["Förtroende tar tid"]
last_reviewed: 2026-01-05
sources: [testfixtur]
""",
}


@pytest.fixture(scope="module")
def hsds_registry() -> Registry:
    if not HSDS_SCHEMA.is_dir():
        pytest.fail(f"the HSDS schemas are missing: {HSDS_SCHEMA}")
    resources = [
        (BASE + path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
        for path in sorted(HSDS_SCHEMA.glob("*.json"))
    ]
    resources.append(
        (
            BASE + "compiled/tabular.json",
            Resource.from_contents(
                json.loads((HSDS_SCHEMA / "compiled" / "tabular.json").read_text()), default_specification=DRAFT202012
            ),
        )
    )
    return Registry().with_resources(resources)


def validator(registry: Registry, name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": BASE + name}, registry=registry, format_checker=FormatChecker())


@pytest.fixture
def rich(make_directory):
    directory, problems = read_directory(make_directory(RICH), today=TODAY)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return directory


@pytest.fixture(params=["rich", "sample"])
def any_directory(request):
    return request.getfixturevalue(request.param)


def read_again(directory, tmp_path: Path, files: dict[str, str] | None = None):
    """The same directory read a second time, from a fresh copy (plus files), as a new build would."""
    root = tmp_path / "again" / "directory"
    shutil.copytree(directory.root, root)
    for name, content in (files or {}).items():
        (root / name).write_text(content, encoding="utf-8")
    again, problems = read_directory(root, today=TODAY)
    assert not [p for p in problems if p.severity == "error"]
    return again


def hsds_list(files: dict, name: str) -> list[dict]:
    return json.loads(files[f"data/hsds/{name}.json"])["contents"]


# --- HSDS validates against Open Referral's schemas ---------------------------------------------

LISTS = {
    "organizations": "organization.json",
    "services": "service.json",
    "service_at_locations": "service_at_location.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}


@pytest.mark.parametrize(("name", "schema"), LISTS.items())
def test_hsds_json_validates_against_the_open_referral_schemas(any_directory, hsds_registry, name, schema) -> None:
    files = export.files(any_directory, SETTINGS)
    page = json.loads(files[f"data/hsds/{name}.json"])
    assert page["total_items"] == page["size"] == len(page["contents"])
    check = validator(hsds_registry, schema)
    errors = [
        (item["id"], list(e.absolute_path), e.message) for item in page["contents"] for e in check.iter_errors(item)
    ]
    assert errors == []


def test_the_schema_check_would_catch_a_wrong_value(rich, hsds_registry) -> None:
    service = hsds_list(export.files(rich, SETTINGS), "services")[0]
    service["status"] = "open"
    service["attributes"][0]["link_id"] = "not-a-uuid"  # deep inside, behind a $ref
    service["service_at_locations"] = [{"id": service["id"], "location": {"id": service["id"]}}]  # no location_type
    paths = sorted(tuple(e.absolute_path) for e in validator(hsds_registry, "service.json").iter_errors(service))
    assert paths == [("attributes", 0, "link_id"), ("service_at_locations", 0, "location"), ("status",)]


def test_hsds_tabular_rows_validate_against_the_compiled_tabular_schema(any_directory, hsds_registry) -> None:
    rows = hsds.tables(any_directory, SETTINGS)
    errors = [
        (list(e.absolute_path), e.message) for e in validator(hsds_registry, "compiled/tabular.json").iter_errors(rows)
    ]
    assert errors == []


def test_hsds_columns_are_those_of_the_schema_files() -> None:
    """Every HSDS table, with the data package's type of each field (its datapackage_type: date,
    time, datetime) and its required fields in the tabular form (required + tabular_required)."""
    schemas = [json.loads(path.read_text()) for path in sorted(HSDS_SCHEMA.glob("*.json"))]
    schemas = sorted(
        (s for s in schemas if "datapackage_metadata" in s), key=lambda s: s["datapackage_metadata"]["order"]
    )
    assert list(COLUMNS) == [schema["name"] for schema in schemas]
    for schema in schemas:
        expected = [
            (name, field.get("datapackage_type", field["type"]), field.get("format", ""))
            for name, field in schema["properties"].items()
            if field.get("type") in ("string", "number")
        ]
        required = schema.get("required", []) + schema.get("tabular_required", [])
        file_name, required_here, columns = COLUMNS[schema["name"]]  # required in any order: a field is or is not
        assert (file_name, sorted(required_here), columns) == (schema["path"], sorted(required), expected)


def test_hsds_csv_and_datapackage(rich) -> None:
    files = export.files(rich, SETTINGS)
    rows = hsds.tables(rich, SETTINGS)
    package = json.loads(files["data/hsds/datapackage.json"])
    assert [r["name"] for r in package["resources"]] == list(COLUMNS)
    assert set(hsds.TABLES) <= set(COLUMNS)
    for resource in package["resources"]:
        content = files[f"data/hsds/{resource['path']}"]
        assert not content.startswith(b"\xef\xbb\xbf")
        text = content.decode("utf-8")
        assert next(csv.reader(io.StringIO(text))) == [f["name"] for f in resource["schema"]["fields"]]
        read = list(csv.DictReader(io.StringIO(text)))
        assert [r["id"] for r in read] == [r["id"] for r in rows.get(resource["name"], [])]
        for row, original in zip(read, rows.get(resource["name"], []), strict=True):
            assert {k: v for k, v in row.items() if v != ""} == {k: str(v) for k, v in original.items() if v != ""}
    ids = {table: {r["id"] for r in rows.get(table, [])} for table in COLUMNS}
    for resource in package["resources"]:
        for key in resource["schema"].get("foreignKeys", []):
            target = ids[key["reference"]["resource"]]
            values = {r[key["fields"]] for r in rows.get(resource["name"], []) if key["fields"] in r}
            assert values <= target, (resource["name"], key["fields"])


# The JSON form's nested lists: key -> (HSDS table, the foreign key that the nesting stands for).
NESTED = {
    "organization": {
        "phones": ("phone", "organization_id"),
        "locations": ("location", "organization_id"),
        "organization_identifiers": ("organization_identifier", "organization_id"),
        "funding": ("funding", "organization_id"),
        "attributes": ("attribute", "link_id"),
    },
    "service": {
        "phones": ("phone", "service_id"),
        "schedules": ("schedule", "service_id"),
        "service_areas": ("service_area", "service_id"),
        "service_at_locations": ("service_at_location", "service_id"),
        "languages": ("language", "service_id"),
        "funding": ("funding", "service_id"),
        "cost_options": ("cost_option", "service_id"),
        "required_documents": ("required_document", "service_id"),
        "attributes": ("attribute", "link_id"),
    },
    "location": {
        "addresses": ("address", "location_id"),
        "phones": ("phone", "location_id"),
        "schedules": ("schedule", "location_id"),
        "languages": ("language", "location_id"),
        "accessibility": ("accessibility", "location_id"),
        "attributes": ("attribute", "link_id"),
    },
    "service_at_location": {
        "schedules": ("schedule", "service_at_location_id"),
        "phones": ("phone", "service_at_location_id"),
        "attributes": ("attribute", "link_id"),
    },
}


def flatten(table: str, item: dict, found: dict[str, list[dict]], parent: tuple[str, str, str] | None = None) -> None:
    """Rows of the tabular form back from an object of the JSON form, its parent's key restored."""
    row = {k: v for k, v in item.items() if not isinstance(v, list)}
    if parent:
        parent_table, parent_id, field = parent
        row[field] = parent_id
        if table == "attribute":
            row["link_entity"] = parent_table
    found.setdefault(table, []).append(row)
    for key, value in item.items():
        if isinstance(value, list):
            child, field = NESTED[table][key]
            for child_item in value:
                flatten(child, child_item, found, (table, item["id"], field))


def test_hsds_json_holds_every_row_once_and_nothing_else(any_directory) -> None:
    """The JSON form loses nothing of the tabular form and copies nothing: nested back into rows,
    organizations, services, taxonomies and terms give every table exactly (each row once);
    service_at_locations.json lists the same links as the services."""
    files = export.files(any_directory, SETTINGS)
    rows = hsds.tables(any_directory, SETTINGS)
    found: dict[str, list[dict]] = {}
    for name, table in (("organizations", "organization"), ("services", "service")):
        for item in hsds_list(files, name):
            flatten(table, item, found)
    found["taxonomy"] = hsds_list(files, "taxonomies")
    found["taxonomy_term"] = hsds_list(files, "taxonomy_terms")
    for table in hsds.TABLES:
        back = found.get(table, [])
        assert len(back) == len({r["id"] for r in back}) == len(rows[table]), table
        assert sorted(back, key=lambda r: r["id"]) == sorted(rows[table], key=lambda r: r["id"]), table
    assert hsds_list(files, "service_at_locations") == rows["service_at_location"]
    assert not any("services" in organization for organization in hsds_list(files, "organizations"))


def test_yes_no_attributes_are_written_when_yes(any_directory) -> None:
    files = export.files(any_directory, SETTINGS)
    services = {(s["name"], attribute_values(s, "record_id")[0]): s for s in hsds_list(files, "services")}
    for entry in any_directory.of_type("collaborations"):
        expected = ["true"] if any_directory.is_good_example(entry) else []
        assert attribute_values(services[(entry.record.name, entry.id)], "good_example") == expected
    locations = [loc for o in hsds_list(files, "organizations") for loc in o.get("locations", [])]
    approximate = [e for e in any_directory.entries.values() if getattr(e.record, "location", None)]
    assert sum(attribute_values(loc, "approximate_location") == ["true"] for loc in locations) == sum(
        e.record.location.approximate for e in approximate
    )
    assert all(attribute_values(loc, "approximate_location") in ([], ["true"]) for loc in locations)


# --- Nothing lost: every record in every export it belongs to ---------------------------------


def attribute_values(item: dict, code: str) -> list[str]:
    """The values of an object's attributes with the term `code` of "Gemensam karta: fält"."""
    term = hsds.field_term_id(code)
    return [a["value"] for a in item.get("attributes", []) if a["taxonomy_term_id"] == term]


def identifier_of(organization: dict) -> str:
    [identifier] = organization["organization_identifiers"]
    assert identifier["identifier_type"] == hsds.IDENTIFIER_TYPE
    return identifier["identifier"]


def test_every_record_appears_in_every_export_it_belongs_to(any_directory) -> None:
    directory = any_directory
    files = export.files(directory, SETTINGS)
    ids = {type_: [e.id for e in directory.of_type(type_)] for type_ in TYPES}

    document = json.loads(files[native.PATH])
    assert document["counts"] == {type_: len(ids[type_]) for type_ in TYPES}
    for type_ in TYPES:
        assert [item["id"] for item in document[type_]] == ids[type_]
        sheet = list(csv.DictReader(io.StringIO(files[tables.path(type_)].decode("utf-8-sig"))))
        assert [row["id"] for row in sheet] == ids[type_]

    features = json.loads(files[geojson.PATH])["features"]
    located = [e.id for e in directory.entries.values() if getattr(e.record, "location", None)]
    assert [f["id"] for f in features] == located

    organizations = hsds_list(files, "organizations")
    assert [identifier_of(o) for o in organizations] == ids["organisations"]
    services = hsds_list(files, "services")
    by_type = {type_: [] for type_ in TYPES}
    for service in services:
        [type_] = attribute_values(service, "record_type")
        [record_id] = attribute_values(service, "record_id")
        by_type[type_].append(record_id)
    expected_org_services = [e.id for e in directory.of_type("organisations") for _ in e.record.services or [None]]
    assert by_type == {**ids, "organisations": expected_org_services}
    locations = [loc for o in organizations for loc in o.get("locations", [])]
    assert sorted(loc["external_identifier"] for loc in locations if "external_identifier" in loc) == sorted(
        ids["places"]
    )
    terms = hsds_list(files, "taxonomy_terms")
    assert {t["code"] for t in terms} >= set(directory.categories)


def test_rich_record_fields_reach_hsds(rich) -> None:
    files = export.files(rich, SETTINGS)
    services = {attribute_values(s, "record_id")[0] + ":" + s["name"]: s for s in hsds_list(files, "services")}
    org = next(o for o in hsds_list(files, "organizations") if identifier_of(o) == "rika-foreningen")
    assert org["phones"] == [{**org["phones"][0], "number": "+46 19 21 10 00", "description": "Stödlinje; dygnet runt"}]
    assert org["website"] == "https://rika.se/om?x=1&y=2" and org["legal_status"] == "association"
    assert attribute_values(org, "language") == ["sv", "ar", "swl"]
    assert org["locations"][0]["latitude"] == 59.2988
    assert org["locations"][0]["addresses"] == [
        {**org["locations"][0]["addresses"][0], "postal_code": "703 71", "state_province": "Örebro län"}
    ]
    homework = services["rika-foreningen:Läxhjälp"]
    categories = {hsds.category_term_id(c): c for c in rich.categories}
    assert [
        categories[a["taxonomy_term_id"]] for a in homework["attributes"] if a["taxonomy_term_id"] in categories
    ] == ["trygghet"]
    assert [lang["code"] for lang in homework["languages"]] == ["sv", "ar", "swl"]
    assert [area["name"] for area in homework["service_areas"]] == ["Vivalla", "Örebro kommun"]
    assert homework["service_areas"][1]["description"] == "serves: municipality"
    assert attribute_values(org, "serves") == ["municipality"]
    assert attribute_values(org, "source") == [
        "Verksamhetens webbplats",
        "-minus först",
        "https://rika.se/om?x=1&y=2 (2019): Öppettider",
    ]
    assert homework["service_at_locations"][0]["location_id"] == org["locations"][0]["id"]
    # When the organisation answers is when each of its services can be reached.
    for name in ("Läxhjälp", "Språkcafé"):
        service = services[f"rika-foreningen:{name}"]
        assert [(s["byday"], s["opens_at"], s["closes_at"], s["notes"]) for s in service["schedules"]] == [
            ("MO,TU,WE,TH,FR,SA,SU", "00:00:00", "00:00:00", "Stödlinjen")
        ]
        assert attribute_values(service, "open_on_public_holidays") == ["true"]
    assert "schedules" not in org["locations"][0]  # the organisation's address is not where it answers

    place = services["rika-platsen:Rika platsen"]
    locations = {loc["id"]: loc for o in hsds_list(files, "organizations") for loc in o.get("locations", [])}
    location = locations[place["service_at_locations"][0]["location_id"]]
    assert (
        location["external_identifier"] == "rika-platsen" and attribute_values(location, "approximate_location") == []
    )
    assert [(s["byday"], s["opens_at"], s["closes_at"], s.get("notes")) for s in location["schedules"]] == [
        ("MO,TU,WE", "09:00:00", "12:00:00", "Udda veckor"),
        ("SU", "22:00:00", "02:00:00", None),
    ]
    assert location["accessibility"][0]["details"] == "wheelchair: limited"
    # No postal code: HSDS requires one, so the address is the location's attribute, as written.
    assert "addresses" not in location and attribute_values(location, "address") == ["Rikagatan 2, Örebro"]
    assert [lang["code"] for lang in location["languages"]] == ["no", "fa"]
    assert place["cost_options"][0]["option"] == "Avgift" and "amount" not in place["cost_options"][0]
    assert place["fees_description"] == "Medlemsavgift 100 kr per år."
    assert attribute_values(place, "host") == [
        hsds.organization_id("rika-foreningen"),
        hsds.organization_id("exempelforeningen"),
    ]

    role = services["rikt-uppdrag:Läxhjälpare"]
    assert role["required_documents"][0]["document"] == "Utdrag ur belastningsregistret"
    assert attribute_values(role, "criminal_record_extract") == ["true"]
    assert role["application_process"] == "Mejla oss." and role["email"] == "volontar@rika.se"
    assert attribute_values(services["okant-utdrag:Fikavärd"], "criminal_record_extract") == ["false"]
    assert attribute_values(services["exempeluppdraget:Nattvandrare"], "criminal_record_extract") == []

    collaboration = services["rik-samverkan:Rik samverkan"]
    assert collaboration["status"] == "inactive" and attribute_values(collaboration, "collaboration_status") == [
        "planned"
    ]
    assert attribute_values(collaboration, "partner_part") == ["rika-foreningen: Leder arbetet: varje vecka."]
    assert [f["source"] for f in collaboration["funding"]] == ["Landsbygdsnämnden", "Egen insats"]
    assert attribute_values(collaboration, "period_start") == ["2020-03"]
    assert attribute_values(collaboration, "period_end") == ["2021"]
    assert attribute_values(collaboration, "good_example") == []  # only when true
    assert len(collaboration["service_at_locations"]) == 2


def test_every_model_field_has_an_hsds_mapping() -> None:
    mapped = {(type_, field.split(".")[0]) for type_, field, _ in hsds_terms.MAPPING}
    for type_, model in TYPES.items():
        for field in model.model_fields:
            assert ("all", field) in mapped or (type_, field) in mapped, (type_, field)


# --- Stable ids, byte-identical builds --------------------------------------------------------


def test_hsds_ids_are_stable_uuid5_from_record_ids(rich, tmp_path) -> None:
    again = read_again(rich, tmp_path)
    first, second = hsds.tables(rich, SETTINGS), hsds.tables(again, SETTINGS)
    assert {t: [r["id"] for r in rows] for t, rows in first.items()} == {
        t: [r["id"] for r in rows] for t, rows in second.items()
    }
    every_id = [row["id"] for rows in first.values() for row in rows]
    assert len(every_id) == len(set(every_id))
    assert all(uuid.UUID(i).version == 5 for i in every_id)
    # Pinned: a change of namespace or key scheme would break every consumer's links.
    assert hsds.organization_id("kfum-orebro") == "b0799d50-bab8-5c62-ad6a-b546bbacf5ef"
    # An organization's attributes 0-2 were record_type, record_id and page_url in the first
    # exports; the numbers stay unused, so the attributes after them keep their published ids.
    attributes = [r for r in first["attribute"] if r["link_id"] == hsds.organization_id("rika-foreningen")]
    assert attributes[0]["id"] == hsds.hsds_id("attribute:organisations/rika-foreningen/attribute/3")
    assert attributes[0]["taxonomy_term_id"] == hsds.category_term_id("gemenskap")
    for key in ("organization:organisations/kfum-orebro", "x", "å/ä/ö", ""):
        assert hsds.hsds_id(key) == str(uuid.uuid5(hsds.NAMESPACE, key))


def test_an_added_record_changes_no_other_id(rich, tmp_path) -> None:
    added = RICH["organisations/rika-foreningen.yml"].replace("rika-foreningen", "aaa-forsta")
    bigger = read_again(rich, tmp_path, {"organisations/aaa-forsta.yml": added})
    before = {r["id"]: r for rows in hsds.tables(rich, SETTINGS).values() for r in rows}
    after = {r["id"]: r for rows in hsds.tables(bigger, SETTINGS).values() for r in rows}
    assert set(before) <= set(after)


def test_two_builds_write_byte_identical_files(rich, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = read_again(rich, tmp_path)
    first, second = tmp_path / "one", tmp_path / "two"
    export.write(rich, SETTINGS, first)
    export.write(again, SETTINGS, second)
    names = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert len(names) == len(export.files(rich, SETTINGS))
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_build_date_is_the_day_of_the_build_from_the_one_clock(rich, monkeypatch) -> None:
    """The open data's version is the day it was built (the clock, pinned to TODAY for the suite),
    not its newest review (2026-02-01 here); SOURCE_DATE_EPOCH pins it for reproducible builds."""

    def dates() -> tuple[str, str, bool]:
        files = export.files(rich, SETTINGS)
        page = next(o for o in export.outputs(rich, SETTINGS) if getattr(o, "url", "") == "oppna-data/")
        built = json.loads(files[native.PATH])["build_date"]
        return (
            built,
            json.loads(files["data/hsds/datapackage.json"])["created"],
            f"byggdes <strong>{built}</strong>" in page.html,
        )

    assert dates() == (TODAY.isoformat(), f"{TODAY.isoformat()}T00:00:00Z", True)
    monkeypatch.setenv(clock.ENV, "2027-01-31")
    assert dates() == ("2027-01-31", "2027-01-31T00:00:00Z", True)
    monkeypatch.delenv(clock.ENV)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert dates() == ("2026-01-01", "2026-01-01T00:00:00Z", True)


# --- directory.json: round trip and its schema ------------------------------------------------


def test_directory_json_round_trip_gives_equal_records(any_directory) -> None:
    text = export.files(any_directory, SETTINGS)[native.PATH]
    read = native.read(text)
    for type_ in TYPES:
        back = {item.id: item.record for item in getattr(read, type_)}
        loaded = {e.id: e.record for e in any_directory.of_type(type_)}
        assert back == loaded
        assert all(type(record) is TYPES[type_] for record in back.values())
    assert [a.id for a in read.areas] == sorted(a.id for a in any_directory.areas)
    assert [c.id for c in read.categories] == list(any_directory.categories)


def test_directory_json_keeps_values_as_typed(rich) -> None:
    document = json.loads(export.files(rich, SETTINGS)[native.PATH])
    org = next(item for item in document["organisations"] if item["id"] == "rika-foreningen")
    assert org["record"]["contact"]["phone"] == "+46 19 21 10 00"
    assert org["record"]["name"] == 'Rika föreningen & <Co> "citat" – الجمعية'
    assert org["url"] == "https://karta.example.se/organisationer/rika-foreningen/"
    assert org["located_in"] == ["vivalla"] and org["file"] == "directory/organisations/rika-foreningen.yml"
    role = next(item for item in document["roles"] if item["id"] == "rikt-uppdrag")
    assert role["record"]["criminal_record_extract"] is True
    assert org["record"]["serves"] == "municipality"
    assert org["record"]["sources"][2] == {"url": "https://rika.se/om?x=1&y=2", "year": 2019, "note": "Öppettider"}
    assert Organisation.model_validate(org["record"]) == rich.entries["rika-foreningen"].record


def test_directory_json_follows_its_published_schema(any_directory) -> None:
    files = export.files(any_directory, SETTINGS)
    schema = json.loads(files[native.SCHEMA_PATH])
    Draft202012Validator.check_schema(schema)
    errors = [
        (list(e.absolute_path), e.message)
        for e in Draft202012Validator(schema).iter_errors(json.loads(files[native.PATH]))
    ]
    assert errors == []


# --- GeoJSON and the spreadsheets -------------------------------------------------------------


def test_geojson_is_lon_lat_with_useful_properties(rich) -> None:
    collection = json.loads(export.files(rich, SETTINGS)[geojson.PATH])
    assert collection["type"] == "FeatureCollection"
    feature = next(f for f in collection["features"] if f["id"] == "rika-platsen")
    assert feature["geometry"] == {"type": "Point", "coordinates": [15.1606, 59.2741]}
    assert feature["properties"] == {
        "id": "rika-platsen",
        "type": "places",
        "name": "Rika platsen",
        "summary": None,
        "translations": {},
        "categories": ["gemenskap", "trygghet"],
        "areas": [feature["properties"]["areas"][0]],
        "approximate": False,
        "url": "https://karta.example.se/motesplatser/rika-platsen/",
    }


def test_spreadsheets_have_a_bom_and_no_formulas(rich) -> None:
    files = export.files(rich, SETTINGS)
    for type_ in TYPES:
        assert files[tables.path(type_)].startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(files["data/organisationer.csv"].decode("utf-8-sig"))))
    org = next(row for row in rows if row["id"] == "rika-foreningen")
    assert org["name"] == 'Rika föreningen & <Co> "citat" – الجمعية'
    assert org["summary"] == "'=SUMMA(1;2) ska inte bli en formel."
    assert org["contact.phone"] == "'+46 19 21 10 00"
    assert org["languages"] == "sv\nar\nswl"
    assert org["services"] == "Läxhjälp – Varje tisdag. [trygghet]\nSpråkcafé"
    assert org["serves"] == "municipality"
    assert org["sources"] == "Verksamhetens webbplats\n-minus först\nhttps://rika.se/om?x=1&y=2 (2019): Öppettider"
    assert org["location.lat"] == "59.2988" and org["url"].endswith("/organisationer/rika-foreningen/")
    assert org["opening_hours"] == "mo tu we th fr sa su 00:00–00:00 (Stödlinjen)"
    assert org["open_on_public_holidays"] == "true"
    place = next(
        r
        for r in csv.DictReader(io.StringIO(files["data/motesplatser.csv"].decode("utf-8-sig")))
        if r["id"] == "rika-platsen"
    )
    assert place["opening_hours"] == "mo tu we 09:00–12:00 (Udda veckor)\nsu 22:00–02:00"
    assert place["cost.free"] == "false"


# --- The command line and the site ------------------------------------------------------------


def test_cli_export_writes_the_same_files(make_directory, tmp_path, capsys) -> None:
    root = make_directory(RICH)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nsite_url: https://karta.example.se/\nplugins:\n  - search\n  - commonmap:\n"
        "      data_license: CC-BY-4.0\n      data_license_url: https://creativecommons.org/licenses/by/4.0/\n"
        "extra:\n  secret: !ENV [NOTHING, x]\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["export", str(root), "--out", str(out), "--config", str(config)]) == 0
    directory, _ = read_directory(root)
    settings = Settings(
        site_url="https://karta.example.se/",
        data_license="CC-BY-4.0",
        data_license_url="https://creativecommons.org/licenses/by/4.0/",
    )
    expected = export.files(directory, settings)
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert written == {
        path.removeprefix("data/"): c.encode() if isinstance(c, str) else c for path, c in expected.items()
    }
    assert json.loads(written["directory.json"])["license"] == "CC-BY-4.0"


def test_cli_export_refuses_a_directory_with_errors(make_directory, tmp_path, capsys) -> None:
    root = make_directory({"organisations/trasig.yml": "id: trasig\nname: Trasig\n"})
    out = tmp_path / "out"
    assert main(["export", str(root), "--out", str(out)]) == 1
    assert "trasig.yml" in capsys.readouterr().err
    assert not out.exists()
    assert main(["export", str(tmp_path / "finns-inte"), "--out", str(out)]) == 2


def test_open_data_page_explains_the_files_and_escapes(rich) -> None:
    settings = Settings(data_license="<b>egen</b>", data_license_url="https://example.se/?a=1&b=2")
    outputs = export.outputs(rich, settings)
    [page] = [o for o in outputs if getattr(o, "url", "") == "oppna-data/" and hasattr(o, "html")]
    assert page.title == "Öppna data"
    assert "&lt;b&gt;egen&lt;/b&gt;" in page.html and "<b>egen</b>" not in page.html
    assert 'href="https://example.se/?a=1&amp;b=2"' in page.html
    assert "SCB" in page.html and "CC BY-SA 4.0" in page.html and "kommun" in page.html
    for path in export.files(rich, settings):
        assert f'href="../{path}"' in page.html, path
    for field in ("contact.phone", "opening_hours[].opens", "partners[].part", "criminal_record_extract"):
        assert f"<code>{field}</code>" in page.html
    default = next(o for o in export.outputs(rich, Settings()) if getattr(o, "url", "") == "oppna-data/")
    assert "CC0 1.0" in default.html and "standardvalet" in default.html


def test_the_built_site_publishes_the_export(built_site: Path, sample) -> None:
    settings = mkdocs_files.settings_from(ROOT / "mkdocs.yml")
    for path, content in export.files(sample, settings).items():
        published = (built_site / path).read_bytes()
        assert published == (content.encode() if isinstance(content, str) else content), path
    page = (built_site / "oppna-data" / "index.html").read_text(encoding="utf-8")
    assert "directory.json" in page and "HSDS" in page
    assert hsds_files.FOLDER == "data/hsds"
