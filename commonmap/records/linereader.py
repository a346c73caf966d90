"""The loader's fast path: plain block YAML read line by line into the same Loaded as the event
path, about twice as fast. It accepts only text whose meaning it knows for certain and hands
everything else, including every file with a problem, to loader.py's precise path;
tests/test_loader_paths.py proves both agree.
"""

from __future__ import annotations

import re

from commonmap.records.loaded import MAX_DEPTH, TYPED_START, Loaded, Path_, Position, plain_kind


class _NotPlain(Exception):
    """Internal: the text is not plain block YAML; the precise path reads it."""


# Characters whose handling in YAML the line reader does not copy: tabs, the other line breaks,
# a byte-order mark inside the text and the two noncharacters that libyaml refuses.
UNUSUAL = re.compile("[\t\r\u2028\u2029\ufeff\ufffe\uffff]")
# One line: indentation, an optional "- ", then `key:` with an optional value, or a bare value.
# Keys are short identifiers (YAML bounds a simple key at 1,024 characters).
LINE = re.compile(r"( *)(- )?(?:([A-Za-z_][A-Za-z0-9_]{0,63}):(?: +(.*))?|(.*))")
# A plain scalar may not start with an indicator or a space. Brackets and braces are left to the
# precise path, and in flow sequences also commas, colons and #; the text after a plain scalar's
# first character is checked in _inline for ": ", " #" and a final ":".
PLAIN_START = r"[^-?:,\[\]{}#&*!|>'\"%@`\s]"
PLAIN = re.compile(PLAIN_START + r"[^\[\]{}]*")
FLOW_ITEM = PLAIN_START + r"(?:[^,\[\]{}#:]*[^,\[\]{}#:\s])?"
FLOW = re.compile(rf"\[(?:{FLOW_ITEM}(?:, {FLOW_ITEM})*)?\]")
FLOW_ITEMS = re.compile(FLOW_ITEM)
QUOTED = re.compile(r"\"[^\"\\]*\"|'[^']*'")


class LineReader:
    """Reads plain block YAML line by line into the same Loaded as _Builder, or gives None.

    Each line is parsed once into [line number, indentation, dash, key, value, value column];
    then mappings and sequences are read by their indentation, as the YAML scanner does. Any
    line that does not continue the structure exactly (a scalar continued on the next line, a
    bad indentation, a duplicate key) leaves lines unread or raises _NotPlain."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[Path_, Position] = {}
        self.keys: dict[Path_, Position] = {}
        self.typed: dict[Path_, str] = {}

    def read(self, text: str) -> Loaded | None:
        try:
            if UNUSUAL.search(text):
                raise _NotPlain
            self.blocks: dict[int, str] = {}  # the text of each `|` block scalar, by its line
            self.lines, self.next = self._lines(text.split("\n")), 0
            root = self._root()
        except _NotPlain:
            return None
        return Loaded(self.name, root, self.values, self.keys, self.typed)

    def _lines(self, raw: list[str]) -> list[list]:
        """[line number, indentation, dash, key, value, value column] of every line with content."""
        lines = []
        resume = 0  # the lines before this one were the text of a block scalar
        for index, line in enumerate(raw):
            if index < resume:
                continue
            line = line.rstrip(" ")  # trailing spaces end a plain scalar
            if not line or "#" in line and line.lstrip(" ").startswith("#"):
                continue  # blank lines and comment lines
            match = LINE.fullmatch(line)
            indent, dash, key, value, bare = match.groups()
            if key is None and dash is None:
                raise _NotPlain  # a bare scalar line: a root scalar or a continued one
            if key is None:
                value, column = bare, match.start(5)
            else:
                column = match.start(4)
            if value == "|":
                # The block's lines are its text, not YAML lines: read them now. They must be
                # indented further than the mapping or sequence the block belongs to.
                parent = len(indent) + 2 if dash and key else len(indent)
                self.blocks[index + 1], resume = _literal(raw, index + 1, parent)
            lines.append([index + 1, len(indent), dash is not None, key, value, column])
        return lines

    def _root(self) -> dict[str, object]:
        if not self.lines or self.lines[0][2] or self.lines[0][3] is None:
            raise _NotPlain  # empty, or not a mapping: the precise path says which
        number, indent = self.lines[0][:2]
        self.values[()] = (number, indent + 1)
        root = self._mapping(indent, (), 1)
        if self.next < len(self.lines):
            raise _NotPlain  # a line that does not fit where it stands
        return root

    def _mapping(self, indent: int, path: Path_, depth: int) -> dict[str, object]:
        """`key: value` lines at `indent`; their values are `depth` containers deep."""
        mapping: dict[str, object] = {}
        lines, keys = self.lines, self.keys
        while self.next < len(lines):
            number, at, dash, key, value, column = lines[self.next]
            if at != indent or dash or key is None:
                break
            if key in mapping:
                raise _NotPlain
            self.next += 1
            child = (*path, key)
            keys[child] = (number, indent + 1)
            if value is None:
                # An empty value sits just after the colon, as libyaml reports it.
                mapping[key] = self._nested(indent, child, depth, (number, indent + len(key) + 2))
            else:
                mapping[key] = self._inline(value, number, column, child, depth)
        return mapping

    def _nested(self, indent: int, path: Path_, depth: int, empty: Position) -> object:
        """The value of `key:` on the lines below: a mapping indented further, a sequence (which
        may stand at the key's own indentation), or else an empty value."""
        if depth >= MAX_DEPTH:
            raise _NotPlain
        if self.next < len(self.lines):
            number, at, dash, key, _, _ = self.lines[self.next]
            if dash and at >= indent:
                self.values[path] = (number, at + 1)
                return self._sequence(at, path, depth + 1)
            if at > indent and key is not None:
                self.values[path] = (number, at + 1)
                return self._mapping(at, path, depth + 1)
        self.values[path] = empty
        return ""

    def _sequence(self, indent: int, path: Path_, depth: int) -> list[object]:
        """`- item` lines at `indent`; an item `- key: value` starts a mapping two columns in."""
        items: list[object] = []
        lines = self.lines
        while self.next < len(lines):
            line = lines[self.next]
            number, at, dash, key, value, column = line
            if at != indent or not dash:
                break
            child = (*path, len(items))
            if key is None:
                self.next += 1
                items.append(self._inline(value, number, column, child, depth))
                continue
            if depth >= MAX_DEPTH:
                raise _NotPlain
            line[1], line[2] = indent + 2, False  # read on as the mapping's first line
            self.values[child] = (number, indent + 3)
            items.append(self._mapping(indent + 2, child, depth + 1))
        return items

    def _inline(self, text: str, number: int, column: int, path: Path_, depth: int) -> object:
        """A value on the line itself: a flow sequence, a quoted or a plain scalar."""
        if depth >= MAX_DEPTH:
            raise _NotPlain
        self.values[path] = (number, column + 1)
        first = text[0]
        if text == "|":
            return self.blocks[number]
        if first == "[":
            if not FLOW.fullmatch(text) or (depth + 1 >= MAX_DEPTH and text != "[]"):
                raise _NotPlain
            items = []
            for match in FLOW_ITEMS.finditer(text, 1):
                child = (*path, len(items))
                self.values[child] = (number, column + match.start() + 1)
                items.append(self._plain(match.group(), child))
            return items
        if first == '"' or first == "'":
            if not QUOTED.fullmatch(text):
                raise _NotPlain
            return text[1:-1]
        if not PLAIN.fullmatch(text) or ": " in text or " #" in text or text[-1] == ":":
            raise _NotPlain
        return self._plain(text, path)

    def _plain(self, value: str, path: Path_) -> str:
        if value[0] in TYPED_START:
            kind = plain_kind(value)
            if kind is not None:
                self.typed[path] = kind
        return value


def _literal(raw: list[str], start: int, parent: int) -> tuple[str, int]:
    """The text of a `|` block scalar whose lines begin at raw[start], and the index of the line
    after it. Its indentation is that of its first line; each line keeps what follows that
    indentation and its line break. Empty lines inside are kept, empty lines at the end dropped
    (YAML's default "clip"). Anything rarer is left to the precise path: a first line that is
    empty or not indented further than `parent`, a line of only spaces longer than the
    indentation, a last line without a line break."""
    first = raw[start] if start < len(raw) else ""
    indent = len(first) - len(first.lstrip(" "))
    if indent <= parent or not first.strip(" "):
        raise _NotPlain
    margin = " " * indent
    kept: list[str] = []
    empty = 0  # empty lines seen since the last line of text
    index = start
    while index < len(raw):
        line = raw[index]
        if not line.strip(" "):
            if len(line) > indent:
                raise _NotPlain
            empty += 1
        elif line.startswith(margin):
            kept += [""] * empty + [line[indent:]]
            empty = 0
        else:
            break  # a line indented less: the block has ended
        index += 1
    if index == len(raw) and empty == 0:
        raise _NotPlain  # the text ends inside the block's last line, with no line break
    return "\n".join(kept) + "\n", index
