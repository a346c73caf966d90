"""/data/directory.json: the whole directory in the project's own JSON, and its JSON Schema.

Records are written with every field of the model (unset optional fields as null), values as
typed; reading the file back with `read` gives records equal to the loaded ones. The schema is
generated from the same pydantic models, so it cannot drift from them.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from commonmap.export.common import AREA_ATTRIBUTION, FORMAT_VERSION, build_date, dump_json, page_url
from commonmap.records.directory import CategoryDef, Directory, Entry
from commonmap.records.model import Collaboration, Organisation, Place, Record, Role
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES

PATH = "data/directory.json"
SCHEMA_PATH = "data/directory.schema.json"
FORMAT = "gemensam-karta-directory"

R = TypeVar("R", bound=Record)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AreaInfo(Strict):
    id: str = Field(title="Id", description="Samma id som i areas.geojson och i /omraden/<id>/.")
    code: str = Field(title="Kod", description="SCB:s kod för området (RegSO).")
    name: str = Field(title="Namn")


class RecordEntry(Strict, Generic[R]):
    """One record with what the build derived about it."""

    id: str = Field(title="Id")
    url: str = Field(title="Sidans adress", description="Postens sida på webbplatsen.")
    file: str = Field(title="Fil", description="YAML-filen i förrådet som posten kommer från.")
    located_in: list[str] = Field(
        title="Ligger i", description="Områden som postens (eller dess mötesplats) koordinater ligger i."
    )
    areas: list[str] = Field(
        title="Alla områden", description="Områden som posten ligger i eller riktar sig till (utan upprepningar)."
    )
    record: R = Field(title="Posten", description="Alla fält i posten, med värden precis som de skrevs.")


class DirectoryDocument(Strict):
    """The whole directory, as published at /data/directory.json."""

    format: Literal["gemensam-karta-directory"] = Field(title="Format")
    version: str = Field(title="Formatets version", examples=[FORMAT_VERSION])
    build_date: str = Field(
        title="Byggdatum",
        description="Dagen då filerna byggdes (UTC), ÅÅÅÅ-MM-DD: datans version (SOURCE_DATE_EPOCH om den är satt).",
    )
    license: str = Field(title="Licens", examples=["CC0-1.0"])
    license_url: str = Field(title="Licensens adress")
    attribution: list[str] = Field(title="Erkännanden")
    counts: dict[str, int] = Field(title="Antal poster per typ")
    categories: list[CategoryDef] = Field(title="Kategorier")
    areas: list[AreaInfo] = Field(title="Områden")
    good_examples: list[str] = Field(
        title="Goda exempel",
        description="Id för samverkan som kommunen lyfter fram som goda exempel (directory/good_examples.yml), i kommunens ordning.",
    )
    organisations: list[RecordEntry[Organisation]] = Field(title="Organisationer")
    places: list[RecordEntry[Place]] = Field(title="Mötesplatser")
    roles: list[RecordEntry[Role]] = Field(title="Volontäruppdrag")
    collaborations: list[RecordEntry[Collaboration]] = Field(title="Samverkan")


def document(directory: Directory, settings: Settings) -> dict:
    """The directory as a JSON-ready dict (validated against DirectoryDocument by the tests)."""
    data: dict[str, object] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "build_date": build_date(),
        "license": settings.data_license,
        "license_url": settings.data_license_url,
        "attribution": [AREA_ATTRIBUTION],
        "counts": directory.counts(),
        "categories": [category.model_dump(mode="json") for category in directory.categories.values()],
        "areas": [{"id": a.id, "code": a.code, "name": a.name} for a in sorted(directory.areas, key=lambda a: a.id)],
        "good_examples": list(directory.good_examples),
    }
    for type_ in TYPES:
        data[type_] = [_entry(entry, settings) for entry in directory.of_type(type_)]
    return data


def _entry(entry: Entry, settings: Settings) -> dict:
    return {
        "id": entry.id,
        "url": page_url(entry, settings.site_url),
        "file": entry.file,
        "located_in": list(entry.located_in),
        "areas": list(entry.areas),
        "record": entry.record.model_dump(mode="json"),
    }


def schema() -> dict:
    """JSON Schema (draft 2020-12) of directory.json, from the pydantic models."""
    generated = DirectoryDocument.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "directory.schema.json",
        **generated,
    }


def read(text: str) -> DirectoryDocument:
    """Read a directory.json back into typed records (the round trip)."""
    return DirectoryDocument.model_validate_json(text)


def files(directory: Directory, settings: Settings) -> dict[str, bytes]:
    return {PATH: dump_json(document(directory, settings)), SCHEMA_PATH: dump_json(schema(), pretty=True)}
