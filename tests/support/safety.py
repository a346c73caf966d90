"""What a page must never contain, found by parsing it as a browser would, not by string search."""

from __future__ import annotations

from tests.support.html import Element, parse

MARKER = "alert("  # every hostile test value calls alert(); theme scripts never do


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "ping")
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
# Elements no page of ours has, that would load or run something if data ever produced them.
FOREIGN = ("iframe", "frame", "frameset", "object", "embed", "base", "applet", "portal")


def script_url(value: str) -> bool:
    """A URL a browser would run: browsers drop ASCII tab/newline anywhere and leading controls/spaces."""
    normal = "".join(c for c in value if c not in "\t\n\r").lstrip("\x00\x01\x02\x03 \x0b\x0c").lower()
    return normal.startswith(BAD_SCHEMES)


def _attributes(element: Element) -> list[str]:
    """What an element's attributes would run: handlers, script URLs, the marker in srcdoc or style."""
    tag, found = element.tag, []
    for name, value in element.pairs:
        if name.startswith("on"):
            found.append(f"<{tag} {name}=...>")
        if name in URL_ATTRIBUTES and script_url(value or ""):
            found.append(f"<{tag} {name}={value!r}>")
        if name in ("srcdoc", "style") and MARKER in (value or ""):
            found.append(f"<{tag} {name}=...>")
    return found


def _element(element: Element) -> list[str]:
    tag, found = element.tag, _attributes(element)
    if tag in FOREIGN:
        found.append(f"<{tag}>")
    if tag == "meta" and element.get("http-equiv").lower() == "refresh":
        found.append("<meta http-equiv=refresh>")
    if tag in ("img", "svg", "math") and any(MARKER in (v or "") for _, v in element.pairs):
        found.append(f"<{tag}>")
    return found


def _script(element: Element) -> list[str]:
    kind, found = element.get("type") or "text/javascript", []
    for _, data in element.strings():
        if kind not in ("application/ld+json", "application/json") and MARKER in data:
            found.append(f"script with {data[:60]!r}")
        if "<!--" in data or "<script" in data.lower():
            found.append(f"markup inside a script: {data[:60]!r}")
    return found


def unsafe_markup(html: str) -> list[str]:
    """Scripts, event handlers and script URLs that data could have injected into a page."""
    found = []
    for element in parse(html).elements():
        found += _element(element) + (_script(element) if element.tag == "script" else [])
    return found
