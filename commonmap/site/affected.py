"""Which of the site's pages (site/pages.py) an edit of record files changes, for the preview
(`commonmap serve`): the records changed, added or removed, the pages that show them or their
neighbours, and the lists they are on, before the edit and after it.

A record's page shows the records it refers to and those that refer to it, and a list item
shows what a record takes from its places (their protection); a neighbour's page can show its
own neighbours (a role's place's organisation), hence two steps along the references. A change
to the vocabulary, the areas or anything else is not a record edit: the preview builds it all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from commonmap.base.languages import SWEDISH
from commonmap.records.directory import Directory, Entry
from commonmap.site import reach

# A page by what it shows: (kind, language id, id); kinds as SiteView.made knows them.
Key = tuple[str, str, str]


@dataclass
class Change:
    ids: set[str]  # the records changed, added or removed
    near: set[str]  # they and the records up to two references away, before and after
    gone: list[Entry] = field(default_factory=list)  # records no longer in the directory
    keys: set[Key] = field(default_factory=set)  # the pages to make again


def changed_ids(before: Directory, after: Directory) -> set[str]:
    """Ids whose entry is new, gone or not the same (a file read again gives a new record)."""
    found = set(before.entries).symmetric_difference(after.entries)
    for id_, entry in after.entries.items():
        old = before.entries.get(id_)
        if old is not None and (
            old.record is not entry.record
            and old.record != entry.record
            or (old.type, old.file, old.located_in) != (entry.type, entry.file, entry.located_in)
        ):
            found.add(id_)
    return found


def neighbours(directory: Directory, ids: set[str]) -> set[str]:
    """The records the given ones refer to and those referring to them, in one directory."""
    found: set[str] = set()
    for id_ in ids:
        entry = directory.entries.get(id_)
        if entry is not None:
            found.update(target for target in entry.record.refers_to if target in directory.entries)
        found.update(other.id for other in directory.referred_by.get(id_, ()))
    return found


def change(before: Directory, after: Directory, languages: tuple[str, ...]) -> Change:
    ids = changed_ids(before, after)
    near = set(ids)
    for _ in range(2):
        near |= neighbours(before, near) | neighbours(after, near)
    found = Change(ids, near, [before.entries[id_] for id_ in sorted(ids - set(after.entries))])
    touched = [entry for directory in (before, after) for id_ in near if (entry := directory.entries.get(id_))]
    found.keys = {("record", SWEDISH, id_) for id_ in near if id_ in after.entries}
    found.keys |= {("list", SWEDISH, entry.type) for entry in touched}
    if any(before.is_good_example(entry) or after.is_good_example(entry) for entry in touched):
        found.keys.add(("good_examples", SWEDISH, ""))
    categories = {category for entry in touched for category in entry.record.categories}
    areas = {area for entry in touched for area in entry.areas}
    if any(reach.is_wide(entry) for entry in touched):  # listed on every area's page
        areas = {area.id for area in after.areas}
    for language in languages:
        found.keys |= {("category", language, c) for c in categories if c in after.categories}
        found.keys |= {("area", language, a) for a in areas if a in after.areas.by_id}
        found.keys |= {("categories", language, ""), ("areas", language, "")}  # their counts
    return found
