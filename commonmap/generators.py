"""Everything the site publishes, from one Directory: the list of generators, in order.

Each generator is a plain function `(directory, settings) -> list[Output]`; the engine adapter
(plugin.py) publishes the outputs. A new kind of output is added here, never in the adapter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from commonmap import contribute, export
from commonmap.map import mapview
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.search import finder
from commonmap.search import page as search_page
from commonmap.site import chrome, pages, translations
from commonmap.site.outputs import Output

Generator = Callable[[Directory, Settings], list[Output]]

GENERATORS: list[Generator] = [
    export.outputs,
    pages.outputs,
    finder.outputs,
    search_page.outputs,
    mapview.outputs,
    contribute.outputs,
    translations.outputs,
    chrome.outputs,
]


def outputs(directory: Directory, settings: Settings) -> Iterator[Output]:
    """One generator's outputs after another's: the adapter writes each file as it comes, so that
    30,000 records' files are not all in memory at once (issue 24)."""
    for generate in GENERATORS:
        yield from generate(directory, settings)
