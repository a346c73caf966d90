"""Hitta stöd (/hitta-stod/): the residents' finder. The page is a form; the filtering happens in
the browser over one compact JSON file, so filters combine instantly, the state lives in the URL
and the browser's position never leaves the device.
"""

from __future__ import annotations

import json
from importlib import resources

from commonmap import holidays, ui
from commonmap.directory import Directory, Entry
from commonmap.model import TYPES
from commonmap.outputs import Asset, Output, Page
from commonmap.pages import environment, language_label, tel_href
from commonmap.reach import WIDE
from commonmap.search.documents import FIELDS, where_of
from commonmap.settings import Settings
from commonmap.urls import FOLDERS, url_of

DATA = "data/finder.json"
TEXTS = "data/finder/texter-{n}.json"
CHUNK = 500
SCRIPTS = ("finder.js", "qrcode.js", "qrcode.LICENSE.txt", "finder.css")
# Without JavaScript the page lists the records as plain links; past this many, the lists per
# type and category (linked below it) take over, so that the page stays light at 10,000 records.
PLAIN_LIST = 100


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    data, texts = finder_data(directory)
    listed = directory.listed()
    html = (
        environment()
        .get_template("finder.html")
        .render(
            base="../",
            site=None,
            types=list(TYPES),
            categories=list(directory.categories.values()),
            areas=sorted(directory.areas, key=lambda a: a.name),
            languages=sorted(data["languages"], key=lambda item: item[1]),
            plain=[_plain(entry, directory) for entry in listed[:PLAIN_LIST]],
            total=len(listed),
            fields={name: ui.t(f"search.field.{name}") for name in FIELDS},
            reach_labels=[ui.t(f"serves.{level}") for level in WIDE],  # by the records' "sv" index
        )
    )
    found: list[Output] = [
        Page("hitta-stod.md", ui.t("finder.title"), html, description=ui.t("finder.intro"), search=False)
    ]
    found.append(Asset(DATA, _json(data)))
    found += [Asset(TEXTS.format(n=n), _json(chunk)) for n, chunk in enumerate(texts)]
    for name in SCRIPTS:
        found.append(
            Asset(f"assets/finder/{name}", (resources.files("commonmap") / "assets" / "finder" / name).read_bytes())
        )
    return found


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def finder_data(directory: Directory) -> tuple[dict, list[list[str]]]:
    """What the finder filters on, fetched whole on a phone: so vocabularies are lists and records
    refer to them by position. Summaries, needed only for the results shown or a text search, are
    in chunks of CHUNK records (TEXTS), fetched when needed."""
    categories = list(directory.categories.values())
    areas = list(directory.areas)
    languages = sorted({code for entry in directory.entries.values() for code in entry.record.languages})
    index = {
        "c": {c.id: i for i, c in enumerate(categories)},
        "a": {a.id: i for i, a in enumerate(areas)},
        "l": {code: i for i, code in enumerate(languages)},
        "t": {type_: i for i, type_ in enumerate(TYPES)},
    }
    entries = directory.listed()  # closed records keep their pages but are not offered here
    data = {
        "records": [finder_record(entry, directory, index) for entry in entries],
        "categories": [[c.id, c.label] for c in categories],
        "areas": [[a.id, a.name] for a in areas],
        "languages": [[code, language_label(code)] for code in languages],
        "types": [[type_, ui.t(f"type.{type_}"), FOLDERS[type_]] for type_ in TYPES],
        "chunk": CHUNK,
        "holidays": holidays.holiday_dates(holidays.holiday_years(directory)),
    }
    summaries = [entry.record.summary or "" for entry in entries]
    return data, [summaries[i : i + CHUNK] for i in range(0, len(summaries), CHUNK)]


def finder_record(entry: Entry, directory: Directory, index: dict[str, dict[str, int]]) -> dict:
    record = entry.record
    place = _place_of(entry, directory)
    found: dict[str, object] = {
        "id": entry.id,
        "t": index["t"][entry.type],
        "n": record.name,
        "c": [index["c"][c] for c in record.categories],
        "a": [index["a"][a] for a in entry.areas],
    }
    cost, access = getattr(record, "cost", None), getattr(record, "accessibility", None)
    optional = {
        "l": [index["l"][code] for code in record.languages],
        "h": [[h.days, h.opens, h.closes] for h in getattr(record, "opening_hours", [])],
        "cp": [[p.start, p.end] for p in getattr(record, "closed_periods", [])],
        "ho": True if getattr(record, "open_on_public_holidays", False) else None,
        "tc": True if record.temporarily_closed else None,
        "st": record.status if record.status in ("planned", "ended") else None,
        "pr": True if directory.protected_places(entry) else None,
        "f": cost.free if cost else None,
        "w": access.wheelchair if access else None,
        "ll": [place.location.lat, place.location.lon] if getattr(place, "location", None) else None,
        "llx": True if getattr(place, "location", None) and place.location.approximate else None,
        "sv": WIDE.index(record.serves) if record.serves else None,
        "ad": _address(place),
    }
    if record.contact:
        phone = record.contact.phone
        optional |= {
            "p": phone,
            "tel": tel_href(phone) if phone else None,
            "e": record.contact.email,
            "web": record.contact.website,
        }
    found |= {key: value for key, value in optional.items() if value not in (None, [], "")}
    return found


def _plain(entry: Entry, directory: Directory) -> dict[str, str]:
    """A record as the list without JavaScript shows it: name, type and where."""
    areas = [directory.areas.by_id[a].name for a in entry.areas if a in directory.areas.by_id]
    where = where_of(entry, areas)
    return {
        "id": entry.id,
        "url": url_of(entry),
        "name": entry.record.name,
        "type": ui.t(f"type.{entry.type}"),
        "where": where,
    }


def _place_of(entry: Entry, directory: Directory):
    """Where a record is (for "near me" and the address): itself for organisations and places,
    its place for a volunteer role, its first place for a collaboration. A protected place has
    neither an address nor a location (the model refuses them), so nothing of it is shown."""
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
