"""The nested parts of a record: contact, address, point, opening hours, sources, partners, …

The fields' Swedish titles, descriptions and examples (the editor schema, the templates and the
field reference that volunteers read) are in fields.yml (fielddocs.py).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Discriminator, Field, Tag, model_validator

from commonmap.records import checks
from commonmap.records.fielddocs import Documented
from commonmap.records.values import (
    Category,
    Day,
    Email,
    Flag,
    FullDate,
    HttpsUrl,
    Latitude,
    Longitude,
    PartialDate,
    Phone,
    Ref,
    SourceText,
    Text,
    Time,
    Url,
    Wheelchair,
    Year,
    reject,
)


class Contact(Documented):
    phone: Phone | None = None
    phone_label: Text | None = None
    email: Email | None = None
    website: Url | None = None


class Address(Documented):
    street: Text
    postal_code: Text | None = None
    city: Text


class Location(Documented):
    lat: Latitude
    lon: Longitude
    approximate: Flag = False


class Hours(Documented):
    days: list[Day] = Field(min_length=1)
    opens: Time
    closes: Time
    note: Text | None = None


class Accessibility(Documented):
    wheelchair: Wheelchair | None = None
    description: Text | None = None


class Cost(Documented):
    free: Flag
    description: Text | None = None


class ClosedPeriod(Documented):
    """A period when a place is closed although its opening hours say otherwise."""

    start: FullDate
    end: FullDate
    note: Text | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> ClosedPeriod:
        if self.end < self.start:
            reject(self, [(("end",), "end-before-start", {"start": self.start, "end": self.end})])
        return self


class Service(Documented):
    """What an organisation offers (an HSDS service)."""

    name: Text
    description: Text | None = None
    categories: list[Category] = Field(default_factory=list)


class SourceLink(Documented):
    """A public page the record's facts come from, with the year the page gives itself."""

    url: HttpsUrl
    year: Year | None = None
    note: Text | None = None

    @property
    def text(self) -> str:
        """The source in one line, as pages and exports show it: 'https://… (2015): note'."""
        year = f" ({self.year})" if self.year is not None else ""
        return f"{self.url}{year}: {self.note}" if self.note else f"{self.url}{year}"


def source_text(source: str | SourceLink) -> str:
    return source if isinstance(source, str) else source.text


def _source_kind(value: object) -> str:
    """A mapping (or, when written out, a SourceLink) is a link with its year; anything else is
    read as text and reported as such. The tags contain brackets so that validate.py drops them
    from the field's path."""
    return "[link]" if isinstance(value, dict | SourceLink) else "[text]"


# A source is a text (a seed file, a page's name) or a link with its year and a note.
Source = Annotated[
    Annotated[SourceText, Tag("[text]")] | Annotated[SourceLink, Tag("[link]")],
    Discriminator(_source_kind),
]


class Partner(Documented):
    organisation: Ref
    part: Text | None = None


class Period(Documented):
    start: PartialDate
    end: PartialDate | None = None


class Translation(Documented):
    """A record's name and summary in another language, written by the association."""

    name: Text | None = Field(None, max_length=checks.NAME_MAX)
    summary: Text | None = Field(None, max_length=300)

    @model_validator(mode="after")
    def _not_empty(self) -> Translation:
        if self.name is None and self.summary is None:
            reject(self, [(("name",), "empty-translation", {})])
        return self
