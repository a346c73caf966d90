"""What the search holds: one document per listed record, category, area and content page, each
with its text in named fields. The fields' weights rank names and categories above description
words; everything comes from the Directory (and, for content pages, their rendered text)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from markupsafe import Markup

from commonmap.base import ui
from commonmap.records.checks import language_names
from commonmap.records.directory import Directory, Entry
from commonmap.records.model import Organisation, Role
from commonmap.site import richtext
from commonmap.site.urls import url_of

# Field: weight. A document is scored per query word by the best field the word is found in.
FIELDS = {
    "name": 10,
    "category": 6,
    "words": 5,  # the categories' everyday words, English and translated labels
    "type": 5,
    "language": 5,
    "area": 5,
    "for": 3,  # target groups and the names of services
    "summary": 2,
    "text": 1,
}
# Content pages (about, contribute, ...) come after the directory's own documents.
PAGE_BOOST = 0.5
CATEGORY_BOOST = 1.2


@dataclass(frozen=True)
class Doc:
    url: str  # relative to the site root, e.g. "organisationer/kfum-orebro/"
    title: str
    kind: str  # what the result list shows as its type, e.g. "Mötesplats"
    where: str  # its areas, "Hela kommunen", or "" for a page that is no place
    summary: str
    # (field in FIELDS, text, what it is about: the category of its everyday words, or "")
    fields: tuple[tuple[str, str, str], ...]
    boost: float = 1.0


@dataclass(frozen=True)
class PageText:
    """A rendered page outside the directory, as the site engine gives it."""

    url: str
    title: str
    html: str


def documents(directory: Directory, pages: Iterable[PageText] = ()) -> Iterator[Doc]:
    """The records first, in the finder's order (directory.listed()), so that a document's number
    is also the finder's record number; then categories, areas and pages. One at a time: the index
    reads each once, and 30,000 records' documents are 40 MB (issue 24's memory)."""
    words = {c.id: ", ".join([c.label_en, *c.search_words, *_translated(c)]) for c in directory.categories.values()}
    for entry in directory.listed():
        yield record_doc(entry, directory, words)
    for category in directory.categories.values():
        fields = (
            ("name", category.label, ""),
            ("words", words[category.id], category.label),
            ("summary", category.description, ""),
        )
        url = f"kategorier/{category.id}/"
        yield Doc(url, category.label, ui.t("search.kind.category"), "", category.description, fields, CATEGORY_BOOST)
    for area in directory.areas:
        fields = (("name", area.name, ""),)
        yield Doc(f"omraden/{area.id}/", area.name, ui.t("search.kind.area"), area.name, "", fields)
    for page in pages:
        text = Markup(page.html).striptags()
        # Pages are found by their words, not their numbers: the open-data page shows the build's
        # date, which would make the index differ from day to day.
        fields = (("name", page.title, ""), ("text", re.sub(r"\d", " ", text), ""))
        yield Doc(page.url, page.title, ui.t("search.kind.page"), "", _excerpt(text), fields, PAGE_BOOST)


def _translated(category) -> list[str]:
    """A category's labels in the interface's other languages (categories.yml's translations), so
    that its name typed in the finder of /ar/, /so/, ... finds its records."""
    return [text.label for text in category.translations.values() if text.label]


def record_doc(entry: Entry, directory: Directory, category_words: dict[str, str]) -> Doc:
    record = entry.record
    categories = [directory.categories[c] for c in record.categories if c in directory.categories]
    areas = [directory.areas.by_id[a].name for a in entry.areas if a in directory.areas.by_id]
    type_words = _type_words(entry.type, record.kind if isinstance(record, Organisation) else None)
    texts = [
        ("name", record.name),
        ("category", ", ".join(c.label for c in categories)),
        ("type", type_words),
        ("language", ", ".join(language_words(code) for code in record.languages)),
        ("area", ", ".join([*areas, *([ui.t(f"serves.{record.serves}")] if record.serves else [])])),
        ("for", ", ".join([*record.target_groups, *(s.name for s in record.offers)])),
        ("summary", record.summary or ""),
        ("text", " ".join(_texts(entry, directory))),
    ]
    # The name and summary the association wrote in other languages (its translations).
    texts += [("name", t.name) for t in record.translations.values() if t.name]
    texts += [("summary", t.summary) for t in record.translations.values() if t.summary]
    fields = [(field, text, "") for field, text in texts]
    fields += [("words", category_words[c.id], c.label) for c in categories]
    where = where_of(entry, areas)
    return Doc(url_of(entry), record.name, ui.t(f"type.{entry.type}"), where, record.summary or "", tuple(fields))


def where_of(entry: Entry, areas: list[str]) -> str:
    """Where a record helps, as a result shows it: its areas, the whole municipality, county or
    country it serves (commonmap.site.reach), or that its area is not known."""
    if areas:
        return ", ".join(areas)
    serves = entry.record.serves
    return ui.t(f"serves.{serves}") if serves else ui.t("search.area_unknown")


@cache
def language_words(code: str) -> str:
    """A language by its Swedish and English names and its own: "tigrinska Tigrinya ትግርኛ"."""
    names = [language_names().get(code, code), Locale("en").languages.get(code, "")]
    with suppress(UnknownLocaleError, ValueError):  # a code babel has no locale for keeps the others
        names.append(Locale.parse(code).get_display_name(code) or "")
    return " ".join(dict.fromkeys(name for name in names if name))


@cache
def _type_words(type_: str, kind: str | None) -> str:
    found = [ui.t(f"type.{type_}"), ui.t(f"types.{type_}"), ui.t(f"search.type_words.{type_}")]
    return ", ".join(found + ([ui.t(f"kind.{kind}")] if kind else []))


def _texts(entry: Entry, directory: Directory) -> Iterable[str]:
    """The longer texts: description, a role's tasks, services, hosts and partners, outcomes."""
    record = entry.record
    for markdown in (record.description, record.tasks if isinstance(record, Role) else None):
        if markdown:
            yield Markup(richtext.render(markdown)).striptags()
    for service in record.offers:
        yield service.description or ""
    related = record.organisation_ids
    yield from (directory.entries[id_].record.name for id_ in related if id_ in directory.entries)
    yield from record.listed_texts
    address = record.own_address
    if address is not None:
        yield " ".join(filter(None, [address.street, address.city]))


def _excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + " …"
