"""The one Jinja2 set-up every generator renders with: escaping on, a missing value an error;
and the one escaping of JSON put inside a <script> element."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from commonmap.base import ui


def environment(package: str = "commonmap.site", folder: str = "templates", trim: bool = True) -> Environment:
    """A new environment for the templates of `package/folder`, with autoescape for every template
    (record text is data and is never compiled as a template) and the interface catalogue as `t`.
    Callers keep theirs (functools.cache) and may add their own filters to it."""
    env = Environment(
        loader=PackageLoader(package, folder),
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=False,  # templates ship with the package; checking their mtime per page costs
        trim_blocks=trim,
        lstrip_blocks=trim,
        keep_trailing_newline=not trim,
    )
    env.globals["t"] = ui.t
    return env


# Characters that could end a <script> element or open a comment in it (<, >, &), and the two
# line separators older JavaScript does not allow in a string.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe(json_text: str) -> str:
    """JSON text made safe inside an HTML <script> element and in JavaScript source."""
    for char, escaped in SCRIPT_ESCAPES.items():
        json_text = json_text.replace(char, escaped)
    return json_text
