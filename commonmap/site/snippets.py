"""The generated snippets of the hand-written pages: `<!-- commonmap:NAME -->` in content/ is
replaced by the Snippet of that name made in the page's language, or else by the Swedish one
(site/outputs.py). Engine-agnostic: the adapter gives each page's text and URL."""

from __future__ import annotations

import re

from commonmap.base.languages import SWEDISH, of_url
from commonmap.records.problems import Problem
from commonmap.site.outputs import Snippet

MARKER = re.compile(r"<!-- commonmap:(\S+) -->")


class Snippets:
    def __init__(self) -> None:
        self.made: dict[tuple[str, str], Snippet] = {}  # (name, language)

    def add(self, snippet: Snippet) -> None:
        self.made[(snippet.name, snippet.language)] = snippet

    def find(self, name: str, language: str) -> Snippet | None:
        return self.made.get((name, language)) or self.made.get((name, SWEDISH))

    def filled(self, text: str, url: str) -> str:
        """A page's text with its markers replaced; a marker no generator fills is left as it is."""
        base, language = "../" * url.count("/"), of_url(url).id

        def replaced(match: re.Match) -> str:
            snippet = self.find(match[1], language)
            return snippet.render(base) if snippet else match[0]

        return MARKER.sub(replaced, text)

    def unknown(self, path: str, page: str, markdown: str, filled: str) -> list[Problem]:
        """The markers left in a filled page, at their lines in its Markdown source (`page` in the
        docs folder, at `path`)."""
        allowed = ", ".join(sorted({name for name, _ in self.made}))
        found = []
        for name in MARKER.findall(filled):
            line = markdown.split(f"<!-- commonmap:{name} -->")[0].count("\n") + 1
            found.append(Problem(path, line, 1, "unknown-snippet", {"page": page, "name": name, "allowed": allowed}))
        return found
