"""Strict JSON reading for the areas file: plain data or a located problem, and the line and
column of any value found again in the text when a problem needs it.

Python's json module keeps no positions. Problems are rare, so positions are not kept while
parsing: `position` walks the text to the value when one is asked for, decoding only the
values it steps over.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from commonmap.records.loader import Refused, decode
from commonmap.records.problems import Problem

SPACE = re.compile(r"[ \t\n\r]*")
NON_FINITE = re.compile(r"[\[:,]\s*(-?Infinity|NaN)\b")
DEPTH_LIMIT = 64  # far deeper than a MultiPolygon (7 levels with the collection around it)
# Python's messages, in Swedish (their position is given separately).
SYNTAX = {
    "Expecting ',' delimiter": "ett kommatecken saknas",
    "Expecting ':' delimiter": "ett kolon saknas efter ett fältnamn",
    "Expecting property name enclosed in double quotes": "här ska ett fältnamn inom dubbla citattecken stå (ofta ett kommatecken för mycket)",
    "Expecting value": "ett värde saknas",
    "Unterminated string starting at": 'en text är inte avslutad med "',
    "Invalid control character at": "ett styrtecken i en text",
    "Invalid \\escape": "en ogiltig \\-kod i en text",
    "Extra data": "text efter JSON-dokumentets slut",
}
Path_ = tuple[str | int, ...]


class Members(dict):
    """A JSON object; `repeated` names a key that occurs twice (json keeps only the last)."""

    repeated: str | None = None


def _members(pairs: list[tuple[str, object]]) -> Members:
    found = Members(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        found.repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
    return found


# Every number is read as a float: coordinates are compared as floats anyway, and int() refuses
# a number of thousands of digits, where float() gives infinity (which the checks refuse).
SKIPPER = json.JSONDecoder(parse_int=float)  # steps over values in `position`


def load(raw: bytes, name: str, limit: int) -> tuple[object, str | None, Problem | None]:
    """(data, text, None) or (None, None, problem)."""
    try:
        text = decode(raw, name, limit)
    except Refused as refused:
        return None, None, refused.problem
    try:
        return json.loads(text, object_pairs_hook=_members, parse_int=float, parse_constant=_constant), text, None
    except json.JSONDecodeError as error:
        detail = next((sv for en, sv in SYNTAX.items() if error.msg.startswith(en)), "okänt fel")
        return None, None, Problem(name, error.lineno, error.colno, "json-syntax", {"detail": detail})
    except ValueError:  # NaN or Infinity, from _constant
        match = NON_FINITE.search(text)
        line, col = line_col(text, match.start(1) if match else 0)
        return None, None, Problem(name, line, col, "json-not-finite", {})
    except RecursionError:
        line, col = line_col(text, _too_deep_at(text))
        return None, None, Problem(name, line, col, "too-deep", {"limit": DEPTH_LIMIT})


def _constant(name: str) -> float:
    raise ValueError(name)


def _too_deep_at(text: str) -> int:
    """Where brackets first nest deeper than DEPTH_LIMIT (strings skipped)."""
    depth = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > DEPTH_LIMIT:
                return match.start()
        elif token in "]}":
            depth -= 1
    return 0


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class Locator:
    """Finds values again in a JSON text; the members of each container are listed once, so that
    many problems in a large file cost one pass over it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.members: dict[int, list[tuple[str | int, int, int]]] = {}

    def position(self, path: Path_, *, key: bool = False, occurrence: int = -1) -> tuple[int, int]:
        """Line and column of the value at `path` (of its key with key=True; of the given
        occurrence of a repeated key), or of the deepest part of the path that exists."""
        offset = SPACE.match(self.text, 0).end()
        for depth, step in enumerate(path):
            if offset not in self.members:
                self.members[offset] = list(_children(self.text, offset))
            found = [member for member in self.members[offset] if member[0] == step]
            if not found:
                break
            last = depth == len(path) - 1
            step_key, value = found[occurrence if last else -1][1:]
            offset = step_key if last and key else value
        return line_col(self.text, offset)


def _children(text: str, offset: int) -> Iterator[tuple[str | int, int, int]]:
    """(key or index, offset of the key, offset of the value) of each member of the object or
    array at `offset`."""
    opener = text[offset : offset + 1]
    if opener not in ("{", "["):
        return
    closer, index = ("}" if opener == "{" else "]"), 0
    at = SPACE.match(text, offset + 1).end()
    while at < len(text) and text[at] != closer:
        start = at
        if opener == "{":
            step, at = json.decoder.scanstring(text, at + 1)
            at = SPACE.match(text, at).end() + 1  # the colon
            at = SPACE.match(text, at).end()
        else:
            step, index = index, index + 1
        yield step, start, at
        at = SPACE.match(text, SKIPPER.raw_decode(text, at)[1]).end()
        if text[at : at + 1] == ",":
            at = SPACE.match(text, at + 1).end()
