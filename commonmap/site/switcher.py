"""Which page is "the same page" in each language: the language switcher, hreflang and the
navigation of the pages in other languages than Swedish. Engine-neutral: it works on source paths
("ar/kategorier/arbete.md") and the set of pages the site has.
"""

from __future__ import annotations

from dataclasses import dataclass

from commonmap.base.languages import LANGUAGES, Language, neutral, of_path
from commonmap.site.localized import FINDER
from commonmap.site.urls import FOLDERS, url_of_path

# The navigation of a language's pages: (catalogue key of its title, page), in this order.
NAV = [
    ("nav.start", "index.md"),
    ("finder.title", "hitta-stod.md"),
    ("map.title", "karta.md"),
    ("categories", "kategorier/index.md"),
    ("areas", "omraden/index.md"),
    ("nav.about", "om.md"),
    ("nav.translations", "sprak.md"),
]
RECORD_FOLDERS = frozenset(FOLDERS.values())


@dataclass(frozen=True)
class Link:
    language: Language
    url: str  # relative to the site root
    same_page: bool  # the page itself in that language (else that language's start page)
    current: bool


def links(path: str, pages: set[str], enabled: tuple[str, ...]) -> list[Link]:
    """For a page, its counterpart in every enabled language: the same page where that language
    has it; for a record page (Swedish only) the record in that language's finder; else that
    language's start page."""
    here = of_path(path)
    page = neutral(path)
    found = []
    for language in (LANGUAGES[code] for code in enabled):
        target = counterpart(page, language, pages)
        same = target is not None
        url = target if same else url_of_path(language.prefix + "index.md")
        found.append(Link(language, url, same, language is here))
    return found


def counterpart(page: str, language: Language, pages: set[str]) -> str | None:
    """The URL of `page` (a path without language folder) in `language`, if it exists there."""
    if language.prefix + page in pages:
        return url_of_path(language.prefix + page)
    folder, _, name = page.partition("/")
    record = folder in RECORD_FOLDERS and name not in ("", "index.md")
    if record and language.prefix and language.prefix + "hitta-stod.md" in pages:
        return f"{language.prefix}{FINDER}?post={name.removesuffix('.md')}"
    return None


def alternates(page_links: list[Link]) -> list[tuple[str, str]]:
    """(hreflang, URL) of the page's versions: one per language tag (lättläst svenska shares
    Swedish's tag "sv" and is left out, as hreflang allows one URL per tag), and x-default, the
    Swedish page."""
    found: dict[str, str] = {}
    for link in page_links:
        if link.same_page and link.language.tag not in found:
            found[link.language.tag] = link.url
    if "sv" in found:
        found["x-default"] = found["sv"]
    return list(found.items()) if len(found) > 2 else []


def nav(path: str, pages: set[str]) -> list[tuple[str, str, bool]]:
    """(title key, URL, current) of the navigation of a page in another language than Swedish."""
    language, page = of_path(path), neutral(path)
    return [
        (key, url_of_path(language.prefix + target), target == page)
        for key, target in NAV
        if language.prefix + target in pages
    ]
