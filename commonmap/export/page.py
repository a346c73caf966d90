"""The page /oppna-data/: what each open-data file is, its fields, how often it changes, the
licence and the attribution. Rendered with Jinja2, autoescape on; every value is data."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment
from pydantic import BaseModel

from commonmap.base import ui
from commonmap.export import changes, geojson, hsds_files, native, tables
from commonmap.export.common import AREA_ATTRIBUTION, build_date
from commonmap.export.hsds_terms import CATEGORY_TAXONOMY, FIELD_TAXONOMY, FIELD_TERMS, MAPPING
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.site import templating
from commonmap.site.outputs import Page
from commonmap.site.urls import FOLDERS, url_of

URL = "oppna-data/"
TITLE = "Öppna data"
LICENSE_NAMES = {
    "CC0-1.0": "CC0 1.0 Universell (ingen upphovsrätt förbehållen)",
    "CC-BY-4.0": "Creative Commons Erkännande 4.0 (CC BY 4.0)",
}
TYPE_NAMES = {type_: ui.t(f"types.{type_}") for type_ in TYPES}
# What each published file is, in the order the page lists them.
DESCRIPTIONS = {
    native.PATH: "Hela katalogen i projektets eget JSON-format: alla poster med alla fält, precis som de skrevs, "
    "med sidans adress och de områden posten ligger i.",
    native.SCHEMA_PATH: "JSON Schema för directory.json (genererat från samma modell som kontrollerar posterna).",
    geojson.PATH: "Alla poster som har en egen plats på kartan, som GeoJSON (RFC 7946, longitud före latitud): "
    "id, typ, namn, kort beskrivning, kategorier, områden och sidans adress.",
    **{
        tables.path(t): f"{TYPE_NAMES[t]} som kalkylark (CSV, UTF-8 med BOM så att Excel visar å, ä och ö)."
        for t in TYPES
    },
    f"{hsds_files.FOLDER}/index.json": "HSDS-versionen och var den här profilen beskrivs.",
    f"{hsds_files.FOLDER}/organizations.json": "HSDS: organisationer med telefon, identifierare, attribut och "
    "alla platser (location) med adress, öppettider, språk och tillgänglighet.",
    f"{hsds_files.FOLDER}/services.json": "HSDS: tjänster (stöd, mötesplatser, volontäruppdrag, samverkan) med "
    "språk, områden, kostnad, attribut och platserna de finns på (location_id); organisationen med id.",
    f"{hsds_files.FOLDER}/service_at_locations.json": "HSDS: vilka tjänster som finns på vilken plats "
    "(service_id och location_id).",
    f"{hsds_files.FOLDER}/taxonomies.json": "HSDS: taxonomierna (kategorier och fält).",
    f"{hsds_files.FOLDER}/taxonomy_terms.json": "HSDS: termerna i taxonomierna.",
    f"{hsds_files.FOLDER}/datapackage.json": "HSDS i tabellform: beskrivning av CSV-filerna (Frictionless Data Package).",
    changes.PATH: "Vad som ändrats sedan förra publicerade versionen: tillagda, ändrade och borttagna poster.",
}
CHANGES_SHOWN = 50  # per list on the page; changes.json has them all


@dataclass(frozen=True)
class FileRow:
    path: str
    href: str
    description: str
    size: int


def page(directory: Directory, settings: Settings, sizes: dict[str, int], changed: dict) -> Page:
    """The open-data page: the files by their sizes (path: bytes) and the changes (changes.json)."""
    html = (
        environment()
        .get_template("oppna_data.html")
        .render(
            files=file_rows(sizes),
            hsds_csv=[
                FileRow(p, "../" + p, "", size)
                for p, size in sizes.items()
                if p.startswith(hsds_files.FOLDER) and p.endswith(".csv")
            ],
            build_date=build_date(),
            counts={TYPE_NAMES[t]: n for t, n in directory.counts().items()},
            license_name=LICENSE_NAMES.get(settings.data_license, settings.data_license),
            license_url=settings.data_license_url,
            is_default_license=settings.data_license == "CC0-1.0",
            area_attribution=AREA_ATTRIBUTION,
            fields={TYPE_NAMES[t]: field_reference(model) for t, model in TYPES.items()},
            csv_names={TYPE_NAMES[t]: f"{FOLDERS[t]}.csv" for t in TYPES},
            mapping=[(TYPE_NAMES.get(t, "Alla"), field, target) for t, field, target in MAPPING],
            field_terms=FIELD_TERMS,
            category_taxonomy=CATEGORY_TAXONOMY[1],
            field_taxonomy=FIELD_TAXONOMY[1],
            changes=change_rows(directory, changed),
            changes_shown=CHANGES_SHOWN,
        )
    )
    description = (
        "Katalogen som öppna data: JSON, GeoJSON, CSV och Open Referral HSDS 3.0, med licens och fältbeskrivningar."
    )
    return Page(URL, TITLE, html, description=description)


def change_rows(directory: Directory, document: dict) -> dict:
    """changes.json for the page: each list with its first CHANGES_SHOWN items, linked from here."""
    rows: dict[str, object] = {"previous": document["previous"], "counts": document["counts"]}
    for kind in ("added", "changed", "removed"):
        shown = []
        for item in document[kind][:CHANGES_SHOWN]:
            entry = directory.entries.get(item["id"]) if kind != "removed" else None
            href = "../" + url_of(entry) if entry else ""
            shown.append({"fields": [], **item, "href": href, "type_name": TYPE_NAMES[item["type"]]})
        rows[kind] = shown
    return rows


def file_rows(sizes: dict[str, int]) -> list[FileRow]:
    return [FileRow(path, "../" + path, text, sizes[path]) for path, text in DESCRIPTIONS.items() if path in sizes]


def field_reference(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str, str]]:
    """(dotted field, Swedish title, description) for every field, nested models expanded."""
    found = []
    for name, info in model.model_fields.items():
        found.append((prefix + name, info.title or "", info.description or ""))
        nested = tables.model_in(info.annotation)
        if nested is not None:
            found += field_reference(nested, f"{prefix}{name}.")
        elif typing.get_origin(info.annotation) is list:
            item = tables.model_in(typing.get_args(info.annotation)[0])
            if item is not None:
                found += field_reference(item, f"{prefix}{name}[].")
    return found


@cache
def environment() -> Environment:
    env = templating.environment("commonmap.export")
    env.filters["kb"] = lambda size: f"{max(1, round(size / 1024))} kB" if size >= 1024 else f"{size} byte"
    return env
