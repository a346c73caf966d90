"""The site's pages: one per record, lists per type, categories, areas and good examples.

Engine-agnostic: returns Pages with finished HTML, rendered by Jinja2 with autoescape on. Record
text is data passed to templates, never compiled as a template.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial

from markupsafe import Markup, escape

from commonmap.base import clock, ui
from commonmap.base.languages import LANGUAGES, SWEDISH
from commonmap.records import freshness
from commonmap.records.directory import Directory, Entry
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.site import items, reach, record_page
from commonmap.site.environment import environment
from commonmap.site.jsonld import json_ld, script_json
from commonmap.site.localized import localized
from commonmap.site.outputs import Output, Page, Snippet
from commonmap.site.urls import FOLDERS, base_of, url_of

# What a record page lists of the records that refer to it, by their type (record_page.py).
Relations = dict[str, dict[str, list[Entry]]]


def relations_of(directory: Directory) -> Relations:
    """The records referring to each id (Directory.referred_by), grouped by the referrer's type."""
    found: Relations = {type_: defaultdict(list) for type_ in TYPES}
    for target, entries in directory.referred_by.items():
        for entry in entries:
            found[entry.type][target].append(entry)
    return found


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    swedish = SiteView(directory, settings)
    pages: list[Output] = [swedish.record_page(entry) for entry in directory.entries.values()]
    pages += [swedish.list_page(type_) for type_ in TYPES]
    pages.append(swedish.good_examples_page())
    for language_id in settings.languages:
        pages += swedish.in_language(language_id).resident_pages()
    return pages


@dataclass
class Indexes:
    """The listed records by category and by area, made in one pass and shared by every language:
    with 10,000 records a scan per page adds up."""

    listed: list[Entry]
    wide: dict[str, list[Entry]] = field(default_factory=dict)  # reach.wide_entries
    in_category: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    located: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    serving: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))

    # Each language's list items (SiteView.item) by record id, shared by that language's views. A
    # build renders one language's pages after another's and keeps one language's items at a time
    # (issue 24: 30,000 records' items in seven languages are some 70 MB); the preview keeps all.
    items: dict[str, dict[str, Markup]] = field(default_factory=dict)
    every_language: bool = False

    @classmethod
    def of(cls, directory: Directory, every_language: bool = False) -> Indexes:
        found = cls(directory.listed(), reach.wide_entries(directory), every_language=every_language)
        for entry in found.listed:
            for category_id in dict.fromkeys(entry.record.categories):
                found.in_category[category_id].append(entry)
            for area_id in dict.fromkeys(entry.located_in):
                found.located[area_id].append(entry)
            for area_id in dict.fromkeys(entry.record.areas):
                if area_id not in entry.located_in:
                    found.serving[area_id].append(entry)
        return found

    def items_in(self, language: str) -> dict[str, Markup]:
        if language not in self.items and not self.every_language:
            self.items.clear()
        return self.items.setdefault(language, {})


class SiteView:
    """What the templates need, derived once from the Directory, in one interface language."""

    def __init__(self, directory: Directory, settings: Settings, language: str = SWEDISH, indexes=None) -> None:
        self.directory = directory
        self.settings = settings
        self.local = localized(language)
        self.env = environment()
        self.indexes: Indexes = indexes or Indexes.of(directory)
        self.listed = self.indexes.listed
        self.in_category = self.indexes.in_category
        self.located = self.indexes.located
        self.serving = self.indexes.serving
        self.wide = self.indexes.wide
        self.today = clock.today()  # the build's day, for the age of sources (set by COMMONMAP_TODAY)

    def record_list(self, entries: list[Entry], base: str) -> Markup:
        """A list of records, one item per line, or that there are none yet: one call per list, not
        one template step per item (a 10,000-record site's lists hold some 200,000 items, issue 24).
        Each record's item is made once per language, with its link relative to the root, and
        given the way back to the root here (one copy per record, not one per depth)."""
        if not entries:
            return Markup(f'<p class="cm-empty">{escape(self.local.t("none_yet"))}</p>\n')
        made = self.indexes.items_in(self.local.language.id)
        for entry in entries:
            if entry.id not in made:
                made[entry.id] = items.record_item(self.local, self.directory, "", entry)
        link, linked = ' href="', f' href="{escape(base)}'
        lines = "".join(f"  {str.replace(made[entry.id], link, linked, 1)}\n" for entry in entries)
        return Markup(f'<ul class="cm-list">\n{lines}</ul>\n')

    def made(self, kind: str, id_: str) -> Page:
        """One page by its kind and id, as site/affected.py names them (the preview)."""
        makers: dict[str, Callable[[], Page]] = {
            "record": lambda: self.record_page(self.directory.entries[id_]),
            "list": lambda: self.list_page(id_),
            "good_examples": self.good_examples_page,
            "category": lambda: self.category_page(id_),
            "categories": self.categories_page,
            "area": lambda: self.area_page(id_),
            "areas": self.areas_page,
        }
        return makers[kind]()

    def link(self, entry: Entry, base: str) -> Markup:
        return items.record_link(self.local, base, entry)

    def in_language(self, language: str) -> SiteView:
        return SiteView(self.directory, self.settings, language, self.indexes)

    @cached_property
    def relations(self) -> Relations:
        return relations_of(self.directory)

    def render(self, template: str, url: str, **context: object) -> str:
        local = self.local
        return self.env.get_template(template).render(base=base_of(url), site=self, local=local, t=local.t, **context)

    def resident_pages(self) -> list[Output]:
        """The pages a resident uses, in this view's language: categories and areas."""
        pages: list[Output] = [self.category_page(category_id) for category_id in self.directory.categories]
        pages += [self.categories_page(), self.areas_page()]
        pages += [self.area_page(area.id) for area in self.directory.areas]
        pages.append(Snippet("categories", self.categories_snippet, self.local.language.id))
        return pages

    def record_page(self, entry: Entry) -> Page:
        record = entry.record
        return Page(
            url_of(entry),
            record.name,
            partial(self._record_html, entry),  # made when published (outputs.Page)
            description=record.summary or "",
            head=partial(self.json_ld, entry),
            searchable=False,
            quick_exit=self.directory.quick_exit(entry),
        )

    def _record_html(self, entry: Entry) -> str:
        """A record page's body; its links are made here too, not kept for 30,000 pages (issue 24)."""
        url = url_of(entry)
        return record_page.body(
            self,
            entry,
            base_of(url),
            good_example=self.directory.is_good_example(entry),
            edit_url=self.settings.edit_url(entry.file),
            report=self.settings.report_links(entry.record.name, url),
        )

    def list_page(self, type_: str) -> Page:
        url = f"{FOLDERS[type_]}/"
        html = partial(self.render, "list.html", url, type_=type_, groups=self.by_category(type_))
        title, description = ui.t(f"types.{type_}"), ui.t(f"list_intro.{type_}")
        return Page(url, title, html, description=description, searchable=False, section=True)

    def page(self, url: str, title: str, html: str | Callable[[], str], description: str, **fields: bool) -> Page:
        """A resident page in this view's language; it stays out of the page text of the site search
        (Swedish), which holds categories and areas as documents of their own (commonmap/search),
        and each language's finder is that language's search."""
        return Page(url, title, html, description=description, searchable=False, **fields)

    def category_page(self, category_id: str) -> Page:
        url = self.local.url(f"kategorier/{category_id}/")
        category = self.directory.categories[category_id]
        by_type = self.by_type(self.in_category[category_id])
        html = partial(self.render, "category.html", url, category=category, by_type=by_type)
        label, description = self.local.category(category)[0], self.local.category_description(category)[0]
        return self.page(url, label, html, description, quick_exit=category.quick_exit)

    def categories_page(self) -> Page:
        url = self.local.url("kategorier/")
        html = partial(self._categories_html, url)
        return self.page(url, self.local.t("categories"), html, self.local.t("categories_intro"), section=True)

    def _categories_html(self, url: str) -> str:
        return self.render("categories.html", url, listing=Markup(self.categories_snippet(base_of(url))))

    def area_page(self, area_id: str) -> Page:
        url = self.local.url(f"omraden/{area_id}/")
        area = self.directory.areas.by_id[area_id]
        located, serving = self.by_type(self.located[area_id]), self.by_type(self.serving[area_id])
        wide = {level: self.by_type(entries) for level, entries in reach.wide_for_area(self.wide, area_id).items()}
        html = partial(self.render, "area.html", url, area=area, located=located, serving=serving, wide=wide)
        return self.page(url, area.name, html, self.local.t("area_intro", name=area.name))

    def categories_snippet(self, base: str) -> str:
        """The start page's "find support by need": every category with its count."""
        counts = {c: len(self.in_category[c]) for c in self.directory.categories}
        template = self.env.get_template("categories_list.html")
        return template.render(base=base, site=self, local=self.local, t=self.local.t, counts=counts)

    def areas_page(self) -> Page:
        url = self.local.url("omraden/")
        counts = {a.id: len(self.located[a.id]) + len(self.serving[a.id]) for a in self.directory.areas}
        areas = sorted(self.directory.areas, key=lambda a: a.name)
        wide_count = sum(len(entries) for entries in self.wide.values())
        html = partial(self.render, "areas.html", url, areas=areas, counts=counts, wide_count=wide_count)
        return self.page(url, self.local.t("areas"), html, self.local.t("areas_intro"), section=True)

    def good_examples_page(self) -> Page:
        url = "goda-exempel/"
        examples = [self.directory.entries[id_] for id_ in self.directory.good_examples]
        current = [e for e in examples if not e.record.ended]
        ended = [e for e in examples if e.record.ended]
        # Made now: the page is small and in the site search, whose text of it would otherwise be
        # a second rendering (on_page_content, then the page).
        html = self.render("good_examples.html", url, current=current, ended=ended)
        return Page(url, ui.t("good_examples"), html, description=ui.t("good_examples_intro"))

    def by_category(self, type_: str) -> list[tuple[object, list[Entry]]]:
        """The listed records of a type under each of their categories, in vocabulary order; empty
        groups left out."""
        groups = [
            (c, [e for e in self.in_category[c.id] if e.type == type_]) for c in self.directory.categories.values()
        ]
        return [(category, members) for category, members in groups if members]

    @staticmethod
    def by_type(entries: list[Entry]) -> dict[str, list[Entry]]:
        return {type_: [e for e in entries if e.type == type_] for type_ in TYPES}

    @staticmethod
    def language_tag(language_id: str) -> str:
        return LANGUAGES[language_id].tag

    def old_source_year(self, record) -> int | None:
        """The year of the record's newest dated source when it is old (freshness.py), else None."""
        return freshness.old_source_year(record, self.today)

    def entry(self, id_: str) -> Entry:
        return self.directory.entries[id_]

    def json_ld(self, entry: Entry) -> str:
        return script_json(json_ld(entry, self.settings, self.directory))
