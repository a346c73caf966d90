"""A real browser (Debian's Chromium via Playwright) on the built site served from 127.0.0.1, kept
to that host, and the accessibility check (axe-core) of what it shows."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
# The fixtures (tests/conftest.py) that open Chromium: a test using one must carry @pytest.mark.browser.
FIXTURES = frozenset({"browser", "page"})


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


def only(tab, prefix: str, asked: list[str] | None = None) -> None:
    """Let `tab` load what starts with `prefix` and refuse everything else (tiles and every other
    host), so a test also shows the page working without them; `asked` collects every URL asked for."""

    def route(route_) -> None:
        if asked is not None:
            asked.append(route_.request.url)
        if route_.request.url.startswith(prefix):
            route_.continue_()
        else:
            route_.abort()

    tab.route("**/*", route)


@contextmanager
def local_tab(browser, url: str, width: int, height: int = 844, **options) -> Iterator:
    """A tab `width` CSS pixels wide that may talk to `url` only."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE", **options)
    tab = context.new_page()
    only(tab, url + "/")
    try:
        yield tab
    finally:
        context.close()


def axe_violations(tab) -> list[tuple[str, str, list]]:
    """Every axe-core violation on the page as it is now: (rule, impact, first targets)."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(tab).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
