"""`commonmap serve`: the site built and served at http://127.0.0.1:8000/, and built again when a
file it is made from changes. An edit of record files renders again only the pages it changes,
then the files that hold every record (mkdocs_preview.py); any other change builds it all.

Changes are seen with watchdog (as `mkdocs serve` sees them) and gathered for a moment, so that
an editor's save (a new file, then a rename) is one change.
"""

from __future__ import annotations

import logging
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from commonmap.mkdocs_preview import Preview

log = logging.getLogger("commonmap.serve")
SETTLE = 0.05  # seconds without another change before one is built


class Changes(FileSystemEventHandler):
    """The paths that changed, queued for the builds."""

    def __init__(self) -> None:
        self.paths: queue.Queue[Path] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (event.is_directory and event.event_type == "modified"):
            return  # nothing was written
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self.paths.put(Path(path.decode() if isinstance(path, bytes) else path).absolute())

    def next(self) -> set[Path]:
        """The next change: what changed until the files settle."""
        found = {self.paths.get()}
        while True:
            try:
                found.add(self.paths.get(timeout=SETTLE))
            except queue.Empty:
                return found


class Quiet(SimpleHTTPRequestHandler):
    """The site's files, its own 404 page for what is not there, and no line per request (it
    would bury the build's messages)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(config_file: Path, host: str, port: int, folder: Path | None = None) -> int:
    """Serve until ended (Ctrl-C); the site is built into `folder`, else a temporary folder removed at the end."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # ended like Ctrl-C: the site folder goes
    site = str(folder.absolute()) if folder else tempfile.mkdtemp(prefix="commonmap-serve-")
    try:
        preview = Preview(config_file.absolute(), site)
        if not preview.full():
            return 1
        changes = Changes()
        observer = Observer()
        watched = list(dict.fromkeys(preview.watched()))
        for path in watched:
            observer.schedule(changes, str(path if path.is_dir() else path.parent), recursive=path.is_dir())
        observer.start()  # before the first page is served: an edit made once it is seen is not missed
        server = ThreadingHTTPServer((host, port), partial(Quiet, directory=site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Förhandsvisningen: http://{host}:{server.server_address[1]}/ (Ctrl-C avslutar)", file=sys.stderr)
        while True:
            changed = {path for path in changes.next() if _relevant(path, watched)}
            if changed:
                start = time.perf_counter()
                preview.update(changed)
                log.info("Klart på %.1f s", time.perf_counter() - start)
    finally:
        if folder is None:
            shutil.rmtree(site, ignore_errors=True)


def _relevant(path: Path, watched: list[Path]) -> bool:
    """A file the site is made from (mkdocs.yml, not its neighbours), not an editor's hidden or backup file."""
    if path.name.startswith(".") or path.name.endswith("~"):
        return False
    return any(path == each or (each.is_dir() and path.is_relative_to(each)) for each in watched)
