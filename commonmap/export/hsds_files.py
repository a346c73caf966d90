"""The published HSDS files under /data/hsds/: the JSON form (nested, as the HSDS API returns it)
and the tabular form (one CSV per table, described by datapackage.json)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from commonmap.export.common import (
    HSDS_ATTRIBUTION,
    absolute,
    build_datetime,
    dump_csv,
    dump_json,
    dump_json_part,
)
from commonmap.export.hsds import tables
from commonmap.export.hsds_columns import COLUMNS, ENUMS, FOREIGN_KEYS, UNIQUE
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.site.outputs import Chunks

FOLDER = "data/hsds"
HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


class Nester:
    """Builds the JSON form from the flat rows: every row is published once, nested in the one
    object it belongs to, as in HSDS's own examples (a phone inside its service, a location inside
    its organization, an attribute inside what it describes). A nested row leaves out the foreign
    key to the object it sits in (the nesting says it); other links stay ids: a service names its
    organization by organization_id, a service_at_location its location by location_id, an
    attribute its term by taxonomy_term_id. Those objects are nested or listed in full once
    elsewhere (organizations.json, taxonomy_terms.json), never copied into every user. HSDS 3.0
    makes every nested object and list optional; empty lists are left out. An organization does
    not list its services: HSDS's organization has no `services` (only the API's single-organization
    answer adds them, in full), and each service names its organization_id.
    """

    def __init__(self, rows: dict[str, list[dict]]) -> None:
        self.rows = rows
        self._index: dict[tuple[str, str], dict[str, list[dict]]] = {}

    def listed(self, table: str) -> Iterator[dict]:
        """A table's published list (LISTS), one object at a time: each is nested when it is
        written and let go after, and the grouped rows it needed are let go at the end, so that
        the JSON form is never in memory as objects (issue 24)."""
        for row in self.rows[table]:
            yield self.nest(table, row)
        self._index.clear()

    def nest(self, table: str, row: dict, drop: tuple[str, ...] = ()) -> dict:
        """An object with its lists (CHILDREN), without `drop`, the fields its place already says."""
        found = {k: v for k, v in row.items() if k not in drop}
        for key, child in CHILDREN.get(table, {}).items():
            field = "link_id" if child == "attribute" else f"{table}_id"
            implied = (field,) + _IMPLIED.get(field, ())
            items = [self.nest(child, r, implied) for r in self._rows_of(child, field, row["id"])]
            if items:
                found[key] = items
        return found

    def _rows_of(self, table: str, field: str, parent_id: str) -> list[dict]:
        """The rows of table whose `field` is parent_id (grouped once per table and field)."""
        index = self._index.get((table, field))
        if index is None:
            index = self._index[(table, field)] = defaultdict(list)
            for row in self.rows[table]:
                if field in row:
                    index[row[field]].append(row)
        return index.get(parent_id, [])


# The JSON form's files (data/hsds/<name>.json) and the table each lists.
LISTS = {
    "organizations": "organization",
    "services": "service",
    "service_at_locations": "service_at_location",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}


# The lists an object holds, in the published order: key -> table. A nested row names its object
# by <object>_id (an attribute by link_id); a location or a service_at_location holds lists in turn.
CHILDREN: dict[str, dict[str, str]] = {
    "organization": {
        "phones": "phone",
        "locations": "location",
        "organization_identifiers": "organization_identifier",
        "funding": "funding",
        "attributes": "attribute",
    },
    "location": {
        "addresses": "address",
        "phones": "phone",
        "schedules": "schedule",
        "languages": "language",
        "accessibility": "accessibility",
        "attributes": "attribute",
    },
    "service": {
        "phones": "phone",
        "schedules": "schedule",
        "service_areas": "service_area",
        "service_at_locations": "service_at_location",
        "languages": "language",
        "funding": "funding",
        "cost_options": "cost_option",
        "required_documents": "required_document",
        "attributes": "attribute",
    },
    "service_at_location": {"schedules": "schedule", "phones": "phone", "attributes": "attribute"},
}
# Fields a nested row also leaves out because its place says them: an attribute inside an
# organization needs neither link_id nor link_entity.
_IMPLIED = {"link_id": ("link_entity",)}


def page(total: int) -> dict:
    """The frame of one page holding everything, in the shape of the HSDS API's paginated lists
    (its `contents` empty: page_json fills it)."""
    return {
        "total_items": total,
        "total_pages": 1,
        "page_number": 1,
        "size": total,
        "first_page": True,
        "last_page": True,
        "empty": not total,
        "contents": [],
    }


def page_json(contents: Iterator[dict], total: int) -> Chunks:
    """dump_json of the page holding `contents`, made one object at a time as it is written:
    `contents` sorts first, so the frame's first "[]" is its place."""
    return Chunks(_page_pieces(contents, total))


def _page_pieces(contents: Iterator[dict], total: int) -> Iterator[bytes]:
    head, tail = dump_json(page(total)).split(b"[]", 1)
    yield head + b"["
    for number, item in enumerate(contents):
        yield b"," + dump_json_part(item) if number else dump_json_part(item)
    yield b"]" + tail


def csv_files(rows: dict[str, list[dict]]) -> Iterator[tuple[str, Chunks]]:
    """The tabular form: every table of the HSDS data package as CSV with all its one-to-one
    columns (UTF-8, no BOM), from the same rows as the JSON form; a table the directory has
    nothing for (programs, contacts, metadata) is its header alone. A missing value is an empty
    cell (the csv module writes None so); the rows hold only strings and numbers."""
    for table, (file_name, _, columns) in COLUMNS.items():
        names = [name for name, _, _ in columns]
        body = ([row.get(name) for name in names] for row in rows.get(table, []))
        yield f"{FOLDER}/{file_name}", dump_csv(names, body)


def resource(table: str) -> dict:
    """A table as a Frictionless tabular data resource with HSDS's own types and rules."""
    file_name, required, columns = COLUMNS[table]
    fields = []
    for name, type_, format_ in columns:
        constraints: dict[str, object] = {
            "required": name in required,
            "unique": name == "id" or (table, name) in UNIQUE,
        }
        if (table, name) in ENUMS:
            constraints["enum"] = ENUMS[(table, name)]
        fields.append(
            {"name": name, "type": type_, **({"format": format_} if format_ else {}), "constraints": constraints}
        )
    schema: dict[str, object] = {"fields": fields, "primaryKey": "id"}
    if table in FOREIGN_KEYS:
        schema["foreignKeys"] = [
            {"fields": f"{target}_id", "reference": {"resource": target, "fields": "id"}}
            for target in FOREIGN_KEYS[table]
        ]
    return {
        "name": table,
        "path": file_name,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(settings: Settings) -> dict:
    """A Frictionless tabular data package describing the CSVs: HSDS's tables in HSDS's order."""
    return {
        "name": "gemensam-karta-hsds",
        "title": "Gemensam karta – stöd i Örebro kommun (HSDS 3.0)",
        "profile": "tabular-data-package",
        "version": HSDS_VERSION,
        "created": build_datetime(),
        "homepage": absolute("oppna-data/", settings.site_url) if settings.site_url else None,
        "licenses": [{"name": settings.data_license, "path": settings.data_license_url}],
        "sources": [{"title": HSDS_ATTRIBUTION}],
        "resources": [resource(table) for table in COLUMNS],
    }


def index(settings: Settings) -> dict:
    """As the HSDS API's root: the HSDS version and where this export's profile is described."""
    data = {"version": HSDS_VERSION, "openapi_url": OPENAPI_URL}
    if settings.site_url:
        data["profile"] = absolute("oppna-data/#hsds", settings.site_url)
    return data


def files(directory: Directory, settings: Settings) -> Iterator[tuple[str, bytes | Chunks]]:
    """Each file as it is made (path, bytes), so that 30,000 records' HSDS files are not all in
    memory at once (issue 24)."""
    rows = tables(directory, settings)
    yield f"{FOLDER}/index.json", dump_json(index(settings), pretty=True)
    nester = Nester(rows)
    for name, table in LISTS.items():
        yield f"{FOLDER}/{name}.json", page_json(nester.listed(table), len(rows[table]))
    yield from csv_files(rows)
    package = datapackage(settings)
    yield f"{FOLDER}/datapackage.json", dump_json({k: v for k, v in package.items() if v is not None}, pretty=True)
