"""The HSDS rows that every record type makes alike (hsds.py): the two taxonomies, a service with its
languages and areas, a location with its address, phones, weekly schedules and a record's own
attributes."""

from __future__ import annotations

from commonmap.export.common import absolute, page_url
from commonmap.export.hsds_rows import IDENTIFIER_TYPE, Builder
from commonmap.export.hsds_terms import CATEGORY_TAXONOMY, FIELD_TAXONOMY, FIELD_TERMS
from commonmap.records.checks import language_names
from commonmap.records.directory import Entry
from commonmap.records.model import Address, Contact, Hours, Organisation, Place, source_text

COUNTRY = "SE"
# Every area in areas.geojson lies in Örebro kommun, which lies in Örebro län: an address whose
# record has a point in one of the areas is in this state_province (HSDS requires one).
STATE_PROVINCE = "Örebro län"
# The whole area a record serves when it says `serves` (the directory covers Örebro kommun).
SERVES_AREAS = {"municipality": "Örebro kommun", "county": "Örebro län", "country": "Sverige"}


def taxonomies(b: Builder) -> None:
    """The project's two taxonomies: the categories (each with its page) and the fields."""
    site = b.settings.site_url

    def uri(path: str) -> str | None:
        return absolute(path, site) if site else None

    categories = b.directory.categories.values()
    terms = [(c.id, c.label, c.description, uri(f"kategorier/{c.id}/")) for c in categories]
    b.category_terms.update(_taxonomy(b, CATEGORY_TAXONOMY, terms, uri("kategorier/")))
    fields = [(term, name, description, None) for term, (name, description) in FIELD_TERMS.items()]
    b.field_terms.update(_taxonomy(b, FIELD_TAXONOMY, fields, None))


def _taxonomy(
    b: Builder, taxonomy: tuple[str, str, str], terms: list[tuple[str, str, str | None, str | None]], uri: str | None
) -> dict[str, str]:
    """A taxonomy's row and its terms' rows; the terms' ids by their codes."""
    code, name, description = taxonomy
    taxonomy_id, key = b.add("taxonomy", code, name=name, description=description, uri=uri)
    ids = {}
    for term, term_name, term_description, term_uri in terms:
        ids[term] = b.add(
            "taxonomy_term",
            f"{key}/{term}",
            code=term,
            name=term_name,
            description=term_description,
            taxonomy=name,
            taxonomy_id=taxonomy_id,
            language="sv",
            term_uri=term_uri,
        )[0]
    return ids


def text(*parts: str | None) -> str:
    return "\n\n".join(part for part in parts if part)


def eligibility(target_groups: list[str], requirements: list[str] | None = None) -> str | None:
    parts = []
    if target_groups:
        parts.append("Målgrupper: " + "; ".join(target_groups) + ".")
    if requirements:
        parts.append("Krav: " + "; ".join(requirements) + ".")
    return " ".join(parts) or None


def record_attributes(b: Builder, entity: str, entity_id: str, key: str, entry: Entry) -> None:
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


def phone(b: Builder, key: str, contact: Contact | None, **link: str) -> None:
    if contact and contact.phone:
        b.child("phone", key, number=contact.phone, description=contact.phone_label, **link)


def location(b: Builder, key: str, entry: Entry, organization: str, external: bool) -> str:
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
        address(b, key, location_id, record.address, in_municipality=coordinates is not None and bool(entry.located_in))
    if coordinates and coordinates.approximate:
        b.attribute("location", location_id, key, "approximate_location", True)
    return location_id


def address(b: Builder, key: str, location_id: str, address: Address, in_municipality: bool) -> None:
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


def service(
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


def service_at(b: Builder, service: tuple[str, str], location_ids: list[str]) -> None:
    service_id, key = service
    for location_id in location_ids:
        b.add("service_at_location", f"{key}@{location_id}", service_id=service_id, location_id=location_id)


def schedules(b: Builder, parent_key: str, opening_hours: list[Hours], **link: str) -> None:
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
