"""What changed since the last published version (issue 21): /data/changes.json and the list on
/oppna-data/, computed from a previous directory.json given to `commonmap export --previous` or
to the site build (`previous_export`, COMMONMAP_PREVIOUS_EXPORT)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from commonmap import export
from commonmap.cli import main
from commonmap.export import changes
from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from tests.support.directories import TODAY
from tests.support.sites import build_site, site_config

SETTINGS = Settings(site_url="https://karta.example.se/")


def published(directory, tmp_path: Path, edit=None) -> Path:
    """The directory.json this directory publishes, optionally edited, as a previous version."""
    document = json.loads(export.files(directory, SETTINGS)["data/directory.json"])
    document["build_date"] = "2026-11-01"
    if edit:
        edit(document)
    path = tmp_path / "previous" / "directory.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def changes_of(directory, previous: Path | None) -> dict:
    settings = dataclasses.replace(SETTINGS, previous_export=str(previous or ""))
    return json.loads(export.files(directory, settings)[changes.PATH])


def keys(items: list[dict]) -> list[tuple[str, str]]:
    return [(item["type"], item["id"]) for item in items]


def test_without_a_previous_version_every_record_is_added(make_directory) -> None:
    directory, _ = read_directory(make_directory(), today=TODAY)
    document = changes_of(directory, None)
    assert document["previous"] is None and document["format"] == "gemensam-karta-changes"
    assert keys(document["added"]) == [(e.type, e.id) for e in directory.entries.values()]
    assert document["changed"] == document["removed"] == []
    assert document["added"][0]["url"].startswith("https://karta.example.se/")


def test_added_changed_and_removed_since_the_previous_version(make_directory, tmp_path) -> None:
    root = make_directory()
    before, _ = read_directory(root, today=TODAY)

    def edit(document: dict) -> None:
        document["places"][0]["record"]["name"] = "Gamla namnet"
        document["places"][0]["located_in"] = []
        document["roles"] = []  # the role is new since then
        document["organisations"].append(
            {"id": "nedlagd", "url": "", "file": "", "located_in": [], "areas": [], "record": {"name": "Nedlagda"}}
        )
        # A field that did not exist then and is empty now is no change.
        del document["organisations"][0]["record"]["distinct_from"]

    previous = published(before, tmp_path, edit)
    document = changes_of(before, previous)
    assert document["previous"] == {"build_date": "2026-11-01"}
    assert keys(document["added"]) == [("roles", "exempeluppdraget")]
    assert [(item["id"], item["fields"]) for item in document["changed"]] == [
        ("exempelplatsen", ["located_in", "name"])
    ]
    assert document["removed"] == [{"type": "organisations", "id": "nedlagd", "name": "Nedlagda"}]
    assert document["counts"] == {"added": 1, "changed": 1, "removed": 1}
    page = next(
        o
        for o in export.outputs(before, dataclasses.replace(SETTINGS, previous_export=str(previous)))
        if getattr(o, "url", "") == "oppna-data/"
    )
    assert "Jämfört med versionen från <strong>2026-11-01</strong>" in page.html
    assert '<a href="../motesplatser/exempelplatsen/">Exempelplatsen</a>' in page.html
    assert "<code>located_in</code>, <code>name</code>" in page.html and "Nedlagda" in page.html


def test_the_same_version_twice_has_no_changes(make_directory, tmp_path) -> None:
    directory, _ = read_directory(make_directory(), today=TODAY)
    document = changes_of(directory, published(directory, tmp_path))
    assert document["counts"] == {"added": 0, "changed": 0, "removed": 0}


def test_cli_export_compares_with_the_previous_version(make_directory, tmp_path, capsys) -> None:
    root = make_directory()
    directory, _ = read_directory(root, today=TODAY)
    previous = published(directory, tmp_path, lambda d: d["roles"].clear())
    out = tmp_path / "out"
    assert main(["export", str(root), "--out", str(out), "--previous", str(previous)]) == 0
    document = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    assert keys(document["added"]) == [("roles", "exempeluppdraget")]


def test_a_bad_previous_version_is_a_clear_error_and_nothing_is_written(make_directory, tmp_path, capsys) -> None:
    root = make_directory()
    broken = tmp_path / "trasig.json"
    broken.write_text('{"format": "gemensam-karta-directory",\n  "organisations": [,]}', encoding="utf-8")
    other = tmp_path / "annan.json"
    other.write_text('{"type": "FeatureCollection"}', encoding="utf-8")
    expected = {
        tmp_path / "finns-inte.json": ":1:1: error: den tidigare versionen finns inte.",
        broken: ":2:21: error: filen är inte giltig JSON.",
        other: ":1:1: error: filen är ingen directory.json från Gemensam karta",
    }
    for path, message in expected.items():
        out = tmp_path / f"out-{path.stem}"
        assert main(["export", str(root), "--out", str(out), "--previous", str(path)]) == 1
        err = capsys.readouterr().err
        assert f"{path}{message}" in err and "/data/directory.json" in err, err
        assert not out.exists()


def test_the_site_build_takes_the_previous_version_from_the_environment(make_directory, tmp_path, monkeypatch) -> None:
    root = make_directory()
    directory, _ = read_directory(root, today=TODAY)
    previous = published(directory, tmp_path, lambda d: d["roles"].clear())
    config = site_config(tmp_path, root)
    monkeypatch.setenv("COMMONMAP_PREVIOUS_EXPORT", str(previous))
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    document = json.loads((tmp_path / "site" / "data" / "changes.json").read_text(encoding="utf-8"))
    assert keys(document["added"]) == [("roles", "exempeluppdraget")]
    monkeypatch.setenv("COMMONMAP_PREVIOUS_EXPORT", str(tmp_path / "finns-inte.json"))
    result = build_site(config, tmp_path / "site2")
    assert result.returncode != 0 and "finns-inte.json:1:1: error: den tidigare versionen finns inte" in result.stderr
