"""Where records are published: the URL folder of each type (a contract of the guide)."""

from __future__ import annotations

from commonmap.records.directory import Entry
from commonmap.records.types import RECORD_TYPES

FOLDERS = {type_.folder: type_.url_folder for type_ in RECORD_TYPES}


def url_of(entry: Entry) -> str:
    """The record page's URL relative to the site root, e.g. "organisationer/kfum-orebro/"."""
    return f"{FOLDERS[entry.type]}/{entry.id}/"


def base_of(url: str) -> str:
    """The relative way from a page's URL ("kategorier/arbete/") back to the site root."""
    return "../" * url.count("/")
