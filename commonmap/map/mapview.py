"""The maps: the page /karta/ (karta.py, in folium), the coverage page /omraden/tackning/ with its
GIS layer, the data files the maps fetch, the small maps' loader and the vendored libraries.

A generator like the others in generators.py: `outputs(directory, settings)` returns Pages and Assets.
Leaflet and its plugins are served from the site (vendored from the npm registry with their
licences, commonmap/assets/vendor/VENDORED.md); the only other host a visitor's browser talks to is
the configured tile server. The geography (areas, points, where records are, coverage) is worked
out once per build with geopandas (spatial.py).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from jinja2 import Environment

from commonmap.base import ui
from commonmap.map import coverage, coverage_layer, karta, mapdata, plats, spatial
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.site import templating, vendored, wire
from commonmap.site.outputs import Asset, Output, Page
from commonmap.site.urls import FOLDERS

# Published below assets/map/: the libraries (commonmap/assets/vendor/map/), then ours served as they are.
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
    "subgroup/leaflet.featuregroup.subgroup.js",
    "subgroup/LICENSE",
    "locatecontrol/L.Control.Locate.min.js",
    "locatecontrol/L.Control.Locate.min.css",
    "locatecontrol/LICENSE.md",
]
UNCHANGED = ["karta.css", "plats.js"]


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    geography = spatial.Geography.of(directory)
    served = coverage.coverage(directory, geography)
    shading = mapdata.area_shading(served, ui.t("map.none"))
    found: list[Output] = [*karta.outputs(directory, settings, geography, shading), coverage_page(directory, served)]
    found += plats.outputs(settings, geography.areas)
    table, texts = mapdata.marker_data(geography.markers, list(directory.categories))
    found += [Asset(mapdata.MARKERS, mapdata.to_json(table)), *texts]
    found.append(Asset(mapdata.AREAS, mapdata.to_json(mapdata.area_features(directory, served))))
    for area_id, detail in mapdata.area_details(directory, geography.markers, geography.located).items():
        found.append(Asset(f"data/omraden/{area_id}.geojson", mapdata.to_json(detail)))
    found.append(Asset("data/tackning.csv", coverage.to_csv(directory, served)))
    layer = coverage_layer.frame(geography.areas, served)
    found.append(Asset(coverage_layer.GEOJSON, coverage_layer.geojson(layer)))
    found.append(Asset(coverage_layer.GEOPACKAGE, coverage_layer.geopackage(layer)))
    found.append(Asset("assets/map/cm.js", loader_script(directory, settings)))
    found.append(Asset("assets/map/map.css", stylesheet(directory)))
    found += [Asset(f"assets/map/{name}", _vendored(name)) for name in VENDORED]
    found += [Asset(f"assets/map/{name}", _package_text(name)) for name in UNCHANGED]
    found.append(Asset("assets/map/karta.js", wire.script("map", "karta.js")))
    return found


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
    html = template("tackning.html").render(
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
    return Page("omraden/tackning/", title, html, description=description)


def script_config(directory: Directory, settings: Settings) -> dict:
    """What the small maps' loader needs to know: tiles, the municipality's bounds, the types and
    categories (for the markers' shapes and colours)."""
    return {
        "tiles": {"url": settings.tiles_url, "attribution": settings.tiles_attribution},
        "bounds": mapdata.bounds(directory),
        "types": {type_: {"folder": FOLDERS[type_]} for type_ in TYPES},
        "categories": [c.id for c in directory.categories.values()],
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


def _package_file(name: str):
    return resources.files("commonmap").joinpath("assets", "map", *name.split("/"))


def _package_text(name: str) -> str:
    return _package_file(name).read_text(encoding="utf-8")


def _vendored(name: str) -> str | bytes:
    file = vendored.source(f"assets/map/{name}")
    if name.endswith(".png"):
        return file.read_bytes()
    text = file.read_text(encoding="utf-8")
    # The vendored builds point at source maps we do not ship; drop the pointer (no 404s).
    return re.sub(r"\n(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$", "\n", text)


@cache
def _environment() -> Environment:
    return templating.environment("commonmap", "assets/map/templates", trim=False)


def template(name: str):
    """A template of the map pages (commonmap/assets/map/templates/)."""
    return _environment().get_template(name)
