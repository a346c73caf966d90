"""The headers of the corpus files (tests/bad/, tests/hostile/ and its folders): comment lines at the
top, `# class: ...`, `# folder: ...`, `# expect: LINE CODE, LINE CODE` (or `shown`)."""

from __future__ import annotations

from pathlib import Path

HEADER_LINES = 4


def headers(path: Path) -> dict[str, str]:
    """{name: value} of the file's header lines."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines()[:HEADER_LINES]:
        if line.startswith("# ") and ":" in line:
            key, _, value = line[2:].partition(":")
            found[key] = value.strip()
    return found


def codes(text: str) -> list[tuple[int, str]]:
    """`LINE CODE, LINE CODE` as sorted (line, code) pairs."""
    return sorted((int(item.split()[0]), item.split()[1]) for item in text.split(",") if item.strip())


def lines(text: str) -> list[int]:
    """The lines of `LINE CODE, LINE CODE` (or of `LINE, LINE`), sorted."""
    return sorted(int(item.split()[0]) for item in text.split(",") if item.strip())
