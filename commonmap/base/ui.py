"""The interface's message catalogue: every string a page shows comes from here, in Swedish.

Swedish is the source language. `make translations` extracts these strings (commonmap/base/i18n.py's
extractor; the key becomes the msgctxt, the Swedish text the msgid) into the gettext catalogues
under commonmap/locale/, where they are translated; the build shows each language's translation
and falls back to the Swedish here, string by string. A string whose form depends on a number is
a pair (singular, plural) and takes the number as `count`. Placeholders are {name}; the theme's
strings (theme.*) count with "#", as Material for MkDocs does.

The strings stand in groups by what shows them (ui_records, ui_pages, ui_contribute, ui_search,
ui_map); SV below puts them together in the catalogues' order. Add a string: a key and its Swedish
text in its group, then `make translations` and translate it in each
commonmap/locale/*/LC_MESSAGES/messages.po (Poedit, Weblate or a text editor).
"""

from __future__ import annotations

from commonmap.base import ui_contribute, ui_map, ui_pages, ui_records, ui_search

# Strings only Swedish pages show (the contributors' guide /bidra/, the record lists, good examples
# and the municipality's coverage table): not extracted for translation, not counted as missing.
SWEDISH_ONLY_PREFIXES = ("ref.", "errors.", "list_intro.", "map.coverage", "report_", "suggest_change")
SWEDISH_ONLY_PREFIXES += ("preview.", "statement.")  # the preview's notice; the statement (Swedish only)
# The point picker on /bidra/plats/ (for contributors) and the coverage page's GIS layer.
SWEDISH_ONLY_PREFIXES += ("map.picker", "map.noscript_picker", "map.gis_intro", "map.download_g")
SWEDISH_ONLY_PREFIXES += ("form.", "change_with_form", "governance.")  # contributing (/bidra/, record pages)
SWEDISH_ONLY_PREFIXES += ("search.type_words.",)  # words of the Swedish search index, not shown
SWEDISH_ONLY_KEYS = frozenset(
    {"or", "good_examples", "good_examples_intro", "ongoing_and_planned", "history", "map.download_csv"}
    | {"map.to_map", "map.table_caption", "map.area", "map.total", "map.gap", "map.unplaced", "map.gaps_summary"}
    | {"map.wide_only"}
)


def translatable(key: str) -> bool:
    return key not in SWEDISH_ONLY_KEYS and not key.startswith(SWEDISH_ONLY_PREFIXES)


# The groups in the order the catalogues list their strings (i18n.extract yields SV as it stands).
GROUPS = (
    ui_records.RECORDS,
    ui_pages.LANGUAGES,
    ui_contribute.FORM,
    ui_pages.CHROME,
    ui_contribute.REFERENCE,
    ui_search.SEARCH,
    ui_map.MAP,
    ui_pages.THEME,
)
SV: dict[str, str | tuple[str, str]] = {key: text for group in GROUPS for key, text in group.items()}


def t(key: str, **params: object) -> str:
    """The Swedish text of `key`; for the other languages see i18n.texts(language).t."""
    text = SV[key]
    if isinstance(text, tuple):
        text = text[0] if params.get("count") == 1 else text[1]
    return text.format(**params) if params else text
