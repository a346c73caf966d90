"""/data/<type>.csv: one spreadsheet per record type, UTF-8 with BOM so that Excel shows å, ä, ö.

Columns are the record's fields, nested ones as dotted paths (contact.phone, location.lat), in the
model's order, followed by url and located_in. Lists put one item per line inside the cell. A
cell that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
gets an apostrophe in front (OWASP's advice); directory.json has every value untouched.
"""

from __future__ import annotations

import types
import typing
from functools import cache

from pydantic import BaseModel

from commonmap.export.common import DATA, dump_csv, page_url
from commonmap.records.directory import Directory, Entry
from commonmap.records.parts import Hours, Partner, Service, SourceLink
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.site.outputs import Chunks
from commonmap.site.urls import FOLDERS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXTRA_COLUMNS = ["url", "located_in"]


def path(type_: str) -> str:
    return f"{DATA}/{FOLDERS[type_]}.csv"


def model_in(annotation: object) -> type[BaseModel] | None:
    """The model class in `X`, `X | None`, else None."""
    candidates = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


@cache
def columns(model: type[BaseModel], prefix: str = "") -> tuple[str, ...]:
    """Dotted field paths of a model, nested models flattened, in declaration order."""
    found: list[str] = []
    for name, info in model.model_fields.items():
        nested = model_in(info.annotation)
        found += columns(nested, f"{prefix}{name}.") if nested else [prefix + name]
    return tuple(found)


def header(type_: str) -> list[str]:
    return [*columns(TYPES[type_]), *EXTRA_COLUMNS]


def row(entry: Entry, settings: Settings) -> list[str]:
    values = [_cell(_lookup(entry.record, path)) for path in _paths(TYPES[entry.type])]
    values += [page_url(entry, settings.site_url), "\n".join(entry.located_in)]
    return [_guard(value) for value in values]


@cache
def _paths(model: type[BaseModel]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(column.split(".")) for column in columns(model))


def _lookup(record: BaseModel, path: tuple[str, ...]) -> object:
    value: object = record
    for part in path:
        if value is None:
            return None
        value = getattr(value, part)
    return value


def _cell(value: object) -> str:
    if type(value) is str:  # most cells
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "\n".join(_item(item) for item in value)
    return str(value)


def _item(item: object) -> str:
    """One list item as a line of text; objects in a readable form."""
    if isinstance(item, Service):
        text = item.name + (f" – {item.description}" if item.description else "")
        return text + (f" [{', '.join(item.categories)}]" if item.categories else "")
    if isinstance(item, Hours):
        text = f"{' '.join(item.days)} {item.opens}–{item.closes}"
        return text + (f" ({item.note})" if item.note else "")
    if isinstance(item, Partner):
        return item.organisation + (f": {item.part}" if item.part else "")
    if isinstance(item, SourceLink):
        return item.text
    return _cell(item)


def _guard(value: str) -> str:
    return "'" + value if value[:1] in FORMULA_START else value


def files(directory: Directory, settings: Settings) -> dict[str, Chunks]:
    return {
        path(type_): dump_csv(header(type_), (row(e, settings) for e in directory.of_type(type_)), bom=True)
        for type_ in TYPES
    }
