"""Where help reaches, "Öppet nu" and approximate points as a person sees them, in Debian's
Chromium, on tests/fixtures/minimal plus tests/fixtures/reach (the records are listed in
tests/test_reach.py's docstring)."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.browser import only, serve
from tests.support.sites import fixture_site
from tests.test_reach import reach_files

pytestmark = pytest.mark.browser  # every test here opens Chromium

LOCAL_IN_VIVALLA = {"exempelplatsen", "exempeluppdraget", "exempelsamverkan", "fikavard", "vivalla-traffpunkt"}
WIDE_IN_ORDER = ["kommunlinjen", "lanslinjen", "rikslinjen"]  # municipality, county, country
VIVALLA_TRAFFPUNKT = (59.2975, 15.1850)


@pytest.fixture(scope="module")
def reach_url(tmp_path_factory):
    site, _ = fixture_site(tmp_path_factory.mktemp("reach-browser"), reach_files())
    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.fixture
def tab(browser):
    """A Swedish tab in Örebro's time zone, standing at Träffpunkt Vivalla; every host but the
    test server refused (no tiles), so the tests also show that nothing needs a third party."""
    context = browser.new_context(
        locale="sv-SE",
        timezone_id="Europe/Stockholm",
        geolocation={"latitude": VIVALLA_TRAFFPUNKT[0], "longitude": VIVALLA_TRAFFPUNKT[1]},
        permissions=["geolocation"],
    )
    page = context.new_page()
    only(page, "http://127.0.0.1")
    yield page
    context.close()


def finder_ids(tab, url: str, query: str, clock: str = "2026-11-25T12:00:00") -> list[str]:
    """The finder's results in the order shown, at a wall-clock time in Örebro (Playwright's
    clock: the page's Date is that moment)."""
    tab.clock.set_fixed_time(datetime.fromisoformat(clock).replace(tzinfo=ZoneInfo("Europe/Stockholm")))
    tab.goto(f"{url}/hitta-stod/{query}")
    tab.wait_for_selector("#cm-finder:not([hidden])")
    return tab.locator("#cm-results > li").evaluate_all("items => items.map(i => i.dataset.id)")


def test_vivalla_area_page_lists_wide_help_after_the_local_help(tab, reach_url: str) -> None:
    tab.goto(f"{reach_url}/omraden/vivalla/")
    links = tab.locator("article a, .md-content a").evaluate_all(
        "links => links.map(a => a.getAttribute('href')).filter(h => /(organisationer|motesplatser|volontaruppdrag|samverkan)\\//.test(h))"
    )
    ids = [href.rstrip("/").rsplit("/", 1)[-1] for href in links]
    ids = list(dict.fromkeys(ids))
    assert set(ids[: len(LOCAL_IN_VIVALLA)]) == LOCAL_IN_VIVALLA, ids
    assert ids[len(LOCAL_IN_VIVALLA) :] == WIDE_IN_ORDER, ids
    headings = tab.locator(".md-content h2").all_inner_texts()
    assert headings[-3:] == ["Gäller hela kommunen", "Gäller hela länet", "Gäller hela landet"]
    assert tab.locator("[data-serves=municipality] .cm-badge-reach").inner_text() == "hela kommunen"
    violations = Axe().run(tab).response["violations"]
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []


def test_finder_filtered_on_vivalla_lists_wide_help_after_the_local_help(tab, reach_url: str) -> None:
    ids = finder_ids(tab, reach_url, "?omrade=vivalla")
    assert set(ids[: len(LOCAL_IN_VIVALLA)]) == LOCAL_IN_VIVALLA, ids
    assert ids[len(LOCAL_IN_VIVALLA) :] == WIDE_IN_ORDER, ids
    wide = tab.locator("#cm-results > li[data-reach=wide]")
    assert wide.evaluate_all("items => items.map(i => i.dataset.id)") == WIDE_IN_ORDER
    assert wide.locator(".cm-reach").all_inner_texts() == ["Når: hela kommunen", "Når: hela länet", "Når: hela landet"]
    assert "brickebacksgarden" not in ids
    # Another area: its own help first, then the same wide help.
    assert finder_ids(tab, reach_url, "?omrade=brickebacken") == ["brickebacksgarden", *WIDE_IN_ORDER]


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ("2026-11-25T12:00:00", ["vivalla-traffpunkt"]),  # a Wednesday at noon
        ("2026-11-25T16:00:00", []),  # closes at 16:00
        ("2026-11-27T22:00:00", ["exempelplatsen"]),  # Friday evening
        ("2026-11-28T00:30:00", ["exempelplatsen"]),  # Friday's opening, past midnight
        ("2026-12-25T12:00:00", []),  # juldagen, a Friday: closed on public holidays
    ],
)
def test_open_now_at_a_fixed_time(tab, reach_url: str, clock: str, expected: list[str]) -> None:
    assert finder_ids(tab, reach_url, "?tid=nu", clock) == expected
    assert finder_ids(tab, reach_url, "?tid=nu&omrade=vivalla", clock) == expected


def test_distance_to_an_approximate_point_says_ca(tab, reach_url: str) -> None:
    finder_ids(tab, reach_url, "?typ=places")
    tab.locator("#cm-near").click()
    tab.wait_for_selector("#cm-results > li .cm-result-facts li:has-text('km bort')")
    facts = {
        item.get_attribute("data-id"): item.locator(".cm-result-facts").inner_text()
        for item in tab.locator("#cm-results > li").all()
    }
    assert tab.locator("#cm-results > li").first.get_attribute("data-id") == "vivalla-traffpunkt"  # we stand there
    assert "0,0 km bort" in facts["vivalla-traffpunkt"] and "ca " not in facts["vivalla-traffpunkt"]
    assert re.search(r"^ca 0,2 km bort \(ungefärligt läge\)$", facts["exempelplatsen"], re.M), facts["exempelplatsen"]


# A collaboration that meets at both places, the approximate one first: "near me" must count the
# nearest (where we stand), not the first.
TWO_PLACES = {
    "collaborations/tva-platser.yml": """id: tva-platser
name: Samverkan på två platser
categories: [gemenskap]
partners:
  - organisation: exempelforeningen
    part: Ordnar träffarna.
places: [exempelplatsen, vivalla-traffpunkt]
period:
  start: "2024"
status: ongoing
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
}


def test_distance_of_a_collaboration_is_to_its_nearest_place(tab, tmp_path) -> None:
    site, _ = fixture_site(tmp_path, reach_files() | TWO_PLACES)
    url, server = serve(site)
    try:
        finder_ids(tab, url, "?typ=collaborations")
        tab.locator("#cm-near").click()
        item = tab.locator("#cm-results > li[data-id=tva-platser] .cm-result-facts")
        item.locator("li:has-text('km bort')").wait_for()
        assert re.search(r"^0,0 km bort$", item.inner_text(), re.M), item.inner_text()
    finally:
        server.shutdown()


def marker(tab, title: str):
    return tab.evaluate_handle(
        "title => [...document.querySelectorAll('#cm-map .cm-pin')].find(e => e.title === title)", title
    ).as_element()


def still(tab) -> None:
    """Until the map is still: no pan or zoom under way, then two frames drawn after it."""
    tab.evaluate(
        """() => new Promise(done => {
            const map = window.CommonMapKarta.map;
            const frames = () => requestAnimationFrame(() => requestAnimationFrame(done));
            const moving = (map._panAnim && map._panAnim._inProgress) || map._animatingZoom;
            moving ? map.once("moveend", frames) : frames();
        })"""
    )


def test_an_approximate_marker_is_drawn_apart_and_its_popup_says_so(tab, reach_url: str) -> None:
    tab.goto(f"{reach_url}/karta/#59.2980,15.1860,17")
    tab.wait_for_selector("#cm-map[data-loaded='true']", timeout=15_000)
    for other in ("Volontäruppdrag", "Samverkan"):  # at the same points as the places: they would cluster
        tab.locator(".leaflet-control-layers-overlays label", has_text=other).locator("input").uncheck()
    tab.wait_for_timeout(300)
    approximate = marker(tab, "Exempelplatsen (ungefärligt läge)")
    exact = marker(tab, "Träffpunkt Vivalla")
    assert "cm-approx" in approximate.get_attribute("class") and "cm-approx" not in exact.get_attribute("class")
    style = approximate.evaluate("e => [getComputedStyle(e).borderTopStyle, getComputedStyle(e).backgroundColor]")
    assert style == ["dashed", "rgba(255, 255, 255, 0.85)"]  # hollow and dashed
    approximate.click()
    popup = tab.locator(".leaflet-popup-content .cm-popup")
    popup.wait_for()
    assert "ungefärligt läge" in popup.inner_text().lower()
    tab.locator(".leaflet-popup-close-button").click()
    tab.locator(".leaflet-popup").wait_for(state="detached")
    still(tab)  # the popup's pan over: the clusters draw their markers again when it ends
    marker(tab, "Träffpunkt Vivalla").click()
    exact_popup = tab.locator(".leaflet-popup-content .cm-popup", has_text="Träffpunkt Vivalla")
    exact_popup.wait_for()
    assert "ungefärligt läge" not in exact_popup.inner_text().lower()
