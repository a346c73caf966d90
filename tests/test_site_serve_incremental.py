"""`commonmap serve` (issue 24): an edit of record files renders again only the pages it changes,
then the files that hold every record; after each edit the served site is the same, byte for
byte, as a clean `mkdocs build --strict` of the same files. Edits that change names, categories,
protection, files and the set of records; then one to the vocabulary, which builds it all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.sites import ROOT, build_site, site_config
from tests.test_site_serve import free_port, page_when

pytestmark = pytest.mark.timed_waits  # the preview is waited for with timeouts
LANGUAGES = ["sv", "ar"]  # a right-to-left language beside Swedish; fewer pages to compare
ROLE = """id: ny-roll
name: Ny roll i Hyttebacken
organisation: orebro-kommun
place: hyttebacken
summary: "En roll som testet lägger till."
tasks: "Det som testet säger."
categories:
  - gemenskap
last_reviewed: 2026-11-23
sources:
  - url: https://www.orebro.se/
    year: 2026
"""


class Served:
    """`commonmap serve` in its own process, with its log read as it comes."""

    def __init__(self, project: Path, site: Path) -> None:
        self.port = free_port()
        command = [sys.executable, "-m", "commonmap.cli", "serve", "--addr", f"127.0.0.1:{self.port}"]
        command += ["--site", str(site)]
        self.process = subprocess.Popen(
            command,
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def settled(self, after: int, timeout: float = 180) -> list[str]:
        """The log after line `after`, once a build has ended and two seconds passed without more."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen = len(self.lines)
            if any("Klart på" in line for line in self.lines[after:]):
                time.sleep(2)
                if len(self.lines) == seen:
                    return self.lines[after:]
            time.sleep(0.2)
        raise AssertionError("the preview never settled:\n" + "\n".join(self.lines[-30:]))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def differences(served: Path, clean: Path) -> list[str]:
    mine, theirs = files_of(served), files_of(clean)
    found = [f"only served: {path}" for path in sorted(mine.keys() - theirs.keys())]
    found += [f"only built: {path}" for path in sorted(theirs.keys() - mine.keys())]
    return found + [f"differs: {path}" for path in sorted(mine.keys() & theirs.keys()) if mine[path] != theirs[path]]


def protect(text: str) -> str:
    """The place made protected: its address goes (a protected place has none) and it names its area."""
    kept = [line for line in text.splitlines() if not line.startswith(("address:", "  street:", "  city:"))]
    return "\n".join(kept).replace("distinct_from:", "protected: true\nareas:\n  - adolfsberg\ndistinct_from:") + "\n"


def rename(path: Path, id_: str) -> None:
    """A record's file and id renamed together (they must agree): its page moves."""
    text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}\n", f"id: {id_}\n", 1)
    path.rename(path.with_name(f"{id_}.yml"))
    path.with_name(f"{id_}.yml").write_text(text, encoding="utf-8")


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_the_served_site_is_a_clean_build_after_each_edit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # the sitemap's dates, in both builds
    directory = tmp_path / "directory"
    shutil.copytree(ROOT / "directory", directory)
    site_config(tmp_path, directory, languages=LANGUAGES)
    records = {folder: directory / folder for folder in ("organisations", "places", "roles")}
    edits: list[tuple[str, Callable[[], None], bool]] = [
        (
            "an organisation's name",
            lambda: edit(
                records["organisations"] / "studieframjandet.yml", lambda t: t.replace("name: ", "name: Nya ", 1)
            ),
            True,
        ),
        (
            "a role's categories",
            lambda: edit(records["roles"] / "fagning-hyttebacken.yml", lambda t: t.replace("  - gemenskap\n", "", 1)),
            True,
        ),
        ("a new role", lambda: (records["roles"] / "ny-roll.yml").write_text(ROLE, encoding="utf-8"), True),
        ("a place protected", lambda: edit(records["places"] / "hyttebacken.yml", protect), True),
        ("a record renamed (its file and id)", lambda: rename(records["roles"] / "ny-roll.yml", "annat-namn"), True),
        ("a record deleted", lambda: (records["roles"] / "annat-namn.yml").unlink(), True),
        (
            "the vocabulary",
            lambda: edit(directory / "categories.yml", lambda t: t.replace("label: ", "label: Ny ", 1)),
            False,
        ),
    ]
    site = tmp_path / "served"
    served = Served(tmp_path, site)
    try:
        page_when(f"http://127.0.0.1:{served.port}/organisationer/studieframjandet/", "Studiefrämjandet", 240)
        for what, change, incremental in edits:
            seen = len(served.lines)
            change()
            log = served.settled(seen)
            assert any("sidor gjordes om" in line for line in log) == incremental, (what, log)
            clean = tmp_path / "clean"
            result = build_site(tmp_path, clean)
            assert result.returncode == 0, result.stderr[-3000:]
            found = differences(site, clean)
            if found and os.environ.get("KEEP"):
                shutil.copytree(site, "/tmp/dbg-served", dirs_exist_ok=True)
                shutil.copytree(clean, "/tmp/dbg-clean", dirs_exist_ok=True)
            assert found == [], (what, found, log)
            shutil.rmtree(clean)
    finally:
        served.stop()


@pytest.mark.parametrize("args", [["--addr", "8000"], ["--addr", "127.0.0.1:http"], ["--config", "saknas.yml"]])
def test_serve_tells_a_bad_address_or_config_before_building(args: list[str], capsys) -> None:
    from commonmap.cli import USAGE, main

    assert main(["serve", *args]) == USAGE
    assert "VÄRD:PORT" in capsys.readouterr().err
