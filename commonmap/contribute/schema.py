"""JSON Schemas for editors, generated from the model: one per record type, in `schema/`.

Editors with the YAML language server (VS Code and others) read the `# yaml-language-server:
$schema=...` line at the top of every record file, complete field names and underline mistakes
as the volunteer types. The schemas say the same as the model where JSON Schema can say it; what
only `commonmap validate` can check is listed in NOT_EXPRESSIBLE (and on the page /bidra/).

Run `python -m commonmap.contribute.schema` after changing the model or the vocabularies;
tests/test_contribute_schema.py fails while the committed files are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from commonmap.base import ui
from commonmap.base.languages import TRANSLATED
from commonmap.records import checks
from commonmap.records.directory import Directory
from commonmap.records.types import RECORD_TYPES, TYPES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# The one rule for unquoted values (loaded.PLAIN_KINDS, content/bidra.md), with its exceptions.
UNQUOTED_RULE = (
    "Ett värde utan citattecken som andra YAML-program läser som tal, klockslag, sant/falskt, datum "
    "eller tomt (~, null) ska stå inom citattecken. Undantag, där alla program läser det som fältet "
    "ska ha: true och false i fält som är sant eller falskt, tal i lat och lon, årtal i en källas year, "
    "datum i datumfält."
)
SCHEMA_DIR = "schema"
# The schema's file name per type folder: schema/<name>.schema.json.
NAMES = {type_.folder: type_.schema_name for type_ in RECORD_TYPES}
NOT_BLANK = r"\S"
HTTPS_URL = r"^https://[^\s/]+\S*$"
# What each value check of checks.py adds to `type: string`, as far as JSON Schema can say it.
CHECKS: dict[object, dict[str, Any]] = {
    checks.text: {"pattern": NOT_BLANK},
    checks.term: {"pattern": NOT_BLANK, "maxLength": checks.TERM_MAX},
    checks.record_id: {
        "pattern": checks.ID_PATTERN.pattern,
        "maxLength": checks.ID_MAX,
        "not": {"enum": sorted(checks.RESERVED_IDS)},
    },
    checks.reference: {"pattern": checks.ID_PATTERN.pattern},
    checks.full_date: {"pattern": checks.FULL_DATE.pattern, "format": "date"},
    checks.partial_date: {"pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"},
    checks.phone: {"pattern": checks.PHONE_CHARS.pattern},
    checks.email: {"format": "email"},
    checks.url: {"pattern": r"^https?://[^\s/]+\S*$", "format": "uri"},
    checks.https_url: {"pattern": HTTPS_URL, "format": "uri"},
    # Text, unless it begins like a web address: then an https one.
    checks.source_text: {"pattern": rf"^(?!\s*([A-Za-z][A-Za-z0-9+.-]*://|[Ww]{{3}}\.))\s*\S|{HTTPS_URL}"},
    checks.time: {"pattern": checks.TIME.pattern},
    checks.language: {"pattern": r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$"},
}
RANGES = {checks.latitude: (-90, 90), checks.longitude: (-180, 180), checks.year: (1000, 9999)}

# Rules `commonmap validate` enforces that no JSON Schema here can (shown on /bidra/ too).
NOT_EXPRESSIBLE = [
    "att id är samma som filnamnet och att inget annat id är likadant",
    "att en hänvisning (hosts, organisation, place, places, partners) pekar på en post som finns, av rätt typ",
    "att ett telefonnummer är ett riktigt svenskt eller internationellt nummer (bara tillåtna tecken kontrolleras)",
    "att en språkkod finns i ISO 639 (bara formen kontrolleras)",
    "att punkten ligger i Örebro kommun och att lat och lon inte är omkastade",
    "att last_reviewed inte ligger i framtiden och inte är äldre än 12 månader",
    "att ett slutdatum inte ligger före startdatum",
    "att en post med skyddad adress (protected: true) saknar address och location och har kontaktuppgifter, "
    "och en sådan mötesplats också områden (areas)",
    "att status temporarily-closed har status_reason och att reopens bara står när status är temporarily-closed",
    "poster som liknar varandra (namn, webbplats, telefon eller adress): en varning som nämner den andra filen",
    "YAML-regler före schemat: tabbar, dubbla fält, ankare (& och *), taggen !, flera dokument, osynliga tecken",
    "att ett värde som andra YAML-program läser som tal, klockslag, sant/falskt, datum eller tomt står "
    "inom citattecken i ett fält för text (schemat ser bara det värde som YAML-läsaren redan har gjort om)",
]


class _Generator(GenerateJsonSchema):
    """pydantic's generator, plus what the model's value checks mean for the schema."""

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> dict[str, Any]:
        found = super().function_after_schema(schema)
        return {**found, **CHECKS.get(schema["function"]["function"], {})}

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> dict[str, Any]:
        found = super().function_before_schema(schema)
        low_high = RANGES.get(schema["function"]["function"])
        if low_high:
            found = {**found, "minimum": low_high[0], "maximum": low_high[1]}
        return found


def schema_for(type_: str, directory: Directory) -> dict[str, Any]:
    """The JSON Schema of one record type, with the directory's categories and areas as choices."""
    generated = TYPES[type_].model_json_schema(schema_generator=_Generator)
    generated = _without_null(generated)
    for definition in generated.get("$defs", {}).values():
        # Class names and English docstrings are for developers; the fields carry Swedish titles.
        definition.pop("title", None)
        definition.pop("description", None)
    _add_vocabularies(generated, directory)
    return {
        "$schema": DRAFT,
        "$id": f"{NAMES[type_]}.schema.json",
        "title": f"{ui.t(f'type.{type_}')} i Gemensam karta",
        "description": "Genererad från commonmap/records/model.py; ändra inte för hand. " + UNQUOTED_RULE,
        **{key: value for key, value in generated.items() if key not in ("title", "description")},
    }


def _without_null(node: Any) -> Any:
    """An optional field is left out when it is unknown; an empty value (null) is an error."""
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _without_null(value) for key, value in node.items()}
    options = node.get("anyOf")
    if options and {"type": "null"} in options:
        rest = [option for option in options if option != {"type": "null"}]
        del node["anyOf"]
        node = {**(rest[0] if len(rest) == 1 else {"anyOf": rest}), **node}
        if node.get("default", 0) is None:
            del node["default"]
    return node


def _add_vocabularies(schema: dict[str, Any], directory: Directory) -> None:
    """Categories and areas are closed lists: the editor offers them and underlines others."""
    categories = {
        "enum": list(directory.categories),
        "description": "En av: " + "; ".join(f"{c.id} ({c.label})" for c in directory.categories.values()) + ".",
    }
    areas = {
        "enum": [area.id for area in directory.areas],
        "description": "En av: " + "; ".join(f"{a.id} ({a.name})" for a in directory.areas) + ".",
    }
    for properties in _all_properties(schema):
        for name, vocabulary in (("categories", categories), ("areas", areas)):
            if name in properties and "items" in properties[name]:
                properties[name]["items"] = {**properties[name]["items"], **vocabulary}
        if "translations" in properties:  # the site's other languages are the keys
            properties["translations"]["propertyNames"] = {"enum": list(TRANSLATED)}


def _all_properties(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = [schema.get("properties", {})]
    found += [definition.get("properties", {}) for definition in schema.get("$defs", {}).values()]
    return found


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def expected_files(directory: Directory) -> dict[str, str]:
    """File name in schema/ → its content."""
    return {f"{NAMES[type_]}.schema.json": render(schema_for(type_, directory)) for type_ in TYPES}


def write(directory: Directory, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in expected_files(directory).items():
        (out / name).write_text(content, encoding="utf-8")
        written.append(out / name)
    return written
