"""The site's pages: one per record, lists per type, categories, areas and good examples.

Engine-agnostic: returns Pages with finished HTML, rendered by Jinja2 with autoescape on. Record
text is data passed to templates, never compiled as a template.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import phonenumbers
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from jinja2 import Environment
from markupsafe import Markup

from commonmap import clock, freshness, reach, richtext, templating, ui
from commonmap.checks import language_names
from commonmap.directory import Directory, Entry
from commonmap.jsonld import json_ld, script_json
from commonmap.model import TYPES, Hours
from commonmap.outputs import Output, Page, Snippet
from commonmap.settings import Settings
from commonmap.urls import FOLDERS, base_of, url_of

DAYS = ["mo", "tu", "we", "th", "fr", "sa", "su"]


@dataclass
class Relations:
    """Links between records, both ways, computed once for all pages."""

    places: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    collaborations: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, directory: Directory) -> Relations:
        found = cls()
        for entry in directory.entries.values():
            record = entry.record
            if entry.type == "places":
                for host in record.hosts:
                    found.places[host].append(entry)
            elif entry.type == "roles":
                for target in filter(None, (record.organisation, record.place)):
                    found.roles[target].append(entry)
            elif entry.type == "collaborations":
                for target in dict.fromkeys([p.organisation for p in record.partners] + record.places):
                    found.collaborations[target].append(entry)
        return found


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    site = SiteView(directory, settings)
    pages: list[Output] = [site.record_page(entry) for entry in directory.entries.values()]
    pages += [site.list_page(type_) for type_ in TYPES]
    pages += [site.category_page(category_id) for category_id in directory.categories]
    pages += [site.categories_page(), site.areas_page(), site.good_examples_page()]
    pages += [site.area_page(area.id) for area in directory.areas]
    pages.append(Snippet("categories", site.categories_snippet))
    return pages


class SiteView:
    """What the templates need, derived once from the Directory."""

    def __init__(self, directory: Directory, settings: Settings) -> None:
        self.directory = directory
        self.settings = settings
        self.relations = Relations.of(directory)
        self.env = environment()
        # Indexes for the list pages, made in one pass: with 10,000 records a scan per page adds up.
        self.listed = directory.listed()
        self.in_category: dict[str, list[Entry]] = defaultdict(list)
        self.located: dict[str, list[Entry]] = defaultdict(list)
        self.serving: dict[str, list[Entry]] = defaultdict(list)
        self.wide = reach.wide_entries(directory)
        self.today = clock.today()  # the build's day, for the age of sources (set by COMMONMAP_TODAY)
        for entry in self.listed:
            for category_id in dict.fromkeys(entry.record.categories):
                self.in_category[category_id].append(entry)
            for area_id in dict.fromkeys(entry.located_in):
                self.located[area_id].append(entry)
            for area_id in dict.fromkeys(entry.record.areas):
                if area_id not in entry.located_in:
                    self.serving[area_id].append(entry)

    def render(self, template: str, path: str, **context: object) -> str:
        return self.env.get_template(template).render(base=base_of(path), site=self, **context)

    def record_page(self, entry: Entry) -> Page:
        path = f"{FOLDERS[entry.type]}/{entry.id}.md"
        record = entry.record
        html = self.render(
            "record.html",
            path,
            entry=entry,
            record=record,
            good_example=self.directory.is_good_example(entry),
            edit_url=self.settings.edit_url(entry.file),
            report=self.settings.report_links(record.name, url_of(entry)),
        )
        return Page(
            path,
            record.name,
            html,
            description=record.summary or "",
            head=self.json_ld(entry),
            search=False,
            meta={"quick_exit": self.directory.quick_exit(entry)},
        )

    def list_page(self, type_: str) -> Page:
        path = f"{FOLDERS[type_]}/index.md"
        html = self.render("list.html", path, type_=type_, groups=self.by_category(type_))
        return Page(path, ui.t(f"types.{type_}"), html, description=ui.t(f"list_intro.{type_}"), search=False)

    def category_page(self, category_id: str) -> Page:
        path = f"kategorier/{category_id}.md"
        category = self.directory.categories[category_id]
        by_type = self.by_type(self.in_category[category_id])
        html = self.render("category.html", path, category=category, by_type=by_type)
        meta = {"quick_exit": category.quick_exit}
        return Page(path, category.label, html, description=category.description, search=False, meta=meta)

    def categories_page(self) -> Page:
        path = "kategorier/index.md"
        html = self.render("categories.html", path, listing=Markup(self.categories_snippet(base_of(path))))
        return Page(path, ui.t("categories"), html, description=ui.t("categories_intro"), search=False)

    def area_page(self, area_id: str) -> Page:
        path = f"omraden/{area_id}.md"
        area = self.directory.areas.by_id[area_id]
        located, serving = self.by_type(self.located[area_id]), self.by_type(self.serving[area_id])
        wide = {level: self.by_type(entries) for level, entries in reach.wide_for_area(self.wide, area_id).items()}
        html = self.render("area.html", path, area=area, located=located, serving=serving, wide=wide)
        return Page(path, area.name, html, description=ui.t("area_intro", name=area.name), search=False)

    def categories_snippet(self, base: str) -> str:
        """The start page's "find support by need": every category with its count."""
        counts = {c: len(self.in_category[c]) for c in self.directory.categories}
        return self.env.get_template("categories_list.html").render(base=base, site=self, counts=counts)

    def areas_page(self) -> Page:
        path = "omraden/index.md"
        counts = {a.id: len(self.located[a.id]) + len(self.serving[a.id]) for a in self.directory.areas}
        areas = sorted(self.directory.areas, key=lambda a: a.name)
        wide_count = sum(len(entries) for entries in self.wide.values())
        html = self.render("areas.html", path, areas=areas, counts=counts, wide_count=wide_count)
        return Page(path, ui.t("areas"), html, description=ui.t("areas_intro"), search=False)

    def good_examples_page(self) -> Page:
        path = "goda-exempel.md"
        examples = [self.directory.entries[id_] for id_ in self.directory.good_examples]
        current = [e for e in examples if e.record.status != "ended"]
        ended = [e for e in examples if e.record.status == "ended"]
        html = self.render("good_examples.html", path, current=current, ended=ended)
        return Page(path, ui.t("good_examples"), html, description=ui.t("good_examples_intro"))

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

    def old_source_year(self, record) -> int | None:
        """The year of the record's newest dated source when it is old (freshness.py), else None."""
        return freshness.old_source_year(record, self.today)

    def entry(self, id_: str) -> Entry:
        return self.directory.entries[id_]

    def json_ld(self, entry: Entry) -> str:
        return script_json(json_ld(entry, self.settings, self.directory))


@cache
def environment() -> Environment:
    """The shared template set-up with the filters and names the site's pages use."""
    env = templating.environment()
    env.globals.update(url_of=url_of, FOLDERS=FOLDERS, TYPES=list(TYPES))
    env.filters.update(
        swedish_date=swedish_date,
        hours=hours_text,
        language=language_label,
        tel=tel_href,
        markdown=lambda text: Markup(richtext.render(text)),
        period=period_text,
    )
    return env


@cache
def swedish_date(value: str) -> str:
    """'2021-11-10' → '10 november 2021'; partial dates ('2009', '2011-06') stay readable."""
    parts = value.split("-")
    if len(parts) == 3:
        return format_date(date.fromisoformat(value), format="long", locale="sv")
    if len(parts) == 2:
        return format_date(date(int(parts[0]), int(parts[1]), 1), format="LLLL y", locale="sv")
    return value


def period_text(period) -> str:
    if period is None:
        return ""
    start = swedish_date(period.start)
    return f"{start} – {swedish_date(period.end)}" if period.end else f"{ui.t('from')} {start}"


def hours_text(hours: Hours) -> str:
    """'fredag och lördag 21:00–01:00 (över midnatt)' in plain Swedish; 00:00–00:00, a whole day
    from midnight, is 'måndag–söndag dygnet runt'."""
    days = day_ranges(hours.days)
    if round_the_clock(hours):
        return f"{days} {ui.t('round_the_clock')}"
    text = f"{days} {hours.opens}–{hours.closes}"
    if hours.closes <= hours.opens:
        text += f" ({ui.t('past_midnight')})"
    return text


def round_the_clock(hours: Hours) -> bool:
    """Open the whole of each of its days: from midnight to midnight."""
    return hours.opens == hours.closes == "00:00"


def day_ranges(days: list[str]) -> str:
    """Consecutive days as ranges: ['mo','tu','we','fr'] → 'måndag–onsdag och fredag'."""
    indexes = sorted({DAYS.index(d) for d in days})
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    names: list[str] = []
    for run in runs:
        if len(run) >= 3:
            names.append(f"{_day(run[0])}–{_day(run[-1])}")
        else:
            names += [_day(index) for index in run]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def _day(index: int) -> str:
    return ui.t(f"day.{DAYS[index]}")


@cache
def language_label(code: str) -> str:
    """'ar' → 'arabiska (العربية)': the Swedish name and the language's own name."""
    swedish = language_names().get(code, code)
    try:
        own = Locale.parse(code).get_display_name(code)
    except (UnknownLocaleError, ValueError):
        own = None
    return f"{swedish} ({own})" if own and own.casefold() != swedish.casefold() else swedish


@cache
def tel_href(number: str) -> str:
    """A `tel:` link in E.164 where possible; the number is shown as typed elsewhere."""
    try:
        parsed = phonenumbers.parse(number, "SE")
    except phonenumbers.NumberParseException:
        return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")
    if phonenumbers.is_valid_number(parsed):
        return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return "tel:" + "".join(c for c in number if c.isdigit())
