"""Hostile input through the whole pipeline: each file in tests/hostile/ is either rejected by
`commonmap validate` with its file and line, or accepted and shown as literal text everywhere the
site puts it (pages, <title>, navigation, search index, JSON-LD, map data, finder data, exports).

Headers of a corpus file: `# class:` (the class of bad input), `# folder:` (its record folder) and
`# expect:` either `LINE CODE, LINE CODE` (rejected) or `shown` (accepted; all of them are built
into one site). Inputs that cannot carry a header (encodings, sizes) are made below. Bounds: every
file is validated in its own process in under 5 s and 500 MB, and the process exits normally.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from commonmap.records import checks
from commonmap.site import wire
from tests.support import html, processes
from tests.support.corpus import headers
from tests.support.directories import TESTS, minimal_with
from tests.support.processes import MEGABYTES, SECONDS
from tests.support.safety import MARKER, unsafe_markup
from tests.support.sites import ROOT, build_site, site_config

HOSTILE = sorted((TESTS / "hostile").glob("*.yml"))
REJECTED = [p for p in HOSTILE if headers(p)["expect"] != "shown"]
SHOWN = [p for p in HOSTILE if headers(p)["expect"] == "shown"]


@pytest.mark.parametrize("path", REJECTED, ids=[p.stem for p in REJECTED])
def test_rejected_with_file_and_line(tmp_path: Path, path: Path) -> None:
    info = headers(path)
    root = minimal_with(tmp_path / "directory", {f"{info['folder']}/{path.name}": path.read_bytes()})
    run = processes.validate(root)
    expected = sorted(int(item.split()[0]) for item in info["expect"].split(","))
    assert run.code == 1, run.stdout
    assert sorted(line for line, severity in run.problems(path.name) if severity == "error") == expected
    assert run.seconds < SECONDS and run.megabytes < MEGABYTES


def test_every_class_of_hostile_input_has_a_file() -> None:
    classes = {headers(p)["class"] for p in HOSTILE}
    assert classes >= {
        "yaml types",
        "duplicate keys",
        "aliases and tags",
        "unknown and invisible keys",
        "ids as paths",
        "coordinates",
        "dates",
        "phones",
        "e-mails",
        "urls",
        "invisible characters",
        "injection in every text field",
    }
    # encodings, deep nesting and huge files are made below (they cannot carry a header)


def deep_block(levels: int) -> bytes:
    return "".join(f"{'  ' * i}k{i}:\n" for i in range(levels)).encode()


# name: (content, (line of the first problem, or None when the file is accepted))
GENERATED = {
    "utf16": ("id: utf16\nname: Å\n".encode("utf-16"), 1),
    "latin1": ("id: latin1\nname: Föreningen\n".encode("latin-1"), 2),
    "overlong-utf8": (b"id: overlong\nname: \xc0\xbcscript\n", 2),
    "lone-surrogate": (b"id: surrogate\nname: \xed\xa0\x80\n", 2),
    "nul-byte": (b"id: nul\nname: a\x00b\n", 2),
    "cr-only": (b"id: cr-only\rname: Rad\r", 1),
    "just-under-limit": (b"id: just-under-limit\nname: " + b"x" * (250 * 1024) + b"\n", 1),
    "over-limit": (b"id: over-limit\nname: x\n" + b"#" * (10 * 1024 * 1024), 1),
    "deep-block": (deep_block(400), 12),
    "deep-flow": (b"id: deep\nname: " + b"[" * 200_000, 2),
    "deep-mapping-flow": (b"id: deep\nname: " + b"{a: " * 60_000, 2),
    "many-keys": (b"id: many-keys\n" + b"".join(b"k%d: v\n" % i for i in range(20_000)), 1),
    "many-categories": (
        b"id: many-categories\nname: M\nkind: association\nlast_reviewed: 2026-01-15\nsources: [t]\ncategories:\n"
        + b"  - okand\n" * 25_000,
        7,  # the unknown category on the first item; every repeat after it is reported too
    ),
    "long-line-of-anchors": (b"id: a\nname: " + b"&a " * 80_000 + b"x\n", 2),
}


@pytest.mark.parametrize("name", GENERATED)
def test_encodings_sizes_and_depths_are_bounded(tmp_path: Path, name: str) -> None:
    content, first_line = GENERATED[name]
    root = minimal_with(tmp_path / "directory", {f"organisations/{name}.yml": content})
    run = processes.validate(root)
    assert run.code == 1, run.stdout  # every one of these is an error somewhere in the file
    lines = [line for line, severity in run.problems(f"{name}.yml") if severity == "error"]
    assert lines and min(lines) == first_line, run.stdout[-2000:]
    assert run.seconds < SECONDS, run.seconds
    assert run.megabytes < MEGABYTES, run.megabytes


PATHOLOGICAL_MARKDOWN = {
    "brackets": "[" * 240_000,
    "images": "![" * 120_000,
    "escapes": "\\[" * 80_000,
    "links-in-long-text": "[a](" * 100 + "ord " * 4_900,
    "emphasis": "*_" * 120_000,
}


def test_pathological_markdown_builds_in_bounded_time(make_directory, tmp_path: Path) -> None:
    """Python-Markdown's cost grows much faster than the text for these (8,000 "[" took 16 s); a
    record must not stall the build. Each is rendered in bounded time, and the site with all of
    them, cut to the longest description a record may have, builds (the minimal site alone takes
    about 5 s here)."""
    from commonmap.site import richtext

    files = {}
    for name, text in PATHOLOGICAL_MARKDOWN.items():
        started = time.process_time()
        richtext.render(text)
        assert time.process_time() - started < SECONDS / 2, name
        files[f"organisations/md-{name}.yml"] = (
            f"id: md-{name}\nname: Markdown\nkind: association\ncategories: [gemenskap]\n"
            f"description: {json.dumps(text[: checks.MARKDOWN_MAX])}\nlast_reviewed: 2026-01-15\nsources: [t]\n"
        )
    result = build_site(site_config(tmp_path, make_directory(files)), tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]


# --- the accepted hostile records, built into one site ---------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {f"{headers(p)['folder']}/{p.name}": p.read_bytes() for p in SHOWN}
    files["good_examples.yml"] = b"good_examples:\n  - inject-collab\n"  # its text on /goda-exempel/ too
    root = minimal_with(folder / "directory", files)
    run = processes.validate(root)
    assert run.code == 0, run.stdout
    result = build_site(site_config(folder, root), folder / "site")
    assert result.returncode == 0, result.stderr[-5000:]
    return folder / "site", root


@dataclass
class Text:
    """The text a person reads on a page (scripts and styles left out), and its <title>."""

    title: str
    text: str


def page_text(path: Path) -> Text:
    strings = list(html.parse_file(path).strings())
    read = " ".join(t for e, t in strings if e.tag != "title" and not e.within("script", "style"))
    return Text("".join(t for e, t in strings if e.tag == "title"), " ".join(read.split()))


def shown_values(root: Path) -> dict[str, tuple[str, str, list[str]]]:
    """id → (type folder, name, every plain-text value) of the accepted hostile records."""
    from commonmap.records.parts import source_text
    from commonmap.records.types import TYPES
    from commonmap.records.validate import read_directory

    directory, _ = read_directory(root)
    found = {}
    for path in SHOWN:
        entry = directory.entries[path.stem if path.stem in directory.entries else _id_of(path)]
        record = entry.record
        plain = [record.name, record.summary or "", *map(source_text, record.sources), *record.target_groups]
        for field in ("time_commitment", "how_to_apply"):
            plain.append(getattr(record, field, None) or "")
        for field in ("outcomes", "funding", "lessons", "requirements"):
            plain += getattr(record, field, [])
        address = getattr(record, "address", None)
        if address:
            plain += [address.street, address.city]
        assert entry.type in TYPES
        found[entry.id] = (entry.type, record.name, [v for v in plain if v])
    return found


def _id_of(path: Path) -> str:
    match = re.search(r"^id: (\S+)$", path.read_text(encoding="utf-8"), re.M)
    return match.group(1)


def test_no_page_of_the_hostile_site_has_unsafe_markup(hostile_site) -> None:
    site, _ = hostile_site
    found = {}
    for page in site.rglob("*.html"):
        problems = unsafe_markup(page.read_text(encoding="utf-8"))
        if problems:
            found[str(page.relative_to(site))] = problems
    assert found == {}


def test_every_value_is_shown_literally_on_its_page(hostile_site) -> None:
    from commonmap.site.urls import FOLDERS

    site, root = hostile_site
    for id_, (type_, name, values) in shown_values(root).items():
        parsed = page_text(site / FOLDERS[type_] / id_ / "index.html")
        assert parsed.title.startswith(name.split("\n")[0]), (id_, parsed.title)
        for value in values:
            assert " ".join(value.split()) in parsed.text, (id_, value)


def test_values_are_unchanged_in_the_data_files(hostile_site) -> None:
    site, root = hostile_site
    values = shown_values(root)
    finder = {r["id"]: r for r in json.loads((site / "data/finder.json").read_text(encoding="utf-8"))["records"]}
    native = json.loads((site / "data/directory.json").read_text(encoding="utf-8"))
    native_records = {
        e["id"]: e["record"] for type_ in ("organisations", "places", "roles", "collaborations") for e in native[type_]
    }
    markers = json.loads((site / "data/karta/poster.json").read_text(encoding="utf-8"))
    marker_names = {row["id"]: row["name"] for row in wire.objects(markers)}
    for id_, (_, name, _) in values.items():
        assert finder[id_]["n"] == name
        assert native_records[id_]["name"] == name
        if id_ in marker_names:
            assert marker_names[id_] == name
    assert "inject-org" in marker_names and "inject-place" in marker_names


def test_csv_cells_cannot_run_as_formulas(hostile_site) -> None:
    site, _ = hostile_site
    for path in (site / "data").rglob("*.csv"):
        text = path.read_bytes().decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell[:40])
                assert not (cell.startswith("-") and len(cell) > 1 and not cell[1:2].isdigit()), (path.name, cell)


def test_search_index_holds_values_as_text_and_scripts_hold_no_data(hostile_site) -> None:
    """The search's files are data that its scripts put into pages as text nodes: each name is there
    exactly as written, and no script file carries a value from the data."""
    site, root = hostile_site
    titles = {}
    for chunk in (site / "data/sok").glob("d*.json"):
        titles |= {doc[1]: doc[0] for doc in json.loads(chunk.read_text(encoding="utf-8"))}
    from commonmap.site.urls import FOLDERS

    for id_, (type_, name, _) in shown_values(root).items():
        assert titles[f"{FOLDERS[type_]}/{id_}/"] == name, id_
    # Libraries the site serves as they come from their package (VENDORED.md) hold no data; one of
    # them (leaflet.locatecontrol) has an alert() of its own, which karta.js replaces.
    from commonmap.map import mapview

    shipped = {f"assets/map/{name}": mapview._vendored(name) for name in mapview.VENDORED}
    for script in (site / "assets").rglob("*.js"):
        text = script.read_text(encoding="utf-8", errors="replace")
        relative = script.relative_to(site).as_posix()
        if relative in shipped:
            assert text == shipped[relative], relative
        else:
            assert MARKER not in text, script


def test_json_ld_round_trips_and_cannot_close_its_element(hostile_site) -> None:
    site, root = hostile_site
    for id_, (type_, name, _) in shown_values(root).items():
        from commonmap.site.urls import FOLDERS

        page = (site / FOLDERS[type_] / id_ / "index.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert len(blocks) == 1, id_
        assert "<" not in blocks[0] and "\u2028" not in blocks[0]
        assert json.loads(blocks[0])["name"] == name


def test_navigation_and_lists_show_names_as_text(hostile_site) -> None:
    site, root = hostile_site
    from commonmap.site.urls import FOLDERS

    for id_, (type_, name, _) in shown_values(root).items():
        listing = page_text(site / FOLDERS[type_] / "index.html").text
        assert " ".join(name.split()) in listing, id_
    assert not list(site.rglob("*alert*")), "no value becomes a path"
    assert ROOT.exists()
