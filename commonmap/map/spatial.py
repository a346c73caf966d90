"""The site's geography in geopandas: the areas as a GeoDataFrame, the map's points joined to the
areas, and the city's districts (where the map opens on a phone).

`commonmap validate` does not import this module: it places points with shapely directly
(geography.py), because importing geopandas and pandas would add a third of a second to every
validation. The rule is the same here (a point lies in the areas it touches; a point in a sliver
between areas, within TOLERANCE of one, in the nearest area), and tests/test_spatial.py checks that
both give every record the same areas.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from commonmap.map.mapdata import Point, markers
from commonmap.records.directory import Directory, Entry
from commonmap.records.geography import TOLERANCE, Areas

CRS = "EPSG:4326"  # WGS 84 longitude/latitude, as areas.geojson and the records are written
METRIC_CRS = "EPSG:3006"  # SWEREF 99 TM, Sweden's national grid in metres: for areas in km²
# The RegSO areas of Örebro's town are 0.4–15 km²; the six rural areas around it are 100–400 km².
CITY_DISTRICT_KM2 = 50.0


def areas_frame(areas: Areas) -> gpd.GeoDataFrame:
    """One row per area (id, code, name, geometry), in the order of areas.geojson."""
    rows = [{"id": a.id, "code": a.code, "name": a.name} for a in areas]
    return gpd.GeoDataFrame(rows, geometry=[a.geometry for a in areas], crs=CRS)


def points_frame(markers: list[tuple[Entry, Point]]) -> gpd.GeoDataFrame:
    """One row per marker of the map (record id, record_type, approximate), in the map's order
    (mapdata.markers: each listed record at its own location or at its meeting places')."""
    frame = pd.DataFrame(
        {
            "record": [entry.id for entry, _ in markers],
            "record_type": [entry.type for entry, _ in markers],
            "approximate": [point.approximate for _, point in markers],
        }
    )
    lons, lats = [point.lon for _, point in markers], [point.lat for _, point in markers]
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(lons, lats), crs=CRS)


def join(points: gpd.GeoDataFrame, areas: gpd.GeoDataFrame) -> pd.DataFrame:
    """(point index, area id) for every point and the areas it lies in; a point in no area but
    within TOLERANCE of one goes to the nearest; a point farther out has no row."""
    # TOLERANCE is in degrees on purpose, the distance validate uses (geography.py): the frames go
    # in without their CRS, which spares geopandas' warning about distances in degrees.
    plain_points = points[["geometry"]].set_crs(None, allow_override=True)
    plain_areas = areas[["id", "geometry"]].set_crs(None, allow_override=True)
    inside = gpd.sjoin(plain_points, plain_areas, predicate="intersects")
    outside = plain_points.loc[~plain_points.index.isin(inside.index)]
    near = gpd.sjoin_nearest(outside, plain_areas, max_distance=TOLERANCE)
    found = pd.concat([inside, near])[["id"]].rename(columns={"id": "area"})
    return found.rename_axis("point").reset_index().drop_duplicates().sort_values(["point", "area"])


def located(points: gpd.GeoDataFrame, areas: gpd.GeoDataFrame) -> dict[str, tuple[str, ...]]:
    """For each record with a marker: the areas its markers lie in, sorted (empty when outside)."""
    pairs = join(points, areas)
    records = points.record.tolist()
    found: dict[str, set[str]] = {record: set() for record in records}
    for point, area in zip(pairs.point.tolist(), pairs.area.tolist(), strict=True):
        found[records[point]].add(area)
    return {record: tuple(sorted(areas_)) for record, areas_ in found.items()}


@dataclass(frozen=True)
class Geography:
    """The frames of one build, made once: the areas, the map's points, where the records are."""

    areas: gpd.GeoDataFrame
    markers: list[tuple[Entry, Point]]  # mapdata.markers
    points: gpd.GeoDataFrame  # the markers as a frame
    located: dict[str, tuple[str, ...]]  # record id -> the areas its markers lie in

    @classmethod
    def of(cls, directory: Directory) -> Geography:
        found = markers(directory)
        areas, points = areas_frame(directory.areas), points_frame(found)
        return cls(areas, found, points, located(points, areas))


def city_districts(areas: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The areas of the town itself: those under CITY_DISTRICT_KM2, measured in SWEREF 99 TM."""
    km2 = areas.to_crs(METRIC_CRS).area / 1e6
    return areas[km2 < CITY_DISTRICT_KM2]


def bounds(frame: gpd.GeoDataFrame, precision: int = 5) -> list[list[float]]:
    """[[south, west], [north, east]] of a frame's geometries, as Leaflet takes them."""
    west, south, east, north = (round(float(value), precision) for value in frame.total_bounds)
    return [[south, west], [north, east]]


def record_areas(directory: Directory, geography: Geography) -> tuple[list[str], list[str]]:
    """(records, areas): each listed record with each area it is in or serves, once: the areas its
    markers lie in (the join), the areas it names (`areas`), and those named by the protected
    meeting places it is at, which have no point. The same as Entry.areas, found by geopandas."""
    pairs = dict.fromkeys((record, area) for record, found in geography.located.items() for area in found)
    for entry in directory.listed():
        named = [*entry.record.areas, *(a for place in directory.protected_places(entry) for a in place.record.areas)]
        pairs.update(dict.fromkeys((entry.id, area) for area in named))
    return [record for record, _ in pairs], [area for _, area in pairs]
