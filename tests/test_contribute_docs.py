"""/bidra/ stays in step with the model, the message catalogue and the command line."""

from __future__ import annotations

import re
from pathlib import Path

from commonmap.cli import main
from commonmap.contribute.fields import fields_of
from commonmap.records.messages import MESSAGES
from commonmap.records.types import TYPES
from tests.support.sites import ROOT


def paths(model: type, parent: str = "") -> list[str]:
    found = []
    for field in fields_of(model):
        path = f"{parent}.{field.name}" if parent else field.name
        found.append(path)
        if field.model:
            found += paths(field.model, path)
    return found


def test_contribute_page_has_every_field_and_every_message(built_site: Path) -> None:
    html = (built_site / "bidra" / "index.html").read_text(encoding="utf-8")
    assert "<!-- commonmap:" not in html
    for model in TYPES.values():
        for path in paths(model):
            assert f"<code>{path}</code>" in html, path
    for code in MESSAGES:
        assert f'id="fel-{code}"' in html, code
    assert 'href="../kategorier/"' in html
    assert "12 månader" in html


def test_every_command_is_documented(capsys) -> None:
    page = (ROOT / "content" / "bidra.md").read_text(encoding="utf-8")
    main(["--help"])
    commands = re.search(r"\{([a-z,]+)\}", capsys.readouterr().out)[1].split(",")
    for command in ("validate", "new", "stale", "stats"):
        assert command in commands
        assert f"commonmap {command}" in page, command
        assert main([command, "--help"]) == 0
        assert capsys.readouterr().out.strip()
