"""The rules one record is held to beyond its model: its id and file name, known categories and
areas, dates and review age, a collaboration's status against its period, look-alike domains,
and a point inside the municipality."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from types import SimpleNamespace
from urllib.parse import urlsplit

from pydantic import BaseModel

from commonmap.records import consistency, domains
from commonmap.records.checked import Checked, Terms, point_of, value_of
from commonmap.records.problems import Problem, field_name
from commonmap.records.suggest import suggest, vocabulary_id

STALE_MONTHS = 12


def record_problems(item: Checked, terms: Terms, today: date) -> Iterator[Problem]:
    """Checks of one record that need the vocabulary, the areas or today's date. On a partial
    record, the checks of fields that are left out are skipped: those have problems of their own."""
    record = item.subject

    def at(path: tuple, code: str, key: bool = False, **params: object) -> Problem:
        line, col = item.position(path, key=key)
        return Problem(item.file, line, col, code, {"field": field_name(path), **params})

    id_ = value_of(record, "id")
    expected = os.path.splitext(os.path.basename(item.file))[0]
    if id_ is not None and id_ != expected:
        yield at(("id",), "id-mismatch", value=id_, expected=expected)
    explained = item.loaded.explained if item.loaded else frozenset()  # the loader said what is wrong
    labels = {c.id: c.label for c in terms.categories.values()}
    for path, category in _categories(record):
        if category not in terms.categories and path not in explained:
            code, params = _unknown(category, labels, "category")
            yield at(path, code, **params, allowed=", ".join(terms.categories))
    names = {area.id: area.name for area in terms.areas}
    for index, area in enumerate(value_of(record, "areas", ())):
        if area is not None and area not in terms.areas.by_id and ("areas", index) not in explained:
            code, params = _unknown(area, names, "area")
            yield at(("areas", index), code, **params)
    yield from _date_problems(record, today, at)
    if item.type == "collaborations" and value_of(record, "status") is not None:
        yield from _status_problems(record, today, at)
    yield from _domain_warnings(value_of(record, "contact"), at)
    location = value_of(record, "location")
    point = point_of(record)
    if point and item.located is None:
        params = {"lat": location.lat, "lon": location.lon}
        swapped = terms.areas.locate([(location.lon, location.lat)])[0] is not None
        yield at(("location",), "swapped-coordinates" if swapped else "outside-municipality", **params)


def _unknown(value: str, labels: dict[str, str], kind: str) -> tuple[str, dict]:
    """A category or area that is not in the vocabulary: its label written for its id, or unknown."""
    id_ = vocabulary_id(value, labels)
    if id_ is not None:
        return f"{kind}-label", {"value": value, "id": id_}
    return f"unknown-{kind}", {"value": value, "suggestion": suggest(value, labels)}


def _domain_warnings(contact: BaseModel | None, at) -> Iterator[Problem]:
    """International domain names whose labels mix scripts, shown in their punycode form too."""
    website, email = value_of(contact, "website"), value_of(contact, "email")
    hosts = [("website", urlsplit(website).hostname if website else None)]
    hosts.append(("email", email.rpartition("@")[2] if email else None))
    for field, host in hosts:
        if host and domains.is_international(host):
            scripts = domains.mixed_scripts(host)
            if scripts:
                params = {"value": host, "ascii": domains.to_ascii(host), "scripts": ", ".join(scripts).lower()}
                yield at(("contact", field), "mixed-script-domain", **params)


def _status_problems(record: BaseModel, today: date, at) -> Iterator[Problem]:
    """A collaboration's status against its period (consistency.py); a period left out of a
    partial record, or with an end before its start, has a problem of its own."""
    period = value_of(record, "period")
    start, end = value_of(period, "start"), value_of(period, "end")
    if period is not None and (start is None or end and end < start[: len(end)]):
        return
    dates = SimpleNamespace(start=start, end=end) if period is not None else None
    for path, code, params in consistency.period_status(value_of(record, "status"), dates, today.isoformat()):
        yield at(path, code, **params)


def _date_problems(record: BaseModel, today: date, at) -> Iterator[Problem]:
    reviewed = value_of(record, "last_reviewed")
    if reviewed is not None:
        if date.fromisoformat(reviewed) > today:
            yield at(("last_reviewed",), "future-review", value=reviewed)
        elif months_between(date.fromisoformat(reviewed), today) >= STALE_MONTHS:
            yield at(("last_reviewed",), "stale", value=reviewed, months=STALE_MONTHS)
    period = value_of(record, "period")
    start, end = value_of(period, "start"), value_of(period, "end")
    if start and end and end < start[: len(end)]:
        yield at(("period", "end"), "end-before-start", start=start, end=end)


def _categories(record: BaseModel) -> Iterator[tuple[tuple, str]]:
    for index, category in enumerate(value_of(record, "categories", ())):
        if category is not None:
            yield ("categories", index), category
    for s, service in enumerate(value_of(record, "services", ())):
        for index, category in enumerate(value_of(service, "categories", ())):
            if category is not None:
                yield ("services", s, "categories", index), category


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (also `commonmap stale`'s count)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)
