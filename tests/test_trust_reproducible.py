"""Reproducible builds: the same directory built twice gives byte-identical sites, so a reviewer can
diff a pull request's effect on the site.

The builds differ in everything that must not matter: Python's hash seed (set and dict order of
strings), the folder the site is built into, and the time of day. What differs by design is the
build date, and only where it is printed:
- sitemap.xml(.gz) <lastmod>: mkdocs takes SOURCE_DATE_EPOCH, else today;
- the open data's version, the day it was built (data/directory.json, data/changes.json,
  data/hsds/datapackage.json, the page /oppna-data/ and so the search index): the one clock,
  commonmap/base/clock.py (COMMONMAP_TODAY, else SOURCE_DATE_EPOCH, else today).
CI and reviewers who diff two builds set SOURCE_DATE_EPOCH (e.g. to the commit time) and get
byte-identical sites; a third build on another day of the year shows that the date is all that
changes (in another year, record pages may rightly say that their sources have grown old).
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.sites import ROOT


def build(out: Path, seed: str, epoch: str | None) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    # The suite pins the one clock to TODAY; these builds are dated by SOURCE_DATE_EPOCH alone, a
    # day after every review in the sample and in no record, so the date is found where printed.
    env.pop("COMMONMAP_TODAY", None)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]


def files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            found[str(path.relative_to(site))] = path.read_bytes()
    return found


def test_two_builds_are_byte_identical_except_the_sitemap_date(tmp_path: Path) -> None:
    build(tmp_path / "a", seed="1", epoch="1795996800")  # 2026-11-30
    build(tmp_path / "b", seed="4242", epoch="1795996800")
    # Another day of the same year: record pages tell the age of their sources by the year (a page
    # from 2024 is "old" from 2027 on), so another year may rightly change them.
    build(tmp_path / "c", seed="7", epoch="1797292800")  # 2026-12-15
    a, b, c = files(tmp_path / "a"), files(tmp_path / "b"), files(tmp_path / "c")
    assert a.keys() == b.keys() == c.keys()
    assert [name for name in a if a[name] != b[name]] == []
    differ = [name for name in a if a[name] != c[name]]
    assert "sitemap.xml" in differ and "data/directory.json" in differ

    def undated(content: bytes, day: bytes) -> bytes:
        text = gzip.decompress(content) if content[:2] == b"\x1f\x8b" else content
        return text.replace(day, b"DATE")

    for name in differ:  # the only difference is the date itself
        assert undated(a[name], b"2026-11-30") == undated(c[name], b"2026-12-15"), name
    everything = b"".join(a.values())
    assert str(tmp_path).encode() not in everything and str(ROOT).encode() not in everything, "no local path"


# A restructuring (issue 20) must not change the site: with COMMONMAP_SAME_AS=<commit>, the sample
# site and a 1,000-record synthetic site are built from that commit (a git worktree) and from this
# checkout, with the same date and hash seed, and must be byte-identical. Off by default: a commit
# that rightly changes the site would fail it. `make same-as REV=<commit>` runs it.
SAME_AS = os.environ.get("COMMONMAP_SAME_AS")


def tree_build(tree: Path, directory: Path | None, out: Path) -> None:
    """Build with `tree`'s code, theme and content; `directory` replaces the sample directory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "3", "PYTHONPATH": str(tree)}
    env["SOURCE_DATE_EPOCH"] = "1795996800"  # 2026-11-30
    env.pop("COMMONMAP_TODAY", None)
    config = tree / "mkdocs.yml"
    if directory is not None:
        text = config.read_text(encoding="utf-8").replace("      directory: directory", f"      directory: {directory}")
        text = text.replace("docs_dir: content", f"docs_dir: {tree / 'content'}")
        text = text.replace("custom_dir: overrides", f"custom_dir: {tree / 'overrides'}")
        config = out.parent / f"{out.name}.yml"
        config.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(out)]
    result = subprocess.run(command, cwd=tree, capture_output=True, text=True, env=env, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.skipif(not SAME_AS, reason="set COMMONMAP_SAME_AS to a commit to compare the site with")
def test_same_site_as_the_commit_named(tmp_path: Path) -> None:
    from tests.support.synthetic import generate

    before = tmp_path / "before"
    subprocess.run(["git", "worktree", "add", "--detach", str(before), SAME_AS], cwd=ROOT, check=True)
    try:
        synthetic = generate(tmp_path / "synthetic", 1000, rich=True)
        for name, directory in (("sample", None), ("synthetic", synthetic)):
            tree_build(before, directory, tmp_path / f"{name}-before")
            tree_build(ROOT, directory, tmp_path / f"{name}-after")
            a, b = files(tmp_path / f"{name}-before"), files(tmp_path / f"{name}-after")
            assert sorted(a.keys() ^ b.keys()) == [], name
            assert [path for path in a if a[path] != b[path]] == [], name
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, check=True)
