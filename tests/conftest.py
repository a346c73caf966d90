"""The suite's clock, its shared fixtures and the rule for browser tests; the helpers themselves
are plain modules in tests/support/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from commonmap.base import clock
from commonmap.records.validate import read_directory
from tests.support import browser as chromium
from tests.support.directories import TODAY, minimal_with
from tests.support.sites import ROOT, built, site_config

# The one clock (commonmap/base/clock.py) is pinned for the whole suite and every process it starts, so
# that no test depends on the day it runs; `make test` also runs the suite with the system clock
# two years ahead (faketime) to prove that nothing reads the real date behind the clock's back.
os.environ[clock.ENV] = TODAY.isoformat()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that opens Chromium carries the `browser` marker, so that `-m 'not browser'` leaves
    out every one of them: a test using a browser fixture without it fails the collection."""
    unmarked = [
        item.nodeid
        for item in items
        if chromium.FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("browser") is None
    ]
    if unmarked:
        raise pytest.UsageError("Tests that open Chromium without @pytest.mark.browser:\n" + "\n".join(unmarked))


@pytest.fixture
def make_directory(tmp_path: Path):
    """Copy the minimal valid directory and add files: {"organisations/x.yml": text or bytes}."""
    return lambda files=None: minimal_with(tmp_path / "directory", files)


@pytest.fixture(scope="session")
def sample():
    """The sample directory, read once per session (tests read it, never change it)."""
    directory, problems = read_directory(ROOT / "directory", today=TODAY)
    assert directory is not None and not [p for p in problems if p.severity == "error"]
    return directory


@pytest.fixture
def make_site(make_directory, tmp_path: Path):
    """Build a site from the minimal directory plus added files; returns the built folder."""
    return lambda files=None: built(site_config(tmp_path, make_directory(files)), tmp_path / "site")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample directory built once per test session."""
    return built(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL (no trailing slash) of the built sample site served on 127.0.0.1."""
    url, server = chromium.serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium.CHROMIUM, args=chromium.CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    tab = context.new_page()
    yield tab
    context.close()
