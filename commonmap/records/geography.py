"""The areas of the municipality: point lookup, containment and the lat/lon swap hint."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.strtree import STRtree

# Points within this distance (degrees, about 100 m here) of an area still count as inside:
# the published boundaries were simplified and leave thin slivers between neighbours.
TOLERANCE = 0.001


@dataclass(frozen=True)
class Area:
    id: str
    code: str
    name: str
    geometry: shapely.Geometry


class Areas:
    def __init__(self, areas: list[Area]) -> None:
        self.by_id = {area.id: area for area in areas}
        self._list = areas
        self._tree = STRtree([area.geometry for area in areas])
        self._outline = shapely.union_all([area.geometry for area in areas]).buffer(TOLERANCE)

    @classmethod
    def read(cls, path: Path) -> Areas:
        collection = json.loads(path.read_text(encoding="utf-8"))
        areas = [
            Area(f["properties"]["id"], f["properties"]["code"], f["properties"]["name"], shape(f["geometry"]))
            for f in collection["features"]
        ]
        return cls(areas)

    def __iter__(self):
        return iter(self._list)

    def __len__(self) -> int:
        return len(self._list)

    def locate(self, points: list[tuple[float, float]]) -> list[tuple[str, ...] | None]:
        """For each (lat, lon): the areas it lies in (the nearest one when it falls in a sliver
        between areas), or None when it is outside the municipality. Vectorised for 10,000 points."""
        if not points:
            return []
        lats, lons = np.array(points, dtype=float).T
        geometries = shapely.points(lons, lats)
        inside = shapely.contains_xy(self._outline, lons, lats)
        found: list[set[str]] = [set() for _ in points]
        for point_index, area_index in self._tree.query(geometries, predicate="intersects").T:
            found[point_index].add(self._list[area_index].id)
        for index, ids in enumerate(found):
            if inside[index] and not ids:
                ids.add(self._list[int(self._tree.nearest(geometries[index]))].id)
        return [tuple(sorted(ids)) if inside[i] else None for i, ids in enumerate(found)]
