"""A folium map as the parts of one of the site's pages: the links its elements need, pointed at
the files the site serves (no CDN); its script, published as a file of its own (the site's
Content-Security-Policy runs no inline script); and stable element names, so that two builds are
byte-identical (branca names every element with random hex).

No record or area text may be handed to folium: branca compiles every element's rendered output
as a Jinja template again (MacroElement.render wraps it in Element(template=...)), so a name
written `{{ 7*7 }}` would come out as 49, and worse. The data reaches the map as JSON files and
the page's configuration; `inert` refuses the few strings of our own (catalogue, settings) that
are handed to folium if they hold Jinja syntax.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.elements import JSCSSMixin

# folium's asset names -> the files the site serves (commonmap/assets/vendor/map/, VENDORED.md), and ours.
ASSETS = {
    "leaflet": "assets/map/leaflet/leaflet.js",
    "leaflet_css": "assets/map/leaflet/leaflet.css",
    "markerclusterjs": "assets/map/markercluster/leaflet.markercluster.js",
    "markerclustercss": "assets/map/markercluster/MarkerCluster.css",
    "markerclusterdefaultcss": "assets/map/markercluster/MarkerCluster.Default.css",
    "featuregroupsubgroupjs": "assets/map/subgroup/leaflet.featuregroup.subgroup.js",
    "Control_locate_min_js": "assets/map/locatecontrol/L.Control.Locate.min.js",
    "Control_locate_min_css": "assets/map/locatecontrol/L.Control.Locate.min.css",
    "commonmap_karta": "assets/map/karta.js",
    "commonmap_plats": "assets/map/plats.js",
    "commonmap_karta_css": "assets/map/karta.css",
}
# What folium's Map loads for features the site does not use: jQuery and Bootstrap (folium's own
# popups and non-embedded GeoJSON), Font Awesome and awesome-markers (folium.Icon). Our markers are
# CSS, our popups built from text nodes.
UNUSED = {"jquery", "bootstrap", "awesome_markers", "bootstrap_css", "glyphicons_css"}
UNUSED |= {"awesome_markers_font_css", "awesome_markers_css", "awesome_rotate_css"}
RANDOM_NAME = re.compile(r"[0-9a-f]{32}")
JINJA = re.compile(r"\{[{%#]")


@dataclass(frozen=True)
class Parts:
    head: str  # <link> and <script defer> elements for the page's <head>, the map's script last
    script: str  # the map's JavaScript, to publish at `script_path`
    map_id: str  # the id of the map's <div> (and the name of its Leaflet object in the script)


def inert(text: str) -> str:
    """A string of our own handed to folium, refused if branca's second templating would run it."""
    if JINJA.search(text):
        raise ValueError(f"Texten får inte innehålla {{{{, {{% eller {{#: den går till folium som mall: {text!r}")
    return text


def named(element: Element, name: str):
    """A stable, readable name in the script for one of our elements: feature_group_sub_group_places."""
    element._id = name
    return element


def render(figure_map: folium.Map, base: str, script_url: str) -> Parts:
    """Render the map; its assets come from the site (`base` leads from the page to the root)."""
    _vendor(figure_map, base)
    _name_stably(figure_map)
    figure = figure_map.get_root()
    assert isinstance(figure, Figure)
    figure.render()
    script = figure.script.render()
    if RANDOM_NAME.search(script):
        raise AssertionError("an element of the map kept branca's random name")
    head = _links(figure.header) + f'<script defer src="{html.escape(script_url)}"></script>'
    return Parts(head, script.strip() + "\n", figure_map.get_name())


def _elements(element: Element):
    yield element
    for child in element._children.values():
        yield from _elements(child)


def _vendor(root: folium.Map, base: str) -> None:
    """Point every element's JavaScript and CSS at the site's copy; refuse an asset not vendored."""
    for element in _elements(root):
        if not isinstance(element, JSCSSMixin):
            continue
        for attribute in ("default_js", "default_css"):
            links = getattr(element, attribute)
            missing = [url for name, url in links if name not in ASSETS and name not in UNUSED]
            if missing:
                raise ValueError(f"{type(element).__name__} needs {missing}: vendor it (VENDORED.md)")
            # On the instance: folium's class-wide lists stay as they are.
            setattr(element, attribute, [(name, base + ASSETS[name]) for name, _ in links if name in ASSETS])


def _name_stably(root: folium.Map) -> None:
    """Every element whose name is branca's random hex gets its place in the tree instead."""
    for index, element in enumerate(_elements(root)):
        if RANDOM_NAME.fullmatch(element._id):
            element._id = str(index)


def _links(header: Element) -> str:
    """The header's stylesheet and script links as elements for <head>; scripts deferred, so they
    run in order once the page is parsed. The rest of folium's header (a viewport that forbids
    zooming, styles for a full-window map, Leaflet's global switches) is not for our pages."""
    styles, scripts = [], []
    for child in header._children.values():
        if isinstance(child, CssLink):
            styles.append(f'<link rel="stylesheet" href="{html.escape(child.url)}">')
        elif isinstance(child, JavascriptLink):
            scripts.append(f'<script defer src="{html.escape(child.url)}"></script>')
    return "".join(styles + scripts)
