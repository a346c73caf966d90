"""A record's page body, made in Python rather than from a Jinja template: a 10,000-record site
has 10,000 of them, and the template's calls, macros and escapes cost four times the markup made
here (issue 24). Every value from a record is escaped (`_e`); the interface strings come from the
catalogue (`t`) and are escaped too. The markup is that of the template it replaced, byte for
byte: both were compared on the sample, the hostile records and 11,000 synthetic ones.

The record's own facts (summary, contact) come first, banners after them, the protected address
where the address would be, then what it offers, how it connects, and where the data comes from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from markupsafe import escape

from commonmap.records.directory import Entry
from commonmap.records.model import Record
from commonmap.site import richtext
from commonmap.site.texts import hours_text, period_text, swedish_date, tel_href

if TYPE_CHECKING:
    from commonmap.site.pages import SiteView  # which makes the pages with this module

Texts = Callable[..., str]


def _e(value: object) -> str:
    return str(escape(value))


def body(view: SiteView, entry: Entry, base: str, good_example: bool, edit_url: str, report: dict[str, str]) -> str:
    """The <article> of `entry`'s page; `view` is the pages' SiteView (pages.py) in Swedish."""
    record, t = entry.record, view.local.t
    parts = [
        f'<article class="cm-record cm-{_e(entry.type)}">\n',
        _kicker(record, entry, t, base, good_example),
        f"<h1>{_e(record.name)}</h1>\n",
        _status_notice(record, t),
        "\n",
        f'<p class="cm-summary">{_e(record.summary)}</p>' if record.summary else "",
        _category_chips(view, record.categories, base),
        "\n",
        _translations(view, record, t),
        f'<p class="cm-actions">{share_button(t)}</p>\n\n',
        _contact(record, t),
        _old_sources(view, record, t),
        # Each block is followed by an empty line, shown or not, as in the template it replaced.
        *_lines(
            _protected(view, entry, t, base),
            _address(record, entry, t, base),
            _opening_hours(record, t),
            _languages(view, record, t),
            _accessibility(record, t),
            _role(view, record, t, base),
            _section(t, "description", f"{richtext.render(record.description)}\n") if record.description else "",
            _services(record, t),
            _collaboration(view, record, t, base) if entry.type == "collaborations" else "",
            _hosts(view, record, t, base) if entry.type == "places" else "",
            _related(view, entry, t, base),
            _areas(view, record, entry, t, base),
        ),
        _footer(record, entry, t, base, edit_url, report),
        "</article>",
    ]
    return "".join(parts)


def _lines(*blocks: str) -> list[str]:
    return [f"{block}\n" for block in blocks]


def _section(t: Texts, title: str, inner: str, class_: str = "") -> str:
    """A section of the record's facts under its heading (a key of the interface catalogue)."""
    attribute = f' class="{_e(class_)}"' if class_ else ""
    return f"<section{attribute}>\n<h2>{_e(t(title))}</h2>\n{inner}</section>\n"


def _kicker(record: Record, entry: Entry, t: Texts, base: str, good_example: bool) -> str:
    found = [_e(t(f"type.{entry.type}"))]
    if hasattr(record, "kind"):
        found.append(f" · {_e(t(f'kind.{record.kind}'))}")
    if hasattr(record, "status") and record.status != "active":
        found.append(f" · {_e(t(f'status.{record.status}'))}")
    if good_example:
        found.append(f' · <a href="{_e(base)}goda-exempel/">{_e(t("good_example"))}</a>')
    return f'<p class="cm-kicker">{"".join(found)}</p>\n'


def _status_notice(record: Record, t: Texts) -> str:
    """Closed for good, or for now (with why and until when)."""
    if record.closed:
        reason = f" {_e(record.status_reason)}" if record.status_reason else ""
        return f'<div class="cm-notice cm-closed" role="note"><p><strong>{_e(t("notice.closed"))}</strong>{reason}</p></div>\n'
    if record.temporarily_closed:
        reopens = f" {_e(t('notice.reopens', date=swedish_date(record.reopens)))}" if record.reopens else ""
        return (
            f'<div class="cm-notice cm-paused" role="note"><p><strong>{_e(t("notice.temporarily_closed"))}</strong>'
            f" {_e(record.status_reason)}{reopens}</p></div>\n"
        )
    return ""


def _category_chips(view: SiteView, ids: Iterable[str], base: str) -> str:
    local, categories = view.local, view.directory.categories
    folder = f"{_e(base)}{_e(local.url('kategorier/'))}"
    chips = []
    for id_ in ids:
        label, tag = local.category(categories[id_])
        chips.append(f'<li><a class="cm-chip" href="{folder}{_e(id_)}/"{local.attrs(tag)}>{_e(label)}</a></li>\n')
    return f'<ul class="cm-chips" aria-label="{_e(view.local.t("categories"))}">\n{"".join(chips)}</ul>'


def share_button(t: Texts) -> str:
    """resident.js shows it: "Dela" where the browser can share, else "Kopiera länk"."""
    data = (
        f'data-share="{_e(t("share"))}" data-copy="{_e(t("share.copy"))}" '
        f'data-copied="{_e(t("share.copied"))}" data-failed="{_e(t("share.failed"))}"'
    )
    return (
        f'<span class="cm-share"><button type="button" class="md-button" data-cm-share {data} hidden>'
        f'{_e(t("share.copy"))}</button> <span class="cm-share-status" role="status"></span></span>'
    )


def _translations(view: SiteView, record: Record, t: Texts) -> str:
    if not record.translations:
        return ""
    rows = []
    for code, translation in record.translations.items():
        tag = _e(view.language_tag(code))
        name = t("languages.lattlast") if code == "lattlast" else view.local.language_name(code)
        rows.append(f"<dt>{_e(name)}</dt>\n")
        if translation.name:
            rows.append(f'<dd lang="{tag}" dir="auto"><strong>{_e(translation.name)}</strong></dd>')
        if translation.summary:
            rows.append(f'<dd lang="{tag}" dir="auto">{_e(translation.summary)}</dd>')
    return _section(t, "languages.other_names", _facts("".join(rows)), "cm-translations")


def _contact(record: Record, t: Texts) -> str:
    contact = record.contact
    if not contact:
        return ""
    rows = []
    if contact.phone:
        label = f" ({_e(contact.phone_label)})" if contact.phone_label else ""
        rows.append(
            f'<li>{_e(t("phone"))}: <a href="{_e(tel_href(contact.phone))}">{_e(contact.phone)}</a>{label}</li>'
        )
    if contact.email:
        rows.append(f'<li>{_e(t("email"))}: <a href="mailto:{_e(contact.email)}">{_e(contact.email)}</a></li>')
    if contact.website:
        website = _e(contact.website)
        rows.append(f'<li>{_e(t("website"))}: <a href="{website}" rel="noopener">{website}</a></li>')
    return _section(t, "contact", f"<ul>\n{''.join(rows)}</ul>\n", "cm-contact")


def _old_sources(view: SiteView, record: Record, t: Texts) -> str:
    """A warning about old sources comes after the record's own facts, as every banner does."""
    year = view.old_source_year(record)
    if not year:
        return ""
    key = "notice.old_sources_phone" if record.contact and record.contact.phone else "notice.old_sources"
    return f'<div class="cm-notice cm-old-sources" role="note"><p>{_e(t(key, year=year))}</p></div>'


def _protected(view: SiteView, entry: Entry, t: Texts, base: str) -> str:
    """The protected address is told where the address would be: the area only, or the protected
    places this record is at."""
    protected_at = view.directory.protected_places(entry)
    if not protected_at:
        return ""
    if protected_at[0] is entry:
        areas = ""
        if entry.areas:
            links = ", ".join(_area_link(view, id_, base) for id_ in entry.areas)
            areas = f"<p>{_e(t('notice.protected_area'))}: {links}</p>"
        inner = (
            f'<div class="cm-notice cm-protected" role="note"><p><strong>{_e(t("notice.protected"))}</strong></p>\n'
            f"{areas}</div>\n"
        )
    else:
        links = ", ".join(view.link(place, base) for place in protected_at)
        inner = (
            f'<div class="cm-notice cm-protected" role="note"><p>{_e(t("notice.protected_place"))} {links}</p></div>\n'
        )
    return _section(t, "address", inner, "cm-where")


def _area_link(view: SiteView, id_: str, base: str, class_: str = "") -> str:
    attribute = f' class="{class_}"' if class_ else ""
    name = view.directory.areas.by_id[id_].name
    return f'<a{attribute} href="{_e(base)}omraden/{_e(id_)}/">{_e(name)}</a>'


def _address(record: Record, entry: Entry, t: Texts, base: str) -> str:
    address, location = getattr(record, "address", None), getattr(record, "location", None)
    inner = ""
    if address:
        postal = f", {_e(address.postal_code)}" if address.postal_code else ""
        inner += f"<p>{_e(address.street)}{postal} {_e(address.city)}</p>"
    if location:
        lat, lon = _e(location.lat), _e(location.lon)
        approximate = location.approximate
        note = f" {_e(t('approximate'))}" if approximate else ""
        inner += f'<p><a href="{_e(base)}karta/#{lat},{lon},16">{_e(t("show_on_map"))}</a>{note}</p>\n'
        flag = ' data-approximate="true"' if approximate else ""
        inner += (
            f'<div class="cm-minimap" data-type="{_e(entry.type)}" data-lat="{lat}" data-lon="{lon}"'
            f' data-name="{_e(record.name)}"{flag}></div>\n'
        )
    return _section(t, "address", inner, "cm-where") if inner else ""


def _opening_hours(record: Record, t: Texts) -> str:
    hours_list = getattr(record, "opening_hours", None)
    if not hours_list:
        return ""
    rows = "".join(
        f"<li>{_e(hours_text(hours).capitalize())}{f' – {_e(hours.note)}' if hours.note else ''}</li>\n"
        for hours in hours_list
    )
    holidays = t("public_holidays.open") if record.open_on_public_holidays else t("public_holidays.closed")
    inner = f"<ul>\n{rows}</ul>\n<p>{_e(holidays)}</p>\n"
    periods = getattr(record, "closed_periods", None)
    if periods:
        closed = "".join(
            f"<li>{_e(t('closed_period', start=swedish_date(p.start), end=swedish_date(p.end)))}"
            f"{f': {_e(p.note)}' if p.note else ''}</li>\n"
            for p in periods
        )
        inner += f"<h3>{_e(t('closed_periods'))}</h3>\n<ul>\n{closed}</ul>\n"
    return _section(t, "opening_hours", inner)


def _languages(view: SiteView, record: Record, t: Texts) -> str:
    rows = ""
    if record.languages:
        names = ", ".join(_e(view.local.language_name(code)) for code in record.languages)
        rows += f"<dt>{_e(t('languages'))}</dt><dd>{names}</dd>"
    if record.target_groups:
        rows += f"<dt>{_e(t('target_groups'))}</dt><dd>{_joined(record.target_groups, ', ')}</dd>"
    return _facts(rows)


def _facts(rows: str) -> str:
    """Facts as a description list; none, no list."""
    return f'<dl class="cm-facts">\n{rows}</dl>\n' if rows else ""


def _joined(values: Iterable[object], separator: str) -> str:
    return separator.join(_e(value) for value in values)


def _accessibility(record: Record, t: Texts) -> str:
    accessibility, cost = getattr(record, "accessibility", None), getattr(record, "cost", None)
    rows = ""
    if accessibility:
        wheelchair = f"{_e(t(f'wheelchair.{accessibility.wheelchair}'))}. " if accessibility.wheelchair else ""
        rows += f"<dt>{_e(t('accessibility'))}</dt><dd>{wheelchair}{_e(accessibility.description or '')}</dd>"
    if cost:
        description = f": {_e(cost.description)}" if cost.description else ""
        rows += f"<dt>{_e(t('cost'))}</dt><dd>{_e(t('free') if cost.free else t('not_free'))}{description}</dd>"
    return _facts(rows)


def _role(view: SiteView, record: Record, t: Texts, base: str) -> str:
    """A volunteer role's tasks, whose role it is, where, and what it asks."""
    if not hasattr(record, "tasks"):
        return ""
    rows = f"<dt>{_e(t('organisation'))}</dt><dd>{view.link(view.entry(record.organisation), base)}</dd>\n"
    if record.place:
        rows += f"<dt>{_e(t('place'))}</dt><dd>{view.link(view.entry(record.place), base)}</dd>"
    if record.time_commitment:
        rows += f"<dt>{_e(t('time_commitment'))}</dt><dd>{_e(record.time_commitment)}</dd>"
    if record.requirements:
        rows += f"<dt>{_e(t('requirements'))}</dt><dd>{_joined(record.requirements, '; ')}</dd>"
    if record.how_to_apply:
        rows += f"<dt>{_e(t('how_to_apply'))}</dt><dd>{_e(record.how_to_apply)}</dd>"
    extract = ""
    if record.criminal_record_extract is not None:
        extract = f"<p>{_e(t(f'criminal_record_extract.{str(record.criminal_record_extract).lower()}'))}</p>"
    inner = f"{richtext.render(record.tasks)}\n{_facts(rows)}{extract}"
    return _section(t, "tasks", inner)


def _services(record: Record, t: Texts) -> str:
    services = getattr(record, "services", None)
    if not services:
        return ""
    rows = "".join(
        f"<li><strong>{_e(s.name)}</strong>{f': {_e(s.description)}' if s.description else ''}</li>\n" for s in services
    )
    return _section(t, "services", f"<ul>\n{rows}</ul>\n")


def _collaboration(view: SiteView, record: Record, t: Texts, base: str) -> str:
    """Who works together, for how long, what came of it and what was learnt."""
    partners = "".join(
        f"<li>{view.link(view.entry(p.organisation), base)}{f': {_e(p.part)}' if p.part else ''}</li>\n"
        for p in record.partners
    )
    facts = f"<dt>{_e(t('period'))}</dt><dd>{_e(period_text(record.period))}</dd>" if record.period else ""
    facts += f"<dt>{_e(t('status'))}</dt><dd>{_e(t(f'status.{record.status}'))}</dd>\n"
    if record.funding:
        facts += f"<dt>{_e(t('funding'))}</dt><dd>{_joined(record.funding, '; ')}</dd>"
    inner = f"<ul>\n{partners}</ul>\n{_facts(facts)}"
    for key in ("outcomes", "lessons"):
        if getattr(record, key):
            inner += (
                f"<h3>{_e(t(key))}</h3>\n<ul>{''.join(f'<li>{_e(item)}</li>' for item in getattr(record, key))}</ul>\n"
            )
    if record.places:
        links = "".join(f"<li>{view.link(view.entry(id_), base)}</li>" for id_ in record.places)
        inner += f'<h3>{_e(t("places"))}</h3><ul class="cm-list">{links}</ul>'
    return _section(t, "partners", inner)


def _hosts(view: SiteView, record: Record, t: Texts, base: str) -> str:
    links = "".join(f"<li>{view.link(view.entry(id_), base)}</li>" for id_ in record.hosts)
    return f'<section><h2>{_e(t("hosts"))}</h2>\n<ul class="cm-list">{links}</ul>\n</section>\n'


def _related(view: SiteView, entry: Entry, t: Texts, base: str) -> str:
    """The meeting places, roles and collaborations that refer to this record."""
    found = []
    for key in ("places", "roles", "collaborations"):
        related = view.relations[key].get(entry.id, [])
        if related:
            found.append(f"<section><h2>{_e(t(key))}</h2>\n{view.record_list(related, base)}\n</section>\n")
    return "".join(found)


def _areas(view: SiteView, record: Record, entry: Entry, t: Texts, base: str) -> str:
    if not (entry.areas or record.serves):
        return ""
    reach = f'<p class="cm-reach">{_e(t("reach"))}: {_e(t(f"serves.{record.serves}"))}</p>' if record.serves else ""
    chips = ""
    if entry.areas:
        chips = "".join(f"<li>{_area_link(view, id_, base, 'cm-chip')}</li>" for id_ in entry.areas)
        chips = f'<ul class="cm-chips">{chips}</ul>'
    return f"<section><h2>{_e(t('areas'))}</h2>\n{reach}{chips}</section>\n"


def _footer(record: Record, entry: Entry, t: Texts, base: str, edit_url: str, report: dict[str, str]) -> str:
    """When the record was last checked, its sources, and the ways to correct it."""
    reviewed = _e(record.last_reviewed)
    sources = "".join(f"<li>{_source_item(source)}</li>" for source in record.sources)
    parts = [
        '<footer class="cm-record-footer">\n',
        f'<p>{_e(t("last_reviewed"))}: <time datetime="{reviewed}">{_e(swedish_date(record.last_reviewed))}</time></p>\n',
        f"<details><summary>{_e(t('sources'))}</summary><ul>{sources}</ul></details>\n",
    ]
    if report:
        email, issue = report.get("email"), report.get("issue")
        ways = f'<a href="{_e(email)}">{_e(t("report_by_email"))}</a>' if email else ""
        ways += f" {_e(t('or'))} " if email and issue else ""
        ways += f'<a href="{_e(issue)}" rel="noopener">{_e(t("report_by_form"))}</a>' if issue else ""
        parts.append(f"<p><strong>{_e(t('report_error'))}:</strong> {_e(t('report_error_help'))}\n{ways}.</p>")
    form = f"{_e(base)}bidra/formular/?post={_e(entry.type)}/{_e(entry.id)}"
    parts.append(
        f'<p><a class="md-button" href="{form}">{_e(t("change_with_form"))}</a> {_e(t("change_with_form_help"))}</p>\n'
    )
    if edit_url:
        parts.append(
            f'<p><a class="md-button" href="{_e(edit_url)}" rel="noopener">{_e(t("suggest_change"))}</a>'
            f" {_e(t('suggest_change_help'))}</p>"
        )
    parts.append("</footer>\n")
    return "".join(parts)


def _source_item(source) -> str:
    """A source: a link when it is one (a plain https address or a dated link), else its text."""
    if isinstance(source, str):
        text = _e(source)
        return f'<a href="{text}" rel="noopener">{text}</a>' if source.startswith("https://") else text
    url = _e(source.url)
    year = f" ({_e(source.year)})" if source.year is not None else ""
    note = f": {_e(source.note)}" if source.note else ""
    return f'<a href="{url}" rel="noopener">{url}</a>{year}{note}'
