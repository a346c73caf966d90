"""The crisis strip at the top of every page: the helplines of directory/stodlinjer.yml.

The file is optional and small: each line has its own number, hours and sources, so the strip
works before the directory has a record for it; `record` names the record a line links to, and
the link appears once that record exists (a record that does not exist yet is not a problem: the
sample directory names records that are still being written).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from commonmap.records.inputs import HELPLINES_FILE  # noqa: F401 - re-exported: helplines.HELPLINES_FILE
from commonmap.records.problems import Problem
from commonmap.records.values import Id, Phone, Strict, Text, TranslationLanguage


class HelplineText(Strict):
    """A line's topic and hours in one of the site's other languages (its name stays its name)."""

    topic: Text | None = Field(default=None, title="Vad linjen är till för, på det språket")
    hours: Text | None = Field(default=None, title="När linjen är öppen, på det språket")


class Helpline(Strict):
    topic: Text = Field(min_length=1, title="Vad linjen är till för, kort (t.ex. 'Våld och hot')")
    name: Text = Field(min_length=1, title="Linjens namn")
    phone: Phone = Field(title="Numret, som linjen själv skriver det")
    hours: Text | None = Field(default=None, title="När linjen är öppen; utelämnas när källan inte säger det")
    record: Id | None = Field(default=None, title="Id för katalogens post om linjen, som raden länkar till")
    sources: list[Text] = Field(min_length=1, title="Var numret och tiderna kommer ifrån")
    translations: dict[TranslationLanguage, HelplineText] = Field(
        default_factory=dict, title="topic och hours på webbplatsens andra språk (en, ar, so, fa, ti, lattlast)"
    )


class Helplines(Strict):
    helplines: list[Helpline] = Field(min_length=1)


def _digits(phone: str) -> str:
    return "".join(c for c in phone if c.isdigit())


def problems(found: Helplines, file: str, position, entries: dict) -> Iterator[Problem]:
    """A number that differs from its record's is shown as the file says, with a warning: one of
    the two is probably out of date."""
    for index, line in enumerate(found.helplines):
        entry = entries.get(line.record or "")
        contact = entry.record.contact if entry is not None else None
        if contact and contact.phone and _digits(contact.phone) != _digits(line.phone):
            at = position(("helplines", index, "phone"))
            params = {"value": line.phone, "record": line.record, "other": contact.phone}
            yield Problem(file, *at, "helpline-phone-differs", params)
