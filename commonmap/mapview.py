"""The map: the page /karta/, the coverage page /omraden/tackning/, their data and scripts.

A generator like the others in site.py: `outputs(directory, settings)` returns Pages and Assets.
Leaflet and Leaflet.markercluster are served from the site (vendored from the npm registry with
their licences, commonmap/assets/map/); the only other host a visitor's browser talks to is the
configured tile server. The data is separate GeoJSON fetched by the page; the page's HTML holds the
same records as a list (the text alternative), escaped by Jinja2.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib import resources

from jinja2 import Environment

from commonmap import coverage, mapdata, templating, ui
from commonmap.directory import Directory, Entry
from commonmap.model import TYPES
from commonmap.outputs import Asset, Output, Page
from commonmap.settings import Settings
from commonmap.urls import FOLDERS, url_of

# The interface strings are ui.py's map.* keys; these are also passed to the scripts (cm.js).
SCRIPT_TEXT = [
    "categories",
    "approximate",
    "approximate_short",
    "shown",
    "failed",
    "none",
    "locating",
    "located",
    "locate_failed",
]

VENDORED = [
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet/LICENSE",
    "leaflet/images/layers.png",
    "leaflet/images/layers-2x.png",
    "leaflet/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png",
    "markercluster/leaflet.markercluster.js",
    "markercluster/MarkerCluster.css",
    "markercluster/MarkerCluster.Default.css",
    "markercluster/MIT-LICENCE.txt",
    "karta.js",
]


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    served = coverage.coverage(directory)
    found: list[Output] = [map_page(directory), coverage_page(directory, served)]
    features = mapdata.record_features(directory)
    table = mapdata.marker_table(features, list(directory.categories))
    found.append(Asset(MARKERS, mapdata.to_json(table)))
    for index, chunk in enumerate(mapdata.summary_chunks(features)):
        found.append(Asset(f"data/karta/texter/{index}.json", mapdata.to_json(chunk)))
    found.append(Asset(AREAS, mapdata.to_json(mapdata.area_features(directory, served))))
    for area_id, detail in mapdata.area_details(directory).items():
        found.append(Asset(f"data/omraden/{area_id}.geojson", mapdata.to_json(detail)))
    found.append(Asset("data/tackning.csv", coverage.to_csv(directory, served)))
    found.append(Asset("assets/map/cm.js", loader_script(directory, settings)))
    found.append(Asset("assets/map/map.css", stylesheet(directory)))
    found += [Asset(f"assets/map/{name}", _vendored(name)) for name in VENDORED]
    return found


MARKERS = "data/karta/poster.json"
AREAS = "data/karta/omraden.geojson"
# Fetched early by the map page (from <head>), so they download while the page's HTML is parsed.
PRELOAD = [
    (MARKERS, "fetch"),
    (AREAS, "fetch"),
    ("assets/map/leaflet/leaflet.js", "script"),
    ("assets/map/markercluster/leaflet.markercluster.js", "script"),
    ("assets/map/karta.js", "script"),
]


def map_page(directory: Directory) -> Page:
    groups: dict[str, list[Entry]] = defaultdict(list)
    located: dict[str, int] = defaultdict(int)
    markers: dict[str, int] = defaultdict(int)
    approximate: dict[str, bool] = {}
    listed = directory.listed()
    for entry in listed:
        points = mapdata.points_of(entry, directory.entries)
        if not points:
            continue
        located[entry.type] += 1
        markers[entry.type] += len(points)
        approximate[entry.id] = all(point.approximate for point in points)
        for area_id in entry.located_in:
            groups[area_id].append(entry)
    areas = [
        {"name": area.name, "count": len(groups[area.id]), "types": _by_type(groups[area.id], approximate)}
        for area in sorted(directory.areas, key=lambda a: a.name)
        if groups[area.id]
    ]
    types = [
        {
            "id": type_,
            "folder": FOLDERS[type_],
            "singular": ui.t(f"type.{type_}"),
            "plural": ui.t(f"types.{type_}"),
            "markers": markers[type_],
            "located": located[type_],
            "records": sum(entry.type == type_ for entry in listed),
        }
        for type_ in TYPES
    ]
    html = _template("karta.html").render(types=types, categories=_categories(directory), areas=areas)
    head = "".join(
        f'<link rel="preload" href="../{path}" as="{kind}"{" crossorigin" if kind == "fetch" else ""}>'
        for path, kind in PRELOAD
    )
    return Page("karta.md", ui.t("map.title"), html, description=ui.t("map.description"), head=head)


def coverage_page(directory: Directory, served: coverage.Coverage) -> Page:
    rows = [
        {
            "id": area_id,
            "name": directory.areas.by_id[area_id].name,
            "counts": served.counts[area_id],
            "total": served.totals[area_id],
        }
        for area_id in served.areas
    ]
    cells = len(served.areas) * len(served.categories)
    html = _template("tackning.html").render(
        gaps=len(served.gaps()),
        cells=cells,
        categories=_categories(directory),
        rows=rows,
        unplaced=served.unplaced,
        unplaced_total=served.unplaced_records,
        wide=served.wide,
        wide_records=served.wide_records,
        wide_only=len(served.wide_only()),
        covered=served.covered_widely(),
    )
    title, description = ui.t("map.coverage_title"), ui.t("map.coverage_description")
    return Page("omraden/tackning.md", title, html, description=description)


def script_config(directory: Directory, settings: Settings) -> dict:
    """What the scripts need to know: tiles, the municipality's bounds, labels and strings."""
    return {
        "tiles": {"url": settings.tiles_url, "attribution": settings.tiles_attribution},
        "bounds": mapdata.bounds(directory),
        "types": {type_: {"label": ui.t(f"type.{type_}"), "folder": FOLDERS[type_]} for type_ in TYPES},
        "categories": _categories(directory),
        "text": {key: ui.t(f"map.{key}") for key in SCRIPT_TEXT},
    }


def loader_script(directory: Directory, settings: Settings) -> str:
    """cm.js with its configuration as JSON that is safe in JavaScript source."""
    source = _package_text("cm.js")
    marker = "/*CONFIG*/ null"
    assert source.count(marker) == 1
    return source.replace(marker, mapdata.script_json(script_config(directory, settings)))


def stylesheet(directory: Directory) -> str:
    """map.css and one rule per category colour (colours are validated #rrggbb in categories.yml)."""
    rules = []
    for index, category in enumerate(directory.categories.values()):
        if re.fullmatch(r"#[0-9a-fA-F]{6}", category.color):
            rules.append(f".cm-c{index} {{ background: {category.color}; }}")
            rules.append(f".cm-approx.cm-c{index} {{ border-color: {category.color}; }}")
    return _package_text("map.css") + "\n" + "\n".join(rules) + "\n"


def _categories(directory: Directory) -> list[dict[str, str]]:
    return [{"id": c.id, "label": c.label} for c in directory.categories.values()]


def _by_type(entries: list[Entry], approximate: dict[str, bool]) -> list[dict]:
    """The entries of one area, grouped by type, by name within a type, for the list; `approximate`
    says which records are on the map only at approximate points."""
    return [
        {
            "plural": ui.t(f"types.{type_}"),
            "entries": [
                {
                    "name": e.record.name,
                    "url": url_of(e),
                    "approximate": approximate.get(e.id, False),
                    "status": _status_label(e),
                }
                for e in sorted(entries, key=_by_name)
                if e.type == type_
            ],
        }
        for type_ in TYPES
        if any(e.type == type_ for e in entries)
    ]


def _status_label(entry: Entry) -> str:
    """ "Planerad" or "Avslutad" for a collaboration that is not (or no longer) going on."""
    status = entry.record.status
    return ui.t(f"status.{status}") if status in ("planned", "ended") else ""


def _by_name(entry: Entry) -> tuple[str, str]:
    return (entry.record.name.casefold(), entry.id)


def _package_file(name: str):
    return resources.files("commonmap").joinpath("assets", "map", *name.split("/"))


def _package_text(name: str) -> str:
    return _package_file(name).read_text(encoding="utf-8")


def _vendored(name: str) -> str | bytes:
    if name.endswith(".png"):
        return _package_file(name).read_bytes()
    text = _package_text(name)
    # The vendored builds point at source maps we do not ship; drop the pointer (no 404s).
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)


@cache
def _environment() -> Environment:
    return templating.environment("commonmap", "assets/map/templates", trim=False)


def _template(name: str):
    return _environment().get_template(name)
