"""Every resident, every device, in Debian's Chromium: keyboard-only walkthroughs with a visible,
named focus at each step; axe with no violations at 390 and 1280 px; the finder on a phone; the
quick exit; print and share. Pages from the sample site, walkthroughs on a small fixture site
whose records have places (the sample has none yet)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.browser import serve
from tests.support.directories import MINIMAL
from tests.support.sites import fixture_site
from tests.test_map_browser import FILES as MAP_FILES
from tests.test_map_browser import click_marker, open_map

pytestmark = pytest.mark.browser  # every test here opens Chromium

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIZES = {"390": PHONE, "1280": DESKTOP}
NEUTRAL = "https://www.smhi.se/"
# The fixture site's crisis strip: one line whose record exists, one whose record does not (yet).
HELPLINES = """helplines:
  - topic: Stöd
    name: Exempelföreningen
    phone: "019-21 10 00"
    hours: dygnet runt
    record: exempelforeningen
    sources: [testfixtur]
  - topic: Akut
    name: SOS Alarm
    phone: "112"
    record: sos-alarm-112
    sources: [testfixtur]
"""
# A need whose pages get the quick exit, and a record in it.
CATEGORIES = (
    (MINIMAL / "categories.yml").read_text(encoding="utf-8")
    + """  - id: stod-efter-brott
    label: Stöd efter brott
    label_en: Support after crime
    description: För den som har utsatts för brott.
    icon: lifebuoy
    color: "#d32f2f"
    search_words: [brottsoffer]
    quick_exit: true
"""
)
UTSATT = """id: utsatt
name: Stödlinjen för utsatta
kind: association
summary: En påhittad stödlinje för testerna.
categories: [stod-efter-brott]
contact:
  phone: "019-21 10 01"
last_reviewed: 2026-10-01
sources: [testfixtur]
"""

# What the focused element looks like: its focus ring's best contrast against what is behind it,
# whether it is on the screen, not hidden and not covered by something else (a sticky header, a
# fixed button).
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const rgba = text => { const m = /rgba?\\(([^)]+)\\)/.exec(text || ''); if (!m) return null;
    const p = m[1].split(',').map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  let behind = [255, 255, 255, 1];
  for (let n = e.parentElement; n; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor); if (c && c[3] > 0.5) { behind = c; break; } }
  const lum = c => c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const rings = [];
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) rings.push(rgba(s.outlineColor));
  if (s.boxShadow !== 'none') rings.push(rgba(s.boxShadow));
  const r = e.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 8), 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {
    what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 40),
    ring: Math.max(0, ...rings.filter(Boolean).map(c => ratio(c, behind))),
    on_screen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    shown: e.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
    covered: !(hit && (hit === e || e.contains(hit) || hit.contains(e) || hit.closest('label') === e.closest('label'))),
  };
}"""


@pytest.fixture(scope="module")
def walk_site(tmp_path_factory):
    """The minimal directory with the map test's records (places in Vivalla and elsewhere) and a
    crisis strip."""
    files = {**MAP_FILES, "stodlinjer.yml": HELPLINES, "categories.yml": CATEGORIES, "organisations/utsatt.yml": UTSATT}
    site, _ = fixture_site(tmp_path_factory.mktemp("walksite"), files)
    url, server = serve(site)
    yield url, site
    server.shutdown()


def local_only(page, url: str) -> list[str]:
    """Only the site answers; the neutral site of the quick exit is a stand-in; the rest is refused."""
    asked: list[str] = []

    def route(route_):
        asked.append(route_.request.url)
        if route_.request.url.startswith(url + "/"):
            route_.continue_()
        elif route_.request.url.startswith(NEUTRAL):
            route_.fulfill(content_type="text/html", body="<!doctype html><title>Väder</title><p>Väder</p>")
        else:
            route_.abort()

    page.route("**/*", route)
    return asked


def accessible_name(page) -> str:
    """The focused element's accessible name as Chromium computes it for assistive technology."""
    cdp = page.context.new_cdp_session(page)
    try:
        handle = cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})["result"]["objectId"]
        node = cdp.send("DOM.describeNode", {"objectId": handle})["node"]
        found = cdp.send(
            "Accessibility.getPartialAXTree", {"backendNodeId": node["backendNodeId"], "fetchRelatives": False}
        )
        return next((n["name"]["value"] for n in found["nodes"] if n.get("name", {}).get("value")), "")
    finally:
        cdp.detach()


def tab_to(page, wanted, steps: list[dict], limit: int = 80) -> None:
    """Press Tab until `wanted(name)` holds for the focused element, checking every stop on the way:
    focus shown with a ring of at least 3:1, on the screen, not covered, and named."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_timeout(30)  # the theme's scrolling and transitions
        state = page.evaluate(FOCUS)
        assert state is not None, "focus left the page"
        state["name"] = accessible_name(page)
        steps.append(state)
        assert state["shown"] and state["on_screen"] and not state["covered"], state
        assert state["ring"] >= 3, state
        assert state["name"].strip(), state
        if wanted(state["name"]):
            return
    raise AssertionError(f"not reached in {limit} Tab presses: {[s['name'] for s in steps[-10:]]}")


def skip_to_content(page, steps: list[dict]) -> None:
    tab_to(page, lambda name: name == "Hoppa till innehållet", steps, limit=1)
    page.keyboard.press("Enter")


@pytest.fixture
def sized(browser, request):
    context = browser.new_context(locale="sv-SE", viewport=SIZES[request.param])
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("sized", SIZES, indirect=True)
def test_keyboard_from_the_start_page_through_the_finder_to_a_record(sized, walk_site):
    page, (url, _) = sized, walk_site
    local_only(page, url)
    steps: list[dict] = []
    page.goto(url + "/", wait_until="networkidle")
    skip_to_content(page, steps)
    tab_to(page, lambda name: name == "Hitta stöd", steps, limit=3)  # the first link in the content
    page.keyboard.press("Enter")
    page.wait_for_url(url + "/hitta-stod/")
    page.wait_for_selector("#cm-finder:not([hidden])")
    skip_to_content(page, steps)
    tab_to(page, lambda name: name == "Sökord", steps, limit=2)
    page.keyboard.type("Exempelplatsen")
    # A function, not an expression: polling an expression needs eval, which the CSP refuses, and
    # the finder's free text answers asynchronously (the search engine loads with the first word).
    page.wait_for_function("() => document.getElementById('cm-status').textContent === '1 träff'")
    tab_to(page, lambda name: name == "Exempelplatsen", steps, limit=40)
    page.keyboard.press("Enter")
    page.wait_for_url(url + "/motesplatser/exempelplatsen/")
    assert page.locator("article h1").first.inner_text() == "Exempelplatsen"
    assert len(steps) >= 5


@pytest.mark.parametrize("sized", SIZES, indirect=True)
def test_keyboard_from_the_map_page_through_the_list_to_the_same_record(sized, walk_site):
    page, (url, _) = sized, walk_site
    local_only(page, url)
    steps: list[dict] = []
    open_map(page, url)
    skip_to_content(page, steps)
    tab_to(page, lambda name: name == "Hoppa till listan", steps, limit=3)
    page.keyboard.press("Enter")
    tab_to(page, lambda name: name.startswith("Vivalla"), steps, limit=20)  # the area's <summary>
    page.keyboard.press("Enter")
    tab_to(page, lambda name: name == "Exempelplatsen", steps, limit=10)
    page.keyboard.press("Enter")
    page.wait_for_url(url + "/motesplatser/exempelplatsen/")
    assert page.locator("article h1").first.inner_text() == "Exempelplatsen"


def test_on_a_phone_the_menu_opens_from_the_keyboard_and_its_links_are_out_of_reach_until_then(browser, walk_site):
    context = browser.new_context(locale="sv-SE", viewport=PHONE)
    page = context.new_page()
    url, _ = walk_site
    local_only(page, url)
    page.goto(url + "/", wait_until="networkidle")
    steps: list[dict] = []
    # Closed: from the menu button the next stop is the search button, not a hidden menu link.
    tab_to(page, lambda name: name == "Meny", steps, limit=10)
    menu = page.get_by_role("button", name="Meny")
    assert menu.get_attribute("aria-expanded") == "false"
    tab_to(page, lambda name: name == "Sök", steps, limit=1)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    state = page.evaluate(FOCUS)
    assert state["shown"] and state["on_screen"] and state["ring"] >= 3, state
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert accessible_name(page) == "Meny"
    context.close()


# --- axe: every violation counts, at both sizes ---

AXE_PAGES = [
    "",
    "hitta-stod/",
    "karta/",
    "organisationer/kvinnofridslinjen/",
    "goda-exempel/",
    "omraden/tackning/",
    "tillganglighetsredogorelse/",
]


def violations(page) -> list:
    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [(n["target"], n.get("failureSummary", "")[:200]) for n in v["nodes"]][:3])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("sized", SIZES, indirect=True)
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_nothing(sized, site_url: str, path: str):
    page = sized
    local_only(page, site_url)
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    if path == "hitta-stod/":
        page.wait_for_selector("#cm-results li")
    assert violations(page) == []


@pytest.mark.parametrize("sized", SIZES, indirect=True)
def test_axe_finds_nothing_with_the_search_open(sized, site_url: str):
    """The header's search form (on a phone only its button, which opens /sok/) and the search
    page with its results and highlighted words."""
    page = sized
    local_only(page, site_url)
    page.goto(site_url + "/", wait_until="networkidle")
    if page.viewport_size["width"] < 720:  # on a phone the header has the button, the field is on /sok/
        page.locator(".cm-header-search").get_by_role("button", name="Sök").click()
        page.wait_for_url("**/sok/**")
        page.get_by_role("searchbox", name="Sök på webbplatsen").last.fill("stöd")
        page.keyboard.press("Enter")
    else:
        page.locator("#cm-header-q").fill("stöd")
        page.keyboard.press("Enter")
    page.wait_for_selector("#cm-search-results mark.cm-hit")
    assert violations(page) == []


@pytest.mark.parametrize("sized", SIZES, indirect=True)
def test_axe_finds_nothing_with_a_map_popup_open(sized, walk_site):
    page, (url, _) = sized, walk_site
    local_only(page, url)
    open_map(page, url, "#59.28328,15.17445,16")
    click_marker(page, "Varberga språkcafé")
    assert violations(page) == []


# --- phone first ---


def test_on_a_phone_the_first_finder_result_is_on_the_first_screen(sized_phone, site_url: str):
    page = sized_phone
    local_only(page, site_url)
    page.goto(site_url + "/hitta-stod/", wait_until="networkidle")
    first = page.locator("#cm-results li").first
    first.wait_for()
    top = first.evaluate("e => e.getBoundingClientRect().top + window.scrollY")
    assert top < 844, top
    # The filters are folded away behind one button, which counts the ones chosen.
    toggle = page.get_by_role("button", name="Filtrera")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#cm-behov").is_visible()
    toggle.click()
    assert page.locator("#cm-behov").is_visible()
    page.select_option("#cm-behov", "vald-i-nara-relation")
    page.get_by_label("Gratis").check()
    assert page.locator("#cm-filter-toggle").inner_text() == "Filtrera (2 valda)"


@pytest.fixture
def sized_phone(browser):
    context = browser.new_context(locale="sv-SE", viewport=PHONE)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("path", AXE_PAGES)
def test_on_a_phone_no_page_scrolls_sideways(sized_phone, site_url: str, path: str):
    page = sized_phone
    local_only(page, site_url)
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_ended_and_planned_collaborations_are_labelled_in_lists_and_results(sized_phone, walk_site):
    page, (url, _) = sized_phone, walk_site
    local_only(page, url)
    page.goto(url + "/samverkan/", wait_until="networkidle")
    assert "Avslutad" in page.locator(".cm-item", has_text="Exempelsamverkan").inner_text()
    page.goto(url + "/karta/", wait_until="networkidle")
    assert page.locator("#cm-list ~ details li", has_text="Exempelsamverkan").first.text_content().endswith("Avslutad")
    page.goto(url + "/hitta-stod/?q=exempelsamverkan", wait_until="networkidle")
    result = page.locator(".cm-result", has_text="Exempelsamverkan")
    assert result.locator(".cm-kicker").inner_text().lower() == "samverkan · avslutad · vivalla"  # type, status, where


# --- help now ---


def test_the_crisis_strip_links_a_line_to_its_record_only_when_the_record_exists(page, walk_site):
    url, _ = walk_site
    local_only(page, url)
    page.goto(url + "/omraden/vivalla/")
    strip = page.get_by_role("complementary", name="Akut hjälp")
    assert (
        strip.get_by_role("link", name="Exempelföreningen").get_attribute("href")
        == "../../organisationer/exempelforeningen/"
    )
    assert strip.get_by_role("link", name="019-21 10 00").get_attribute("href") == "tel:+4619211000"
    assert strip.get_by_role("link", name="112").get_attribute("href") == "tel:112"
    assert strip.get_by_role("link", name="SOS Alarm").count() == 0  # its record does not exist yet
    assert "SOS Alarm" in strip.inner_text()


def test_quick_exit_leaves_no_entry_for_the_back_button(page, walk_site):
    url, _ = walk_site
    local_only(page, url)
    for other in ["/organisationer/exempelforeningen/", "/kategorier/trygghet/", "/hitta-stod/"]:
        page.goto(url + other)
        assert page.locator("[data-cm-quick-exit]").count() == 0, other  # not about violence or victims
    page.goto(url + "/")
    page.goto(url + "/organisationer/utsatt/")
    steps: list[dict] = []
    # The second stop, right after the skip link.
    tab_to(page, lambda name: name.startswith("Lämna sidan snabbt"), steps, limit=2)
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
    page.evaluate("history.back()")
    page.wait_for_url(url + "/")  # back to the page before, not to the one that was left
    assert page.url == url + "/"


def test_quick_exit_by_pressing_escape_twice(page, walk_site):
    url, _ = walk_site
    local_only(page, url)
    page.goto(url + "/")
    page.goto(url + "/kategorier/stod-efter-brott/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    page.wait_for_url(url + "/")


# --- print and share ---


def test_the_printed_list_has_each_qr_code_beside_its_own_record_and_says_what_was_chosen(
    browser, walk_site, tmp_path: Path
):
    context = browser.new_context(locale="sv-SE", viewport=DESKTOP)
    page = context.new_page()
    url, _ = walk_site
    local_only(page, url)
    page.clock.set_fixed_time("2026-11-23T10:00:00")
    page.goto(url + "/hitta-stod/?behov=gemenskap", wait_until="networkidle")
    page.wait_for_function("() => typeof qrcode === 'function'", timeout=10_000)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    info = page.locator("#cm-print-info")
    assert info.is_visible()
    assert info.inner_text().startswith("Utskriven 23 november 2026. Valda filter: Behov: Gemenskap och mötesplatser.")
    assert "hitta-stod/?behov=gemenskap" in info.inner_text()
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('#cm-results > li')].map(li => {
             const r = li.getBoundingClientRect(), q = li.querySelector('.cm-qr').getBoundingClientRect(),
                   b = li.querySelector('.cm-result-body').getBoundingClientRect();
             return {li: [r.top, r.bottom, r.left, r.right], qr: [q.top, q.bottom, q.left, q.right], body: [b.top, b.bottom, b.left, b.right],
                     svg: li.querySelectorAll('.cm-qr svg').length};
           })"""
    )
    assert len(boxes) >= 2
    for index, box in enumerate(boxes):
        top, bottom, left, right = box["qr"]
        assert box["svg"] == 1
        assert box["li"][0] <= top and bottom <= box["li"][1], box  # inside its own result
        assert left >= box["body"][3], box  # beside the text, not over it
        if index + 1 < len(boxes):
            assert box["li"][1] <= boxes[index + 1]["li"][0], (box, boxes[index + 1])  # results do not overlap
    pdf = tmp_path / "hitta-stod.pdf"  # for a person to look at: pdftoppm -png hitta-stod.pdf
    page.pdf(path=str(pdf), format="A4", print_background=True)
    # Every page is A4 (595 x 842 points), read from the PDF's own page boxes.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes), boxes
    context.close()


@pytest.mark.parametrize("path", ["hitta-stod/?behov=gemenskap", "motesplatser/exempelplatsen/"])
def test_share_copies_the_link_where_the_browser_cannot_share(browser, walk_site, path: str):
    context = browser.new_context(locale="sv-SE", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    url, _ = walk_site
    local_only(page, url)
    page.goto(f"{url}/{path}", wait_until="networkidle")
    page.get_by_role("button", name="Kopiera länk").click()
    page.get_by_role("status").filter(has_text="Länken är kopierad.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}/{path}"
    context.close()


def test_share_uses_the_web_share_api_where_the_browser_has_it(page, walk_site):
    url, _ = walk_site
    local_only(page, url)
    page.add_init_script("navigator.share = data => { window.__shared = data; return Promise.resolve(); };")
    page.goto(url + "/motesplatser/exempelplatsen/", wait_until="networkidle")
    page.get_by_role("button", name="Dela").click()
    shared = page.evaluate("window.__shared")
    assert shared["url"] == url + "/motesplatser/exempelplatsen/"
    assert "Exempelplatsen" in shared["title"]
