"""The map as a person sees it, in Debian's Chromium: markers, popups, the choropleth, small maps,
privacy (no host but 127.0.0.1 except tiles) and accessibility. Tiles are refused in every test,
so these also show that markers, areas and popups work when tiles cannot load."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from commonmap import mapdata
from commonmap.validate import read_directory
from tests.conftest import ROOT, TODAY, fixture_site, serve

TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_PATTERN = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")

# A name that must show literally: HTML, a template literal, a backtick, a backslash escape.
HOSTILE = '<img src=x onerror="window.__xss=1"> ${window.__xss=2} `x` \\u0041 </script><script>window.__xss=3</script>'


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# Added to tests/fixtures/minimal (exempelplatsen in Vivalla; exempeluppdraget and the ended
# exempelsamverkan at exempelplatsen; exempelforeningen without a location).
FILES = {
    "organisations/hostile.yml": f"""id: hostile
name: {quoted(HOSTILE)}
kind: association
summary: {quoted("Om " + HOSTILE)}
categories: [trygghet]
areas: [lundby]
location: {{lat: 59.27658, lon: 15.21722}}
last_reviewed: 2026-10-01
sources: [testfixtur]
""",
    "places/varberga-cafe.yml": """id: varberga-cafe
name: Varberga språkcafé
hosts: [exempelforeningen]
categories: [gemenskap]
location: {lat: 59.28328, lon: 15.17445}
last_reviewed: 2026-10-01
sources: [testfixtur]
""",
}
LOCATED = 5  # hand-counted: exempelplatsen, exempeluppdraget, exempelsamverkan, hostile, varberga-cafe


@pytest.fixture(scope="module")
def map_site(tmp_path_factory):
    site, directory = fixture_site(tmp_path_factory.mktemp("mapsite"), FILES)
    url, server = serve(site)
    yield url, directory
    server.shutdown()


@pytest.fixture
def site(map_site, page):
    """The test site's URL, with every request recorded and every other host refused."""
    url, _ = map_site
    page.requests = []
    page.dialogs = []

    def route(route_):
        page.requests.append(route_.request.url)
        if route_.request.url.startswith(url + "/"):
            route_.continue_()
        else:
            route_.abort()

    page.route("**/*", route)
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return url


def open_map(page, url: str, fragment: str = "") -> None:
    page.goto(f"{url}/karta/{fragment}")
    page.wait_for_selector("#cm-map[data-loaded='true']", timeout=15_000)
    page.wait_for_timeout(300)  # let the cluster icons settle


def markers_shown(page) -> int:
    """Markers on the map, each cluster counted as the number it shows."""
    return page.evaluate(
        """() => {
          let count = document.querySelectorAll('#cm-map .leaflet-marker-icon.cm-pin').length;
          document.querySelectorAll('#cm-map .marker-cluster span').forEach(s => count += parseInt(s.textContent, 10));
          return count;
        }"""
    )


def click_marker(page, name: str) -> None:
    page.evaluate_handle(
        "name => [...document.querySelectorAll('#cm-map .cm-pin')].find(e => e.title === name)", name
    ).as_element().click()
    page.wait_for_selector(".leaflet-popup-content .cm-popup")


def test_markers_summed_over_clusters_equal_the_records_with_a_location(site, page, map_site):
    directory, _ = read_directory(map_site[1], today=TODAY)
    assert len(mapdata.located_records(directory)) == LOCATED
    open_map(page, site)
    assert page.locator("#cm-map .marker-cluster").count() >= 1  # clustered at the municipality's zoom
    assert markers_shown(page) == LOCATED
    assert page.get_attribute("#cm-map", "data-markers") == str(LOCATED)
    # The same records are in the list under the map (the text alternative).
    assert page.locator("#cm-list ~ details li").count() == LOCATED


def test_a_record_type_can_be_switched_off(site, page):
    open_map(page, site)
    page.get_by_label("Mötesplatser (2)").uncheck()
    page.wait_for_timeout(300)
    assert markers_shown(page) == LOCATED - 2
    page.get_by_label("Mötesplatser (2)").check()
    page.wait_for_timeout(300)
    assert markers_shown(page) == LOCATED


def test_a_hostile_name_shows_literally_and_runs_no_script(site, page):
    open_map(page, site, "#59.27658,15.21722,16")
    click_marker(page, HOSTILE)
    popup = page.locator(".leaflet-popup-content")
    assert popup.locator(".cm-popup-name").inner_text() == HOSTILE
    page.wait_for_selector(".cm-popup-summary:not([hidden])")
    assert popup.locator(".cm-popup-summary").inner_text() == "Om " + HOSTILE
    assert popup.locator("img, script").count() == 0
    list_link = page.locator("#cm-list ~ details a[href='../organisationer/hostile/']")
    assert list_link.text_content() == HOSTILE
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []


def test_a_popup_link_opens_the_record_page(site, page):
    open_map(page, site, "#59.27658,15.21722,16")
    click_marker(page, HOSTILE)
    link = page.locator(".leaflet-popup-content a").first
    assert urlsplit(link.evaluate("a => a.href")).path == "/organisationer/hostile/"  # the contract URL
    link.click()
    page.wait_for_url(f"{site}/organisationer/hostile/", wait_until="domcontentloaded")
    assert page.locator("article h1").first.inner_text() == HOSTILE
    assert page.evaluate("window.__xss") is None


def test_the_choropleth_changes_when_another_category_is_chosen(site, page):
    open_map(page, site)

    def fills() -> dict[str, str]:
        return page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('#cm-map path.cm-area')].map(p =>
                 [[...p.classList].find(c => c.startsWith('cm-area-')).slice(8), p.getAttribute('fill')]))"""
        )

    every = fills()
    assert len(every) == 36
    page.select_option("#cm-category", "gemenskap")
    gemenskap = fills()
    page.select_option("#cm-category", "trygghet")
    trygghet = fills()
    assert every != gemenskap != trygghet
    white = "#ffffff"
    # Örebro city has only the hostile organisation (trygghet); Varberga only the café (gemenskap).
    assert gemenskap["orebro-city"] == white and trygghet["orebro-city"] != white
    assert gemenskap["varberga-oxhagen"] != white and trygghet["varberga-oxhagen"] == white
    assert gemenskap["adolfsberg"] == trygghet["adolfsberg"] == white
    assert page.locator("#cm-legend-steps li").count() >= 2


def test_the_map_opens_centred_on_the_place_in_its_address(site, page):
    open_map(page, site, "#59.28328,15.17445,15")
    centre = page.evaluate(
        "() => { const c = CommonMap.bigMap.getCenter(); return [c.lat, c.lng, CommonMap.bigMap.getZoom()]; }"
    )
    assert centre == pytest.approx([59.28328, 15.17445, 15], abs=1e-4)


def test_small_maps_on_record_and_area_pages(site, page):
    page.goto(f"{site}/organisationer/hostile/")
    page.wait_for_selector(".cm-minimap[data-loaded='true']", timeout=15_000)
    assert page.locator(".cm-minimap .cm-pin").get_attribute("title") == HOSTILE
    page.goto(f"{site}/omraden/vivalla/")
    page.wait_for_selector(".cm-minimap[data-loaded='true']", timeout=15_000)
    assert page.locator(".cm-minimap path.cm-area").count() == 1
    assert page.locator(".cm-minimap .cm-pin").count() == 3  # exempelplatsen, the role and the collaboration
    fetched = [urlsplit(u).path for u in page.requests]
    assert "/data/omraden/vivalla.geojson" in fetched
    assert not any(path.startswith("/data/karta/") for path in fetched)  # not the whole directory
    assert page.evaluate("window.__xss") is None


def test_no_request_leaves_127_0_0_1_except_tiles(site, page):
    open_map(page, site, "#59.27658,15.21722,16")
    click_marker(page, HOSTILE)
    page.select_option("#cm-category", "gemenskap")
    for path in ["/organisationer/hostile/", "/omraden/vivalla/", "/omraden/tackning/"]:
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    outside = [u for u in page.requests if urlsplit(u).hostname != "127.0.0.1"]
    assert outside, "the map should have asked for tiles"
    assert [u for u in outside if not TILE_PATTERN.match(u)] == []


def test_pages_without_a_map_load_no_map_scripts(site, page):
    page.goto(f"{site}/omraden/tackning/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "leaflet" in u or "/data/" in u]
    assert page.locator("td.cm-gap").count() > 0


@pytest.mark.parametrize("path", ["/karta/", "/omraden/tackning/"])
def test_map_pages_have_no_serious_accessibility_violations(site, page, path):
    if path == "/karta/":
        open_map(page, site)
    else:
        page.goto(site + path)
    results = Axe().run(page)
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_the_sample_site_map_and_coverage(built_site, site_url, page):
    directory, _ = read_directory(ROOT / "directory")
    expected = sum(len(mapdata.points_of(e, directory.entries)) for e in directory.entries.values())
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort())
    open_map(page, site_url)
    assert markers_shown(page) == expected
    assert page.locator("#cm-map path.cm-area").count() == 36
    csv_rows = (built_site / "data" / "tackning.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_rows) == 37
    page.goto(f"{site_url}/omraden/tackning/")
    assert page.locator(".cm-coverage tbody tr").count() == 36


def test_show_my_position_asks_only_when_clicked(site, page):
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 59.28328, "longitude": 15.17445, "accuracy": 50})
    open_map(page, site)
    assert page.locator("#cm-map path.leaflet-interactive:not(.cm-area)").count() == 0
    page.get_by_role("button", name="Visa min position").click()
    page.wait_for_selector("#cm-map path.leaflet-interactive:not(.cm-area)")
    assert "position" in page.locator("#cm-status").inner_text()
    centre = page.evaluate("() => { const c = CommonMap.bigMap.getCenter(); return [c.lat, c.lng]; }")
    assert centre == pytest.approx([59.28328, 15.17445], abs=1e-3)
