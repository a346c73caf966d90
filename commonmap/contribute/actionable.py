"""What a resident can act on: the counts `commonmap stats` prints first.

A record helps only when it says how to reach it. These are the counts issue 15 asks the sample
directory to meet; each is a plain predicate over one Entry, so a test can count by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from commonmap.map import mapdata
from commonmap.records.directory import Directory, Entry
from commonmap.records.model import Record
from commonmap.records.whereabouts import sites_of


@dataclass(frozen=True)
class Actionable:
    records: int
    places_with_address: int  # meeting places with a street address to visit
    with_contact: int  # phone, e-mail, website, or an address to walk into (its own or its place's)
    with_hours: int  # opening hours of its own, or of its meeting place(s)
    with_languages: int
    roles: int
    roles_with_sign_up: int  # volunteer roles that say how to sign up (how_to_apply) or whom to contact
    with_location: int  # records with at least one marker on the map
    markers: int  # markers on the map (a collaboration has one per meeting place)


LABELS = {
    "records": "Poster",
    "places_with_address": "Mötesplatser med besöksadress",
    "with_contact": "Poster med kontaktväg (telefon, e-post, webb eller adress att gå till)",
    "with_hours": "Poster med öppettider (egna eller mötesplatsens)",
    "with_languages": "Poster med språk",
    "roles": "Volontäruppdrag",
    "roles_with_sign_up": "Volontäruppdrag som säger hur man anmäler sig",
    "with_location": "Poster på kartan",
    "markers": "Markeringar på kartan",
}


def _sites(entry: Entry, directory: Directory) -> list[Record]:
    """Where a record is: itself, a role's place, a collaboration's places (whereabouts.py)."""
    return [site.record for site in sites_of(entry, directory.entries)]


def has_address(entry: Entry, directory: Directory) -> bool:
    return any(site.own_address is not None for site in _sites(entry, directory))


def has_contact(entry: Entry, directory: Directory) -> bool:
    contact = entry.record.contact
    reachable = contact is not None and bool(contact.phone or contact.email or contact.website)
    return reachable or has_address(entry, directory)


def has_hours(entry: Entry, directory: Directory) -> bool:
    """Its own hours (a place's, or when an organisation answers), or its meeting places'."""
    return any(site.hours for site in _sites(entry, directory))


def has_sign_up(entry: Entry) -> bool:
    contact = entry.record.contact
    return bool(entry.record.how_to_apply) or (
        contact is not None and bool(contact.phone or contact.email or contact.website)
    )


def actionable(directory: Directory) -> Actionable:
    entries = list(directory.entries.values())
    roles = directory.of_type("roles")
    places = directory.of_type("places")
    points = [mapdata.points_of(entry, directory.entries) for entry in directory.listed()]
    return Actionable(
        records=len(entries),
        places_with_address=sum(place.record.address is not None for place in places),
        with_contact=sum(has_contact(entry, directory) for entry in entries),
        with_hours=sum(has_hours(entry, directory) for entry in entries),
        with_languages=sum(bool(entry.record.languages) for entry in entries),
        roles=len(roles),
        roles_with_sign_up=sum(has_sign_up(role) for role in roles),
        with_location=sum(bool(found) for found in points),
        markers=sum(len(found) for found in points),
    )


def actionable_text(found: Actionable) -> list[str]:
    width = max(len(label) for label in LABELS.values())
    return ["Det en besökare kan använda:"] + [
        f"  {LABELS[name]:<{width}} {getattr(found, name):>5}" for name in LABELS
    ]
