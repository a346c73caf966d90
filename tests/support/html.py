"""The one HTML parser of the tests: a page as a tree of elements and text, read as the standard
library's tokenizer reads it (character references decoded, script and style kept as text), for
the tests that ask what a page holds rather than search its source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)
class Element:
    tag: str
    pairs: list[tuple[str, str | None]]  # the attributes as written, repeats included
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @cached_property
    def attrs(self) -> dict[str, str | None]:
        return dict(self.pairs)

    def get(self, name: str) -> str:
        """The attribute's value; "" when absent or empty."""
        return self.attrs.get(name) or ""

    def has_class(self, name: str) -> bool:
        return name in self.get("class").split()

    def elements(self, tag: str | None = None) -> Iterator[Element]:
        """Every element below this one in document order (`tag` only, if given)."""
        for child in self.children:
            if isinstance(child, Element):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.elements(tag)

    def strings(self) -> Iterator[tuple[Element, str]]:
        """Every piece of text below this one in document order, with the element it is directly in."""
        for child in self.children:
            if isinstance(child, Element):
                yield from child.strings()
            else:
                yield self, child

    def text(self) -> str:
        """The text below this one, white space collapsed."""
        return " ".join(" ".join(text for _, text in self.strings()).split())

    def lineage(self) -> Iterator[Element]:
        """This element and those it is in, nearest first."""
        element: Element | None = self
        while element is not None:
            yield element
            element = element.parent

    def within(self, *tags: str) -> bool:
        return any(element.tag in tags for element in self.lineage())

    @property
    def lang(self) -> str | None:
        """The language the element is in: the nearest lang attribute."""
        return next((e.attrs["lang"] for e in self.lineage() if "lang" in e.attrs), None)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.document = self.open = Element("#document", [])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs, self.open)
        self.open.children.append(element)
        if tag not in VOID:
            self.open = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.children.append(Element(tag, attrs, self.open))

    def handle_endtag(self, tag: str) -> None:
        # An end tag closes the nearest open element of its name and all inside it; a stray one is ignored.
        for element in self.open.lineage():
            if element.tag == tag:
                self.open = element.parent or self.document
                return

    def handle_data(self, data: str) -> None:
        self.open.children.append(data)


def parse(html: str) -> Element:
    """The page as a tree under a "#document" element."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.document


def parse_file(path: Path) -> Element:
    return parse(path.read_text(encoding="utf-8"))
