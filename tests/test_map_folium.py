"""The folium maps without a browser: their scripts hold no data and no random names, every asset
they name is one the site serves, and strings handed to folium cannot run as templates."""

from __future__ import annotations

import re
import subprocess
import sys

import folium
import pytest
from folium.plugins import Draw

from commonmap.map import folium_page, karta, mapview
from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from commonmap.site.outputs import Asset, Page
from tests.support.directories import TODAY
from tests.support.sites import ROOT

JINJA_NAME = "Jinja {{ 7*7 }} {% raw %} {# c #} <b>"
FILES = {
    "organisations/jinja.yml": f"""id: jinja
name: '{JINJA_NAME}'
summary: 'Om {JINJA_NAME}'
kind: association
categories: [trygghet]
location: {{lat: 59.27658, lon: 15.21722}}
last_reviewed: 2026-10-01
sources: [testfixtur]
""",
}


@pytest.fixture
def outputs(make_directory):
    directory, problems = read_directory(make_directory(FILES), today=TODAY)
    assert directory is not None, problems
    return {
        o.url if isinstance(o, Page) else o.path: o
        for o in mapview.outputs(directory, Settings())
        if isinstance(o, Page | Asset)
    }


def test_the_map_scripts_hold_no_data_and_no_random_names(outputs):
    for path in [karta.SCRIPT, "bidra/plats/map.js"]:
        script = outputs[path].content
        assert "Jinja" not in script and "49" not in script and "exempelplatsen" not in script.lower(), path
        assert not re.search(r"[0-9a-f]{32}", script), path
        assert "CommonMapKarta." in script and "L.map(" in script
    # The data files carry the name as written (the page puts it into the DOM as text).
    assert JINJA_NAME in outputs["data/karta/poster.json"].content


def test_two_renders_are_identical(make_directory):
    directory, _ = read_directory(make_directory(FILES), today=TODAY)
    first, second = (
        {
            getattr(o, "url", None) or o.path: getattr(o, "content", None) or (o.html, o.head)
            for o in mapview.outputs(directory, Settings())
        }
        for _ in range(2)
    )
    assert first == second


def test_every_asset_the_pages_name_is_served_by_the_site(outputs):
    for page_url, base in [(karta.URL, "../"), ("bidra/plats/", "../../")]:
        head = outputs[page_url].head
        links = re.findall(r'(?:href|src)="([^"]+)"', head)
        assert links and not [link for link in links if "//" in link], links
        for link in links:
            if link == "map.js":
                target = page_url + "map.js"
            else:
                assert link.startswith(base), link
                target = link.removeprefix(base)
            assert target in outputs, (page_url, link)
        assert "jquery" not in head.lower() and "bootstrap" not in head.lower()
    scripts = re.findall(r'<script defer src="([^"]+)"', outputs[karta.URL].head)
    assert scripts[0].endswith("leaflet.js") and scripts[-1] == "map.js"  # Leaflet first, the map last


def test_the_map_page_carries_its_configuration_as_data(outputs):
    html = outputs[karta.URL].html
    assert '<script type="application/json" id="cm-map-config">' in html
    config = re.search(r'id="cm-map-config">(.*?)</script>', html).group(1)
    assert "<" not in config
    assert 'id="map_karta"' in html and "&lt;b&gt;" in html  # the list under the map, escaped


def test_strings_for_folium_that_would_run_as_templates_are_refused():
    assert folium_page.inert("Mötesplatser (3)") == "Mötesplatser (3)"
    for text in ["{{ 7*7 }}", "a {% if %}", "{# x #}"]:
        with pytest.raises(ValueError, match="folium"):
            folium_page.inert(text)
    with pytest.raises(ValueError):
        karta.compose(karta.layer_names({}), [[59.0, 15.0], [59.5, 15.5]], Settings(tiles_attribution="{{ x }}"))


def test_an_element_whose_files_are_not_vendored_is_refused():
    m = folium.Map(tiles=None)
    Draw().add_to(m)  # leaflet.draw from a CDN: not vendored
    with pytest.raises(ValueError, match="vendor"):
        folium_page.render(m, "../", "map.js")


def test_validate_imports_neither_geopandas_nor_folium():
    """`commonmap validate` stays fast: the site build's geography libraries are not loaded."""
    code = (
        "import sys; from commonmap import cli; code = cli.main(['validate', 'tests/fixtures/minimal']); "
        "print(sorted(m for m in ('geopandas', 'pandas', 'folium', 'pyogrio') if m in sys.modules)); sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
