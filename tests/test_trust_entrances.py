"""The files around the records, held to the same standard: the areas file, the vocabulary and the
plugin's settings in mkdocs.yml. Each case of the corpora in tests/hostile/{areas,vocabulary,
settings}/ is checked by `commonmap validate` in its own process: rejected with its file and the
line of each error, in under 5 s of CPU and 500 MB, with no traceback and short, visible lines
of output. Cases that cannot be files (sizes, depths, encodings) are made below.

Areas cases carry their class and expectations in tests/hostile/areas/expect.yml (JSON has no
comments); the YAML cases in their first lines (`# class:`, `# expect: LINE CODE, ...`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support import processes
from tests.support.corpus import codes, headers, lines
from tests.support.directories import MINIMAL, TESTS, minimal_with, problem_keys, validate
from tests.support.sites import ROOT, build_site, site_config

AREAS = TESTS / "hostile" / "areas"
AREA_CASES = yaml.safe_load((AREAS / "expect.yml").read_text(encoding="utf-8"))
VOCABULARY = sorted((TESTS / "hostile" / "vocabulary").glob("*.yml"))
SETTINGS = sorted((TESTS / "hostile" / "settings").glob("*.yml"))
VALID_AREAS = (AREAS / "valid.geojson").read_text(encoding="utf-8")


def directory_with(tmp_path: Path, name: str, content: bytes) -> Path:
    return minimal_with(tmp_path / "directory", {name: content})


def error_lines(run: processes.Run, name: str) -> list[int]:
    return sorted(line for line, severity in run.problems(name) if severity == "error")


# --- the areas file ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(AREA_CASES), ids=lambda name: name.removesuffix(".geojson"))
def test_areas_file_case(tmp_path: Path, case: str) -> None:
    root = directory_with(tmp_path, "areas.geojson", (AREAS / case).read_bytes())
    run = processes.validate(root)
    want = lines(AREA_CASES[case]["expect"])
    assert run.code == (1 if want else 0), run.output[-2000:]
    assert error_lines(run, "areas.geojson") == want, run.stdout[-2000:]
    run.assert_bounded()


def test_areas_cases_by_code(tmp_path: Path) -> None:
    """The stable codes, as the record corpus is checked (tests/test_bad_input.py), in one process."""
    root = directory_with(tmp_path, "areas.geojson", b"")
    for case, info in AREA_CASES.items():
        (root / "areas.geojson").write_bytes((AREAS / case).read_bytes())
        found = sorted((line, code) for name, line, code in problem_keys(validate(root)) if name == "areas.geojson")
        assert found == codes(info["expect"]), case


def test_every_class_of_bad_areas_file_has_a_case() -> None:
    assert {info["class"] for info in AREA_CASES.values()} >= {
        "json syntax",
        "json numbers",
        "duplicate keys",
        "structure",
        "unknown fields",
        "missing fields",
        "types",
        "ids as paths",
        "names and codes",
        "repeats",
        "geometry",
        "invalid geometry",
        "coordinates outside the region",
    }


def big_areas(features: int, points: int, same: bool = False) -> bytes:
    """A collection of `features` rings of `points` vertices each near Örebro (all the same
    vertex with `same`, so that many fit in the size limit)."""
    ring = [[15, 59] if same else [15.18 + 0.02 * i / points, 59.29] for i in range(points)]
    ring += [[15.2, 59.31], ring[0]]
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"id": f"o{i}", "code": f"C{i}", "name": f"Område {i}"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
            for i in range(features)
        ],
    }
    return json.dumps(collection).encode()


GENERATED_AREAS = {
    # name: (content, line of the first error, its code)
    "utf16": (VALID_AREAS.encode("utf-16"), 1, "encoding-utf16"),
    "latin1": (VALID_AREAS.replace("Söder", "S\udcf6der").encode("utf-8", "surrogateescape"), 21, "encoding"),
    "over-limit": (b" " * (6 * 1024 * 1024), 1, "file-too-large"),
    "deep-arrays": (b'{"type": "FeatureCollection", "features": ' + b"[" * 100_000, 1, "too-deep"),
    "deep-objects": (b'{"a": ' * 50_000, 1, "too-deep"),
    "many-features": (big_areas(1_001, 3), 1, "too-many-areas"),
    "many-vertices": (big_areas(100, 2_600, same=True), 1, "too-many-vertices"),
    "long-string": (VALID_AREAS.replace('"Norr"', json.dumps("N" * 4_000_000)).encode(), 9, "too-long"),
}


@pytest.mark.parametrize("name", GENERATED_AREAS)
def test_areas_file_sizes_depths_and_encodings_are_bounded(tmp_path: Path, name: str) -> None:
    content, line, code = GENERATED_AREAS[name]
    root = directory_with(tmp_path, "areas.geojson", content)
    run = processes.validate(root)
    assert run.code == 1
    assert error_lines(run, "areas.geojson")[:1] == [line], run.stdout[-2000:]
    run.assert_bounded()
    assert (line, code) in [(n_line, c) for n, n_line, c in problem_keys(validate(root)) if n == "areas.geojson"]


def test_the_real_areas_file_is_located_by_column(tmp_path: Path) -> None:
    """areas.geojson of the sample is one line: a problem is found by its column."""
    text = (ROOT / "directory" / "areas.geojson").read_text(encoding="utf-8")
    broken = text.replace('"id":"vivalla"', '"id":"../vivalla"')
    root = directory_with(tmp_path, "areas.geojson", broken.encode())
    found = [p for p in validate(root) if p.file.endswith("areas.geojson")]
    assert [(p.line, p.col, p.code) for p in found] == [(1, broken.index('"../vivalla"') + 1, "invalid-id")]


def test_records_are_still_checked_against_the_valid_areas(tmp_path: Path) -> None:
    """One bad area leaves the others usable: a record naming a good area is not reported."""
    bad = VALID_AREAS.replace('"id": "soder"', '"id": "Söder!"')
    root = directory_with(tmp_path, "areas.geojson", bad.encode())
    (root / "organisations" / "i-norr.yml").write_text(
        "id: i-norr\nname: I norr\nkind: association\ncategories: [gemenskap]\nareas: [norr]\n"
        "last_reviewed: 2026-01-15\nsources: [test]\n",
        encoding="utf-8",
    )
    keys = problem_keys(validate(root))
    assert ("areas.geojson", 19, "invalid-id") in keys
    assert not [key for key in keys if key[0] == "i-norr.yml"]


# --- the vocabulary ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", VOCABULARY, ids=lambda path: path.stem)
def test_vocabulary_case(tmp_path: Path, path: Path) -> None:
    root = directory_with(tmp_path, "categories.yml", path.read_bytes())
    want = codes(headers(path)["expect"])
    found = sorted((line, code) for name, line, code in problem_keys(validate(root)) if name == "categories.yml")
    assert found == want
    run = processes.validate(root)
    errors = [line for line, code in want if code != "duplicate-color"]
    assert run.code == (1 if errors else 0)
    assert error_lines(run, "categories.yml") == errors
    run.assert_bounded()


def test_every_class_of_bad_vocabulary_has_a_case() -> None:
    assert {headers(path)["class"] for path in VOCABULARY} >= {
        "repeats",
        "ids as paths",
        "missing fields",
        "unknown fields",
        "values",
        "bounds",
        "structure",
        "aliases and tags",
        "invisible characters",
        "duplicate keys",
    }


def vocabulary_of(count: int) -> bytes:
    items = "".join(
        f"  - id: k{i}\n    label: Kategori {i}\n    label_en: Category {i}\n    description: D.\n"
        f'    icon: tag\n    color: "#{i:06x}"\n    search_words: [ord]\n'
        for i in range(count)
    )
    return f"categories:\n{items}".encode()


GENERATED_VOCABULARIES = {
    "missing": (None, 1, "missing-file"),
    "over-limit": (b"categories:\n" + b"#" * 300_000, 1, "file-too-large"),
    "many-categories": (vocabulary_of(101), 2, "too-many-items"),
    "latin1": ("categories:\n  - id: foreningar\n    label: Föreningar\n".encode("latin-1"), 3, "encoding"),
}


@pytest.mark.parametrize("name", GENERATED_VOCABULARIES)
def test_vocabulary_sizes_and_encodings_are_bounded(tmp_path: Path, name: str) -> None:
    content, line, code = GENERATED_VOCABULARIES[name]
    root = directory_with(tmp_path, "categories.yml", content or b"")
    if content is None:
        (root / "categories.yml").unlink()
    run = processes.validate(root)
    assert run.code == 1
    assert error_lines(run, "categories.yml")[:1] == [line], run.stdout[-2000:]
    run.assert_bounded()
    assert ("categories.yml", line, code) in problem_keys(validate(root))


# --- the plugin's settings in mkdocs.yml -----------------------------------------------------------


@pytest.mark.parametrize("path", SETTINGS, ids=lambda path: path.stem)
def test_settings_case(tmp_path: Path, path: Path) -> None:
    """`commonmap validate` checks the plugin's settings of the mkdocs.yml beside the directory."""
    from commonmap.records import siteconfig

    root = directory_with(tmp_path, "categories.yml", (MINIMAL / "categories.yml").read_bytes())
    shutil.copy(path, tmp_path / "mkdocs.yml")
    want = codes(headers(path)["expect"])
    assert sorted((p.line, p.code) for p in siteconfig.problems(tmp_path / "mkdocs.yml")) == want
    run = processes.validate(root)
    assert run.code == (1 if want else 0), run.output[-2000:]
    assert error_lines(run, "mkdocs.yml") == [line for line, _ in want]
    run.assert_bounded()


def test_every_class_of_bad_setting_has_a_case() -> None:
    assert {headers(path)["class"] for path in SETTINGS} >= {
        "data folder outside the project",
        "tile server",
        "attribution markup",
        "links and addresses",
        "invisible characters",
        "bounds",
    }


def test_the_data_folder_may_not_be_a_link(tmp_path: Path) -> None:
    from commonmap.records import siteconfig

    directory_with(tmp_path, "categories.yml", (MINIMAL / "categories.yml").read_bytes())
    (tmp_path / "lank").symlink_to(tmp_path / "directory")
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - commonmap:\n      directory: lank\n", encoding="utf-8")
    found = siteconfig.problems(tmp_path / "mkdocs.yml")
    assert [(p.line, p.code, p.params["reason"]) for p in found] == [(3, "setting-directory", "en symbolisk länk")]


@pytest.mark.parametrize(
    ("setting", "value"),
    [("tiles_url", "'https://a.example; script-src *'"), ("directory", "/etc")],
)
def test_the_site_build_refuses_bad_settings_at_their_line(tmp_path: Path, setting: str, value: str) -> None:
    """`mkdocs build` stops on the plugin's settings with mkdocs.yml and the line, no traceback,
    and writes no site."""
    directory = tmp_path / "directory"
    shutil.copytree(MINIMAL, directory)
    config = site_config(tmp_path, directory) / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if setting == "directory":
        text = text.replace(f"      directory: {directory}", f"      directory: {value}")
    else:
        text = text.replace("      tiles_url: ", f"      tiles_url: {value}\n      # was: ")
    config.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip().startswith(f"{setting}: "))
    result = build_site(tmp_path, tmp_path / "site")
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}:" in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
