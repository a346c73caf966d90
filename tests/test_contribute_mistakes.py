"""Typical volunteer mistakes: each message names the right line and says, in Swedish, what to do.
Extends tests/test_messages.py (every code has a text and a hint) with what a person reads."""

from __future__ import annotations

import re
import string

import pytest

from commonmap.contribute.reference import COMMON_CODES, error_messages, placeholder_text
from commonmap.records.messages import MESSAGES
from tests.support.directories import TESTS, problem_keys, validate

HEAD = "id: forening\nname: Föreningen\nkind: association\n"
TAIL = "last_reviewed: 2026-01-15\nsources: [test]\n"
# name → (file text, line, code, words the hint must contain)
MISTAKES = {
    "wrong indentation": (
        HEAD + "contact:\n    email: info@exempel.se\n  website: https://exempel.se\ncategories: [gemenskap]\n" + TAIL,
        6,
        "yaml-indentation",
        ["samma kolumn", "mellanslag"],
    ),
    "tab in indentation": (
        HEAD + "contact:\n\temail: info@exempel.se\ncategories: [gemenskap]\n" + TAIL,
        5,
        "yaml-tab",
        ["mellanslag"],
    ),
    "phone with plus, unquoted": (
        HEAD + "contact:\n  phone: +46703262408\ncategories: [gemenskap]\n" + TAIL,
        5,
        "needs-quotes",
        ['"+46703262408"'],
    ),
    "phone with leading zero, unquoted": (
        HEAD + "contact:\n  phone: 0701234567\ncategories: [gemenskap]\n" + TAIL,
        5,
        "needs-quotes",
        ['"0701234567"'],
    ),
    "time without colon": (
        "id: forening\nname: Platsen\nhosts: [exempelforeningen]\ncategories: [gemenskap]\n"
        'opening_hours:\n  - days: [mo]\n    opens: 1800\n    closes: "21:00"\n' + TAIL,
        7,
        "invalid-time",
        ['"09:00"'],
    ),
    "misspelt field": (
        HEAD.replace("name:", "nmae:") + "categories: [gemenskap]\n" + TAIL,
        2,
        "unknown-field",
        ["stavning"],
    ),
    "category that does not exist": (
        HEAD + "categories:\n  - gemenskap\n  - idrott\n" + TAIL,
        6,
        "unknown-category",
        ["categories.yml"],
    ),
    "date like 10/11/2021": (
        HEAD + "categories: [gemenskap]\nlast_reviewed: 10/11/2021\nsources: [test]\n",
        5,
        "invalid-date",
        ["ÅÅÅÅ-MM-DD", "2021-11-10"],
    ),
    "colon inside a value": (
        HEAD + "summary: Öppet: mån–fre\ncategories: [gemenskap]\n" + TAIL,
        4,
        "yaml-colon",
        ["citattecken"],
    ),
    "yes instead of true": (
        "id: forening\nname: Platsen\nhosts: [exempelforeningen]\ncategories: [gemenskap]\n"
        "open_on_public_holidays: ja\n" + TAIL,
        5,
        "invalid-flag",
        ["true", "false"],
    ),
    "decimal comma in a coordinate": (
        HEAD + "categories: [gemenskap]\nlocation:\n  lat: 59,2741\n  lon: 15.2066\n" + TAIL,
        6,
        "decimal-comma",
        ["59.2741"],
    ),
}
FOLDERS = {"time without colon": "places", "yes instead of true": "places"}


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_is_reported_on_its_line_with_what_to_do(make_directory, name: str) -> None:
    text, line, code, words = MISTAKES[name]
    folder = FOLDERS.get(name, "organisations")
    root = make_directory({f"{folder}/forening.yml": text})
    problems = [p for p in validate(root) if p.file.endswith("forening.yml")]
    keys = problem_keys(problems)
    # A misspelt required field is also reported missing (at line 1, where the record starts).
    assert (
        keys == [("forening.yml", line, code)]
        or name == "misspelt field"
        and keys
        == [
            ("forening.yml", 1, "missing-field"),
            ("forening.yml", line, code),
        ]
    )
    problem = next(p for p in problems if p.code == code)
    shown = problem.format()
    assert shown.startswith(f"{problem.file}:{line}:")
    hint = shown.split(" Tips: ", 1)[1]
    for word in words:
        assert word in hint, (name, hint)
    if name == "misspelt field":
        assert "Menade du 'name'?" in shown


def test_a_phone_with_plus_and_spaces_needs_no_quotes_but_one_without_does(make_directory) -> None:
    """Our reader keeps +46703262408 as typed, but a YAML 1.2 reader (editors, check-jsonschema)
    makes it the number 46703262408: by the guide's rule that is an error, with the fix in the hint.
    With spaces it is text for every reader, so it is accepted as written."""
    spaced = HEAD + "contact:\n  phone: +46 70 326 24 08\ncategories: [gemenskap]\n" + TAIL
    assert [p for p in validate(make_directory({"organisations/forening.yml": spaced})) if "forening" in p.file] == []


def problems_of_bad_corpus(make_directory) -> list:
    files = {}
    for path in sorted((TESTS / "bad").glob("*.yml")):
        header = path.read_text(encoding="utf-8").splitlines()[:3]
        folder = next((line.split(": ", 1)[1] for line in header if line.startswith("# folder: ")), "organisations")
        files[f"{folder}/{path.name}"] = path.read_bytes()
    for number, (name, (text, *_)) in enumerate(MISTAKES.items()):
        id_ = f"misstag-{number}"
        files[f"{FOLDERS.get(name, 'organisations')}/{id_}.yml"] = text.replace("id: forening", f"id: {id_}")
    return validate(make_directory(files))


def test_every_problem_printed_is_swedish_text_and_hint_without_gaps(make_directory) -> None:
    problems = problems_of_bad_corpus(make_directory)
    assert len({p.code for p in problems}) >= 30
    for problem in problems:
        shown = problem.format()  # raises KeyError when a message needs a value the code does not give
        message, hint = shown.split(" Tips: ", 1)
        assert "{" not in message and "{" not in hint, shown
        assert hint.strip() and hint.rstrip()[-1] in ".?!)\"'", shown
        # No English left over from pydantic or libyaml in the catalogue's own words.
        template_words = " ".join(placeholder_text(text) for text in MESSAGES[problem.code])
        assert not re.search(r"\b(the|should|must|Input|Field required|expected)\b", template_words), problem.code


def test_every_code_is_explained_on_the_contribute_page() -> None:
    html = error_messages()
    for code in MESSAGES:
        assert f'id="fel-{code}"' in html, code
    assert set(COMMON_CODES) <= set(MESSAGES)
    for code in MESSAGES:
        for text in MESSAGES[code]:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            assert names <= {"suggestion"} or "…" in html, code
