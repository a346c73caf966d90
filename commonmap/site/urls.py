"""Where records are published: the URL folder of each type (a contract of the guide)."""

from __future__ import annotations

from commonmap.records.directory import Entry
from commonmap.records.types import RECORD_TYPES

FOLDERS = {type_.folder: type_.url_folder for type_ in RECORD_TYPES}


def url_of(entry: Entry) -> str:
    """The record page's URL relative to the site root, e.g. "organisationer/kfum-orebro/"."""
    return f"{FOLDERS[entry.type]}/{entry.id}/"


def url_of_path(path: str) -> str:
    """The published URL (relative to the site root) of a page's source path."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def base_of(path: str) -> str:
    """The relative way from a page's published URL back to the site root."""
    return "../" * url_of_path(path).count("/")
