"""schema.org JSON-LD for a record page, with only schema.org types and each property on a type
that has it (tests/test_open_data_validators.py checks every block against the vocabulary).

- organisation: `Organization`; its point is a `Place` in `location` (`geo` belongs to Place); when
  it answers (its opening hours) is its `contactPoint`'s `hoursAvailable`.
- meeting place: `Place`, with opening hours, phone and address; Place has no language property,
  so its languages are `additionalProperty` values (propertyID "languages", the record's field).
- volunteer role: `JobPosting` with `employmentType` "VOLUNTEER". schema.org has no volunteer type
  (there is no VolunteerAction); a JobPosting is a listing of an opening in an organisation, with
  the fields a role has (responsibilities, work hours, qualifications, how to apply, where), and
  VOLUNTEER is one of the employment types search engines read. Its languages are `skills`.
- collaboration: `Project` (an Organization "planned to achieve a particular aim"), its partners
  as `member`s.
"""

from __future__ import annotations

import json

from commonmap.records.checks import language_names
from commonmap.records.directory import Directory, Entry
from commonmap.records.model import Hours, Organisation, Place, Role
from commonmap.records.settings import Settings
from commonmap.site import templating
from commonmap.site.urls import url_of

SCHEMA_TYPES = {
    "organisations": "Organization",
    "places": "Place",
    "roles": "JobPosting",
    "collaborations": "Project",
}
DAYS = {
    "mo": "Monday",
    "tu": "Tuesday",
    "we": "Wednesday",
    "th": "Thursday",
    "fr": "Friday",
    "sa": "Saturday",
    "su": "Sunday",
}


def json_ld(entry: Entry, settings: Settings, directory: Directory) -> dict:
    """The schema.org data of a record page."""
    record = entry.record
    data: dict[str, object] = {"@context": "https://schema.org", "@type": SCHEMA_TYPES[entry.type], "name": record.name}
    if settings.site_url:
        data["url"] = settings.page_url(url_of(entry))
    if record.summary:
        data["description"] = record.summary
    if record.contact and record.contact.website:
        data["sameAs"] = record.contact.website
    data.update(TYPED[entry.type](entry, settings, directory))
    return data


def _organisation(entry: Entry, settings: Settings, directory: Directory) -> dict:
    record: Organisation = entry.record  # type: ignore[assignment]
    data = _contact(record)
    if record.address:
        data["address"] = _address(record)
    if record.location:
        data["location"] = _place(record)
    if record.languages:
        data["knowsLanguage"] = record.languages
    if record.opening_hours:
        # Organization has no openingHoursSpecification: when it answers is its ContactPoint's.
        hours = [_hours(hours) for hours in record.opening_hours]
        data["contactPoint"] = {"@type": "ContactPoint", **_contact(record), "hoursAvailable": hours}
    return data


def _meeting_place(entry: Entry, settings: Settings, directory: Directory) -> dict:
    record: Place = entry.record  # type: ignore[assignment]
    data: dict[str, object] = _place(record)
    if record.contact and record.contact.phone:
        data["telephone"] = record.contact.phone  # Place has telephone but no email
    if record.opening_hours:
        data["openingHoursSpecification"] = [_hours(hours) for hours in record.opening_hours]
    if record.cost and record.cost.free:
        data["isAccessibleForFree"] = True
    if record.languages:
        data["additionalProperty"] = [
            {"@type": "PropertyValue", "propertyID": "languages", "name": "Språk", "value": code}
            for code in record.languages
        ]
    return data


def _role(entry: Entry, settings: Settings, directory: Directory) -> dict:
    record: Role = entry.record  # type: ignore[assignment]
    organisation = directory.entries[record.organisation]
    data: dict[str, object] = {
        "title": record.name,
        "employmentType": "VOLUNTEER",
        "hiringOrganization": _link("Organization", organisation, settings),
        "responsibilities": record.tasks,
    }
    if record.place:
        place = directory.entries[record.place]
        data["jobLocation"] = {**_link("Place", place, settings), **_place(place.record)}
    if record.time_commitment:
        data["workHours"] = record.time_commitment
    if record.requirements:
        data["qualifications"] = record.requirements
    if record.languages:
        names = language_names()
        data["skills"] = [
            {"@type": "DefinedTerm", "termCode": code, "name": names.get(code, code)} for code in record.languages
        ]
    contact = {"@type": "ContactPoint", **_contact(record)}
    if record.how_to_apply:
        contact["description"] = record.how_to_apply
    if len(contact) > 1:
        data["applicationContact"] = contact
    return data


def _collaboration(entry: Entry, settings: Settings, directory: Directory) -> dict:
    record = entry.record
    data = _contact(record)
    data["member"] = [_link("Organization", directory.entries[p.organisation], settings) for p in record.partners]
    if record.languages:
        data["knowsLanguage"] = record.languages
    return data


def _contact(record) -> dict[str, object]:
    """telephone and email, which Organization and ContactPoint have."""
    contact = record.contact
    found = {"telephone": contact.phone, "email": contact.email} if contact else {}
    return {key: value for key, value in found.items() if value}


def _address(record: Organisation | Place) -> dict:
    address = record.address
    data = {"@type": "PostalAddress", "streetAddress": address.street, "addressLocality": address.city}
    if address.postal_code:
        data["postalCode"] = address.postal_code
    return data


def _place(record) -> dict[str, object]:
    """A Place with the record's address and point (a protected place has neither)."""
    data: dict[str, object] = {"@type": "Place"}
    if getattr(record, "address", None):
        data["address"] = _address(record)
    location = getattr(record, "location", None)
    if location:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": location.lat, "longitude": location.lon}
    return data


def _hours(hours: Hours) -> dict:
    """One opening-hours rule; a closing time before the opening time is past midnight, as
    schema.org reads it."""
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [f"https://schema.org/{DAYS[day]}" for day in hours.days],
        "opens": f"{hours.opens}:00",
        "closes": f"{hours.closes}:00",
    }


def _link(type_: str, entry: Entry, settings: Settings) -> dict:
    data = {"@type": type_, "name": entry.record.name}
    if settings.site_url:
        data["url"] = settings.page_url(url_of(entry))
    return data


TYPED = {"organisations": _organisation, "places": _meeting_place, "roles": _role, "collaborations": _collaboration}


def script_json(data: dict) -> str:
    """JSON inside <script>: '<', '>' and '&' escaped so no value can close the element."""
    text = templating.script_safe(json.dumps(data, ensure_ascii=False, sort_keys=True))
    return f'<script type="application/ld+json">{text}</script>'
