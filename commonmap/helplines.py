"""The crisis strip at the top of every page: the helplines of directory/stodlinjer.yml.

The file is optional and small: each line has its own number, hours and sources, so the strip
works before the directory has a record for it; `record` names the record a line links to, and
the link appears once that record exists (until then a warning says so).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from commonmap.model import Id, Phone, Strict, Text
from commonmap.problems import Problem

HELPLINES_FILE = "stodlinjer.yml"


class Helpline(Strict):
    topic: Text = Field(min_length=1, title="Vad linjen är till för, kort (t.ex. 'Våld och hot')")
    name: Text = Field(min_length=1, title="Linjens namn")
    phone: Phone = Field(title="Numret, som linjen själv skriver det")
    hours: Text | None = Field(default=None, title="När linjen är öppen; utelämnas när källan inte säger det")
    record: Id | None = Field(default=None, title="Id för katalogens post om linjen, som raden länkar till")
    sources: list[Text] = Field(min_length=1, title="Var numret och tiderna kommer ifrån")


class Helplines(Strict):
    helplines: list[Helpline] = Field(min_length=1)


def _digits(phone: str) -> str:
    return "".join(c for c in phone if c.isdigit())


def problems(found: Helplines, file: str, position, entries: dict) -> Iterator[Problem]:
    """Warnings, not errors: a line whose record does not exist yet is shown without a link, and
    a number that differs from its record's is shown as the file says, but both are worth a look."""
    for index, line in enumerate(found.helplines):
        if line.record is None:
            continue
        entry = entries.get(line.record)
        if entry is None:
            at = position(("helplines", index, "record"))
            yield Problem(file, *at, "helpline-record-missing", {"value": line.record}, "warning")
            continue
        contact = entry.record.contact
        if contact and contact.phone and _digits(contact.phone) != _digits(line.phone):
            at = position(("helplines", index, "phone"))
            params = {"value": line.phone, "record": line.record, "other": contact.phone}
            yield Problem(file, *at, "helpline-phone-differs", params, "warning")
