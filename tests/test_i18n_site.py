"""The pages per language in the built site: where they are, lang and dir, the language switcher
and hreflang, language names tagged right, and records that carry their name and summary in
other languages (issue 17)."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from commonmap.base import words
from commonmap.base.languages import LANGUAGES, SWEDISH
from commonmap.search import index
from tests.support import html
from tests.support.sites import fixture_site

RESIDENT = ["", "hitta-stod/", "karta/", "kategorier/", "kategorier/arbete/", "omraden/", "omraden/vivalla/", "om/"]
RESIDENT += ["sprak/"]


@dataclass
class Langs:
    """Each text with the language it is in (the nearest lang attribute), <html>'s lang and dir,
    and the language switcher's links."""

    texts: list[tuple[str, str | None]]
    html: dict[str, str | None]
    body: dict[str, str | None]
    switcher: list[dict[str, str | None]]

    def lang_of(self, text: str) -> list[str | None]:
        return [lang for found, lang in self.texts if found == text]


def parse(path: Path) -> Langs:
    document = html.parse_file(path)
    switchers = [nav for nav in document.elements("nav") if "cm-languages" in nav.get("class")]
    return Langs(
        texts=[(" ".join(t.split()), e.lang) for e, t in document.strings() if t.strip() and e is not document],
        html=next(document.elements("html")).attrs,
        body=next(document.elements("body")).attrs,
        switcher=[a.attrs for nav in switchers for a in nav.elements("a")],
    )


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory) -> Path:
    return fixture_site(tmp_path_factory.mktemp("i18n"), {})[0]


def page_file(site: Path, url: str) -> Path:
    return site / url / "index.html"


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_every_language_has_the_resident_pages(built_site: Path, code: str) -> None:
    prefix = LANGUAGES[code].prefix
    missing = [url for url in RESIDENT if not page_file(built_site, prefix + url).exists()]
    assert missing == []


def language_pages(site: Path, code: str) -> list[Path]:
    if code == SWEDISH:
        pages = [page_file(site, url) for url in RESIDENT]
        return pages + [page_file(site, "organisationer/kfum-orebro/"), page_file(site, "bidra/")]
    return sorted((site / code).rglob("index.html"))


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_lang_dir_and_switcher_on_every_page_of_a_language(built_site: Path, code: str) -> None:
    language = LANGUAGES[code]
    pages = language_pages(built_site, code)
    assert len(pages) >= len(RESIDENT)
    for path in pages:
        page = parse(path)
        where = path.relative_to(built_site).as_posix()
        assert (page.html.get("lang"), page.html.get("dir")) == (language.tag, language.dir), where
        assert page.body.get("dir") == language.dir, where
        links = page.switcher
        assert [a["hreflang"] for a in links] == [LANGUAGES[c].tag for c in LANGUAGES], where
        assert [a["lang"] for a in links] == [a["hreflang"] for a in links], where
        current = [a for a in links if a.get("aria-current") == "page"]
        assert len(current) == 1 and current[0]["hreflang"] == language.tag, where
        page_url = "https://site.example/" + where.removesuffix("index.html")
        for a in links:  # every link leads to a page that exists
            target = urlsplit(urljoin(page_url, a["href"])).path.lstrip("/")
            assert page_file(built_site, target).exists(), (where, a["href"])


def test_the_switcher_keeps_the_page(built_site: Path) -> None:
    page = parse(page_file(built_site, "ar/kategorier/arbete/"))
    targets = {a["hreflang"] + ("-ll" if "lattlast" in a["href"] else ""): a["href"] for a in page.switcher}
    assert targets == {
        "sv": "../../../kategorier/arbete/",
        "en": "../../../en/kategorier/arbete/",
        "ar": "./",
        "so": "../../../so/kategorier/arbete/",
        "fa": "../../../fa/kategorier/arbete/",
        "ti": "../../../ti/kategorier/arbete/",
        "sv-ll": "../../../lattlast/kategorier/arbete/",
    }
    record = parse(page_file(built_site, "organisationer/kfum-orebro/"))
    arabic = [a["href"] for a in record.switcher if a["hreflang"] == "ar"]
    assert arabic == ["../../ar/hitta-stod/?post=kfum-orebro"]  # the record in the Arabic finder
    contribute = parse(page_file(built_site, "bidra/"))  # Swedish only: to that language's start page
    assert [a["href"] for a in contribute.switcher if a["hreflang"] == "so"] == ["../so/"]


def test_hreflang_alternates_are_in_the_sitemap(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = dict(re.findall(r"<loc>([^<]+)</loc>(.*?)</url>", sitemap, re.S))
    for code, language in LANGUAGES.items():
        for url in RESIDENT:
            found = dict(
                re.findall(
                    r'hreflang="([^"]+)" href="([^"]+)"',
                    entries[f"https://gemensam-karta.example.se/{language.prefix}{url}"],
                )
            )
            expected = {
                LANGUAGES[c].tag: f"https://gemensam-karta.example.se/{LANGUAGES[c].prefix}{url}"
                for c in LANGUAGES
                if c != "lattlast"
            }
            assert found == {**expected, "x-default": f"https://gemensam-karta.example.se/{url}"}, (code, url)
    assert "hreflang" not in entries["https://gemensam-karta.example.se/bidra/"]


def test_language_names_are_tagged_only_where_they_are_in_that_language(minimal_site: Path) -> None:
    """The Swedish "arabiska (العربية)" has an Arabic name in it: only the name is lang="ar"."""
    html = page_file(minimal_site, "organisationer/exempelforeningen/").read_text(encoding="utf-8")
    assert 'arabiska (<bdi lang="ar">العربية</bdi>)' in html
    page = parse(page_file(minimal_site, "organisationer/exempelforeningen/"))
    assert page.lang_of("العربية")[0] == "ar"
    assert "arabiska (" in [text for text, lang in page.texts if lang == "sv"]
    assert not any("arabiska" in text for text, lang in page.texts if lang == "ar")


def test_a_record_speaks_arabic_on_the_arabic_pages(minimal_site: Path) -> None:
    arabic = parse(page_file(minimal_site, "ar/kategorier/gemenskap/"))
    assert arabic.lang_of("جمعية المثال في أوربرو") == ["ar"]  # the page's own language: no tag needed
    assert arabic.lang_of("جمعية خيالية للاختبارات.") == ["ar"]
    assert arabic.lang_of("Exempelplatsen") == ["sv"]  # a Swedish name inside the Arabic page
    html = page_file(minimal_site, "ar/kategorier/gemenskap/").read_text(encoding="utf-8")
    assert re.search(r'<a href="[^"]*hitta-stod/\?post=exempelplatsen" lang="sv" dir="auto">Exempelplatsen</a>', html)
    somali = parse(page_file(minimal_site, "so/kategorier/gemenskap/"))
    assert somali.lang_of("Exempelföreningen i Örebro") == ["sv"]  # no Somali name: the Swedish one
    assert somali.lang_of("Urur male ah oo loogu talagalay tijaabooyinka.") == ["so"]
    swedish = parse(page_file(minimal_site, "organisationer/exempelforeningen/"))
    assert swedish.lang_of("جمعية المثال في أوربرو") == ["ar"]  # listed under "På andra språk"
    assert swedish.lang_of("På andra språk") == ["sv"]


def test_translations_reach_the_finder_the_search_and_the_open_data(minimal_site: Path) -> None:
    finder = json.loads((minimal_site / "data/finder.json").read_text(encoding="utf-8"))
    record = next(r for r in finder["records"] if r["id"] == "exempelforeningen")
    assert record["tn"] == {"ar": "جمعية المثال في أوربرو"}
    texts = json.loads((minimal_site / "data/finder/texter-0.json").read_text(encoding="utf-8"))
    assert {"sv": "En påhittad förening för testerna.", "ar": "جمعية خيالية للاختبارات."}.items() <= next(
        t for t in texts if isinstance(t, dict)
    ).items()
    native = json.loads((minimal_site / "data/directory.json").read_text(encoding="utf-8"))
    exported = next(e for e in native["organisations"] if e["id"] == "exempelforeningen")["record"]
    assert exported["translations"]["so"] == {"name": None, "summary": "Urur male ah oo loogu talagalay tijaabooyinka."}
    categories = {c["id"]: c for c in native["categories"]}
    assert categories["gemenskap"]["translations"]["ar"]["label"] == "التواصل وأماكن اللقاء"
    # The site search (commonmap/search) indexes the Arabic name too, as words of the record's name.
    manifest = json.loads((minimal_site / "data/sok/index.json").read_text(encoding="utf-8"))
    chunks = manifest["chunks"]
    docs = [
        dict(zip(chunks["columns"], d, strict=True))
        for n in range(0, -(-manifest["docs"] // chunks["size"]))
        for d in json.loads((minimal_site / "data/sok" / chunks["path"].format(n=n)).read_text(encoding="utf-8"))
    ]
    number = next(i for i, d in enumerate(docs) if d["url"] == "organisationer/exempelforeningen/")
    for word in words.tokens("جمعية المثال في أوربرو"):
        term = words.stem(word)
        shard = json.loads(
            (minimal_site / f"data/sok/t{index.shard_of(term, manifest['shards'])}.json").read_text(encoding="utf-8")
        )
        flat = shard[term][1]  # [doc number minus the previous, field, surface] per document
        numbers = [sum(flat[0 : i + 1 : 3]) for i in range(0, len(flat), 3)]
        assert number in numbers, word


def test_a_category_falls_back_to_swedish_where_it_is_not_translated(minimal_site: Path) -> None:
    page = parse(page_file(minimal_site, "ar/kategorier/"))
    assert page.lang_of("التواصل وأماكن اللقاء") == ["ar"]
    assert page.lang_of("Trygghet") == ["sv"]  # no Arabic label in the fixture: Swedish, tagged
    assert page.lang_of("Vuxennärvaro och nattvandring.") == ["sv"]


def test_a_swedish_only_build_has_no_other_languages(tmp_path_factory) -> None:
    site, _ = fixture_site(tmp_path_factory.mktemp("swedish"), {}, languages=["sv"])
    assert not (site / "ar").exists() and not (site / "lattlast").exists()
    assert parse(page_file(site, "")).switcher == []
    assert (site / "hitta-stod" / "index.html").exists()


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != SWEDISH])
def test_the_skip_link_crisis_strip_and_footer_speak_the_pages_language(built_site: Path, code: str) -> None:
    """What every page has around its content (issue 18) is in the page's language: the labels
    from the catalogue, the helplines' topics and hours from stodlinjer.yml's translations; the
    lines' names stay Swedish and are tagged so, and a line links to its record in this language's
    finder."""
    import yaml

    from commonmap.base import i18n

    texts = i18n.texts(code)
    html = page_file(built_site, LANGUAGES[code].prefix).read_text(encoding="utf-8")
    page = parse(page_file(built_site, LANGUAGES[code].prefix))
    for key in ("chrome.skip", "crisis.heading", "footer.about"):
        assert texts.has(key) and texts.t(key) in html, key
    lines = yaml.safe_load(Path("directory/stodlinjer.yml").read_text(encoding="utf-8"))["helplines"]
    for line in lines:
        own = line.get("translations", {}).get(code, {})
        topic = own.get("topic", line["topic"])
        assert LANGUAGES[code].tag in page.lang_of(topic + ":") or topic == line["topic"], topic
        assert page.lang_of(line["name"])[0] == "sv", line["name"]
    finder = f'href="../{LANGUAGES[code].prefix}hitta-stod/?post={lines[0]["record"]}"'
    assert finder in html  # the record in this language's finder
    assert f'href="../{LANGUAGES[code].prefix}om/"' in html  # the footer's about page in this language


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_the_header_search_speaks_the_pages_language_and_sends_to_its_finder(built_site: Path, code: str) -> None:
    """The header's search form (issue 23) is labelled in the page's language; /sok/ is Swedish, so
    in the other languages it sends the words to that language's finder, which reads ?q=."""
    from commonmap.base import i18n

    texts = i18n.texts(code)
    page = LANGUAGES[code].prefix + "kategorier/"
    html = page_file(built_site, page).read_text(encoding="utf-8")
    form = re.search(r'<form class="cm-header-search"[^>]*action="([^"]*)"[^>]*aria-label="([^"]*)"', html)
    assert form is not None
    action, label = form.groups()
    expected = "sok/" if code == SWEDISH else f"{code}/hitta-stod/"
    assert posixpath.normpath(posixpath.join(page, action)) + "/" == expected
    assert label == texts.t("search.label") and (
        code in (SWEDISH, "lattlast") or label != i18n.texts(SWEDISH).t("search.label")
    )
