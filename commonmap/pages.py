"""The site's pages for records, lists, categories, areas and good examples (being written)."""

from __future__ import annotations

from commonmap.directory import Directory
from commonmap.outputs import Output
from commonmap.settings import Settings


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    return []
