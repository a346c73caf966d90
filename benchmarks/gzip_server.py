"""A request handler that compresses text with gzip, as static hosts do (GitHub Pages, Netlify,
nginx with gzip on), so that a benchmark measures the bytes a resident really receives:
`tests.support.browser.serve(folder, GzipHandler)`."""

from __future__ import annotations

import functools
import gzip
import mimetypes
from pathlib import Path

from tests.support.browser import QuietHandler

TEXT = {".html", ".css", ".js", ".json", ".geojson", ".csv", ".svg", ".xml", ".txt"}


class GzipHandler(QuietHandler):
    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if path.suffix not in TEXT or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = _compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@functools.cache
def _compressed(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
