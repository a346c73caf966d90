"""`mkdocs serve`: the preview rebuilds when a record file changes, and shows the change."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.directories import MINIMAL
from tests.support.sites import site_config

pytestmark = pytest.mark.timed_waits  # mkdocs serve's file watcher waits with timeouts

RECORD = "organisations/exempelforeningen.yml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_when(url: str, text: str, timeout: float) -> str:
    """The page at `url` once it contains `text`; fails after `timeout` seconds."""
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass  # not serving yet
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}; last answer began {body[:200]!r}")


def test_serve_rebuilds_when_a_record_changes(tmp_path: Path) -> None:
    directory = tmp_path / "directory"
    shutil.copytree(MINIMAL, directory)
    site_config(tmp_path, directory)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/organisationer/exempelforeningen/"
        page_when(url, "Exempelföreningen i Örebro", timeout=120)
        record = directory / RECORD
        record.write_text(
            record.read_text(encoding="utf-8").replace("Exempelföreningen i Örebro", "Nya namnet i Örebro"),
            encoding="utf-8",
        )
        page = page_when(url, "Nya namnet i Örebro", timeout=120)
        assert "Exempelföreningen i Örebro" not in page
        # The list page, rendered with the reused sidebars, follows too.
        page_when(f"http://127.0.0.1:{port}/organisationer/", "Nya namnet i Örebro", timeout=30)
    finally:
        server.terminate()
        server.wait(timeout=30)
