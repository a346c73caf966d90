"""The rows of the HSDS tables (hsds.py) and their identifiers: UUIDv5 from stable keys built from
record ids ("organisations/kfum-orebro"), so that a record keeps its HSDS ids in every build. A child
row (phone, attribute...) is keyed by its parent and its position among its siblings of the same table.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict

from commonmap.export.hsds_terms import CATEGORY_TAXONOMY, FIELD_TAXONOMY
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings

# Never change: every HSDS id is derived from it. (It is uuid5(NAMESPACE_URL, the repository's
# URL + "/hsds"), written out so that moving the repository changes no id.)
NAMESPACE = uuid.UUID("278e5429-43ba-5197-911a-6d1a0fa264e9")

# The HSDS tables the export fills (the data package describes all of HSDS's: hsds_columns.COLUMNS).
TABLES = [
    "organization",
    "organization_identifier",
    "service",
    "service_at_location",
    "location",
    "address",
    "phone",
    "schedule",
    "service_area",
    "language",
    "accessibility",
    "cost_option",
    "funding",
    "required_document",
    "attribute",
    "taxonomy",
    "taxonomy_term",
]

IDENTIFIER_TYPE = "gemensam-karta-id"

_NAMESPACE_BYTES = NAMESPACE.bytes


def hsds_id(key: str) -> str:
    """uuid.uuid5(NAMESPACE, key) as a string, without building UUID objects (3x faster; a
    test checks it against uuid.uuid5)."""
    digest = hashlib.sha1(_NAMESPACE_BYTES + key.encode("utf-8"), usedforsecurity=False).hexdigest()
    variant = "89ab"[int(digest[16], 16) & 0x3]
    return f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{variant}{digest[17:20]}-{digest[20:32]}"


class Builder:
    """Collects the rows of every table; each row's id comes from its key."""

    def __init__(self, directory: Directory, settings: Settings) -> None:
        self.directory = directory
        self.settings = settings
        self.rows: dict[str, list[dict]] = {table: [] for table in TABLES}
        self._children: dict[tuple[str, str], int] = defaultdict(int)
        self.category_terms: dict[str, str] = {}
        self.field_terms: dict[str, str] = {}

    def add(self, table: str, key: str, **fields: object) -> tuple[str, str]:
        """Add a row; None fields are left out. Returns (id, key)."""
        row_id = hsds_id(f"{table}:{key}")
        self.rows[table].append({"id": row_id, **{k: v for k, v in fields.items() if v is not None}})
        return row_id, key

    def child(self, table: str, parent_key: str, **fields: object) -> str:
        number = self._children[(parent_key, table)]
        self._children[(parent_key, table)] += 1
        return self.add(table, f"{parent_key}/{table}/{number}", **fields)[0]

    def skip(self, table: str, parent_key: str, count: int) -> None:
        """Leave `count` sibling numbers unused, so that the rows after them keep their ids."""
        self._children[(parent_key, table)] += count

    def attribute(self, entity: str, entity_id: str, key: str, term: str, value: object) -> None:
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        self._attribute(entity, entity_id, key, self.field_terms[term], text)

    def categories(self, entity: str, entity_id: str, key: str, categories: list[str]) -> None:
        for category in categories:
            self._attribute(entity, entity_id, key, self.category_terms[category], None)

    def _attribute(self, entity: str, entity_id: str, key: str, term_id: str, value: str | None) -> None:
        """`child` for the most numerous rows, written out (a third of the table-building time)."""
        counter = (key, "attribute")
        number = self._children[counter]
        self._children[counter] = number + 1
        row = {
            "id": hsds_id(f"attribute:{key}/attribute/{number}"),
            "link_id": entity_id,
            "link_entity": entity,
            "taxonomy_term_id": term_id,
        }
        if value is not None:
            row["value"] = value
        self.rows["attribute"].append(row)


def organization_id(record_id: str) -> str:
    return hsds_id(f"organization:organisations/{record_id}")


def category_term_id(category: str) -> str:
    """The id of a category's term in the taxonomy "Gemensam karta: kategorier"."""
    return hsds_id(f"taxonomy_term:{CATEGORY_TAXONOMY[0]}/{category}")


def field_term_id(code: str) -> str:
    """The id of a term (FIELD_TERMS) in the taxonomy "Gemensam karta: fält"."""
    return hsds_id(f"taxonomy_term:{FIELD_TAXONOMY[0]}/{code}")
