"""What every page has around its content: the skip link, the crisis strip, the quick exit and
the footer's links. Returned as Snippets that the theme places (overrides/main.html), each
rendered once per way back to the site root, since the links are relative.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from markupsafe import escape

from commonmap import ui
from commonmap.directory import Directory
from commonmap.outputs import Output, Snippet
from commonmap.pages import environment
from commonmap.settings import Settings
from commonmap.urls import url_of

STATEMENT = "tillganglighetsredogorelse/"


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    lines = [(line, _linked(directory, line.record)) for line in directory.helplines]

    def render(template: str, **context: object):
        return lambda base: environment().get_template(template).render(base=base, **context)

    return [
        Snippet("skip", render("chrome_skip.html")),
        Snippet("quick_exit", render("chrome_quick_exit.html", url=settings.quick_exit_url)),
        Snippet("crisis", render("chrome_crisis.html", lines=lines)),
        Snippet("footer", render("chrome_footer.html", statement=STATEMENT)),
        Snippet("report_email", lambda base: report_email(settings)),
    ]


def _linked(directory: Directory, record_id: str | None) -> str | None:
    """The record page a line links to, when the record exists and is not closed."""
    entry = directory.entries.get(record_id or "")
    return url_of(entry) if entry is not None and not entry.record.closed else None


def report_email(settings: Settings) -> str:
    """The statement's way to report a problem without an account: the configured address."""
    if not settings.report_email:
        return str(escape(ui.t("statement.no_email")))
    query = urlencode({"subject": ui.t("statement.email_subject")}, quote_via=quote)
    href = f"mailto:{settings.report_email}?{query}"
    return f'<a href="{escape(href)}">{escape(settings.report_email)}</a>'
