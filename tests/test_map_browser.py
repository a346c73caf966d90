"""The map as a person sees it, in Debian's Chromium: markers, popups, the choropleth, small maps,
privacy (no host but 127.0.0.1 except tiles) and accessibility. Tiles are refused in every test,
so these also show that markers, areas and popups work when tiles cannot load."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from commonmap.map import mapdata, spatial
from commonmap.records.validate import read_directory
from tests.support.browser import axe_violations, local_tab, only, serve
from tests.support.directories import TODAY
from tests.support.sites import ROOT, fixture_site

pytestmark = pytest.mark.browser  # every test here opens Chromium

TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_PATTERN = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")

# A name that must show literally: HTML, a template literal, a backtick, a backslash escape, and
# Jinja syntax (folium's templates would run it: commonmap/map/folium_page.py keeps data out of them).
HOSTILE = (
    '<img src=x onerror="window.__xss=1"> ${window.__xss=2} `x` \\u0041 {{ 7*7 }} {% raw %} {# c #} '
    "</script><script>window.__xss=3</script>"
)


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
    only(page, url + "/", page.requests)
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return url


def open_map(page, url: str, fragment: str = "") -> None:
    page.goto(f"{url}/karta/{fragment}")
    page.wait_for_selector("#cm-map[data-loaded='true']", timeout=15_000)
    page.wait_for_timeout(300)  # let the cluster icons settle
    wait_still(page)


def wait_still(page) -> None:
    """Until no zoom or cluster animation runs: while one does, the old cluster icons are still
    in the page beside the new ones (a loaded machine counted 59 markers of 32)."""
    page.wait_for_function("() => !document.querySelector('#cm-map.leaflet-zoom-anim, #cm-map .leaflet-cluster-anim')")


def markers_shown(page) -> int:
    """Markers on the map, each cluster counted as the number it shows."""
    wait_still(page)
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
    # Leaflet fades a popup in; axe measures contrast mid-fade on a busy machine (#0078a8 at 83 %).
    page.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")


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
        "() => { const c = CommonMapKarta.map.getCenter(); return [c.lat, c.lng, CommonMapKarta.map.getZoom()]; }"
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
    only(page, site_url)
    open_map(page, site_url)
    assert markers_shown(page) == expected
    assert page.locator("#cm-map path.cm-area").count() == 36
    csv_rows = (built_site / "data" / "tackning.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_rows) == 37
    page.goto(f"{site_url}/omraden/tackning/")
    assert page.locator(".cm-coverage tbody tr").count() == 36


def test_show_my_position_shows_the_nearest_records_around_it(site, page):
    """Only on request, and the view holds the position and the nearest records, named as text."""
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": 59.2800, "longitude": 15.2000, "accuracy": 50})
    open_map(page, site, "#59.2,14.9,14")  # somewhere else, with nothing in view
    assert page.locator("#cm-map .leaflet-control-locate-circle").count() == 0
    page.get_by_role("button", name="Visa min position").click()
    page.wait_for_selector("#cm-map .leaflet-control-locate-circle")
    page.wait_for_function("() => document.getElementById('cm-status').textContent.includes('närmast')")
    status = page.locator("#cm-status").inner_text()
    assert "Varberga språkcafé" in status and "Exempelplatsen" in status and "skickas inte" in status
    inside = page.evaluate(
        """points => { const b = CommonMapKarta.map.getBounds(); return points.map(p => b.contains(p)); }""",
        [[59.28, 15.20], [59.28328, 15.17445], [59.2988, 15.1869], [59.27658, 15.21722]],
    )
    assert inside == [True, True, True, True]  # the position, the café, exempelplatsen, the hostile one
    assert page.dialogs == []  # no alert(), as leaflet.locatecontrol would give on an error


# --- On a phone (390 px) and from the keyboard ---

CITY = [[59.16972, 15.116], [59.35973, 15.29543]]  # spatial.city_districts' bounds (checked below)
MUNICIPALITY = [[58.95619, 14.76064], [59.52373, 15.79821]]


@pytest.fixture
def phone(browser, map_site):
    with local_tab(browser, map_site[0], 390, has_touch=True) as tab:
        yield tab


def test_on_a_phone_the_map_opens_on_the_city_districts(phone, map_site):
    directory, _ = read_directory(map_site[1], today=TODAY)
    areas = spatial.areas_frame(directory.areas)
    assert spatial.bounds(spatial.city_districts(areas)) == CITY and spatial.bounds(areas) == MUNICIPALITY
    open_map(phone, map_site[0])
    view = phone.evaluate(
        """([city, all]) => { const m = CommonMapKarta.map;
             return [m.getZoom(), m.getBoundsZoom(city), m.getBounds().contains(all), m.getBounds().intersects(city)]; }""",
        [CITY, MUNICIPALITY],
    )
    zoom, city_zoom, shows_all, shows_city = view
    assert zoom == city_zoom and shows_city and not shows_all


def test_a_popup_opens_clear_of_the_zoom_buttons(phone, map_site):
    open_map(phone, map_site[0], "#59.27658,15.21722,16")
    # Put the hostile record's marker under the zoom buttons, then open its popup.
    phone.evaluate(
        """name => { const map = CommonMapKarta.map;
             const marker = CommonMapKarta.markers.find(m => m.options.title === name);
             map.panBy(map.latLngToContainerPoint(marker.getLatLng()).subtract([30, 40]), {animate: false});
             marker.fire('click', {latlng: marker.getLatLng()}, true); }""",
        HOSTILE,
    )
    phone.wait_for_selector(".leaflet-popup-content .cm-popup")
    phone.wait_for_timeout(600)  # the map pans the popup into view
    boxes = phone.evaluate(
        """() => ['.leaflet-popup-content-wrapper', '.leaflet-control-zoom', '.leaflet-control-locate',
                  '.leaflet-control-layers'].map(s => { const r = document.querySelector(s).getBoundingClientRect();
                  return [r.left, r.top, r.right, r.bottom]; })"""
    )
    popup, *controls = boxes

    def overlap(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    assert [overlap(popup, control) for control in controls] == [False, False, False]


def tab_stops(tab, limit: int = 150) -> list[dict]:
    """Every element Tab reaches, in order, until focus leaves the page."""
    stops = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(
            """() => { const e = document.activeElement;
                 return {tag: e.tagName.toLowerCase(), inMap: !!e.closest('#cm-map'),
                         name: (e.getAttribute('aria-label') || e.getAttribute('title') ||
                                (e.labels && e.labels.length ? e.labels[0].textContent : e.textContent) || '').trim()}; }"""
        )
        if stop["tag"] == "body":
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("width", [390, 1280])
def test_area_shapes_are_out_of_the_tab_order_and_every_stop_in_the_map_is_named(browser, map_site, width):
    with local_tab(browser, map_site[0], width) as tab:
        open_map(tab, map_site[0])
        stops = [stop for stop in tab_stops(tab) if stop["inMap"]]
    assert stops and not [stop for stop in stops if stop["tag"] == "path"]
    assert [stop for stop in stops if not stop["name"]] == []
    assert "Visa min position" in [stop["name"] for stop in stops]


def test_the_layer_list_is_folded_on_a_phone_and_opens_from_the_keyboard(phone, map_site):
    open_map(phone, map_site[0])
    toggle = phone.get_by_role("button", name="Välj vad kartan visar")
    assert not phone.get_by_label("Mötesplatser (2)").is_visible()
    toggle.focus()
    phone.keyboard.press("Enter")
    places = phone.get_by_label("Mötesplatser (2)")
    places.wait_for(state="visible")
    for _ in range(3):  # Organisationer, then Mötesplatser
        phone.keyboard.press("Tab")
        if places.evaluate("e => e === document.activeElement"):
            break
    phone.keyboard.press("Space")
    phone.wait_for_timeout(300)
    assert not places.is_checked()
    assert markers_shown(phone) == LOCATED - 2


@pytest.mark.parametrize("width", [390, 1280])
def test_the_map_page_has_no_accessibility_violations(browser, map_site, width):
    with local_tab(browser, map_site[0], width) as tab:
        open_map(tab, map_site[0])
        assert axe_violations(tab) == []
