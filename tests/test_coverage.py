"""Coverage (areas x categories) against a small directory counted by hand."""

from __future__ import annotations

import csv
import io
import re

import geopandas
import pyogrio
import pytest
import shapely

from commonmap.map import coverage, coverage_layer, mapview, spatial
from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from commonmap.site.outputs import Asset
from tests.support.directories import TODAY

# Added to tests/fixtures/minimal, which has (categories gemenskap and trygghet):
#   exempelforeningen   organisation, no location, no areas          gemenskap, trygghet
#   exempelplatsen      place in Vivalla (59.2988, 15.1869)          gemenskap
#   exempeluppdraget    role at exempelplatsen -> Vivalla            trygghet
#   exempelsamverkan    collaboration at exempelplatsen, ENDED       trygghet
FILES = {
    # In Örebro city by its point, and names Lundby and Örebro city (counted once there).
    "organisations/stadsvandrarna.yml": """id: stadsvandrarna
name: Stadsvandrarna
kind: association
categories: [trygghet]
areas: [lundby, orebro-city]
location: {lat: 59.27658, lon: 15.21722}
last_reviewed: 2026-10-01
sources: [testfixtur]
""",
    "places/varberga-cafe.yml": """id: varberga-cafe
name: Varberga språkcafé
hosts: [exempelforeningen]
categories: [gemenskap, trygghet]
location: {lat: 59.28328, lon: 15.17445}
last_reviewed: 2026-10-01
sources: [testfixtur]
""",
    # No place: only the areas it names.
    "collaborations/nattvandring-glanshammar.yml": """id: nattvandring-glanshammar
name: Nattvandring i Glanshammar och Vivalla
categories: [trygghet]
partners: [{organisation: exempelforeningen}]
status: ongoing
areas: [glanshammar, vivalla]
last_reviewed: 2026-10-01
sources: [testfixtur]
""",
    # At two places: Vivalla and Varberga-Oxhagen.
    "collaborations/sprakvan.yml": """id: sprakvan
name: Språkvän
categories: [gemenskap]
partners: [{organisation: exempelforeningen}]
places: [exempelplatsen, varberga-cafe]
status: planned
last_reviewed: 2026-10-01
sources: [testfixtur]
""",
}

# Counted by hand from the table above ((gemenskap, trygghet), total records in the area).
EXPECTED = {
    "vivalla": ((2, 2), 4),  # gemenskap: exempelplatsen, sprakvan; trygghet: exempeluppdraget, nattvandring
    "varberga-oxhagen": ((2, 1), 2),  # gemenskap: varberga-cafe, sprakvan; trygghet: varberga-cafe
    "orebro-city": ((0, 1), 1),  # stadsvandrarna (point and named: once)
    "lundby": ((0, 1), 1),  # stadsvandrarna (named)
    "glanshammar": ((0, 1), 1),  # nattvandring-glanshammar (named)
}


@pytest.fixture
def directory(make_directory):
    found, problems = read_directory(make_directory(FILES), today=TODAY)
    assert found is not None and not [p for p in problems if p.severity == "error"], problems
    return found


def test_counts_match_the_hand_count(directory):
    result = coverage.coverage(directory)
    assert result.categories == ("gemenskap", "trygghet")
    assert len(result.areas) == 36
    for area in result.areas:
        counts, total = EXPECTED.get(area, ((0, 0), 0))
        assert (result.counts[area], result.totals[area]) == (counts, total), area
    assert result.count("vivalla", "trygghet") == 2


def test_ended_collaborations_and_unplaced_records(directory):
    result = coverage.coverage(directory)
    # 8 records; exempelsamverkan has ended, so 7 count. exempelforeningen has no area.
    assert result.records == 7
    assert result.unplaced == (1, 1)
    assert result.unplaced_records == 1


def test_gaps_are_the_empty_cells(directory):
    result = coverage.coverage(directory)
    assert len(result.gaps()) == 36 * 2 - 7
    assert ("orebro-city", "gemenskap") in result.gaps()
    assert ("vivalla", "gemenskap") not in result.gaps()


def test_csv_has_the_same_numbers(directory):
    result = coverage.coverage(directory)
    rows = list(csv.DictReader(io.StringIO(coverage.to_csv(directory, result))))
    assert len(rows) == 36
    by_id = {row["area_id"]: row for row in rows}
    assert by_id["vivalla"] == {
        "area_id": "vivalla",
        "area_code": "1880R029",
        "area_name": "Vivalla",
        "gemenskap": "2",
        "trygghet": "2",
    }
    assert by_id["adolfsberg"]["gemenskap"] == "0"


def test_coverage_page_marks_empty_cells_and_links_the_csv(directory):
    outputs = mapview.outputs(directory, Settings())
    page = next(o for o in outputs if getattr(o, "url", "") == "omraden/tackning/")
    assert page.html.count('class="cm-count cm-gap"') == 36 * 2 - 7
    assert 'href="../../data/tackning.csv"' in page.html
    assert "Avslutad samverkan räknas inte" in page.html  # the page says what is counted
    vivalla = re.search(r'<tr><th scope="row"><a href="../vivalla/">Vivalla</a></th>(.*?)</tr>', page.html)
    assert re.findall(r">(\d+)<", vivalla.group(1)) == ["2", "2", "4"]
    csv_asset = next(o for o in outputs if getattr(o, "path", "") == "data/tackning.csv")
    assert csv_asset.content == coverage.to_csv(directory, coverage.coverage(directory))


def test_the_gis_layer_opens_with_geopandas_and_holds_the_table(directory, tmp_path):
    """The GeoPackage and the GeoJSON under /data/: one feature per area, the hand-counted numbers."""
    outputs = {o.path: o for o in mapview.outputs(directory, Settings()) if isinstance(o, Asset)}
    (tmp_path / "tackning.gpkg").write_bytes(outputs[coverage_layer.GEOPACKAGE].content)
    (tmp_path / "tackning.geojson").write_bytes(outputs[coverage_layer.GEOJSON].content)
    result = coverage.coverage(directory)
    for name in ["tackning.gpkg", "tackning.geojson"]:
        layer = geopandas.read_file(tmp_path / name)
        assert len(layer) == 36 and layer.crs.to_epsg() == 4326, name
        rows = layer.set_index("area_id")
        for area in result.areas:
            counts, total = EXPECTED.get(area, ((0, 0), 0))
            assert (rows.loc[area, "gemenskap"], rows.loc[area, "trygghet"], rows.loc[area, "total"]) == (
                *counts,
                total,
            )
            assert rows.loc[area, "no_support"] == sum(n == 0 for n in counts)  # nothing serves a whole reach here
        assert rows.loc["vivalla", "area_name"] == "Vivalla" and rows.loc["vivalla", "area_code"] == "1880R029"
        assert rows.loc["vivalla"].geometry.contains(shapely.Point(15.1869, 59.2988))
    assert pyogrio.read_info(tmp_path / "tackning.gpkg")["layer_name"] == "tackning"


def test_the_gis_layer_counts_wide_offers_apart(make_directory, tmp_path):
    helpline = """id: hjalplinjen
name: Hjälplinjen
kind: association
categories: [trygghet]
serves: municipality
last_reviewed: 2026-10-01
sources: [testfixtur]
"""
    directory, _ = read_directory(make_directory({**FILES, "organisations/hjalplinjen.yml": helpline}), today=TODAY)
    layer = coverage_layer.frame(spatial.areas_frame(directory.areas), coverage.coverage(directory))
    rows = layer.set_index("area_id")
    assert (rows.loc["adolfsberg", "trygghet"], rows.loc["adolfsberg", "wide_trygghet"]) == (0, 1)
    assert rows.loc["adolfsberg", "no_support"] == 1  # gemenskap only: trygghet has the helpline
