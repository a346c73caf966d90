"""`commonmap links` against a local server that answers 200, 301, 404, 410, 500, refuses HEAD,
or does not answer in time: each status classified as the docstring of links.py says."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from pathlib import Path

import pytest

from commonmap.cli import main
from commonmap.contribute import links
from commonmap.contribute.links import Link

ROUTES = {"/ok": 200, "/flyttad": 301, "/borta": 404, "/struken": 410, "/fel": 500}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802 - http.server's names
        if self.path == "/bara-get":
            self.answer(405)
        elif self.path == "/seg":
            time.sleep(2)
            self.answer(200)
        else:
            self.answer(ROUTES.get(self.path, 200 if self.path == "/bara-get" else 404))

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/seg":
            time.sleep(2)
        self.answer(200 if self.path in ("/bara-get", "/ok") else ROUTES.get(self.path, 404))

    def answer(self, status: int) -> None:
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_each_answer_is_classified(server, monkeypatch) -> None:
    monkeypatch.setattr(links, "TIMEOUT", 0.5)
    paths = ["/ok", "/flyttad", "/borta", "/struken", "/fel", "/bara-get", "/seg"]
    found = [Link(f"{server}{path}", "x.yml", number, 3) for number, path in enumerate(paths, 1)]
    found.append(Link(f"http://127.0.0.1:{closed_port()}/", "x.yml", 9, 3))
    problems = links.check(found, pause=0)
    assert [(p.line, p.code, p.severity) for p in problems] == [
        (2, "link-moved", "warning"),
        (3, "link-gone", "error"),
        (4, "link-gone", "error"),
        (5, "link-failing", "warning"),
        (7, "link-timeout", "warning"),
        (9, "link-unreachable", "warning"),
    ]
    assert problems[0].params["location"] == "/ok"


def test_a_host_is_asked_politely_and_the_cache_is_used(monkeypatch) -> None:
    asked: list[tuple[str, float]] = []

    def fake(url: str, method: str) -> links.Answer:
        asked.append((url, time.monotonic()))
        return links.Answer(200)

    found = [Link(f"https://exempel.se/{n}", "x.yml", n, 1) for n in range(3)]
    cache: dict[str, dict] = {}
    assert links.check(found, get=fake, cache=cache, pause=0.2) == []
    gaps = [b - a for (_, a), (_, b) in zip(asked, asked[1:], strict=False)]
    assert len(asked) == 3 and min(gaps) >= 0.19  # one host: one request at a time, with a pause
    assert links.check(found, get=fake, cache=cache, pause=0.2) == [] and len(asked) == 3  # all from the cache


def test_command_reports_the_line_of_a_dead_website(make_directory, server, tmp_path: Path, capsys) -> None:
    root = make_directory()
    record = root / "organisations" / "exempelforeningen.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("https://exempel.se", f"{server}/borta"), "utf-8")
    assert main(["links", str(root), "--cache", str(tmp_path / "links.json")]) == 1
    out = capsys.readouterr().out
    assert f"organisations/exempelforeningen.yml:11:12: error: Sidan {server}/borta finns inte längre" in out
    record.write_text(record.read_text(encoding="utf-8").replace("/borta", "/fel"), "utf-8")
    assert main(["links", str(root), "--cache", str(tmp_path / "annan.json")]) == 0  # a failing server only warns
    assert ": warning: " in capsys.readouterr().out
