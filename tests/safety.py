"""What a page must never contain, found by parsing it as a browser would, not by string search."""

from __future__ import annotations

from html.parser import HTMLParser

MARKER = "alert("  # every hostile test value calls alert(); theme scripts never do


class _Unsafe(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"
        if tag in ("img", "iframe", "object", "embed") and any(MARKER in (v or "") for _, v in attrs):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script and self._script != "application/ld+json" and MARKER in data:
            self.found.append(f"script with {data[:60]!r}")


def unsafe_markup(html: str) -> list[str]:
    """Scripts, event handlers and script URLs that data could have injected into a page."""
    parser = _Unsafe()
    parser.feed(html)
    return parser.found
