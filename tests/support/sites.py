"""The site built as a user builds it (`mkdocs build --strict`), from the project or a test directory."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support.directories import TESTS, minimal_with

ROOT = TESTS.parent


def build_site(config_dir: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as a user runs it; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    return subprocess.run(command, cwd=config_dir, capture_output=True, text=True, env=env, timeout=600)


def site_config(
    folder: Path,
    directory: Path,
    repo_url: str = "https://github.com/exempel/karta",
    languages: list[str] | None = None,
) -> Path:
    """A mkdocs.yml in `folder` for a test directory: the project's own mkdocs.yml (so theme, CSS,
    scripts and plugins stay in sync) with absolute paths and the test directory; `languages`
    limits the interface languages published."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {
        "docs_dir: content": f"docs_dir: {ROOT / 'content'}",
        "custom_dir: overrides": f"custom_dir: {ROOT / 'overrides'}",
        "      directory: directory": f"      directory: {directory}",
    }
    for old, new in replacements.items():
        assert old in config, old
        config = config.replace(old, new)
    config = re.sub(r"(?m)^repo_url: .*$", f"repo_url: {repo_url}", config)
    if languages is not None:
        config = config.replace(
            replacements["      directory: directory"],
            f"{replacements['      directory: directory']}\n      languages: {languages}",
        )
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def built(config_dir: Path, out: Path) -> Path:
    """The site built into `out`; a failed build fails the test with mkdocs' last words."""
    result = build_site(config_dir, out)
    assert result.returncode == 0, result.stderr[-5000:]
    return out


def fixture_site(root: Path, files: dict[str, str], languages: list[str] | None = None) -> tuple[Path, Path]:
    """The minimal directory plus `files`, built under `root`: (built site, directory). For
    module-scoped fixtures that build once and serve the result to many browser tests."""
    directory = minimal_with(root / "directory", files)
    return built(site_config(root, directory, languages=languages), root / "site"), directory
