"""The coverage as a GIS layer for the municipality's GIS staff: one feature per area with its
counts per category as attributes, published as GeoJSON and as a GeoPackage (QGIS opens both)
under /data/ beside the CSV.

Attributes (the CSV's columns and more): area_id, area_code, area_name; per category id the
records local to the area (the coverage table's cell); `total`, the records local to the area
in any category; per category `wide_<id>`, the records for the whole municipality, county or
country with that category (the same in every area; a 0 local with a wide offer is not "inget
stöd"); `no_support`, how many categories have neither. What is counted: coverage.py.
"""

from __future__ import annotations

import io

import geopandas as gpd
import pyogrio

from commonmap.export.common import AREA_ATTRIBUTION, build_datetime
from commonmap.map.coverage import Coverage

GEOJSON = "data/tackning.geojson"
GEOPACKAGE = "data/tackning.gpkg"
LAYER = "tackning"
DESCRIPTION = "Gemensam karta: antal poster per område och kategori (lokalt och för hela kommunen, länet, landet)."


def frame(areas: gpd.GeoDataFrame, served: Coverage) -> gpd.GeoDataFrame:
    """The areas (spatial.areas_frame) with the coverage's counts as columns."""
    wide = [sum(row[i] for row in served.wide.values()) for i in range(len(served.categories))]
    layer = areas.rename(columns={"id": "area_id", "code": "area_code", "name": "area_name"})
    counts = [served.counts[area_id] for area_id in layer.area_id]
    for index, category in enumerate(served.categories):
        layer[category] = [row[index] for row in counts]
    layer["total"] = [served.totals[area_id] for area_id in layer.area_id]
    for index, category in enumerate(served.categories):
        layer[f"wide_{category}"] = wide[index]
    layer["no_support"] = [sum(not n and not w for n, w in zip(row, wide, strict=True)) for row in counts]
    columns = [c for c in layer.columns if c != "geometry"] + ["geometry"]
    return layer[columns]


def geojson(layer: gpd.GeoDataFrame) -> bytes:
    """RFC 7946 GeoJSON (WGS 84, no crs member), one feature per area, in the areas' order."""
    return (layer.to_json(drop_id=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def geopackage(layer: gpd.GeoDataFrame) -> bytes:
    """The layer as a GeoPackage. GDAL stamps the file with the time it was written unless
    OGR_CURRENT_DATE is set: it gets the exports' build date, so two builds are byte-identical."""
    previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": build_datetime()})
    try:
        buffer = io.BytesIO()
        layer.to_file(
            buffer,
            driver="GPKG",
            layer=LAYER,
            engine="pyogrio",
            layer_options={"IDENTIFIER": LAYER, "DESCRIPTION": f"{DESCRIPTION} {AREA_ATTRIBUTION}"},
        )
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})
    return buffer.getvalue()
