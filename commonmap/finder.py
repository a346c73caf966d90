"""Hitta stöd (/hitta-stod/): the residents' finder. The page is a form; the filtering happens in
the browser over one compact JSON file, so filters combine instantly, the state lives in the URL
and the browser's position never leaves the device.
"""

from __future__ import annotations

import json
from importlib import resources

from commonmap import ui
from commonmap.directory import Directory, Entry
from commonmap.model import TYPES
from commonmap.outputs import Asset, Output, Page
from commonmap.pages import environment, language_label, tel_href
from commonmap.settings import Settings
from commonmap.urls import url_of

DATA = "data/finder.json"
SCRIPTS = ("finder.js", "qrcode.js", "qrcode.LICENSE.txt", "finder.css")


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    data = finder_data(directory)
    html = (
        environment()
        .get_template("finder.html")
        .render(
            base="../",
            site=None,
            types=list(TYPES),
            categories=list(directory.categories.values()),
            areas=sorted(directory.areas, key=lambda a: a.name),
            languages=sorted(data["languages"].items(), key=lambda item: item[1]),
        )
    )
    found: list[Output] = [
        Page("hitta-stod.md", ui.t("finder.title"), html, description=ui.t("finder.intro"), search=False)
    ]
    found.append(Asset(DATA, json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))))
    for name in SCRIPTS:
        found.append(
            Asset(f"assets/finder/{name}", (resources.files("commonmap") / "assets" / "finder" / name).read_bytes())
        )
    return found


def finder_data(directory: Directory) -> dict:
    """What the finder needs of every record, with short keys: it is fetched whole on a phone."""
    records = [finder_record(entry, directory) for entry in directory.entries.values()]
    languages = {code for record in records for code in record.get("l", [])}
    return {
        "records": records,
        "categories": {c.id: c.label for c in directory.categories.values()},
        "areas": {a.id: a.name for a in directory.areas},
        "languages": {code: language_label(code) for code in sorted(languages)},
        "types": {type_: ui.t(f"type.{type_}") for type_ in TYPES},
    }


def finder_record(entry: Entry, directory: Directory) -> dict:
    record = entry.record
    place = _place_of(entry, directory)
    found: dict[str, object] = {
        "id": entry.id,
        "t": entry.type,
        "n": record.name,
        "u": url_of(entry),
        "c": record.categories,
        "a": list(entry.areas),
    }
    cost, access = getattr(record, "cost", None), getattr(record, "accessibility", None)
    optional = {
        "s": record.summary,
        "l": record.languages,
        "h": [[h.days, h.opens, h.closes] for h in getattr(record, "opening_hours", [])],
        "f": cost.free if cost else None,
        "w": access.wheelchair if access else None,
        "ll": [place.location.lat, place.location.lon] if getattr(place, "location", None) else None,
        "ad": _address(place),
    }
    if record.contact:
        optional |= {
            "p": record.contact.phone,
            "tel": tel_href(record.contact.phone) if record.contact.phone else None,
            "e": record.contact.email,
            "web": record.contact.website,
        }
    found |= {key: value for key, value in optional.items() if value not in (None, [], "")}
    return found


def _place_of(entry: Entry, directory: Directory):
    """Where a record is (for "near me" and the address): itself for organisations and places,
    its place for a volunteer role, its first place for a collaboration."""
    record = entry.record
    place_id = getattr(record, "place", None) or next(iter(getattr(record, "places", [])), None)
    if entry.type in ("organisations", "places") or place_id is None or place_id not in directory.entries:
        return record
    return directory.entries[place_id].record


def _address(record) -> str | None:
    address = getattr(record, "address", None)
    if address is None:
        return None
    return ", ".join(filter(None, [address.street, " ".join(filter(None, [address.postal_code, address.city]))]))
