"""Språk och översättningar (/sprak/, /ar/sprak/, ...): how much of each language is done and who
has reviewed it. Every build prints the same figures (plugin.py), so they can be checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from commonmap.base import i18n
from commonmap.base.languages import LANGUAGES, RESIDENT_CONTENT, SWEDISH, Language
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.site.environment import environment
from commonmap.site.outputs import Output, Page
from commonmap.site.urls import base_of

URL = "sprak/"


@dataclass(frozen=True)
class Report:
    """One language's completeness: (done, total) of the interface strings, the categories'
    names and descriptions (categories.yml) and the hand-written pages (content/)."""

    language: Language
    texts: tuple[int, int]
    categories: tuple[int, int]
    pages: tuple[int, int]
    broken: tuple[str, ...] = ()  # keys whose translation has wrong placeholders: Swedish is shown

    @staticmethod
    def percent(done: int, total: int) -> int:
        return 100 if not total else int(100 * done / total)

    def line(self) -> str:
        parts = [("texter", self.texts), ("kategorier", self.categories), ("sidor", self.pages)]
        figures = ", ".join(
            f"{name} {done} av {total} ({self.percent(done, total)} %)" for name, (done, total) in parts
        )
        broken = f"; fel platshållare, visas på svenska: {', '.join(self.broken)}" if self.broken else ""
        return f"Översättning {self.language.id} ({self.language.name}): {figures}{broken}"


def report(language: Language, directory: Directory, settings: Settings) -> Report:
    completeness = i18n.completeness(language)
    categories = list(directory.categories.values())
    if language.id == SWEDISH:
        done_categories = len(categories)
    else:
        done_categories = sum(bool(c.label_in(language.id) and c.description_in(language.id)) for c in categories)
    pages = sum(language.prefix + page in settings.content_pages for page in RESIDENT_CONTENT)
    broken = tuple(key for key, _ in i18n.placeholder_problems(i18n.read_catalogue(language)))
    return Report(
        language,
        (completeness.done, completeness.total),
        (done_categories, len(categories)),
        (pages, len(RESIDENT_CONTENT)),
        broken,
    )


def reports(directory: Directory, settings: Settings) -> list[Report]:
    """The languages other than Swedish, in the order of the switcher."""
    return [report(LANGUAGES[code], directory, settings) for code in settings.languages if code != SWEDISH]


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    rows = [report(LANGUAGES[code], directory, settings) for code in settings.languages]
    found: list[Output] = []
    for code in settings.languages:
        language = LANGUAGES[code]
        url = language.prefix + URL
        texts = i18n.texts(code)
        html = (
            environment()
            .get_template("translations.html")
            .render(base=base_of(url), t=texts.t, rows=rows, percent=Report.percent, email=settings.report_email)
        )
        title, description = texts.t("translations.title"), texts.t("translations.description")
        found.append(Page(url, title, html, description=description, searchable=code == SWEDISH))
    return found
