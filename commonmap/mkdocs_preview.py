"""The preview's builds (`commonmap serve`, serve.py): a whole build at the start and after any
change but one to record files; after an edit of record files, only the pages it changes
(site/affected.py) are made and rendered again into the served site, in place, and then the
files that hold every record (the open data, the map's and the finder's data, the search index)
and the pages made from them.

The MkDocs side of the engine seam without importing MkDocs: it works the plugin's state through
plugin.state, render_again and render_templates. Only a directory without errors is previewed
this way; errors (shown on every page, keeping the last good directory) take a whole build.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from commonmap import generators, mkdocs_files, plugin
from commonmap.base import clock, collector
from commonmap.records.directory import Directory
from commonmap.records.problems import has_errors
from commonmap.records.readcache import ReadCache
from commonmap.records.validate import read_directory
from commonmap.search import index as search_index
from commonmap.site import affected
from commonmap.site.outputs import Asset, Page, Snippet
from commonmap.site.pages import Indexes, SiteView
from commonmap.site.snippets import Snippets
from commonmap.site.urls import url_of

log = logging.getLogger("commonmap.serve")


class Preview:
    def __init__(self, config_file: Path, site: str) -> None:
        self.config_file, self.site = config_file, site
        self.plugin: plugin.CommonMapPlugin | None = None
        self.views: dict[str, SiteView] = {}  # kept from edit to edit for their list items
        self.assets: set[str] = set()  # the generated files in the site, by path

    def full(self, same_terms: bool = False) -> bool:
        """A whole build, aside and then swapped in; after an error in the directory the preview
        goes on with the last good one. `same_terms`: only record files changed (the checked
        files can be kept)."""
        kept = self.plugin
        cache = kept.read_cache if kept is not None and same_terms else None
        state = {
            "command": "serve",
            "read_cache": cache if cache is not None and cache.today == clock.today() else ReadCache(clock.today()),
            "last_good": kept.last_good if kept is not None else None,
        }
        built = plugin.build_with(self.config_file, self.site, **state)
        if built is None:
            return False
        self.plugin, self.views = built, {}
        files = built.state[1]
        for file in files:  # made for the site built aside (staging.py), which is now the site
            in_place = file.abs_src_path == file.abs_dest_path  # a generated file (plugin._asset_file)
            file.dest_dir = self.site
            file.__dict__.pop("abs_dest_path", None)
            if in_place:
                file.abs_src_path = file.abs_dest_path
        self.assets = {file.src_uri for file in files if file.generated_by and not file.is_documentation_page()}
        index = Path(self.site) / search_index.FOLDER  # written by the plugin, not a File of the build
        self.assets |= {path.relative_to(self.site).as_posix() for path in index.rglob("*") if path.is_file()}
        return True

    def watched(self) -> list[Path]:
        """What the site is built from: the directory, the pages, the theme's overrides, mkdocs.yml."""
        config = self.plugin.state[0]
        return [
            self.plugin.root,
            Path(config.docs_dir),
            Path(config.theme.custom_dir or config.docs_dir),
            self.config_file,
        ]

    def is_record_file(self, path: Path) -> bool:
        """A file in a record type's folder (or an editor's passing file there): its edit needs no
        whole build. What is not a record is found when the folder is read again, as in a build."""
        parts = path.relative_to(self.plugin.root).parts if path.is_relative_to(self.plugin.root) else ()
        return len(parts) >= 2 and parts[0] in self.plugin.directory.files

    def update(self, changed: set[Path]) -> None:
        records = bool(changed) and all(self.is_record_file(path) for path in changed)
        redone = self.records_changed() if records else None
        if redone is None:
            self.full(same_terms=records)
        elif redone:
            self.rest()

    def records_changed(self) -> bool | None:
        """The pages an edit of record files changes, made and rendered again in place; False when
        no record changed, None when the directory has errors, or had them: then a whole build."""
        kept = self.plugin
        if kept is None or kept.preview_problems:
            return None
        with collector.paused():
            after, problems = read_directory(kept.root, cache=kept.read_cache)
        if after is None or has_errors(problems):
            return None
        change = affected.change(kept.directory, after, kept.settings.languages)
        if not change.ids:
            return False
        kept.directory = after
        views = self._views(after, change.near)
        gone = [_source(url_of(entry)) for entry in change.gone]
        for source in gone:
            kept.pages.pop(source, None)
        # The edited records' own pages first: the page the editor is looking at shows the change soonest.
        first = sorted(key for key in change.keys if key[0] == "record" and key[2] in change.ids)
        sources = []
        for keys in (first, sorted(change.keys.difference(first))):
            made = [views[language].made(kind, id_) for kind, language, id_ in keys]
            sources += self._render([mkdocs_files.source_of(page) for page in made], made, gone)
            gone = []
        log.info("%d sidor gjordes om (%d poster ändrade)", len(sources), len(change.ids))
        return True

    def _render(self, sources: list[str], pages: list[Page], gone: list[str]) -> list[str]:
        kept = self.plugin
        kept.pages.update(zip(sources, pages, strict=True))
        with collector.paused():
            kept.render_again(sources, [source for source in gone if source not in kept.pages])
        return sources

    def _views(self, directory: Directory, dropped: set[str]) -> dict[str, SiteView]:
        """A view per language over the new directory, with the list items of the unchanged records."""
        indexes, settings = Indexes.of(directory, every_language=True), self.plugin.page_settings
        if self.views:
            kept = next(iter(self.views.values())).indexes.items
            indexes.items = {
                language: {id_: item for id_, item in items.items() if id_ not in dropped}
                for language, items in kept.items()
            }
        self.views = {id_: SiteView(directory, settings, id_, indexes) for id_ in settings.languages}
        return self.views

    def rest(self) -> None:
        """After the pages: every output made again from the new directory; the files and the pages
        that are not the same are written again, and the search index and the sitemap."""
        kept = self.plugin
        with collector.paused():
            outputs = list(generators.outputs(kept.directory, kept.page_settings))
        before, kept.snippets = kept.snippets, Snippets()
        for output in outputs:
            if isinstance(output, Snippet):
                kept.snippets.add(output)
        kept.rendered = {}
        pages = {mkdocs_files.source_of(o): o for o in outputs if isinstance(o, Page)}
        again = [source for source, page in pages.items() if not callable(page.body) and page != kept.pages.get(source)]
        gone = [source for source in kept.pages if source not in pages]
        kept.pages = pages
        with collector.paused():
            kept.render_again(again + self._with_snippets(before), gone)
            self._write([o for o in outputs if isinstance(o, Asset)] + list(kept.search_index()))
        files = kept.state[1]
        made = [
            mkdocs_files.source_of(o) if isinstance(o, Page) else o.path for o in outputs if not isinstance(o, Snippet)
        ]
        for file in filter(None, map(files.get_file_from_path, made)):  # in a clean build's order
            files.remove(file)
            files.append(file)
        kept.render_templates()
        log.info("Filerna med alla poster är gjorda om (%d sidor till)", len(again))

    def _with_snippets(self, before: Snippets) -> list[str]:
        """The hand-written pages with a snippet that is not the same any more (the categories' counts)."""
        found = []
        for file in self.plugin.state[1].documentation_pages():
            url, text = mkdocs_files.url_of_source(file.src_uri), file.content_string
            if file.src_uri not in self.plugin.pages and before.filled(text, url) != self.plugin.snippets.filled(
                text, url
            ):
                found.append(file.src_uri)
        return found

    def _write(self, assets: list[Asset]) -> None:
        """The files that are not the same written (each whole: a reader never sees half of
        one); those no longer made removed."""
        site, files = Path(self.site), self.plugin.state[1]
        for asset in assets:
            file = files.get_file_from_path(asset.path)
            if file is not None and file.is_documentation_page():  # a page of its own (a vendored licence)
                continue
            content = mkdocs_files.encoded(asset.content)
            target = site / asset.path
            if target.is_file() and target.read_bytes() == content:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as part:
                part.write(content)
            os.chmod(part.name, 0o644)
            os.replace(part.name, target)
        paths = {asset.path for asset in assets}
        for path in self.assets - paths:
            (site / path).unlink(missing_ok=True)
        self.assets = paths


def _source(url: str) -> str:
    """The source of a record's page (not a section: site/urls.py)."""
    return mkdocs_files.source_of(Page(url, "", ""))
