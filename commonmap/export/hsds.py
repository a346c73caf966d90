"""The directory as Open Referral HSDS 3.0 tables: one list of flat rows per HSDS table.

Both published forms are made from these rows: the JSON form nests them (hsds_files.py), the
tabular form writes them as CSV with a datapackage.json. No HSDS field is invented: what HSDS has
no field for becomes an `attribute` whose `taxonomy_term` comes from the project's own taxonomy
"Gemensam karta: fält" (the HSDS way of extending; see hsds_terms.py). Categories are
the terms of the taxonomy "Gemensam karta: kategorier".

Identifiers are UUIDv5 from stable keys built from record ids ("organisations/kfum-orebro"),
so a record keeps its HSDS ids in every build. A child row (phone, attribute...) is keyed by its
parent and its position among its siblings of the same table.

Nothing is written twice: a fact that a row already holds in an HSDS field is not repeated as an
attribute (an organization's record id is its organization_identifier, its page its uri), and a
yes/no fact whose answer is almost always "no" (approximate_location, good_example) is an
attribute only when it is "yes".
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict

from commonmap.export.common import absolute, page_url
from commonmap.export.hsds_terms import CATEGORY_TAXONOMY, FIELD_TAXONOMY, FIELD_TERMS
from commonmap.records.checks import language_names
from commonmap.records.directory import Directory, Entry
from commonmap.records.model import (
    Address,
    Collaboration,
    Contact,
    Hours,
    Organisation,
    Place,
    Record,
    Role,
    source_text,
)
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
COUNTRY = "SE"
# Every area in areas.geojson lies in Örebro kommun, which lies in Örebro län: an address whose
# record has a point in one of the areas is in this state_province (HSDS requires one).
STATE_PROVINCE = "Örebro län"
# HSDS requires an organization's description; this says truthfully that there is none yet.
NO_DESCRIPTION = "Gemensam karta har ännu ingen beskrivning av organisationen."
CURRENCY = "SEK"
CRIMINAL_RECORD_DOCUMENT = "Utdrag ur belastningsregistret"
STATUS = {"planned": "inactive", "ongoing": "active", "ended": "defunct"}
# The whole area a record serves when it says `serves` (the directory covers Örebro kommun).
SERVES_AREAS = {"municipality": "Örebro kommun", "county": "Örebro län", "country": "Sverige"}
OFFER_STATUS = {"active": "active", "temporarily-closed": "inactive", "closed": "defunct"}


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


def tables(directory: Directory, settings: Settings) -> dict[str, list[dict]]:
    """Every HSDS table's rows for the directory, in a stable order."""
    builder = Builder(directory, settings)
    _taxonomies(builder)
    for entry in directory.of_type("organisations"):
        _organisation(builder, entry)
    places = {entry.id: _place(builder, entry) for entry in directory.of_type("places")}
    for entry in directory.of_type("roles"):
        _role(builder, entry, places)
    for entry in directory.of_type("collaborations"):
        _collaboration(builder, entry, places)
    return builder.rows


def organization_id(record_id: str) -> str:
    return hsds_id(f"organization:organisations/{record_id}")


def category_term_id(category: str) -> str:
    """The id of a category's term in the taxonomy "Gemensam karta: kategorier"."""
    return hsds_id(f"taxonomy_term:{CATEGORY_TAXONOMY[0]}/{category}")


def field_term_id(code: str) -> str:
    """The id of a term (FIELD_TERMS) in the taxonomy "Gemensam karta: fält"."""
    return hsds_id(f"taxonomy_term:{FIELD_TAXONOMY[0]}/{code}")


def _taxonomies(b: Builder) -> None:
    site = b.settings.site_url
    code, name, description = CATEGORY_TAXONOMY
    categories_uri = absolute("kategorier/", site) if site else None
    taxonomy_id, key = b.add("taxonomy", code, name=name, description=description, uri=categories_uri)
    for category in b.directory.categories.values():
        term_uri = absolute(f"kategorier/{category.id}/", site) if site else None
        b.category_terms[category.id] = b.add(
            "taxonomy_term",
            f"{key}/{category.id}",
            code=category.id,
            name=category.label,
            description=category.description,
            taxonomy=name,
            taxonomy_id=taxonomy_id,
            language="sv",
            term_uri=term_uri,
        )[0]
    code, name, description = FIELD_TAXONOMY
    taxonomy_id, key = b.add("taxonomy", code, name=name, description=description)
    for term, (term_name, term_description) in FIELD_TERMS.items():
        b.field_terms[term] = b.add(
            "taxonomy_term",
            f"{key}/{term}",
            code=term,
            name=term_name,
            description=term_description,
            taxonomy=name,
            taxonomy_id=taxonomy_id,
            language="sv",
        )[0]


def _text(*parts: str | None) -> str:
    return "\n\n".join(part for part in parts if part)


def _eligibility(target_groups: list[str], requirements: list[str] | None = None) -> str | None:
    parts = []
    if target_groups:
        parts.append("Målgrupper: " + "; ".join(target_groups) + ".")
    if requirements:
        parts.append("Krav: " + "; ".join(requirements) + ".")
    return " ".join(parts) or None


def _record_attributes(b: Builder, entity: str, entity_id: str, key: str, entry: Entry) -> None:
    """What every record's main HSDS row carries as attributes. An organization has no
    record_type (it is always "organisations"), record_id (its organization_identifier) or
    page_url (its uri)."""
    record = entry.record
    if entity == "organization":
        # Earlier exports wrote those three here: their numbers stay unused, so that the
        # organization's other attributes keep the ids they were published with.
        b.skip("attribute", key, 3 if b.settings.site_url else 2)
    else:
        b.attribute(entity, entity_id, key, "record_type", entry.type)
        b.attribute(entity, entity_id, key, "record_id", entry.id)
        if b.settings.site_url:
            b.attribute(entity, entity_id, key, "page_url", page_url(entry, b.settings.site_url))
    b.categories(entity, entity_id, key, record.categories)
    for source in record.sources:
        b.attribute(entity, entity_id, key, "source", source_text(source))


def _phone(b: Builder, key: str, contact: Contact | None, **link: str) -> None:
    if contact and contact.phone:
        b.child("phone", key, number=contact.phone, description=contact.phone_label, **link)


def _location(b: Builder, key: str, entry: Entry, organization: str, external: bool) -> str:
    """A physical location with its address and coordinates; returns its id. `external`: the
    location is a place's own, and names the place by its record id."""
    record: Organisation | Place = entry.record  # type: ignore[assignment]
    coordinates = record.location
    location_id, key = b.add(
        "location",
        key,
        location_type="physical",
        organization_id=organization,
        name=record.name,
        latitude=coordinates.lat if coordinates else None,
        longitude=coordinates.lon if coordinates else None,
        external_identifier=entry.id if external else None,
        external_identifier_type=IDENTIFIER_TYPE if external else None,
    )
    if record.address:
        _address(
            b, key, location_id, record.address, in_municipality=coordinates is not None and bool(entry.located_in)
        )
    if coordinates and coordinates.approximate:
        b.attribute("location", location_id, key, "approximate_location", True)
    return location_id


def _address(b: Builder, key: str, location_id: str, address: Address, in_municipality: bool) -> None:
    """An HSDS address when every value HSDS requires is known; else the address as the
    location's attribute `address`, whose term says why (nothing lost, nothing guessed)."""
    if address.postal_code and in_municipality:
        b.child(
            "address",
            key,
            location_id=location_id,
            address_1=address.street,
            city=address.city,
            postal_code=address.postal_code,
            state_province=STATE_PROVINCE,
            country=COUNTRY,
            address_type="physical",
        )
    else:
        text = f"{address.street}, {address.postal_code} {address.city}" if address.postal_code else None
        b.attribute("location", location_id, key, "address", text or f"{address.street}, {address.city}")


def _service(
    b: Builder, key: str, entry: Entry, organization: str, status: str = "active", **fields: object
) -> tuple[str, str]:
    """A service with what every record type gives it: contact, languages, areas, review date."""
    record = entry.record
    contact = record.contact
    service_id, key = b.add(
        "service",
        key,
        organization_id=organization,
        status=status,
        url=contact.website if contact else None,
        email=contact.email if contact else None,
        assured_date=record.last_reviewed,
        **fields,
    )
    for code in record.languages:
        b.child("language", key, service_id=service_id, code=code, name=language_names().get(code))
    for area_id in record.areas:
        area = b.directory.areas.by_id[area_id]
        uri = absolute(f"omraden/{area.id}/", b.settings.site_url) if b.settings.site_url else None
        description = f"id: {area.id}; SCB RegSO: {area.code}"
        b.child("service_area", key, service_id=service_id, name=area.name, description=description, uri=uri)
    if record.serves:
        name = SERVES_AREAS[record.serves]
        b.child("service_area", key, service_id=service_id, name=name, description=f"serves: {record.serves}")
    return service_id, key


def _service_at(b: Builder, service: tuple[str, str], location_ids: list[str]) -> None:
    service_id, key = service
    for location_id in location_ids:
        b.add("service_at_location", f"{key}@{location_id}", service_id=service_id, location_id=location_id)


def _organisation(b: Builder, entry: Entry) -> None:
    record: Organisation = entry.record  # type: ignore[assignment]
    contact = record.contact
    key = f"organisations/{entry.id}"
    site = b.settings.site_url
    org_id, key = b.add(
        "organization",
        key,
        name=record.name,
        description=_text(record.summary, record.description) or NO_DESCRIPTION,
        email=contact.email if contact else None,
        website=contact.website if contact else None,
        legal_status=record.kind,
        uri=page_url(entry, site) if site else None,
    )
    b.child(
        "organization_identifier", key, organization_id=org_id, identifier_type=IDENTIFIER_TYPE, identifier=entry.id
    )
    _phone(b, key, contact, organization_id=org_id)
    _record_attributes(b, "organization", org_id, key, entry)
    b.attribute("organization", org_id, key, "last_reviewed", record.last_reviewed)
    for group in record.target_groups:
        b.attribute("organization", org_id, key, "target_group", group)
    for code in record.languages:
        b.attribute("organization", org_id, key, "language", code)
    for area in record.areas:
        b.attribute("organization", org_id, key, "area", area)
    if record.serves:
        b.attribute("organization", org_id, key, "serves", record.serves)
    _offer_attributes(b, "organization", org_id, key, record)
    has_location = record.address is not None or record.location is not None
    locations = [_location(b, f"{key}/location", entry, org_id, external=False)] if has_location else []
    offered = record.services or [None]
    for index, service in enumerate(offered):
        service_key = f"{key}/service/{index}" if service else f"{key}/service"
        created = _service(
            b,
            service_key,
            entry,
            org_id,
            status=OFFER_STATUS[record.status],
            name=service.name if service else record.name,
            description=(service.description or record.summary)
            if service
            else _text(record.summary, record.description),
            eligibility_description=_eligibility(record.target_groups),
        )
        b.attribute("service", created[0], created[1], "record_type", entry.type)
        b.attribute("service", created[0], created[1], "record_id", entry.id)
        b.categories(
            "service",
            created[0],
            created[1],
            (service.categories if service and service.categories else record.categories),
        )
        # When the organisation answers is when each of its services can be reached.
        _schedules(b, created[1], record.opening_hours, service_id=created[0])
        if record.open_on_public_holidays:
            b.attribute("service", *created, "open_on_public_holidays", True)
        _service_at(b, created, locations)


def _place(b: Builder, entry: Entry) -> str | None:
    """A meeting place: a location (with hours, accessibility) and the service offered there;
    returns the location's id (None for a protected place, which has no location at all)."""
    record: Place = entry.record  # type: ignore[assignment]
    key = f"places/{entry.id}"
    host = organization_id(record.hosts[0])
    location_id = None if record.protected else _location(b, f"{key}/location", entry, host, external=True)
    location_key = f"{key}/location"
    if location_id is not None:
        _place_location(b, location_key, location_id, record)
    service = _service(
        b,
        f"{key}/service",
        entry,
        host,
        status=OFFER_STATUS[record.status],
        name=record.name,
        description=_text(record.summary, record.description),
        eligibility_description=_eligibility(record.target_groups),
        fees_description=record.cost.description if record.cost else None,
    )
    _record_attributes(b, "service", *service, entry)
    _target_groups(b, service, record)
    for other in record.hosts:
        b.attribute("service", *service, "host", organization_id(other))
    if record.cost:
        option = "Gratis" if record.cost.free else "Avgift"
        amount = 0 if record.cost.free else None
        b.child(
            "cost_option",
            service[1],
            service_id=service[0],
            option=option,
            amount=amount,
            currency=CURRENCY,
            amount_description=record.cost.description,
        )
    if location_id is None:
        _contact_phone(b, service, record)  # a protected place's phone is its contact route
    _offer_attributes(b, "service", *service, record)
    for period in record.closed_periods:
        text = f"{period.start}–{period.end}" + (f": {period.note}" if period.note else "")
        b.attribute("service", *service, "closed_period", text)
    if record.open_on_public_holidays:
        b.attribute("service", *service, "open_on_public_holidays", True)
    _service_at(b, service, [location_id] if location_id else [])
    return location_id


def _offer_attributes(b: Builder, entity: str, entity_id: str, key: str, record: Record) -> None:
    """Status and protection, after a row's other attributes (so their published ids stay)."""
    if record.status != "active":
        b.attribute(entity, entity_id, key, "status", record.status)
    if record.status_reason:
        b.attribute(entity, entity_id, key, "status_reason", record.status_reason)
    if record.reopens:
        b.attribute(entity, entity_id, key, "reopens", record.reopens)
    if getattr(record, "protected", False):
        b.attribute(entity, entity_id, key, "protected_address", True)


def _place_location(b: Builder, location_key: str, location_id: str, record: Place) -> None:
    """A place's languages, opening hours, accessibility and phone, on its location."""
    for code in record.languages:
        b.child("language", location_key, location_id=location_id, code=code, name=language_names().get(code))
    _schedules(b, location_key, record.opening_hours, location_id=location_id)
    if record.accessibility:
        wheelchair = record.accessibility.wheelchair
        b.child(
            "accessibility",
            location_key,
            location_id=location_id,
            description=record.accessibility.description,
            details=f"wheelchair: {wheelchair}" if wheelchair else None,
        )
    _phone(b, location_key, record.contact, location_id=location_id)


def _schedules(b: Builder, parent_key: str, opening_hours: list[Hours], **link: str) -> None:
    """Weekly schedules of a place's location or an organisation's service (`link`: its id)."""
    for hours in opening_hours:
        b.child(
            "schedule",
            parent_key,
            **link,
            freq="WEEKLY",
            wkst="MO",
            byday=",".join(day.upper() for day in hours.days),
            opens_at=f"{hours.opens}:00",  # HSDS's type time is HH:MM:SS; the record's HH:MM
            closes_at=f"{hours.closes}:00",
            notes=hours.note,
        )


def _role(b: Builder, entry: Entry, places: dict[str, str]) -> None:
    record: Role = entry.record  # type: ignore[assignment]
    service = _service(
        b,
        f"roles/{entry.id}/service",
        entry,
        organization_id(record.organisation),
        status=OFFER_STATUS[record.status],
        name=record.name,
        description=_text(record.summary, record.description, record.tasks),
        eligibility_description=_eligibility(record.target_groups, record.requirements),
        application_process=record.how_to_apply,
    )
    _contact_phone(b, service, record)
    _record_attributes(b, "service", *service, entry)
    if record.time_commitment:
        b.attribute("service", *service, "time_commitment", record.time_commitment)
    for requirement in record.requirements:
        b.attribute("service", *service, "requirement", requirement)
    if record.criminal_record_extract is not None:
        b.attribute("service", *service, "criminal_record_extract", record.criminal_record_extract)
        if record.criminal_record_extract:
            b.child("required_document", service[1], service_id=service[0], document=CRIMINAL_RECORD_DOCUMENT)
    _target_groups(b, service, record)
    _offer_attributes(b, "service", *service, record)
    _service_at(b, service, [places[record.place]] if places.get(record.place) else [])


def _collaboration(b: Builder, entry: Entry, places: dict[str, str]) -> None:
    record: Collaboration = entry.record  # type: ignore[assignment]
    service = _service(
        b,
        f"collaborations/{entry.id}/service",
        entry,
        organization_id(record.partners[0].organisation),
        status=STATUS[record.status],
        name=record.name,
        description=_text(record.summary, record.description),
        eligibility_description=_eligibility(record.target_groups),
    )
    _contact_phone(b, service, record)
    _record_attributes(b, "service", *service, entry)
    _target_groups(b, service, record)
    for partner in record.partners:
        b.attribute("service", *service, "partner", organization_id(partner.organisation))
        if partner.part:
            b.attribute("service", *service, "partner_part", f"{partner.organisation}: {partner.part}")
    if record.period:
        b.attribute("service", *service, "period_start", record.period.start)
        if record.period.end:
            b.attribute("service", *service, "period_end", record.period.end)
    b.attribute("service", *service, "collaboration_status", record.status)
    for outcome in record.outcomes:
        b.attribute("service", *service, "outcome", outcome)
    for source in record.funding:
        b.child("funding", service[1], service_id=service[0], source=source)
    for lesson in record.lessons:
        b.attribute("service", *service, "lesson", lesson)
    if b.directory.is_good_example(entry):
        b.attribute("service", *service, "good_example", True)
    _service_at(b, service, [places[place] for place in record.places if places.get(place)])


def _contact_phone(b: Builder, service: tuple[str, str], record: Record) -> None:
    _phone(b, service[1], record.contact, service_id=service[0])


def _target_groups(b: Builder, service: tuple[str, str], record: Record) -> None:
    for group in record.target_groups:
        b.attribute("service", *service, "target_group", group)
