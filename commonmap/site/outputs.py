"""What the generators produce, independent of the site engine (MkDocs today, maybe Zensical)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A generated page at `url`, relative to the site root ("organisationer/kfum-orebro/", "" for
    the start page). `html` is the finished, escaped body. The engine adapter (plugin.py) decides
    how a page becomes the engine's own (a source file, front matter, the theme's settings)."""

    url: str
    title: str  # plain text; the adapter escapes it
    # The body, or what makes it when the page is published: 30,000 records' pages and the lists
    # of them in every language do not all need to be in memory at once (issue 24).
    body: str | Callable[[], str]
    description: str = ""  # plain text for <meta name="description">
    # Finished HTML for <head> (JSON-LD), already safe, or what makes it (as `body`).
    head: str | Callable[[], str] = ""
    # False keeps the page's text out of the site search: records, categories and areas are in it
    # as documents of their own (commonmap/search), and lists of them would only repeat them.
    searchable: bool = True
    # The page lists the pages below its URL ("organisationer/"): a section's own page.
    section: bool = False
    # The page is about violence or victims: it offers the quick exit (chrome.py).
    quick_exit: bool = False

    @property
    def html(self) -> str:
        """The finished, escaped body (made anew on each call when the page makes it on demand)."""
        return self.body() if callable(self.body) else self.body

    @property
    def head_html(self) -> str:
        return self.head() if callable(self.head) else self.head


class Chunks:
    """A file's bytes as they are made, piece by piece: the adapter writes them to disk as they
    come, so that a large export (30,000 records' HSDS services, 40 MB) is never whole in memory
    (issue 24). Read once, piece by piece (iter) or whole (bytes); `len` after either."""

    def __init__(self, pieces: Iterable[bytes]) -> None:
        self._pieces: Iterator[bytes] | None = iter(pieces)
        self._whole: bytes | None = None
        self._size: int | None = None

    def __iter__(self) -> Iterator[bytes]:
        if self._whole is not None:
            yield self._whole
            return
        pieces, self._pieces = self._pieces, None
        if pieces is None:
            raise RuntimeError("these pieces were read once already: read them whole (bytes) to read them again")
        size = 0
        for piece in pieces:
            size += len(piece)
            yield piece
        self._size = size

    def __bytes__(self) -> bytes:
        if self._whole is None:
            self._whole = b"".join(self)
        return self._whole

    def __len__(self) -> int:
        return self._size if self._size is not None else len(bytes(self))


@dataclass(frozen=True)
class Asset:
    """A file published as it is, e.g. "data/directory.json" or "assets/map/leaflet.js"."""

    path: str
    content: str | bytes | Chunks


@dataclass(frozen=True)
class Snippet:
    """Generated HTML for a hand-written page: `<!-- commonmap:NAME -->` in content/ is replaced by
    `render(base)`, where base is the relative path from that page to the site root ("../").
    A snippet made for one language is used on that language's pages; else the Swedish one."""

    name: str
    render: Callable[[str], str]
    language: str = "sv"


Output = Page | Asset | Snippet
