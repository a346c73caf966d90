"""Where needs are not met: for each area and each category, how many records serve it.

What is counted (the coverage page says the same in Swedish, see mapview.py):
- A record counts once in the cell (area, category) when the record has that category in its
  `categories` and the area is one of its areas. Its areas are
  - the areas its point lies in: its own `location`, or for volunteer roles and collaborations
    the location of their meeting places (`place`, `places`); found by geopandas' spatial join
    of the points with the area boundaries (spatial.py; validate finds the same, Entry.located_in), and
  - the areas it names itself in `areas` (the areas it serves).
  A record that both lies in an area and names it is still counted once.
- All four record types count: organisations, meeting places, volunteer roles and collaborations;
  collaborations with status `ended` and closed records (status `closed`) do not (they no longer
  serve anyone). Temporarily closed records count: the offer is there, paused.
- A protected record (and a role at a protected place) has no location: it counts in the areas
  it names in `areas`, which is all the map shows of it.
- A record that says `serves` (the whole municipality, county or country: helplines, municipal
  services) is counted apart, in `wide`, once per reach and category, and not in every area: the
  table keeps local and municipality-wide offers apart. If it has areas too, it also counts there.
- A record with neither a location, `areas` nor `serves` is in no known area: it is counted in
  `unplaced` ("område okänt": missing data, not missing support).
- A gap ("inget stöd") is a cell with no local offer while nothing wider covers the category
  either; a cell with no local offer but a wide one is `wide_only`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np

from commonmap.map import spatial
from commonmap.records.directory import Directory, Entry
from commonmap.site.reach import WIDE


@dataclass(frozen=True)
class Coverage:
    categories: tuple[str, ...]  # category ids, in the vocabulary's order
    areas: tuple[str, ...]  # area ids, in the order of areas.geojson
    counts: dict[str, tuple[int, ...]]  # area id -> count per category (aligned with `categories`)
    totals: dict[str, int]  # area id -> records serving the area in any category (each once)
    unplaced: tuple[int, ...]  # per category: counted records in no known area and without `serves`
    unplaced_records: int  # counted records in no known area and without `serves`
    records: int  # how many records were counted at all
    wide: dict[str, tuple[int, ...]]  # reach (municipality, county, country) -> count per category
    wide_records: dict[str, int]  # reach -> records with that reach

    def count(self, area_id: str, category_id: str) -> int:
        return self.counts[area_id][self.categories.index(category_id)]

    def covered_widely(self) -> tuple[bool, ...]:
        """Per category: whether any record with a wider reach offers it."""
        return tuple(any(row[i] for row in self.wide.values()) for i in range(len(self.categories)))

    def _empty(self, widely: bool) -> list[tuple[str, str]]:
        covered = self.covered_widely()
        return [
            (area, category)
            for area in self.areas
            for category, value, wide in zip(self.categories, self.counts[area], covered, strict=True)
            if value == 0 and wide == widely
        ]

    def gaps(self) -> list[tuple[str, str]]:
        """(area, category) cells with no support: nothing local and nothing wider."""
        return self._empty(widely=False)

    def wide_only(self) -> list[tuple[str, str]]:
        """(area, category) cells with nothing local but help for the whole municipality, county or country."""
        return self._empty(widely=True)


def counted(entry: Entry) -> bool:
    """Whether a record counts as an offer: everything but ended collaborations and closed records."""
    return not (entry.record.closed or entry.record.ended)


def coverage(directory: Directory, geography: spatial.Geography | None = None) -> Coverage:
    """The table from the records' areas (spatial.record_areas: the join of the markers with the
    areas, and the areas records name) as matrices: `placed` (record x area, 1 where the record
    is in or serves the area) and `offers` (record x category); a cell counts the records with
    both, `placed.T @ offers`."""
    categories = tuple(directory.categories)
    area_ids = tuple(area.id for area in directory.areas)
    counted_entries = [entry for entry in directory.entries.values() if counted(entry)]
    row = {entry.id: index for index, entry in enumerate(counted_entries)}
    column = {category: index for index, category in enumerate(categories)}
    area_index = {area: index for index, area in enumerate(area_ids)}
    offers = _matrix(
        len(counted_entries),
        len(categories),
        [(i, column[c]) for i, entry in enumerate(counted_entries) for c in entry.record.categories if c in column],
    )
    records, areas = spatial.record_areas(directory, geography or spatial.Geography.of(directory))
    pairs = zip(records, areas, strict=True)
    placed = _matrix(
        len(counted_entries),
        len(area_ids),
        [(row[r], area_index[a]) for r, a in pairs if r in row and a in area_index],
    )
    serves = np.array([entry.record.serves or "" for entry in counted_entries], dtype=object)
    unplaced = (placed.sum(axis=1) == 0) & (serves == "")
    return Coverage(
        categories,
        area_ids,
        {area: tuple(counts) for area, counts in zip(area_ids, (placed.T @ offers).tolist(), strict=True)},
        dict(zip(area_ids, placed.sum(axis=0).tolist(), strict=True)),
        tuple(offers[unplaced].sum(axis=0).tolist()),
        int(unplaced.sum()),
        len(counted_entries),
        {level: tuple(offers[serves == level].sum(axis=0).tolist()) for level in WIDE},
        {level: int((serves == level).sum()) for level in WIDE},
    )


def _matrix(rows: int, columns: int, ones: list[tuple[int, int]]) -> np.ndarray:
    """A rows x columns matrix of 0 with 1 at each (row, column) of `ones`."""
    found = np.zeros((rows, columns), dtype=np.int64)
    if ones:
        found[tuple(np.array(ones).T)] = 1
    return found


def to_csv(directory: Directory, result: Coverage) -> str:
    """The table as CSV (UTF-8, comma, one row per area, one column per category id)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["area_id", "area_code", "area_name", *result.categories])
    for area_id in result.areas:
        area = directory.areas.by_id[area_id]
        writer.writerow([area.id, area.code, area.name, *result.counts[area_id]])
    return out.getvalue()
