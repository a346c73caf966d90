"""Data a resident can rely on: protected addresses, status and closures, "öppet nu" with
closed periods and Swedish public holidays, checked in the validator and in the built site."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from commonmap.records.validate import read_directory
from commonmap.site import wire
from commonmap.site.holidays import easter, swedish_holidays
from tests.support.browser import only, serve
from tests.support.directories import MINIMAL, TODAY, problem_keys, validate
from tests.support.processes import cli
from tests.support.sites import ROOT, fixture_site

PROTECTED = """\
id: skyddat-boende
name: Skyddat boende för kvinnor
hosts: [exempelforeningen]
summary: Tillfälligt boende för den som har utsatts för våld.
categories: [trygghet]
protected: true
areas: [brickebacken]
contact:
  phone: "020-50 50 50"
  phone_label: Via stödlinjen, dygnet runt
last_reviewed: 2026-01-15
sources: [testfixtur]
"""
EXTRA = {
    "places/skyddat-boende.yml": PROTECTED,
    "roles/boendestod.yml": """\
id: boendestod
name: Stödperson på boendet
organisation: exempelforeningen
place: skyddat-boende
categories: [trygghet]
tasks: Finnas där och lyssna.
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
    "places/nedlagda-lokalen.yml": """\
id: nedlagda-lokalen
name: Nedlagda lokalen
hosts: [exempelforeningen]
categories: [gemenskap]
status: closed
status_reason: Föreningen flyttade ut 2025.
address: {street: Gamla vägen 2, city: Örebro}
location: {lat: 59.2833, lon: 15.1745}
opening_hours:
  - days: [mo, tu, we, th, fr, sa, su]
    opens: "00:00"
    closes: "23:59"
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
    "places/renoveras.yml": """\
id: renoveras
name: Caféet som renoveras
hosts: [exempelforeningen]
categories: [gemenskap]
status: temporarily-closed
status_reason: Lokalen renoveras.
reopens: 2027-02-01
location: {lat: 59.2840, lon: 15.1750}
opening_hours:
  - days: [mo, tu, we, th, fr, sa, su]
    opens: "00:00"
    closes: "23:59"
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
    "places/sommarstangt.yml": """\
id: sommarstangt
name: Sommarstängda träffen
hosts: [exempelforeningen]
categories: [gemenskap]
location: {lat: 59.2850, lon: 15.1760}
opening_hours:
  - days: [mo, tu, we, th, fr]
    opens: "09:00"
    closes: "15:00"
closed_periods:
  - start: 2027-06-21
    end: 2027-08-08
    note: Sommaruppehåll
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
    "organisations/jourlinjen.yml": """\
id: jourlinjen
name: Jourlinjen
kind: association
categories: [trygghet]
contact:
  phone: "020-12 34 56"
opening_hours:
  - days: [mo, tu, we, th, fr, sa, su]
    opens: "00:00"
    closes: "00:00"
open_on_public_holidays: true
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
    "organisations/kontorslinjen.yml": """\
id: kontorslinjen
name: Kontorslinjen
kind: association
categories: [trygghet]
contact:
  phone: "019-12 34 56"
opening_hours:
  - days: [mo, tu, we, th, fr]
    opens: "09:00"
    closes: "16:00"
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
    "places/helgoppet.yml": """\
id: helgoppet
name: Helgöppna caféet
hosts: [exempelforeningen]
categories: [gemenskap]
location: {lat: 59.2860, lon: 15.1770}
open_on_public_holidays: true
opening_hours:
  - days: [mo, tu, we, th, fr, sa, su]
    opens: "09:00"
    closes: "15:00"
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
}


# --- The validator -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("added", "line", "code"),
    [
        ("address:\n  street: Hemliga gatan 1\n  city: Örebro\n", 14, "protected-address"),
        ("location:\n  lat: 59.2833\n  lon: 15.1745\n", 14, "protected-location"),
    ],
)
def test_a_protected_record_with_a_street_or_coordinates_is_rejected(make_directory, added, line, code) -> None:
    root = make_directory({"places/skyddat-boende.yml": PROTECTED + added})
    assert problem_keys(validate(root)) == [("skyddat-boende.yml", line, code)]
    result = cli("validate", str(root), cwd=root.parent)
    assert result.returncode == 1
    assert f"directory/places/skyddat-boende.yml:{line}:" in result.stdout
    assert "skyddad adress" in result.stdout


def test_the_fixture_and_the_sample_are_valid() -> None:
    for root in (MINIMAL, ROOT / "directory"):
        directory, problems = read_directory(root, today=TODAY)
        assert [p for p in problems if p.severity == "error"] == []
    sample = read_directory(ROOT / "directory", today=TODAY)[0]
    helpline = sample.entries["kvinnofridslinjen"].record
    assert helpline.protected and helpline.address is None and helpline.location is None


def test_swedish_public_holidays() -> None:
    assert [easter(y) for y in (2024, 2026, 2027)] == [date(2024, 3, 31), date(2026, 4, 5), date(2027, 3, 28)]
    days = swedish_holidays(2026)
    assert days[date(2026, 6, 19)] == "midsommarafton" and days[date(2026, 6, 20)] == "midsommardagen"
    assert days[date(2026, 10, 31)] == "alla helgons dag" and days[date(2026, 5, 14)] == "Kristi himmelsfärds dag"
    assert len(days) == 16 and not any(d.weekday() == 6 and name == "söndag" for d, name in days.items())


# --- The built site --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reliable_site(tmp_path_factory):
    site, _ = fixture_site(tmp_path_factory.mktemp("reliable"), EXTRA)
    url, server = serve(site)
    yield site, url
    server.shutdown()


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_no_address_or_point_of_a_protected_place_anywhere(reliable_site) -> None:
    site, _ = reliable_site
    markers = json.loads(read(site, "data/karta/poster.json"))
    ids = {row["id"] for row in wire.objects(markers)}
    assert "skyddat-boende" not in ids and "boendestod" not in ids  # no point, not even the role's
    finder = json.loads(read(site, "data/finder.json"))
    records = {r["id"]: r for r in finder["records"]}
    for id_ in ("skyddat-boende", "boendestod"):
        assert records[id_]["pr"] is True and "ll" not in records[id_] and "ad" not in records[id_]
    for page in ("motesplatser/skyddat-boende/index.html", "volontaruppdrag/boendestod/index.html"):
        html = read(site, page)
        assert "Skyddad adress" in html or "skyddad adress" in html
        assert "cm-minimap" not in html and '"geo"' not in html and "streetAddress" not in html


def test_a_closed_place_keeps_its_page_but_leaves_lists_map_and_finder(reliable_site) -> None:
    site, _ = reliable_site
    page = read(site, "motesplatser/nedlagda-lokalen/index.html")
    assert "Stängt: verksamheten finns inte längre." in page and "Föreningen flyttade ut 2025." in page
    assert "nedlagda-lokalen" not in read(site, "motesplatser/index.html")
    assert "nedlagda-lokalen" not in read(site, "kategorier/gemenskap/index.html")
    assert "nedlagda-lokalen" not in read(site, "data/karta/poster.json")
    assert "nedlagda-lokalen" not in read(site, "data/finder.json")
    # Links to it do not break, and say that it is closed.
    host = read(site, "organisationer/exempelforeningen/index.html")
    assert "../../motesplatser/nedlagda-lokalen/" in host and "cm-badge-closed" in host


def test_a_temporarily_closed_place_says_so_everywhere(reliable_site) -> None:
    site, _ = reliable_site
    page = read(site, "motesplatser/renoveras/index.html")
    assert "Tillfälligt stängt." in page and "Lokalen renoveras." in page and "1 februari 2027" in page
    assert "cm-badge-paused" in read(site, "motesplatser/index.html")
    assert "renoveras" in read(site, "data/karta/poster.json")
    finder = {r["id"]: r for r in json.loads(read(site, "data/finder.json"))["records"]}
    assert finder["renoveras"]["tc"] is True


# --- In the browser ----------------------------------------------------------------------------


@pytest.fixture
def tab(browser, reliable_site):
    _, url = reliable_site
    context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    page = context.new_page()
    only(page, url)
    yield page
    context.close()


def finder_ids(tab, url: str, query: str = "", clock: str = "2026-11-25T12:00:00") -> set[str]:
    tab.clock.set_fixed_time(datetime.fromisoformat(clock).replace(tzinfo=ZoneInfo("Europe/Stockholm")))
    tab.goto(f"{url}/hitta-stod/{query}")
    tab.wait_for_selector("#cm-finder:not([hidden])")
    return set(tab.locator("#cm-results > li").evaluate_all("items => items.map(i => i.dataset.id)"))


@pytest.mark.browser
def test_a_protected_place_on_its_area_page_in_the_finder_and_as_its_area_on_the_map(tab, reliable_site) -> None:
    _, url = reliable_site
    tab.goto(f"{url}/omraden/brickebacken/")
    link = tab.get_by_role("link", name="Skyddat boende för kvinnor")
    assert link.is_visible()
    assert "Skyddad adress" in tab.locator("li.cm-item", has=link).inner_text()

    # The role at the protected place takes on its area, never a point.
    assert finder_ids(tab, url, "?omrade=brickebacken") == {"skyddat-boende", "boendestod"}
    item = tab.locator("#cm-results > li[data-id='skyddat-boende']")
    assert "Skyddad adress" in item.inner_text() and "Adress:" not in item.inner_text()
    assert item.get_by_role("link", name="020-50 50 50").is_visible()

    tab.goto(f"{url}/karta/")
    tab.wait_for_selector("#cm-map[data-loaded='true']", timeout=15_000)
    tab.select_option("#cm-category", "trygghet")
    fill = tab.evaluate("() => document.querySelector('#cm-map path.cm-area-brickebacken').getAttribute('fill')")
    assert fill != "#ffffff"  # the area is shaded: the protected place serves it
    titles = tab.evaluate("() => [...document.querySelectorAll('#cm-map .cm-pin')].map(p => p.title)")
    assert "Skyddat boende för kvinnor" not in titles and "Stödperson på boendet" not in titles
    assert tab.locator("#cm-list ~ details a[href*='skyddat-boende']").count() == 0

    tab.goto(f"{url}/motesplatser/skyddat-boende/")
    notice = tab.locator(".cm-notice.cm-protected")
    assert "adressen visas inte" in notice.inner_text() and "Brickebacken" in notice.inner_text()


@pytest.mark.browser
def test_a_closed_place_is_absent_from_map_and_finder_and_its_page_says_closed(tab, reliable_site) -> None:
    _, url = reliable_site
    assert "nedlagda-lokalen" not in finder_ids(tab, url)
    assert "nedlagda-lokalen" not in finder_ids(tab, url, "?tid=nu")  # open all day, but closed for good
    tab.goto(f"{url}/karta/")
    tab.wait_for_selector("#cm-map[data-loaded='true']", timeout=15_000)
    assert tab.get_attribute("#cm-map", "data-markers") == "6"  # of 7 places, roles and collaborations with a point
    assert tab.locator("#cm-list ~ details a[href*='nedlagda-lokalen']").count() == 0
    tab.goto(f"{url}/motesplatser/nedlagda-lokalen/")
    assert "Stängt" in tab.locator(".cm-notice.cm-closed").inner_text()


@pytest.mark.parametrize(
    ("clock", "open_now"),
    [
        ("2026-11-25T12:00:00", {"sommarstangt", "helgoppet"}),  # an ordinary Wednesday
        ("2027-07-07T12:00:00", {"helgoppet"}),  # a Wednesday in the summer break
        ("2027-08-09T12:00:00", {"sommarstangt", "helgoppet"}),  # the Monday after it
        ("2026-12-25T12:00:00", {"helgoppet"}),  # juldagen, a Friday: closed unless open on holidays
        ("2027-03-26T12:00:00", {"helgoppet"}),  # långfredagen
        ("2026-06-19T12:00:00", {"helgoppet"}),  # midsommarafton, a Friday
    ],
)
@pytest.mark.browser
def test_open_now_respects_closed_periods_and_public_holidays(tab, reliable_site, clock, open_now) -> None:
    _, url = reliable_site
    shown = finder_ids(tab, url, "?tid=nu&behov=gemenskap&typ=places", clock)
    assert shown == open_now  # never renoveras (temporarily closed) nor nedlagda-lokalen (closed)


@pytest.mark.browser
def test_after_midnight_an_opening_belongs_to_the_day_it_began(tab, reliable_site) -> None:
    """exempelplatsen opens Fridays 21:00–01:00; on juldagen (a Friday) it stays closed past midnight."""
    _, url = reliable_site
    assert "exempelplatsen" in finder_ids(tab, url, "?tid=nu", "2026-11-28T00:30:00")
    assert "exempelplatsen" not in finder_ids(tab, url, "?tid=nu", "2026-12-26T00:30:00")


@pytest.mark.parametrize(
    ("clock", "open_now"),
    [
        ("2026-11-25T12:00:00", {"jourlinjen", "kontorslinjen"}),  # an ordinary Wednesday
        ("2026-11-29T03:00:00", {"jourlinjen"}),  # a Sunday night
        ("2026-12-25T12:00:00", {"jourlinjen"}),  # juldagen: a line closes unless it answers on holidays
        ("2026-12-24T23:59:00", {"jourlinjen"}),  # julafton, a minute before midnight
    ],
)
@pytest.mark.browser
def test_a_line_that_answers_round_the_clock_is_open_at_any_hour(tab, reliable_site, clock, open_now) -> None:
    _, url = reliable_site
    assert finder_ids(tab, url, "?tid=nu&typ=organisations", clock) == open_now


@pytest.mark.browser
def test_a_round_the_clock_line_says_dygnet_runt_in_the_finder_and_on_its_page(tab, reliable_site) -> None:
    site, url = reliable_site
    finder_ids(tab, url, "?tid=nu&typ=organisations")
    facts = {
        id_: tab.locator(f"#cm-results > li[data-id='{id_}'] .cm-open").inner_text()
        for id_ in ("jourlinjen", "kontorslinjen")
    }
    assert facts == {"jourlinjen": "Öppet nu, dygnet runt", "kontorslinjen": "Öppet nu till 16:00"}
    page = read(site, "organisationer/jourlinjen/index.html")
    assert "Måndag–söndag dygnet runt" in page and "00:00–00:00" not in page
    assert "Öppet även på helgdagar." in page
    assert "Stängt på helgdagar" in read(site, "organisationer/kontorslinjen/index.html")
