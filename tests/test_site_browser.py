"""The site as a person sees it, in Debian's Chromium: search, contact links, privacy, accessibility."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.browser import serve

pytestmark = pytest.mark.browser  # every test here opens Chromium

RESIDENT_PAGES = ["", "organisationer/kvinnofridslinjen/", "organisationer/", "omraden/vivalla/", "goda-exempel/"]
TILE_HOSTS = {"tile.openstreetmap.org"}


@pytest.fixture
def fixture_site_url(make_site):
    url, server = serve(make_site())
    yield url
    server.shutdown()


def search(page, url: str, query: str) -> list[str]:
    """Type into the header's search box as a person would and press Enter; the result titles on
    /sok/ once its status says how many were found."""
    page.goto(url + "/")
    page.get_by_role("searchbox", name="Sök på webbplatsen").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=*")
    page.locator("#cm-search-status").filter(has_text=re.compile(r"träff")).wait_for()
    return page.locator("#cm-search-results h3").all_inner_texts()


@pytest.mark.parametrize("query", ["Exempelföreningen", "läxhjälp", "arabiska"])
def test_search_finds_a_record(page, fixture_site_url: str, query: str) -> None:
    titles = search(page, fixture_site_url, query)
    assert any("Exempelföreningen" in title for title in titles), titles


def test_record_page_shows_contact_and_suggest_change(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + "/organisationer/exempelforeningen/")
    assert page.get_by_role("link", name="019-21 10 00").get_attribute("href") == "tel:+4619211000"
    assert page.get_by_role("link", name="info@exempel.se").get_attribute("href") == "mailto:info@exempel.se"
    report = page.get_by_role("link", name="med e-post (inget konto behövs)").get_attribute("href")
    subject, body = (parse_qs(urlsplit(report).query)[key][0] for key in ("subject", "body"))
    assert report.startswith("mailto:") and "Exempelföreningen i Örebro" in subject
    assert "https://gemensam-karta.example.se/organisationer/exempelforeningen/" in body
    form = page.get_by_role("link", name="i ett formulär på GitHub").get_attribute("href")
    assert parse_qs(urlsplit(form).query)["template"] == ["verksamhet.yml"]
    edit = page.get_by_role("link", name="Föreslå ändring")
    assert (
        edit.get_attribute("href")
        == "https://github.com/exempel/karta/edit/main/directory/organisations/exempelforeningen.yml"
    )


def test_no_request_leaves_the_site(page, site_url: str) -> None:
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    for path in RESIDENT_PAGES:
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert hosts - TILE_HOSTS == {"127.0.0.1"}


@pytest.mark.parametrize("path", RESIDENT_PAGES)
def test_no_serious_accessibility_violations(page, site_url: str, path: str) -> None:
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
