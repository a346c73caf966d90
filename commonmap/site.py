"""Everything the site publishes, from one Directory: the list of generators, in order.

Each generator is a plain function `(directory, settings) -> list[Output]`; the engine adapter
(plugin.py) publishes the outputs. A new kind of output is added here, never in the adapter.
"""

from __future__ import annotations

from collections.abc import Callable

from commonmap import chrome, contribute, export, finder, mapview, pages, translations
from commonmap.directory import Directory
from commonmap.outputs import Output
from commonmap.search import page as search_page
from commonmap.settings import Settings

Generator = Callable[[Directory, Settings], list[Output]]

GENERATORS: list[Generator] = [
    pages.outputs,
    finder.outputs,
    search_page.outputs,
    mapview.outputs,
    export.outputs,
    contribute.outputs,
    translations.outputs,
    chrome.outputs,
]


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    found: list[Output] = []
    for generate in GENERATORS:
        found += generate(directory, settings)
    return found
