"""The interface languages: Swedish first, then the residents' languages (issue 17).

Each language has an id (its URL prefix, its key in a record's `translations` and in
categories.yml), a BCP 47 tag for `lang` and `hreflang`, a Babel locale for dates, plurals and
language names, and its gettext catalogue's folder under commonmap/locale/. Lättläst svenska
(easy-to-read Swedish) is Swedish: its tag is "sv", its catalogue a variant of Swedish.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    id: str  # "sv", "en", "ar", ..., "lattlast"
    tag: str  # for lang= and hreflang=
    locale: str  # Babel's locale for dates, plurals and the names of other languages
    name: str  # its own name, as the language switcher shows it
    dir: str = "ltr"
    theme: str = ""  # Material for MkDocs' file of theme strings, where it has one
    reviewed_by: str = ""  # who has reviewed the translation; nobody yet (issue 17)

    @property
    def prefix(self) -> str:
        """The folder of its pages: "" for Swedish (today's URLs, a contract), else "ar/"."""
        return "" if self.id == SWEDISH else f"{self.id}/"

    @property
    def catalogue(self) -> str:
        """The folder of its gettext catalogue: commonmap/locale/<catalogue>/LC_MESSAGES/."""
        return "sv@lattlast" if self.id == "lattlast" else self.locale


SWEDISH = "sv"
LANGUAGES: dict[str, Language] = {
    language.id: language
    for language in [
        Language("sv", "sv", "sv", "svenska", theme="sv"),
        Language("en", "en", "en", "English", theme="en"),
        Language("ar", "ar", "ar", "العربية", dir="rtl", theme="ar"),
        Language("so", "so", "so", "Soomaali"),
        Language("fa", "fa", "fa", "فارسی", dir="rtl", theme="fa"),
        Language("ti", "ti", "ti", "ትግርኛ"),
        Language("lattlast", "sv", "sv", "lättläst svenska", theme="sv"),
    ]
}
# The URLs of the hand-written pages (content/) every language has: <id>/<page> for the others.
RESIDENT_CONTENT = ("", "om/")
# The languages a record or a category may be translated into (its `translations` keys).
TRANSLATED = tuple(code for code in LANGUAGES if code != SWEDISH)


def of_url(url: str) -> Language:
    """The language of a page from its URL: "ar/karta/" is Arabic, "karta/" Swedish."""
    first = url.split("/", 1)[0]
    return LANGUAGES[first] if first in LANGUAGES and first != SWEDISH and "/" in url else LANGUAGES[SWEDISH]


def neutral(url: str) -> str:
    """A page's URL without its language folder: "ar/karta/" → "karta/"."""
    return url.removeprefix(of_url(url).prefix)
