"""Which page is "the same page" in each language: the language switcher, hreflang and the
navigation of the pages in other languages than Swedish. Engine-neutral: it works on page URLs
relative to the site root ("ar/kategorier/arbete/") and the set of URLs the site has.
"""

from __future__ import annotations

from dataclasses import dataclass

from commonmap.base.languages import LANGUAGES, Language, neutral, of_url
from commonmap.site.localized import FINDER
from commonmap.site.urls import FOLDERS

# The navigation of a language's pages: (catalogue key of its title, page), in this order.
NAV = [
    ("nav.start", ""),
    ("finder.title", FINDER),
    ("map.title", "karta/"),
    ("categories", "kategorier/"),
    ("areas", "omraden/"),
    ("nav.about", "om/"),
    ("nav.translations", "sprak/"),
]
RECORD_FOLDERS = frozenset(FOLDERS.values())


@dataclass(frozen=True)
class Link:
    language: Language
    url: str  # relative to the site root
    same_page: bool  # the page itself in that language (else that language's start page)
    current: bool


def links(url: str, pages: set[str], enabled: tuple[str, ...]) -> list[Link]:
    """For a page, its counterpart in every enabled language: the same page where that language
    has it; for a record page (Swedish only) the record in that language's finder; else that
    language's start page."""
    here = of_url(url)
    page = neutral(url)
    found = []
    for language in (LANGUAGES[code] for code in enabled):
        target = counterpart(page, language, pages)
        same = target is not None
        found.append(Link(language, target if same else language.prefix, same, language is here))
    return found


def counterpart(page: str, language: Language, pages: set[str]) -> str | None:
    """The URL of `page` (a URL without language folder) in `language`, if it exists there."""
    if language.prefix + page in pages:
        return language.prefix + page
    folder, _, name = page.partition("/")
    record = folder in RECORD_FOLDERS and name != ""
    if record and language.prefix and language.prefix + FINDER in pages:
        return f"{language.prefix}{FINDER}?post={name.removesuffix('/')}"
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


def nav(url: str, pages: set[str]) -> list[tuple[str, str, bool]]:
    """(title key, URL, current) of the navigation of a page in another language than Swedish."""
    language, page = of_url(url), neutral(url)
    return [(key, language.prefix + target, target == page) for key, target in NAV if language.prefix + target in pages]
