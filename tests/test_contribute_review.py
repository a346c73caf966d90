"""`commonmap stale` and `commonmap stats`, for the people who review."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from commonmap.cli import main
from commonmap.contribute.review import months_between, stale, stale_csv, stats
from commonmap.records.validate import read_directory
from tests.support.directories import TODAY
from tests.support.sites import ROOT

OLD_PLACE = """id: gammal-plats
name: Gammal plats
hosts: [exempelforeningen]
categories: [gemenskap]
areas: [vivalla]
last_reviewed: 2024-05-01
sources: [test]
"""


def test_stale_lists_old_records_with_the_email_to_ask(make_directory) -> None:
    root = make_directory({"places/gammal-plats.yml": OLD_PLACE})
    directory, _ = read_directory(root, today=TODAY)
    found = stale(directory, 12, TODAY)
    assert [(r.id, r.months) for r in found] == [("gammal-plats", 31)]
    # The place has no e-mail of its own: the host organisation is asked.
    assert found[0].email == "info@exempel.se"
    assert "exempelforeningen" in {r.id for r in stale(directory, 10, TODAY)}  # reviewed 2026-01-15
    rows = list(csv.DictReader(io.StringIO(stale_csv(found))))
    assert rows[0]["id"] == "gammal-plats" and rows[0]["email"] == "info@exempel.se"


def test_months_are_counted_as_validate_counts_them() -> None:
    assert months_between(date(2025, 12, 1), TODAY) == 12
    assert months_between(date(2025, 12, 2), TODAY) == 11


def test_stale_command(make_directory, capsys) -> None:
    root = make_directory({"places/gammal-plats.yml": OLD_PLACE})
    assert main(["stale", str(root), "--months", "24"]) == 0
    out = capsys.readouterr().out
    assert "gammal-plats" in out and "info@exempel.se" in out and "exempelforeningen" not in out
    assert main(["stale", str(root), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("file,type,id,name,last_reviewed,months,email,source_year,reason\n")
    assert main(["stale", str(root / "saknas")]) == 2


def test_stats_counts_per_type_category_and_area(make_directory, capsys) -> None:
    root = make_directory({"places/gammal-plats.yml": OLD_PLACE})
    directory, _ = read_directory(root, today=TODAY)
    found = stats(directory)
    assert found.types == {"organisations": 1, "places": 2, "roles": 1, "collaborations": 1}
    assert found.categories["gemenskap"]["places"] >= 1
    assert found.areas["vivalla"]["places"] >= 1
    assert set(found.areas) >= {area.id for area in directory.areas}  # empty areas show the gaps
    assert main(["stats", str(root), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["types"]["places"] == 2
    assert main(["stats", str(ROOT / "directory")]) == 0
    text = capsys.readouterr().out
    assert "Poster per kategori:" in text and "Vivalla" in text
