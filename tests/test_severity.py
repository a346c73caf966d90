"""Severity lives in the message catalogue: every code is an error or a warning there, a Problem
takes it from there, and call sites do not choose it (save the one documented override)."""

from __future__ import annotations

import ast

from commonmap.records import messages
from commonmap.records.inputs import inventory
from commonmap.records.messages import MESSAGES, WARNINGS
from commonmap.records.messages_fields import FIELD_MESSAGES, FIELD_WARNINGS
from commonmap.records.messages_files import FILE_MESSAGES, FILE_WARNINGS
from commonmap.records.messages_rules import RULE_MESSAGES, RULE_WARNINGS
from commonmap.records.problems import Problem
from tests.support.sites import ROOT

# The one place a code's severity depends on where it occurs (a hidden file that looks like a record).
OVERRIDES = {("commonmap/records/inputs.py", "hidden-entry")}


def test_every_code_has_a_severity() -> None:
    assert {messages.severity(code) for code in MESSAGES} == {"error", "warning"}
    assert set(MESSAGES) >= WARNINGS, WARNINGS - set(MESSAGES)  # no misspelt or removed code
    # Each part lists only its own codes, so a warning sits beside its message.
    for part, warnings in [
        (FIELD_MESSAGES, FIELD_WARNINGS),
        (RULE_MESSAGES, RULE_WARNINGS),
        (FILE_MESSAGES, FILE_WARNINGS),
    ]:
        assert warnings <= set(part), warnings - set(part)


def test_a_problem_takes_the_catalogues_severity() -> None:
    for code in MESSAGES:
        assert Problem("f.yml", 1, 1, code).severity == messages.severity(code), code
    assert Problem("f.yml", 1, 1, "stale").severity == "warning"
    assert Problem("f.yml", 1, 1, "duplicate-id").severity == "error"
    assert Problem("f.yml", 1, 1, "hidden-entry", severity="error").severity == "error"
    assert (
        "f.yml:1:1: warning: "
        in Problem("f.yml", 1, 1, "link-moved", {"url": "u", "status": 301, "location": "l", "reason": ""}).format()
    )


def test_a_hidden_record_is_an_error_and_other_hidden_entries_warnings(tmp_path) -> None:
    (tmp_path / "organisations").mkdir()
    (tmp_path / "organisations" / ".dold.yml").write_text("id: dold\n", encoding="utf-8")
    (tmp_path / "organisations" / ".DS_Store").write_text("x", encoding="utf-8")
    (tmp_path / ".gammalt").mkdir()
    found = inventory(str(tmp_path), "directory")
    assert sorted((p.file, p.code, p.severity) for p in found.problems) == [
        ("directory/.gammalt", "hidden-entry", "warning"),
        ("directory/organisations/.DS_Store", "hidden-entry", "warning"),
        ("directory/organisations/.dold.yml", "hidden-entry", "error"),
    ]


def chosen_severities(source: str) -> list[str]:
    """The code of each Problem(...) in a module's source that is given a severity: `severity=`,
    a sixth argument, or a last one that reads like a severity."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem"):
            continue
        last = node.args[-1] if node.args else None
        named = isinstance(last, ast.Constant) and last.value in ("error", "warning")
        named = named or isinstance(last, ast.Name) and "severity" in last.id
        if named or len(node.args) > 5 or any(k.arg == "severity" for k in node.keywords):
            codes = [a.value for a in node.args if isinstance(a, ast.Constant) and "-" in str(a.value)]
            found.append(codes[0] if codes else "?")
    return found


def test_call_sites_do_not_choose_a_severity() -> None:
    chosen = set()
    for path in (ROOT / "commonmap").rglob("*.py"):
        file = path.relative_to(ROOT).as_posix()
        chosen |= {(file, code) for code in chosen_severities(path.read_text(encoding="utf-8"))}
    assert chosen == OVERRIDES
