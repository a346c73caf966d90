"""The built site: a page per record at its contract URL, links that resolve, values escaped."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from commonmap.urls import FOLDERS
from commonmap.validate import read_directory
from tests.conftest import ROOT, TODAY
from tests.safety import unsafe_markup


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])
        if values.get("id"):
            self.ids.add(values["id"])


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


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
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in index and "<img" not in index
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "</" not in ld and json.loads(ld)["name"].startswith("</title><script>")


def test_search_index_has_languages_in_swedish(make_site) -> None:
    site = make_site()
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    record = [d for d in index["docs"] if d["location"] == "organisationer/exempelforeningen/"]
    assert record and "arabiska" in record[0]["text"]
