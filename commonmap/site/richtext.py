"""Markdown from records, rendered safely: raw HTML is shown as text, links only to safe schemes."""

from __future__ import annotations

from functools import lru_cache
from html import escape

import markdown
import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    # Raw HTML in a record is text, not markup: without these two, "<b>" would pass through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _converter()


# Python-Markdown's link and escape patterns take time growing much faster than the text with
# many "[" or "\\" (8,000 "[" took 16 s, 100 "[" in 250 KB 10 s): a record could stall the build.
# Text beyond these bounds is shown as plain paragraphs (tests/test_trust_hostile.py).
MARKDOWN_LIMITS = {"length": 20_000, "[": 100, "\\": 1_000}


@lru_cache(maxsize=64)  # a record page and its search text render the same text one after the other
def render(text: str) -> str:
    """Markdown to HTML; nh3 then removes anything outside a small allowlist (defence in depth)."""
    if _too_costly(text):
        return plain(text)
    _MD.reset()
    html = _MD.convert(text)
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes=URL_SCHEMES, link_rel="nofollow noopener"
    )


def _too_costly(text: str) -> bool:
    limits = MARKDOWN_LIMITS
    return len(text) > limits["length"] or text.count("[") > limits["["] or text.count("\\") > limits["\\"]


def plain(text: str) -> str:
    """Text as escaped paragraphs (blank lines) with line breaks: linear time for any input."""
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "\n".join("<p>" + escape(p.strip()).replace("\n", "<br>\n") + "</p>" for p in paragraphs)
