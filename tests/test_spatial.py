"""geopandas' spatial join (spatial.py, the site build) puts every record in the same areas as
validate's shapely lookup (geography.py): in an area, in the nearest across a sliver, or outside."""

from __future__ import annotations

import shapely

from commonmap.map import spatial
from commonmap.records.geography import TOLERANCE
from commonmap.records.validate import read_directory
from tests.support.directories import MINIMAL, TODAY
from tests.support.sites import ROOT
from tests.support.synthetic import generate
from tests.test_coverage import FILES


def same_areas(directory) -> None:
    geography = spatial.Geography.of(directory)
    found: dict[str, list[str]] = {}
    for record, area in zip(*spatial.record_areas(directory, geography), strict=True):
        found.setdefault(record, []).append(area)
    found = {record: tuple(sorted(areas)) for record, areas in found.items()}
    for entry in directory.listed():
        assert found.get(entry.id, ()) == entry.areas, entry.id
    for record, areas in geography.located.items():
        assert areas == directory.entries[record].located_in, record


def test_the_join_agrees_with_validate_on_the_sample_and_the_fixtures(make_directory):
    for root in [ROOT / "directory", MINIMAL, make_directory(FILES)]:
        directory, _ = read_directory(root, today=TODAY)
        same_areas(directory)


def test_the_join_agrees_with_validate_on_a_synthetic_directory(tmp_path):
    directory, _ = read_directory(generate(tmp_path / "directory", 1000), today=TODAY)
    assert len(spatial.Geography.of(directory).points) > 800
    same_areas(directory)


def test_a_point_in_a_sliver_goes_to_the_nearest_area_and_one_farther_out_to_none(make_directory):
    directory, _ = read_directory(make_directory(), today=TODAY)
    areas = spatial.areas_frame(directory.areas)
    vivalla = directory.areas.by_id["vivalla"].geometry
    outline = shapely.union_all(list(areas.geometry))
    # Just outside the municipality's edge (no area there): within the tolerance, then beyond it.
    edge = shapely.Point(outline.exterior.coords[0])
    outward = shapely.Point(edge.x, edge.y + TOLERANCE / 2)
    if outline.contains(outward):
        outward = shapely.Point(edge.x, edge.y - TOLERANCE / 2)
    far = shapely.Point(edge.x, edge.y + (outward.y - edge.y) * 6)
    points = [vivalla.representative_point(), outward, far]
    frame = spatial.gpd.GeoDataFrame(geometry=points, crs=spatial.CRS)
    joined = spatial.join(frame, areas)
    expected = directory.areas.locate([(p.y, p.x) for p in points])
    assert [tuple(joined[joined.point == i].area) or None for i in range(3)] == expected
    assert expected[0] == ("vivalla",) and expected[1] is not None and expected[2] is None


def test_the_city_districts_are_the_town_not_the_countryside(make_directory):
    directory, _ = read_directory(make_directory(), today=TODAY)
    city = set(spatial.city_districts(spatial.areas_frame(directory.areas)).id)
    assert {"orebro-city", "vivalla", "varberga-oxhagen", "adolfsberg", "marieberg-mosas"} <= city
    assert not city & {"glanshammar", "osternarke", "garphyttan-narkes-kil", "latorp-taby-vintrosa"}
