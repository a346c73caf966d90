"""The values a record's fields may hold, and the rule that a record is strict.

The loader hands every scalar over as the string that was typed; the types here decide what a
string may be. Values are kept as typed (a phone number stays the string the association wrote):
validators check, they do not rewrite.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError
from pydantic_core import InitErrorDetails

from commonmap.records import checks

Id = Annotated[str, AfterValidator(checks.record_id)]
Ref = Annotated[str, AfterValidator(checks.reference)]
Text = Annotated[str, AfterValidator(checks.text)]
Markdown = Annotated[str, AfterValidator(checks.markdown)]
FullDate = Annotated[str, AfterValidator(checks.full_date)]
PartialDate = Annotated[str, AfterValidator(checks.partial_date)]
Phone = Annotated[str, AfterValidator(checks.phone)]
Email = Annotated[str, AfterValidator(checks.email)]
Url = Annotated[str, AfterValidator(checks.url)]
HttpsUrl = Annotated[str, AfterValidator(checks.https_url)]
SourceText = Annotated[str, AfterValidator(checks.source_text)]
Year = Annotated[int, BeforeValidator(checks.year)]
Time = Annotated[str, AfterValidator(checks.time)]
Language = Annotated[str, AfterValidator(checks.language)]
TranslationLanguage = Annotated[str, AfterValidator(checks.translation_language)]
# A category or an area is checked against its vocabulary (validate.py), which says whether a
# wrong one is a label written for an id ("Barn och unga" for barn-och-unga) or unknown.
Category = Annotated[str, AfterValidator(checks.term)]
AreaId = Annotated[str, AfterValidator(checks.term)]
Flag = Annotated[bool, BeforeValidator(checks.flag)]
Latitude = Annotated[float, BeforeValidator(checks.latitude)]
Longitude = Annotated[float, BeforeValidator(checks.longitude)]

Day = Literal["mo", "tu", "we", "th", "fr", "sa", "su"]
Wheelchair = Literal["yes", "limited", "no"]
OrganisationKind = Literal[
    "association",
    "municipal-service",
    "municipal-company",
    "public-agency",
    "region",
    "company",
    "housing-company",
    "faith-community",
    "study-association",
    "foundation",
    "network",
    "partnership",
]
CollaborationStatus = Literal["planned", "ongoing", "ended"]
OfferStatus = Literal["active", "temporarily-closed", "closed"]
# How far beyond its own areas a record's help reaches (labels: ui.py "serves.<value>").
Serves = Literal["municipality", "county", "country"]


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def reject(model: BaseModel, errors: list[tuple[tuple, str, dict]]) -> None:
    """Raise rules that involve several fields as errors at the field to change, (loc, code,
    params) each, so the validator reports the file and the line of that field; pydantic puts
    the location of the model in front."""
    if errors:
        details = [
            InitErrorDetails(type=checks.fail(code, **params), loc=loc, input=getattr(model, str(loc[0]), None))
            for loc, code, params in errors
        ]
        raise ValidationError.from_exception_data(type(model).__name__, details)
