"""The typed records of the directory: the fields of each record type and what each type
answers about itself (where it is, what it refers to).

The values and the nested parts are in values.py and parts.py; the facts about each type (its
folder, URL, names) in types.py. The fields' Swedish titles, descriptions and examples (the editor
schema, the templates and the field reference that volunteers read) are in fields.yml (fielddocs.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from pydantic import Field, model_validator

from commonmap.records import checks, consistency
from commonmap.records.fielddocs import Documented
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
    Text,
    TranslationLanguage,
    reject,
)


class Record(Documented):
    """Fields every record type has."""

    id: Id
    name: Text = Field(max_length=checks.NAME_MAX)
    summary: Text | None = Field(None, max_length=300)
    description: Markdown | None = None
    categories: list[Category] = Field(min_length=1)
    target_groups: list[Text] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    areas: list[AreaId] = Field(default_factory=list)
    serves: Serves | None = None
    translations: dict[TranslationLanguage, Translation] = Field(default_factory=dict)
    contact: Contact | None = None
    last_reviewed: FullDate
    sources: list[Source] = Field(min_length=1)
    distinct_from: list[Ref] = Field(default_factory=list)

    @model_validator(mode="after")
    def _no_repeats(self) -> Record:
        reject(self, consistency.repeats(self))
        return self

    @property
    def reviewed(self) -> date:
        return date.fromisoformat(self.last_reviewed)

    # What a record answers about itself where its type has no such thing; the types that have it
    # answer with a property of the same name (whereabouts.py, the pages and the exports read these).
    closed: ClassVar[bool] = False  # closed for good (organisations, places and roles have a status: Offer)
    temporarily_closed: ClassVar[bool] = False
    ended: ClassVar[bool] = False  # a collaboration that is over (its page and its good example stay)
    # Whether the record is somewhere of its own (organisations and places: an address, a point, a
    # protected address) rather than at the meeting places it refers to; and where that is.
    has_own_site: ClassVar[bool] = False
    own_location: ClassVar[Location | None] = None
    own_address: ClassVar[Address | None] = None
    is_protected: ClassVar[bool] = False  # its address must never be published (organisations and places may say so)
    hours: ClassVar[Sequence[Hours]] = ()  # its own opening hours (a place's, or when an organisation answers)
    open_on_holidays: ClassVar[bool] = False
    offers: ClassVar[Sequence[Service]] = ()  # the services it offers (organisations list theirs)
    # Its lists of short texts, in field order: a role's requirements; a collaboration's outcomes,
    # lessons and funding.
    listed_texts: ClassVar[Sequence[str]] = ()
    # The organisations it belongs to (a place's hosts, a role's organisation, the partners) and
    # the meeting places it is at (a volunteer role's place, a collaboration's places).
    organisation_ids: ClassVar[tuple[str, ...]] = ()
    place_ids: ClassVar[tuple[str, ...]] = ()

    @property
    def refers_to(self) -> tuple[str, ...]:
        """The records it belongs to or works at, in field order, once each (distinct_from, "not
        the same as", is no relation)."""
        return tuple(dict.fromkeys([*self.organisation_ids, *self.place_ids]))


class Offer(Record):
    """Organisations, places and roles: something a resident can turn to, open or closed."""

    status: OfferStatus = "active"
    status_reason: Text | None = None
    reopens: FullDate | None = None

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


class Organisation(Protectable):
    kind: OrganisationKind
    services: list[Service] = Field(default_factory=list)
    protected: Flag = False
    address: Address | None = None
    location: Location | None = None
    opening_hours: list[Hours] = Field(default_factory=list)
    open_on_public_holidays: Flag = False

    @property
    def offers(self) -> list[Service]:
        return self.services


class Place(Protectable):
    hosts: list[Ref] = Field(min_length=1)
    protected: Flag = False
    address: Address | None = None
    location: Location | None = None
    opening_hours: list[Hours] = Field(default_factory=list)
    closed_periods: list[ClosedPeriod] = Field(default_factory=list)
    open_on_public_holidays: Flag = False
    accessibility: Accessibility | None = None
    cost: Cost | None = None

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        return tuple(self.hosts)


class Role(Offer):
    organisation: Ref
    place: Ref | None = None
    tasks: Markdown
    time_commitment: Text | None = None
    requirements: list[Text] = Field(default_factory=list)
    criminal_record_extract: Flag | None = None
    how_to_apply: Text | None = None

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
    partners: list[Partner] = Field(min_length=1)
    places: list[Ref] = Field(default_factory=list)
    period: Period | None = None
    status: CollaborationStatus
    outcomes: list[Text] = Field(default_factory=list)
    funding: list[Text] = Field(default_factory=list)
    lessons: list[Text] = Field(default_factory=list)
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
