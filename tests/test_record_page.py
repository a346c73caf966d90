"""A record page's body (site/record_page.py): the ways to report an error in it, whichever of them
the site has, and its values escaped wherever they are put."""

from __future__ import annotations

from pathlib import Path

import pytest

from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from commonmap.site.pages import SiteView
from tests.support.directories import TODAY, dump_yaml, minimal_with
from tests.support.html import parse

GITHUB, GITLAB = "https://github.com/exempel/karta", "https://gitlab.com/exempel/karta"
EMAIL = "fel@exempel.se"


def record_html(
    tmp_path: Path, settings: Settings, files: dict[str, str] | None = None, id_: str = "exempelforeningen"
):
    directory, problems = read_directory(minimal_with(tmp_path / "directory", files), today=TODAY)
    assert directory is not None and not [p for p in problems if p.severity == "error"]
    return SiteView(directory, settings).record_page(directory.entries[id_]).html


def report_links(html: str) -> list[str]:
    """The hrefs in the footer's "Rapportera fel" paragraph."""
    footer = next(parse(html).elements("footer"))
    paragraph = next((p for p in footer.elements("p") if "Rapportera fel" in p.text()), None)
    return [] if paragraph is None else [a.get("href") for a in paragraph.elements("a")]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (Settings(repo_url=GITHUB, report_email=EMAIL), ["mailto:", "https://github.com/"]),
        (Settings(repo_url=GITLAB, report_email=EMAIL), ["mailto:"]),  # crashed the build before
        (Settings(repo_url=GITHUB), ["https://github.com/"]),  # crashed the build before
        (Settings(repo_url=GITLAB), []),
    ],
)
def test_the_page_offers_the_ways_to_report_an_error_the_site_has(tmp_path: Path, settings, expected) -> None:
    html = record_html(tmp_path, settings)
    links = report_links(html)
    assert [next(p for p in expected if link.startswith(p)) for link in links] == expected
    assert ("</a> eller <a" in html) == (len(expected) == 2)


HOSTILE = "<b>x</b> & \"q\" 'a'"


def test_every_value_is_escaped_where_it_is_put(tmp_path: Path) -> None:
    record = {
        "id": "fristaende",
        "name": HOSTILE,
        "kind": "association",
        "summary": HOSTILE,
        "categories": ["gemenskap"],
        "languages": ["sv"],
        "target_groups": [HOSTILE],
        "contact": {"phone": "019-21 10 00", "phone_label": HOSTILE, "website": "https://exempel.se/?a=1&b=<2>"},
        "translations": {"en": {"name": HOSTILE}},
        "sources": [{"url": "https://exempel.se/?a=1&b=2", "year": 2025, "note": HOSTILE}],
        "last_reviewed": "2026-11-01",
    }
    html = record_html(tmp_path, Settings(), {"organisations/fristaende.yml": dump_yaml(record)}, "fristaende")
    assert "<b>" not in html
    assert html.count("&lt;b&gt;x&lt;/b&gt; &amp; &#34;q&#34; &#39;a&#39;") >= 6
    assert 'href="https://exempel.se/?a=1&amp;b=&lt;2&gt;"' in html
