"""The fields of the record model as plain descriptions: what templates and the reference show."""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from commonmap.base import ui


@dataclass(frozen=True)
class FieldDoc:
    name: str
    title: str
    description: str
    examples: tuple[object, ...]
    required: bool
    is_list: bool
    model: type[BaseModel] | None  # the nested record part, e.g. Contact, when there is one
    variant: type[BaseModel] | None  # the fields a value may have instead of being text (sources)
    choices: tuple[str, ...]  # the allowed values of a closed list (Literal)

    def children(self) -> list[FieldDoc]:
        return fields_of(self.model) if self.model else []

    def choice_text(self) -> str:
        """'association (Förening), ...': the value to write and, where the interface has one, its label."""
        return ", ".join(_with_label(self.name, choice) for choice in self.choices)


def fields_of(model: type[BaseModel]) -> list[FieldDoc]:
    found = []
    for name, info in model.model_fields.items():
        inner = _without_none(info.annotation)
        is_list = get_origin(inner) is list
        item = _without_annotated(get_args(inner)[0] if is_list else inner)
        nested = item if _is_model(item) else None
        variants = [_without_annotated(arg) for arg in get_args(item)] if get_origin(item) in UNIONS else []
        choices = tuple(get_args(item)) if get_origin(item) is Literal else ()
        found.append(
            FieldDoc(
                name=name,
                title=info.title or name,
                description=info.description or "",
                examples=tuple(info.examples or ()),
                required=info.is_required(),
                is_list=is_list,
                model=nested,
                variant=next((arg for arg in variants if _is_model(arg)), None),
                choices=choices,
            )
        )
    return found


UNIONS = (Union, types.UnionType)


def _is_model(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _without_none(annotation: object) -> object:
    if get_origin(annotation) in UNIONS:
        rest = [arg for arg in get_args(annotation) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _without_annotated(annotation: object) -> object:
    """The type inside Annotated[...], however deep (a source is annotated twice)."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


LABEL_PREFIXES = {"days": "day"}  # the interface labels of other fields' values are "<field>.<value>"


def _with_label(field: str, value: str) -> str:
    key = f"{LABEL_PREFIXES.get(field, field)}.{value}"
    return f"{value} ({ui.SV[key]})" if key in ui.SV else value
