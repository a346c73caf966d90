"""Good but tricky values come through the loader and the model exactly as typed."""

from __future__ import annotations

from tests.support.directories import validate

TRICKY = """\
id: knepiga-varden
name: "Föreningen Ära & Öl – الجمعية 👩‍👩‍👧"
summary: "Persiska med nollbreddsfog: می‌خواهم, svenska å ä ö Å Ä Ö."
kind: association
categories: [gemenskap]
languages: ["no", sv, ar, fa, ti, so]
contact:
  phone: "+46703262408"
  phone_label: "019-21 10 00 är växeln"
  email: info@exempel.se
last_reviewed: 2026-01-15
sources: ["0701234567", "21:00", "yes"]
"""


def test_tricky_values_are_unchanged(make_directory) -> None:
    from commonmap.records.validate import read_directory

    root = make_directory({"organisations/knepiga-varden.yml": TRICKY})
    directory, problems = read_directory(root)
    assert [p for p in problems if p.severity == "error"] == []
    record = directory.entries["knepiga-varden"].record
    assert record.name == "Föreningen Ära & Öl – الجمعية 👩‍👩‍👧"
    assert "می‌خواهم" in record.summary
    assert record.languages == ["no", "sv", "ar", "fa", "ti", "so"]
    assert record.contact.phone == "+46703262408"
    assert record.contact.phone_label == "019-21 10 00 är växeln"
    assert record.sources == ["0701234567", "21:00", "yes"]


def test_unquoted_values_stay_strings_in_the_loader() -> None:
    from commonmap.records.loader import load_bytes

    loaded, problems = load_bytes(b"a: 0701234567\nb: +46703262408\nc: 21:00\nd: no\ne: 2021-11-10\nf: 1e3\n", "x.yml")
    assert problems == []
    assert loaded.data == {
        "a": "0701234567",
        "b": "+46703262408",
        "c": "21:00",
        "d": "no",
        "e": "2021-11-10",
        "f": "1e3",
    }
    assert loaded.typed == {
        ("a",): "number",
        ("b",): "number",
        ("c",): "time",
        ("d",): "boolean",
        ("e",): "date",
        ("f",): "number",
    }


def test_places_and_their_derived_areas(make_directory) -> None:
    from commonmap.records.validate import read_directory

    directory, problems = read_directory(make_directory())
    assert problems == [] or all(p.code == "stale" for p in problems)
    place = directory.entries["exempelplatsen"]
    assert place.record.location.lat == 59.2988 and place.record.location.approximate is True
    assert place.located_in == ("vivalla",)
    assert directory.entries["exempeluppdraget"].located_in == ("vivalla",)
    assert directory.entries["exempelsamverkan"].located_in == ("vivalla",)
    assert directory.entries["exempelforeningen"].located_in == ()
    hours = place.record.opening_hours[0]
    assert (hours.days, hours.opens, hours.closes) == (["fr", "sa"], "21:00", "01:00")


def test_minimal_directory_is_valid(make_directory) -> None:
    assert validate(make_directory()) == []


SOURCED = """\
id: kallor-med-ar
name: Källor med årtal
kind: association
categories: [gemenskap]
serves: country
last_reviewed: 2026-01-15
sources:
  - seeds/000_d0c8b694a2e6e978.md
  - https://www.exempel.se/om-oss?a=1&b=2
  - url: https://www.exempel.se/oppettider
    year: 2015
    note: "Öppettider: tisdagar"
  - url: https://www.exempel.se/
    year: "2024"
"""


def test_sources_keep_text_links_and_years(make_directory) -> None:
    from commonmap.records.parts import SourceLink, source_text
    from commonmap.records.validate import read_directory

    directory, problems = read_directory(make_directory({"organisations/kallor-med-ar.yml": SOURCED}))
    assert [p for p in problems if p.severity == "error"] == []
    record = directory.entries["kallor-med-ar"].record
    assert record.serves == "country"
    text, url, link, quoted = record.sources
    assert (text, url) == ("seeds/000_d0c8b694a2e6e978.md", "https://www.exempel.se/om-oss?a=1&b=2")
    assert link == SourceLink(url="https://www.exempel.se/oppettider", year=2015, note="Öppettider: tisdagar")
    assert quoted.year == 2024 and quoted.note is None
    assert source_text(link) == "https://www.exempel.se/oppettider (2015): Öppettider: tisdagar"
    assert record.model_dump(mode="json")["sources"][2] == {
        "url": "https://www.exempel.se/oppettider",
        "year": 2015,
        "note": "Öppettider: tisdagar",
    }
