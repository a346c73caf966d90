"""The published HSDS files under /data/hsds/: the JSON form (nested, as the HSDS API returns it)
and the tabular form (one CSV per table, described by datapackage.json)."""

from __future__ import annotations

from collections import defaultdict

from commonmap.directory import Directory
from commonmap.export.common import HSDS_ATTRIBUTION, absolute, build_date, dump_csv, dump_json
from commonmap.export.hsds import TABLES, tables
from commonmap.export.hsds_columns import COLUMNS
from commonmap.settings import Settings

FOLDER = "data/hsds"
HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
# The lists a client fetches, as HSDS API endpoints of the same name would return them.
LISTS = ["organizations", "services", "service_at_locations", "taxonomies", "taxonomy_terms"]
# Foreign keys in the tabular form: field -> table it points to.
FOREIGN_KEYS = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
    "taxonomy_term_id": "taxonomy_term",
    "taxonomy_id": "taxonomy",
}


class Nester:
    """Builds the nested HSDS objects from the flat rows by following their foreign keys."""

    def __init__(self, rows: dict[str, list[dict]]) -> None:
        self.rows = rows
        self.by_id = {table: {row["id"]: row for row in rows[table]} for table in rows}
        self._index: dict[tuple[str, str], dict[str, list[dict]]] = {}
        terms = self.by_id["taxonomy_term"]
        self._attributes: dict[str, list[dict]] = defaultdict(list)
        for row in rows["attribute"]:
            self._attributes[row["link_id"]].append({**row, "taxonomy_term": terms[row["taxonomy_term_id"]]})

    def children(self, table: str, field: str, parent_id: str) -> list[dict]:
        index = self._index.get((table, field))
        if index is None:
            index = defaultdict(list)
            for row in self.rows[table]:
                if field in row:
                    index[row[field]].append(row)
            self._index[(table, field)] = index
        return index.get(parent_id, [])

    def attributes(self, parent_id: str) -> list[dict]:
        """The attributes of a row, each with its taxonomy term, as in HSDS's examples."""
        return self._attributes.get(parent_id, [])

    def location(self, row: dict) -> dict:
        id_ = row["id"]
        return {
            **row,
            "addresses": self.children("address", "location_id", id_),
            "phones": self.children("phone", "location_id", id_),
            "schedules": self.children("schedule", "location_id", id_),
            "languages": self.children("language", "location_id", id_),
            "accessibility": self.children("accessibility", "location_id", id_),
            "attributes": self.attributes(id_),
        }

    def service_at_location(self, row: dict) -> dict:
        id_ = row["id"]
        return {
            **row,
            "location": self.location(self.by_id["location"][row["location_id"]]),
            "schedules": self.children("schedule", "service_at_location_id", id_),
            "phones": self.children("phone", "service_at_location_id", id_),
            "attributes": self.attributes(id_),
        }

    def service(self, row: dict) -> dict:
        id_ = row["id"]
        return {
            **row,
            "organization": self.by_id["organization"][row["organization_id"]],
            "phones": self.children("phone", "service_id", id_),
            "schedules": self.children("schedule", "service_id", id_),
            "service_areas": self.children("service_area", "service_id", id_),
            "service_at_locations": [
                self.service_at_location(r) for r in self.children("service_at_location", "service_id", id_)
            ],
            "languages": self.children("language", "service_id", id_),
            "funding": self.children("funding", "service_id", id_),
            "cost_options": self.children("cost_option", "service_id", id_),
            "required_documents": self.children("required_document", "service_id", id_),
            "attributes": self.attributes(id_),
        }

    def organization(self, row: dict) -> dict:
        id_ = row["id"]
        return {
            **row,
            "phones": self.children("phone", "organization_id", id_),
            "locations": [self.location(r) for r in self.children("location", "organization_id", id_)],
            "organization_identifiers": self.children("organization_identifier", "organization_id", id_),
            "funding": self.children("funding", "organization_id", id_),
            "attributes": self.attributes(id_),
            # As the HSDS API's /organizations/{id}: the ids of its services (full in services.json).
            "services": [{"id": row["id"]} for row in self.children("service", "organization_id", id_)],
        }

    def lists(self) -> dict[str, list[dict]]:
        return {
            "organizations": [self.organization(r) for r in self.rows["organization"]],
            "services": [self.service(r) for r in self.rows["service"]],
            "service_at_locations": [self.service_at_location(r) for r in self.rows["service_at_location"]],
            "taxonomies": self.rows["taxonomy"],
            "taxonomy_terms": self.rows["taxonomy_term"],
        }


def page(contents: list[dict]) -> dict:
    """One page holding everything, in the shape of the HSDS API's paginated lists."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def csv_files(rows: dict[str, list[dict]]) -> dict[str, bytes]:
    """The tabular form: every table as CSV with all its one-to-one columns (UTF-8, no BOM)."""
    found = {}
    for table in TABLES:
        file_name, _, columns = COLUMNS[table]
        names = [name for name, _, _ in columns]
        body = [[_cell(row.get(name)) for name in names] for row in rows[table]]
        found[f"{FOLDER}/{file_name}"] = dump_csv(names, body)
    return found


def datapackage(directory: Directory, settings: Settings) -> dict:
    """A Frictionless tabular data package describing the CSVs."""
    resources = []
    for table in TABLES:
        file_name, required, columns = COLUMNS[table]
        fields = []
        for name, type_, format_ in columns:
            field: dict[str, object] = {"name": name, "type": type_}
            if format_ in ("uuid", "email", "uri"):
                field["format"] = format_
            if name in required:
                field["constraints"] = {"required": True, **({"unique": True} if name == "id" else {})}
            fields.append(field)
        names = {name for name, _, _ in columns}
        foreign_keys = [
            {"fields": name, "reference": {"resource": target, "fields": "id"}}
            for name, target in FOREIGN_KEYS.items()
            if name in names and target in TABLES
        ]
        schema: dict[str, object] = {"fields": fields, "primaryKey": ["id"]}
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        resources.append(
            {
                "name": table,
                "path": file_name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "gemensam-karta-hsds",
        "title": "Gemensam karta – stöd i Örebro kommun (HSDS 3.0)",
        "profile": "tabular-data-package",
        "version": HSDS_VERSION,
        "created": build_date(directory),
        "homepage": absolute("oppna-data/", settings.site_url) if settings.site_url else None,
        "licenses": [{"name": settings.data_license, "path": settings.data_license_url}],
        "sources": [{"title": HSDS_ATTRIBUTION}],
        "resources": resources,
    }


def index(settings: Settings) -> dict:
    """As the HSDS API's root: the HSDS version and where this export's profile is described."""
    data = {"version": HSDS_VERSION, "openapi_url": OPENAPI_URL}
    if settings.site_url:
        data["profile"] = absolute("oppna-data/#hsds", settings.site_url)
    return data


def files(directory: Directory, settings: Settings) -> dict[str, str | bytes]:
    rows = tables(directory, settings)
    found: dict[str, str | bytes] = {f"{FOLDER}/index.json": dump_json(index(settings), pretty=True)}
    for name, contents in Nester(rows).lists().items():
        found[f"{FOLDER}/{name}.json"] = dump_json(page(contents))
    found.update(csv_files(rows))
    package = datapackage(directory, settings)
    found[f"{FOLDER}/datapackage.json"] = dump_json({k: v for k, v in package.items() if v is not None}, pretty=True)
    return found
