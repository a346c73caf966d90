"""What a page must never contain, found by parsing it as a browser would, not by string search."""

from __future__ import annotations

from html.parser import HTMLParser

MARKER = "alert("  # every hostile test value calls alert(); theme scripts never do


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "ping")
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
# Elements no page of ours has, that would load or run something if data ever produced them.
FOREIGN = ("iframe", "frame", "frameset", "object", "embed", "base", "applet", "portal")


def script_url(value: str) -> bool:
    """A URL a browser would run: browsers drop ASCII tab/newline anywhere and leading controls/spaces."""
    normal = "".join(c for c in value if c not in "\t\n\r").lstrip("\x00\x01\x02\x03 \x0b\x0c").lower()
    return normal.startswith(BAD_SCHEMES)


class _Unsafe(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and script_url(value or ""):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("srcdoc", "style") and MARKER in (value or ""):
                self.found.append(f"<{tag} {name}=...>")
        if tag in FOREIGN:
            self.found.append(f"<{tag}>")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        if tag == "script":
            self._script = dict(attrs).get("type") or "text/javascript"
        if tag in ("img", "svg", "math") and any(MARKER in (v or "") for _, v in attrs):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script and self._script not in ("application/ld+json", "application/json") and MARKER in data:
            self.found.append(f"script with {data[:60]!r}")
        if self._script and ("<!--" in data or "<script" in data.lower()):
            self.found.append(f"markup inside a script: {data[:60]!r}")


def unsafe_markup(html: str) -> list[str]:
    """Scripts, event handlers and script URLs that data could have injected into a page."""
    parser = _Unsafe()
    parser.feed(html)
    return parser.found
