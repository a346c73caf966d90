"""The whole built site checked as a browser would: every internal link, anchor and resource
resolves, and every page is valid HTML per the Nu Html Checker (vnu.jar from the npm package
`vnu-jar`, fetched by `make vnu` into .cache/vnu/; VNU_JAR overrides the path)."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from commonmap.site import wire
from commonmap.site.urls import FOLDERS
from tests.support import html
from tests.support.sites import ROOT

VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / ".cache" / "vnu" / "vnu.jar"))
# The theme's own markup, not ours: mkdocs-material puts autocomplete="off" on its two checkbox
# toggles (drawer, search) so that Firefox does not restore them on back navigation.
THEME_MESSAGES = ("Attribute “autocomplete” is only allowed when the input type is",)


@dataclass
class Links:
    """Every URL a page makes the browser follow or load, and every id on the page."""

    urls: list[str]
    ids: set[str]


def parse(path: Path) -> Links:
    elements = list(html.parse_file(path).elements())
    followed = [e for e in elements if not (e.tag == "link" and e.attrs.get("rel") in ("canonical", "alternate"))]
    ids = {e.get("id") for e in elements if e.get("id")} | {e.get("name") for e in elements if e.tag == "a"}
    return Links([e.get(name) for e in followed for name in ("href", "src") if e.get(name)], ids - {""})


# The site is resolved as if published under a sub-path (a GitHub Pages project site): a link that
# climbs above the site's root works at a domain's root but breaks there.
HOST, ROOT_URL = "http://site/", "http://site/sub/"
# The map reads its fragment as a view, not an element id: #lat,lon or #lat,lon,zoom (karta.js).
MAP_VIEW = re.compile(r"^-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)?$")


def broken_links(site: Path) -> list[tuple[str, str]]:
    broken = []
    cache: dict[Path, Links] = {}
    for page in sorted(site.rglob("*.html")):
        url = ROOT_URL + str(page.relative_to(site))
        for href in cache.setdefault(page, parse(page)).urls:
            target, fragment = urldefrag(urljoin(url, href))
            if not target.startswith(HOST):
                continue
            # 404.html is served at any depth, so MkDocs writes its links from site_url's path.
            if not target.startswith(ROOT_URL) and page.name != "404.html":
                broken.append((str(page.relative_to(site)), href))
                continue
            path = site / unquote(urlsplit(target).path.removeprefix(urlsplit(ROOT_URL).path).lstrip("/"))
            path = path / "index.html" if path.is_dir() else path
            if path == site / "karta" / "index.html" and MAP_VIEW.match(fragment):
                fragment = ""
            if (
                not path.exists()
                or fragment
                and path.suffix == ".html"
                and fragment not in cache.setdefault(path, parse(path)).ids
            ):
                broken.append((str(page.relative_to(site)), href))
    return broken


def test_every_internal_link_anchor_and_resource_resolves(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_every_record_url_in_the_data_resolves(built_site: Path) -> None:
    finder = json.loads((built_site / "data/finder.json").read_text(encoding="utf-8"))
    folders = [t["folder"] for t in wire.objects(finder["types"])]
    urls = [f"{folders[r['t']]}/{r['id']}/" for r in finder["records"]]
    markers = json.loads((built_site / "data/karta/poster.json").read_text(encoding="utf-8"))
    urls += [f"{FOLDERS[markers['types'][row['type']]]}/{row['id']}/" for row in wire.objects(markers)]
    assert urls and [u for u in urls if not (built_site / u / "index.html").exists()] == []


def test_every_page_is_valid_html(built_site: Path) -> None:
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make vnu` (npm pack vnu-jar)"
    result = subprocess.run(
        [
            "java",
            "-Xss4m",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(built_site),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        (m.get("url", "").rsplit(str(built_site), 1)[-1], m.get("lastLine"), m["message"])
        for m in messages
        if m["type"] == "error" and not m["message"].startswith(THEME_MESSAGES)
    ]
    assert errors == []
