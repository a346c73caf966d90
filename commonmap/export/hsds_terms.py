"""The project's own HSDS taxonomies and where each record field goes in HSDS.

What HSDS has no field for becomes an `attribute` whose `taxonomy_term` is one of FIELD_TERMS in
the taxonomy "Gemensam karta: fält" (the HSDS way of extending); categories are the terms of
"Gemensam karta: kategorier". MAPPING is shown on /oppna-data/, and a test fails when the model
gains a field that it does not list. All of it is text, kept as data in hsds_terms.yml beside this.
"""

from __future__ import annotations

from importlib import resources

import yaml

_DATA = yaml.safe_load(resources.files("commonmap.export").joinpath("hsds_terms.yml").read_text(encoding="utf-8"))


def _taxonomy(key: str) -> tuple[str, str, str]:
    taxonomy = _DATA["taxonomies"][key]
    return taxonomy["code"], taxonomy["name"], taxonomy["description"]


# (code, name, description) of each taxonomy.
CATEGORY_TAXONOMY = _taxonomy("categories")
FIELD_TAXONOMY = _taxonomy("fields")
# code: (name, description) of the terms in "Gemensam karta: fält".
FIELD_TERMS: dict[str, tuple[str, str]] = {
    code: (term["name"], term["description"]) for code, term in _DATA["field_terms"].items()
}
# Where each record field goes in HSDS: (record type or "all", field, HSDS target); a row of the
# file may name a list of types, one row here each.
MAPPING: list[tuple[str, str, str]] = [
    (type_, field, target)
    for types, field, target in _DATA["mapping"]
    for type_ in (types if isinstance(types, list) else [types])
]
