"""A failed build breaks nothing. The site is built beside the published one and swapped in whole
(commonmap/site/staging.py): a build killed (SIGKILL) or interrupted (SIGINT, Ctrl-C) at a random
moment, one that fails on a file, and one that MkDocs aborts for a warning in strict mode all
leave the previous site as it was, byte for byte. `mkdocs serve` keeps serving the last good
version, shows the problem on its pages while a file is broken and recovers when it is fixed.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.directories import MINIMAL
from tests.support.sites import ROOT, site_config
from tests.test_site_serve import free_port, page_when

RECORD = "organisations/exempelforeningen.yml"
NAME = "Exempelföreningen i Örebro"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000"}
KILLS = 6


def digest(site: Path) -> dict[str, str]:
    """Every file of a site with the hash of its bytes."""
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def build_command(out: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]


def build(folder: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(build_command(out), cwd=folder, env=ENV, capture_output=True, text=True, timeout=600)


def rename(directory: Path, name: str) -> None:
    record = directory / RECORD
    text = record.read_text(encoding="utf-8")
    current = next(line for line in text.splitlines() if line.startswith("name: "))
    record.write_text(text.replace(current, f"name: {name}"), encoding="utf-8")


def project(tmp_path: Path) -> tuple[Path, Path]:
    directory = tmp_path / "directory"
    shutil.copytree(MINIMAL, directory)
    return site_config(tmp_path, directory), directory


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site."))


def test_a_build_killed_at_random_moments_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    folder, directory = project(tmp_path)
    site = tmp_path / "site"
    started = time.monotonic()
    assert build(folder, site).returncode == 0
    duration = time.monotonic() - started
    previous = digest(site)
    moments = random.Random(22)  # random moments, the same in every run
    for attempt in range(KILLS):
        rename(directory, f"Version {attempt}")
        process = subprocess.Popen(
            build_command(site), cwd=folder, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(moments.uniform(0.1, duration))
        process.send_signal(signal.SIGKILL if attempt % 2 == 0 else signal.SIGINT)
        code = process.wait(timeout=120)
        now = digest(site)
        if now != previous:  # the build had finished: the site must be the whole new one
            check = build(folder, tmp_path / f"check-{attempt}")
            assert check.returncode == 0
            assert now == digest(tmp_path / f"check-{attempt}"), (attempt, code)
            previous = now
    assert build(folder, site).returncode == 0
    assert leftovers(tmp_path) == []  # what the killed builds left beside the site is gone


def test_a_failed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    folder, directory = project(tmp_path)
    site = tmp_path / "site"
    assert build(folder, site).returncode == 0
    previous = digest(site)
    record = directory / RECORD
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("name: ", "name: [", 1), encoding="utf-8")
    result = build(folder, site)
    assert result.returncode == 1 and "exempelforeningen.yml:" in result.stderr
    assert digest(site) == previous
    assert leftovers(tmp_path) == []


def test_a_build_aborted_for_a_warning_in_strict_mode_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    """MkDocs aborts a strict build after every plugin's last step: the plugin must not have put
    the new site in place by then."""
    folder, directory = project(tmp_path)
    site = tmp_path / "site"
    assert build(folder, site).returncode == 0
    previous = digest(site)
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - Om kartan: om.md\n", "  - Om kartan: om.md\n  - Saknas: saknas.md\n"
        ),
        encoding="utf-8",
    )
    rename(directory, "Ett nytt namn")
    result = build(folder, site)
    assert result.returncode == 1 and "strict mode" in result.stdout + result.stderr, result.stderr[-2000:]
    assert digest(site) == previous
    assert leftovers(tmp_path) == []


def fetch(url: str) -> str:
    # A page asked for while serve rebuilds waits for the build (10 s timed out under load).
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


@pytest.mark.timed_waits  # mkdocs serve's file watcher waits with timeouts
def test_serve_keeps_the_last_good_site_shows_the_problem_and_recovers(tmp_path: Path) -> None:
    folder, directory = project(tmp_path)
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(command, cwd=folder, env=ENV, stdout=log, stderr=subprocess.STDOUT)
    banner = "Förhandsvisningen visar den senaste versionen utan fel"
    base = f"http://127.0.0.1:{port}"
    try:
        page_when(f"{base}/organisationer/exempelforeningen/", NAME, timeout=120)
        record = directory / RECORD
        good = record.read_text(encoding="utf-8")
        # A record breaks: the pages stay, with the last good content and the problem on them.
        record.write_text(good.replace("name: ", "name: [", 1), encoding="utf-8")
        page = page_when(f"{base}/organisationer/exempelforeningen/", banner, timeout=120)
        assert NAME in page and "exempelforeningen.yml:" in page
        assert banner in fetch(f"{base}/organisationer/") and banner in fetch(f"{base}/")
        # It is fixed: the new content, and no notice.
        record.write_text(good.replace(NAME, "Rättat namn"), encoding="utf-8")
        page = page_when(f"{base}/organisationer/exempelforeningen/", "Rättat namn", timeout=120)
        assert banner not in page
        # The plugin's settings break: the same, at their line in mkdocs.yml.
        config = folder / "mkdocs.yml"
        settings = config.read_text(encoding="utf-8")
        config.write_text(settings.replace("      tiles_url: https://", "      tiles_url: http://"), encoding="utf-8")
        page = page_when(f"{base}/organisationer/exempelforeningen/", banner, timeout=120)
        assert "mkdocs.yml:" in page and "Rättat namn" in page
        config.write_text(settings, encoding="utf-8")
        page = page_when(f"{base}/organisationer/exempelforeningen/", "Rättat namn", timeout=120)
        deadline = time.monotonic() + 60
        while banner in page and time.monotonic() < deadline:
            time.sleep(0.5)
            page = fetch(f"{base}/organisationer/exempelforeningen/")
        assert banner not in page
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in output, output[-3000:]
    assert "exempelforeningen.yml:" in output  # the problem is in the terminal too


def test_a_page_marker_that_nothing_fills_fails_the_strict_build(tmp_path: Path) -> None:
    """Hand-written pages are read too: `<!-- commonmap:NAME -->` names a generated snippet; an
    unknown name is reported with the page and its line, and the previous site stays."""
    folder, _ = project(tmp_path)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page = content / "om.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n<!-- commonmap:finns-inte -->\n", encoding="utf-8")
    line = len(text.split("\n")) + 1
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"docs_dir: {ROOT / 'content'}", f"docs_dir: {content}"),
        encoding="utf-8",
    )
    result = build(folder, tmp_path / "site")
    assert result.returncode == 1
    assert f"content/om.md:{line}:1: warning:" in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "site").exists() and leftovers(tmp_path) == []
