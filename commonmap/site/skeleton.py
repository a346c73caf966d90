"""A theme's page as a skeleton (issue 24): pages alike but for a few values (the records of one
folder: their title, description, address, body) are rendered once with a placeholder for each
value, and every other page is that output with its own values put back, by joining strings
instead of running the theme's templates again.

Engine-neutral: the caller renders and says which values differ. A placeholder that comes out in
a form other than as it went in or HTML-escaped (cut, encoded, tested in a way that changes the
output) makes no skeleton, and the caller renders such pages in full.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import escape

# Control characters never stand in a theme's output; the characters between them show whether
# the template escaped the value.
START, END, PROBE = "\x02", "\x03", "<&'\">"
LEFT = (START, END, "%02", "%03")  # a placeholder left over, as it is or URL-encoded


def placeholder(name: str, inside: str = "") -> str:
    """What stands for the value `name` (`inside` for what a template may test the value for)."""
    return f"{START}{name}{inside}{PROBE}{END}"


FORMS: dict[str, Callable[[str], str]] = {"raw": str, "escaped": lambda value: str(escape(value))}


@dataclass(frozen=True)
class Skeleton:
    parts: tuple[str, ...]  # the text between the slots, one more than the slots
    slots: tuple[tuple[str, str], ...]  # (value's name, form) of each slot, in order

    def fill(self, values: Mapping[str, str]) -> str:
        pieces = [self.parts[0]]
        for (name, form), part in zip(self.slots, self.parts[1:], strict=True):
            pieces += (FORMS[form](values[name]), part)
        return "".join(pieces)


def skeleton(output: str, placeholders: Mapping[str, str]) -> Skeleton | None:
    """The skeleton of `output`, rendered with placeholders {name: placeholder}; None when a
    placeholder is found in no form it can fill."""
    found = sorted(
        (start, name, form, len(shape))
        for name, text in placeholders.items()
        for form, shape in ((form, make(text)) for form, make in FORMS.items())
        for start in _positions(output, shape)
    )
    parts, slots, at = [], [], 0
    for start, name, form, length in found:
        if start < at:
            return None
        parts.append(output[at:start])
        slots.append((name, form))
        at = start + length
    parts.append(output[at:])
    if any(mark in part for part in parts for mark in LEFT):
        return None
    return Skeleton(tuple(parts), tuple(slots))


def _positions(text: str, shape: str) -> list[int]:
    found, at = [], text.find(shape)
    while at >= 0:
        found.append(at)
        at = text.find(shape, at + len(shape))
    return found
