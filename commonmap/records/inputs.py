"""Reading the repository's files safely, and accounting for every entry under directory/.

A pull request can put anything into the tree: a symbolic link to a file outside it, a device,
a FIFO that would block the build, a hard link, a file of gigabytes. Only regular files are
read: each entry's kind is known from its directory listing (or lstat) before anything is
opened, the open itself refuses links and cannot block (O_NOFOLLOW, O_NONBLOCK), the size is
checked with fstat before one byte is read, and no more than the limit is ever read.

`inventory` walks the directory without following any link and sorts every entry into a record
file to read, one of the two shared files, or a problem that names it: nothing under directory/
disappears without a word.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field

from commonmap.base.characters import visible
from commonmap.records.checks import ID_PATTERN
from commonmap.records.problems import Problem

CATEGORIES_FILE = "categories.yml"
AREAS_FILE = "areas.geojson"
HELPLINES_FILE = "stodlinjer.yml"  # the crisis strip (helplines.py)
GOOD_EXAMPLES_FILE = "good_examples.yml"  # the municipality's choice (goodexamples.py)
SHARED_FILES = (CATEGORIES_FILE, AREAS_FILE, HELPLINES_FILE, GOOD_EXAMPLES_FILE)
TYPE_FOLDERS = ("organisations", "places", "roles", "collaborations")
# Files a folder may hold that are not data: git keeps empty folders with one.
IGNORED = frozenset({".gitkeep"})
MAX_DEPTH = 8  # folders below directory/ that are looked into (records sit one level down)
OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
KINDS = {  # the Swedish name of each kind of entry that is refused
    "symlink": "en symbolisk länk",
    "hardlink": "en hård länk till en annan fil",
    "fifo": "en namngiven pipe (FIFO)",
    "device": "en enhetsfil",
    "socket": "en socket",
    "other": "inte en vanlig fil",
}


def kind_of(mode: int) -> str | None:
    """None for a regular file, else the kind that is refused."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "socket" if stat.S_ISSOCK(mode) else "other"


def read_regular(path: str, name: str, limit: int) -> tuple[bytes | None, Problem | None]:
    """The bytes of a regular file of at most `limit` bytes, or the problem that refuses it.
    Links, devices and FIFOs are refused from lstat, without being opened."""
    try:
        kind = kind_of(os.lstat(path).st_mode)
        if kind is not None:
            return None, refused(name, kind)
        descriptor = os.open(path, OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link after the lstat
            return None, refused(name, "symlink")
        if error.errno == errno.ENOENT:
            return None, Problem(name, 1, 1, "missing-file", {})
        return None, Problem(name, 1, 1, "unreadable-file", {"reason": error.strerror or "okänt fel"})
    try:
        info = os.fstat(descriptor)
        kind = kind_of(info.st_mode) or ("hardlink" if info.st_nlink > 1 else None)
        if kind is not None:
            return None, refused(name, kind)
        if info.st_size > limit:
            return None, too_large(name, info.st_size, limit)
        raw = _read_at_most(descriptor, limit + 1)
    except OSError as error:
        return None, Problem(name, 1, 1, "unreadable-file", {"reason": error.strerror or "okänt fel"})
    finally:
        os.close(descriptor)
    if len(raw) > limit:  # it grew while being read
        return None, too_large(name, len(raw), limit)
    return raw, None


def _read_at_most(descriptor: int, count: int) -> bytes:
    chunks, left = [], count
    while left > 0:
        chunk = os.read(descriptor, left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def refused(name: str, kind: str) -> Problem:
    return Problem(name, 1, 1, "not-regular-file", {"kind": KINDS[kind]})


def too_large(name: str, size: int, limit: int) -> Problem:
    return Problem(name, 1, 1, "file-too-large", {"size": size, "limit": limit})


def shown(name: str) -> str:
    """A file name as messages may print it: undecodable bytes, control and invisible characters
    made visible, so that a name cannot break a line of output or disguise itself."""
    return visible(name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


@dataclass
class Inventory:
    records: list[tuple[str, str, str]] = field(default_factory=list)  # (path, type folder, name)
    problems: list[Problem] = field(default_factory=list)


def inventory(root: str, prefix: str) -> Inventory:
    """Every entry under `root`, sorted into record files and problems. `prefix` is the folder's
    name in messages ("directory"). Entries are taken from their listing: nothing is opened."""
    found = Inventory()
    stack: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while stack:
        folder, parts = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name, reverse=True)
        except OSError as error:
            found.problems.append(_unreadable(os.path.join(prefix, *parts), error))
            continue
        for entry in entries:
            child = (*parts, entry.name)
            name = shown(os.path.normpath(os.path.join(prefix, *child)))
            if entry.is_dir(follow_symlinks=False):
                if entry.name.startswith("."):
                    found.problems.append(Problem(name, 1, 1, "hidden-entry"))
                elif len(child) > MAX_DEPTH:
                    found.problems.append(Problem(name, 1, 1, "too-deep-folder", {"limit": MAX_DEPTH}))
                else:
                    stack.append((entry.path, child))
            else:
                _file(found, entry, child, name)
    found.records.sort()
    return found


def _unreadable(name: str, error: OSError) -> Problem:
    return Problem(shown(name), 1, 1, "unreadable-file", {"reason": error.strerror or "okänt fel"})


def _file(found: Inventory, entry: os.DirEntry, parts: tuple[str, ...], name: str) -> None:
    """A file entry at `parts` below the root: a record, a shared file or a problem."""
    try:
        if entry.is_symlink():
            kind = "symlink"
        elif entry.is_file(follow_symlinks=False):  # from the listing: no system call
            kind = None
        else:
            kind = kind_of(entry.stat(follow_symlinks=False).st_mode)
    except OSError as error:
        found.problems.append(_unreadable(name, error))
        return
    if kind is not None:
        found.problems.append(refused(name, kind))
    elif entry.name in IGNORED or len(parts) == 1 and entry.name in SHARED_FILES:
        return  # the shared files are read by their own readers
    elif len(parts) == 2 and parts[0] in TYPE_FOLDERS:
        _record_file(found, entry, parts[0], name)
    else:
        found.problems.append(_stray(name, parts))


def looks_like_record(file_name: str) -> bool:
    lowered = file_name.lower()
    return ".yml" in lowered or ".yaml" in lowered


def _record_file(found: Inventory, entry: os.DirEntry, folder: str, name: str) -> None:
    stem, suffix = os.path.splitext(entry.name)
    if suffix == ".yml" and ID_PATTERN.match(stem):
        found.records.append((entry.path, folder, name))
    elif entry.name.startswith("."):
        found.problems.append(_hidden(name, entry.name))
    else:
        # Everything else in a type folder is meant to be a record: a wrong name is an error.
        found.problems.append(Problem(name, 1, 1, "bad-filename", {"value": shown(entry.name)}))


def _hidden(name: str, file_name: str) -> Problem:
    """A hidden file: a warning, as the catalogue says (.DS_Store, .gitkeep), but an error when it
    looks like a record, which would otherwise leave the site without failing the check."""
    return Problem(name, 1, 1, "hidden-entry", severity="error" if looks_like_record(file_name) else None)


def _stray(name: str, parts: tuple[str, ...]) -> Problem:
    """A file outside the type folders: an error when it looks like a record, else a warning."""
    file_name = parts[-1]
    if file_name.startswith("."):
        return _hidden(name, file_name)
    if not looks_like_record(file_name):
        return Problem(name, 1, 1, "unknown-file")
    suggestion = _folder_suggestion(parts[0]) if len(parts) > 1 else ""
    return Problem(name, 1, 1, "misplaced-file", {"allowed": ", ".join(TYPE_FOLDERS), "suggestion": suggestion})


def _folder_suggestion(folder: str) -> str:
    """A type folder whose name differs only in case or a final s ("Organisation")."""
    for known in TYPE_FOLDERS:
        if folder.lower().rstrip("s") == known.rstrip("s") and folder != known:
            return f" Menade du mappen '{known}'?"
    return ""
