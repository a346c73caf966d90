"""Where a record is: the one answer that validation, the map, the finder, the pages and the
protected-place rule share.

Organisations and places are at their own site (an address, a point, or a protected address
known only by its areas); volunteer roles and collaborations are at the meeting places they
refer to. Works on anything with a `type` and a `record` (validation's checked files as well as
the Directory's entries), so that the areas validation derives and the map's markers agree."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, TypeVar

from commonmap.records.model import Place, Record


class Sited(Protocol):
    @property
    def record(self) -> Record: ...


S = TypeVar("S", bound=Sited)


def sites_of(item: S, by_id: Mapping[str, S]) -> tuple[S, ...]:
    """The record itself when it has a site of its own, else the meeting places it refers to that
    are in the directory, in the record's order, once each (see model.Record.place_ids)."""
    if item.record.has_own_site:
        return (item,)
    found = (by_id.get(id_) for id_ in item.record.place_ids)
    return tuple(place for place in found if place is not None and isinstance(place.record, Place))
