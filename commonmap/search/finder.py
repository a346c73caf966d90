"""Hitta stöd (/hitta-stod/): the residents' finder. The page is a form; the filtering happens in
the browser over one compact JSON file, so filters combine instantly, the state lives in the URL
and the browser's position never leaves the device.
"""

from __future__ import annotations

import json
from importlib import resources

from commonmap.base import ui
from commonmap.base.languages import SWEDISH
from commonmap.records.directory import Directory, Entry
from commonmap.records.model import Place, Record
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.records.whereabouts import sites_of
from commonmap.search.documents import FIELDS, where_of
from commonmap.site import holidays, vendored, wire
from commonmap.site.environment import environment
from commonmap.site.localized import FINDER, language_label, localized
from commonmap.site.outputs import Asset, Output, Page
from commonmap.site.reach import WIDE
from commonmap.site.texts import tel_href
from commonmap.site.urls import FOLDERS, base_of, url_of

DATA = "data/finder.json"
TEXTS = "data/finder/texter-{n}.json"
CHUNK = 500
VENDORED = ("assets/finder/qrcode.js", "assets/finder/qrcode.LICENSE.txt")  # commonmap/assets/vendor/finder/
# Without JavaScript the page lists the records as plain links; past this many, the lists per
# type and category (linked below it) take over, so that the page stays light at 10,000 records.
PLAIN_LIST = 100


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    data, texts = finder_data(directory)
    found: list[Output] = [finder_page(directory, data, code) for code in settings.languages]
    found += [Asset(DATA, _json(data)), *texts, Asset("assets/finder/finder.js", wire.script("finder", "finder.js"))]
    found += [Asset(path, vendored.source(path).read_bytes()) for path in VENDORED]
    style = resources.files("commonmap").joinpath("assets", "finder", "finder.css")
    found.append(Asset("assets/finder/finder.css", style.read_bytes()))
    return found


def finder_page(directory: Directory, data: dict, language: str) -> Page:
    """The finder in one language: the same data, this language's labels. In other languages than
    Swedish, a result opens the record here (?post=id), with this language's headings."""
    local = localized(language)
    url = local.url(FINDER)
    categories = list(directory.categories.values())
    listed = directory.listed()
    labels = {
        "id": local.language.id,
        "lang": local.language.tag,
        "prefix": local.language.prefix,
        "view": not local.swedish,
        "categories": {c.id: local.category(c)[0] for c in categories},
        "types": {type_: local.t(f"type.{type_}") for type_ in TYPES},
        "languages": {code: _language(local, code) for code, _ in data["languages"]["rows"]},
        "label": local.texts.raw("languages.label"),
    }
    html = (
        environment()
        .get_template("finder.html")
        .render(
            base=base_of(url),
            site=None,
            local=local,
            t=local.t,
            texts=local.texts,
            labels=labels,
            types=list(TYPES),
            categories=categories,
            areas=sorted(directory.areas, key=lambda a: a.name),
            languages=sorted(((code, item["text"]) for code, item in labels["languages"].items()), key=lambda i: i[1]),
            plain=[_plain(entry, directory, local) for entry in listed[:PLAIN_LIST]],
            total=len(listed),
            fields={name: local.t(f"search.field.{name}") for name in FIELDS},
            reach_labels=[local.t(f"serves.{level}") for level in WIDE],  # by the records' "sv" index
        )
    )
    title, intro = local.t("finder.title"), local.t("finder.intro")
    return Page(url, title, html, description=intro, searchable=False)


def _language(local, code: str) -> dict[str, str | None]:
    """A language's name for the page's scripts: plain text for <option>, and its parts so that
    a result can tag the language's own name with its lang."""
    name, tag, own = language_label(code, local.language.locale)
    tag = local.language.tag if tag == local.language.locale else tag
    return {"text": local.language_text(code), "name": name, "tag": tag, "own": own}


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def finder_data(directory: Directory) -> tuple[dict, list[Asset]]:
    """What the finder filters on, fetched whole on a phone: so vocabularies are tables and records
    refer to their rows by position (the format: site/wire.py). Summaries, needed only for the
    results shown or a text search, are in chunks of CHUNK records (TEXTS), fetched when needed."""
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
    spec, texts = wire.chunked(DATA, TEXTS, [_summaries(entry) for entry in entries], CHUNK, _json)
    data = {
        "records": [finder_record(entry, directory, index) for entry in entries],
        "categories": wire.table(wire.VOCABULARY, [[c.id, c.label] for c in categories]),
        "areas": wire.table(wire.VOCABULARY, [[a.id, a.name] for a in areas]),
        "languages": wire.table(
            wire.VOCABULARY, [[code, localized(SWEDISH).language_text(code)] for code in languages]
        ),
        "types": wire.table(wire.TYPE_COLUMNS, [[type_, ui.t(f"type.{type_}"), FOLDERS[type_]] for type_ in TYPES]),
        "hours": wire.HOURS,
        "closed_periods": wire.CLOSED_PERIODS,
        "points": wire.POINTS,
        "chunks": spec,
        "holidays": holidays.holiday_dates(holidays.holiday_years(directory)),
    }
    return data, texts


def _summaries(entry: Entry) -> str | dict[str, str]:
    """The summary, or with translations {"sv": ..., "ar": ...} when the association wrote some."""
    record = entry.record
    translated = {code: t.summary for code, t in record.translations.items() if t.summary}
    return {"sv": record.summary or "", **translated} if translated else record.summary or ""


def finder_record(entry: Entry, directory: Directory, index: dict[str, dict[str, int]]) -> dict:
    record = entry.record
    sites = sites_of(entry, directory.entries)
    # The address is the first site's (itself when it has none); a protected place has neither an
    # address nor a location (the model refuses them). "Near me" counts every site's point, as the
    # map marks them: a collaboration meets at several places.
    place = sites[0].record if sites else record
    found: dict[str, object] = {
        "id": entry.id,
        "t": index["t"][entry.type],
        "n": record.name,
        "c": [index["c"][c] for c in record.categories],
        "a": [index["a"][a] for a in entry.areas],
    }
    # A place's own facts; the hours are a place's or an organisation's.
    facts = record if isinstance(record, Place) else None
    cost, access = (facts.cost, facts.accessibility) if facts else (None, None)
    optional = {
        "l": [index["l"][code] for code in record.languages],
        "h": _rows(record.hours, wire.HOURS),
        "cp": _rows(facts.closed_periods, wire.CLOSED_PERIODS) if facts else None,
        "ho": True if record.open_on_holidays else None,
        "tc": True if record.temporarily_closed else None,
        "st": record.status if record.status in ("planned", "ended") else None,
        "pr": True if directory.protected_places(entry) else None,
        "f": cost.free if cost else None,
        "w": access.wheelchair if access else None,
        "ll": [[p.lat, p.lon, p.approximate] for p in (site.record.own_location for site in sites) if p is not None],
        "sv": WIDE.index(record.serves) if record.serves else None,
        "ad": _address(place),
        "tn": {code: t.name for code, t in record.translations.items() if t.name} or None,
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


def _rows(items: list, columns: list[str]) -> list[list]:
    """Opening hours or closed periods as rows of their columns in data/finder.json."""
    return [[getattr(item, column) for column in columns] for item in items]


def _plain(entry: Entry, directory: Directory, local) -> dict[str, str]:
    """A record as the list without JavaScript shows it: name, type and where."""
    areas = [directory.areas.by_id[a].name for a in entry.areas if a in directory.areas.by_id]
    where = where_of(entry, areas)
    return {
        "id": entry.id,
        "url": url_of(entry),
        "name": entry.record.name,
        "type": local.t(f"type.{entry.type}"),
        "where": where,
    }


def _address(record: Record) -> str | None:
    address = record.own_address
    if address is None:
        return None
    return ", ".join(filter(None, [address.street, " ".join(filter(None, [address.postal_code, address.city]))]))
