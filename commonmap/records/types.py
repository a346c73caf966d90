"""The record types: every fact about a type in one place, the folder being its key everywhere.

The views below (TYPES, BY_FOLDER, …) are derived from RECORD_TYPES; their order is the order in
which lists, the map, the finder and the exports show the types (a contract: the finder and the
form number the types in it)."""

from __future__ import annotations

from dataclasses import dataclass

from commonmap.records.model import Collaboration, Organisation, Place, Record, Role


@dataclass(frozen=True)
class RecordType:
    folder: str  # directory/<folder>/<id>.yml (a contract)
    model: type[Record]
    url_folder: str  # the published pages: /<url_folder>/<id>/ (a contract of the guide)
    name: str  # the Swedish singular of messages and the command line ("mötesplats")
    schema_name: str  # the editor schema: schema/<schema_name>.schema.json
    schema_org: str  # the schema.org @type of the record page's JSON-LD
    has_contact_details: bool  # its phone, website and address are compared for duplicates

    @property
    def aliases(self) -> tuple[str, ...]:
        """The spellings `commonmap new` accepts: the folder, the schema name, the Swedish name."""
        return (self.folder, self.schema_name, self.name)


RECORD_TYPES = (
    RecordType("organisations", Organisation, "organisationer", "organisation", "organisation", "Organization", True),
    RecordType("places", Place, "motesplatser", "mötesplats", "place", "Place", True),
    RecordType("roles", Role, "volontaruppdrag", "volontäruppdrag", "role", "JobPosting", False),
    RecordType("collaborations", Collaboration, "samverkan", "samverkan", "collaboration", "Project", False),
)
BY_FOLDER: dict[str, RecordType] = {type_.folder: type_ for type_ in RECORD_TYPES}
# The model of each folder, the views most modules need.
TYPES: dict[str, type[Record]] = {type_.folder: type_.model for type_ in RECORD_TYPES}
TYPE_NAMES: dict[str, str] = {type_.folder: type_.name for type_ in RECORD_TYPES}


# The type (folder) each reference field must point to, for the cross-record checks.
REFERENCES: dict[str, str] = {
    "hosts": "organisations",
    "organisation": "organisations",
    "place": "places",
    "places": "places",
}
