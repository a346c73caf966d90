"""Strict YAML reading: bytes in, plain data with every position kept, or problems.

The precise path builds the tree from libyaml's event stream rather than by a YAML constructor,
so that
- every scalar stays the exact string that was typed (no YAML 1.1 surprises: 0701234567,
  21:00 and `no` stay strings; the model types them afterwards);
- anchors, aliases, tags, complex keys and several documents are refused with a position (YAML
  the directory does not use: the reading stops there, and the message says so), while a
  repeated key is reported and the reading goes on, so that the rest of the file is checked;
- unquoted values that another YAML reader would type are marked with their kind (PLAIN_KINDS),
  and a list item indented differently from the one above, which YAML silently joins to it,
  is reported on its line;
- nesting depth is bounded before any recursion happens (libyaml's C composer is recursive and
  can crash the process on deeply nested input; its parser and our loop are not).

A fast path (linereader.py) reads the plain block YAML that records are written in (`key: value`,
`- item`, `[a, b]`, quoted strings without escapes) line by line, about twice as fast as the
events. It accepts only text whose meaning it knows for certain and hands everything else,
including every file with a problem, to the precise path; tests/test_loader_paths.py proves both
agree. What both give is loaded.Loaded.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

from commonmap.base.characters import CONTROL, INVISIBLE, excerpt
from commonmap.records.inputs import read_regular
from commonmap.records.linereader import LineReader
from commonmap.records.loaded import MAX_DEPTH, Loaded, Path_, Position, plain_kind
from commonmap.records.problems import Problem, field_name, found_as

# libyaml is about ten times faster; the pure-Python parser gives the same events. Only the
# loaders' event interface is used (check_event/get_event), never their constructors.
Parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_BYTES = 256 * 1024


class Refused(Exception):
    """Internal: stops reading a file at a problem after which it cannot be read on (its syntax, its
    encoding, a bound); every other problem is collected and the reading goes on."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def load_file(path: str | Path, name: str | None = None, limit: int = MAX_BYTES) -> tuple[Loaded | None, list[Problem]]:
    """A regular file of at most `limit` bytes, read safely (inputs.read_regular), then loaded.
    A file that cannot be read safely is refused, and its problem says the rest was not checked."""
    name = name or str(path)
    raw, refused = read_regular(str(path), name, limit)
    if raw is None:
        return None, [_stopped(refused)]
    return load_bytes(raw, name, limit)


def load_bytes(raw: bytes, name: str, limit: int = MAX_BYTES) -> tuple[Loaded | None, list[Problem]]:
    try:
        text = decode(raw, name, limit)
        problems = _character_problems(text, name)
        # Most records are plain block YAML that the fast reader understands; anything else, and
        # every file with a structural problem, takes the precise path that knows all of YAML.
        loaded = LineReader(name).read(text)
        if loaded is None:
            builder = _Builder(name)
            loaded = builder.build(text)
            problems += builder.problems
    except Refused as refused:
        return None, [_stopped(refused.problem)]
    return loaded, problems


def _stopped(problem: Problem) -> Problem:
    """The problem that stopped the reading; its message says the rest of the file was not
    checked (messages.STOPPED)."""
    return Problem(problem.file, problem.line, problem.col, problem.code, {**problem.params, "stopped": True})


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
            if code == "yaml-indentation" and source.lstrip(" ").startswith("-"):
                code = "yaml-list-item"  # a list item further left than the list it belongs to
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
        self.typed: dict[Path_, str] = {}
        self.problems: list[Problem] = []  # what does not stop the reading (duplicate keys, tags, ...)
        self.explained: set[Path_] = set()

    def problem(self, event: yaml.Event, code: str, **params: object) -> Problem:
        mark = event.start_mark
        return Problem(self.name, mark.line + 1, mark.column + 1, code, params)

    def refuse(self, event: yaml.Event, code: str, **params: object) -> Refused:
        return Refused(self.problem(event, code, **params))

    def report(self, event: yaml.Event, path: Path_, code: str, **params: object) -> None:
        """A problem after which the file is read on."""
        self.problems.append(self.problem(event, code, field=field_name(path), **params))

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
                self.__init__(self.name)
                return self.build(text, yaml.BaseLoader)
            raise Refused(_syntax_problem(error, self.name, text)) from None
        except yaml.YAMLError as error:  # pragma: no cover - unmarked reader errors
            raise Refused(Problem(self.name, 1, 1, "yaml-syntax", {"detail": str(error)})) from None
        finally:
            parser.dispose()
        return Loaded(self.name, root, self.values, self.keys, self.typed, frozenset(self.explained))

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
            raise Refused(Problem(self.name, 1, 1, "not-a-mapping", {"found": found_as(root, "fält", "texten '{}'")}))
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
                typed_as = plain_kind(value)
                if typed_as is not None:
                    self.typed[path] = typed_as
                if event.end_mark.line > mark.line:
                    self._folded(event, path)
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

    def _folded(self, event: yaml.Event, path: Path_) -> None:
        """A plain value that goes on over several lines, with a line in it that starts with '- ':
        a list item indented more than the one above it, read as part of that item's text."""
        lines = self.text.split("\n")[event.start_mark.line + 1 : event.end_mark.line + 1]
        for offset, line in enumerate(lines, event.start_mark.line + 2):
            stripped = line.lstrip(" ")
            if stripped == "-" or stripped.startswith("- "):
                params = {"field": field_name(path), "value": event.value}
                column = len(line) - len(stripped) + 1
                self.problems.append(Problem(self.name, offset, column, "list-item-indentation", params))
                self.explained.add(path)
                return

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
            mark = event.start_mark
            if key in mapping:
                # Reported, and read on: the first value counts, the second is read past.
                self.report(event, child, "duplicate-key", key=key, other_line=keys[child][0])
                self._skip(next_event())
                continue
            keys[child] = (mark.line + 1, mark.column + 1)
            mapping[key] = self._value(next_event(), child, depth)
        return mapping

    def _skip(self, event: yaml.Event) -> None:
        """Reads past one node without keeping it (a repeated key's value), however deep it is:
        no recursion, and anchors, aliases and tags in it are refused as anywhere else."""
        open_ = 0
        while True:
            kind = type(event)
            if kind in NODES and (event.anchor is not None or getattr(event, "tag", None) is not None):
                raise self._refusal(event, 0)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                open_ += 1
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                open_ -= 1
            if open_ == 0:
                return
            event = self.next_event()

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


# The events that start a value (an alias would too, but is always refused).
NODES = frozenset({yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent})
