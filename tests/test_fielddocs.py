"""The fields' texts come from records/fields.yml: every model there exists, every field of a
documented model has its texts, and they reach the model as if written in its class body."""

from __future__ import annotations

import pytest

from commonmap.records import fielddocs, model
from commonmap.records.fielddocs import Documented


def _documented(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_documented(sub)}
    return found


def test_every_model_in_fields_yml_is_a_documented_model() -> None:
    assert set(fielddocs.DOCS) <= {cls.__name__ for cls in _documented(Documented)}
    assert {"Record", "Place", "Contact", "Translation"} <= set(fielddocs.DOCS)


def test_a_field_without_its_texts_is_refused() -> None:
    with pytest.raises(TypeError, match=r"Undocumented: \['colour'\]: each field needs its texts"):

        class Undocumented(Documented):
            colour: str


def test_the_texts_reach_the_field_beside_its_type_and_default() -> None:
    info = model.Place.model_fields["open_on_public_holidays"]
    assert (info.title, info.default, info.examples) == ("Öppet på helgdagar", False, [True])
    protected = model.Organisation.model_fields["protected"].description
    assert protected == model.Place.model_fields["protected"].description and protected.startswith("true om adressen")
    assert model.Record.model_fields["name"].metadata[0].max_length == 200  # the limit stays in the model
    assert "closed" not in model.Record.model_fields and model.Record.closed is False  # a ClassVar is no field
