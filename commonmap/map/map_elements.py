"""The parts of the site's maps that folium has no element for, as small folium elements: each
renders one call of a function in commonmap/assets/map/karta.js (or plats.js) with the folium
objects it works on. The functions read the page's configuration and fetch the data files; no data
passes through these templates (see folium_page.py), only the names of folium's objects.
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

KARTA_JS = [("commonmap_karta", "assets/map/karta.js")]
KARTA_CSS = [("commonmap_karta_css", "assets/map/karta.css")]


class _Call(JSCSSMixin, MacroElement):
    """One call `CommonMapKarta.<function>(map, ...objects)` after the objects are made."""

    default_js = KARTA_JS
    default_css = KARTA_CSS
    function = ""
    _template = Template(
        """{% macro script(this, kwargs) %}
CommonMapKarta.{{ this.function }}({{ this._parent.get_name() }}{% for item in this.objects %}, {{ item.get_name() }}{% endfor %});
{% endmacro %}"""
    )

    def __init__(self, *objects: MacroElement) -> None:
        super().__init__()
        self._name = type(self).__name__
        self.objects = objects


class OpeningView(_Call):
    """Where the map opens: `#lat,lon,zoom` in the address, else the city's districts on a narrow
    screen and the whole municipality on a wide one. Added before the tiles, which then load once."""

    function = "openingView"


class SwedishControls(_Call):
    """The catalogue's names for Leaflet's own buttons (zoom, the layer list, the attribution)."""

    function = "controls"


class RecordMarkers(_Call):
    """The records (data/karta/poster.json) as markers in their type's layer of the cluster, each
    with a popup made on its first click; objects: the cluster, then one sub-group per type."""

    function = "records"


class AreaShapes(_Call):
    """The areas (data/karta/omraden.geojson) drawn into a feature group, named in tooltips, out of
    the tab order (the list under the map is their text alternative), shaded by the page's choice
    of category when it has one; object: the feature group."""

    function = "areas"


class NearestOnLocate(_Call):
    """ "Visa min position" (folium's LocateControl) shows the position with the nearest records
    around it and names them in the page's status line; object: the locate control."""

    function = "nearest"


class PointPicker(_Call):
    """Clicking the map (or choosing its centre) writes the `location:` lines for a record file and
    names the area the point falls in; object: the areas' feature group. Nothing is sent."""

    default_js = [*KARTA_JS, ("commonmap_plats", "assets/map/plats.js")]
    function = "picker"
