"""The one Jinja2 set-up every generator renders with: escaping on, a missing value an error."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from commonmap import ui


def environment(package: str = "commonmap", folder: str = "templates", trim: bool = True) -> Environment:
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
