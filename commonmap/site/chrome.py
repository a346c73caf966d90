"""What every page has around its content: the skip link, the crisis strip, the quick exit and
the footer's links. Returned as Snippets that the theme places (overrides/main.html), one set per
interface language, each rendered once per way back to the site root, since the links are relative.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from markupsafe import escape

from commonmap.base import ui
from commonmap.records.directory import Directory
from commonmap.records.helplines import Helpline
from commonmap.records.settings import Settings
from commonmap.site.environment import environment
from commonmap.site.localized import Localized, localized
from commonmap.site.outputs import Output, Snippet

STATEMENT = "tillganglighetsredogorelse/"


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    found: list[Output] = []
    for code in settings.languages:
        found += _in_language(directory, settings, localized(code))
    found.append(Snippet("report_email", lambda base: report_email(settings)))
    return found


def _in_language(directory: Directory, settings: Settings, local: Localized) -> list[Snippet]:
    lines = [(_line(line, local), _linked(directory, line.record, local)) for line in directory.helplines]

    def render(template: str, **context: object):
        def rendered(base: str) -> str:
            template_ = environment().get_template(template)
            return template_.render(base=base, t=local.t, local=local, **context)

        return rendered

    code = local.language.id
    return [
        Snippet("skip", render("chrome_skip.html"), code),
        Snippet("quick_exit", render("chrome_quick_exit.html", url=settings.quick_exit_url), code),
        Snippet("crisis", render("chrome_crisis.html", lines=lines), code),
        Snippet("footer", render("chrome_footer.html", statement=STATEMENT), code),
    ]


def _line(line: Helpline, local: Localized) -> dict[str, object]:
    """A helpline's topic and hours in the page's language where stodlinjer.yml has them (else
    Swedish, tagged); its name is a name, and stays as the line writes it."""
    own = None if local.swedish else line.translations.get(local.language.id)
    topic = (own.topic, local.language.tag) if own and own.topic else (line.topic, "sv")
    hours = (own.hours, local.language.tag) if own and own.hours else (line.hours, "sv")
    return {
        "topic": local.bdi(*topic),
        "name": local.bdi(line.name, "sv"),
        "phone": line.phone,
        "hours": local.bdi(*hours) if hours[0] else None,
    }


def _linked(directory: Directory, record_id: str | None, local: Localized) -> str | None:
    """Where a line links to, when the record exists and is not closed: its page, or in another
    language than Swedish the record in that language's finder."""
    entry = directory.entries.get(record_id or "")
    return local.link(entry) if entry is not None and not entry.record.closed else None


def report_email(settings: Settings) -> str:
    """The statement's way to report a problem without an account: the configured address."""
    if not settings.report_email:
        return str(escape(ui.t("statement.no_email")))
    query = urlencode({"subject": ui.t("statement.email_subject")}, quote_via=quote)
    href = f"mailto:{settings.report_email}?{query}"
    return f'<a href="{escape(href)}">{escape(settings.report_email)}</a>'
