"""Shared helpers: tiny directories built from tests/fixtures/minimal plus the files a test adds."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from commonmap.base import clock
from commonmap.records.loaded import plain_kind
from commonmap.records.problems import Problem
from commonmap.records.validate import read_directory

TESTS = Path(__file__).parent
ROOT = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"
# The one clock (commonmap/base/clock.py) is pinned for the whole suite and every process it starts, so
# that no test depends on the day it runs; `make test` also runs the suite with the system clock
# two years ahead (faketime) to prove that nothing reads the real date behind the clock's back.
TODAY = date(2026, 12, 1)
os.environ[clock.ENV] = TODAY.isoformat()


@pytest.fixture
def make_directory(tmp_path: Path):
    """Copy the minimal valid directory and add files: {"organisations/x.yml": text or bytes}."""

    def make(files: dict[str, str | bytes] | None = None) -> Path:
        root = tmp_path / "directory"
        shutil.copytree(MINIMAL, root)
        for name, content in (files or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


class RuleDumper(yaml.SafeDumper):
    """PyYAML's writer, quoting also what YAML 1.2 readers would type (0o7, 1e5) and the times it
    leaves bare (09:00, 0:30): the project's one rule for unquoted values (loaded.PLAIN_KINDS)."""


RuleDumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style='"' if plain_kind(value) else None
    ),
)


def dump_yaml(data: object) -> str:
    """Data as a record file is written: block YAML by the one rule for unquoted values."""
    return yaml.dump(data, Dumper=RuleDumper, allow_unicode=True, sort_keys=False)


def problem_keys(problems: list[Problem]) -> list[tuple[str, int, str]]:
    """Problems as (file name, line, code), the form tests compare."""
    return [(Path(p.file).name, p.line, p.code) for p in problems]


def validate(root: Path) -> list[Problem]:
    return read_directory(root, today=TODAY)[1]


@pytest.fixture(scope="session")
def sample():
    """The sample directory, read once per session (tests read it, never change it)."""
    directory, problems = read_directory(ROOT / "directory", today=TODAY)
    assert directory is not None and not [p for p in problems if p.severity == "error"]
    return directory


# --- The built site, served on 127.0.0.1, and a real browser (Debian's Chromium via Playwright) ---

import functools  # noqa: E402
import http.server  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from contextlib import contextmanager  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_site(config_dir: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as a user runs it; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    return subprocess.run(command, cwd=config_dir, capture_output=True, text=True, env=env, timeout=600)


def site_config(
    folder: Path,
    directory: Path,
    repo_url: str = "https://github.com/exempel/karta",
    languages: list[str] | None = None,
) -> Path:
    """A mkdocs.yml in `folder` for a test directory: the project's own mkdocs.yml (so theme, CSS,
    scripts and plugins stay in sync) with absolute paths and the test directory; `languages`
    limits the interface languages published."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {
        "docs_dir: content": f"docs_dir: {ROOT / 'content'}",
        "custom_dir: overrides": f"custom_dir: {ROOT / 'overrides'}",
        "      directory: directory": f"      directory: {directory}",
    }
    for old, new in replacements.items():
        assert old in config, old
        config = config.replace(old, new)
    config = re.sub(r"(?m)^repo_url: .*$", f"repo_url: {repo_url}", config)
    if languages is not None:
        config = config.replace(
            replacements["      directory: directory"],
            f"{replacements['      directory: directory']}\n      languages: {languages}",
        )
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def fixture_site(root: Path, files: dict[str, str], languages: list[str] | None = None) -> tuple[Path, Path]:
    """The minimal directory plus `files`, built under `root`: (built site, directory). For
    module-scoped fixtures that build once and serve the result to many browser tests."""
    directory = root / "directory"
    shutil.copytree(MINIMAL, directory)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    result = build_site(site_config(root, directory, languages=languages), root / "site")
    assert result.returncode == 0, result.stderr[-5000:]
    return root / "site", directory


@pytest.fixture
def make_site(make_directory, tmp_path: Path):
    """Build a site from the minimal directory plus added files; returns the built folder."""

    def make(files: dict[str, str | bytes] | None = None) -> Path:
        directory = make_directory(files)
        result = build_site(site_config(tmp_path, directory), tmp_path / "site")
        assert result.returncode == 0, result.stderr[-5000:]
        return tmp_path / "site"

    return make


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample directory built once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr[-5000:]
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


def serve(
    folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `folder` on 127.0.0.1 in a thread: (base URL without a trailing slash, the server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL (no trailing slash) of the built sample site served on 127.0.0.1."""
    url, server = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    yield tab
    context.close()


@contextmanager
def local_tab(browser, url: str, width: int, height: int = 844, **options):
    """A tab `width` CSS pixels wide that may talk to `url` only: tiles and every other host are
    refused, so a test also shows the page working without them."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE", **options)
    tab = context.new_page()
    tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url + "/") else r.abort())
    try:
        yield tab
    finally:
        context.close()


def axe_violations(tab) -> list[tuple[str, str, list]]:
    """Every axe-core violation on the page as it is now: (rule, impact, first targets)."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(tab).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
