"""The loader's two paths agree: the fast line reader and the precise libyaml event path.

The line reader may decline any text, which the event path then reads. When it accepts a text,
the result must be exactly what the event path gives: data, positions of values and keys, and the
unquoted values other YAML readers would type. Files with a problem must always be declined, so
that the event path reports the problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from commonmap.records import loader
from commonmap.records.linereader import LineReader
from tests.support.directories import TESTS
from tests.support.sites import ROOT

YAML_FILES = sorted(
    path for folder in (TESTS, ROOT / "directory") for path in folder.rglob("*") if path.suffix in (".yml", ".yaml")
)
SAMPLE = [path for path in YAML_FILES if path.is_relative_to(ROOT / "directory")]


def read_both(text: str) -> tuple[loader.Loaded | None, loader.Loaded | loader.Problem]:
    """What each path makes of a text that passed the character checks (as in load_bytes)."""
    fast = LineReader("x.yml").read(text)
    try:
        precise: loader.Loaded | loader.Problem = loader._Builder("x.yml").build(text)
    except loader.Refused as refused:
        precise = refused.problem
    return fast, precise


def fields(loaded: loader.Loaded) -> tuple:
    # Lists of items: the order in which positions were recorded must agree too.
    return loaded.data, list(loaded.values.items()), list(loaded.keys.items()), loaded.typed, loaded.explained


def agree(text: str) -> bool:
    """Assert that the paths agree; True when the fast path read the text."""
    fast, precise = read_both(text)
    if fast is None:
        return False
    assert isinstance(precise, loader.Loaded), f"the fast path accepted a text the event path refuses: {precise}"
    assert fields(fast) == fields(precise)
    return True


def checked_text(raw: bytes) -> str | None:
    """The text load_bytes would hand to the builders, or None when it stops before."""
    try:
        text = loader.decode(raw, "x.yml")
        loader._character_problems(text, "x.yml")
    except loader.Refused:
        return None
    return text


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_paths_agree_on_every_file(path: Path) -> None:
    text = checked_text(path.read_bytes())
    if text is not None:
        agree(text)


def test_the_sample_directory_takes_the_fast_path() -> None:
    """Otherwise the agreement above would prove little about real records."""
    assert SAMPLE
    slow = [path.name for path in SAMPLE if not agree(checked_text(path.read_bytes()) or "")]
    assert slow == []


def test_the_benchmark_records_take_the_fast_path(tmp_path: Path) -> None:
    from tests.support.synthetic import generate

    root = generate(tmp_path / "directory", 40)
    assert all(agree(path.read_text(encoding="utf-8")) for path in sorted(root.rglob("*.yml")) if path.parent != root)


# --- Generated YAML: block documents in many styles, then random lines and random edits ---

# Characters that matter to YAML, beside ordinary letters.
TRICKY = "-?:,[]{}#&*!|>'\"%@`~.+\\ \t\r\u00a0\u2028\ufeffé😀0123456789eExnul"
# Mostly what records contain, so that many documents take the fast path, with some of everything.
CLEAN_KEYS = st.one_of(
    st.sampled_from(["id", "name", "null", "true", "no", "K", "_", "a" * 64]),
    st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True),
)
ODD_KEYS = st.one_of(
    st.sampled_from(["a b", "-a", "å", "a:b", "'q'", "?", "&a", "1", "a" * 70]),
    st.text(st.sampled_from(TRICKY + "ab"), min_size=1, max_size=3),
)
CLEAN_SCALARS = st.one_of(
    st.text(st.sampled_from("abcåö 0123456789.,:-#'\"/~é😀\u00a0"), min_size=1, max_size=10),
    st.sampled_from(["", "~", "null", "Null", "true", "no", "0701234567", "+46", "1e3", "0x1F", ".inf", "21:00"]),
)
ODD_SCALARS = st.one_of(
    st.sampled_from(["a #b", "a: b", "a:", "- a", "[a]", "{a: b}", "&x a", "*x", "!t a", "|", "|-", ">", "%a", "@a"]),
    st.text(st.sampled_from(TRICKY + "abc"), max_size=8),
)


def odd(draw: st.DrawFn) -> bool:
    return draw(st.integers(0, 11)) == 0


def a_key(draw: st.DrawFn) -> str:
    return draw(ODD_KEYS if odd(draw) else CLEAN_KEYS)


def a_scalar(draw: st.DrawFn) -> str:
    return draw(ODD_SCALARS if odd(draw) else CLEAN_SCALARS)


def scalar_text(draw: st.DrawFn, value: str, indent: int) -> str:
    """A scalar written plain, quoted or as a `|` block (whose lines follow)."""
    style = draw(st.sampled_from(["plain", "plain", "plain", "plain", '"', "'", "|"]))
    if style == "plain":
        return value
    if style == "|":
        margin = indent + (draw(st.integers(-1, 0)) if odd(draw) else draw(st.integers(1, 3)))
        lines = draw(
            st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["x", "# y", "z ", "a: b", "- c", ""])), max_size=4)
        )
        return "|" + "".join(f"\n{' ' * (margin + extra)}{line}" for extra, line in lines)
    return f"{style}{value}{style}"


@st.composite
def block(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> str:
    """A block mapping or sequence at `indent`, as its lines (each ending in a line break)."""
    step = draw(st.integers(1, 4))
    entries = [(a_key(draw), draw(st.integers(0, 5))) for _ in range(draw(st.integers(1, 4)))]
    sequence = depth > 0 and draw(st.booleans())
    out = []
    for key, kind in entries:
        lead = " " * indent + ("- " if sequence else f"{key}:")
        inner = indent + (2 if sequence else step)
        if kind == 0 and depth < 4:  # a nested block
            if sequence:  # `- key: value` on the dash's line, or the block on the lines below
                below = draw(st.booleans())
                nested = draw(block(inner if below else indent + 2, depth + 1))
                out.append(lead.rstrip() + "\n" + nested if below else lead + nested.lstrip(" "))
            else:
                same = draw(st.booleans())  # a sequence may stand at its key's indentation
                out.append(lead + "\n" + draw(block(indent if same else inner, depth + 1)))
        elif kind == 1:  # a flow sequence
            items = [a_scalar(draw) for _ in range(draw(st.integers(0, 3)))]
            out.append(f"{lead} [{', '.join(items)}]\n")
        else:
            value = scalar_text(draw, a_scalar(draw), indent)
            space = "" if odd(draw) else draw(st.sampled_from([" ", " ", "  "]))
            out.append(f"{lead}{space}{value}{' # c' if odd(draw) else draw(st.sampled_from(['', ' ']))}\n")
        if odd(draw):
            out.append(draw(st.sampled_from(["\n", "  \n", "# comment\n", "   # c\n"])))
    return "".join(out)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block())
def test_paths_agree_on_generated_documents(text: str) -> None:
    assume(checked_text(text.encode("utf-8")) is not None)
    agree(text)


@st.composite
def lines(draw: st.DrawFn) -> list[str]:
    """Lines of any indentation and shape, mostly `key: value` and `- item`."""
    found = []
    for _ in range(draw(st.integers(1, 8))):
        indent = " " * draw(st.sampled_from([0, 0, 1, 2, 2, 4]))
        dash = draw(st.sampled_from(["", "", "- ", "-", "-  "] if odd(draw) else ["", "", "- "]))
        head = draw(st.sampled_from(["", f"{a_key(draw)}:", f"{a_key(draw)}:"]))
        space = draw(st.sampled_from(["", " ", "  "])) if odd(draw) else " "
        found.append(indent + dash + head + (space + a_scalar(draw) if draw(st.booleans()) else ""))
    return found


@settings(max_examples=600, deadline=None)
@given(lines(), st.booleans())
def test_paths_agree_on_random_lines(found: list[str], final_break: bool) -> None:
    text = "\n".join(found) + ("\n" if final_break else "")
    assume(checked_text(text.encode("utf-8")) is not None)
    agree(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block(), st.data())
def test_paths_agree_after_a_random_edit(text: str, data: st.DataObject) -> None:
    """One character inserted, deleted or replaced anywhere: the fast path declines or agrees."""
    at = data.draw(st.integers(0, len(text)))
    char = data.draw(st.sampled_from(TRICKY + "\n"))
    edit = data.draw(st.sampled_from(["insert", "delete", "replace"]))
    after = at + (edit != "insert")
    text = text[:at] + ("" if edit == "delete" else char) + text[after:]
    assume(checked_text(text.encode("utf-8")) is not None)
    agree(text)
