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
from markupsafe import Markup, escape

from commonmap.base import ui
from commonmap.base.languages import SWEDISH
from commonmap.map import folium_page, map_elements, mapdata, spatial
from commonmap.records.directory import Directory, Entry
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.site import items
from commonmap.site.localized import Localized, localized
from commonmap.site.outputs import Asset, Page
from commonmap.site.urls import FOLDERS, base_of

URL = "karta/"
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
    """The page and the map's script (karta/map.js) in each interface language (issue 17): the
    data is shared; each page brings its strings, its direction and where its records open."""
    found: list = []
    for code in settings.languages:
        found += _in_language(directory, settings, geography, shading, localized(code))
    return found


def _in_language(
    directory: Directory, settings: Settings, geography: spatial.Geography, shading: dict, local: Localized
) -> list:
    url = local.url(URL)
    base = base_of(url)
    counts = geography.points["record_type"].value_counts().to_dict()
    m = compose(
        layer_names(counts, local), spatial.bounds(geography.areas), settings, local.language.dir == "rtl", local
    )
    parts = folium_page.render(m, base, "map.js")
    config = script_config(directory, geography.areas, _shading_in(shading, local), local, base)
    html_ = _page_html(directory, geography, parts.map_id, config, local, base)
    preload = "".join(f'<link rel="preload" href="{base}{p}" as="fetch" crossorigin>' for p in PRELOAD)
    title, description = local.t("map.title"), local.t("map.description")
    page = Page(url, title, html_, description=description, head=preload + parts.head, searchable=local.swedish)
    return [page, Asset(local.url(SCRIPT), parts.script)]


def _shading_in(shading: dict, local: Localized) -> dict:
    """The legend's first step ("ingen") in the page's language."""
    if local.swedish:
        return shading
    none, own = ui.t("map.none"), local.t("map.none")
    return {
        choice: {**found, "steps": [{**s, "label": own if s["label"] == none else s["label"]} for s in found["steps"]]}
        for choice, found in shading.items()
    }


def compose(
    layers: dict[str, str],
    bounds: list[list[float]],
    settings: Settings,
    rtl: bool = False,
    local: Localized | None = None,
) -> folium.Map:
    """The map's elements, in the order their scripts run; right to left, the controls mirrored."""
    t = (local or localized(SWEDISH)).t
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
    areas = folium_page.named(folium.FeatureGroup(name=_label(t("map.area_layer"))), "omraden").add_to(m)
    control = folium.LayerControl(position=end, collapsed=JsCode(f"matchMedia({NARROW!r}).matches")).add_to(m)
    locate = LocateControl(
        position=start,
        strings={key: folium_page.inert(t(f"map.locate_{key}")) for key in ("title", "popup")},
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


def layer_names(counts: dict[str, int], local: Localized | None = None) -> dict[str, str]:
    """Each record type's layer in the layer control, with its markers: "Mötesplatser (12)"."""
    t = (local or localized(SWEDISH)).t
    return {type_: f"{t(f'types.{type_}')} ({counts.get(type_, 0)})" for type_ in TYPES}


def _label(text: str) -> str:
    """A layer's name: Leaflet's layer control puts it in the page as HTML."""
    return html.escape(folium_page.inert(text))


def script_config(
    directory: Directory, areas: gpd.GeoDataFrame, shading: dict, local: Localized | None = None, base: str = BASE
) -> dict:
    """What karta.js reads from the page: data files, types, categories, shading, views, strings,
    and the page's language: `view` when a record opens in that language's finder."""
    local = local or localized(SWEDISH)
    categories = list(directory.categories.values())
    return {
        "base": base,
        "lang": local.language.tag,
        "prefix": local.language.prefix,
        "view": not local.swedish,
        "data": {"markers": mapdata.MARKERS, "areas": mapdata.AREAS, "texts": mapdata.TEXTS},
        "types": {type_: {"label": local.t(f"type.{type_}"), "folder": FOLDERS[type_]} for type_ in TYPES},
        "typeOrder": list(TYPES),
        "categories": [{"id": c.id, "label": local.category(c)[0]} for c in categories],
        "shading": shading,
        "bounds": {"all": spatial.bounds(areas), "city": spatial.bounds(spatial.city_districts(areas))},
        "narrow": NARROW,
        "text": {key: local.t(f"map.{key}") for key in SCRIPT_TEXT},
    }


def config_block(config: dict) -> Markup:
    """The configuration as a JSON data block: a CSP runs no data block, and `<` is escaped."""
    return Markup(f'<script type="application/json" id="cm-map-config">{mapdata.script_json(config)}</script>')


def _page_html(
    directory: Directory, geography: spatial.Geography, map_id: str, config: dict, local: Localized, base: str
) -> str:
    from commonmap.map import mapview

    approximate: dict[str, bool] = {}
    for entry, point in geography.markers:  # on the map only at approximate points
        approximate[entry.id] = approximate.get(entry.id, True) and point.approximate
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted((directory.entries[entry_id] for entry_id in geography.located), key=_by_name):
        for area_id in geography.located[entry.id]:
            groups[area_id].append(entry)
    areas = [
        {"name": area.name, "count": len(groups[area.id]), "types": _by_type(groups[area.id], approximate, local, base)}
        for area in sorted(directory.areas, key=lambda a: a.name)
        if groups[area.id]
    ]
    located = Counter(directory.entries[entry_id].type for entry_id in geography.located)
    records = Counter(entry.type for entry in directory.listed())
    types = [
        {
            "id": type_,
            "folder": FOLDERS[type_],
            "singular": local.t(f"type.{type_}"),
            "plural": local.t(f"types.{type_}"),
            "located": located[type_],
            "records": records[type_],
        }
        for type_ in TYPES
    ]
    categories = [
        {"id": c.id, "label": local.category(c)[0], "attrs": local.attrs(local.category(c)[1])}
        for c in directory.categories.values()
    ]
    return mapview.template("karta.html").render(
        types=types,
        categories=categories,
        areas=areas,
        map_id=map_id,
        config=config_block(config),
        base=base,
        local=local,
        t=local.t,
    )


def _by_type(entries: list[Entry], approximate: dict[str, bool], local: Localized, base: str) -> list[dict]:
    """The entries of one area (sorted by name), grouped by type, for the list; `approximate` says
    which records are on the map only at approximate points. Each item is made here, not in the
    template: the list holds every located record in each language (issue 24)."""
    note = f" ({escape(local.t('map.approximate_short'))})"
    return [
        {
            "plural": local.t(f"types.{type_}"),
            "list": Markup("".join(_item(e, approximate, local, base, note) for e in of_type)),
        }
        for type_ in TYPES
        if (of_type := [e for e in entries if e.type == type_])
    ]


def _item(entry: Entry, approximate: dict[str, bool], local: Localized, base: str, note: str) -> str:
    status = _status_label(entry, local)
    badge = f' <span class="cm-badge">{escape(status)}</span>' if status else ""
    shown = note if approximate.get(entry.id, False) else ""
    return f"<li>{items.record_link(local, base, entry)}{shown}{badge}</li>\n"


def _status_label(entry: Entry, local: Localized) -> str:
    """ "Planerad" or "Avslutad" for a collaboration that is not (or no longer) going on."""
    status = entry.record.status
    return local.t(f"status.{status}") if status in ("planned", "ended") else ""


def _by_name(entry: Entry) -> tuple[str, str]:
    return (entry.record.name.casefold(), entry.id)
