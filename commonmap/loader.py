"""Strict YAML reading: bytes in, plain data with every position kept, or problems.

The precise path builds the tree from libyaml's event stream rather than by a YAML constructor,
so that
- every scalar stays the exact string that was typed (no YAML 1.1 surprises: 0701234567,
  21:00 and `no` stay strings; the model types them afterwards);
- anchors, aliases, tags, duplicate keys and several documents are refused with a position;
- nesting depth is bounded before any recursion happens (libyaml's C composer is recursive and
  can crash the process on deeply nested input; its parser and our loop are not).

A fast path reads the plain block YAML that records are written in (`key: value`, `- item`,
`[a, b]`, quoted strings without escapes) line by line, about twice as fast as the events. It
accepts only text whose meaning it knows for certain and hands everything else, including every
file with a problem, to the precise path; tests/test_loader_paths.py proves both agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from commonmap.characters import CONTROL, INVISIBLE, excerpt
from commonmap.inputs import read_regular
from commonmap.problems import Problem

# libyaml is about ten times faster; the pure-Python parser gives the same events. Only the
# loaders' event interface is used (check_event/get_event), never their constructors.
Parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12
# Plain scalars that YAML would read as null: for us they are an empty value.
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Plain scalars that a YAML 1.2 reader (editors, other tools) would read as a number or a boolean.
# We keep them as strings, but in a text field they must be quoted so that every reader agrees.
TYPED_PLAIN = re.compile(
    r"^(true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$"
)
TYPED_START = frozenset("0123456789+-.tTfF")  # how every TYPED_PLAIN match begins

Path_ = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass(frozen=True)
class Loaded:
    """A file's data with the position of every value (and of every mapping key)."""

    file: str
    data: dict[str, object]
    values: dict[Path_, Position]
    keys: dict[Path_, Position]
    typed: frozenset[Path_]  # unquoted values another YAML reader would turn into numbers or booleans

    def position(self, path: Path_, *, key: bool = False) -> Position:
        """The closest known position of a path: a missing field points at its parent."""
        table = self.keys if key else self.values
        while path not in table and path:
            path = path[:-1]
            table = self.values
        return table.get(path, (1, 1))


class Refused(Exception):
    """Internal: stops reading a file at its first structural problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def load_file(path: str | Path, name: str | None = None, limit: int = MAX_BYTES) -> tuple[Loaded | None, list[Problem]]:
    """A regular file of at most `limit` bytes, read safely (inputs.read_regular), then loaded."""
    name = name or str(path)
    raw, refused = read_regular(str(path), name, limit)
    if raw is None:
        return None, [refused]
    return load_bytes(raw, name, limit)


def load_bytes(raw: bytes, name: str, limit: int = MAX_BYTES) -> tuple[Loaded | None, list[Problem]]:
    try:
        text = decode(raw, name, limit)
        problems = _character_problems(text, name)
        # Most records are plain block YAML that the fast reader understands; anything else, and
        # every file with a structural problem, takes the precise path that knows all of YAML.
        loaded = _LineReader(name).read(text) or _Builder(name).build(text)
    except Refused as refused:
        return None, [refused.problem]
    return loaded, problems


def decode(raw: bytes, name: str, limit: int = MAX_BYTES) -> str:
    """UTF-8 text (a byte-order mark allowed), or Refused with the position of the first bad byte."""
    if len(raw) > limit:
        raise Refused(Problem(name, 1, 1, "file-too-large", {"size": len(raw), "limit": limit}))
    # UTF-16 has a byte-order mark or, without one, a NUL byte beside every ASCII character.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw.count(b"\x00") > len(raw) // 4:
        raise Refused(Problem(name, 1, 1, "encoding-utf16"))
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = f"0x{raw[error.start]:02x}"
        raise Refused(Problem(name, line, col, "encoding", {"byte": byte})) from None


def _character_problems(text: str, name: str) -> list[Problem]:
    """Control characters refuse the file; invisible ones are reported where they stand."""
    for match in CONTROL.finditer(text):
        line, col = _line_col(text, match.start())
        raise Refused(Problem(name, line, col, "control-character", {"char": f"U+{ord(match.group()):04X}"}))
    problems = []
    for match in INVISIBLE.finditer(text):
        index, char = match.start(), match.group()
        if not _joins_letters(text, index):
            line, col = _line_col(text, index)
            snippet = excerpt(text.splitlines()[line - 1].strip())
            params = {"char": f"U+{ord(char):04X}", "name": unicodedata.name(char, "?").lower(), "text": snippet}
            problems.append(Problem(name, line, col, "invisible-character", params))
    return problems


def _joins_letters(text: str, index: int) -> bool:
    """ZWJ inside an emoji sequence and ZWNJ/ZWJ between letters (Persian, Arabic) are legitimate."""
    if text[index] not in "\u200c\u200d" or index == 0 or index + 1 >= len(text):
        return False
    before, after = text[index - 1], text[index + 1]
    if text[index] == "\u200d" and _is_emoji(before) and _is_emoji(after):
        return True
    return before.isalpha() and after.isalpha() and not (before.isascii() or after.isascii())


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So" or "\U0001f3fb" <= char <= "\U0001f3ff" or char == "\ufe0f"


def _line_col(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# libyaml's English problems, turned into the catalogue's codes (most common volunteer mistakes).
SYNTAX_CODES = [
    ("cannot start any token", "yaml-tab"),
    ("mapping values are not allowed", "yaml-colon"),
    ("could not find expected ':'", "yaml-colon"),
    ("did not find expected key", "yaml-indentation"),
    ("did not find expected '-' indicator", "yaml-indentation"),
    ("found unexpected end of stream", "yaml-quote"),
    ("found unknown escape character", "yaml-quote"),
    ("did not find expected node content", "yaml-unclosed"),
    ("did not find expected ',' or", "yaml-unclosed"),
]


def _library_limit(error: yaml.MarkedYAMLError) -> bool:
    """A refusal that comes from one of libyaml's own limits, not from the text's syntax."""
    return "maximum nesting depth" in (error.problem or "") or "maximum nesting depth" in (error.context or "")


def _syntax_problem(error: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = error.problem or "okänt fel"
    source = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
    if "\t" in source[: len(source) - len(source.lstrip())]:
        return Problem(name, line, col, "yaml-tab")
    for fragment, code in SYNTAX_CODES:
        if fragment in detail:
            return Problem(name, line, col, code)
    return Problem(name, line, col, "yaml-syntax", {"detail": detail})


class _Builder:
    """Builds dicts, lists and strings from parser events, recording positions on the way.

    One short function per kind of container, recursing only after the depth check: the depth
    is at most MAX_DEPTH, so the recursion is bounded however deep the text is nested. This
    reads each event once and was about twice as fast as one loop with an explicit stack."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[Path_, Position] = {}
        self.keys: dict[Path_, Position] = {}
        self.typed: set[Path_] = set()

    def refuse(self, event: yaml.Event, code: str, **params: object) -> Refused:
        mark = event.start_mark
        return Refused(Problem(self.name, mark.line + 1, mark.column + 1, code, params))

    def build(self, text: str, parser_class: type | None = None) -> Loaded:
        self.text = text
        parser_class = parser_class or Parser
        parser = parser_class(text)
        # get_event gives None after the end of the stream; a malformed text raises instead.
        self.next_event = parser.get_event
        try:
            root = self._tree()
        except yaml.MarkedYAMLError as error:
            if parser_class is not yaml.BaseLoader and _library_limit(error):
                # libyaml (from PyYAML 6.0.4) stops at a nesting limit of its own while it looks
                # ahead, before our depth check sees the events. The pure-Python parser has no
                # such limit, so the file gets the project's own problem on the same line.
                return _Builder(self.name).build(text, yaml.BaseLoader)
            raise Refused(_syntax_problem(error, self.name, text)) from None
        except yaml.YAMLError as error:  # pragma: no cover - unmarked reader errors
            raise Refused(Problem(self.name, 1, 1, "yaml-syntax", {"detail": str(error)})) from None
        finally:
            parser.dispose()
        return Loaded(self.name, root, self.values, self.keys, frozenset(self.typed))

    def _tree(self) -> dict[str, object]:
        root: object = None
        documents = 0
        for event in iter(self.next_event, None):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.refuse(event, "multiple-documents")
            elif kind in NODES:
                root = self._value(event, (), 0)
        if documents == 0 or root is None:
            raise Refused(Problem(self.name, 1, 1, "empty-file"))
        if not isinstance(root, dict):
            raise Refused(Problem(self.name, 1, 1, "not-a-mapping", {"found": _describe(root)}))
        return root

    def _value(self, event: yaml.Event, path: Path_, depth: int) -> object:
        """The value an event starts, inside `depth` open containers; containers are read to their end."""
        if event.anchor is not None or depth >= MAX_DEPTH or event.tag is not None:
            raise self._refusal(event, depth)
        mark = event.start_mark
        self.values[path] = (mark.line + 1, mark.column + 1)
        kind = type(event)
        if kind is yaml.ScalarEvent:
            value = event.value
            if not event.style:
                if value in NULLS:
                    return ""  # a plain empty, `~` or `null`: an empty value that the model reports
                if TYPED_PLAIN.match(value):
                    self.typed.add(path)
            elif event.style == '"':
                self._check_escapes(event, value)
            return value
        if kind is yaml.MappingStartEvent:
            return self._mapping(path, depth + 1)
        return self._sequence(path, depth + 1)

    def _check_escapes(self, event: yaml.Event, value: str) -> None:
        """A double-quoted escape ("\\0", "\\u202e") makes a character that the check of the file's
        text cannot see: one that is not in the text came from an escape and is refused here."""
        for match in CONTROL.finditer(value):
            if match.group() not in self.text:
                raise self.refuse(event, "control-character", char=f"U+{ord(match.group()):04X}")
        for match in INVISIBLE.finditer(value):
            char = match.group()
            if char not in self.text and not _joins_letters(value, match.start()):
                name = unicodedata.name(char, "?").lower()
                raise self.refuse(
                    event, "invisible-character", char=f"U+{ord(char):04X}", name=name, text=excerpt(value)
                )

    def _mapping(self, path: Path_, depth: int) -> dict[str, object]:
        mapping: dict[str, object] = {}
        next_event, keys = self.next_event, self.keys
        while type(event := next_event()) is not yaml.MappingEndEvent:
            if event.anchor is not None or depth >= MAX_DEPTH or event.tag is not None:
                raise self._refusal(event, depth)
            if type(event) is not yaml.ScalarEvent:
                raise self.refuse(event, "complex-key")
            key = event.value
            child = (*path, key)
            if key in mapping:
                raise self.refuse(event, "duplicate-key", key=key, other_line=keys[child][0])
            mark = event.start_mark
            keys[child] = (mark.line + 1, mark.column + 1)
            mapping[key] = self._value(next_event(), child, depth)
        return mapping

    def _sequence(self, path: Path_, depth: int) -> list[object]:
        items: list[object] = []
        next_event = self.next_event
        while type(event := next_event()) is not yaml.SequenceEndEvent:
            items.append(self._value(event, (*path, len(items)), depth))
        return items

    def _refusal(self, event: yaml.Event, depth: int) -> Refused:
        """Why a node is refused: an alias has an anchor too, so it is recognised first."""
        if type(event) is yaml.AliasEvent or event.anchor is not None:
            return self.refuse(event, "yaml-anchor")
        if event.tag is not None:
            return self.refuse(event, "yaml-tag", tag=event.tag)
        return self.refuse(event, "too-deep", limit=MAX_DEPTH)


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


class _LineReader:
    """Reads plain block YAML line by line into the same Loaded as _Builder, or gives None.

    Each line is parsed once into [line number, indentation, dash, key, value, value column];
    then mappings and sequences are read by their indentation, as the YAML scanner does. Any
    line that does not continue the structure exactly (a scalar continued on the next line, a
    bad indentation, a duplicate key) leaves lines unread or raises _NotPlain."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[Path_, Position] = {}
        self.keys: dict[Path_, Position] = {}
        self.typed: set[Path_] = set()

    def read(self, text: str) -> Loaded | None:
        try:
            if UNUSUAL.search(text):
                raise _NotPlain
            self.blocks: dict[int, str] = {}  # the text of each `|` block scalar, by its line
            self.lines, self.next = self._lines(text.split("\n")), 0
            root = self._root()
        except _NotPlain:
            return None
        return Loaded(self.name, root, self.values, self.keys, frozenset(self.typed))

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
        if value in NULLS:
            return ""  # a plain empty, `~` or `null`: an empty value that the model reports
        if value[0] in TYPED_START and TYPED_PLAIN.match(value):
            self.typed.add(path)
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


# The events that start a value (an alias would too, but is always refused).
NODES = frozenset({yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent})


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "fält"
    return f"texten '{value}'"
