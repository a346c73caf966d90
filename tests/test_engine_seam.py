"""The engine seam (issue 20): `commonmap generate` writes every page and file of the site as
sources, and a plain MkDocs build of them, with the plugin off, publishes the same pages at the
same URLs with the same assets and the same open data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from commonmap import mkdocs_files
from commonmap.site.outputs import Page
from tests.support.sites import ROOT, build_site


def files_under(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    command = [
        sys.executable,
        "-m",
        "commonmap.cli",
        "generate",
        "--out",
        str(out),
        "--config",
        str(ROOT / "mkdocs.yml"),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-5000:]
    return out


@pytest.fixture(scope="module")
def plain_site(generated: Path, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("plain")
    result = build_site(generated, site)
    assert result.returncode == 0, result.stderr[-5000:]
    return site


def test_the_generated_config_builds_without_the_plugin(generated: Path) -> None:
    text = (generated / "mkdocs.yml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.BaseLoader)["plugins"] == []  # no commonmap, no theme search
    assert "docs_dir: docs\n" in text and (generated / "overrides" / "main.html").is_file()
    assert yaml.load(text, Loader=yaml.BaseLoader)["extra"] == {
        "commonmap_tile_origin": "https://tile.openstreetmap.org"
    }
    front = (generated / "docs" / "organisationer" / "index.md").read_text(encoding="utf-8")
    assert front.startswith('---\ntitle: "Organisationer"\n') and "<!-- commonmap:" not in front
    start = (generated / "docs" / "index.md").read_text(encoding="utf-8")
    assert "<!-- commonmap:" not in start and "](karta/index.md)" in start and "](karta.md)" not in start
    # Each generated page at <url>index.md: its relative links mean the same from its source.
    assert (generated / "docs" / "karta" / "index.md").is_file() and not (generated / "docs" / "karta.md").exists()


def test_a_plain_build_of_the_generated_sources_is_the_same_site(built_site: Path, plain_site: Path) -> None:
    normal, plain = files_under(built_site), files_under(plain_site)
    pages = {path for path in normal if path.endswith(".html")}
    assert len(pages) > 100
    assert pages == {path for path in plain if path.endswith(".html")}  # the same pages at the same URLs
    assert set(normal) == set(plain)  # every asset too
    data = [path for path in normal if path.startswith("data/")]
    assert "data/directory.json" in data and "data/sok/index.json" in data
    assert [path for path in data if normal[path].read_bytes() != plain[path].read_bytes()] == []
    for asset in ("assets/map/cm.js", "karta/map.js", "assets/search/search.js"):
        assert normal[asset].read_bytes() == plain[asset].read_bytes(), asset
    csp = "img-src 'self' data: https://tile.openstreetmap.org;"  # the map's tiles load without the plugin too
    assert csp in normal["karta/index.html"].read_text(encoding="utf-8")
    assert csp in plain["karta/index.html"].read_text(encoding="utf-8")


def test_a_page_s_source_is_named_as_the_nav_and_content_link_to_it() -> None:
    assert mkdocs_files.source_of(Page("karta/", "Karta", "")) == "karta.md"
    assert mkdocs_files.source_of(Page("ar/kategorier/", "x", "", section=True)) == "ar/kategorier/index.md"
    assert mkdocs_files.source_of(Page("", "Start", "")) == "index.md"
    assert [mkdocs_files.url_of_source(s) for s in ("index.md", "om.md", "ar/index.md", "omraden/index.md")] == [
        "",
        "om/",
        "ar/",
        "omraden/",
    ]


def test_links_to_moved_pages_follow_them() -> None:
    renamed = {"karta.md": "karta/index.md", "bidra/plats.md": "bidra/plats/index.md"}
    text = '[Karta](karta.md#x) [Bidra](../bidra.md) [Plats](../bidra/plats.md "t") `(karta.md)`'
    assert mkdocs_files.relinked(text, "ar/om.md", {"ar/karta.md": "ar/karta/index.md", **renamed}) == (
        '[Karta](karta/index.md#x) [Bidra](../bidra.md) [Plats](../bidra/plats/index.md "t") `(karta.md)`'
    )


def test_the_config_loses_only_the_commonmap_plugin(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - search\n  - commonmap:\n      directory: d\n  - tags\n"
        "extra:\n  version: 1\nextra_css: [a.css]",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    written = yaml.safe_load(mkdocs_files.write_config(config, out, {"o": "https://t"}).read_text(encoding="utf-8"))
    assert written == {
        "site_name": "x",
        "plugins": ["search", "tags"],
        "extra": {"o": "https://t", "version": 1},
        "extra_css": ["a.css"],
        "docs_dir": "docs",
    }
