"""What every export shares: file paths, the pinned build date, page URLs and byte-stable writers."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator

import orjson

from commonmap.base import clock
from commonmap.records.directory import Entry
from commonmap.site.outputs import Chunks
from commonmap.site.urls import url_of

DATA = "data"  # every export file is published under /data/
CSV_ROWS = 2000  # rows of a CSV made at a time
FORMAT_VERSION = "1.0"  # of directory.json; raise the major number when a field changes meaning

# The attribution the published data needs (README.md "Data sources and licences").
AREA_ATTRIBUTION = (
    "Områdesgränser: SCB, Regionala statistikområden (RegSO) 2025, CC0 1.0, bearbetade; "
    "geometrin via real-estate-war-lord/am-dashboard-se (MIT-licens, Copyright (c) 2026 Santeri Salmela)."
)
HSDS_ATTRIBUTION = (
    "Human Services Data Specification (HSDS) 3.0, Open Referral, CC BY-SA 4.0: "
    "https://github.com/openreferral/specification"
)


def build_date() -> str:
    """The day the data is built, written into the exports as their version: the one clock's
    today (clock.py: --today / COMMONMAP_TODAY, SOURCE_DATE_EPOCH for reproducible builds, or
    the system's date)."""
    return clock.today().isoformat()


def build_datetime() -> str:
    """The build date as an RFC 3339 datetime (midnight UTC), for fields that must be datetimes
    such as a data package's `created`: a whole day, so two builds on one day stay byte-identical."""
    return f"{build_date()}T00:00:00Z"


def page_url(entry: Entry, site_url: str) -> str:
    """Absolute URL of the record page when the site's URL is known, else relative to the root."""
    return absolute(url_of(entry), site_url)


def absolute(path: str, site_url: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def dump_json(data: object, pretty: bool = False) -> bytes:
    """Sorted UTF-8 JSON with a final newline: the same data always gives the same bytes. Compact
    by orjson, which writes the same bytes as the json module five times faster (the exports
    are 60 MB at 10,000 records); pretty for the small descriptive files."""
    if pretty:
        return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)


def dump_json_part(data: object) -> bytes:
    """dump_json's compact bytes for a piece of a file made piece by piece (no final newline)."""
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)


def dump_csv(header: list[str], rows: Iterable[list], bom: bool = False) -> Chunks:
    """RFC 4180 CSV (CRLF line ends), UTF-8; with a byte order mark for spreadsheets when asked.
    Made as it is written, CSV_ROWS rows at a time, so that a large table is never whole in
    memory (issue 24)."""
    return Chunks(_csv_pieces(header, iter(rows), bom))


def _csv_pieces(header: list[str], rows: Iterator[list], bom: bool) -> Iterator[bytes]:
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    text.write("\ufeff" if bom else "")
    writer.writerow(header)
    while True:
        batch = list(itertools.islice(rows, CSV_ROWS))
        writer.writerows(batch)
        text.flush()
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if len(batch) < CSV_ROWS:
            return
