"""The typed records of the directory: the fields of each record type and what each type
answers about itself (where it is, what it refers to).

The values and the nested parts are in values.py and parts.py; the facts about each type (its
folder, URL, names) in types.py. Field descriptions are Swedish because they become the editor
schema, the templates and the field reference that volunteers read.
"""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from commonmap.records import checks, consistency
from commonmap.records.parts import (
    Accessibility,
    Address,
    ClosedPeriod,
    Contact,
    Cost,
    Hours,
    Location,
    Partner,
    Period,
    Service,
    Source,
    Translation,
    source_text,  # noqa: F401 (export/hsds.py imports it from here)
)
from commonmap.records.values import (
    AreaId,
    Category,
    CollaborationStatus,
    Flag,
    FullDate,
    Id,
    Language,
    Markdown,
    OfferStatus,
    OrganisationKind,
    Ref,
    Serves,
    Strict,
    Text,
    TranslationLanguage,
    reject,
)


class Record(Strict):
    """Fields every record type has."""

    id: Id = Field(
        title="Id",
        description="Samma som filnamnet utan .yml: små bokstäver a-z, siffror och bindestreck.",
        examples=["kfum-orebro"],
    )
    name: Text = Field(title="Namn", examples=["KFUM Örebro"], max_length=checks.NAME_MAX)
    summary: Text | None = Field(None, title="Kort beskrivning", description="En eller två meningar.", max_length=300)
    description: Markdown | None = Field(None, title="Beskrivning", description="Längre text; Markdown går bra.")
    categories: list[Category] = Field(
        min_length=1, title="Kategorier", description="Id från categories.yml.", examples=[["arbete"]]
    )
    target_groups: list[Text] = Field(default_factory=list, title="Målgrupper", examples=[["Unga 13–25 år"]])
    languages: list[Language] = Field(
        default_factory=list,
        title="Språk",
        description="ISO 639-koder, t.ex. sv, ar, so, ti, fa, en.",
        examples=[["sv", "ar"]],
    )
    areas: list[AreaId] = Field(
        default_factory=list,
        title="Områden",
        description="Områden som verksamheten riktar sig till (id från areas.geojson).",
        examples=[["vivalla"]],
    )
    serves: Serves | None = Field(
        None,
        title="Når",
        description=(
            "När stödet gäller alla i hela kommunen, länet eller landet, t.ex. en stödlinje. "
            "Utelämna fältet när stödet gäller områdena i areas (eller mötesplatsens område)."
        ),
        examples=["municipality"],
    )
    translations: dict[TranslationLanguage, Translation] = Field(
        default_factory=dict,
        title="Översättningar",
        description=(
            "Namn och kort beskrivning på andra språk, skrivna av verksamheten. Språkkoden först: "
            "en, ar, so, fa, ti eller lattlast (lättläst svenska)."
        ),
        examples=[{"ar": {"name": "نادي الواجبات المدرسية", "summary": "مساعدة في الواجبات المدرسية كل يوم ثلاثاء."}}],
    )
    contact: Contact | None = Field(None, title="Kontakt")
    last_reviewed: FullDate = Field(title="Senast granskad", description="ÅÅÅÅ-MM-DD.", examples=["2026-11-23"])
    sources: list[Source] = Field(
        min_length=1,
        title="Källor",
        description=(
            "Var uppgifterna kommer ifrån: en text (t.ex. en fil i seeds) eller en webbsida som "
            "url (med https://), year (sidans årtal) och note (kommentar)."
        ),
        examples=[["Verksamhetens webbplats"]],
    )
    distinct_from: list[Ref] = Field(
        default_factory=list,
        title="Inte samma som",
        description=(
            "Id för poster som liknar den här (namn, webbplats, telefon eller adress) men är något annat; "
            "då varnar commonmap validate inte längre för dubbletter."
        ),
        examples=[["bra"]],
    )

    @model_validator(mode="after")
    def _no_repeats(self) -> Record:
        reject(self, consistency.repeats(self))
        return self

    @property
    def reviewed(self) -> date:
        return date.fromisoformat(self.last_reviewed)

    @property
    def closed(self) -> bool:
        """Closed for good (organisations, places and roles have a status; see Offer)."""
        return False

    @property
    def temporarily_closed(self) -> bool:
        return False

    @property
    def ended(self) -> bool:
        """A collaboration that is over (its page and its place among the good examples stay)."""
        return False

    # Where the record is and what it refers to, answered by each type (whereabouts.py reads these).
    @property
    def has_own_site(self) -> bool:
        """Whether the record is somewhere of its own (organisations and places: an address, a
        point, a protected address) rather than at the meeting places it refers to."""
        return False

    @property
    def own_location(self) -> Location | None:
        return None

    @property
    def own_address(self) -> Address | None:
        return None

    @property
    def is_protected(self) -> bool:
        """Whether its address must never be published (organisations and places may say so)."""
        return False

    @property
    def hours(self) -> list[Hours]:
        """Its own opening hours (a place's, or when an organisation answers)."""
        return []

    @property
    def open_on_holidays(self) -> bool:
        return False

    @property
    def offers(self) -> list[Service]:
        """The services it offers (organisations list theirs)."""
        return []

    @property
    def listed_texts(self) -> list[str]:
        """Its lists of short texts, in field order: a role's requirements; a collaboration's
        outcomes, lessons and funding."""
        return []

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        """The organisations it belongs to: a place's hosts, a role's organisation, the partners."""
        return ()

    @property
    def place_ids(self) -> tuple[str, ...]:
        """The meeting places it is at: a volunteer role's place, a collaboration's places."""
        return ()

    @property
    def refers_to(self) -> tuple[str, ...]:
        """The records it belongs to or works at, in field order, once each (distinct_from, "not
        the same as", is no relation)."""
        return tuple(dict.fromkeys([*self.organisation_ids, *self.place_ids]))


class Offer(Record):
    """Organisations, places and roles: something a resident can turn to, open or closed."""

    status: OfferStatus = Field(
        "active",
        title="Status",
        description="active (verksamt, förval), temporarily-closed (tillfälligt stängt) eller closed (har upphört).",
        examples=["temporarily-closed"],
    )
    status_reason: Text | None = Field(
        None,
        title="Varför det är stängt",
        description="Krävs när status är temporarily-closed; visas för besökarna.",
        examples=["Lokalen renoveras."],
    )
    reopens: FullDate | None = Field(
        None,
        title="Väntas öppna igen",
        description="ÅÅÅÅ-MM-DD; bara när status är temporarily-closed.",
        examples=["2027-01-10"],
    )

    @property
    def closed(self) -> bool:
        return self.status == "closed"

    @property
    def temporarily_closed(self) -> bool:
        return self.status == "temporarily-closed"

    @model_validator(mode="after")
    def _status_explained(self) -> Offer:
        errors: list[tuple[tuple, str, dict]] = []
        if self.status == "temporarily-closed" and self.status_reason is None:
            errors.append((("status",), "status-reason-missing", {}))
        if self.reopens is not None and self.status != "temporarily-closed":
            errors.append((("reopens",), "reopens-not-closed", {"status": self.status}))
        reject(self, errors)
        return self


class Protectable(Offer):
    """Organisations and places, which may have an address that must never be published, and
    opening hours (a place's, or when an organisation answers): both subclasses declare
    `opening_hours`, each where its editor form shows it."""

    @property
    def has_own_site(self) -> bool:
        return True

    @property
    def own_location(self) -> Location | None:
        return self.location  # type: ignore[attr-defined]

    @property
    def own_address(self) -> Address | None:
        return self.address  # type: ignore[attr-defined]

    @property
    def is_protected(self) -> bool:
        return self.protected  # type: ignore[attr-defined]

    @property
    def hours(self) -> list[Hours]:
        return self.opening_hours  # type: ignore[attr-defined]

    @property
    def open_on_holidays(self) -> bool:
        return self.open_on_public_holidays  # type: ignore[attr-defined]

    @model_validator(mode="after")
    def _hours_do_not_overlap(self) -> Protectable:
        reject(self, consistency.overlapping_hours(self.opening_hours))  # type: ignore[attr-defined]
        return self

    @model_validator(mode="after")
    def _protected_has_no_address(self) -> Protectable:
        reject(self, consistency.protected_address(self, needs_areas=isinstance(self, Place)))
        return self


HOLIDAYS_DESCRIPTION = (
    "true om öppettiderna gäller också på helgdagar och helgdagsaftnar; annars räknas platsen som stängd då."
)
PROTECTED_DESCRIPTION = (
    "true om adressen inte får synas: då står ingen adress och ingen punkt i filen, bara områden "
    "(areas) och hur man tar kontakt (contact)."
)


class Organisation(Protectable):
    kind: OrganisationKind = Field(title="Typ av organisation", examples=["association"])
    services: list[Service] = Field(default_factory=list, title="Stöd som erbjuds")
    protected: Flag = Field(False, title="Skyddad adress", description=PROTECTED_DESCRIPTION, examples=[True])
    address: Address | None = Field(None, title="Adress")
    location: Location | None = Field(None, title="Plats på kartan")
    opening_hours: list[Hours] = Field(
        default_factory=list,
        title="Öppettider eller svarstider",
        description=(
            "När man kan nå organisationen, t.ex. när en stödlinje svarar. Dygnet runt alla dagar: "
            'days [mo, tu, we, th, fr, sa, su], opens "00:00", closes "00:00".'
        ),
    )
    open_on_public_holidays: Flag = Field(
        False,
        title="Svarar på helgdagar",
        description=(
            "true om tiderna gäller också på helgdagar och helgdagsaftnar, t.ex. för en linje som svarar "
            "dygnet runt, årets alla dagar; annars räknas organisationen som stängd då."
        ),
        examples=[True],
    )

    @property
    def offers(self) -> list[Service]:
        return self.services


class Place(Protectable):
    hosts: list[Ref] = Field(
        min_length=1,
        title="Värd",
        description="Id för organisationerna som driver platsen.",
        examples=[["kfum-orebro"]],
    )
    protected: Flag = Field(False, title="Skyddad adress", description=PROTECTED_DESCRIPTION, examples=[True])
    address: Address | None = Field(None, title="Adress")
    location: Location | None = Field(None, title="Plats på kartan")
    opening_hours: list[Hours] = Field(default_factory=list, title="Öppettider")
    closed_periods: list[ClosedPeriod] = Field(
        default_factory=list,
        title="Stängt under perioder",
        description="Perioder då platsen är stängd trots öppettiderna, t.ex. sommaruppehåll.",
    )
    open_on_public_holidays: Flag = Field(
        False, title="Öppet på helgdagar", description=HOLIDAYS_DESCRIPTION, examples=[True]
    )
    accessibility: Accessibility | None = Field(None, title="Tillgänglighet")
    cost: Cost | None = Field(None, title="Kostnad")

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        return tuple(self.hosts)


class Role(Offer):
    organisation: Ref = Field(title="Organisation", examples=["nattvandrarna-orebro"])
    place: Ref | None = Field(None, title="Mötesplats")
    tasks: Markdown = Field(title="Vad volontären gör")
    time_commitment: Text | None = Field(None, title="Tid", examples=["En kväll i månaden"])
    requirements: list[Text] = Field(default_factory=list, title="Krav", examples=[["Fyllda 18 år"]])
    criminal_record_extract: Flag | None = Field(
        None,
        title="Utdrag ur belastningsregistret",
        description="true om utdrag krävs, false om det inte krävs; utelämna om det inte är känt.",
    )
    how_to_apply: Text | None = Field(None, title="Så anmäler du dig")

    @property
    def place_ids(self) -> tuple[str, ...]:
        return (self.place,) if self.place else ()

    @property
    def listed_texts(self) -> list[str]:
        return self.requirements

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        return (self.organisation,)


class Collaboration(Record):
    partners: list[Partner] = Field(min_length=1, title="Parter")
    places: list[Ref] = Field(default_factory=list, title="Mötesplatser")
    period: Period | None = Field(None, title="Period")
    status: CollaborationStatus = Field(title="Status", description="planned, ongoing eller ended.")
    outcomes: list[Text] = Field(default_factory=list, title="Vad det gav")
    funding: list[Text] = Field(default_factory=list, title="Finansiering")
    lessons: list[Text] = Field(default_factory=list, title="Lärdomar")
    # Whether it is a good example is the municipality's choice, in directory/good_examples.yml.

    @property
    def ended(self) -> bool:
        return self.status == "ended"

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        return tuple(partner.organisation for partner in self.partners)

    @property
    def place_ids(self) -> tuple[str, ...]:
        return tuple(self.places)

    @property
    def listed_texts(self) -> list[str]:
        return [*self.outcomes, *self.lessons, *self.funding]
