"""The MkDocs side of the engine seam that needs no MkDocs: where a generated page's Markdown source
lies and what its front matter says, the settings read from mkdocs.yml, and the files of
`commonmap generate` (a docs folder and a mkdocs.yml that build the site with the plugin off).

The generators know only URLs and neutral fields (site/outputs.py); plugin.py and this module
turn them into MkDocs' terms.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import shutil
from pathlib import Path

import yaml

from commonmap.base import ui
from commonmap.base.languages import SWEDISH
from commonmap.records import siteconfig
from commonmap.records.problems import Problem
from commonmap.records.settings import Settings
from commonmap.site.outputs import Chunks, Page

GENERATED_DOCS = "docs"  # DIR/docs, beside DIR/mkdocs.yml
TILE_ORIGIN = "commonmap_tile_origin"  # in mkdocs.yml's extra: the tile server for the theme's CSP
LINK = re.compile(r"(\]\()([^)\s#]+\.md)(?=[#)\s])")  # a Markdown link to a page: [text](path.md)


def source_of(page: Page) -> str:
    """The source MkDocs publishes at the page's URL, named as mkdocs.yml's nav and content/ link
    to it: "karta/" is "karta.md", a section's page "organisationer/" is "organisationer/index.md"."""
    if page.url == "" or page.section:
        return page.url + "index.md"
    return page.url.removesuffix("/") + ".md"


def folder_source(page: Page) -> str:
    """The source `commonmap generate` writes for a page: "karta/index.md" for "karta/", so that
    the relative links of its HTML mean the same from the source's folder as from its URL (an
    engine such as Zensical rebases them from the source's folder)."""
    return page.url + "index.md"


def moved(pages: dict[str, Page]) -> dict[str, str]:
    """The generated pages whose source `commonmap generate` names otherwise than the plugin."""
    return {source: folder_source(page) for source, page in pages.items() if source != folder_source(page)}


def relinked(markdown: str, src_uri: str, renamed: dict[str, str]) -> str:
    """A hand-written page's Markdown links to moved pages ("karta.md"), pointed at their new
    sources ("karta/index.md")."""
    folder = posixpath.dirname(src_uri)

    def new(link: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(folder, link[2]))
        return link[1] + posixpath.relpath(renamed[target], folder or ".") if target in renamed else link[0]

    return LINK.sub(new, markdown)


def url_of_source(src_uri: str) -> str:
    """The URL (relative to the site root) MkDocs publishes a source at: "om.md" → "om/"."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def meta(page: Page) -> dict[str, object]:
    """The page's title and description as MkDocs reads them from front matter; the title is
    HTML-escaped because the theme prints `page.title` unescaped. `quick_exit` is the theme
    overrides' own key (overrides/main.html)."""
    found: dict[str, object] = {"title": html.escape(page.title)}
    if page.quick_exit:
        found["quick_exit"] = True
    if page.description:
        found["description"] = html.escape(page.description)
    return found


def markdown_of(page: Page) -> str:
    """The page as a Markdown source: front matter (JSON is YAML) and the finished HTML."""
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta(page).items())
    return f"---\n{front}---\n\n{page.html}\n"


def settings_from(config_file: Path) -> Settings:
    """The settings the exports need (site_url, data licence) from mkdocs.yml, so that
    `commonmap export` writes the same bytes as the site build; defaults when there is no file.
    Their problems are siteconfig.problems(config_file)."""
    if not config_file.is_file():
        return Settings()
    config = siteconfig.read(config_file)
    defaults = Settings()
    return Settings(
        site_url=config.site_url,
        data_license=config.options.get("data_license", defaults.data_license),
        data_license_url=config.options.get("data_license_url", defaults.data_license_url),
    )


def problems(config_file: Path) -> list[Problem]:
    """The problems of the plugin's settings in mkdocs.yml; none when there is no file."""
    return siteconfig.problems(config_file) if config_file.is_file() else []


def write(out: Path, path: str, content: str | bytes) -> None:
    """A file of DIR/docs."""
    put(out / GENERATED_DOCS / path, content)


def put(target: Path, content: str | bytes | Chunks) -> Path:
    """A generated file written (a text as UTF-8; pieces as they are made), with its folders."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Chunks):
        with target.open("wb") as file:
            file.writelines(content)
    else:
        target.write_bytes(encoded(content))
    return target


def encoded(content: str | bytes | Chunks) -> bytes:
    return content.encode() if isinstance(content, str) else bytes(content)


def write_config(
    config_file: Path, out: Path, extra: dict[str, str] | None = None, renamed: dict[str, str] | None = None
) -> Path:
    """DIR/mkdocs.yml: the project's, edited as text (its tags and comments kept), without the
    commonmap plugin, with docs_dir DIR/docs, what the plugin put in `extra` and the nav pointed
    at the `renamed` sources; the theme's custom_dir is copied beside it."""
    lines = config_file.read_text(encoding="utf-8").splitlines(keepends=True)
    top = _pairs(yaml.compose("".join(lines), Loader=yaml.SafeLoader))
    for node in _scalars(top.get("nav", (None, None))[1]):  # first: these keep the line numbers
        if node.value in (renamed or {}):
            line, start, end = node.start_mark.line, node.start_mark.column, node.end_mark.column
            lines[line] = lines[line][:start] + renamed[node.value] + lines[line][end:]
    end = len(lines)  # an edit at the end appends
    docs_dir = top.get("docs_dir", (None, None))[1]
    here = (docs_dir.start_mark.line, docs_dir.start_mark.line + 1) if docs_dir is not None else (end, end)
    edits = [
        _without_plugin(*top.get("plugins", (None, None))),
        _extra(top.get("extra", (None, None))[1], extra or {}, end),
        (*here, f"docs_dir: {GENERATED_DOCS}\n"),
    ]
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for first, last, text in sorted(filter(None, edits), reverse=True):
        lines[first:last] = [text]
    theme = _pairs(top.get("theme", (None, None))[1])
    custom = theme.get("custom_dir", (None, None))[1]
    if isinstance(custom, yaml.ScalarNode) and not Path(custom.value).is_absolute():
        shutil.copytree(config_file.parent / custom.value, out / custom.value, dirs_exist_ok=True)
    target = out / "mkdocs.yml"
    target.write_text("".join(lines), encoding="utf-8")
    return target


def _without_plugin(key: yaml.Node | None, plugins: yaml.Node | None) -> tuple[int, int, str] | None:
    """The lines to replace so that the plugin list lacks commonmap: its item's lines, or the
    whole list as `plugins: []` when it was the only one (an absent list means MkDocs' search)."""
    if key is None or not isinstance(plugins, yaml.SequenceNode):
        return None
    items = plugins.value
    ours = [n for n, item in enumerate(items) if _name(item) == siteconfig.PLUGIN]
    if not ours:
        return None
    if len(items) == 1:
        return key.start_mark.line, _end_line(plugins), "plugins: []\n\n"
    n = ours[0]
    end = items[n + 1].start_mark.line if n + 1 < len(items) else _end_line(plugins)
    return items[n].start_mark.line, end, ""


def _extra(node: yaml.Node | None, values: dict[str, str], end: int) -> tuple[int, int, str] | None:
    """The edit that adds `values` to `extra`: lines before its first key, or (when there is none)
    a new block at the end. An `extra` written otherwise (flow style) is left as it is."""
    if not values:
        return None
    if node is None:
        return end, end, "extra:\n" + _keys(values, "  ")
    if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
        return None
    return node.start_mark.line, node.start_mark.line, _keys(values, " " * node.start_mark.column)


def _keys(values: dict[str, str], indent: str) -> str:
    return "".join(f"{indent}{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in values.items())


def _scalars(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    """The values in a nav (its titles are keys, not values)."""
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.SequenceNode):
        return [found for item in node.value for found in _scalars(item)]
    if isinstance(node, yaml.MappingNode):
        return [found for _, value in node.value for found in _scalars(value)]
    return []


def _name(item: yaml.Node) -> str | None:
    if isinstance(item, yaml.ScalarNode):
        return item.value
    keys = list(_pairs(item))
    return keys[0] if len(keys) == 1 else None


def _end_line(node: yaml.Node) -> int:
    """The line after a block node (its end mark is at the start of the next line, or the end)."""
    mark = node.end_mark
    return mark.line if mark.column == 0 else mark.line + 1


def _pairs(node: object) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping node's (key node, value node) by key, for their lines."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def settings_of(config, options, root: Path, previous_export: str) -> Settings:
    """The generators' settings from mkdocs.yml and the plugin's options (plugin.CommonMapConfig)."""
    project = Path(config.config_file_path).parent
    return Settings(
        site_url=config.site_url or "",
        repo_url=config.repo_url or "",
        # edit_uri points into docs_dir ("edit/main/content/"); records live beside it.
        edit_uri=(config.edit_uri or "").removesuffix(f"{Path(config.docs_dir).name}/"),
        directory_path=Path(os.path.relpath(root, project)).as_posix(),
        tiles_url=options.tiles_url,
        tiles_attribution=options.tiles_attribution,
        data_license=options.data_license,
        data_license_url=options.data_license_url,
        report_email=options.report_email,
        quick_exit_url=options.quick_exit_url,
        previous_export=previous_export,
        languages=tuple(dict.fromkeys([SWEDISH, *options.languages])),
        municipality_team=options.municipality_team,
    )


def banner(problems: list[Problem]) -> str:
    """The preview's notice of the errors that keep it on the last good version (escaped)."""
    if not problems:
        return ""
    items = "".join(
        f"<li><code>{html.escape(f'{p.file}:{p.line}:{p.col}')}</code> {html.escape(p.message)} "
        f"{html.escape(ui.t('preview.hint', hint=p.hint))}</li>"
        for p in problems
    )
    title = html.escape(ui.t("preview.title", count=len(problems)))
    return f'<div class="admonition failure" role="alert"><p class="admonition-title">{title}</p><ul>{items}</ul></div>'
