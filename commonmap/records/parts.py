"""The nested parts of a record: contact, address, point, opening hours, sources, partners, …

Field descriptions are Swedish because they become the editor schema, the templates and the
field reference that volunteers read.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Discriminator, Field, Tag, model_validator

from commonmap.records import checks
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
    Strict,
    Text,
    Time,
    Url,
    Wheelchair,
    Year,
    reject,
)


class Contact(Strict):
    phone: Phone | None = Field(
        None, title="Telefon", description="Telefonnummer som det skrivs, inom citattecken.", examples=["019-21 10 00"]
    )
    phone_label: Text | None = Field(
        None,
        title="Vad numret är till",
        description="Till exempel 'växel' eller 'stödlinje, dygnet runt'.",
        examples=["Stödlinje"],
    )
    email: Email | None = Field(
        None,
        title="E-post",
        description="Verksamhetens offentliga e-postadress, inte en privatpersons.",
        examples=["info@exempel.se"],
    )
    website: Url | None = Field(
        None, title="Webbplats", description="Hela adressen med https://.", examples=["https://www.orebro.se"]
    )


class Address(Strict):
    street: Text = Field(title="Gatuadress", examples=["Vivalla centrum"])
    postal_code: Text | None = Field(None, title="Postnummer", examples=["703 71"])
    city: Text = Field(title="Ort", examples=["Örebro"])


class Location(Strict):
    lat: Latitude = Field(title="Latitud", description="Decimalgrader med punkt, t.ex. 59.2988.", examples=[59.2988])
    lon: Longitude = Field(title="Longitud", description="Decimalgrader med punkt, t.ex. 15.1869.", examples=[15.1869])
    approximate: Flag = Field(
        False, title="Ungefärlig", description="true om punkten bara visar ungefär var det ligger.", examples=[True]
    )


class Hours(Strict):
    days: list[Day] = Field(
        min_length=1, title="Dagar", description="mo, tu, we, th, fr, sa, su.", examples=[["mo", "we"]]
    )
    opens: Time = Field(title="Öppnar", description="HH:MM inom citattecken.", examples=["18:00"])
    closes: Time = Field(
        title="Stänger",
        description="HH:MM; ett klockslag som inte är efter 'opens' betyder efter midnatt (00:00–00:00 är ett helt dygn).",
        examples=["21:00"],
    )
    note: Text | None = Field(None, title="Kommentar", examples=["Udda veckor"])


class Accessibility(Strict):
    wheelchair: Wheelchair | None = Field(
        None, title="Rullstol", description="yes, limited eller no.", examples=["yes"]
    )
    description: Text | None = Field(
        None, title="Tillgänglighet", examples=["Ramp vid entrén, hörslinga i stora salen."]
    )


class Cost(Strict):
    free: Flag = Field(title="Gratis", description="true eller false.", examples=[True])
    description: Text | None = Field(None, title="Om kostnaden", examples=["Medlemsavgift 100 kr per år."])


class ClosedPeriod(Strict):
    """A period when a place is closed although its opening hours say otherwise."""

    start: FullDate = Field(title="Stängt från och med", description="ÅÅÅÅ-MM-DD.", examples=["2027-06-21"])
    end: FullDate = Field(title="Stängt till och med", description="ÅÅÅÅ-MM-DD.", examples=["2027-08-08"])
    note: Text | None = Field(None, title="Kommentar", examples=["Sommaruppehåll"])

    @model_validator(mode="after")
    def _end_after_start(self) -> ClosedPeriod:
        if self.end < self.start:
            reject(self, [(("end",), "end-before-start", {"start": self.start, "end": self.end})])
        return self


class Service(Strict):
    """What an organisation offers (an HSDS service)."""

    name: Text = Field(title="Namn", examples=["Läxhjälp"])
    description: Text | None = Field(None, title="Beskrivning")
    categories: list[Category] = Field(default_factory=list, title="Kategorier")


class SourceLink(Strict):
    """A public page the record's facts come from, with the year the page gives itself."""

    url: HttpsUrl = Field(
        title="Webbadress",
        description="Hela adressen till sidan, med https://.",
        examples=["https://www.orebro.se/"],
    )
    year: Year | None = Field(
        None,
        title="Årtal",
        description="Året som sidan själv anger (uppdaterad eller publicerad), fyra siffror.",
        examples=[2025],
    )
    note: Text | None = Field(
        None, title="Kommentar", description="Vad sidan säger, om det inte är uppenbart.", examples=["Öppettider"]
    )

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


class Partner(Strict):
    organisation: Ref = Field(
        title="Organisation", description="Id för en organisation i katalogen.", examples=["orebrobostader"]
    )
    part: Text | None = Field(
        None, title="Roll i samverkan", examples=["Ställde krav på praktikplatser i upphandlingen."]
    )


class Period(Strict):
    start: PartialDate = Field(title="Start", description="ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ.", examples=["2009"])
    end: PartialDate | None = Field(None, title="Slut", examples=["2011"])


class Translation(Strict):
    """A record's name and summary in another language, written by the association."""

    name: Text | None = Field(None, title="Namn", description="Namnet på det språket.", max_length=checks.NAME_MAX)
    summary: Text | None = Field(
        None, title="Kort beskrivning", description="En eller två meningar på det språket.", max_length=300
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Translation:
        if self.name is None and self.summary is None:
            reject(self, [(("name",), "empty-translation", {})])
        return self
