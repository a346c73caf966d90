"""/data/directory.geojson: every record that has its own location, as an RFC 7946 FeatureCollection."""

from __future__ import annotations

from commonmap.export.common import dump_json, page_url
from commonmap.records.directory import Directory, Entry
from commonmap.records.settings import Settings

PATH = "data/directory.geojson"


def located(directory: Directory) -> list[Entry]:
    """The records the GeoJSON holds: those with a `location` of their own, in id order."""
    return [e for e in directory.entries.values() if e.record.own_location is not None]


def collection(directory: Directory, settings: Settings) -> dict:
    return {"type": "FeatureCollection", "features": [_feature(e, settings) for e in located(directory)]}


def _feature(entry: Entry, settings: Settings) -> dict:
    record = entry.record
    location = record.location
    return {
        "type": "Feature",
        "id": entry.id,
        # RFC 7946: longitude first, WGS 84 decimal degrees, the numbers as typed in the record.
        "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
        "properties": {
            "id": entry.id,
            "type": entry.type,
            "name": record.name,
            "summary": record.summary,
            # The name and summary in other languages, as the association wrote them ({} if none).
            "translations": {code: t.model_dump() for code, t in record.translations.items()},
            "categories": list(record.categories),
            "areas": list(entry.areas),
            "approximate": location.approximate,
            "url": page_url(entry, settings.site_url),
        },
    }


def files(directory: Directory, settings: Settings) -> dict[str, bytes]:
    return {PATH: dump_json(collection(directory, settings))}
