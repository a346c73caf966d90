"""Swedish words for search: folding, tokens, stems, stop words and compound parts.

assets/search/search.js implements the same tokens and stems for the query (the manifest carries
the stop words and the folding table from here); tests/test_search_rules.py checks in Chromium
that both sides agree on every word of the sample directory.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# Accented Latin letters a resident may or may not type; å, ä and ö are letters of their own.
FOLD = {
    **dict.fromkeys("áàâãā", "a"),
    **dict.fromkeys("éèêëē", "e"),
    **dict.fromkeys("íìîïī", "i"),
    **dict.fromkeys("óòôõō", "o"),
    **dict.fromkeys("úùûüū", "u"),
    "ç": "c",
    "ñ": "n",
    "ý": "y",
    "ÿ": "y",
    "æ": "ä",
    "ø": "ö",
}
# Function words that say nothing about what is sought (after Snowball's Swedish stop list,
# shortened to the words that never carry the meaning of a search here).
STOP_WORDS = frozenset(
    """och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från
    ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt
    mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några
    deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka
    ditt vem vilket sådana vart dina vars vårt våra ert era""".split()  # noqa: SIM905  # read as prose
)
KEPT_SUFFIXES = ("lig", "ig", "els")
MIN_LEFT = 3  # the first part of a compound ("läx" in läxhjälp)
MIN_RIGHT = 4  # the last part ("café" in språkcafé)
_WORD = re.compile(r"[^\W_]+")
_STEMMER = snowballstemmer.stemmer("swedish")
_FOLD_TABLE = str.maketrans(FOLD)


def fold(text: str) -> str:
    """Lower case, composed characters, accents other than å, ä and ö taken off."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD_TABLE)


def tokens(text: str) -> list[str]:
    """The folded words of a text: runs of letters and digits."""
    return _WORD.findall(fold(text))


def lower_words(text: str) -> list[str]:
    """The same words in lower case but with their accents, as a result shows them ("café")."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball's Swedish stem with these changes. It is taken once more when it still ends in s
    or e: Snowball drops the s of "mötesplats" (→ mötesplat) but keeps it in "mötesplatser" (→
    mötesplats), and the e of "café" but not of "caféer", so a noun and its plural would not meet. The definite form of a word in -é loses
    its -et first ("caféet" → "café"), which Snowball leaves whole. And the derivational endings -lig, -ig
    and -els stay: Snowball makes "tidigare" "tid" and "farligt" "far", which would find
    unrelated words ("tid" in "tidigare")."""
    base = _STEMMER.stemWord(word[:-2] if word.endswith("eet") else word)
    if base.endswith(("s", "e")):
        base = _STEMMER.stemWord(base)
    for suffix in KEPT_SUFFIXES:
        if word.startswith(base + suffix):
            return base + suffix
    return base


class Compounds:
    """Splits compounds into parts that are words of the directory itself: "språkcafé" into
    "språk" and "café" when both occur alone somewhere (or as another form of the same stem). A
    part must be at least MIN_LEFT / MIN_RIGHT letters and never a stop word, so that a short word
    is not found inside an unrelated longer one ("ung" in "ungefär")."""

    def __init__(self, words: Iterable[str]) -> None:
        known = {w for w in words if len(w) >= MIN_LEFT and w not in STOP_WORDS and not w.isdigit()}
        self.stems = {stem(w) for w in known} | known
        self._cache: dict[str, tuple[str, ...]] = {}

    def parts(self, word: str) -> tuple[str, ...]:
        """Every part of `word` (nested parts too), or () when it is not a compound."""
        if word not in self._cache:
            self._cache[word] = self._split(word)
        return self._cache[word]

    def _split(self, word: str) -> tuple[str, ...]:
        for cut in range(len(word) - MIN_RIGHT, MIN_LEFT - 1, -1):  # the longest first part first
            left, right = word[:cut], word[cut:]
            base = self._known_left(left)
            rest = self.parts(right) if base is not None else ()
            if base is None or not (rest or self._known(right)):
                continue
            found = [base, *self.parts(base), *([right] if self._known(right) else []), *rest]
            return tuple(dict.fromkeys(found))
        return ()

    def _known(self, part: str) -> bool:
        return part in self.stems or stem(part) in self.stems

    def _known_left(self, left: str) -> str | None:
        """The word a compound's first part stands for, allowing the linking s ("arbets-")."""
        if self._known(left):
            return left
        if left.endswith("s") and len(left) > MIN_LEFT and self._known(left[:-1]):
            return left[:-1]
        return None
