"""Hitta stöd in Debian's Chromium: each filter alone and combined, the URL, "öppet nu", print."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe

from commonmap.records.validate import read_directory
from tests.support.browser import serve
from tests.support.directories import TODAY
from tests.support.sites import ROOT, fixture_site

pytestmark = pytest.mark.browser  # every test here opens Chromium

EXTRA = {
    "places/dagcafe.yml": """\
id: dagcafe
name: Dagcaféet
hosts: [exempelforeningen]
summary: Ett café på dagtid.
categories: [gemenskap]
languages: [ar, so]
location: {lat: 59.2833, lon: 15.1745}
opening_hours:
  - days: [mo, tu, we, th, fr]
    opens: "09:00"
    closes: "15:00"
accessibility: {wheelchair: "yes"}
cost: {free: false}
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
    "organisations/sprakforeningen.yml": """\
id: sprakforeningen
name: Språkföreningen
kind: association
summary: Samtal på tigrinja.
categories: [gemenskap]
languages: [ti]
areas: [brickebacken]
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
}
ALL = {"exempelforeningen", "exempelplatsen", "exempeluppdraget", "exempelsamverkan", "dagcafe", "sprakforeningen"}


@pytest.fixture(scope="module")
def finder_url(tmp_path_factory):
    site, _ = fixture_site(tmp_path_factory.mktemp("finder"), EXTRA)
    url, server = serve(site)
    yield url + "/hitta-stod/"
    server.shutdown()


@pytest.fixture
def tab(browser):
    context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    page = context.new_page()
    yield page
    context.close()


def results(page) -> set[str]:
    """The records listed once finder.js has answered (its status then counts "träffar")."""
    page.wait_for_selector("#cm-finder:not([hidden])")
    page.locator("#cm-status").filter(has_text=re.compile("träff")).wait_for()
    return set(page.locator("#cm-results > li").evaluate_all("items => items.map(i => i.dataset.id)"))


def open_at(tab, url: str, query: str = "", clock: str = "2026-11-25T12:00:00") -> set[str]:
    """Open the finder at a wall-clock time in Örebro."""
    tab.clock.set_fixed_time(datetime.fromisoformat(clock).replace(tzinfo=ZoneInfo("Europe/Stockholm")))
    tab.goto(url + query)
    return results(tab)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("?behov=gemenskap", {"exempelforeningen", "exempelplatsen", "dagcafe", "sprakforeningen"}),
        ("?behov=trygghet", {"exempelforeningen", "exempeluppdraget", "exempelsamverkan"}),
        ("?omrade=vivalla", {"exempelplatsen", "exempeluppdraget", "exempelsamverkan"}),
        ("?omrade=brickebacken", {"sprakforeningen"}),
        ("?sprak=ar", {"exempelforeningen", "dagcafe"}),
        ("?typ=places", {"exempelplatsen", "dagcafe"}),
        ("?typ=roles,collaborations", {"exempeluppdraget", "exempelsamverkan"}),
        ("?gratis=1", {"exempelplatsen"}),
        ("?rullstol=1", {"dagcafe"}),
        ("?tid=kvall-helg", {"exempelplatsen"}),
        ("?q=tigrinja", {"sprakforeningen"}),
        ("?q=p%C3%A5hittad", {"exempelforeningen"}),
        ("?behov=gemenskap&sprak=ar", {"exempelforeningen", "dagcafe"}),
        ("?behov=gemenskap&sprak=ar&typ=places", {"dagcafe"}),
        ("?omrade=vivalla&behov=gemenskap&gratis=1", {"exempelplatsen"}),
        ("?sprak=so&rullstol=1&tid=kvall-helg", set()),
    ],
)
def test_filters_alone_and_combined(tab, finder_url: str, query: str, expected: set[str]) -> None:
    assert open_at(tab, finder_url, query) == expected


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        ("2026-11-27T22:30:00", {"exempelplatsen"}),  # Friday evening, night walk 21:00–01:00
        ("2026-11-28T00:30:00", {"exempelplatsen"}),  # after midnight: Friday's opening still runs
        ("2026-11-29T00:30:00", {"exempelplatsen"}),  # Sunday 00:30: Saturday's opening
        ("2026-11-29T02:00:00", set()),  # Sunday 02:00: closed
        ("2026-11-27T20:59:00", set()),  # Friday before opening, the café closed at 15:00
        ("2026-11-23T10:00:00", {"dagcafe"}),  # Monday morning
        ("2026-11-23T15:00:00", set()),  # closes at 15:00 sharp
    ],
)
def test_open_now_for_a_fixed_clock(tab, finder_url: str, clock: str, expected: set[str]) -> None:
    assert open_at(tab, finder_url, "?tid=nu", clock) == expected


def test_filters_round_trip_through_the_url(tab, finder_url: str) -> None:
    open_at(tab, finder_url)
    tab.get_by_label("Behov").select_option("gemenskap")
    tab.get_by_label("Språk", exact=True).select_option("ar")
    tab.get_by_label("Mötesplatser").check()
    tab.get_by_label("Öppet kvällar eller helger").check()
    shown = results(tab)
    query = parse_qs(urlsplit(tab.url).query)
    assert query == {"behov": ["gemenskap"], "sprak": ["ar"], "typ": ["places"], "tid": ["kvall-helg"]}
    assert shown == set()
    tab.get_by_label("Alla tider").check()
    assert results(tab) == {"dagcafe"}
    shared = tab.url
    other = tab.context.new_page()
    other.goto(shared)
    assert results(other) == {"dagcafe"}
    assert other.get_by_label("Behov").input_value() == "gemenskap"
    assert other.get_by_label("Mötesplatser").is_checked()


def test_result_shows_contact_and_next_opening(tab, finder_url: str) -> None:
    open_at(tab, finder_url, "?q=dagcaf%C3%A9et", clock="2026-11-28T10:00:00")  # a Saturday
    item = tab.locator("#cm-results > li").first
    assert "Öppnar måndag 09:00" in item.inner_text()
    assert item.get_by_role("link", name="Dagcaféet").get_attribute("href") == "../motesplatser/dagcafe/"


def test_print_lists_what_the_screen_lists(tab, finder_url: str) -> None:
    on_screen = open_at(tab, finder_url, "?behov=trygghet")
    tab.wait_for_function("() => typeof qrcode === 'function'")  # loaded after the first results, for printing
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    tab.emulate_media(media="print")
    printed = set(tab.locator("#cm-results > li:visible").evaluate_all("items => items.map(i => i.dataset.id)"))
    assert printed == on_screen
    assert tab.locator("#cm-results .cm-qr svg").count() == len(on_screen)
    assert not tab.locator("#cm-finder").is_visible()
    for phone in tab.locator("#cm-results a[href^='tel:']").all():
        assert phone.is_visible()


def test_without_javascript_the_finder_says_so_and_lists_the_records(browser, finder_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(finder_url)
    assert "behöver JavaScript" in page.locator("noscript").first.inner_text() or "behöver JavaScript" in page.content()
    assert page.get_by_role("link", name="Kategorier").count() >= 1
    listed = page.locator("#cm-results > li").evaluate_all("items => items.map(i => i.dataset.id)")
    assert sorted(listed) == sorted(ALL) and page.locator("#cm-status").inner_text() == f"Alla {len(ALL)} poster."
    context.close()


def test_sample_site_filters_match_the_directory(page, site_url: str) -> None:
    """On the real sample: the finder's answers equal what the directory says, computed here."""
    directory, _ = read_directory(ROOT / "directory", today=TODAY)
    entries = directory.entries.values()

    def in_vivalla(e) -> bool:  # its own area, or all of them (serves: municipality, county, country)
        return "vivalla" in e.areas or e.record.serves is not None

    cases = {
        "?behov=trygghet": {e.id for e in entries if "trygghet" in e.record.categories},
        "?omrade=vivalla": {e.id for e in entries if in_vivalla(e)},
        "?behov=trygghet&omrade=vivalla": {
            e.id for e in entries if "trygghet" in e.record.categories and in_vivalla(e)
        },
        "?typ=collaborations&behov=arbete": {
            e.id for e in entries if e.type == "collaborations" and "arbete" in e.record.categories
        },
    }
    for query, expected in cases.items():
        page.goto(f"{site_url}/hitta-stod/{query}")
        shown = results(page)
        while page.locator("#cm-more:visible").count():
            page.locator("#cm-more").click()
            shown = results(page)
        assert expected and shown == expected, query
    # Both kinds are there, so the test sees the local help and the wide help together.
    assert any(e.record.serves for e in entries) and any("vivalla" in e.areas and not e.record.serves for e in entries)


def test_keyboard_alone(tab, finder_url: str) -> None:
    open_at(tab, finder_url)
    for _ in range(60):
        tab.keyboard.press("Tab")
        if tab.evaluate("() => document.activeElement.id") == "cm-behov":
            break
    tab.keyboard.type("trygg")
    assert results(tab) == {"exempelforeningen", "exempeluppdraget", "exempelsamverkan"}
    for _ in range(20):
        tab.keyboard.press("Tab")
        if tab.evaluate("() => document.activeElement.value") == "organisations":
            break
    tab.keyboard.press("Space")
    assert results(tab) == {"exempelforeningen"}
    assert "behov=trygghet" in tab.url and "typ=organisations" in tab.url


@pytest.mark.parametrize("query", ["", "?behov=trygghet&typ=organisations&tid=kvall-helg"])
def test_no_serious_accessibility_violations(tab, finder_url: str, query: str) -> None:
    open_at(tab, finder_url, query)
    violations = Axe().run(tab).response["violations"]
    assert [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")] == []
