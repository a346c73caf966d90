"""The fields' Swedish titles, descriptions and examples, kept as data (fields.yml beside this) and
apart from the models' types, defaults and limits: they are what the editor schemas, the templates
and the field reference on /bidra/ show volunteers.

A model that derives from Documented gets them as it is defined: each field's annotation becomes
Annotated[<annotation>, Field(title=..., description=..., examples=...)] before pydantic reads the
class, the same as writing them in the class body (pydantic merges that Field with the default).
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

import yaml
from pydantic import Field

from commonmap.records.values import Strict

DOCS: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load(
    resources.files("commonmap.records").joinpath("fields.yml").read_text(encoding="utf-8")
)


class Documented(Strict):
    """A model whose every field has its texts in fields.yml, under the model's name."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        annotations = cls.__dict__.get("__annotations__", {})
        fields = {name for name, annotation in annotations.items() if not _class_var(annotation)}
        docs = DOCS.get(cls.__name__, {})
        if set(docs) != fields:
            raise TypeError(f"fields.yml, {cls.__name__}: {sorted(set(docs) ^ fields)}: each field needs its texts")
        for name, texts in docs.items():
            annotations[name] = Annotated[annotations[name], Field(**texts)]


def _class_var(annotation: object) -> bool:
    """A ClassVar is no field (the annotations are strings: `from __future__ import annotations`)."""
    return str(annotation).startswith(("ClassVar[", "typing.ClassVar["))
