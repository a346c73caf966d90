"""The Content-Security-Policy (overrides/main.html): on every page, strict, and the site still works
under it in Chromium: search, the map with its markers and popups, the finder and its QR code, with
no policy violation and no request leaving 127.0.0.1 except map tiles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from commonmap.map import mapdata
from commonmap.records.validate import read_directory
from tests.support import html
from tests.support.browser import serve
from tests.support.corpus import headers
from tests.support.directories import TODAY, minimal_with
from tests.support.sites import build_site, site_config
from tests.test_map_browser import markers_shown, open_map
from tests.test_site_browser import search
from tests.test_trust_hostile import SHOWN

TILE_HOST = "tile.openstreetmap.org"
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
# Records every violation the browser reports, from the first byte of each page.
VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""


@dataclass
class Head:
    """The CSP meta elements of a page, and the executable inline scripts it has."""

    policies: list[str]
    inline: list[str]

    @classmethod
    def of(cls, page: str) -> Head:
        document = html.parse(page)
        metas = [m for m in document.elements("meta") if m.get("http-equiv").lower() == "content-security-policy"]
        scripts = [
            s
            for s in document.elements("script")
            if (s.get("type") or "text/javascript") in ("text/javascript", "module") and "src" not in s.attrs
        ]
        inline = [text.strip()[:60] for script in scripts for _, text in script.strings() if text.strip()]
        return cls([m.get("content") for m in metas], inline)


def test_every_page_has_the_policy_and_no_inline_script(built_site: Path) -> None:
    """Inline scripts would be blocked by the policy: none may be left (data blocks are fine)."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        head = Head.of(path.read_text(encoding="utf-8"))
        assert head.policies == [POLICY], path
        assert head.inline == [], path


def test_the_tile_server_comes_from_the_plugin_setting(make_directory, tmp_path: Path) -> None:
    config = site_config(tmp_path, make_directory())
    mkdocs_yml = config / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    text = text.replace(
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    )
    mkdocs_yml.write_text(text, encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "karta" / "index.html").read_text(encoding="utf-8")
    head = Head.of(page)
    assert "img-src 'self' data: https://*.tiles.example.org;" in head.policies[0]
    assert "tile.openstreetmap.org" not in head.policies[0]


def guard(page, site_url: str):
    """The tab records CSP violations and every host asked for; tiles are refused (no network)."""
    hosts: list[str] = []

    def route(route_):
        hosts.append(urlsplit(route_.request.url).hostname or "")
        if route_.request.url.startswith(site_url + "/"):
            route_.continue_()
        else:
            route_.abort()

    page.add_init_script(VIOLATIONS)
    page.route("**/*", route)
    page.hosts = hosts
    return page


@pytest.fixture
def guarded(page, site_url: str):
    return guard(page, site_url)


def violations(page) -> list[str]:
    return page.evaluate("window.__csp")


@pytest.mark.browser
def test_search_works_under_the_policy(guarded, site_url: str) -> None:
    titles = search(guarded, site_url, "Kvinnofridslinjen")
    assert any("Kvinnofridslinjen" in title for title in titles), titles
    assert violations(guarded) == []


@pytest.fixture(scope="module")
def hostile_site_url(tmp_path_factory):
    """The minimal directory (it has places on the map) with the accepted hostile records."""
    folder = tmp_path_factory.mktemp("csp")
    root = minimal_with(folder / "directory", {f"{headers(p)['folder']}/{p.name}": p.read_bytes() for p in SHOWN})
    result = build_site(site_config(folder, root), folder / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    url, server = serve(folder / "site")
    yield url, root
    server.shutdown()


@pytest.mark.browser
def test_the_map_and_a_popup_work_under_the_policy(page, hostile_site_url) -> None:
    url, root = hostile_site_url
    guarded = guard(page, url)
    directory, _ = read_directory(root, today=TODAY)
    expected = sum(len(mapdata.points_of(e, directory.entries)) for e in directory.entries.values())
    place = directory.entries["exempelplatsen"].record.location
    open_map(guarded, url)
    assert markers_shown(guarded) == expected > 0
    open_map(guarded, url, f"#{place.lat},{place.lon},18")  # close enough for single pins
    guarded.locator("#cm-map .cm-pin").first.click()
    guarded.wait_for_selector(".leaflet-popup-content .cm-popup")
    guarded.goto(f"{url}/omraden/vivalla/")
    guarded.wait_for_selector(".cm-minimap[data-loaded='true']", timeout=15_000)
    assert violations(guarded) == []
    assert guarded.evaluate("window.__xss") is None
    assert set(guarded.hosts) <= {"127.0.0.1", TILE_HOST}


@pytest.mark.browser
def test_the_finder_and_its_qr_code_work_under_the_policy(guarded, site_url: str) -> None:
    guarded.goto(f"{site_url}/hitta-stod/")
    guarded.wait_for_selector("#cm-results > li h3")  # drawn by finder.js (the plain list has none)
    assert re.search(r"\d", guarded.locator("#cm-status").inner_text())
    guarded.evaluate("window.print = () => { window.__printed = true; }")  # no print dialog in a test
    guarded.locator("#cm-print").click()  # QR codes are drawn for printing
    guarded.wait_for_selector(".cm-qr svg", state="attached")
    assert violations(guarded) == []


@pytest.mark.parametrize(
    "path", ["", "organisationer/kvinnofridslinjen/", "omraden/vivalla/", "bidra/", "bidra/plats/", "oppna-data/"]
)
@pytest.mark.browser
def test_pages_load_without_violations(guarded, site_url: str, path: str) -> None:
    guarded.goto(f"{site_url}/{path}", wait_until="networkidle")
    # The theme's bundle ran (on a busy machine it may still be running when the network is idle).
    guarded.locator("html.js").wait_for(state="attached", timeout=10_000)
    assert guarded.evaluate("typeof __md_get") == "function"  # md-base.js ran before it
    assert violations(guarded) == []
    assert set(guarded.hosts) <= {"127.0.0.1", TILE_HOST}


@pytest.mark.browser
def test_the_policy_blocks_an_injected_handler(guarded, site_url: str) -> None:
    """Were a value ever to reach a page as markup, its handler would not run."""
    guarded.goto(f"{site_url}/organisationer/kvinnofridslinjen/", wait_until="networkidle")
    guarded.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"x\" onerror=\"window.__xss = 1\">')")
    guarded.wait_for_function("() => window.__csp.length > 0")
    assert guarded.evaluate("window.__xss") is None
    assert any(v.startswith("script-src") for v in violations(guarded))
