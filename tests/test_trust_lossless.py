"""Nothing lost: for the sample directory and a synthetic one, every record reaches its page, its
list, its area pages, the map data, the finder data and every export, with its values unchanged."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from commonmap.export import geojson
from commonmap.map import mapdata
from commonmap.records.parts import SourceLink
from commonmap.records.validate import read_directory
from commonmap.site import wire
from commonmap.site.urls import FOLDERS, url_of
from tests.support import html
from tests.support.directories import TODAY
from tests.support.sites import ROOT, build_site, site_config
from tests.support.synthetic import generate


@dataclass
class Page:
    hrefs: set[str]  # of the page's links
    text: str  # all of it, white space collapsed


def parsed(path: Path) -> Page:
    document = html.parse_file(path)
    return Page({a.get("href") for a in document.elements("a") if a.get("href")}, document.text())


def links_to(page: Page, entry, depth: int) -> bool:
    target = "../" * depth + url_of(entry)
    return target in page.hrefs or target.removesuffix("/") + "/index.html" in page.hrefs


@pytest.fixture(scope="module", params=["sample", "synthetic"])
def built(request, tmp_path_factory):
    if request.param == "sample":
        root = ROOT / "directory"
        site = request.getfixturevalue("built_site")
    else:
        folder = tmp_path_factory.mktemp("synthetic")
        root = generate(folder / "directory", 150, seed=7)
        result = build_site(site_config(folder, root), folder / "site")
        assert result.returncode == 0, result.stderr[-3000:]
        site = folder / "site"
    directory, problems = read_directory(root, today=TODAY)
    assert not [p for p in problems if p.severity == "error"]
    return directory, site


def shown(record) -> list[str]:
    """The plain-text values a record page shows as typed."""
    # A source link shows its address and its note (the page links the address, so the two are
    # separate text nodes); a source written as text shows as typed.
    sources = [s if isinstance(s, str) else s.url for s in record.sources]
    sources += [s.note for s in record.sources if isinstance(s, SourceLink) and s.note]
    values = [record.name, record.summary or "", *sources, *record.target_groups]
    if record.contact:
        values += [record.contact.phone or "", record.contact.email or ""]
    address = getattr(record, "address", None)
    if address:
        values += [address.street, address.city, address.postal_code or ""]
    for field in ("time_commitment", "how_to_apply"):
        values.append(getattr(record, field, None) or "")
    for field in ("outcomes", "funding", "lessons", "requirements"):
        values += getattr(record, field, [])
    return [" ".join(v.split()) for v in values if v]


def test_every_record_has_its_page_with_every_value(built) -> None:
    directory, site = built
    for entry in directory.entries.values():
        page = parsed(site / url_of(entry) / "index.html")
        for value in shown(entry.record):
            assert value in page.text, (entry.id, value)


def test_every_record_is_in_its_list_and_its_area_pages(built) -> None:
    directory, site = built
    lists = {type_: parsed(site / folder / "index.html") for type_, folder in FOLDERS.items()}
    areas: dict[str, Page] = {}
    for entry in directory.entries.values():
        assert links_to(lists[entry.type], entry, 1), entry.id
        for area_id in entry.areas:
            if area_id not in areas:
                areas[area_id] = parsed(site / "omraden" / area_id / "index.html")
            assert links_to(areas[area_id], entry, 2), (entry.id, area_id)


def test_every_located_record_is_on_the_map_and_in_the_finder(built) -> None:
    directory, site = built
    table = json.loads((site / "data/karta/poster.json").read_text(encoding="utf-8"))
    rows = wire.objects(table)
    on_map: dict[str, list[dict]] = {}
    for row in rows:
        on_map.setdefault(row["id"], []).append(row)
    chunks = sorted((site / "data/karta/texter").glob("*.json"), key=lambda p: int(p.stem))
    summaries = [s for chunk in chunks for s in json.loads(chunk.read_text(encoding="utf-8"))]
    assert len(summaries) == len(rows)
    data = json.loads((site / "data/finder.json").read_text(encoding="utf-8"))
    finder = {r["id"]: r for r in data["records"]}
    chunks = sorted((site / "data/finder").glob("texter-*.json"), key=lambda p: int(p.stem.split("-")[1]))
    texts = [t for chunk in chunks for t in json.loads(chunk.read_text(encoding="utf-8"))]
    assert len(texts) == len(data["records"])
    categories = [c["id"] for c in wire.objects(data["categories"])]
    types = [t["id"] for t in wire.objects(data["types"])]
    for entry in directory.entries.values():
        record = entry.record
        points = mapdata.points_of(entry, directory.entries)
        assert len(on_map.get(entry.id, [])) == len(points), entry.id
        for row in on_map.get(entry.id, []):
            assert row["name"] == record.name
            assert summaries[rows.index(row)] == (record.summary or "")
        found = finder[entry.id]
        assert found["n"] == record.name and types[found["t"]] == entry.type
        assert [categories[c] for c in found["c"]] == record.categories
        if record.summary:
            assert record.summary in json.dumps(texts[data["records"].index(found)], ensure_ascii=False), entry.id
    assert set(finder) == set(directory.entries)


def test_every_record_is_in_every_export(built) -> None:
    directory, site = built
    native = json.loads((site / "data/directory.json").read_text(encoding="utf-8"))
    for type_ in FOLDERS:
        exported = {e["id"]: e["record"] for e in native[type_]}
        expected = {e.id: e.record.model_dump(mode="json") for e in directory.of_type(type_)}
        assert exported == expected, type_
        rows = list(csv.DictReader(io.StringIO((site / f"data/{FOLDERS[type_]}.csv").read_bytes().decode("utf-8-sig"))))
        assert [r["id"] for r in rows] == [e.id for e in directory.of_type(type_)]
        for row, entry in zip(rows, directory.of_type(type_), strict=True):
            assert row["name"].removeprefix("'") == entry.record.name
    features = json.loads((site / "data/directory.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["id"] for f in features] == [e.id for e in geojson.located(directory)]
    hsds_strings = set()
    for path in (site / "data/hsds").glob("*.json"):
        _strings(json.loads(path.read_text(encoding="utf-8")), hsds_strings)
    for entry in directory.entries.values():
        assert entry.record.name in hsds_strings, entry.id


def _strings(value, found: set[str]) -> None:
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)
