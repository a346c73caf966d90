"""The field reference and the list of error messages on /bidra/, generated from the model and
the message catalogue so that the page never drifts from what `commonmap validate` checks.

Both are Snippets: content/bidra.md holds `<!-- commonmap:field-reference -->` and
`<!-- commonmap:error-messages -->` where they go.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache

from jinja2 import Environment

from commonmap.base import ui
from commonmap.contribute.fields import FieldDoc, fields_of
from commonmap.contribute.schema import NOT_EXPRESSIBLE
from commonmap.records import governance
from commonmap.records.directory import Directory
from commonmap.records.messages import MESSAGES
from commonmap.records.model import Record
from commonmap.records.settings import Settings
from commonmap.records.types import TYPES
from commonmap.records.yamltext import scalar
from commonmap.site import templating
from commonmap.site.outputs import Output, Snippet

# The mistakes volunteers make most, first on the page; every other code follows under a fold.
COMMON_CODES = [
    "needs-quotes",
    "yaml-indentation",
    "yaml-tab",
    "yaml-colon",
    "yaml-quote",
    "unknown-field",
    "missing-field",
    "empty-value",
    "invalid-date",
    "invalid-phone",
    "invalid-time",
    "unknown-category",
    "unknown-reference",
    "id-mismatch",
    "invalid-choice",
    "stale",
]
LINK_FIELDS = {"categories": "kategorier/", "areas": "omraden/"}


@dataclass(frozen=True)
class Row:
    path: str
    field: FieldDoc
    required: str
    meaning: str
    example: str
    link: str  # relative to the site root, "" for none


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    return [
        Snippet("field-reference", lambda base: field_reference(directory, base)),
        Snippet("error-messages", lambda base: error_messages()),
        Snippet("governance", lambda base: governance_list(settings)),
    ]


@cache
def _environment() -> Environment:
    return templating.environment("commonmap.contribute")


def rows(model: type, parent: str = "", skip: frozenset = frozenset()) -> list[Row]:
    """Every field of a model, nested parts flattened as `contact.phone`."""
    found = []
    for field in fields_of(model):
        if field.name in skip:
            continue
        path = f"{parent}.{field.name}" if parent else field.name
        if not field.required:
            required = ui.t("ref.no")
        elif parent:
            required = ui.t("ref.required_if", parent=parent)
        else:
            required = ui.t("ref.yes")
        meaning = " ".join(filter(None, [field.description, _choices(field), _list_note(field)]))
        example = _example(field)
        found.append(Row(path, field, required, meaning, example, LINK_FIELDS.get(field.name, "")))
        if field.model or field.variant:
            found += rows(field.model or field.variant, path)
    return found


def _choices(field: FieldDoc) -> str:
    return ui.t("ref.choices", choices=field.choice_text()) if field.choices else ""


def _list_note(field: FieldDoc) -> str:
    return ui.t("ref.list") if field.is_list and not field.model else ""


def _example(field: FieldDoc) -> str:
    if not field.examples:
        return ""
    value = field.examples[0]
    if isinstance(value, list):
        return "\n".join(f"- {scalar(item)}" for item in value)
    if isinstance(value, dict):
        return "\n".join(_mapping_lines(value, 0))
    return scalar(value)


def _mapping_lines(value: dict, depth: int) -> list[str]:
    """A mapping example as the YAML a volunteer writes (translations: ar: name: ...)."""
    found = []
    for key, item in value.items():
        if isinstance(item, dict):
            found += [f"{'  ' * depth}{key}:", *_mapping_lines(item, depth + 1)]
        else:
            found.append(f"{'  ' * depth}{key}: {scalar(item)}")
    return found


def field_reference(directory: Directory, base: str) -> str:
    common = frozenset(Record.model_fields)
    sections = [(ui.t("ref.common_fields"), "", rows(Record))]
    for type_, model in TYPES.items():
        title = ui.t("ref.type_fields", type=ui.t(f"type.{type_}"), folder=type_)
        sections.append((title, type_, rows(model, skip=common)))
    return (
        _environment()
        .get_template("field_reference.html")
        .render(
            sections=sections,
            categories=directory.categories,
            not_expressible=NOT_EXPRESSIBLE,
            base=base,
        )
    )


def placeholder_text(template: str) -> str:
    """A message template with its values left out: "Fältet '…' saknas."."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(literal)
        if name is not None and name != "suggestion":
            parts.append("…")
    return "".join(parts)


def error_messages() -> str:
    def entry(code: str) -> tuple[str, str, str]:
        message, hint = MESSAGES[code]
        return code, placeholder_text(message), placeholder_text(hint)

    common = [entry(code) for code in COMMON_CODES]
    others = [entry(code) for code in sorted(MESSAGES) if code not in COMMON_CODES]
    return _environment().get_template("error_messages.html").render(common=common, others=others)


def governance_list(settings: Settings) -> str:
    """What only the municipality decides, and its team (governance.py)."""
    return (
        _environment()
        .get_template("governance.html")
        .render(governed=governance.GOVERNED, team=settings.municipality_team)
    )
