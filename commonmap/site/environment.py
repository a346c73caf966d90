"""The template set-up the site's pages share: the Jinja2 environment (autoescape on) with the
filters and names the templates use."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment
from markupsafe import Markup

from commonmap.base.languages import SWEDISH
from commonmap.records.types import TYPES
from commonmap.site import record_page, richtext, templating
from commonmap.site.localized import localized
from commonmap.site.texts import hours_text, period_text, swedish_date, tel_href
from commonmap.site.urls import FOLDERS, url_of


@cache
def environment() -> Environment:
    """The shared template set-up with the filters and names the site's pages use."""
    env = templating.environment()
    env.globals.update(url_of=url_of, FOLDERS=FOLDERS, TYPES=list(TYPES))
    env.globals["share_button"] = lambda t: Markup(record_page.share_button(t))  # the record pages' too
    env.filters.update(
        swedish_date=swedish_date,
        hours=hours_text,
        language=lambda code: localized(SWEDISH).language_text(code),
        tel=tel_href,
        markdown=lambda text: Markup(richtext.render(text)),
        period=period_text,
    )
    return env
