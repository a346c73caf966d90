"""What every page has around its content (commonmap/site/chrome.py): the skip link, the crisis strip
from directory/stodlinjer.yml, the quick exit on pages about violence and victims, and the footer's
link to the accessibility statement. Checked in the built HTML; tests/test_resident_browser.py
checks the same in Chromium."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import html
from tests.support.directories import problem_keys, validate

HELPLINES = """helplines:
  - topic: Stöd
    name: Exempelföreningen
    phone: "019-21 10 99"
    record: exempelforeningen
    sources: [testfixtur]
  - topic: Akut
    name: SOS Alarm
    phone: "112"
    record: finns-inte-an
    sources: [testfixtur]
"""


@dataclass
class Chrome:
    """The first link of the body, the ids, the crisis strip's links and the footer's links."""

    first_link: str | None
    ids: set[str]
    strip: list[tuple[str, str]]  # (href, text) of links in the crisis strip
    footer: list[str]
    quick_exit: bool


def chrome_of(path: Path) -> Chrome:
    document = html.parse_file(path)
    links = [a for body in document.elements("body") for a in body.elements("a")]

    def inside(a: html.Element, tag: str, class_: str) -> bool:
        return any(e.tag == tag and e.has_class(class_) for e in a.lineage())

    return Chrome(
        # The theme's own skip link (pages with a table of contents) is hidden: resident.css.
        first_link=next((a.get("href") for a in links if "md-skip" not in a.get("class")), None),
        ids={e.get("id") for e in document.elements() if e.get("id")},
        strip=[(a.get("href"), text) for a in links if inside(a, "aside", "cm-crisis") for _, text in a.strings()],
        footer=[a.get("href") for a in links if inside(a, "nav", "cm-footer-nav")],
        quick_exit=any("data-cm-quick-exit" in e.attrs for e in document.elements()),
    )


def test_every_page_starts_with_the_skip_link_shows_the_strip_and_links_the_statement(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    statement = built_site / "tillganglighetsredogorelse" / "index.html"
    assert statement.exists()
    for path in pages:
        found = chrome_of(path)
        assert found.first_link == "#cm-innehall" and "cm-innehall" in found.ids, path
        phones = [text for href, text in found.strip if href.startswith("tel:")]
        assert phones == ["112", "1177", "020-50 50 50", "116 111", "90101"], path
        if path.name == "404.html":
            continue  # served at any address: its links are from the site's root
        folder = posixpath.dirname(path.relative_to(built_site).as_posix())
        targets = {posixpath.normpath(posixpath.join(folder, href)) for href in found.footer}
        assert "tillganglighetsredogorelse" in targets, path


def test_the_strip_links_a_line_to_its_record_once_the_record_exists(built_site: Path) -> None:
    strip = chrome_of(built_site / "om" / "index.html").strip
    assert ("../organisationer/kvinnofridslinjen/", "Kvinnofridslinjen") in strip
    assert ("tel:+4620505050", "020-50 50 50") in strip
    # Records the sample directory does not have yet: the line is there, without a link.
    for id_ in ["sos-alarm-112", "vardguiden-1177", "bris", "mind-sjalvmordslinjen"]:
        if not list((built_site / "organisationer").glob(f"{id_}/index.html")):
            assert not any(id_ in href for href, _ in strip), id_


QUICK_EXIT = [
    "organisationer/kvinnofridslinjen",  # vald-i-nara-relation, and a protected address
    "organisationer/brottsofferjouren",  # brottsofferstod
    "volontaruppdrag/brottsofferjouren-stodperson",
    "kategorier/vald-i-nara-relation",
    "kategorier/brottsofferstod",
]
NO_QUICK_EXIT = [
    "",
    "hitta-stod",
    "karta",
    "organisationer/kfum-orebro",
    "kategorier/arbete",
    "tillganglighetsredogorelse",
]


@pytest.mark.parametrize("path", QUICK_EXIT + NO_QUICK_EXIT)
def test_the_quick_exit_is_on_pages_about_violence_and_victims_only(built_site: Path, path: str) -> None:
    found = chrome_of(built_site / path / "index.html")
    assert found.quick_exit == (path in QUICK_EXIT)


def test_a_number_that_differs_from_its_record_is_a_warning_and_a_missing_record_is_not(make_directory) -> None:
    root = make_directory({"stodlinjer.yml": HELPLINES})
    problems = validate(root)
    assert problem_keys(problems) == [("stodlinjer.yml", 4, "helpline-phone-differs")]
    assert problems[0].severity == "warning"
    assert "019-21 10 00" in problems[0].message


def test_a_broken_helplines_file_names_the_file_and_the_line(make_directory) -> None:
    broken = HELPLINES.replace('    phone: "112"\n', "").replace("    record: exempelforeningen\n", "    rekord: x\n")
    problems = validate(make_directory({"stodlinjer.yml": broken}))
    assert problem_keys(problems) == [("stodlinjer.yml", 5, "unknown-field"), ("stodlinjer.yml", 7, "missing-field")]
    assert all(p.severity == "error" for p in problems)


def test_the_strip_shows_a_hostile_name_as_text(make_site) -> None:
    hostile = HELPLINES.replace("name: Exempelföreningen", "name: '<img src=x onerror=alert(1)>'")
    page = (make_site({"stodlinjer.yml": hostile}) / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert not re.search(r"<img[^>]*onerror", page)


def test_the_statement_gives_the_configured_address_and_the_supervisory_authority(built_site: Path) -> None:
    page = (built_site / "tillganglighetsredogorelse" / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:gemensam-karta@example.se?subject=Tillg%C3%A4nglighet%20i%20Gemensam%20karta"' in page
    assert "2018:1937" in page and "DIGG" in page and "https://www.digg.se/tdosanmalan" in page
    assert "Det här fungerar inte ännu" in page
