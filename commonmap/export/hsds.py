"""The directory as Open Referral HSDS 3.0 tables: one list of flat rows per HSDS table.

Both published forms are made from these rows: the JSON form nests them (hsds_files.py), the
tabular form writes them as CSV with a datapackage.json. No HSDS field is invented: what HSDS has
no field for becomes an `attribute` whose `taxonomy_term` comes from the project's own taxonomy
"Gemensam karta: fält" (the HSDS way of extending; see hsds_terms.py). Categories are
the terms of the taxonomy "Gemensam karta: kategorier".

The rows and their ids are made in hsds_rows.py (Builder), the rows every record type makes alike
in hsds_parts.py; here each record type's own.

Nothing is written twice: a fact that a row already holds in an HSDS field is not repeated as an
attribute (an organization's record id is its organization_identifier, its page its uri), and a
yes/no fact whose answer is almost always "no" (approximate_location, good_example) is an
attribute only when it is "yes".
"""

from __future__ import annotations

from commonmap.export import hsds_parts as parts
from commonmap.export.common import page_url
from commonmap.export.hsds_rows import (  # noqa: F401 - the ids, named here for the tests and readers
    IDENTIFIER_TYPE,
    NAMESPACE,
    TABLES,
    Builder,
    category_term_id,
    field_term_id,
    hsds_id,
    organization_id,
)
from commonmap.records.checks import language_names
from commonmap.records.directory import Directory, Entry
from commonmap.records.model import Collaboration, Organisation, Place, Record, Role
from commonmap.records.settings import Settings

# HSDS requires an organization's description; this says truthfully that there is none yet.
NO_DESCRIPTION = "Gemensam karta har ännu ingen beskrivning av organisationen."
CURRENCY = "SEK"
CRIMINAL_RECORD_DOCUMENT = "Utdrag ur belastningsregistret"
STATUS = {"planned": "inactive", "ongoing": "active", "ended": "defunct"}
OFFER_STATUS = {"active": "active", "temporarily-closed": "inactive", "closed": "defunct"}


def tables(directory: Directory, settings: Settings) -> dict[str, list[dict]]:
    """Every HSDS table's rows for the directory, in a stable order."""
    builder = Builder(directory, settings)
    parts.taxonomies(builder)
    for entry in directory.of_type("organisations"):
        _organisation(builder, entry)
    places = {entry.id: _place(builder, entry) for entry in directory.of_type("places")}
    for entry in directory.of_type("roles"):
        _role(builder, entry, places)
    for entry in directory.of_type("collaborations"):
        _collaboration(builder, entry, places)
    return builder.rows


def _organisation(b: Builder, entry: Entry) -> None:
    record: Organisation = entry.record  # type: ignore[assignment]
    contact = record.contact
    key = f"organisations/{entry.id}"
    site = b.settings.site_url
    org_id, key = b.add(
        "organization",
        key,
        name=record.name,
        description=parts.text(record.summary, record.description) or NO_DESCRIPTION,
        email=contact.email if contact else None,
        website=contact.website if contact else None,
        legal_status=record.kind,
        uri=page_url(entry, site) if site else None,
    )
    b.child(
        "organization_identifier", key, organization_id=org_id, identifier_type=IDENTIFIER_TYPE, identifier=entry.id
    )
    parts.phone(b, key, contact, organization_id=org_id)
    parts.record_attributes(b, "organization", org_id, key, entry)
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
    locations = [parts.location(b, f"{key}/location", entry, org_id, external=False)] if has_location else []
    _organisation_services(b, entry, org_id, key, locations)


def _organisation_services(b: Builder, entry: Entry, org_id: str, key: str, locations: list[str]) -> None:
    """An organisation's services (its record as one when it lists none), each at its locations."""
    record: Organisation = entry.record  # type: ignore[assignment]
    offered = record.services or [None]
    for index, service in enumerate(offered):
        service_key = f"{key}/service/{index}" if service else f"{key}/service"
        created = parts.service(
            b,
            service_key,
            entry,
            org_id,
            status=OFFER_STATUS[record.status],
            name=service.name if service else record.name,
            description=(service.description or record.summary)
            if service
            else parts.text(record.summary, record.description),
            eligibility_description=parts.eligibility(record.target_groups),
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
        parts.schedules(b, created[1], record.opening_hours, service_id=created[0])
        if record.open_on_public_holidays:
            b.attribute("service", *created, "open_on_public_holidays", True)
        parts.service_at(b, created, locations)


def _place(b: Builder, entry: Entry) -> str | None:
    """A meeting place: a location (with hours, accessibility) and the service offered there;
    returns the location's id (None for a protected place, which has no location at all)."""
    record: Place = entry.record  # type: ignore[assignment]
    key = f"places/{entry.id}"
    host = organization_id(record.hosts[0])
    location_id = None if record.protected else parts.location(b, f"{key}/location", entry, host, external=True)
    location_key = f"{key}/location"
    if location_id is not None:
        _place_location(b, location_key, location_id, record)
    service = parts.service(
        b,
        f"{key}/service",
        entry,
        host,
        status=OFFER_STATUS[record.status],
        name=record.name,
        description=parts.text(record.summary, record.description),
        eligibility_description=parts.eligibility(record.target_groups),
        fees_description=record.cost.description if record.cost else None,
    )
    parts.record_attributes(b, "service", *service, entry)
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
    parts.service_at(b, service, [location_id] if location_id else [])
    return location_id


def _offer_attributes(b: Builder, entity: str, entity_id: str, key: str, record: Record) -> None:
    """Status and protection, after a row's other attributes (so their published ids stay)."""
    if record.status != "active":
        b.attribute(entity, entity_id, key, "status", record.status)
    if record.status_reason:
        b.attribute(entity, entity_id, key, "status_reason", record.status_reason)
    if record.reopens:
        b.attribute(entity, entity_id, key, "reopens", record.reopens)
    if record.is_protected:
        b.attribute(entity, entity_id, key, "protected_address", True)


def _place_location(b: Builder, location_key: str, location_id: str, record: Place) -> None:
    """A place's languages, opening hours, accessibility and phone, on its location."""
    for code in record.languages:
        b.child("language", location_key, location_id=location_id, code=code, name=language_names().get(code))
    parts.schedules(b, location_key, record.opening_hours, location_id=location_id)
    if record.accessibility:
        wheelchair = record.accessibility.wheelchair
        b.child(
            "accessibility",
            location_key,
            location_id=location_id,
            description=record.accessibility.description,
            details=f"wheelchair: {wheelchair}" if wheelchair else None,
        )
    parts.phone(b, location_key, record.contact, location_id=location_id)


def _role(b: Builder, entry: Entry, places: dict[str, str]) -> None:
    record: Role = entry.record  # type: ignore[assignment]
    service = parts.service(
        b,
        f"roles/{entry.id}/service",
        entry,
        organization_id(record.organisation),
        status=OFFER_STATUS[record.status],
        name=record.name,
        description=parts.text(record.summary, record.description, record.tasks),
        eligibility_description=parts.eligibility(record.target_groups, record.requirements),
        application_process=record.how_to_apply,
    )
    _contact_phone(b, service, record)
    parts.record_attributes(b, "service", *service, entry)
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
    parts.service_at(b, service, [places[record.place]] if places.get(record.place) else [])


def _collaboration(b: Builder, entry: Entry, places: dict[str, str]) -> None:
    record: Collaboration = entry.record  # type: ignore[assignment]
    service = parts.service(
        b,
        f"collaborations/{entry.id}/service",
        entry,
        organization_id(record.partners[0].organisation),
        status=STATUS[record.status],
        name=record.name,
        description=parts.text(record.summary, record.description),
        eligibility_description=parts.eligibility(record.target_groups),
    )
    _contact_phone(b, service, record)
    parts.record_attributes(b, "service", *service, entry)
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
    parts.service_at(b, service, [places[place] for place in record.places if places.get(place)])


def _contact_phone(b: Builder, service: tuple[str, str], record: Record) -> None:
    parts.phone(b, service[1], record.contact, service_id=service[0])


def _target_groups(b: Builder, service: tuple[str, str], record: Record) -> None:
    for group in record.target_groups:
        b.attribute("service", *service, "target_group", group)
