"""MkDocs hook for benchmarks.i18n_10k --record-pages only: the design not chosen, a record page
per record in every language, to measure what it would cost to build. Never used by the site.

The pages are rendered from the same template as the Swedish record pages, with each language's
strings, and published under the language's folder (their links are not adjusted: only the cost
of rendering and writing them is measured).
"""

from __future__ import annotations

from dataclasses import replace

from commonmap import generators
from commonmap.base.languages import LANGUAGES
from commonmap.site import pages


def per_language_record_pages(directory, settings) -> list:
    found = []
    swedish = pages.SiteView(directory, settings)
    for code in settings.languages:
        if code == "sv":
            continue
        view = swedish.in_language(code)
        for entry in directory.entries.values():
            page = view.record_page(entry)
            found.append(replace(page, url=LANGUAGES[code].prefix + page.url, searchable=False))
    return found


if per_language_record_pages not in generators.GENERATORS:
    generators.GENERATORS.append(per_language_record_pages)
