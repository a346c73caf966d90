"""directory/good_examples.yml: the collaborations the municipality lifts up as good examples.

The choice is the municipality's, so it lives in a file of its own that `.github/CODEOWNERS`
gives to the municipality's team alone (the team is named once, in mkdocs.yml's
`municipality_team`; tests/test_governance.py checks that CODEOWNERS agrees): with GitHub's
"Require review from Code Owners", no change to the list is merged without that team's review.
A collaboration's own file no longer says whether it is a good example: `good_example:` there is
an error whose hint points here (an association may edit its collaboration's file, so a flag in
it could not be guarded).

A good example shows what the collaboration achieved and what was learnt, and has started:
`outcomes` and `lessons` filled in and a status of ongoing or ended. Each rule broken is an error
on the collaboration's line in this file, naming the collaboration's file. The file is read like
the other vocabulary files: strict YAML, every problem with its line. Without the file there are
no good examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field

from commonmap.records import typed
from commonmap.records.inputs import GOOD_EXAMPLES_FILE
from commonmap.records.loader import Loaded, load_file
from commonmap.records.problems import Problem
from commonmap.records.suggest import suggest
from commonmap.records.types import TYPE_NAMES
from commonmap.records.values import Ref, Strict

FILE = GOOD_EXAMPLES_FILE
# What a good example must have filled in, with the words the message uses for it.
NEEDED = {"outcomes": "vad samverkan gav", "lessons": "lärdomar"}


class GoodExamples(Strict):
    good_examples: list[Ref] = Field(
        default_factory=list,
        title="Goda exempel",
        description="Id för samverkan som kommunen lyfter fram på sidan Goda exempel, i den ordning de visas.",
    )


@dataclass(frozen=True)
class Chosen:
    """The ids in the list (None for an item with a problem of its own), where they stand."""

    ids: tuple[str | None, ...]
    loaded: Loaded | None


@dataclass(frozen=True)
class Candidate:
    """What the rules need of a record that is on the list."""

    type: str  # its type folder
    file: str
    record: BaseModel  # the record, or the part of it that is right (checked.Checked.subject)


def read(root: Path, name: str, problems: list[Problem]) -> Chosen | None:
    """The list, with its own problems added to `problems`; None when the file cannot be read."""
    path = root / FILE
    if not path.exists():
        return Chosen((), None)
    loaded, found = load_file(path, name)
    problems += found
    if loaded is None:
        return None
    model, partial = typed.build(loaded, GoodExamples, problems)
    ids = tuple(_get(model or partial, "good_examples") or ())
    seen: dict[str, int] = {}
    for index, id_ in enumerate(ids):
        if id_ is None:
            continue
        line, col = loaded.position(("good_examples", index))
        if id_ in seen:
            params = {"field": "good_examples", "value": id_, "other_line": seen[id_]}
            problems.append(Problem(loaded.file, line, col, "good-example-repeated", params))
        seen.setdefault(id_, line)
    return Chosen(ids, loaded)


def check(chosen: Chosen, records: dict[str, Candidate]) -> list[Problem]:
    """Each id on the list names a collaboration that shows outcomes and lessons and has started."""
    found: list[Problem] = []
    collaborations = [id_ for id_, item in records.items() if item.type == "collaborations"]
    for index, id_ in enumerate(chosen.ids):
        if id_ is None or chosen.loaded is None:
            continue
        line, col = chosen.loaded.position(("good_examples", index))
        at = (chosen.loaded.file, line, col, id_)
        item = records.get(id_)
        base = {"expected": "samverkan", "folder": "collaborations"}
        if item is None:
            found.append(_problem(at, "unknown-reference", suggestion=suggest(id_, collaborations), **base))
        elif item.type != "collaborations":
            found.append(_problem(at, "wrong-reference-type", found=TYPE_NAMES[item.type], **base))
        else:
            found += _rules(item, at)
    return found


def _problem(at: tuple[str, int, int, str], code: str, **params: object) -> Problem:
    file, line, col, id_ = at
    return Problem(file, line, col, code, {"field": "good_examples", "value": id_, **params})


def _rules(item: Candidate, at: tuple[str, int, int, str]) -> list[Problem]:
    found = []
    for field, what in NEEDED.items():
        if _get(item.record, field, "left out") == []:  # a field with a problem of its own is not judged here
            found.append(_problem(at, "good-example-incomplete", field=field, what=what, file=item.file))
    if _get(item.record, "status") == "planned":
        found.append(_problem(at, "good-example-planned", file=item.file))
    return found


def _get(record: BaseModel | None, name: str, default: object = None) -> object:
    """A field of a record or partial record (see typed.py), `default` when it is left out."""
    return record.__dict__.get(name, default) if record is not None else default
