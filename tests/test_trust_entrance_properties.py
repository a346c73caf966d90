"""Property tests (hypothesis) for the areas file and the vocabulary, as for records: generated
valid files are read without a problem and mean what they say; one mutation gives its stable
code at the line of the value changed; random damage never makes the readers raise, and every
problem names the file and a line in it."""

from __future__ import annotations

import json
import math
import shutil
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from commonmap.base.languages import TRANSLATED
from commonmap.records import areasfile
from commonmap.records.checks import RESERVED_IDS
from tests.support.directories import MINIMAL, TODAY, dump_yaml
from tests.test_trust_properties import mutated

HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
IDS = st.from_regex(r"[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}", fullmatch=True).filter(lambda v: v not in RESERVED_IDS)
NAMES = st.text(st.characters(categories=("L", "N"), include_characters=" -.,()'"), min_size=1, max_size=40).filter(
    lambda v: v.strip() == v and v
)


@st.composite
def star(draw, lon: float, lat: float) -> list[list[float]]:
    """A ring around (lon, lat) whose every vertex the centre sees: always a simple polygon."""
    count = draw(st.integers(3, 12))
    # One angle in each of `count` equal sectors, in its first half: no gap of 180° or more, so
    # the centre lies inside the polygon.
    angles = [i * 360 / count + draw(st.integers(0, 49)) / 100 * 360 / count for i in range(count)]
    radii = draw(st.lists(st.integers(1, 50), min_size=len(angles), max_size=len(angles)))
    ring = [
        [round(lon + r / 1000 * math.cos(math.radians(a)), 6), round(lat + r / 2000 * math.sin(math.radians(a)), 6)]
        for a, r in zip(angles, radii, strict=True)
    ]
    return [*ring, ring[0]]


@st.composite
def areas_data(draw) -> dict:
    count = draw(st.integers(1, 5))
    ids = draw(st.lists(IDS, min_size=count, max_size=count, unique=True))
    names = draw(st.lists(NAMES, min_size=count, max_size=count, unique=True))
    features = []
    for index, (id_, name) in enumerate(zip(ids, names, strict=True)):
        lon, lat = 14.6 + 0.2 * index, draw(st.floats(59.0, 59.5))
        rings = [draw(star(lon, lat))]
        if draw(st.booleans()):  # a second part, apart from the first
            geometry = {"type": "MultiPolygon", "coordinates": [rings, [draw(star(lon + 0.1, lat))]]}
        else:
            geometry = {"type": "Polygon", "coordinates": rings}
        properties = {"id": id_, "code": f"T{index:03d}", "name": name}
        features.append({"type": "Feature", "properties": properties, "geometry": geometry, "centre": [lon, lat]})
    return {"type": "FeatureCollection", "features": features}


def dump(data: dict, indent: int | None) -> str:
    clean = {**data, "features": [{k: v for k, v in f.items() if k != "centre"} for f in data["features"]]}
    return json.dumps(clean, indent=indent, ensure_ascii=False)


def read_text(tmp: Path, text: str | bytes) -> tuple:
    path = tmp / "areas.geojson"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return areasfile.read(str(path), "areas.geojson")


@settings(max_examples=60, deadline=None, suppress_health_check=HEALTH)
@given(data=areas_data(), indent=st.sampled_from([None, 1, 2]))
def test_a_valid_areas_file_is_read_as_written(tmp_path_factory, data: dict, indent: int | None) -> None:
    areas, problems = read_text(tmp_path_factory.mktemp("areas"), dump(data, indent))
    assert problems == []
    assert [area.id for area in areas] == [f["properties"]["id"] for f in data["features"]]
    centres = [(f["centre"][1], f["centre"][0]) for f in data["features"]]
    for feature, found in zip(data["features"], areas.locate(centres), strict=True):
        assert found is not None and feature["properties"]["id"] in found


def _geometry_rings(feature: dict) -> list:
    geometry = feature["geometry"]
    return geometry["coordinates"] if geometry["type"] == "Polygon" else geometry["coordinates"][0]


MUTATIONS = {
    # name: (change the data, code expected, key on the reported line when the file is indented)
    "bad-id": (
        lambda d, f, v: f["properties"].__setitem__(
            "id", v.draw(st.sampled_from(["Stora", "a/b", "../x", "a b", "å"]))
        ),
        "invalid-id",
        '"id"',
    ),
    "reserved-id": (
        lambda d, f, v: f["properties"].__setitem__("id", v.draw(st.sampled_from(sorted(RESERVED_IDS)))),
        "reserved-id",
        '"id"',
    ),
    "empty-name": (lambda d, f, v: f["properties"].__setitem__("name", " "), "empty-value", '"name"'),
    "repeated-id": (lambda d, f, v: d["features"].append(json.loads(json.dumps(f))), "duplicate-area", '"id"'),
    "open-ring": (lambda d, f, v: _geometry_rings(f)[0].pop(), "open-ring", "["),
    "far-point": (lambda d, f, v: _geometry_rings(f)[0].__setitem__(1, [0.0, 0.0]), "outside-region", "["),
    "swapped": (lambda d, f, v: [p.reverse() for p in _geometry_rings(f)[0][:-1]], "outside-region", "["),
    "point": (
        lambda d, f, v: f.__setitem__("geometry", {"type": "Point", "coordinates": [15.2, 59.3]}),
        "invalid-choice",
        '"type"',
    ),
    "no-properties": (lambda d, f, v: f.pop("properties"), "json-missing", "{"),
    "extra-property": (lambda d, f, v: f["properties"].__setitem__("nmae", "x"), "unknown-field", '"nmae"'),
}


@settings(max_examples=120, deadline=None, suppress_health_check=HEALTH)
@given(
    data=areas_data(), indent=st.sampled_from([None, 2]), mutation=st.sampled_from(sorted(MUTATIONS)), values=st.data()
)
def test_one_change_to_an_areas_file_gives_its_code_at_its_line(
    tmp_path_factory, data, indent, mutation, values
) -> None:
    change, code, key = MUTATIONS[mutation]
    feature = values.draw(st.sampled_from(data["features"]))
    change(data, feature, values)
    text = dump(data, indent)
    _, problems = read_text(tmp_path_factory.mktemp("areas"), text)
    assert code in [p.code for p in problems], (mutation, [p.format() for p in problems])
    lines = text.split("\n")
    for problem in problems:
        assert problem.file == "areas.geojson" and 1 <= problem.line <= len(lines)
        assert 1 <= problem.col <= len(lines[problem.line - 1]) + 1
        if problem.code == code and indent:
            assert key in lines[problem.line - 1], (mutation, problem.format(), lines[problem.line - 1])


VALID_AREAS = (Path(__file__).parent / "hostile" / "areas" / "valid.geojson").read_bytes()
JSON_BITS = [
    b",",
    b"]",
    b"[",
    b"{",
    b"}",
    b'"',
    b":",
    b"NaN",
    b"-",
    b"1e999",
    b"\\u0000",
    b"\\",
    b"\xff",
    b"null",
    b"true",
]


@settings(max_examples=200, deadline=None, suppress_health_check=HEALTH)
@given(content=st.binary(max_size=400) | mutated(VALID_AREAS, JSON_BITS))
def test_the_areas_reader_never_raises(tmp_path_factory, content: bytes) -> None:
    areas, problems = read_text(tmp_path_factory.mktemp("areas"), content)
    assert areas is not None or problems
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1
        assert problem.line <= content.count(b"\n") + 1, problem.format()
        assert problem.message and problem.hint


# --- the vocabulary ------------------------------------------------------------------------------

LABELS = st.text(st.characters(categories=("L", "N"), include_characters=" -,"), min_size=1, max_size=40).filter(
    lambda v: v.strip() == v and v
)


@st.composite
def vocabularies(draw) -> list[dict]:
    count = draw(st.integers(1, 8))
    ids = draw(st.lists(IDS, min_size=count, max_size=count, unique=True))
    labels = draw(st.lists(LABELS, min_size=count, max_size=count, unique_by=str.casefold))
    english = draw(st.lists(LABELS, min_size=count, max_size=count, unique_by=str.casefold))
    colors = draw(st.lists(st.integers(0, 0xFFFFFF), min_size=count, max_size=count, unique=True))
    icons = draw(st.lists(IDS, min_size=count, max_size=count))
    exits = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    # The labels and descriptions in the site's other languages (issue 17), read as written too.
    texts = st.fixed_dictionaries({"label": LABELS, "description": LABELS})
    translations = draw(
        st.lists(st.dictionaries(st.sampled_from(TRANSLATED), texts, max_size=2), min_size=count, max_size=count)
    )
    return [
        {"id": i, "label": a, "label_en": b, "description": f"Om {a}.", "icon": icon, "color": f"#{c:06x}"}
        | {"search_words": [i], "quick_exit": exit, "translations": own}
        for i, a, b, c, icon, exit, own in zip(ids, labels, english, colors, icons, exits, translations, strict=True)
    ]


@cache
def _directory(base: Path) -> Path:
    root = base / "directory"
    shutil.copytree(MINIMAL, root)
    return root


def read_vocabulary(base: Path, content: bytes) -> tuple[dict | None, list]:
    from commonmap.records.validate import read_directory

    root = _directory(base)
    (root / "categories.yml").write_bytes(content)
    directory, problems = read_directory(root, today=TODAY)
    return (directory.categories if directory else None), [p for p in problems if p.file.endswith("categories.yml")]


def vocabulary_text(categories: list[dict]) -> bytes:
    return dump_yaml({"categories": categories}).encode()


@settings(max_examples=60, deadline=None, suppress_health_check=HEALTH)
@given(categories=vocabularies())
@example(  # a label that YAML 1.2 reads as a number, so it is written quoted
    categories=[
        {"id": "a", "label": "0E0", "label_en": "ı", "description": "Om 0E0.", "icon": "a"}
        | {"color": "#000000", "search_words": ["0E0"], "quick_exit": False}
    ]
)
def test_a_valid_vocabulary_is_read_as_written(tmp_path_factory, categories: list[dict]) -> None:
    found, problems = read_vocabulary(tmp_path_factory.getbasetemp() / "vocabulary", vocabulary_text(categories))
    assert problems == []
    # A category without translations has them empty (main's explicit example has none).
    assert [c.model_dump() for c in found.values()] == [{"translations": {}} | c for c in categories]


def other_case(label: str) -> str:
    """The label in capitals, when that is the same label to casefold ('ı' in capitals is 'I',
    which casefolds to 'i', another letter); otherwise the label as it is."""
    upper = label.upper()
    return upper if upper.casefold() == label.casefold() else label


VOCABULARY_MUTATIONS = {
    # name: (change the list, code expected, field on the reported line)
    "repeated-id": (lambda c, i, j: c[j].__setitem__("id", c[i]["id"]), "duplicate-category", "id:"),
    "repeated-label": (
        lambda c, i, j: c[j].__setitem__("label", other_case(c[i]["label"])),
        "duplicate-category",
        "label:",
    ),
    "bad-id": (lambda c, i, j: c[j].__setitem__("id", "../" + c[j]["id"]), "invalid-id", "id:"),
    "bad-color": (lambda c, i, j: c[j].__setitem__("color", "red"), "invalid-color", "color:"),
    "bad-icon": (lambda c, i, j: c[j].__setitem__("icon", "<b>"), "invalid-icon", "icon:"),
    "long-label": (lambda c, i, j: c[j].__setitem__("label", "L" * 81), "too-long", "label:"),
    "extra-field": (lambda c, i, j: c[j].__setitem__("lable", "x"), "unknown-field", "lable:"),
    "repeated-search-word": (
        lambda c, i, j: c[j].__setitem__("search_words", [c[j]["id"], c[j]["id"].upper()]),
        "duplicate-search-word",
        "- ",
    ),
    "search-word-no-letters": (
        lambda c, i, j: c[j].__setitem__("search_words", ["?!"]),
        "search-word-no-letters",
        "- ",
    ),
}


@settings(max_examples=80, deadline=None, suppress_health_check=HEALTH)
@given(
    categories=vocabularies().filter(lambda c: len(c) >= 2),
    mutation=st.sampled_from(sorted(VOCABULARY_MUTATIONS)),
    values=st.data(),
)
def test_one_change_to_the_vocabulary_gives_its_code_at_its_line(
    tmp_path_factory, categories, mutation, values
) -> None:
    change, code, key = VOCABULARY_MUTATIONS[mutation]
    first = values.draw(st.integers(0, len(categories) - 2))
    change(categories, first, values.draw(st.integers(first + 1, len(categories) - 1)))
    content = vocabulary_text(categories)
    found, problems = read_vocabulary(tmp_path_factory.getbasetemp() / "vocabulary", content)
    assert found is None and code in [p.code for p in problems], [p.format() for p in problems]
    lines = content.decode().split("\n")
    for problem in problems:
        if problem.code == code:
            assert key in lines[problem.line - 1], (problem.format(), lines[problem.line - 1])


VOCABULARY = (MINIMAL / "categories.yml").read_bytes()


@settings(max_examples=120, deadline=None, suppress_health_check=HEALTH)
@given(content=mutated(VOCABULARY))
def test_the_vocabulary_reader_never_raises(tmp_path_factory, content: bytes) -> None:
    _, problems = read_vocabulary(tmp_path_factory.getbasetemp() / "vocabulary-bytes", content)
    for problem in problems:
        assert problem.line >= 1 and problem.col >= 1
        assert problem.line <= content.count(b"\n") + content.count(b"\r") + 2, problem.format()
