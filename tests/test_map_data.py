"""The map's data (GeoJSON and the compact marker table) and the generated scripts, without a browser."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from commonmap.map import mapdata, mapview, spatial
from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from commonmap.site.outputs import Asset, Page
from commonmap.site.urls import url_of
from tests.conftest import ROOT, TODAY
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


def test_every_record_with_a_location_has_a_marker_where_it_is(directory):
    features = by_id(mapdata.record_features(directory))
    # Own location (organisations, places); roles and collaborations at their meeting places.
    assert features["exempelplatsen"][0]["geometry"] == {"type": "Point", "coordinates": [15.1869, 59.2988]}
    assert features["exempeluppdraget"][0]["geometry"] == features["exempelplatsen"][0]["geometry"]
    assert [f["geometry"]["coordinates"] for f in features["sprakvan"]] == [[15.1869, 59.2988], [15.17445, 59.28328]]
    # No location and no place: no marker (exempelforeningen; nattvandring only names areas).
    assert "exempelforeningen" not in features and "nattvandring-glanshammar" not in features
    assert {e.id for e in mapdata.located_records(directory)} == set(features)
    assert features["exempelplatsen"][0]["properties"] == {
        "id": "exempelplatsen",
        "type": "places",
        "name": "Exempelplatsen",
        "summary": "",
        "categories": ["gemenskap"],
        "approximate": True,
    }


def test_data_keeps_text_as_written(directory):
    """The data is not escaped: the page puts it into the DOM as text."""
    hostile = by_id(mapdata.record_features(directory))["hostile"][0]["properties"]
    assert hostile["name"] == HOSTILE
    assert hostile["summary"] == f"Om {HOSTILE}"
    table = json.loads(
        mapdata.to_json(mapdata.marker_table(mapdata.record_features(directory), list(directory.categories)))
    )
    assert [row[4] for row in table["rows"] if row[2] == "hostile"] == [HOSTILE]


def test_marker_table_rows_follow_the_features(directory):
    features = mapdata.record_features(directory)
    table = mapdata.marker_table(features, list(directory.categories))
    assert len(table["rows"]) == len(features["features"]) == 8
    for row, feature in zip(table["rows"], features["features"], strict=True):
        values = dict(zip(table["fields"], row, strict=True))
        p = feature["properties"]
        assert [values["lon"], values["lat"]] == feature["geometry"]["coordinates"]
        assert (values["id"], table["types"][values["type"]], values["name"]) == (p["id"], p["type"], p["name"])
        assert [table["categories"][i] for i in values["categories"]] == p["categories"]
        assert values["approximate"] == int(p.get("approximate", False))
    chunks = mapdata.summary_chunks(features)
    assert sum(chunks, []) == [f["properties"]["summary"] for f in features["features"]]


def test_area_files_hold_the_boundary_and_the_records_located_there(directory):
    geography = spatial.Geography.of(directory)
    details = mapdata.area_details(directory, mapdata.record_features(directory), geography.located)
    assert len(details) == 36
    vivalla = by_id(details["vivalla"])
    assert vivalla["vivalla"][0]["properties"]["kind"] == "area"
    assert vivalla["vivalla"][0]["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert set(vivalla) == {"vivalla", "exempelplatsen", "exempeluppdraget", "exempelsamverkan", "sprakvan"}
    assert "summary" not in vivalla["exempelplatsen"][0]["properties"]
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
