"""/data/changes.json and the list on /oppna-data/: what changed since the last published version.

The previous version is a `directory.json` the site published before (`commonmap export
--previous FILE`, or the plugin's `previous_export`, e.g. fetched from the live site by CI before
the build). Records are matched by type and id: added, removed, or changed (the fields whose
values differ, `located_in` included). A field that is empty on one side and missing on the
other (a field added to the model since) is no change. Without a previous version every record is
listed as added and `previous` is null.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from commonmap.export.common import DATA, build_date, dump_json, page_url
from commonmap.export.native import FORMAT
from commonmap.records.directory import Directory, Entry
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES

PATH = f"{DATA}/changes.json"
CHANGES_FORMAT = "gemensam-karta-changes"
VERSION = "1.0"
HINT = "Ange filen /data/directory.json som webbplatsen publicerade förra gången, oförändrad."

Records = dict[tuple[str, str], dict]  # (type, id) -> {"record": ..., "located_in": ...}


def read_previous(path: str) -> tuple[dict | None, str | None]:
    """({"build_date", "records"}, None) from a published directory.json, or (None, the error
    as FILE:LINE:COL: error: MESSAGE with the fix, in Swedish). Read once per version of the file:
    the entry points check it before the build, the build then uses it."""
    file = Path(path)
    if not file.is_file():
        return None, f"{path}:1:1: error: den tidigare versionen finns inte. {HINT}"
    stat = file.stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


@cache
def _read(path: str, mtime_ns: int, size: int) -> tuple[dict | None, str | None]:
    file = Path(path)
    try:
        document = json.loads(file.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        line, col = (error.lineno, error.colno) if isinstance(error, json.JSONDecodeError) else (1, 1)
        return None, f"{path}:{line}:{col}: error: filen är inte giltig JSON. {HINT}"
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return None, f"{path}:1:1: error: filen är ingen directory.json från Gemensam karta (format saknas). {HINT}"
    records: Records = {}
    for type_ in TYPES:
        for item in document.get(type_) or []:
            if not (
                isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("record"), dict)
            ):
                return None, f"{path}:1:1: error: en post i '{type_}' saknar id eller record. {HINT}"
            records[(type_, item["id"])] = {"record": item["record"], "located_in": item.get("located_in", [])}
    return {"build_date": document.get("build_date"), "records": records}, None


def document(directory: Directory, settings: Settings) -> dict:
    """The changes as a JSON-ready dict."""
    previous = None
    if settings.previous_export:
        previous, error = read_previous(settings.previous_export)
        if error:  # the entry points check the file first; reaching this is a bug
            raise ValueError(error)
    before: Records = previous["records"] if previous else {}
    now = {(e.type, e.id): e for e in directory.entries.values()}
    changed = []
    for key, entry in now.items():
        if key in before:
            fields = _changed_fields(before[key], entry)
            if fields:
                changed.append({**_item(entry, settings), "fields": fields})
    data = {
        "format": CHANGES_FORMAT,
        "version": VERSION,
        "build_date": build_date(),
        "previous": {"build_date": previous["build_date"]} if previous else None,
        "added": [_item(entry, settings) for key, entry in now.items() if key not in before],
        "changed": changed,
        "removed": [
            {"type": type_, "id": id_, "name": str(before[(type_, id_)]["record"].get("name", ""))}
            for type_, id_ in sorted(set(before) - set(now))
        ],
    }
    data["counts"] = {kind: len(data[kind]) for kind in ("added", "changed", "removed")}
    return data


def _item(entry: Entry, settings: Settings) -> dict:
    return {"type": entry.type, "id": entry.id, "name": entry.record.name, "url": page_url(entry, settings.site_url)}


def _changed_fields(before: dict, entry: Entry) -> list[str]:
    now = {**entry.record.model_dump(mode="json"), "located_in": list(entry.located_in)}
    old = {**before["record"], "located_in": before["located_in"]}
    return sorted(key for key in set(now) | set(old) if _meaningful(now.get(key)) != _meaningful(old.get(key)))


def _meaningful(value: object) -> object:
    """The value with empty parts (None, [], {}) left out, so a field added to the model since
    the previous version is no change where it is empty."""
    if isinstance(value, dict):
        kept = {k: _meaningful(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, [], {})} or None
    if isinstance(value, list):
        return [_meaningful(item) for item in value] or None
    return value


def files(directory: Directory, settings: Settings) -> dict[str, bytes]:
    return {PATH: dump_json(document(directory, settings))}
