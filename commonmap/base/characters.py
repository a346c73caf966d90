"""Characters that must not pass unseen: control characters and invisible ones (bidirectional
controls, zero-width characters), and the short, visible excerpts that messages print."""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional controls and zero-width characters: invisible, and able to disguise text.
INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff\u00ad\u180e]")
# What a message may not print as it stands: the above, line breaks, tabs and lone surrogates.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff\u00ad\u180e\u2028\u2029\ud800-\udfff]"
)
EXCERPT = 80  # characters of a value that a message quotes


def visible(text: str) -> str:
    """`text` with every character in UNSAFE written as <U+XXXX>."""
    return UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text) if UNSAFE.search(text) else text


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """At most `limit` characters of `text`, made visible, with … where it was cut."""
    cut = text[:limit] + "…" if len(text) > limit else text
    return visible(cut)
