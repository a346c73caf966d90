"""The map's data (the marker table, its summaries, GeoJSON of the areas) and the generated scripts, without a browser."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from commonmap.map import mapdata, mapview, spatial
from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from commonmap.site import wire
from commonmap.site.outputs import Asset, Page
from commonmap.site.urls import url_of
from tests.support.directories import TODAY
from tests.support.sites import ROOT
from tests.test_coverage import FILES as COVERAGE_FILES

HOSTILE = "<img src=x onerror=alert(1)> ${alert(1)} `x` \\u0041 </script> &amp;"
HOSTILE_ORG = f"""id: hostile
name: '{HOSTILE}'
summary: 'Om {HOSTILE}'
kind: association
categories: [trygghet]
location: {{lat: 59.27658, lon: 15.21722, approximate: true}}
last_reviewed: 2026-10-01
sources: [testfixtur]
"""


@pytest.fixture
def directory(make_directory):
    found, problems = read_directory(
        make_directory({**COVERAGE_FILES, "organisations/hostile.yml": HOSTILE_ORG}), today=TODAY
    )
    assert found is not None and not [p for p in problems if p.severity == "error"], problems
    return found


def by_id(collection: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for feature in collection["features"]:
        found.setdefault(feature["properties"]["id"], []).append(feature)
    return found


def marker_data(directory) -> tuple[dict[str, list[dict]], list[str]]:
    """The markers by record id (as the browser reads them, by column) and all their summaries."""
    table, files = mapdata.marker_data(mapdata.markers(directory), list(directory.categories))
    table = json.loads(mapdata.to_json(table))
    assert table["chunks"] == {"path": "texter/{n}.json", "size": mapdata.TEXT_CHUNK}
    assert [f.path for f in files] == [f"data/karta/texter/{n}.json" for n in range(len(files))]
    found: dict[str, list[dict]] = {}
    for row in wire.objects(table):
        row["type"] = table["types"][row["type"]]
        row["categories"] = [table["categories"][i] for i in row["categories"]]
        found.setdefault(row["id"], []).append(row)
    return found, [summary for f in files for summary in json.loads(f.content)]


def test_every_record_with_a_location_has_a_marker_where_it_is(directory):
    markers, summaries = marker_data(directory)
    # Own location (organisations, places); roles and collaborations at their meeting places.
    assert [(m["lon"], m["lat"]) for m in markers["exempelplatsen"]] == [(15.1869, 59.2988)]
    assert [(m["lon"], m["lat"]) for m in markers["exempeluppdraget"]] == [(15.1869, 59.2988)]
    assert [(m["lon"], m["lat"]) for m in markers["sprakvan"]] == [(15.1869, 59.2988), (15.17445, 59.28328)]
    # No location and no place: no marker (exempelforeningen; nattvandring only names areas).
    assert "exempelforeningen" not in markers and "nattvandring-glanshammar" not in markers
    assert {e.id for e in mapdata.located_records(directory)} == set(markers)
    assert markers["exempelplatsen"][0] == {
        "lon": 15.1869,
        "lat": 59.2988,
        "id": "exempelplatsen",
        "type": "places",
        "name": "Exempelplatsen",
        "categories": ["gemenskap"],
        "approximate": 1,
    }
    assert markers["hostile"][0]["approximate"] == 1 and markers["sprakvan"][1]["approximate"] == 0
    assert len(summaries) == sum(len(found) for found in markers.values()) == 8


def test_data_keeps_text_as_written(directory):
    """The data is not escaped: the page puts it into the DOM as text."""
    markers, summaries = marker_data(directory)
    assert [m["name"] for m in markers["hostile"]] == [HOSTILE]
    assert f"Om {HOSTILE}" in summaries


def test_summaries_follow_the_markers(directory):
    found = mapdata.markers(directory)
    _, summaries = marker_data(directory)
    assert summaries == [entry.record.summary or "" for entry, _ in found]
    assert "" in summaries  # a record without a summary keeps its place


def test_area_files_hold_the_boundary_and_the_records_located_there(directory):
    geography = spatial.Geography.of(directory)
    details = mapdata.area_details(directory, mapdata.markers(directory), geography.located)
    assert len(details) == 36
    vivalla = by_id(details["vivalla"])
    assert vivalla["vivalla"][0]["properties"]["kind"] == "area"
    assert vivalla["vivalla"][0]["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert set(vivalla) == {"vivalla", "exempelplatsen", "exempeluppdraget", "exempelsamverkan", "sprakvan"}
    assert vivalla["exempelplatsen"][0] == {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [15.1869, 59.2988]},
        "properties": {
            "id": "exempelplatsen",
            "type": "places",
            "name": "Exempelplatsen",
            "categories": ["gemenskap"],
            "approximate": True,
        },
    }
    assert set(by_id(details["adolfsberg"])) == {"adolfsberg"}


def test_script_json_is_safe_in_a_script_element():
    value = HOSTILE + " \u2028 \u2029 <!-- -->"
    text = mapdata.script_json({"name": value})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"name": value}


def test_loader_script_carries_its_configuration_safely(directory):
    settings = Settings(
        tiles_url="https://tiles.example.se/{z}/{x}/{y}.png", tiles_attribution="<a href='x'>Kartdata</a>"
    )
    source = mapview.loader_script(directory, settings)
    config = re.search(r"var CONFIG = (\{.*?\});\n", source).group(1)
    assert "<" not in config
    assert json.loads(config) == mapview.script_config(directory, settings)
    assert json.loads(config)["tiles"]["url"] == "https://tiles.example.se/{z}/{x}/{y}.png"


def test_the_map_talks_to_no_other_host(directory):
    """Our own scripts and styles name no host; Leaflet's only URLs are links in its attribution."""
    outputs = {
        getattr(o, "url", None) or o.path: o
        for o in mapview.outputs(directory, Settings(tiles_url="https://t.example/{z}/{x}/{y}.png"))
    }
    for path in ["assets/map/karta.js", "assets/map/map.css"]:
        assert not re.search(r"https?://|//[a-z]", re.sub(r"/\*.*?\*/", "", outputs[path].content, flags=re.S)), path
    for path in ["assets/map/leaflet/leaflet.js", "assets/map/markercluster/leaflet.markercluster.js"]:
        hosts = set(re.findall(r"https?://([a-z0-9.-]+)", outputs[path].content))
        assert hosts <= {"leafletjs.com", "www.w3.org"}, hosts
        assert "sourceMappingURL" not in outputs[path].content
    for path in ["assets/map/leaflet/LICENSE", "assets/map/markercluster/MIT-LICENCE.txt"]:
        assert "Permission is hereby granted" in outputs[path].content or "BSD" in outputs[path].content


def test_map_page_lists_every_marker_as_text(directory):
    outputs = mapview.outputs(directory, Settings())
    page = next(o for o in outputs if isinstance(o, Page) and o.url == "karta/")
    for entry in mapdata.located_records(directory):
        assert f'href="../{url_of(entry)}"' in page.html
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.html and "<img src=x" not in page.html
    assert 'rel="preload" href="../data/karta/poster.json"' in page.head
    paths = {o.path for o in outputs if isinstance(o, Asset)}
    assert {
        "data/karta/poster.json",
        "data/karta/omraden.geojson",
        "data/karta/texter/0.json",
        "data/tackning.csv",
    } <= paths
    assert {f"data/omraden/{area.id}.geojson" for area in directory.areas} <= paths


def test_build_map_works_on_its_own(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "build_map.py"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for name in ["karta/index.html", "omraden/tackning/index.html", "data/karta/poster.json", "assets/map/cm.js"]:
        assert (tmp_path / "out" / name).is_file(), name
    page = (tmp_path / "out" / "karta" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../assets/map/cm.js"></script>' in page


def test_build_map_refuses_a_directory_with_errors(tmp_path, make_directory):
    root = make_directory({"organisations/broken.yml": "id: broken\nname: [\n"})
    result = subprocess.run(
        [sys.executable, str(ROOT / "build_map.py"), "--out", str(tmp_path / "out"), "--directory", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "broken.yml" in result.stderr
