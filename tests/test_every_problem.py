"""Every problem of a file in one run (issue 19): only a YAML syntax error stops the reading of a
file, and then its message says so; every other check runs on every field, each message names
its field, and one rule for unquoted values holds for every kind of value."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from commonmap.base.characters import excerpt
from commonmap.records import loader
from commonmap.records.messages import STOPPED
from commonmap.records.yamltext import scalar
from tests.support.directories import problem_keys, validate

# One meeting place with a mistake of a different kind on nearly every line.
MANY_MISTAKES = """\
id: kvallscafe
name:
summary: ~
hosts:
  - KFUM Örebro
categories:
  - Barn och unga
   - gemenskap
areas:
  - Vivalla
contact:
  phone: 0701234567
  email: info@
  email: info@exempel.se
opening_hours:
  - days: [mo, onsdag]
    opens: 18:00
    closes: "21:00"
accessibility:
  wheelchair: yes
cost:
  free: ja
location:
  lat: 59,2988
  lon: 15.1869
status: temporarily-closed
last_reviewed: 2031-01-01
sources:
  -
"""
# (line, code, field named in the message)
EXPECTED = [
    (2, "empty-required", "name"),
    (3, "null-value", "summary"),
    (5, "invalid-id", "hosts"),
    (8, "list-item-indentation", "categories"),
    (10, "area-label", "areas"),
    (12, "needs-quotes", "contact.phone"),
    (13, "invalid-email", "contact.email"),
    (14, "duplicate-key", "contact.email"),
    (16, "invalid-choice", "opening_hours.days"),
    (17, "needs-quotes", "opening_hours.opens"),
    (20, "needs-quotes", "accessibility.wheelchair"),
    (22, "invalid-flag", "cost.free"),
    (24, "decimal-comma", "location.lat"),
    (26, "status-reason-missing", "status"),
    (27, "future-review", "last_reviewed"),
    (29, "empty-required-list", "sources"),
]


def problems_of(make_directory, text: str, folder: str = "places", name: str = "kvallscafe") -> list:
    """The problems of one file added to the minimal directory (made once per test)."""
    root = make_directory.root if hasattr(make_directory, "root") else make_directory()
    make_directory.root = root
    (root / folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return [p for p in validate(root) if p.file.endswith(f"{name}.yml")]


def test_one_record_with_many_mistakes_gets_all_of_them_in_one_run(make_directory) -> None:
    problems = problems_of(make_directory, MANY_MISTAKES)
    assert [(p.line, p.code) for p in problems] == [(line, code) for line, code, _ in EXPECTED]
    assert len({code for _, code, _ in EXPECTED}) >= 6
    for problem, (_, _, field) in zip(problems, EXPECTED, strict=True):
        assert f"'{field}'" in problem.message, problem.format()
        assert problem.severity == "error" and STOPPED not in problem.message
    # The hints say what to do for this field: the label's id, the quoted form, no removal of a required field.
    hints = {p.code + str(p.line): p.hint for p in problems}
    assert "vivalla" in hints["area-label10"]
    assert '"0701234567"' in hints["needs-quotes12"] and '"18:00"' in hints["needs-quotes17"]
    assert "ta bort" not in hints["empty-required2"].lower() and "ta bort" in hints["null-value3"].lower()


def test_one_run_of_the_command_prints_all_of_them(make_directory, capsys) -> None:
    """`commonmap validate`, run once, prints every mistake as FILE:LINE:COL with its field."""
    from commonmap.cli import main

    problems_of(make_directory, MANY_MISTAKES)
    code = main(["validate", str(make_directory.root), "--today", "2026-12-01"])
    lines = [line for line in capsys.readouterr().out.splitlines() if "/kvallscafe.yml:" in line]
    assert code == 1
    assert [int(line.split(":")[1]) for line in lines] == [line for line, _, _ in EXPECTED]
    for line, (_, _, field) in zip(lines, EXPECTED, strict=True):
        assert ": error: " in line and f"'{field}'" in line, line


def test_fixing_them_leaves_nothing_new_to_find(make_directory) -> None:
    """A second round finds no problem the first did not report: the fixed file is valid."""
    fixed = (
        MANY_MISTAKES.replace("name:\n", "name: Kvällscafé\n")
        .replace("summary: ~\n", "")
        .replace("KFUM Örebro", "exempelforeningen")
        .replace("  - Barn och unga\n   - gemenskap", "  - gemenskap")
        .replace("Vivalla", "vivalla")
        .replace("0701234567", '"0701234567"')
        .replace("  email: info@\n", "")
        .replace("onsdag", "we")
        .replace("18:00", '"18:00"')
        .replace("yes", '"yes"')
        .replace("ja", "true")
        .replace("59,2988", "59.2988")
        .replace("temporarily-closed\n", "temporarily-closed\nstatus_reason: Lokalen renoveras.\n")
        .replace("2031-01-01", "2026-11-01")
        .replace("  -\n", "  - Föreningens webbplats\n")
    )
    assert [p.format() for p in problems_of(make_directory, fixed)] == []


HEAD = "id: forening\nname: Föreningen\nkind: association\ncategories: [gemenskap]\n"
TAIL = "last_reviewed: 2026-01-15\nsources: [test]\n"
PLACE = "id: forening\nname: Platsen\nhosts: [exempelforeningen]\ncategories: [gemenskap]\n"


@pytest.mark.parametrize(
    ("kind", "line", "value"),
    [
        ("number", "  phone: 0701234567\n", "0701234567"),
        ("number", "  phone: +46703262408\n", "+46703262408"),
        ("number", "  postal_code: 70371\n", "70371"),
        ("boolean", "  phone_label: yes\n", "yes"),
        ("boolean", "  phone_label: off\n", "off"),
        ("time", "  phone_label: 21:00\n", "21:00"),
        ("time", "  phone_label: 09:30\n", "09:30"),
        ("date", "  phone_label: 2026-01-15\n", "2026-01-15"),
        ("null", "  phone_label: ~\n", "~"),
        ("null", "  phone_label: null\n", "null"),
    ],
)
def test_unquoted_values_other_readers_would_type_are_errors_with_the_quoted_form(
    make_directory, kind: str, line: str, value: str
) -> None:
    parent = "address:\n  street: Storgatan 1\n  city: Örebro\n" if "postal_code" in line else "contact:\n"
    field = ("address." if "postal_code" in line else "contact.") + line.split(":")[0].strip()
    text = HEAD + parent + line + TAIL
    problems = problems_of(make_directory, text, "organisations", "forening")
    assert [(p.code, p.params["field"]) for p in problems] == [
        ("null-value" if kind == "null" else "needs-quotes", field)
    ]
    assert f'"{value}"' in problems[0].hint and value in problems[0].message
    quoted = text.replace(f": {value}\n", f': "{value}"\n')
    assert problems_of(make_directory, quoted, "organisations", "forening") == []


@pytest.mark.parametrize(
    ("text", "folder"),
    [
        (PLACE + "open_on_public_holidays: true\n" + TAIL, "places"),  # true/false in a true/false field
        (PLACE + "location:\n  lat: 59.2988\n  lon: 15.1869\n" + TAIL, "places"),  # numbers in lat and lon
        (HEAD + TAIL, "organisations"),  # a date in a date field (last_reviewed)
    ],
)
def test_the_documented_exceptions_are_values_every_reader_reads_as_the_field_expects(
    make_directory, text: str, folder: str
) -> None:
    assert problems_of(make_directory, text, folder, "forening") == []


def test_a_time_in_opening_hours_and_a_year_in_a_period_need_quotes(make_directory) -> None:
    hours = PLACE + "opening_hours:\n  - days: [mo]\n    opens: 18:00\n    closes: 21:00\n" + TAIL
    found = problems_of(make_directory, hours, "places", "forening")
    assert [(p.line, p.code) for p in found] == [(7, "needs-quotes"), (8, "needs-quotes")]
    period = (
        "id: samverkan\nname: Samverkan\ncategories: [gemenskap]\npartners:\n  - organisation: exempelforeningen\n"
        "status: ended\nperiod:\n  start: 2009\n  end: 2011-06\n" + TAIL
    )
    assert [(p.line, p.code) for p in problems_of(make_directory, period, "collaborations", "samverkan")] == [
        (8, "needs-quotes")
    ]


def test_a_syntax_error_stops_the_file_and_says_so(make_directory) -> None:
    text = HEAD + "summary: Öppet: mån–fre\nname: Igen\n" + TAIL
    problems = problems_of(make_directory, text, "organisations", "forening")
    assert problem_keys(problems) == [("forening.yml", 5, "yaml-colon")]
    assert problems[0].message.endswith(STOPPED)


def test_rules_across_fields_and_records_run_on_a_record_with_problems(make_directory) -> None:
    """The status rule and the reference check still run when another field is wrong, and a
    record that refers to one with problems is not told that it does not exist."""
    role = (
        "id: forening\nname: Uppdraget\norganisation: finns-inte\nplace: exempelplatsen\ntasks: Hjälper till.\n"
        'categories: [gemenskap]\ncontact:\n  phone: "12"\nstatus: temporarily-closed\n' + TAIL
    )
    found = problem_keys(problems_of(make_directory, role, "roles", "forening"))
    assert found == [
        ("forening.yml", 3, "unknown-reference"),
        ("forening.yml", 8, "invalid-phone"),
        ("forening.yml", 9, "status-reason-missing"),
    ]
    broken_place = "id: trasig-plats\nname: Trasig\nhosts: [exempelforeningen]\ncategories: [gemenskap]\n"
    (make_directory.root / "places" / "trasig-plats.yml").write_text(broken_place + "cost:\n  free: ja\n" + TAIL)
    role = role.replace("exempelplatsen", "trasig-plats").replace("finns-inte", "exempelforeningen")
    (make_directory.root / "roles" / "forening.yml").write_text(role, encoding="utf-8")
    keys = problem_keys(validate(make_directory.root))
    assert ("trasig-plats.yml", 6, "invalid-flag") in keys
    assert not [k for k in keys if k[0] == "forening.yml" and k[2] == "unknown-reference"]


def test_every_message_about_a_field_names_it(make_directory) -> None:
    from tests.test_contribute_mistakes import problems_of_bad_corpus

    problems = problems_of_bad_corpus(make_directory)
    named = [p for p in problems if p.params.get("field")]
    assert len({p.code for p in named}) >= 35
    for problem in named:
        field = excerpt(str(problem.params["field"]))  # as messages show it: invisible characters made visible
        assert field.lower() in problem.message.lower(), problem.format()


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)


@settings(deadline=None)  # a shared machine: time is not what this test is about
@given(TEXT | st.sampled_from(["yes", "no", "21:00", "09:00", "0701234567", "1e3", "~", "null", "2026-01-15", "kfum"]))
def test_what_the_project_writes_every_reader_reads_back_as_the_same_text(value: str) -> None:
    """yamltext.scalar writes a value bare only when no reader types it (or as a date): our
    loader reads back the same string, unmarked, and so does PyYAML (a YAML 1.1 reader)."""
    written = scalar(value)
    loaded, problems = loader.load_bytes(f"a: {written}\n".encode(), "x.yml")
    if loaded is None:  # a character the loader refuses (e.g. an invisible one): not ours to write
        return
    assert loaded.data == {"a": value} and loaded.typed.get(("a",)) in (None, "date")
    back = yaml.safe_load(f"a: {written}\n")["a"]
    assert back == value or str(back) == value
