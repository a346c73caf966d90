"""The pages per language as a resident sees them, in Debian's Chromium: right to left in Arabic,
a language switcher that keeps the page, a finder that understands Arabic category names, no
serious accessibility problem, and phone-sized screenshots to look at (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from commonmap.site import wire
from tests.support.sites import ROOT

pytestmark = pytest.mark.browser  # every test here opens Chromium

SCREENSHOTS = ROOT / ".cache" / "screenshots"


@pytest.fixture
def wide(browser):
    context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.errors = errors
    yield tab
    context.close()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def text_box(page, selector: str) -> dict:
    """Where the text of an element is drawn (not its box, which spans the line either way)."""
    return page.evaluate(
        """(selector) => { const range = document.createRange();
        range.selectNodeContents(document.querySelector(selector));
        const r = range.getBoundingClientRect(); return {x: r.x, right: r.right}; }""",
        selector,
    )


@pytest.mark.parametrize("path", ["/ar/", "/ar/hitta-stod/"])
def test_arabic_pages_are_right_to_left(wide, site_url: str, path: str) -> None:
    wide.goto(site_url + path, wait_until="networkidle")
    assert wide.evaluate("document.documentElement.lang + ' ' + document.documentElement.dir") == "ar rtl"
    assert wide.evaluate("getComputedStyle(document.body).direction") == "rtl"
    content = box(wide, "article.md-content__inner")
    heading = text_box(wide, "article h1")
    assert abs(heading["right"] - (content["x"] + content["width"])) < 40  # starts at the right
    assert heading["x"] > content["x"] + content["width"] / 3
    nav, logo = box(wide, ".md-sidebar--primary"), box(wide, ".md-header .md-logo")
    assert nav["x"] > content["x"] and logo["x"] > 640  # mirrored: navigation and logo on the right
    assert wide.errors == []


def test_the_arabic_finders_first_filter_is_at_the_right_edge(wide, site_url: str) -> None:
    wide.goto(site_url + "/ar/hitta-stod/", wait_until="networkidle")
    wide.locator("#cm-results li").first.wait_for()
    fields = box(wide, ".cm-finder-fields")
    first, second = (wide.locator(".cm-finder-fields > p").nth(i).bounding_box() for i in (0, 1))
    assert abs((first["x"] + first["width"]) - (fields["x"] + fields["width"])) < 2
    assert second["x"] < first["x"]  # the next filter is to its left
    label = text_box(wide, "label[for=cm-q]")
    assert abs(label["right"] - (first["x"] + first["width"])) < 2
    boxes = wide.locator("input[name=typ]")  # in each checkbox label, the box comes first: on the right
    label_box = wide.locator("fieldset label").first.bounding_box()
    assert boxes.first.bounding_box()["x"] > label_box["x"] + label_box["width"] / 2
    # Numbers and addresses read left to right inside the Arabic text; a Swedish address is tagged.
    contacts = wide.locator("#cm-results .cm-result-contact a")
    assert contacts.count() > 3 and set(contacts.evaluate_all("links => links.map(a => a.dir)")) == {"ltr"}
    assert wide.locator("#cm-results bdi[lang=sv]").count() > 0


def category_label(site: Path, category: str) -> str:
    import yaml

    categories = yaml.safe_load((ROOT / "directory" / "categories.yml").read_text(encoding="utf-8"))["categories"]
    return next(c for c in categories if c["id"] == category)["translations"]["ar"]["label"]


def test_an_arabic_query_for_a_category_name_finds_its_records(wide, built_site: Path, site_url: str) -> None:
    finder = json.loads((built_site / "data" / "finder.json").read_text(encoding="utf-8"))
    index = [c["id"] for c in wire.objects(finder["categories"])].index("trygghet")
    expected = {r["id"] for r in finder["records"] if index in r["c"]}
    assert len(expected) > 3
    wide.goto(site_url + "/ar/hitta-stod/", wait_until="networkidle")
    wide.locator("#cm-results li").first.wait_for()
    everything = wide.locator("#cm-results > li").count()
    wide.locator("#cm-q").fill(category_label(built_site, "trygghet"))  # "الأمان والوقاية من الجريمة"
    wide.wait_for_function(f"() => document.querySelectorAll('#cm-results > li').length === {len(expected)}")
    found = set(wide.locator("#cm-results > li").evaluate_all("items => items.map(li => li.dataset.id)"))
    assert found == expected and everything > len(expected)
    assert wide.locator("#cm-status").inner_text() == f"{len(expected)} نتيجة"  # Arabic plural for 11–99


def test_a_record_opens_in_the_arabic_finder(wide, site_url: str) -> None:
    wide.goto(site_url + "/organisationer/kfum-orebro/", wait_until="networkidle")
    wide.locator(".cm-languages a[hreflang=ar]").click()
    wide.wait_for_url("**/ar/hitta-stod/?post=kfum-orebro")
    heading = wide.locator("#cm-record h2")
    heading.wait_for()
    assert heading.inner_text() == "KFUM Örebro" and heading.locator("bdi").get_attribute("lang") == "sv"
    assert wide.locator("#cm-record .cm-kicker").inner_text() == "جهة"
    full = wide.get_by_role("link", name="الصفحة كاملة بالسويدية")
    assert full.get_attribute("hreflang") == "sv"
    full.click()
    wide.wait_for_url("**/organisationer/kfum-orebro/")


@pytest.mark.parametrize(
    "start, language, expected",
    [
        ("/ar/kategorier/arbete/", "sv", "/kategorier/arbete/"),
        ("/kategorier/arbete/", "so", "/so/kategorier/arbete/"),
        ("/omraden/vivalla/", "fa", "/fa/omraden/vivalla/"),
        ("/en/karta/", "ti", "/ti/karta/"),
        ("/om/", "lattlast", "/lattlast/om/"),
        ("/ar/hitta-stod/?behov=trygghet", "en", "/en/hitta-stod/?behov=trygghet"),
    ],
)
def test_the_language_switcher_keeps_the_page(wide, site_url: str, start: str, language: str, expected: str) -> None:
    wide.goto(site_url + start, wait_until="networkidle")
    name = {"sv": "svenska", "so": "Soomaali", "fa": "فارسی", "ti": "ትግርኛ", "lattlast": "lättläst svenska"}
    wide.locator(".cm-languages").get_by_role("link", name=name.get(language, "English"), exact=True).click()
    wide.wait_for_url(site_url + expected)
    if "behov" in expected:
        assert wide.locator("#cm-behov").input_value() == "trygghet"


@pytest.mark.parametrize("path", ["/ar/", "/ar/hitta-stod/", "/lattlast/", "/lattlast/hitta-stod/"])
def test_no_serious_accessibility_violations_in_arabic_and_lattlast(wide, site_url: str, path: str) -> None:
    wide.goto(site_url + path, wait_until="networkidle")
    results = Axe().run(wide)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize("path, name", [("/ar/hitta-stod/", "ar-hitta-stod-390"), ("/so/", "so-start-390")])
def test_phone_screenshots(browser, site_url: str, path: str, name: str) -> None:
    """390 px wide, as on a phone; saved in .cache/screenshots/ to be looked at."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    tab = context.new_page()
    tab.goto(site_url + path, wait_until="networkidle")
    if "hitta-stod" in path:
        tab.locator("#cm-results li").first.wait_for()
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= 390  # nothing wider than the phone
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000
    context.close()


def test_the_arabic_header_search_opens_the_arabic_finder_with_its_words(wide, built_site: Path, site_url: str) -> None:
    finder = json.loads((built_site / "data" / "finder.json").read_text(encoding="utf-8"))
    index = [c["id"] for c in wire.objects(finder["categories"])].index("trygghet")
    expected = {r["id"] for r in finder["records"] if index in r["c"]}
    wide.goto(site_url + "/ar/kategorier/", wait_until="networkidle")
    wide.locator("#cm-header-q").fill(category_label(built_site, "trygghet"))
    wide.locator("#cm-header-q").press("Enter")
    wide.wait_for_url("**/ar/hitta-stod/?q=*")
    wide.wait_for_function(f"() => document.querySelectorAll('#cm-results > li').length === {len(expected)}")
    found = set(wide.locator("#cm-results > li").evaluate_all("items => items.map(li => li.dataset.id)"))
    assert found == expected


def test_a_somali_query_for_a_language_name_in_somali_finds_its_records(wide, built_site: Path, site_url: str) -> None:
    """The finder matches the page's language's names of languages ("Carabi" for Arabic in Somali),
    which the Swedish search index does not hold."""
    finder = json.loads((built_site / "data" / "finder.json").read_text(encoding="utf-8"))
    index = [language["id"] for language in wire.objects(finder["languages"])].index("ar")
    expected = {r["id"] for r in finder["records"] if index in r.get("l", [])}
    assert len(expected) > 1
    wide.goto(site_url + "/so/hitta-stod/", wait_until="networkidle")
    wide.locator("#cm-q").fill("Carabi")
    wide.wait_for_function(f"() => document.querySelectorAll('#cm-results > li').length === {len(expected)}")
    found = set(wide.locator("#cm-results > li").evaluate_all("items => items.map(li => li.dataset.id)"))
    assert found == expected
