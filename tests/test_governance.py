"""Governance that holds (issue 19): the municipality's decisions are in files of their own,
owned in an active .github/CODEOWNERS by the one team named in mkdocs.yml; a good example needs
outcomes, lessons and a status of ongoing or ended, as an error located in good_examples.yml."""

from __future__ import annotations

import fnmatch
import re

import pytest
import yaml

from commonmap.records import governance
from commonmap.records.settings import Settings
from commonmap.site.pages import outputs as page_outputs
from tests.support.directories import TODAY, problem_keys, validate
from tests.support.sites import ROOT

CODEOWNERS = ROOT / ".github" / "CODEOWNERS"
TEAM = re.compile(r"^@[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as data: its !ENV tags read as their default."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def configured_team() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    plugin = next(p["commonmap"] for p in config["plugins"] if isinstance(p, dict) and "commonmap" in p)
    return plugin["municipality_team"]


def rules() -> list[tuple[str, list[str]]]:
    lines = CODEOWNERS.read_text(encoding="utf-8").splitlines()
    return [(line.split()[0], line.split()[1:]) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def owners_of(path: str) -> list[str]:
    """The owners GitHub gives a path (repository-relative, a trailing / for a folder): the last
    rule that matches. Only the pattern forms the file uses are understood (checked below)."""
    found: list[str] = []
    for pattern, owners in rules():
        if pattern == "*" or pattern == "/" + path or pattern.endswith("/") and ("/" + path).startswith(pattern):
            found = owners
    return found


def test_codeowners_is_active_and_names_only_existing_paths() -> None:
    # GitHub reads the first CODEOWNERS it finds in .github/, the root or docs/: only one, active.
    assert CODEOWNERS.exists() and not (ROOT / "CODEOWNERS").exists() and not (ROOT / "docs" / "CODEOWNERS").exists()
    assert not list((ROOT / ".github").glob("CODEOWNERS.*"))
    for pattern, owners in rules():
        assert owners and all(TEAM.match(owner) or re.match(r"^@[A-Za-z0-9-]+$", owner) for owner in owners), pattern
        assert pattern == "*" or pattern.startswith("/") and not any(c in pattern for c in "*?[!"), pattern
        if pattern != "*":
            assert (ROOT / pattern.strip("/")).exists(), pattern


def test_the_team_is_set_in_mkdocs_yml_and_codeowners_agrees() -> None:
    team = configured_team()
    assert TEAM.match(team), team
    assert owners_of("directory/organisations/kfum-orebro.yml") == [team]  # the default owner
    for path in governance.GOVERNED:
        relative = path.lstrip("/")
        # The municipality's decisions: its team alone, also for anything inside a governed folder.
        assert owners_of(relative) == [team], path
        if relative.endswith("/"):
            assert owners_of(relative + "workflows/kontroll.yml") == [team], path
    for pattern, owners in rules():
        assert team in owners, pattern  # no file is left without the municipality's say


def test_no_later_rule_can_take_a_decision_from_the_team() -> None:
    """A rule for an association's own file, put after the municipality's lines, would give the
    association a say over them if it matched: the matcher above sees the last rule, as GitHub does."""
    patterns = [pattern for pattern, _ in rules()]
    governed_at = [patterns.index(path) for path in governance.GOVERNED]
    assert min(governed_at) > patterns.index("*")
    later = patterns[max(governed_at) + 1 :]
    assert later == []
    assert all(not fnmatch.fnmatch(path.lstrip("/"), "directory/organisations/*") for path in governance.GOVERNED)


def test_bidra_lists_the_decisions_and_the_team(sample) -> None:
    from commonmap.contribute.reference import governance_list

    html = governance_list(Settings(municipality_team="@kommun/team"))
    assert "@kommun/team" in html
    for path in governance.GOVERNED:
        assert f"<code>{path.lstrip('/')}</code>" in html
    assert "<!-- commonmap:governance -->" in (ROOT / "content" / "bidra.md").read_text(encoding="utf-8")


# --- the good-example rule ---

COLLABORATION = """\
id: {id}
name: Samverkan {id}
categories: [trygghet]
partners:
  - organisation: exempelforeningen
status: {status}
{extra}last_reviewed: 2026-01-15
sources: [test]
"""
FULL = "outcomes: [Fler vuxna ute]\nlessons: [Förtroende tar tid]\n"


def directory_with(make_directory, good_examples: str, **collaborations: tuple[str, str]):
    files = {"good_examples.yml": good_examples}
    for id_, (status, extra) in collaborations.items():
        files[f"collaborations/{id_}.yml"] = COLLABORATION.format(id=id_, status=status, extra=extra)
    return make_directory(files)


def good_problems(root) -> list[tuple[str, int, str]]:
    return [key for key in problem_keys(validate(root)) if key[0] in ("good_examples.yml",) or "samverkan" in key[0]]


def test_a_complete_good_example_passes_and_shows_in_the_lists_order(make_directory) -> None:
    from commonmap.records.validate import read_directory

    root = directory_with(
        make_directory, "good_examples:\n  - andra\n  - forsta\n", forsta=("ongoing", FULL), andra=("ended", FULL)
    )
    directory, problems = read_directory(root, today=TODAY)
    assert [p.format() for p in problems if p.severity == "error"] == []
    assert directory.good_examples == ("andra", "forsta")
    page = next(p for p in page_outputs(directory, Settings()) if getattr(p, "url", "") == "goda-exempel/")
    assert page.html.index("Samverkan forsta") < page.html.index("Samverkan andra")  # ongoing first, then ended
    record = next(p for p in page_outputs(directory, Settings()) if getattr(p, "url", "") == "samverkan/forsta/")
    assert "goda-exempel/" in record.html


@pytest.mark.parametrize(
    ("status", "extra", "expected"),
    [
        ("ongoing", "lessons: [Förtroende tar tid]\n", ["good-example-incomplete"]),
        ("ended", "outcomes: [Fler vuxna ute]\n", ["good-example-incomplete"]),
        ("planned", FULL, ["good-example-planned"]),
        ("planned", "", ["good-example-incomplete", "good-example-incomplete", "good-example-planned"]),
    ],
)
def test_a_good_example_needs_outcomes_lessons_and_to_have_started(make_directory, status, extra, expected) -> None:
    root = directory_with(make_directory, "good_examples:\n  - exempel\n", exempel=(status, extra))
    problems = [p for p in validate(root) if p.file.endswith("good_examples.yml")]
    assert [(p.line, p.code, p.severity) for p in problems] == [(2, code, "error") for code in expected]
    for problem in problems:
        assert "collaborations/exempel.yml" in problem.message and "exempel" in problem.hint
    missing = {p.params["field"] for p in problems if p.code == "good-example-incomplete"}
    assert missing == {"outcomes", "lessons"} - {f for f in ("outcomes", "lessons") if f in extra}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("good_examples:\n  - finns-inte\n", [(2, "unknown-reference")]),
        ("good_examples:\n  - exempelforeningen\n", [(2, "wrong-reference-type")]),
        ("good_examples:\n  - exempel\n  - exempel\n", [(3, "good-example-repeated")]),
        ("good_examples:\n  - Exempel samverkan\n", [(2, "invalid-id")]),
        ("good_examples: exempel\n", [(1, "expected-list")]),
        ("goda_exempel:\n  - exempel\n", [(1, "unknown-field")]),
        ("good_examples:\n  - exempel\n good: [\n", [(3, "yaml-indentation")]),
    ],
)
def test_the_list_is_read_like_the_vocabulary_with_located_errors(make_directory, text, expected) -> None:
    root = directory_with(make_directory, text, exempel=("ongoing", FULL))
    found = [(line, code) for name, line, code in problem_keys(validate(root)) if name == "good_examples.yml"]
    assert found == expected


def test_good_example_in_a_collaboration_file_points_to_the_list(make_directory) -> None:
    root = directory_with(make_directory, "good_examples: []\n", exempel=("ongoing", FULL + "good_example: true\n"))
    problems = [p for p in validate(root) if p.file.endswith("exempel.yml")]
    assert [(p.line, p.code) for p in problems] == [(9, "good-example-moved")]
    assert "good_examples.yml" in problems[0].hint


def test_without_the_file_there_are_no_good_examples(make_directory) -> None:
    from commonmap.records.validate import read_directory

    directory, problems = read_directory(make_directory(), today=TODAY)
    assert directory.good_examples == () and not [p for p in problems if p.severity == "error"]
