"""Property tests (hypothesis): random and mutated record files never make the loader or the
validator raise, every problem names its file and a line in it, and any record that validates
renders (pages, map, finder) and exports without unsafe markup."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commonmap import generators
from commonmap.records.loader import load_bytes
from commonmap.records.settings import Settings
from commonmap.records.validate import read_directory
from tests.support.directories import MINIMAL, TODAY
from tests.support.safety import unsafe_markup

VALID = (MINIMAL / "organisations" / "exempelforeningen.yml").read_bytes()
PLACE = (MINIMAL / "places" / "exempelplatsen.yml").read_bytes()
YAML_BITS = [
    b": ", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"!!str ", b"!x ", b"|", b">", b"'", b'"', b"#",
    b"\t", b"\n", b"  ", b"---\n", b"...\n", b"? ", b"%YAML 1.1\n", b"\\", b"\xc3", b"\xef\xbb\xbf", b"<<: ",
    b"\x00", b"\xe2\x80\xae", b"yes", b"1e3", b"0o7", b"~", b"2026-02-30", b"59,3", b"javascript:",
]  # fmt: skip
HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


@st.composite
def mutated(draw, original: bytes = VALID, bits: list[bytes] = YAML_BITS) -> bytes:
    """A valid file with a few insertions, deletions and line swaps of significant bytes (YAML's
    by default)."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["insert", "delete", "swap", "duplicate"]))
        at = draw(st.integers(0, len(data)))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(bits) | st.binary(min_size=1, max_size=4))
        elif kind == "delete" and data:
            data[at : at + draw(st.integers(1, 8))] = b""
        else:
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if kind == "swap":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(j, lines[i])
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@settings(max_examples=200, deadline=None, suppress_health_check=HEALTH)
@given(st.binary(max_size=400) | mutated())
def test_the_loader_never_raises(content: bytes) -> None:
    loaded, problems = load_bytes(content, "x.yml")
    assert loaded is not None or problems
    for problem in problems:
        assert problem.file == "x.yml" and problem.line >= 1 and problem.col >= 1
        assert problem.line <= content.count(b"\n") + content.count(b"\r") + 2


@cache
def _minimal_copy(base: Path) -> Path:
    root = base / "directory"
    shutil.copytree(MINIMAL, root)
    return root


def _check(root: Path, name: str, content: bytes) -> None:
    target = root / name
    target.write_bytes(content)
    try:
        directory, problems = read_directory(root, today=TODAY)
        lines = content.count(b"\n") + content.count(b"\r") + 2
        for problem in problems:
            assert problem.line >= 1 and problem.col >= 1, problem
            if problem.file.endswith(name.split("/")[1]):
                assert problem.line <= lines, problem
        if directory is not None and not any(p.severity == "error" for p in problems):
            _renders(directory)
    finally:
        target.unlink()


def _renders(directory) -> None:
    """Everything the site publishes is made; no HTML page has unsafe markup."""
    for output in generators.outputs(directory, Settings(site_url="https://karta.example.se/")):
        html = getattr(output, "html", None)
        if html is not None:
            assert unsafe_markup(html) == [], output.path


@settings(max_examples=100, deadline=None, suppress_health_check=HEALTH)
@given(content=mutated())
def test_the_validator_never_raises_on_a_mutated_organisation(tmp_path_factory, content: bytes) -> None:
    root = _minimal_copy(tmp_path_factory.getbasetemp() / "props-org")
    _check(root, "organisations/exempelforeningen.yml", content)


@settings(max_examples=60, deadline=None, suppress_health_check=HEALTH)
@given(content=mutated(PLACE))
def test_the_validator_never_raises_on_a_mutated_place(tmp_path_factory, content: bytes) -> None:
    root = _minimal_copy(tmp_path_factory.getbasetemp() / "props-place")
    _check(root, "places/exempelplatsen.yml", content)


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=HEALTH)
@given(name=TEXT, summary=TEXT, source=TEXT)
def test_any_valid_text_renders_safely(tmp_path_factory, name: str, summary: str, source: str) -> None:
    """Random text in quoted fields: rejected with a line, or accepted and rendered safely."""
    import json

    record = (
        f"id: slump\nname: {json.dumps(name)}\nsummary: {json.dumps(summary)}\nkind: association\n"
        f"categories: [gemenskap]\nlast_reviewed: 2026-01-15\nsources: [{json.dumps(source)}]\n"
    )
    root = _minimal_copy(tmp_path_factory.getbasetemp() / "props-text")
    _check(root, "organisations/slump.yml", record.encode("utf-8"))
