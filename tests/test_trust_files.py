"""What a pull request can put into directory/ besides record files: links into and out of the
tree, FIFOs, devices, sockets, hard links, huge sparse files, names in the wrong form or case,
hidden files and unknown folders. Each entry is refused or reported with its name by `commonmap
validate` in its own process, without being opened when it is not a regular file, in under 5 s
and 500 MB, and nothing from outside the tree reaches any output.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import processes
from tests.support.directories import MINIMAL, problem_keys, validate
from tests.support.sites import build_site, site_config

SECRET = "HEMLIGT-UTANFOR-TRADET-7f3a"  # in every file outside the tree; never in any output
RECORD = (
    f"id: hemlig\nname: {SECRET}\nkind: association\ncategories: [gemenskap]\n"
    f"last_reviewed: 2026-01-15\nsources: [{SECRET}]\n"
)


def outside(tmp_path: Path) -> Path:
    """Files outside the tree: a valid record, a vocabulary, an areas file and a plain secret."""
    folder = tmp_path / "utanfor"
    folder.mkdir(exist_ok=True)
    (folder / "hemlig.yml").write_text(RECORD, encoding="utf-8")
    (folder / "passwd").write_text(f"root:x:0:0:{SECRET}:/root:/bin/sh\n", encoding="utf-8")
    categories = (MINIMAL / "categories.yml").read_text(encoding="utf-8")
    (folder / "categories.yml").write_text(categories.replace("Trygghet", SECRET), encoding="utf-8")
    areas = (MINIMAL / "areas.geojson").read_text(encoding="utf-8")
    (folder / "areas.geojson").write_text(areas.replace("Adolfsberg", SECRET), encoding="utf-8")
    shutil.copytree(MINIMAL / "roles", folder / "roles", dirs_exist_ok=True)
    return folder


def link(target: Callable[[Path, Path], Path]) -> Callable[[Path, Path, str], None]:
    def make(root: Path, out: Path, name: str) -> None:
        path = root / name
        if path.exists() or path.is_symlink():
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        path.symlink_to(target(root, out))

    return make


def fifo(root: Path, out: Path, name: str) -> None:
    (root / name).unlink(missing_ok=True)
    os.mkfifo(root / name)


def device(root: Path, out: Path, name: str) -> None:
    try:  # the numbers of /dev/zero: read, it would never end
        os.mknod(root / name, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("this system does not let the tests make a device file (mknod needs privileges)")


def unix_socket(root: Path, out: Path, name: str) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / name))
    server.close()


def hard_link(root: Path, out: Path, name: str) -> None:
    os.link(out / "hemlig.yml", root / name)


def sparse(size: int) -> Callable[[Path, Path, str], None]:
    def make(root: Path, out: Path, name: str) -> None:
        with open(root / name, "wb") as file:
            file.truncate(size)

    return make


def text(content: str) -> Callable[[Path, Path, str], None]:
    def make(root: Path, out: Path, name: str) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")

    return make


RECORD_TEXT = (MINIMAL / "organisations" / "exempelforeningen.yml").read_text(encoding="utf-8")
GIGABYTES_10 = 10 * 1024**3
# name: (entry to make, how to make it, expected (shown name, severity, code) of the problem)
CASES: dict[str, tuple[str, Callable, tuple[str, str, str]]] = {
    "symlink-out-file": (
        "organisations/lank.yml",
        link(lambda r, o: o / "hemlig.yml"),
        ("lank.yml", "error", "not-regular-file"),
    ),
    "symlink-out-system": (
        "organisations/passwd.yml",
        link(lambda r, o: Path("/etc/passwd")),
        ("passwd.yml", "error", "not-regular-file"),
    ),
    "symlink-in-file": (
        "organisations/kopia.yml",
        link(lambda r, o: Path("../places/exempelplatsen.yml")),
        ("kopia.yml", "error", "not-regular-file"),
    ),
    "symlink-out-folder": (
        "organisations/extra",
        link(lambda r, o: o),
        ("organisations/extra", "error", "not-regular-file"),
    ),
    "symlink-type-folder": ("roles", link(lambda r, o: o / "roles"), ("directory/roles", "error", "not-regular-file")),
    "symlink-categories": (
        "categories.yml",
        link(lambda r, o: o / "categories.yml"),
        ("categories.yml", "error", "not-regular-file"),
    ),
    "symlink-areas": (
        "areas.geojson",
        link(lambda r, o: o / "areas.geojson"),
        ("areas.geojson", "error", "not-regular-file"),
    ),
    "symlink-dangling": (
        "organisations/borta.yml",
        link(lambda r, o: Path("/finns/inte.yml")),
        ("borta.yml", "error", "not-regular-file"),
    ),
    "symlink-loop": (
        "organisations/slinga.yml",
        link(lambda r, o: r / "organisations" / "slinga.yml"),
        ("slinga.yml", "error", "not-regular-file"),
    ),
    "fifo-record": ("organisations/ror.yml", fifo, ("ror.yml", "error", "not-regular-file")),
    "fifo-categories": ("categories.yml", fifo, ("categories.yml", "error", "not-regular-file")),
    "fifo-areas": ("areas.geojson", fifo, ("areas.geojson", "error", "not-regular-file")),
    "device": ("organisations/noll.yml", device, ("noll.yml", "error", "not-regular-file")),
    "socket": ("organisations/uttag.yml", unix_socket, ("uttag.yml", "error", "not-regular-file")),
    "hard-link-out": ("organisations/hard.yml", hard_link, ("hard.yml", "error", "not-regular-file")),
    "sparse-record": ("organisations/stor.yml", sparse(GIGABYTES_10), ("stor.yml", "error", "file-too-large")),
    "sparse-areas": ("areas.geojson", sparse(GIGABYTES_10), ("areas.geojson", "error", "file-too-large")),
    "sparse-categories": ("categories.yml", sparse(GIGABYTES_10), ("categories.yml", "error", "file-too-large")),
    "extension-yaml": ("organisations/post.yaml", text(RECORD_TEXT), ("post.yaml", "error", "bad-filename")),
    "extension-upper": ("organisations/post.YML", text(RECORD_TEXT), ("post.YML", "error", "bad-filename")),
    "extension-txt": ("organisations/post.yml.txt", text(RECORD_TEXT), ("post.yml.txt", "error", "bad-filename")),
    "extension-json": ("organisations/post.json", text("{}"), ("post.json", "error", "bad-filename")),
    "extension-none": ("organisations/post", text(RECORD_TEXT), ("organisations/post", "error", "bad-filename")),
    "backup-copy": (
        "organisations/exempelforeningen.yml~",
        text(RECORD_TEXT),
        ("exempelforeningen.yml~", "error", "bad-filename"),
    ),
    "name-case": ("organisations/Kfum.yml", text(RECORD_TEXT), ("Kfum.yml", "error", "bad-filename")),
    "name-space": ("organisations/ny post.yml", text(RECORD_TEXT), ("ny post.yml", "error", "bad-filename")),
    "hidden-record": ("organisations/.dold.yml", text(RECORD_TEXT), (".dold.yml", "error", "hidden-entry")),
    "hidden-folder": (".gammalt/post.yml", text(RECORD_TEXT), (".gammalt", "warning", "hidden-entry")),
    "hidden-system-file": ("organisations/.DS_Store", text("x"), (".DS_Store", "warning", "hidden-entry")),
    "folder-case": ("Organisations/post.yml", text(RECORD_TEXT), ("Organisations/post.yml", "error", "misplaced-file")),
    "folder-unknown": ("arkiv/post.yml", text(RECORD_TEXT), ("arkiv/post.yml", "error", "misplaced-file")),
    "subfolder": ("organisations/gamla/post.yml", text(RECORD_TEXT), ("gamla/post.yml", "error", "misplaced-file")),
    "root-record": ("post.yml", text(RECORD_TEXT), ("directory/post.yml", "error", "misplaced-file")),
    "root-readme": ("README.md", text("# Om katalogen\n"), ("README.md", "warning", "unknown-file")),
    "folder-picture": ("bilder/logga.png", text("PNG"), ("logga.png", "warning", "unknown-file")),
    "name-newline": ("organisations/a\nb.yml", text(RECORD_TEXT), ("a<U+000A>b.yml", "error", "bad-filename")),
    "name-bidi": ("organisations/\u202elmy.exe", text(RECORD_TEXT), ("<U+202E>lmy.exe", "error", "bad-filename")),
    "name-escape": (
        "organisations/\x1b[31mrod.yml",
        text(RECORD_TEXT),
        ("<U+001B>[31mrod.yml", "error", "bad-filename"),
    ),
    "name-undecodable": (
        "organisations/\udcffpost.yml",
        text(RECORD_TEXT),
        ("\ufffdpost.yml", "error", "bad-filename"),
    ),
    "deep-folders": (
        "a/b/c/d/e/f/g/h/i/j/post.yml",
        text(RECORD_TEXT),
        ("a/b/c/d/e/f/g/h/i", "error", "too-deep-folder"),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_entry_is_refused_or_reported_by_name(tmp_path: Path, case: str) -> None:
    name, make, (shown, severity, code) = CASES[case]
    root = tmp_path / "directory"
    shutil.copytree(MINIMAL, root)
    make(root, outside(tmp_path), name)
    run = processes.validate(root)
    assert (1, severity) in run.problems(shown), run.stdout[-2000:]
    assert run.code == (1 if severity == "error" else 0), run.output[-2000:]
    assert SECRET not in run.output
    run.assert_bounded()
    keys = [(p.file, p.code, p.severity) for p in validate(root)]
    assert any(file.endswith(shown) and (c, s) == (code, severity) for file, c, s in keys), keys


def test_the_gitkeep_of_an_empty_folder_is_accepted(tmp_path: Path) -> None:
    root = tmp_path / "directory"
    shutil.copytree(MINIMAL, root)
    (root / "roles" / ".gitkeep").write_text("", encoding="utf-8")
    assert validate(root) == []


def test_nothing_outside_the_tree_reaches_the_site_build(tmp_path: Path) -> None:
    """The build refuses a linked record and a linked vocabulary without reading them, and leaves
    no site."""
    root = tmp_path / "directory"
    shutil.copytree(MINIMAL, root)
    out = outside(tmp_path)
    (root / "organisations" / "lank.yml").symlink_to(out / "hemlig.yml")
    (root / "categories.yml").unlink()
    (root / "categories.yml").symlink_to(out / "categories.yml")
    result = build_site(site_config(tmp_path, root), tmp_path / "site")
    assert result.returncode == 1
    assert SECRET not in result.stdout + result.stderr
    assert "lank.yml:1:1: error:" in result.stderr and "categories.yml:1:1: error:" in result.stderr
    assert not (tmp_path / "site").exists()


def test_an_unreadable_yaml_file_is_quoted_briefly_and_visibly(tmp_path: Path) -> None:
    """What a message quotes from a file is short and made visible: a long key, a long value, a
    line of invisible characters; the rest of the content never reaches the output."""
    tail = "x" * 200 + SECRET
    files = {
        "organisations/lang-nyckel.yml": f"id: lang-nyckel\nname: N\n{'k' * 90}{tail}: v\n",
        "organisations/langt-val.yml": f"id: langt-val\nname: N\nkind: {'a' * 90}{tail}\n",
        "organisations/osynligt.yml": f"id: osynligt\nname: \u202e{'b' * 90}{tail}\n",
        "organisations/fel-yaml.yml": f"id: fel-yaml\nname: [\u202e{'c' * 90}{tail}\n",
    }
    root = tmp_path / "directory"
    shutil.copytree(MINIMAL, root)
    for name, content in files.items():
        (root / name).write_text(content, encoding="utf-8")
    run = processes.validate(root)
    for name in files:
        assert run.problems(Path(name).name), name
    assert SECRET not in run.output
    run.assert_bounded()
    github = processes.validate(root, "--format", "github")
    assert SECRET not in github.output
    github.assert_bounded()
    named = {Path(name).name for name in files}
    assert {key[0] for key in problem_keys(validate(root)) if key[0] in named} == named


def test_a_file_that_cannot_be_opened_is_named(tmp_path: Path, monkeypatch) -> None:
    """Permissions cannot be taken from root, who runs these tests: the refusal is simulated."""
    from commonmap.records import inputs

    root = tmp_path / "directory"
    shutil.copytree(MINIMAL, root)
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if str(path).endswith("exempelforeningen.yml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(inputs.os, "open", refuse)
    keys = problem_keys(validate(root))
    assert ("exempelforeningen.yml", 1, "unreadable-file") in keys
