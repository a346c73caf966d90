"""A problem found in the directory: where it is, its stable code and the values of its message;
its severity is the catalogue's for the code (messages.severity)."""

from __future__ import annotations

from dataclasses import dataclass, field

from commonmap.records import messages
from commonmap.records.messages import Severity


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    col: int
    code: str
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    # Left out, the catalogue's; given only where one code is an error in one place and a warning
    # in another (inputs._hidden).
    severity: Severity | None = None

    def __post_init__(self) -> None:
        if self.severity is None:
            object.__setattr__(self, "severity", messages.severity(self.code))  # frozen: set once, here

    @property
    def message(self) -> str:
        return messages.message(self.code, self.params)

    @property
    def hint(self) -> str:
        return messages.hint(self.code, self.params)

    def format(self) -> str:
        """The `FILE:LINE:COL: error: MESSAGE` form of compilers and linters."""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message} Tips: {self.hint}"

    def format_github(self) -> str:
        """A GitHub Actions annotation, so the problem shows on the line in a pull request."""
        text = f"{self.message} Tips: {self.hint}"
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        title = self.code.replace(",", "%2C").replace("::", "%3A%3A")
        path = self.file.replace(",", "%2C").replace(":", "%3A")
        return f"::{self.severity} file={path},line={self.line},col={self.col},title={title}::{text}"


def field_name(path: tuple) -> str:
    """The field a path leads to as messages name it: `contact.phone`, `opening_hours.closes`
    (list positions left out: the line says which item)."""
    return ".".join(step for step in path if isinstance(step, str))


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def found_as(value: object, mapping: str, text: str = "'{}'") -> str:
    """A value found where another was expected, as a message names it: a list, a mapping (in
    its format's word for one) or the value itself."""
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return mapping
    return text.format(value)
