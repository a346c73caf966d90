"""Records that may describe the same thing twice: warnings that name the other file.

A record is compared with the records it could be a copy of: the same type, and organisations
with meeting places (an association entered as a place), but never a place with the
organisations that host it (a place named after its association is normal). They look alike when
- their names are the same or nearly so after normalising (case, å/ä/ö and other accents,
  punctuation, word order and common words such as "förening", "i" and "örebro"); or, for
  organisations and places only (roles and collaborations share their organisation's contact),
- they have the same website (scheme, "www." and a trailing slash ignored), the same phone number
  (digits, +46 read as 0) or the same street address in the same city. Places with a host in
  common may share a website or phone number (their organisation's). A value that more than
  SHARED_LIMIT records have (a switchboard, an umbrella website, a generic name) is not a sign.
Volunteer roles are compared only within their organisation.
Both records get the warning, each naming the other, so a pull request shows it on the changed
file. Two records that are alike but different say so with `distinct_from: [other-id]`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import Protocol
from urllib.parse import urlsplit

from commonmap.records.model import Record
from commonmap.records.problems import Problem, field_name
from commonmap.records.types import RECORD_TYPES

COMMON_WORDS = frozenset(
    [
        "forening",
        "foreningen",
        "foreningar",
        "foreningarna",
        "ideell",
        "ideella",
        "ekonomisk",
        "i",
        "pa",
        "av",
        "for",
        "och",
        "med",
        "till",
        "hos",
        "vid",
        "den",
        "det",
        "de",
        "en",
        "ett",
        "the",
        "of",
        "and",
        "orebro",
        "orebros",
        "lan",
        "kommun",
        "kommuns",
        "ab",
    ]
)
COMMON_SUFFIXES = ("foreningarna", "foreningar", "foreningen", "forening")
SIMILAR = 0.85  # difflib ratio of two normalised names that counts as "nearly the same"
SIMILAR_MIN_LENGTH = 8  # shorter names must match exactly: "Abf" and "Afb" are not alike
SHARED_LIMIT = 4  # a value shared by more records than this is shared on purpose
BLOCK_PREFIX = 5  # words that begin with the same letters ("nattvandrarna", "nattvandrare")
BLOCK_LIMIT = 100  # a word shared by more records than this does not make them candidates
CONTACT_TYPES = tuple(type_.folder for type_ in RECORD_TYPES if type_.has_contact_details)
DIGITS = re.compile(r"\d+")
COMBINING = re.compile(r"[\u0300-\u036f]")  # accents once NFKD has split them from their letters
PUNCTUATION = re.compile(r"[\W_]+")


class Located(Protocol):
    """What is needed of a loaded file: its name and where a field is (loader.Loaded)."""

    file: str

    def position(self, path: tuple, *, key: bool = False) -> tuple[int, int]: ...


Item = tuple[Located, Record, str]  # the loaded file, its record, its type folder
Keys = tuple[str, str, str, str]  # what look-alike records share: see record_keys
CHECKS = [
    ("duplicate-name", ("name",)),
    ("duplicate-website", ("contact", "website")),
    ("duplicate-phone", ("contact", "phone")),
    ("duplicate-address", ("address", "street")),
]


def record_keys(record: Record, type_: str) -> Keys:
    """The normalised name, website, phone number and address (CHECKS' order; "" for none).
    `commonmap validate` makes them in its helper processes, with the other checks of a file."""
    return (
        name_key(record.name),
        _contact(record, type_, "website"),
        _contact(record, type_, "phone"),
        _address_key(record, type_),
    )


def duplicate_warnings(items: Iterable[Item], keys: list[Keys] | None = None) -> list[Problem]:
    """A warning on each of two records that look like the same thing (see the module doc)."""
    items = list(items)
    keys = keys if keys is not None else [record_keys(record, type_) for _, record, type_ in items]
    found: dict[tuple[int, int], tuple[str, tuple]] = {}
    for column, (code, field) in enumerate(CHECKS):
        groups: dict[str, list[int]] = defaultdict(list)
        for index, key in enumerate(keys):
            if key[column]:
                groups[key[column]].append(index)
        for members in groups.values():
            if len(members) > SHARED_LIMIT:
                continue  # a switchboard, an umbrella website, a generic name: shared, not copied
            for a, b in combinations(members, 2):
                if (a, b) not in found and _comparable(items[a], items[b], code):
                    found[(a, b)] = (code, field)
    for a, b in _similar_names(items, [key[0] for key in keys]):
        if (a, b) not in found:
            found[(a, b)] = ("duplicate-name", ("name",))
    problems = []
    for (a, b), (code, field) in sorted(found.items()):
        problems.append(_warning(items[a], items[b], code, field))
        problems.append(_warning(items[b], items[a], code, field))
    return problems


def _contact(record: Record, type_: str, field: str) -> str:
    if type_ not in CONTACT_TYPES or record.contact is None:
        return ""
    value = getattr(record.contact, field)
    if not value:
        return ""
    return website_key(value) if field == "website" else phone_key(value)


def _address_key(record: Record, type_: str) -> str:
    address = record.own_address if type_ in CONTACT_TYPES else None
    if address is None:
        return ""
    return f"{_plain(address.street)}|{_plain(address.city)}"


def _comparable(first: Item, second: Item, code: str) -> bool:
    (_, a, type_a), (_, b, type_b) = first, second
    if b.id in a.distinct_from or a.id in b.distinct_from:
        return False
    if type_a != type_b and {type_a, type_b} != set(CONTACT_TYPES):
        return False
    if type_a != type_b:  # an organisation and a place: unless the organisation hosts the place
        place, organisation = (a, b) if type_a == "places" else (b, a)
        return organisation.id not in place.hosts
    if type_a == "places" and code in ("duplicate-website", "duplicate-phone"):
        return not set(a.hosts) & set(b.hosts)
    if type_a == "roles":  # "Läxhjälpare" at two associations are two roles
        return a.organisation == b.organisation
    return True


def _warning(item: Item, other: Item, code: str, field: tuple) -> Problem:
    loaded, record, _ = item
    line, col = loaded.position(field)
    value = _value(record, field)
    params = {"field": field_name(field), "value": value, "other": other[0].file}
    params |= {"other_name": other[1].name, "other_id": other[1].id}
    return Problem(loaded.file, line, col, code, params)


def _value(record: Record, field: tuple) -> str:
    value: object = record
    for step in field:
        value = getattr(value, step)
    return str(value)


def _similar_names(items: list[Item], keys: list[str]) -> Iterator[tuple[int, int]]:
    """Pairs (a < b) with nearly the same normalised name, compared only within blocks of records
    with a word that begins alike, so that 10,000 records do not make 50 million comparisons."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        for stem in {word[:BLOCK_PREFIX] for word in key.split() if not word.isdigit()}:
            blocks[stem].append(index)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > BLOCK_LIMIT:
            continue
        for a, b in combinations(members, 2):
            if (a, b) in seen or keys[a] == keys[b]:
                continue
            seen.add((a, b))
            if _comparable(items[a], items[b], "duplicate-name") and similar(keys[a], keys[b]):
                yield a, b


def similar(first: str, second: str) -> bool:
    """Nearly the same name keys: long enough, the same numbers ("Område 1" is not "Område 2")."""
    shorter, total = min(len(first), len(second)), len(first) + len(second)
    if shorter < SIMILAR_MIN_LENGTH or 2 * shorter < SIMILAR * total:
        return False
    if DIGITS.findall(first) != DIGITS.findall(second):
        return False
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _plain(text: str) -> str:
    """Lower case, without accents (å→a, ö→o, é→e), punctuation as spaces, spaces collapsed.
    Letters of other scripts (Arabic, Tigrinya) are kept."""
    letters = COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return " ".join(PUNCTUATION.sub(" ", letters).split())


def name_key(name: str) -> str:
    """The name's words without common words, sorted: "Folkets hus i Vintrosa" and "Vintrosa
    Folkets hus" have the same key. A name of only common words keeps them all."""
    words = [_without_suffix(word) for word in _plain(name).split()]
    kept = [word for word in words if word not in COMMON_WORDS] or words
    return " ".join(sorted(set(kept)))


def _without_suffix(word: str) -> str:
    """A compound with förening is the same name without it: "fotbollsförening" → "fotboll"."""
    for suffix in COMMON_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word.removesuffix(suffix).removesuffix("s")
    return word


def website_key(url: str) -> str:
    """Host without "www." and path without a trailing slash; scheme, query and case ignored."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return host + parts.path.rstrip("/").casefold()


def phone_key(number: str) -> str:
    """The digits, with the country code +46 (or 0046) read as the 0 of a Swedish number, so
    "019-21 10 00" equals "+46 19 21 10 00"."""
    digits = "".join(c for c in number if c.isdigit())
    if number.lstrip().startswith("+46"):
        return "0" + digits[2:]
    if digits.startswith("0046"):
        return "0" + digits[4:]
    return digits
