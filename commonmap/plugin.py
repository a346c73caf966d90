"""The MkDocs adapter: reads the directory once per build and publishes the generated outputs.

Thin on purpose (Material for MkDocs reaches end of life in 2027): all content is made by
engine-agnostic generators (generators.py); this file only maps Pages and Assets onto MkDocs files,
with mkdocs_files.py for what needs no MkDocs (source paths, front matter, `commonmap generate`).
"""

from __future__ import annotations

import html
import logging
import posixpath
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page, build
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler, is_markdown_file

from commonmap import generators, mkdocs_files, mkdocs_pages
from commonmap.base import collector, i18n, ui
from commonmap.base.languages import LANGUAGES, SWEDISH, of_url
from commonmap.export import changes
from commonmap.records import siteconfig
from commonmap.records.directory import Directory
from commonmap.records.problems import Problem, has_errors
from commonmap.records.readcache import ReadCache
from commonmap.records.settings import OSM_ATTRIBUTION, OSM_TILES, QUICK_EXIT
from commonmap.records.validate import read_directory
from commonmap.search import index as search_index
from commonmap.search.documents import PageText
from commonmap.site import staging, switcher, translations
from commonmap.site.outputs import Asset, Chunks, Page, Snippet
from commonmap.site.snippets import Snippets

log = logging.getLogger("mkdocs.plugins.commonmap")


class CommonMapConfig(Config):
    directory = c.Type(str, default="directory")
    tiles_url = c.Type(str, default=OSM_TILES)
    tiles_attribution = c.Type(str, default=OSM_ATTRIBUTION)
    data_license = c.Type(str, default="CC0-1.0")
    data_license_url = c.Type(str, default="https://creativecommons.org/publicdomain/zero/1.0/deed.sv")
    report_email = c.Type(str, default="")
    quick_exit_url = c.Type(str, default=QUICK_EXIT)
    # A directory.json published before (relative to mkdocs.yml), for /data/changes.json.
    previous_export = c.Type(str, default="")
    # The interface languages to publish (ids of commonmap/base/languages.py); Swedish is always first.
    languages = c.ListOfItems(c.Choice(list(LANGUAGES)), default=list(LANGUAGES))
    # The GitHub team that alone may approve the municipality's decisions (governance.py); the
    # one place its name is set: .github/CODEOWNERS must agree (tests/test_governance.py).
    municipality_team = c.Type(str, default="")


class CommonMapPlugin(BasePlugin[CommonMapConfig]):
    """With on_startup defined, MkDocs keeps one instance for all the builds of `mkdocs serve`:
    the preview remembers the last directory without errors and keeps showing it, with the
    problems on every page, until the files are fixed."""

    command = "build"
    dirty = False
    warned = False
    last_good: Directory | None = None
    staging: str | None = None
    counter: CountHandler | None = None
    sink: Path | None = None  # `commonmap generate`: where the build's sources are written too
    read_cache: ReadCache | None = None  # `commonmap serve`: unchanged files are not checked again

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    @event_priority(100)  # first: the site is built aside from the start (staging.py)
    def on_config(self, config):
        self.pages: dict[str, Page] = {}
        self.preview_problems: list[Problem] = []
        config_file = Path(config.config_file_path)
        problems = siteconfig.check(dict(self.config), siteconfig.read(config_file), config_file.parent)
        for problem in problems:
            log.error(problem.format())
        if problems:  # the preview keeps its last root and settings
            self._failed(problems)
        else:
            self.root = config_file.parent / self.config.directory
            self.settings = mkdocs_files.settings_of(config, self.config, self.root, self._previous_export(config))
        # For the CSP (overrides/main.html); in `extra`, so that a build without the plugin has it too.
        config.extra[mkdocs_files.TILE_ORIGIN] = self.settings.tile_origin
        self.final_site, self.counter = config.site_dir, None
        if not self.dirty:  # a dirty build adds to the site in place
            self.staging = config.site_dir = staging.begin(config.site_dir)
        if config.strict:  # MkDocs aborts after on_post_build when there were warnings
            self.counter = CountHandler()
            self.counter.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.counter)
        return config

    def _previous_export(self, config) -> str:
        previous = self.config.previous_export
        return str(Path(config.config_file_path).parent / previous) if previous else ""

    def on_files(self, files: Files, config) -> Files:
        if self.preview_problems:  # mkdocs.yml has errors: the preview shows the last good version
            directory = self.last_good
        else:
            with collector.paused():
                directory, problems = read_directory(self.root, cache=self.read_cache)
            for problem in problems:
                # Warnings (a record due for review) must not fail `mkdocs build --strict`.
                (log.error if problem.severity == "error" else log.info)(problem.format())
            if directory is None or has_errors(problems):
                self._failed([p for p in problems if p.severity == "error"])
                directory = self.last_good
            elif self.command == "serve":
                self.last_good = directory
        if self.settings.previous_export:
            _, error = changes.read_previous(self.settings.previous_export)
            if error:
                raise PluginError(error)
        self._generate(directory, files, config)
        return files

    def _failed(self, errors: list[Problem]) -> None:
        """Stop the build, except in the preview after a good build: it goes on with the last good
        directory and shows the errors on every page."""
        if self.command != "serve" or self.last_good is None:
            raise PluginError(f"{len(errors)} fel; se ovan.")
        log.error(ui.t("preview.kept", count=len(errors)))
        self.preview_problems = errors

    def _generate(self, directory: Directory, files: Files, config) -> None:
        for file in list(files.documentation_pages()):  # hand-written pages of languages left out
            if of_url(mkdocs_files.url_of_source(file.src_uri)).id not in self.settings.languages:
                files.remove(file)
        written = frozenset(mkdocs_files.url_of_source(file.src_uri) for file in files.documentation_pages())
        self.page_settings = settings = replace(self.settings, content_pages=written)  # the preview's too
        self.directory, self.pages = directory, {}
        self.page_texts: list[PageText] = []  # Swedish pages outside the directory, for the site search
        self.snippets = Snippets()
        with collector.paused():  # each file is written as it comes (issue 24's memory)
            for output in generators.outputs(directory, settings):
                self._publish(output, files, config)
        collector.keep()
        self.urls = {mkdocs_files.url_of_source(file.src_uri) for file in files.documentation_pages()}
        if self.sink is not None:
            self._keep_content(files)
        for report in translations.reports(directory, settings):
            log.info(report.line())
        self.banner = mkdocs_files.banner(self.preview_problems)

    def _publish(self, output: Page | Asset | Snippet, files: Files, config) -> None:
        if isinstance(output, Snippet):
            self.snippets.add(output)
        elif isinstance(output, Page):
            source = mkdocs_files.source_of(output)
            self.pages[source] = output
            # No Markdown and no front matter to parse: on_page_markdown gives the page its meta.
            files.append(File.generated(config, source, content=""))
            if self.sink is not None:  # `commonmap generate` (a lazy page is made here for it)
                self._keep(mkdocs_files.folder_source(output), mkdocs_files.markdown_of(output))
        elif isinstance(output, Asset):  # made whole when it is written twice (`commonmap generate`)
            content = output.content if self.sink is None else mkdocs_files.encoded(output.content)
            files.append(_asset_file(output.path, content, config))
            self._keep(output.path, content)

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta = mkdocs_files.meta(generated)
            page.__class__ = _GeneratedPage  # no Markdown: on_page_content gives the body
            if page.file.src_uri not in self.in_nav:  # alike pages: made from a skeleton (mkdocs_pages.py)
                page.meta["template"] = mkdocs_pages.TEMPLATE
        return markdown

    def on_page_content(self, html_: str, page, config, files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:  # its body is made when it is rendered (on_page_context)
            if generated.searchable:
                self.page_texts.append(PageText(page.url, generated.title, generated.html))
            return ""
        language = of_url(page.url).id
        html_ = self.snippets.filled(html_, page.url)
        path = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        for problem in self.snippets.unknown(path, page.file.src_uri, page.markdown, html_):
            log.warning(problem.format())
        if language == SWEDISH:  # the site search's index is Swedish
            self.page_texts.append(PageText(page.url, html.unescape(page.title or ""), html_))
        return self.banner + html_

    def _keep(self, path: str, content: str | bytes) -> None:
        if self.sink is not None:
            mkdocs_files.write(self.sink, path, content)

    def _keep_content(self, files: Files) -> None:
        """`commonmap generate`: the hand-written pages with their snippets filled in and their
        links to generated pages pointed at those pages' sources, and the docs folder's other
        files as they are."""
        renamed = mkdocs_files.moved(self.pages)
        for file in files:
            if file.generated_by:
                continue
            if file.is_documentation_page():
                text = self.snippets.filled(file.content_string, mkdocs_files.url_of_source(file.src_uri))
                self._keep(file.src_uri, mkdocs_files.relinked(text, file.src_uri, renamed))
            else:
                self._keep(file.src_uri, file.content_bytes)

    def on_nav(self, nav, config, files):
        self.in_nav = {page.file.src_uri for page in nav.pages}
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        self.fragments: dict[str, Markup] = {}  # per build: `mkdocs serve` rebuilds with new data
        self.rendered: dict[tuple[str, str, str], Markup] = {}
        env.globals["commonmap_fragment"] = self._fragment
        env.globals["commonmap_sitemap_alternates"] = self._alternates
        env.globals["commonmap_snippet"] = pass_context(lambda context, *args: self._snippet(context, *args))
        env.globals["commonmap_t"] = ui.t  # pages set their language's (on_page_context)
        self.theme_pages = mkdocs_pages.ThemePages(env)
        self.state = (config, files, self.nav, env)  # for the preview: render_again
        # The search index holds the hand-written pages' text too, which MkDocs has converted by
        # now: it is made before the theme renders the pages, whose memory is not in use yet (issue 24).
        for asset in self.search_index():
            mkdocs_files.put(Path(config.site_dir) / asset.path, asset.content)
            self._keep(asset.path, asset.content)
        return env

    def _alternates(self, src_uri: str) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) of a page's versions, for the sitemap (overrides/sitemap.xml)."""
        url = mkdocs_files.url_of_source(src_uri)
        links = [link for link in switcher.links(url, self.urls, self.settings.languages) if "?" not in link.url]
        return [(tag, self.settings.page_url(url)) for tag, url in switcher.alternates(links)]

    def _snippet(self, context, name: str, base_url: str) -> Markup:
        """A generated snippet for the theme (overrides/), e.g. the crisis strip, in the page's
        language, rendered once per language and way back to the root: MkDocs' base_url ("." or
        "../..") becomes the generators' "../../"."""
        base = "" if base_url == "." else base_url.rstrip("/") + "/"
        language = getattr(context.get("commonmap_language"), "id", SWEDISH)
        key = (name, language, base)
        if key not in self.rendered:
            snippet = self.snippets.find(name, language)
            self.rendered[key] = Markup(snippet.render(base) if snippet else "")
        return self.rendered[key]

    def _fragment(self, key: str, caller) -> Markup:
        """The theme's output for `key`, rendered by the first page that asks (overrides/main.html)."""
        if key not in self.fragments:
            self.fragments[key] = Markup(caller())
        return self.fragments[key]

    def on_page_context(self, context, page, config, nav):
        self._language_context(context, page.url)
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.content = self.banner + generated.html
            context["commonmap_head"] = Markup(generated.head_html)
            if page.file.src_uri not in self.in_nav and not page.toc:
                # The sidebars of such a page depend only on its folder (the links are relative).
                context["commonmap_nav_key"] = f"sidebars:{posixpath.dirname(page.url.rstrip('/'))}"
        return context

    def _language_context(self, context, url: str) -> None:
        """The page's language for the theme (overrides/): its strings, lang and dir, the language
        switcher and, for other languages than Swedish, that language's navigation."""
        language = of_url(url)
        texts = i18n.texts(language.id)
        links = switcher.links(url, self.urls, self.settings.languages)
        context["commonmap_language"] = language
        context["commonmap_t"] = texts.t
        context["commonmap_theme"] = texts.theme
        context["commonmap_switcher"] = links
        if language.id != SWEDISH:
            context["commonmap_nav"] = switcher.nav(url, self.urls)

    def on_post_page(self, output: str, page, config) -> str:
        """`dir` on <html> as well as on <body> (the theme sets only the body's)."""
        if page.file.src_uri in self.pages:  # written next: no generated page's body is kept
            page.content = None
        direction = of_url(page.url).dir
        return output.replace(' class="no-js">', f' dir="{direction}" class="no-js">', 1)

    @event_priority(-100)  # last: every other plugin has written its files
    def on_post_build(self, config) -> None:
        """The site built aside (staging.py) is swapped in whole."""
        collector.release()
        self._stop_counting()
        if self.staging is not None and not self.warned:
            staging.publish(self.staging, self.final_site)
        config.site_dir, self.staging = self.final_site, None

    def search_index(self) -> Iterator[Asset]:
        """The site search's files (a page rendered again by the preview counts once, as it is now)."""
        pages = sorted({page.url: page for page in self.page_texts}.values(), key=lambda p: p.url)
        return search_index.build(self.directory, pages)

    def render_again(self, sources: list[str], gone: list[str]) -> None:
        """The preview's pages after an edit (mkdocs_preview.py), without a build: the pages of
        `sources` rendered into the site in place, new ones added, and those of `gone` removed."""
        config, files, nav, env = self.state
        for file in filter(None, map(files.get_file_from_path, gone)):
            files.remove(file)
            Path(file.abs_dest_path).unlink(missing_ok=True)
        added = [
            File.generated(config, source, content="") for source in sources if not files.get_file_from_path(source)
        ]
        for file in added:
            files.append(file)
        set_exclusions(added, config)
        documents = files.documentation_pages()
        self.urls = {mkdocs_files.url_of_source(file.src_uri) for file in documents}  # the language links
        for file in map(files.get_file_from_path, sources):
            page = file.page or MkDocsPage(None, file, config)
            _populate_page(page, config, files)
            _build_page(page, config, documents, nav, env)

    def render_templates(self) -> None:
        """The theme's pages that list the others (the sitemap), for the preview."""
        config, files, nav, env = self.state
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)

    def on_build_error(self, error) -> None:
        collector.release()
        self._stop_counting()
        if self.staging is not None:
            staging.discard(self.staging)
            self.staging = None

    def _stop_counting(self) -> None:
        self.warned = bool(self.counter and self.counter.get_counts())
        if self.counter is not None:
            logging.getLogger("mkdocs").removeHandler(self.counter)
            self.counter = None

    def on_serve(self, server, config, builder):
        server.watch(str(self.root))
        return server


def _asset_file(path: str, content: str | bytes | Chunks, config) -> File:
    """A generated file, written into the site at once (MkDocs leaves a file already in place), so
    that 30,000 records' exports are not all kept in memory until MkDocs copies the files."""
    if is_markdown_file(path):  # a page of its own (a vendored licence)
        return File.generated(config, path, content=content)
    return File.generated(config, path, abs_src_path=str(mkdocs_files.put(Path(config.site_dir) / path, content)))


class _GeneratedPage(MkDocsPage):
    """A generated page: what MkDocs' Page.render leaves on a page with no Markdown, without
    building a Markdown converter (its extensions) for each of the thousands of generated pages.
    Given to a page as its class, not as a function on each (30,000 pages: 30 MB, issue 24).
    `links_to_anchors` stays None (no links): one more attribute unshares each page's dict (20 MB)."""

    NO_TOC = get_toc([])  # read, never changed: one for every generated page

    def render(self, config, files) -> None:
        self.content, self.toc, self._title_from_render = "", self.NO_TOC, None
        self.present_anchor_ids = frozenset()


def generate(config_file: Path, out: Path) -> int:
    """`commonmap generate`: a build (into a folder thrown away) that also writes its sources to
    out/docs, and out/mkdocs.yml to build them with the plugin off (mkdocs_files.py)."""
    with tempfile.TemporaryDirectory() as site:
        plugin = build_with(config_file, site, sink=out)
    if plugin is None:
        return 1
    extra = {mkdocs_files.TILE_ORIGIN: plugin.settings.tile_origin}
    mkdocs_files.write_config(config_file, out, extra, mkdocs_files.moved(plugin.pages))
    return 0


def build_with(config_file: Path, site: str, **state: object) -> CommonMapPlugin | None:
    """A build of mkdocs.yml into `site` by a plugin given `state` first (generate, the preview);
    None after MkDocs' errors, which are logged."""
    try:
        config = load_config(str(config_file))
        plugin = config.plugins["commonmap"]
        vars(plugin).update(state)
        config.site_dir = site
        build(config)
    except MkDocsException as error:
        log.error(str(error))
        return None
    return plugin
