"""The sample directory as a resident in Vivalla meets it, in Debian's Chromium (issue 15): her
area's page and the finder list the help in Vivalla first and then what serves the whole
municipality, county and country; "Öppet nu" at a fixed moment gives the places open then; an
approximate point on the map says so. Expectations are worked out from the sample's records, in
Python, so that they follow the data and the test fails when a page loses or misorders one."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from commonmap.records.model import Organisation, Place
from commonmap.site.holidays import swedish_holidays
from tests.support.browser import local_tab

AREA = "vivalla"
LEVELS = ("municipality", "county", "country")
RECORD_LINK = r"/(organisationer|motesplatser|volontaruppdrag|samverkan)/[^/]+/$"
DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")


@pytest.fixture
def tab(browser, site_url: str):
    """A Swedish tab in Örebro's time zone that may talk to the test site only (no tiles)."""
    with local_tab(browser, site_url, 1280, 720, timezone_id="Europe/Stockholm") as page:
        yield page


def local_and_wide(sample) -> tuple[set[str], dict[str, set[str]]]:
    """The records in or for Vivalla, and those that reach it only by serving a wider region."""
    local = {e.id for e in sample.entries.values() if AREA in e.areas}
    wide = {
        level: {e.id for e in sample.entries.values() if e.record.serves == level and e.id not in local}
        for level in LEVELS
    }
    return local, wide


def record_ids(tab, selector: str) -> list[str]:
    """The records linked inside `selector`, in page order, each once."""
    hrefs = tab.locator(f"{selector} a").evaluate_all(
        "(links, pattern) => links.map(a => a.pathname).filter(p => new RegExp(pattern).test(p))", RECORD_LINK
    )
    return list(dict.fromkeys(h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs))


@pytest.mark.browser
def test_vivalla_page_lists_municipality_wide_help_after_the_local_help(tab, site_url: str, sample) -> None:
    local, wide = local_and_wide(sample)
    assert local and wide["municipality"] and wide["country"]  # the sample has both kinds
    tab.goto(f"{site_url}/omraden/{AREA}/")
    everything = record_ids(tab, ".md-content")
    in_wide = record_ids(tab, ".md-content .cm-wide")
    assert set(everything[: len(local)]) == local
    assert everything[len(local) :] == in_wide
    for level in LEVELS:
        assert set(record_ids(tab, f".md-content .cm-wide[data-serves={level}]")) == wide[level], level
    headings = tab.locator(".md-content .cm-wide h2").all_inner_texts()
    assert headings == ["Gäller hela kommunen", "Gäller hela länet", "Gäller hela landet"]


def finder_ids(tab, url: str, query: str, moment: datetime | None = None) -> list[str]:
    if moment is not None:
        tab.clock.set_fixed_time(moment)
    tab.goto(f"{url}/hitta-stod/{query}")
    tab.wait_for_selector("#cm-finder:not([hidden])")
    return tab.locator("#cm-results > li").evaluate_all("items => items.map(i => i.dataset.id)")


@pytest.mark.browser
def test_finder_on_vivalla_lists_wide_help_after_the_local_help(tab, site_url: str, sample) -> None:
    local, wide = local_and_wide(sample)
    ids = finder_ids(tab, site_url, f"?omrade={AREA}")
    assert set(ids[: len(local)]) == local
    rest = ids[len(local) :]
    levels = [next(level for level in LEVELS if i in wide[level]) for i in rest]
    assert set(rest) == set().union(*wide.values())
    assert levels == sorted(levels, key=LEVELS.index)  # municipality, then county, then country
    badges = tab.locator("#cm-results > li[data-reach=wide] .cm-reach").all_inner_texts()
    assert len(badges) == len(rest) and {b.removeprefix("Når: ") for b in badges} <= {
        "hela kommunen",
        "hela länet",
        "hela landet",
    }


def open_at(place: Place | Organisation, moment: datetime) -> bool:
    """Whether a place (or an organisation's line) is open at a moment in Örebro, from its record:
    its hours (a closing time not after the opening is after midnight, so 00:00–00:00 is the whole
    day), closed periods, public holidays, a temporary closure."""

    def closed(day: date) -> bool:
        holiday = day in swedish_holidays(day.year) and not place.open_on_public_holidays
        periods = any(str(p.start) <= day.isoformat() <= str(p.end) for p in getattr(place, "closed_periods", []))
        return place.temporarily_closed or holiday or periods

    now, today = moment.time(), moment.date()
    yesterday = today - timedelta(days=1)
    for hours in place.opening_hours:
        opens, closes = time.fromisoformat(hours.opens), time.fromisoformat(hours.closes)
        if opens < closes:
            if DAYS[today.weekday()] in hours.days and opens <= now < closes and not closed(today):
                return True
        elif (DAYS[today.weekday()] in hours.days and now >= opens and not closed(today)) or (
            DAYS[yesterday.weekday()] in hours.days and now < closes and not closed(yesterday)
        ):
            return True
    return False


MOMENTS = [
    "2026-11-25T10:30",  # a Wednesday morning
    "2026-11-26T18:30",  # a Thursday evening
    "2026-11-28T12:00",  # a Saturday at noon
    "2026-11-29T03:00",  # a Sunday night
    "2026-12-25T12:00",  # juldagen, a public holiday
]


@pytest.mark.browser
@pytest.mark.parametrize("clock", MOMENTS)
def test_open_now_gives_the_places_open_at_that_moment(tab, site_url: str, sample, clock: str) -> None:
    moment = datetime.fromisoformat(clock).replace(tzinfo=ZoneInfo("Europe/Stockholm"))
    expected = {
        e.id
        for e in sample.listed()
        if getattr(e.record, "opening_hours", None) and open_at(e.record, moment.replace(tzinfo=None))
    }
    assert set(finder_ids(tab, site_url, "?tid=nu", moment)) == expected


def test_some_sample_places_are_open_on_a_weekday_and_none_on_juldagen(sample) -> None:
    """The moments above are not vacuous: the sample has places open on a weekday morning, and
    lines that answer on a Sunday night and on juldagen."""
    places = [e.record for e in sample.of_type("places") if e.record.opening_hours]
    assert any(open_at(p, datetime(2026, 11, 25, 10, 30)) for p in places)
    assert any(not open_at(p, datetime(2026, 12, 25, 12, 0)) for p in places)
    lines = [e.record for e in sample.of_type("organisations") if e.record.opening_hours]
    for moment in (datetime(2026, 11, 29, 3, 0), datetime(2026, 12, 25, 12, 0)):
        assert {"bris", "kvinnofridslinjen"} <= {r.id for r in lines if open_at(r, moment)}


def xpath_text(text: str) -> str:
    """A string literal for XPath, whatever quotes the text holds."""
    return "concat(" + ', "\'", '.join(f"'{part}'" for part in text.split("'")) + ", '')"


@pytest.mark.browser
def test_an_approximate_sample_marker_says_so_in_its_title_and_popup(tab, site_url: str, sample) -> None:
    approximate = [e.record for e in sample.of_type("places") if e.record.location and e.record.location.approximate]
    assert approximate
    place = approximate[0]
    tab.goto(f"{site_url}/karta/#{place.location.lat:.5f},{place.location.lon:.5f},18")
    tab.wait_for_selector("#cm-map[data-loaded='true']", timeout=15_000)
    for other in ("organisations", "roles", "collaborations"):  # the place alone at its point
        box = tab.locator(f"input[data-cm-type={other}]")
        if box.count():
            box.uncheck()
    tab.wait_for_timeout(300)
    title = f"{place.name} (ungefärligt läge)"
    marker = tab.locator("#cm-map .cm-pin").filter(has=tab.locator(f"xpath=self::*[@title={xpath_text(title)}]"))
    assert marker.count() == 1, title
    assert "cm-approx" in (marker.get_attribute("class") or "")
    marker.click()
    popup = tab.locator(".leaflet-popup-content", has_text=place.name)
    popup.wait_for()
    assert "ungefärligt läge" in popup.inner_text().lower()
