"""The areas file, directory/areas.geojson, checked as strictly as a record: a FeatureCollection
of at most MAX_FEATURES polygons inside the region around Örebro, each with an id in the form of
a record id (it becomes /omraden/<id>/), a code and a name, none repeated. Every problem has
the file, the line and column of the value (found again in the JSON text) and a code.

Areas whose feature is invalid are left out and the others kept, so that the records are still
checked against them; any error stops the build.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterator

import shapely
from pydantic_core import PydanticCustomError
from shapely.geometry import shape

from commonmap.base.characters import CONTROL, INVISIBLE, excerpt
from commonmap.records import checks, jsonfile
from commonmap.records.geography import Area, Areas
from commonmap.records.inputs import read_regular
from commonmap.records.jsonfile import Members
from commonmap.records.problems import Problem, field_name, found_as

MAX_BYTES = 5 * 1024 * 1024
MAX_FEATURES = 1_000
MAX_VERTICES = 250_000
NAME_MAX, CODE_MAX = 100, 32
# West, south, east, north in degrees: Örebro kommun (14.76–15.80, 58.96–59.52) with a margin.
REGION = (14.4, 58.8, 16.2, 59.7)
ALLOWED = {
    (): ("type", "features", "bbox"),
    ("feature",): ("type", "properties", "geometry", "id", "bbox"),
    ("properties",): ("id", "code", "name"),
    ("geometry",): ("type", "coordinates", "bbox"),
}
Path_ = tuple[str | int, ...]
Found = tuple[Path_, str, dict]  # (path in the file, code, parameters)


def read(path: str, name: str) -> tuple[Areas | None, list[Problem]]:
    raw, refused = read_regular(path, name, MAX_BYTES)
    if raw is None:
        return None, [refused]
    data, text, problem = jsonfile.load(raw, name, MAX_BYTES)
    if problem is not None:
        return None, [problem]
    found: list[Found] = []
    areas = list(_areas(data, found))
    locator = jsonfile.Locator(text)
    problems = [_located(locator, name, path_, code, params) for path_, code, params in found]
    return (Areas(areas) if areas else None), problems


def _located(locator: jsonfile.Locator, name: str, path: Path_, code: str, params: dict) -> Problem:
    if code == "duplicate-key":  # at the second occurrence of the key, naming the first's line
        params = {**params, "other_line": locator.position(path, key=True, occurrence=0)[0]}
        line, col = locator.position(path, key=True, occurrence=1)
    else:
        line, col = locator.position(path, key=code == "unknown-field")
    return Problem(name, line, col, code, {"field": field_name(path), **params})


def _areas(data: object, found: list[Found]) -> Iterator[Area]:
    if not _object(data, (), (), found) or not _fields(data, (), found, required=("type", "features")):
        return
    if data["type"] != "FeatureCollection":
        found.append((("type",), "invalid-choice", {"value": data["type"], "allowed": "FeatureCollection"}))
    features = data["features"]
    if not isinstance(features, list) or not features:
        found.append((("features",), *_not_a_list(features)))
        return
    if len(features) > MAX_FEATURES:
        found.append((("features",), "too-many-areas", {"count": len(features), "limit": MAX_FEATURES}))
        return
    budget = [MAX_VERTICES]
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    for index, feature in enumerate(features):
        area = _feature(feature, ("features", index), found, budget)
        if area is None:
            continue
        path = ("features", index, "properties")
        if _first(ids, area.id, index, (*path, "id"), found) and _first(
            names, area.name, index, (*path, "name"), found
        ):
            yield area


def _not_a_list(value: object) -> tuple[str, dict]:
    if isinstance(value, list):
        return "json-empty-list", {}
    return "json-expected", {"expected": "en lista [ ]", "found": _describe(value)}


def _first(seen: dict[str, int], value: str, index: int, path: Path_, found: list[Found]) -> bool:
    """True when no earlier feature has this id (or name); else the repeat is reported."""
    if value in seen:
        found.append((path, "duplicate-area", {"value": value, "other": seen[value] + 1}))
        return False
    seen[value] = index
    return True


def _feature(feature: object, path: Path_, found: list[Found], budget: list[int]) -> Area | None:
    before = len(found)
    if not _object(feature, path, ("feature",), found):
        return None
    if not _fields(feature, path, found, ("type", "properties", "geometry")):
        return None
    if feature["type"] != "Feature":
        found.append(((*path, "type"), "invalid-choice", {"value": feature["type"], "allowed": "Feature"}))
    properties = _properties(feature["properties"], (*path, "properties"), found)
    geometry = _geometry(feature["geometry"], (*path, "geometry"), found, budget)
    if len(found) > before or properties is None or geometry is None:
        return None
    return Area(properties["id"], properties["code"], properties["name"], geometry)


def _properties(value: object, path: Path_, found: list[Found]) -> dict | None:
    if not _object(value, path, ("properties",), found) or not _fields(value, path, found, ("id", "code", "name")):
        return None
    checks_ = {"id": checks.record_id, "code": _text(CODE_MAX), "name": _text(NAME_MAX)}
    ok = True
    for field, check in checks_.items():
        text = value[field]
        if not isinstance(text, str):
            found.append(
                ((*path, field), "json-expected", {"expected": "en text inom citattecken", "found": _describe(text)})
            )
            ok = False
            continue
        try:
            check(text)
        except PydanticCustomError as error:
            found.append(((*path, field), error.type, dict(error.context or {})))
            ok = False
    return value if ok else None


def _text(limit: int):
    def check(value: str) -> str:
        checks.text(value)
        if len(value) > limit:
            raise checks.fail("too-long", length=len(value), limit=limit)
        for pattern, code in ((CONTROL, "control-character"), (INVISIBLE, "invisible-character")):
            match = pattern.search(value)  # "\u202e" in JSON makes a character the text does not show
            if match:
                char = match.group()
                name = unicodedata.name(char, "?").lower()
                raise checks.fail(code, char=f"U+{ord(char):04X}", name=name, text=excerpt(value))
        return value

    return check


def _geometry(value: object, path: Path_, found: list[Found], budget: list[int]) -> shapely.Geometry | None:
    if not _object(value, path, ("geometry",), found) or not _fields(value, path, found, ("type", "coordinates")):
        return None
    kind, coordinates = value["type"], value["coordinates"]
    if kind not in ("Polygon", "MultiPolygon"):
        found.append(
            (
                (*path, "type"),
                "invalid-choice",
                {"value": kind if isinstance(kind, str) else _describe(kind), "allowed": "Polygon, MultiPolygon"},
            )
        )
        return None
    before, at = len(found), (*path, "coordinates")
    if kind == "Polygon":
        _polygon(coordinates, at, found, budget)
    elif _nonempty_list(coordinates, at, found):
        for index, polygon in enumerate(coordinates):
            _polygon(polygon, (*at, index), found, budget)
            if len(found) > before:
                break
    if len(found) > before:
        return None
    geometry = shape({"type": kind, "coordinates": coordinates})
    if not shapely.is_valid(geometry):
        found.append(((*path, "coordinates"), "invalid-geometry", {"reason": shapely.is_valid_reason(geometry)}))
        return None
    return geometry  # valid and non-empty: a valid polygon has an area


def _polygon(rings: object, path: Path_, found: list[Found], budget: list[int]) -> None:
    if not _nonempty_list(rings, path, found):
        return
    for r, ring in enumerate(rings):
        ring_path = (*path, r)
        if not _nonempty_list(ring, ring_path, found):
            return
        budget[0] -= len(ring)
        if budget[0] < 0:
            found.append((ring_path, "too-many-vertices", {"limit": MAX_VERTICES}))
            return
        bad = next((p for p, point in enumerate(ring) if not _inside(point)), None)
        if bad is not None:
            found.append(_point_problem(ring[bad], (*ring_path, bad)))
            return
        if len(ring) < 4 or ring[0] != ring[-1]:
            found.append((ring_path, "open-ring", {"count": len(ring)}))
            return


def _inside(point: object) -> bool:
    """A position [lon, lat] (or [lon, lat, altitude]) inside REGION. Every JSON number is read
    as a float (jsonfile), so a bool, a string or a list fails the type test; NaN and infinity
    fail the comparisons. Written for speed: it runs once per vertex."""
    west, south, east, north = REGION
    return (
        type(point) is list
        and 2 <= len(point) <= 3
        and all(type(number) is float for number in point)
        and west <= point[0] <= east
        and south <= point[1] <= north
    )


def _point_problem(point: object, path: Path_) -> Found:
    numbers = type(point) is list and all(type(n) is float and math.isfinite(n) for n in point)
    if not numbers or not 2 <= len(point) <= 3:
        return path, "invalid-position", {"value": json.dumps(point, ensure_ascii=False)}
    west, south, east, north = REGION
    lon, lat = (_number(n) for n in point[:2])
    return path, "outside-region", {"lon": lon, "lat": lat, "region": f"{west}–{east} E, {south}–{north} N"}


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _nonempty_list(value: object, path: Path_, found: list[Found]) -> bool:
    if isinstance(value, list) and value:
        return True
    found.append((path, *_not_a_list(value)))
    return False


def _object(value: object, path: Path_, kind: Path_, found: list[Found]) -> bool:
    if not isinstance(value, dict):
        found.append((path, "json-expected", {"expected": "ett objekt { }", "found": _describe(value)}))
        return False
    if isinstance(value, Members) and value.repeated is not None:
        found.append(((*path, value.repeated), "duplicate-key", {"key": value.repeated, "other_line": "?"}))
        return False
    unknown = [key for key in value if key not in ALLOWED[kind]]
    if unknown:
        allowed = ", ".join(ALLOWED[kind])
        found.append(
            ((*path, unknown[0]), "unknown-field", {"field": unknown[0], "suggestion": "", "allowed": allowed})
        )
        return False
    return True


def _fields(value: dict, path: Path_, found: list[Found], required: tuple[str, ...]) -> bool:
    missing = [field for field in required if field not in value]
    for field in missing:
        found.append((path, "json-missing", {"field": field}))
    return not missing


def _describe(value: object) -> str:
    if value is None:
        return "null"
    return found_as(_number(value) if isinstance(value, float) else value, "ett objekt { }")
