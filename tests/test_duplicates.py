"""Possible duplicates: pairs that must be flagged, pairs that must not, and the sample directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from commonmap.records.duplicates import duplicate_warnings, name_key, phone_key, website_key
from commonmap.records.loader import load_bytes
from commonmap.records.types import TYPES
from tests.support.sites import ROOT

BASE = {"categories": "[gemenskap]", "last_reviewed": "2026-01-15", "sources": "[test]"}
KIND = {"organisations": {"kind": "association"}, "places": {"hosts": "[x-host]"}, "roles": {"tasks": "Hjälpa till."}}


def record(type_: str, id_: str, name: str, **fields: str) -> tuple:
    """A loaded record as read_directory sees it: the file, its record and its type folder."""
    values = {"id": id_, "name": name, **KIND.get(type_, {}), **BASE, **fields}
    text = "".join(f"{key}: {value}\n" for key, value in values.items())
    loaded, problems = load_bytes(text.encode(), f"directory/{type_}/{id_}.yml")
    assert loaded is not None and not problems, problems
    return loaded, TYPES[type_].model_validate(loaded.data), type_


def org(id_: str, name: str, **fields: str) -> tuple:
    return record("organisations", id_, name, **fields)


def place(id_: str, name: str, **fields: str) -> tuple:
    return record("places", id_, name, **fields)


def role(id_: str, name: str, organisation: str) -> tuple:
    return record("roles", id_, name, organisation=organisation)


def flagged(*items: tuple) -> list[tuple[str, int, str, str]]:
    """(file name, line, code, the other file's name) of each warning."""
    found = duplicate_warnings(items)
    assert all(p.severity == "warning" for p in found)
    return [(Path(p.file).name, p.line, p.code, Path(str(p.params["other"])).name) for p in found]


MUST = {
    "common words": (org("a", "Syverkstan i Örebro"), org("b", "Syverkstan"), "duplicate-name"),
    "case and å/ä/ö": (org("a", "RÖDA KORSET ÖREBRO"), org("b", "Röda korset, Örebro"), "duplicate-name"),
    "förening as a word": (
        org("a", "Föreningen Vivalla fotboll"),
        org("b", "Vivalla fotbollsförening"),
        "duplicate-name",
    ),
    "word order": (org("a", "Kulturhuset Vivalla"), org("b", "Vivalla kulturhus"), "duplicate-name"),
    "definite form": (org("a", "Nattvandrarna Örebro"), org("b", "Nattvandrare i Örebro"), "duplicate-name"),
    "an organisation entered as a place": (
        org("a", "Träffpunkt Baronbackarna"),
        place("b", "Träffpunkten Baronbackarna"),
        "duplicate-name",
    ),
    "website": (
        org("a", "Läxhjälpen", contact="{website: 'https://www.laxhjalp.se/orebro/'}"),
        org("b", "Studiestöd för unga", contact="{website: 'http://laxhjalp.se/orebro'}"),
        "duplicate-website",
    ),
    "phone": (
        org("a", "Stödlinjen", contact="{phone: '019-12 34 56'}"),
        org("b", "Jourtelefonen", contact="{phone: '+46 19 12 34 56'}"),
        "duplicate-phone",
    ),
    "address": (
        org("a", "Kvarterscaféet", address="{street: 'Vivallagatan 12', city: Örebro}"),
        place("b", "Caféet i centrum", address="{street: 'Vivallagatan 12.', city: ÖREBRO}"),
        "duplicate-address",
    ),
}


@pytest.mark.parametrize("case", MUST)
def test_pairs_that_must_be_flagged(case: str) -> None:
    first, second, code = MUST[case]
    found = flagged(first, second)
    assert [(f[0], f[2], f[3]) for f in found] == [
        (Path(first[0].file).name, code, Path(second[0].file).name),
        (Path(second[0].file).name, code, Path(first[0].file).name),
    ]


MUST_NOT = {
    "different names": (org("a", "Röda korset"), org("b", "Blå korset")),
    "only common words alike": (org("a", "Örebro kommun"), org("b", "Örebro universitet")),
    "numbers differ": (org("a", "Fotbollslaget 2015"), org("b", "Fotbollslaget 2016")),
    "short names": (org("a", "ABF"), org("b", "ABC")),
    "said to be distinct": (
        org("a", "Brottsförebyggande rådet (Brå)"),
        org("b", "Brottsförebyggande rådet i Örebro (BRÅ)", distinct_from="[a]"),
    ),
    "a place named after its host": (
        org("x-host", "Vintrosa Folkets hus"),
        place("b", "Folkets hus i Vintrosa"),
    ),
    "roles of two organisations": (role("a", "Läxhjälpare", "abf"), role("b", "Läxhjälpare", "bilda")),
    "a role named like its organisation": (org("a", "Nattvandrare i Örebro"), role("b", "Nattvandrare", "a")),
    "same site, other page": (
        org("a", "Röda korset Örebro", contact="{website: 'https://www.rodakorset.se/orebro'}"),
        org("b", "Röda korset Karlskoga", contact="{website: 'https://www.rodakorset.se/karlskoga'}"),
    ),
    "places of one host share its phone": (
        place("a", "Läxhjälp i Vivalla", contact="{phone: '019-12 34 56'}"),
        place("b", "Språkcafé i Baronbackarna", contact="{phone: '019-12 34 56'}"),
    ),
    "same street, other city": (
        org("a", "Kvarterscaféet", address="{street: 'Storgatan 1', city: Örebro}"),
        org("b", "Hantverkshuset", address="{street: 'Storgatan 1', city: Kumla}"),
    ),
}


@pytest.mark.parametrize("case", MUST_NOT)
def test_pairs_that_must_not_be_flagged(case: str) -> None:
    assert flagged(*MUST_NOT[case]) == []


def test_a_shared_switchboard_is_not_a_duplicate() -> None:
    names = ["Socialtjänsten", "Fritidsgården", "Biblioteket", "Medborgarkontoret", "Konsumentvägledningen"]
    services = [org(f"s{i}", name, contact="{phone: '019-21 10 00'}") for i, name in enumerate(names)]
    assert flagged(*services) == []
    assert [f[2] for f in flagged(*services[:2])] == ["duplicate-phone"] * 2


def test_the_warning_is_at_the_line_of_the_field() -> None:
    first = org("a", "Stödlinjen", contact="{phone: '019-12 34 56'}")
    second = org("b", "Jourtelefonen", contact="{phone: '019-12 34 56'}")
    assert flagged(first, second) == [
        ("a.yml", 7, "duplicate-phone", "b.yml"),
        ("b.yml", 7, "duplicate-phone", "a.yml"),
    ]


def test_normalising() -> None:
    assert name_key("Föreningen Vintrosa Folkets hus") == name_key("folkets hus i VINTROSA")
    assert name_key("Örebro kommun") == "kommun orebro"  # only common words: they are the name
    assert website_key("https://WWW.Example.se/a/") == website_key("http://example.se/a")
    assert phone_key("+46 19-21 10 00") == phone_key("019-21 10 00") == phone_key("0046 19 21 10 00")


def test_the_sample_directory_has_no_duplicate_warnings() -> None:
    items = []
    for path in sorted((ROOT / "directory").glob("*/*.yml")):
        loaded, problems = load_bytes(path.read_bytes(), str(path.relative_to(ROOT)))
        assert loaded is not None, problems
        items.append((loaded, TYPES[path.parent.name].model_validate(loaded.data), path.parent.name))
    assert len(items) > 30
    assert flagged(*items) == []
