"""International domain names: checked in their ASCII (punycode) form, and flagged when a label
mixes scripts, the usual disguise of a look-alike domain ("оrebro.se" with a Cyrillic о)."""

from __future__ import annotations

import unicodedata

import idna

# Scripts that are written together in one word (Japanese; Korean with Han characters).
TOGETHER = ({"CJK", "HIRAGANA", "KATAKANA"}, {"CJK", "HANGUL"})


def is_international(host: str) -> bool:
    return not host.isascii() or "xn--" in host.lower()


def to_ascii(host: str) -> str:
    """The punycode form of a host name (UTS 46 mapping, IDNA 2008 rules); ValueError if invalid."""
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as error:
        raise ValueError(str(error)) from None


def mixed_scripts(host: str) -> tuple[str, ...]:
    """The scripts of the first label of `host` that mixes scripts, or () when none does."""
    try:
        labels = idna.decode(to_ascii(host)).split(".")
    except (ValueError, idna.IDNAError, UnicodeError):
        return ()
    for label in labels:
        scripts = {unicodedata.name(char, "?").split(" ")[0] for char in label if char.isalpha()}
        if len(scripts) > 1 and not any(scripts <= together for together in TOGETHER):
            return tuple(sorted(scripts))
    return ()
