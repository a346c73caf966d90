"""The HSDS 3.0 data package's rules, table by table: one-to-one fields with their Table Schema type
and format, required fields, enums, unique fields and foreign keys, in the official order. Facts
taken from Open Referral's HSDS 3.0 schema files (CC BY-SA 4.0) by the rules of Open Referral's
own datapackage generator: a field's type is its `datapackage_type` where it has one (date, time,
datetime), else its JSON type; required is `required` plus `tabular_required`; a foreign key comes
from every nested object or list. A test derives the same from ../shared/data/hsds/schema, so
these cannot drift.

The tables are written compactly: a table's CSV file, then its fields in order, a required one
marked with *; a field's type and format come from its name (FIELD_TYPES), as HSDS names alike
fields alike."""

from __future__ import annotations

TABLES: dict[str, str] = {
    "organization": (
        "organizations.csv id* name* alternate_name description* email website tax_status tax_id year_incorporated "
        "legal_status logo uri parent_organization_id"
    ),
    "program": "programs.csv id* organization_id* name* alternate_name description*",
    "service": (
        "services.csv id* organization_id* program_id name* alternate_name description url email status* "
        "interpretation_services application_process fees_description wait_time fees accreditations "
        "eligibility_description minimum_age maximum_age assured_date assurer_email licenses alert last_modified"
    ),
    "attribute": "attributes.csv id* link_id* taxonomy_term_id* link_type link_entity* value",
    "service_at_location": "service_at_location.csv id* service_id* location_id* description",
    "location": (
        "locations.csv id* location_type* url organization_id name alternate_name description transportation latitude "
        "longitude external_identifier external_identifier_type"
    ),
    "phone": (
        "phones.csv id* location_id service_id organization_id contact_id service_at_location_id number* extension "
        "type description"
    ),
    "contact": (
        "contacts.csv id* organization_id service_id service_at_location_id location_id name title department email"
    ),
    "address": (
        "addresses.csv id* location_id attention address_1* address_2 city* region state_province* postal_code* "
        "country* address_type*"
    ),
    "schedule": (
        "schedules.csv id* service_id location_id service_at_location_id valid_from valid_to dtstart timezone until "
        "count wkst freq interval byday byweekno bymonthday byyearday description opens_at closes_at schedule_link "
        "attending_type notes"
    ),
    "funding": "funding.csv id* organization_id service_id source",
    "service_area": "service_areas.csv id* service_id name description extent extent_type uri",
    "required_document": "required_documents.csv id* service_id document uri",
    "language": "languages.csv id* service_id location_id phone_id name code note",
    "accessibility": "accessibility.csv id* location_id description details url",
    "taxonomy_term": "taxonomy_terms.csv id* code name* description* parent_id taxonomy language taxonomy_id term_uri",
    "metadata": (
        "metadata.csv id* resource_id* resource_type* last_action_date* last_action_type* field_name* previous_value* "
        "replacement_value* updated_by*"
    ),
    "meta_table_description": "meta_table_descriptions.csv id* name language character_set",
    "cost_option": "cost_options.csv id* service_id* valid_from valid_to option currency amount amount_description",
    "organization_identifier": (
        "organization_identifiers.csv id* organization_id* identifier_scheme identifier_type* identifier*"
    ),
    "taxonomy": "taxonomies.csv id* name* description* uri version",
}

# A field's type and format by its name, in every table: an id, or a name ending in _id, is a
# string in uuid format (tax_id is a tax number); the others here; any other a plain string.
FIELD_TYPES: dict[str, tuple[str, str]] = {
    "tax_id": ("string", ""),
    **dict.fromkeys(["email", "assurer_email"], ("string", "email")),
    **dict.fromkeys(["website", "url", "uri", "schedule_link", "term_uri"], ("string", "uri")),
    **dict.fromkeys(["assured_date", "valid_from", "valid_to", "dtstart", "until", "last_action_date"], ("date", "")),
    **dict.fromkeys(["opens_at", "closes_at"], ("time", "")),
    "last_modified": ("datetime", "date-time"),
    **dict.fromkeys(["year_incorporated", "minimum_age", "maximum_age", "latitude", "longitude"], ("number", "")),
    **dict.fromkeys(["extension", "timezone", "count", "interval", "amount"], ("number", "")),
}
# The one field that its name does not describe: a service area's uri has no format.
OTHER_TYPES = {("service_area", "uri"): ("string", "")}


def _field(table: str, name: str) -> tuple[str, str, str]:
    """(field, type, format) of a field of a table."""
    uuid = ("string", "uuid") if name == "id" or name.endswith("_id") else ("string", "")
    return (name, *OTHER_TYPES.get((table, name), FIELD_TYPES.get(name, uuid)))


def _columns(table: str, spec: str) -> tuple[str, list[str], list[tuple[str, str, str]]]:
    file_name, *fields = spec.split()
    required = [field[:-1] for field in fields if field.endswith("*")]
    return file_name, required, [_field(table, field.rstrip("*")) for field in fields]


# table: (CSV file name, required fields, [(field, type, format)]), in HSDS's order.
COLUMNS = {table: _columns(table, spec) for table, spec in TABLES.items()}

# Values a field may take (the package's `enum` constraints).
ENUMS: dict[tuple[str, str], list[str]] = {
    ("service", "status"): ["active", "inactive", "defunct", "temporarily closed"],
    ("location", "location_type"): ["physical", "postal", "virtual"],
    ("address", "address_type"): ["physical", "postal", "virtual"],
    ("schedule", "wkst"): ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
    ("schedule", "freq"): ["WEEKLY", "MONTHLY"],
}

# Unique fields besides every table's id.
UNIQUE = {("program", "organization_id"), ("taxonomy_term", "code")}

# table: the tables it points to, each by its field <table>_id, in the package's order.
FOREIGN_KEYS: dict[str, list[str]] = {
    "program": ["organization"],
    "service": ["organization", "program"],
    "attribute": ["taxonomy_term"],
    "service_at_location": ["service", "location"],
    "location": ["organization"],
    "phone": ["service", "organization", "location", "service_at_location", "contact"],
    "contact": ["service", "organization", "location", "service_at_location"],
    "address": ["location"],
    "schedule": ["service", "location", "service_at_location"],
    "funding": ["service", "organization"],
    "service_area": ["service"],
    "required_document": ["service"],
    "language": ["service", "location", "phone"],
    "accessibility": ["location"],
    "taxonomy_term": ["taxonomy"],
    "cost_option": ["service"],
    "organization_identifier": ["organization"],
}
