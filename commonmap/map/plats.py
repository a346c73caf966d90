"""The point picker for contributors, /bidra/plats/: a folium map of the areas where a volunteer
clicks (or searches an area and takes the map's centre) and gets the `location:` lines to paste
into a record file, with the area the point falls in. Nothing is sent anywhere (plats.js).
"""

from __future__ import annotations

import folium
import geopandas as gpd

from commonmap.base import ui
from commonmap.map import folium_page, karta, map_elements, mapdata, spatial
from commonmap.records.geography import TOLERANCE
from commonmap.records.settings import Settings
from commonmap.site.outputs import Asset, Page

URL = "bidra/plats/"
BASE = "../../"  # from /bidra/plats/ to the site's root
SCRIPT = "bidra/plats/map.js"
SCRIPT_TEXT = ["picker_in", "picker_near", "picker_outside", "picker_copied", "zoom_in", "zoom_out"]


def outputs(settings: Settings, areas: gpd.GeoDataFrame) -> list:
    parts = folium_page.render(compose(spatial.bounds(areas), settings), BASE, "map.js")
    config = {
        "base": BASE,
        "data": {"areas": mapdata.AREAS},
        "bounds": {"all": spatial.bounds(areas), "city": spatial.bounds(spatial.city_districts(areas))},
        "narrow": karta.NARROW,
        "precision": mapdata.PRECISION,
        "tolerance": TOLERANCE,
        "types": {},
        "categories": [],
        "text": {key: ui.t(f"map.{key}") for key in SCRIPT_TEXT},
    }
    from commonmap.map import mapview

    html = mapview.template("plats.html").render(
        map_id=parts.map_id, areas=sorted(areas.name), config=karta.config_block(config)
    )
    preload = f'<link rel="preload" href="{BASE}{mapdata.AREAS}" as="fetch" crossorigin>'
    title, description = ui.t("map.picker_title"), ui.t("map.picker_description")
    # Not in the search index: /bidra/ leads here, and the index every page loads stays as small.
    page = Page(URL, title, html, description=description, head=preload + parts.head, searchable=False)
    return [page, Asset(SCRIPT, parts.script)]


def compose(bounds: list[list[float]], settings: Settings, rtl: bool = False) -> folium.Map:
    start, _ = karta.CORNERS[rtl]
    (south, west), (north, east) = bounds
    centre = [round((south + north) / 2, 5), round((west + east) / 2, 5)]
    m = folium_page.named(
        folium.Map(location=centre, zoom_start=10, tiles=None, zoom_control=start, zoomSnap=0.5), "plats"
    )
    m.add_child(map_elements.OpeningView())
    m.add_child(karta.tile_layer(settings))
    areas = folium_page.named(folium.FeatureGroup(control=False), "omraden").add_to(m)
    m.add_child(map_elements.SwedishControls())
    m.add_child(map_elements.AreaShapes(areas))
    m.add_child(map_elements.PointPicker(areas))
    return m
