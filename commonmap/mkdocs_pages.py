"""The theme's pages for the generated pages outside the navigation (records, categories, areas):
the theme's main.html is rendered once per group of alike pages with placeholders
(site/skeleton.py), and each page of the group is that skeleton filled with its own values.

The MkDocs side of the engine seam, without importing MkDocs: it knows MkDocs' Page and the
theme's context. The first pages of each group are also rendered in full and compared with the
filled skeleton; a group whose skeleton does not give the same bytes is rendered in full.
"""

from __future__ import annotations

import copy
import logging
import posixpath
import re
from dataclasses import dataclass, replace

from jinja2 import ChoiceLoader, DictLoader, Environment, pass_context
from markupsafe import Markup

from commonmap.site.skeleton import Skeleton, placeholder, skeleton

log = logging.getLogger("mkdocs.plugins.commonmap")
TEMPLATE = "commonmap-skeleton.html"  # page.meta["template"] of the pages made from skeletons
CHECKED = 2  # pages of each group rendered in full as well, and compared
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")  # ids: no character that HTML escapes
NAMES = ("title", "description", "canonical", "content", "head", "slug")  # a page's own values


@dataclass
class Group:
    skeleton: Skeleton | None
    checked: int = 0
    differed: bool = False  # a page rendered in full was not the filled skeleton


class ThemePages:
    def __init__(self, env: Environment) -> None:
        self.groups: dict[tuple, Group] = {}
        env.loader = ChoiceLoader([DictLoader({TEMPLATE: "{{ commonmap_skeleton() }}"}), env.loader])
        env.globals["commonmap_skeleton"] = pass_context(lambda context: self.render(context))

    def render(self, context) -> Markup:
        variables, page = context.get_all(), context["page"]
        main = context.environment.get_template("main.html")
        key, values = _key(page, variables), _values(page, variables)
        if key is None:
            return Markup(main.render(variables))
        if key not in self.groups:
            placeholders = _placeholders(page)
            self.groups[key] = Group(skeleton(main.render(_ghost(page, variables, placeholders)), placeholders))
        group = self.groups[key]
        if group.skeleton is None or group.checked < CHECKED:
            full = main.render(variables)
            if group.skeleton is not None and group.skeleton.fill(values) != full:
                log.debug("Sidan %s blev inte densamma ur skelettet; gruppen renderas i sin helhet.", page.url)
                group.skeleton, group.differed = None, True
            group.checked += 1
            return Markup(full)
        return Markup(group.skeleton.fill(values))


def _slug(page) -> str:
    return posixpath.basename(page.url.rstrip("/"))


def _key(page, variables: dict) -> tuple | None:
    """What the pages of a group share: their folder (and so language and the way back to the
    root), their other meta keys, which values they have, and their language links."""
    slug = _slug(page)
    if not SLUG.fullmatch(slug):
        return None
    links = tuple(
        (link.language.id, "" if link.current else link.url.replace(slug, "{slug}"), link.same_page, link.current)
        for link in variables.get("commonmap_switcher", ())
    )
    meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k not in ("title", "description")))
    present = tuple(bool(value) for value in _values(page, variables).values())
    nav = tuple(variables.get("commonmap_nav", ()))  # another language's navigation marks the page
    return posixpath.dirname(page.url.rstrip("/")), meta, present, links, nav, "<h1" in page.content


def _values(page, variables: dict) -> dict[str, str]:
    return {
        "title": page.meta["title"],
        "description": page.meta.get("description", ""),
        "canonical": page.canonical_url or "",
        "content": page.content,
        "head": str(variables.get("commonmap_head") or ""),
        "slug": _slug(page),
    }


def _placeholders(page) -> dict[str, str]:
    found = {name: placeholder(name) for name in NAMES}
    # The theme writes the title as a heading when the body has none (partials/content.html).
    found["content"] = placeholder("content", "<h1" if "<h1" in page.content else "")
    return found


def _ghost(page, variables: dict, placeholders: dict[str, str]) -> dict:
    """The theme's context with a placeholder for each of the page's own values."""
    ghost = copy.copy(page)
    ghost.meta = {**page.meta, "title": placeholders["title"]}
    if page.meta.get("description"):
        ghost.meta["description"] = placeholders["description"]
    ghost.canonical_url = placeholders["canonical"] if page.canonical_url else None
    ghost.content = placeholders["content"]
    slug = _slug(page)
    links = [
        link if link.current else replace(link, url=link.url.replace(slug, placeholders["slug"]))
        for link in variables.get("commonmap_switcher", ())
    ]
    found = {**variables, "page": ghost, "commonmap_switcher": links}
    if variables.get("commonmap_head"):
        found["commonmap_head"] = Markup(placeholders["head"])
    return found
