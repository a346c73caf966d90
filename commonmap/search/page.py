"""Sök (/sok/): the site search's page, its scripts and styles. The header's search form on every
page (overrides/partials/header.html) sends its words here; the index itself is written after
the build (index.py), since it holds the hand-written pages too."""

from __future__ import annotations

from importlib import resources

from commonmap.base import ui
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.search.documents import FIELDS
from commonmap.site import wire
from commonmap.site.environment import environment
from commonmap.site.outputs import Asset, Output, Page

URL = "sok/"
SCRIPTS = ("sok.js", "search.css")


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    fields = {name: ui.t(f"search.field.{name}") for name in FIELDS}
    html = environment().get_template("search.html").render(base="../", fields=fields)
    found: list[Output] = [
        Page(URL, ui.t("search.title"), html, description=ui.t("search.description"), searchable=False)
    ]
    folder = resources.files("commonmap") / "assets" / "search"
    found.append(Asset("assets/search/search.js", wire.script("search", "search.js")))  # sok.js uses CMWire too
    found += [Asset(f"assets/search/{name}", (folder / name).read_bytes()) for name in SCRIPTS]
    return found
