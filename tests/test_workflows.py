"""The GitHub workflows: valid by GitHub's own schema, least permissions, actions pinned to a
release, and the same checks as CI (lint and every test) on pull requests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.support.sites import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*-?\s*uses:\s*(\S+)", re.M)


def test_workflows_pass_githubs_schema() -> None:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
    result = subprocess.run([*command, *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_third_party_actions_are_pinned_to_a_release() -> None:
    unpinned = [
        f"{path.name}: {action}"
        for path in WORKFLOWS
        for action in USES.findall(path.read_text(encoding="utf-8"))
        if not action.startswith("./") and not re.search(r"@(v\d+\.\d+\.\d+|[0-9a-f]{40})$", action)
    ]
    assert WORKFLOWS and unpinned == []


def test_workflows_read_only_unless_a_job_says_why() -> None:
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow.get("permissions") == {"contents": "read"}, path.name
        assert "pull_request_target" not in (workflow.get(True) or workflow.get("on") or {}), path.name


def test_pull_requests_run_lint_and_every_test_from_the_lock() -> None:
    text = (ROOT / ".github/workflows/kontroll.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert "pull_request" in workflow[True]
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make test" in steps and "make install" in steps
    assert "pip install -e" not in text  # everything from requirements.lock, through the Makefile
    makefile = Path(ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes" in makefile and "ruff check" in makefile
