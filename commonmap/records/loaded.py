"""What the loader gives: a file's data, the position of every value, and which unquoted values
another YAML reader would read as something other than text (the one rule for unquoted values).

Shared by the two readers of loader.py (the precise event path and linereader.py's fast path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DEPTH = 12
# The one rule for unquoted values: a plain (unquoted) scalar that some common YAML reader turns
# into something other than text, by what it becomes. YAML 1.2 readers (editors, check-jsonschema)
# and YAML 1.1 readers (PyYAML, go-yaml v2) differ, so both sets count: numbers with 0x, 0o, 0b
# and underscores, yes/no/on/off/y/n as booleans, base-60 numbers (21:00 is 1260 to PyYAML; every
# HH:MM counts, so that all times are written alike), ISO dates and timestamps, and ~ / null. We
# keep each as the string typed; validate makes it an error where the field expects text
# (content/bidra.md, "Citattecken"), and commonmap.records.yamltext quotes exactly these when writing.
# Each pattern is also valid JavaScript (the contributor's form writes YAML by the same rule).
PLAIN_KINDS: tuple[tuple[str, str], ...] = (
    ("null", r"^(~|null|Null|NULL)$"),
    ("boolean", r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
    ("time", r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"),
    (
        "date",
        r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
        r"(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)$",
    ),
    (
        "number",
        r"^([-+]?(0b[01_]+|0o[0-7]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?"
        r"|\.[0-9][0-9_]*([eE][-+]?[0-9]+)?|\.(inf|Inf|INF))|\.(nan|NaN|NAN))$",
    ),
)
TYPED_PLAIN = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in PLAIN_KINDS))
TYPED_START = frozenset("0123456789+-.~nNyYtTfFoO")  # how every TYPED_PLAIN match begins


def plain_kind(value: str) -> str | None:
    """What another YAML reader makes of `value` written without quotes, or None for text."""
    if not value or value[0] not in TYPED_START:
        return None
    match = TYPED_PLAIN.match(value)
    return match.lastgroup if match else None


Path_ = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass(frozen=True)
class Loaded:
    """A file's data with the position of every value (and of every mapping key)."""

    file: str
    data: dict[str, object]
    values: dict[Path_, Position]
    keys: dict[Path_, Position]
    typed: dict[Path_, str]  # unquoted values another YAML reader reads as something else: path → plain_kind
    explained: frozenset[Path_] = frozenset()  # values the loader has reported a problem with already

    def position(self, path: Path_, *, key: bool = False) -> Position:
        """The closest known position of a path: a missing field points at its parent."""
        table = self.keys if key else self.values
        while path not in table and path:
            path = path[:-1]
            table = self.values
        return table.get(path, (1, 1))
