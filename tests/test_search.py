"""The search's rules and both surfaces in Chromium: the same stems in Python and in the browser,
compounds, everyday words, inflections, language names in three forms, the highlight's contrast,
no index fetched before a search, and the finder without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from commonmap.base import words
from commonmap.records.validate import read_directory
from tests.support.browser import serve
from tests.support.directories import problem_keys, validate
from tests.support.sites import ROOT, fixture_site

EXTRA = {
    "places/sprakcafe.yml": """\
id: sprakcafe
name: Språkcaféet i Vivalla
hosts: [exempelforeningen]
summary: Öva språk över en kopp kaffe, på svenska och tigrinska.
categories: [gemenskap]
languages: [ti, sv]
areas: [vivalla]
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
    "organisations/trygga-vuxna.yml": """\
id: trygga-vuxna
name: Trygga vuxna
kind: association
summary: Vuxna som finns ute på kvällarna, ungefär en gång i veckan.
categories: [trygghet]
serves: municipality
last_reviewed: 2026-01-15
sources: [testfixtur]
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return fixture_site(tmp_path_factory.mktemp("search"), EXTRA)[0]


@pytest.fixture(scope="module")
def url(site: Path):
    address, server = serve(site)
    yield address
    server.shutdown()


@pytest.fixture
def tab(browser):
    context = browser.new_context(locale="sv-SE", bypass_csp=True)  # waits evaluate script
    yield context.new_page()
    context.close()


def site_search(tab, url: str, query: str) -> list[str]:
    tab.goto(f"{url}/sok/?q={quote(query)}")
    tab.wait_for_function(SEARCH_ANSWERED)
    return tab.locator("#cm-search-results > li").evaluate_all("items => items.map(i => i.dataset.url)")


def finder(tab, url: str, query: str) -> list[str]:
    tab.goto(f"{url}/hitta-stod/?q={quote(query)}")
    tab.wait_for_function("() => /träff/.test(document.getElementById('cm-status').textContent)")
    return tab.locator("#cm-results > li").evaluate_all("items => items.map(i => i.dataset.id)")


def test_compounds_split_into_the_directorys_own_words() -> None:
    compounds = words.Compounds(words.tokens("språk café brottsoffer jouren läxor hjälp ung unga"))
    assert compounds.parts("språkcafe") == ("språk", "cafe")
    assert compounds.parts("brottsofferjouren") == ("brottsoffer", "jouren")
    assert compounds.parts("läxhjälp") == ("läx", "hjälp")
    assert compounds.parts("ungefär") == ()  # "ung" is a word, "efär" is not


def test_a_noun_and_its_forms_share_a_stem_and_unrelated_words_do_not() -> None:
    assert len({words.stem(w) for w in ("mötesplats", "mötesplatsen", "mötesplatser", "mötesplatserna")}) == 1
    assert len({words.stem(w) for w in ("kurs", "kurser", "kursen")}) == 1
    assert words.stem("tidigare") != words.stem("tid") and words.stem("farligt") != words.stem("far")


@pytest.mark.browser
def test_the_browser_stems_and_folds_every_word_as_python_does(tab, url: str) -> None:
    directory, _ = read_directory(ROOT / "directory")
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "directory").rglob("*.yml"))
    text += " Café CAFÉ naïve Ærø ÅÄÖ ትግርኛ العربية فارسی Soomaali ungefär språkcaféerna föreningarnas"
    lowered = sorted(set(words.lower_words(text)))
    tab.goto(f"{url}/sok/")
    browser_side = tab.evaluate(
        """async (ws) => { await CMSearch.manifest();
            return ws.map(w => [CMSearch.tokens(w).join(" "), CMSearch.stem(CMSearch.fold(w))]); }""",
        lowered,
    )
    python_side = [[" ".join(words.tokens(w)), words.stem(words.fold(w))] for w in lowered]
    differ = [(w, b, p) for w, b, p in zip(lowered, browser_side, python_side, strict=True) if b != p]
    assert len(lowered) > 1000 and directory is not None
    assert differ == []


@pytest.mark.parametrize("surface", [site_search, finder])
@pytest.mark.parametrize(
    ("query", "expected", "within"),
    [
        # An everyday word of a category finds all its records alike, so among them, not first.
        ("fika", "sprakcafe", 10),  # gemenskap
        ("nattvandring", "trygga-vuxna", 10),  # trygghet
        ("språkcaféerna", "sprakcafe", 3),  # an inflection of a compound
        ("café", "sprakcafe", 3),  # a compound's part (språk is a word of its own here, and café a part)
        ("tigrinska", "sprakcafe", 3),  # a language in Swedish,
        ("Tigrinya", "sprakcafe", 3),  # in English
        ("ትግርኛ", "sprakcafe", 3),  # and in its own script
        ("vivalla", "sprakcafe", 3),  # an area
    ],
)
@pytest.mark.browser
def test_everyday_words_inflections_and_languages_find_the_record(tab, url, surface, query, expected, within) -> None:
    found = surface(tab, url, query)
    assert any(expected in item for item in found[:within]), found


@pytest.mark.browser
@pytest.mark.parametrize("surface", [site_search, finder])
def test_a_short_word_is_not_found_inside_a_longer_one(tab, url: str, surface) -> None:
    found = surface(tab, url, "ung")
    assert not any("trygga-vuxna" in item for item in found), found  # only "ungefär" there


@pytest.mark.browser
def test_each_result_shows_type_area_and_why_with_a_legible_highlight(tab, url: str) -> None:
    site_search(tab, url, "språkcafé")
    first = tab.locator("#cm-search-results > li").first
    assert first.locator(".cm-kicker").inner_text().lower() == "mötesplats · vivalla"
    assert first.locator("h3 mark").inner_text() == "Språkcaféet"
    assert re.match(r"Träff på: språkcaféet \(namnet\)", first.locator(".cm-why").inner_text())
    finder(tab, url, "nattvandring")
    kicker = tab.locator("#cm-results > li[data-id=trygga-vuxna] .cm-kicker").inner_text()
    assert kicker.lower() == "organisation · hela kommunen"
    colours = tab.locator("mark.cm-hit").first.evaluate(
        "m => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]"
    )
    assert contrast(*colours) >= 4.5, colours


def contrast(foreground: str, background: str) -> float:
    def luminance(css: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", css)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# The /sok/ page has answered (Enter on another page's header form loads /sok/ first).
SEARCH_ANSWERED = "() => /träff/.test(document.getElementById('cm-search-status')?.textContent || '')"


@pytest.mark.browser
def test_no_page_fetches_the_index_before_a_search(tab, url: str) -> None:
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    for path in ("/", "/organisationer/exempelforeningen/", "/sok/", "/hitta-stod/"):
        tab.goto(url + path, wait_until="networkidle")
    assert not [r for r in requests if "/data/sok/" in r]
    tab.get_by_role("searchbox", name="Sök på webbplatsen").first.fill("fika")
    tab.keyboard.press("Enter")
    tab.wait_for_function(SEARCH_ANSWERED)
    assert [r for r in requests if "/data/sok/" in r]


@pytest.mark.browser
def test_the_header_search_works_from_the_keyboard(tab, url: str) -> None:
    tab.goto(url + "/organisationer/exempelforeningen/")
    for _ in range(12):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.id") == "cm-header-q":
            break
    assert tab.evaluate("document.activeElement.id") == "cm-header-q"
    tab.keyboard.type("läxhjälp")
    tab.keyboard.press("Enter")
    tab.wait_for_function(SEARCH_ANSWERED)
    assert "organisationer/exempelforeningen/" in tab.locator("#cm-search-results > li").first.get_attribute("data-url")


@pytest.mark.browser
def test_without_javascript_the_finder_lists_every_record(browser, url: str, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "/hitta-stod/")
    names = page.locator("#cm-results > li a").all_inner_texts()
    directory, _ = read_directory(site.parent / "directory")
    assert sorted(names) == sorted(e.record.name for e in directory.listed())
    assert "Alla" in page.locator("#cm-status").inner_text()
    context.close()


VOCABULARY = """\
categories:
  - id: gemenskap
    label: Gemenskap
    label_en: Community
    description: Platser för att träffa andra.
    icon: account-group
    color: "#b15928"
    search_words:
      - fika
      - "!!!"
      - ""
  - id: trygghet
    label: Trygghet
    label_en: Safety
    description: Vuxennärvaro.
    icon: shield-home
    color: "#33691e"
    search_words: []
  - id: boende
    label: Boende
    label_en: Housing
    description: Bostad.
    icon: home-city
    color: "#455a64"
"""


def test_the_vocabulary_needs_everyday_words_and_says_where_one_is_wrong(make_directory) -> None:
    root = make_directory({"categories.yml": VOCABULARY})
    for path in (root / "organisations").glob("*.yml"):  # records of the minimal fixture may use others
        path.unlink()
    found = [key for key in problem_keys(validate(root)) if key[0] == "categories.yml"]
    assert found == [
        ("categories.yml", 10, "search-word-no-letters"),
        ("categories.yml", 11, "empty-item"),
        ("categories.yml", 18, "empty-list"),
        ("categories.yml", 19, "missing-field"),
    ]
    twice = VOCABULARY.split("  - id: trygghet")[0].replace('      - "!!!"\n      - ""\n', "      - Fika\n")
    (root / "categories.yml").write_text(twice, encoding="utf-8")
    assert [k for k in problem_keys(validate(root)) if k[0] == "categories.yml"] == [
        ("categories.yml", 10, "duplicate-search-word")
    ]
