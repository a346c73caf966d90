"""A record as a link and as an item of a list (category, area, type and record pages), made in
Python rather than as Jinja macros: a 10,000-record site lists every record on several pages in
each of its languages, and a macro call costs more than the item's markup (issue 24).

Record data is Swedish unless the association wrote it in the page's language: `local` tags it
with its lang and isolates its direction where it differs from the page's.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from commonmap.records.directory import Directory, Entry
from commonmap.site.localized import Localized


def record_link(local: Localized, base: str, entry: Entry) -> Markup:
    name, tag = local.name(entry)
    return Markup(f'<a href="{escape(base)}{escape(local.link(entry))}"{local.attrs(tag)}>{escape(name)}</a>')


def badges(local: Localized, directory: Directory, entry: Entry) -> str:
    """What a resident should know before clicking: planned or ended, closed, protected, reach."""
    record, t = entry.record, local.t
    found = []
    if record.status in ("planned", "ended"):
        found.append(_badge(record.status, t(f"status.{record.status}")))
    if record.closed:
        found.append(_badge("closed", t("status.closed")))
    elif record.temporarily_closed:
        found.append(_badge("paused", t("status.temporarily-closed")))
    if directory.protected_places(entry):
        found.append(_badge("protected", t("badge.protected")))
    if record.serves:
        found.append(_badge("reach", t(f"serves.{record.serves}")))
    return "".join(found)


def _badge(kind: str, text: str) -> str:
    return f' <span class="cm-badge cm-badge-{escape(kind)}">{escape(text)}</span>'


def record_item(local: Localized, directory: Directory, base: str, entry: Entry) -> Markup:
    summary, tag = local.summary(entry)
    shown = f'<span class="cm-item-summary"{local.attrs(tag)}>{escape(summary)}</span>' if summary else ""
    return Markup(
        f'<li class="cm-item">\n  {record_link(local, base, entry)}{badges(local, directory, entry)}\n{shown}</li>'
    )
