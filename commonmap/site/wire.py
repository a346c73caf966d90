"""The JSON the browser reads: every format in one place, each naming its columns in the file.

A table is {"columns": [...], "rows": [[...], ...]}: one compact row a thing, read by the scripts
by a column's name (assets/wire.js: `CMWire.index(table)` gives name -> position, `CMWire.objects`
one object a row), never by a position written into the script. Texts needed only for what a page
shows are in chunks (`chunked`): the header's "chunks" is {"path": "texter-{n}.json", "size": N,
"columns": [...] or absent}, `path` relative to the header's own file; file n holds items n*N on.

data/finder.json (search/finder.py), the finder's records, fetched whole:
    records     one object a record, keys as in FINDER_KEYS; vocabularies are by position
    categories, areas, languages   tables of VOCABULARY; types a table of TYPE_COLUMNS
    hours, closed_periods, points  the columns of a record's "h", "cp" and "ll"; holidays: dates
    chunks      the summaries: a string, or {"sv": ..., <code>: ...} with translations
data/karta/poster.json (map/mapdata.py), the map's markers: a table of MARKER_COLUMNS, with its
    types and categories (what `type` and `categories` point into); chunks: the summaries
data/sok/index.json (search/index.py), the search index's manifest: fields (FIELD_COLUMNS) and
    boosts (BOOST_COLUMNS) are tables; chunks: the documents, rows of DOC_COLUMNS; the term
    shards t<N>.json are {term: [surface words, postings]} (see search/index.py)
data/bidra/index.json (contribute/form.py), the records the form can change or refer to: a
    table of FORM_COLUMNS; chunks: each record's values as written in its file
data/karta/omraden.geojson and data/omraden/<id>.geojson (map/mapdata.py): GeoJSON, whose
    properties are named already
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from importlib import resources

from commonmap.site.outputs import Asset

MARKER_COLUMNS = ["lon", "lat", "id", "type", "name", "categories", "approximate"]
VOCABULARY = ["id", "label"]
TYPE_COLUMNS = ["id", "label", "folder"]
HOURS = ["days", "opens", "closes"]
CLOSED_PERIODS = ["start", "end"]
POINTS = ["lat", "lon", "approximate"]
FIELD_COLUMNS = ["name", "weight", "about"]
BOOST_COLUMNS = ["first", "boost"]
DOC_COLUMNS = ["title", "url", "kind", "where", "summary"]
FORM_COLUMNS = ["type", "id", "name"]

# The finder's records are objects (most keys are absent for most records), so their keys are short.
FINDER_KEYS = {
    "id": "the record's id",
    "t": "its type (a row of types)",
    "n": "its name",
    "c": "its categories (rows of categories)",
    "a": "its areas (rows of areas)",
    "l": "its languages (rows of languages)",
    "h": "its opening hours (rows of hours)",
    "cp": "its closed periods (rows of closed_periods)",
    "ho": "true: open on public holidays",
    "tc": "true: temporarily closed",
    "st": "planned or ended",
    "pr": "true: at a protected place",
    "f": "free of charge (true or false)",
    "w": "wheelchair access (yes, partial, no)",
    "ll": "where it is (rows of points): one a site with a location, a collaboration's every meeting place",
    "sv": "how widely it serves (a position in reach.WIDE)",
    "ad": "its address as one line",
    "tn": "its name in other languages {code: name}",
    "p": "phone",
    "tel": "the phone as a tel: link",
    "e": "email",
    "web": "website",
}


def table(columns: list[str], rows: list[list]) -> dict:
    """A table of the wire: its columns named, its rows in that order."""
    assert all(len(row) == len(columns) for row in rows)
    return {"columns": columns, "rows": rows}


def chunked(
    header: str,
    pattern: str,
    items: Sequence[object],
    size: int,
    dump: Callable[[object], str],
    columns: list[str] | None = None,
) -> tuple[dict, list[Asset]]:
    """`items` as files of `size` (`pattern` with {n}: the file holds items n*size on), and the
    "chunks" entry of the file `header` that says where they are (path relative to `header`)."""
    spec: dict[str, object] = {"path": posixpath.relpath(pattern, posixpath.dirname(header)), "size": size}
    if columns is not None:
        spec["columns"] = columns
    files = [Asset(pattern.format(n=k // size), dump(list(items[k : k + size]))) for k in range(0, len(items), size)]
    return spec, files


def script(folder: str, name: str) -> str:
    """A served script with assets/wire.js in front (the wire's reader and the one DOM helper,
    CMWire.el): a page loads only its own scripts, so each carries it (CMWire is defined once)."""
    assets = resources.files("commonmap") / "assets"
    return (assets / "wire.js").read_text(encoding="utf-8") + (assets / folder / name).read_text(encoding="utf-8")


def objects(data: dict) -> list[dict]:
    """A table's rows as dicts by column (as CMWire.objects): how a reader in Python reads one."""
    return [dict(zip(data["columns"], row, strict=True)) for row in data["rows"]]
