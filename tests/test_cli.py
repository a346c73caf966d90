"""`commonmap validate` per the guide's contract: lines, summary, exit codes, GitHub format."""

from __future__ import annotations

import re

from commonmap.cli import main
from tests.support.processes import cli as run

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): .+ Tips: .+$")


def test_valid_directory_exits_0_with_summary(make_directory) -> None:
    result = run("validate", str(make_directory()))
    assert result.returncode == 0, result.stdout
    summary = result.stdout.splitlines()[-1]
    assert (
        summary == "1 organisation, 1 mötesplats, 1 volontäruppdrag och 1 samverkan kontrollerade: 0 fel, 0 varningar."
    )


def test_summary_counts_files_with_errors_as_checked(make_directory) -> None:
    root = make_directory({"places/trasig.yml": "id: trasig\nname: Trasig\n", "places/annan.yml": "id: annan\n"})
    summary = run("validate", str(root)).stdout.splitlines()[-1]
    assert summary.startswith("1 organisation, 3 mötesplatser, 1 volontäruppdrag och 1 samverkan kontrollerade: ")
    assert re.search(r": [1-9]\d* fel, 0 varningar\.$", summary)


def test_errors_exit_1_one_line_each(make_directory) -> None:
    root = make_directory(
        {
            "organisations/trasig.yml": "id: trasig\nname: Trasig\nkind: förening\ncategories: [gemenskap]\nlast_reviewed: 2026-02-30\nsources: [x]\n"
        }
    )
    result = run("validate", str(root))
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if LINE.match(line)]
    assert [(LINE.match(p)["line"], LINE.match(p)["severity"]) for p in problems] == [("3", "error"), ("5", "error")]
    assert problems[0].startswith("directory/organisations/trasig.yml:3:7: error: ")
    assert "2 fel" in result.stdout.splitlines()[-1]


def test_github_format(make_directory) -> None:
    root = make_directory({"organisations/trasig.yml": "id: trasig\nname: Trasig\n"})
    result = run("validate", "--format", "github", str(root))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith(
        "::error file=directory/organisations/trasig.yml,line=1,col=1,title=missing-field::"
    )


def test_usage_errors_exit_2(tmp_path) -> None:
    assert main(["validate", str(tmp_path / "saknas")]) == 2
    assert main(["validate", "--format", "xml"]) == 2
    assert main([]) == 2


def test_no_traceback_for_any_file(make_directory) -> None:
    root = make_directory({"organisations/x.yml": b"\xff\xfe\x00\x00garbage", "places/y.yml": b"{[}]: : :"})
    result = run("validate", str(root))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
