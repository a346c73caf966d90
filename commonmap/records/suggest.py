"""Suggestions in messages: "did you mean", and the id of a category or area written by its name."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

# How a name becomes an id: å, ä and ö as a, a and o, every other run of non-letters a hyphen.
NOT_ID = re.compile(r"[^a-z0-9]+")


def suggest(value: str, known: Iterable[str]) -> str:
    """ " Menade du 'x'?" for the closest known value, or ""."""
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" Menade du '{close[0]}'?" if close else ""


def as_id(name: str) -> str:
    """'Barn och unga' → 'barn-och-unga', 'Örebro' → 'orebro' (the guide's rule for ids)."""
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return NOT_ID.sub("-", plain).strip("-")


def vocabulary_id(value: str, labels: dict[str, str]) -> str | None:
    """The id of the vocabulary entry (id → label) that `value` names by its label rather than
    its id: written as the label ('Barn och unga', 'vivalla' for 'Vivalla' aside) or as the
    label's id form. None when it names none."""
    folded = value.strip().casefold()
    for id_, label in labels.items():
        if label.casefold() == folded:
            return id_
    candidate = as_id(value)
    return candidate if candidate in labels and candidate != value else None
