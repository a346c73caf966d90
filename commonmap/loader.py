"""Strict YAML reading: bytes in, plain data with every position kept, or problems.

The tree is built from libyaml's event stream rather than by a YAML constructor, so that
- every scalar stays the exact string that was typed (no YAML 1.1 surprises: 0701234567,
  21:00 and `no` stay strings; the model types them afterwards);
- anchors, aliases, tags, duplicate keys and several documents are refused with a position;
- nesting depth is bounded before any recursion happens (libyaml's C composer is recursive and
  can crash the process on deeply nested input; its parser and our loop are not).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

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
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional controls and zero-width characters: invisible, and able to disguise text.
INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff\u00ad\u180e]")

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


def load_file(path: Path, name: str | None = None) -> tuple[Loaded | None, list[Problem]]:
    name = name or str(path)
    return load_bytes(path.read_bytes(), name)


def load_bytes(raw: bytes, name: str) -> tuple[Loaded | None, list[Problem]]:
    try:
        text = _decode(raw, name)
        problems = _character_problems(text, name)
        loaded = _Builder(name).build(text)
    except Refused as refused:
        return None, [refused.problem]
    return loaded, problems


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_BYTES:
        raise Refused(Problem(name, 1, 1, "file-too-large", {"size": len(raw), "limit": MAX_BYTES}))
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
            snippet = _visible(text.splitlines()[line - 1].strip())[:80]
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


def _visible(snippet: str) -> str:
    return INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", snippet)


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
    """Builds dicts, lists and strings from parser events, recording positions on the way."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.values: dict[Path_, Position] = {}
        self.keys: dict[Path_, Position] = {}
        self.typed: set[Path_] = set()

    def refuse(self, event: yaml.Event, code: str, **params: object) -> Refused:
        mark = event.start_mark
        return Refused(Problem(self.name, mark.line + 1, mark.column + 1, code, params))

    def build(self, text: str) -> Loaded:
        parser = Parser(text)
        try:
            root = self._tree(parser)
        except yaml.MarkedYAMLError as error:
            raise Refused(_syntax_problem(error, self.name, text)) from None
        except yaml.YAMLError as error:  # pragma: no cover - unmarked reader errors
            raise Refused(Problem(self.name, 1, 1, "yaml-syntax", {"detail": str(error)})) from None
        finally:
            parser.dispose()
        return Loaded(self.name, root, self.values, self.keys, frozenset(self.typed))

    def _tree(self, parser: Parser) -> dict[str, object]:
        root: object = None
        documents = 0
        stack: list[list] = []  # open containers: [container, its path, pending mapping key or None]
        while parser.check_event():
            event = parser.get_event()
            kind = type(event)
            if kind in CLOSERS:
                stack.pop()
                continue
            if kind not in NODES:
                if kind is yaml.AliasEvent:
                    raise self.refuse(event, "yaml-anchor")
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise self.refuse(event, "multiple-documents")
                continue
            if event.anchor is not None:
                raise self.refuse(event, "yaml-anchor")
            if event.tag is not None:
                raise self.refuse(event, "yaml-tag", tag=event.tag)
            if len(stack) >= MAX_DEPTH:
                raise self.refuse(event, "too-deep", limit=MAX_DEPTH)
            mark = event.start_mark
            position = (mark.line + 1, mark.column + 1)
            value = {} if kind is yaml.MappingStartEvent else [] if kind is yaml.SequenceStartEvent else _scalar(event)
            if not stack:
                root, path = value, ()
            else:
                frame = stack[-1]
                container = frame[0]
                if type(container) is list:
                    path = (*frame[1], len(container))
                    container.append(value)
                elif frame[2] is None:
                    self._take_key(event, frame, position)
                    continue
                else:
                    path = (*frame[1], frame[2])
                    container[frame[2]] = value
                    frame[2] = None
            self.values[path] = position
            if kind is not yaml.ScalarEvent:
                stack.append([value, path, None])
            elif not event.style and TYPED_PLAIN.match(value):
                self.typed.add(path)
        if documents == 0 or root is None:
            raise Refused(Problem(self.name, 1, 1, "empty-file"))
        if not isinstance(root, dict):
            raise Refused(Problem(self.name, 1, 1, "not-a-mapping", {"found": _describe(root)}))
        return root

    def _take_key(self, event: yaml.Event, frame: list, position: Position) -> None:
        if type(event) is not yaml.ScalarEvent:
            raise self.refuse(event, "complex-key")
        mapping, path, _ = frame
        key = event.value
        if key in mapping:
            raise self.refuse(event, "duplicate-key", key=key, other_line=self.keys[(*path, key)][0])
        self.keys[(*path, key)] = position
        frame[2] = key


NODES = frozenset({yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent})
CLOSERS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})


def _scalar(event: yaml.ScalarEvent) -> str:
    """The typed string; a plain empty, `~` or `null` is an empty value that the model reports."""
    return "" if not event.style and event.value in NULLS else event.value


def _describe(value: object) -> str:
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "fält"
    return f"texten '{value}'"
