"""Third-party files the site serves as they come from their package: kept apart from the
project's own assets in the source (commonmap/assets/vendor/, whose VENDORED.md names each one's
package, version and licence), published where the pages load them: vendor/<path> at assets/<path>.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def source(published: str) -> Traversable:
    """The vendored copy of the file published at `published` ("assets/map/leaflet/leaflet.js")."""
    top, _, below = published.partition("/")
    if top != "assets" or not below:
        raise ValueError(f"not a published asset: {published!r}")
    return resources.files("commonmap").joinpath("assets", "vendor", *below.split("/"))
