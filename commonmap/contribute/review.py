"""For the people who review: records due for review (`commonmap stale`) and counts (`commonmap stats`)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date

from commonmap.base import ui
from commonmap.contribute.actionable import Actionable, actionable, actionable_text
from commonmap.records import freshness
from commonmap.records.directory import Directory, Entry
from commonmap.records.references import references
from commonmap.records.rules import months_between
from commonmap.records.types import TYPE_NAMES, TYPES
from commonmap.site.reach import WIDE, area_unknown


@dataclass(frozen=True)
class StaleRecord:
    file: str
    type: str
    id: str
    name: str
    last_reviewed: str
    months: int
    email: str  # the record's own contact e-mail, else that of the organisation behind it; "" if none
    source_year: str  # the year of its newest dated source when that is old (freshness.py), else ""
    reason: str  # why it is listed, in Swedish


def stale(directory: Directory, months: int, today: date) -> list[StaleRecord]:
    """Records not reviewed for `months` months or more, or whose newest dated source is old;
    the longest unreviewed first."""
    found = []
    for entry in directory.entries.values():
        age = months_between(entry.record.reviewed, today)
        old_year = freshness.old_source_year(entry.record, today)
        reasons = [f"inte granskad på {age} månader"] if age >= months else []
        if old_year is not None:
            reasons.append(f"nyaste källan är en sida från {old_year}")
        if reasons:
            found.append(
                StaleRecord(
                    entry.file,
                    entry.type,
                    entry.id,
                    entry.record.name,
                    entry.record.last_reviewed,
                    age,
                    contact_email(entry, directory),
                    "" if old_year is None else str(old_year),
                    "; ".join(reasons),
                )
            )
    return sorted(found, key=lambda r: (r.last_reviewed, r.id))


def contact_email(entry: Entry, directory: Directory) -> str:
    """Who to ask: the record's e-mail, else the first organisation behind it that has one."""
    own = _email(entry)
    if own:
        return own
    owners = [target for _, target, folder in references(entry.record) if folder == "organisations"]
    for owner in owners:
        other = directory.entries.get(owner)
        if other is not None and _email(other):
            return _email(other)
    return ""


def _email(entry: Entry) -> str:
    contact = entry.record.contact
    return contact.email if contact and contact.email else ""


def stale_text(records: list[StaleRecord], months: int) -> str:
    old_sources = f"och ingen har källor äldre än {freshness.MAX_AGE_YEARS} år"
    if not records:
        return f"Alla poster är granskade de senaste {months} månaderna {old_sources}."
    lines = [
        f"{len(records)} poster är inte granskade på {months} månader eller mer, "
        f"eller har källor äldre än {freshness.MAX_AGE_YEARS} år:"
    ]
    for r in records:
        email = r.email or "(ingen e-post)"
        lines.append(
            f"{r.last_reviewed}  {r.months:>3} mån  {TYPE_NAMES[r.type]:<16} {r.id:<40} {email}  {r.file}  ({r.reason})"
        )
    return "\n".join(lines)


def stale_csv(records: list[StaleRecord]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(StaleRecord.__dataclass_fields__), lineterminator="\n")
    writer.writeheader()
    writer.writerows(asdict(r) for r in records)
    return out.getvalue()


@dataclass(frozen=True)
class Stats:
    types: dict[str, int]
    categories: dict[str, dict[str, int]]  # category id → type → count
    areas: dict[str, dict[str, int]]  # area id → type → count (areas with nothing included)
    reach: dict[str, dict[str, int]]  # municipality/county/country/unknown → type → count
    actionable: Actionable  # what a resident can act on (contribute/actionable.py)


REACH_LABELS = {**{level: f"Gäller {ui.t(f'serves.{level}')}" for level in WIDE}, "unknown": "Område okänt"}


def stats(directory: Directory) -> Stats:
    categories = {category: Counter() for category in directory.categories}
    areas = {area.id: Counter() for area in directory.areas}
    reaches = {key: Counter() for key in REACH_LABELS}
    for entry in directory.entries.values():
        for category in entry.record.categories:
            categories.setdefault(category, Counter())[entry.type] += 1
        for area in entry.areas:
            areas.setdefault(area, Counter())[entry.type] += 1
        if entry.record.serves or area_unknown(entry):
            reaches[entry.record.serves or "unknown"][entry.type] += 1
    full = lambda counts: {type_: counts.get(type_, 0) for type_ in TYPES}  # noqa: E731
    return Stats(
        directory.counts(),
        {key: full(counts) for key, counts in categories.items()},
        {key: full(counts) for key, counts in areas.items()},
        {key: full(counts) for key, counts in reaches.items()},
        actionable(directory),
    )


def stats_json(found: Stats) -> str:
    return json.dumps(asdict(found), ensure_ascii=False, indent=2)


def stats_text(found: Stats, directory: Directory) -> str:
    heads = [TYPE_NAMES[t][:12] for t in TYPES]
    lines = [*actionable_text(found.actionable), "", "Poster per typ:"]
    lines += [f"  {TYPE_NAMES[t]:<18} {n:>5}" for t, n in found.types.items()]
    for title, table, label in (
        ("Poster per kategori:", found.categories, lambda k: directory.categories[k].label),
        (
            "Poster per område (egna koordinater, mötesplatsens eller angivna områden):",
            found.areas,
            _area_name(directory),
        ),
        ("Poster med större räckvidd (serves) och poster utan känt område:", found.reach, REACH_LABELS.get),
    ):
        lines += ["", title, f"  {'':<40} " + " ".join(f"{h:>12}" for h in heads) + f" {'totalt':>7}"]
        for key, counts in table.items():
            cells = " ".join(f"{n:>12}" for n in counts.values())
            lines.append(f"  {label(key)[:40]:<40} {cells} {sum(counts.values()):>7}")
    return "\n".join(lines)


def _area_name(directory: Directory):
    return lambda area_id: directory.areas.by_id[area_id].name if area_id in directory.areas.by_id else area_id
