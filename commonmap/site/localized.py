"""How the pages of one language show the directory: its interface strings, the links to records,
and record data, which is Swedish unless the association wrote it in that language.

Text in another language than the page's is tagged with its `lang`, and isolated (`dir="auto"`,
`<bdi>`) so that a Swedish name reads right inside an Arabic sentence and the other way round.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError
from markupsafe import Markup, escape

from commonmap.base import i18n
from commonmap.base.languages import LANGUAGES, SWEDISH, Language
from commonmap.records.checks import language_names
from commonmap.records.directory import CategoryDef, Entry
from commonmap.site.urls import url_of

FINDER = "hitta-stod/"


class Localized:
    def __init__(self, language: Language) -> None:
        self.language = language
        self.texts = i18n.texts(language.id)
        self.t = self.texts.t
        self.swedish = language.id == SWEDISH
        self._attrs: dict[str, Markup] = {}  # by tag: asked for by every record on every list
        self._language_names: dict[str, Markup] = {}  # by code: asked for by most record pages

    def url(self, path: str) -> str:
        """A page's URL (relative to the site root) in this language: "kategorier/" → "ar/kategorier/"."""
        return self.language.prefix + path

    def link(self, entry: Entry) -> str:
        """Where a record is shown: its page in Swedish, else the record in this language's finder
        (record pages are one per record, in Swedish)."""
        return url_of(entry) if self.swedish else f"{self.url(FINDER)}?post={entry.id}"

    def attrs(self, tag: str | None) -> Markup:
        """` lang="sv" dir="auto"` for text in another language than the page's, else nothing."""
        if tag is None or tag == self.language.tag:
            return Markup("")
        if tag not in self._attrs:
            self._attrs[tag] = Markup(' lang="{}" dir="auto"').format(tag)
        return self._attrs[tag]

    def own(self, entry: Entry, field: str) -> tuple[str | None, str]:
        """A record's name or summary in this language when the association wrote it, else in Swedish."""
        translation = entry.record.translations.get(self.language.id)
        value = getattr(translation, field, None) if translation else None
        if value:
            return value, self.language.tag
        return getattr(entry.record, field), "sv"

    def name(self, entry: Entry) -> tuple[str, str]:
        return self.own(entry, "name")  # type: ignore[return-value]

    def summary(self, entry: Entry) -> tuple[str | None, str]:
        return self.own(entry, "summary")

    def category(self, category: CategoryDef) -> tuple[str, str]:
        label = None if self.swedish else category.label_in(self.language.id)
        return (label, self.language.tag) if label else (category.label, "sv")

    def category_description(self, category: CategoryDef) -> tuple[str, str]:
        text = None if self.swedish else category.description_in(self.language.id)
        return (text, self.language.tag) if text else (category.description, "sv")

    def bdi(self, text: str, tag: str) -> Markup:
        """Data inline in a sentence: isolated, and tagged when it is in another language."""
        if tag == self.language.tag:
            return Markup("{}").format(text)
        return Markup('<bdi lang="{}">{}</bdi>').format(tag, text)

    def language_name(self, code: str) -> Markup:
        """'ar' → 'arabiska (العربية)' on a Swedish page: only the Arabic part is tagged lang="ar"."""
        if code not in self._language_names:
            self._language_names[code] = self._language_name(code)
        return self._language_names[code]

    def _language_name(self, code: str) -> Markup:
        name, name_tag, own = language_label(code, self.language.locale)
        shown = self.bdi(name, name_tag if name_tag != self.language.locale else self.language.tag)
        if own is None:
            return shown
        own_html = Markup('<bdi lang="{}">{}</bdi>').format(code, own)
        return escape(self.texts.raw("languages.label")).format(name=shown, own=own_html)

    def language_text(self, code: str) -> str:
        """The same as plain text, for <option> elements and search words."""
        name, _, own = language_label(code, self.language.locale)
        return name if own is None else self.t("languages.label", name=name, own=own)


@cache
def language_label(code: str, locale: str) -> tuple[str, str, str | None]:
    """A language's name, the language that name is in, and its own name when that differs:
    ("arabiska", "sv", "العربية") for a Swedish page. A name CLDR lacks in `locale` is the
    language's own name, or else its Swedish name."""
    try:
        own = Locale.parse(code).get_display_name(code)
    except (UnknownLocaleError, ValueError):
        own = None
    names = language_names() if locale == SWEDISH else Locale.parse(locale).languages
    if names.get(code):
        name, tag = names[code], locale
    elif own:
        name, tag = own, code
    else:
        name, tag = language_names().get(code, code), SWEDISH
    return name, tag, own if own and own.casefold() != name.casefold() else None


@cache
def localized(language_id: str) -> Localized:
    return Localized(LANGUAGES[language_id])
