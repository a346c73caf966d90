"""Rules across the values of one record: no value twice in a list, opening hours that do not
overlap, a protected address kept out of the file, a status that agrees with the period. Each
rule gives (location, code, parameters) for the value to change; the model raises them as errors
(values.reject) and validate turns the ones that need today's date into problems."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel

from commonmap.base import ui

if TYPE_CHECKING:
    from commonmap.records.model import Protectable

Found = tuple[tuple, str, dict]
DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
DAY, WEEK = 24 * 60, 7 * 24 * 60
# What makes two items of a list of fields the same (opening hours that overlap without being
# the same have their own rule).
ITEM_KEYS = {
    "Service": ("name",),
    "Partner": ("organisation",),
    "ClosedPeriod": ("start", "end"),
    "Hours": ("days", "opens", "closes", "note"),
    "SourceLink": ("url", "year", "note"),
}


@cache
def list_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that hold lists (from the annotations, once per model)."""
    return tuple(
        name for name, info in model.model_fields.items() if getattr(info.annotation, "__origin__", None) is list
    )


def repeats(model: BaseModel, at: tuple = ()) -> list[Found]:
    """Every value that stands a second time in a list of `model` or of the fields in its lists
    (a service's categories, the days of opening hours). Texts are compared without case."""
    found: list[Found] = []
    for field in list_fields(type(model)):
        first: dict[object, int] = {}
        for index, item in enumerate(getattr(model, field)):
            if isinstance(item, BaseModel):
                found += repeats(item, (*at, field, index))
                key = _key(item)
            else:
                key = item.casefold() if isinstance(item, str) else item
            if key is None:
                continue
            if key in first:
                shown = item if isinstance(item, str) else _shown(item)
                found.append(((*at, field, index), "duplicate-item", {"value": shown, "other": first[key] + 1}))
            else:
                first[key] = index
    return found


def _shown(item: BaseModel) -> str:
    return " ".join(str(getattr(item, name) or "") for name in ITEM_KEYS[type(item).__name__]).strip()


def _key(item: BaseModel) -> tuple | None:
    fields = ITEM_KEYS.get(type(item).__name__)
    return tuple(str(getattr(item, name)).casefold() for name in fields) if fields else None


def protected_address(record: Protectable, needs_areas: bool) -> list[Found]:
    """A protected address is never in the file: no address and no point, but a way to get in
    touch and (for a place) the areas it serves."""
    if not record.protected:
        return []
    errors: list[Found] = []
    if record.address is not None:
        errors.append((("address",), "protected-address", {}))
    if record.location is not None:
        errors.append((("location",), "protected-location", {}))
    contact = record.contact
    if contact is None or not (contact.phone or contact.email or contact.website):
        errors.append((("protected",), "protected-contact-missing", {}))
    if needs_areas and not record.areas:
        errors.append((("protected",), "protected-area-missing", {}))
    return errors


def overlapping_hours(hours: list) -> list[Found]:
    """Opening hours that overlap others on the same day (a time before `opens` in `closes` is
    after midnight). Two entries that both have a note may overlap: "odd weeks", "even weeks"."""
    found: list[Found] = []
    spans: list[tuple[int, int, int]] = []  # (start, end, entry) in minutes of the week
    for entry, item in enumerate(hours):
        opens, closes = _minutes(item.opens), _minutes(item.closes)
        length = closes - opens if closes > opens else closes - opens + DAY
        for position, day in enumerate(item.days):
            if day not in DAYS or item.days.index(day) != position:
                continue  # a repeated day is reported by repeats()
            start = DAYS.index(day) * DAY + opens
            for begin, end in _in_week(start, start + length):
                other = _overlapped(spans, begin, end, entry, hours)
                if other is not None:
                    params = {"day": ui.t(f"day.{day}"), "opens": item.opens, "closes": item.closes, "other": other + 1}
                    found.append((("opening_hours", entry, "days", position), "overlapping-hours", params))
                    break
                spans.append((begin, end, entry))
    return found


def _minutes(time: str) -> int:
    return int(time[:2]) * 60 + int(time[3:5])


def _in_week(start: int, end: int) -> list[tuple[int, int]]:
    """A span that runs past Sunday midnight continues on Monday."""
    return [(start, end)] if end <= WEEK else [(start, WEEK), (0, end - WEEK)]


def _overlapped(spans: list[tuple[int, int, int]], begin: int, end: int, entry: int, hours: list) -> int | None:
    for other_begin, other_end, other in spans:
        if begin < other_end and other_begin < end and not (hours[entry].note and hours[other].note):
            return other
    return None


def period_status(status: str, period, today: str) -> list[tuple[tuple, str, dict]]:
    """A collaboration's status against its period and today (YYYY-MM-DD): (location, code,
    parameters). Partial dates compare on their own precision ("2027" is after
    every day of 2026)."""
    start, end = (period.start, period.end) if period is not None else (None, None)
    found = []
    if status == "ongoing" and start and start > today[: len(start)]:
        found.append((("period", "start"), "ongoing-before-start", {"start": start}))
    if status == "ongoing" and end and end < today[: len(end)]:
        found.append((("period", "end"), "ongoing-after-end", {"end": end}))
    if status == "ended" and end and end > today[: len(end)]:
        found.append((("period", "end"), "ended-in-future", {"end": end}))
    if status == "ended" and not end:
        found.append((("period",) if period else ("status",), "ended-without-end", {}))
    return found
