"""A site written aside and put in place whole: a failed, interrupted or killed build leaves the
previous site as it was.

The engine writes into a fresh folder beside the site (`.site.building-<pid>-<random>`); when
the build is complete, the two folders trade places in one step (renameat2 with
RENAME_EXCHANGE on Linux: there is no moment without a site), and the old one is removed.
Where the exchange is not available, two renames are used, and a site found missing at the next
build is brought back from the folder it was moved to. Folders left by a killed build are
removed by the next build.
"""

from __future__ import annotations

import atexit
import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100
MARK = ".building-"
OLD = ".previous-"


def begin(site_dir: str) -> str:
    """A new, empty folder beside `site_dir` to build into; stale ones from killed builds go."""
    site = Path(site_dir).absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    _recover(site)
    staging = tempfile.mkdtemp(prefix=f".{site.name}{MARK}{os.getpid()}-", dir=site.parent)
    atexit.register(discard, staging)  # an interrupt (Ctrl-C) ends the process without build errors
    return staging


def publish(staging: str, site_dir: str) -> None:
    """Put the finished build in place of the site, in one step where the system allows."""
    site = Path(site_dir).absolute()
    if not site.exists():
        os.rename(staging, site)
    elif site.is_symlink() or not site.is_dir():
        raise OSError(errno.ENOTDIR, f"{site} är inte en mapp")
    elif _exchange(staging, str(site)):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous site
    else:
        old = tempfile.mkdtemp(prefix=f".{site.name}{OLD}{os.getpid()}-", dir=site.parent)
        os.rename(site, os.path.join(old, "site"))
        os.rename(staging, site)
        shutil.rmtree(old, ignore_errors=True)
    atexit.unregister(discard)


def discard(staging: str) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def _exchange(first: str, second: str) -> bool:
    """Swap two paths atomically (Linux renameat2); False where that is not available."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), second)


def _recover(site: Path) -> None:
    """Remove what killed builds left beside the site; bring the site back if a build was killed
    between the two renames of the fallback."""
    for mark in (MARK, OLD):
        prefix = f".{site.name}{mark}"
        for entry in site.parent.iterdir():
            if not entry.name.startswith(prefix) or _alive(entry.name[len(prefix) :].split("-", 1)[0]):
                continue
            moved = entry / "site"
            if mark == OLD and moved.is_dir() and not site.exists():
                os.rename(moved, site)
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: str) -> bool:
    """Whether the build that made a folder may still run (this process's own folders included)."""
    if not pid.isdigit():
        return True  # not a folder of ours to judge
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
