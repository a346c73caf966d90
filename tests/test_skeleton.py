"""Pages made from a skeleton of the theme's page (issue 24: site/skeleton.py, mkdocs_pages.py)
are the pages the theme renders: every page of the sample, the hostile values and a rich
synthetic directory is rendered both ways and compared, and the record pages do come from
skeletons."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment
from mkdocs.commands.build import build
from mkdocs.config import load_config

from commonmap import mkdocs_pages
from commonmap.site.skeleton import placeholder, skeleton
from tests.support.corpus import headers
from tests.support.directories import TESTS, minimal_with
from tests.support.sites import ROOT, site_config
from tests.support.synthetic import generate

VALUES = ["plain", "<script>alert(1)</script>", "A & B \"q\" 'a'", "&amp; already", ""]


def test_a_skeleton_fills_raw_and_escaped_values_as_the_template_prints_them() -> None:
    template = Environment(autoescape=False).from_string("<title>{{ t }}</title><p>{{ t | e }}</p>{{ b }}!{{ t }}")
    made = skeleton(
        template.render(t=placeholder("t"), b=placeholder("b")), {"t": placeholder("t"), "b": placeholder("b")}
    )
    assert made is not None and [form for _, form in made.slots] == ["raw", "escaped", "raw", "raw"]
    for t in VALUES:
        for b in VALUES:
            assert made.fill({"t": t, "b": b}) == template.render(t=t, b=b)


@pytest.mark.parametrize(
    "source",
    ["{{ t[:4] }}", "{{ t | urlencode }}", "{{ t | upper }}", "{{ t | striptags }}", "{{ t | replace('<', '') }}"],
)
def test_no_skeleton_when_the_template_changes_a_value(source: str) -> None:
    template = Environment(autoescape=False).from_string(f"<p>{source}</p>")
    assert skeleton(template.render(t=placeholder("t")), {"t": placeholder("t")}) is None


def checked_build(config_file: Path, out: Path, monkeypatch) -> mkdocs_pages.ThemePages:
    """A build in which every page made from a skeleton is also rendered in full and compared
    (a page that differs drops its group's skeleton)."""
    monkeypatch.setattr(mkdocs_pages, "CHECKED", 10**9)
    config = load_config(str(config_file))
    config.site_dir = str(out)
    build(config)
    return config.plugins["commonmap"].theme_pages


def assert_record_pages_come_from_skeletons(pages: mkdocs_pages.ThemePages) -> None:
    folders = {"organisationer", "motesplatser", "volontaruppdrag", "samverkan", "kategorier", "omraden"}
    groups = {key: group for key, group in pages.groups.items() if key[0] in folders}
    differed = [key[0] for key, group in pages.groups.items() if group.differed]
    assert not differed, f"the skeleton gave other bytes than the theme in {differed}"
    made = {key[0] for key, group in groups.items() if group.skeleton is not None and group.checked > 1}
    assert made == folders


def test_every_page_of_the_sample_is_the_same_from_its_skeleton(tmp_path: Path, monkeypatch) -> None:
    assert_record_pages_come_from_skeletons(checked_build(ROOT / "mkdocs.yml", tmp_path / "site", monkeypatch))


def test_hostile_values_are_the_same_from_their_skeletons(tmp_path: Path, monkeypatch) -> None:
    hostile = [p for p in sorted((TESTS / "hostile").glob("*.yml")) if headers(p).get("expect") == "shown"]
    assert hostile
    directory = minimal_with(
        tmp_path / "directory", {f"{headers(p)['folder']}/{p.name}": p.read_bytes() for p in hostile}
    )
    pages = checked_build(site_config(tmp_path, directory) / "mkdocs.yml", tmp_path / "site", monkeypatch)
    assert not [key[0] for key, group in pages.groups.items() if group.differed]
    groups = [group for key, group in pages.groups.items() if key[0] in ("organisationer", "motesplatser")]
    assert groups and all(group.skeleton is not None for group in groups)


def test_rich_synthetic_pages_are_the_same_from_their_skeletons(tmp_path: Path, monkeypatch) -> None:
    directory = generate(tmp_path / "directory", 300, rich=True)
    pages = checked_build(site_config(tmp_path, directory) / "mkdocs.yml", tmp_path / "site", monkeypatch)
    assert_record_pages_come_from_skeletons(pages)
