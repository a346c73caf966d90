"""The map's data, from one Directory: a table of the markers, GeoJSON for the areas (site/wire.py).

This is data, not HTML: nothing is escaped here. The page's JavaScript puts every string into the
page as text (textContent), never as markup, and `script_json` makes JSON safe inside <script>.

Where a record is on the map:
- organisations and meeting places: at their own `location`;
- volunteer roles: at the location of their meeting place (`place`);
- collaborations: at the location of each of their meeting places (`places`), one marker each.
A record without any of these has no marker (it can still serve areas it declares). Closed
records have none; protected records and records at a protected place have none of their own,
because a protected record has no location (the model refuses one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import orjson

from commonmap.records.directory import Directory, Entry
from commonmap.records.whereabouts import sites_of
from commonmap.site import templating, wire
from commonmap.site.outputs import Asset
from commonmap.site.urls import FOLDERS

if TYPE_CHECKING:  # coverage imports this module (via spatial)
    from commonmap.map.coverage import Coverage

PRECISION = 5  # decimals of a degree: about 1 m, and the precision records are written with
MARKERS = "data/karta/poster.json"  # marker_data (formats: site/wire.py)
AREAS = "data/karta/omraden.geojson"  # area_features
TEXTS = "data/karta/texter/"  # marker_data's summaries, as <n>.json
# The shading's classes, from "no local offer" (white) to the most.
PALETTE = ["#ffffff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    approximate: bool


def points_of(entry: Entry, entries: dict[str, Entry]) -> list[Point]:
    """Where the record is on the map: the points of its sites (whereabouts.py), one marker for
    places that share a point."""
    found: dict[tuple[float, float], Point] = {}
    for site in sites_of(entry, entries):
        location = site.record.own_location
        if location is not None:
            found.setdefault((location.lat, location.lon), Point(location.lat, location.lon, location.approximate))
    return list(found.values())


def markers(directory: Directory) -> list[tuple[Entry, Point]]:
    """Every marker of the map: each listed record at each of its points, in id order."""
    return [(entry, point) for entry in directory.listed() for point in points_of(entry, directory.entries)]


# The map page's markers, compactly (a table, not GeoJSON: 9,000 markers in well under 1 MB). The
# summaries, which only a popup shows, are fetched in chunks of this many when a popup opens.
TEXT_CHUNK = 500


def marker_data(found: list[tuple[Entry, Point]], categories: list[str]) -> tuple[dict, list[Asset]]:
    """The markers (`markers`, in that order) as a table of wire.MARKER_COLUMNS, and their summaries
    ("" when none) in chunks. `type` and `categories` are positions in the data's `types` and
    `categories`; `approximate` is 1 where the point only shows roughly where it is, else 0."""
    types = list(FOLDERS)
    type_index = {type_: index for index, type_ in enumerate(types)}
    category_index = {category: index for index, category in enumerate(categories)}
    rows = []
    for entry, point in found:
        cats = [category_index[c] for c in entry.record.categories if c in category_index]
        lon, lat = round(point.lon, PRECISION), round(point.lat, PRECISION)
        rows.append([lon, lat, entry.id, type_index[entry.type], entry.record.name, cats, int(point.approximate)])
    summaries = [entry.record.summary or "" for entry, _ in found]
    spec, files = wire.chunked(MARKERS, TEXTS + "{n}.json", summaries, TEXT_CHUNK, to_json)
    data = {"types": types, "categories": list(categories), "chunks": spec}
    return data | wire.table(wire.MARKER_COLUMNS, rows), files


def located_records(directory: Directory) -> list[Entry]:
    """The records that have at least one marker on the map, in id order."""
    return [entry for entry in directory.listed() if points_of(entry, directory.entries)]


def area_features(directory: Directory, served: Coverage) -> dict:
    """The areas as a FeatureCollection: id, code, name, `counts` (a list aligned with the
    directory's categories) and `total` (see coverage.py for what is counted)."""
    features = []
    for area in directory.areas:
        properties = {
            "id": area.id,
            "code": area.code,
            "name": area.name,
            "counts": list(served.counts[area.id]),
            "total": served.totals[area.id],
        }
        features.append({"type": "Feature", "geometry": _geometry(area.geometry), "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def area_shading(served: Coverage, none: str) -> dict[str, dict]:
    """For "all" (records in any category) and each category: each area's fill (in the order of
    the areas) and the legend's steps: 0 (white: nothing local, `none`), then up to four equal
    classes up to the largest count."""
    choices = {"all": [served.totals[a] for a in served.areas]}
    for index, category in enumerate(served.categories):
        choices[category] = [served.counts[a][index] for a in served.areas]
    return {choice: _shades(counts, none) for choice, counts in choices.items()}


def _shades(counts: list[int], none: str) -> dict:
    top = max(counts, default=0)
    width = max(1, -(-top // 4))
    limits = [0] + [1 + i * width for i in range(4) if 1 + i * width <= top]
    highs = [low - 1 for low in limits[1:]] + [top]
    steps = [
        {"colour": PALETTE[i], "label": none if i == 0 else str(low) if low == high else f"{low}–{high}"}
        for i, (low, high) in enumerate(zip(limits, highs, strict=True))
    ]
    fills = [PALETTE[max(i for i, low in enumerate(limits) if count >= low)] for count in counts]
    return {"fills": fills, "steps": steps}


def area_details(directory: Directory, found: list[tuple[Entry, Point]], located: dict[str, tuple[str, ...]]) -> dict:
    """Per area, for its small map (assets/map/cm.js): a FeatureCollection of its boundary (`kind:
    "area"`) and the markers (`markers`) of the records located in it (`located`: record id ->
    areas, spatial.Geography), with their id, type, name, categories and approximate."""
    details = {
        area.id: [
            {
                "type": "Feature",
                "geometry": _geometry(area.geometry),
                "properties": {"id": area.id, "code": area.code, "name": area.name, "kind": "area"},
            }
        ]
        for area in directory.areas
    }
    for entry, point in found:
        feature = _feature(entry, point)
        for area_id in located[entry.id]:
            details[area_id].append(feature)
    return {area_id: {"type": "FeatureCollection", "features": features} for area_id, features in details.items()}


def _feature(entry: Entry, point: Point) -> dict:
    properties = {
        "id": entry.id,
        "type": entry.type,
        "name": entry.record.name,
        "categories": list(entry.record.categories),
    }
    if point.approximate:
        properties["approximate"] = True
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(point.lon, PRECISION), round(point.lat, PRECISION)]},
        "properties": properties,
    }


def bounds(directory: Directory) -> list[list[float]]:
    """[[south, west], [north, east]] of all areas: the view the map opens on."""
    minx = miny = float("inf")
    maxx = maxy = float("-inf")
    for area in directory.areas:
        x0, y0, x1, y1 = area.geometry.bounds
        minx, miny, maxx, maxy = min(minx, x0), min(miny, y0), max(maxx, x1), max(maxy, y1)
    return [[round(miny, PRECISION), round(minx, PRECISION)], [round(maxy, PRECISION), round(maxx, PRECISION)]]


def _geometry(geometry) -> dict:
    mapping = geometry.__geo_interface__
    return {"type": mapping["type"], "coordinates": _rounded(mapping["coordinates"])}


def _rounded(value):
    if isinstance(value, float):
        return round(value, PRECISION)
    return [_rounded(item) for item in value]


def to_json(data: object) -> str:
    """Compact JSON for a data file (UTF-8, no spaces; orjson writes what json.dumps with these
    settings writes, several times faster: the map's data is 1 MB at 10,000 records)."""
    return orjson.dumps(data).decode("utf-8")


def script_json(data: object) -> str:
    """JSON that is safe inside an HTML <script> element and in JavaScript source: no `<`, `>`
    or `&` (so no `</script>` or `<!--`), and no U+2028/U+2029 (line breaks in older JS)."""
    return templating.script_safe(to_json(data))
