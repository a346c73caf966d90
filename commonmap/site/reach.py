"""Where help reaches: the areas a record is in or names, or the whole municipality, county or
country when it says so in `serves`.

A record that serves the whole municipality (a helpline, a municipal service) helps a resident of
every area, but it is not local to any: area pages and the finder list it after the local help,
marked "hela kommunen", "hela länet" or "hela landet". A record with neither areas, a point nor
`serves` is in no known area ("område okänt"): the data is missing, which is not the same as an
area without support.
"""

from __future__ import annotations

from commonmap.records.directory import Directory, Entry

# From the nearest to the widest: the order in which pages list them after the local help.
WIDE = ("municipality", "county", "country")


def is_wide(entry: Entry) -> bool:
    return entry.record.serves is not None


def is_local_to(entry: Entry, area_id: str) -> bool:
    return area_id in entry.areas


def area_unknown(entry: Entry) -> bool:
    """Neither an area (its own point, its place's, or named) nor a wider reach."""
    return not entry.areas and not is_wide(entry)


def wide_entries(directory: Directory) -> dict[str, list[Entry]]:
    """The listed records that serve a whole municipality, county or country, by that reach, in id order."""
    found: dict[str, list[Entry]] = {level: [] for level in WIDE}
    for entry in directory.listed():
        if entry.record.serves is not None:
            found[entry.record.serves].append(entry)
    return found


def wide_for_area(wide: dict[str, list[Entry]], area_id: str) -> dict[str, list[Entry]]:
    """The wide help of an area, without the records that are local to it already (listed there)."""
    return {level: [e for e in entries if not is_local_to(e, area_id)] for level, entries in wide.items()}
