"""Where help reaches, sources that tell their age, approximate points and the counts of
`commonmap stats`, on tests/fixtures/minimal plus tests/fixtures/reach, counted by hand.

The fixture (see tests/fixtures/reach/README.md):
  exempelforeningen   organisation, no area, no serves        gemenskap, trygghet   phone, e-mail, web
  exempelplatsen      place in Vivalla, APPROXIMATE point       gemenskap             address, fr-sa 21-01
  exempeluppdraget    role at exempelplatsen                    trygghet              no how_to_apply
  exempelsamverkan    collaboration at exempelplatsen, ENDED    trygghet
  vivalla-traffpunkt  place in Vivalla, exact point             gemenskap             address, mo-fr 10-16, source 2015
  fikavard            role at vivalla-traffpunkt                gemenskap             how_to_apply
  kommunlinjen        serves: municipality                      trygghet              phone, source 2026
  lanslinjen          serves: county                            gemenskap             website
  rikslinjen          serves: country                           trygghet              phone, languages
  brickebacksgarden   areas: [brickebacken]                     gemenskap             no contact
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from commonmap.cli import main
from commonmap.contribute.review import stale, stats
from commonmap.map import coverage, mapview
from commonmap.records import freshness
from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from commonmap.search import finder
from commonmap.site import wire
from tests.support.directories import TESTS, TODAY
from tests.support.sites import fixture_site

REACH = TESTS / "fixtures" / "reach"


def reach_files() -> dict[str, str]:
    return {str(p.relative_to(REACH)): p.read_text(encoding="utf-8") for p in REACH.rglob("*.yml")}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture directory and its site, built once. Pages judge the age of sources by the
    build's day, the one clock that conftest pins to TODAY for every process."""
    folder = tmp_path_factory.mktemp("reach")
    site, root = fixture_site(folder, reach_files())
    directory, problems = read_directory(root, today=TODAY)
    assert [p.format() for p in problems if p.severity == "error"] == []
    return directory, site, root


def text_of(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    body = html[html.index("<article") if "<article" in html else html.index("<h1") :]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_vivalla_page_lists_local_help_then_municipality_county_country(built) -> None:
    _, site, _ = built
    text = text_of(site / "omraden" / "vivalla" / "index.html")
    order = [
        "Exempelplatsen",
        "Träffpunkt Vivalla",
        "Gäller hela kommunen",
        "Kommunlinjen",
        "Gäller hela länet",
        "Länslinjen",
        "Gäller hela landet",
        "Rikslinjen",
    ]
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions), list(zip(order, positions, strict=True))
    assert "Brickebacksgården" not in text  # local to another area
    assert "Brickebacksgården" in text_of(site / "omraden" / "brickebacken" / "index.html")
    assert "Dessutom gäller 3 för hela kommunen, länet eller landet" in text_of(site / "omraden" / "index.html")
    html = (site / "omraden" / "vivalla" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'data-serves="municipality".*?Kommunlinjen</a> <span class="cm-badge cm-badge-reach">hela kommunen', html, re.S
    )


def test_record_page_says_its_reach_and_links_its_sources(built) -> None:
    _, site, _ = built
    page = site / "organisationer" / "kommunlinjen" / "index.html"
    assert "Når: hela kommunen" in text_of(page)
    html = page.read_text(encoding="utf-8")
    assert (
        '<a href="https://www.exempel.se/kommunlinjen" rel="noopener">https://www.exempel.se/kommunlinjen</a> (2026)'
        in html
    )
    assert '<a href="https://www.exempel.se/rikslinjen" rel="noopener">' in (
        site / "organisationer" / "rikslinjen" / "index.html"
    ).read_text(encoding="utf-8")


def test_a_record_from_an_old_page_says_so_and_a_recent_one_does_not(built) -> None:
    _, site, _ = built
    old = text_of(site / "motesplatser" / "vivalla-traffpunkt" / "index.html")
    assert "Uppgifterna kommer från en sida från 2015 – kontrollera med verksamheten innan du går dit." in old
    for recent in ("organisationer/kommunlinjen", "organisationer/rikslinjen", "motesplatser/exempelplatsen"):
        assert "Uppgifterna kommer från en sida från" not in text_of(site / recent / "index.html"), recent


def test_source_age_is_counted_in_whole_years_from_the_newest_dated_source(built) -> None:
    directory, _, _ = built
    place = directory.entries["vivalla-traffpunkt"].record
    assert freshness.newest_source_year(place) == 2015
    assert freshness.old_source_year(place, date(2017, 12, 31)) is None  # two years: not yet old
    assert freshness.old_source_year(place, date(2018, 1, 1)) == 2015
    assert freshness.newest_source_year(directory.entries["rikslinjen"].record) is None  # text only: no year
    assert freshness.old_source_year(directory.entries["kommunlinjen"].record, TODAY) is None


def test_stale_lists_old_sources_with_the_reason(built, capsys) -> None:
    directory, _, root = built
    found = {r.id: r for r in stale(directory, 12, TODAY)}
    assert set(found) == {"vivalla-traffpunkt"}  # every record was reviewed 2026-01-15: 10 months
    assert found["vivalla-traffpunkt"].source_year == "2015"
    assert found["vivalla-traffpunkt"].reason == "nyaste källan är en sida från 2015"
    both = {r.id: r.reason for r in stale(directory, 10, TODAY)}
    assert both["vivalla-traffpunkt"] == "inte granskad på 10 månader; nyaste källan är en sida från 2015"
    assert both["kommunlinjen"] == "inte granskad på 10 månader"
    assert main(["stale", str(root), "--months", "24"]) == 0
    out = capsys.readouterr().out
    assert "vivalla-traffpunkt" in out and "(nyaste källan är en sida från 2015)" in out


def test_coverage_counts_local_wide_and_unknown_apart(built) -> None:
    directory, _, _ = built
    result = coverage.coverage(directory)
    assert result.categories == ("gemenskap", "trygghet")
    # Vivalla: gemenskap exempelplatsen, vivalla-traffpunkt, fikavard; trygghet exempeluppdraget
    # (exempelsamverkan has ended). The wide lines are in no area's cell.
    assert result.counts["vivalla"] == (3, 1) and result.totals["vivalla"] == 4
    assert result.counts["brickebacken"] == (1, 0)
    assert result.wide == {"municipality": (0, 1), "county": (1, 0), "country": (0, 1)}
    assert result.wide_records == {"municipality": 1, "county": 1, "country": 1}
    assert (result.unplaced, result.unplaced_records) == ((1, 1), 1)  # exempelforeningen: område okänt
    assert result.gaps() == []  # both categories are covered by a wider offer
    assert len(result.wide_only()) == 36 * 2 - 3


def test_coverage_without_wide_help_keeps_its_gaps(make_directory) -> None:
    files = {k: v for k, v in reach_files().items() if "linjen" not in k}
    directory, _ = read_directory(make_directory(files), today=TODAY)
    result = coverage.coverage(directory)
    assert result.wide_records == {"municipality": 0, "county": 0, "country": 0}
    assert len(result.gaps()) == 36 * 2 - 3 and result.wide_only() == []


def test_coverage_page_marks_no_support_apart_from_unknown_area(built) -> None:
    directory, _, _ = built
    page = next(o for o in mapview.outputs(directory, Settings()) if getattr(o, "url", "") == "omraden/tackning/")
    assert page.html.count('class="cm-count cm-gap"') == 0
    assert page.html.count('class="cm-count cm-wide-only"') == 36 * 2 - 3
    rows = dict(re.findall(r'<tr[^>]*><th scope="row">([^<]+)</th>(.*?)</tr>', page.html))
    assert re.findall(r">(\d+)<", rows["Gäller hela kommunen"]) == ["0", "1", "1"]
    assert re.findall(r">(\d+)<", rows["Gäller hela länet"]) == ["1", "0", "1"]
    assert re.findall(r">(\d+)<", rows["Område okänt"]) == ["1", "1", "1"]


def test_finder_data_marks_reach_and_approximate_points(built) -> None:
    directory, _, _ = built
    data, _ = finder.finder_data(directory)
    by_id = {r["id"]: r for r in data["records"]}
    assert [by_id[i].get("sv") for i in ("kommunlinjen", "lanslinjen", "rikslinjen", "exempelplatsen")] == [
        0,
        1,
        2,
        None,
    ]
    approximate = {id_: [point["approximate"] for point in wire.objects(rows_of(data, by_id[id_]))] for id_ in by_id}
    assert approximate["exempelplatsen"] == [True]
    assert approximate["exempeluppdraget"] == [True]  # at the approximate place
    assert approximate["vivalla-traffpunkt"] == [False]


def rows_of(data: dict, record: dict) -> dict:
    """A finder record's points as a wire table."""
    return {"columns": data["points"], "rows": record.get("ll", [])}


def test_map_data_and_list_mark_approximate_points(built) -> None:
    _, site, _ = built
    table = json.loads((site / "data" / "karta" / "poster.json").read_text(encoding="utf-8"))
    approximate = {row["id"]: row["approximate"] for row in wire.objects(table)}
    assert approximate["exempelplatsen"] == 1 and approximate["vivalla-traffpunkt"] == 0
    karta = (site / "karta" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'motesplatser/exempelplatsen/">Exempelplatsen</a> \(ungefärligt läge\)', karta)
    assert re.search(r'motesplatser/vivalla-traffpunkt/">Träffpunkt Vivalla</a></li>', karta)
    assert "Ihålig, streckad markering: ungefärligt läge" in karta
    css = (site / "assets" / "map" / "map.css").read_text(encoding="utf-8")
    assert ".cm-pin.cm-approx { border: 2px dashed" in css and ".cm-approx.cm-c0 { border-color:" in css


def test_stats_counts_what_a_resident_can_act_on(built, capsys) -> None:
    directory, _, root = built
    found = stats(directory)
    assert asdict(found.actionable) == {
        "records": 10,
        "places_with_address": 2,  # exempelplatsen, vivalla-traffpunkt
        "with_contact": 9,  # all but brickebacksgarden (roles and the collaboration through their places)
        "with_hours": 5,  # the two places, the two roles and the collaboration at them
        "with_languages": 3,  # exempelforeningen, vivalla-traffpunkt, rikslinjen
        "roles": 2,
        "roles_with_sign_up": 1,  # fikavard
        "with_location": 5,  # the two places, the two roles, the collaboration
        "markers": 5,
    }
    assert found.reach["municipality"]["organisations"] == 1
    assert found.reach["unknown"] == {"organisations": 1, "places": 0, "roles": 0, "collaborations": 0}
    assert main(["stats", str(root)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"Mötesplatser med besöksadress +2\n", out)
    assert re.search(r"Markeringar på kartan +5\n", out)
    assert re.search(r"Område okänt +1 +0 +0 +0 +1\n", out)
    assert main(["stats", str(root), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["actionable"]["roles_with_sign_up"] == 1
