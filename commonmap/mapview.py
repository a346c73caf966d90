"""The map: the page /karta/, the coverage page /omraden/tackning/, their data and scripts.

A generator like the others in site.py: `outputs(directory, settings)` returns Pages and Assets.
Leaflet and Leaflet.markercluster are served from the site (vendored from the npm registry with
their licences, commonmap/assets/map/); the only other host a visitor's browser talks to is the
configured tile server. The data is separate GeoJSON fetched by the page; the page's HTML holds the
same records as a list (the text alternative), escaped by Jinja2.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib import resources

from jinja2 import Environment, FunctionLoader, StrictUndefined

from commonmap import coverage, mapdata
from commonmap.directory import Directory, Entry
from commonmap.outputs import Asset, Output, Page
from commonmap.settings import Settings
from commonmap.urls import FOLDERS, url_of

# The map's interface strings (Swedish). They belong with the interface catalogue (ui.py) once
# that is settled; keys are stable so translations can be added beside them.
TEXT: dict[str, object] = {
    "title": "Karta",
    "description": "Karta över stöd, mötesplatser, volontäruppdrag och samverkan i Örebro kommun.",
    "intro": (
        "Kartan visar organisationer, mötesplatser, volontäruppdrag och samverkan som har en plats. "
        "Klicka på en markering för att läsa mer. Samma poster finns som lista under kartan."
    ),
    "skip_to_list": "Hoppa till listan",
    "to_coverage": "Var finns stödet? Tabell per område",
    "layers": "Visa på kartan",
    "area_layer": "Områdesgränser",
    "shade_by": "Färga områdena efter hur många som erbjuder",
    "all_categories": "Alla kategorier",
    "no_shading": "Ingen färg",
    "locate": "Visa min position",
    "map_label": "Karta över stödet i Örebro kommun",
    "loading": "Kartan laddas …",
    "noscript": "Kartan behöver JavaScript. Alla poster finns i listan nedan.",
    "legend": "Teckenförklaring",
    "legend_shapes": "Formen visar vilken sorts post det är:",
    "legend_colours": "Färgen visar postens första kategori:",
    "legend_areas": "Områdenas färg visar hur många poster som erbjuder den valda kategorin i området (vitt: ingen):",
    "list_heading": "Alla poster på kartan, per område",
    "list_intro": "Samma poster som på kartan. En post kan finnas i flera områden.",
    "unlocated": "Poster utan plats syns inte på kartan men finns i listorna:",
    "located_of": "{located} av {records} på kartan",
    # Used by the scripts (passed in cm.js's configuration)
    "categories": "Kategorier",
    "approximate": "Platsen är ungefärlig.",
    "shown": "Kartan visar {count} markeringar.",
    "failed": "Kartdata kunde inte laddas. Alla poster finns i listan nedan.",
    "none": "ingen",
    "locating": "Söker din position …",
    "located": "Din ungefärliga position visas på kartan. Den skickas inte någonstans.",
    "locate_failed": "Din position kunde inte hittas.",
    # The coverage page
    "coverage_title": "Var finns stödet? Täckning per område",
    "coverage_description": "Hur många verksamheter som erbjuder varje sorts stöd i varje område av Örebro kommun.",
    "coverage_intro": (
        "Tabellen visar, för varje område och varje kategori, hur många poster i katalogen som finns i "
        "eller vänder sig till området. Så räknas det:"
    ),
    "coverage_counts": [
        "En post räknas i ett område när den ligger där (dess egen plats, eller för volontäruppdrag och "
        "samverkan platsen för deras mötesplatser) eller när posten själv anger att den vänder sig till "
        "området.",
        "En post räknas en gång per område och kategori, även om den både ligger i området och anger det. "
        "En post med flera kategorier räknas i varje kategori, så kolumnerna kan inte läggas ihop; "
        "Totalt räknar varje post en gång.",
        "Alla sorters poster räknas: organisationer, mötesplatser, volontäruppdrag och samverkan. "
        "Avslutad samverkan räknas inte, och inte heller verksamheter som har upphört. En skyddad adress "
        "räknas i de områden den själv anger, men visas aldrig som en punkt.",
        "Poster utan plats och utan områden (till exempel nationella stödlinjer) finns på den sista raden.",
        "Siffrorna säger hur många som finns i katalogen, inte hur stort behovet är eller hur mycket stöd "
        "varje verksamhet ger.",
    ],
    "coverage_gaps": "Rutor med 0 är markerade: där finns inget i katalogen för den kategorin.",
    "download_csv": "Ladda ner tabellen som CSV",
    "to_map": "Se det på kartan",
    "table_caption": "Antal poster per område och kategori",
    "area": "Område",
    "total": "Totalt",
    "gap": "inget",
    "unplaced": "Utan område",
    "gaps_summary": "{gaps} av {cells} rutor är tomma.",
}
TYPE_LABELS = {
    "organisations": ("Organisation", "Organisationer"),
    "places": ("Mötesplats", "Mötesplatser"),
    "roles": ("Volontäruppdrag", "Volontäruppdrag"),
    "collaborations": ("Samverkan", "Samverkan"),
}
SCRIPT_TEXT = ["categories", "approximate", "shown", "failed", "none", "locating", "located", "locate_failed"]

VENDORED = [
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet/LICENSE",
    "leaflet/images/layers.png",
    "leaflet/images/layers-2x.png",
    "leaflet/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png",
    "markercluster/leaflet.markercluster.js",
    "markercluster/MarkerCluster.css",
    "markercluster/MarkerCluster.Default.css",
    "markercluster/MIT-LICENCE.txt",
    "karta.js",
]


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    served = coverage.coverage(directory)
    found: list[Output] = [map_page(directory), coverage_page(directory, served)]
    features = mapdata.record_features(directory)
    table = mapdata.marker_table(features, list(directory.categories))
    found.append(Asset(MARKERS, mapdata.to_json(table)))
    for index, chunk in enumerate(mapdata.summary_chunks(features)):
        found.append(Asset(f"data/karta/texter/{index}.json", mapdata.to_json(chunk)))
    found.append(Asset(AREAS, mapdata.to_json(mapdata.area_features(directory, served))))
    for area_id, detail in mapdata.area_details(directory).items():
        found.append(Asset(f"data/omraden/{area_id}.geojson", mapdata.to_json(detail)))
    found.append(Asset("data/tackning.csv", coverage.to_csv(directory, served)))
    found.append(Asset("assets/map/cm.js", loader_script(directory, settings)))
    found.append(Asset("assets/map/map.css", stylesheet(directory)))
    found += [Asset(f"assets/map/{name}", _vendored(name)) for name in VENDORED]
    return found


MARKERS = "data/karta/poster.json"
AREAS = "data/karta/omraden.geojson"
# Fetched early by the map page (from <head>), so they download while the page's HTML is parsed.
PRELOAD = [
    (MARKERS, "fetch"),
    (AREAS, "fetch"),
    ("assets/map/leaflet/leaflet.js", "script"),
    ("assets/map/markercluster/leaflet.markercluster.js", "script"),
    ("assets/map/karta.js", "script"),
]


def map_page(directory: Directory) -> Page:
    groups: dict[str, list[Entry]] = defaultdict(list)
    located: dict[str, int] = defaultdict(int)
    markers: dict[str, int] = defaultdict(int)
    for entry in directory.listed():
        points = mapdata.points_of(entry, directory.entries)
        if not points:
            continue
        located[entry.type] += 1
        markers[entry.type] += len(points)
        for area_id in entry.located_in:
            groups[area_id].append(entry)
    areas = [
        {"name": area.name, "count": len(groups[area.id]), "types": _by_type(groups[area.id])}
        for area in sorted(directory.areas, key=lambda a: a.name)
        if groups[area.id]
    ]
    types = [
        {
            "id": type_,
            "folder": FOLDERS[type_],
            "singular": singular,
            "plural": plural,
            "markers": markers[type_],
            "located": located[type_],
            "records": sum(entry.type == type_ for entry in directory.listed()),
        }
        for type_, (singular, plural) in TYPE_LABELS.items()
    ]
    html = _template("karta.html").render(t=TEXT, types=types, categories=_categories(directory), areas=areas)
    head = "".join(
        f'<link rel="preload" href="../{path}" as="{kind}"{" crossorigin" if kind == "fetch" else ""}>'
        for path, kind in PRELOAD
    )
    return Page("karta.md", str(TEXT["title"]), html, description=str(TEXT["description"]), head=head)


def coverage_page(directory: Directory, served: coverage.Coverage) -> Page:
    rows = [
        {
            "id": area_id,
            "name": directory.areas.by_id[area_id].name,
            "counts": served.counts[area_id],
            "total": served.totals[area_id],
        }
        for area_id in served.areas
    ]
    cells = len(served.areas) * len(served.categories)
    text = {**TEXT, "gaps_summary": str(TEXT["gaps_summary"]).format(gaps=len(served.gaps()), cells=cells)}
    html = _template("tackning.html").render(
        t=text,
        categories=_categories(directory),
        rows=rows,
        unplaced=served.unplaced,
        unplaced_total=served.unplaced_records,
    )
    return Page("omraden/tackning.md", str(TEXT["coverage_title"]), html, description=str(TEXT["coverage_description"]))


def script_config(directory: Directory, settings: Settings) -> dict:
    """What the scripts need to know: tiles, the municipality's bounds, labels and strings."""
    return {
        "tiles": {"url": settings.tiles_url, "attribution": settings.tiles_attribution},
        "bounds": mapdata.bounds(directory),
        "types": {type_: {"label": singular, "folder": FOLDERS[type_]} for type_, (singular, _) in TYPE_LABELS.items()},
        "categories": [{"id": c.id, "label": c.label} for c in directory.categories.values()],
        "text": {key: TEXT[key] for key in SCRIPT_TEXT},
    }


def loader_script(directory: Directory, settings: Settings) -> str:
    """cm.js with its configuration as JSON that is safe in JavaScript source."""
    source = _package_text("cm.js")
    marker = "/*CONFIG*/ null"
    assert source.count(marker) == 1
    return source.replace(marker, mapdata.script_json(script_config(directory, settings)))


def stylesheet(directory: Directory) -> str:
    """map.css and one rule per category colour (colours are validated #rrggbb in categories.yml)."""
    rules = []
    for index, category in enumerate(directory.categories.values()):
        if re.fullmatch(r"#[0-9a-fA-F]{6}", category.color):
            rules.append(f".cm-c{index} {{ background: {category.color}; }}")
    return _package_text("map.css") + "\n" + "\n".join(rules) + "\n"


def _categories(directory: Directory) -> list[dict[str, str]]:
    return [{"id": c.id, "label": c.label} for c in directory.categories.values()]


def _by_type(entries: list[Entry]) -> list[dict]:
    """The entries of one area, grouped by type, by name within a type, for the list."""
    return [
        {
            "plural": plural,
            "entries": [
                {"name": e.record.name, "url": url_of(e)} for e in sorted(entries, key=_by_name) if e.type == type_
            ],
        }
        for type_, (_, plural) in TYPE_LABELS.items()
        if any(e.type == type_ for e in entries)
    ]


def _by_name(entry: Entry) -> tuple[str, str]:
    return (entry.record.name.casefold(), entry.id)


def _package_file(name: str):
    return resources.files("commonmap").joinpath("assets", "map", *name.split("/"))


def _package_text(name: str) -> str:
    return _package_file(name).read_text(encoding="utf-8")


def _vendored(name: str) -> str | bytes:
    if name.endswith(".png"):
        return _package_file(name).read_bytes()
    text = _package_text(name)
    # The vendored builds point at source maps we do not ship; drop the pointer (no 404s).
    return re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text)


@cache
def _environment() -> Environment:
    return Environment(
        loader=FunctionLoader(lambda name: _package_text(f"templates/{name}")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


def _template(name: str):
    return _environment().get_template(name)
