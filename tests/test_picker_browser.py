"""The point picker /bidra/plats/ as a volunteer uses it, in Debian's Chromium: a click (or the
map's centre, from the keyboard) gives the `location:` lines and the area, by validate's rule;
an area can be searched; nothing is sent anywhere (tiles are refused, every request recorded)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import shapely

from commonmap.records.geography import TOLERANCE
from commonmap.records.validate import read_directory
from tests.support.browser import axe_violations, local_tab, serve
from tests.support.directories import TODAY
from tests.support.sites import fixture_site

pytestmark = pytest.mark.browser  # every test here opens Chromium

TILE_HOST = "tile.openstreetmap.org"


@pytest.fixture(scope="module")
def picker_site(tmp_path_factory):
    site, directory = fixture_site(tmp_path_factory.mktemp("picker"), {})
    url, server = serve(site)
    yield url, directory
    server.shutdown()


@pytest.fixture
def picker(page, picker_site):
    url, _ = picker_site
    page.requests = []

    def route(route_):
        page.requests.append((route_.request.method, route_.request.url))
        route_.continue_() if route_.request.url.startswith(url + "/") else route_.abort()

    page.route("**/*", route)
    return page


def open_picker(page, url: str, fragment: str = "") -> None:
    page.goto(f"{url}/bidra/plats/{fragment}")
    page.wait_for_selector("#cm-map[data-loaded='true']", timeout=15_000)


def pick_centre(page, lat: float, lon: float, url: str) -> tuple[str, str]:
    open_picker(page, url, f"#{lat},{lon},16")
    page.get_by_role("button", name="Använd kartans mitt").click()
    return page.locator("#cm-location").inner_text(), page.locator("#cm-where").inner_text()


def test_the_centre_gives_the_location_lines_and_the_area(picker, picker_site):
    lines, where = pick_centre(picker, 59.2988, 15.1869, picker_site[0])
    assert lines == "location:\n  lat: 59.29880\n  lon: 15.18690"
    assert where == "Punkten ligger i området Vivalla."
    picker.get_by_label("Jag vet bara ungefär var det ligger").check()
    assert picker.locator("#cm-location").inner_text().endswith("\n  approximate: true")


def test_a_click_on_the_map_picks_that_point(picker, picker_site):
    open_picker(picker, picker_site[0], "#59.2988,15.1869,16")
    box = picker.locator("#cm-map .folium-map").bounding_box()
    picker.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    lat, lon = picker.evaluate("() => { const c = CommonMapKarta.map.getCenter(); return [c.lat, c.lng]; }")
    lines = picker.locator("#cm-location").inner_text().splitlines()
    assert lines[0] == "location:"
    assert float(lines[1].split(": ")[1]) == pytest.approx(lat, abs=2e-5)
    assert float(lines[2].split(": ")[1]) == pytest.approx(lon, abs=2e-5)
    assert picker.locator("#cm-map .cm-picked").count() == 1
    assert "Vivalla" in picker.locator("#cm-where").inner_text()


def test_the_area_follows_validates_rule_at_the_edge(picker, picker_site):
    """Just outside the municipality: within the tolerance the nearest area, beyond it none."""
    directory, _ = read_directory(picker_site[1], today=TODAY)
    outline = shapely.union_all([area.geometry for area in directory.areas])
    x, y = outline.exterior.coords[0]
    step = TOLERANCE / 2 if not outline.contains(shapely.Point(x, y + TOLERANCE / 2)) else -TOLERANCE / 2
    near, far = (round(y + step, 5), round(x, 5)), (round(y + 6 * step, 5), round(x, 5))
    expected = directory.areas.locate([near, far])
    assert expected[0] is not None and expected[1] is None
    name = directory.areas.by_id[expected[0][0]].name
    assert (
        pick_centre(picker, *near, picker_site[0])[1]
        == f"Punkten ligger i en glipa mellan områdena och räknas till {name}."
    )
    assert pick_centre(picker, *far, picker_site[0])[1].startswith("Punkten ligger utanför Örebro kommun.")


def test_searching_an_area_moves_the_map_there(picker, picker_site):
    open_picker(picker, picker_site[0])
    picker.get_by_label("Sök ett område").fill("Varberga-Oxhagen")
    # The map flies there (an animation that takes longer on a busy machine): the centre is
    # asked for until the flight is over, as a person would press the button again.
    expected, seen = "Punkten ligger i området Varberga-Oxhagen.", []
    for _ in range(50):
        picker.get_by_role("button", name="Använd kartans mitt").click()
        seen.append(picker.locator("#cm-where").inner_text())
        if seen[-1] == expected:
            break
        picker.wait_for_timeout(100)
    assert seen[-1] == expected, seen


def test_nothing_is_sent_anywhere(picker, picker_site):
    url = picker_site[0]
    pick_centre(picker, 59.2988, 15.1869, url)
    picker.context.grant_permissions(["clipboard-read", "clipboard-write"])
    picker.get_by_role("button", name="Kopiera raderna").click()
    assert picker.evaluate("navigator.clipboard.readText()") == "location:\n  lat: 59.29880\n  lon: 15.18690"
    assert picker.locator("#cm-where").inner_text().startswith("Raderna är kopierade")
    outside = [u for _, u in picker.requests if urlsplit(u).hostname != "127.0.0.1"]
    assert outside and {urlsplit(u).hostname for u in outside} == {TILE_HOST}
    assert {method for method, _ in picker.requests} == {"GET"}
    data = [urlsplit(u).path for _, u in picker.requests if "/data/" in u]
    assert data == ["/data/karta/omraden.geojson"]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_picker_has_no_accessibility_violations(browser, picker_site, width):
    with local_tab(browser, picker_site[0], width) as tab:
        open_picker(tab, picker_site[0])
        assert axe_violations(tab) == []
