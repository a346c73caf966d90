"""Checks of single values, used by the model's fields.

Each check raises a PydanticCustomError whose type is a code of the message catalogue, so a
pydantic error turns into a Problem without guessing. Checks never rewrite a value.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache
from urllib.parse import SplitResult, urlsplit

import phonenumbers
from babel import Locale
from email_validator import EmailNotValidError, validate_email
from phonenumbers import shortnumberinfo
from pydantic_core import PydanticCustomError

from commonmap.base.languages import TRANSLATED
from commonmap.base.words import tokens
from commonmap.records import domains

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX = 64
# Bounds of texts: a line of text (a name, a list item, a note) and a Markdown description.
TEXT_MAX, NAME_MAX, MARKDOWN_MAX = 1_000, 200, 20_000
TERM_MAX = 100  # a category or area id, or the label written for it
IDNA_REASON = "tecknen följer inte reglerna för internationella domännamn (IDNA 2008)"
RESERVED_IDS = frozenset({"index", "assets", "data", "search", "sitemap", "404", "new", "edit"})
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
YEAR = re.compile(r"^\d{4}$")
# Text that a reader would take for a web address: it must then be one, with https.
URL_LIKE = re.compile(r"^\s*([a-z][a-z0-9+.-]*://|www\.)", re.IGNORECASE)
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
COLOR = re.compile(r"^#[0-9a-f]{6}$")
DEGREES = re.compile(r"^-?\d{1,3}(\.\d+)?$")
PHONE_CHARS = re.compile(r"^\+?[\d \-()]+$")
DECIMAL_COMMA = re.compile(r"^-?\d{1,3},\d+$")
# Phone numbers and e-mail addresses repeat (a switchboard, a shared address) and are the slowest
# checks; a valid value is remembered, an invalid one raises again each time.
SEEN_VALUES = 4096
# Codes babel knows no name for but that Swedish services offer.
EXTRA_LANGUAGES = {"swl": "svenskt teckenspråk"}


def fail(code: str, **params: object) -> PydanticCustomError:
    return PydanticCustomError(code, code, params)


def _bounded(value: str, limit: int) -> str:
    """Not empty (not only white space) and at most limit characters."""
    if not value.strip():
        raise fail("empty-value")
    if len(value) > limit:
        raise fail("too-long", length=len(value), limit=limit)
    return value


def text(value: str) -> str:
    """A line of text: at most TEXT_MAX characters."""
    return _bounded(value, TEXT_MAX)


def term(value: str) -> str:
    """A category or an area as written (its id, or by mistake its label): not empty, at most
    TERM_MAX characters. The vocabulary decides whether it is known (validate.py)."""
    return _bounded(value, TERM_MAX)


def markdown(value: str) -> str:
    """A longer text (description, tasks): Markdown, at most MARKDOWN_MAX characters."""
    return _bounded(value, MARKDOWN_MAX)


def search_word(value: str) -> str:
    """An everyday word for a category: something a resident can type (letters or digits)."""
    text(value)
    if not tokens(value):
        raise fail("search-word-no-letters", value=value)
    return value


def record_id(value: str) -> str:
    text(value)
    if len(value) > ID_MAX or not ID_PATTERN.match(value):
        raise fail("invalid-id", value=value)
    if value in RESERVED_IDS:
        raise fail("reserved-id", value=value)
    return value


def reference(value: str) -> str:
    text(value)
    if not ID_PATTERN.match(value):
        raise fail("invalid-id", value=value)
    return value


def full_date(value: str) -> str:
    text(value)
    if not FULL_DATE.match(value):
        raise fail("invalid-date", value=value)
    try:
        date.fromisoformat(value)
    except ValueError:
        raise fail("impossible-date", value=value) from None
    return value


def partial_date(value: str) -> str:
    text(value)
    if not PARTIAL_DATE.match(value):
        raise fail("invalid-partial-date", value=value)
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        raise fail("impossible-date", value=value) from None
    return value


@lru_cache(maxsize=SEEN_VALUES)
def phone(value: str) -> str:
    text(value)
    if not PHONE_CHARS.match(value):
        raise fail("invalid-phone", value=value)
    try:
        parsed = phonenumbers.parse(value, "SE")
    except phonenumbers.NumberParseException:
        raise fail("invalid-phone", value=value) from None
    # Swedish short numbers (112, 1177, 116 006) are what helplines publish.
    if not (phonenumbers.is_valid_number(parsed) or shortnumberinfo.is_valid_short_number(parsed)):
        raise fail("invalid-phone", value=value)
    return value


@lru_cache(maxsize=SEEN_VALUES)
def email(value: str) -> str:
    text(value)
    reason = email_reason(value)
    if reason is None:
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            reason = "den har fel form"
    if reason is not None:
        raise fail("invalid-email", value=value, reason=reason)
    return value


def email_reason(value: str) -> str | None:
    """What is wrong with an address, in Swedish, for the mistakes people make; the contributor's
    form (form.js) makes the same checks in the same order, so it gives the same message."""
    if any(char.isspace() for char in value):
        return "den innehåller mellanslag"
    if value.count("@") != 1:
        return "den ska ha exakt ett @"
    local, domain = value.split("@")
    if not local:
        return "det saknas något före @"
    if not domain:
        return "det saknas något efter @"
    if "." not in domain:
        return "delen efter @ saknar punkt"
    return None


def url(value: str) -> str:
    text(value)
    parts = _split(value)
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value):
        raise fail("invalid-url", value=value)
    if domains.is_international(parts.hostname):
        try:
            domains.to_ascii(parts.hostname)
        except ValueError:
            raise fail("invalid-domain", value=value, reason=IDNA_REASON) from None
    return value


def https_url(value: str) -> str:
    """A web address a source can be checked at: absolute, and https (the pages are public)."""
    text(value)
    parts = _split(value)
    if parts is None or parts.scheme != "https" or not parts.hostname or any(c.isspace() for c in value):
        raise fail("invalid-source-url", value=value)
    return value


def _split(value: str) -> SplitResult | None:
    try:
        return urlsplit(value)
    except ValueError:
        return None


def source_text(value: str) -> str:
    """A source written as text: a seed file or a page's name, or a web address, then https."""
    text(value)
    if URL_LIKE.match(value):
        https_url(value)
    return value


def year(value: object) -> int:
    """A year of four digits, typed bare (2015) or quoted; kept as the number it is."""
    if not isinstance(value, str):
        return value  # type: ignore[return-value]  # not a string: let pydantic report the type
    text(value)
    if not YEAR.match(value):
        raise fail("invalid-year", value=value)
    return int(value)


def time(value: str) -> str:
    text(value)
    if not TIME.match(value):
        raise fail("invalid-time", value=value)
    return value


@cache
def language_names() -> dict[str, str]:
    """ISO 639 codes with their Swedish names."""
    return {**Locale("sv").languages, **EXTRA_LANGUAGES}


def language(value: str) -> str:
    text(value)
    if value not in language_names():
        raise fail("invalid-language", value=value)
    return value


def translation_language(value: str) -> str:
    """A key of `translations`: one of the site's languages other than Swedish."""
    text(value)
    if value not in TRANSLATED:
        raise fail("unknown-translation-language", value=value, allowed=", ".join(TRANSLATED))
    return value


def color(value: str) -> str:
    """A map colour of the vocabulary: #rrggbb in lowercase, as the map's CSS takes it."""
    if not COLOR.match(value):
        raise fail("invalid-color", value=value)
    return value


def icon(value: str) -> str:
    """An icon's name (Material Design Icons): the form of an id."""
    if len(value) > ID_MAX or not ID_PATTERN.match(value):
        raise fail("invalid-icon", value=value)
    return value


def flag(value: object) -> bool:
    if value == "true":
        return True
    if value == "false":
        return False
    if isinstance(value, str):
        raise fail("empty-value") if not value.strip() else fail("invalid-flag", value=value)
    return value  # type: ignore[return-value]  # not a string: let pydantic report the type


def _degrees(value: object, axis: str, low: float, high: float) -> float:
    if not isinstance(value, str):
        return value  # type: ignore[return-value]
    text(value)
    if DECIMAL_COMMA.match(value):
        raise fail("decimal-comma", value=value, fixed=value.replace(",", "."))
    if not DEGREES.match(value):
        raise fail("invalid-number", value=value)
    number = float(value)
    if not low <= number <= high:
        raise fail("coordinate-range", axis=axis, value=value, low=low, high=high)
    return number


def latitude(value: object) -> float:
    return _degrees(value, "Latitud", -90, 90)


def longitude(value: object) -> float:
    return _degrees(value, "Longitud", -180, 180)
