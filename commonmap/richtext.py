"""Markdown from records, rendered safely: raw HTML is shown as text, links only to safe schemes."""

from __future__ import annotations

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


def render(text: str) -> str:
    """Markdown to HTML; nh3 then removes anything outside a small allowlist (defence in depth)."""
    _MD.reset()
    html = _MD.convert(text)
    return nh3.clean(
        html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes=URL_SCHEMES, link_rel="nofollow noopener"
    )
