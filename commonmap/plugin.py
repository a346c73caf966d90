"""The MkDocs adapter: reads the directory once per build and publishes the generated outputs.

Thin on purpose (Material for MkDocs reaches end of life in 2027): all content is made by
engine-agnostic generators (site.py); this file only maps Pages and Assets onto MkDocs files.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
from pathlib import Path

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from commonmap import collector, site, ui
from commonmap.export import changes
from commonmap.outputs import Asset, Page, Snippet
from commonmap.problems import has_errors
from commonmap.search import index as search_index
from commonmap.search.documents import PageText
from commonmap.settings import OSM_ATTRIBUTION, OSM_TILES, Settings
from commonmap.validate import read_directory

log = logging.getLogger("mkdocs.plugins.commonmap")


class CommonMapConfig(Config):
    directory = c.Type(str, default="directory")
    tiles_url = c.Type(str, default=OSM_TILES)
    tiles_attribution = c.Type(str, default=OSM_ATTRIBUTION)
    data_license = c.Type(str, default="CC0-1.0")
    data_license_url = c.Type(str, default="https://creativecommons.org/publicdomain/zero/1.0/deed.sv")
    report_email = c.Type(str, default="")
    # A directory.json published before (relative to mkdocs.yml), for /data/changes.json.
    previous_export = c.Type(str, default="")


class CommonMapPlugin(BasePlugin[CommonMapConfig]):
    def on_config(self, config):
        self.root = Path(config.config_file_path).parent / self.config.directory
        self.settings = Settings(
            site_url=config.site_url or "",
            repo_url=config.repo_url or "",
            # edit_uri points into docs_dir ("edit/main/content/"); records live beside it.
            edit_uri=(config.edit_uri or "").removesuffix(f"{Path(config.docs_dir).name}/"),
            directory_path=Path(os.path.relpath(self.root, Path(config.config_file_path).parent)).as_posix(),
            tiles_url=self.config.tiles_url,
            tiles_attribution=self.config.tiles_attribution,
            data_license=self.config.data_license,
            data_license_url=self.config.data_license_url,
            report_email=self.config.report_email,
            previous_export=self._previous_export(config),
        )
        self.pages: dict[str, Page] = {}
        return config

    def _previous_export(self, config) -> str:
        previous = self.config.previous_export
        return str(Path(config.config_file_path).parent / previous) if previous else ""

    def on_files(self, files: Files, config) -> Files:
        directory, problems = read_directory(self.root)
        for problem in problems:
            # Warnings (a record due for review) must not fail `mkdocs build --strict`.
            (log.error if problem.severity == "error" else log.info)(problem.format())
        if directory is None or has_errors(problems):
            raise PluginError(f"{sum(p.severity == 'error' for p in problems)} fel i {self.root}; se ovan.")
        if self.settings.previous_export:
            _, error = changes.read_previous(self.settings.previous_export)
            if error:
                raise PluginError(error)
        self.pages = {}
        self.directory = directory
        self.page_texts: list[PageText] = []  # pages outside the directory, for the site search
        self.snippets: dict[str, Snippet] = {}
        with collector.paused():
            outputs = site.outputs(directory, self.settings)
        collector.keep()
        for output in outputs:
            if isinstance(output, Snippet):
                self.snippets[f"<!-- commonmap:{output.name} -->"] = output
            elif isinstance(output, Page):
                self.pages[output.path] = output
                # No Markdown and no front matter to parse: on_page_markdown gives the page its meta.
                files.append(File.generated(config, output.path, content=""))
            elif isinstance(output, Asset):
                files.append(File.generated(config, output.path, content=output.content))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta = _meta(generated)
        return markdown

    def on_page_content(self, html_: str, page, config, files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            if generated.search:
                self.page_texts.append(PageText(page.url, generated.title, generated.html))
            return generated.html
        base = "../" * page.url.count("/")
        for marker, snippet in self.snippets.items():
            if marker in html_:
                html_ = html_.replace(marker, snippet.render(base))
        self.page_texts.append(PageText(page.url, html.unescape(page.title or ""), html_))
        return html_

    def on_nav(self, nav, config, files):
        self.in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    def on_env(self, env, config, files):
        self.fragments: dict[str, Markup] = {}  # per build: `mkdocs serve` rebuilds with new data
        env.globals["commonmap_fragment"] = self._fragment
        env.globals["commonmap_t"] = ui.t
        return env

    def _fragment(self, key: str, caller) -> Markup:
        """The theme's output for `key`, rendered by the first page that asks (overrides/main.html)."""
        if key not in self.fragments:
            self.fragments[key] = Markup(caller())
        return self.fragments[key]

    def on_page_context(self, context, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            context["commonmap_head"] = Markup(generated.head)
            if page.file.src_uri not in self.in_nav and not page.toc and not page.meta.get("hide"):
                # The sidebars of such a page depend only on its folder (the links are relative).
                context["commonmap_nav_key"] = f"sidebars:{posixpath.dirname(page.url.rstrip('/'))}"
        return context

    def on_post_build(self, config) -> None:
        """The search index, a thin step after the pages: it holds the hand-written pages' text too."""
        pages = sorted(self.page_texts, key=lambda p: p.url)
        for asset in search_index.build(self.directory, pages):
            target = Path(config.site_dir) / asset.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(asset.content.encode() if isinstance(asset.content, str) else asset.content)
        collector.release()

    def on_build_error(self, error) -> None:
        collector.release()

    def on_serve(self, server, config, builder):
        server.watch(str(self.root))
        return server


def _meta(page: Page) -> dict[str, object]:
    """The page's title and description as MkDocs reads them from front matter; the title is
    HTML-escaped because the theme prints `page.title` unescaped."""
    meta = {"title": html.escape(page.title), **page.meta}
    if page.description:
        meta["description"] = html.escape(page.description)
    return meta
