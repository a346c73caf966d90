"""The interface in each language: gettext catalogues made with Babel from ui.py's Swedish source.

`make translations` runs Babel's `pybabel extract` (with `extract` below, see babel.cfg: the key
becomes the msgctxt, the Swedish text the msgid), `update` and `compile` on commonmap/locale/.
The build reads each language's .po and compiles it in memory with Babel's compiler, so a
catalogue saved by Poedit or Weblate needs no further step. A missing, empty or fuzzy translation
falls back to the Swedish text, string by string: never a key, never a blank.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from string import Formatter

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from commonmap.base import ui
from commonmap.base.languages import LANGUAGES, SWEDISH, Language

DOMAIN = "messages"
# CLDR's plural categories in the order Babel numbers gettext's plural forms.
PLURAL_TAGS = ("zero", "one", "two", "few", "many", "other")


def locale_dir() -> Path:
    return Path(str(resources.files("commonmap") / "locale"))


def po_path(language: Language, root: Path | None = None) -> Path:
    return (root or locale_dir()) / language.catalogue / "LC_MESSAGES" / f"{DOMAIN}.po"


def source() -> dict[str, str | tuple[str, str]]:
    """The strings to translate: ui.SV without the Swedish-only ones."""
    return {key: text for key, text in ui.SV.items() if ui.translatable(key)}


def read_catalogue(language: Language, root: Path | None = None) -> Catalog | None:
    path = po_path(language, root)
    if language.id == SWEDISH or not path.exists():
        return None
    with path.open("rb") as file:
        return read_po(file, locale=language.locale if language.id != "lattlast" else "sv")


def _forms(texts: object) -> tuple[str, ...]:
    """A message's id or string as a tuple of its forms (one, or a plural's several)."""
    return tuple(texts) if isinstance(texts, tuple | list) else (texts,)  # type: ignore[arg-type]


def _current(catalogue: Catalog) -> Iterator[tuple[str, Message]]:
    """(key, message) of the finished translations of the current Swedish texts: not fuzzy, no
    form empty, translated from the msgid ui.py has now."""
    wanted = {key: _forms(text) for key, text in source().items()}
    for message in catalogue:
        key = message.context
        finished = message.id and not message.fuzzy and all(_forms(message.string))
        if finished and key in wanted and wanted[key] == _forms(message.id):
            yield key, message


def placeholders(text: str) -> set[str]:
    """The {name} placeholders of a text, and "#" where Material's strings put their count."""
    found = {name for _, name, _, _ in Formatter().parse(text) if name is not None}
    return found | ({"#"} if "#" in text else set())


def placeholder_problems(catalogue: Catalog | None) -> list[tuple[str, str]]:
    """(key, what is wrong) for each translation whose placeholders differ from the Swedish: none may
    be added or misspelt, none left out; only a plural form may leave out the number ("one result")."""
    problems = []
    for key, message in _current(catalogue) if catalogue is not None else ():
        expected = set().union(*map(placeholders, _forms(message.id)))
        found = [placeholders(form) for form in _forms(message.string)]
        extra = set().union(*found) - expected
        missing = expected - (set().union(*found) if message.pluralizable else found[0])
        if extra or missing:
            problems.append(
                (key, f"{{{', '.join(sorted(extra))}}} för mycket, {{{', '.join(sorted(missing))}}} saknas")
            )
    return problems


def translated(catalogue: Catalog | None) -> set[str]:
    """The keys whose current Swedish text has a finished, usable translation."""
    if catalogue is None:
        return set()
    broken = {key for key, _ in placeholder_problems(catalogue)}
    return {key for key, _ in _current(catalogue) if key not in broken}


def compile_catalogue(catalogue: Catalog | None) -> gettext.NullTranslations:
    """The catalogue compiled by Babel (write_mo skips fuzzy and empty entries), read by gettext. A
    translation with wrong placeholders is left out, so that the Swedish text is shown instead."""
    if catalogue is None:
        return gettext.NullTranslations()
    broken = {key for key, _ in placeholder_problems(catalogue)}
    usable = Catalog(locale=catalogue.locale, domain=DOMAIN)
    for message in catalogue:
        if message.id and message.context not in broken:
            usable.add(message.id, message.string, context=message.context, flags=message.flags)
    buffer = io.BytesIO()
    write_mo(buffer, usable)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class Texts:
    """The interface strings in one language, with the Swedish source where a string is missing."""

    def __init__(self, language: Language, catalogue: Catalog | None) -> None:
        self.language = language
        self.gettext = compile_catalogue(catalogue)
        self.done = translated(catalogue)
        self._plain: dict[str, str] = {}  # texts without placeholders, by key: asked for on every page

    def raw(self, key: str, count: int = 1) -> str:
        """The text before its placeholders are filled."""
        text = ui.SV[key]
        if not ui.translatable(key):
            return text if isinstance(text, str) else text[count != 1]
        if isinstance(text, tuple):
            return self.gettext.npgettext(key, text[0], text[1], count)
        return self.gettext.pgettext(key, text)

    def t(self, key: str, **params: object) -> str:
        if not params:
            if key not in self._plain:
                self._plain[key] = self.raw(key)
            return self._plain[key]
        count = params.get("count")
        return self.raw(key, count if isinstance(count, int) else 1).format(**params)

    def has(self, key: str) -> bool:
        """Whether the language has its own text for `key` (Swedish always has)."""
        return self.language.id == SWEDISH or key in self.done

    def plural_forms(self, key: str) -> dict[str, str]:
        """A plural string for scripts: CLDR category → text, read with Intl.PluralRules."""
        rule = Locale.parse(self.language.locale).plural_form
        return {tag: self.raw(key, _sample(rule, tag)) for tag in PLURAL_TAGS if tag in rule.tags | {"other"}}

    def theme(self, key: str) -> str:
        """Material for MkDocs' string `key` when this catalogue has it, else "" (the theme's own)."""
        if key == "language":
            return self.language.tag
        if key == "direction":
            return self.language.dir
        full = f"theme.{key}"
        return self.t(full) if full in ui.SV and self.has(full) else ""


def _sample(rule, tag: str) -> int:
    """A number that falls in a plural category, for looking up that category's form."""
    return next(n for n in range(1000) if rule(n) == tag)


@cache
def texts(language_id: str = SWEDISH) -> Texts:
    language = LANGUAGES[language_id]
    return Texts(language, read_catalogue(language))


@dataclass(frozen=True)
class Completeness:
    language: Language
    done: int
    total: int

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.done / self.total)


def completeness(language: Language, root: Path | None = None) -> Completeness:
    total = len(source())
    done = total if language.id == SWEDISH else len(translated(read_catalogue(language, root)))
    return Completeness(language, done, total)


def extract(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str, tuple, list[str]]]:
    """Babel extraction method for ui.py (babel.cfg): every translatable entry of ui.SV, in its
    order, as pgettext(key, text), or npgettext(key, singular, plural) for a pair. SV is read as
    ui.py assembles it from its groups (ui_*.py), so that no group can be missed; the number given
    as the line is the entry's place in SV (the catalogues are written without locations)."""
    for number, (key, value) in enumerate(source().items(), start=1):
        if isinstance(value, tuple):
            yield number, "npgettext", (key, *value), []
        else:
            yield number, "pgettext", (key, value), []
