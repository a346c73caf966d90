"""The built site: a page per record at its contract URL, links that resolve, values escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from commonmap.records.validate import read_directory
from commonmap.site.urls import FOLDERS
from tests.support import html
from tests.support.directories import TODAY
from tests.support.safety import unsafe_markup
from tests.support.sites import ROOT


def test_a_page_for_every_record_at_its_contract_url(built_site: Path) -> None:
    directory, _ = read_directory(ROOT / "directory", today=TODAY)
    for type_, folder in FOLDERS.items():
        pages = {p.parent.name for p in (built_site / folder).glob("*/index.html")}
        assert pages == {e.id for e in directory.of_type(type_)}, type_
    for area in directory.areas:
        assert (built_site / "omraden" / area.id / "index.html").exists()
    for category in directory.categories:
        assert (built_site / "kategorier" / category / "index.html").exists()
    assert (built_site / "goda-exempel" / "index.html").exists()


# Links, anchors and resources of every page: tests/test_trust_site.py.


def nav_links(path: Path) -> list[tuple[str, str]]:
    """(href, text) of the theme's navigation links in the primary sidebar."""
    sidebars = [div for div in html.parse_file(path).elements("div") if div.get("data-md-type") == "navigation"]
    links = [a for div in sidebars for a in div.elements("a") if "md-nav__link" in a.get("class")]
    return [(a.get("href"), next((t.strip() for _, t in a.strings() if t.strip()), "")) for a in links]


def test_every_page_has_the_same_navigation(built_site: Path) -> None:
    """Pages outside the navigation reuse its rendering per folder (plugin.py); each must still
    point every menu entry at the same page as the start page does."""
    from posixpath import join, normpath

    def menu(url: str) -> list[tuple[str, str]]:
        links = nav_links(built_site / url / "index.html")
        # The current page's table of contents ("#…") is shown in the menu too: left out.
        return [(text, normpath(join("/", url, href))) for href, text in links if "#" not in href]

    start = menu("")
    assert len(start) >= 10
    pages = ["organisationer/kfum-orebro", "organisationer/abf-orebro-lan", "kategorier/arbete", "omraden/vivalla"]
    pages += [f"{folder}/{next((built_site / folder).glob('*/')).name}" for folder in FOLDERS.values()]
    for url in pages:
        assert menu(url) == start, url


def test_relations_both_ways(built_site: Path) -> None:
    example = (built_site / "samverkan/vivalla-renovering-praktikplatser/index.html").read_text(encoding="utf-8")
    assert "../../organisationer/orebrobostader/" in example
    organisation = (built_site / "organisationer/orebrobostader/index.html").read_text(encoding="utf-8")
    assert "../../samverkan/vivalla-renovering-praktikplatser/" in organisation


def test_json_ld_and_sitemap(built_site: Path) -> None:
    page = (built_site / "organisationer/kvinnofridslinjen/index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Organization" and data["name"] == "Kvinnofridslinjen"
    assert data["telephone"] == "020-50 50 50"
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "organisationer/kvinnofridslinjen/" in sitemap


HOSTILE = """\
id: fientlig
name: "</title><script>alert(1)</script> & {{ 7*7 }} ${alert(1)} ` \\\\u"
summary: "&lt;script&gt;alert(2)&lt;/script&gt; <img src=x onerror=alert(3)>"
description: "Text <script>alert(4)</script> [klick](javascript:alert(5)) <a href='javascript:alert(6)'>x</a>"
kind: association
categories: [gemenskap]
contact:
  website: https://exempel.se/?a=1&b=<2>
last_reviewed: 2026-01-15
sources: ["<b>källa</b>"]
"""


def test_hostile_values_are_shown_as_text(make_site) -> None:
    site = make_site({"organisations/fientlig.yml": HOSTILE})
    page = (site / "organisationer/fientlig/index.html").read_text(encoding="utf-8")
    assert unsafe_markup(page) == []
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }}" in page
    assert "&amp;lt;script&amp;gt;alert(2)" in page  # an entity typed in the data stays text
    assert "<b>källa</b>" not in page and "&lt;b&gt;källa&lt;/b&gt;" in page
    # The search holds the name as the text it is (its scripts put it into pages as text nodes).
    docs = [
        doc for chunk in (site / "data/sok").glob("d*.json") for doc in json.loads(chunk.read_text(encoding="utf-8"))
    ]
    assert [doc[0] for doc in docs if doc[1] == "organisationer/fientlig/"] == [yaml.safe_load(HOSTILE)["name"]]
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "</" not in ld and json.loads(ld)["name"].startswith("</title><script>")


def test_search_holds_one_document_per_record_with_its_words(make_site) -> None:
    site = make_site()
    folder = site / "data/sok"
    docs = [doc for chunk in sorted(folder.glob("d*.json")) for doc in json.loads(chunk.read_text(encoding="utf-8"))]
    entries = [d for d in docs if d[1] == "organisationer/exempelforeningen/"]
    assert len(entries) == 1 and entries[0][0] == "Exempelföreningen i Örebro"
    number = docs.index(entries[0])
    terms: dict[str, list] = {}
    for shard in folder.glob("t*.json"):
        terms |= json.loads(shard.read_text(encoding="utf-8"))

    def documents_of(term: str) -> set[int]:
        flat, found, doc = terms.get(term, [[], []])[1], set(), 0
        for i in range(0, len(flat), 3):
            doc += flat[i]
            found.add(doc)
        return found

    # Its name, type, summary, services, category and languages (Swedish, English, own name), stemmed.
    for term in ("exempelförening", "förening", "påhit", "läxhjälp", "gemenskap", "arabisk", "arabic", "norsk"):
        assert number in documents_of(term), term
    # Contact details and the footer are on the page, not in the index.
    for left_out in ("019", "info", "föreslå", "testfixtur"):
        assert number not in documents_of(left_out), left_out
    page = (site / "organisationer/exempelforeningen/index.html").read_text(encoding="utf-8")
    assert "019-21 10 00" in page and "Föreslå ändring" in page and "data-search" not in page
