"""The map page /karta/, composed in folium: the tiles of the configured tile server, one clustered
layer per record type and the area boundaries in folium's layer control, "Visa min position"
(folium's LocateControl with leaflet.locatecontrol), and the parts folium has no element for
(map_elements.py: the records and areas fetched as JSON, popups, shading, the opening view).

The page's HTML holds the map's container, the choice of category for the shading, the legend and
every record on the map as a list (the text alternative), escaped by Jinja2. The scripts read
their configuration from a JSON data block in the page; the folium script itself holds no data.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict

import folium
import geopandas as gpd
from folium.plugins import FeatureGroupSubGroup, LocateControl, MarkerCluster
from folium.utilities import JsCode
from markupsafe import Markup

from commonmap import folium_page, map_elements, mapdata, spatial, ui
from commonmap.directory import Directory, Entry
from commonmap.model import TYPES
from commonmap.outputs import Asset, Page
from commonmap.settings import Settings
from commonmap.urls import FOLDERS, url_of

PATH = "karta.md"
BASE = "../"  # from /karta/ to the site's root
SCRIPT = "karta/map.js"  # the folium map's script, published beside the page
NARROW = "(max-width: 40em)"  # phones: the layer list starts folded, the map opens on the city
# Leaflet's corners for the controls at the start and the end of a line; mirrored right to left.
CORNERS = {False: ("topleft", "topright"), True: ("topright", "topleft")}
# The catalogue's map.* strings the scripts show (karta.js).
SCRIPT_TEXT = [
    "categories",
    "approximate",
    "approximate_short",
    "shown",
    "failed",
    "none",
    "locating",
    "located",
    "located_near",
    "near_m",
    "near_km",
    "near_approx",
    "locate_failed",
    "zoom_in",
    "zoom_out",
    "layers_button",
    "area_count",
]
# Fetched early (from <head>), so they download while the page and Leaflet are parsed.
PRELOAD = [mapdata.MARKERS, mapdata.AREAS]


def outputs(directory: Directory, settings: Settings, geography: spatial.Geography, shading: dict) -> list:
    """The page and the map's script (karta/map.js)."""
    counts = geography.points["record_type"].value_counts().to_dict()
    m = compose(layer_names(counts), spatial.bounds(geography.areas), settings)
    parts = folium_page.render(m, BASE, "map.js")
    config = script_config(directory, geography.areas, shading)
    html_ = _page_html(directory, geography, parts.map_id, config)
    preload = "".join(f'<link rel="preload" href="{BASE}{path}" as="fetch" crossorigin>' for path in PRELOAD)
    page = Page(PATH, ui.t("map.title"), html_, description=ui.t("map.description"), head=preload + parts.head)
    return [page, Asset(SCRIPT, parts.script)]


def compose(layers: dict[str, str], bounds: list[list[float]], settings: Settings, rtl: bool = False) -> folium.Map:
    """The map's elements, in the order their scripts run."""
    start, end = CORNERS[rtl]
    (south, west), (north, east) = bounds
    # minZoom 8 (the county): fewer zoom levels make clustering 10,000 markers faster.
    centre = [round((south + north) / 2, 5), round((west + east) / 2, 5)]
    m = folium_page.named(
        folium.Map(location=centre, zoom_start=10, tiles=None, zoom_control=start, zoomSnap=0.5, minZoom=8), "karta"
    )
    m.add_child(map_elements.OpeningView())  # before the tiles, which then load once, for its view
    m.add_child(tile_layer(settings))
    options = {"chunkedLoading": True, "chunkInterval": 400, "chunkDelay": 20, "maxClusterRadius": 50}
    cluster = folium_page.named(MarkerCluster(control=False, showCoverageOnHover=False, **options), "poster").add_to(m)
    groups = [
        folium_page.named(FeatureGroupSubGroup(cluster, name=_label(name)), type_).add_to(m)
        for type_, name in layers.items()
    ]
    areas = folium_page.named(folium.FeatureGroup(name=_label(ui.t("map.area_layer"))), "omraden").add_to(m)
    control = folium.LayerControl(position=end, collapsed=JsCode(f"matchMedia({NARROW!r}).matches")).add_to(m)
    locate = LocateControl(
        position=start,
        strings={key: folium_page.inert(ui.t(f"map.locate_{key}")) for key in ("title", "popup")},
        locateOptions={"maxZoom": 16, "enableHighAccuracy": True},
        showCompass=False,
    ).add_to(m)
    m.add_child(map_elements.SwedishControls(control, locate))
    m.add_child(map_elements.RecordMarkers(cluster, *groups))
    m.add_child(map_elements.AreaShapes(areas))
    m.add_child(map_elements.NearestOnLocate(locate))
    return m


def tile_layer(settings: Settings) -> folium.TileLayer:
    """The configured tile server with its attribution (the only other host a visitor talks to)."""
    url, attribution = folium_page.inert(settings.tiles_url), folium_page.inert(settings.tiles_attribution)
    return folium.TileLayer(tiles=url, attr=attribution, max_zoom=18, control=False)


def layer_names(counts: dict[str, int]) -> dict[str, str]:
    """Each record type's layer in the layer control, with its markers: "Mötesplatser (12)"."""
    return {type_: f"{ui.t(f'types.{type_}')} ({counts.get(type_, 0)})" for type_ in TYPES}


def _label(text: str) -> str:
    """A layer's name: Leaflet's layer control puts it in the page as HTML."""
    return html.escape(folium_page.inert(text))


def script_config(directory: Directory, areas: gpd.GeoDataFrame, shading: dict) -> dict:
    """What karta.js reads from the page: data files, types, categories, shading, views, strings."""
    return {
        "base": BASE,
        "data": {"markers": mapdata.MARKERS, "areas": mapdata.AREAS, "texts": mapdata.TEXTS},
        "types": {type_: {"label": ui.t(f"type.{type_}"), "folder": FOLDERS[type_]} for type_ in TYPES},
        "typeOrder": list(TYPES),
        "categories": [{"id": c.id, "label": c.label} for c in directory.categories.values()],
        "shading": shading,
        "bounds": {"all": spatial.bounds(areas), "city": spatial.bounds(spatial.city_districts(areas))},
        "narrow": NARROW,
        "text": {key: ui.t(f"map.{key}") for key in SCRIPT_TEXT},
    }


def config_block(config: dict) -> Markup:
    """The configuration as a JSON data block: a CSP runs no data block, and `<` is escaped."""
    return Markup(f'<script type="application/json" id="cm-map-config">{mapdata.script_json(config)}</script>')


def _page_html(directory: Directory, geography: spatial.Geography, map_id: str, config: dict) -> str:
    from commonmap import mapview

    approximate: dict[str, bool] = {}
    for entry, point in geography.markers:  # on the map only at approximate points
        approximate[entry.id] = approximate.get(entry.id, True) and point.approximate
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted((directory.entries[entry_id] for entry_id in geography.located), key=_by_name):
        for area_id in geography.located[entry.id]:
            groups[area_id].append(entry)
    areas = [
        {"name": area.name, "count": len(groups[area.id]), "types": _by_type(groups[area.id], approximate)}
        for area in sorted(directory.areas, key=lambda a: a.name)
        if groups[area.id]
    ]
    located = Counter(directory.entries[entry_id].type for entry_id in geography.located)
    records = Counter(entry.type for entry in directory.listed())
    types = [
        {
            "id": type_,
            "folder": FOLDERS[type_],
            "singular": ui.t(f"type.{type_}"),
            "plural": ui.t(f"types.{type_}"),
            "located": located[type_],
            "records": records[type_],
        }
        for type_ in TYPES
    ]
    return mapview.template("karta.html").render(
        types=types, categories=config["categories"], areas=areas, map_id=map_id, config=config_block(config)
    )


def _by_type(entries: list[Entry], approximate: dict[str, bool]) -> list[dict]:
    """The entries of one area (sorted by name), grouped by type, for the list; `approximate` says
    which records are on the map only at approximate points."""
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
                for e in entries
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
